//! The parse cache: a parsed report and its word index, stored under the hash of the file's bytes
//! and of the build that parsed it, so a corpus of thousands of files is parsed once.
//!
//! The caller chooses the folder (the faces: `FAZHI_CACHE_DIR`, `$XDG_CACHE_HOME/fazhi` or the
//! platform's cache folder). Entries are written to a temporary file and renamed into place, so a
//! reader never sees half an entry; an unreadable or stale entry is simply parsed again.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analyse::themes::Taxonomy;
use crate::model::Report;

/// Changes whenever the parser's code or assets change (computed by `build.rs`), so a new build
/// never reads what an old one parsed.
const BUILD_FINGERPRINT: &str = env!("FAZHI_BUILD_FINGERPRINT");

/// What is stored for one file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    pub report: Report,
    /// Every word of the report's text with its byte offset (the search index's input).
    pub words: Vec<(String, u32)>,
}

/// A cache folder.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// A cache in `dir` (created if needed) for reports scored with `taxonomy`.
    pub fn at(dir: &Path, taxonomy: &Taxonomy) -> Option<Cache> {
        // The user's theme keywords shape every parse too.
        let themes = taxonomy.fingerprint();
        let build = &BUILD_FINGERPRINT[..16.min(BUILD_FINGERPRINT.len())];
        let dir = dir.join(format!("parsed-{build}-{themes}"));
        std::fs::create_dir_all(&dir).ok()?;
        Some(Cache { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_for(&self, bytes: &[u8]) -> PathBuf {
        let key = blake3::hash(bytes).to_hex();
        self.dir.join(format!("{key}.json"))
    }

    /// The entry for a file's bytes, if a readable one is stored.
    pub fn get(&self, bytes: &[u8]) -> Option<Entry> {
        let stored = std::fs::read(self.path_for(bytes)).ok()?;
        serde_json::from_slice(&stored).ok()
    }

    /// Store an entry; failures are ignored (the cache only saves time).
    pub fn put(&self, bytes: &[u8], entry: &Entry) {
        let path = self.path_for(bytes);
        let Ok(json) = serde_json::to_vec(entry) else {
            return;
        };
        let Ok(mut tmp) = tempfile::NamedTempFile::new_in(&self.dir) else {
            return;
        };
        if tmp.write_all(&json).is_ok() {
            let _ = tmp.persist(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_bytes;

    #[test]
    fn an_entry_round_trips_whole() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path(), &Taxonomy::embedded()).unwrap();
        let bytes = "2024年，某县坚持以习近平法治思想为指导，深入推进依法行政，法治政府建设取得新成效。\n一、规范执法\n全年办理行政复议案件76件，行政机关负责人出庭应诉率100%，调解矛盾纠纷930件。".as_bytes();
        let report = load_bytes(bytes, "a.txt", &Taxonomy::embedded()).unwrap();
        assert!(cache.get(bytes).is_none());
        cache.put(
            bytes,
            &Entry {
                report: report.clone(),
                words: vec![("行政复议".into(), 3)],
            },
        );
        let got = cache.get(bytes).unwrap();
        assert_eq!(got.report, report);
        assert_eq!(got.words, vec![("行政复议".to_string(), 3)]);
        assert!(cache.get(b"other bytes").is_none());
    }

    #[test]
    fn a_damaged_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path(), &Taxonomy::embedded()).unwrap();
        std::fs::write(cache.path_for(b"x"), b"{ not json").unwrap();
        assert!(cache.get(b"x").is_none());
    }
}
