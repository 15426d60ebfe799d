//! Where each pane goes for a terminal size: one pure function shared by drawing and by mouse
//! hit-testing, so a click lands where the pane was drawn.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the dashboard draws only a "too small" notice.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub list: Rect,
    pub outline: Rect,
    pub text: Rect,
    pub indicators: Rect,
}

pub fn too_small(size: Rect) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

pub fn areas(size: Rect) -> Areas {
    let [tabs, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)]).areas(body);
    let [list, outline] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(left);
    let [text, indicators] =
        Layout::vertical([Constraint::Percentage(62), Constraint::Fill(1)]).areas(right);
    Areas {
        tabs,
        body,
        status,
        list,
        outline,
        text,
        indicators,
    }
}

/// Inner size of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// A popup centred in `area`, at most `width`×`height`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Rows of the help popup, the theme picker and search results (inside borders).
pub fn popup(size: Rect) -> Rect {
    let body = areas(size).body;
    centered(
        body,
        body.width.saturating_sub(8).max(40),
        body.height.saturating_sub(2),
    )
}

/// The compare screen's parts: indicator table, the two text columns, the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompareAreas {
    pub indicators: Rect,
    pub text: Rect,
    pub summary: Rect,
    /// Rows of pair bands inside the text pane (below its column header).
    pub bands: Rect,
    /// Widths of the A and B columns (a one-column rule between them).
    pub columns: [usize; 2],
}

/// The compare screen for `body`, whose indicator table has `indicator_rows` rows: the table
/// takes what it needs up to a third of the height, or two thirds while it has the focus.
pub fn compare_areas(body: Rect, indicator_rows: usize, table_focused: bool) -> CompareAreas {
    let wanted = indicator_rows.max(1) as u16 + 3;
    let room = if table_focused {
        body.height * 2 / 3
    } else {
        body.height / 3
    };
    let table = wanted.min(room).max(3);
    let [indicators, text, summary] = Layout::vertical([
        Constraint::Length(table),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(body);
    let inside = inner(text);
    let bands = Rect {
        y: inside.y.saturating_add(1),
        height: inside.height.saturating_sub(1),
        ..inside
    };
    let width = inside.width.saturating_sub(1) as usize;
    let left = width / 2;
    CompareAreas {
        indicators,
        text,
        summary,
        bands,
        columns: [left, width - left],
    }
}

/// The indicator screen: the table, and below it the bar chart of the selected row with `bars`
/// bars, taking what it needs up to two fifths of the height.
pub fn matrix_areas(body: Rect, bars: usize) -> [Rect; 2] {
    let wanted = bars.max(1) as u16 + 2;
    let chart = wanted.min(body.height * 2 / 5).max(3);
    Layout::vertical([Constraint::Fill(1), Constraint::Length(chart)]).areas(body)
}

/// The theme screen: the heat map, the selected cell's coverage, the legend.
pub fn heatmap_areas(body: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(body)
}
