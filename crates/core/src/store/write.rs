//! Writing reports to the store: each report made into its rows on the thread that parsed it, and
//! one writer thread that inserts them, many reports to a transaction.

use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::{Entry, ZSTD_LEVEL};
use crate::analyse::coverage::coverage;
use crate::analyse::themes::Taxonomy;
use crate::corpus::packed::unpack;
use crate::model::{Report, ThemeId};

/// Reports to a transaction at most: a transaction costs a commit, which one report a transaction
/// paid each time.
const BATCH_REPORTS: usize = 64;

/// A transaction is committed at the latest this long after its first report, so a slow load
/// loses little if it is stopped: what was not committed is parsed again next time.
const BATCH_TIME: Duration = Duration::from_millis(100);

/// Rows made and waiting for the writer at most: a bound on the memory they hold, and the point
/// where parsing waits for a writer that falls behind.
const QUEUE: usize = 16;

/// Everything written for one report, owned, so it can wait for the writer on another thread.
pub(super) struct Row {
    key: String,
    source: String,
    locality: Option<String>,
    code: Option<String>,
    level: &'static str,
    department: Option<String>,
    province: Option<String>,
    year: Option<i32>,
    title: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
    characters: i64,
    model: Vec<u8>,
    words: Vec<u8>,
    /// (path, depth, heading, part, themes)
    sections: Vec<(String, u8, Option<String>, &'static str, String)>,
    indicators: Vec<IndicatorRow>,
    /// (theme id, share) in taxonomy order.
    shares: Vec<(String, f64)>,
    /// The words separated by spaces, for the full-text index of an export; none in the store.
    tokens: Option<String>,
}

struct IndicatorRow {
    section: String,
    label: String,
    value: f64,
    unit: String,
    kind: String,
    scope: &'static str,
    qualifier: Option<String>,
    canonical: Option<String>,
    span: String,
}

impl Row {
    /// The rows of report `r` with its packed `words`, stored under `key` (the hash of its file's
    /// bytes).
    pub(super) fn new(
        key: String,
        r: &Report,
        words: &[u8],
        taxonomy: &Taxonomy,
    ) -> std::io::Result<Row> {
        let json = serde_json::to_vec(r)?;
        let locality = r.locality.as_ref();
        Ok(Row {
            key,
            source: r.source.clone(),
            locality: locality.map(|l| l.name.clone()),
            code: locality.and_then(|l| l.code.clone()),
            level: r.level().as_str(),
            department: locality.and_then(|l| l.department.clone()),
            province: locality.and_then(|l| l.province()).map(str::to_string),
            year: r.year,
            title: r.title.clone(),
            publisher: r.meta.publisher.clone(),
            published: r
                .meta
                .published
                .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            characters: r.text.chars().count() as i64,
            model: compress(&json)?,
            words: compress(words)?,
            sections: sections(r),
            indicators: r
                .indicators
                .iter()
                .map(|ind| IndicatorRow {
                    section: section_path(&ind.section),
                    label: ind.label.clone(),
                    value: ind.value,
                    unit: ind.unit.clone(),
                    kind: name_of(&ind.kind),
                    scope: ind.scope.as_str(),
                    qualifier: ind.qualifier.as_ref().map(name_of),
                    canonical: ind.canonical.clone(),
                    span: ind.span.clone(),
                })
                .collect(),
            shares: taxonomy
                .themes
                .iter()
                .map(|t| t.id.clone())
                .zip(coverage(r, taxonomy).into_iter().map(f64::from))
                .collect(),
            tokens: None,
        })
    }

    /// The same rows with the words of `r` for an export's full-text index.
    pub(super) fn with_tokens(self, r: &Report, words: &[u8]) -> Row {
        let mut tokens = String::with_capacity(r.text.len() + words.len());
        for (at, len) in unpack(words) {
            if let Some(word) = r.text.get(at as usize..(at + len) as usize) {
                if !tokens.is_empty() {
                    tokens.push(' ');
                }
                tokens.push_str(word);
            }
        }
        Row {
            tokens: Some(tokens),
            ..self
        }
    }
}

/// `bytes` zstd-compressed, with this thread's compressor: making one for every blob was a
/// third of the compression's time.
fn compress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    thread_local! {
        static COMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> =
            const { std::cell::RefCell::new(None) };
    }
    COMPRESSOR.with_borrow_mut(|c| {
        if c.is_none() {
            *c = Some(zstd::bulk::Compressor::new(ZSTD_LEVEL)?);
        }
        match c {
            Some(c) => c.compress(bytes),
            None => zstd::bulk::compress(bytes, ZSTD_LEVEL),
        }
    })
}

fn sections(r: &Report) -> Vec<(String, u8, Option<String>, &'static str, String)> {
    r.walk()
        .into_iter()
        .map(|(path, s)| {
            (
                section_path(&path),
                s.depth,
                s.heading.clone(),
                s.part.as_str(),
                ThemeId::join(&s.themes, ","),
            )
        })
        .collect()
}

/// Run one statement, prepared once per connection: a report writes dozens of rows.
fn run(tx: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
    tx.prepare_cached(sql)?.execute(params)
}

/// Write one report and its summary rows (replacing what an earlier parse of the same bytes by
/// the same parser stored).
fn write_report(tx: &Connection, parser: &str, row: &Row) -> rusqlite::Result<()> {
    // A contentless index row goes with its report by hand: no foreign key reaches it.
    if row.tokens.is_some() {
        run(
            tx,
            "DELETE FROM report_words WHERE rowid IN
                 (SELECT id FROM reports WHERE content_hash = ?1 AND parser = ?2)",
            params![row.key, parser],
        )?;
    }
    run(
        tx,
        "DELETE FROM reports WHERE content_hash = ?1 AND parser = ?2",
        params![row.key, parser],
    )?;
    run(
        tx,
        "INSERT INTO reports (content_hash, parser, source, locality, code, level, department,
             province, year, title, publisher, published, characters, indicator_count, model, words)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            row.key,
            parser,
            row.source,
            row.locality,
            row.code,
            row.level,
            row.department,
            row.province,
            row.year,
            row.title,
            row.publisher,
            row.published,
            row.characters,
            row.indicators.len() as i64,
            row.model,
            row.words,
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (path, depth, heading, part, themes) in &row.sections {
        run(
            tx,
            "INSERT INTO sections (report, path, depth, heading, part, themes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, path, depth, heading, part, themes],
        )?;
    }
    for (i, ind) in row.indicators.iter().enumerate() {
        run(
            tx,
            "INSERT INTO indicators (report, idx, section, label, value, unit, kind, scope,
                 qualifier, canonical, span)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                i as i64,
                ind.section,
                ind.label,
                ind.value,
                ind.unit,
                ind.kind,
                ind.scope,
                ind.qualifier,
                ind.canonical,
                ind.span,
            ],
        )?;
    }
    for (theme, share) in &row.shares {
        run(
            tx,
            "INSERT INTO theme_shares (report, theme, share) VALUES (?1, ?2, ?3)",
            params![id, theme, share],
        )?;
    }
    if let Some(tokens) = &row.tokens {
        run(
            tx,
            "INSERT INTO report_words (rowid, words) VALUES (?1, ?2)",
            params![id, tokens],
        )?;
    }
    Ok(())
}

/// Write rows in the open transaction, each whole or not at all: a report that fails (a full
/// disk, a constraint) leaves no half of itself, and the others are kept.
pub(super) fn write_rows<'r>(
    tx: &mut Transaction<'_>,
    parser: &str,
    rows: impl IntoIterator<Item = &'r Row>,
) {
    for row in rows {
        if let Ok(sp) = tx.savepoint()
            && write_report(&sp, parser, row).is_ok()
        {
            let _ = sp.commit();
        }
    }
}

/// Write rows in one transaction of their own.
pub(super) fn write_now(conn: &mut Connection, parser: &str, rows: &[Row]) -> rusqlite::Result<()> {
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    write_rows(&mut tx, parser, rows);
    tx.commit()
}

/// Writes reports to the store from a thread of its own, many to a transaction, while the
/// threads that parse go on parsing. Dropped or [`Writer::finish`]ed, it writes what it was given
/// and stops. Failures are ignored: the store only saves time.
#[derive(Debug)]
pub struct Writer {
    sender: Option<SyncSender<Row>>,
    thread: Option<JoinHandle<Duration>>,
}

impl Writer {
    /// A writer on its own connection to the store (none if it cannot be opened: nothing is
    /// stored, and everything is parsed again next time).
    pub(super) fn start(conn: Option<Connection>, parser: String) -> Writer {
        let Some(conn) = conn else {
            return Writer {
                sender: None,
                thread: None,
            };
        };
        let (sender, receiver) = sync_channel(QUEUE);
        let thread = std::thread::Builder::new()
            .name("fazhi-store".into())
            .spawn(move || write_batches(conn, &parser, &receiver))
            .ok();
        Writer {
            sender: thread.is_some().then_some(sender),
            thread,
        }
    }

    /// Store what was parsed from a file, under its `key` ([`super::key_of`]), soon: its rows
    /// are made here, written by the writer's thread.
    pub fn put(&self, key: String, entry: &Entry, taxonomy: &Taxonomy) {
        let Some(sender) = &self.sender else {
            return;
        };
        if let Ok(row) = Row::new(key, &entry.report, &entry.words, taxonomy) {
            let _ = sender.send(row);
        }
    }

    /// Write everything given so far and stop; how long the writer's thread was busy.
    pub fn finish(mut self) -> Duration {
        self.stop()
    }

    fn stop(&mut self) -> Duration {
        self.sender = None;
        self.thread
            .take()
            .and_then(|t| t.join().ok())
            .unwrap_or_default()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The writer's loop: a transaction from the first row that arrives, committed after
/// [`BATCH_REPORTS`] rows or [`BATCH_TIME`], whichever comes first. Returns the time spent
/// writing.
fn write_batches(mut conn: Connection, parser: &str, rows: &Receiver<Row>) -> Duration {
    let mut busy = Duration::ZERO;
    while let Ok(first) = rows.recv() {
        let started = Instant::now();
        let deadline = started + BATCH_TIME;
        let Ok(mut tx) = conn.transaction_with_behavior(TransactionBehavior::Immediate) else {
            continue;
        };
        write_rows(&mut tx, parser, [&first]);
        drop(first);
        let mut written = 1;
        let mut waited = Duration::ZERO;
        while written < BATCH_REPORTS {
            let wait = Instant::now();
            let next = rows.recv_timeout(deadline.saturating_duration_since(wait));
            waited += wait.elapsed();
            let row = match next {
                Ok(row) => row,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            };
            write_rows(&mut tx, parser, [&row]);
            written += 1;
        }
        let _ = tx.commit();
        busy += started.elapsed().saturating_sub(waited);
    }
    busy
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
