//! Saved web page → text, one block element per line.

use crate::model::PageMeta;

/// Does this text look like HTML even though its name does not say so?
pub fn sniff(text: &str) -> bool {
    let head = text
        .trim_start()
        .get(..200)
        .unwrap_or(text)
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The page's text, one block per line, and what the page's markup says about itself.
pub fn to_text(html: &str) -> (String, PageMeta) {
    (html.to_string(), PageMeta::default())
}
