//! Hostile and damaged input at the library's door: only regular files within the size limit are
//! read, and a few bad bytes cost a report nothing but a warning.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::{Corpus, LoadProblem};

const SEED: &str = "../../seeds/000_0fd57f03c9fbaff9.txt";

fn seed_text() -> String {
    std::fs::read_to_string(SEED).expect("seed")
}

/// Load in a thread so a hang fails the test instead of stalling it.
fn load_within(paths: Vec<PathBuf>, limit: u64) -> Corpus {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let corpus =
            Corpus::load_with_progress(&paths, Taxonomy::embedded().into(), None, limit, &|_| {});
        let _ = tx.send(corpus);
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the load finished (a FIFO or device must not block it)")
}

fn load(paths: Vec<PathBuf>) -> Corpus {
    load_within(paths, fazhi_core::ingest::DEFAULT_MAX_FILE_BYTES)
}

fn reason_for<'a>(problems: &'a [LoadProblem], file: &str) -> &'a str {
    problems
        .iter()
        .find(|p| p.source.ends_with(file))
        .map(|p| p.reason.as_str())
        .unwrap_or_else(|| panic!("no problem for {file}: {problems:?}"))
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success());
}

#[test]
fn fifos_devices_and_sockets_are_reported_and_never_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(SEED, dir.path().join("good.txt")).expect("copy seed");
    mkfifo(&dir.path().join("x.txt"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).expect("symlink");
    let _socket =
        std::os::unix::net::UnixListener::bind(dir.path().join("s.txt")).expect("bind socket");

    let corpus = load(vec![dir.path().to_path_buf()]);
    assert_eq!(corpus.reports.len(), 1, "{:?}", corpus.problems);
    assert!(!corpus.reports[0].indicators.is_empty());
    let problems = &corpus.problems;
    assert_eq!(reason_for(problems, "x.txt"), "not a regular file (fifo)");
    assert_eq!(
        reason_for(problems, "zero.txt"),
        "not a regular file (character device)"
    );
    assert_eq!(reason_for(problems, "s.txt"), "not a regular file (socket)");
    assert_eq!(problems.len(), 3, "{problems:?}");

    // Named directly, not found in a folder: the same.
    let corpus = load(vec![dir.path().join("x.txt"), PathBuf::from("/dev/zero")]);
    assert!(corpus.reports.is_empty());
    assert_eq!(
        reason_for(&corpus.problems, "x.txt"),
        "not a regular file (fifo)"
    );
    assert_eq!(
        corpus.problems[1].to_string(),
        "/dev/zero: not a regular file (character device)"
    );
}

#[test]
fn a_file_over_the_size_limit_is_reported_not_read() {
    let len = std::fs::metadata(SEED).expect("seed").len();
    let corpus = load_within(vec![PathBuf::from(SEED)], 1000);
    assert!(corpus.reports.is_empty());
    assert_eq!(
        reason_for(&corpus.problems, "000_0fd57f03c9fbaff9.txt"),
        "larger than the 1000 bytes limit"
    );
    let corpus = load_within(vec![PathBuf::from(SEED)], len);
    assert_eq!(corpus.reports.len(), 1, "a file exactly at the limit loads");
    assert_eq!(
        fazhi_core::ingest::IngestError::TooLarge(fazhi_core::ingest::DEFAULT_MAX_FILE_BYTES)
            .to_string(),
        "larger than the 50 MB limit"
    );
}

/// Write `bytes` as `name` in `dir` and load it; the report and its one warning.
fn load_damaged(dir: &Path, name: &str, bytes: &[u8]) -> (fazhi_core::model::Report, String) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    let corpus = load(vec![path]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
    let warning = corpus.warnings[0].reason.clone();
    let report = corpus.reports.into_iter().next().expect("loaded");
    (report, warning)
}

fn indicator_count(bytes: &[u8], name: &str) -> usize {
    fazhi_core::corpus::load_bytes(bytes, name, &Taxonomy::embedded())
        .expect("clean seed loads")
        .indicators
        .len()
}

#[test]
fn one_bad_byte_in_a_utf8_report_costs_a_warning_not_the_report() {
    let text = seed_text();
    let clean = indicator_count(text.as_bytes(), "a.txt");
    let middle = (1..)
        .map(|d| text.len() / 2 + d)
        .find(|&i| text.is_char_boundary(i))
        .expect("a char boundary");
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(middle, 0xff);
    let dir = tempfile::tempdir().expect("temp dir");
    let (report, warning) = load_damaged(dir.path(), "a.txt", &bytes);
    assert_eq!(warning, "1 byte could not be decoded (shown as \u{fffd})");
    assert!(report.text.contains('\u{fffd}'));
    assert!(report.locality.is_some());
    assert!(report.indicators.len() + 1 >= clean && clean > 0);
}

#[test]
fn a_report_cut_mid_character_loads() {
    let text = seed_text();
    let clean = indicator_count(text.as_bytes(), "a.txt");
    // Cut one byte into the last multi-byte character, as `head -c` does.
    let (at, c) = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.len_utf8() == 3)
        .expect("a CJK character");
    let cut = &text.as_bytes()[..at + c.len_utf8() - 1];
    let dir = tempfile::tempdir().expect("temp dir");
    let (report, warning) = load_damaged(dir.path(), "cut.txt", cut);
    assert_eq!(warning, "2 bytes could not be decoded (shown as \u{fffd})");
    assert_eq!(report.indicators.len(), clean);
}

#[test]
fn a_gbk_report_with_five_bad_bytes_loads_with_its_indicators() {
    let text = seed_text();
    let mut bytes = encoding_rs::GBK.encode(&text).0.into_owned();
    let clean = indicator_count(&bytes, "gbk.txt");
    // Damage the second byte of 设 in the first five 法治政府建设, away from any figure: 0xFF is
    // never a GBK trail byte, so each pair (the lead and the bad byte) is undecodable.
    let phrase = encoding_rs::GBK.encode("法治政府建设").0.into_owned();
    let starts: Vec<usize> = (0..bytes.len() - phrase.len())
        .filter(|&i| bytes[i..].starts_with(&phrase))
        .take(5)
        .collect();
    assert_eq!(starts.len(), 5);
    for at in starts {
        bytes[at + phrase.len() - 1] = 0xff;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (report, warning) = load_damaged(dir.path(), "gbk.txt", &bytes);
    assert_eq!(warning, "10 bytes could not be decoded (shown as \u{fffd})");
    assert_eq!(report.indicators.len(), clean);
    assert_eq!(report.text.matches("法治政府建\u{fffd}").count(), 5);
}

#[test]
fn noise_is_still_binary() {
    let noise: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .map(|b| b.max(1))
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("noise.txt");
    std::fs::write(&path, noise).expect("write");
    let corpus = load(vec![path]);
    assert!(corpus.reports.is_empty());
    assert_eq!(
        reason_for(&corpus.problems, "noise.txt"),
        "binary file, not text"
    );
}

#[test]
fn c1_controls_never_swallow_the_figures_between_them() {
    // An APC (U+009F) and a string terminator (ESC \) on one line: once, everything between
    // them went, indicators included.
    let line = "全年\u{9f}办理行政复议案件9871件，调解矛盾纠纷6543件\u{1b}\\。";
    let text = format!("{}\n{line}\n", seed_text());
    let report = fazhi_core::corpus::load_bytes(text.as_bytes(), "c1.txt", &Taxonomy::embedded())
        .expect("loads");
    let values: Vec<f64> = report.indicators.iter().map(|i| i.value).collect();
    assert!(values.contains(&9871.0), "{values:?}");
    assert!(values.contains(&6543.0), "{values:?}");
    assert!(
        report
            .text
            .contains("办理行政复议案件9871件，调解矛盾纠纷6543件。")
    );
    assert!(!report.text.contains(['\u{9f}', '\u{1b}']));
}

/// A report of one section holding `n` short measures, built directly (parsing is not the point).
fn report_of_measures(source: &str, n: usize) -> fazhi_core::model::Report {
    use fazhi_core::model::{Measure, Part, Report, Section, Span};
    let taxonomy = Taxonomy::embedded();
    let heading = "一、主要举措和成效";
    let mut text = format!("{heading}\n");
    let body_start = text.len();
    let measures: Vec<Measure> = (0..n)
        .map(|i| {
            let m = format!(
                "第{i}项工作：办理行政复议案件{i}件，调解矛盾纠纷{}件。",
                i * 7
            );
            let at = text.len();
            text.push_str(&m);
            Measure {
                title: None,
                themes: taxonomy.score(Some(heading), &m),
                span: Span::new(at, text.len()),
            }
        })
        .collect();
    let body = Span::new(body_start, text.len());
    Report {
        source: source.into(),
        locality: None,
        year: Some(2024),
        title: None,
        sections: vec![Section {
            heading: Some(heading.to_string()),
            depth: 1,
            part: Part::Achievements,
            themes: Vec::new(),
            measures,
            children: Vec::new(),
            heading_span: Span::new(0, heading.len()),
            body,
            extent: Span::new(0, body.end),
            theme_scores: taxonomy.score(Some(heading), &text[body.start..body.end]),
        }],
        indicators: Vec::new(),
        text,
        preamble: Span::default(),
        meta: Default::default(),
        hash: String::new(),
    }
}

#[test]
fn a_comparison_of_giants_is_capped_and_says_so() {
    use fazhi_core::analyse::compare::{MAX_UNITS, compare, render_text};
    let taxonomy = Taxonomy::embedded();
    let a = report_of_measures("a.txt", MAX_UNITS + 30);
    let b = report_of_measures("b.txt", MAX_UNITS + 5);
    let c = compare(&a, &b, None, &taxonomy);
    assert!(c.summary.truncated);
    assert_eq!(
        (c.summary.units_a, c.summary.omitted_a, c.summary.omitted_b),
        (MAX_UNITS, 30, 5)
    );
    let json = serde_json::to_value(&c).expect("serialises");
    assert_eq!(json["summary"]["truncated"], true);
    assert_eq!(json["summary"]["omitted_a"], 30);
    let text = render_text(&c, 100, true);
    assert!(
        text.contains(&format!(
            "只比较了每份报告的前 {MAX_UNITS} 个段落（A 略去 30，B 略去 5）"
        )),
        "{:?}",
        text.lines().rev().take(3).collect::<Vec<_>>()
    );

    // Small reports are compared whole and say nothing of a cap.
    let small = compare(
        &report_of_measures("a.txt", 12),
        &report_of_measures("b.txt", 9),
        None,
        &taxonomy,
    );
    assert!(!small.summary.truncated);
    assert_eq!((small.summary.units_a, small.summary.units_b), (12, 9));
    assert!(!render_text(&small, 100, true).contains("只比较了"));
}
