//! The dashboard: a thin ratatui layer over the corpus.
//!
//! TEA-lite: [`App`] holds all state, [`update`] applies an [`Action`], [`render`] draws.
//! `event` maps terminal events to actions through the [`keymap::Keymap`]. Each screen is one
//! module under `screens`, owning its state behind [`screens::Component`]; what they share
//! is in [`shared::Shared`].

pub mod action;
pub mod app;
pub mod event;
pub mod export;
pub mod grid;
pub mod keymap;
pub mod labels;
pub mod layout;
pub mod outline;
pub mod screens;
pub mod settings;
pub mod shared;
pub mod terminal;
pub mod views;
pub mod wrap;

use std::time::Duration;

use ratatui::crossterm::event as ct;

pub use action::{Action, Screen};
pub use app::{App, update};
pub use screens::report::Pane;
pub use shared::{Mode, SortKey};
pub use views::render;

use crate::tui::settings::Settings;
use fazhi_core::corpus::Corpus;

/// Run the dashboard until the user quits; the terminal is restored on every way out.
pub fn run(corpus: Corpus, config: Settings) -> anyhow::Result<()> {
    let mouse = config.mouse;
    let mut app = App::new(corpus, config);
    let mut guard = terminal::enter(mouse)?;
    let size = guard.terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    while !app.quit {
        guard.terminal.draw(|frame| render(&app, frame))?;
        // Take every event already queued before drawing again, so bursts cost one frame.
        let mut event = ct::read()?;
        loop {
            if let Some(action) = event::action_for(&app, &event) {
                update(&mut app, action);
            }
            if app.quit || !ct::poll(Duration::ZERO)? {
                break;
            }
            event = ct::read()?;
        }
    }
    Ok(())
}
