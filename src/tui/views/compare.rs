//! The compare screen: the two reports' canonical indicators side by side, then their measures
//! in two row-aligned columns with the words only one side has marked, then a summary line.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table};

use super::report::{fit_width, styled_line};
use super::style::Palette;
use crate::tui::layout::{CompareAreas, inner};
use crate::tui::screens::compare::{CompareScreen, CompareView};
use crate::tui::shared::Shared;
use fazhi_core::analyse::align::LinkKind;
use fazhi_core::analyse::compare::{Pair, PairSide};
use fazhi_core::analyse::matrix::SideBySide;
use fazhi_core::model::{format_number, format_qualified};
use fazhi_core::sanitize::for_terminal;

/// Eighths of a cell, for bars finer than whole cells.
const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

pub fn render(s: &CompareScreen, shared: &Shared, frame: &mut Frame, body: Rect) {
    let p = Palette::new(&shared.config);
    let Some(view) = &s.view else {
        let line = Rect {
            y: body.y + body.height / 2,
            height: 1.min(body.height),
            ..body
        };
        let notice = Paragraph::new(shared.labels().need_two).alignment(Alignment::Center);
        frame.render_widget(notice.style(p.dim), line);
        return;
    };
    let areas = s.areas(shared);
    indicators(shared, view, s.table_focused, frame, areas.indicators, &p);
    text(shared, view, frame, &areas, &p);
    frame.render_widget(summary(shared, view, &p), areas.summary);
}

/// A bar of `cells` cells for `value` against the larger value `max`, to the eighth of a cell.
pub fn bar(value: f64, max: f64, cells: usize) -> String {
    if !(value > 0.0 && max > 0.0) {
        return String::new();
    }
    let eighths = ((value / max).min(1.0) * (cells * 8) as f64)
        .round()
        .max(1.0) as usize;
    let mut s = "█".repeat(eighths / 8);
    if let Some(part) = (eighths % 8).checked_sub(1) {
        s.push(EIGHTHS[part]);
    }
    s
}

/// "+12次" / "−3件": B minus A, when both are known in the same unit.
fn difference(row: &SideBySide) -> String {
    match (&row.a, &row.b) {
        (Some(a), Some(b)) if a.unit == b.unit => {
            let d = b.value - a.value;
            let sign = if d > 0.0 {
                "+"
            } else if d < 0.0 {
                "−"
            } else {
                "±"
            };
            format!("{sign}{}", format_number(d.abs(), &a.unit))
        }
        _ => "—".to_string(),
    }
}

fn indicators(
    shared: &Shared,
    view: &CompareView,
    focused: bool,
    frame: &mut Frame,
    area: Rect,
    p: &Palette,
) {
    let l = shared.labels();
    let n = view.indicators.len();
    let position = if focused && n > 0 {
        format!("{}/{n}", view.table.selected + 1)
    } else {
        n.to_string()
    };
    let title = format!(" {} {position} ", l.compare_columns[0]);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { p.accent } else { Style::new() })
        .title(Span::styled(title, p.title));
    let body = block.inner(area);
    frame.render_widget(block, area);
    if view.indicators.is_empty() {
        frame.render_widget(Paragraph::new(l.no_canonical).style(p.dim), body);
        return;
    }
    let cells = if body.width >= 90 { 8 } else { 4 };
    let value = |v: &Option<fazhi_core::analyse::matrix::Value>| {
        v.as_ref().map_or_else(
            || "—".to_string(),
            |v| format_qualified(v.value, &v.unit, v.qualifier),
        )
    };
    let rows: Vec<Row> = view
        .indicators
        .iter()
        .enumerate()
        .skip(view.table.offset)
        .take(body.height.saturating_sub(1) as usize)
        .map(|(i, row)| {
            let same_unit = matches!((&row.a, &row.b), (Some(a), Some(b)) if a.unit == b.unit);
            let of = |v: &Option<fazhi_core::analyse::matrix::Value>| {
                v.as_ref().map_or(0.0, |v| v.value)
            };
            let max = of(&row.a).max(of(&row.b));
            // Bars only compare like with like: one side alone or different units get none.
            let bar_of = |v: &Option<fazhi_core::analyse::matrix::Value>| {
                if same_unit {
                    bar(of(v), max, cells)
                } else {
                    String::new()
                }
            };
            let line = Row::new(vec![
                Line::raw(for_terminal(&row.name)),
                Line::raw(for_terminal(&value(&row.a))),
                Line::styled(bar_of(&row.a), p.accent),
                Line::raw(for_terminal(&value(&row.b))),
                Line::styled(bar_of(&row.b), p.title),
                Line::raw(for_terminal(&difference(row))),
            ]);
            if focused && i == view.table.selected {
                line.style(p.selected)
            } else {
                line
            }
        })
        .collect();
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(cells as u16),
        Constraint::Length(10),
        Constraint::Length(cells as u16),
        Constraint::Length(10),
    ];
    let c = l.compare_columns;
    let side = |name: &str, s: &fazhi_core::analyse::compare::Side| {
        let place = s.locality.as_ref().map_or("", |l| l.name.as_str());
        fit_width(&for_terminal(&format!("{name} {place}")), 10)
    };
    let cmp = &view.comparison;
    let header = Row::new(vec![
        c[0].to_string(),
        side(c[1], &cmp.a),
        String::new(),
        side(c[2], &cmp.b),
        String::new(),
        c[3].to_string(),
    ])
    .style(p.dim);
    let table = Table::new(rows, widths).header(header).column_spacing(1);
    frame.render_widget(table, body);
}

/// The theme the comparison is narrowed to, as the title shows it.
fn theme_label(shared: &Shared) -> String {
    let l = shared.labels();
    let taxonomy = shared.corpus.taxonomy();
    let Some(first) = shared.themes.first().and_then(|id| taxonomy.get(id)) else {
        return l.all_themes.to_string();
    };
    let name = if shared.config.english() {
        &first.en
    } else {
        &first.short
    };
    if shared.themes.len() > 1 {
        format!("{name}（{}）", l.first_theme)
    } else {
        name.to_string()
    }
}

fn text(shared: &Shared, view: &CompareView, frame: &mut Frame, areas: &CompareAreas, p: &Palette) {
    let l = shared.labels();
    let n = view.sides.len();
    let position = if n == 0 {
        String::new()
    } else {
        format!(" {}/{n}", view.top + 1)
    };
    let title = format!(
        " {}{position} · {}: {} ",
        l.compare,
        l.themes,
        theme_label(shared)
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(p.accent)
        .title(Span::styled(title, p.title));
    frame.render_widget(block, areas.text);
    let inside = inner(areas.text);
    if inside.height == 0 {
        return;
    }
    let [wa, wb] = areas.columns;
    let c = &view.comparison;
    for (side, (name, label)) in [("A", c.a.label()), ("B", c.b.label())]
        .into_iter()
        .enumerate()
    {
        let width = areas.columns[side];
        let head = fit_width(&for_terminal(&format!("{name} {label}")), width);
        let x = inside.x + if side == 0 { 0 } else { wa as u16 + 1 };
        let at = Rect::new(x, inside.y, width as u16, 1);
        frame.render_widget(Line::styled(head, p.title), at);
    }
    rule(frame, inside.x + wa as u16, inside.y, p);
    let bands = areas.bands;
    if n == 0 {
        frame.render_widget(Paragraph::new(l.no_pairs).style(p.dim), bands);
        return;
    }
    let mut y = 0u16;
    let mut skip = view.line;
    for pair in view.top..n {
        let lines = [view.lines(pair, 0, wa), view.lines(pair, 1, wb)];
        let height = 1 + lines[0].len().max(lines[1].len());
        for row in skip..height {
            if y >= bands.height {
                return;
            }
            let at = bands.y + y;
            if row == 0 {
                let style = if pair == view.top {
                    p.selected
                } else {
                    p.accent
                };
                let title = band_title(shared, &c.pairs[pair], bands.width as usize);
                let full = Rect::new(bands.x, at, bands.width, 1);
                frame.render_widget(Line::styled(title, style), full);
            } else {
                for (side, style) in [(0, p.deleted), (1, p.inserted)] {
                    let Some(range) = lines[side].get(row - 1) else {
                        continue;
                    };
                    let s = &view.sides[pair][side];
                    let marks: Vec<_> = s.changed.iter().map(|&span| (span, style)).collect();
                    let x = bands.x + if side == 0 { 0 } else { wa as u16 + 1 };
                    let cell = Rect::new(x, at, areas.columns[side] as u16, 1);
                    frame.render_widget(styled_line(&s.text, range.clone(), &marks), cell);
                }
                rule(frame, bands.x + wa as u16, at, p);
            }
            y += 1;
        }
        skip = 0;
    }
}

/// The one-column rule between the A and B columns.
fn rule(frame: &mut Frame, x: u16, y: u16, p: &Palette) {
    frame.render_widget(Span::styled("│", p.dim), Rect::new(x, y, 1, 1));
}

/// "对齐 0.82 · 一、… ↔ （二）…", "仅A · 三、…".
fn band_title(shared: &Shared, pair: &Pair, width: usize) -> String {
    let l = shared.labels();
    let heading = |side: &Option<PairSide>, room: usize| {
        let h = side
            .as_ref()
            .and_then(PairSide::display_heading)
            .map_or_else(|| l.preamble.to_string(), |h| for_terminal(&h));
        fit_width(&h, room)
    };
    let room = width.saturating_sub(16) / 2;
    let kind = |k: usize| l.pair_kinds[k];
    let text = match pair.kind {
        LinkKind::Aligned | LinkKind::Moved => format!(
            "{} {:.2} · {} ↔ {}",
            kind(if pair.kind == LinkKind::Aligned { 0 } else { 1 }),
            pair.similarity,
            heading(&pair.a, room),
            heading(&pair.b, room)
        ),
        LinkKind::OnlyA => format!("{} · {}", kind(2), heading(&pair.a, 2 * room)),
        LinkKind::OnlyB => format!("{} · {}", kind(3), heading(&pair.b, 2 * room)),
        LinkKind::Beside => format!(
            "{} · {} | {}",
            kind(4),
            heading(&pair.a, room),
            heading(&pair.b, room)
        ),
    };
    fit_width(&text, width)
}

/// "对齐 5  移动 1  仅A 1  仅B 1  共同文字占比 42.0%".
fn summary(shared: &Shared, view: &CompareView, p: &Palette) -> Line<'static> {
    let l = shared.labels();
    let s = &view.comparison.summary;
    let counts = [s.matched, s.moved, s.only_a, s.only_b];
    let mut spans: Vec<Span> = l
        .pair_kinds
        .iter()
        .zip(counts)
        .flat_map(|(k, n)| {
            [
                Span::styled(format!("{k} "), p.dim),
                Span::raw(format!("{n}  ")),
            ]
        })
        .collect();
    spans.push(Span::styled(format!("{} ", l.shared_text), p.dim));
    spans.push(Span::styled(
        format!("{:.1}%", s.shared_share * 100.0),
        Style::new(),
    ));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_larger_value_in_eighths() {
        assert_eq!(bar(8.0, 8.0, 4), "████");
        assert_eq!(bar(4.0, 8.0, 4), "██");
        assert_eq!(bar(1.0, 8.0, 4), "▌");
        assert_eq!(bar(0.001, 8.0, 4), "▏", "a positive value always shows");
        assert_eq!(bar(0.0, 8.0, 4), "");
        assert_eq!(bar(5.0, 0.0, 4), "");
    }
}
