//! Screen 1, the report: list, outline, text and indicator panes. Its outline, text and
//! indicator state belongs to the selected report and the theme filter, which other screens
//! change too: [`ReportScreen::follow`] resets it when they move.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::{Component, Effect};
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::layout::{self, Areas};
use crate::tui::outline::{self, OutlineRow};
use crate::tui::shared::{Cursor, Mode, Shared, SortKey};
use crate::tui::{views, wrap};
use fazhi_core::model::Span;

/// The four panes of the report screen, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Outline,
    Text,
    Indicators,
}

impl Pane {
    const ORDER: [Pane; 4] = [Pane::List, Pane::Outline, Pane::Text, Pane::Indicators];

    /// The keymap scope of the pane.
    pub fn scope(self) -> Scope {
        match self {
            Pane::List => Scope::List,
            Pane::Outline => Scope::Outline,
            Pane::Text => Scope::Text,
            Pane::Indicators => Scope::Indicators,
        }
    }
}

/// (report, section path, width): wrapped lines are cached per key.
type WrapKey = (usize, Vec<usize>, usize);

/// The report screen's own state.
pub struct ReportScreen {
    pub focus: Pane,
    /// Sections folded in the outline of the selected report.
    pub collapsed: HashSet<Vec<usize>>,
    /// The selected section (empty path: preamble, or the whole text when there are no sections).
    pub section: Vec<usize>,
    pub outline: Cursor,
    pub text_scroll: usize,
    /// A passage marked by a jump (indicator sentence or search hit).
    pub mark: Option<Span>,
    pub indicators: Cursor,
    /// The report and theme filter the state above was made for.
    shown: (Option<usize>, Vec<String>),
    wrap_cache: RefCell<HashMap<WrapKey, Rc<Vec<Range<usize>>>>>,
}

impl ReportScreen {
    pub fn new(shared: &Shared) -> ReportScreen {
        let mut screen = ReportScreen {
            focus: Pane::List,
            collapsed: HashSet::new(),
            section: Vec::new(),
            outline: Cursor::default(),
            text_scroll: 0,
            mark: None,
            indicators: Cursor::default(),
            shown: (None, Vec::new()),
            wrap_cache: RefCell::new(HashMap::new()),
        };
        screen.follow(shared);
        screen
    }

    /// Catch up with the selected report and the theme filter: a different report starts
    /// afresh; a different filter may hide the selected section and shifts the indicators.
    pub(crate) fn follow(&mut self, shared: &Shared) {
        let report = shared.report_index();
        if report != self.shown.0 {
            self.collapsed.clear();
            self.section = Vec::new();
            self.mark = None;
            self.text_scroll = 0;
        } else if shared.themes == self.shown.1 {
            return;
        }
        self.indicators = Cursor::default();
        self.shown = (report, shared.themes.clone());
        self.ensure_section_visible(shared);
    }

    /// Rows of the outline of the selected report, under the theme filter.
    pub fn outline_rows(&self, shared: &Shared) -> Vec<OutlineRow> {
        shared
            .report()
            .map(|r| outline::rows(r, &self.collapsed, &shared.themes))
            .unwrap_or_default()
    }

    /// Indexes of the selected report's indicators shown under the theme filter.
    pub fn visible_indicators(&self, shared: &Shared) -> Vec<usize> {
        let Some(report) = shared.report() else {
            return Vec::new();
        };
        let themes = &shared.themes;
        report
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, ind)| {
                themes.is_empty()
                    || themes.iter().any(|t| ind.themes.contains(t))
                    || outline::path_matches(report, &ind.section, themes)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The range of the report's text the text pane shows.
    pub fn text_span(&self, shared: &Shared) -> Span {
        shared
            .report()
            .map(|r| outline::text_span(r, &self.section))
            .unwrap_or_default()
    }

    /// Wrapped lines of the text pane at the current width, as ranges of the report's text.
    /// Cached per (report, section, width): keys never re-segment.
    pub fn text_lines(&self, shared: &Shared) -> Rc<Vec<Range<usize>>> {
        let width = layout::inner(shared.areas().text).width as usize;
        let Some(index) = shared.report_index() else {
            return Rc::new(Vec::new());
        };
        let key = (index, self.section.clone(), width);
        if let Some(lines) = self.wrap_cache.borrow().get(&key) {
            return Rc::clone(lines);
        }
        let report = &shared.corpus.reports[index];
        let span = self.text_span(shared);
        let text = report.slice(span);
        let lines: Vec<Range<usize>> = wrap::wrap(text, width)
            .into_iter()
            .map(|r| r.start + span.start..r.end + span.start)
            .collect();
        let lines = Rc::new(lines);
        self.wrap_cache.borrow_mut().insert(key, Rc::clone(&lines));
        lines
    }

    /// Under a theme filter the selected section may vanish from the outline: move to the first
    /// row still shown.
    fn ensure_section_visible(&mut self, shared: &Shared) {
        let rows = self.outline_rows(shared);
        if rows.iter().any(|r| r.path == self.section) {
            return;
        }
        let first = rows
            .iter()
            .find(|r| r.matched)
            .or(rows.first())
            .map(|r| r.path.clone());
        self.section = first.unwrap_or_default();
        self.text_scroll = 0;
    }

    fn select_row(&mut self, shared: &Shared, delta: isize) {
        let rows = self.outline_rows(shared);
        let current = rows
            .iter()
            .position(|r| r.path == self.section)
            .unwrap_or(0);
        let mut cursor = Cursor {
            selected: current,
            offset: self.outline.offset,
        };
        cursor.step(delta, rows.len());
        if let Some(row) = rows.get(cursor.selected)
            && row.path != self.section
        {
            self.section = row.path.clone();
            self.text_scroll = 0;
            self.mark = None;
        }
    }

    fn page(shared: &Shared, pane: Pane) -> isize {
        let areas = shared.areas();
        let area = match pane {
            Pane::List => areas.list,
            Pane::Outline => areas.outline,
            Pane::Text => areas.text,
            Pane::Indicators => areas.indicators,
        };
        (layout::inner(area).height as isize - 1).max(1)
    }

    fn move_in(&mut self, shared: &mut Shared, pane: Pane, delta: isize) {
        match pane {
            Pane::List => {
                let n = shared.visible.len();
                shared.list.step(delta, n);
                self.follow(shared);
            }
            Pane::Outline => self.select_row(shared, delta),
            Pane::Text => {
                let max = self.text_lines(shared).len().saturating_sub(1);
                self.text_scroll =
                    (self.text_scroll as isize + delta).clamp(0, max as isize) as usize;
            }
            Pane::Indicators => {
                let n = self.visible_indicators(shared).len();
                self.indicators.step(delta, n);
            }
        }
    }

    fn fold(&mut self, shared: &Shared, fold: Option<bool>) {
        let rows = self.outline_rows(shared);
        let Some(row) = rows.iter().find(|r| r.path == self.section) else {
            return;
        };
        if !row.has_children {
            if fold == Some(true) && row.path.len() > 1 {
                self.section = row.path[..row.path.len() - 1].to_vec();
                self.text_scroll = 0;
            }
            return;
        }
        let folded = self.collapsed.contains(&row.path);
        match (fold, folded) {
            (Some(true), true) if row.path.len() > 1 => {
                self.section = row.path[..row.path.len() - 1].to_vec();
                self.text_scroll = 0;
            }
            (Some(false), false) => self.select_row(shared, 1),
            (Some(true), false) | (None, false) => {
                self.collapsed.insert(row.path.clone());
            }
            (Some(false), true) | (None, true) => {
                self.collapsed.remove(&row.path);
            }
            _ => {}
        }
    }

    /// Show `span` of the selected report in the text pane, inside section `section`.
    pub(crate) fn show(&mut self, shared: &Shared, section: Vec<usize>, span: Span) {
        self.follow(shared);
        for depth in 1..section.len() {
            self.collapsed.remove(&section[..depth]);
        }
        self.section = section;
        self.mark = Some(span);
        let lines = self.text_lines(shared);
        let line = lines
            .iter()
            .position(|r| r.start <= span.start && span.start < r.end.max(r.start + 1))
            .unwrap_or(0);
        self.text_scroll = line.saturating_sub(1);
    }

    /// Show indicator `i` of the selected report at its sentence, selected in the indicator
    /// pane when the theme filter lists it there.
    pub(crate) fn show_indicator(&mut self, shared: &Shared, i: usize) {
        let Some(r) = shared.report() else {
            return;
        };
        let Some(ind) = r.indicators.get(i) else {
            return;
        };
        let section = if r.section(&ind.section).is_some() {
            ind.section.clone()
        } else {
            fazhi_core::corpus::section_at(r, ind.at.start)
        };
        let at = fazhi_core::text::sentence_around(&r.text, ind.at.start..ind.at.end);
        let sentence = Span::new(at.start, at.end);
        self.show(shared, section, sentence);
        match self.visible_indicators(shared).iter().position(|&v| v == i) {
            Some(pos) => {
                self.focus = Pane::Indicators;
                self.indicators.selected = pos;
            }
            None => self.focus = Pane::Text,
        }
    }

    fn pane_at(shared: &Shared, col: u16, row: u16) -> Option<(Pane, Rect)> {
        let a = shared.areas();
        let at = Position::new(col, row);
        [
            (Pane::List, a.list),
            (Pane::Outline, a.outline),
            (Pane::Text, a.text),
            (Pane::Indicators, a.indicators),
        ]
        .into_iter()
        .find(|(_, r)| r.contains(at))
    }
}

impl Component for ReportScreen {
    fn scope(&self) -> Scope {
        self.focus.scope()
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Effect {
        let pane = self.focus;
        match action {
            Action::FocusNext | Action::FocusPrev => {
                let i = Pane::ORDER.iter().position(|p| *p == pane).unwrap_or(0);
                let step = if action == Action::FocusNext { 1 } else { 3 };
                self.focus = Pane::ORDER[(i + step) % 4];
            }
            Action::Up => self.move_in(shared, pane, -1),
            Action::Down => self.move_in(shared, pane, 1),
            Action::PageUp => self.move_in(shared, pane, -Self::page(shared, pane)),
            Action::PageDown => self.move_in(shared, pane, Self::page(shared, pane)),
            Action::Top => self.move_in(shared, pane, isize::MIN / 2),
            Action::Bottom => self.move_in(shared, pane, isize::MAX / 2),
            Action::Collapse if pane == Pane::Outline => self.fold(shared, Some(true)),
            Action::Expand if pane == Pane::Outline => self.fold(shared, Some(false)),
            Action::Toggle | Action::Activate if pane == Pane::Outline => self.fold(shared, None),
            Action::Activate if pane == Pane::Indicators => {
                let visible = self.visible_indicators(shared);
                if let (Some(report), Some(&indicator)) =
                    (shared.report_index(), visible.get(self.indicators.selected))
                {
                    return Effect::OpenIndicator { report, indicator };
                }
            }
            Action::MarkA => shared.mark(0),
            Action::MarkB => shared.mark(1),
            Action::CycleStatus => {
                if let Some(report) = shared.report_index() {
                    let mut note = shared.note(report);
                    note.status = note.status.next();
                    shared.set_note(report, note);
                }
            }
            Action::EditNote => {
                if let Some(report) = shared.report_index() {
                    return Effect::EditNote { report };
                }
            }
            Action::Years => {
                if let Some(report) = shared.report_index() {
                    return Effect::Years { report };
                }
            }
            Action::CycleSort => {
                shared.sort = match shared.sort {
                    SortKey::Locality => SortKey::Year,
                    SortKey::Year => SortKey::Level,
                    SortKey::Level => SortKey::Locality,
                };
                shared.refresh_list(None);
            }
            Action::FilterList => {
                self.focus = Pane::List;
                shared.mode = Mode::FilterInput;
            }
            Action::Close => {
                if self.mark.is_some() || shared.hit.is_some() {
                    self.mark = None;
                    shared.hit = None;
                } else if !shared.list_filter.is_empty() {
                    shared.list_filter.clear();
                    shared.refresh_list(None);
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn click(&mut self, col: u16, row: u16, shared: &mut Shared) {
        let Some((pane, area)) = Self::pane_at(shared, col, row) else {
            return;
        };
        self.focus = pane;
        let inner = layout::inner(area);
        if row < inner.y || row >= inner.y + inner.height {
            return;
        }
        let line = (row - inner.y) as usize;
        match pane {
            Pane::List if line >= 1 => {
                let target = shared.list.offset + line - 1;
                let delta = target as isize - shared.list.selected as isize;
                self.move_in(shared, Pane::List, delta);
            }
            Pane::Outline => {
                let rows = self.outline_rows(shared);
                let current = rows
                    .iter()
                    .position(|r| r.path == self.section)
                    .unwrap_or(0);
                let target = self.outline.offset + line;
                if target < rows.len() {
                    self.select_row(shared, target as isize - current as isize);
                }
            }
            Pane::Indicators if line >= 1 => {
                let target = self.indicators.offset + line - 1;
                if target < self.visible_indicators(shared).len() {
                    self.indicators.selected = target;
                }
            }
            _ => {}
        }
    }

    fn scroll(&mut self, col: u16, row: u16, delta: isize, shared: &mut Shared) {
        if let Some((pane, _)) = Self::pane_at(shared, col, row) {
            self.move_in(shared, pane, delta);
        }
    }

    /// Keep every selection on screen and the text scroll in range.
    fn fit(&mut self, shared: &mut Shared) {
        let a = shared.areas();
        let h = |r: Rect| layout::inner(r).height as usize;
        let n = shared.visible.len();
        shared.list.fit(n, h(a.list).saturating_sub(1));
        let rows = self.outline_rows(shared);
        self.outline.selected = rows
            .iter()
            .position(|r| r.path == self.section)
            .unwrap_or(0);
        self.outline.fit(rows.len(), h(a.outline).saturating_sub(1));
        let n = self.visible_indicators(shared).len();
        self.indicators.fit(n, h(a.indicators).saturating_sub(1));
        let lines = self.text_lines(shared).len();
        self.text_scroll = self.text_scroll.min(lines.saturating_sub(1));
    }

    fn resized(&mut self) {
        self.wrap_cache.borrow_mut().clear();
    }

    /// The report list as shown (filtered, sorted), with each report's missing parts and the
    /// reviewer's status and note.
    fn export(&self, shared: &Shared) -> (&'static str, Vec<Vec<String>>) {
        let header = [
            "source",
            "locality",
            "level",
            "province",
            "year",
            "indicators",
            "missing",
            "status",
            "note",
        ];
        let mut records = vec![header.map(str::to_string).to_vec()];
        for &i in &shared.visible {
            let r = &shared.corpus.reports[i];
            let l = r.locality.as_ref();
            let missing: Vec<&str> = shared
                .check(i)
                .map(|c| c.missing().map(|p| p.label_zh()).collect())
                .unwrap_or_default();
            let note = shared.note(i);
            records.push(vec![
                r.source.clone(),
                l.map_or_else(String::new, |l| l.name.clone()),
                l.map_or_else(String::new, |l| l.level.as_str().to_string()),
                l.and_then(|l| l.province()).unwrap_or_default().to_string(),
                r.year.map_or_else(String::new, |y| y.to_string()),
                r.indicators.len().to_string(),
                missing.join("、"),
                note.status.label_zh().to_string(),
                note.note,
            ]);
        }
        ("reports", records)
    }

    fn render(&self, shared: &Shared, frame: &mut Frame, areas: &Areas) {
        views::report::render(self, shared, frame, areas);
    }
}
