//! Wrapping Chinese prose by display width: lines break at jieba token boundaries where possible,
//! and never start with closing punctuation (kinsoku), since ratatui's own wrapping only breaks
//! at spaces.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use fazhi_core::text::chars::{no_line_end, no_line_start};
use fazhi_core::text::segment;

/// Display width of a character as drawn after sanitising (tab and CR become a space).
pub fn char_width(c: char) -> usize {
    match c {
        '\t' | '\r' | '\n' => 1,
        c => c.width().unwrap_or(0),
    }
}

pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Byte ranges of the lines `text` wraps into at `width` columns; they join back to `text`.
/// Newlines in `text` end lines (the newline belongs to the line it ends). A line is wider than
/// `width` only when one character alone is.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for paragraph in text.split_inclusive('\n') {
        wrap_paragraph(paragraph, start, width, &mut lines);
        start += paragraph.len();
    }
    lines
}

fn wrap_paragraph(text: &str, base: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    // Token boundaries (byte offsets) where a line may begin.
    let mut token_breaks = Vec::new();
    let mut at = 0;
    for token in segment::tokens(text) {
        at += token.len();
        token_breaks.push(at);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut line_start = 0; // index into chars
    let mut used = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let w = if c == '\n' { 0 } else { char_width(c) };
        if used + w <= width || i == line_start {
            used += w;
            i += 1;
            continue;
        }
        let brk = best_break(&chars, &token_breaks, line_start, i);
        let from = chars[line_start].0;
        let to = chars[brk].0;
        lines.push(base + from..base + to);
        line_start = brk;
        used = 0;
        i = brk;
    }
    if line_start < chars.len() {
        lines.push(base + chars[line_start].0..base + text.len());
    }
}

/// Where to end a line that overflows at char index `overflow`, best first: a token boundary
/// that keeps closing punctuation off the line start and opening brackets off the line end;
/// any char boundary that does both; one that at least keeps the line start clean; else right
/// at the overflow.
fn best_break(
    chars: &[(usize, char)],
    tokens: &[usize],
    line_start: usize,
    overflow: usize,
) -> usize {
    let start_ok = |k: usize| !no_line_start(chars[k].1);
    let end_ok = |k: usize| !no_line_end(chars[k - 1].1);
    let on_token = |k: usize| tokens.binary_search(&chars[k].0).is_ok();
    let last = |ok: &dyn Fn(usize) -> bool| (line_start + 1..=overflow).rev().find(|&k| ok(k));
    last(&|k| start_ok(k) && end_ok(k) && on_token(k))
        .or_else(|| last(&|k| start_ok(k) && end_ok(k)))
        .or_else(|| last(&start_ok))
        .unwrap_or(overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_between_words_not_inside_them() {
        let text = "严格落实行政执法三项制度，全年办理行政复议案件76件。";
        let got = lines(text, 16);
        assert_eq!(got.concat(), text);
        assert!(got.iter().all(|l| str_width(l) <= 16), "{got:?}");
        assert!(!got[1].starts_with("制度"), "{got:?}");
    }

    #[test]
    fn punctuation_never_starts_a_line() {
        // At width 8 the comma would fall first on the second line.
        let text = "行政复议案件办理，调解占比提高。";
        let got = lines(text, 8);
        assert_eq!(got.concat(), text);
        for l in &got {
            assert!(!l.starts_with(no_line_start), "{got:?}");
        }
    }

    #[test]
    fn opening_brackets_do_not_end_a_line() {
        // Without the rule the first line would end with "（".
        let text = "依托村（居）民评理说事点";
        let got = lines(text, 8);
        assert_eq!(got.concat(), text);
        for l in &got {
            assert!(!l.ends_with(no_line_end), "{got:?}");
        }
    }

    #[test]
    fn newlines_end_lines() {
        let got = lines("一、总体情况\n二、存在问题", 40);
        assert_eq!(got, ["一、总体情况\n", "二、存在问题"]);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap("", 10).is_empty());
    }

    fn prose() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "法治",
            "政府",
            "建设",
            "行政执法",
            "复议",
            "，",
            "。",
            "、",
            "；",
            "（",
            "）",
            "《",
            "》",
            "2023",
            "年",
            "76",
            "件",
            "%",
            " ",
            "abc",
            "\n",
            "「",
            "」",
            "！",
            "？",
            "：",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn lines_fit_and_join_back(text in prose(), width in 2usize..30) {
            let ranges = wrap(&text, width);
            let joined: String = ranges.iter().map(|r| &text[r.clone()]).collect();
            prop_assert_eq!(&joined, &text);
            for r in &ranges {
                prop_assert!(str_width(text[r.clone()].trim_end_matches('\n')) <= width);
            }
        }

        #[test]
        fn kinsoku_holds_unless_a_line_is_all_punctuation(text in prose(), width in 2usize..30) {
            let ranges = wrap(&text, width);
            for pair in ranges.windows(2) {
                let prev = &text[pair[0].clone()];
                let line = &text[pair[1].clone()];
                if prev.ends_with('\n') {
                    continue;
                }
                if line.starts_with(no_line_start) {
                    // Only forced when the previous line offered no other place to break.
                    prop_assert!(prev.chars().skip(1).all(no_line_start), "{:?} / {:?}", prev, line);
                }
            }
        }

        #[test]
        fn never_panics_on_any_text(text in "\\PC*", width in 0usize..12) {
            let ranges = wrap(&text, width);
            let joined: String = ranges.iter().map(|r| &text[r.clone()]).collect();
            prop_assert_eq!(joined, text);
        }
    }
}
