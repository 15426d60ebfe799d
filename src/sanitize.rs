//! Text from reports must never drive the terminal: control characters and escape sequences are
//! neutralised here, once at ingest and again before anything is drawn.

/// Remove C0/C1 controls (tab and newline become spaces or stay, as asked), including the ESC that
/// starts every terminal escape sequence, and the bidi overrides that can disguise text.
pub fn strip_controls(text: &str, keep_newlines: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' if keep_newlines => Some('\n'),
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => None,
            c => Some(c),
        })
        .collect()
}

/// Text for one terminal cell run: no controls, no newlines.
pub fn for_terminal(text: &str) -> String {
    strip_controls(text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape() {
        let hostile = "法治\u{1b}[2J\u{1b}]0;pwned\u{7}政府\u{9b}31m";
        let safe = for_terminal(hostile);
        assert!(!safe.chars().any(|c| c.is_control()));
        assert!(safe.starts_with("法治"));
        assert!(safe.contains("政府"));
    }

    #[test]
    fn newlines_kept_only_when_asked() {
        assert_eq!(strip_controls("一\r\n二\t三", true), "一 \n二 三");
        assert_eq!(strip_controls("一\n二", false), "一 二");
    }

    #[test]
    fn bidi_overrides_are_removed() {
        assert_eq!(for_terminal("甲\u{202e}乙"), "甲乙");
    }
}
