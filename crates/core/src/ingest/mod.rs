//! Bytes on disk → clean UTF-8 text with the page's chrome set aside.

pub mod clean;
pub mod decode;
pub mod html;
pub mod nesting;

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::model::PageMeta;
use crate::text::chars::han_count;

/// A file's readable content: one paragraph per line, chrome removed, plus what the page said
/// about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub text: String,
    pub meta: PageMeta,
    /// Bytes that were not valid in the file's encoding, each run shown as U+FFFD: a damaged
    /// report still loads, and the caller says how much was lost.
    pub undecodable: usize,
    /// Tags removed because they nested deeper than [`nesting::MAX_DEPTH`]: their text is kept,
    /// and the caller says the page's structure was simplified.
    pub too_deep: usize,
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
    /// A FIFO, socket or device: reading one can block forever or never end.
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("larger than the {} limit", size_text(*.0))]
    TooLarge(u64),
    #[error("no report text found ({0})")]
    NotAReport(String),
}

/// Fewer Chinese characters than this, once cleaned, cannot be an annual report.
pub const MIN_HAN: usize = 50;

/// The default of the per-file size limit: annual reports are tens of kilobytes, the largest
/// saved pages a few megabytes.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 50 * MB;

const MB: u64 = 1024 * 1024;

/// A byte count as the limit is written in messages: "50 MB", else "1000 bytes".
fn size_text(bytes: u64) -> String {
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Read one file (text or saved web page, any supported encoding), within the default size limit.
pub fn read_path(path: &Path) -> Result<Document, IngestError> {
    let bytes = read_file(path, DEFAULT_MAX_FILE_BYTES)?;
    from_bytes(&bytes, &path.to_string_lossy())
}

/// The bytes of a regular file (symlinks followed) of at most `limit` bytes. Anything else is
/// refused before it is opened, so a FIFO named `x.txt` cannot hang a load nor a link to
/// `/dev/zero` fill memory.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    check_regular(&std::fs::metadata(path)?, limit)?;
    let file = open_without_blocking(path)?;
    // The path may have been swapped between the check and the open: check what was opened.
    let meta = file.metadata()?;
    check_regular(&meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte past the limit tells a file that grew while being read from one that fits.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge(limit));
    }
    Ok(bytes)
}

fn check_regular(meta: &std::fs::Metadata, limit: u64) -> Result<(), IngestError> {
    if !meta.is_file() {
        return Err(IngestError::NotRegular(file_kind(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(IngestError::TooLarge(limit));
    }
    Ok(())
}

#[cfg(unix)]
fn file_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "fifo"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_char_device() {
        "character device"
    } else if kind.is_block_device() {
        "block device"
    } else if kind.is_dir() {
        "folder"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn file_kind(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        "folder"
    } else {
        "special file"
    }
}

/// Opening a FIFO for reading blocks until a writer comes; O_NONBLOCK makes the open return at
/// once (and changes nothing for a regular file), so the check after it can refuse the FIFO.
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Decode, de-HTML and clean bytes; `name` (a path or file name) hints at the format.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Document, IngestError> {
    let decode::Decoded { text, undecodable } = decode::decode(bytes)?;
    let lower = name.to_ascii_lowercase();
    let looks_html = lower.ends_with(".html") || lower.ends_with(".htm") || html::sniff(&text);
    let mut meta = PageMeta::default();
    let mut too_deep = 0;
    let cleaned = if looks_html {
        let (capped, removed) = nesting::cap_nesting(&text);
        too_deep = removed;
        let (blocks, page) = html::to_blocks(&capped);
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
        undecodable,
        too_deep,
    })
}
