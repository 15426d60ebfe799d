//! Hostile input: parse time on inputs made to be slow, against a baseline in the same run (jieba
//! segmentation of the same text, which is linear). Every line should grow like its size.
//!
//! `cargo bench --bench hostile` times, as medians of 3 rounds in milliseconds (one round at 50 MB,
//! where a round takes minutes), `corpus::load_bytes` (decode, clean, parse) of:
//! - 0.5, 1, 2, 10 and 50 MB of short number-dense lines (a statistics table flattened to text),
//!   and the same text's jieba segmentation;
//! - a 5 MB HTML `<table>`;
//! - pages of 10,000, 40,000 and 100,000 nested `<div>`s;
//!
//! and `compare` (what `fazhi diff` does) of two 1, 2 and 5 MB reports made of the seeds' lines,
//! against the jieba segmentation of both.

use std::time::{Duration, Instant};

use fazhi_core::analyse::compare::compare;
use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::{Corpus, load_bytes};
use fazhi_core::text::segment::tokens;

const ROUNDS: usize = 3;
/// Inputs this large take minutes a round, so one round is all they get.
const ONE_ROUND_FROM: usize = 20_000_000;
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

/// A long report of one place, `bytes` of the seeds' body lines picked at random, every number
/// changed (`state` picks the lines, so two states make two reports that share much and differ
/// in order and figures, as two years of one place do).
fn long_report(seeds: &[String], bytes: usize, mut state: u64, year: u32) -> String {
    let lines: Vec<&str> = seeds
        .iter()
        .flat_map(|t| t.lines().skip(1))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut text = format!("泾源县{year}年法治政府建设年度报告\n\n");
    while text.len() < bytes {
        let line = lines[next(&mut state) as usize % lines.len()];
        let shift = next(&mut state) % 10;
        let mut digits = String::new();
        for c in line.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            if !digits.is_empty() {
                let n: u64 = digits.parse().unwrap_or(0);
                text.push_str(&(n.saturating_add(shift)).to_string());
                digits.clear();
            }
            text.push(c);
        }
        text.push_str(&digits);
        text.push('\n');
    }
    text
}

fn rounds_for(bytes: usize) -> usize {
    if bytes >= ONE_ROUND_FROM { 1 } else { ROUNDS }
}

fn median<F: FnMut()>(f: F) -> Duration {
    median_of(ROUNDS, f)
}

fn median_of<F: FnMut()>(rounds: usize, mut f: F) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

fn parse(bytes: &[u8], name: &str, taxonomy: &Taxonomy) -> Duration {
    median_of(rounds_for(bytes.len()), || {
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
        ("10 MB", 10_000_000),
        ("50 MB", 50_000_000),
    ] {
        let text = number_dense(bytes);
        let parsed = parse(text.as_bytes(), "dense.txt", &taxonomy);
        let baseline = median_of(rounds_for(bytes), || {
            std::hint::black_box(tokens(&text));
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
    let seeds: Vec<String> = Corpus::embedded(Taxonomy::embedded().into())
        .reports
        .into_iter()
        .map(|r| r.text)
        .collect();
    println!("  diff of two reports           compare   jieba baseline   compare/baseline");
    for (label, bytes) in [
        ("1 MB", 1_000_000),
        ("2 MB", 2_000_000),
        ("5 MB", 5_000_000),
    ] {
        let a_text = long_report(&seeds, bytes, 1, 2024);
        let b_text = long_report(&seeds, bytes, 2, 2025);
        let a = load_bytes(a_text.as_bytes(), "a.txt", &taxonomy).expect("the long report loads");
        let b = load_bytes(b_text.as_bytes(), "b.txt", &taxonomy).expect("the long report loads");
        let compared = median(|| {
            std::hint::black_box(compare(&a, &b, None, &taxonomy));
        });
        let baseline = median(|| {
            std::hint::black_box((tokens(&a_text), tokens(&b_text)));
        });
        println!(
            "  two {label:<8} reports        {:>9.1}   {:>14.1}   {:>13.1}×",
            s(compared),
            s(baseline),
            s(compared) / s(baseline)
        );
    }
}
