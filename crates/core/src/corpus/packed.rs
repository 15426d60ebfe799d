//! A report's words packed: two LEB128 varints a word, its byte distance from the end of the word
//! before and its length in bytes (the word itself is the report's text). How a load holds each
//! report's words until they are indexed (about 2.3 bytes a word, where a list of offsets and
//! lengths takes 8) and how the store keeps them.

use super::WordAt;

/// Every jieba word of `text` (punctuation and spaces left out), packed.
pub fn packed_words_of(text: &str) -> Vec<u8> {
    pack_words(&super::words_of(text), text)
}

/// Words as two varints each: the gap from the end of the word before, and the length. Most
/// words follow the one before directly or after one punctuation mark and are a few characters
/// long, so most take two bytes.
pub fn pack_words(words: &[WordAt], text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(words.len() * 2);
    let mut end = 0usize;
    for &(at, len) in words {
        let (at, len) = (at as usize, len as usize);
        // A word must lie in the text, after the one before: anything else cannot be rebuilt.
        if at < end || text.get(at..at + len).is_none() {
            continue;
        }
        push_varint(&mut out, (at - end) as u64);
        push_varint(&mut out, len as u64);
        end = at + len;
    }
    out
}

/// The words of `packed`, in text order; it stops at bytes cut off. Whether the words fit their
/// text is [`fits`]'s to check.
pub fn unpack(packed: &[u8]) -> impl Iterator<Item = WordAt> + '_ {
    let mut rest = packed;
    let mut end = 0u64;
    std::iter::from_fn(move || {
        let gap = read_varint(&mut rest)?;
        let len = read_varint(&mut rest)?;
        let at = end.checked_add(gap)?;
        end = at.checked_add(len)?;
        Some((u32::try_from(at).ok()?, u32::try_from(len).ok()?))
    })
}

/// Whether `packed` is whole and every word of it lies in `text`, on character boundaries (a
/// store's row is checked before it is trusted).
pub fn fits(text: &str, packed: &[u8]) -> bool {
    let mut rest = packed;
    let mut end = 0usize;
    while !rest.is_empty() {
        let (Some(gap), Some(len)) = (read_varint(&mut rest), read_varint(&mut rest)) else {
            return false;
        };
        let Some(at) = usize::try_from(gap).ok().and_then(|g| end.checked_add(g)) else {
            return false;
        };
        let Some(to) = usize::try_from(len).ok().and_then(|l| at.checked_add(l)) else {
            return false;
        };
        if u32::try_from(to).is_err() || text.get(at..to).is_none() {
            return false;
        }
        end = to;
    }
    true
}

/// LEB128: seven bits a byte, low bits first, the high bit set on all but the last byte.
pub(super) fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The varint at the start of `bytes`, which move past it; `None` if cut off or too long.
pub(super) fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for (i, b) in bytes.iter().enumerate().take(10) {
        n |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            *bytes = &bytes[i + 1..];
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_pack_into_two_bytes_each_and_back() {
        let text = "行政复议案件，76件";
        let words = vec![(0, 12), (12, 6), (21, 2)];
        let packed = pack_words(&words, text);
        assert_eq!(packed, [0, 12, 0, 6, 3, 2]);
        assert!(fits(text, &packed));
        assert_eq!(unpack(&packed).collect::<Vec<_>>(), words);
        assert_eq!(
            unpack(&packed_words_of(text)).collect::<Vec<_>>(),
            super::super::words_of(text)
        );
        assert!(!fits(text, &packed[..5]), "cut off");
        assert!(!fits(text, &[0, 200]), "a varint cut off");
        assert!(!fits(text, &[0, 100]), "past the text");
        assert!(!fits(text, &[0, 1]), "inside a character");
    }

    #[test]
    fn varints_round_trip_at_their_edges() {
        for n in [
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            push_varint(&mut out, n);
            let mut bytes = out.as_slice();
            assert_eq!(read_varint(&mut bytes), Some(n));
            assert!(bytes.is_empty());
        }
    }
}
