//! Terminal events to actions, through the keymap.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;
use super::app::App;
use super::keymap::Key;

/// The action an event asks for in the app's current state, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(app, *key),
        Event::Mouse(mouse) if app.shared.config.mouse => mouse_action(*mouse),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Keys: only presses count (Windows also reports releases). Ctrl-C always quits. While a text
/// field has focus, plain characters are typed into it.
pub fn key_action(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if key.code == KeyCode::Char('c') && !plain {
        return Some(Action::Quit);
    }
    if app.shared.mode.takes_text() {
        match key.code {
            KeyCode::Char(c) if plain => return Some(Action::Input(c)),
            KeyCode::Backspace => return Some(Action::Backspace),
            _ => {}
        }
    }
    app.shared
        .config
        .keymap
        .lookup(Key::from_event(key), &app.scopes())
}

fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (col, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(col, row)),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp(col, row)),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown(col, row)),
        _ => None,
    }
}
