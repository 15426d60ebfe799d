//! The report screen: report list, outline, text and indicator panes.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::style::Palette;
use crate::tui::app::{App, Pane, SortKey};
use crate::tui::layout::{Areas, inner};
use crate::tui::outline::OutlineRow;
use crate::tui::wrap::{char_width, str_width};
use fazhi_core::check::Found;
use fazhi_core::model::format_number;
use fazhi_core::model::{Indicator, Report, Span as TextSpan};
use fazhi_core::parse::indicators::Catalogue;
use fazhi_core::sanitize::for_terminal;

pub fn render(app: &App, frame: &mut Frame, areas: &Areas) {
    let p = Palette::new(&app.config);
    list(app, frame, areas.list, &p);
    outline_pane(app, frame, areas.outline, &p);
    text(app, frame, areas.text, &p);
    indicators(app, frame, areas.indicators, &p);
}

pub fn pane_block<'a>(app: &App, pane: Pane, title: String, p: &Palette) -> Block<'a> {
    let focused = app.focus == pane;
    Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { p.accent } else { Style::new() })
        .title(Span::styled(
            title,
            if focused { p.title } else { Style::new() },
        ))
}

fn row_style(app: &App, pane: Pane, p: &Palette) -> Style {
    if app.focus == pane {
        p.selected
    } else {
        p.selected_unfocused
    }
}

/// Cut `s` to at most `width` columns, ending with "…" when cut.
pub fn fit_width(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// One cell per theme of the taxonomy, filled where the report speaks to it.
pub fn theme_strip(mask: u32, themes: usize) -> String {
    (0..themes.min(32))
        .map(|i| if mask & (1 << i) != 0 { '■' } else { '·' })
        .collect()
}

fn list(app: &App, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = app.labels();
    let sort = match app.sort {
        SortKey::Locality => l.sort_keys[0],
        SortKey::Year => l.sort_keys[1],
        SortKey::Level => l.sort_keys[2],
    };
    let title = format!(
        " {} {}/{} · {}:{} ",
        l.list,
        app.visible.len(),
        app.corpus.reports.len(),
        l.sort,
        sort
    );
    let block = pane_block(app, Pane::List, title, p);
    let body = inner(area);
    frame.render_widget(block, area);
    if app.visible.is_empty() {
        frame.render_widget(Paragraph::new(l.no_report).style(p.dim), body);
        return;
    }
    let themes = app.corpus.taxonomy().themes.len();
    // As wide as the largest indicator count of the corpus (not only of the visible reports, so
    // filtering does not shift the columns): 1234 must not show as 123.
    let count_width = app
        .corpus
        .reports
        .iter()
        .map(|r| r.indicators.len().to_string().len())
        .max()
        .unwrap_or(0)
        .max(3);
    let wide = body.width >= 44;
    let height = body.height.saturating_sub(1) as usize;
    let rows: Vec<Row> = app
        .visible
        .iter()
        .enumerate()
        .skip(app.list.offset)
        .take(height)
        .map(|(pos, &i)| {
            let r = &app.corpus.reports[i];
            let province = r
                .locality
                .as_ref()
                .and_then(|loc| loc.province())
                .unwrap_or("");
            let mut name: Vec<Span> = ["A", "B"]
                .iter()
                .zip(app.marks)
                .filter(|(_, m)| *m == Some(i))
                .map(|(side, _)| Span::styled(format!("{side} "), p.title))
                .collect();
            name.push(Span::raw(for_terminal(&r.display_name())));
            let mut cells: Vec<Cell> = vec![
                Line::from(name).into(),
                r.level().label_zh().into(),
                r.year
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| "—".into())
                    .into(),
            ];
            if wide {
                cells.push(for_terminal(province).into());
            }
            cells.push(format!("{:>count_width$}", r.indicators.len()).into());
            cells.push(theme_strip(app.report_theme_mask(i), themes).into());
            let row = Row::new(cells);
            if pos == app.list.selected {
                row.style(row_style(app, Pane::List, p))
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![
        Constraint::Fill(1),
        Constraint::Length(4),
        Constraint::Length(4),
    ];
    let mut header: Vec<&str> = l.list_columns[..3].to_vec();
    if wide {
        widths.push(Constraint::Length(8));
        header.push(l.list_columns[3]);
    }
    widths.push(Constraint::Length(count_width as u16));
    widths.push(Constraint::Length(themes as u16));
    header.extend_from_slice(&l.list_columns[4..]);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(p.dim))
        .column_spacing(1);
    frame.render_widget(table, body);
}

/// The label of an outline row: fold mark and heading on the left, part and main theme right.
pub fn outline_label(app: &App, report: &Report, row: &OutlineRow, width: usize) -> String {
    let l = app.labels();
    let indent = "  ".repeat(row.depth());
    let mark = match (row.has_children, row.folded) {
        (true, true) => "▸ ",
        (true, false) => "▾ ",
        _ => "  ",
    };
    let (heading, tag) = match report.section(&row.path) {
        Some(s) => {
            let taxonomy = app.corpus.taxonomy();
            let theme = s.themes.first().and_then(|id| taxonomy.get(id)).map(|t| {
                if app.config.english() {
                    t.id.as_str()
                } else {
                    t.short.as_str()
                }
            });
            let part = if app.config.english() {
                s.part.as_str()
            } else {
                s.part.label_zh()
            };
            let tag = match theme {
                Some(t) => format!("{part}·{t}"),
                None => part.to_string(),
            };
            (for_terminal(&s.display_heading()), tag)
        }
        None if report.sections.is_empty() => (l.whole_text.to_string(), String::new()),
        None => (l.preamble.to_string(), String::new()),
    };
    let lead = format!("{indent}{mark}");
    let room = width
        .saturating_sub(str_width(&lead))
        .saturating_sub(str_width(&tag) + 1);
    let heading = fit_width(&heading, room);
    let gap = width.saturating_sub(str_width(&lead) + str_width(&heading) + str_width(&tag));
    fit_width(&format!("{lead}{heading}{}{tag}", " ".repeat(gap)), width)
}

/// "必备 成效✓ 不足~ 职责✗ …": each required part found in a section (✓), only mentioned in a
/// sentence (~), or missing (✗).
pub fn completeness_line(app: &App, report: usize) -> Line<'static> {
    let l = app.labels();
    let p = Palette::new(&app.config);
    let mut spans = vec![Span::styled(format!("{} ", l.required), p.dim)];
    for finding in app.check(report).map_or(&[][..], |c| &c.parts[..]) {
        let name = if app.config.english() {
            finding.part.as_str()
        } else {
            finding.part.label_zh()
        };
        match finding.found {
            Some(Found::Section) => spans.push(Span::raw(format!("{name}✓ "))),
            Some(Found::Sentence) => spans.push(Span::styled(format!("{name}~ "), p.dim)),
            None => spans.push(Span::styled(format!("{name}✗ "), p.hit)),
        }
    }
    Line::from(spans)
}

fn outline_pane(app: &App, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = app.labels();
    let block = pane_block(app, Pane::Outline, format!(" {} ", l.outline), p);
    let body = inner(area);
    frame.render_widget(block, area);
    let Some(report) = app.report() else {
        return;
    };
    let rows = app.outline_rows();
    let height = body.height.saturating_sub(1) as usize;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(app.outline.offset)
        .take(height)
        .map(|(_, row)| {
            let label = outline_label(app, report, row, body.width as usize);
            let style = if row.path == app.section {
                row_style(app, Pane::Outline, p)
            } else if !row.matched {
                p.dim
            } else {
                Style::new()
            };
            Line::styled(label, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    if body.height > 0 {
        let last = Rect {
            y: body.bottom() - 1,
            height: 1,
            ..body
        };
        if let Some(i) = app.report_index() {
            frame.render_widget(completeness_line(app, i), last);
        }
    }
}

/// One wrapped line of report text, cut where highlights begin and end, sanitised.
pub fn styled_line(text: &str, range: Range<usize>, marks: &[(TextSpan, Style)]) -> Line<'static> {
    let mut cuts = vec![range.start, range.end];
    for (s, _) in marks {
        for at in [s.start, s.end] {
            if range.start < at && at < range.end && text.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span> = cuts
        .windows(2)
        .filter_map(|w| {
            let piece = text.get(w[0]..w[1])?;
            let style = marks
                .iter()
                .filter(|(s, _)| s.start <= w[0] && w[1] <= s.end && !s.is_empty())
                .fold(Style::new(), |acc, (_, st)| acc.patch(*st));
            let clean = for_terminal(piece.trim_end_matches(['\n', '\r']));
            Some(Span::styled(clean, style))
        })
        .collect();
    Line::from(spans)
}

fn text(app: &App, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = app.labels();
    let report = app.report();
    let heading = report
        .map(|r| match r.section(&app.section) {
            Some(s) => for_terminal(&s.display_heading()),
            None if r.sections.is_empty() => l.whole_text.to_string(),
            None => l.preamble.to_string(),
        })
        .unwrap_or_default();
    let lines = app.text_lines();
    let body = inner(area);
    let position = if lines.is_empty() {
        String::new()
    } else {
        format!(" {}/{}", app.text_scroll + 1, lines.len())
    };
    let title = format!(
        " {}{position} · {} ",
        l.text,
        fit_width(&heading, (body.width as usize).saturating_sub(16))
    );
    frame.render_widget(pane_block(app, Pane::Text, title, p), area);
    let Some(report) = report else {
        return;
    };
    let mut marks: Vec<(TextSpan, Style)> = report
        .indicators
        .iter()
        .map(|i| (i.at, p.indicator))
        .collect();
    if let Some(m) = app.mark {
        marks.push((m, p.mark));
    }
    if let Some(hit) = app.hit.and_then(|h| app.hits.get(h))
        && app.report_index() == Some(hit.report)
    {
        marks.push((hit.at, p.hit));
    }
    let shown: Vec<Line> = lines
        .iter()
        .skip(app.text_scroll)
        .take(body.height as usize)
        .map(|r| styled_line(&report.text, r.clone(), &marks))
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
}

/// An indicator's value for a table: scaled back to 万/亿 when large, with its unit.
pub fn format_value(ind: &Indicator) -> String {
    format_number(ind.value, &ind.unit)
}

fn indicators(app: &App, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = app.labels();
    let visible = app.visible_indicators();
    let title = format!(" {} {} ", l.indicators, visible.len());
    frame.render_widget(pane_block(app, Pane::Indicators, title, p), area);
    let body = inner(area);
    let Some(report) = app.report() else {
        return;
    };
    if visible.is_empty() {
        frame.render_widget(Paragraph::new(l.no_indicators).style(p.dim), body);
        return;
    }
    let height = body.height.saturating_sub(1) as usize;
    let rows: Vec<Row> = visible
        .iter()
        .enumerate()
        .skip(app.indicators.offset)
        .take(height)
        .map(|(pos, &i)| {
            let ind = &report.indicators[i];
            let section = report
                .section(&ind.section)
                .map(|s| s.display_heading())
                .unwrap_or_else(|| l.preamble.to_string());
            let row = Row::new(vec![
                for_terminal(&ind.label),
                for_terminal(&format_value(ind)),
                for_terminal(canonical_name(ind.canonical.as_deref())),
                for_terminal(&section),
            ]);
            if pos == app.indicators.selected {
                row.style(row_style(app, Pane::Indicators, p))
            } else {
                row
            }
        })
        .collect();
    let widths = [
        Constraint::Fill(2),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Fill(2),
    ];
    let table = Table::new(rows, widths)
        .header(Row::new(l.columns.to_vec()).style(p.dim))
        .column_spacing(1);
    frame.render_widget(table, body);
}

/// The canonical indicator's Chinese name, or "—".
fn canonical_name(id: Option<&str>) -> &str {
    id.and_then(|id| Catalogue::embedded().get(id))
        .map_or("—", |c| c.name.as_str())
}
