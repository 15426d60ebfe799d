//! The corpus's word index: every jieba word of every report, found by the word.
//!
//! Built to be small, because the corpus holds it for the whole session: each word's text is kept
//! once, and every occurrence is two `u32`s (report, byte offset) in one flat list grouped by
//! word, with no list or string of its own.

use rustc_hash::FxHashMap;

use super::packed;
use crate::text::segment;

/// One word of a text: its byte offset and its length in bytes (the word is the text's slice).
pub type WordAt = (u32, u32);

/// Every jieba word of `text` (punctuation and spaces left out) as offset and length: the search
/// index's input, and what the store keeps of a report's words.
pub fn words_of(text: &str) -> Vec<WordAt> {
    segment::words(text)
        .into_iter()
        .map(|(at, w)| (at as u32, w.len() as u32))
        .collect()
}

/// Word → every (report, byte offset) it stands at, in report order and then text order.
#[derive(Debug, Default)]
pub struct WordIndex {
    ids: FxHashMap<Box<str>, u32>,
    /// Where each word's occurrences start in `postings` (one more entry than words: the end).
    starts: Vec<u32>,
    postings: Vec<(u32, u32)>,
}

impl WordIndex {
    /// Index the words of each text (`texts[i]`'s words are `words[i]`, packed).
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>, words: Vec<Vec<u8>>) -> WordIndex {
        let texts: Vec<&str> = texts.collect();
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut counts: Vec<u32> = Vec::new();
        // Each word is looked up again in the second pass rather than its id kept from the
        // first: a list of ids would cost more memory at the load's peak than the packed words.
        for (text, list) in texts.iter().zip(&words) {
            for word in words_in(text, list) {
                let next = ids.len() as u32;
                let id = *ids.entry(word.into()).or_insert(next);
                if id == next {
                    counts.push(0);
                }
                counts[id as usize] += 1;
            }
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut total = 0u32;
        for c in &counts {
            starts.push(total);
            total += c;
        }
        starts.push(total);
        let mut fill = starts.clone();
        let mut postings = vec![(0, 0); total as usize];
        for (report, (text, list)) in texts.iter().zip(words).enumerate() {
            for word in words_in(text, &list) {
                let at = (word.as_ptr() as usize - text.as_ptr() as usize) as u32;
                if let Some(slot) = ids.get(word).and_then(|&id| fill.get_mut(id as usize)) {
                    postings[*slot as usize] = (report as u32, at);
                    *slot += 1;
                }
            }
        }
        ids.shrink_to_fit();
        WordIndex {
            ids,
            starts,
            postings,
        }
    }

    /// Where `word` stands, in report order and then text order (empty: nowhere).
    pub fn get(&self, word: &str) -> &[(u32, u32)] {
        self.ids
            .get(word)
            .and_then(|&id| {
                let from = *self.starts.get(id as usize)? as usize;
                let to = *self.starts.get(id as usize + 1)? as usize;
                self.postings.get(from..to)
            })
            .unwrap_or(&[])
    }

    /// Whether `word` stands at byte `at` of report `report`.
    pub fn is_at(&self, word: &str, report: u32, at: u32) -> bool {
        self.get(word).binary_search(&(report, at)).is_ok()
    }

    /// Heap bytes held: the word map (its table by capacity, one control byte an entry, and each
    /// word's text), the starts and the postings.
    pub fn heap_bytes(&self) -> usize {
        self.ids.capacity() * (size_of::<(Box<str>, u32)>() + 1)
            + self.ids.keys().map(|w| w.len()).sum::<usize>()
            + self.starts.capacity() * size_of::<u32>()
            + self.postings.capacity() * size_of::<(u32, u32)>()
    }

    /// Each report's words as offset and length, in text order: the index read back by report,
    /// for whoever needs them again (an export) without segmenting any text a second time.
    pub fn by_report(&self, reports: usize) -> Vec<Vec<WordAt>> {
        let mut out = vec![Vec::new(); reports];
        for word in self.ids.keys() {
            for &(report, at) in self.get(word) {
                if let Some(list) = out.get_mut(report as usize) {
                    list.push((at, word.len() as u32));
                }
            }
        }
        for list in &mut out {
            list.sort_unstable();
        }
        out
    }
}

/// The words of `text` that `packed` names (those that lie in the text).
fn words_in<'t, 'p>(
    text: &'t str,
    packed: &'p [u8],
) -> impl Iterator<Item = &'t str> + use<'t, 'p> {
    packed::unpack(packed).filter_map(|(at, len)| text.get(at as usize..(at + len) as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_in_report_and_text_order() {
        let texts = ["法治政府建设，法治", "推进法治"];
        let words: Vec<Vec<WordAt>> = texts.iter().map(|t| words_of(t)).collect();
        let packed = texts.iter().map(|t| packed::packed_words_of(t)).collect();
        let index = WordIndex::build(texts.iter().copied(), packed);
        let fazhi: Vec<(u32, u32)> = index.get("法治").to_vec();
        assert!(fazhi.windows(2).all(|w| w[0] < w[1]), "{fazhi:?}");
        assert_eq!(fazhi.last(), Some(&(1, "推进".len() as u32)));
        assert!(index.is_at("推进", 1, 0));
        assert!(!index.is_at("推进", 0, 0));
        assert!(index.get("不在").is_empty());
        assert_eq!(index.by_report(texts.len()), words);
    }
}
