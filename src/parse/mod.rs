//! Clean text → [`Report`]: metadata, outline, measures, indicators, themes.

pub mod indicators;
pub mod locality;
pub mod numbers;

use crate::ingest::Document;
use crate::model::Report;

/// Parse one cleaned document into a report.
pub fn parse_document(source: &str, doc: Document) -> Report {
    let hash = blake3::hash(doc.text.as_bytes()).to_hex().to_string();
    let locality = locality::resolve(&doc.text, doc.meta.title.as_deref(), &doc.meta);
    Report {
        source: source.to_string(),
        locality,
        year: None,
        title: None,
        sections: Vec::new(),
        indicators: indicators::find_indicators(&doc.text),
        text: doc.text,
        preamble: Default::default(),
        meta: doc.meta,
        hash,
    }
}
