//! How alike two passages are, for every pair drawn from two lists.
//!
//! Passages are weighed as tf-idf vectors of jieba words (idf over both lists, so words every
//! passage uses, like 法治 or 推进, count for little) and compared by cosine. Short passages
//! have too few words for that to be stable, so when either side is short the score is the Dice
//! coefficient of character bigrams instead.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::text::segment;

/// Below this many characters (letters and digits) a passage is compared by bigrams.
pub const SHORT_CHARS: usize = 24;

/// Scores in `0.0..=1.0` for every (row of A, column of B).
#[derive(Debug, Clone, PartialEq)]
pub struct SimMatrix {
    pub rows: usize,
    pub cols: usize,
    values: Vec<f32>,
}

impl SimMatrix {
    pub fn get(&self, row: usize, col: usize) -> f32 {
        self.values[row * self.cols + col]
    }

    /// The best score in a row (0 for an empty row).
    pub fn row_best(&self, row: usize) -> f32 {
        (0..self.cols).map(|c| self.get(row, c)).fold(0.0, f32::max)
    }

    /// The best score in a column (0 for an empty column).
    pub fn col_best(&self, col: usize) -> f32 {
        (0..self.rows).map(|r| self.get(r, col)).fold(0.0, f32::max)
    }
}

/// What a passage is compared by.
struct Profile {
    /// (term id, weight), sorted by term id, unit length.
    terms: Vec<(u32, f32)>,
    /// Character bigrams over letters and digits, sorted (a multiset).
    bigrams: Vec<(char, char)>,
    chars: usize,
}

/// Similarity of every passage of `a` with every passage of `b`.
pub fn matrix(a: &[&str], b: &[&str]) -> SimMatrix {
    let words: Vec<Vec<String>> = a
        .par_iter()
        .chain(b.par_iter())
        .map(|t| {
            segment::words(t)
                .into_iter()
                .map(|(_, w)| w.to_lowercase())
                .collect()
        })
        .collect();
    let (ids, df) = vocabulary(&words);
    let n = words.len() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
        .collect();
    let texts: Vec<&str> = a.iter().chain(b.iter()).copied().collect();
    let profiles: Vec<Profile> = texts
        .par_iter()
        .zip(words.par_iter())
        .map(|(text, words)| profile(text, words, &ids, &idf))
        .collect();
    let (pa, pb) = profiles.split_at(a.len());
    let values: Vec<f32> = pa
        .par_iter()
        .flat_map_iter(|x| pb.iter().map(move |y| score(x, y)))
        .collect();
    SimMatrix {
        rows: a.len(),
        cols: b.len(),
        values,
    }
}

/// Term ids and document frequencies over all passages.
fn vocabulary(words: &[Vec<String>]) -> (HashMap<&str, u32>, Vec<u32>) {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    for doc in words {
        let mut seen: Vec<u32> = Vec::new();
        for w in doc {
            let next = ids.len() as u32;
            let id = *ids.entry(w.as_str()).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            if !seen.contains(&id) {
                seen.push(id);
                df[id as usize] += 1;
            }
        }
    }
    (ids, df)
}

fn profile(text: &str, words: &[String], ids: &HashMap<&str, u32>, idf: &[f32]) -> Profile {
    let mut tf: HashMap<u32, f32> = HashMap::new();
    for w in words {
        if let Some(&id) = ids.get(w.as_str()) {
            *tf.entry(id).or_default() += 1.0;
        }
    }
    let mut terms: Vec<(u32, f32)> = tf
        .into_iter()
        .map(|(id, f)| (id, f * idf[id as usize]))
        .collect();
    terms.sort_by_key(|t| t.0);
    let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        terms.iter_mut().for_each(|t| t.1 /= norm);
    }
    let letters: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let mut bigrams: Vec<(char, char)> = letters.windows(2).map(|w| (w[0], w[1])).collect();
    bigrams.sort_unstable();
    Profile {
        terms,
        bigrams,
        chars: letters.len(),
    }
}

fn score(x: &Profile, y: &Profile) -> f32 {
    if x.chars.min(y.chars) < SHORT_CHARS {
        dice(&x.bigrams, &y.bigrams)
    } else {
        cosine(&x.terms, &y.terms)
    }
    .clamp(0.0, 1.0)
}

/// Dot product of two unit vectors sorted by term id.
fn cosine(x: &[(u32, f32)], y: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Dice coefficient of two sorted multisets.
fn dice<T: Ord>(x: &[T], y: &[T]) -> f32 {
    if x.is_empty() && y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f32 / (x.len() + y.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENFORCE: &str = "严格落实行政执法三项制度，全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，开展行政执法案卷评查。";
    const ENFORCE_EDITED: &str = "全面落实行政执法三项制度，推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，组织行政执法案卷评查活动。";
    const DISPUTES: &str = "坚持和发展新时代枫桥经验，健全人民调解、行政调解、司法调解联动工作体系，全年调解矛盾纠纷930件，调解成功率98%。";

    #[test]
    fn an_edited_measure_is_closest_to_its_original() {
        let m = matrix(&[ENFORCE, DISPUTES], &[DISPUTES, ENFORCE_EDITED]);
        assert_eq!((m.rows, m.cols), (2, 2));
        assert!((m.get(1, 0) - 1.0).abs() < 1e-4, "{}", m.get(1, 0));
        assert!(m.get(0, 1) > 0.6, "{}", m.get(0, 1));
        assert!(m.get(0, 0) < 0.2, "{}", m.get(0, 0));
        assert!(m.get(1, 1) < 0.2, "{}", m.get(1, 1));
        assert_eq!(m.row_best(0), m.get(0, 1));
        assert_eq!(m.col_best(0), m.get(1, 0));
    }

    #[test]
    fn short_passages_are_compared_by_bigrams() {
        let m = matrix(
            &["推进法治强省建设"],
            &["推进法治强市建设", "开展安全生产检查"],
        );
        // 7 bigrams each, 5 shared.
        assert!((m.get(0, 0) - 10.0 / 14.0).abs() < 1e-4, "{}", m.get(0, 0));
        assert_eq!(m.get(0, 1), 0.0);
    }

    #[test]
    fn empty_inputs_give_empty_or_zero_scores() {
        assert_eq!(matrix(&[], &["依法行政"]).rows, 0);
        let m = matrix(&["", "。"], &[""]);
        assert_eq!((m.get(0, 0), m.get(1, 0)), (0.0, 0.0));
    }
}
