//! The corpus store: one SQLite file holding every parsed report (keyed by the hash of its file's
//! bytes and by the parser that read it) and the tables screens and researchers start from
//! (reports, sections, indicators, theme shares, and a full-text index over the jieba words).
//!
//! The same schema is written by `fazhi export --sqlite` ([`export_sqlite`]) for pandas, R or
//! DuckDB. It is versioned ([`SCHEMA_VERSION`], in the `meta` table): a store of another version
//! is rebuilt, a damaged one is set aside beside itself and rebuilt, never trusted. Writes are
//! transactions in WAL mode with a busy timeout, so two instances can share one store.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

mod write;

use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

use crate::analyse::themes::Taxonomy;
use crate::corpus::Corpus;
use crate::corpus::packed::{fits, pack_words};
use crate::model::Report;
use write::Row;
pub use write::Writer;

/// Changes whenever the parser's code or assets change (computed by `build.rs`), so a new build
/// never reads what an old one parsed.
const BUILD_FINGERPRINT: &str = env!("FAZHI_BUILD_FINGERPRINT");

/// The schema's version; a store of another version is rebuilt, an export of another version is
/// not read. Version 2 compressed `model` and `words` and stopped storing the words' text in
/// `report_words` (7.6 times the input's size down to under 2); version 3 keeps `report_words`
/// in exports only.
pub const SCHEMA_VERSION: i64 = 3;

/// zstd's level for the blobs. Level 9 made the model 7% smaller but took a seventh of a first
/// load's time (2 cores, 1,000 reports); the store is well under twice the input either way.
const ZSTD_LEVEL: i32 = 3;

/// The file name of the store in its folder.
pub const STORE_FILE: &str = "corpus.sqlite3";

/// The tables. `reports.model` is the full parsed report as JSON (the `parse --json` model with
/// byte spans), zstd-compressed; `reports.words` is the search index's input, zstd-compressed:
/// two LEB128 varints a word, its byte distance from the end of the word before and its length
/// in bytes, in the report's text.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    parser TEXT NOT NULL,
    source TEXT NOT NULL,
    locality TEXT, code TEXT, level TEXT NOT NULL, department TEXT, province TEXT,
    year INTEGER, title TEXT, publisher TEXT, published TEXT,
    characters INTEGER NOT NULL, indicator_count INTEGER NOT NULL,
    model BLOB NOT NULL, words BLOB NOT NULL,
    UNIQUE (content_hash, parser)
);
CREATE TABLE IF NOT EXISTS sections (
    report INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    path TEXT NOT NULL, depth INTEGER NOT NULL, heading TEXT, part TEXT NOT NULL, themes TEXT NOT NULL,
    PRIMARY KEY (report, path)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS indicators (
    report INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, section TEXT NOT NULL, label TEXT NOT NULL, value REAL NOT NULL,
    unit TEXT NOT NULL, kind TEXT NOT NULL, scope TEXT NOT NULL, qualifier TEXT,
    canonical TEXT, span TEXT NOT NULL,
    PRIMARY KEY (report, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS indicators_canonical ON indicators (canonical);
CREATE TABLE IF NOT EXISTS theme_shares (
    report INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    theme TEXT NOT NULL, share REAL NOT NULL,
    PRIMARY KEY (report, theme)
) WITHOUT ROWID;
";

/// The full-text index, in exports only: the dashboard and the CLI search the word index they
/// build from `reports.words`, and indexing every report in FTS5 was a fifth of a first load's
/// CPU on two cores (`perf`, 1,000 reports), for a table nothing of fazhi's read. Contentless: it
/// finds reports by word (`MATCH`) without a second copy of the words, which are the report's
/// text.
const EXPORT_INDEX: &str = "
CREATE VIRTUAL TABLE report_words USING fts5 (
    words, tokenize = 'unicode61', content = '', contentless_delete = 1, detail = none
);
";

/// What is stored for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub report: Report,
    /// Every word of the report's text, packed: two LEB128 varints a word, its byte distance from
    /// the end of the word before and its length in bytes (the search index's input).
    pub words: Vec<u8>,
}

/// A store that could not be used as it was.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    parser: String,
    conn: Mutex<Connection>,
}

impl Store {
    /// Open (or create) the store in `dir` for reports scored with `taxonomy`. A damaged store is
    /// moved aside and a new one made, a store of another schema version replaced by a new one;
    /// the returned notice says so (show it once).
    pub fn open(dir: &Path, taxonomy: &Taxonomy) -> Result<(Store, Option<String>), StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(STORE_FILE);
        let reopen = |path: &Path| {
            open_checked(path).map_err(|_| StoreError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other("cannot create a new store"),
            })
        };
        let (conn, notice) = match open_checked(&path) {
            Ok(conn) => (conn, None),
            // Only a cache: what another version stored is parsed again, nothing is lost.
            Err(Unusable::OtherVersion(v)) => {
                remove_store(&path)?;
                let notice = format!(
                    "{}: the store had schema version {v}; rebuilt as version {SCHEMA_VERSION}",
                    path.display()
                );
                (reopen(&path)?, Some(notice))
            }
            Err(Unusable::Damaged(reason)) => {
                let aside = set_aside(&path)?;
                let conn = reopen(&path)?;
                let notice = format!(
                    "{}: the store was damaged ({reason}); set aside as {} and rebuilt",
                    path.display(),
                    aside.display()
                );
                (conn, Some(notice))
            }
        };
        // The user's theme keywords shape every parse too.
        let build = &BUILD_FINGERPRINT[..16.min(BUILD_FINGERPRINT.len())];
        let parser = format!("{build}-{}", taxonomy.fingerprint());
        // Only a cache: failing to tidy it costs disk, not reports.
        let _ = forget_other_builds(&conn, &format!("{build}-"));
        Ok((
            Store {
                path,
                parser,
                conn: Mutex::new(conn),
            },
            notice,
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entry stored under `key` (a file's [`key_of`]) by this parser, if one is stored and
    /// readable.
    pub fn get(&self, key: &str) -> Option<Entry> {
        thread_local! {
            /// This thread's buffers for a stored entry: its two blobs as read and its model
            /// decompressed, reused for every report. Allocated and freed for each report, these
            /// tens of kilobytes left holes among the reports' own allocations that a process
            /// holding 10,000 reports kept as memory.
            static BUFFERS: RefCell<[Vec<u8>; 3]> = RefCell::default();
        }
        BUFFERS.with_borrow_mut(|[model, words, json]| {
            {
                // Only the copy holds the connection: the other threads read while this one
                // decodes.
                let conn = self.conn.lock().ok()?;
                let mut query = conn
                    .prepare_cached(
                        "SELECT model, words FROM reports WHERE content_hash = ?1 AND parser = ?2",
                    )
                    .ok()?;
                query
                    .query_row(params![key, self.parser], |row| {
                        for (i, buffer) in [&mut *model, &mut *words].into_iter().enumerate() {
                            buffer.clear();
                            // Not a blob: left empty, which no blob decompresses from.
                            buffer.extend_from_slice(row.get_ref(i)?.as_blob().unwrap_or(&[]));
                        }
                        Ok(())
                    })
                    .optional()
                    .ok()
                    .flatten()?;
            }
            decompress_into(model, json)?;
            let report: Report = serde_json::from_slice(json).ok()?;
            let mut packed = Vec::new();
            decompress_into(words, &mut packed)?;
            fits(&report.text, &packed).then_some(Entry {
                report,
                words: packed,
            })
        })
    }

    /// A writer storing entries from a thread of its own, many to a transaction, on a connection
    /// of its own (so the threads reading the store never wait for it).
    pub fn writer(&self) -> Writer {
        Writer::start(connect(&self.path).ok(), self.parser.clone())
    }
}

/// What a file is stored under: the hash of its bytes. Made once a file, for reading the store
/// and then, on a miss, for writing it.
pub fn key_of(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// The most a stored blob may decompress to: a model of the largest file read (10 MB) is a few
/// times that.
const MAX_BLOB: usize = 256 << 20;

/// A zstd blob decompressed into `out` (replacing what it held) with this thread's decompressor:
/// making one for every blob was a twentieth of a warm load's time (10,000 reports).
fn decompress_into(blob: &[u8], out: &mut Vec<u8>) -> Option<()> {
    thread_local! {
        static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
            const { RefCell::new(None) };
    }
    // The blob's frame header says how large it decompresses (zstd's bulk API writes it); a
    // damaged header must not ask for more memory than any report's model takes.
    let size = zstd::zstd_safe::get_frame_content_size(blob)
        .ok()
        .flatten()?;
    let size = usize::try_from(size).ok().filter(|&s| s <= MAX_BLOB)?;
    out.clear();
    out.reserve(size);
    DECOMPRESSOR.with_borrow_mut(|d| {
        if d.is_none() {
            *d = zstd::bulk::Decompressor::new().ok();
        }
        d.as_mut()?.decompress_to_buffer(blob, out).ok()
    })?;
    Some(())
}

/// Why a store file could not be used as it is.
enum Unusable {
    /// Unreadable or failing its integrity check, and why.
    Damaged(String),
    /// Written in this schema version.
    OtherVersion(String),
}

impl From<rusqlite::Error> for Unusable {
    fn from(e: rusqlite::Error) -> Unusable {
        Unusable::Damaged(e.to_string())
    }
}

/// Open a store file and check it: readable, intact, of this schema.
fn open_checked(path: &Path) -> Result<Connection, Unusable> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(Unusable::Damaged(check));
    }
    // Takes effect only on a new file (before its first table): the pages of deleted reports
    // can then be given back to the disk.
    conn.pragma_update(None, "auto_vacuum", "INCREMENTAL")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    settings(&conn)?;
    // The version before the tables: `CREATE … IF NOT EXISTS` leaves an old table as it was.
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    )?;
    let version: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    match version {
        Some(v) if v != SCHEMA_VERSION.to_string() => return Err(Unusable::OtherVersion(v)),
        Some(_) => conn.execute_batch(SCHEMA)?,
        None => {
            conn.execute_batch(SCHEMA)?;
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)",
                params![SCHEMA_VERSION.to_string()],
            )?;
        }
    }
    Ok(conn)
}

/// Delete what other builds of fazhi stored (their parser names do not start with `prefix`) and
/// give the space back: no build reads another's reports, so without this every upgrade left a
/// whole corpus behind, and the check of the file at each start read it all again. Reports of
/// this build with other theme keywords are kept: a user may switch back.
fn forget_other_builds(conn: &Connection, prefix: &str) -> rusqlite::Result<()> {
    let deleted = conn.execute(
        "DELETE FROM reports WHERE substr(parser, 1, length(?1)) != ?1",
        params![prefix],
    )?;
    if deleted > 0 {
        // Each step of the pragma gives back one page.
        let mut vacuum = conn.prepare("PRAGMA incremental_vacuum")?;
        let mut steps = vacuum.query([])?;
        while steps.next()?.is_some() {}
    }
    Ok(())
}

/// Another connection to a store already opened and checked.
fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    settings(&conn)?;
    Ok(conn)
}

/// What every connection to a store sets (the journal mode is the file's, set once).
fn settings(conn: &Connection) -> rusqlite::Result<()> {
    // In WAL mode NORMAL never corrupts the store; a power cut can only lose the last reports
    // written, which are parsed again. FULL syncs the disk at every commit.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")
}

/// Delete a store file and its WAL files.
fn remove_store(path: &Path) -> Result<(), StoreError> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(StoreError::Io {
                    path: file,
                    source: e,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Move a store (and its WAL files) aside as `<name>.damaged`, replacing an older one.
fn set_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let aside = path.with_extension("sqlite3.damaged");
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", path.display()));
        let to = PathBuf::from(format!("{}{suffix}", aside.display()));
        if from.exists() {
            std::fs::rename(&from, &to).map_err(|source| StoreError::Io {
                path: from.clone(),
                source,
            })?;
        }
    }
    Ok(aside)
}

/// `fazhi export --sqlite`: a corpus's reports in a fresh database file of the store's schema
/// (written beside `path` and moved into place, so a reader never sees half a file). The words
/// are the ones the load found, not segmented again.
pub fn export_sqlite(path: &Path, corpus: &Corpus) -> Result<(), StoreError> {
    use rayon::prelude::*;
    let sqlite = |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let taxonomy = corpus.taxonomy();
    let rows = corpus
        .reports
        .par_iter()
        .zip(corpus.word_lists())
        .map(|(r, words)| {
            let packed = pack_words(&words, &r.text);
            Row::new(r.hash.clone(), r, &packed, taxonomy).map(|row| row.with_tokens(r, &packed))
        })
        .collect::<std::io::Result<Vec<Row>>>()
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    {
        let mut conn = Connection::open(&partial).map_err(sqlite)?;
        conn.execute_batch(SCHEMA).map_err(sqlite)?;
        conn.execute_batch(EXPORT_INDEX).map_err(sqlite)?;
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)",
            params![SCHEMA_VERSION.to_string()],
        )
        .map_err(sqlite)?;
        write::write_now(&mut conn, "export", &rows).map_err(sqlite)?;
    }
    std::fs::rename(&partial, path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_bytes;

    const REPORT: &str = "2024年，某县坚持以习近平法治思想为指导，深入推进依法行政，法治政府建设取得新成效。\n一、规范执法\n全年办理行政复议案件76件，行政机关负责人出庭应诉率100%，调解矛盾纠纷930件。";

    /// Store an entry as a load does, through a writer, and wait for it to be written.
    fn put(store: &Store, bytes: &[u8], entry: &Entry, taxonomy: &Taxonomy) {
        let writer = store.writer();
        writer.put(key_of(bytes), entry, taxonomy);
        writer.finish();
    }

    fn entry(taxonomy: &Taxonomy) -> Entry {
        let report = load_bytes(REPORT.as_bytes(), "a.txt", taxonomy).unwrap();
        let words = crate::corpus::packed::packed_words_of(&report.text);
        Entry { report, words }
    }

    #[test]
    fn an_entry_round_trips_whole() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let (store, notice) = Store::open(dir.path(), &taxonomy).unwrap();
        assert!(notice.is_none());
        let e = entry(&taxonomy);
        assert!(store.get(&key_of(REPORT.as_bytes())).is_none());
        put(&store, REPORT.as_bytes(), &e, &taxonomy);
        assert_eq!(store.get(&key_of(REPORT.as_bytes())), Some(e.clone()));
        assert!(store.get(&key_of(b"other bytes")).is_none());
        // Another parser (other theme keywords) does not read it.
        let other =
            Taxonomy::with_user_file("[[theme]]\nid = \"x\"\nkeywords = [\"河长制\"]\n").unwrap();
        let (store2, _) = Store::open(dir.path(), &other).unwrap();
        assert!(store2.get(&key_of(REPORT.as_bytes())).is_none());
    }

    #[test]
    fn the_summary_tables_answer_questions() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let (store, _) = Store::open(dir.path(), &taxonomy).unwrap();
        // Stored twice, the second replacing the first: one row of each kind answers.
        put(&store, REPORT.as_bytes(), &entry(&taxonomy), &taxonomy);
        put(&store, REPORT.as_bytes(), &entry(&taxonomy), &taxonomy);
        let conn = Connection::open(store.path()).unwrap();
        let mediated: f64 = conn
            .query_row(
                "SELECT value FROM indicators WHERE canonical = 'disputes.mediated'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(mediated, 930.0);
        let year: i64 = conn
            .query_row("SELECT year FROM reports", [], |r| r.get(0))
            .unwrap();
        assert_eq!(year, 2024);
    }

    #[test]
    fn a_damaged_store_is_set_aside_and_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        std::fs::write(
            dir.path().join(STORE_FILE),
            b"not a database at all, just bytes",
        )
        .unwrap();
        let (store, notice) = Store::open(dir.path(), &taxonomy).unwrap();
        let notice = notice.expect("a notice");
        assert!(notice.contains("set aside"), "{notice}");
        assert!(dir.path().join("corpus.sqlite3.damaged").exists());
        let e = entry(&taxonomy);
        put(&store, REPORT.as_bytes(), &e, &taxonomy);
        assert_eq!(store.get(&key_of(REPORT.as_bytes())), Some(e));
    }

    #[test]
    fn a_store_of_another_schema_version_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        {
            let old = Connection::open(dir.path().join(STORE_FILE)).unwrap();
            old.execute_batch(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 INSERT INTO meta VALUES ('schema_version', '1');
                 CREATE VIRTUAL TABLE report_words USING fts5 (words);",
            )
            .unwrap();
        }
        let (store, notice) = Store::open(dir.path(), &taxonomy).unwrap();
        let notice = notice.expect("a notice");
        assert!(notice.contains("schema version 1; rebuilt"), "{notice}");
        assert!(!dir.path().join("corpus.sqlite3.damaged").exists());
        let e = entry(&taxonomy);
        put(&store, REPORT.as_bytes(), &e, &taxonomy);
        assert_eq!(store.get(&key_of(REPORT.as_bytes())), Some(e));
        let (_, again) = Store::open(dir.path(), &taxonomy).unwrap();
        assert!(again.is_none(), "rebuilt once");
    }

    #[test]
    fn what_other_builds_stored_is_forgotten_and_its_space_given_back() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let other =
            Taxonomy::with_user_file("[[theme]]\nid = \"x\"\nkeywords = [\"河长制\"]\n").unwrap();
        let pages = |conn: &Connection| -> i64 {
            conn.query_row("PRAGMA page_count", [], |r| r.get(0))
                .unwrap()
        };
        let before = {
            let (store, _) = Store::open(dir.path(), &taxonomy).unwrap();
            put(&store, REPORT.as_bytes(), &entry(&taxonomy), &taxonomy);
            let (mine, _) = Store::open(dir.path(), &other).unwrap();
            put(&mine, REPORT.as_bytes(), &entry(&other), &other);
            // An older build's reports: large, to leave pages to give back.
            let conn = Connection::open(store.path()).unwrap();
            for i in 0..20 {
                conn.execute(
                    "INSERT INTO reports (content_hash, parser, source, level, characters,
                         indicator_count, model, words)
                     SELECT content_hash || ?1, 'an-older-build-x', source, level, characters,
                         indicator_count, zeroblob(100000), words FROM reports LIMIT 1",
                    params![i],
                )
                .unwrap();
            }
            pages(&conn)
        };
        let (store, _) = Store::open(dir.path(), &taxonomy).unwrap();
        let conn = Connection::open(store.path()).unwrap();
        let parsers: Vec<String> = conn
            .prepare("SELECT parser FROM reports")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(parsers.len(), 2, "{parsers:?}");
        assert!(parsers.iter().all(|p| p != "an-older-build-x"));
        assert!(store.get(&key_of(REPORT.as_bytes())).is_some());
        assert!(
            pages(&conn) < before / 2,
            "{} of {before} pages",
            pages(&conn)
        );
    }

    #[test]
    fn two_instances_share_one_store() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let (a, _) = Store::open(dir.path(), &taxonomy).unwrap();
        let (b, _) = Store::open(dir.path(), &taxonomy).unwrap();
        let e = entry(&taxonomy);
        put(&a, REPORT.as_bytes(), &e, &taxonomy);
        assert_eq!(b.get(&key_of(REPORT.as_bytes())), Some(e));
    }

    #[test]
    fn an_export_holds_every_report_with_the_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = crate::corpus::Corpus::embedded(Taxonomy::embedded().into());
        let file = dir.path().join("reports.sqlite");
        export_sqlite(&file, &corpus).unwrap();
        let conn = Connection::open(&file).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n as usize, corpus.reports.len());
        let version: String = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION.to_string());
        let ids: i64 = conn
            .query_row(
                "SELECT count(*) FROM indicators WHERE canonical IS NOT NULL AND scope = 'current'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(ids > 50, "{ids}");
        // The words come from the load's index, not a second segmentation: the same words.
        let with_word: i64 = conn
            .query_row(
                "SELECT count(*) FROM report_words WHERE report_words MATCH '行政复议'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let expected = corpus
            .reports
            .iter()
            .zip(corpus.word_lists())
            .filter(|(r, words)| {
                words
                    .iter()
                    .any(|&(at, len)| &r.text[at as usize..(at + len) as usize] == "行政复议")
            })
            .count();
        assert!(expected > 0);
        assert_eq!(with_word as usize, expected);
    }

    #[test]
    fn a_writer_stores_every_entry_it_was_given() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let (store, _) = Store::open(dir.path(), &taxonomy).unwrap();
        let e = entry(&taxonomy);
        let writer = store.writer();
        let others: Vec<String> = (0..100).map(|i| format!("{REPORT}{i}")).collect();
        for bytes in &others {
            writer.put(key_of(bytes.as_bytes()), &e, &taxonomy);
        }
        writer.put(key_of(REPORT.as_bytes()), &e, &taxonomy);
        writer.finish();
        assert_eq!(store.get(&key_of(REPORT.as_bytes())), Some(e.clone()));
        // Dropped without finishing, it still writes what it was given.
        let late = store.writer();
        late.put(key_of(b"late"), &e, &taxonomy);
        drop(late);
        assert_eq!(store.get(&key_of(b"late")), Some(e));
        let conn = Connection::open(store.path()).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 102);
    }
}
