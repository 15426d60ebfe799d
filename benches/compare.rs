//! Aligning and diffing two whole reports, against a baseline measured in the same run: one
//! Patience diff over the two texts' jieba tokens. Prints medians and their ratio.
//!
//! `cargo bench --bench compare [-- ITERATIONS]`

use std::hint::black_box;
use std::time::{Duration, Instant};

use fazhi::analyse::compare::{compare, units};
use fazhi::analyse::segment;
use fazhi::corpus::Corpus;
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

fn main() {
    let iterations: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(30);
    let corpus = Corpus::embedded();
    let (a, b) = match corpus.reports.as_slice() {
        [a, b, ..] => (a, b),
        _ => panic!("the embedded corpus has at least two reports"),
    };
    // Warm the shared segmenter and taxonomy so neither side pays for loading them.
    black_box(compare(a, b, None));

    let ours = time(iterations, || compare(a, b, None));
    let baseline = time(iterations, || {
        let ta = segment::tokens(&a.text);
        let tb = segment::tokens(&b.text);
        capture_diff_slices(Algorithm::Patience, &ta, &tb).len()
    });
    let c = compare(a, b, None);
    println!(
        "reports: {} ({} chars, {} units) vs {} ({} chars, {} units)",
        a.source,
        a.text.chars().count(),
        units(a).len(),
        b.source,
        b.text.chars().count(),
        units(b).len(),
    );
    println!(
        "pairs: {} aligned, {} moved, {} only A, {} only B; {} shared passages",
        c.summary.matched,
        c.summary.moved,
        c.summary.only_a,
        c.summary.only_b,
        c.shared_passages.len()
    );
    println!("iterations: {iterations}");
    println!("compare (align + diff + shared): median {ours:?}");
    println!("baseline (whole-text token diff): median {baseline:?}");
    println!(
        "ratio: {:.2}",
        ours.as_secs_f64() / baseline.as_secs_f64().max(1e-9)
    );
}
