//! The corpus's word index: every jieba word of every report, found by the word.
//!
//! Built to be small, because the corpus holds it for the whole session: each word's text is kept
//! once, and its occurrences are one run of varints in one flat buffer grouped by word (the step
//! from the occurrence before, a few bytes each where a (report, offset) pair takes 8), with no
//! list or string of its own. At 10,000 generated reports that is 44 MB where the pairs took
//! 141. A search decodes the runs of its query's words, each once: the longest run, 法治's
//! 163,495 occurrences, decodes in under a millisecond.

use rustc_hash::FxHashMap;

use super::packed::{self, push_varint, read_varint};
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
    /// Where each word's postings start in `postings`, in bytes (one more entry than words: the
    /// end).
    starts: Vec<usize>,
    /// Each word's occurrences in turn, encoded by [`push_posting`].
    postings: Vec<u8>,
}

/// A word's place in the second pass of a build: where its next posting goes (in the first
/// pass, how many bytes its postings take) and the posting before, which the next is encoded
/// against.
#[derive(Clone, Copy, Default)]
struct Slot {
    bytes: usize,
    last: Option<(u32, u32)>,
}

impl WordIndex {
    /// Index the words of each text (`texts[i]`'s words are `words[i]`, packed).
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>, words: Vec<Vec<u8>>) -> WordIndex {
        let texts: Vec<&str> = texts.collect();
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut slots: Vec<Slot> = Vec::new();
        let mut scratch = Vec::with_capacity(20);
        // Each word is looked up again in the second pass rather than its id kept from the
        // first: a list of ids would cost more memory at the load's peak than the packed words.
        for (report, (text, list)) in texts.iter().zip(&words).enumerate() {
            for word in words_in(text, list) {
                let next = ids.len() as u32;
                let id = *ids.entry(word.into()).or_insert(next);
                if id == next {
                    slots.push(Slot::default());
                }
                if let Some(c) = slots.get_mut(id as usize) {
                    let posting = (report as u32, offset_in(text, word));
                    scratch.clear();
                    push_posting(&mut scratch, c.last, posting);
                    c.bytes += scratch.len();
                    c.last = Some(posting);
                }
            }
        }
        let mut starts = Vec::with_capacity(slots.len() + 1);
        let mut total = 0;
        for c in &mut slots {
            starts.push(total);
            let bytes = c.bytes;
            *c = Slot {
                bytes: total,
                last: None,
            };
            total += bytes;
        }
        starts.push(total);
        let mut postings = vec![0; total];
        for (report, (text, list)) in texts.iter().zip(words).enumerate() {
            for word in words_in(text, &list) {
                let Some(c) = ids.get(word).and_then(|&id| slots.get_mut(id as usize)) else {
                    continue;
                };
                let posting = (report as u32, offset_in(text, word));
                scratch.clear();
                push_posting(&mut scratch, c.last, posting);
                if let Some(slot) = postings.get_mut(c.bytes..c.bytes + scratch.len()) {
                    slot.copy_from_slice(&scratch);
                }
                c.bytes += scratch.len();
                c.last = Some(posting);
            }
        }
        ids.shrink_to_fit();
        WordIndex {
            ids,
            starts,
            postings,
        }
    }

    /// Where `word` stands, in report order and then text order (none: nowhere).
    pub fn get(&self, word: &str) -> Postings<'_> {
        Postings::new(self.bytes_of(word))
    }

    /// Where `word` stands, to be asked place after place in the order a search meets them.
    pub fn seek(&self, word: &str) -> Seek<'_> {
        Seek::new(self.bytes_of(word))
    }

    /// `word`'s postings (none: not a word of the corpus).
    fn bytes_of(&self, word: &str) -> &[u8] {
        self.ids
            .get(word)
            .and_then(|&id| {
                let i = id as usize;
                self.postings
                    .get(*self.starts.get(i)?..*self.starts.get(i + 1)?)
            })
            .unwrap_or(&[])
    }

    /// Heap bytes held: the word map (its table by capacity, one control byte an entry, and each
    /// word's text), the starts and the postings.
    pub fn heap_bytes(&self) -> usize {
        self.ids.capacity() * (size_of::<(Box<str>, u32)>() + 1)
            + self.ids.keys().map(|w| w.len()).sum::<usize>()
            + self.starts.capacity() * size_of::<usize>()
            + self.postings.capacity()
    }

    /// Each report's words as offset and length, in text order: the index read back by report,
    /// for whoever needs them again (an export) without segmenting any text a second time.
    pub fn by_report(&self, reports: usize) -> Vec<Vec<WordAt>> {
        let mut out = vec![Vec::new(); reports];
        for word in self.ids.keys() {
            for (report, at) in self.get(word) {
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

/// Byte offset of `word`, a slice of `text`, in it.
fn offset_in(text: &str, word: &str) -> u32 {
    (word.as_ptr() as usize - text.as_ptr() as usize) as u32
}

/// One occurrence of a word, after the one before it (`last`), in one or two varints. Most
/// occurrences follow another in the same report: one varint, the distance from it, shifted left
/// with the low bit clear (one or two bytes). The first in a report: the distance from the
/// report before (from report 0 for a word's first) shifted left with the low bit set, then the
/// offset itself.
fn push_posting(out: &mut Vec<u8>, last: Option<(u32, u32)>, (report, at): (u32, u32)) {
    match last {
        Some((r, a)) if r == report => push_varint(out, u64::from(at.saturating_sub(a)) << 1),
        _ => {
            let from = last.map_or(0, |(r, _)| r);
            push_varint(out, u64::from(report.saturating_sub(from)) << 1 | 1);
            push_varint(out, u64::from(at));
        }
    }
}

/// A word's occurrences as (report, byte offset), decoded from its postings as they are read;
/// it stops at bytes cut off or out of range.
#[derive(Clone)]
pub struct Postings<'a> {
    rest: &'a [u8],
    report: u32,
    at: u32,
}

impl<'a> Postings<'a> {
    fn new(bytes: &'a [u8]) -> Postings<'a> {
        Postings {
            rest: bytes,
            report: 0,
            at: 0,
        }
    }
}

/// Whether a word stands at one place after another, its occurrences decoded only as far as the
/// places asked reach: a search asks in report and text order, so no occurrence is decoded twice
/// and no list is held. A place before the one asked last starts over from the word's first
/// occurrence.
pub struct Seek<'a> {
    bytes: &'a [u8],
    rest: Postings<'a>,
    here: Option<(u32, u32)>,
    last: (u32, u32),
}

impl<'a> Seek<'a> {
    fn new(bytes: &'a [u8]) -> Seek<'a> {
        let mut rest = Postings::new(bytes);
        Seek {
            bytes,
            here: rest.next(),
            rest,
            last: (0, 0),
        }
    }

    /// Whether the word stands at `place` (report, byte offset).
    pub fn has(&mut self, place: (u32, u32)) -> bool {
        if place < self.last {
            *self = Seek::new(self.bytes);
        }
        self.last = place;
        while let Some(here) = self.here
            && here < place
        {
            self.here = self.rest.next();
        }
        self.here == Some(place)
    }
}

impl Iterator for Postings<'_> {
    type Item = (u32, u32);

    fn next(&mut self) -> Option<(u32, u32)> {
        let n = read_varint(&mut self.rest)?;
        let step = u32::try_from(n >> 1).ok()?;
        if n & 1 == 0 {
            self.at = self.at.checked_add(step)?;
        } else {
            self.report = self.report.checked_add(step)?;
            self.at = u32::try_from(read_varint(&mut self.rest)?).ok()?;
        }
        Some((self.report, self.at))
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
        let texts = ["法治，推进法治", "推进法治"];
        let words: Vec<Vec<WordAt>> = texts.iter().map(|t| words_of(t)).collect();
        let packed = texts.iter().map(|t| packed::packed_words_of(t)).collect();
        let index = WordIndex::build(texts.iter().copied(), packed);
        let fazhi: Vec<(u32, u32)> = index.get("法治").collect();
        assert_eq!(fazhi, [(0, 0), (0, "法治，推进".len() as u32), (1, 6)]);
        assert_eq!(index.get("推进").collect::<Vec<_>>(), [(0, 9), (1, 0)]);
        assert_eq!(index.get("不在").next(), None);
        assert_eq!(index.by_report(texts.len()), words);
    }

    #[test]
    fn postings_decode_across_reports_and_at_the_ends_of_u32() {
        let big = u32::MAX;
        let list = [
            (0, 0),
            (0, 7),
            (0, big - 1),
            (0, big),
            (1, 0),
            (1, 200),
            (70_000, 1 << 31),
            (70_000, big),
            (big, 0),
            (big, big),
        ];
        let mut bytes = Vec::new();
        let mut last = None;
        for &p in &list {
            push_posting(&mut bytes, last, p);
            last = Some(p);
        }
        assert_eq!(Postings::new(&bytes).collect::<Vec<_>>(), list);
        let first_in_late_report = {
            let mut b = Vec::new();
            push_posting(&mut b, None, (9, 300));
            b
        };
        assert_eq!(first_in_late_report, [19, 172, 2]);
        let cut = &bytes[..bytes.len() - 1];
        assert_eq!(Postings::new(cut).count(), list.len() - 1, "cut off");
    }

    #[test]
    fn seeking_finds_places_asked_in_order_and_out_of_it() {
        let texts = ["法治，推进法治", "推进法治"];
        let packed = texts.iter().map(|t| packed::packed_words_of(t)).collect();
        let index = WordIndex::build(texts.iter().copied(), packed);
        let mut fazhi = index.seek("法治");
        assert!(fazhi.has((0, 0)));
        assert!(!fazhi.has((0, 3)));
        assert!(fazhi.has((0, 15)));
        assert!(fazhi.has((1, 6)));
        assert!(!fazhi.has((2, 0)), "past the last");
        assert!(fazhi.has((0, 15)), "back again");
        assert!(!index.seek("不在").has((0, 0)));
    }

    #[test]
    fn seeking_finds_every_place_of_a_long_list() {
        let texts: Vec<String> = (0..300).map(|i| "法治，".repeat(i % 7 + 1)).collect();
        let packed = texts.iter().map(|t| packed::packed_words_of(t)).collect();
        let index = WordIndex::build(texts.iter().map(String::as_str), packed);
        let all: Vec<(u32, u32)> = index.get("法治").collect();
        assert_eq!(all.len(), (0..300).map(|i| i % 7 + 1).sum::<usize>());
        for step in [1, 2, 37, 300] {
            let mut seek = index.seek("法治");
            for &(report, at) in all.iter().step_by(step) {
                assert!(!seek.has((report, at + 1)), "inside the word");
                assert!(seek.has((report, at)), "({report}, {at}) at step {step}");
            }
            assert!(!seek.has((300, 0)), "past the last");
        }
    }

    #[test]
    fn a_posting_in_the_same_report_takes_one_or_two_bytes() {
        let mut bytes = Vec::new();
        push_posting(&mut bytes, Some((3, 100)), (3, 150));
        assert_eq!(bytes, [100]);
        bytes.clear();
        push_posting(&mut bytes, Some((3, 100)), (3, 5000));
        assert_eq!(bytes.len(), 2);
    }
}
