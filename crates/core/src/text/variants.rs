//! Traditional characters folded to simplified for matching: machine-converted mirrors of
//! reports write 縣, 執法, 關鍵少數, and the division table, the part cues and the vocabulary
//! are simplified. The text shown stays as written; only what is matched is folded.
//!
//! The fold maps one character to one character of the same UTF-8 length, so a byte offset into
//! the folded text is the same offset into the text as written.

use std::borrow::Cow;

use crate::text::chars::han_count;

/// At least this many characters must change for a text to be read as traditional …
const MIN_CHANGED: usize = 3;
/// … and at least this share of its Han characters: a simplified report keeps the odd character
/// a converter would also touch (乾县 is no 干县, 於 in a name stays), and changes one or two.
const MIN_SHARE: f64 = 0.02;

/// `s` with traditional characters folded to simplified, if `s` is written in traditional
/// characters; otherwise `s` unchanged.
pub fn simplified(s: &str) -> Cow<'_, str> {
    let folded = fast2s::convert(s);
    // The converter maps char for char; should a future table not, matching as written is safe.
    if folded.len() != s.len() {
        return Cow::Borrowed(s);
    }
    let changed = s
        .chars()
        .zip(folded.chars())
        .filter(|(a, b)| a != b)
        .count();
    if changed >= MIN_CHANGED && changed as f64 >= han_count(s) as f64 * MIN_SHARE {
        Cow::Owned(folded)
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` folded to simplified for matching fixed cue words (part headings, title words), every
/// traditional character however few: a traditional heading 存在的問題 changes one character,
/// too few for [`simplified`] to call it traditional, and cue words name no place a fold could
/// change (乾县), so folding a simplified text here costs nothing.
pub fn for_cues(s: &str) -> Cow<'_, str> {
    let folded = fast2s::convert(s);
    if folded == s || folded.len() != s.len() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traditional_text_is_folded_char_for_char() {
        let t = "鎮雄縣2023年法治政府建設年度報告";
        let s = simplified(t);
        assert_eq!(s, "镇雄县2023年法治政府建设年度报告");
        assert_eq!(s.len(), t.len());
    }

    #[test]
    fn cue_words_are_matched_folded_however_few_characters_differ() {
        assert_eq!(for_cues("二、存在的問題"), "二、存在的问题");
        assert!(matches!(for_cues("二、存在的问题"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_simplified_text_keeps_its_rare_characters() {
        let t = "乾县2023年法治政府建设年度报告";
        assert!(matches!(simplified(t), Cow::Borrowed(_)));
        assert_eq!(simplified("二、存在的不足和原因"), "二、存在的不足和原因");
    }
}
