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
        Mode::Normal | Mode::FilterInput | Mode::SearchInput => {}
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
                .section(&hit.section)
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
