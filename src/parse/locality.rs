//! Who wrote the report: the locality resolved against the national division codes.

use crate::model::{Locality, PageMeta};

/// Resolve the reporting body from the report's text, its title and the page's metadata.
pub fn resolve(_text: &str, _title: Option<&str>, _meta: &PageMeta) -> Option<Locality> {
    None
}
