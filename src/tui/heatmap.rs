//! The theme screen's state: how much of each report speaks to each theme, computed once at
//! load, and a cursor over reports (rows) and themes (columns).

use super::action::{Action, Screen};
use super::app::{App, Cursor, Pane, motion};
use super::grid::Grid;
use super::layout::{self, inner};
use fazhi_core::analyse::coverage::coverage;
use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::model::Report;

/// Shades from no coverage to most, one character a step: readable without colour.
pub const RAMP: [char; 5] = [' ', '░', '▒', '▓', '█'];

/// Lower bounds of shades 2–4 (shade 1 is anything above zero).
pub const STEPS: [f32; 3] = [0.05, 0.15, 0.30];

/// The shade (index into [`RAMP`]) of a coverage share.
pub fn shade(share: f32) -> usize {
    if share <= 0.0 {
        0
    } else {
        1 + STEPS.iter().filter(|&&s| share >= s).count()
    }
}

/// The theme screen: coverage per report and theme, and the cursor.
#[derive(Debug, Clone, Default)]
pub struct HeatmapView {
    /// Per report, per taxonomy theme.
    pub coverage: Vec<Vec<f32>>,
    /// Over the visible reports.
    pub row: Cursor,
    /// Over the themes shown.
    pub col: Cursor,
}

impl HeatmapView {
    pub fn new(reports: &[Report], taxonomy: &Taxonomy) -> HeatmapView {
        HeatmapView {
            coverage: reports.iter().map(|r| coverage(r, taxonomy)).collect(),
            ..HeatmapView::default()
        }
    }

    pub fn share(&self, report: usize, theme: usize) -> f32 {
        self.coverage
            .get(report)
            .and_then(|c| c.get(theme))
            .copied()
            .unwrap_or(0.0)
    }
}

impl App {
    /// The themes shown (indexes into the taxonomy): those of the theme filter, else all.
    pub fn heatmap_columns(&self) -> Vec<usize> {
        let themes = &self.corpus.taxonomy().themes;
        (0..themes.len())
            .filter(|&i| self.themes.is_empty() || self.themes.contains(&themes[i].id))
            .collect()
    }

    /// The selected (report, taxonomy theme).
    pub fn heatmap_cell(&self) -> Option<(usize, usize)> {
        let report = self.visible.get(self.heatmap.row.selected)?;
        let theme = self
            .heatmap_columns()
            .get(self.heatmap.col.selected)
            .copied()?;
        Some((*report, theme))
    }

    /// Report labels take up to a third of the width; each theme column fits its short name.
    pub fn heatmap_grid(&self) -> Grid {
        let [map, _, _] = layout::heatmap_areas(self.areas().body);
        let area = inner(map);
        let short = self
            .corpus
            .taxonomy()
            .themes
            .iter()
            .map(|t| super::wrap::str_width(&t.short))
            .max()
            .unwrap_or(0)
            .max(4) as u16;
        Grid {
            area,
            label: (area.width / 3).clamp(1, 24),
            column: short + 2,
            header: 1,
        }
    }

    pub(super) fn sync_heatmap(&mut self, rows: isize) {
        let grid = self.heatmap_grid();
        let columns = self.heatmap_columns().len();
        let n = self.visible.len();
        let v = &mut self.heatmap;
        v.row.step(rows, n);
        v.row.fit(n, grid.rows_fit());
        v.col.fit(columns, grid.columns_fit());
    }

    /// A key on the theme screen.
    pub(super) fn heatmap_action(&mut self, action: Action) {
        let page = (self.heatmap_grid().rows_fit() as isize - 1).max(1);
        let columns = self.heatmap_columns().len();
        let delta = match (motion(action, page), action) {
            (Some(delta), _) => delta,
            (None, Action::ColumnLeft) => {
                self.heatmap.col.step(-1, columns);
                0
            }
            (None, Action::ColumnRight) => {
                self.heatmap.col.step(1, columns);
                0
            }
            (None, Action::Activate) => {
                self.open_theme_passages();
                return;
            }
            _ => return,
        };
        self.sync_heatmap(delta);
    }

    pub(super) fn heatmap_click(&mut self, col: u16, row: u16) {
        let Some((line, k)) = self.heatmap_grid().hit(col, row) else {
            return;
        };
        let v = &mut self.heatmap;
        if v.row.offset + line < self.visible.len() {
            v.row.selected = v.row.offset + line;
        }
        if let Some(k) = k
            && v.col.offset + k < self.heatmap_columns().len()
        {
            self.heatmap.col.selected = self.heatmap.col.offset + k;
        }
    }

    /// Open the selected report on screen 1 filtered to the selected theme, at the first
    /// section that speaks to it.
    fn open_theme_passages(&mut self) {
        let Some((report, theme)) = self.heatmap_cell() else {
            return;
        };
        let id = self.corpus.taxonomy().themes[theme].id.clone();
        let r = &self.corpus.reports[report];
        let Some((path, heading)) = r
            .walk()
            .into_iter()
            .find(|(_, s)| s.themes.contains(&id))
            .map(|(p, s)| (p, s.heading_span))
        else {
            self.message = Some(self.labels().no_passages.to_string());
            return;
        };
        self.picked = self
            .corpus
            .taxonomy()
            .themes
            .iter()
            .map(|t| t.id == id)
            .collect();
        self.themes = vec![id];
        self.screen = Screen::Report;
        self.focus = Pane::Outline;
        self.jump(report, path, heading);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_step_up_with_coverage() {
        let shades: Vec<usize> = [0.0, 0.01, 0.05, 0.1, 0.15, 0.29, 0.3, 1.0]
            .into_iter()
            .map(shade)
            .collect();
        assert_eq!(shades, [0, 1, 2, 2, 3, 3, 4, 4]);
    }
}
