//! Analysis over parsed reports: segmentation, themes, coverage, the indicator matrix,
//! comparison, copying, the reviewer's desk and one locality's years.

pub mod align;
pub mod compare;
pub mod copying;
pub mod coverage;
pub mod diff;
pub mod matrix;
pub mod review;
pub mod shared;
pub mod similarity;
pub mod themes;
pub mod years;
