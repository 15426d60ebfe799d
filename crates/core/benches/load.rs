//! Loading a corpus: how parsing scales with the number of reports, against a baseline measured in
//! the same run (reading and decoding the same files without parsing them).
//!
//! `cargo bench --bench load [-- N]` writes N synthetic reports (default 400) made from the seeds
//! to a temporary folder, then times, over 5 rounds each, the medians of:
//! - baseline: read + decode + clean every file (ingest only),
//! - parse: ingest + parse every file, one thread,
//! - corpus: `Corpus::load` (parallel ingest, parse, de-duplication, word index),
//! - warm: `Corpus::load` with the corpus store when every file is already in it,
//! - jieba: jieba-rs alone reading, decoding and segmenting the same files on the same cores
//!   (the baseline the issue tracker measures against).
//!
//! It also prints the size of the store against the size of the input.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::Corpus;
use fazhi_core::ingest;
use fazhi_core::parse;
use rayon::prelude::*;

const ROUNDS: usize = 5;

/// Synthetic reports: each seed with its numbers changed and its paragraphs rotated, so that
/// every file is distinct (no de-duplication) but shaped like a real report.
fn synthesise(dir: &Path, n: usize) -> Vec<PathBuf> {
    let seeds: Vec<String> = fazhi_core::seeds::SEEDS
        .iter()
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    (0..n)
        .map(|i| {
            let seed = &seeds[i % seeds.len()];
            let mut lines: Vec<&str> = seed.lines().collect();
            let body_lines = lines.len().saturating_sub(1).max(1);
            let rotate = (i / seeds.len()) % body_lines;
            if lines.len() > 1 {
                lines[1..].rotate_left(rotate);
            }
            let text: String = lines
                .join("\n")
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_digit((d + i as u32) % 10, 10).unwrap_or(c),
                    None => c,
                })
                .collect();
            // The same seed, rotation and digit shift recur every 50 files: a numbered closing
            // line keeps each text distinct.
            let text = format!("{text}\n本报告为基准测试样本第{i}号。");
            let path = dir.join(format!("report_{i:05}.txt"));
            std::fs::write(&path, text).expect("write synthetic report");
            path
        })
        .collect()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<F: FnMut()>(mut f: F) -> Duration {
    median(
        (0..ROUNDS)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(400);
    let dir = tempfile::tempdir().expect("temp dir");
    let files = synthesise(dir.path(), n);
    // Warm the shared automata (jieba, divisions, catalogue) so no round pays for them.
    let taxonomy = std::sync::Arc::new(Taxonomy::embedded());
    let _ = Corpus::load(&files[..1], taxonomy.clone(), None);

    let baseline = time(|| {
        for f in &files {
            let _ = std::hint::black_box(ingest::read_path(f));
        }
    });
    let parse_one_thread = time(|| {
        for f in &files {
            if let Ok(doc) = ingest::read_path(f) {
                std::hint::black_box(parse::parse_document(&f.to_string_lossy(), doc, &taxonomy));
            }
        }
    });
    let mut loaded = 0;
    let corpus = time(|| {
        let c = Corpus::load(
            std::slice::from_ref(&dir.path().to_path_buf()),
            taxonomy.clone(),
            None,
        );
        loaded = c.reports.len();
    });
    assert_eq!(loaded, n, "every synthetic report loads");
    let cache_dir = tempfile::tempdir().expect("temp dir");
    let (cache, _) =
        fazhi_core::store::Store::open(cache_dir.path(), &taxonomy).expect("a store opens");
    let folder = [dir.path().to_path_buf()];
    let _ = Corpus::load(&folder, taxonomy.clone(), Some(&cache));
    let warm = time(|| {
        loaded = Corpus::load(&folder, taxonomy.clone(), Some(&cache))
            .reports
            .len();
    });
    assert_eq!(loaded, n, "every report comes back from the cache");

    let jieba = time(|| {
        files.par_iter().for_each(|f| {
            if let Ok(doc) = ingest::read_path(f) {
                std::hint::black_box(fazhi_core::text::segment::words(&doc.text));
            }
        });
    });
    let store_path = cache.path().to_path_buf();
    // Closed, as it rests on disk between runs: the last connection folds the WAL into the file.
    drop(cache);
    let input: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let stored: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", store_path.display())).ok())
        .map(|m| m.len())
        .sum();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("load benchmark: {n} reports, median of {ROUNDS} rounds");
    println!(
        "  baseline (ingest only, 1 thread)   {:>9.1} ms",
        ms(baseline)
    );
    println!(
        "  ingest + parse (1 thread)          {:>9.1} ms  ({:.1}× baseline, {:.2} ms/report)",
        ms(parse_one_thread),
        ms(parse_one_thread) / ms(baseline),
        ms(parse_one_thread) / n as f64
    );
    println!(
        "  Corpus::load (parallel, indexed)   {:>9.1} ms  ({:.1}× baseline)",
        ms(corpus),
        ms(corpus) / ms(baseline)
    );
    println!(
        "  the same from a warm store         {:>9.1} ms  ({:.1}× baseline)",
        ms(warm),
        ms(warm) / ms(baseline)
    );
    println!(
        "  jieba-rs alone (read, decode, segment; parallel) {:>9.1} ms: cold load {:.1}×, warm {:.1}×",
        ms(jieba),
        ms(corpus) / ms(jieba),
        ms(warm) / ms(jieba)
    );
    println!(
        "  store {:.1} MB for {:.1} MB of input ({:.1}×)",
        stored as f64 / 1e6,
        input as f64 / 1e6,
        stored as f64 / input.max(1) as f64
    );
}
