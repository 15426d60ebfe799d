//! Copying across a whole set of reports, without comparing every pair.
//!
//! Each report's text is reduced to winnowed fingerprints (Schleimer, Wilkerson and Aiken,
//! 2003): of every [`WINDOW`] consecutive shingle hashes, the smallest. Any passage long enough
//! to count as shared ([`MIN_CHARS`] characters) holds a whole window, so two reports sharing one
//! always share a fingerprint, while a report keeps only about one hash in seven. An inverted
//! index from fingerprint to reports then names, for each report, the few others worth an exact
//! comparison. Winnowing was chosen over MinHash because it finds a single copied paragraph in a
//! long report (MinHash estimates the similarity of whole texts and misses it), and over a
//! suffix structure because its index is small and built in one parallel pass.
//!
//! Fingerprints that many reports share are the phrases of the time every report uses; they
//! are left out of the index, as slogans and quotations are left out of the fingerprints.

use std::collections::HashMap;

use rayon::prelude::*;

use super::shared::{MIN_CHARS, SHINGLE, Slogans, normalize, shingle_hash, stock_cover};

/// Shingles per winnowing window: a passage of [`MIN_CHARS`] characters spans exactly one.
const WINDOW: usize = MIN_CHARS - SHINGLE + 1;
/// Fingerprints two reports must share before they are compared exactly.
const MIN_SHARED: u32 = 2;
/// Reports compared exactly with each report, the most promising first.
const MAX_SOURCES: usize = 8;
/// A fingerprint in more reports than this is common phrasing, not copying.
const MIN_COMMON_REPORTS: usize = 32;
/// …or in more than this part of the set, for large sets.
const COMMON_SHARE: usize = 100;

/// For each report, the other reports (indexes into the input) that share enough fingerprints
/// with it to be compared exactly, with the number shared, most first.
pub fn candidates(texts: &[&str], slogans: &Slogans) -> Vec<Vec<(usize, u32)>> {
    let prints: Vec<Vec<u64>> = texts.par_iter().map(|t| fingerprints(t, slogans)).collect();
    let mut postings: Vec<(u64, u32)> = prints
        .iter()
        .enumerate()
        .flat_map(|(doc, fps)| fps.iter().map(move |&h| (h, doc as u32)))
        .collect();
    postings.par_sort_unstable();
    let common = MIN_COMMON_REPORTS.max(texts.len() / COMMON_SHARE);
    let mut index: HashMap<u64, &[(u64, u32)]> = HashMap::new();
    for group in postings.chunk_by(|x, y| x.0 == y.0) {
        if group.len() > 1 && group.len() <= common {
            index.insert(group[0].0, group);
        }
    }
    prints
        .par_iter()
        .enumerate()
        .map(|(doc, fps)| {
            let mut shared: HashMap<u32, u32> = HashMap::new();
            for h in fps {
                for &(_, other) in index.get(h).copied().unwrap_or(&[]) {
                    if other as usize != doc {
                        *shared.entry(other).or_default() += 1;
                    }
                }
            }
            let mut out: Vec<(usize, u32)> = shared
                .into_iter()
                .filter(|&(_, n)| n >= MIN_SHARED)
                .map(|(d, n)| (d as usize, n))
                .collect();
            out.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
            out.truncate(MAX_SOURCES);
            out
        })
        .collect()
}

/// The winnowed fingerprints of a text, sorted and without repeats; shingles touching a slogan
/// or a quotation take no part.
fn fingerprints(text: &str, slogans: &Slogans) -> Vec<u64> {
    let normal = normalize(text);
    let stock = stock_cover(text, &normal, slogans);
    let hashes: Vec<Option<u64>> = normal
        .chars
        .windows(SHINGLE)
        .zip(stock.windows(SHINGLE))
        .map(|(w, s)| (!s.iter().any(|x| *x)).then(|| shingle_hash(w)))
        .collect();
    let mut out: Vec<u64> = hashes
        .windows(WINDOW.min(hashes.len().max(1)))
        .filter_map(|w| w.iter().flatten().min().copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: [&str; 3] = [
        "建立行政执法人员资格管理台账，对全县执法人员开展轮训，实现执法证件动态管理。",
        "组建村级法律顾问团队，实现村居法律顾问全覆盖，全年提供法律咨询服务四百余次。",
        "完善重大行政决策目录管理制度，对重大项目开展社会稳定风险评估和合法性审查。",
    ];

    #[test]
    fn a_report_sharing_a_passage_is_a_candidate_and_an_unrelated_one_is_not() {
        let a = format!("一、成效\n{}\n{}", OWN[0], OWN[1]);
        let copy = format!("今年以来，我镇持续发力。{}另行部署。", OWN[1]);
        let other = format!("一、工作\n{}", OWN[2]);
        let found = candidates(&[&a, &copy, &other], Slogans::shared());
        assert_eq!(found[0].iter().map(|c| c.0).collect::<Vec<_>>(), vec![1]);
        assert_eq!(found[1].iter().map(|c| c.0).collect::<Vec<_>>(), vec![0]);
        assert!(found[2].is_empty(), "{:?}", found[2]);
    }

    #[test]
    fn a_phrase_every_report_uses_is_not_evidence() {
        let phrase = "全面推进严格规范公正文明执法，持续深化行政执法体制改革工作";
        let texts: Vec<String> = (0..MIN_COMMON_REPORTS + 2)
            .map(|k| format!("第{k}个地方：{phrase}，本地做法各不相同{k}。"))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found = candidates(&refs, &Slogans::from_list(""));
        assert!(found.iter().all(Vec::is_empty), "{found:?}");
    }

    #[test]
    fn quotations_are_not_fingerprinted() {
        let quoted = format!("“{}”", OWN[0]);
        assert!(fingerprints(&quoted, &Slogans::from_list("")).is_empty());
        assert!(!fingerprints(OWN[0], &Slogans::from_list("")).is_empty());
    }

    #[test]
    fn short_and_empty_texts_have_no_fingerprints() {
        assert!(fingerprints("", Slogans::shared()).is_empty());
        assert!(fingerprints("法治", Slogans::shared()).is_empty());
    }
}
