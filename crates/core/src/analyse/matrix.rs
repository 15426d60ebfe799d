//! Canonical indicators across reports: the corpus matrix (screen 3, `fazhi indicators --matrix`)
//! and two reports side by side (screen 2, `fazhi diff`).

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Qualifier, Report};
use crate::parse::indicators::Catalogue;

/// Where a canonical indicator stands in the catalogue (unknown ids last).
pub fn catalogue_rank(id: &str) -> usize {
    Catalogue::embedded()
        .all()
        .iter()
        .position(|c| c.id == id)
        .unwrap_or(usize::MAX)
}

/// A report's value of a canonical indicator: its first indicator with that id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixCell {
    pub value: f64,
    /// The catalogue's unit when the value's unit converts to it, else the value's own.
    pub unit: String,
    /// 约, ≥, ≤ as the text hedges the value.
    pub qualifier: Option<Qualifier>,
    /// Index into the report's indicators.
    pub indicator: usize,
    /// The report has more indicators with the same id.
    pub more: bool,
}

/// A canonical indicator some report has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixRow {
    pub id: String,
    pub name: String,
    /// The catalogue's usual unit (values keep their own).
    pub unit: String,
    pub theme: String,
}

impl MatrixRow {
    fn of(id: &str) -> MatrixRow {
        match Catalogue::embedded().get(id) {
            Some(c) => MatrixRow {
                id: id.to_string(),
                name: c.name.clone(),
                unit: c.unit.clone(),
                theme: c.theme.clone(),
            },
            None => MatrixRow {
                id: id.to_string(),
                name: id.to_string(),
                unit: String::new(),
                theme: String::new(),
            },
        }
    }

    /// "调解矛盾纠纷数（件）".
    pub fn label(&self) -> String {
        if self.unit.is_empty() {
            self.name.clone()
        } else {
            format!("{}（{}）", self.name, self.unit)
        }
    }
}

/// Every canonical indicator of the corpus against every report.
#[derive(Debug, Clone, Default)]
pub struct Matrix {
    /// In catalogue order; ids the catalogue lacks last.
    pub rows: Vec<MatrixRow>,
    /// (row, report) → value.
    cells: HashMap<(usize, usize), MatrixCell>,
    /// Per report: the rows it has.
    by_report: Vec<Vec<usize>>,
}

impl Matrix {
    pub fn new<'a>(reports: impl IntoIterator<Item = &'a Report> + Clone) -> Matrix {
        let catalogue = Catalogue::embedded();
        let ids = canonical_ids(reports.clone().into_iter());
        let rows: Vec<MatrixRow> = ids.iter().map(|id| MatrixRow::of(id)).collect();
        let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let mut cells = HashMap::new();
        let mut by_report = Vec::new();
        for (r, report) in reports.into_iter().enumerate() {
            by_report.push(Vec::new());
            for (i, ind) in report.indicators.iter().enumerate() {
                let Some(&row) = ind.canonical.as_deref().and_then(|id| index.get(id)) else {
                    continue;
                };
                match cells.get_mut(&(row, r)) {
                    Some(MatrixCell { more, .. }) => *more = true,
                    None => {
                        cells.insert(
                            (row, r),
                            MatrixCell {
                                value: ind.value,
                                unit: catalogue
                                    .comparable_unit(&rows[row].id, &ind.unit)
                                    .to_string(),
                                qualifier: ind.qualifier,
                                indicator: i,
                                more: false,
                            },
                        );
                        by_report[r].push(row);
                    }
                }
            }
        }
        Matrix {
            rows,
            cells,
            by_report,
        }
    }

    pub fn cell(&self, row: usize, report: usize) -> Option<&MatrixCell> {
        self.cells.get(&(row, report))
    }

    /// The rows report `report` has a value in.
    pub fn rows_of(&self, report: usize) -> &[usize] {
        self.by_report.get(report).map_or(&[], Vec::as_slice)
    }
}

/// The canonical ids of the reports' indicators, in catalogue order, each once.
fn canonical_ids<'a>(reports: impl Iterator<Item = &'a Report>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = reports
        .flat_map(|r| r.indicators.iter().filter_map(|i| i.canonical.as_deref()))
        .collect();
    ids.sort_by_key(|id| (catalogue_rank(id), *id));
    ids.dedup();
    ids
}

/// A canonical indicator's value in one report (scaled, with its unit).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    pub value: f64,
    pub unit: String,
    pub qualifier: Option<Qualifier>,
}

/// How a figure changed from one report to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub absolute: f64,
    /// Of the earlier value; none when that was zero.
    pub percent: Option<f64>,
}

impl Change {
    /// The change from `a` to `b`, if they are in one unit (a 件 and a % do not subtract).
    pub fn between(a: f64, a_unit: &str, b: f64, b_unit: &str) -> Option<Change> {
        (a_unit == b_unit).then(|| Change {
            absolute: b - a,
            percent: (a != 0.0).then(|| (b - a) / a.abs() * 100.0),
        })
    }
}

/// One canonical indicator in either of two reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideBySide {
    pub id: String,
    pub name: String,
    pub a: Option<Value>,
    pub b: Option<Value>,
}

/// The canonical indicators of either report, in catalogue order, narrowed to `themes` (by the
/// canonical indicator's theme or the indicator's own themes; none: all).
pub fn side_by_side(a: &Report, b: &Report, themes: &[String]) -> Vec<SideBySide> {
    let catalogue = Catalogue::embedded();
    let first = |r: &Report, id: &str| {
        r.indicators
            .iter()
            .find(|i| i.canonical.as_deref() == Some(id))
            .map(|i| Value {
                value: i.value,
                unit: catalogue.comparable_unit(id, &i.unit).to_string(),
                qualifier: i.qualifier,
            })
    };
    let speaks_to = |id: &str| {
        themes.is_empty()
            || catalogue.get(id).is_some_and(|c| themes.contains(&c.theme))
            || [a, b].iter().any(|r| {
                r.indicators.iter().any(|i| {
                    i.canonical.as_deref() == Some(id)
                        && themes.iter().any(|t| i.themes.contains(t))
                })
            })
    };
    canonical_ids([a, b].into_iter())
        .into_iter()
        .filter(|id| speaks_to(id))
        .map(|id| SideBySide {
            id: id.to_string(),
            name: MatrixRow::of(id).name,
            a: first(a, id),
            b: first(b, id),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::themes::Taxonomy;
    use crate::corpus::Corpus;

    #[test]
    fn the_matrix_holds_each_reports_first_value_of_each_id() {
        let corpus = Corpus::embedded(Taxonomy::embedded().into());
        let m = Matrix::new(&corpus.reports);
        assert!(!m.rows.is_empty());
        for (r, report) in corpus.reports.iter().enumerate() {
            for &row in m.rows_of(r) {
                let cell = m.cell(row, r).expect("a listed row has a cell");
                let ind = &report.indicators[cell.indicator];
                assert_eq!(ind.canonical.as_deref(), Some(m.rows[row].id.as_str()));
                assert_eq!(cell.value, ind.value);
                let first = report
                    .indicators
                    .iter()
                    .position(|i| i.canonical == ind.canonical);
                assert_eq!(first, Some(cell.indicator));
            }
        }
        let ranks: Vec<usize> = m.rows.iter().map(|r| catalogue_rank(&r.id)).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "catalogue order");
    }

    #[test]
    fn side_by_side_lists_ids_of_either_report_and_narrows_by_theme() {
        let corpus = Corpus::embedded(Taxonomy::embedded().into());
        let (a, b) = (&corpus.reports[0], &corpus.reports[1]);
        let all = side_by_side(a, b, &[]);
        assert!(all.iter().all(|r| r.a.is_some() || r.b.is_some()));
        let disputes = side_by_side(a, b, &["disputes".to_string()]);
        assert!(disputes.len() < all.len());
        assert!(disputes.iter().all(|r| all.contains(r)));
    }
}
