//! The dashboard's state and `update`, the only place it changes. The app handles what belongs
//! to no screen (quitting, popups, text fields, switching screens, search hits) and hands the
//! rest to the current screen, carrying out the [`Effect`] it returns.

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::action::{Action, Screen};
use super::export;
use super::keymap::Scope;
use super::layout;
use super::screens::report::Pane;
use super::screens::{Effect, Screens};
use super::shared::{Cursor, Mode, Shared, motion};
use crate::tui::settings::Settings;
use fazhi_core::analyse::shared::Slogans;
use fazhi_core::analyse::years::{LocalityKey, Years, years};
use fazhi_core::corpus::{Corpus, LoadProblem, SearchMode};
use fazhi_core::model::Span;
use fazhi_core::sanitize::for_terminal;

/// The popups' and text fields' state.
#[derive(Debug, Clone, Default)]
pub struct Popups {
    pub search_input: String,
    /// How the query is matched; kept from one search to the next.
    pub search_mode: SearchMode,
    pub results: Cursor,
    pub picker: Cursor,
    /// Per taxonomy theme, ticked in the picker; taken from the theme filter when it opens.
    pub picked: Vec<bool>,
    pub help_filter: String,
    pub help: Cursor,
    pub problems: Cursor,
    /// The note being typed, and whose.
    pub note_input: String,
    pub note_report: Option<usize>,
    /// The locality shown across its years, and the scroll of its rows.
    pub years: Option<Years>,
    pub years_rows: Cursor,
}

/// The dashboard's state.
pub struct App {
    pub shared: Shared,
    pub screens: Screens,
    pub screen: Screen,
    pub popups: Popups,
    pub quit: bool,
}

impl App {
    pub fn new(corpus: Corpus, config: Settings) -> App {
        let shared = Shared::new(corpus, config);
        App {
            screens: Screens::new(&shared),
            shared,
            screen: Screen::Report,
            popups: Popups::default(),
            quit: false,
        }
    }

    /// Whether work is under way in the background, whose result a [`Action::Tick`] takes.
    pub fn busy(&self) -> bool {
        self.screens.review.computing()
    }

    /// Wait for the work under way in the background and show its result, as a later
    /// [`Action::Tick`] would.
    pub fn wait(&mut self) {
        self.screens.review.receive(true);
        self.fit();
    }

    /// Key scopes in effect, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self.shared.mode {
            Mode::Normal => vec![self.screens.get(self.screen).scope(), Scope::Global],
            Mode::FilterInput | Mode::NoteInput => vec![Scope::Input],
            Mode::SearchInput => vec![Scope::Search, Scope::Input],
            Mode::Help | Mode::SearchResults | Mode::ThemePicker | Mode::Problems | Mode::Years => {
                vec![Scope::Popup]
            }
        }
    }

    /// What the problems popup lists: files not loaded, then reports loaded damaged.
    pub fn problems(&self) -> impl Iterator<Item = &LoadProblem> {
        let corpus = &self.shared.corpus;
        corpus.problems.iter().chain(&corpus.warnings)
    }

    pub fn problem_count(&self) -> usize {
        self.problems().count()
    }

    /// Help rows matching the help filter, as binding indexes.
    pub fn help_rows(&self) -> Vec<usize> {
        let needle = self.popups.help_filter.to_lowercase();
        self.shared
            .config
            .keymap
            .bindings
            .iter()
            .enumerate()
            .filter(|(_, b)| {
                needle.is_empty()
                    || b.zh.to_lowercase().contains(&needle)
                    || b.en.to_lowercase().contains(&needle)
                    || b.name.contains(&needle)
                    || b.keys_label().to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Show `span` of report `report` in the report screen's text pane, inside `section`.
    fn open(&mut self, report: usize, section: Vec<usize>, span: Span) {
        self.shared.select(report);
        self.screens.report.show(&self.shared, section, span);
    }

    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Open {
                report,
                section,
                span,
                focus,
            } => {
                self.screen = Screen::Report;
                self.screens.report.focus = focus;
                self.open(report, section, span);
            }
            Effect::OpenIndicator { report, indicator } => {
                self.screen = Screen::Report;
                self.shared.select(report);
                self.screens.report.show_indicator(&self.shared, indicator);
            }
            Effect::Compare { a, b } => {
                self.shared.marks = [Some(a), Some(b)];
                self.screen = Screen::Compare;
            }
            Effect::Years { report } => self.open_years(report),
            Effect::EditNote { report } => {
                self.popups.note_input = self.shared.note(report).note;
                self.popups.note_report = Some(report);
                self.shared.mode = Mode::NoteInput;
            }
        }
    }

    /// Show the locality of `report` across its years, if it has more than one loaded.
    fn open_years(&mut self, report: usize) {
        let corpus = &self.shared.corpus;
        let Some(key) = corpus.reports.get(report).and_then(LocalityKey::of) else {
            return;
        };
        let years = years(&corpus.reports, &key, Slogans::shared());
        if years.reports.len() < 2 {
            self.shared.message = Some(self.shared.labels().one_year.to_string());
            return;
        }
        self.popups.years = Some(years);
        self.popups.years_rows = Cursor::default();
        self.shared.mode = Mode::Years;
    }

    /// Compare the two latest years of the locality shown on screen 2.
    fn compare_latest_years(&mut self) {
        let Some(years) = &self.popups.years else {
            return;
        };
        let index = |source: &str| {
            self.shared
                .corpus
                .reports
                .iter()
                .position(|r| r.source == source)
        };
        let mut latest = years.reports.iter().rev().map(|r| index(&r.source));
        if let (Some(Some(b)), Some(Some(a))) = (latest.next(), latest.next()) {
            // The earlier year on the left, as the text is read.
            self.shared.marks = [Some(a), Some(b)];
            self.screen = Screen::Compare;
            self.shared.mode = Mode::Normal;
        }
    }

    /// Write what the current screen shows to new files in the export folder (a CSV, and a
    /// workbook where a sheet serves better), never over existing ones.
    fn export(&mut self) {
        // A table still being computed would be written empty.
        if self.screen == Screen::Review && self.screens.review.computing() {
            self.shared.message = Some(self.shared.labels().review_computing.to_string());
            return;
        }
        let screen = self.screens.get(self.screen);
        let (name, records) = screen.export(&self.shared);
        let dir = &self.shared.export_dir;
        let mut written = vec![export::csv(dir, name, &records)];
        if screen.exports_sheet() {
            written.push(export::xlsx(dir, name, &records));
        }
        let l = self.shared.labels();
        let written: Result<Vec<PathBuf>, std::io::Error> = written.into_iter().collect();
        self.shared.message = Some(match written {
            Ok(paths) => {
                let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                format!("{} {}", l.exported, for_terminal(&paths.join(", ")))
            }
            Err(e) => format!("{}: {}", l.export_failed, for_terminal(&e.to_string())),
        });
    }

    fn jump_to_hit(&mut self, n: usize) {
        let Some(hit) = self.shared.hits.get(n).copied() else {
            return;
        };
        self.shared.hit = Some(n);
        let section = self.shared.corpus.section_of(&hit);
        self.open(hit.report, section, hit.at);
        let total = self.shared.hits.len();
        let hits = self.shared.labels().hits;
        self.shared.message = Some(format!("{}/{} {}", n + 1, total, hits));
    }

    fn step_hit(&mut self, forward: bool) {
        let n = self.shared.hits.len();
        if n == 0 {
            return;
        }
        let next = match (self.shared.hit, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.jump_to_hit(next);
    }

    fn run_search(&mut self) {
        let shared = &mut self.shared;
        let mode = self.popups.search_mode;
        shared.hits = shared.corpus.search(&self.popups.search_input, mode);
        shared.hit = None;
        self.popups.results = Cursor::default();
        if shared.hits.is_empty() {
            let l = shared.labels();
            shared.message = Some(format!(
                "{} “{}”（{}）",
                l.no_hits,
                fazhi_core::sanitize::for_terminal(&self.popups.search_input),
                l.search_modes[mode.index()]
            ));
            shared.mode = Mode::Normal;
        } else {
            shared.mode = Mode::SearchResults;
        }
    }

    fn apply_picked(&mut self) {
        let taxonomy = self.shared.corpus.taxonomy();
        self.shared.themes = taxonomy
            .themes
            .iter()
            .zip(&self.popups.picked)
            .filter(|(_, p)| **p)
            .map(|(t, _)| t.id.clone())
            .collect();
        self.shared.refresh_list(None);
    }

    fn click(&mut self, col: u16, row: u16) {
        if self.shared.mode != Mode::Normal {
            return;
        }
        if row == self.shared.areas().tabs.y {
            if let Some(screen) = super::views::chrome::tab_at(self, col) {
                self.screen = screen;
            }
            return;
        }
        self.screens
            .get_mut(self.screen)
            .click(col, row, &mut self.shared);
    }

    fn scroll(&mut self, col: u16, row: u16, delta: isize) {
        if self.shared.mode != Mode::Normal {
            return;
        }
        self.screens
            .get_mut(self.screen)
            .scroll(col, row, delta, &mut self.shared);
    }

    /// Keep every selection on screen.
    fn fit(&mut self) {
        // The report screen's state belongs to the selected report and the theme filter, which
        // any screen may change; it follows them even while another screen is shown.
        self.screens.report.follow(&self.shared);
        // Screen 5's rows are taken when ready even while another screen is shown, so the
        // loop stops looking for them.
        self.screens.review.receive(false);
        self.screens.get_mut(self.screen).fit(&mut self.shared);
        let popup = layout::inner(layout::popup(self.shared.size)).height as usize;
        let p = &mut self.popups;
        p.results.fit(self.shared.hits.len(), popup);
        p.picker.fit(p.picked.len(), popup);
        let problems = self.problem_count();
        self.popups.problems.fit(problems, popup);
        let years = self.popups.years.as_ref().map_or(0, |y| y.indicators.len());
        // The header, the reuse lines and a hint take rows of the popup.
        let reuse = self.popups.years.as_ref().map_or(0, |y| y.reuse.len());
        self.popups
            .years_rows
            .fit(years, popup.saturating_sub(reuse + 3));
        let help = self.help_rows().len();
        self.popups.help.fit(help, popup.saturating_sub(2));
    }
}

/// Apply one action. The only function that changes the app.
pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize(..) | Action::Tick) {
        app.shared.message = None;
    }
    match (app.shared.mode, action) {
        (_, Action::Quit) => app.quit = true,
        // `fit` below takes what is ready.
        (_, Action::Tick) => {}
        (_, Action::Resize(w, h)) => {
            if w != app.shared.size.width {
                for screen in Screen::ALL {
                    app.screens.get_mut(screen).resized();
                }
            }
            app.shared.size = Rect::new(0, 0, w, h);
        }
        (_, Action::Click(c, r)) => app.click(c, r),
        (_, Action::ScrollUp(c, r)) => app.scroll(c, r, -3),
        (_, Action::ScrollDown(c, r)) => app.scroll(c, r, 3),
        (Mode::Normal, a) => normal(app, a),
        (Mode::FilterInput, a) => {
            let shared = &mut app.shared;
            match a {
                Action::Input(c) => shared.list_filter.push(c),
                Action::Backspace => {
                    shared.list_filter.pop();
                }
                Action::Activate => shared.mode = Mode::Normal,
                Action::Close => {
                    shared.list_filter.clear();
                    shared.mode = Mode::Normal;
                }
                _ => {}
            }
            shared.refresh_list(None);
        }
        (Mode::SearchInput, a) => match a {
            Action::Input(c) => app.popups.search_input.push(c),
            Action::Backspace => {
                app.popups.search_input.pop();
            }
            Action::Activate => app.run_search(),
            Action::CycleSearchMode => app.popups.search_mode = app.popups.search_mode.next(),
            Action::Close => app.shared.mode = Mode::Normal,
            _ => {}
        },
        (Mode::NoteInput, a) => match a {
            Action::Input(c) => app.popups.note_input.push(c),
            Action::Backspace => {
                app.popups.note_input.pop();
            }
            Action::Activate => {
                app.shared.mode = Mode::Normal;
                if let Some(report) = app.popups.note_report.take() {
                    let mut note = app.shared.note(report);
                    note.note = app.popups.note_input.trim().to_string();
                    app.shared.set_note(report, note);
                }
            }
            Action::Close => {
                app.popups.note_report = None;
                app.shared.mode = Mode::Normal;
            }
            _ => {}
        },
        (Mode::Years, a) => match a {
            Action::Activate => app.compare_latest_years(),
            Action::Close | Action::Years => app.shared.mode = Mode::Normal,
            a => popup_move(
                app,
                a,
                |app| &mut app.popups.years_rows,
                |app| app.popups.years.as_ref().map_or(0, |y| y.indicators.len()),
            ),
        },
        (Mode::SearchResults, a) => match a {
            Action::Activate => {
                app.shared.mode = Mode::Normal;
                app.screens.report.focus = Pane::Text;
                let n = app.popups.results.selected;
                app.jump_to_hit(n);
            }
            Action::Close => app.shared.mode = Mode::Normal,
            a => popup_move(
                app,
                a,
                |app| &mut app.popups.results,
                |app| app.shared.hits.len(),
            ),
        },
        (Mode::ThemePicker, a) => match a {
            Action::Toggle => {
                let p = &mut app.popups;
                if let Some(p) = p.picked.get_mut(p.picker.selected) {
                    *p = !*p;
                }
            }
            Action::Activate => {
                app.shared.mode = Mode::Normal;
                app.apply_picked();
            }
            Action::ClearThemes => app.popups.picked.iter_mut().for_each(|p| *p = false),
            Action::Close => app.shared.mode = Mode::Normal,
            a => popup_move(
                app,
                a,
                |app| &mut app.popups.picker,
                |app| app.popups.picked.len(),
            ),
        },
        (Mode::Problems, a) => match a {
            Action::Close | Action::Activate | Action::Problems => app.shared.mode = Mode::Normal,
            a => popup_move(
                app,
                a,
                |app| &mut app.popups.problems,
                |app| app.problem_count(),
            ),
        },
        (Mode::Help, a) => match a {
            Action::Input(c) => {
                app.popups.help_filter.push(c);
                app.popups.help = Cursor::default();
            }
            Action::Backspace => {
                app.popups.help_filter.pop();
            }
            Action::Close | Action::Activate => app.shared.mode = Mode::Normal,
            a => popup_move(
                app,
                a,
                |app| &mut app.popups.help,
                |app| app.help_rows().len(),
            ),
        },
    }
    app.fit();
}

fn popup_move(
    app: &mut App,
    action: Action,
    cursor: fn(&mut App) -> &mut Cursor,
    len: fn(&App) -> usize,
) {
    let page = layout::inner(layout::popup(app.shared.size)).height.max(2) as isize - 1;
    let n = len(app);
    if let Some(delta) = motion(action, page) {
        cursor(app).step(delta, n);
    }
}

/// Keys outside popups and fields: the app's own, then the current screen's.
fn normal(app: &mut App, action: Action) {
    match action {
        Action::Help => {
            app.shared.mode = Mode::Help;
            app.popups.help_filter.clear();
            app.popups.help = Cursor::default();
        }
        Action::Problems => {
            app.shared.mode = Mode::Problems;
            app.popups.problems = Cursor::default();
        }
        Action::Screen(s) => app.screen = s,
        Action::Search => app.shared.mode = Mode::SearchInput,
        Action::ThemeFilter => {
            let themes = &app.shared.themes;
            let taxonomy = app.shared.corpus.taxonomy();
            app.popups.picked = taxonomy
                .themes
                .iter()
                .map(|t| themes.contains(&t.id))
                .collect();
            app.shared.mode = Mode::ThemePicker;
        }
        Action::ClearThemes => {
            app.shared.themes.clear();
            app.shared.refresh_list(None);
        }
        Action::Export => app.export(),
        Action::NextHit => app.step_hit(true),
        Action::PrevHit => app.step_hit(false),
        action => {
            let effect = app
                .screens
                .get_mut(app.screen)
                .update(action, &mut app.shared);
            app.apply(effect);
        }
    }
}
