//! Analysis over parsed reports: segmentation, themes, comparison.

pub mod segment;
pub mod themes;
