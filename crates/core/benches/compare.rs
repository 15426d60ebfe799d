//! Aligning and diffing two whole reports, against a baseline measured in the same run: one
//! Patience diff over the two texts' jieba tokens. Prints medians and their ratio.
//!
//! `cargo bench --bench compare [-- ITERATIONS]`

use std::hint::black_box;
use std::time::{Duration, Instant};

use fazhi_core::analyse::compare::{compare, units};
use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::{Corpus, load_bytes};
use fazhi_core::model::Report;
use fazhi_core::text::segment;
use similar::{Algorithm, capture_diff_slices};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(iterations: usize, mut f: impl FnMut() -> T) -> Duration {
    let times = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    median(times)
}

/// Seed text as next year's report of the same place: paragraphs swapped pairwise, some words
/// and every number changed (the case where most measures pair and every pair is diffed).
fn next_year(report: &Report) -> Report {
    let mut lines: Vec<String> = report.text.lines().map(str::to_string).collect();
    for pair in lines.chunks_mut(2).skip(1) {
        pair.reverse();
    }
    let text: String = lines
        .join("\n")
        .replace("加强", "强化")
        .replace("推进", "推动")
        .chars()
        .map(|c| {
            c.to_digit(10)
                .map_or(c, |d| char::from_digit((d + 3) % 10, 10).unwrap_or(c))
        })
        .collect();
    load_bytes(text.as_bytes(), "next-year.txt", &Taxonomy::embedded())
        .expect("an edited seed still parses")
}

fn case(name: &str, a: &Report, b: &Report, taxonomy: &Taxonomy, iterations: usize) {
    // Warm the shared segmenter and taxonomy so neither side pays for loading them.
    black_box(compare(a, b, None, taxonomy));
    let ours = time(iterations, || compare(a, b, None, taxonomy));
    let baseline = time(iterations, || {
        let ta = segment::tokens(&a.text);
        let tb = segment::tokens(&b.text);
        capture_diff_slices(Algorithm::Patience, &ta, &tb).len()
    });
    let c = compare(a, b, None, taxonomy);
    println!("{name}");
    println!(
        "  reports: {} ({} chars, {} units) vs {} ({} chars, {} units)",
        a.source,
        a.text.chars().count(),
        units(a, taxonomy).len(),
        b.source,
        b.text.chars().count(),
        units(b, taxonomy).len(),
    );
    println!(
        "  pairs: {} aligned, {} moved, {} only A, {} only B; {} shared passages",
        c.summary.matched,
        c.summary.moved,
        c.summary.only_a,
        c.summary.only_b,
        c.shared_passages.len()
    );
    let rows: Vec<_> = c.bands.iter().flat_map(|b| &b.rows).collect();
    let both = rows
        .iter()
        .filter(|p| p.a.is_some() && p.b.is_some())
        .count();
    println!(
        "  reading {:?}; {} bands, {} rows, {} with both sides",
        c.reading,
        c.bands.len(),
        rows.len(),
        both
    );
    println!("  compare (align + bands + diff + shared): median {ours:?}");
    println!("  baseline (whole-text token diff): median {baseline:?}");
    println!(
        "  ratio: {:.2}",
        ours.as_secs_f64() / baseline.as_secs_f64().max(1e-9)
    );
}

/// One report made of several seeds' texts, one after the other, as a long report of one place.
fn joined(name: &str, parts: &[&Report]) -> Report {
    let text: Vec<&str> = parts.iter().map(|r| r.text.as_str()).collect();
    load_bytes(text.join("\n").as_bytes(), name, &Taxonomy::embedded())
        .expect("joined seeds still parse")
}

fn main() {
    let iterations: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(30);
    let corpus = Corpus::embedded(Taxonomy::embedded().into());
    let taxonomy = corpus.taxonomy();
    let (a, b) = match corpus.reports.as_slice() {
        [a, b, ..] => (a, b),
        _ => panic!("the embedded corpus has at least two reports"),
    };
    println!("iterations: {iterations}");
    case("two localities", a, b, taxonomy, iterations);
    let county = corpus
        .reports
        .iter()
        .max_by_key(|r| units(r, taxonomy).len())
        .expect("seeds");
    case(
        "one locality, next year's edited report",
        county,
        &next_year(county),
        taxonomy,
        iterations,
    );
    // Two places that wrote their own long reports: the banded reading's case at ~10,000
    // characters a side (B borrows one seed, edited, so a few measures pair).
    let seeds = &corpus.reports;
    if let [s0, s1, s2, s3, s4, ..] = seeds.as_slice() {
        case(
            "two localities, ~10,000 characters each",
            &joined("a-long.txt", &[s0, s2, s4]),
            &joined("b-long.txt", &[s1, s3, &next_year(s2)]),
            taxonomy,
            iterations,
        );
    }
}
