//! Analysis over parsed reports: segmentation, themes, comparison.

pub mod align;
pub mod compare;
pub mod diff;
pub mod shared;
pub mod similarity;
pub mod themes;
