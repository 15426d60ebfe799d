//! Quantitative facts in prose, and their canonical indicator ids (`assets/indicators.toml`).

use crate::model::Indicator;

/// Every quantity in `text` (a section body); `at` is relative to `text`, `section` left empty.
pub fn find_indicators(_text: &str) -> Vec<Indicator> {
    Vec::new()
}
