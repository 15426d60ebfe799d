//! All dashboard state and `update`, the only place it changes.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Matcher, Utf32Str};
use ratatui::layout::{Position, Rect};

use super::action::{Action, Screen};
use super::compare::CompareView;
use super::heatmap::HeatmapView;
use super::labels::{self, Labels};
use super::layout::{self, Areas};
use super::matrix::MatrixView;
use super::outline::{self, OutlineRow};
use super::wrap;
use crate::tui::settings::Settings;
use fazhi_core::check::{self, Completeness};
use fazhi_core::corpus::{Corpus, Hit};
use fazhi_core::model::{Report, Span};

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
    pub fn scope(self) -> &'static str {
        match self {
            Pane::List => "list",
            Pane::Outline => "outline",
            Pane::Text => "text",
            Pane::Indicators => "indicators",
        }
    }
}

/// What keys currently go to: the panes, a text field or a popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    FilterInput,
    SearchInput,
    SearchResults,
    ThemePicker,
    Help,
}

impl Mode {
    /// Whether plain characters are typed into a field.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::FilterInput | Mode::SearchInput | Mode::Help)
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
    pub(super) fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let next = self.selected as isize + delta;
        self.selected = next.clamp(0, len as isize - 1) as usize;
    }

    /// Keep the selection inside a window of `height` rows.
    pub(super) fn fit(&mut self, len: usize, height: usize) {
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

/// The dashboard's state.
pub struct App {
    pub corpus: Corpus,
    pub config: Settings,
    pub screen: Screen,
    pub focus: Pane,
    pub mode: Mode,
    pub size: Rect,
    pub quit: bool,
    /// A one-off notice for the status bar (cleared by the next action).
    pub message: Option<String>,
    pub sort: SortKey,
    pub list_filter: String,
    /// Report indexes shown in the list, in order.
    pub visible: Vec<usize>,
    pub list: Cursor,
    /// Selected theme ids (taxonomy order); empty: no theme filter.
    pub themes: Vec<String>,
    /// Sections folded in the outline of the selected report.
    pub collapsed: HashSet<Vec<usize>>,
    /// The selected section (empty path: preamble, or the whole text when there are no sections).
    pub section: Vec<usize>,
    pub outline: Cursor,
    pub text_scroll: usize,
    /// A passage marked by a jump (indicator sentence or search hit).
    pub mark: Option<Span>,
    pub indicators: Cursor,
    pub search_input: String,
    pub hits: Vec<Hit>,
    pub hit: Option<usize>,
    pub results: Cursor,
    pub picker: Cursor,
    pub picked: Vec<bool>,
    pub help_filter: String,
    pub help: Cursor,
    /// Reports marked as sides A and B of the comparison.
    pub marks: [Option<usize>; 2],
    /// The compare screen, once visited.
    pub compare: Option<CompareView>,
    /// The indicator screen, built at load.
    pub matrix: MatrixView,
    /// The theme screen, built at load.
    pub heatmap: HeatmapView,
    /// Per report: bit i set when some section speaks to taxonomy theme i.
    report_themes: Vec<u32>,
    /// Per report: the text the list filter matches against.
    haystacks: Vec<String>,
    /// Per report: the completeness check, computed once at load.
    checks: Vec<Completeness>,
    wrap_cache: RefCell<HashMap<WrapKey, Rc<Vec<Range<usize>>>>>,
}

/// (report, section path, width): wrapped lines are cached per key.
type WrapKey = (usize, Vec<usize>, usize);

impl App {
    pub fn new(corpus: Corpus, config: Settings) -> App {
        let taxonomy = corpus.taxonomy();
        let report_themes = corpus
            .reports
            .iter()
            .map(|r| {
                let mut mask = 0u32;
                for (_, s) in r.walk() {
                    for (i, t) in taxonomy.themes.iter().enumerate().take(32) {
                        if s.themes.contains(&t.id) {
                            mask |= 1 << i;
                        }
                    }
                }
                mask
            })
            .collect();
        let haystacks = corpus.reports.iter().map(haystack).collect();
        let checks = corpus.reports.iter().map(check::check).collect();
        let picked = vec![false; taxonomy.themes.len()];
        let matrix = MatrixView::new(&corpus.reports);
        let heatmap = HeatmapView::new(&corpus.reports, taxonomy);
        let mut app = App {
            corpus,
            config,
            screen: Screen::Report,
            focus: Pane::List,
            mode: Mode::Normal,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            message: None,
            sort: SortKey::Locality,
            list_filter: String::new(),
            visible: Vec::new(),
            list: Cursor::default(),
            themes: Vec::new(),
            collapsed: HashSet::new(),
            section: Vec::new(),
            outline: Cursor::default(),
            text_scroll: 0,
            mark: None,
            indicators: Cursor::default(),
            search_input: String::new(),
            hits: Vec::new(),
            hit: None,
            results: Cursor::default(),
            picker: Cursor::default(),
            picked,
            help_filter: String::new(),
            help: Cursor::default(),
            marks: [None; 2],
            compare: None,
            matrix,
            heatmap,
            report_themes,
            haystacks,
            checks,
            wrap_cache: RefCell::new(HashMap::new()),
        };
        app.refresh_list(None);
        let failed = app.corpus.problems.len();
        if failed > 0 {
            app.message = Some(if app.config.english() {
                format!("{failed} file(s) could not be loaded (listed on stderr after quitting)")
            } else {
                format!("{failed} 个文件未能载入（退出后在错误输出中列出）")
            });
        }
        app
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

    /// The completeness check of a report.
    pub fn check(&self, report: usize) -> Option<&Completeness> {
        self.checks.get(report)
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

    /// Rows of the outline of the selected report, under the theme filter.
    pub fn outline_rows(&self) -> Vec<OutlineRow> {
        self.report()
            .map(|r| outline::rows(r, &self.collapsed, &self.themes))
            .unwrap_or_default()
    }

    /// Indexes of the selected report's indicators shown under the theme filter.
    pub fn visible_indicators(&self) -> Vec<usize> {
        let Some(report) = self.report() else {
            return Vec::new();
        };
        report
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, ind)| {
                self.themes.is_empty()
                    || self.themes.iter().any(|t| ind.themes.contains(t))
                    || outline::path_matches(report, &ind.section, &self.themes)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The range of the report's text the text pane shows.
    pub fn text_span(&self) -> Span {
        self.report()
            .map(|r| outline::text_span(r, &self.section))
            .unwrap_or_default()
    }

    /// Wrapped lines of the text pane at the current width, as ranges of the report's text.
    /// Cached per (report, section, width): keys never re-segment.
    pub fn text_lines(&self) -> Rc<Vec<Range<usize>>> {
        let width = layout::inner(self.areas().text).width as usize;
        let Some(index) = self.report_index() else {
            return Rc::new(Vec::new());
        };
        let key = (index, self.section.clone(), width);
        if let Some(lines) = self.wrap_cache.borrow().get(&key) {
            return Rc::clone(lines);
        }
        let report = &self.corpus.reports[index];
        let span = self.text_span();
        let text = report.slice(span);
        let lines: Vec<Range<usize>> = wrap::wrap(text, width)
            .into_iter()
            .map(|r| r.start + span.start..r.end + span.start)
            .collect();
        let lines = Rc::new(lines);
        self.wrap_cache.borrow_mut().insert(key, Rc::clone(&lines));
        lines
    }

    /// Key scopes in effect, most specific first.
    pub fn scopes(&self) -> Vec<&'static str> {
        match self.mode {
            Mode::Normal => match self.screen {
                Screen::Report => vec![self.focus.scope(), "global"],
                Screen::Compare => vec!["compare", "global"],
                Screen::Indicators => vec!["indicators_screen", "global"],
                Screen::Themes => vec!["themes_screen", "global"],
            },
            Mode::FilterInput | Mode::SearchInput => vec!["input"],
            Mode::Help => vec!["popup"],
            Mode::SearchResults | Mode::ThemePicker => vec!["popup"],
        }
    }

    /// Help rows matching the help filter: (scope, binding index).
    pub fn help_rows(&self) -> Vec<usize> {
        let needle = self.help_filter.to_lowercase();
        self.config
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

    /// Recompute the visible reports (filter, theme filter, sort), keeping the selection on
    /// `keep` (or the current report) when it stays visible.
    fn refresh_list(&mut self, keep: Option<usize>) {
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
                pattern
                    .score(Utf32Str::new(&self.haystacks[i], &mut buf), &mut matcher)
                    .is_some()
            });
        }
        let reports = &self.corpus.reports;
        match self.sort {
            // Division codes order places as the national list does: by province, then
            // prefecture, then county.
            SortKey::Locality => visible.sort_by_key(|&i| {
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
            SortKey::Year => visible.sort_by_key(|&i| {
                let r = &reports[i];
                (std::cmp::Reverse(r.year), r.display_name())
            }),
            SortKey::Level => visible.sort_by_key(|&i| {
                let r = &reports[i];
                (r.level(), r.display_name(), r.year)
            }),
        }
        self.visible = visible;
        let position = keep.and_then(|k| self.visible.iter().position(|&i| i == k));
        let before = self.report_index();
        self.list.selected = position.unwrap_or(0);
        if self.report_index() != before || position.is_none() {
            self.report_changed();
        } else {
            self.ensure_section_visible();
        }
    }

    /// A different report is selected: reset everything that pointed into the old one.
    fn report_changed(&mut self) {
        self.collapsed.clear();
        self.section = Vec::new();
        self.mark = None;
        self.indicators = Cursor::default();
        self.ensure_section_visible();
        self.text_scroll = 0;
    }

    /// Under a theme filter the selected section may vanish from the outline: move to the first
    /// row still shown.
    fn ensure_section_visible(&mut self) {
        let rows = self.outline_rows();
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

    fn select_report(&mut self, delta: isize) {
        let before = self.report_index();
        self.list.step(delta, self.visible.len());
        if self.report_index() != before {
            self.report_changed();
        }
    }

    fn select_row(&mut self, delta: isize) {
        let rows = self.outline_rows();
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

    fn page(&self, pane: Pane) -> isize {
        let areas = self.areas();
        let area = match pane {
            Pane::List => areas.list,
            Pane::Outline => areas.outline,
            Pane::Text => areas.text,
            Pane::Indicators => areas.indicators,
        };
        (layout::inner(area).height as isize - 1).max(1)
    }

    fn move_in(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::List => self.select_report(delta),
            Pane::Outline => self.select_row(delta),
            Pane::Text => {
                let max = self.text_lines().len().saturating_sub(1);
                self.text_scroll =
                    (self.text_scroll as isize + delta).clamp(0, max as isize) as usize;
            }
            Pane::Indicators => {
                let n = self.visible_indicators().len();
                self.indicators.step(delta, n);
            }
        }
    }

    fn fold(&mut self, fold: Option<bool>) {
        let rows = self.outline_rows();
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
            (Some(false), false) => self.select_row(1),
            (Some(true), false) | (None, false) => {
                self.collapsed.insert(row.path.clone());
            }
            (Some(false), true) | (None, true) => {
                self.collapsed.remove(&row.path);
            }
            _ => {}
        }
    }

    /// Show `span` of report `report` in the text pane, inside section `section`.
    pub(super) fn jump(&mut self, report: usize, section: Vec<usize>, span: Span) {
        if !self.visible.contains(&report) {
            self.list_filter.clear();
            self.themes.clear();
            self.picked.iter_mut().for_each(|p| *p = false);
        }
        self.refresh_list(Some(report));
        for depth in 1..section.len() {
            self.collapsed.remove(&section[..depth]);
        }
        self.section = section;
        self.mark = Some(span);
        let lines = self.text_lines();
        let line = lines
            .iter()
            .position(|r| r.start <= span.start && span.start < r.end.max(r.start + 1))
            .unwrap_or(0);
        self.text_scroll = line.saturating_sub(1);
    }

    fn jump_to_indicator(&mut self) {
        let visible = self.visible_indicators();
        let (Some(report), Some(&i)) = (self.report_index(), visible.get(self.indicators.selected))
        else {
            return;
        };
        let selected = self.indicators.selected;
        self.open_indicator(report, i);
        self.indicators.selected = selected;
    }

    /// Show indicator `i` of report `report` in the text pane, its sentence marked.
    pub(super) fn open_indicator(&mut self, report: usize, i: usize) {
        let r = &self.corpus.reports[report];
        let ind = &r.indicators[i];
        let section = if r.section(&ind.section).is_some() {
            ind.section.clone()
        } else {
            fazhi_core::corpus::section_at(r, ind.at.start)
        };
        let at = fazhi_core::text::sentence_around(&r.text, ind.at.start..ind.at.end);
        let sentence = Span::new(at.start, at.end);
        self.jump(report, section, sentence);
    }

    fn jump_to_hit(&mut self, n: usize) {
        let Some(hit) = self.hits.get(n).cloned() else {
            return;
        };
        self.hit = Some(n);
        self.jump(hit.report, hit.section, hit.at);
        let total = self.hits.len();
        self.message = Some(format!("{}/{} {}", n + 1, total, self.labels().hits));
    }

    fn step_hit(&mut self, forward: bool) {
        let n = self.hits.len();
        if n == 0 {
            return;
        }
        let next = match (self.hit, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.jump_to_hit(next);
    }

    fn run_search(&mut self) {
        self.hits = self.corpus.search(&self.search_input);
        self.hit = None;
        self.results = Cursor::default();
        if self.hits.is_empty() {
            self.message = Some(format!(
                "{} “{}”",
                self.labels().no_hits,
                fazhi_core::sanitize::for_terminal(&self.search_input)
            ));
            self.mode = Mode::Normal;
        } else {
            self.mode = Mode::SearchResults;
        }
    }

    fn apply_picked(&mut self) {
        let taxonomy = self.corpus.taxonomy();
        self.themes = taxonomy
            .themes
            .iter()
            .zip(&self.picked)
            .filter(|(_, p)| **p)
            .map(|(t, _)| t.id.clone())
            .collect();
        self.refresh_list(None);
        self.ensure_section_visible();
        self.indicators = Cursor::default();
    }

    fn pane_at(&self, col: u16, row: u16) -> Option<(Pane, Rect)> {
        let a = self.areas();
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

    fn click(&mut self, col: u16, row: u16) {
        if self.mode != Mode::Normal {
            return;
        }
        let tabs = self.areas().tabs;
        if row == tabs.y {
            if let Some(screen) = super::views::chrome::tab_at(self, col) {
                self.screen = screen;
            }
            return;
        }
        match self.screen {
            Screen::Indicators => return self.matrix_click(col, row),
            Screen::Themes => return self.heatmap_click(col, row),
            Screen::Compare => return,
            Screen::Report => {}
        }
        let Some((pane, area)) = self.pane_at(col, row) else {
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
                let target = self.list.offset + line - 1;
                self.select_report(target as isize - self.list.selected as isize);
            }
            Pane::Outline => {
                let rows = self.outline_rows();
                let current = rows
                    .iter()
                    .position(|r| r.path == self.section)
                    .unwrap_or(0);
                let target = self.outline.offset + line;
                if target < rows.len() {
                    self.select_row(target as isize - current as isize);
                }
            }
            Pane::Indicators if line >= 1 => {
                let target = self.indicators.offset + line - 1;
                if target < self.visible_indicators().len() {
                    self.indicators.selected = target;
                }
            }
            _ => {}
        }
    }

    fn scroll(&mut self, col: u16, row: u16, delta: isize) {
        if self.mode != Mode::Normal {
            return;
        }
        match self.screen {
            Screen::Compare => {
                if self.compare_areas().text.contains(Position::new(col, row)) {
                    self.compare_wheel(delta);
                }
                return;
            }
            Screen::Indicators => return self.sync_matrix(delta),
            Screen::Themes => return self.sync_heatmap(delta),
            Screen::Report => {}
        }
        if let Some((pane, _)) = self.pane_at(col, row) {
            self.move_in(pane, delta);
        }
    }

    /// Keep every selection on screen and the text scroll in range.
    fn fit(&mut self) {
        match self.screen {
            Screen::Compare => self.sync_compare(),
            Screen::Indicators => self.sync_matrix(0),
            Screen::Themes => self.sync_heatmap(0),
            Screen::Report => {}
        }
        let a = self.areas();
        let h = |r: Rect| layout::inner(r).height as usize;
        self.list
            .fit(self.visible.len(), h(a.list).saturating_sub(1));
        let rows = self.outline_rows();
        self.outline.selected = rows
            .iter()
            .position(|r| r.path == self.section)
            .unwrap_or(0);
        self.outline.fit(rows.len(), h(a.outline).saturating_sub(1));
        let n = self.visible_indicators().len();
        self.indicators.fit(n, h(a.indicators).saturating_sub(1));
        let lines = self.text_lines().len();
        self.text_scroll = self.text_scroll.min(lines.saturating_sub(1));
        let popup = layout::inner(layout::popup(self.size)).height as usize;
        self.results.fit(self.hits.len(), popup);
        self.picker.fit(self.picked.len(), popup);
        self.help
            .fit(self.help_rows().len(), popup.saturating_sub(2));
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

/// Apply one action. The only function that changes the app.
pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize(..)) {
        app.message = None;
    }
    match (app.mode, action) {
        (_, Action::Quit) => app.quit = true,
        (_, Action::Resize(w, h)) => {
            if w != app.size.width {
                // Lines wrapped for the old width will not be asked for again.
                app.wrap_cache.borrow_mut().clear();
                if let Some(view) = &app.compare {
                    view.clear_wraps();
                }
            }
            app.size = Rect::new(0, 0, w, h);
        }
        (_, Action::Click(c, r)) => app.click(c, r),
        (_, Action::ScrollUp(c, r)) => app.scroll(c, r, -3),
        (_, Action::ScrollDown(c, r)) => app.scroll(c, r, 3),
        (Mode::Normal, a) => normal(app, a),
        (Mode::FilterInput, a) => {
            match a {
                Action::Input(c) => app.list_filter.push(c),
                Action::Backspace => {
                    app.list_filter.pop();
                }
                Action::Activate => app.mode = Mode::Normal,
                Action::Close => {
                    app.list_filter.clear();
                    app.mode = Mode::Normal;
                }
                _ => {}
            }
            app.refresh_list(None);
        }
        (Mode::SearchInput, a) => match a {
            Action::Input(c) => app.search_input.push(c),
            Action::Backspace => {
                app.search_input.pop();
            }
            Action::Activate => app.run_search(),
            Action::Close => app.mode = Mode::Normal,
            _ => {}
        },
        (Mode::SearchResults, a) => match a {
            Action::Activate => {
                app.mode = Mode::Normal;
                app.focus = Pane::Text;
                let n = app.results.selected;
                app.jump_to_hit(n);
            }
            Action::Close => app.mode = Mode::Normal,
            a => popup_move(app, a, |app| &mut app.results, |app| app.hits.len()),
        },
        (Mode::ThemePicker, a) => match a {
            Action::Toggle => {
                if let Some(p) = app.picked.get_mut(app.picker.selected) {
                    *p = !*p;
                }
            }
            Action::Activate => {
                app.mode = Mode::Normal;
                app.apply_picked();
            }
            Action::ClearThemes => app.picked.iter_mut().for_each(|p| *p = false),
            Action::Close => app.mode = Mode::Normal,
            a => popup_move(app, a, |app| &mut app.picker, |app| app.picked.len()),
        },
        (Mode::Help, a) => match a {
            Action::Input(c) => {
                app.help_filter.push(c);
                app.help = Cursor::default();
            }
            Action::Backspace => {
                app.help_filter.pop();
            }
            Action::Close | Action::Activate => app.mode = Mode::Normal,
            a => popup_move(app, a, |app| &mut app.help, |app| app.help_rows().len()),
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
    let page = layout::inner(layout::popup(app.size)).height.max(2) as isize - 1;
    let n = len(app);
    if let Some(delta) = motion(action, page) {
        cursor(app).step(delta, n);
    }
}

/// How many rows a movement action moves by, `page` rows a page.
pub(super) fn motion(action: Action, page: isize) -> Option<isize> {
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

fn normal(app: &mut App, action: Action) {
    let pane = app.focus;
    match action {
        Action::Help => {
            app.mode = Mode::Help;
            app.help_filter.clear();
            app.help = Cursor::default();
        }
        Action::Screen(s) => app.screen = s,
        Action::Search => app.mode = Mode::SearchInput,
        Action::ThemeFilter => {
            let taxonomy = app.corpus.taxonomy();
            app.picked = taxonomy
                .themes
                .iter()
                .map(|t| app.themes.contains(&t.id))
                .collect();
            app.mode = Mode::ThemePicker;
        }
        Action::ClearThemes => {
            app.picked.iter_mut().for_each(|p| *p = false);
            app.apply_picked();
        }
        Action::NextHit => app.step_hit(true),
        Action::PrevHit => app.step_hit(false),
        _ if app.screen == Screen::Compare => app.compare_action(action),
        _ if app.screen == Screen::Indicators => app.matrix_action(action),
        _ if app.screen == Screen::Themes => app.heatmap_action(action),
        _ if app.screen != Screen::Report => {}
        Action::FocusNext | Action::FocusPrev => {
            let i = Pane::ORDER.iter().position(|p| *p == pane).unwrap_or(0);
            let step = if action == Action::FocusNext { 1 } else { 3 };
            app.focus = Pane::ORDER[(i + step) % 4];
        }
        Action::Up => app.move_in(pane, -1),
        Action::Down => app.move_in(pane, 1),
        Action::PageUp => app.move_in(pane, -app.page(pane)),
        Action::PageDown => app.move_in(pane, app.page(pane)),
        Action::Top => app.move_in(pane, isize::MIN / 2),
        Action::Bottom => app.move_in(pane, isize::MAX / 2),
        Action::Collapse if pane == Pane::Outline => app.fold(Some(true)),
        Action::Expand if pane == Pane::Outline => app.fold(Some(false)),
        Action::Toggle | Action::Activate if pane == Pane::Outline => app.fold(None),
        Action::Activate if pane == Pane::Indicators => app.jump_to_indicator(),
        Action::MarkA => app.mark(0),
        Action::MarkB => app.mark(1),
        Action::CycleSort => {
            app.sort = match app.sort {
                SortKey::Locality => SortKey::Year,
                SortKey::Year => SortKey::Level,
                SortKey::Level => SortKey::Locality,
            };
            app.refresh_list(None);
        }
        Action::FilterList => {
            app.focus = Pane::List;
            app.mode = Mode::FilterInput;
        }
        Action::Close => {
            if app.mark.is_some() || app.hit.is_some() {
                app.mark = None;
                app.hit = None;
            } else if !app.list_filter.is_empty() {
                app.list_filter.clear();
                app.refresh_list(None);
            }
        }
        _ => {}
    }
}
