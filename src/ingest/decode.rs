//! Bytes → String, whatever encoding a government site used.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

use super::IngestError;

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

/// Share of undecodable or control characters above which a file is not text.
const MAX_JUNK_SHARE: f64 = 0.05;

/// Decode bytes: BOM first (UTF-8, UTF-16LE/BE), then UTF-8, then a detected legacy encoding
/// (GB18030/GBK above all, but chardetng decides).
pub fn decode(bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => decode_with(encoding, &bytes[bom_len..]),
        None => {
            if BINARY_MAGIC.iter().any(|m| bytes.starts_with(m)) || bytes.contains(&0) {
                return Err(IngestError::Binary);
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => s.to_owned(),
                Err(_) => decode_with(detect(bytes), bytes),
            }
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    if junk_share(&text) > MAX_JUNK_SHARE {
        return Err(IngestError::Binary);
    }
    Ok(text)
}

/// The legacy encoding chardetng guesses (no TLD hint: Big5 pages from Taiwan/HK sites also occur).
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    // encoding_rs decodes GBK with its GB18030 decoder, so four-byte sequences survive too.
    text.into_owned()
}

/// Share of characters that are replacement chars or controls other than ordinary whitespace.
fn junk_share(text: &str) -> f64 {
    let (mut total, mut junk) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        let is_junk =
            c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'));
        junk += usize::from(is_junk);
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
            assert_eq!(decode(&bytes).ok().as_deref(), Some(SAMPLE), "{name}");
        }
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
