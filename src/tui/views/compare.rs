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
use fazhi_core::analyse::compare::{Band, MAX_UNITS, Pair, PairSide, Reading};
use fazhi_core::analyse::matrix::SideBySide;
use fazhi_core::model::{Part, format_number, format_qualified};
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
    if s.passages_shown {
        passages(shared, view, s.table_focused, frame, areas.indicators, &p);
    } else {
        indicators(shared, view, s.table_focused, frame, areas.indicators, &p);
    }
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
    let n = view.comparison.indicators.len();
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
    if view.comparison.indicators.is_empty() {
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
        .comparison
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

/// "对比 · 分主题 · 带 3/10 健全行政执法工作体系 · 相似对 2/5 · 主题: 全部主题": where the reader
/// is, in the reading shown.
fn position(shared: &Shared, view: &CompareView) -> String {
    let l = shared.labels();
    let n = view.blocks.len();
    if n == 0 {
        return String::new();
    }
    let reading = match view.reading {
        Reading::Bands => l.readings[0],
        Reading::Aligned => l.readings[1],
    };
    let mut out = format!(" · {reading}");
    let band = view.blocks.get(view.top).and_then(|b| b.band);
    if let Some(b) = band.and_then(|b| view.comparison.bands.get(b).map(|x| (b, x))) {
        let total = view.comparison.bands.len();
        out.push_str(&format!(
            " · {} {}/{total} {}",
            l.band,
            b.0 + 1,
            band_name(shared, b.1)
        ));
    } else {
        out.push_str(&format!(" {}/{n}", view.top + 1));
    }
    let pairs: Vec<usize> = (0..n).filter(|&b| view.is_pair_block(b)).collect();
    let here = pairs
        .iter()
        .position(|&b| b == view.top)
        .map_or("—".to_string(), |k| (k + 1).to_string());
    out.push_str(&format!(" · {} {here}/{}", l.pair, pairs.len()));
    out
}

/// A band's name as shown: the library's (Chinese) name, or in English the theme's English name,
/// the part's name, or "other".
fn band_name(shared: &Shared, band: &Band) -> String {
    if !shared.config.english() {
        return band.name.clone();
    }
    let theme = band
        .theme
        .as_deref()
        .and_then(|id| shared.corpus.taxonomy().get(id));
    match (theme, band.part) {
        (Some(t), _) => t.en.clone(),
        (None, Some(part)) => part.as_str().to_string(),
        (None, None) => Part::Other.as_str().to_string(),
    }
}

/// "健全行政执法工作体系 · A 4 · B 未涉及".
fn band_header(shared: &Shared, band: &Band, width: usize) -> String {
    let l = shared.labels();
    let count = |n: usize| {
        if n == 0 {
            l.not_covered.to_string()
        } else {
            n.to_string()
        }
    };
    let text = format!(
        "{} · A {} · B {}",
        band_name(shared, band),
        count(band.units_a),
        count(band.units_b)
    );
    fit_width(&for_terminal(&text), width)
}

fn text(shared: &Shared, view: &CompareView, frame: &mut Frame, areas: &CompareAreas, p: &Palette) {
    let l = shared.labels();
    let n = view.blocks.len();
    let title = format!(
        " {}{} · {}: {} ",
        l.compare,
        position(shared, view),
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
    let c = &view.comparison;
    // The column titles follow the split of the block at the top.
    let top = match view.widths(view.top, areas.columns) {
        [_, 0] | [0, _] => areas.columns,
        w => w,
    };
    for (side, (name, label)) in [("A", c.a.label()), ("B", c.b.label())]
        .into_iter()
        .enumerate()
    {
        let width = top[side];
        let head = fit_width(&for_terminal(&format!("{name} {label}")), width);
        let x = inside.x + if side == 0 { 0 } else { top[0] as u16 + 1 };
        let at = Rect::new(x, inside.y, width as u16, 1);
        frame.render_widget(Line::styled(head, p.title), at);
    }
    rule(frame, inside.x + top[0] as u16, inside.y, p);
    let bands = areas.bands;
    if n == 0 {
        frame.render_widget(Paragraph::new(l.no_pairs).style(p.dim), bands);
        return;
    }
    let mut y = 0u16;
    let mut skip = view.line;
    for (b, block) in view.blocks.iter().enumerate().skip(view.top) {
        let widths = view.widths(b, areas.columns);
        let columns = [view.column(b, 0, widths[0]), view.column(b, 1, widths[1])];
        let header = usize::from(block.header);
        let height = header + columns[0].len().max(columns[1].len());
        for row in skip..height {
            if y >= bands.height {
                return;
            }
            let at = bands.y + y;
            if row < header {
                let style = if b == view.top { p.selected } else { p.accent };
                let width = bands.width as usize;
                let title = match block.band.and_then(|i| c.bands.get(i)) {
                    Some(band) => band_header(shared, band, width),
                    None => band_title(shared, &view.rows[block.rows.start], width),
                };
                let full = Rect::new(bands.x, at, bands.width, 1);
                frame.render_widget(Line::styled(title, style), full);
            } else {
                for (side, style) in [(0, p.deleted), (1, p.inserted)] {
                    let Some((r, range)) = columns[side].get(row - header) else {
                        continue;
                    };
                    let s = &view.sides[*r][side];
                    let marks: Vec<_> = s.changed.iter().map(|&span| (span, style)).collect();
                    let x = match (side, widths[0]) {
                        (0, _) | (_, 0) => bands.x,
                        _ => bands.x + widths[0] as u16 + 1,
                    };
                    let cell = Rect::new(x, at, widths[side] as u16, 1);
                    frame.render_widget(styled_line(&s.text, range.clone(), &marks), cell);
                }
                if widths[0] > 0 && widths[1] > 0 {
                    rule(frame, bands.x + widths[0] as u16, at, p);
                }
            }
            y += 1;
        }
        skip = 0;
    }
}

/// The shared passages, one a line: where each stands in A and B, its length, its text.
fn passages(
    shared: &Shared,
    view: &CompareView,
    focused: bool,
    frame: &mut Frame,
    area: Rect,
    p: &Palette,
) {
    let l = shared.labels();
    let list = &view.comparison.shared_passages;
    let share = view.comparison.summary.shared_share * 100.0;
    let position = if list.is_empty() {
        "0".to_string()
    } else {
        format!("{}/{}", view.passage.selected + 1, list.len())
    };
    let title = format!(
        " {} {position} · {} {share:.1}% ",
        l.passages, l.shared_text
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { p.accent } else { Style::new() })
        .title(Span::styled(title, p.title));
    let body = block.inner(area);
    frame.render_widget(block, area);
    if list.is_empty() {
        frame.render_widget(Paragraph::new(l.no_shared).style(p.dim), body);
        return;
    }
    let width = body.width as usize;
    for (k, (i, s)) in list
        .iter()
        .enumerate()
        .skip(view.passage.offset)
        .take(body.height as usize)
        .enumerate()
    {
        let line = format!(
            "A§{} B§{} {}字 {}",
            section_path(&s.a_section),
            section_path(&s.b_section),
            s.passage.chars,
            s.passage.text.replace(['\n', '\r'], " ")
        );
        let style = if focused && i == view.passage.selected {
            p.selected
        } else {
            Style::new()
        };
        let at = Rect::new(body.x, body.y + k as u16, body.width, 1);
        frame.render_widget(
            Line::styled(fit_width(&for_terminal(&line), width), style),
            at,
        );
    }
}

/// "2.1": a section path counted from 1 ("0" for the preamble).
fn section_path(path: &[usize]) -> String {
    if path.is_empty() {
        return "0".to_string();
    }
    let parts: Vec<String> = path.iter().map(|i| (i + 1).to_string()).collect();
    parts.join(".")
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
    // The counts of the reading shown: its rows by kind.
    let counts: Vec<(&str, usize)> = match view.reading {
        Reading::Aligned => l
            .pair_kinds
            .iter()
            .copied()
            .zip([s.matched, s.moved, s.only_a, s.only_b])
            .collect(),
        Reading::Bands => {
            let rows = |k: LinkKind| view.rows.iter().filter(|p| p.kind == k).count();
            vec![
                (l.pair, rows(LinkKind::Aligned)),
                (l.pair_kinds[4], rows(LinkKind::Beside)),
                (l.pair_kinds[2], rows(LinkKind::OnlyA)),
                (l.pair_kinds[3], rows(LinkKind::OnlyB)),
            ]
        }
    };
    let mut spans: Vec<Span> = counts
        .into_iter()
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
    if s.truncated {
        // Giants are compared in part only (similarity grows with the product of the units):
        // never silently.
        let said = l.truncated.replace("{}", &MAX_UNITS.to_string());
        spans.push(Span::styled(
            format!("  {said} {}/{}", s.omitted_a, s.omitted_b),
            p.hit,
        ));
    }
    let f = &view.comparison.foreign_places;
    for (side, list) in [("A", &f.a), ("B", &f.b)] {
        if list.is_empty() {
            continue;
        }
        // A place of the other side's locality is the telltale of a copy: it stands out.
        spans.push(Span::styled(format!("  {side} {} ", l.foreign), p.dim));
        for (k, place) in list.iter().enumerate() {
            if k > 0 {
                spans.push(Span::raw("、"));
            }
            let name = for_terminal(&place.place.name);
            if place.of_other {
                spans.push(Span::styled(format!("{name}{}", l.of_other), p.hit));
            } else {
                spans.push(Span::raw(name));
            }
        }
    }
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
