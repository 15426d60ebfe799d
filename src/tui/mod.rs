//! The dashboard: a thin ratatui layer over the corpus.
