//! Comparing two reports (placeholder until the API lands).
