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

/// Build now what the first comparison, review or search would otherwise stop for: the division
/// codes' name automaton (foreign places), the slogan list's, and jieba's dictionary. A load
/// from the store needs none of them, so the dashboard builds them behind its first frame; its
/// first `2` took 60–120 ms, most of it building the division automaton.
pub fn prepare() {
    crate::divisions::Divisions::get();
    shared::Slogans::shared();
    crate::text::segment::jieba();
}
