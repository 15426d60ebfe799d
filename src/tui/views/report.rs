//! The report screen: report list, outline, text and indicator panes.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::style::Palette;
use crate::tui::layout::{Areas, inner};
use crate::tui::outline::OutlineRow;
use crate::tui::screens::report::{Pane, ReportScreen};
use crate::tui::shared::{Shared, SortKey};
use crate::tui::wrap::{char_width, str_width};
use fazhi_core::check::Found;
use fazhi_core::model::format_qualified;
use fazhi_core::model::{Indicator, Report, Span as TextSpan};
use fazhi_core::notes::Status;
use fazhi_core::parse::indicators::Catalogue;
use fazhi_core::sanitize::for_terminal;

pub fn render(s: &ReportScreen, shared: &Shared, frame: &mut Frame, areas: &Areas) {
    let p = Palette::new(&shared.config);
    list(s, shared, frame, areas.list, &p);
    outline_pane(s, shared, frame, areas.outline, &p);
    text(s, shared, frame, areas.text, &p);
    indicators(s, shared, frame, areas.indicators, &p);
}

pub fn pane_block<'a>(s: &ReportScreen, pane: Pane, title: String, p: &Palette) -> Block<'a> {
    let focused = s.focus == pane;
    Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { p.accent } else { Style::new() })
        .title(Span::styled(
            title,
            if focused { p.title } else { Style::new() },
        ))
}

fn row_style(s: &ReportScreen, pane: Pane, p: &Palette) -> Style {
    if s.focus == pane {
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

fn list(s: &ReportScreen, shared: &Shared, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = shared.labels();
    let sort = match shared.sort {
        SortKey::Locality => l.sort_keys[0],
        SortKey::Year => l.sort_keys[1],
        SortKey::Level => l.sort_keys[2],
    };
    let title = format!(
        " {} {}/{} · {}:{} ",
        l.list,
        shared.visible.len(),
        shared.corpus.reports.len(),
        l.sort,
        sort
    );
    let block = pane_block(s, Pane::List, title, p);
    let body = inner(area);
    frame.render_widget(block, area);
    if shared.visible.is_empty() {
        frame.render_widget(Paragraph::new(l.no_report).style(p.dim), body);
        return;
    }
    let themes = shared.corpus.taxonomy().themes.len();
    // As wide as the largest indicator count of the corpus (not only of the visible reports, so
    // filtering does not shift the columns): 1234 must not show as 123.
    let count_width = shared
        .corpus
        .reports
        .iter()
        .map(|r| r.indicators.len().to_string().len())
        .max()
        .unwrap_or(0)
        .max(3);
    let wide = body.width >= 44;
    let height = body.height.saturating_sub(1) as usize;
    let rows: Vec<Row> = shared
        .visible
        .iter()
        .enumerate()
        .skip(shared.list.offset)
        .take(height)
        .map(|(pos, &i)| {
            let r = &shared.corpus.reports[i];
            let province = r
                .locality
                .as_ref()
                .and_then(|loc| loc.province())
                .unwrap_or("");
            let mut name: Vec<Span> = ["A", "B"]
                .iter()
                .zip(shared.marks)
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
            cells.push(theme_strip(shared.report_theme_mask(i), themes).into());
            let row = Row::new(cells);
            if pos == shared.list.selected {
                row.style(row_style(s, Pane::List, p))
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
pub fn outline_label(shared: &Shared, report: &Report, row: &OutlineRow, width: usize) -> String {
    let l = shared.labels();
    let indent = "  ".repeat(row.depth());
    let mark = match (row.has_children, row.folded) {
        (true, true) => "▸ ",
        (true, false) => "▾ ",
        _ => "  ",
    };
    let (heading, tag) = match report.section(&row.path) {
        Some(s) => {
            let taxonomy = shared.corpus.taxonomy();
            let theme = s
                .themes
                .first()
                .and_then(|id| taxonomy.get(id.as_str()))
                .map(|t| {
                    if shared.config.english() {
                        t.id.as_str()
                    } else {
                        t.short.as_str()
                    }
                });
            let part = if shared.config.english() {
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
pub fn completeness_line(shared: &Shared, report: usize) -> Line<'static> {
    let l = shared.labels();
    let p = Palette::new(&shared.config);
    let mut spans = vec![Span::styled(format!("{} ", l.required), p.dim)];
    for finding in shared.check(report).map_or(&[][..], |c| &c.parts[..]) {
        let name = if shared.config.english() {
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
    let note = shared.note(report);
    if note.status != Status::Pending || !note.note.is_empty() {
        let status = if shared.config.english() {
            note.status.label_en()
        } else {
            note.status.label_zh()
        };
        spans.push(Span::styled(format!(" {status}"), p.title));
        if !note.note.is_empty() {
            spans.push(Span::raw(format!(" {}", for_terminal(&note.note))));
        }
    }
    Line::from(spans)
}

fn outline_pane(s: &ReportScreen, shared: &Shared, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = shared.labels();
    let block = pane_block(s, Pane::Outline, format!(" {} ", l.outline), p);
    let body = inner(area);
    frame.render_widget(block, area);
    let Some(report) = shared.report() else {
        return;
    };
    let rows = s.outline_rows(shared);
    let height = body.height.saturating_sub(1) as usize;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(s.outline.offset)
        .take(height)
        .map(|(_, row)| {
            let label = outline_label(shared, report, row, body.width as usize);
            let style = if row.path == s.section {
                row_style(s, Pane::Outline, p)
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
        if let Some(i) = shared.report_index() {
            frame.render_widget(completeness_line(shared, i), last);
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

fn text(s: &ReportScreen, shared: &Shared, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = shared.labels();
    let report = shared.report();
    let heading = report
        .map(|r| match r.section(&s.section) {
            Some(s) => for_terminal(&s.display_heading()),
            None if r.sections.is_empty() => l.whole_text.to_string(),
            None => l.preamble.to_string(),
        })
        .unwrap_or_default();
    let lines = s.text_lines(shared);
    let body = inner(area);
    let position = if lines.is_empty() {
        String::new()
    } else {
        format!(" {}/{}", s.text_scroll + 1, lines.len())
    };
    let title = format!(
        " {}{position} · {} ",
        l.text,
        fit_width(&heading, (body.width as usize).saturating_sub(16))
    );
    frame.render_widget(pane_block(s, Pane::Text, title, p), area);
    let Some(report) = report else {
        return;
    };
    let mut marks: Vec<(TextSpan, Style)> = report
        .indicators
        .iter()
        .map(|i| (i.at, p.indicator))
        .collect();
    marks.extend(shared.hits_in_report().iter().map(|h| (h.at, p.other_hit)));
    if let Some(m) = s.mark {
        marks.push((m, p.mark));
    }
    if let Some(hit) = shared.hit.and_then(|h| shared.hits.get(h))
        && shared.report_index() == Some(hit.report)
    {
        marks.push((hit.at, p.hit));
    }
    let shown: Vec<Line> = lines
        .iter()
        .skip(s.text_scroll)
        .take(body.height as usize)
        .map(|r| styled_line(&report.text, r.clone(), &marks))
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
}

/// An indicator's value for a table: scaled back to 万/亿 when large, with its unit.
pub fn format_value(ind: &Indicator) -> String {
    format_qualified(ind.value, &ind.unit, ind.qualifier)
}

fn indicators(s: &ReportScreen, shared: &Shared, frame: &mut Frame, area: Rect, p: &Palette) {
    let l = shared.labels();
    let visible = s.visible_indicators(shared);
    let title = format!(" {} {} ", l.indicators, visible.len());
    frame.render_widget(pane_block(s, Pane::Indicators, title, p), area);
    let body = inner(area);
    let Some(report) = shared.report() else {
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
        .skip(s.indicators.offset)
        .take(height)
        .map(|(pos, &i)| {
            let ind = &report.indicators[i];
            let section = report
                .section(&ind.section)
                .map(|s| s.display_heading())
                .unwrap_or_else(|| l.preamble.to_string());
            // A figure of another time is marked where its canonical name would stand: it is
            // not compared with other places.
            let identity = match l.scope_mark(ind.scope) {
                Some(mark) => Cell::from(mark).style(p.dim),
                None => Cell::from(for_terminal(canonical_name(ind.canonical.as_deref()))),
            };
            let row = Row::new(vec![
                Cell::from(for_terminal(&ind.label)),
                Cell::from(for_terminal(&format_value(ind))),
                identity,
                Cell::from(for_terminal(&section)),
            ]);
            if pos == s.indicators.selected {
                row.style(row_style(s, Pane::Indicators, p))
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
