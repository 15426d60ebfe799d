//! All loaded reports: loading in parallel, de-duplication by content, and the indexes every
//! view reads (so nothing rescans text on a key press).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analyse::themes::Taxonomy;
use crate::ingest;
use crate::model::{Report, Span};
use crate::parse;
use crate::seeds;
use crate::store::{self, Store, Writer};
use crate::text::segment;

mod index;
pub(crate) mod packed;

use index::WordIndex;
pub use index::{WordAt, words_of};
use packed::packed_words_of;

/// A file that could not be loaded, and why: reported, never fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub source: String,
    pub reason: String,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A file name can hold control characters too; they never reach the terminal.
        write!(
            f,
            "{}: {}",
            crate::sanitize::for_terminal(&self.source),
            crate::sanitize::for_terminal(&self.reason)
        )
    }
}

/// One place a search query was found ([`Corpus::section_of`] says in which section: only the
/// hits shown need it, and finding it for all of a common word's took most of a search).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Corpus::reports`.
    pub report: usize,
    /// The match in the report's text.
    pub at: Span,
}

/// Every report, in the order given (folders in file-name order), with its indexes.
#[derive(Debug)]
pub struct Corpus {
    pub reports: Vec<Report>,
    /// Files that could not be loaded.
    pub problems: Vec<LoadProblem>,
    /// Reports that loaded with damage worth telling (bytes that could not be decoded).
    pub warnings: Vec<LoadProblem>,
    /// The taxonomy every report was scored with.
    taxonomy: Arc<Taxonomy>,
    /// Word → (report, byte offset) of every occurrence, from jieba tokens. Built on first use
    /// (a search, an export, [`Corpus::build_index`]) from `pending`: at 10,000 reports it takes
    /// most of a second on one core, which a dashboard need not wait for to draw.
    words: OnceLock<WordIndex>,
    /// Each report's words, packed, until the index is built from them.
    pending: Mutex<Vec<Vec<u8>>>,
    /// How long building the index took, once built.
    index_time: OnceLock<Duration>,
    /// How long loading took, stage by stage (the index apart).
    stages: Stages,
}

/// How long each stage of a load took. Files load on several threads at once, so a stage's time
/// is summed over the threads that ran it (it can exceed `wall`, the load's elapsed time); a stage
/// that did not run (nothing read from disk for the embedded seeds, nothing parsed from a warm
/// store) is zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stages {
    /// Reading files from disk.
    pub read: Duration,
    /// Decoding bytes to text, turning pages to text and removing their chrome.
    pub decode: Duration,
    /// Parsing text into reports (outline, measures, indicators, themes).
    pub parse: Duration,
    /// Segmenting each report's text into jieba words for search.
    pub segment: Duration,
    /// Building the corpus's word index from those words.
    pub index: Duration,
    /// Reading reports from the corpus store and writing new ones to it.
    pub store: Duration,
    /// The whole load, start to end, as a clock on the wall sees it.
    pub wall: Duration,
}

impl Stages {
    /// Each stage with its name, in the order a file goes through them.
    pub fn named(&self) -> [(&'static str, Duration); 6] {
        [
            ("read", self.read),
            ("decode", self.decode),
            ("parse", self.parse),
            ("segment", self.segment),
            ("index", self.index),
            ("store", self.store),
        ]
    }
}

/// Stage times added up by the threads of one load.
#[derive(Debug, Default)]
struct Clock {
    read: AtomicU64,
    decode: AtomicU64,
    parse: AtomicU64,
    segment: AtomicU64,
    store: AtomicU64,
}

impl Clock {
    /// Run `f`, adding its time to `stage`.
    fn time<T>(stage: &AtomicU64, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        stage.fetch_add(nanos, Ordering::Relaxed);
        out
    }

    /// Add time measured elsewhere (another thread's) to `stage`.
    fn add(stage: &AtomicU64, time: Duration) {
        stage.fetch_add(
            u64::try_from(time.as_nanos()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    fn stages(&self, index: Duration, wall: Duration) -> Stages {
        let d = |a: &AtomicU64| Duration::from_nanos(a.load(Ordering::Relaxed));
        Stages {
            read: d(&self.read),
            decode: d(&self.decode),
            parse: d(&self.parse),
            segment: d(&self.segment),
            index,
            store: d(&self.store),
            wall,
        }
    }
}

/// How far a load is: `done` files of `total`, the last one `file`.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub file: &'a Path,
}

/// What [`Corpus::stream`] hands over, in the order of the files.
#[derive(Debug)]
pub enum Streamed {
    Report(Box<Report>),
    /// A file that could not be loaded (or a duplicate).
    Problem(LoadProblem),
    /// A report that loaded damaged; its report follows.
    Warning(LoadProblem),
}

/// One loaded file: its report, its words packed (the search index's input), and a warning if it
/// loaded damaged.
type Loaded = Result<(Report, Vec<u8>, Option<LoadProblem>), LoadProblem>;

/// A store being read and written during one load.
struct Cache<'a> {
    store: &'a Store,
    writer: Writer,
}

impl<'a> Cache<'a> {
    fn new(store: Option<&'a Store>) -> Option<Cache<'a>> {
        store.map(|store| Cache {
            store,
            writer: store.writer(),
        })
    }

    /// Wait for the writer to write what it was given; the time its thread was busy.
    fn finish(cache: Option<Cache<'_>>) -> Duration {
        cache.map_or(Duration::ZERO, |c| c.writer.finish())
    }
}

impl Corpus {
    /// The reports embedded in the binary (`seeds/`).
    pub fn embedded(taxonomy: Arc<Taxonomy>) -> Corpus {
        let start = Instant::now();
        let clock = Clock::default();
        let loaded: Vec<Loaded> = seeds::SEEDS
            .par_iter()
            .map(|(name, bytes)| {
                load_with_words(bytes, &seeds::source_name(name), &taxonomy, None, &clock)
            })
            .collect();
        Corpus::from_loaded(loaded, taxonomy, &clock, start)
    }

    /// Load files and folders (recursively: .txt, .html, .htm), in parallel, reading and filling
    /// `cache` (when given) so unchanged files are parsed once. Unreadable or unparsable files,
    /// and anything but a regular file, become [`LoadProblem`]s; the rest load. Files larger
    /// than [`ingest::DEFAULT_MAX_FILE_BYTES`] are refused.
    pub fn load(paths: &[PathBuf], taxonomy: Arc<Taxonomy>, cache: Option<&Store>) -> Corpus {
        Corpus::load_with_progress(
            paths,
            taxonomy,
            cache,
            ingest::DEFAULT_MAX_FILE_BYTES,
            &|_| {},
        )
    }

    /// As [`Corpus::load`], refusing files larger than `max_file_bytes` and telling `progress`
    /// after each file (files done of all, and the file) so a face can show how far loading is.
    pub fn load_with_progress(
        paths: &[PathBuf],
        taxonomy: Arc<Taxonomy>,
        cache: Option<&Store>,
        max_file_bytes: u64,
        progress: &(dyn Fn(Progress<'_>) + Sync),
    ) -> Corpus {
        let start = Instant::now();
        let clock = Clock::default();
        let (files, mut problems) = files_of(paths);
        let done = AtomicUsize::new(0);
        let cache = Cache::new(cache);
        let loaded: Vec<Loaded> = files
            .par_iter()
            .map(|path| {
                let loaded = load_file(path, &taxonomy, cache.as_ref(), max_file_bytes, &clock);
                progress(Progress {
                    done: done.fetch_add(1, Ordering::Relaxed) + 1,
                    total: files.len(),
                    file: path,
                });
                loaded
            })
            .collect();
        let writing = Cache::finish(cache);
        Clock::add(&clock.store, writing);
        let mut corpus = Corpus::from_loaded(loaded, taxonomy, &clock, start);
        problems.append(&mut corpus.problems);
        corpus.problems = problems;
        corpus
    }

    /// Load files and folders as [`Corpus::load_with_progress`] does, but hand each report (or the
    /// problem that kept it out, or its warning) to `each` in the order of the files as soon as it
    /// and those before it are parsed, holding only a window of reports and building no search
    /// index: how `parse --json` prints a corpus of any size in flat memory. A report with the same
    /// text as one handed over before is a problem, as in a corpus.
    pub fn stream(
        paths: &[PathBuf],
        taxonomy: &Taxonomy,
        cache: Option<&Store>,
        max_file_bytes: u64,
        mut each: impl FnMut(Streamed),
    ) {
        let (files, problems) = files_of(paths);
        for problem in problems {
            each(Streamed::Problem(problem));
        }
        let mut seen = HashSet::new();
        // Nobody reads a stream's stage times: it has no corpus to keep them in.
        let clock = Clock::default();
        // Enough files at a time to keep every core busy, few enough to keep memory flat.
        let window = rayon::current_num_threads() * 16;
        let cache = Cache::new(cache);
        for chunk in files.chunks(window.max(1)) {
            let loaded: Vec<Loaded> = chunk
                .par_iter()
                .map(|path| load_file(path, taxonomy, cache.as_ref(), max_file_bytes, &clock))
                .collect();
            for result in loaded {
                match result {
                    Ok((report, _, _)) if !seen.insert(report.hash.clone()) => {
                        each(Streamed::Problem(duplicate(&report)));
                    }
                    Ok((report, _, warning)) => {
                        if let Some(w) = warning {
                            each(Streamed::Warning(w));
                        }
                        each(Streamed::Report(Box::new(report)));
                    }
                    Err(problem) => each(Streamed::Problem(problem)),
                }
            }
        }
        Cache::finish(cache);
    }

    /// Build a corpus from already parsed reports (de-duplicated, indexed).
    pub fn from_reports(reports: Vec<Report>, taxonomy: Arc<Taxonomy>) -> Corpus {
        let start = Instant::now();
        let clock = Clock::default();
        let loaded = reports
            .into_par_iter()
            .map(|r| {
                let words = Clock::time(&clock.segment, || packed_words_of(&r.text));
                Ok((r, words, None))
            })
            .collect();
        Corpus::from_loaded(loaded, taxonomy, &clock, start)
    }

    fn from_loaded(
        results: Vec<Loaded>,
        taxonomy: Arc<Taxonomy>,
        clock: &Clock,
        start: Instant,
    ) -> Corpus {
        let mut reports = Vec::new();
        let mut word_lists = Vec::new();
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        let mut seen = HashSet::new();
        for result in results {
            match result {
                Ok((report, _, _)) if !seen.insert(report.hash.clone()) => {
                    problems.push(duplicate(&report))
                }
                Ok((report, words, warning)) => {
                    reports.push(report);
                    word_lists.push(words);
                    warnings.extend(warning);
                }
                Err(problem) => problems.push(problem),
            }
        }
        Corpus {
            reports,
            problems,
            warnings,
            taxonomy,
            words: OnceLock::new(),
            pending: Mutex::new(word_lists),
            index_time: OnceLock::new(),
            stages: clock.stages(Duration::ZERO, start.elapsed()),
        }
    }

    /// How long loading took, stage by stage; the index's time once it is built (and then in the
    /// whole too).
    pub fn stages(&self) -> Stages {
        let index = self.index_time.get().copied().unwrap_or_default();
        Stages {
            index,
            wall: self.stages.wall + index,
            ..self.stages
        }
    }

    /// Build the word index now if it is not built yet; a search waits for a build under way.
    pub fn build_index(&self) {
        self.index();
    }

    fn index(&self) -> &WordIndex {
        self.words.get_or_init(|| {
            let start = Instant::now();
            let lists = match self.pending.lock() {
                Ok(mut pending) => std::mem::take(&mut *pending),
                // Only a build that panicked holds the lock: the words are gone, search finds none.
                Err(_) => Vec::new(),
            };
            let index = WordIndex::build(self.reports.iter().map(|r| r.text.as_str()), lists);
            let _ = self.index_time.set(start.elapsed());
            index
        })
    }

    /// Heap bytes the word index holds (building it first if need be): what a corpus pays for
    /// whole-word search for the whole session.
    pub fn index_bytes(&self) -> usize {
        self.index().heap_bytes()
    }

    /// Each report's words as byte offset and length, in text order (`reports[i]`'s are the
    /// `i`th), read back from the word index: no text is segmented again.
    pub fn word_lists(&self) -> Vec<Vec<WordAt>> {
        self.index().by_report(self.reports.len())
    }

    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The taxonomy, to share with another corpus or a later load.
    pub fn shared_taxonomy(&self) -> Arc<Taxonomy> {
        Arc::clone(&self.taxonomy)
    }

    /// Every place `query` is found in the corpus, in report order and then text order, as
    /// `mode` says to match it. Spaces around the query are ignored; an empty query finds nothing.
    pub fn search(&self, query: &str, mode: SearchMode) -> Vec<Hit> {
        let query = query.trim();
        let words: Vec<String> = segment::words(query)
            .into_iter()
            .map(|(_, w)| w.to_string())
            .collect();
        let mut hits = match mode {
            SearchMode::Substring if !query.is_empty() => {
                self.find_anywhere(query, |_| Some(query.len()))
            }
            SearchMode::Phrase => match words.first() {
                Some(first) => self.find_anywhere(first, |text| phrase_len(text, &words)),
                None => Vec::new(),
            },
            SearchMode::Word => self.search_words(&words),
            SearchMode::Substring => Vec::new(),
        };
        hits.sort_by_key(|h| (h.report, h.at.start));
        hits
    }

    /// Hits of whole words: the first query word looked up in the index, each next one checked to
    /// be a whole word of the text too, right after (spaces and punctuation between them aside).
    fn search_words(&self, words: &[String]) -> Vec<Hit> {
        let Some(first) = words.first() else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        let index = self.index();
        // Each next word's place follows the one before it, hit after hit, so each next word's
        // occurrences are decoded once, side by side with the first's.
        let mut rest: Vec<_> = words[1..].iter().map(|w| index.seek(w)).collect();
        for (report, offset) in index.get(first) {
            let text = &self.reports[report as usize].text;
            let start = offset as usize;
            let mut end = start + first.len();
            let whole = words[1..].iter().zip(&mut rest).all(|(word, places)| {
                let rest = text.get(end..).unwrap_or("");
                let at = end
                    + (rest.len()
                        - rest
                            .trim_start_matches(|c: char| !c.is_alphanumeric())
                            .len());
                let found = text.get(at..).is_some_and(|t| t.starts_with(word.as_str()))
                    && places.has((report, at as u32));
                end = at + word.len();
                found
            });
            if whole {
                hits.push(Hit {
                    report: report as usize,
                    at: Span::new(start, end),
                });
            }
        }
        hits
    }

    /// Hits starting wherever `needle` occurs in a report's text, `len` saying how long the match
    /// from there is (none: no match there).
    fn find_anywhere(&self, needle: &str, len: impl Fn(&str) -> Option<usize>) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (i, r) in self.reports.iter().enumerate() {
            for (start, _) in r.text.match_indices(needle) {
                if let Some(n) = len(&r.text[start..]) {
                    hits.push(Hit {
                        report: i,
                        at: Span::new(start, start + n),
                    });
                }
            }
        }
        hits
    }

    /// Path of the innermost section holding a hit (empty: the preamble).
    pub fn section_of(&self, hit: &Hit) -> Vec<usize> {
        self.reports
            .get(hit.report)
            .map(|r| section_at(r, hit.at.start))
            .unwrap_or_default()
    }
}

/// How a search query is matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SearchMode {
    /// The query's jieba words as whole words of the text, one after another: "复议" does not
    /// match inside 行政复议.
    #[default]
    Word,
    /// The query's words in order anywhere, inside words too, with any spaces or punctuation (or
    /// none) between them: "法治 政府" finds 法治政府 and 法治、政府.
    Phrase,
    /// The query exactly as typed, anywhere, inside words too.
    Substring,
}

impl SearchMode {
    pub const ALL: [SearchMode; 3] = [SearchMode::Word, SearchMode::Phrase, SearchMode::Substring];

    /// The mode after this one, round to the first.
    pub fn next(self) -> SearchMode {
        SearchMode::ALL[(self.index() + 1) % SearchMode::ALL.len()]
    }

    /// Its position in [`SearchMode::ALL`], for label tables.
    pub fn index(self) -> usize {
        SearchMode::ALL.iter().position(|m| *m == self).unwrap_or(0)
    }
}

/// Length in bytes of the phrase at the start of `text`, if it is there.
fn phrase_len(text: &str, phrase: &[String]) -> Option<usize> {
    let mut pos = 0;
    for (i, word) in phrase.iter().enumerate() {
        if i > 0 {
            let rest = &text[pos..];
            let skipped = rest.len()
                - rest
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            pos += skipped;
        }
        if !text[pos..].starts_with(word.as_str()) {
            return None;
        }
        pos += word.len();
    }
    Some(pos)
}

/// The innermost section whose extent holds `offset`.
///
/// Sections nest and siblings follow each other in the text, so the path is found by going
/// down one level at a time: a comparison or a search asks this for every passage or hit, and
/// walking the whole tree each time made the diff of two 5 MB reports quadratic.
pub fn section_at(report: &Report, offset: usize) -> Vec<usize> {
    let mut path = Vec::new();
    let mut level = report.sections.as_slice();
    loop {
        let before = level.partition_point(|s| s.extent.start <= offset);
        let Some(i) = before.checked_sub(1) else {
            return path;
        };
        if offset >= level[i].extent.end {
            return path;
        }
        path.push(i);
        level = &level[i].children;
    }
}

/// The report files under `paths` (folders read recursively, in file-name order), and what could
/// not be listed.
fn files_of(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut problems);
    }
    (files, problems)
}

/// Read one file within the size limit and load it.
fn load_file(
    path: &Path,
    taxonomy: &Taxonomy,
    cache: Option<&Cache<'_>>,
    max_file_bytes: u64,
    clock: &Clock,
) -> Loaded {
    let source = path.to_string_lossy().into_owned();
    match Clock::time(&clock.read, || ingest::read_file(path, max_file_bytes)) {
        Ok(bytes) => load_with_words(&bytes, &source, taxonomy, cache, clock),
        Err(e) => Err(LoadProblem {
            source,
            reason: e.to_string(),
        }),
    }
}

/// The problem of a report whose text is already loaded.
fn duplicate(report: &Report) -> LoadProblem {
    LoadProblem {
        source: report.source.clone(),
        reason: "same text as a report already loaded (skipped)".into(),
    }
}

/// Parse one file's bytes (or take them from the cache) with the words of its text.
fn load_with_words(
    bytes: &[u8],
    source: &str,
    taxonomy: &Taxonomy,
    cache: Option<&Cache<'_>>,
    clock: &Clock,
) -> Loaded {
    // Hashed once: the key reads the store and, on a miss, writes it.
    let key = cache.map(|_| Clock::time(&clock.store, || store::key_of(bytes)));
    if let Some(entry) = cache
        .zip(key.as_deref())
        .and_then(|(c, key)| Clock::time(&clock.store, || c.store.get(key)))
    {
        let mut report = entry.report;
        report.source = source.to_string();
        report.shrink_to_fit();
        return Ok((report, entry.words, None));
    }
    let (mut report, warning) = load_checked(bytes, source, taxonomy, clock)?;
    report.shrink_to_fit();
    let words = Clock::time(&clock.segment, || packed_words_of(&report.text));
    let entry = store::Entry { report, words };
    // A damaged file is parsed afresh each time so its warning is given each time (the cache
    // keeps reports, not what was lost decoding them).
    if let (Some(c), Some(key)) = (cache.filter(|_| warning.is_none()), key) {
        Clock::time(&clock.store, || c.writer.put(key, &entry, taxonomy));
    }
    Ok((entry.report, entry.words, warning))
}

/// Decode, clean and parse one file's bytes.
pub fn load_bytes(bytes: &[u8], source: &str, taxonomy: &Taxonomy) -> Result<Report, LoadProblem> {
    load_checked(bytes, source, taxonomy, &Clock::default()).map(|(report, _)| report)
}

/// As [`load_bytes`], with a warning naming the bytes that could not be decoded, if any.
fn load_checked(
    bytes: &[u8],
    source: &str,
    taxonomy: &Taxonomy,
    clock: &Clock,
) -> Result<(Report, Option<LoadProblem>), LoadProblem> {
    let doc = Clock::time(&clock.decode, || ingest::from_bytes(bytes, source)).map_err(|e| {
        LoadProblem {
            source: source.to_string(),
            reason: e.to_string(),
        }
    })?;
    let mut notes = Vec::new();
    if doc.undecodable > 0 {
        notes.push(format!(
            "{} {} could not be decoded (shown as \u{fffd})",
            doc.undecodable,
            if doc.undecodable == 1 {
                "byte"
            } else {
                "bytes"
            }
        ));
    }
    if doc.too_deep > 0 {
        notes.push(format!(
            "{} tags nested deeper than {} levels were ignored (their text is kept)",
            doc.too_deep,
            ingest::nesting::MAX_DEPTH
        ));
    }
    let warning = (!notes.is_empty()).then(|| LoadProblem {
        source: source.to_string(),
        reason: notes.join("; "),
    });
    let report = Clock::time(&clock.parse, || {
        parse::parse_document(source, doc, taxonomy)
    });
    Ok((report, warning))
}

fn is_report_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "html" | "htm")
    )
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<LoadProblem>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(e) => {
                problems.push(LoadProblem {
                    source: path.to_string_lossy().into_owned(),
                    reason: format!("cannot read folder: {e}"),
                });
                return;
            }
        };
        entries.sort();
        for entry in entries {
            if entry.is_dir() || is_report_file(&entry) {
                collect_files(&entry, files, problems);
            }
        }
    } else if path.exists() {
        files.push(path.to_path_buf());
    } else {
        problems.push(LoadProblem {
            source: path.to_string_lossy().into_owned(),
            reason: "no such file or folder".into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_at_finds_the_innermost_section_at_every_offset() {
        let corpus = Corpus::embedded(Taxonomy::embedded().into());
        let nested = corpus
            .reports
            .iter()
            .any(|r| r.walk().iter().any(|(path, _)| path.len() > 1));
        assert!(nested, "some seed has subsections");
        for report in &corpus.reports {
            let sections = report.walk();
            for offset in 0..=report.text.len() {
                let innermost = sections
                    .iter()
                    .filter(|(_, s)| s.extent.start <= offset && offset < s.extent.end)
                    .max_by_key(|(path, _)| path.len())
                    .map(|(path, _)| path.clone())
                    .unwrap_or_default();
                assert_eq!(
                    section_at(report, offset),
                    innermost,
                    "{} at {offset}",
                    report.source
                );
            }
        }
    }

    #[test]
    fn progress_counts_every_file_once_up_to_the_total() {
        let dir = tempfile::tempdir().unwrap();
        for (i, (_, bytes)) in seeds::SEEDS.iter().enumerate() {
            std::fs::write(dir.path().join(format!("{i}.txt")), bytes).unwrap();
        }
        std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
        let seen = std::sync::Mutex::new(Vec::new());
        let corpus = Corpus::load_with_progress(
            &[dir.path().to_path_buf()],
            Taxonomy::embedded().into(),
            None,
            ingest::DEFAULT_MAX_FILE_BYTES,
            &|p| {
                seen.lock()
                    .unwrap()
                    .push((p.done, p.total, p.file.to_path_buf()))
            },
        );
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        let total = seeds::SEEDS.len() + 1;
        let done: Vec<usize> = seen.iter().map(|s| s.0).collect();
        assert_eq!(
            done,
            (1..=total).collect::<Vec<_>>(),
            "each file counted once, in order"
        );
        assert!(seen.iter().all(|s| s.1 == total));
        let mut files: Vec<_> = seen.iter().map(|s| s.2.clone()).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), total, "every file named");
        assert_eq!(corpus.reports.len() + corpus.problems.len(), total);
    }

    const SEARCHED: &str = "某县2024年法治政府建设情况报告\n一、规范执法\n全年办理行政复议案件76件，复议纠错率5%。坚持依法行政，推进法治、政府建设和法治政府示范创建。\n二、存在的不足\n基层法治力量不足。";

    fn searched() -> Corpus {
        let taxonomy: Arc<Taxonomy> = Taxonomy::embedded().into();
        let report = load_bytes(SEARCHED.as_bytes(), "a.txt", &taxonomy).unwrap();
        Corpus::from_reports(vec![report], taxonomy)
    }

    fn found(corpus: &Corpus, query: &str, mode: SearchMode) -> Vec<String> {
        let text = &corpus.reports[0].text;
        corpus
            .search(query, mode)
            .iter()
            .map(|h| text[h.at.start..h.at.end].to_string())
            .collect()
    }

    #[test]
    fn whole_words_do_not_match_inside_other_words() {
        let c = searched();
        assert_eq!(found(&c, "行政复议", SearchMode::Word), ["行政复议"]);
        assert_eq!(
            found(&c, "复议", SearchMode::Word),
            ["复议"],
            "not inside 行政复议"
        );
        // The title's 法治政府建设 is one word of the domain dictionary: only the body's counts.
        let hits = c.search("法治政府", SearchMode::Word);
        assert_eq!(hits.len(), 1);
        assert!(c.reports[0].text[hits[0].at.end..].starts_with("示范"));
        assert!(
            found(&c, "行政 复", SearchMode::Word).is_empty(),
            "复 is no whole word here"
        );
        assert!(found(&c, "，。", SearchMode::Word).is_empty());
    }

    #[test]
    fn whole_words_of_a_query_are_found_in_every_report() {
        let taxonomy: Arc<Taxonomy> = Taxonomy::embedded().into();
        // Each text a little different, so none is set aside as a duplicate.
        let reports = ["a", "b", "c"].map(|name| {
            let text = format!("{SEARCHED}{name}");
            load_bytes(text.as_bytes(), name, &taxonomy).unwrap()
        });
        let c = Corpus::from_reports(reports.into(), taxonomy);
        assert_eq!(
            segment::words("行政复议案件").len(),
            2,
            "two words, one after the other"
        );
        let hits = c.search("行政复议案件", SearchMode::Word);
        let places: Vec<(usize, usize)> = hits.iter().map(|h| (h.report, h.at.start)).collect();
        let text_at = c.reports[0].text.find("行政复议案件").unwrap();
        assert_eq!(places, [(0, text_at), (1, text_at), (2, text_at)]);
        assert_eq!(c.search("法治政府", SearchMode::Word).len(), 3);
    }

    #[test]
    fn a_phrase_matches_its_words_in_order_across_punctuation() {
        let c = searched();
        assert_eq!(
            found(&c, "法治 政府", SearchMode::Phrase),
            ["法治政府", "法治、政府", "法治政府"]
        );
        assert_eq!(found(&c, "复议", SearchMode::Phrase), ["复议", "复议"]);
        assert!(
            found(&c, "政府 法治", SearchMode::Phrase).is_empty(),
            "order counts"
        );
    }

    #[test]
    fn a_substring_matches_exactly_as_typed_anywhere() {
        let c = searched();
        assert_eq!(found(&c, "复议", SearchMode::Substring), ["复议", "复议"]);
        assert_eq!(found(&c, " 治、政 ", SearchMode::Substring), ["治、政"]);
        assert!(found(&c, "法治 政府", SearchMode::Substring).is_empty());
        assert!(found(&c, "   ", SearchMode::Substring).is_empty());
    }

    #[test]
    fn the_modes_cycle_through_all_three() {
        let mut mode = SearchMode::default();
        let mut seen = Vec::new();
        for _ in 0..3 {
            seen.push(mode);
            mode = mode.next();
        }
        assert_eq!(seen, SearchMode::ALL);
        assert_eq!(mode, SearchMode::Word);
    }

    #[test]
    fn phrase_allows_different_punctuation_between_words() {
        let phrase = vec!["行政".to_string(), "复议".to_string()];
        assert_eq!(
            phrase_len("行政，复议案件", &phrase),
            Some("行政，复议".len())
        );
        assert_eq!(phrase_len("行政诉讼", &phrase), None);
    }
}
