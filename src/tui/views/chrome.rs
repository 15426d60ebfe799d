//! The frame around the screens: tabs, the active filters, the status bar of keys, the
//! "too small" notice.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style::Palette;
use crate::tui::action::{Action, Screen};
use crate::tui::app::App;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::shared::Mode;
use crate::tui::wrap::str_width;
use fazhi_core::sanitize::for_terminal;

/// The tab labels with their screens: " 1 报告 " …
fn tab_labels(app: &App) -> Vec<(String, Screen)> {
    let names = app.shared.labels().screens;
    Screen::ALL
        .iter()
        .zip(names)
        .map(|(&screen, name)| {
            let key = app
                .shared
                .config
                .keymap
                .binding(Action::Screen(screen))
                .and_then(|b| b.keys.first())
                .map(|k| format!("{k} "))
                .unwrap_or_default();
            (format!(" {key}{name} "), screen)
        })
        .collect()
}

/// Which tab a click at column `col` of the tab row hits.
pub fn tab_at(app: &App, col: u16) -> Option<Screen> {
    let mut x = 0usize;
    for (label, screen) in tab_labels(app) {
        let w = str_width(&label);
        if (x..x + w).contains(&(col as usize)) {
            return Some(screen);
        }
        x += w;
    }
    None
}

/// The active filters, always visible while they apply.
fn filters_line(app: &App, p: &Palette) -> Vec<Span<'static>> {
    let l = app.shared.labels();
    let mut spans = Vec::new();
    if !app.shared.themes.is_empty() {
        let taxonomy = app.shared.corpus.taxonomy();
        let names: Vec<&str> = app
            .shared
            .themes
            .iter()
            .filter_map(|id| taxonomy.get(id))
            .map(|t| {
                if app.shared.config.english() {
                    t.en.as_str()
                } else {
                    t.short.as_str()
                }
            })
            .collect();
        let clear = app
            .shared
            .config
            .keymap
            .binding(Action::ClearThemes)
            .map(|b| b.keys_label())
            .unwrap_or_default();
        spans.push(Span::styled(
            format!("{}: {}", l.themes, names.join("+")),
            p.hit,
        ));
        spans.push(Span::raw(format!(" ({clear} {}) ", l.clear_with)));
    }
    if !app.shared.list_filter.is_empty() && app.shared.mode != Mode::FilterInput {
        spans.push(Span::styled(
            format!("{}: {} ", l.filter, for_terminal(&app.shared.list_filter)),
            p.accent,
        ));
    }
    spans
}

pub fn tabs(app: &App, frame: &mut Frame, area: Rect) {
    let p = Palette::new(&app.shared.config);
    let tabs: Vec<Span> = tab_labels(app)
        .into_iter()
        .map(|(label, screen)| {
            if screen == app.screen {
                Span::styled(label, p.selected)
            } else {
                Span::raw(label)
            }
        })
        .collect();
    frame.render_widget(Line::from(tabs), area);
    let filters = Line::from(filters_line(app, &p));
    let w = (filters.width() as u16).min(area.width / 2);
    let right = Rect {
        x: area.right() - w,
        width: w,
        ..area
    };
    frame.render_widget(filters.alignment(Alignment::Right), right);
}

/// The keys that work here, from the keymap: help first (a pane may have more keys than the
/// bar has room for), then the focused pane's.
fn key_hints(app: &App) -> Vec<(String, String)> {
    let scopes = app.scopes();
    let english = app.shared.config.english();
    let mut bindings: Vec<_> = app.shared.config.keymap.in_scopes(&scopes).collect();
    bindings.sort_by_key(|b| {
        let rank = scopes.iter().position(|s| b.works_in(*s)).unwrap_or(9);
        (b.action != Action::Help, rank)
    });
    // While a field takes text, plain characters are typed, not commands: show only the rest.
    let typing = app.shared.mode.takes_text();
    bindings
        .into_iter()
        .filter_map(|b| {
            let keys: Vec<String> = b
                .keys
                .iter()
                .filter(|k| !(typing && k.is_plain_char()))
                .map(|k| k.to_string())
                .collect();
            (!keys.is_empty()).then(|| (keys.join("/"), b.description(english).to_string()))
        })
        .collect()
}

pub fn status(app: &App, frame: &mut Frame, area: Rect) {
    let p = Palette::new(&app.shared.config);
    let l = app.shared.labels();
    let mut spans = Vec::new();
    let input = match app.shared.mode {
        Mode::FilterInput => Some((format!("{}: ", l.filter), &app.shared.list_filter)),
        Mode::SearchInput => Some((
            format!(
                "{}〔{}〕: ",
                l.search,
                l.search_modes[app.popups.search_mode.index()]
            ),
            &app.popups.search_input,
        )),
        Mode::NoteInput => Some((format!("{}: ", l.note_prompt), &app.popups.note_input)),
        _ => None,
    };
    if let Some((prompt, text)) = &input {
        let text = for_terminal(text);
        let caret = area.x as usize + str_width(prompt) + str_width(&text);
        spans.push(Span::styled(prompt.clone(), p.title));
        spans.push(Span::raw(format!("{text} ")));
        if caret < area.right() as usize {
            frame.set_cursor_position((caret as u16, area.y));
        }
    } else if let Some(m) = &app.shared.message {
        spans.push(Span::styled(format!("{m}  "), p.hit));
    }
    // Whole hints only: a key cut off from its description would mislead.
    let mut used: usize = spans.iter().map(|s| str_width(&s.content)).sum();
    for (keys, desc) in key_hints(app) {
        let hint = format!(" {desc}  ");
        let w = str_width(&keys) + str_width(hint.trim_end());
        if used + w > area.width as usize {
            break;
        }
        used += w + 2;
        spans.push(Span::styled(keys, p.title));
        spans.push(Span::raw(hint));
    }
    frame.render_widget(Line::from(spans), area);
}

pub fn too_small(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let size = format!("{}×{}", area.width, area.height);
    let text = format!(
        "{} ({size}; need {MIN_WIDTH}×{MIN_HEIGHT})",
        app.shared.labels().too_small
    );
    let y = area.height / 2;
    let line = Rect {
        y,
        height: 1.min(area.height),
        ..area
    };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), line);
}
