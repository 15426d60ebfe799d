//! The theme screen: reports × themes, each cell shaded by how much of the report speaks to
//! the theme; the selected cell's figure and a legend below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::matrix::{column_range, report_label, right_align};
use super::report::fit_width;
use super::style::Palette;
use crate::tui::app::App;
use crate::tui::heatmap::{RAMP, STEPS, shade};
use crate::tui::layout::heatmap_areas;

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let p = Palette::new(&app.config);
    let [map, detail, legend_area] = heatmap_areas(body);
    heat(app, frame, map, &p);
    frame.render_widget(selection(app, &p), detail);
    frame.render_widget(legend(app, &p), legend_area);
}

/// "23%": a share as the cell shows it.
fn percent(share: f32) -> String {
    format!("{:.0}%", share * 100.0)
}

fn heat(app: &App, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = app.labels();
    let v = &app.heatmap;
    let themes = &app.corpus.taxonomy().themes;
    let columns = app.heatmap_columns();
    let title = format!(" {} {}×{} ", l.coverage, app.visible.len(), columns.len());
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(p.accent)
        .title(Span::styled(title, p.title));
    frame.render_widget(block, area);
    let grid = app.heatmap_grid();
    if app.visible.is_empty() {
        frame.render_widget(Paragraph::new(l.no_report).style(p.dim), grid.area);
        return;
    }
    if grid.area.height == 0 {
        return;
    }
    let shown: Vec<usize> = columns
        .iter()
        .copied()
        .skip(v.col.offset)
        .take(grid.columns_fit())
        .collect();
    let label_width = grid.label.saturating_sub(1) as usize;
    let width = grid.cell(0, 0).width as usize;
    let range = column_range(v.col.offset, shown.len(), columns.len());
    let at = Rect::new(grid.area.x, grid.area.y, grid.label, 1);
    frame.render_widget(Line::styled(fit_width(&range, label_width), p.dim), at);
    for (k, &t) in shown.iter().enumerate() {
        let style = if v.col.offset + k == v.col.selected {
            p.title
        } else {
            p.dim
        };
        let name = fit_width(&themes[t].short, width);
        frame.render_widget(Line::styled(name, style), grid.cell(k, 0));
    }
    let rows = app.visible.iter().enumerate().skip(v.row.offset);
    for (line, (pos, &r)) in rows.take(grid.rows_fit()).enumerate() {
        let y = grid.header + line as u16;
        let selected_row = pos == v.row.selected;
        let style = if selected_row { p.title } else { Style::new() };
        let at = Rect::new(grid.area.x, grid.area.y + y, grid.label, 1);
        let label = report_label(app, r, label_width);
        frame.render_widget(Line::styled(label, style), at);
        for (k, &t) in shown.iter().enumerate() {
            let share = v.share(r, t);
            let cell = if selected_row && v.col.offset + k == v.col.selected {
                Line::styled(right_align(&percent(share), width), p.selected)
            } else {
                let ramp = RAMP[shade(share)].to_string().repeat(width);
                Line::styled(ramp, p.heat)
            };
            frame.render_widget(cell, grid.cell(k, y));
        }
    }
}

/// "泾源县 2023  23% 的分节正文谈及 严格规范公正文明执法".
fn selection(app: &App, p: &Palette) -> Line<'static> {
    let l = app.labels();
    let Some((report, theme)) = app.heatmap_cell() else {
        return Line::default();
    };
    let t = &app.corpus.taxonomy().themes[theme];
    let name = if app.config.english() { &t.en } else { &t.name };
    let share = app.heatmap.share(report, theme);
    Line::from(vec![
        Span::styled(report_label(app, report, 40), p.title),
        Span::raw(format!("  {:.1}% {} ", share * 100.0, l.coverage_of)),
        Span::styled(name.clone(), p.title),
    ])
}

/// "  0  ░ <5%  ▒ 5–15%  ▓ 15–30%  █ ≥30%  the share…".
fn legend(app: &App, p: &Palette) -> Line<'static> {
    let pct = |s: f32| format!("{:.0}", s * 100.0);
    let mut spans = vec![
        Span::styled(RAMP[0].to_string(), p.heat),
        Span::raw(" 0  "),
        Span::styled(RAMP[1].to_string(), p.heat),
        Span::raw(format!(" <{}%  ", pct(STEPS[0]))),
    ];
    for (i, pair) in STEPS.windows(2).enumerate() {
        spans.push(Span::styled(RAMP[i + 2].to_string(), p.heat));
        spans.push(Span::raw(format!(" {}–{}%  ", pct(pair[0]), pct(pair[1]))));
    }
    spans.push(Span::styled(RAMP[RAMP.len() - 1].to_string(), p.heat));
    spans.push(Span::raw(format!(" ≥{}%  ", pct(STEPS[STEPS.len() - 1]))));
    spans.push(Span::styled(app.labels().legend, p.dim));
    Line::from(spans)
}
