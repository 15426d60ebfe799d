//! All loaded reports: loading in parallel, de-duplication, cache, indexes.
