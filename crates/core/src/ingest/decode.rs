//! Bytes → String, whatever encoding a government site used.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use std::sync::LazyLock;

use encoding_rs::{DecoderResult, Encoding};
use regex::bytes::Regex;

use super::IngestError;
use crate::text::chars::han_count;

/// File signatures of formats that are never plain text (PDF, Office, archives, images).
const BINARY_MAGIC: &[&[u8]] = &[
    b"%PDF",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
];

/// Share of control characters above which a file is not text.
const MAX_JUNK_SHARE: f64 = 0.05;

/// Share of undecodable bytes above which a file is not text but binary (or an encoding we do not
/// know); below it, a damaged report loads with the bad bytes shown as U+FFFD.
const MAX_BAD_BYTE_SHARE: f64 = 0.02;

/// A file's text and how many of its bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Bytes not valid in the encoding; each run of them is one U+FFFD in `text`.
    pub undecodable: usize,
}

/// Decode bytes: BOM first (UTF-8, UTF-16LE/BE), then UTF-8 (also when only a few bytes are
/// damaged), then a detected legacy encoding (GB18030/GBK above all, but chardetng decides).
pub fn decode(bytes: &[u8]) -> Result<Decoded, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let (text, undecodable) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => decode_with(encoding, &bytes[bom_len..]),
        None if BINARY_MAGIC.iter().any(|m| bytes.starts_with(m)) => {
            return Err(IngestError::Binary);
        }
        None if bytes.contains(&0) => match utf16_without_bom(bytes) {
            Some(encoding) => decode_with(encoding, bytes),
            None => return Err(IngestError::Binary),
        },
        None => match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), 0),
            Err(_) if mostly_utf8(bytes) => decode_with(encoding_rs::UTF_8, bytes),
            Err(_) => match declared(bytes) {
                Some(encoding) => decode_with(encoding, bytes),
                None => decode_detected(bytes),
            },
        },
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    if too_damaged(undecodable, bytes.len()) || control_share(&text) > MAX_JUNK_SHARE {
        return Err(IngestError::Binary);
    }
    Ok(Decoded { text, undecodable })
}

/// UTF-8 with a few damaged bytes (one flipped, a character cut off by `head -c`): nearly all of
/// its non-ASCII bytes still form valid sequences. GBK text almost never does (most of its byte
/// pairs are invalid UTF-8), so a few invalid bytes among many valid sequences mean damage, not
/// another encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().len() - chunk.valid().chars().filter(char::is_ascii).count();
        invalid += chunk.invalid().len();
    }
    invalid * 50 <= valid
}

/// Decode in the encoding chardetng guesses. A single invalid byte pair rules GBK out for it, so
/// a GBK report with a few damaged bytes is guessed windows-1252 and read as Latin mojibake:
/// when the guess is a single-byte encoding but GB18030 reads more Chinese from the same bytes,
/// with no more damage than a report may have, the file is a damaged Chinese report.
fn decode_detected(bytes: &[u8]) -> (String, usize) {
    let guess = detect(bytes);
    let guessed = decode_with(guess, bytes);
    if !guess.is_single_byte() {
        return guessed;
    }
    let gb = decode_with(encoding_rs::GB18030, bytes);
    if !too_damaged(gb.1, bytes.len()) && han_count(&gb.0) > han_count(&guessed.0) {
        gb
    } else {
        guessed
    }
}

/// More undecodable bytes than a damaged text has: a binary file, or the wrong encoding.
fn too_damaged(undecodable: usize, len: usize) -> bool {
    undecodable as f64 > len as f64 * MAX_BAD_BYTE_SHARE
}

/// The legacy encoding chardetng guesses (no TLD hint: Big5 pages from Taiwan/HK sites also occur).
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

/// UTF-16 saved without a BOM: the NUL bytes of its ASCII (digits, newlines, punctuation) fall
/// on one parity, odd for little-endian, even for big-endian; only the few ideographs of the form
/// U+xx00 (一 among them) put one on the other. Binary NULs fall anywhere.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in bytes.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    let nuls = even + odd;
    // A stray NUL or two in a byte-oriented file is damage, not UTF-16.
    if nuls * 100 < bytes.len() {
        return None;
    }
    if odd * 4 >= nuls * 3 {
        Some(encoding_rs::UTF_16LE)
    } else if even * 4 >= nuls * 3 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The GBK-family charset a saved page declares (`<meta charset=gb2312>`), if the bytes decode
/// in it with no more damage than a report may have: saved pages keep their original bytes, so
/// the declaration is evidence, checked not trusted. Other declarations are left to detection: on short pages Big5 and single-byte
/// charsets decode GBK bytes without error, wrongly.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_.:-]{2,30})"#)
            .expect("built-in pattern (proved valid by the unit tests)")
    });
    let head = &bytes[..bytes.len().min(2048)];
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    if encoding != encoding_rs::GBK && encoding != encoding_rs::GB18030 {
        return None;
    }
    let (_, undecodable) = decode_with(encoding, bytes);
    (!too_damaged(undecodable, bytes.len())).then_some(encoding)
}

/// Decode with replacement, counting the bytes replaced (encoding_rs reports each malformed
/// sequence's length; its GB18030 decoder also serves GBK, so four-byte sequences survive).
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = |d: &encoding_rs::Decoder, n: usize| {
        d.max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(n.saturating_mul(3))
    };
    let mut text = String::with_capacity(room(&decoder, bytes.len()));
    let (mut rest, mut undecodable) = (bytes, 0usize);
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return (text, undecodable),
            DecoderResult::OutputFull => text.reserve(room(&decoder, rest.len()).max(4)),
            DecoderResult::Malformed(len, _) => {
                undecodable += usize::from(len);
                text.push('\u{fffd}');
            }
        }
    }
}

/// Share of characters that are controls other than ordinary whitespace.
fn control_share(text: &str) -> f64 {
    let (mut total, mut junk) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        junk += usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'));
    }
    junk as f64 / total.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "2024年,我县坚持以习近平新时代中国特色社会主义思想为指导,深入推进法治政府建设。\n(一)加强组织领导。";

    fn encoded(encoding: &'static Encoding) -> Vec<u8> {
        encoding.encode(SAMPLE).0.into_owned()
    }

    #[test]
    fn every_supported_encoding_decodes_to_the_same_text() {
        let mut utf8_bom = b"\xef\xbb\xbf".to_vec();
        utf8_bom.extend_from_slice(SAMPLE.as_bytes());
        let utf16 = |big: bool| {
            let mut out = if big {
                vec![0xfe, 0xff]
            } else {
                vec![0xff, 0xfe]
            };
            for unit in SAMPLE.encode_utf16() {
                let b = if big {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                };
                out.extend_from_slice(&b);
            }
            out
        };
        let cases: [(&str, Vec<u8>); 6] = [
            ("utf-8", SAMPLE.as_bytes().to_vec()),
            ("utf-8 bom", utf8_bom),
            ("utf-16le bom", utf16(false)),
            ("utf-16be bom", utf16(true)),
            ("gb18030", encoded(encoding_rs::GB18030)),
            ("gbk", encoded(encoding_rs::GBK)),
        ];
        for (name, bytes) in cases {
            assert_eq!(
                decode(&bytes).ok().map(|d| d.text).as_deref(),
                Some(SAMPLE),
                "{name}"
            );
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nuls() {
        for (encoding, big) in [
            (encoding_rs::UTF_16LE, false),
            (encoding_rs::UTF_16BE, true),
        ] {
            let bytes: Vec<u8> = SAMPLE
                .encode_utf16()
                .flat_map(|u| {
                    if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect();
            assert_eq!(utf16_without_bom(&bytes), Some(encoding));
            assert_eq!(decode(&bytes).ok().map(|d| d.text).as_deref(), Some(SAMPLE));
        }
        let binary: Vec<u8> = (0u8..200).map(|i| if i % 3 == 0 { 0 } else { i }).collect();
        assert_eq!(utf16_without_bom(&binary), None);
        let mut stray = SAMPLE.repeat(3).into_bytes();
        stray.extend_from_slice(b"\0\0");
        assert_eq!(utf16_without_bom(&stray), None);
    }

    #[test]
    fn a_declared_charset_is_used_when_the_bytes_agree() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>法治</body></html>";
        let bytes = encoding_rs::GBK.encode(page).0;
        assert_eq!(declared(&bytes), Some(encoding_rs::GBK));
        assert_eq!(decode(&bytes).ok().map(|d| d.text).as_deref(), Some(page));
        let latin = page.replace("gb2312", "iso-8859-1");
        assert_eq!(declared(&encoding_rs::GBK.encode(&latin).0), None);
        let wrong = page.replace("gb2312", "big5");
        assert_eq!(declared(&encoding_rs::GBK.encode(&wrong).0), None);
    }

    #[test]
    fn gbk_is_detected_not_assumed() {
        assert_eq!(detect(&encoded(encoding_rs::GBK)), encoding_rs::GBK);
        let big5 = encoding_rs::BIG5
            .encode("法治政府建設年度報告，推進依法行政工作。")
            .0;
        assert_eq!(detect(&big5), encoding_rs::BIG5);
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(decode(b""), Err(IngestError::Empty)));
        assert!(matches!(decode(b" \n\r\n "), Err(IngestError::Empty)));
        assert!(matches!(decode(b"%PDF-1.7\n..."), Err(IngestError::Binary)));
        assert!(matches!(decode(b"abc\0def"), Err(IngestError::Binary)));
        let noise: Vec<u8> = (0u8..=255)
            .cycle()
            .skip(1)
            .take(2000)
            .filter(|b| *b != 0)
            .collect();
        assert!(matches!(decode(&noise), Err(IngestError::Binary)));
    }
}
