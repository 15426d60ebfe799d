//! The indicator screen's state: canonical indicators × reports, built once at load; the rows
//! shown under the theme filter and a sort; a cursor over rows and report columns.

use std::collections::HashMap;

use super::action::{Action, Screen};
use super::app::{App, Cursor, Pane, motion};
use super::grid::Grid;
use super::layout::{self, inner};
use super::wrap::str_width;
use fazhi_core::model::Report;
use fazhi_core::parse::indicators::Catalogue;

/// Where a canonical indicator stands in the catalogue (unknown ids last).
pub fn catalogue_rank(id: &str) -> usize {
    Catalogue::embedded()
        .all()
        .iter()
        .position(|c| c.id == id)
        .unwrap_or(usize::MAX)
}

/// A report's value of a canonical indicator: its first indicator with that id.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixCell {
    pub value: f64,
    pub unit: String,
    /// Index into the report's indicators.
    pub indicator: usize,
    /// The report has more indicators with the same id.
    pub more: bool,
}

/// A canonical indicator some report has.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    pub id: String,
    pub name: String,
    /// The catalogue's usual unit (values keep their own).
    pub unit: String,
    pub theme: String,
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
    /// Widest "name（unit）" label.
    pub label_width: usize,
}

impl Matrix {
    pub fn new(reports: &[Report]) -> Matrix {
        let catalogue = Catalogue::embedded();
        let mut ids: Vec<&str> = reports
            .iter()
            .flat_map(|r| r.indicators.iter().filter_map(|i| i.canonical.as_deref()))
            .collect();
        ids.sort_by_key(|id| (catalogue_rank(id), *id));
        ids.dedup();
        let rows: Vec<MatrixRow> = ids
            .iter()
            .map(|&id| match catalogue.get(id) {
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
            })
            .collect();
        let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let mut cells = HashMap::new();
        let mut by_report = vec![Vec::new(); reports.len()];
        for (r, report) in reports.iter().enumerate() {
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
                                    .comparable_unit(&rows[row].id, &ind.unit, ind.kind)
                                    .to_string(),
                                indicator: i,
                                more: false,
                            },
                        );
                        by_report[r].push(row);
                    }
                }
            }
        }
        let label_width = rows
            .iter()
            .map(|r| str_width(&r.label()))
            .max()
            .unwrap_or(0);
        Matrix {
            rows,
            cells,
            by_report,
            label_width,
        }
    }

    pub fn cell(&self, row: usize, report: usize) -> Option<&MatrixCell> {
        self.cells.get(&(row, report))
    }
}

impl MatrixRow {
    /// "调解矛盾纠纷数（件）".
    pub fn label(&self) -> String {
        if self.unit.is_empty() {
            self.name.clone()
        } else {
            format!("{}（{}）", self.name, self.unit)
        }
    }
}

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowSort {
    /// Catalogue order, which groups indicators by theme.
    Catalogue,
    /// Most reports having it first.
    Reports,
    /// Largest value in the selected column first; rows without one after.
    Column,
}

/// The indicator screen: the matrix and where its cursor is.
#[derive(Debug, Clone)]
pub struct MatrixView {
    pub matrix: Matrix,
    pub sort: RowSort,
    /// Over the rows shown.
    pub row: Cursor,
    /// Over the visible reports.
    pub col: Cursor,
    /// The selected row (into `matrix.rows`): it stays selected when the order changes.
    pub current: Option<usize>,
}

impl MatrixView {
    pub fn new(reports: &[Report]) -> MatrixView {
        MatrixView {
            matrix: Matrix::new(reports),
            sort: RowSort::Catalogue,
            row: Cursor::default(),
            col: Cursor::default(),
            current: None,
        }
    }
}

/// Columns a value needs: "1500万元+" and the like.
const VALUE_WIDTH: u16 = 10;

impl App {
    /// The report shown in the selected column.
    pub fn matrix_report(&self) -> Option<usize> {
        self.visible.get(self.matrix.col.selected).copied()
    }

    /// The rows shown: canonical indicators at least one visible report has, narrowed to the
    /// theme filter, in the chosen order; as indexes into `matrix.rows`.
    pub fn matrix_rows(&self) -> Vec<usize> {
        let m = &self.matrix.matrix;
        let mut counts = vec![0usize; m.rows.len()];
        for &r in &self.visible {
            for &row in &m.by_report[r] {
                counts[row] += 1;
            }
        }
        let mut rows: Vec<usize> = (0..m.rows.len())
            .filter(|&i| counts[i] > 0)
            .filter(|&i| self.themes.is_empty() || self.themes.contains(&m.rows[i].theme))
            .collect();
        match self.matrix.sort {
            RowSort::Catalogue => {}
            RowSort::Reports => rows.sort_by_key(|&i| std::cmp::Reverse(counts[i])),
            RowSort::Column => {
                let report = self.matrix_report();
                let value = |i: usize| report.and_then(|r| m.cell(i, r)).map(|c| c.value);
                rows.sort_by(|&a, &b| match (value(a), value(b)) {
                    (Some(x), Some(y)) => y.total_cmp(&x),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                });
            }
        }
        rows
    }

    /// The table's geometry: labels take what the widest needs up to two fifths of the width;
    /// two header rows (place, year).
    pub fn matrix_grid(&self) -> Grid {
        let [table, _] = layout::matrix_areas(self.areas().body, self.visible.len());
        let area = inner(table);
        let widest = self.matrix.matrix.label_width as u16 + 1;
        Grid {
            area,
            label: widest.min(area.width * 2 / 5),
            column: VALUE_WIDTH + 1,
            header: 2,
        }
    }

    /// Keep the selected row (by identity) and column on screen, after moving `delta` rows.
    pub(super) fn sync_matrix(&mut self, delta: isize) {
        let rows = self.matrix_rows();
        let grid = self.matrix_grid();
        let n = self.visible.len();
        let v = &mut self.matrix;
        if let Some(pos) = v.current.and_then(|c| rows.iter().position(|&r| r == c)) {
            v.row.selected = pos;
        }
        v.row.step(delta, rows.len());
        v.row.fit(rows.len(), grid.rows_fit());
        v.current = rows.get(v.row.selected).copied();
        v.col.fit(n, grid.columns_fit());
    }

    /// A key on the indicator screen.
    pub(super) fn matrix_action(&mut self, action: Action) {
        let page = (self.matrix_grid().rows_fit() as isize - 1).max(1);
        let n = self.visible.len();
        let delta = match (motion(action, page), action) {
            (Some(delta), _) => delta,
            (None, Action::ColumnLeft | Action::ColumnRight) => {
                let step = if action == Action::ColumnLeft { -1 } else { 1 };
                self.matrix.col.step(step, n);
                0
            }
            (None, Action::CycleSort) => {
                self.matrix.sort = match self.matrix.sort {
                    RowSort::Catalogue => RowSort::Reports,
                    RowSort::Reports => RowSort::Column,
                    RowSort::Column => RowSort::Catalogue,
                };
                0
            }
            (None, Action::Activate) => {
                self.open_matrix_cell();
                return;
            }
            _ => return,
        };
        self.sync_matrix(delta);
    }

    /// Click: select the cell (or the row, on its label).
    pub(super) fn matrix_click(&mut self, col: u16, row: u16) {
        let Some((line, k)) = self.matrix_grid().hit(col, row) else {
            return;
        };
        let rows = self.matrix_rows();
        let v = &mut self.matrix;
        let Some(&target) = rows.get(v.row.offset + line) else {
            return;
        };
        v.current = Some(target);
        if let Some(k) = k
            && v.col.offset + k < self.visible.len()
        {
            v.col.selected = v.col.offset + k;
        }
    }

    /// Open the selected cell's indicator in its report on screen 1, at its sentence.
    fn open_matrix_cell(&mut self) {
        let (Some(report), Some(row)) = (self.matrix_report(), self.matrix.current) else {
            return;
        };
        let Some(i) = self.matrix.matrix.cell(row, report).map(|c| c.indicator) else {
            self.message = Some(self.labels().no_value.to_string());
            return;
        };
        self.screen = Screen::Report;
        self.open_indicator(report, i);
        match self.visible_indicators().iter().position(|&v| v == i) {
            Some(pos) => {
                self.focus = Pane::Indicators;
                self.indicators.selected = pos;
            }
            None => self.focus = Pane::Text,
        }
    }
}
