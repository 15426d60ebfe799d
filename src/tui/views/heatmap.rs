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
use crate::tui::layout::heatmap_areas;
use crate::tui::screens::themes::ThemesScreen;
use crate::tui::screens::themes::{RAMP, STEPS, shade};
use crate::tui::shared::Shared;

pub fn render(s: &ThemesScreen, shared: &Shared, frame: &mut Frame, body: Rect) {
    let p = Palette::new(&shared.config);
    let [map, detail, legend_area] = heatmap_areas(body);
    heat(s, shared, frame, map, &p);
    frame.render_widget(selection(s, shared, &p), detail);
    frame.render_widget(legend(shared, &p), legend_area);
}

/// "23%": a share as the cell shows it.
fn percent(share: f32) -> String {
    format!("{:.0}%", share * 100.0)
}

fn heat(s: &ThemesScreen, shared: &Shared, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = shared.labels();
    let v = s;
    let themes = &shared.corpus.taxonomy().themes;
    let columns = s.columns(shared);
    let title = format!(
        " {} {}×{} ",
        l.coverage,
        shared.visible.len(),
        columns.len()
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(p.accent)
        .title(Span::styled(title, p.title));
    frame.render_widget(block, area);
    let grid = s.grid(shared);
    if shared.visible.is_empty() {
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
    let rows = shared.visible.iter().enumerate().skip(v.row.offset);
    for (line, (pos, &r)) in rows.take(grid.rows_fit()).enumerate() {
        let y = grid.header + line as u16;
        let selected_row = pos == v.row.selected;
        let style = if selected_row { p.title } else { Style::new() };
        let at = Rect::new(grid.area.x, grid.area.y + y, grid.label, 1);
        let label = report_label(shared, r, label_width);
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
fn selection(s: &ThemesScreen, shared: &Shared, p: &Palette) -> Line<'static> {
    let l = shared.labels();
    let Some((report, theme)) = s.cell(shared) else {
        return Line::default();
    };
    let t = &shared.corpus.taxonomy().themes[theme];
    let name = if shared.config.english() {
        &t.en
    } else {
        &t.name
    };
    let share = s.share(report, theme);
    Line::from(vec![
        Span::styled(report_label(shared, report, 40), p.title),
        Span::raw(format!("  {:.1}% {} ", share * 100.0, l.coverage_of)),
        Span::styled(name.clone(), p.title),
    ])
}

/// "  0  ░ <5%  ▒ 5–15%  ▓ 15–30%  █ ≥30%  the share…".
fn legend(shared: &Shared, p: &Palette) -> Line<'static> {
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
    spans.push(Span::styled(shared.labels().legend, p.dim));
    Line::from(spans)
}
