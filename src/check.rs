//! The completeness check: does a report carry the parts the 2019 inspection regulation asks for?
