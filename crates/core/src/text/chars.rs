//! Character classes: Han ideographs, and the kinsoku marks that may not start or end a line.

/// A Han ideograph: the CJK Unified Ideographs with every extension (A in the BMP, B to I in
/// the supplementary planes) and the compatibility ideographs.
///
/// The extensions matter because place names are written with rare characters (several
/// counties and towns have Extension B names), and a report whose Han count or word boundaries
/// miss them is misjudged; compatibility ideographs arrive from legacy encodings. CJK
/// punctuation and 〇 are not ideographs here: callers that count "Chinese prose" must not
/// count dates written 二〇二四 or a line of 。、 as such.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}'      // Extension A
        | '\u{4e00}'..='\u{9fff}'    // Unified Ideographs
        | '\u{f900}'..='\u{faff}'    // Compatibility Ideographs
        | '\u{20000}'..='\u{323af}'  // Extensions B–I and the Compatibility Supplement
    )
}

/// Marks a line must not start with (kinsoku): closing punctuation, and a percent sign, stay
/// with the word before them.
pub const NO_LINE_START: &str = "。，、；：？！）》」』】〕〉”’…·%.,;:?!)]}";
/// Marks a line must not end with: opening brackets and quotes go with the word after them.
pub const NO_LINE_END: &str = "（《「『【〔〈“‘([{";

pub fn no_line_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

pub fn no_line_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// Number of Han characters in `text`.
pub fn han_count(text: &str) -> usize {
    text.chars().filter(|c| is_han(*c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_not_han() {
        let cases = [
            ('法', true),
            ('㐀', true), // Extension A
            ('\u{9fa5}', true),
            ('𠀀', true), // Extension B
            ('𬱖', true), // Extension E, in place names
            ('\u{f900}', true),
            ('〇', false),
            ('。', false),
            ('，', false),
            ('“', false),
            ('Ａ', false),
            ('1', false),
            ('a', false),
            ('ー', false),
        ];
        for (c, want) in cases {
            assert_eq!(is_han(c), want, "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn kinsoku() {
        for c in ['。', '，', '”', '）', '》', '%', '…', '!'] {
            assert!(no_line_start(c) && !no_line_end(c), "{c}");
        }
        for c in ['“', '（', '《', '【', '('] {
            assert!(no_line_end(c) && !no_line_start(c), "{c}");
        }
        for c in ['法', '1', 'a', ' '] {
            assert!(!no_line_start(c) && !no_line_end(c), "{c}");
        }
    }

    #[test]
    fn counts_only_ideographs() {
        assert_eq!(han_count("2024年，全县调解纠纷930件。"), 8);
        assert_eq!(han_count(""), 0);
    }
}
