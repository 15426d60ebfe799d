//! One quantity at a position: `[qualifier] number [multiplier] [余|多] [unit] [qualifier]`, with
//! changes (同比增长N%, N个百分点, 由A降至B), and the rules that say a number is no quantity.

use super::lexicon::{Lexicon, Words};
use crate::model::{IndicatorKind, Qualifier};
use crate::parse::numbers::{
    Folded, Number, Numeral, is_chinese_numeral, is_formal_numeral, parse_number,
};

/// A quantity found in folded text; positions are char indexes.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quantity {
    /// Start of the span (prefix qualifier, change words or 由 included).
    pub start: usize,
    /// One past the span.
    pub end: usize,
    pub value: f64,
    pub unit: String,
    pub kind: IndicatorKind,
    pub qualifier: Option<Qualifier>,
    /// A bare 万/亿 amount whose unit the label must decide (money or not).
    pub bare_amount: bool,
    /// The A of 由A降至B, a figure of its own: the level the change started from.
    pub baseline: Option<Box<Quantity>>,
}

/// What the scanner does at a position.
pub(super) enum Scan {
    Found(Quantity),
    /// No quantity here; resume scanning at this char.
    Skip(usize),
}

const OPEN_QUOTES: &[char] = &['“', '"', '「', '‘', '\'', '『'];
const CLOSE_QUOTES: &[char] = &['”', '"', '」', '’', '\'', '』'];
const OPEN_BRACKETS: &[char] = &['〔', '[', '【', '(', '〖', '﹝'];
const CLOSE_BRACKETS: &[char] = &['〕', ']', '】', ')', '〗', '﹞'];
const PERCENT_WORD: &[char] = &['百', '分', '之'];

/// Whether a quantity may start at `i`: a digit, 百分之, or a Chinese numeral not inside a word
/// of numerals or an ordinal.
pub(super) fn may_start(f: &Folded, i: usize) -> bool {
    let c = f.chars[i];
    let prev = i.checked_sub(1).map(|p| f.chars[p]);
    if c.is_ascii_digit() {
        return !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.');
    }
    if f.at(i, PERCENT_WORD) {
        return true;
    }
    // A formal numeral alone (队伍, 陆续) is a word, not a number.
    let formal_alone =
        is_formal_numeral(c) && !f.chars.get(i + 1).is_some_and(|n| is_chinese_numeral(*n));
    crate::parse::numbers::starts_chinese_numeral(c)
        && !formal_alone
        && !prev.is_some_and(|p| is_chinese_numeral(p) || p == '第')
}

/// Past a run of code-like chars (digits, letters, separators) from `i`.
fn code_run_end(f: &Folded, i: usize) -> usize {
    let mut j = i;
    while let Some(&c) = f.chars.get(j) {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | ':' | '~' | '+' | '_') {
            j += 1;
        } else {
            break;
        }
    }
    j.max(i + 1)
}

fn merge(a: Option<Qualifier>, b: Option<Qualifier>) -> Option<Qualifier> {
    let rank = |q: &Option<Qualifier>| match q {
        Some(Qualifier::AtLeast | Qualifier::AtMost) => 3,
        Some(Qualifier::Approximate) => 2,
        Some(Qualifier::Total) => 1,
        None => 0,
    };
    if rank(&b) > rank(&a) { b } else { a }
}

/// The unit at `k`: (char length, unit text, kind), longest match over all unit lists.
fn unit_at(f: &Folded, lex: &Lexicon, k: usize) -> Option<(usize, IndicatorKind)> {
    let lists: [(&Words, IndicatorKind); 5] = [
        (&lex.point_units, IndicatorKind::Change),
        (&lex.percent_units, IndicatorKind::Percent),
        (&lex.money_units, IndicatorKind::Money),
        (&lex.times_units, IndicatorKind::Count),
        (&lex.count_units, IndicatorKind::Count),
    ];
    lists
        .iter()
        .filter_map(|(w, kind)| w.at(f, k).map(|n| (n, *kind)))
        .max_by_key(|(n, _)| *n)
}

/// Read the quantity whose number starts at `i`; `floor` is where the previous quantity ended
/// (a span never reaches back over it).
pub(super) fn quantity_at(f: &Folded, lex: &Lexicon, i: usize, floor: usize) -> Scan {
    quantity(f, lex, i, floor, true)
}

fn quantity(f: &Folded, lex: &Lexicon, i: usize, floor: usize, chain: bool) -> Scan {
    let chars = &f.chars;
    let percent_word = f.at(i, PERCENT_WORD);
    let ns = if percent_word {
        i + PERCENT_WORD.len()
    } else {
        i
    };
    let num = match parse_number(f, ns) {
        Some(num) => num,
        // 百分之百: the bare 百 is the whole numeral.
        None if percent_word && chars.get(ns) == Some(&'百') => Number {
            value: 100.0,
            end: ns + 1,
            numeral: Numeral::Chinese,
            digits: 1,
            multiplier: 1.0,
            integer: true,
        },
        None => return Scan::Skip(i + 1),
    };
    let next = chars.get(num.end).copied();
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let arabic = num.numeral == Numeral::Arabic;

    if prev == Some('第') {
        return Scan::Skip(num.end);
    }
    if arabic {
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        // Dates (2021-12-03, 2021.12.03), ranges (2022-2025), phones, codes and formulas (1+6+N).
        let code_sep = matches!(next, Some('-' | '/' | '.' | '~' | '+' | '_'))
            && (glued(chars.get(num.end + 1).copied()) || next == Some('+'));
        if code_sep
            || prev == Some('+')
            || prev == Some('-') && ns >= 2 && glued(chars.get(ns - 2).copied())
        {
            return Scan::Skip(code_run_end(f, ns));
        }
        if next == Some(':') && !chars.get(num.end + 1).is_some_and(char::is_ascii_digit) {
            // "标识码:" — a colon ending a clause is fine.
        } else if next == Some(':') {
            return ratio(f, i, num.value, num.end, floor)
                .map_or_else(|| Scan::Skip(code_run_end(f, ns)), Scan::Found);
        }
        if glued(next)
            && !next.is_some_and(|c| c.is_ascii_digit())
            && lex.percent_units.at(f, num.end).is_none()
        {
            return Scan::Skip(code_run_end(f, ns));
        }
    }
    // Quoted numbers are names or codes: "1310", "315"分钟, "八五".
    if prev.is_some_and(|p| OPEN_QUOTES.contains(&p))
        && next.is_some_and(|c| CLOSE_QUOTES.contains(&c))
    {
        return Scan::Skip(num.end + 1);
    }
    // Years in brackets (〔2019〕28号) and document numbers (28号, 第5号).
    if prev.is_some_and(|p| OPEN_BRACKETS.contains(&p))
        && next.is_some_and(|c| CLOSE_BRACKETS.contains(&c))
        && num.digits == 4
    {
        return Scan::Skip(num.end + 1);
    }
    match next {
        Some('年' | '号') => return Scan::Skip(num.end + 1),
        Some('月') if num.integer && num.value <= 12.0 => return Scan::Skip(num.end + 1),
        Some('日') if i > 0 && chars[i - 1] == '月' => return Scan::Skip(num.end + 1),
        _ => {}
    }
    if num.numeral == Numeral::Chinese
        && num.digits >= 2
        && chars[ns..num.end]
            .iter()
            .all(|c| crate::parse::numbers::chinese_digit(*c).is_some())
    {
        // Digit-by-digit Chinese (二〇二四) is a year or a code, never a count.
        return Scan::Skip(num.end);
    }
    // Ids and phone numbers after 标识码, 电话, 备 …; short numbers there are counts ("配备1名").
    if arabic && num.digits >= 5 && lex.code_before.ending(f, i).is_some() {
        return Scan::Skip(code_run_end(f, ns));
    }
    if lex.code_after.at(f, num.end).is_some() {
        return Scan::Skip(num.end);
    }

    let mut value = num.value;
    let mut multiplied = num.multiplier > 1.0;
    let mut qualifier = None;
    let mut j = num.end;
    if !percent_word && let Some(n) = lex.at_least_infix.at(f, j) {
        // 余/多 then maybe a multiplier: "5000余万元".
        let (scale, after) = crate::parse::numbers::multiplier(chars, j + n);
        if unit_at(f, lex, after).is_some() || scale > 1.0 {
            qualifier = Some(Qualifier::AtLeast);
            value *= scale;
            multiplied |= scale > 1.0;
            j = after;
        }
    }
    let mut k = j;
    while k < j + 2 && chars.get(k) == Some(&' ') {
        k += 1;
    }
    let (unit, mut kind, mut end) = if percent_word {
        ("%".to_string(), IndicatorKind::Percent, num.end)
    } else if let Some((n, kind)) = unit_at(f, lex, k) {
        (f.string(k, k + n), kind, k + n)
    } else if multiplied {
        (String::new(), IndicatorKind::Count, j)
    } else {
        return Scan::Skip(num.end.max(i + 1));
    };
    let bare_amount = unit.is_empty();
    if arabic && num.integer && lex.hotlines.contains(&chars[ns..num.end]) && bare_amount {
        return Scan::Skip(num.end);
    }

    if num.numeral == Numeral::Chinese {
        // 三集中三到位, 一户一档: a numeral right after the unit makes a set phrase.
        if chars.get(end).is_some_and(|c| is_chinese_numeral(*c)) {
            return Scan::Skip(end);
        }
    }
    // Instruments named by a small count: 4张清单, 三项制度, 1套工作方案; but "等8个领域"
    // closes a list, and counts it.
    if num.integer
        && prev != Some('等')
        && value <= lex.name_max
        && lex
            .name_classifiers
            .contains(&chars[end - unit.chars().count()..end])
        && lex.name_nouns.at(f, end).is_some()
    {
        return Scan::Skip(end);
    }

    for (words, q) in [
        (&lex.approximate_suffix, Qualifier::Approximate),
        (&lex.at_least_suffix, Qualifier::AtLeast),
        (&lex.at_most_suffix, Qualifier::AtMost),
    ] {
        if let Some(n) = words.at(f, end) {
            qualifier = merge(qualifier, Some(q));
            end += n;
            break;
        }
    }

    let mut start = i;
    for (words, q) in [
        (&lex.at_least_prefix, Qualifier::AtLeast),
        (&lex.at_most_prefix, Qualifier::AtMost),
        (&lex.approximate_prefix, Qualifier::Approximate),
        (&lex.total_prefix, Qualifier::Total),
    ] {
        if let Some(n) = words.ending(f, start).filter(|n| start - n >= floor) {
            qualifier = merge(qualifier, Some(q));
            start -= n;
            break;
        }
    }
    // A single Chinese digit ("三场硬仗", "一批") is a count only when a qualifier vouches for
    // it, or when it counts people ("执法人员两名"): set phrases never do.
    let counts_people = value >= 2.0 && matches!(unit.as_str(), "名" | "人" | "位" | "人次");
    if num.numeral == Numeral::Chinese
        && num.digits == 1
        && value < 10.0
        && qualifier.is_none()
        && !counts_people
    {
        return Scan::Skip(end);
    }

    // Changes: 同比增长N%, 下降N个百分点, 增长N倍.
    let increase = lex.increase.ending(f, start).filter(|n| start - n >= floor);
    let decrease = lex.decrease.ending(f, start).filter(|n| start - n >= floor);
    let (direction, dir_len) = match (increase, decrease) {
        (Some(a), Some(b)) if b > a => (-1.0, b),
        (Some(a), _) => (1.0, a),
        (None, Some(b)) => (-1.0, b),
        (None, None) => (0.0, 0),
    };
    let comparison = lex
        .comparison
        .ending(f, start - dir_len)
        .filter(|n| start - dir_len - n >= floor && dir_len > 0);
    let is_point = kind == IndicatorKind::Change;
    let is_times = lex.times_units.contains(&chars[end.saturating_sub(1)..end]) && unit == "倍";
    // "较上年的35件减少8件": a direction word right after the figure before is a change from it.
    let after_figure = floor > 0 && start - dir_len == floor;
    let change = is_point
        || (direction != 0.0 && (kind == IndicatorKind::Percent || is_times))
        || (direction != 0.0 && (comparison.is_some() || after_figure));
    if change {
        kind = IndicatorKind::Change;
        start -= dir_len + comparison.unwrap_or(0);
        if direction < 0.0 {
            value = -value;
        }
    }

    let found = Quantity {
        start,
        end,
        value: crate::parse::numbers::tidy(value),
        unit,
        kind,
        qualifier,
        bare_amount,
        baseline: None,
    };
    if chain && let Some(q) = from_to(f, lex, &found, floor) {
        return Scan::Found(q);
    }
    Scan::Found(found)
}

/// 由A降至B / 从A提升到B: the new level B, spanning the change words and B, with A (and 由)
/// as its baseline.
fn from_to(f: &Folded, lex: &Lexicon, a: &Quantity, floor: usize) -> Option<Quantity> {
    let to = lex.to_words.at(f, a.end)?;
    let from = lex
        .from_words
        .ending(f, a.start)
        .filter(|n| a.start - n >= floor);
    // A bare 至/到 joins a range ("3至5天") unless 由/从 opened it.
    if from.is_none() && to == 1 {
        return None;
    }
    let Scan::Found(mut b) = quantity(f, lex, a.end + to, a.end, false) else {
        return None;
    };
    if b.start != a.end + to {
        return None;
    }
    b.start = a.end;
    if b.unit.is_empty() {
        b.unit.clone_from(&a.unit);
    }
    let mut baseline = a.clone();
    baseline.start = a.start - from.unwrap_or(0);
    if baseline.unit.is_empty() {
        baseline.unit.clone_from(&b.unit);
    }
    b.baseline = Some(Box::new(baseline));
    if b.kind == IndicatorKind::Change {
        b.kind = if b.unit == "%" {
            IndicatorKind::Percent
        } else {
            IndicatorKind::Count
        };
        b.value = b.value.abs();
    }
    Some(b)
}

/// N:M — a ratio when one side is 1 or the clause names a ratio (师生比, 配比).
fn ratio(f: &Folded, i: usize, a: f64, colon: usize, floor: usize) -> Option<Quantity> {
    let b = parse_number(f, colon + 1)?;
    if b.numeral != Numeral::Arabic || b.multiplier > 1.0 || b.value == 0.0 {
        return None;
    }
    let named = f.ends_at(i, &['比']) || f.ends_at(i, &['比', '例']) || f.ends_at(i, &['配', '比']);
    if !(named || a == 1.0 || b.value == 1.0) || i < floor {
        return None;
    }
    Some(Quantity {
        start: i,
        end: b.end,
        value: a / b.value,
        unit: ":".to_string(),
        kind: IndicatorKind::Ratio,
        qualifier: None,
        bare_amount: false,
        baseline: None,
    })
}
