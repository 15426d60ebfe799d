//! Screen 3, indicators, and its state: canonical indicators × reports, built once at load; the
//! rows shown under the theme filter and a sort; a cursor over rows and report columns.

use ratatui::Frame;

use super::{Component, Effect};
use crate::tui::action::Action;
use crate::tui::grid::Grid;
use crate::tui::keymap::Scope;
use crate::tui::layout::{self, Areas, inner};
use crate::tui::shared::{Cursor, Shared, motion};
use crate::tui::views;
use crate::tui::wrap::str_width;
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
pub struct IndicatorsScreen {
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

/// Columns a value needs: "1500万元+" and the like.
const VALUE_WIDTH: u16 = 10;

impl IndicatorsScreen {
    pub fn new(reports: &[Report]) -> IndicatorsScreen {
        let matrix = Matrix::new(reports.iter());
        IndicatorsScreen {
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

    /// The report shown in the selected column.
    pub fn report(&self, shared: &Shared) -> Option<usize> {
        shared.visible.get(self.col.selected).copied()
    }

    /// The rows shown: canonical indicators at least one visible report has, narrowed to the
    /// theme filter, in the chosen order; as indexes into `matrix.rows`.
    pub fn rows(&self, shared: &Shared) -> Vec<usize> {
        let m = &self.matrix;
        let mut counts = vec![0usize; m.rows.len()];
        for &r in &shared.visible {
            for &row in m.rows_of(r) {
                counts[row] += 1;
            }
        }
        let themes = &shared.themes;
        let mut rows: Vec<usize> = (0..m.rows.len())
            .filter(|&i| counts[i] > 0)
            .filter(|&i| themes.is_empty() || themes.contains(&m.rows[i].theme))
            .collect();
        match self.sort {
            RowSort::Catalogue => {}
            RowSort::Reports => rows.sort_by_key(|&i| std::cmp::Reverse(counts[i])),
            RowSort::Column => {
                let report = self.report(shared);
                // Largest first within a unit (件 with 件, % with %), units in catalogue
                // order of their first row; rows without a value last.
                let cell = |i: usize| report.and_then(|r| m.cell(i, r));
                let mut units: Vec<&str> = Vec::new();
                for &i in &rows {
                    if let Some(c) = cell(i)
                        && !units.contains(&c.unit.as_str())
                    {
                        units.push(&c.unit);
                    }
                }
                let unit_rank = |i: usize| {
                    cell(i).map_or(usize::MAX, |c| {
                        units
                            .iter()
                            .position(|u| *u == c.unit)
                            .unwrap_or(usize::MAX)
                    })
                };
                rows.sort_by(|&a, &b| {
                    unit_rank(a)
                        .cmp(&unit_rank(b))
                        .then_with(|| match (cell(a), cell(b)) {
                            (Some(x), Some(y)) => y.value.total_cmp(&x.value),
                            _ => std::cmp::Ordering::Equal,
                        })
                });
            }
        }
        rows
    }

    /// The table's geometry: labels take what the widest needs up to two fifths of the width;
    /// two header rows (place, year).
    pub fn grid(&self, shared: &Shared) -> Grid {
        let [table, _] = layout::matrix_areas(shared.areas().body, shared.visible.len());
        let area = inner(table);
        let widest = self.label_width as u16 + 1;
        Grid {
            area,
            label: widest.min(area.width * 2 / 5),
            column: VALUE_WIDTH + 1,
            header: 2,
        }
    }

    /// Keep the selected row (by identity) and column on screen, after moving `delta` rows.
    fn sync(&mut self, shared: &Shared, delta: isize) {
        let rows = self.rows(shared);
        let grid = self.grid(shared);
        if let Some(pos) = self.current.and_then(|c| rows.iter().position(|&r| r == c)) {
            self.row.selected = pos;
        }
        self.row.step(delta, rows.len());
        self.row.fit(rows.len(), grid.rows_fit());
        self.current = rows.get(self.row.selected).copied();
        self.col.fit(shared.visible.len(), grid.columns_fit());
    }

    /// Open the selected cell's indicator in its report on screen 1, at its sentence.
    fn open_cell(&self, shared: &mut Shared) -> Effect {
        let (Some(report), Some(row)) = (self.report(shared), self.current) else {
            return Effect::None;
        };
        match self.matrix.cell(row, report) {
            Some(cell) => Effect::OpenIndicator {
                report,
                indicator: cell.indicator,
            },
            None => {
                shared.message = Some(shared.labels().no_value.to_string());
                Effect::None
            }
        }
    }
}

impl Component for IndicatorsScreen {
    fn scope(&self) -> Scope {
        Scope::IndicatorsScreen
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Effect {
        let page = (self.grid(shared).rows_fit() as isize - 1).max(1);
        let n = shared.visible.len();
        let delta = match (motion(action, page), action) {
            (Some(delta), _) => delta,
            (None, Action::ColumnLeft | Action::ColumnRight) => {
                let step = if action == Action::ColumnLeft { -1 } else { 1 };
                self.col.step(step, n);
                0
            }
            (None, Action::CycleSort) => {
                self.sort = match self.sort {
                    RowSort::Catalogue => RowSort::Reports,
                    RowSort::Reports => RowSort::Column,
                    RowSort::Column => RowSort::Catalogue,
                };
                0
            }
            (None, Action::Activate) => return self.open_cell(shared),
            _ => return Effect::None,
        };
        self.sync(shared, delta);
        Effect::None
    }

    /// Click: select the cell (or the row, on its label).
    fn click(&mut self, col: u16, row: u16, shared: &mut Shared) {
        let Some((line, k)) = self.grid(shared).hit(col, row) else {
            return;
        };
        let rows = self.rows(shared);
        let Some(&target) = rows.get(self.row.offset + line) else {
            return;
        };
        self.current = Some(target);
        if let Some(k) = k
            && self.col.offset + k < shared.visible.len()
        {
            self.col.selected = self.col.offset + k;
        }
    }

    /// The wheel moves the row cursor wherever the pointer is: the table is the whole screen.
    fn scroll(&mut self, _col: u16, _row: u16, delta: isize, shared: &mut Shared) {
        self.sync(shared, delta);
    }

    fn fit(&mut self, shared: &mut Shared) {
        self.sync(shared, 0);
    }

    /// The rows shown, in their order, one column per listed report.
    fn export(&self, shared: &Shared) -> (&'static str, Vec<Vec<String>>) {
        let reports: Vec<&Report> = shared.corpus.reports.iter().collect();
        let records = fazhi_core::export::matrix_records(
            &reports,
            &shared.visible,
            &self.rows(shared),
            &self.matrix,
        );
        ("indicators", records)
    }

    fn exports_sheet(&self) -> bool {
        true
    }

    fn render(&self, shared: &Shared, frame: &mut Frame, areas: &Areas) {
        views::matrix::render(self, shared, frame, areas.body);
    }
}
