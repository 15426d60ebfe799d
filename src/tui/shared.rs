//! What every screen sees and may change: the corpus and settings, the report list with its
//! filter and sort, the theme filter, the compare marks, search hits, the input mode, the
//! terminal size and the one-off message. Screens get it as `&mut Shared` beside their own state.

use std::path::PathBuf;
use std::sync::Arc;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Matcher, Utf32Str};
use ratatui::layout::Rect;
use rayon::prelude::*;

use super::action::Action;
use super::labels::{self, Labels};
use super::layout::{self, Areas};
use crate::tui::settings::Settings;
use fazhi_core::check::{self, Completeness};
use fazhi_core::corpus::{Corpus, Hit};
use fazhi_core::model::Report;
use fazhi_core::notes::{Note, Notes, Status};
use fazhi_core::sanitize::for_terminal;

/// What keys currently go to: the screens, a text field or a popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    FilterInput,
    SearchInput,
    SearchResults,
    ThemePicker,
    Help,
    /// The list of files that could not be loaded (and reports that loaded damaged).
    Problems,
    /// Typing the reviewer's note of a report.
    NoteInput,
    /// A locality across its years.
    Years,
}

impl Mode {
    /// Whether plain characters are typed into a field.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::FilterInput | Mode::SearchInput | Mode::Help | Mode::NoteInput
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Locality,
    Year,
    Level,
}

/// A list's selection and scroll offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    pub(crate) fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let next = self.selected as isize + delta;
        self.selected = next.clamp(0, len as isize - 1) as usize;
    }

    /// Keep the selection inside a window of `height` rows.
    pub(crate) fn fit(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// How many rows a movement action moves by, `page` rows a page.
pub(crate) fn motion(action: Action, page: isize) -> Option<isize> {
    Some(match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// The state all screens share.
pub struct Shared {
    /// Shared with work done on other threads (screen 5's review); never changed once loaded.
    pub corpus: Arc<Corpus>,
    pub config: Settings,
    pub mode: Mode,
    pub size: Rect,
    /// A one-off notice for the status bar (cleared by the next action).
    pub message: Option<String>,
    pub sort: SortKey,
    pub list_filter: String,
    /// Report indexes shown in the list, in order; every screen's rows or columns follow it.
    pub visible: Vec<usize>,
    /// The selected report: the one the report screen shows and the default side A.
    pub list: Cursor,
    /// Selected theme ids (taxonomy order); empty: no theme filter.
    pub themes: Vec<String>,
    /// Reports marked as sides A and B of the comparison.
    pub marks: [Option<usize>; 2],
    /// The last search's hits, in report order and then text order.
    pub hits: Vec<Hit>,
    pub hit: Option<usize>,
    /// Per report: bit i set when some section speaks to taxonomy theme i.
    report_themes: Vec<u32>,
    /// Per report: the text the list filter matches against.
    haystacks: Vec<String>,
    /// Per report: the completeness check, computed once at load.
    checks: Arc<[Completeness]>,
    /// The reviewer's status and note per report, and the file they are kept in (`None`: they
    /// last only this session, as when the file could not be read and must not be overwritten).
    notes: Notes,
    notes_file: Option<PathBuf>,
    /// Where `e` writes its files: the working folder.
    pub export_dir: PathBuf,
}

impl Shared {
    /// The last search's hits in the selected report, all highlighted in its text.
    pub fn hits_in_report(&self) -> &[Hit] {
        let Some(report) = self.report_index() else {
            return &[];
        };
        let from = self.hits.partition_point(|h| h.report < report);
        let to = self.hits.partition_point(|h| h.report <= report);
        &self.hits[from..to]
    }

    pub fn new(corpus: Corpus, config: Settings) -> Shared {
        let taxonomy = corpus.taxonomy();
        // Per-report work before the first frame: on every core, as the load was.
        let report_themes = corpus
            .reports
            .par_iter()
            .map(|r| {
                let mut mask = 0u32;
                for (_, s) in r.walk() {
                    for (i, t) in taxonomy.themes.iter().enumerate().take(32) {
                        if s.has_theme(&t.id) {
                            mask |= 1 << i;
                        }
                    }
                }
                mask
            })
            .collect();
        let haystacks = corpus.reports.par_iter().map(haystack).collect();
        let checks: Vec<Completeness> = corpus.reports.par_iter().map(check::check).collect();
        let mut notes_message = None;
        let (notes, notes_file) = match config.notes_file.as_deref().map(Notes::load) {
            None => (Notes::default(), None),
            Some(Ok(notes)) => (notes, config.notes_file.clone()),
            Some(Err(e)) => {
                notes_message = Some(for_terminal(&e.to_string()));
                (Notes::default(), None)
            }
        };
        let corpus = Arc::new(corpus);
        // The search index, and what comparisons and searches need, are built behind the first
        // frame (on the cores the load has just freed); a search or comparison made before they
        // are ready waits for them.
        let building = Arc::clone(&corpus);
        let _ = std::thread::Builder::new()
            .name("fazhi-index".into())
            .spawn(move || {
                building.build_index();
                crate::memory::give_back_freed();
            });
        let _ = std::thread::Builder::new()
            .name("fazhi-prepare".into())
            .spawn(fazhi_core::analyse::prepare);
        let mut shared = Shared {
            corpus,
            checks: checks.into(),
            config,
            mode: Mode::Normal,
            size: Rect::new(0, 0, 80, 24),
            message: None,
            sort: SortKey::Locality,
            list_filter: String::new(),
            visible: Vec::new(),
            list: Cursor::default(),
            themes: Vec::new(),
            marks: [None; 2],
            hits: Vec::new(),
            hit: None,
            report_themes,
            haystacks,
            notes,
            notes_file,
            export_dir: PathBuf::from("."),
        };
        shared.refresh_list(None);
        let failed = shared.corpus.problems.len();
        if failed > 0 {
            // The key that lists them is whatever the keymap binds to it.
            let key = shared
                .config
                .keymap
                .bindings
                .iter()
                .find(|b| b.action == Action::Problems)
                .map(|b| b.keys_label())
                .unwrap_or_default();
            shared.message = Some(if shared.config.english() {
                format!("{failed} file(s) could not be loaded ({key} lists them)")
            } else {
                format!("{failed} 个文件未能载入（按 {key} 查看）")
            });
        }
        if notes_message.is_some() {
            shared.message = notes_message;
        }
        shared
    }

    pub fn labels(&self) -> &'static Labels {
        if self.config.english() {
            &labels::EN
        } else {
            &labels::ZH
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size)
    }

    /// Index into `corpus.reports` of the selected report.
    pub fn report_index(&self) -> Option<usize> {
        self.visible.get(self.list.selected).copied()
    }

    pub fn report(&self) -> Option<&Report> {
        self.report_index().map(|i| &self.corpus.reports[i])
    }

    /// The reviewer's status and note of a report.
    pub fn note(&self, report: usize) -> Note {
        self.corpus
            .reports
            .get(report)
            .map(|r| self.notes.get(&r.hash))
            .unwrap_or_default()
    }

    pub fn notes(&self) -> &Notes {
        &self.notes
    }

    /// Set a report's status and note, and keep them in the notes file.
    pub fn set_note(&mut self, report: usize, mut note: Note) {
        let Some(r) = self.corpus.reports.get(report) else {
            return;
        };
        note.source.clone_from(&r.source);
        self.notes.set(&r.hash, note);
        if let Some(path) = &self.notes_file
            && let Err(e) = self.notes.save(path)
        {
            self.message = Some(format!(
                "{}: {}",
                self.labels().notes_unsaved,
                for_terminal(&format!("{}: {e}", path.display()))
            ));
        }
    }

    /// The completeness check of a report.
    pub fn check(&self, report: usize) -> Option<&Completeness> {
        self.checks.get(report)
    }

    /// Every report's completeness check, in report order, to hand to another thread.
    pub fn checks(&self) -> Arc<[Completeness]> {
        Arc::clone(&self.checks)
    }

    /// Theme mask of a report (bit per taxonomy theme).
    pub fn report_theme_mask(&self, report: usize) -> u32 {
        self.report_themes.get(report).copied().unwrap_or(0)
    }

    fn theme_mask(&self) -> u32 {
        let taxonomy = self.corpus.taxonomy();
        taxonomy
            .themes
            .iter()
            .enumerate()
            .take(32)
            .filter(|(_, t)| self.themes.contains(&t.id))
            .fold(0, |m, (i, _)| m | 1 << i)
    }

    /// Recompute the visible reports (filter, theme filter, sort), keeping the selection on
    /// `keep` (or the current report) when it stays visible.
    pub(crate) fn refresh_list(&mut self, keep: Option<usize>) {
        let keep = keep.or(self.report_index());
        let mask = self.theme_mask();
        let mut visible: Vec<usize> = (0..self.corpus.reports.len())
            .filter(|&i| mask == 0 || self.report_themes[i] & mask != 0)
            .collect();
        if !self.list_filter.trim().is_empty() {
            let pattern = Pattern::parse(
                &self.list_filter,
                CaseMatching::Ignore,
                Normalization::Smart,
            );
            let mut matcher = Matcher::new(nucleo_matcher::Config::DEFAULT);
            let mut buf = Vec::new();
            visible.retain(|&i| {
                // The reviewer's status is matched too ("待改"), as it stands now.
                let note = self.note(i);
                let haystack = if note.status == Status::Pending && note.note.is_empty() {
                    self.haystacks[i].clone()
                } else {
                    format!(
                        "{} {} {} {}",
                        self.haystacks[i],
                        note.status.label_zh(),
                        note.status.label_en(),
                        note.note
                    )
                };
                pattern
                    .score(Utf32Str::new(&haystack, &mut buf), &mut matcher)
                    .is_some()
            });
        }
        let reports = &self.corpus.reports;
        // Each key built once (names are formatted): thousands of reports, on every filter key.
        match self.sort {
            // Division codes order places as the national list does: by province, then
            // prefecture, then county.
            SortKey::Locality => visible.sort_by_cached_key(|&i| {
                let r = &reports[i];
                let code = r.locality.as_ref().and_then(|l| l.code.clone());
                let province = r.locality.as_ref().and_then(|l| l.province());
                (
                    code.is_none(),
                    code,
                    province.map(str::to_string),
                    r.display_name(),
                    r.year,
                )
            }),
            SortKey::Year => visible.sort_by_cached_key(|&i| {
                let r = &reports[i];
                (std::cmp::Reverse(r.year), r.display_name())
            }),
            SortKey::Level => visible.sort_by_cached_key(|&i| {
                let r = &reports[i];
                (r.level(), r.display_name(), r.year)
            }),
        }
        self.visible = visible;
        let position = keep.and_then(|k| self.visible.iter().position(|&i| i == k));
        self.list.selected = position.unwrap_or(0);
    }

    /// Select `report`, dropping the filters that hide it.
    pub(crate) fn select(&mut self, report: usize) {
        if !self.visible.contains(&report) {
            self.list_filter.clear();
            self.themes.clear();
        }
        self.refresh_list(Some(report));
    }

    /// Mark the selected report as side `side` (0: A, 1: B); a report is never both sides.
    pub(crate) fn mark(&mut self, side: usize) {
        let Some(report) = self.report_index() else {
            return;
        };
        self.marks[side] = Some(report);
        if self.marks[1 - side] == Some(report) {
            self.marks[1 - side] = None;
        }
        let name = ["A", "B"][side];
        let label = self.corpus.reports[report].display_name();
        self.message = Some(format!(
            "{} {} {name}",
            for_terminal(&label),
            self.labels().marked_as
        ));
    }
}

/// What the list filter matches: place, province, year, level.
fn haystack(r: &Report) -> String {
    let mut s = r.display_name();
    if let Some(l) = &r.locality {
        for p in &l.path {
            s.push(' ');
            s.push_str(p);
        }
    }
    if let Some(y) = r.year {
        s.push_str(&format!(" {y}"));
    }
    s.push(' ');
    s.push_str(r.level().label_zh());
    s.push(' ');
    s.push_str(r.level().as_str());
    s
}
