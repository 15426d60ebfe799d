//! One locality across its years (`fazhi years`, the review's years view): its reports in year
//! order, its canonical indicators year by year with the change and a sparkline, and how much of
//! each year's text was reused from the year before.

use rayon::prelude::*;
use serde::Serialize;

use super::matrix::{Change, Matrix, MatrixCell, MatrixRow};
use super::shared::{Prepared, Slogans};
use crate::model::{Locality, Report};

/// What makes two reports one locality's: the same place (division code) and the same name as
/// written, so that a county's own report and its 司法局's stay apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalityKey {
    code: String,
    name: String,
}

impl LocalityKey {
    /// `None` for a report whose locality was not recognised: it is no one's year.
    pub fn of(report: &Report) -> Option<LocalityKey> {
        let l = report.locality.as_ref()?;
        Some(LocalityKey {
            code: l.code.clone().unwrap_or_default(),
            name: l.name.clone(),
        })
    }
}

/// A report of the locality, as the years table names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearReport {
    pub source: String,
    pub year: i32,
}

/// A canonical indicator across the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    #[serde(flatten)]
    pub indicator: MatrixRow,
    /// Per report, in year order: its first current figure of this id.
    pub values: Vec<Option<MatrixCell>>,
    /// Per report: the change from the report before (none for the first, or where either
    /// value is missing or the units differ).
    pub changes: Vec<Option<Change>>,
    pub sparkline: String,
}

/// How much of a year's text was already in the report before it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reuse {
    pub source: String,
    pub year: i32,
    pub previous: String,
    pub previous_year: i32,
    /// Part of this year's own text (slogans and quotations excluded) found in the year before.
    pub share: f64,
    pub passages: usize,
}

/// A locality's years: the JSON of `fazhi years --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Years {
    pub locality: Option<Locality>,
    pub reports: Vec<YearReport>,
    pub indicators: Vec<YearRow>,
    /// One per report after the first, against the report before it.
    pub reuse: Vec<Reuse>,
}

/// The reports of `key`'s locality that say which year they cover, in year order (a year given
/// twice keeps both reports, by source). "The year before" is the report before in this order,
/// so a missing year compares with the last one loaded.
pub fn years(reports: &[Report], key: &LocalityKey, slogans: &Slogans) -> Years {
    let mut mine: Vec<&Report> = reports
        .iter()
        .filter(|r| r.year.is_some() && LocalityKey::of(r).as_ref() == Some(key))
        .collect();
    mine.sort_by(|a, b| (a.year, &a.source).cmp(&(b.year, &b.source)));
    let matrix = Matrix::new(mine.iter().copied());
    let indicators = matrix
        .rows
        .iter()
        .enumerate()
        .map(|(row, indicator)| {
            let values: Vec<Option<MatrixCell>> = (0..mine.len())
                .map(|r| matrix.cell(row, r).cloned())
                .collect();
            let changes = std::iter::once(None)
                .chain(values.windows(2).map(|w| match (&w[0], &w[1]) {
                    (Some(a), Some(b)) => Change::between(a.value, &a.unit, b.value, &b.unit),
                    _ => None,
                }))
                .collect();
            YearRow {
                indicator: indicator.clone(),
                sparkline: sparkline(&comparable(&values)),
                values,
                changes,
            }
        })
        .collect();
    let reuse = mine
        .par_windows(2)
        .map(|w| reuse(w[0], w[1], slogans))
        .collect();
    Years {
        locality: mine.last().and_then(|r| r.locality.clone()),
        reports: mine
            .iter()
            .map(|r| YearReport {
                source: r.source.clone(),
                year: r.year.unwrap_or_default(),
            })
            .collect(),
        indicators,
        reuse,
    }
}

/// The values a sparkline can set against each other: those in the latest value's unit.
fn comparable(values: &[Option<MatrixCell>]) -> Vec<Option<f64>> {
    let unit = values
        .iter()
        .rev()
        .flatten()
        .next()
        .map(|c| c.unit.as_str());
    values
        .iter()
        .map(|v| {
            v.as_ref()
                .filter(|c| Some(c.unit.as_str()) == unit)
                .map(|c| c.value)
        })
        .collect()
}

fn reuse(before: &Report, report: &Report, slogans: &Slogans) -> Reuse {
    let prepared = Prepared::new(&report.text, slogans);
    let (chars, passages) = prepared.cover_with(&before.text, &mut prepared.blank_cover());
    Reuse {
        source: report.source.clone(),
        year: report.year.unwrap_or_default(),
        previous: before.source.clone(),
        previous_year: before.year.unwrap_or_default(),
        share: prepared.share(chars),
        passages: passages.len(),
    }
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// Where a value stands in its sparkline when it has nothing to stand against.
const LEVEL: char = '▄';
/// A year without a comparable value: a gap keeps the others in their years.
const GAP: char = '·';

/// One bar per value, from the smallest (▁) to the largest (█) of the values given.
pub fn sparkline(values: &[Option<f64>]) -> String {
    let finite = || values.iter().flatten().filter(|v| v.is_finite());
    let low = finite().copied().fold(f64::INFINITY, f64::min);
    let high = finite().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| match v {
            Some(v) if v.is_finite() && high > low => {
                let step = ((v - low) / (high - low) * (BARS.len() - 1) as f64).round();
                BARS[(step as usize).min(BARS.len() - 1)]
            }
            Some(v) if v.is_finite() => LEVEL,
            _ => GAP,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::themes::Taxonomy;
    use crate::corpus::Corpus;
    use crate::model::Scope;

    #[test]
    fn a_sparkline_runs_from_the_smallest_to_the_largest_value() {
        assert_eq!(sparkline(&[Some(1.0), Some(8.0), Some(4.5)]), "▁█▅");
        assert_eq!(sparkline(&[Some(3.0), None, Some(3.0)]), "▄·▄");
        assert_eq!(sparkline(&[Some(2.0), Some(f64::NAN), Some(4.0)]), "▁·█");
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[None]), "·");
    }

    /// The seed of 泾源县 2024, its next year (every year in the text one later, one figure
    /// changed, a paragraph of its own) and another place's report.
    fn two_years() -> (Vec<Report>, LocalityKey) {
        let corpus = Corpus::embedded(Taxonomy::embedded().into());
        let seed = corpus
            .reports
            .iter()
            .find(|r| r.display_name() == "泾源县")
            .expect("the seed of 泾源县");
        let mut next = seed
            .text
            .replacen("调解矛盾纠纷930件", "调解矛盾纠纷960件", 1);
        for year in (2000..2030).rev() {
            next = next.replace(&format!("{year}年"), &format!("{}年", year + 1));
        }
        next.push_str("全县新建村级调解室十二个，逐村配备专职人民调解员，建立调解台账并按月通报。");
        let next = crate::corpus::load_bytes(next.as_bytes(), "next.txt", &Taxonomy::embedded())
            .expect("the edited seed loads");
        let other = corpus
            .reports
            .iter()
            .find(|r| r.display_name() != "泾源县")
            .expect("another seed");
        let key = LocalityKey::of(seed).expect("the seed's place is known");
        (vec![next, other.clone(), seed.clone()], key)
    }

    #[test]
    fn a_localitys_years_are_in_order_with_changes_and_reuse() {
        let (reports, key) = two_years();
        let y = years(&reports, &key, Slogans::shared());
        let order: Vec<i32> = y.reports.iter().map(|r| r.year).collect();
        assert_eq!(order, vec![2024, 2025]);
        let mediated = y
            .indicators
            .iter()
            .find(|r| r.indicator.id == "disputes.mediated")
            .expect("a row of mediated disputes");
        let values: Vec<f64> = mediated.values.iter().flatten().map(|c| c.value).collect();
        assert_eq!(values, vec![930.0, 960.0]);
        let change = mediated.changes[1].as_ref().expect("a change");
        assert_eq!(change.absolute, 30.0);
        assert!((change.percent.expect("a percentage") - 3000.0 / 930.0).abs() < 1e-9);
        assert_eq!(mediated.changes[0], None);
        assert_eq!(mediated.sparkline, "▁█");
        assert_eq!(y.reuse.len(), 1);
        let reuse = &y.reuse[0];
        assert_eq!((reuse.year, reuse.previous_year), (2025, 2024));
        assert!(reuse.share > 0.9 && reuse.share < 1.0, "{}", reuse.share);
        assert!(reuse.passages > 0);
        for row in &y.indicators {
            for (cell, report) in row.values.iter().zip(&y.reports) {
                let Some(cell) = cell else { continue };
                let report = reports.iter().find(|r| r.source == report.source);
                let ind = &report.expect("a listed report").indicators[cell.indicator];
                assert_eq!(ind.scope, Scope::Current);
            }
        }
    }

    #[test]
    fn a_change_needs_both_values_in_one_unit() {
        let (reports, key) = two_years();
        let y = years(&reports, &key, Slogans::shared());
        for row in &y.indicators {
            let units = row.values.windows(2).map(|w| match (&w[0], &w[1]) {
                (Some(a), Some(b)) => a.unit == b.unit,
                _ => false,
            });
            for (comparable, change) in units.zip(&row.changes[1..]) {
                assert_eq!(comparable, change.is_some(), "{}", row.indicator.id);
            }
        }
    }

    #[test]
    fn a_single_dated_year_has_no_change_and_no_reuse() {
        let corpus = Corpus::embedded(Taxonomy::embedded().into());
        let key = LocalityKey::of(&corpus.reports[0]).expect("a known place");
        let mut reports = corpus.reports.clone();
        let mut undated = reports[0].clone();
        undated.year = None;
        undated.source = "undated.txt".into();
        reports.push(undated);
        let y = years(&reports, &key, Slogans::shared());
        assert_eq!(
            y.reports.len(),
            1,
            "a report without a year has no place in the order"
        );
        assert!(y.reuse.is_empty());
        assert!(y.indicators.iter().all(|r| r.changes == vec![None]));
    }
}
