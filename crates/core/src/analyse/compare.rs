//! Comparing two reports: their measures paired and diffed word by word, the passages they
//! share, and place names that betray copying. Works for any two reports: two localities, or one
//! locality's two years. The result serialises to the CLI's JSON contract (`fazhi diff --json`).

mod render;
mod units;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

pub use render::{band_title, render_text};
pub use units::{Unit, units};

use crate::analyse::align::{ALIGN_MIN, Link, LinkKind, align, mirror};
use crate::analyse::diff::{Op, OpKind, diff};
use crate::analyse::matrix::{SideBySide, side_by_side};
use crate::analyse::shared::{
    PlaceFinder, PlaceMention, SharedPassage, Slogans, belongs_to, foreign_places, gazetteer,
    own_chars, shared_passages,
};
use crate::analyse::similarity::matrix;
use crate::analyse::themes::Taxonomy;
use crate::corpus::section_at;
use crate::model::{Locality, Part, Report, Span};

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
    /// The part of the report the unit belongs to.
    pub part: Part,
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
            part: u.part,
            unit: i,
            span: u.span,
        }
    }

    /// The heading for display: as written; an unheaded block named by its part ("（不足）");
    /// `None` only for the preamble (or a report without outline).
    pub fn display_heading(&self) -> Option<String> {
        match &self.heading {
            Some(h) => Some(h.clone()),
            None if self.section.is_empty() => None,
            None => Some(format!("（{}）", self.part.label_zh())),
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

/// How a comparison is best read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// Theme by theme: two texts written independently share topics, not order.
    Bands,
    /// In reading order with moves: one text is an edit of the other (the same locality over
    /// two years, or a copy).
    Aligned,
}

/// What a band gathers, in band order: the taxonomy's themes, then the parts with a band of
/// their own, then the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum BandKey {
    /// Index into the taxonomy's themes.
    Theme(usize),
    /// Problems, plans, duty, in that order.
    Part(u8, Part),
    Other,
}

/// One band of the comparison: the units of both reports about one theme (or in one part).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    /// As shown: the theme's name, or the part's ("不足/原因", "安排", "职责"), or "其他".
    pub name: String,
    /// The theme's id, for a theme band.
    pub theme: Option<String>,
    /// The part, for a part band.
    pub part: Option<Part>,
    /// Alike units paired first (`Aligned`, in A's order), then the rest of each side packed
    /// side by side in each report's order (`Beside`, then `OnlyA` or `OnlyB` when one side
    /// runs out).
    pub rows: Vec<Pair>,
    pub units_a: usize,
    pub units_b: usize,
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
    /// The reading the data suggests; both are always computed.
    pub reading: Reading,
    /// The alignment-with-moves reading: every unit once, in A's order.
    pub pairs: Vec<Pair>,
    /// The banded reading: every unit once, in exactly one band.
    pub bands: Vec<Band>,
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
    // Pairing and shared passages take greedy steps that break ties by position, so they are
    // worked out with the two reports in one fixed order and read back mirrored when asked the
    // other way round: B with A is then exactly A with B, sides swapped.
    let swap = (b.text.as_str(), b.source.as_str()) < (a.text.as_str(), a.source.as_str());
    let (first, second) = if swap {
        (&units_b, &units_a)
    } else {
        (&units_a, &units_b)
    };
    let t1: Vec<&str> = first.iter().map(|u| u.text.as_str()).collect();
    let t2: Vec<&str> = second.iter().map(|u| u.text.as_str()).collect();
    let m = matrix(&t1, &t2);
    let links = if swap {
        mirror(&align(&m), m.rows, m.cols)
    } else {
        align(&m)
    };
    let pairs: Vec<Pair> = links
        .par_iter()
        .map(|l| make_pair(l, &units_a, &units_b, &HashMap::new()))
        .collect();
    // Most pairs of the bands are pairs of the in-order reading too: diffed once.
    let diffed: HashMap<(usize, usize), &[Op]> = pairs
        .iter()
        .filter_map(|p| Some(((p.a.as_ref()?.unit, p.b.as_ref()?.unit), p.ops.as_slice())))
        .collect();
    let bands: Vec<Band> = band_links(first, second, |i, j| m.get(i, j), taxonomy, theme)
        .into_iter()
        .map(|(key, links, n1, n2)| {
            let (links, units_a_n, units_b_n) = if swap {
                (mirror_band(links), n2, n1)
            } else {
                (links, n1, n2)
            };
            Band {
                name: band_name(key, taxonomy),
                theme: match key {
                    BandKey::Theme(i) => Some(taxonomy.themes[i].id.clone()),
                    _ => None,
                },
                part: match key {
                    BandKey::Part(_, p) => Some(p),
                    _ => None,
                },
                rows: links
                    .par_iter()
                    .map(|l| make_pair(l, &units_a, &units_b, &diffed))
                    .collect(),
                units_a: units_a_n,
                units_b: units_b_n,
            }
        })
        .collect();

    let found = if swap {
        shared_passages(&b.text, &a.text, Slogans::shared())
            .into_iter()
            .map(|p| SharedPassage {
                text: a.text[p.b.start..p.b.end].to_string(),
                a: p.b,
                b: p.a,
                ..p
            })
            .collect()
    } else {
        shared_passages(&a.text, &b.text, Slogans::shared())
    };
    let mut found: Vec<SharedPassage> = found;
    // The same order whichever way the pair was worked out: B's.
    found.sort_by_key(|p| (p.b.start, p.a.start));
    let shared: Vec<Shared> = found
        .into_iter()
        .map(|p| Shared {
            a_section: section_at(a, p.a.start),
            b_section: section_at(b, p.b.start),
            passage: p,
        })
        .collect();
    let aligned = pairs.iter().filter(|p| p.kind == LinkKind::Aligned).count();
    let smaller = units_a.len().min(units_b.len());
    // Most of the smaller side aligning in order means one text grew out of the other.
    let reading = if smaller > 0 && 2 * aligned >= smaller {
        Reading::Aligned
    } else {
        Reading::Bands
    };
    let shared_own: usize = shared.iter().map(|s| s.passage.own_chars).sum();
    // Shares are of each text's own words, as in `fazhi review`: slogans and quotations are in
    // neither the passages nor the whole.
    let slogans = Slogans::shared();
    let shorter = own_chars(&a.text, slogans).min(own_chars(&b.text, slogans));
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
            (shared_own as f32 / shorter as f32).min(1.0)
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
        reading,
        pairs,
        bands,
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

/// A row from a link: the two sides and the word-level ops that rebuild them (taken from
/// `diffed` when that pair of units was diffed already).
fn make_pair(
    l: &Link,
    units_a: &[Unit],
    units_b: &[Unit],
    diffed: &HashMap<(usize, usize), &[Op]>,
) -> Pair {
    let sa = l.a.map(|i| PairSide::of(units_a, i));
    let sb = l.b.map(|j| PairSide::of(units_b, j));
    let ops = match (&sa, &sb) {
        // Two units merely standing side by side are not diffed: nothing in them corresponds.
        (Some(x), Some(y)) if l.kind == LinkKind::Beside => vec![
            Op::new(OpKind::Delete, x.text.clone()),
            Op::new(OpKind::Insert, y.text.clone()),
        ],
        (Some(x), Some(y)) => match diffed.get(&(x.unit, y.unit)) {
            Some(ops) => ops.to_vec(),
            None => diff(&x.text, &y.text),
        },
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
}

/// The band a unit goes to: its part's, when the part has a band; else its strongest theme's
/// (the filtered theme, when the comparison is narrowed to one); else the rest.
fn band_of(u: &Unit, taxonomy: &Taxonomy, theme: Option<&str>) -> BandKey {
    let rank = match u.part {
        Part::Problems => Some(0),
        Part::Plans => Some(1),
        Part::Duty => Some(2),
        Part::Achievements | Part::Other => None,
    };
    if let Some(rank) = rank {
        return BandKey::Part(rank, u.part);
    }
    theme
        .or(u.themes.main())
        .and_then(|id| taxonomy.themes.iter().position(|t| t.id == id))
        .map_or(BandKey::Other, BandKey::Theme)
}

fn band_name(key: BandKey, taxonomy: &Taxonomy) -> String {
    match key {
        BandKey::Theme(i) => taxonomy.themes[i].name.clone(),
        BandKey::Part(_, Part::Problems) => "不足/原因".to_string(),
        BandKey::Part(_, part) => part.label_zh().to_string(),
        BandKey::Other => "其他".to_string(),
    }
}

/// A band's links, with the units of each side it holds.
type BandLinks = (BandKey, Vec<Link>, usize, usize);

/// The banded reading as links. Within a band, alike units (at least [`ALIGN_MIN`]) are paired
/// one to one, best first; `sim(i, j)` is the similarity of A's unit `i` and B's unit `j`.
fn band_links(
    units_a: &[Unit],
    units_b: &[Unit],
    sim: impl Fn(usize, usize) -> f32,
    taxonomy: &Taxonomy,
    theme: Option<&str>,
) -> Vec<BandLinks> {
    let key_a: Vec<BandKey> = units_a
        .iter()
        .map(|u| band_of(u, taxonomy, theme))
        .collect();
    let key_b: Vec<BandKey> = units_b
        .iter()
        .map(|u| band_of(u, taxonomy, theme))
        .collect();
    let mut keys: Vec<BandKey> = key_a.iter().chain(&key_b).copied().collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let ia: Vec<usize> = (0..units_a.len()).filter(|&i| key_a[i] == key).collect();
        let jb: Vec<usize> = (0..units_b.len()).filter(|&j| key_b[j] == key).collect();
        let mut candidates: Vec<(f32, usize, usize)> = ia
            .iter()
            .flat_map(|&i| jb.iter().map(move |&j| (i, j)))
            .map(|(i, j)| (sim(i, j), i, j))
            .filter(|c| c.0 >= ALIGN_MIN)
            .collect();
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let mut taken_a = vec![false; units_a.len()];
        let mut taken_b = vec![false; units_b.len()];
        let mut links = Vec::new();
        for (s, i, j) in candidates {
            if !taken_a[i] && !taken_b[j] {
                taken_a[i] = true;
                taken_b[j] = true;
                links.push(Link {
                    kind: LinkKind::Aligned,
                    a: Some(i),
                    b: Some(j),
                    similarity: s,
                });
            }
        }
        links.sort_by_key(|l| l.a);
        let rest_a: Vec<usize> = ia.iter().copied().filter(|&i| !taken_a[i]).collect();
        let rest_b: Vec<usize> = jb.iter().copied().filter(|&j| !taken_b[j]).collect();
        for k in 0..rest_a.len().max(rest_b.len()) {
            let (a, b) = (rest_a.get(k).copied(), rest_b.get(k).copied());
            let kind = match (a, b) {
                (Some(_), Some(_)) => LinkKind::Beside,
                (Some(_), None) => LinkKind::OnlyA,
                _ => LinkKind::OnlyB,
            };
            links.push(Link {
                kind,
                a,
                b,
                similarity: 0.0,
            });
        }
        out.push((key, links, ia.len(), jb.len()));
    }
    out
}

/// A band's links seen from B: the pairs in B's order, then the unpaired rows as they were.
fn mirror_band(links: Vec<Link>) -> Vec<Link> {
    let mut out: Vec<Link> = links
        .into_iter()
        .map(|l| Link {
            kind: match l.kind {
                LinkKind::OnlyA => LinkKind::OnlyB,
                LinkKind::OnlyB => LinkKind::OnlyA,
                k => k,
            },
            a: l.b,
            b: l.a,
            ..l
        })
        .collect();
    let paired = out
        .iter()
        .take_while(|l| l.kind == LinkKind::Aligned)
        .count();
    out[..paired].sort_by_key(|l| l.a);
    out
}
