//! Helpers shared by the blind field tests (`tests/field4.rs` …): load a fixture, compare it with
//! what a careful reader sees, and collect every mismatch before failing, so one run lists them all.

// Each field test uses its own subset of these helpers.
#![allow(dead_code)]

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::Corpus;
use fazhi_core::model::{Level, Part, Report};

pub struct Expected {
    pub file: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub path: &'static [&'static str],
    pub code: &'static str,
    pub department: Option<&'static str>,
    pub year: i32,
    pub title: Option<&'static str>,
    /// Top sections: heading as written (None for an unheaded part block) and part.
    pub top: &'static [(Option<&'static str>, Part)],
    /// Indicators: the span (full-width digits read as ASCII) ends with this text; value fully
    /// scaled; unit.
    pub indicators: &'static [(&'static str, f64, &'static str)],
    /// No indicator's span may end with any of these (years, document numbers, phones …).
    pub excluded: &'static [&'static str],
}

pub fn load(dir: &str, file: &str) -> Report {
    let path = std::path::PathBuf::from(format!("tests/fixtures/{dir}/{file}"));
    let corpus = Corpus::load(&[path], Taxonomy::embedded().into(), None);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus.reports.into_iter().next().expect("loaded")
}

/// A span with full-width digits and signs read as ASCII, so "９８．５％" matches "98.5%".
pub fn ascii(span: &str) -> String {
    span.chars()
        .map(|c| match c {
            '０'..='９' | '．' | '％' | '，' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Every mismatch between the report and what a reader expects, one line each.
pub fn mismatches(r: &Report, e: &Expected) -> Vec<String> {
    let mut out = Vec::new();
    let got = r.locality.as_ref().map(|l| {
        (
            l.name.as_str(),
            l.level,
            l.path.iter().map(String::as_str).collect::<Vec<_>>(),
            l.code.as_deref(),
            l.department.as_deref(),
        )
    });
    let want = (e.name, e.level, e.path.to_vec(), Some(e.code), e.department);
    if got.as_ref() != Some(&want) {
        out.push(format!("locality: got {got:?}, want {want:?}"));
    }
    if r.year != Some(e.year) {
        out.push(format!("year: got {:?}, want {}", r.year, e.year));
    }
    if r.title.as_deref() != e.title {
        out.push(format!("title: got {:?}, want {:?}", r.title, e.title));
    }
    let top: Vec<(Option<&str>, Part)> = r
        .sections
        .iter()
        .map(|s| (s.heading.as_deref(), s.part))
        .collect();
    if top != e.top {
        out.push(format!("top: got {top:#?}\nwant {:#?}", e.top));
    }
    for &(span, value, unit) in e.indicators {
        match r.indicators.iter().find(|i| ascii(&i.span).ends_with(span)) {
            None => out.push(format!("indicator {span}: missing")),
            // Values compare exactly: the parser tidies scaled decimals (17.6亿 is 1760000000).
            Some(i) if i.value != value || i.unit != unit => out.push(format!(
                "indicator {span}: got ({}, {:?}) from {:?}, want ({value}, {unit:?})",
                i.value, i.unit, i.span
            )),
            Some(_) => {}
        }
    }
    for ex in e.excluded {
        for i in r.indicators.iter().filter(|i| ascii(&i.span).ends_with(ex)) {
            out.push(format!(
                "not an indicator: {:?} ({} {})",
                i.span, i.value, i.unit
            ));
        }
    }
    out
}

pub fn read(dir: &str, e: &Expected) -> (Report, Vec<String>) {
    let r = load(dir, e.file);
    let m = mismatches(&r, e);
    (r, m)
}

pub fn want<T: PartialEq + std::fmt::Debug>(m: &mut Vec<String>, what: &str, got: T, want: T) {
    if got != want {
        m.push(format!("{what}: got {got:?}, want {want:?}"));
    }
}

pub fn finish(file: &str, m: &[String]) {
    assert!(m.is_empty(), "{file}:\n{}", m.join("\n"));
}

/// The headings of the children of the section at `path`.
pub fn children(r: &Report, path: &[usize]) -> Vec<String> {
    r.section(path)
        .map(|s| s.children.iter().map(|c| c.display_heading()).collect())
        .unwrap_or_default()
}

pub fn indicator<'a>(r: &'a Report, span: &str) -> Option<&'a fazhi_core::model::Indicator> {
    r.indicators.iter().find(|i| ascii(&i.span).ends_with(span))
}

/// No heading anywhere in the outline contains any of `words`.
pub fn no_heading_with(m: &mut Vec<String>, r: &Report, words: &[&str]) {
    for (_, s) in r.walk() {
        let h = s.display_heading();
        if words.iter().any(|w| h.contains(w)) {
            m.push(format!("not a heading: {h:?}"));
        }
    }
}

pub fn no_chrome(m: &mut Vec<String>, r: &Report, chrome: &[&str]) {
    for c in chrome {
        if r.text.contains(c) {
            m.push(format!("chrome left in the text: {c}"));
        }
    }
}

/// No indicator has any of these values (years, counters, numbers joined across table cells).
pub fn no_value(m: &mut Vec<String>, r: &Report, values: &[f64]) {
    for i in r.indicators.iter().filter(|i| values.contains(&i.value)) {
        m.push(format!(
            "not an indicator: {:?} ({} {})",
            i.span, i.value, i.unit
        ));
    }
}

pub fn measures(r: &Report, top: usize) -> Option<usize> {
    r.sections.get(top).map(|s| s.measures.len())
}

pub fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

pub fn section_of(r: &Report, span: &str) -> Option<Vec<usize>> {
    indicator(r, span).map(|i| i.section.clone())
}

/// The titles of the measures of the section at `path`.
pub fn titles(r: &Report, path: &[usize]) -> Vec<Option<String>> {
    r.section(path)
        .map(|s| s.measures.iter().map(|x| x.title.clone()).collect())
        .unwrap_or_default()
}

/// The text of measure `i` of the section at `path`.
pub fn measure_text<'a>(r: &'a Report, path: &[usize], i: usize) -> &'a str {
    r.section(path)
        .and_then(|s| s.measures.get(i))
        .map(|x| x.text.as_str())
        .unwrap_or("")
}

/// The measure's text contains `part`.
pub fn measure_has(m: &mut Vec<String>, r: &Report, path: &[usize], i: usize, part: &str) {
    let text = measure_text(r, path, i);
    if !text.contains(part) {
        m.push(format!(
            "measure {i} of {path:?}: got {text:?}, want it to contain {part:?}"
        ));
    }
}
