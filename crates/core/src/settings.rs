//! What the library takes from the user's configuration: where the reports are, which themes file
//! extends the taxonomy, where the parse cache lives. Plain data: the faces fill it in (from the
//! config file and the environment) and the library never looks anywhere else.

use std::path::{Path, PathBuf};

use crate::analyse::themes::Taxonomy;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Folders (or files) of reports to load when none are named.
    pub report_folders: Vec<PathBuf>,
    /// A themes file in the format of `assets/themes.toml` that extends the embedded taxonomy.
    pub themes_file: Option<PathBuf>,
    /// The parse cache's folder; `None`: no cache.
    pub cache_dir: Option<PathBuf>,
    /// Files larger than this are refused, not read.
    pub max_file_bytes: u64,
    /// The user's data folder, where review notes are kept; `None`: notes are not kept.
    pub data_dir: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            report_folders: Vec::new(),
            themes_file: None,
            cache_dir: None,
            max_file_bytes: crate::ingest::DEFAULT_MAX_FILE_BYTES,
            data_dir: None,
        }
    }
}

/// A settings file (the config file, a themes file) that could not be used, with where.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}: cannot read {what}", path.display())]
    Read {
        path: PathBuf,
        /// What the file is ("config", "themes file").
        what: &'static str,
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl FileError {
    /// `message` about byte `at` of `text`, the text of the file at `path`.
    pub fn at(path: &Path, text: &str, at: usize, message: impl Into<String>) -> FileError {
        let (line, column) = line_column(text, at);
        FileError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A TOML error (syntax, an unknown field, a wrong type) where TOML says it is.
    pub fn toml(path: &Path, text: &str, e: &toml::de::Error) -> FileError {
        FileError::at(
            path,
            text,
            e.span().map_or(0, |s| s.start),
            e.message().trim(),
        )
    }

    /// Read a settings file whole.
    pub fn read(path: &Path, what: &'static str) -> Result<String, FileError> {
        std::fs::read_to_string(path).map_err(|source| FileError::Read {
            path: path.to_path_buf(),
            what,
            source,
        })
    }
}

impl Settings {
    /// The review notes file, if there is a data folder.
    pub fn notes_file(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("reviews.toml"))
    }

    /// The taxonomy reports are scored with: the embedded one, extended by the themes file.
    pub fn taxonomy(&self) -> Result<Taxonomy, FileError> {
        let Some(path) = &self.themes_file else {
            return Ok(Taxonomy::embedded());
        };
        let text = FileError::read(path, "themes file")?;
        Taxonomy::with_user_file(&text).map_err(|e| FileError::toml(path, &text, &e))
    }

    /// The corpus store for reports scored with `taxonomy`, if a folder is set; with the notice
    /// to show when a damaged store had to be set aside.
    pub fn store(
        &self,
        taxonomy: &Taxonomy,
    ) -> Option<Result<(Store, Option<String>), StoreError>> {
        self.cache_dir
            .as_deref()
            .map(|dir: &Path| Store::open(dir, taxonomy))
    }
}

/// 1-based line and column (in characters) of a byte offset: how a config error is located.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_themes_file_means_the_embedded_taxonomy() {
        let t = Settings::default().taxonomy().unwrap();
        assert_eq!(t.fingerprint(), Taxonomy::embedded().fingerprint());
    }

    #[test]
    fn a_themes_file_extends_the_taxonomy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("themes.toml");
        std::fs::write(
            &path,
            "[[theme]]\nid = \"ecology\"\nkeywords = [\"河长制\"]\n",
        )
        .unwrap();
        let settings = Settings {
            themes_file: Some(path),
            ..Settings::default()
        };
        assert!(settings.taxonomy().unwrap().get("ecology").is_some());
    }

    #[test]
    fn a_bad_themes_file_is_located_and_unknown_fields_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("themes.toml");
        std::fs::write(&path, "[[theme]]\nid = \"x\"\nkeyword = [\"a\"]\n").unwrap();
        let settings = Settings {
            themes_file: Some(path),
            ..Settings::default()
        };
        let msg = settings.taxonomy().unwrap_err().to_string();
        assert!(msg.contains("themes.toml:3:1:"), "{msg}");
        let missing = Settings {
            themes_file: Some(dir.path().join("none.toml")),
            ..Settings::default()
        };
        assert!(missing.taxonomy().is_err());
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_column("a\n主题 = x", 9), (2, 4));
    }
}
