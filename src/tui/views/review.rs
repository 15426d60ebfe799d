//! The reviewer's desk: the active filters, a header naming the sorted column, one line per
//! report, and the selected report's copying in a line below. The locality column stays put;
//! the others slide left so the selected column is always on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::matrix::report_label;
use super::report::fit_width;
use super::style::Palette;
use crate::tui::screens::review::{COLUMNS, COPIED_STEPS, Column, ReviewScreen};
use crate::tui::shared::Shared;
use crate::tui::wrap::str_width;
use fazhi_core::analyse::review::{PartState, ReviewRow};
use fazhi_core::export::short_source;
use fazhi_core::sanitize::for_terminal;

/// Columns each column takes (the note takes what is left, at least this): room for the
/// Chinese header and the sort arrow.
const WIDTHS: [usize; 17] = [12, 5, 5, 10, 5, 5, 5, 5, 5, 5, 5, 5, 7, 16, 9, 5, 12];

pub fn render(s: &ReviewScreen, shared: &Shared, frame: &mut Frame, body: Rect) {
    let p = Palette::new(&shared.config);
    let l = shared.labels();
    let shown = s.shown(shared);
    let title = format!(
        " {} {}/{} ",
        l.screens[4],
        shown.len(),
        shared.visible.len()
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(p.accent)
        .title(Span::styled(title, p.title));
    let area = block.inner(body);
    frame.render_widget(block, body);
    if area.height < 4 {
        return;
    }
    let line = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);
    frame.render_widget(filters(s, shared, &p), line(0));
    let columns = visible_columns(s.col.selected, area.width as usize);
    frame.render_widget(header(s, shared, &columns, &p), line(1));
    let rows_fit = ReviewScreen::rows_fit(body);
    if shown.is_empty() {
        let empty = if s.computing() {
            l.review_computing
        } else {
            l.no_review_rows
        };
        frame.render_widget(Paragraph::new(empty).style(p.dim), line(2));
        return;
    }
    for (k, &i) in shown.iter().skip(s.row.offset).take(rows_fit).enumerate() {
        let selected = s.row.offset + k == s.row.selected;
        let cells = columns
            .iter()
            .map(|&(c, w)| (cell(s, shared, i, COLUMNS[c]), w, c));
        let mut spans = Vec::new();
        for (n, ((text, warn), width, c)) in cells.enumerate() {
            if n > 0 {
                spans.push(Span::raw(" "));
            }
            let text = pad(
                &fit_width(&for_terminal(&text), width),
                width,
                is_number(COLUMNS[c]),
            );
            let style = if warn { p.hit } else { Style::new() };
            spans.push(Span::styled(text, style));
        }
        let style = if selected { p.selected } else { Style::new() };
        frame.render_widget(Line::from(spans).style(style), line(2 + k as u16));
    }
    if let Some(current) = s.current {
        frame.render_widget(detail(&s.rows[current], shared, &p), line(area.height - 1));
    }
}

/// (column index, width) of the columns that fit: the locality, then from the first that lets
/// the selected one show.
fn visible_columns(selected: usize, width: usize) -> Vec<(usize, usize)> {
    let need = |from: usize, to: usize| -> usize { (from..=to).map(|c| WIDTHS[c] + 1).sum() };
    let pinned = WIDTHS[0] + 1;
    let mut start = 1;
    while start < selected && pinned + need(start, selected.max(1)) > width {
        start += 1;
    }
    let mut out = vec![(0, WIDTHS[0])];
    let mut used = pinned;
    for (c, &w) in WIDTHS.iter().enumerate().skip(start) {
        if used + w > width {
            break;
        }
        // The note takes the rest of the line.
        let w = if c == WIDTHS.len() - 1 {
            width - used
        } else {
            w
        };
        out.push((c, w));
        used += w + 1;
    }
    out
}

fn is_number(c: Column) -> bool {
    matches!(
        c,
        Column::Indicators | Column::Density | Column::Share | Column::Previous
    )
}

fn pad(text: &str, width: usize, right: bool) -> String {
    let gap = " ".repeat(width.saturating_sub(str_width(text)));
    if right {
        format!("{gap}{text}")
    } else {
        format!("{text}{gap}")
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A cell's text and whether it is a finding to look at (a missing part, late, copied).
fn cell(s: &ReviewScreen, shared: &Shared, i: usize, column: Column) -> (String, bool) {
    let r = &s.rows[i];
    let english = shared.config.english();
    match column {
        Column::Locality => (
            r.locality
                .as_ref()
                .map_or_else(|| short_source(&r.source).to_string(), |l| l.name.clone()),
            false,
        ),
        Column::Level => (
            r.locality
                .as_ref()
                .map_or("?", |l| {
                    if english {
                        l.level.as_str()
                    } else {
                        l.level.label_zh()
                    }
                })
                .to_string(),
            false,
        ),
        Column::Year => (r.year.map_or("?".into(), |y| y.to_string()), false),
        Column::Published => (r.published.clone().unwrap_or_else(|| "?".into()), false),
        Column::Late => match r.late {
            Some(true) => (if english { "late" } else { "逾期" }.into(), true),
            Some(false) => (if english { "no" } else { "按时" }.into(), false),
            None => ("?".into(), false),
        },
        Column::Part(k) => {
            let state = r.parts.named()[k].2;
            let label = if english {
                match state {
                    PartState::Found => "yes",
                    PartState::Mentioned => "some",
                    PartState::Missing => "NO",
                }
            } else {
                state.label_zh()
            };
            (label.into(), state == PartState::Missing)
        }
        Column::Indicators => (r.indicators.to_string(), false),
        Column::Density => (format!("{:.1}", r.density), false),
        Column::Share => (percent(r.copying.share), r.copying.share >= COPIED_STEPS[2]),
        Column::TopSource => match r.copying.top_index {
            Some(j) => (
                format!(
                    "{} {}",
                    percent(r.copying.top_share),
                    report_label(shared, j, usize::MAX)
                ),
                false,
            ),
            None => ("-".into(), false),
        },
        Column::Previous => (r.copying.previous_share.map_or("-".into(), percent), false),
        Column::Status => {
            let status = shared.note(i).status;
            (
                if english {
                    status.label_en()
                } else {
                    status.label_zh()
                }
                .into(),
                false,
            )
        }
        Column::Note => (shared.note(i).note.replace('\n', " "), false),
    }
}

fn header(
    s: &ReviewScreen,
    shared: &Shared,
    columns: &[(usize, usize)],
    p: &Palette,
) -> Line<'static> {
    let names = shared.labels().review_columns;
    let mut spans = Vec::new();
    for (n, &(c, width)) in columns.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw(" "));
        }
        let arrow = match s.sort {
            Some((sorted, true)) if sorted == c => "▼",
            Some((sorted, false)) if sorted == c => "▲",
            _ => "",
        };
        let text = pad(
            &fit_width(&format!("{}{arrow}", names[c]), width),
            width,
            false,
        );
        let style = if c == s.col.selected { p.title } else { p.dim };
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

/// The active filters, with the keys that change them left to the help.
fn filters(s: &ReviewScreen, shared: &Shared, p: &Palette) -> Line<'static> {
    let l = shared.labels();
    let names = l.review_filters;
    let f = &s.filters;
    let mut on: Vec<String> = Vec::new();
    if f.missing {
        on.push(names[0].into());
    }
    if f.late {
        on.push(names[1].into());
    }
    if f.copied > 0 {
        on.push(format!("{}{}", names[2], percent(COPIED_STEPS[f.copied])));
    }
    let english = shared.config.english();
    if let Some(level) = f.level {
        let level = if english {
            level.as_str()
        } else {
            level.label_zh()
        };
        on.push(format!("{} {level}", names[3]));
    }
    if let Some(year) = f.year {
        on.push(format!("{} {year}", names[4]));
    }
    if let Some(province) = &f.province {
        on.push(format!("{} {}", names[5], for_terminal(province)));
    }
    if let Some(status) = f.status {
        let status = if english {
            status.label_en()
        } else {
            status.label_zh()
        };
        on.push(format!("{} {status}", names[6]));
    }
    if on.is_empty() {
        Line::styled(format!("{}: -", l.filter), p.dim)
    } else {
        Line::styled(format!("{}: {}", l.filter, on.join(" · ")), p.hit)
    }
}

/// The selected report's copying: the top source with its passages, the previous year, the
/// other places it names.
fn detail(r: &ReviewRow, shared: &Shared, p: &Palette) -> Line<'static> {
    let l = shared.labels();
    let c = &r.copying;
    let mut parts = vec![format!(
        "{} {}",
        for_terminal(short_source(&r.source)),
        percent(c.share)
    )];
    if let Some(top) = &c.top_source {
        parts.push(format!(
            "← {} {} · {} {}",
            for_terminal(short_source(top)),
            percent(c.top_share),
            c.passages.len(),
            l.passages
        ));
    }
    if !r.foreign_places.is_empty() {
        parts.push(format!(
            "{}: {}",
            l.foreign,
            for_terminal(&r.foreign_places.join("、"))
        ));
    }
    Line::styled(parts.join("  "), p.dim)
}
