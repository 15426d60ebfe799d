//! Popups over the screen: theme picker, search results, help, load problems.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::report::fit_width;
use super::style::Palette;
use crate::tui::app::App;
use crate::tui::layout::{self, inner};
use crate::tui::shared::Mode;
use crate::tui::wrap::str_width;
use fazhi_core::sanitize::for_terminal;

pub fn render(app: &App, frame: &mut Frame) {
    if layout::too_small(frame.area()) {
        return;
    }
    match app.shared.mode {
        Mode::ThemePicker => picker(app, frame),
        Mode::SearchResults => results(app, frame),
        Mode::Help => help(app, frame),
        Mode::Problems => problems(app, frame),
        Mode::Years => years(app, frame),
        Mode::Normal | Mode::FilterInput | Mode::SearchInput | Mode::NoteInput => {}
    }
}

/// Clear a popup's area, including the halves of wide characters cut by its edges, which
/// terminals would otherwise leave as debris (ratatui issue 2526).
pub fn clear_popup(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        if area.left() > buf.area.left()
            && let Some(cell) = buf.cell_mut((area.left() - 1, y))
            && str_width(cell.symbol()) > 1
        {
            cell.reset();
        }
        if area.right() < buf.area.right()
            && let Some(cell) = buf.cell_mut((area.right(), y))
            && cell.symbol().is_empty()
        {
            cell.reset();
        }
    }
    Clear.render(area, buf);
}

fn popup_frame(app: &App, frame: &mut Frame, title: String) -> Rect {
    let p = Palette::new(&app.shared.config);
    let area = layout::popup(frame.area());
    clear_popup(frame.buffer_mut(), area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(p.accent)
        .title(Span::styled(title, p.title));
    frame.render_widget(block, area);
    inner(area)
}

/// A locality across its years: each canonical indicator's figure per year, the latest change
/// and a sparkline; then how much of each year's text the year before already had.
fn years(app: &App, frame: &mut Frame) {
    let Some(y) = &app.popups.years else {
        return;
    };
    let p = Palette::new(&app.shared.config);
    let l = app.shared.labels();
    let name = y.locality.as_ref().map_or("", |l| l.name.as_str());
    let listed: Vec<String> = y.reports.iter().map(|r| r.year.to_string()).collect();
    let title = format!(
        " {} · {} {} ",
        l.years[0],
        for_terminal(name),
        listed.join("、")
    );
    let body = popup_frame(app, frame, title);
    let width = body.width as usize;
    let value_width = 10;
    // "+178件 +2225.0%": a change needs more room than a value.
    let change_width = 16;
    let tail = change_width + y.reports.len() + 2;
    let label_width = width
        .saturating_sub(y.reports.len() * (value_width + 1) + tail)
        .clamp(8, 24);
    let mut lines = Vec::new();
    let mut header = format!("{:label_width$}", "");
    for r in &y.reports {
        header.push_str(&format!(" {:>value_width$}", r.year));
    }
    header.push_str(&format!(" {:>change_width$} {}", l.years[1], l.years[2]));
    lines.push(Line::styled(fit_width(&header, width), p.dim));
    let reserved = y.reuse.len() + 3;
    let rows_fit = (body.height as usize).saturating_sub(reserved);
    let cursor = app.popups.years_rows;
    for (i, row) in y
        .indicators
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows_fit)
    {
        let label = fit_width(&for_terminal(&row.indicator.label()), label_width);
        let mut text = format!("{label}{}", " ".repeat(label_width - str_width(&label)));
        for value in &row.values {
            let shown = value.as_ref().map_or_else(
                || "—".to_string(),
                |c| fazhi_core::model::format_qualified(c.value, &c.unit, c.qualifier),
            );
            let shown = fit_width(&for_terminal(&shown), value_width);
            text.push_str(&format!(
                " {}{shown}",
                " ".repeat(value_width - str_width(&shown))
            ));
        }
        let unit = row
            .values
            .last()
            .and_then(|v| v.as_ref())
            .map_or("", |c| c.unit.as_str());
        let change =
            fazhi_core::export::change_text(row.changes.last().and_then(|c| c.as_ref()), unit);
        let change = fit_width(&for_terminal(&change), change_width);
        text.push_str(&format!(
            " {}{change} {}",
            " ".repeat(change_width - str_width(&change)),
            row.sparkline
        ));
        let style = if i == cursor.selected {
            p.selected
        } else {
            Style::new()
        };
        lines.push(Line::styled(fit_width(&text, width), style));
    }
    while lines.len() < rows_fit + 1 {
        lines.push(Line::raw(""));
    }
    for r in &y.reuse {
        lines.push(Line::raw(fit_width(
            &format!(
                "{} {}←{} {:.0}% · {} {}",
                l.years[3],
                r.year,
                r.previous_year,
                r.share * 100.0,
                r.passages,
                l.passages
            ),
            width,
        )));
    }
    lines.push(Line::styled(l.years[4], p.dim));
    frame.render_widget(Paragraph::new(lines), body);
}

/// Files that could not be loaded and reports that loaded damaged, one a line (path: reason).
fn problems(app: &App, frame: &mut Frame) {
    let p = Palette::new(&app.shared.config);
    let l = app.shared.labels();
    let title = format!(" {} {} ", l.problems, app.problem_count());
    let body = popup_frame(app, frame, title);
    if app.problem_count() == 0 {
        frame.render_widget(Paragraph::new(l.no_problems).style(p.dim), body);
        return;
    }
    let cursor = app.popups.problems;
    let lines: Vec<Line> = app
        .problems()
        .enumerate()
        .skip(cursor.offset)
        .take(body.height as usize)
        .map(|(i, problem)| {
            // A LoadProblem displays through the terminal sanitiser.
            let text = fit_width(&problem.to_string(), body.width as usize);
            if i == cursor.selected {
                Line::styled(text, p.selected)
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn picker(app: &App, frame: &mut Frame) {
    let p = Palette::new(&app.shared.config);
    let body = popup_frame(app, frame, format!(" {} ", app.shared.labels().picker));
    let taxonomy = app.shared.corpus.taxonomy();
    let lines: Vec<Line> = taxonomy
        .themes
        .iter()
        .zip(&app.popups.picked)
        .enumerate()
        .skip(app.popups.picker.offset)
        .take(body.height as usize)
        .map(|(i, (t, picked))| {
            let mark = if *picked { "[x]" } else { "[ ]" };
            let name = if app.shared.config.english() {
                &t.en
            } else {
                &t.name
            };
            let text = format!("{mark} {}  {}", t.short, name);
            let style = if i == app.popups.picker.selected {
                p.selected
            } else {
                Style::new()
            };
            Line::styled(fit_width(&text, body.width as usize), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn results(app: &App, frame: &mut Frame) {
    let p = Palette::new(&app.shared.config);
    let l = app.shared.labels();
    let title = format!(
        " {}〔{}〕“{}” {} {} ",
        l.search,
        l.search_modes[app.popups.search_mode.index()],
        for_terminal(&app.popups.search_input),
        app.shared.hits.len(),
        l.hits
    );
    let body = popup_frame(app, frame, title);
    let width = body.width as usize;
    let lines: Vec<Line> = app
        .shared
        .hits
        .iter()
        .enumerate()
        .skip(app.popups.results.offset)
        .take(body.height as usize)
        .map(|(i, hit)| {
            let r = &app.shared.corpus.reports[hit.report];
            let section = r
                .section(&app.shared.corpus.section_of(hit))
                .map(|s| s.display_heading())
                .unwrap_or_else(|| l.preamble.to_string());
            let place = format!(
                "{} {} · {} · ",
                r.display_name(),
                r.year.map(|y| y.to_string()).unwrap_or_default(),
                fit_width(&section, 18)
            );
            let context = snippet(&r.text, hit.at, 8);
            let text = fit_width(&for_terminal(&format!("{place}{context}")), width);
            let style = if i == app.popups.results.selected {
                p.selected
            } else {
                Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// The hit with up to `around` characters either side.
pub fn snippet(text: &str, at: fazhi_core::model::Span, around: usize) -> String {
    let (Some(before), Some(hit), Some(after)) = (
        text.get(..at.start),
        text.get(at.start..at.end),
        text.get(at.end..),
    ) else {
        return String::new();
    };
    let before: String = {
        let mut v: Vec<char> = before.chars().rev().take(around).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = after.chars().take(around).collect();
    format!("…{before}【{hit}】{after}…").replace('\n', " ")
}

fn help(app: &App, frame: &mut Frame) {
    let p = Palette::new(&app.shared.config);
    let l = app.shared.labels();
    let body = popup_frame(app, frame, format!(" {} — {} ", l.help, l.help_hint));
    if body.height < 3 {
        return;
    }
    let filter = for_terminal(&app.popups.help_filter);
    let prompt = format!("{}: ", l.filter);
    let caret = body.x as usize + str_width(&prompt) + str_width(&filter);
    frame.render_widget(
        Line::from(vec![Span::styled(prompt, p.title), Span::raw(filter)]),
        Rect { height: 1, ..body },
    );
    if caret < body.right() as usize {
        frame.set_cursor_position((caret as u16, body.y));
    }
    let english = app.shared.config.english();
    let list = Rect {
        y: body.y + 2,
        height: body.height - 2,
        ..body
    };
    let keys_width = 18;
    let lines: Vec<Line> = app
        .help_rows()
        .into_iter()
        .enumerate()
        .skip(app.popups.help.offset)
        .take(list.height as usize)
        .map(|(pos, i)| {
            let b = &app.shared.config.keymap.bindings[i];
            let scopes: Vec<&str> = b.scope.iter().map(|s| l.scope(*s)).collect();
            let keys = fit_width(&b.keys_label(), keys_width);
            let pad = " ".repeat(keys_width.saturating_sub(str_width(&keys)) + 1);
            let text = format!(
                "{keys}{pad}{}  ({})",
                b.description(english),
                scopes.join("/")
            );
            let style = if pos == app.popups.help.selected {
                p.selected
            } else {
                Style::new()
            };
            Line::styled(fit_width(&text, list.width as usize), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
