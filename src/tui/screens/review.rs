//! Screen 5, the reviewer's desk: one row per report (parts, deadline, indicators, copying,
//! reviewer status and note), sortable by any column and filtered by what a reviewer asks:
//! missing parts, late, copied at least a share, level, year, province, status. Computed the
//! first time the screen is shown, on a thread of its own: comparing every report with the
//! others is the one costly step (seconds on thousands of reports), and keys must not wait for it.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use fazhi_core::analyse::review::{PartState, ReviewRow, review_checked};
use fazhi_core::analyse::shared::{Slogans, gazetteer};
use fazhi_core::model::Level;
use fazhi_core::notes::Status;
use ratatui::Frame;

use super::{Component, Effect};
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::layout::{Areas, inner};
use crate::tui::screens::report::Pane;
use crate::tui::shared::{Cursor, Shared, motion};
use crate::tui::views;

/// The columns, in the order of `Labels::review_columns`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Locality,
    Level,
    Year,
    Published,
    Late,
    Part(usize),
    Indicators,
    Density,
    Share,
    TopSource,
    Previous,
    Status,
    Note,
}

pub const COLUMNS: [Column; 17] = [
    Column::Locality,
    Column::Level,
    Column::Year,
    Column::Published,
    Column::Late,
    Column::Part(0),
    Column::Part(1),
    Column::Part(2),
    Column::Part(3),
    Column::Part(4),
    Column::Indicators,
    Column::Density,
    Column::Share,
    Column::TopSource,
    Column::Previous,
    Column::Status,
    Column::Note,
];

/// Copied-share thresholds the filter steps through (0: off).
pub const COPIED_STEPS: [f64; 5] = [0.0, 0.15, 0.3, 0.5, 0.8];

/// What the rows are narrowed to; each `None`/`false`/0 is off.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub missing: bool,
    pub late: bool,
    /// Index into [`COPIED_STEPS`].
    pub copied: usize,
    pub level: Option<Level>,
    pub year: Option<i32>,
    pub province: Option<String>,
    pub status: Option<Status>,
}

/// Where the rows are: not asked for yet, being computed, or in `rows`.
#[derive(Debug, Default)]
enum Job {
    #[default]
    NotStarted,
    Computing(Receiver<Vec<ReviewRow>>),
    Done,
}

#[derive(Debug, Default)]
pub struct ReviewScreen {
    /// Per report (index into `corpus.reports`); empty until computed.
    pub rows: Vec<ReviewRow>,
    job: Job,
    pub filters: Filters,
    /// The sorted column and whether largest (or latest, or worst) first; `None`: list order.
    pub sort: Option<(usize, bool)>,
    /// Over the rows shown.
    pub row: Cursor,
    /// The selected column (what `s` sorts by).
    pub col: Cursor,
    /// The selected report, kept selected when the order or the filters change.
    pub current: Option<usize>,
}

impl ReviewScreen {
    /// Start computing the rows if they are not yet: the first time the screen is shown.
    pub fn ensure_rows(&mut self, shared: &Shared) {
        if !matches!(self.job, Job::NotStarted) || shared.corpus.reports.is_empty() {
            return;
        }
        let corpus = Arc::clone(&shared.corpus);
        let checks = shared.checks();
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let rows = review_checked(&corpus.reports, &checks, &gazetteer, Slogans::shared());
            crate::memory::give_back_freed();
            // The screen may be gone (the dashboard quit) before the rows are ready.
            let _ = send.send(rows);
        });
        self.job = Job::Computing(receive);
    }

    /// Whether the rows are being computed.
    pub fn computing(&self) -> bool {
        matches!(self.job, Job::Computing(_))
    }

    /// Take the rows if they are ready; with `wait`, wait for them.
    pub fn receive(&mut self, wait: bool) {
        let Job::Computing(receive) = &self.job else {
            return;
        };
        let rows = if wait {
            receive.recv().map_err(|_| TryRecvError::Disconnected)
        } else {
            receive.try_recv()
        };
        match rows {
            Ok(rows) => {
                self.rows = rows;
                self.job = Job::Done;
            }
            // A review that panicked leaves the table empty rather than retried on every key.
            Err(TryRecvError::Disconnected) => self.job = Job::Done,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Reports shown (indexes into `corpus.reports`): the list's reports, filtered, sorted.
    pub fn shown(&self, shared: &Shared) -> Vec<usize> {
        let f = &self.filters;
        let min_share = COPIED_STEPS[f.copied.min(COPIED_STEPS.len() - 1)];
        let mut out: Vec<usize> = shared
            .visible
            .iter()
            .copied()
            .filter(|&i| {
                let Some(r) = self.rows.get(i) else {
                    return false;
                };
                let locality = r.locality.as_ref();
                (!f.missing || r.parts.missing().next().is_some())
                    && (!f.late || r.late == Some(true))
                    && r.copying.share >= min_share
                    && f.level.is_none_or(|l| locality.map(|x| x.level) == Some(l))
                    && f.year.is_none_or(|y| r.year == Some(y))
                    && f.province
                        .as_deref()
                        .is_none_or(|p| locality.and_then(|l| l.province()) == Some(p))
                    && f.status.is_none_or(|s| shared.note(i).status == s)
            })
            .collect();
        if let Some((column, descending)) = self.sort {
            // Each row's key computed once (names and notes are cloned): this runs on every key.
            let key = |i: usize| self.sort_key(shared, i, COLUMNS[column]);
            if descending {
                out.sort_by_cached_key(|&i| std::cmp::Reverse(key(i)));
            } else {
                out.sort_by_cached_key(|&i| key(i));
            }
        }
        out
    }

    /// What a column sorts by: numbers as fixed-point integers, text as text.
    fn sort_key(&self, shared: &Shared, i: usize, column: Column) -> SortValue {
        let r = &self.rows[i];
        let permille = |x: f64| SortValue::Number((x * 1000.0).round() as i64);
        match column {
            Column::Locality => SortValue::Text(
                r.locality
                    .as_ref()
                    .map_or_else(|| r.source.clone(), |l| l.name.clone()),
            ),
            Column::Level => SortValue::Number(r.locality.as_ref().map_or(-1, |l| l.level as i64)),
            Column::Year => SortValue::Number(r.year.map_or(-1, i64::from)),
            Column::Published => SortValue::Text(r.published.clone().unwrap_or_default()),
            Column::Late => SortValue::Number(match r.late {
                Some(true) => 2,
                Some(false) => 0,
                None => 1,
            }),
            Column::Part(k) => SortValue::Number(match r.parts.named()[k].2 {
                PartState::Found => 0,
                PartState::Mentioned => 1,
                PartState::Missing => 2,
            }),
            Column::Indicators => SortValue::Number(r.indicators as i64),
            Column::Density => permille(r.density),
            Column::Share => permille(r.copying.share),
            Column::TopSource => permille(r.copying.top_share),
            Column::Previous => permille(r.copying.previous_share.unwrap_or(-1.0)),
            Column::Status => SortValue::Number(shared.note(i).status as i64),
            Column::Note => SortValue::Text(shared.note(i).note),
        }
    }

    /// Rows of reports the table has room for in `body`: inside the borders, less the filter
    /// line, the header and the detail line.
    pub fn rows_fit(body: ratatui::layout::Rect) -> usize {
        (inner(body).height as usize).saturating_sub(3)
    }

    fn page(&self, shared: &Shared) -> usize {
        Self::rows_fit(shared.areas().body).max(1)
    }

    /// Keep the selected report (by identity) and column on screen, after moving `delta` rows.
    fn sync(&mut self, shared: &Shared, delta: isize) {
        let shown = self.shown(shared);
        if let Some(pos) = self
            .current
            .and_then(|c| shown.iter().position(|&r| r == c))
        {
            self.row.selected = pos;
        }
        self.row.step(delta, shown.len());
        self.row.fit(shown.len(), self.page(shared));
        self.current = shown.get(self.row.selected).copied();
        self.col.fit(COLUMNS.len(), COLUMNS.len());
    }

    fn filter(&mut self, action: Action) {
        let rows = &self.rows;
        let localities = || rows.iter().filter_map(|r| r.locality.as_ref());
        let f = &mut self.filters;
        match action {
            Action::FilterMissing => f.missing = !f.missing,
            Action::FilterLate => f.late = !f.late,
            Action::CycleCopied => f.copied = (f.copied + 1) % COPIED_STEPS.len(),
            Action::CycleLevel => {
                f.level = next_of(f.level, localities().map(|l| l.level).collect())
            }
            Action::CycleYear => {
                f.year = next_of(f.year, rows.iter().filter_map(|r| r.year).collect())
            }
            Action::CycleProvince => {
                let provinces = localities()
                    .filter_map(|l| l.province())
                    .map(str::to_string)
                    .collect();
                f.province = next_of(f.province.take(), provinces);
            }
            Action::CycleStatusFilter => f.status = next_of(f.status, Status::ALL.to_vec()),
            Action::ClearFilters => *f = Filters::default(),
            _ => {}
        }
    }

    /// Open screen 2 on the selected report and its top source or previous year.
    fn compare_with(&self, shared: &mut Shared, previous: bool) -> Effect {
        let Some(i) = self.current else {
            return Effect::None;
        };
        let c = &self.rows[i].copying;
        let other = if previous {
            c.previous_index
        } else {
            c.top_index
        };
        match other {
            Some(j) => Effect::Compare { a: i, b: j },
            None => {
                let l = shared.labels();
                shared.message =
                    Some(if previous { l.no_previous } else { l.no_source }.to_string());
                Effect::None
            }
        }
    }

    /// The table as it is shown, header first: what `e` writes.
    pub fn records(&self, shared: &Shared) -> Vec<Vec<String>> {
        let shown = self.shown(shared);
        let rows: Vec<&ReviewRow> = shown.iter().map(|&i| &self.rows[i]).collect();
        fazhi_core::export::review_records(&rows, Some(shared.notes()))
    }
}

/// The value after `now` among `values` (sorted, each once), then none again: how a filter
/// steps through the levels, years or provinces the set has.
fn next_of<T: Ord>(now: Option<T>, mut values: Vec<T>) -> Option<T> {
    values.sort();
    values.dedup();
    let at = match &now {
        None => 0,
        Some(v) => values
            .iter()
            .position(|x| x == v)
            .map_or(values.len(), |k| k + 1),
    };
    values.into_iter().nth(at)
}

/// A sort key of any column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    Number(i64),
    Text(String),
}

impl Component for ReviewScreen {
    fn scope(&self) -> Scope {
        Scope::ReviewScreen
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Effect {
        let page = self.page(shared) as isize;
        let delta = match (motion(action, page), action) {
            (Some(delta), _) => delta,
            (None, Action::ColumnLeft) => {
                self.col.step(-1, COLUMNS.len());
                0
            }
            (None, Action::ColumnRight) => {
                self.col.step(1, COLUMNS.len());
                0
            }
            (None, Action::CycleSort) => {
                let column = self.col.selected;
                self.sort = match self.sort {
                    // Again on the same column: the other way round, then list order.
                    Some((c, true)) if c == column => Some((c, false)),
                    Some((c, false)) if c == column => None,
                    _ => Some((column, true)),
                };
                0
            }
            (
                None,
                Action::FilterMissing
                | Action::FilterLate
                | Action::CycleCopied
                | Action::CycleLevel
                | Action::CycleYear
                | Action::CycleProvince
                | Action::CycleStatusFilter
                | Action::ClearFilters,
            ) => {
                self.filter(action);
                0
            }
            (None, Action::CycleStatus) => {
                if let Some(i) = self.current {
                    let mut note = shared.note(i);
                    note.status = note.status.next();
                    shared.set_note(i, note);
                }
                0
            }
            (None, Action::EditNote) => {
                if let Some(i) = self.current {
                    return Effect::EditNote { report: i };
                }
                0
            }
            (None, Action::Years) => {
                if let Some(report) = self.current {
                    return Effect::Years { report };
                }
                0
            }
            (None, Action::CompareSource) => return self.compare_with(shared, false),
            (None, Action::ComparePrevious) => return self.compare_with(shared, true),
            (None, Action::Activate) => {
                return match self.current {
                    Some(report) => Effect::Open {
                        report,
                        section: Vec::new(),
                        span: Default::default(),
                        focus: Pane::Outline,
                    },
                    None => Effect::None,
                };
            }
            _ => return Effect::None,
        };
        self.sync(shared, delta);
        Effect::None
    }

    /// Click: select the row under the pointer.
    fn click(&mut self, _col: u16, row: u16, shared: &mut Shared) {
        let body = inner(shared.areas().body);
        // The filter line and the header come first.
        let Some(line) = row.checked_sub(body.y + 2) else {
            return;
        };
        let shown = self.shown(shared);
        if let Some(&r) = shown.get(self.row.offset + line as usize) {
            self.current = Some(r);
        }
    }

    fn scroll(&mut self, _col: u16, _row: u16, delta: isize, shared: &mut Shared) {
        self.sync(shared, delta);
    }

    fn fit(&mut self, shared: &mut Shared) {
        self.ensure_rows(shared);
        self.sync(shared, 0);
    }

    fn export(&self, shared: &Shared) -> (&'static str, Vec<Vec<String>>) {
        ("review", self.records(shared))
    }

    fn exports_sheet(&self) -> bool {
        true
    }

    fn render(&self, shared: &Shared, frame: &mut Frame, areas: &Areas) {
        views::review::render(self, shared, frame, areas.body);
    }
}
