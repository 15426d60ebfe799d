//! Numbers as Chinese reports write them: Arabic, Chinese numerals, 万/亿 multipliers.
//!
//! Scanning works on [`Folded`] text: one normalised char per original char (full-width digits,
//! letters and signs folded to ASCII), each with its byte offset in the original, so a match on
//! the folded chars maps back to an exact slice of the original text.

/// Text as normalised chars, each with the byte offset of its original char.
#[derive(Debug, Clone)]
pub struct Folded {
    pub chars: Vec<char>,
    /// `offsets[i]` is where `chars[i]` starts in the original; one extra entry for the end.
    pub offsets: Vec<usize>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut chars = Vec::with_capacity(text.len() / 2);
        let mut offsets = Vec::with_capacity(text.len() / 2 + 1);
        for (at, c) in text.char_indices() {
            chars.push(fold_char(c));
            offsets.push(at);
        }
        offsets.push(text.len());
        Folded { chars, offsets }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Whether the original char at `i` was one byte long (ASCII), not a folded full-width one.
    pub fn was_ascii(&self, i: usize) -> bool {
        i < self.chars.len() && self.offsets[i + 1] - self.offsets[i] == 1
    }

    /// Whether the folded chars at `i` spell `word`.
    pub fn at(&self, i: usize, word: &[char]) -> bool {
        self.chars.get(i..i + word.len()) == Some(word)
    }

    /// Whether the folded chars ending just before `end` spell `word`.
    pub fn ends_at(&self, end: usize, word: &[char]) -> bool {
        end >= word.len() && self.chars.get(end - word.len()..end) == Some(word)
    }

    /// The folded chars `from..to` as a string.
    pub fn string(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to.min(self.chars.len()))
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }
}

/// Full-width ASCII variants (！ to ～) and the ideographic space fold to ASCII.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '—' | '–' | '‐' | '‑' => '-',
        _ => c,
    }
}

/// How a number was written; Chinese numerals are far noisier than Arabic ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    Arabic,
    Chinese,
}

/// A number read at some position of folded text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// Fully scaled value ("1.5万" → 15000).
    pub value: f64,
    /// One past the last char of the number (multiplier included).
    pub end: usize,
    pub numeral: Numeral,
    /// Chars of the numeral itself, multiplier excluded.
    pub digits: usize,
    /// The 万/亿/千 scale applied after the numeral (1 when none).
    pub multiplier: f64,
    pub integer: bool,
}

/// Value of one Chinese digit (小写, 大写 and 〇/零).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Value of a Chinese place unit below 万.
fn chinese_place(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// Value of a 万/亿 scale.
fn chinese_scale(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_place(c).is_some() || chinese_scale(c).is_some()
}

/// Whether `c` is a 大写 (formal) numeral, which also occurs in words (队伍, 陆续).
pub fn is_formal_numeral(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '叁'
            | '參'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

/// Whether a Chinese numeral may start with `c` (a digit other than 零, or 十).
pub fn starts_chinese_numeral(c: char) -> bool {
    matches!(chinese_digit(c), Some(1..)) || matches!(c, '十' | '拾')
}

/// A scaled decimal without binary noise: 17.6亿 is 1760000000, not 1760000000.0000002. Keeps
/// as many decimals as the 15 significant digits of an f64 leave room for (six at most).
pub fn tidy(value: f64) -> f64 {
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    let int_digits = value.abs().log10().floor().max(0.0) as i32 + 1;
    let decimals = (15 - int_digits).clamp(0, 6);
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// Read a number (Arabic or Chinese, with a trailing 万/亿/千万 multiplier) starting at `i`.
pub fn parse_number(f: &Folded, i: usize) -> Option<Number> {
    let c = *f.chars.get(i)?;
    let mut n = if c.is_ascii_digit() {
        parse_arabic(f, i)?
    } else if starts_chinese_numeral(c) {
        parse_chinese(&f.chars, i)?
    } else {
        return None;
    };
    // A Chinese decimal takes its multiplier after the fraction ("一点六万"); whole Chinese
    // numerals read 万/亿 as part of themselves.
    if n.numeral == Numeral::Arabic || !n.integer {
        let (scale, end) = multiplier(&f.chars, n.end);
        n.value *= scale;
        n.multiplier = scale;
        n.end = end;
    }
    Some(n)
}

/// A 万/亿/千万/百万 multiplier at `i` (千 only where it is not 千米, 千克 …).
pub fn multiplier(chars: &[char], i: usize) -> (f64, usize) {
    let mut scale = 1.0;
    let mut j = i;
    loop {
        match chars.get(j) {
            Some('百') if chars.get(j + 1).copied().and_then(chinese_scale).is_some() => {
                scale *= 100.0;
                j += 1;
            }
            Some('千') => {
                if matches!(
                    chars.get(j + 1),
                    Some('米' | '克' | '瓦' | '伏' | '帕' | '卡')
                ) {
                    break;
                }
                scale *= 1000.0;
                j += 1;
            }
            Some(&c) if chinese_scale(c).is_some() => {
                scale *= chinese_scale(c).unwrap_or(1.0);
                j += 1;
            }
            _ => break,
        }
    }
    (scale, j)
}

/// Arabic digits with ASCII-comma thousands groups ("1,234" only when exactly three digits
/// follow the comma, since reports also use the ASCII comma between clauses) and a decimal part.
fn parse_arabic(f: &Folded, i: usize) -> Option<Number> {
    let chars = &f.chars;
    let digit_run = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut j = i + digit_run(i);
    let mut text: String = chars[i..j].iter().collect();
    if j - i <= 3 {
        while chars.get(j) == Some(&',') && f.was_ascii(j) && digit_run(j + 1) == 3 {
            text.extend(&chars[j + 1..j + 4]);
            j += 4;
        }
    }
    let mut integer = true;
    if chars.get(j) == Some(&'.') {
        let frac = chars.get(j + 1..).map_or(0, |_| digit_run(j + 1));
        if frac > 0 {
            text.push('.');
            text.extend(&chars[j + 1..j + 1 + frac]);
            j += 1 + frac;
            integer = false;
        }
    }
    let value: f64 = text.parse().ok()?;
    Some(Number {
        value,
        end: j,
        numeral: Numeral::Arabic,
        digits: j - i,
        multiplier: 1.0,
        integer,
    })
}

/// Chinese numerals: 一千二百三十四, 十二, 两万, 二〇二四 (digit by digit), 九十五点五.
fn parse_chinese(chars: &[char], i: usize) -> Option<Number> {
    // Digit-by-digit writing (years such as 二〇二四) when two digits open the numeral.
    let run = chars[i..]
        .iter()
        .take_while(|c| chinese_digit(**c).is_some())
        .count();
    if run >= 2 {
        let value = chars[i..i + run]
            .iter()
            .filter_map(|c| chinese_digit(*c))
            .fold(0.0, |acc, d| acc * 10.0 + f64::from(d));
        return Some(Number {
            value,
            end: i + run,
            numeral: Numeral::Chinese,
            digits: run,
            multiplier: 1.0,
            integer: true,
        });
    }
    let mut total = 0.0;
    let mut section = 0.0;
    let mut digit: Option<f64> = None;
    let mut j = i;
    let mut last_place = f64::INFINITY;
    while let Some(&c) = chars.get(j) {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() {
                break;
            }
            digit = Some(f64::from(d)).filter(|_| d > 0);
            if d == 0 {
                // 零 only fills a gap inside a numeral ("一百零五").
                if !chars
                    .get(j + 1)
                    .is_some_and(|c| matches!(chinese_digit(*c), Some(1..)))
                {
                    break;
                }
            }
        } else if let Some(place) = chinese_place(c) {
            if place >= last_place || (digit.is_none() && place > 10.0) {
                break;
            }
            section += digit.take().unwrap_or(1.0) * place;
            last_place = place;
        } else if let Some(scale) = chinese_scale(c) {
            let part = section + digit.take().unwrap_or(0.0);
            if part == 0.0 && total == 0.0 {
                break;
            }
            if scale > 1e4 {
                total = (total + part) * scale;
            } else {
                total += part * scale;
            }
            section = 0.0;
            last_place = f64::INFINITY;
        } else {
            break;
        }
        j += 1;
    }
    if j == i {
        return None;
    }
    let mut value = total + section + digit.unwrap_or(0.0);
    let digits = j - i;
    let mut integer = true;
    // 九十五点五: a decimal part read digit by digit.
    if chars.get(j) == Some(&'点') {
        let frac: Vec<u32> = chars[j + 1..]
            .iter()
            .map_while(|c| chinese_digit(*c))
            .collect();
        if !frac.is_empty() {
            let mut scale = 0.1;
            for d in &frac {
                value += f64::from(*d) * scale;
                scale /= 10.0;
            }
            j += 1 + frac.len();
            integer = false;
        }
    }
    Some(Number {
        value,
        end: j,
        numeral: Numeral::Chinese,
        digits,
        multiplier: 1.0,
        integer,
    })
}

/// The value of a whole string that is one number ("1.5万", "一千二百", "１２３"), for callers
/// that already isolated a number.
pub fn parse_str(s: &str) -> Option<f64> {
    let f = Folded::new(s.trim());
    let n = parse_number(&f, 0)?;
    (n.end == f.len()).then_some(n.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_as_written() {
        let cases: &[(&str, f64)] = &[
            ("4581", 4581.0),
            ("99.3", 99.3),
            ("1,234", 1234.0),
            ("12,345,678", 12_345_678.0),
            ("1.5万", 15_000.0),
            ("1500万", 15_000_000.0),
            ("3千万", 30_000_000.0),
            ("2亿", 200_000_000.0),
            ("１２３", 123.0),
            ("４５．６", 45.6),
            ("十", 10.0),
            ("十二", 12.0),
            ("二十三", 23.0),
            ("一百零五", 105.0),
            ("一千二百三十四", 1234.0),
            ("两万", 20_000.0),
            ("三万五千", 35_000.0),
            ("一亿二千万", 120_000_000.0),
            ("九十五点五", 95.5),
            ("贰拾叁", 23.0),
            ("壹佰", 100.0),
            ("二〇二四", 2024.0),
        ];
        for (s, v) in cases {
            assert_eq!(parse_str(s), Some(*v), "{s}");
        }
    }

    #[test]
    fn scaled_decimals_are_tidy() {
        assert_eq!(tidy(17.6 * 1e8), 1_760_000_000.0);
        assert_eq!(tidy(1.36 * 1e4), 13_600.0);
        assert_eq!(tidy(99.28), 99.28);
        assert_eq!(tidy(-51.03), -51.03);
        assert_eq!(tidy(0.0), 0.0);
    }

    #[test]
    fn rejects_what_is_not_one_number() {
        for s in [
            "",
            "万",
            "百",
            "零",
            "1,23",
            "1,2345",
            "十四五",
            "abc",
            "1，234",
        ] {
            assert_eq!(parse_str(s), None, "{s}");
        }
    }

    #[test]
    fn ascii_comma_groups_only_with_three_digits() {
        let f = Folded::new("调解4,581件");
        assert_eq!(parse_number(&f, 2).map(|n| n.value), Some(4581.0));
        // A clause break: "31,9" is 31 then another clause.
        let f = Folded::new("纠纷31,9件");
        assert_eq!(
            parse_number(&f, 2).map(|n| (n.value, n.end)),
            Some((31.0, 4))
        );
        // A full-width comma is always a clause break.
        let f = Folded::new("纠纷31，908件");
        assert_eq!(parse_number(&f, 2).map(|n| n.value), Some(31.0));
    }

    #[test]
    fn folding_keeps_original_offsets() {
        let text = "达到１００％";
        let f = Folded::new(text);
        assert_eq!(f.chars, vec!['达', '到', '1', '0', '0', '%']);
        assert_eq!(&text[f.offsets[2]..f.offsets[6]], "１００％");
    }

    #[test]
    fn thousand_is_not_a_multiplier_before_metric_units() {
        let f = Folded::new("5千米");
        assert_eq!(parse_number(&f, 0).map(|n| n.value), Some(5.0));
    }
}
