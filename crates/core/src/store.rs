//! The corpus store: one SQLite file holding every parsed report (keyed by the hash of its file's
//! bytes and by the parser that read it) and the tables screens and researchers start from
//! (reports, sections, indicators, theme shares, and a full-text index over the jieba words).
//!
//! The same schema is written by `fazhi export --sqlite` ([`export_sqlite`]) for pandas, R or
//! DuckDB. It is versioned ([`SCHEMA_VERSION`], in the `meta` table): a store of another version
//! is rebuilt, a damaged one is set aside beside itself and rebuilt, never trusted. Writes are
//! transactions in WAL mode with a busy timeout, so two instances can share one store.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::analyse::coverage::coverage;
use crate::analyse::themes::Taxonomy;
use crate::model::Report;

/// Changes whenever the parser's code or assets change (computed by `build.rs`), so a new build
/// never reads what an old one parsed.
const BUILD_FINGERPRINT: &str = env!("FAZHI_BUILD_FINGERPRINT");

/// The schema's version; a store of another version is rebuilt, an export of another version is
/// not read. Version 2 compressed `model` and `words` and stopped storing the words' text in
/// `report_words` (7.6 times the input's size down to under 2).
pub const SCHEMA_VERSION: i64 = 2;

/// zstd's level for the blobs. Level 9 made the model 7% smaller but took a seventh of a first
/// load's time (2 cores, 1,000 reports); the store is well under twice the input either way.
const ZSTD_LEVEL: i32 = 3;

/// The file name of the store in its folder.
pub const STORE_FILE: &str = "corpus.sqlite3";

/// The tables. `reports.model` is the full parsed report as JSON (the `parse --json` model with
/// byte spans), zstd-compressed; `reports.words` is the search index's input, zstd-compressed:
/// two LEB128 varints a word, its byte distance from the end of the word before and its length
/// in bytes, in the report's text. `report_words` is contentless: it finds reports by word
/// (`MATCH`) without keeping a second copy of the words, which are the report's text.
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
CREATE VIRTUAL TABLE IF NOT EXISTS report_words USING fts5 (
    words, tokenize = 'unicode61', content = '', contentless_delete = 1, detail = none
);
";

/// What is stored for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub report: Report,
    /// Every word of the report's text with its byte offset (the search index's input).
    pub words: Vec<(String, u32)>,
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

    /// The entry for a file's bytes parsed by this parser, if one is stored and readable.
    pub fn get(&self, bytes: &[u8]) -> Option<Entry> {
        let key = blake3::hash(bytes).to_hex().to_string();
        // Only the query holds the connection: the other threads read while this one decodes.
        let (model, words): (Vec<u8>, Vec<u8>) = self
            .conn
            .lock()
            .ok()?
            .prepare_cached(
                "SELECT model, words FROM reports WHERE content_hash = ?1 AND parser = ?2",
            )
            .ok()?
            .query_row(params![key, self.parser], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()
            .ok()
            .flatten()?;
        let model = zstd::decode_all(model.as_slice()).ok()?;
        let report: Report = serde_json::from_slice(&model).ok()?;
        let words = unpack_words(&report.text, &zstd::decode_all(words.as_slice()).ok()?)?;
        Some(Entry { report, words })
    }

    /// Store an entry; failures are ignored (the store only saves time).
    pub fn put(&self, bytes: &[u8], entry: &Entry, taxonomy: &Taxonomy) {
        let key = blake3::hash(bytes).to_hex().to_string();
        // Made before the connection is taken: the other threads go on writing meanwhile.
        let Ok(row) = Row::new(entry, taxonomy) else {
            return;
        };
        let Ok(mut conn) = self.conn.lock() else {
            return;
        };
        let Ok(tx) = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        else {
            return;
        };
        if write_report(&tx, &key, &self.parser, &row).is_ok() {
            let _ = tx.commit();
        }
    }
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
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(Unusable::Damaged(check));
    }
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // In WAL mode NORMAL never corrupts the store; a power cut can only lose the last reports
    // written, which are parsed again. FULL syncs the disk at every report and made the store
    // the slowest stage of a cold load.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
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

/// What is written for one report that takes time to make (compressed blobs, theme shares).
struct Row<'a> {
    entry: &'a Entry,
    model: Vec<u8>,
    words: Vec<u8>,
    /// (theme id, share) in taxonomy order.
    shares: Vec<(&'a str, f32)>,
}

impl<'a> Row<'a> {
    fn new(entry: &'a Entry, taxonomy: &'a Taxonomy) -> std::io::Result<Row<'a>> {
        let r = &entry.report;
        let json = serde_json::to_vec(r)?;
        let packed = pack_words(&entry.words, &r.text);
        let shares = taxonomy.themes.iter().map(|t| t.id.as_str());
        Ok(Row {
            entry,
            model: zstd::bulk::compress(&json, ZSTD_LEVEL)?,
            words: zstd::bulk::compress(&packed, ZSTD_LEVEL)?,
            shares: shares.zip(coverage(r, taxonomy)).collect(),
        })
    }
}

/// Run one statement, prepared once per connection: a report writes dozens of rows.
fn run(tx: &Transaction<'_>, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
    tx.prepare_cached(sql)?.execute(params)
}

/// Write one report and its summary rows (replacing what an earlier parse of the same bytes by
/// the same parser stored).
fn write_report(
    tx: &Transaction<'_>,
    key: &str,
    parser: &str,
    row: &Row<'_>,
) -> rusqlite::Result<i64> {
    let r = &row.entry.report;
    let locality = r.locality.as_ref();
    // A contentless index row goes with its report by hand: no foreign key reaches it.
    run(
        tx,
        "DELETE FROM report_words WHERE rowid IN
             (SELECT id FROM reports WHERE content_hash = ?1 AND parser = ?2)",
        params![key, parser],
    )?;
    run(
        tx,
        "DELETE FROM reports WHERE content_hash = ?1 AND parser = ?2",
        params![key, parser],
    )?;
    run(
        tx,
        "INSERT INTO reports (content_hash, parser, source, locality, code, level, department,
             province, year, title, publisher, published, characters, indicator_count, model, words)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            key,
            parser,
            r.source,
            locality.map(|l| l.name.as_str()),
            locality.and_then(|l| l.code.as_deref()),
            r.level().as_str(),
            locality.and_then(|l| l.department.as_deref()),
            locality.and_then(|l| l.province()),
            r.year,
            r.title,
            r.meta.publisher,
            r.meta
                .published
                .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            r.text.chars().count() as i64,
            r.indicators.len() as i64,
            row.model,
            row.words,
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (path, s) in r.walk() {
        run(
            tx,
            "INSERT INTO sections (report, path, depth, heading, part, themes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                section_path(&path),
                s.depth,
                s.heading,
                s.part.as_str(),
                s.themes.join(",")
            ],
        )?;
    }
    for (i, ind) in r.indicators.iter().enumerate() {
        run(
            tx,
            "INSERT INTO indicators (report, idx, section, label, value, unit, kind, scope,
                 qualifier, canonical, span)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                i as i64,
                section_path(&ind.section),
                ind.label,
                ind.value,
                ind.unit,
                name_of(&ind.kind),
                ind.scope.as_str(),
                ind.qualifier.as_ref().map(name_of),
                ind.canonical,
                ind.span,
            ],
        )?;
    }
    for (theme, share) in &row.shares {
        run(
            tx,
            "INSERT INTO theme_shares (report, theme, share) VALUES (?1, ?2, ?3)",
            params![id, theme, f64::from(*share)],
        )?;
    }
    let tokens: Vec<&str> = row.entry.words.iter().map(|(w, _)| w.as_str()).collect();
    run(
        tx,
        "INSERT INTO report_words (rowid, words) VALUES (?1, ?2)",
        params![id, tokens.join(" ")],
    )?;
    Ok(id)
}

/// "4.1" for the path [3, 0]: 1-based, as a reader counts sections; "" for the preamble.
fn section_path(path: &[usize]) -> String {
    path.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(".")
}

/// The serde name of an enum value ("count", "at_least").
fn name_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Words as two varints each: the gap from the end of the word before, and the length (the word
/// itself is `text`'s). Most words follow the one before directly or after one punctuation mark
/// and are a few characters long, so most take two bytes.
fn pack_words(words: &[(String, u32)], text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(words.len() * 2);
    let mut end = 0usize;
    for (w, at) in words {
        let at = *at as usize;
        // A word must lie in the text, after the one before: anything else cannot be rebuilt.
        if at < end || text.get(at..at + w.len()) != Some(w.as_str()) {
            continue;
        }
        push_varint(&mut out, (at - end) as u64);
        push_varint(&mut out, w.len() as u64);
        end = at + w.len();
    }
    out
}

/// The inverse of [`pack_words`]; `None` when the bytes do not fit the text (a damaged row).
fn unpack_words(text: &str, packed: &[u8]) -> Option<Vec<(String, u32)>> {
    let mut words = Vec::new();
    let mut rest = packed;
    let mut end = 0usize;
    while !rest.is_empty() {
        let gap = read_varint(&mut rest)?;
        let len = read_varint(&mut rest)?;
        let at = end.checked_add(usize::try_from(gap).ok()?)?;
        end = at.checked_add(usize::try_from(len).ok()?)?;
        let word = text.get(at..end)?;
        words.push((word.to_string(), u32::try_from(at).ok()?));
    }
    Some(words)
}

/// LEB128: seven bits a byte, low bits first, the high bit set on all but the last byte.
fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The varint at the start of `bytes`, which move past it; `None` if cut off or too long.
fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for (i, b) in bytes.iter().enumerate().take(10) {
        n |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            *bytes = &bytes[i + 1..];
            return Some(n);
        }
    }
    None
}

/// `fazhi export --sqlite`: the reports in a fresh database file of the store's schema (written
/// beside `path` and moved into place, so a reader never sees half a file).
pub fn export_sqlite(
    path: &Path,
    reports: &[Report],
    taxonomy: &Taxonomy,
) -> Result<(), StoreError> {
    use rayon::prelude::*;
    let sqlite = |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let entries: Vec<Entry> = reports
        .par_iter()
        .map(|r| Entry {
            words: crate::corpus::words_of(&r.text),
            report: r.clone(),
        })
        .collect();
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    {
        let mut conn = Connection::open(&partial).map_err(sqlite)?;
        conn.execute_batch(SCHEMA).map_err(sqlite)?;
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)",
            params![SCHEMA_VERSION.to_string()],
        )
        .map_err(sqlite)?;
        let rows = entries
            .par_iter()
            .map(|e| Row::new(e, taxonomy))
            .collect::<std::io::Result<Vec<Row>>>()
            .map_err(|source| StoreError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        let tx = conn.transaction().map_err(sqlite)?;
        for row in &rows {
            write_report(&tx, &row.entry.report.hash, "export", row).map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)?;
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

    fn entry(taxonomy: &Taxonomy) -> Entry {
        let report = load_bytes(REPORT.as_bytes(), "a.txt", taxonomy).unwrap();
        let words = crate::text::segment::words(&report.text)
            .into_iter()
            .map(|(at, w)| (w.to_string(), at as u32))
            .collect();
        Entry { report, words }
    }

    #[test]
    fn an_entry_round_trips_whole() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let (store, notice) = Store::open(dir.path(), &taxonomy).unwrap();
        assert!(notice.is_none());
        let e = entry(&taxonomy);
        assert!(store.get(REPORT.as_bytes()).is_none());
        store.put(REPORT.as_bytes(), &e, &taxonomy);
        assert_eq!(store.get(REPORT.as_bytes()), Some(e.clone()));
        assert!(store.get(b"other bytes").is_none());
        // Another parser (other theme keywords) does not read it.
        let other =
            Taxonomy::with_user_file("[[theme]]\nid = \"x\"\nkeywords = [\"河长制\"]\n").unwrap();
        let (store2, _) = Store::open(dir.path(), &other).unwrap();
        assert!(store2.get(REPORT.as_bytes()).is_none());
    }

    #[test]
    fn the_summary_tables_answer_questions() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let (store, _) = Store::open(dir.path(), &taxonomy).unwrap();
        // Stored twice, the second replacing the first: one row of each kind answers.
        store.put(REPORT.as_bytes(), &entry(&taxonomy), &taxonomy);
        store.put(REPORT.as_bytes(), &entry(&taxonomy), &taxonomy);
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
        let hits: i64 = conn
            .query_row(
                "SELECT count(*) FROM report_words WHERE report_words MATCH '行政复议'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1);
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
        store.put(REPORT.as_bytes(), &e, &taxonomy);
        assert_eq!(store.get(REPORT.as_bytes()), Some(e));
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
        store.put(REPORT.as_bytes(), &e, &taxonomy);
        assert_eq!(store.get(REPORT.as_bytes()), Some(e));
        let (_, again) = Store::open(dir.path(), &taxonomy).unwrap();
        assert!(again.is_none(), "rebuilt once");
    }

    #[test]
    fn two_instances_share_one_store() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let (a, _) = Store::open(dir.path(), &taxonomy).unwrap();
        let (b, _) = Store::open(dir.path(), &taxonomy).unwrap();
        let e = entry(&taxonomy);
        a.put(REPORT.as_bytes(), &e, &taxonomy);
        assert_eq!(b.get(REPORT.as_bytes()), Some(e));
    }

    #[test]
    fn an_export_holds_every_report_with_the_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let taxonomy = Taxonomy::embedded();
        let corpus = crate::corpus::Corpus::embedded(Taxonomy::embedded().into());
        let file = dir.path().join("reports.sqlite");
        export_sqlite(&file, &corpus.reports, &taxonomy).unwrap();
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
    }

    #[test]
    fn words_pack_into_two_bytes_each_and_back() {
        let text = "行政复议案件，76件";
        let words = vec![
            ("行政复议".to_string(), 0),
            ("案件".to_string(), 12),
            ("76".to_string(), 21),
        ];
        let packed = pack_words(&words, text);
        assert_eq!(packed, [0, 12, 0, 6, 3, 2]);
        assert_eq!(unpack_words(text, &packed), Some(words));
        assert_eq!(unpack_words(text, &packed[..5]), None, "cut off");
        assert_eq!(unpack_words(text, &[0, 200]), None, "a varint cut off");
        assert_eq!(unpack_words(text, &[0, 100]), None, "past the text");
    }

    #[test]
    fn varints_round_trip_at_their_edges() {
        for n in [
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            push_varint(&mut out, n);
            let mut bytes = out.as_slice();
            assert_eq!(read_varint(&mut bytes), Some(n));
            assert!(bytes.is_empty());
        }
    }
}
