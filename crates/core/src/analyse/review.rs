//! The reviewer's desk: one row per report answering the questions asked of a whole set —
//! which parts are there, was it late, how much of its text is found in other reports and in
//! its own previous year, which other places it names.

use rayon::prelude::*;
use serde::{Serialize, Serializer};

use super::copying;
use super::shared::{
    PassageAt, PlaceFinder, Prepared, SharedPassage, Slogans, foreign_places, text_chars,
};
use super::years::LocalityKey;
use crate::check::{self, Completeness, Found};
use crate::model::{Locality, Part, Report};

/// Whether a required part is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartState {
    /// A section is devoted to it.
    Found,
    /// Only a sentence speaks of it.
    Mentioned,
    Missing,
}

impl PartState {
    pub fn of(found: Option<Found>) -> PartState {
        match found {
            Some(Found::Section) => PartState::Found,
            Some(Found::Sentence) => PartState::Mentioned,
            None => PartState::Missing,
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            PartState::Found => "有",
            PartState::Mentioned => "提及",
            PartState::Missing => "缺",
        }
    }
}

/// The required parts, and whether the shortcomings come with their causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Parts {
    pub achievements: PartState,
    pub problems: PartState,
    pub causes: PartState,
    pub duty: PartState,
    pub plans: PartState,
}

impl Parts {
    /// The parts' names in the JSON contract, in the order of [`Parts::named`].
    pub const NAMES: [&'static str; 5] = ["achievements", "problems", "causes", "duty", "plans"];

    /// Each part with its name in the JSON contract and on screen.
    pub fn named(&self) -> [(&'static str, &'static str, PartState); 5] {
        [
            ("achievements", "成效", self.achievements),
            ("problems", "不足", self.problems),
            ("causes", "原因", self.causes),
            ("duty", "职责", self.duty),
            ("plans", "安排", self.plans),
        ]
    }

    /// The parts as the completeness check found them.
    pub fn of(check: &Completeness) -> Parts {
        let state = |part: Part| {
            PartState::of(
                check
                    .parts
                    .iter()
                    .find(|p| p.part == part)
                    .and_then(|p| p.found),
            )
        };
        Parts {
            achievements: state(Part::Achievements),
            problems: state(Part::Problems),
            causes: PartState::of(check.causes),
            duty: state(Part::Duty),
            plans: state(Part::Plans),
        }
    }

    /// The parts missing altogether.
    pub fn missing(&self) -> impl Iterator<Item = &'static str> {
        self.named()
            .into_iter()
            .filter(|p| p.2 == PartState::Missing)
            .map(|p| p.0)
    }
}

/// How much of a report's text other reports contain (by default: nothing, no source).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Copying {
    /// Part of the report's own text (slogans and quotations excluded) found in any other report.
    pub share: f64,
    /// The report the most text was shared with.
    pub top_source: Option<String>,
    pub top_share: f64,
    /// This locality's report of the year before, if loaded.
    pub previous: Option<String>,
    pub previous_share: Option<f64>,
    /// Passages shared with the top source: a count in the JSON contract.
    #[serde(serialize_with = "count")]
    pub passages: Vec<PassageAt>,
    /// Index of the top source in the reviewed reports.
    #[serde(skip)]
    pub top_index: Option<usize>,
    /// Index of the previous year's report.
    #[serde(skip)]
    pub previous_index: Option<usize>,
}

fn count<S: Serializer>(passages: &[PassageAt], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(passages.len() as u64)
}

/// One report on the reviewer's desk: the JSON contract of `fazhi review --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRow {
    pub source: String,
    /// The report's text hash: what a reviewer's note is kept under.
    #[serde(skip)]
    pub hash: String,
    pub locality: Option<Locality>,
    pub year: Option<i32>,
    pub published: Option<String>,
    pub late: Option<bool>,
    pub parts: Parts,
    pub indicators: usize,
    /// Indicators per 1,000 characters.
    pub density: f64,
    pub copying: Copying,
    pub foreign_places: Vec<String>,
}

/// A row with the passages it shares with its top source written out (`review --passages`):
/// each passage's text as this report has it and where it stands in each of the two texts.
#[derive(Debug, Serialize)]
pub struct RowWithPassages<'a> {
    #[serde(flatten)]
    pub row: &'a ReviewRow,
    /// `a` spans are byte offsets into this report's clean text (`Report::text`), `b` into the
    /// top source's.
    pub passage_list: Vec<SharedPassage>,
}

impl<'a> RowWithPassages<'a> {
    /// The row of `report`, its passages' text taken from the report's.
    pub fn of(row: &'a ReviewRow, report: &Report) -> Self {
        RowWithPassages {
            row,
            passage_list: row
                .copying
                .passages
                .iter()
                .map(|&at| SharedPassage::of(at, &report.text))
                .collect(),
        }
    }
}

/// Review every report of a set. `find` names the places a text mentions (the gazetteer in
/// production), to flag the names of other localities.
pub fn review(reports: &[Report], find: PlaceFinder, slogans: &Slogans) -> Vec<ReviewRow> {
    let checks: Vec<Completeness> = reports.par_iter().map(check::check).collect();
    review_checked(reports, &checks, find, slogans)
}

/// [`review`] with each report's completeness check already made (`checks[i]` of
/// `reports[i]`), as the dashboard holds them from its start.
pub fn review_checked(
    reports: &[Report],
    checks: &[Completeness],
    find: PlaceFinder,
    slogans: &Slogans,
) -> Vec<ReviewRow> {
    let texts: Vec<&str> = reports.iter().map(|r| r.text.as_str()).collect();
    let candidates = copying::candidates(&texts, slogans);
    let previous = previous_years(reports);
    reports
        .par_iter()
        .zip(checks)
        .enumerate()
        .map(|(i, (report, check))| {
            let copying = copying_of(reports, i, &candidates[i], previous[i], slogans);
            row(report, check, copying, find)
        })
        .collect()
}

fn row(report: &Report, check: &Completeness, copying: Copying, find: PlaceFinder) -> ReviewRow {
    let chars = text_chars(&report.text);
    let mut places: Vec<String> = Vec::new();
    for p in foreign_places(report, find) {
        if !places.contains(&p.name) {
            places.push(p.name);
        }
    }
    ReviewRow {
        source: report.source.clone(),
        hash: report.hash.clone(),
        locality: report.locality.clone(),
        year: report.year,
        published: check.published.clone(),
        late: check.late,
        parts: Parts::of(check),
        indicators: report.indicators.len(),
        density: if chars == 0 {
            0.0
        } else {
            report.indicators.len() as f64 * 1000.0 / chars as f64
        },
        copying,
        foreign_places: places,
    }
}

/// Compare report `i` exactly with its candidates and its previous year.
fn copying_of(
    reports: &[Report],
    i: usize,
    candidates: &[(usize, u32)],
    previous: Option<usize>,
    slogans: &Slogans,
) -> Copying {
    if candidates.is_empty() && previous.is_none() {
        // Most reports of a large set share no fingerprint with any other: nothing to compare.
        return Copying::default();
    }
    let prepared = Prepared::new(&reports[i].text, slogans);
    let mut covered = prepared.blank_cover();
    let mut top: Option<(usize, usize, Vec<PassageAt>)> = None;
    let mut previous_share = None;
    let mut sources: Vec<usize> = candidates.iter().map(|c| c.0).collect();
    if let Some(p) = previous.filter(|p| !sources.contains(p)) {
        sources.push(p);
    }
    for j in sources {
        let (chars, passages) = prepared.cover_with(&reports[j].text, &mut covered);
        if Some(j) == previous {
            previous_share = Some(prepared.share(chars));
        }
        if chars > 0 && top.as_ref().is_none_or(|t| chars > t.1) {
            top = Some((j, chars, passages));
        }
    }
    let share = prepared.share(covered.iter().filter(|c| **c).count());
    let (top_index, top_share, passages) = match top {
        Some((j, chars, passages)) => (Some(j), prepared.share(chars), passages),
        None => (None, 0.0, Vec::new()),
    };
    Copying {
        share,
        top_source: top_index.map(|j| reports[j].source.clone()),
        top_share,
        previous: previous.map(|j| reports[j].source.clone()),
        previous_share,
        passages,
        top_index,
        previous_index: previous,
    }
}

/// For each report, the report of the same locality (same place and, for a department, the same
/// department) one year earlier.
fn previous_years(reports: &[Report]) -> Vec<Option<usize>> {
    let key = |r: &Report| Some((LocalityKey::of(r)?, r.year?));
    let mut by_key: std::collections::HashMap<(LocalityKey, i32), usize> =
        std::collections::HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        if let Some(k) = key(r) {
            by_key.entry(k).or_insert(i);
        }
    }
    reports
        .iter()
        .map(|r| {
            let (locality, year) = key(r)?;
            by_key.get(&(locality, year - 1)).copied()
        })
        .collect()
}
