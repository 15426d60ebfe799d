//! Comparing two reports: their measures paired and diffed word by word, the passages they
//! share, and place names that betray copying. Works for any two reports: two localities, or one
//! locality's two years. The result serialises to the CLI's JSON contract (`fazhi diff --json`).

mod render;
mod units;

use rayon::prelude::*;
use serde::Serialize;

pub use render::render_text;
pub use units::{Unit, units};

use crate::analyse::align::{LinkKind, align};
use crate::analyse::diff::{Op, OpKind, diff};
use crate::analyse::matrix::{SideBySide, side_by_side};
use crate::analyse::shared::{
    PlaceFinder, PlaceMention, SharedPassage, Slogans, belongs_to, foreign_places, gazetteer,
    shared_passages, text_chars,
};
use crate::analyse::similarity::matrix;
use crate::analyse::themes::Taxonomy;
use crate::corpus::section_at;
use crate::model::{Locality, Report, Span};

/// Which report a side is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub source: String,
    pub locality: Option<Locality>,
    pub year: Option<i32>,
}

impl Side {
    fn of(report: &Report) -> Side {
        Side {
            source: report.source.clone(),
            locality: report.locality.clone(),
            year: report.year,
        }
    }

    /// "北镇市 2023" or the source when nothing better is known.
    pub fn label(&self) -> String {
        let name = self
            .locality
            .as_ref()
            .map_or_else(|| self.source.clone(), |l| l.name.clone());
        match self.year {
            Some(y) => format!("{name} {y}"),
            None => name,
        }
    }
}

/// One side of a pair: a unit of that report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairSide {
    /// Path of 0-based child indexes to the section the unit stands in.
    pub section: Vec<usize>,
    pub heading: Option<String>,
    pub text: String,
    /// Index into that report's [`units`].
    #[serde(skip)]
    pub unit: usize,
    #[serde(skip)]
    pub span: Span,
}

impl PairSide {
    fn of(units: &[Unit], i: usize) -> PairSide {
        let u = &units[i];
        PairSide {
            section: u.section.clone(),
            heading: u.heading.clone(),
            text: u.text.clone(),
            unit: i,
            span: u.span,
        }
    }
}

/// A row of the comparison. The equal and deleted texts of `ops` join to A's text, the equal
/// and inserted texts to B's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub kind: LinkKind,
    pub similarity: f32,
    pub a: Option<PairSide>,
    pub b: Option<PairSide>,
    pub ops: Vec<Op>,
}

/// A passage both reports contain, with the sections it stands in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shared {
    #[serde(flatten)]
    pub passage: SharedPassage,
    pub a_section: Vec<usize>,
    pub b_section: Vec<usize>,
}

/// A place a report names that lies outside its own locality.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForeignPlace {
    #[serde(flatten)]
    pub place: PlaceMention,
    /// The place belongs to the other report's locality: the strongest sign of copying.
    pub of_other: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ForeignPlaces {
    pub a: Vec<ForeignPlace>,
    pub b: Vec<ForeignPlace>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Pairs aligned in reading order.
    pub matched: usize,
    pub moved: usize,
    pub only_a: usize,
    pub only_b: usize,
    /// Units compared on each side (after the theme filter).
    pub units_a: usize,
    pub units_b: usize,
    /// Characters of shared passages outside slogans, as a share of the shorter report's
    /// characters (whitespace excluded): 0 for independent reports, near 1 for a copy.
    pub shared_share: f32,
    /// Some units were left out: a side had more than [`MAX_UNITS`].
    pub truncated: bool,
    /// Units left out on each side (its units after the first [`MAX_UNITS`]).
    pub omitted_a: usize,
    pub omitted_b: usize,
}

/// At most this many units of each side are compared measure by measure. Similarity is scored
/// for every pair of units, so time and memory grow with the product of the two counts: two
/// 5 MB reports (about 19,000 units each) took two minutes and 3 GB. Real reports have tens of
/// units, so only such giants are cut, and the comparison says so.
pub const MAX_UNITS: usize = 2000;

/// Everything the compare screen and `fazhi diff` show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    /// The theme both sides were narrowed to, if any.
    pub theme: Option<String>,
    /// The canonical indicators of either side, narrowed by the theme like the pairs.
    pub indicators: Vec<SideBySide>,
    pub pairs: Vec<Pair>,
    /// Whole-report evidence: not narrowed by the theme.
    pub shared_passages: Vec<Shared>,
    pub foreign_places: ForeignPlaces,
    pub summary: Summary,
}

/// Compare two reports, narrowed to one theme's units when `theme` is given.
/// `taxonomy` scores the sentences of sections without measures.
pub fn compare(a: &Report, b: &Report, theme: Option<&str>, taxonomy: &Taxonomy) -> Comparison {
    compare_with(a, b, theme, taxonomy, &gazetteer)
}

/// [`compare`] with a place finder (a lookup of place names against the division codes) for
/// the foreign-place check.
pub fn compare_with(
    a: &Report,
    b: &Report,
    theme: Option<&str>,
    taxonomy: &Taxonomy,
    places: PlaceFinder,
) -> Comparison {
    let keep = |u: &Unit| theme.is_none_or(|t| u.themes.contains(t));
    let mut units_a: Vec<Unit> = units(a, taxonomy).into_iter().filter(keep).collect();
    let mut units_b: Vec<Unit> = units(b, taxonomy).into_iter().filter(keep).collect();
    let omitted_a = units_a.len().saturating_sub(MAX_UNITS);
    let omitted_b = units_b.len().saturating_sub(MAX_UNITS);
    units_a.truncate(MAX_UNITS);
    units_b.truncate(MAX_UNITS);
    let texts_a: Vec<&str> = units_a.iter().map(|u| u.text.as_str()).collect();
    let texts_b: Vec<&str> = units_b.iter().map(|u| u.text.as_str()).collect();
    let links = align(&matrix(&texts_a, &texts_b));
    let pairs: Vec<Pair> = links
        .par_iter()
        .map(|l| {
            let sa = l.a.map(|i| PairSide::of(&units_a, i));
            let sb = l.b.map(|j| PairSide::of(&units_b, j));
            let ops = match (&sa, &sb) {
                (Some(x), Some(y)) => diff(&x.text, &y.text),
                (Some(x), None) => vec![Op::new(OpKind::Delete, x.text.clone())],
                (None, Some(y)) => vec![Op::new(OpKind::Insert, y.text.clone())],
                (None, None) => Vec::new(),
            };
            Pair {
                kind: l.kind,
                similarity: (l.similarity * 1000.0).round() / 1000.0,
                a: sa,
                b: sb,
                ops,
            }
        })
        .collect();

    let shared: Vec<Shared> = shared_passages(&a.text, &b.text, Slogans::shared())
        .into_iter()
        .map(|p| Shared {
            a_section: section_at(a, p.a.start),
            b_section: section_at(b, p.b.start),
            passage: p,
        })
        .collect();
    let own_chars: usize = shared.iter().map(|s| s.passage.own_chars).sum();
    let shorter = text_chars(&a.text).min(text_chars(&b.text));
    let count = |k: LinkKind| pairs.iter().filter(|p| p.kind == k).count();
    let summary = Summary {
        matched: count(LinkKind::Aligned),
        moved: count(LinkKind::Moved),
        only_a: count(LinkKind::OnlyA),
        only_b: count(LinkKind::OnlyB),
        units_a: units_a.len(),
        units_b: units_b.len(),
        shared_share: if shorter == 0 {
            0.0
        } else {
            (own_chars as f32 / shorter as f32).min(1.0)
        },
        truncated: omitted_a + omitted_b > 0,
        omitted_a,
        omitted_b,
    };
    Comparison {
        a: Side::of(a),
        b: Side::of(b),
        theme: theme.map(str::to_string),
        indicators: side_by_side(
            a,
            b,
            &theme.map(str::to_string).into_iter().collect::<Vec<_>>(),
        ),
        pairs,
        shared_passages: shared,
        foreign_places: ForeignPlaces {
            a: foreign(a, b, places),
            b: foreign(b, a, places),
        },
        summary,
    }
}

fn foreign(report: &Report, other: &Report, places: PlaceFinder) -> Vec<ForeignPlace> {
    foreign_places(report, places)
        .into_iter()
        .map(|place| ForeignPlace {
            of_other: other
                .locality
                .as_ref()
                .is_some_and(|l| belongs_to(&place, l)),
            place,
        })
        .collect()
}
