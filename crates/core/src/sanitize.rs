//! Text from reports must never drive the terminal: control characters and escape sequences are
//! neutralised here, once at ingest and again before anything is drawn.

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// C1 string terminator and the C1 form of CSI.
const ST: char = '\u{9c}';
const CSI: char = '\u{9b}';
/// An unterminated string sequence is probably not one: give up after this many chars rather
/// than swallow the rest of a report.
const MAX_STRING_SEQ: usize = 512;

/// Remove C0/C1 controls (tab and newline become spaces or stay, as asked), whole terminal escape
/// sequences (CSI `ESC [ … final`, OSC/DCS/APC/PM/SOS strings up to BEL or ST, two-char `ESC x`),
/// and the bidi overrides that can disguise text.
pub fn strip_controls(text: &str, keep_newlines: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(len) = escape_len(&chars[i..]) {
            i += len;
            continue;
        }
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Length in chars of the escape sequence starting at `s[0]`, if one starts there.
fn escape_len(s: &[char]) -> Option<usize> {
    let (body, intro) = match s {
        [ESC, '[', ..] => (2, Intro::Csi),
        // A lone C1 control in a report is far likelier a mis-decoded byte than a terminal
        // sequence: the 8-bit CSI takes only a whole sequence (parameters and final byte) with
        // it, and the 8-bit string introducers (DCS, SOS, OSC, PM, APC) nothing, so "\u{9f}12件
        // … ESC \\" loses its controls, never the figures between them.
        [CSI, rest @ ..] => {
            let n = csi_body_len(rest);
            let complete = n > 0
                && rest
                    .get(n - 1)
                    .is_some_and(|c| ('\u{40}'..='\u{7e}').contains(c));
            return complete.then_some(1 + n);
        }
        [ESC, ']' | 'P' | 'X' | '^' | '_', ..] => (2, Intro::Str),
        // Charset designations take one more char: ESC ( B.
        [ESC, '(' | ')' | '*' | '+' | '#' | '%', next, ..] if !next.is_control() => {
            return Some(3);
        }
        [ESC, next, ..] if ('\u{20}'..='\u{7e}').contains(next) => return Some(2),
        _ => return None,
    };
    match intro {
        Intro::Csi => Some(body + csi_body_len(&s[body..])),
        Intro::Str => Some(body + string_body_len(&s[body..]).unwrap_or(0)),
    }
}

enum Intro {
    Csi,
    Str,
}

/// Parameters (0x30–0x3F), intermediates (0x20–0x2F), then one final byte (0x40–0x7E). A
/// sequence broken off early ends where it breaks, so the following text survives.
fn csi_body_len(s: &[char]) -> usize {
    let mut n = s
        .iter()
        .take_while(|c| ('\u{30}'..='\u{3f}').contains(*c))
        .count();
    n += s[n..]
        .iter()
        .take_while(|c| ('\u{20}'..='\u{2f}').contains(*c))
        .count();
    match s.get(n) {
        Some(c) if ('\u{40}'..='\u{7e}').contains(c) => n + 1,
        _ => n,
    }
}

/// Up to and including BEL, ST or `ESC \`; None if no terminator comes soon enough.
fn string_body_len(s: &[char]) -> Option<usize> {
    let window = &s[..s.len().min(MAX_STRING_SEQ)];
    for (i, c) in window.iter().enumerate() {
        match c {
            &BEL | &ST => return Some(i + 1),
            &ESC if window.get(i + 1) == Some(&'\\') => return Some(i + 2),
            '\n' => return None,
            _ => {}
        }
    }
    None
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
    fn whole_sequences_are_removed() {
        let cases = [
            ("法治\u{1b}[2J政府", "法治政府"),
            ("法治\u{1b}[1;31m政府\u{1b}[0m", "法治政府"),
            ("法治\u{1b}[?25l政府", "法治政府"),
            ("法治\u{1b}]0;pwned\u{7}政府", "法治政府"),
            (
                "法治\u{1b}]8;;http://x\u{1b}\\链接\u{1b}]8;;\u{1b}\\",
                "法治链接",
            ),
            ("法治\u{9b}31m政府", "法治政府"),
            ("法治\u{1b}(B政府", "法治政府"),
            ("法治\u{1b}c政府", "法治政府"),
            ("法治\u{1b}P1$r\u{1b}\\政府", "法治政府"),
        ];
        for (input, want) in cases {
            assert_eq!(for_terminal(input), want, "{input:?}");
        }
    }

    #[test]
    fn broken_sequences_keep_the_text_after_them() {
        assert_eq!(for_terminal("法治\u{1b}[政府"), "法治政府");
        assert_eq!(for_terminal("法治\u{1b}]没有终止"), "法治没有终止");
        assert_eq!(strip_controls("一\u{1b}]x\n二", true), "一x\n二");
        assert_eq!(for_terminal("尾\u{1b}"), "尾");
    }

    #[test]
    fn newlines_kept_only_when_asked() {
        assert_eq!(strip_controls("一\r\n二\t三", true), "一 \n二 三");
        assert_eq!(strip_controls("一\n二", false), "一 二");
    }

    #[test]
    fn c1_controls_go_alone_and_never_take_report_text_with_them() {
        assert_eq!(
            for_terminal("办理\u{9f}复议案件12件，调解纠纷34件\u{1b}\\。"),
            "办理复议案件12件，调解纠纷34件。"
        );
        assert_eq!(for_terminal("法治\u{9d}title\u{9c}政府"), "法治title政府");
        assert_eq!(for_terminal("受理\u{9b}1234件"), "受理1234件");
    }

    #[test]
    fn bidi_overrides_are_removed() {
        assert_eq!(for_terminal("甲\u{202e}乙"), "甲乙");
    }
}
