//! Hostile input: parse time on inputs made to be slow, against a baseline in the same run (jieba
//! segmentation of the same text, which is linear). Every line should grow like its size.
//!
//! `cargo bench --bench hostile` times, as medians of 3 rounds in milliseconds, `corpus::load_bytes` (decode,
//! clean, parse) of:
//! - 0.5, 1 and 2 MB of short number-dense lines (a statistics table flattened to text), and
//!   the same text's jieba segmentation;
//! - a 5 MB HTML `<table>`;
//! - pages of 10,000, 40,000 and 100,000 nested `<div>`s.

use std::time::{Duration, Instant};

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::load_bytes;

const ROUNDS: usize = 3;
const TITLE: &str = "某市2025年法治政府建设年度报告";
const PROSE: &str = "<p>一、推进依法行政。全年办理行政复议案件123件，化解矛盾纠纷456件，\
                     培训执法人员789人次，制定规范性文件12件。</p>";

/// A cheap deterministic pseudo-random sequence, so every run times the same text.
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *state >> 33
}

/// `bytes` of lines like "某某乡12 1234件 56.7% 890人次 12个".
fn number_dense(bytes: usize) -> String {
    let mut state = 1;
    let mut text = format!("{TITLE}\n\n");
    let mut i = 0;
    while text.len() < bytes {
        let r: Vec<u64> = (0..5).map(|_| next(&mut state)).collect();
        text.push_str(&format!(
            "某某乡{} {}件 {}.{}% {}人次 {}个\n",
            i % 97,
            r[0] % 9999 + 1,
            r[1] % 99 + 1,
            r[2] % 10,
            r[3] % 999 + 1,
            r[4] % 99 + 1
        ));
        i += 1;
    }
    text
}

fn table(bytes: usize) -> String {
    let mut page =
        format!("<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><table>");
    let mut i = 0;
    while page.len() < bytes {
        page.push_str(&format!(
            "<tr><td>某某乡{i}</td><td>{}件</td><td>{}.5%</td><td>{}人次</td></tr>\n",
            i * 7 % 9999,
            i % 100,
            i % 999
        ));
        i += 1;
    }
    page + "</table></body></html>"
}

fn nested(depth: usize) -> String {
    format!(
        "<html><head><title>{TITLE}</title></head><body>{PROSE}{}深处文本，受理案件45件。{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

fn median<F: FnMut()>(mut f: F) -> Duration {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[ROUNDS / 2]
}

fn parse(bytes: &[u8], name: &str, taxonomy: &Taxonomy) -> Duration {
    median(|| {
        let report = load_bytes(bytes, name, taxonomy).expect("the generated input loads");
        std::hint::black_box(report);
    })
}

fn main() {
    let taxonomy = Taxonomy::embedded();
    // Warm the shared automata (jieba, divisions, catalogue) so no round pays for them.
    let _ = parse(number_dense(10_000).as_bytes(), "warm.txt", &taxonomy);
    let s = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("hostile benchmark: median of {ROUNDS} rounds, milliseconds");
    println!("  input                         parse   jieba baseline   parse/baseline");
    for (label, bytes) in [
        ("0.5 MB", 500_000),
        ("1 MB", 1_000_000),
        ("2 MB", 2_000_000),
    ] {
        let text = number_dense(bytes);
        let parsed = parse(text.as_bytes(), "dense.txt", &taxonomy);
        let baseline = median(|| {
            std::hint::black_box(fazhi_core::text::segment::tokens(&text));
        });
        println!(
            "  number-dense {label:<8}      {:>9.1}   {:>14.1}   {:>13.1}×",
            s(parsed),
            s(baseline),
            s(parsed) / s(baseline)
        );
    }
    let page = table(5_000_000);
    println!(
        "  5 MB <table>                {:>9.1}",
        s(parse(page.as_bytes(), "table.html", &taxonomy))
    );
    for depth in [10_000, 40_000, 100_000] {
        let page = nested(depth);
        println!(
            "  {depth:>6} nested <div>s        {:>9.1}",
            s(parse(page.as_bytes(), "nested.html", &taxonomy))
        );
    }
}
