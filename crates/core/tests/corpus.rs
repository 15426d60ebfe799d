//! The fixture corpus (`tests/corpus/<topic>/<case>.{txt,html}` beside `<case>.expect.toml`; the
//! format is in `tests/corpus/README.md`): every case is read as its expectation says, every
//! mismatch of every case is listed in one failure, and each case's full JSON is snapshotted.
//! Adding a case is two files and no Rust.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::check::check;
use fazhi_core::corpus::Corpus;
use fazhi_core::model::{IndicatorKind, Level, Part, Report, Scope};
use fazhi_core::parse::numbers::fold_char;
use serde::Deserialize;

/// What a careful reader sees in one case. Omitted optional keys are not checked, except where
/// the README says omitted means "none" (locality, department, year, title).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// Provenance: who wrote the case and how; not compared, but every case must say.
    origin: String,
    /// The case is an embedded seed (`seeds/<seed>`) rather than a file beside the expectation.
    seed: Option<String>,
    name: Option<String>,
    level: Option<Level>,
    path: Option<Vec<String>>,
    code: Option<String>,
    department: Option<String>,
    year: Option<i32>,
    title: Option<String>,
    top: Vec<Top>,
    #[serde(default)]
    indicators: Vec<Indicator>,
    #[serde(default)]
    excluded: Vec<String>,
    /// No indicator has any of these values (counters, years, numbers joined across cells).
    #[serde(default)]
    not_values: Vec<f64>,
    /// No heading anywhere in the outline contains any of these.
    #[serde(default)]
    not_headings: Vec<String>,
    /// The report's text contains none of these (page chrome).
    #[serde(default)]
    not_in_text: Vec<String>,
    check: Option<CheckExpect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Top {
    heading: Option<String>,
    part: Part,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator {
    span: String,
    value: f64,
    unit: String,
    scope: Option<Scope>,
    kind: Option<IndicatorKind>,
    /// A canonical id, or "none" for a figure that must have none.
    canonical: Option<String>,
}

/// What `check()` says of the report.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckExpect {
    /// Every required part is found (as a section or in the text).
    all_parts_found: Option<bool>,
    late: Option<bool>,
}

/// The corpus folder.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every `*.expect.toml` under the corpus, sorted so reports come in a stable order.
fn cases() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.to_string_lossy().ends_with(".expect.toml") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root(), &mut out);
    out.sort();
    out
}

/// `topic/case`, as mismatches and snapshots name a case.
fn case_name(expect: &Path) -> String {
    let rel = expect.strip_prefix(root()).unwrap_or(expect);
    rel.to_string_lossy()
        .trim_end_matches(".expect.toml")
        .to_string()
}

fn read_expect(expect: &Path) -> Result<Expect, String> {
    let text = std::fs::read_to_string(expect).map_err(|e| e.to_string())?;
    toml::from_str(&text).map_err(|e| e.to_string())
}

/// The report a case describes: its seed, or the one other file of the same stem beside it,
/// loaded by a path relative to the crate so its `source` is the same on every machine.
fn load(expect: &Path, e: &Expect) -> Result<Report, String> {
    if let Some(seed) = &e.seed {
        let source = format!("seeds/{seed}");
        return Corpus::embedded(Arc::new(Taxonomy::embedded()))
            .reports
            .into_iter()
            .find(|r| r.source == source)
            .ok_or(format!("no seed {source}"));
    }
    let stem = expect
        .file_name()
        .map(|f| {
            f.to_string_lossy()
                .trim_end_matches(".expect.toml")
                .to_string()
        })
        .unwrap_or_default();
    let dir = expect.parent().unwrap_or(expect);
    let file = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|d| d.path())
        .find(|p| {
            p.file_stem().is_some_and(|s| s.to_string_lossy() == stem)
                && !p.to_string_lossy().ends_with(".toml")
        })
        .ok_or(format!("no report file beside {}", expect.display()))?;
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rel = file.strip_prefix(&manifest).unwrap_or(&file).to_path_buf();
    let corpus = Corpus::load(&[manifest.join(&rel)], Taxonomy::embedded().into(), None);
    if !corpus.problems.is_empty() {
        return Err(format!("{:?}", corpus.problems));
    }
    let mut r = corpus.reports.into_iter().next().ok_or("nothing loaded")?;
    r.source = rel.to_string_lossy().into_owned();
    Ok(r)
}

/// A span folded as the parser folds it before reading numbers, so "９８．５％" matches "98.5%".
fn ascii(span: &str) -> String {
    span.chars().map(fold_char).collect()
}

/// A heading with its whitespace as the loader leaves it (each run, an ideographic space
/// included, one ASCII space), so "第一部分　…" copied from the source matches.
fn spaced(heading: &str) -> String {
    heading.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every mismatch between the report and the expectation, one line each.
fn mismatches(r: &Report, e: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    if e.origin.trim().is_empty() {
        out.push("origin: every case says where it comes from".into());
    }
    match (&r.locality, &e.name) {
        (None, None) => {}
        (Some(l), None) => out.push(format!("locality: got {l:?}, want none")),
        (None, Some(name)) => out.push(format!("locality: got none, want {name}")),
        (Some(l), Some(name)) => {
            if &l.name != name {
                out.push(format!("locality name: got {}, want {name}", l.name));
            }
            if e.path.as_ref().is_some_and(|p| p != &l.path) {
                out.push(format!("path: got {:?}, want {:?}", l.path, e.path));
            }
            if e.code.is_some() && l.code != e.code {
                out.push(format!("code: got {:?}, want {:?}", l.code, e.code));
            }
            if l.department != e.department {
                out.push(format!(
                    "department: got {:?}, want {:?}",
                    l.department, e.department
                ));
            }
        }
    }
    if let Some(level) = e.level
        && r.level() != level
    {
        out.push(format!("level: got {:?}, want {level:?}", r.level()));
    }
    if r.year != e.year {
        out.push(format!("year: got {:?}, want {:?}", r.year, e.year));
    }
    if r.title != e.title {
        out.push(format!("title: got {:?}, want {:?}", r.title, e.title));
    }
    let got: Vec<(Option<String>, Part)> = r
        .sections
        .iter()
        .map(|s| (s.heading.as_deref().map(spaced), s.part))
        .collect();
    let want: Vec<(Option<String>, Part)> = e
        .top
        .iter()
        .map(|t| (t.heading.as_deref().map(spaced), t.part))
        .collect();
    if got != want {
        out.push(format!("top: got {got:#?}\nwant {want:#?}"));
    }
    for w in &e.indicators {
        let Some(i) = r
            .indicators
            .iter()
            .find(|i| ascii(&i.span).ends_with(&w.span))
        else {
            out.push(format!("indicator {}: missing", w.span));
            continue;
        };
        // Values compare exactly: the parser tidies scaled decimals (17.6亿 is 1760000000).
        if i.value != w.value || i.unit != w.unit {
            out.push(format!(
                "indicator {}: got ({}, {:?}) from {:?}, want ({}, {:?})",
                w.span, i.value, i.unit, i.span, w.value, w.unit
            ));
        }
        if w.scope.is_some_and(|s| s != i.scope) {
            out.push(format!(
                "scope of {}: got {:?}, want {:?}",
                w.span, i.scope, w.scope
            ));
        }
        if w.kind.is_some_and(|k| k != i.kind) {
            out.push(format!(
                "kind of {}: got {:?}, want {:?}",
                w.span, i.kind, w.kind
            ));
        }
        if let Some(c) = &w.canonical {
            let want = (c != "none").then_some(c.as_str());
            if i.canonical.as_deref() != want {
                out.push(format!(
                    "canonical of {}: got {:?}, want {want:?}",
                    w.span, i.canonical
                ));
            }
        }
    }
    for i in &r.indicators {
        let span = ascii(&i.span);
        if e.excluded.iter().any(|x| span.ends_with(x.as_str())) || e.not_values.contains(&i.value)
        {
            out.push(format!(
                "not an indicator: {:?} ({} {})",
                i.span, i.value, i.unit
            ));
        }
    }
    for (_, s) in r.walk() {
        let h = s.display_heading();
        if e.not_headings.iter().any(|w| h.contains(w.as_str())) {
            out.push(format!("not a heading: {h:?}"));
        }
    }
    for c in &e.not_in_text {
        if r.text.contains(c.as_str()) {
            out.push(format!("chrome left in the text: {c}"));
        }
    }
    if let Some(want) = &e.check {
        let c = check(r);
        if let Some(all) = want.all_parts_found {
            let got = c.parts.iter().all(|p| p.found.is_some());
            if got != all {
                out.push(format!("check: all parts found {got}, want {all}"));
            }
        }
        if want.late.is_some() && c.late != want.late {
            out.push(format!("check: late {:?}, want {:?}", c.late, want.late));
        }
    }
    out
}

#[test]
fn every_case_reads_as_its_expectation_says() {
    let cases = cases();
    assert!(cases.len() >= 56, "{} cases found", cases.len());
    let mut failures = Vec::new();
    for path in &cases {
        let name = case_name(path);
        let found = read_expect(path).and_then(|e| load(path, &e).map(|r| mismatches(&r, &e)));
        match found {
            Err(err) => failures.push(format!("{name}: {err}")),
            Ok(m) if !m.is_empty() => failures.push(format!("{name}:\n  {}", m.join("\n  "))),
            Ok(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_json_of_each_case() {
    insta::glob!("corpus/**/*.expect.toml", |path| {
        let json = read_expect(path)
            .and_then(|e| load(path, &e))
            .map(|r| fazhi_core::export::parse_json(&[&r]))
            .unwrap_or_else(|err| err);
        insta::assert_snapshot!(json);
    });
}
