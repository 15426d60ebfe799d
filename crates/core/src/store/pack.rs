//! A report's words packed for the store: two LEB128 varints a word, its byte distance from the
//! end of the word before and its length in bytes (the word itself is the report's text).

use crate::corpus::WordAt;

/// Words as two varints each: the gap from the end of the word before, and the length. Most
/// words follow the one before directly or after one punctuation mark and are a few characters
/// long, so most take two bytes.
pub(super) fn pack_words(words: &[WordAt], text: &str) -> Vec<u8> {
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

/// The inverse of [`pack_words`]; `None` when the bytes do not fit the text (a damaged row).
pub(super) fn unpack_words(text: &str, packed: &[u8]) -> Option<Vec<WordAt>> {
    let mut words = Vec::with_capacity(packed.len() / 2);
    let mut rest = packed;
    let mut end = 0usize;
    while !rest.is_empty() {
        let gap = read_varint(&mut rest)?;
        let len = read_varint(&mut rest)?;
        let at = end.checked_add(usize::try_from(gap).ok()?)?;
        end = at.checked_add(usize::try_from(len).ok()?)?;
        text.get(at..end)?;
        words.push((u32::try_from(at).ok()?, u32::try_from(len).ok()?));
    }
    Some(words)
}

/// LEB128: seven bits a byte, low bits first, the high bit set on all but the last byte.
fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The varint at the start of `bytes`, which move past it; `None` if cut off or too long.
fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
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
        assert_eq!(unpack_words(text, &packed), Some(words));
        assert_eq!(unpack_words(text, &packed[..5]), None, "cut off");
        assert_eq!(unpack_words(text, &[0, 200]), None, "a varint cut off");
        assert_eq!(unpack_words(text, &[0, 100]), None, "past the text");
        assert_eq!(unpack_words(text, &[0, 1]), None, "inside a character");
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
