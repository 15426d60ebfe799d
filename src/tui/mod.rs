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

use std::sync::Mutex;
use std::time::{Duration, Instant};

use ratatui::crossterm::event as ct;

pub use action::{Action, Screen};
pub use app::{App, update};
pub use screens::report::Pane;
pub use shared::{Mode, SortKey};
pub use views::render;

use crate::tui::settings::Settings;
use fazhi_core::corpus::{Corpus, LoadProblem, Progress};

/// Run the dashboard on `corpus` until the user quits; the terminal is restored on every way out.
pub fn run(corpus: Corpus, config: Settings) -> anyhow::Result<()> {
    let guard = terminal::enter(config.mouse)?;
    event_loop(guard, App::new(corpus, config))
}

/// What a load left for the face to say once the dashboard is closed.
pub struct Loaded {
    /// Files not loaded, then reports loaded damaged.
    pub problems: Vec<LoadProblem>,
    /// How many files could not be loaded at all.
    pub failed: usize,
    /// Nothing loaded: the dashboard was not opened.
    pub empty: bool,
}

/// The gauge is redrawn at most this often: a load reports every file.
const GAUGE_EVERY: Duration = Duration::from_millis(50);

/// Open the dashboard at once, showing a gauge (files read of all, the current file) while
/// `load` reads the reports, then the dashboard on them until the user quits.
pub fn run_loading(
    load: impl FnOnce(&(dyn Fn(Progress<'_>) + Sync)) -> Corpus,
    config: Settings,
) -> anyhow::Result<Loaded> {
    let guard = terminal::enter(config.mouse)?;
    let english = config.english();
    // The time of the gauge's last frame: none yet, so the first file draws one.
    let screen = Mutex::new((guard, None::<Instant>));
    let corpus = load(&|p: Progress<'_>| {
        // A worker that finds the terminal busy skips its turn rather than waiting.
        let Ok(mut held) = screen.try_lock() else {
            return;
        };
        let (guard, last) = &mut *held;
        if last.is_some_and(|t| t.elapsed() < GAUGE_EVERY) && p.done < p.total {
            return;
        }
        *last = Some(Instant::now());
        let _ = guard
            .terminal
            .draw(|frame| views::loading::render(frame, &p, english));
    });
    let (guard, _) = screen
        .into_inner()
        .map_err(|_| anyhow::anyhow!("the loading gauge panicked"))?;
    let loaded = Loaded {
        problems: corpus
            .problems
            .iter()
            .chain(&corpus.warnings)
            .cloned()
            .collect(),
        failed: corpus.problems.len(),
        empty: corpus.reports.is_empty(),
    };
    if !loaded.empty {
        event_loop(guard, App::new(corpus, config))?;
    }
    Ok(loaded)
}

/// How often the loop looks for finished background work when no key comes.
const TICK: Duration = Duration::from_millis(100);

fn event_loop(mut guard: terminal::Guard, mut app: App) -> anyhow::Result<()> {
    let size = guard.terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    while !app.quit {
        guard.terminal.draw(|frame| render(&app, frame))?;
        if app.busy() && !ct::poll(TICK)? {
            update(&mut app, Action::Tick);
            continue;
        }
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
