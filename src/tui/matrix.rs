//! The indicator screen's state: canonical indicators × reports, built once at load; the rows
//! shown under the theme filter and a sort; a cursor over rows and report columns.

use super::action::{Action, Screen};
use super::app::{App, Cursor, Pane, motion};
use super::grid::Grid;
use super::layout::{self, inner};
use super::wrap::str_width;
use fazhi_core::analyse::matrix::Matrix;
use fazhi_core::model::Report;

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
    /// Widest "name（unit）" label, in columns.
    pub label_width: usize,
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
        let matrix = Matrix::new(reports.iter());
        MatrixView {
            label_width: matrix
                .rows
                .iter()
                .map(|r| str_width(&r.label()))
                .max()
                .unwrap_or(0),
            matrix,
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
            for &row in m.rows_of(r) {
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
        let widest = self.matrix.label_width as u16 + 1;
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
