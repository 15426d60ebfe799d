//! The indicator screen: canonical indicators × the listed reports, and a bar per report for
//! the selected indicator.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::compare::bar;
use super::report::fit_width;
use super::style::Palette;
use crate::tui::layout::{inner, matrix_areas};
use crate::tui::screens::indicators::IndicatorsScreen;
use crate::tui::screens::indicators::RowSort;
use crate::tui::shared::Shared;
use crate::tui::wrap::str_width;
use fazhi_core::analyse::matrix::MatrixCell;
use fazhi_core::model::format_qualified;
use fazhi_core::sanitize::for_terminal;

pub fn render(s: &IndicatorsScreen, shared: &Shared, frame: &mut Frame, body: Rect) {
    let p = Palette::new(&shared.config);
    let [table_area, chart_area] = matrix_areas(body, shared.visible.len());
    let rows = s.rows(shared);
    table(s, shared, &rows, frame, table_area, &p);
    chart(s, shared, frame, chart_area, &p);
}

/// "930件", "930件+" when the report has more values for the indicator.
pub fn cell_text(cell: &MatrixCell) -> String {
    let more = if cell.more { "+" } else { "" };
    for_terminal(&format!(
        "{}{more}",
        format_qualified(cell.value, &cell.unit, cell.qualifier)
    ))
}

/// "◂2–4/6▸": the columns shown, with arrows where more are scrolled off.
pub fn column_range(offset: usize, shown: usize, n: usize) -> String {
    let last = offset + shown;
    let left = if offset > 0 { "◂" } else { "" };
    let right = if last < n { "▸" } else { "" };
    format!("{left}{}–{last}/{n}{right}", (offset + 1).min(last))
}

/// `text` ending at column `width`, cut when longer.
pub fn right_align(text: &str, width: usize) -> String {
    let text = fit_width(text, width);
    format!(
        "{}{text}",
        " ".repeat(width.saturating_sub(str_width(&text)))
    )
}

/// "泾源县 2023" cut to `width`.
pub fn report_label(shared: &Shared, report: usize, width: usize) -> String {
    let r = &shared.corpus.reports[report];
    let year = r.year.map(|y| format!(" {y}")).unwrap_or_default();
    fit_width(&for_terminal(&format!("{}{year}", r.display_name())), width)
}

fn table(
    s: &IndicatorsScreen,
    shared: &Shared,
    rows: &[usize],
    frame: &mut Frame,
    area: Rect,
    p: &Palette,
) {
    let l = shared.labels();
    let v = s;
    let m = &v.matrix;
    let sort = match v.sort {
        RowSort::Catalogue => l.row_sorts[0],
        RowSort::Reports => l.row_sorts[1],
        RowSort::Column => l.row_sorts[2],
    };
    let title = format!(
        " {} {}×{} · {}:{} ",
        l.canonical,
        rows.len(),
        shared.visible.len(),
        l.sort,
        sort
    );
    let grid = s.grid(shared);
    let shown_rows = rows.iter().skip(v.row.offset).take(grid.rows_fit());
    let columns: Vec<usize> = shared
        .visible
        .iter()
        .copied()
        .enumerate()
        .skip(v.col.offset)
        .take(grid.columns_fit())
        .map(|(_, r)| r)
        .collect();
    let several = shown_rows.clone().any(|&row| {
        columns
            .iter()
            .any(|&r| m.cell(row, r).is_some_and(|c| c.more))
    });
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(p.accent)
        .title(Span::styled(title, p.title));
    if several {
        block = block.title_bottom(Span::styled(format!(" {} ", l.several), p.dim));
    }
    frame.render_widget(block, area);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(l.no_rows).style(p.dim), grid.area);
        return;
    }
    if grid.area.height == 0 {
        return;
    }
    let width = grid.cell(0, 0).width as usize;
    let label_width = grid.label.saturating_sub(1) as usize;
    // Header: place and year of each column; the label column says which columns are shown.
    let n = shared.visible.len();
    let range = column_range(v.col.offset, columns.len(), n);
    let at = Rect::new(grid.area.x, grid.area.y, grid.label, 1);
    frame.render_widget(Line::styled(fit_width(&range, label_width), p.dim), at);
    for (k, &r) in columns.iter().enumerate() {
        let report = &shared.corpus.reports[r];
        let style = if v.col.offset + k == v.col.selected {
            p.title
        } else {
            p.dim
        };
        let name = fit_width(&for_terminal(&report.display_name()), width);
        frame.render_widget(Line::styled(name, style), grid.cell(k, 0));
        if grid.header > 1 && grid.area.height > 1 {
            let year = report.year.map(|y| y.to_string()).unwrap_or_default();
            frame.render_widget(Line::styled(year, style), grid.cell(k, 1));
        }
    }
    for (line, &row) in shown_rows.enumerate() {
        let y = grid.header + line as u16;
        let selected_row = v.current == Some(row);
        let label = fit_width(&for_terminal(&m.rows[row].label()), label_width);
        let at = Rect::new(grid.area.x, grid.area.y + y, grid.label, 1);
        let style = if selected_row { p.title } else { Style::new() };
        frame.render_widget(Line::styled(label, style), at);
        for (k, &r) in columns.iter().enumerate() {
            let text = m.cell(row, r).map_or_else(|| "—".to_string(), cell_text);
            let text = right_align(&text, width);
            let style = if selected_row && v.col.offset + k == v.col.selected {
                p.selected
            } else if m.cell(row, r).is_none() {
                p.dim
            } else {
                Style::new()
            };
            frame.render_widget(Line::styled(text, style), grid.cell(k, y));
        }
    }
}

/// A bar per listed report for the selected row, scaled to the largest value in the row's
/// most common unit; values in other units are shown without a bar.
fn chart(s: &IndicatorsScreen, shared: &Shared, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = shared.labels();
    let v = s;
    let m = &v.matrix;
    let name = v
        .current
        .map(|row| for_terminal(&m.rows[row].label()))
        .unwrap_or_default();
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {name} · {} ", l.chart), p.title));
    frame.render_widget(block, area);
    let body = inner(area);
    let Some(row) = v.current else {
        return;
    };
    let cells: Vec<Option<&MatrixCell>> = shared.visible.iter().map(|&r| m.cell(row, r)).collect();
    let mut units: HashMap<&str, usize> = HashMap::new();
    for c in cells.iter().flatten() {
        *units.entry(c.unit.as_str()).or_default() += 1;
    }
    let unit = units
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(u, _)| u.to_string());
    let max = cells
        .iter()
        .flatten()
        .filter(|c| Some(&c.unit) == unit.as_ref())
        .map(|c| c.value)
        .fold(0.0, f64::max);
    let height = body.height as usize;
    let start = v.col.selected.saturating_sub(height.saturating_sub(1));
    let name_width = (body.width as usize / 4).clamp(6, 16);
    let value_width = 10;
    // Bars longer than this are no easier to compare, only harder to read across.
    let cells_width = (body.width as usize)
        .saturating_sub(name_width + value_width + 2)
        .min(48);
    for (line, (k, cell)) in cells
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .enumerate()
    {
        let r = shared.visible[k];
        let label = report_label(shared, r, name_width);
        let pad = name_width.saturating_sub(str_width(&label));
        let style = if k == v.col.selected {
            p.selected_unfocused
        } else {
            Style::new()
        };
        let (bar_text, value) = match cell {
            Some(c) if Some(&c.unit) == unit.as_ref() => {
                (bar(c.value, max, cells_width), cell_text(c))
            }
            Some(c) => (String::new(), cell_text(c)),
            None => (String::new(), "—".to_string()),
        };
        let spans = vec![
            Span::styled(label, style),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(bar_text, p.accent),
            Span::raw(" "),
            Span::raw(value),
        ];
        let at = Rect::new(body.x, body.y + line as u16, body.width, 1);
        frame.render_widget(Line::from(spans), at);
    }
}
