//! A reviewer's status and note per report (待审 / 已审 / 待改, and free text), kept in one TOML
//! file in the user's data folder, never beside the reports: report folders are often shared or
//! read-only, and a note is the reviewer's, not the report's. Reports are keyed by the hash of
//! their clean text, so a note follows a report that is moved or renamed.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::settings::FileError;

/// Where a report stands in a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not reviewed yet.
    #[default]
    Pending,
    Reviewed,
    /// Reviewed; the publisher must change something.
    NeedsChanges,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Pending, Status::Reviewed, Status::NeedsChanges];

    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Pending => "待审",
            Status::Reviewed => "已审",
            Status::NeedsChanges => "待改",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Reviewed => "reviewed",
            Status::NeedsChanges => "to fix",
        }
    }

    /// The next status in review order, back to the first after the last.
    pub fn next(self) -> Status {
        let i = Status::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Status::ALL[(i + 1) % Status::ALL.len()]
    }
}

/// One report's review.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where the report was when last noted, for a person reading the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// Every report's review, by report hash.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    #[serde(default)]
    report: BTreeMap<String, Note>,
}

impl Notes {
    /// The notes in `path`; none when the file does not exist yet.
    pub fn load(path: &Path) -> Result<Notes, FileError> {
        if !path.exists() {
            return Ok(Notes::default());
        }
        let text = FileError::read(path, "review notes")?;
        toml::from_str(&text).map_err(|e| FileError::toml(path, &text, &e))
    }

    /// Write the notes to `path` whole, through a temporary file renamed over it, so a crash
    /// or a second instance never leaves half a file.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        file.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    /// The review of the report with text hash `hash` (pending and empty when none).
    pub fn get(&self, hash: &str) -> Note {
        self.report.get(hash).cloned().unwrap_or_default()
    }

    pub fn set(&mut self, hash: &str, note: Note) {
        if note.status == Status::Pending && note.note.is_empty() {
            self.report.remove(hash);
        } else {
            self.report.insert(hash.to_string(), note);
        }
    }

    pub fn len(&self) -> usize {
        self.report.len()
    }

    pub fn is_empty(&self) -> bool {
        self.report.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_round_trip_through_their_file_and_pending_empty_ones_are_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub/reviews.toml");
        assert_eq!(
            Notes::load(&path).expect("no file is no notes"),
            Notes::default()
        );
        let mut notes = Notes::default();
        notes.set(
            "abc",
            Note {
                status: Status::NeedsChanges,
                note: "缺少原因分析".into(),
                source: "a.txt".into(),
            },
        );
        notes.set("def", Note::default());
        notes.save(&path).expect("saved");
        let back = Notes::load(&path).expect("loads");
        assert_eq!(back, notes);
        assert_eq!(back.len(), 1);
        assert_eq!(back.get("abc").status, Status::NeedsChanges);
        assert_eq!(back.get("zzz"), Note::default());
    }

    #[test]
    fn a_damaged_notes_file_is_an_error_with_its_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("reviews.toml");
        std::fs::write(&path, "[report.abc]\nstatus = \"maybe\"\n").expect("written");
        let e = Notes::load(&path).expect_err("an unknown status");
        assert!(e.to_string().contains("reviews.toml:2:"), "{e}");
    }

    #[test]
    fn statuses_cycle_in_review_order() {
        assert_eq!(Status::Pending.next(), Status::Reviewed);
        assert_eq!(Status::Reviewed.next(), Status::NeedsChanges);
        assert_eq!(Status::NeedsChanges.next(), Status::Pending);
    }
}
