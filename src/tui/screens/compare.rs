//! Screen 2, compare, and its state: the comparison of reports A and B, computed once per (A, B,
//! themes); each pair's two sides as text with their changed words; the indicator table; and
//! wrapped lines cached per (pair, side, width), so scrolling never re-wraps or re-diffs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use fazhi_core::analyse::align::LinkKind;
use fazhi_core::analyse::compare::{Comparison, Pair, compare};
use fazhi_core::analyse::diff::OpKind;
use fazhi_core::analyse::matrix::{SideBySide, side_by_side};
use fazhi_core::corpus::Corpus;
use fazhi_core::model::Span;

use ratatui::Frame;
use ratatui::layout::Position;

use super::report::Pane;
use super::{Component, Effect};
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::layout::{self, Areas, CompareAreas, inner};
use crate::tui::shared::{Cursor, Shared, motion};
use crate::tui::{views, wrap};

/// What a comparison is computed for: report A, report B, the theme filter.
pub type CompareKey = (usize, usize, Vec<String>);

/// (pair, side, width): wrapped lines are cached per key.
type WrapKey = (usize, usize, usize);

/// One side of a pair as drawn: its text and the words only it has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideText {
    pub text: String,
    /// Byte ranges of `text` absent from the other side.
    pub changed: Vec<Span>,
}

/// The compare screen: a comparison and where it is scrolled to.
pub struct CompareView {
    pub key: CompareKey,
    pub comparison: Rc<Comparison>,
    /// Per pair: the A and B sides.
    pub sides: Vec<[SideText; 2]>,
    pub indicators: Vec<SideBySide>,
    /// The selected row of the indicator table and its scroll.
    pub table: Cursor,
    /// The pair at the top of the text pane (the current pair) and the rows of it scrolled past.
    pub top: usize,
    pub line: usize,
    wraps: RefCell<HashMap<WrapKey, Rc<Vec<Range<usize>>>>>,
}

impl CompareView {
    /// Compare the reports of `key`, narrowed to the first theme of its filter (the comparison
    /// library takes one theme).
    pub fn new(corpus: &Corpus, key: CompareKey) -> CompareView {
        let (a, b) = (&corpus.reports[key.0], &corpus.reports[key.1]);
        let comparison = compare(a, b, key.2.first().map(String::as_str), corpus.taxonomy());
        let sides = comparison.pairs.iter().map(sides).collect();
        let indicators = side_by_side(a, b, &key.2);
        CompareView {
            key,
            comparison: Rc::new(comparison),
            sides,
            indicators,
            table: Cursor::default(),
            top: 0,
            line: 0,
            wraps: RefCell::new(HashMap::new()),
        }
    }

    pub fn report(&self, side: usize) -> usize {
        if side == 0 { self.key.0 } else { self.key.1 }
    }

    /// Wrapped lines of one side of a pair (`side` 0 is A), as byte ranges of its text.
    pub fn lines(&self, pair: usize, side: usize, width: usize) -> Rc<Vec<Range<usize>>> {
        let key = (pair, side, width);
        if let Some(lines) = self.wraps.borrow().get(&key) {
            return Rc::clone(lines);
        }
        let text = self.sides.get(pair).map_or("", |s| s[side].text.as_str());
        let lines = Rc::new(wrap::wrap(text, width));
        self.wraps.borrow_mut().insert(key, Rc::clone(&lines));
        lines
    }

    /// Rows a pair takes: its header and the taller of its two sides.
    pub fn band_height(&self, pair: usize, columns: [usize; 2]) -> usize {
        let a = self.lines(pair, 0, columns[0]).len();
        let b = self.lines(pair, 1, columns[1]).len();
        1 + a.max(b)
    }

    /// Forget lines wrapped for other widths.
    pub fn clear_wraps(&self) {
        self.wraps.borrow_mut().clear();
    }

    /// Scroll both columns together by `rows`.
    pub fn scroll(&mut self, rows: isize, columns: [usize; 2]) {
        let n = self.sides.len();
        for _ in 0..rows.unsigned_abs() {
            if rows > 0 {
                if self.line + 1 < self.band_height(self.top, columns) {
                    self.line += 1;
                } else if self.top + 1 < n {
                    self.top += 1;
                    self.line = 0;
                } else {
                    break;
                }
            } else if self.line > 0 {
                self.line -= 1;
            } else if self.top > 0 {
                self.top -= 1;
                self.line = self.band_height(self.top, columns) - 1;
            } else {
                break;
            }
        }
    }

    /// Put pair `pair` at the top.
    pub fn goto(&mut self, pair: usize) {
        self.top = pair.min(self.sides.len().saturating_sub(1));
        self.line = 0;
    }

    /// Step to the next (or previous) pair; backwards from inside a pair goes to its header.
    pub fn step_pair(&mut self, forward: bool) {
        match (forward, self.line) {
            (true, _) => self.goto(self.top + 1),
            (false, 0) => self.goto(self.top.saturating_sub(1)),
            (false, _) => self.line = 0,
        }
    }

    /// Indexes of the pairs whose sides differ.
    pub fn differing(&self) -> Vec<usize> {
        let pairs = &self.comparison.pairs;
        (0..pairs.len()).filter(|&i| differs(&pairs[i])).collect()
    }

    /// Go to the next (or previous) differing pair, wrapping around; its rank among them.
    pub fn step_diff(&mut self, forward: bool) -> Option<(usize, usize)> {
        let diffs = self.differing();
        let top = self.top;
        let k = if forward {
            diffs.iter().position(|&i| i > top).unwrap_or(0)
        } else {
            let before = diffs
                .iter()
                .rposition(|&i| i < top || (i == top && self.line > 0));
            before.unwrap_or(diffs.len().checked_sub(1)?)
        };
        let target = *diffs.get(k)?;
        self.goto(target);
        Some((k, diffs.len()))
    }

    /// Keep the scroll inside the current pair after a resize.
    pub fn fit(&mut self, columns: [usize; 2]) {
        self.top = self.top.min(self.sides.len().saturating_sub(1));
        if self.sides.is_empty() {
            self.line = 0;
        } else {
            self.line = self.line.min(self.band_height(self.top, columns) - 1);
        }
    }
}

/// Whether a pair's two sides differ at all (unmatched pairs always do).
pub fn differs(pair: &Pair) -> bool {
    pair.ops.iter().any(|op| op.op != OpKind::Equal)
}

/// A pair's sides from its ops: equal and deleted runs make A, equal and inserted runs make B.
/// An unmatched side is not marked word by word: its band header already says it stands alone.
fn sides(pair: &Pair) -> [SideText; 2] {
    let mut out: [SideText; 2] = Default::default();
    let paired = pair.a.is_some() && pair.b.is_some() && pair.kind != LinkKind::Beside;
    for op in &pair.ops {
        let targets: &[usize] = match op.op {
            OpKind::Equal => &[0, 1],
            OpKind::Delete => &[0],
            OpKind::Insert => &[1],
        };
        for &t in targets {
            let side = &mut out[t];
            let start = side.text.len();
            side.text.push_str(&op.text);
            if paired && op.op != OpKind::Equal {
                side.changed.push(Span::new(start, side.text.len()));
            }
        }
    }
    out
}

/// Screen 2: the comparison of the reports marked A and B.
#[derive(Default)]
pub struct CompareScreen {
    /// Computed when the screen is first shown, and again when the marks or themes change.
    pub view: Option<CompareView>,
    /// Keys move in the indicator table instead of the text.
    pub table_focused: bool,
}

impl CompareScreen {
    /// Column widths of the compare screen at the current size.
    pub fn areas(&self, shared: &Shared) -> CompareAreas {
        let rows = self.view.as_ref().map_or(0, |v| v.indicators.len());
        layout::compare_areas(shared.areas().body, rows, self.table_focused)
    }

    /// Open the current pair's A measure (B's when only B has it) in its report on screen 1.
    fn open_pair(&self) -> Effect {
        let Some(view) = &self.view else {
            return Effect::None;
        };
        let Some(pair) = view.comparison.pairs.get(view.top) else {
            return Effect::None;
        };
        let Some((side, at)) = [&pair.a, &pair.b]
            .into_iter()
            .enumerate()
            .find_map(|(i, s)| s.as_ref().map(|s| (i, s)))
        else {
            return Effect::None;
        };
        Effect::Open {
            report: view.report(side),
            section: at.section.clone(),
            span: at.span,
            focus: Pane::Text,
        }
    }
}

/// The report after `report` in the list (wrapping round), or any other report.
fn next_after(shared: &Shared, report: usize) -> Option<usize> {
    let visible = &shared.visible;
    let pos = visible.iter().position(|&i| i == report).unwrap_or(0);
    let (before, after) = visible.split_at(pos.min(visible.len()));
    after
        .iter()
        .chain(before)
        .copied()
        .chain(0..shared.corpus.reports.len())
        .find(|&i| i != report)
}

impl Component for CompareScreen {
    fn scope(&self) -> Scope {
        Scope::Compare
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Effect {
        let areas = self.areas(shared);
        let page = areas.bands.height.max(2) as isize - 1;
        let l = shared.labels();
        if action == Action::Activate {
            return self.open_pair();
        }
        let Some(view) = &mut self.view else {
            return Effect::None;
        };
        let columns = areas.columns;
        if matches!(action, Action::FocusNext | Action::FocusPrev) {
            self.table_focused = !self.table_focused;
            return Effect::None;
        }
        if self.table_focused {
            let page = inner(areas.indicators).height.max(3) as isize - 2;
            if let Some(delta) = motion(action, page) {
                view.table.step(delta, view.indicators.len());
                return Effect::None;
            }
        }
        match action {
            Action::Up => view.scroll(-1, columns),
            Action::Down => view.scroll(1, columns),
            Action::PageUp => view.scroll(-page, columns),
            Action::PageDown => view.scroll(page, columns),
            Action::Top => view.goto(0),
            Action::Bottom => view.goto(usize::MAX),
            Action::NextPair => view.step_pair(true),
            Action::PrevPair => view.step_pair(false),
            Action::NextDiff | Action::PrevDiff => {
                shared.message = Some(match view.step_diff(action == Action::NextDiff) {
                    Some((k, n)) => format!("{}/{n} {}", k + 1, l.differences),
                    None => l.no_differences.to_string(),
                });
            }
            Action::SwapSides => shared.marks.swap(0, 1),
            _ => {}
        }
        Effect::None
    }

    /// The wheel scrolls the indicator table under it, or both text columns together.
    fn scroll(&mut self, col: u16, row: u16, delta: isize, shared: &mut Shared) {
        let areas = self.areas(shared);
        let at = Position::new(col, row);
        let Some(view) = &mut self.view else {
            return;
        };
        if areas.indicators.contains(at) {
            // The wheel moves the rows in view, the selection with them.
            let n = view.indicators.len();
            let rows = inner(areas.indicators).height.saturating_sub(1) as usize;
            let top =
                (view.table.offset as isize + delta).clamp(0, n.saturating_sub(rows) as isize);
            view.table.offset = top as usize;
            view.table.step(delta, n);
        } else if areas.text.contains(at) {
            view.scroll(delta, areas.columns);
        }
    }

    /// Fill unmarked sides (A: the selected report, B: the one after A in the list) and bring
    /// the comparison up to date with the marks and the theme filter; it is recomputed only
    /// when one of those changed.
    fn fit(&mut self, shared: &mut Shared) {
        if shared.marks.iter().any(Option::is_none) {
            let selected = shared.report_index();
            let a = shared.marks[0].or_else(|| match (selected, shared.marks[1]) {
                (Some(s), Some(b)) if s == b => next_after(shared, b),
                (s, _) => s,
            });
            let b = shared.marks[1].or_else(|| next_after(shared, a?));
            let (Some(a), Some(b)) = (a, b) else {
                self.view = None;
                return;
            };
            if shared.marks[0].is_none() && shared.marks[1].is_none() {
                shared.message = Some(shared.labels().sides_defaulted.to_string());
            }
            shared.marks = [Some(a), Some(b)];
        }
        let (Some(a), Some(b)) = (shared.marks[0], shared.marks[1]) else {
            return;
        };
        let key = (a, b, shared.themes.clone());
        if self.view.as_ref().is_none_or(|v| v.key != key) {
            self.view = Some(CompareView::new(&shared.corpus, key));
        }
        let areas = self.areas(shared);
        if let Some(view) = &mut self.view {
            view.fit(areas.columns);
            // The table's body holds its header row and the rows below it.
            let rows = inner(areas.indicators).height.saturating_sub(1) as usize;
            view.table.fit(view.indicators.len(), rows);
        }
    }

    fn resized(&mut self) {
        if let Some(view) = &self.view {
            view.clear_wraps();
        }
    }

    fn render(&self, shared: &Shared, frame: &mut Frame, areas: &Areas) {
        views::compare::render(self, shared, frame, areas.body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fazhi_core::analyse::diff::Op;

    fn pair(a: bool, b: bool, ops: Vec<Op>) -> Pair {
        let side = || fazhi_core::analyse::compare::PairSide {
            section: Vec::new(),
            heading: None,
            text: String::new(),
            part: fazhi_core::model::Part::Other,
            unit: 0,
            span: Span::default(),
        };
        Pair {
            kind: LinkKind::Aligned,
            similarity: 0.5,
            a: a.then(side),
            b: b.then(side),
            ops,
        }
    }

    #[test]
    fn sides_join_back_and_mark_only_their_own_words() {
        let p = pair(
            true,
            true,
            vec![
                Op::new(OpKind::Equal, "全面推进法治"),
                Op::new(OpKind::Delete, "强省"),
                Op::new(OpKind::Insert, "政府"),
                Op::new(OpKind::Equal, "建设。"),
            ],
        );
        let [a, b] = sides(&p);
        assert_eq!(a.text, "全面推进法治强省建设。");
        assert_eq!(&a.text[a.changed[0].start..a.changed[0].end], "强省");
        assert_eq!(b.text, "全面推进法治政府建设。");
        assert_eq!(&b.text[b.changed[0].start..b.changed[0].end], "政府");
        assert!(differs(&p));
    }

    #[test]
    fn unmatched_sides_are_plain_and_count_as_differences() {
        let p = pair(true, false, vec![Op::new(OpKind::Delete, "仅此一方。")]);
        let [a, b] = sides(&p);
        assert_eq!(a.text, "仅此一方。");
        assert!(a.changed.is_empty() && b.text.is_empty());
        assert!(differs(&p));
        let same = pair(true, true, vec![Op::new(OpKind::Equal, "相同。")]);
        assert!(!differs(&same));
    }
}
