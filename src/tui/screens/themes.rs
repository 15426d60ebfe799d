//! Screen 4, themes, and its state: how much of each report speaks to each theme, computed once at
//! load, and a cursor over reports (rows) and themes (columns).

use ratatui::Frame;
use rayon::prelude::*;

use super::report::Pane;
use super::{Component, Effect};
use crate::tui::action::Action;
use crate::tui::grid::Grid;
use crate::tui::keymap::Scope;
use crate::tui::layout::{self, Areas, inner};
use crate::tui::shared::{Cursor, Shared, motion};
use crate::tui::views;
use crate::tui::wrap::str_width;
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
pub struct ThemesScreen {
    /// Per report, per taxonomy theme.
    pub coverage: Vec<Vec<f32>>,
    /// Over the visible reports.
    pub row: Cursor,
    /// Over the themes shown.
    pub col: Cursor,
}

impl ThemesScreen {
    pub fn new(reports: &[Report], taxonomy: &Taxonomy) -> ThemesScreen {
        ThemesScreen {
            // Before the first frame: on every core.
            coverage: reports.par_iter().map(|r| coverage(r, taxonomy)).collect(),
            ..ThemesScreen::default()
        }
    }

    pub fn share(&self, report: usize, theme: usize) -> f32 {
        self.coverage
            .get(report)
            .and_then(|c| c.get(theme))
            .copied()
            .unwrap_or(0.0)
    }

    /// The themes shown (indexes into the taxonomy): those of the theme filter, else all.
    pub fn columns(&self, shared: &Shared) -> Vec<usize> {
        let themes = &shared.corpus.taxonomy().themes;
        (0..themes.len())
            .filter(|&i| shared.themes.is_empty() || shared.themes.contains(&themes[i].id))
            .collect()
    }

    /// The selected (report, taxonomy theme).
    pub fn cell(&self, shared: &Shared) -> Option<(usize, usize)> {
        let report = shared.visible.get(self.row.selected)?;
        let theme = self.columns(shared).get(self.col.selected).copied()?;
        Some((*report, theme))
    }

    /// Report labels take up to a third of the width; each theme column fits its short name.
    pub fn grid(&self, shared: &Shared) -> Grid {
        let [map, _, _] = layout::heatmap_areas(shared.areas().body);
        let area = inner(map);
        let short = shared
            .corpus
            .taxonomy()
            .themes
            .iter()
            .map(|t| str_width(&t.short))
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

    fn sync(&mut self, shared: &Shared, rows: isize) {
        let grid = self.grid(shared);
        let columns = self.columns(shared).len();
        let n = shared.visible.len();
        self.row.step(rows, n);
        self.row.fit(n, grid.rows_fit());
        self.col.fit(columns, grid.columns_fit());
    }

    /// Open the selected report on screen 1 filtered to the selected theme, at the first
    /// section that speaks to it.
    fn open_passages(&self, shared: &mut Shared) -> Effect {
        let Some((report, theme)) = self.cell(shared) else {
            return Effect::None;
        };
        let id = shared.corpus.taxonomy().themes[theme].id.clone();
        let r = &shared.corpus.reports[report];
        let Some((section, span)) = r
            .walk()
            .into_iter()
            .find(|(_, s)| s.has_theme(&id))
            .map(|(p, s)| (p, s.heading_span))
        else {
            shared.message = Some(shared.labels().no_passages.to_string());
            return Effect::None;
        };
        shared.themes = vec![id];
        Effect::Open {
            report,
            section,
            span,
            focus: Pane::Outline,
        }
    }
}

impl Component for ThemesScreen {
    fn scope(&self) -> Scope {
        Scope::ThemesScreen
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Effect {
        let page = (self.grid(shared).rows_fit() as isize - 1).max(1);
        let columns = self.columns(shared).len();
        let delta = match (motion(action, page), action) {
            (Some(delta), _) => delta,
            (None, Action::ColumnLeft) => {
                self.col.step(-1, columns);
                0
            }
            (None, Action::ColumnRight) => {
                self.col.step(1, columns);
                0
            }
            (None, Action::Activate) => return self.open_passages(shared),
            _ => return Effect::None,
        };
        self.sync(shared, delta);
        Effect::None
    }

    fn click(&mut self, col: u16, row: u16, shared: &mut Shared) {
        let Some((line, k)) = self.grid(shared).hit(col, row) else {
            return;
        };
        if self.row.offset + line < shared.visible.len() {
            self.row.selected = self.row.offset + line;
        }
        if let Some(k) = k
            && self.col.offset + k < self.columns(shared).len()
        {
            self.col.selected = self.col.offset + k;
        }
    }

    /// The wheel moves the row cursor wherever the pointer is: the map is the whole screen.
    fn scroll(&mut self, _col: u16, _row: u16, delta: isize, shared: &mut Shared) {
        self.sync(shared, delta);
    }

    fn fit(&mut self, shared: &mut Shared) {
        self.sync(shared, 0);
    }

    /// The listed reports × the themes shown.
    fn export(&self, shared: &Shared) -> (&'static str, Vec<Vec<String>>) {
        let reports: Vec<&Report> = shared
            .visible
            .iter()
            .map(|&i| &shared.corpus.reports[i])
            .collect();
        let records = fazhi_core::export::coverage_records(
            &reports,
            shared.corpus.taxonomy(),
            &self.columns(shared),
        );
        ("themes", records)
    }

    fn render(&self, shared: &Shared, frame: &mut Frame, areas: &Areas) {
        views::heatmap::render(self, shared, frame, areas.body);
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
