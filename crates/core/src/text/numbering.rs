//! The numbering grammar of reports: the enumerators that open headings and items.
//!
//! 第一章 / 第一部分, 第一、, 一、, （一）, 1. / 1、, （1）, ① … ⑳, and the run-in 一是.
//! The patterns are regex fragments so that each caller anchors them its own way (line start,
//! after a sentence end); the numeral of each stands in its one capture group.

use std::sync::LazyLock;

use regex::Regex;

/// Chinese numerals up to 九十九, as enumerators write them: a macro, so that every pattern
/// below is built from this one at compile time.
macro_rules! numeral {
    () => {
        "[一二三四五六七八九十]{1,3}"
    };
}

/// The run-in item "一是", "十二是", its numeral in capture group 1.
pub const RUN_IN_ITEM: &str = concat!("(", numeral!(), ")是");
/// The circled numbers ① to ⑳: a contiguous block, U+2460 to U+2473.
pub const CIRCLED_NUMBERS: std::ops::RangeInclusive<char> = '①'..='⑳';

/// The numbering styles, outermost first as reports usually nest them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Enumerator {
    /// 第一章, 第二部分, 第三节
    Chapter,
    /// 第一、 第二，
    Ordinal,
    /// 一、 (also 一. 一．and 一，which typesetting mangles it into)
    Chinese,
    /// （一）
    ParenChinese,
    /// 1. 1、 1．
    Arabic,
    /// （1）
    ParenArabic,
    /// ① … ⑳
    Circled,
}

impl Enumerator {
    pub const ALL: [Enumerator; 7] = [
        Enumerator::Chapter,
        Enumerator::Ordinal,
        Enumerator::Chinese,
        Enumerator::ParenChinese,
        Enumerator::Arabic,
        Enumerator::ParenArabic,
        Enumerator::Circled,
    ];

    /// The regex fragment for this style, unanchored, its numeral in capture group 1.
    pub const fn pattern(self) -> &'static str {
        match self {
            Enumerator::Chapter => concat!("第(", numeral!(), ")(?:章|部分|节)"),
            Enumerator::Ordinal => concat!("第(", numeral!(), r")\s*[、，,]"),
            Enumerator::Chinese => concat!("(", numeral!(), r")\s*[、．.，,]"),
            Enumerator::ParenChinese => concat!(r"[（(]\s*(", numeral!(), r")\s*[）)]"),
            Enumerator::Arabic => r"(\d{1,2})\s*[、．.]",
            Enumerator::ParenArabic => r"[（(]\s*(\d{1,2})\s*[）)]",
            Enumerator::Circled => r"([①-⑳])",
        }
    }

    /// The number `numeral` (as captured by [`Enumerator::pattern`]) stands for.
    pub fn number(self, numeral: &str) -> Option<u32> {
        match self {
            Enumerator::Arabic | Enumerator::ParenArabic => numeral.parse().ok(),
            Enumerator::Circled => numeral.chars().next().and_then(circled_number),
            _ => chinese_number(numeral),
        }
    }
}

/// The fragments of `styles` as one non-capturing alternation (capture groups kept inside).
pub fn alternation(styles: &[Enumerator]) -> String {
    let parts: Vec<&str> = styles.iter().map(|s| s.pattern()).collect();
    format!("(?:{})", parts.join("|"))
}

/// Each style anchored at the start, in [`Enumerator::ALL`] order.
static ANCHORED: LazyLock<Vec<(Enumerator, Regex)>> = LazyLock::new(|| {
    Enumerator::ALL
        .into_iter()
        .map(|e| {
            let re = Regex::new(&format!("^{}", e.pattern())).expect("static regex");
            (e, re)
        })
        .collect()
});

/// An enumerator found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub style: Enumerator,
    pub number: Option<u32>,
    /// Bytes the enumerator takes, its punctuation included.
    pub len: usize,
}

/// The enumerator `s` opens with, if any.
pub fn enumerator(s: &str) -> Option<Marker> {
    ANCHORED.iter().find_map(|(style, re)| {
        let caps = re.captures(s)?;
        Some(Marker {
            style: *style,
            number: caps.get(1).and_then(|m| style.number(m.as_str())),
            len: caps.get(0)?.end(),
        })
    })
}

/// The value of a circled number (① → 1, ⑳ → 20).
pub fn circled_number(c: char) -> Option<u32> {
    CIRCLED_NUMBERS
        .contains(&c)
        .then(|| c as u32 - *CIRCLED_NUMBERS.start() as u32 + 1)
}

/// Parse a Chinese numeral up to 99 ("十二" → 12).
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        [d] => digit(*d),
        _ => None,
    }
}

static RUN_IN_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{RUN_IN_ITEM}")).expect("static regex"));

/// "一是…", "二是…": an enumerated measure running inside a paragraph.
pub fn starts_with_ordinal_item(s: &str) -> bool {
    RUN_IN_AT_START.is_match(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_circled_number_is_an_enumerator() {
        for (i, c) in CIRCLED_NUMBERS.enumerate() {
            let text = format!("{c}强化执法监督");
            let m = enumerator(&text);
            assert_eq!(
                m,
                Some(Marker {
                    style: Enumerator::Circled,
                    number: Some(i as u32 + 1),
                    len: c.len_utf8()
                }),
                "{text}"
            );
        }
        assert_eq!(CIRCLED_NUMBERS.count(), 20);
        assert_eq!(circled_number('⑳'), Some(20));
        assert_eq!(circled_number('㉑'), None);
    }

    #[test]
    fn enumerators_of_each_style() {
        use Enumerator::*;
        let cases = [
            ("第一章 总体情况", Chapter, 1, "第一章"),
            ("第二部分 主要举措", Chapter, 2, "第二部分"),
            ("第一、坚持党的领导", Ordinal, 1, "第一、"),
            ("第五，工作打算", Ordinal, 5, "第五，"),
            ("一、突出政治引领", Chinese, 1, "一、"),
            ("十二、其他需要报告的情况", Chinese, 12, "十二、"),
            ("一, 加强组织领导", Chinese, 1, "一,"),
            ("（三）加快职能转变", ParenChinese, 3, "（三）"),
            ("(二)坚持全面从严治党", ParenChinese, 2, "(二)"),
            ("2.严格规范公正文明执法", Arabic, 2, "2."),
            ("10、深化行政复议体制改革", Arabic, 10, "10、"),
            ("（1）完善裁量基准", ParenArabic, 1, "（1）"),
            ("(12)开展专项监督", ParenArabic, 12, "(12)"),
            ("⑳其他", Circled, 20, "⑳"),
        ];
        for (text, style, n, marker) in cases {
            let m = enumerator(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (m.style, m.number, &text[..m.len]),
                (style, Some(n), marker)
            );
        }
    }

    #[test]
    fn not_enumerators() {
        for text in [
            "加强组织领导",
            "一是加强组织领导",
            "第一责任人",
            "2024年，全县调解纠纷930件",
            "百、其他",
            "",
        ] {
            assert_eq!(enumerator(text), None, "{text}");
        }
    }

    #[test]
    fn alternation_matches_any_listed_style() {
        let re = Regex::new(&format!(
            "^{}",
            alternation(&[Enumerator::ParenArabic, Enumerator::Circled])
        ))
        .expect("valid");
        assert!(re.is_match("（2）开展评查"));
        assert!(re.is_match("⑮开展评查"));
        assert!(!re.is_match("二、开展评查"));
    }

    #[test]
    fn chinese_numerals() {
        let cases = [
            ("一", Some(1)),
            ("十", Some(10)),
            ("十三", Some(13)),
            ("二十", Some(20)),
            ("二十一", Some(21)),
            ("九十九", Some(99)),
            ("百", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(chinese_number(s), want, "{s}");
        }
    }

    #[test]
    fn ordinal_items() {
        assert!(starts_with_ordinal_item("一是加强组织领导"));
        assert!(starts_with_ordinal_item("十是其他"));
        assert!(starts_with_ordinal_item("十二是深化改革"));
        assert!(!starts_with_ordinal_item("是一项工作"));
        assert!(!starts_with_ordinal_item("统一是关键"));
    }
}
