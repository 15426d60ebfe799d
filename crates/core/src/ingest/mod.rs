//! Bytes on disk → clean UTF-8 text with the page's chrome set aside.

pub mod clean;
pub mod decode;
pub mod html;

use std::path::Path;

use crate::model::PageMeta;
use crate::text::chars::han_count;

/// A file's readable content: one paragraph per line, chrome removed, plus what the page said
/// about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub text: String,
    pub meta: PageMeta,
}

/// Why a file could not be turned into a report.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file")]
    Empty,
    #[error("binary file, not text")]
    Binary,
    #[error("no report text found ({0})")]
    NotAReport(String),
}

/// Fewer Chinese characters than this, once cleaned, cannot be an annual report.
pub const MIN_HAN: usize = 50;

/// Read one file (text or saved web page, any supported encoding).
pub fn read_path(path: &Path) -> Result<Document, IngestError> {
    let bytes = std::fs::read(path)?;
    from_bytes(&bytes, &path.to_string_lossy())
}

/// Decode, de-HTML and clean bytes; `name` (a path or file name) hints at the format.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Document, IngestError> {
    let text = decode::decode(bytes)?;
    let lower = name.to_ascii_lowercase();
    let looks_html = lower.ends_with(".html") || lower.ends_with(".htm") || html::sniff(&text);
    let mut meta = PageMeta::default();
    let cleaned = if looks_html {
        let (blocks, page) = html::to_blocks(&text);
        meta = page;
        clean::clean_blocks(
            blocks.iter().map(|b| (b.text.as_str(), b.chrome)),
            &mut meta,
        )
    } else {
        clean::clean(&text, &mut meta)
    };
    let han = han_count(&cleaned);
    if han < MIN_HAN {
        return Err(IngestError::NotAReport(format!(
            "only {han} Chinese characters of text after removing page chrome (need {MIN_HAN})"
        )));
    }
    Ok(Document {
        text: cleaned,
        meta,
    })
}
