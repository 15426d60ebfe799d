//! Screen 2, compare, and its state: the comparison of reports A and B, computed once per (A, B,
//! themes); each pair's two sides as text with their changed words; the indicator table; and
//! wrapped lines cached per (pair, side, width), so scrolling never re-wraps or re-diffs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use fazhi_core::analyse::align::LinkKind;
use fazhi_core::analyse::compare::{Comparison, Pair, Reading, compare};
use fazhi_core::analyse::diff::OpKind;
use fazhi_core::corpus::Corpus;
use fazhi_core::model::Span;

use ratatui::Frame;
use ratatui::layout::Position;
use unicode_width::UnicodeWidthStr;

use super::report::Pane;
use super::{Component, Effect};
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::layout::{self, Areas, CompareAreas, inner};
use crate::tui::shared::{Cursor, Shared, motion};
use crate::tui::{views, wrap};

/// What a comparison is computed for: report A, report B, the theme filter.
pub type CompareKey = (usize, usize, Vec<String>);

/// (row, side, width): wrapped lines are cached per key.
type WrapKey = (usize, usize, usize);

/// One side of a row as drawn: its text and the words only it has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideText {
    pub text: String,
    /// Byte ranges of `text` absent from the other side.
    pub changed: Vec<Span>,
}

/// What scrolls as one piece: a pair (A and B side by side, starting level), or in the banded
/// reading the unpaired rest of a band, each column packed from the top on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Indexes into [`CompareView::rows`].
    pub rows: Range<usize>,
    /// The band it stands in (banded reading).
    pub band: Option<usize>,
    /// It opens with a title line: the pair's, or its band's when it is the band's first block.
    pub header: bool,
}

/// A line of one column of a block: the row it belongs to and the byte range of that row's side.
pub type BlockLine = (usize, Range<usize>);

/// The compare screen: a comparison and where it is scrolled to.
pub struct CompareView {
    pub key: CompareKey,
    pub comparison: Rc<Comparison>,
    /// The reading shown: the comparison's own at first, switched with `v`.
    pub reading: Reading,
    /// The rows of that reading: the aligned pairs, or the bands' rows one band after another.
    pub rows: Vec<Pair>,
    /// Per row: the A and B sides.
    pub sides: Vec<[SideText; 2]>,
    pub blocks: Vec<Block>,
    /// Per block: the display width of A's and of B's text in it, which share its columns.
    text_widths: Vec<[usize; 2]>,
    /// The selected row of the indicator table and its scroll.
    pub table: Cursor,
    /// The selected shared passage and the list's scroll.
    pub passage: Cursor,
    /// The block at the top of the text pane (the current block) and the lines of it scrolled
    /// past.
    pub top: usize,
    pub line: usize,
    wraps: RefCell<HashMap<WrapKey, Rc<Vec<Range<usize>>>>>,
    /// Per (block, width of both columns): the columns' widths.
    splits: RefCell<HashMap<(usize, usize), [usize; 2]>>,
}

/// The narrowest column of a banded block: ten Chinese characters.
pub const MIN_COLUMN: usize = 20;

impl CompareView {
    /// Compare the reports of `key`, narrowed to the first theme of its filter (the comparison
    /// library takes one theme); its indicator table is the comparison's, narrowed alike.
    pub fn new(corpus: &Corpus, key: CompareKey) -> CompareView {
        let (a, b) = (&corpus.reports[key.0], &corpus.reports[key.1]);
        let comparison = compare(a, b, key.2.first().map(String::as_str), corpus.taxonomy());
        let reading = comparison.reading;
        let mut view = CompareView {
            key,
            comparison: Rc::new(comparison),
            reading,
            rows: Vec::new(),
            sides: Vec::new(),
            blocks: Vec::new(),
            text_widths: Vec::new(),
            table: Cursor::default(),
            passage: Cursor::default(),
            top: 0,
            line: 0,
            wraps: RefCell::new(HashMap::new()),
            splits: RefCell::new(HashMap::new()),
        };
        view.read(reading);
        view
    }

    /// Show the comparison in `reading`, from the top.
    pub fn read(&mut self, reading: Reading) {
        let c = Rc::clone(&self.comparison);
        self.reading = reading;
        self.rows.clear();
        self.blocks.clear();
        match reading {
            Reading::Aligned => {
                for (i, pair) in c.pairs.iter().enumerate() {
                    self.rows.push(pair.clone());
                    self.blocks.push(Block {
                        rows: i..i + 1,
                        band: None,
                        header: true,
                    });
                }
            }
            Reading::Bands => {
                for (b, band) in c.bands.iter().enumerate() {
                    let start = self.rows.len();
                    self.rows.extend(band.rows.iter().cloned());
                    // Pairs come first in a band, each level with its partner; the rest is
                    // packed in one block so neither column waits for the other.
                    let paired = band.rows.iter().filter(|p| is_pair(p)).count();
                    let mut spans: Vec<Range<usize>> =
                        (start..start + paired).map(|i| i..i + 1).collect();
                    if paired < band.rows.len() {
                        spans.push(start + paired..start + band.rows.len());
                    }
                    for (k, rows) in spans.into_iter().enumerate() {
                        self.blocks.push(Block {
                            rows,
                            band: Some(b),
                            header: k == 0,
                        });
                    }
                }
            }
        }
        self.sides = self.rows.iter().map(sides).collect();
        self.text_widths = self
            .blocks
            .iter()
            .map(|block| {
                let mut w = [0, 0];
                for p in &self.rows[block.rows.clone()] {
                    for (k, s) in [&p.a, &p.b].into_iter().enumerate() {
                        w[k] += s.as_ref().map_or(0, |s| s.text.width());
                    }
                }
                w
            })
            .collect();
        self.wraps.borrow_mut().clear();
        self.splits.borrow_mut().clear();
        self.top = 0;
        self.line = 0;
    }

    pub fn report(&self, side: usize) -> usize {
        if side == 0 { self.key.0 } else { self.key.1 }
    }

    /// Wrapped lines of one side of a row (`side` 0 is A), as byte ranges of its text.
    pub fn lines(&self, row: usize, side: usize, width: usize) -> Rc<Vec<Range<usize>>> {
        let key = (row, side, width);
        if let Some(lines) = self.wraps.borrow().get(&key) {
            return Rc::clone(lines);
        }
        let text = self.sides.get(row).map_or("", |s| s[side].text.as_str());
        let lines = Rc::new(wrap::wrap(text, width));
        self.wraps.borrow_mut().insert(key, Rc::clone(&lines));
        lines
    }

    /// The lines of one column of a block: its rows' sides one under the other.
    pub fn column(&self, block: usize, side: usize, width: usize) -> Vec<BlockLine> {
        let Some(b) = self.blocks.get(block).filter(|_| width > 0) else {
            return Vec::new();
        };
        b.rows
            .clone()
            .flat_map(|row| {
                self.lines(row, side, width)
                    .iter()
                    .map(|r| (row, r.clone()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The widths of a block's two columns, given the pane's `columns` (a one-column rule
    /// between them). Two places write at different lengths on one theme, so in the banded
    /// reading a block's columns share the width so that both end as near the same line as
    /// they can (neither narrower than [`MIN_COLUMN`]), and the longer text does not trail
    /// alone below the shorter; a block only one side has takes the whole width, rule included
    /// (its band's title counts each side's units). 0 is a side not shown. The aligned reading
    /// keeps the pane's even columns.
    pub fn widths(&self, block: usize, columns: [usize; 2]) -> [usize; 2] {
        let Some(w) = self
            .blocks
            .get(block)
            .filter(|b| b.band.is_some())
            .and_then(|_| self.text_widths.get(block))
        else {
            return columns;
        };
        let total = columns[0] + columns[1];
        match *w {
            [_, 0] => return [total + 1, 0],
            [0, _] => return [0, total + 1],
            _ => {}
        }
        if total < 2 * MIN_COLUMN {
            return columns;
        }
        if let Some(split) = self.splits.borrow().get(&(block, total)) {
            return *split;
        }
        // A's lines fall as its column widens and B's rise: the first width at which A is no
        // taller than B, or the one before it, is the most even.
        let height = |left: usize| {
            let a = self.column(block, 0, left).len();
            let b = self.column(block, 1, total - left).len();
            (a, b)
        };
        let (mut lo, mut hi) = (MIN_COLUMN, total - MIN_COLUMN);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (a, b) = height(mid);
            if a <= b { hi = mid } else { lo = mid + 1 }
        }
        let tallest = |left: usize| {
            let (a, b) = height(left);
            a.max(b)
        };
        let left = if lo > MIN_COLUMN && tallest(lo - 1) < tallest(lo) {
            lo - 1
        } else {
            lo
        };
        let split = [left, total - left];
        self.splits.borrow_mut().insert((block, total), split);
        split
    }

    /// Lines a block takes: its title line, if any, and the taller of its two columns.
    pub fn block_height(&self, block: usize, columns: [usize; 2]) -> usize {
        let header = self.blocks.get(block).is_some_and(|b| b.header);
        let [wa, wb] = self.widths(block, columns);
        let a = self.column(block, 0, wa).len();
        let b = self.column(block, 1, wb).len();
        usize::from(header) + a.max(b)
    }

    /// Forget lines wrapped for other widths.
    pub fn clear_wraps(&self) {
        self.wraps.borrow_mut().clear();
        self.splits.borrow_mut().clear();
    }

    /// Scroll both columns together by `rows`.
    pub fn scroll(&mut self, rows: isize, columns: [usize; 2]) {
        let n = self.blocks.len();
        for _ in 0..rows.unsigned_abs() {
            if rows > 0 {
                if self.line + 1 < self.block_height(self.top, columns) {
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
                self.line = self.block_height(self.top, columns).saturating_sub(1);
            } else {
                break;
            }
        }
    }

    /// Put block `block` at the top.
    pub fn goto(&mut self, block: usize) {
        self.top = block.min(self.blocks.len().saturating_sub(1));
        self.line = 0;
    }

    /// Go to the next (or previous) block that `wanted` picks, wrapping around; its rank among
    /// them and their number. Backwards from inside a picked block goes to its top.
    fn step_to(&mut self, forward: bool, wanted: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        let picked: Vec<usize> = (0..self.blocks.len()).filter(|&i| wanted(i)).collect();
        let top = self.top;
        let k = if forward {
            picked.iter().position(|&i| i > top).unwrap_or(0)
        } else {
            let before = picked
                .iter()
                .rposition(|&i| i < top || (i == top && self.line > 0));
            before.unwrap_or(picked.len().checked_sub(1)?)
        };
        let target = *picked.get(k)?;
        self.goto(target);
        Some((k, picked.len()))
    }

    /// Next (previous) block holding a pair of alike units.
    pub fn step_pair(&mut self, forward: bool) -> Option<(usize, usize)> {
        let paired: Vec<bool> = (0..self.blocks.len())
            .map(|b| self.is_pair_block(b))
            .collect();
        self.step_to(forward, |b| paired[b])
    }

    /// Next (previous) band: the block opening it.
    pub fn step_band(&mut self, forward: bool) -> Option<(usize, usize)> {
        let opens: Vec<bool> = self
            .blocks
            .iter()
            .map(|b| b.header && b.band.is_some())
            .collect();
        self.step_to(forward, |b| opens[b])
    }

    /// Go to the next (or previous) block with a difference, wrapping around.
    pub fn step_diff(&mut self, forward: bool) -> Option<(usize, usize)> {
        let diffs = self.differing();
        self.step_to(forward, |b| diffs.contains(&b))
    }

    /// Indexes of the blocks whose sides differ.
    pub fn differing(&self) -> Vec<usize> {
        (0..self.blocks.len())
            .filter(|&b| self.blocks[b].rows.clone().any(|r| differs(&self.rows[r])))
            .collect()
    }

    /// Whether a block is one pair of alike units.
    pub fn is_pair_block(&self, block: usize) -> bool {
        self.blocks
            .get(block)
            .is_some_and(|b| b.rows.clone().all(|r| is_pair(&self.rows[r])))
    }

    /// The current block's first row.
    pub fn current_row(&self) -> Option<&Pair> {
        self.rows.get(self.blocks.get(self.top)?.rows.start)
    }

    /// Where the view stands, as a unit of one side (0: A) that survives swapping the sides.
    pub fn anchor(&self) -> Option<(usize, usize)> {
        let row = self.current_row()?;
        match (&row.a, &row.b) {
            (Some(a), _) => Some((0, a.unit)),
            (None, Some(b)) => Some((1, b.unit)),
            (None, None) => None,
        }
    }

    /// Put the block holding that side's unit at the top.
    pub fn goto_unit(&mut self, side: usize, unit: usize) {
        let holds = |p: &Pair| {
            let s = if side == 0 { &p.a } else { &p.b };
            s.as_ref().is_some_and(|s| s.unit == unit)
        };
        if let Some(b) = (0..self.blocks.len())
            .find(|&b| self.blocks[b].rows.clone().any(|r| holds(&self.rows[r])))
        {
            self.goto(b);
        }
    }

    /// Keep the scroll inside the current block after a resize.
    pub fn fit(&mut self, columns: [usize; 2]) {
        self.top = self.top.min(self.blocks.len().saturating_sub(1));
        if self.blocks.is_empty() {
            self.line = 0;
        } else {
            self.line = self
                .line
                .min(self.block_height(self.top, columns).saturating_sub(1));
        }
    }
}

/// Whether a row pairs two alike units (aligned or moved).
pub fn is_pair(pair: &Pair) -> bool {
    matches!(pair.kind, LinkKind::Aligned | LinkKind::Moved)
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
    /// Keys move in the indicator table (or the passage list) instead of the text.
    pub table_focused: bool,
    /// The shared passages stand in place of the indicator table.
    pub passages_shown: bool,
}

impl CompareScreen {
    /// Column widths of the compare screen at the current size.
    pub fn areas(&self, shared: &Shared) -> CompareAreas {
        let rows = self.view.as_ref().map_or(0, |v| {
            if self.passages_shown {
                v.comparison.shared_passages.len()
            } else {
                v.comparison.indicators.len()
            }
        });
        layout::compare_areas(shared.areas().body, rows, self.table_focused)
    }

    /// Open the selected shared passage where A has it, on screen 1.
    fn open_passage(&self) -> Effect {
        let Some(view) = &self.view else {
            return Effect::None;
        };
        let Some(s) = view.comparison.shared_passages.get(view.passage.selected) else {
            return Effect::None;
        };
        Effect::Open {
            report: view.report(0),
            section: s.a_section.clone(),
            span: s.passage.a,
            focus: Pane::Text,
        }
    }

    /// Open the current row's A measure (B's when only B has it) in its report on screen 1.
    fn open_pair(&self) -> Effect {
        let Some(view) = &self.view else {
            return Effect::None;
        };
        let Some(pair) = view.current_row() else {
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
            return if self.passages_shown && self.table_focused {
                self.open_passage()
            } else {
                self.open_pair()
            };
        }
        if action == Action::TogglePassages {
            self.passages_shown = !self.passages_shown;
            // Shown to be stepped through: the list takes the keys.
            self.table_focused = self.passages_shown;
            return Effect::None;
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
                if self.passages_shown {
                    let n = view.comparison.shared_passages.len();
                    view.passage.step(delta, n);
                } else {
                    view.table.step(delta, view.comparison.indicators.len());
                }
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
            Action::NextPair | Action::PrevPair => {
                shared.message = Some(match view.step_pair(action == Action::NextPair) {
                    Some((k, n)) => format!("{}/{n} {}", k + 1, l.pairs_found),
                    None => l.no_pairs_found.to_string(),
                });
            }
            Action::NextBand | Action::PrevBand => {
                shared.message = Some(match view.step_band(action == Action::NextBand) {
                    Some((k, n)) => format!("{}/{n} {}", k + 1, l.bands),
                    None => l.no_bands.to_string(),
                });
            }
            Action::NextDiff | Action::PrevDiff => {
                shared.message = Some(match view.step_diff(action == Action::NextDiff) {
                    Some((k, n)) => format!("{}/{n} {}", k + 1, l.differences),
                    None => l.no_differences.to_string(),
                });
            }
            Action::ToggleReading => {
                let anchor = view.anchor();
                view.read(match view.reading {
                    Reading::Bands => Reading::Aligned,
                    Reading::Aligned => Reading::Bands,
                });
                if let Some((side, unit)) = anchor {
                    view.goto_unit(side, unit);
                }
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
            let n = view.comparison.indicators.len();
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
            let mut view = CompareView::new(&shared.corpus, key.clone());
            // After a swap the reader stays on the same units and in the same reading.
            if let Some(old) = self
                .view
                .as_ref()
                .filter(|o| o.key == (b, a, key.2.clone()))
            {
                if view.reading != old.reading {
                    view.read(old.reading);
                }
                if let Some((side, unit)) = old.anchor() {
                    view.goto_unit(1 - side, unit);
                    view.line = old.line;
                }
                view.passage = old.passage;
            }
            self.view = Some(view);
        }
        let areas = self.areas(shared);
        if let Some(view) = &mut self.view {
            view.fit(areas.columns);
            // The table's body holds its header row and the rows below it.
            let rows = inner(areas.indicators).height.saturating_sub(1) as usize;
            view.table.fit(view.comparison.indicators.len(), rows);
            let shown = inner(areas.indicators).height as usize;
            view.passage
                .fit(view.comparison.shared_passages.len(), shown);
        }
    }

    fn resized(&mut self) {
        if let Some(view) = &self.view {
            view.clear_wraps();
        }
    }

    /// The pairs of the reading shown, with each side's heading and text.
    fn export(&self, _shared: &Shared) -> (&'static str, Vec<Vec<String>>) {
        let records = self.view.as_ref().map_or_else(Vec::new, |v| {
            fazhi_core::export::comparison_records(&v.comparison, v.reading)
        });
        ("compare", records)
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
