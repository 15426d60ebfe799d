//! Word-level differences between two passages of Chinese prose.
//!
//! Tokens come from the shared jieba segmenter (never whitespace splitting). The token diff uses
//! Patience, which anchors on words that occur once on each side and so keeps whole phrases
//! together. A replaced run of a few tokens that shares characters (强省 → 强市) is diffed again
//! character by character, and short equal runs stranded between changes are absorbed, so the
//! result reads as phrases rather than confetti. Whatever happens, the equal and deleted texts
//! join back to the old passage and the equal and inserted texts to the new one.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::text::segment;

/// Longest replaced run (in characters, each side) that is stepped down to characters.
const STEP_DOWN_CHARS: usize = 12;
/// Equal runs this short (in characters) between two changes are absorbed into them.
const ABSORB_CHARS: usize = 1;

/// What an operation does to the old text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    Equal,
    Delete,
    Insert,
}

/// One run of a diff: `{"op": "equal|delete|insert", "text": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Op {
    pub op: OpKind,
    pub text: String,
}

impl Op {
    pub fn new(op: OpKind, text: impl Into<String>) -> Op {
        Op {
            op,
            text: text.into(),
        }
    }
}

/// The differences from `old` to `new`, as phrase-sized runs.
pub fn diff(old: &str, new: &str) -> Vec<Op> {
    let a = segment::tokens(old);
    let b = segment::tokens(new);
    let mut raw = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let old_text = a[ra].concat();
        let new_text = b[rb].concat();
        match tag {
            DiffTag::Equal => raw.push(Op::new(OpKind::Equal, old_text)),
            DiffTag::Delete => raw.push(Op::new(OpKind::Delete, old_text)),
            DiffTag::Insert => raw.push(Op::new(OpKind::Insert, new_text)),
            DiffTag::Replace => replace(&old_text, &new_text, &mut raw),
        }
    }
    tidy(raw)
}

/// A replaced run: by characters when it is a near miss, else one deletion and one insertion.
fn replace(old: &str, new: &str, out: &mut Vec<Op>) {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    let near_miss = a.len() <= STEP_DOWN_CHARS
        && b.len() <= STEP_DOWN_CHARS
        && a.iter().any(|c| c.is_alphanumeric() && b.contains(c));
    if !near_miss {
        out.push(Op::new(OpKind::Delete, old));
        out.push(Op::new(OpKind::Insert, new));
        return;
    }
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let old_text: String = a[ra].iter().collect();
        let new_text: String = b[rb].iter().collect();
        if matches!(tag, DiffTag::Equal) {
            out.push(Op::new(OpKind::Equal, old_text));
            continue;
        }
        out.push(Op::new(OpKind::Delete, old_text));
        out.push(Op::new(OpKind::Insert, new_text));
    }
}

/// Drop empty runs, absorb stranded short equal runs, and give each change cluster the form
/// "deletion, then insertion".
fn tidy(ops: Vec<Op>) -> Vec<Op> {
    let ops: Vec<Op> = ops.into_iter().filter(|o| !o.text.is_empty()).collect();
    let mut out: Vec<Op> = Vec::new();
    // The change cluster being gathered: (deleted, inserted).
    let mut cluster = (String::new(), String::new());
    for (i, op) in ops.iter().enumerate() {
        match op.op {
            OpKind::Delete => cluster.0.push_str(&op.text),
            OpKind::Insert => cluster.1.push_str(&op.text),
            OpKind::Equal => {
                let in_cluster = !(cluster.0.is_empty() && cluster.1.is_empty());
                let change_follows = ops.get(i + 1).is_some_and(|n| n.op != OpKind::Equal);
                if in_cluster && change_follows && op.text.chars().count() <= ABSORB_CHARS {
                    cluster.0.push_str(&op.text);
                    cluster.1.push_str(&op.text);
                    continue;
                }
                flush(&mut cluster, &mut out);
                match out.last_mut() {
                    Some(last) if last.op == OpKind::Equal => last.text.push_str(&op.text),
                    _ => out.push(op.clone()),
                }
            }
        }
    }
    flush(&mut cluster, &mut out);
    out
}

fn flush(cluster: &mut (String, String), out: &mut Vec<Op>) {
    let (deleted, inserted) = std::mem::take(cluster);
    if !deleted.is_empty() {
        out.push(Op::new(OpKind::Delete, deleted));
    }
    if !inserted.is_empty() {
        out.push(Op::new(OpKind::Insert, inserted));
    }
}

/// The old side of a diff: its equal and deleted runs joined.
pub fn old_text(ops: &[Op]) -> String {
    side(ops, OpKind::Delete)
}

/// The new side of a diff: its equal and inserted runs joined.
pub fn new_text(ops: &[Op]) -> String {
    side(ops, OpKind::Insert)
}

fn side(ops: &[Op], change: OpKind) -> String {
    ops.iter()
        .filter(|o| o.op == OpKind::Equal || o.op == change)
        .map(|o| o.text.as_str())
        .collect()
}

/// Apply a diff to `old`: `None` when the diff's equal and deleted runs do not spell `old`.
pub fn apply(old: &str, ops: &[Op]) -> Option<String> {
    let mut rest = old;
    let mut out = String::new();
    for op in ops {
        match op.op {
            OpKind::Equal => {
                rest = rest.strip_prefix(op.text.as_str())?;
                out.push_str(&op.text);
            }
            OpKind::Delete => rest = rest.strip_prefix(op.text.as_str())?,
            OpKind::Insert => out.push_str(&op.text),
        }
    }
    rest.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn changes(ops: &[Op]) -> Vec<(OpKind, &str)> {
        ops.iter()
            .filter(|o| o.op != OpKind::Equal)
            .map(|o| (o.op, o.text.as_str()))
            .collect()
    }

    #[test]
    fn diffs_of_real_sentences_mark_only_what_changed() {
        use OpKind::{Delete as D, Insert as I};
        type Case<'a> = (&'a str, &'a str, &'a [(OpKind, &'a str)]);
        let table: &[Case] = &[
            // A near-miss token steps down to characters.
            (
                "全面推进法治强省建设，加快建设法治政府。",
                "全面推进法治强市建设，加快建设法治政府。",
                &[(D, "省"), (I, "市")],
            ),
            (
                "办理行政复议案件76件，调解占比36%。",
                "办理行政复议案件102件，调解占比36%。",
                &[(D, "76"), (I, "102")],
            ),
            (
                "严格落实行政执法三项制度，全面推行包容审慎监管。",
                "严格落实行政执法三项制度，全面推行包容审慎监管和首违不罚。",
                &[(I, "和首违不罚")],
            ),
            (
                "坚持和发展新时代枫桥经验，深入开展矛盾纠纷排查化解。",
                "坚持和发展新时代枫桥经验，开展矛盾纠纷排查化解。",
                &[(D, "深入")],
            ),
            // Unrelated words are replaced whole, not shredded into characters.
            (
                "组织开展法治宣传活动120场次。",
                "组织开展安全生产检查120场次。",
                &[(D, "法治宣传活动"), (I, "安全生产检查")],
            ),
        ];
        for (old, new, want) in table {
            let ops = diff(old, new);
            assert_eq!(changes(&ops), *want, "{old} → {new}: {ops:?}");
            assert_eq!(apply(old, &ops).as_deref(), Some(*new));
        }
    }

    #[test]
    fn a_one_character_equal_run_between_changes_is_absorbed() {
        let ops = tidy(vec![
            Op::new(OpKind::Equal, "推进"),
            Op::new(OpKind::Delete, "甲"),
            Op::new(OpKind::Insert, "乙"),
            Op::new(OpKind::Equal, "的"),
            Op::new(OpKind::Delete, "丙"),
            Op::new(OpKind::Insert, "丁"),
            Op::new(OpKind::Equal, "工作"),
        ]);
        assert_eq!(
            ops,
            vec![
                Op::new(OpKind::Equal, "推进"),
                Op::new(OpKind::Delete, "甲的丙"),
                Op::new(OpKind::Insert, "乙的丁"),
                Op::new(OpKind::Equal, "工作"),
            ]
        );
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(diff("", ""), vec![]);
        assert_eq!(
            diff("依法行政。", "依法行政。"),
            vec![Op::new(OpKind::Equal, "依法行政。")]
        );
        assert_eq!(diff("", "新增"), vec![Op::new(OpKind::Insert, "新增")]);
        assert_eq!(apply("多余", &diff("", "新增")), None);
    }

    proptest! {
        #[test]
        fn ops_join_back_to_both_sides(
            old in "[法治政府建设推进强省市县依 ab1，。]{0,40}",
            new in "[法治政府建设推进强省市县依 ab1，。]{0,40}",
        ) {
            let ops = diff(&old, &new);
            prop_assert_eq!(old_text(&ops), old.clone());
            prop_assert_eq!(new_text(&ops), new.clone());
            prop_assert_eq!(apply(&old, &ops), Some(new));
            prop_assert!(ops.iter().all(|o| !o.text.is_empty()));
        }
    }
}
