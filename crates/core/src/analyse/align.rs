//! Pairing two lists of passages from their similarity matrix.
//!
//! First an in-order alignment (Needleman-Wunsch with free gaps: the order-preserving set of pairs
//! with the greatest total similarity), as wikidiff2 does for paragraphs; then the passages left
//! over are paired one to one, best first, as moves. A pair only counts when it passes a
//! threshold and is near the best each of its two passages has anywhere, so the in-order pass
//! never settles for a mediocre neighbour when the true partner stands elsewhere.

use serde::{Deserialize, Serialize};

use crate::analyse::similarity::SimMatrix;

/// Least similarity for two passages to be aligned in order.
pub const ALIGN_MIN: f32 = 0.3;
/// Least similarity for two leftover passages to be paired as a move.
pub const MOVE_MIN: f32 = 0.4;
/// A pair must score at least this share of the best either of its passages has.
const NEAR_BEST: f32 = 0.8;

/// How a passage of A relates to one of B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Paired in reading order.
    Aligned,
    /// Paired, but the two stand in a different order.
    Moved,
    /// Only in A.
    OnlyA,
    /// Only in B.
    OnlyB,
    /// A unit of A and one of B standing side by side in a band without being alike: neither
    /// has a partner there, and a row of two is easier to read than two half-empty rows.
    Beside,
}

/// One row of an alignment: indexes into A's and B's lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub kind: LinkKind,
    pub a: Option<usize>,
    pub b: Option<usize>,
    /// The pair's similarity (0 for an unmatched passage).
    pub similarity: f32,
}

/// Every passage of A and of B exactly once, in display order: A's order, with B's unmatched
/// passages placed before the next aligned pair that follows them in B.
pub fn align(m: &SimMatrix) -> Vec<Link> {
    let row_best: Vec<f32> = (0..m.rows).map(|r| m.row_best(r)).collect();
    let col_best: Vec<f32> = (0..m.cols).map(|c| m.col_best(c)).collect();
    let eligible = |i: usize, j: usize, min: f32| {
        let s = m.get(i, j);
        s >= min && s >= NEAR_BEST * row_best[i] && s >= NEAR_BEST * col_best[j]
    };

    let mut partner_a: Vec<Option<(usize, LinkKind)>> = vec![None; m.rows];
    let mut partner_b: Vec<bool> = vec![false; m.cols];
    for (i, j) in in_order(m, |i, j| eligible(i, j, ALIGN_MIN)) {
        partner_a[i] = Some((j, LinkKind::Aligned));
        partner_b[j] = true;
    }

    let mut moves: Vec<(f32, usize, usize)> = Vec::new();
    for (i, _) in partner_a.iter().enumerate().filter(|(_, p)| p.is_none()) {
        for (j, _) in partner_b.iter().enumerate().filter(|(_, p)| !**p) {
            if eligible(i, j, MOVE_MIN) {
                moves.push((m.get(i, j), i, j));
            }
        }
    }
    moves.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for (_, i, j) in moves {
        if partner_a[i].is_none() && !partner_b[j] {
            partner_a[i] = Some((j, LinkKind::Moved));
            partner_b[j] = true;
        }
    }

    display_order(m.rows, m.cols, &partner_a, &partner_b, |i, j| m.get(i, j))
}

/// The same links seen from B: sides and kinds swapped, in B's display order.
pub fn mirror(links: &[Link], rows: usize, cols: usize) -> Vec<Link> {
    let mut partner_a: Vec<Option<(usize, LinkKind)>> = vec![None; cols];
    let mut partner_b = vec![false; rows];
    let mut sims = std::collections::HashMap::new();
    for l in links {
        if let (Some(i), Some(j)) = (l.a, l.b) {
            partner_a[j] = Some((i, l.kind));
            partner_b[i] = true;
            sims.insert((j, i), l.similarity);
        }
    }
    display_order(cols, rows, &partner_a, &partner_b, |i, j| {
        sims.get(&(i, j)).copied().unwrap_or(0.0)
    })
}

/// The order-preserving pairs with the greatest total similarity among the allowed ones.
fn in_order(m: &SimMatrix, allowed: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    let (n, k) = (m.rows, m.cols);
    let width = k + 1;
    let mut best = vec![0f32; (n + 1) * width];
    for i in 1..=n {
        for j in 1..=k {
            let mut v = best[(i - 1) * width + j].max(best[i * width + j - 1]);
            if allowed(i - 1, j - 1) {
                v = v.max(best[(i - 1) * width + j - 1] + m.get(i - 1, j - 1));
            }
            best[i * width + j] = v;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, k);
    while i > 0 && j > 0 {
        let here = best[i * width + j];
        if allowed(i - 1, j - 1) && here == best[(i - 1) * width + j - 1] + m.get(i - 1, j - 1) {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if here == best[(i - 1) * width + j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

fn display_order(
    rows: usize,
    cols: usize,
    partner_a: &[Option<(usize, LinkKind)>],
    partner_b: &[bool],
    similarity: impl Fn(usize, usize) -> f32,
) -> Vec<Link> {
    let mut out = Vec::with_capacity(rows + cols);
    let mut next_b = 0;
    let only_b_before = |end: usize, next_b: &mut usize, out: &mut Vec<Link>| {
        while *next_b < end {
            if !partner_b[*next_b] {
                out.push(Link {
                    kind: LinkKind::OnlyB,
                    a: None,
                    b: Some(*next_b),
                    similarity: 0.0,
                });
            }
            *next_b += 1;
        }
    };
    for (i, partner) in partner_a.iter().enumerate() {
        match *partner {
            Some((j, kind)) => {
                if kind == LinkKind::Aligned {
                    only_b_before(j, &mut next_b, &mut out);
                }
                out.push(Link {
                    kind,
                    a: Some(i),
                    b: Some(j),
                    similarity: similarity(i, j),
                });
            }
            None => out.push(Link {
                kind: LinkKind::OnlyA,
                a: Some(i),
                b: None,
                similarity: 0.0,
            }),
        }
    }
    only_b_before(cols, &mut next_b, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::similarity::matrix;

    fn kinds(links: &[Link]) -> Vec<(LinkKind, Option<usize>, Option<usize>)> {
        links.iter().map(|l| (l.kind, l.a, l.b)).collect()
    }

    #[test]
    fn in_order_pairs_moves_and_leftovers() {
        use LinkKind::*;
        let a = [
            "严格落实行政执法三项制度，全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
            "坚持和发展新时代枫桥经验，健全人民调解、行政调解、司法调解联动工作体系，全年调解矛盾纠纷930件。",
            "修订完善突发事件应急预案，组织开展防汛、地质灾害等应急演练，排查整治安全生产隐患。",
            "深入实施八五普法规划，落实谁执法谁普法责任制，培育农村学法用法示范户和法律明白人。",
        ];
        let b = [
            "深入实施八五普法规划，落实谁执法谁普法责任制，培育法律明白人队伍。",
            "严格落实行政执法三项制度，推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
            "推进政务数据共享，建设一网通办政务服务平台，实现电子证照互认互通。",
            "坚持和发展新时代枫桥经验，健全人民调解、行政调解联动工作体系，全年调解矛盾纠纷1020件。",
        ];
        let links = align(&matrix(&a, &b));
        assert_eq!(
            kinds(&links),
            vec![
                (Aligned, Some(0), Some(1)),
                (OnlyB, None, Some(2)),
                (Aligned, Some(1), Some(3)),
                (OnlyA, Some(2), None),
                (Moved, Some(3), Some(0)),
            ]
        );
        assert!(
            links
                .iter()
                .filter(|l| l.kind != OnlyA && l.kind != OnlyB)
                .all(|l| l.similarity >= MOVE_MIN)
        );
    }

    #[test]
    fn empty_sides() {
        let links = align(&matrix(&[], &["依法行政", "执法"]));
        assert_eq!(
            kinds(&links),
            vec![
                (LinkKind::OnlyB, None, Some(0)),
                (LinkKind::OnlyB, None, Some(1))
            ]
        );
        assert!(align(&matrix(&[], &[])).is_empty());
    }
}
