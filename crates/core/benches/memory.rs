//! Where a load's memory goes: a counting allocator measures the bytes live and the peak at each
//! step of a cold load of a folder, and what the loaded corpus holds, part by part.
//!
//! `cargo bench -p fazhi-core --bench memory -- DIR` (a folder written by
//! `cargo bench -p fazhi-core --bench scale -- --write DIR 1000`). Bytes asked of the allocator,
//! not resident memory: the allocator's own overhead and freed pages it keeps come on top. The
//! first load also builds the word index and times a few searches with it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::{Corpus, SearchMode};
use fazhi_core::model::{Report, Section};
use fazhi_core::store::Store;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        let now = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Start measuring a new peak from what is live now.
fn reset_peak() {
    PEAK.store(live(), Ordering::Relaxed);
}

fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// A theme score's bytes (an interned id and a score).
const THEME_SCORE: usize = size_of::<(fazhi_core::model::ThemeId, f32)>();

/// Heap bytes of a report's parts, by capacity: (text, measures (their titles and theme scores;
/// their text is the report's), sections and their other strings, indicators, the rest).
fn report_parts(r: &Report) -> [usize; 5] {
    #[allow(clippy::ptr_arg)] // its capacity is what is measured
    fn sections(list: &Vec<Section>, measures: &mut usize, other: &mut usize) {
        *other += list.capacity() * size_of::<Section>();
        for s in list {
            *other += s.heading.as_ref().map_or(0, String::capacity)
                + s.themes.capacity() * size_of::<fazhi_core::model::ThemeId>()
                + s.theme_scores.0.capacity() * THEME_SCORE;
            *measures += s.measures.capacity() * size_of::<fazhi_core::model::Measure>();
            for m in &s.measures {
                *measures += m.title.as_ref().map_or(0, String::capacity)
                    + m.themes.0.capacity() * THEME_SCORE;
            }
            sections(&s.children, measures, other);
        }
    }
    let (mut measures, mut other) = (0, 0);
    sections(&r.sections, &mut measures, &mut other);
    let indicators = r.indicators.capacity() * size_of::<fazhi_core::model::Indicator>()
        + r.indicators
            .iter()
            .map(|i| {
                i.span.capacity()
                    + i.unit.capacity()
                    + i.label.capacity()
                    + i.canonical.as_ref().map_or(0, String::capacity)
                    + i.section.capacity() * 8
                    + i.themes.0.capacity() * THEME_SCORE
            })
            .sum::<usize>();
    let rest = r.source.capacity()
        + r.hash.capacity()
        + r.meta.chrome.iter().map(String::capacity).sum::<usize>();
    [r.text.capacity(), measures, other, indicators, rest]
}

fn main() {
    let dir: PathBuf = std::env::args()
        .skip(1)
        .find(|a| a != "--bench")
        .expect("a folder of reports (scale -- --write DIR 1000)")
        .into();
    let start = live();
    std::hint::black_box(fazhi_core::text::segment::words("法治政府"));
    let jieba = live();
    std::hint::black_box(fazhi_core::divisions::Divisions::get().len());
    let divisions = live();
    let taxonomy = Arc::new(Taxonomy::embedded());
    for (name, bytes) in fazhi_core::seeds::SEEDS {
        drop(fazhi_core::corpus::load_bytes(bytes, name, &taxonomy).expect("a seed"));
    }
    let statics = live();
    println!(
        "statics {:.1} MB: jieba's dictionary {:.1}, the division table {:.1}, taxonomy and the parser's automata {:.1}",
        mb(statics - start),
        mb(jieba - start),
        mb(divisions - jieba),
        mb(statics - divisions),
    );
    for with_store in [false, true] {
        let stores = tempfile::tempdir().expect("a temp dir");
        let store = with_store.then(|| Store::open(stores.path(), &taxonomy).expect("a store"));
        let before = live();
        reset_peak();
        let mut corpus = Corpus::load(
            std::slice::from_ref(&dir),
            Arc::clone(&taxonomy),
            store.as_ref().map(|(s, _)| s),
        );
        let (during, after) = (peak() - before, live() - before);
        let parts = corpus
            .reports
            .iter()
            .map(report_parts)
            .fold([0; 5], |mut sum, p| {
                sum.iter_mut().zip(p).for_each(|(s, p)| *s += p);
                sum
            });
        let (mut sections, mut measures, mut scores) = (0, 0, 0);
        for r in &corpus.reports {
            for (_, s) in r.walk() {
                sections += 1;
                measures += s.measures.len();
                scores += s.theme_scores.0.len()
                    + s.measures.iter().map(|m| m.themes.0.len()).sum::<usize>();
            }
            scores += r.indicators.iter().map(|i| i.themes.0.len()).sum::<usize>();
        }
        let indicators: usize = corpus.reports.iter().map(|r| r.indicators.len()).sum();
        println!(
            "  {sections} sections, {measures} measures, {indicators} indicators, {scores} theme scores"
        );
        if !with_store {
            word_index(&corpus);
        }
        let reports = std::mem::take(&mut corpus.reports);
        let n = reports.len();
        let with_reports = live();
        drop(reports);
        let of_reports = with_reports - live();
        println!(
            "cold load of {n} reports{}: peak {:.1} MB above the statics, {:.1} MB live after",
            if with_store { ", writing a store" } else { "" },
            mb(during),
            mb(after)
        );
        println!(
            "  reports {:.1} MB: text {:.1}, measures {:.1}, sections {:.1}, indicators {:.1}, source/hash/chrome {:.1}",
            mb(of_reports),
            mb(parts[0]),
            mb(parts[1]),
            mb(parts[2]),
            mb(parts[3]),
            mb(parts[4])
        );
        println!(
            "  word index and the rest {:.1} MB; held only while loading {:.1} MB",
            mb(after - of_reports),
            mb(during - after)
        );
    }
}

/// The word index: its bytes, the peak and time of building it, and searches' medians against
/// the same query as a substring (a scan of every text, no index) in the same run.
fn word_index(corpus: &Corpus) {
    let before = live();
    reset_peak();
    let start = Instant::now();
    corpus.build_index();
    let took = start.elapsed();
    println!(
        "  word index {:.1} MB, built in {:.1} ms, {:.1} MB above the load at its peak",
        mb(corpus.index_bytes()),
        took.as_secs_f64() * 1e3,
        mb(peak() - before)
    );
    for query in ["法治", "行政复议", "法治政府建设", "行政复议案件"] {
        let word = median(|| corpus.search(query, SearchMode::Word).len());
        let scan = median(|| corpus.search(query, SearchMode::Substring).len());
        println!(
            "  search {query}: {} hits, by word {:.2} ms (fastest {:.2}), as a substring {:.2} ms (fastest {:.2}): {:.2}×",
            word.2,
            word.0 * 1e3,
            word.1 * 1e3,
            scan.0 * 1e3,
            scan.1 * 1e3,
            word.0 / scan.0
        );
    }
}

/// Median and fastest seconds of 31 runs of `run` (the fastest: what is left of a run on a busy
/// machine without the other processes), and what it returned.
fn median(run: impl Fn() -> usize) -> (f64, f64, usize) {
    let mut out = 0;
    let mut times: Vec<f64> = (0..31)
        .map(|_| {
            let start = Instant::now();
            out = std::hint::black_box(run());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0], out)
}
