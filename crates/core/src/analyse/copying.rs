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
/// The index is built in slices of the hash space, by the top bits of a fingerprint, so that
/// only one slice's postings are ever sorted at a time: all of them at once would take twice
/// the memory of every report's fingerprints.
const SLICE_BITS: u32 = 8;

/// For each report, the other reports (indexes into the input) that share enough fingerprints
/// with it to be compared exactly, with the number shared, most first.
pub fn candidates(texts: &[&str], slogans: &Slogans) -> Vec<Vec<(usize, u32)>> {
    let prints: Vec<Box<[u64]>> = texts.par_iter().map(|t| fingerprints(t, slogans)).collect();
    let common = MIN_COMMON_REPORTS.max(texts.len() / COMMON_SHARE);
    let index: Vec<Slice> = (0..1u64 << SLICE_BITS)
        .into_par_iter()
        .map(|slice| Slice::build(&prints, slice, common))
        .collect();
    prints
        .par_iter()
        .enumerate()
        .map(|(doc, fps)| sources(doc, fps, &index))
        .collect()
}

/// The slice of the hash space a fingerprint falls in.
fn slice_of(hash: u64) -> u64 {
    hash >> (u64::BITS - SLICE_BITS)
}

/// The fingerprints of one slice of the hash space that more than one report holds, but not so
/// many as to be common phrasing, each with the reports holding it.
struct Slice {
    /// Sorted.
    hashes: Vec<u64>,
    /// `reports[starts[k]..starts[k + 1]]` hold `hashes[k]`.
    starts: Vec<usize>,
    reports: Vec<u32>,
}

impl Slice {
    fn build(prints: &[Box<[u64]>], slice: u64, common: usize) -> Slice {
        let mut postings: Vec<(u64, u32)> = Vec::new();
        for (doc, fps) in prints.iter().enumerate() {
            let from = fps.partition_point(|&h| slice_of(h) < slice);
            let to = fps.partition_point(|&h| slice_of(h) <= slice);
            postings.extend(fps[from..to].iter().map(|&h| (h, doc as u32)));
        }
        postings.sort_unstable();
        let mut out = Slice {
            hashes: Vec::new(),
            starts: vec![0],
            reports: Vec::new(),
        };
        // A report's fingerprints have no repeats, so a group's length is its number of reports.
        for group in postings.chunk_by(|x, y| x.0 == y.0) {
            if group.len() > 1 && group.len() <= common {
                out.hashes.push(group[0].0);
                out.reports.extend(group.iter().map(|p| p.1));
                out.starts.push(out.reports.len());
            }
        }
        out
    }

    /// The reports holding `hash`, none if it is held by one report or by too many.
    fn holders(&self, hash: u64) -> &[u32] {
        match self.hashes.binary_search(&hash) {
            Ok(k) => &self.reports[self.starts[k]..self.starts[k + 1]],
            Err(_) => &[],
        }
    }
}

/// The other reports sharing at least [`MIN_SHARED`] indexed fingerprints with report `doc`,
/// most shared first, at most [`MAX_SOURCES`].
fn sources(doc: usize, fps: &[u64], index: &[Slice]) -> Vec<(usize, u32)> {
    let mut others: Vec<u32> = fps
        .iter()
        .flat_map(|&h| index[slice_of(h) as usize].holders(h))
        .copied()
        .filter(|&other| other as usize != doc)
        .collect();
    others.sort_unstable();
    let mut out: Vec<(usize, u32)> = others
        .chunk_by(|x, y| x == y)
        .map(|run| (run[0] as usize, run.len() as u32))
        .filter(|&(_, n)| n >= MIN_SHARED)
        .collect();
    out.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
    out.truncate(MAX_SOURCES);
    // Every report's list is held until the review is done, and most were cut from far more.
    out.shrink_to_fit();
    out
}

/// The winnowed fingerprints of a text, sorted and without repeats; shingles touching a slogan
/// or a quotation take no part. Boxed, as a report keeps about one window's fingerprint in seven
/// and every report's are held at once.
fn fingerprints(text: &str, slogans: &Slogans) -> Box<[u64]> {
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
    out.into_boxed_slice()
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

    /// Candidates counted the plain way: every pair of reports, the fingerprints both hold that
    /// are held by no more than `common` reports.
    fn reference(texts: &[&str], slogans: &Slogans) -> Vec<Vec<(usize, u32)>> {
        let prints: Vec<Box<[u64]>> = texts.iter().map(|t| fingerprints(t, slogans)).collect();
        let common = MIN_COMMON_REPORTS.max(texts.len() / COMMON_SHARE);
        let held_by = |h: &u64| prints.iter().filter(|p| p.contains(h)).count();
        (0..texts.len())
            .map(|i| {
                let mut out: Vec<(usize, u32)> = (0..texts.len())
                    .filter(|&j| j != i)
                    .map(|j| {
                        let both = prints[i]
                            .iter()
                            .filter(|h| prints[j].contains(h) && held_by(h) <= common)
                            .count();
                        (j, both as u32)
                    })
                    .filter(|&(_, n)| n >= MIN_SHARED)
                    .collect();
                out.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
                out.truncate(MAX_SOURCES);
                out
            })
            .collect()
    }

    #[test]
    fn candidates_are_those_of_comparing_every_pair() {
        // A small deterministic set: sentences of pseudo-random characters, each report made of a
        // few of them, one sentence in more reports than is evidence, and a few of its own.
        let mut seed: u64 = 7;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let mut sentence = |len: usize| -> String {
            (0..len)
                .map(|_| char::from_u32(0x4e00 + next(400) as u32).unwrap_or('法'))
                .chain(std::iter::once('。'))
                .collect()
        };
        let pool: Vec<String> = (0..12).map(|_| sentence(30)).collect();
        let everywhere = sentence(40);
        let texts: Vec<String> = (0..70)
            .map(|k| {
                let mut text = sentence(25);
                for _ in 0..1 + k % 4 {
                    text.push_str(&pool[(k * 7 + text.len()) % pool.len()]);
                    text.push_str(&sentence(10));
                }
                if k % 5 != 0 {
                    text.push_str(&everywhere);
                }
                text
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let slogans = Slogans::from_list("");
        let found = candidates(&refs, &slogans);
        assert!(found.iter().filter(|c| !c.is_empty()).count() > 10);
        assert_eq!(found, reference(&refs, &slogans));
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
