//! Where sentences end.
//!
//! Reports chain their statements with ；("一是…；二是…；三是…。"), so for most purposes a
//! semicolon ends a statement as surely as 。 does; the few callers that count or cap whole
//! sentences use [`full_sentences`], where it does not. Closing quotes and brackets after a stop
//! belong to the sentence they close (…“谁执法谁普法！”), never to the next one.

use std::ops::Range;

/// Marks that end a sentence whatever follows them (full- and half-width).
pub const FULL_STOPS: &[char] = &['。', '！', '？', '!', '?'];
/// Marks that end one statement of a chain (full- and half-width).
pub const SEMICOLONS: &[char] = &['；', ';'];
/// A line break ends a sentence: headings, list items and table rows carry no final stop.
pub const LINE_BREAKS: &[char] = &['\n', '\r'];
/// Closing marks that stay with the sentence they follow (。” or ！）).
pub const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '"', '\''];

/// How far back, in chars, a figure's sentence is read. Text without stops (a statistics table
/// flattened to lines that cleaning joins into one paragraph) would otherwise make every figure
/// re-read everything before it: quadratic time. No real sentence runs this long before a figure.
pub const MAX_LOOKBACK_CHARS: usize = 400;

/// Does `c` end a sentence (a full stop, a semicolon or a line break)?
pub fn is_stop(c: char) -> bool {
    FULL_STOPS.contains(&c) || SEMICOLONS.contains(&c) || LINE_BREAKS.contains(&c)
}

/// Does `c` end a whole sentence, a semicolon-chained list counting as one?
pub fn is_full_stop(c: char) -> bool {
    FULL_STOPS.contains(&c) || LINE_BREAKS.contains(&c)
}

/// Does `c` end a clause: a sentence stop or a comma or colon between parts of a sentence?
pub fn is_clause_break(c: char) -> bool {
    is_stop(c) || matches!(c, '，' | ',' | '：' | ':')
}

/// Sentences of `text` as byte ranges: split after 。！？； (and half-width forms) and at line
/// breaks, closing marks kept with their sentence, surrounding whitespace trimmed, pieces
/// without a letter or digit dropped.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    split(text, is_stop)
}

/// Like [`sentences`], but a semicolon does not end the sentence.
pub fn full_sentences(text: &str) -> Vec<Range<usize>> {
    split(text, is_full_stop)
}

/// The sentence (as [`sentences`] cuts them) holding `at`: from after the stop before it to
/// the stop after it, closing marks included, whitespace trimmed. A range past the end of
/// `text` is clamped to it; one off a char boundary comes back as it was.
pub fn sentence_around(text: &str, at: Range<usize>) -> Range<usize> {
    let start = at.start.min(text.len());
    let end = at.end.clamp(start, text.len());
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return at;
    };
    let from = before
        .char_indices()
        .rev()
        .find(|(_, c)| is_stop(*c))
        .map_or(0, |(i, c)| with_closers(text, i + c.len_utf8()));
    // Closers right after the previous stop may stand inside `at`'s own start.
    let from = from.min(start);
    let to = after
        .char_indices()
        .find(|(_, c)| is_stop(*c))
        .map_or(text.len(), |(i, c)| {
            with_closers(text, end + i + c.len_utf8())
        });
    let piece = &text[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return from..to;
    }
    from + lead..from + lead + trimmed.len()
}

/// `at` moved past the closing marks that start there.
fn with_closers(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + rest.len() - rest.trim_start_matches(CLOSERS).len()
}

fn split(text: &str, ends: fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !ends(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if !CLOSERS.contains(&next) {
                break;
            }
            end = next_at + next.len_utf8();
            chars.next();
        }
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        let start = range.start + lead;
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, f: fn(&str) -> Vec<Range<usize>>) -> Vec<&str> {
        f(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_split_on_stops_and_line_breaks() {
        let cases: &[(&str, &[&str])] = &[
            (
                "  一是严格落实“三项制度”。二是开展评查；三是“谁执法谁普法！”\n四、下一步安排\n\n",
                &[
                    "一是严格落实“三项制度”。",
                    "二是开展评查；",
                    "三是“谁执法谁普法！”",
                    "四、下一步安排",
                ],
            ),
            (
                "领导干部带头讲法（全年12次）。群众满意吗?满意!",
                &["领导干部带头讲法（全年12次）。", "群众满意吗?", "满意!"],
            ),
            ("合格率达99.3%", &["合格率达99.3%"]),
            ("指标\r\n2023年", &["指标", "2023年"]),
            ("。。\n——\n", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(cut(text, sentences), *want, "{text}");
        }
    }

    #[test]
    fn a_closing_quote_stays_with_its_sentence() {
        for text in [
            "他强调：“要依法行政。”随后开展学法。",
            "提出“谁执法谁普法？”的要求。",
            "印发《实施方案》。随后部署。",
        ] {
            let got = cut(text, sentences);
            assert!(
                !got.iter().skip(1).any(|s| s.starts_with(CLOSERS)),
                "{text}: {got:?}"
            );
        }
        assert_eq!(
            cut("他强调：“要依法行政。”随后开展学法。", sentences),
            ["他强调：“要依法行政。”", "随后开展学法。"]
        );
    }

    #[test]
    fn full_sentences_keep_semicolon_chains_whole() {
        let text = "一是加强领导；二是规范执法。开展评查！";
        assert_eq!(
            cut(text, full_sentences),
            ["一是加强领导；二是规范执法。", "开展评查！"]
        );
        assert_eq!(cut(text, sentences).len(), 3);
    }

    #[test]
    fn sentence_around_a_span() {
        let text = "全年办理案件120件。行政复议纠错率为12.3%；\n他说：“审结65件。”下一步";
        let at = |s: &str| {
            let i = text.find(s).expect("in text");
            i..i + s.len()
        };
        let cases = [
            ("120", "全年办理案件120件。"),
            ("12.3%", "行政复议纠错率为12.3%；"),
            ("65", "他说：“审结65件。”"),
            ("下一步", "下一步"),
        ];
        for (span, want) in cases {
            assert_eq!(&text[sentence_around(text, at(span))], want, "{span}");
        }
        assert_eq!(sentence_around(text, 1..2), 1..2, "not a char boundary");
        assert_eq!(sentence_around("", 0..0), 0..0);
    }

    proptest::proptest! {
        #[test]
        fn sentences_are_ordered_slices_and_around_is_a_slice(
            text in "[一是法治。！？；;\n”） a1]{0,40}",
            a in 0usize..130,
            b in 0usize..130,
        ) {
            for split in [sentences, full_sentences] {
                let mut prev_end = 0;
                for r in split(&text) {
                    proptest::prop_assert!(prev_end <= r.start && r.start < r.end);
                    proptest::prop_assert!(text.get(r.clone()).is_some());
                    prev_end = r.end;
                }
            }
            let at = a.min(b)..a.max(b);
            let around = sentence_around(&text, at.clone());
            proptest::prop_assert!(text.get(around.clone()).is_some() || around == at);
        }
    }

    #[test]
    fn clause_breaks() {
        for (c, want) in [
            ('，', true),
            (',', true),
            ('：', true),
            ('；', true),
            ('、', false),
        ] {
            assert_eq!(is_clause_break(c), want, "{c}");
        }
    }
}
