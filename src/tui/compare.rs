//! The compare screen's state: the comparison of reports A and B, computed once per (A, B,
//! themes); each pair's two sides as text with their changed words; the indicator table; and
//! wrapped lines cached per (pair, side, width), so scrolling never re-wraps or re-diffs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use fazhi_core::analyse::compare::{Comparison, Pair, compare};
use fazhi_core::analyse::diff::OpKind;
use fazhi_core::analyse::matrix::{SideBySide, side_by_side};
use fazhi_core::corpus::Corpus;
use fazhi_core::model::Span;

use super::action::{Action, Screen};
use super::app::{App, Pane};
use super::layout::{self, CompareAreas};
use super::wrap;
use fazhi_core::sanitize::for_terminal;

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
    let paired = pair.a.is_some() && pair.b.is_some();
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

impl App {
    /// Column widths of the compare screen at the current size.
    pub fn compare_areas(&self) -> CompareAreas {
        let rows = self.compare.as_ref().map_or(0, |v| v.indicators.len());
        layout::compare_areas(self.areas().body, rows)
    }

    /// Mark the selected report as side `side` (0: A, 1: B); a report is never both sides.
    pub(super) fn mark(&mut self, side: usize) {
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

    /// Fill unmarked sides (A: the selected report, B: the one after A in the list) and bring
    /// the comparison up to date with the marks and the theme filter; it is recomputed only
    /// when one of those changed.
    pub(super) fn sync_compare(&mut self) {
        if self.marks.iter().any(Option::is_none) {
            let selected = self.report_index();
            let a = self.marks[0].or_else(|| match (selected, self.marks[1]) {
                (Some(s), Some(b)) if s == b => self.next_after(b),
                (s, _) => s,
            });
            let b = self.marks[1].or_else(|| self.next_after(a?));
            let (Some(a), Some(b)) = (a, b) else {
                self.compare = None;
                return;
            };
            if self.marks[0].is_none() && self.marks[1].is_none() {
                self.message = Some(self.labels().sides_defaulted.to_string());
            }
            self.marks = [Some(a), Some(b)];
        }
        let (Some(a), Some(b)) = (self.marks[0], self.marks[1]) else {
            return;
        };
        let key = (a, b, self.themes.clone());
        if self.compare.as_ref().is_none_or(|v| v.key != key) {
            self.compare = Some(CompareView::new(&self.corpus, key));
        }
        let columns = self.compare_areas().columns;
        if let Some(view) = &mut self.compare {
            view.fit(columns);
        }
    }

    /// The report after `report` in the list (wrapping round), or any other report.
    fn next_after(&self, report: usize) -> Option<usize> {
        let pos = self.visible.iter().position(|&i| i == report).unwrap_or(0);
        let (before, after) = self.visible.split_at(pos.min(self.visible.len()));
        after
            .iter()
            .chain(before)
            .copied()
            .chain(0..self.corpus.reports.len())
            .find(|&i| i != report)
    }

    /// A key on the compare screen.
    pub(super) fn compare_action(&mut self, action: Action) {
        let areas = self.compare_areas();
        let page = areas.bands.height.max(2) as isize - 1;
        let l = self.labels();
        let Some(view) = &mut self.compare else {
            return;
        };
        let columns = areas.columns;
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
                self.message = Some(match view.step_diff(action == Action::NextDiff) {
                    Some((k, n)) => format!("{}/{n} {}", k + 1, l.differences),
                    None => l.no_differences.to_string(),
                });
            }
            Action::SwapSides => self.marks.swap(0, 1),
            Action::Activate => self.open_pair(),
            _ => {}
        }
    }

    /// Scroll the compare columns by the mouse wheel.
    pub(super) fn compare_wheel(&mut self, delta: isize) {
        let columns = self.compare_areas().columns;
        if let Some(view) = &mut self.compare {
            view.scroll(delta, columns);
        }
    }

    /// Open the current pair's A measure (B's when only B has it) in its report on screen 1.
    fn open_pair(&mut self) {
        let Some(view) = &self.compare else {
            return;
        };
        let Some(pair) = view.comparison.pairs.get(view.top) else {
            return;
        };
        let Some((side, at)) = [&pair.a, &pair.b]
            .into_iter()
            .enumerate()
            .find_map(|(i, s)| s.as_ref().map(|s| (i, s)))
        else {
            return;
        };
        let report = view.report(side);
        let (section, span) = (at.section.clone(), at.span);
        self.screen = Screen::Report;
        self.focus = Pane::Text;
        self.jump(report, section, span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fazhi_core::analyse::align::LinkKind;
    use fazhi_core::analyse::diff::Op;

    fn pair(a: bool, b: bool, ops: Vec<Op>) -> Pair {
        let side = || fazhi_core::analyse::compare::PairSide {
            section: Vec::new(),
            heading: None,
            text: String::new(),
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
