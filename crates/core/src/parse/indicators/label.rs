//! What a quantity counts: the clause before it, stripped of fillers, else the noun after it, else
//! the label of the quantity before it in the same sentence.

use super::lexicon::Lexicon;
use super::scan::Quantity;
use crate::model::IndicatorKind;
use crate::parse::numbers::{Folded, is_formal_numeral, starts_chinese_numeral};
use crate::text::numbering::enumerator;
use crate::text::sentences::{MAX_LOOKBACK_CHARS, is_clause_break, is_stop};

/// The quantity found last: where it ended and its label.
#[derive(Debug, Clone)]
pub(super) struct Prev {
    pub end: usize,
    pub label: String,
}

/// Besides clause breaks, a label does not reach across brackets or an ellipsis.
fn ends_label(c: char) -> bool {
    is_clause_break(c) || matches!(c, '(' | ')' | '[' | ']' | '【' | '】' | '…')
}
/// Closing marks whose content is skipped whole when scanning back (commas inside quotes).
const PAIRS: &[(char, char)] = &[('”', '“'), ('》', '《'), ('」', '「'), ('』', '『')];
const TRIM: &[char] = &[' ', '、', '-', '·', '.', '"', '\''];

/// The label of `q`, and whether its clause opened with a total word (全年, 共, 累计).
pub(super) fn label(
    f: &Folded,
    lex: &Lexicon,
    q: &Quantity,
    prev: Option<&Prev>,
) -> (String, bool) {
    let floor = prev.map_or(0, |p| p.end);
    let sentence = sentence_start(f, q.start);
    let prev_here = prev.filter(|p| p.end >= sentence && p.end <= q.start);
    // Several quantities sharing one label: "1420户1500万元", "498批次900余人次".
    if let Some(p) = prev_here
        && is_connector_gap(lex, &f.chars[p.end..q.start])
        && !p.label.is_empty()
    {
        return (p.label.clone(), false);
    }
    let mut start = clause_start(f, floor, q.start);
    // "6个方面43条措施": the noun right after the previous quantity is its own, not this label.
    if let Some(p) = prev_here.filter(|p| p.end == start) {
        let own = after_phrase(f, lex, p.end);
        if start + own.len() <= q.start && f.at(start, &own) {
            start += own.len();
        }
    }
    let raw = &f.chars[start..q.start];
    let change = q.kind == IndicatorKind::Change;
    let (before, total) = strip(lex, raw, change);
    let inherited = || prev_here.map(|p| p.label.clone()).unwrap_or_default();
    if change && before.is_empty() {
        let label = inherited();
        if !label.is_empty() {
            return (label, total);
        }
    }
    if q.kind == IndicatorKind::Percent
        && lex.rate_suffixes.suffix_of(&before).is_none()
        && let Some(rate) = rate_after(f, lex, q.end)
    {
        return (rate, total);
    }
    let after = after_phrase(f, lex, q.end);
    let raw_trimmed: Vec<char> = trim(raw).to_vec();
    let weak_end = raw_trimmed.last() == Some(&'的')
        || lex.prepositions.suffix_of(&before).is_some()
        || lex.connectors.suffix_of(&before).is_some();
    let weak_start = lex.prepositions.prefix_of(&before).is_some();
    let mut label: Vec<char> =
        if before.is_empty() || ((weak_start || weak_end) && !after.is_empty()) {
            after
        } else if before.len() <= 2 && !after.is_empty() && !is_rate(lex, &before) {
            before.iter().chain(after.iter()).copied().collect()
        } else {
            before
        };
    if let Some(n) = lex
        .prepositions
        .prefix_of(&label)
        .filter(|n| label.len() > n + 1)
    {
        label.drain(..n);
    }
    let label: String = label.into_iter().collect();
    if label.is_empty() {
        (inherited(), total)
    } else {
        (label, total)
    }
}

fn is_rate(lex: &Lexicon, s: &[char]) -> bool {
    lex.rate_suffixes.suffix_of(s).is_some()
}

/// Start of the sentence holding char `i`, at most [`MAX_LOOKBACK_CHARS`] before it.
pub(super) fn sentence_start(f: &Folded, i: usize) -> usize {
    let end = i.min(f.len());
    let floor = end.saturating_sub(MAX_LOOKBACK_CHARS);
    f.chars[floor..end]
        .iter()
        .rposition(|c| is_stop(*c))
        .map_or(floor, |p| floor + p + 1)
}

/// Scan back from `start` to the last clause break (not counting breaks inside quotes or titles),
/// never past `floor`.
fn clause_start(f: &Folded, floor: usize, start: usize) -> usize {
    let mut j = start;
    while j > floor {
        let c = f.chars[j - 1];
        if let Some((_, open)) = PAIRS.iter().find(|(close, _)| *close == c) {
            let window = j.saturating_sub(40).max(floor);
            let opener = f.chars[window..j - 1]
                .iter()
                .rposition(|x| x == open)
                .map(|p| window + p);
            let inside_sentence =
                opener.is_some_and(|o| !f.chars[o..j - 1].iter().any(|x| is_stop(*x)));
            if let (Some(o), true) = (opener, inside_sentence) {
                j = o;
                continue;
            }
        }
        if ends_label(c) {
            break;
        }
        j -= 1;
    }
    j
}

fn is_connector_gap(lex: &Lexicon, gap: &[char]) -> bool {
    let mut s = trim(gap);
    while let Some(n) = lex.connectors.prefix_of(s) {
        s = trim(&s[n..]);
    }
    s.is_empty()
}

fn trim(s: &[char]) -> &[char] {
    let from = s.iter().position(|c| !TRIM.contains(c)).unwrap_or(s.len());
    let to = s
        .iter()
        .rposition(|c| !TRIM.contains(c))
        .map_or(from, |p| p + 1);
    &s[from..to.max(from)]
}

/// Strip enumerators, years, leading fillers and trailing particles; report a leading total word.
fn strip(lex: &Lexicon, raw: &[char], change: bool) -> (Vec<char>, bool) {
    let mut s: Vec<char> = trim(raw).to_vec();
    let mut total = false;
    loop {
        let before = s.len();
        s = trim(&s).to_vec();
        strip_enumerator(&mut s);
        strip_date(&mut s);
        if let Some(n) = lex.total_lead.prefix_of(&s) {
            total = true;
            s.drain(..n);
        } else if let Some(n) = lex.lead_fillers.prefix_of(&s) {
            s.drain(..n);
        }
        if let Some(n) = lex.trail_fillers.suffix_of(&s) {
            s.truncate(s.len() - n);
        }
        if change {
            for words in [&lex.increase, &lex.decrease, &lex.comparison] {
                if let Some(n) = words.suffix_of(&s) {
                    s.truncate(s.len() - n);
                }
            }
        }
        if s.len() == before {
            total |= split_inner_total(lex, &mut s);
            return (s, total);
        }
    }
}

/// "党委共组织专题学法" → "组织专题学法": a total word inside the clause starts the label.
/// Only where it stands between a subject and a verb: two or more chars each side, and not part
/// of a word such as 公共, 中共 or 共享.
fn split_inner_total(lex: &Lexicon, s: &mut Vec<char>) -> bool {
    const GLUED_BEFORE: &[char] = &['公', '中', '社', '总', '一'];
    const GLUED_AFTER: &[char] = &[
        '同', '享', '建', '治', '商', '识', '性', '产', '青', '鸣', '赢',
    ];
    for at in 2..s.len().saturating_sub(2) {
        let Some(n) = lex.total_lead.prefix_of(&s[at..]) else {
            continue;
        };
        let glued = GLUED_BEFORE.contains(&s[at - 1])
            || s.get(at + n).is_some_and(|c| GLUED_AFTER.contains(c));
        if !glued && s.len() - at - n >= 2 {
            s.drain(..at + n);
            return true;
        }
    }
    false
}

/// "(一)", "（1）", "1.", "1、", "二、", "①" at the head of a label.
fn strip_enumerator(s: &mut Vec<char>) {
    // An enumerator is a few chars long; the head is enough to match it.
    let head: String = s.iter().take(12).collect();
    if let Some(m) = enumerator(&head) {
        s.drain(..head[..m.len].chars().count());
    }
}

/// "2024年", "2023年度", "2024年以来", "1-6月", "3月份" at the head of a label.
fn strip_date(s: &mut Vec<char>) {
    let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut n = match s.get(digits) {
        Some('年') if digits == 4 => digits + 1,
        Some('月') if (1..=2).contains(&digits) => digits + 1,
        Some('-') if digits > 0 => {
            let more = s[digits + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            match s.get(digits + 1 + more) {
                Some('月' | '年') if more > 0 => digits + more + 2,
                _ => 0,
            }
        }
        _ => 0,
    };
    if n == 0 {
        return;
    }
    for tail in [
        &['度'][..],
        &['以', '来'],
        &['份'],
        &['底'],
        &['初'],
        &['上', '半', '年'],
        &['下', '半', '年'],
    ] {
        if s[n..].starts_with(tail) {
            n += tail.len();
            break;
        }
    }
    s.drain(..n);
}

/// A rate word right after a percentage: "实现100%办结率" → "办结率".
fn rate_after(f: &Folded, lex: &Lexicon, end: usize) -> Option<String> {
    let window = &f.chars[end..(end + 8).min(f.len())];
    let stop = window
        .iter()
        .position(|c| ends_label(*c) || *c == '、' || c.is_ascii_digit())
        .unwrap_or(window.len());
    let window = &window[..stop];
    (1..=window.len())
        .find(|&k| is_rate(lex, &window[..k]))
        .map(|k| window[..k].iter().collect())
}

/// A quantity's whole clause as written: what the label and the figure's span leave out (the
/// qualifier 突破, a stock reached) and what follows the measure word (8起信访积案) still say
/// what is counted. Read back as
/// [`label`] does, and forward up to a clause break or an enumeration comma, at most
/// [`CLAUSE_AFTER_CHARS`] characters; other figures after it are kept, since the noun closing
/// the clause often names what the first counts (113项…事项涉及的292个证明材料实施告知承诺).
pub(super) fn clause_around(f: &Folded, floor: usize, start: usize, end: usize) -> String {
    let floor = floor.max(start.saturating_sub(MAX_LOOKBACK_CHARS));
    let end = end.min(f.len());
    let after = f.chars[end..]
        .iter()
        .take(CLAUSE_AFTER_CHARS)
        .take_while(|c| !ends_label(**c) && **c != '、')
        .count();
    f.chars[clause_start(f, floor, start)..end + after]
        .iter()
        .collect()
}

/// How far [`clause_around`] reads on: a long clause's far end names other things.
const CLAUSE_AFTER_CHARS: usize = 32;

/// The noun phrase after a quantity, up to a break, another number or a verb that ends it.
fn after_phrase(f: &Folded, lex: &Lexicon, end: usize) -> Vec<char> {
    // A preposition ends the phrase only where it starts a word: 为 in 行为 does not.
    let window: String = f.chars[end.min(f.chars.len())..(end + 24).min(f.chars.len())]
        .iter()
        .collect();
    let mut word_starts = Vec::new();
    let mut at = 0;
    for token in crate::text::segment::tokens(&window) {
        word_starts.push(end + at);
        at += token.chars().count();
    }
    let mut out = Vec::new();
    let mut j = end;
    while let Some(&c) = f.chars.get(j) {
        if out.len() >= 16
            || ends_label(c)
            || c == '、'
            || c.is_ascii_digit()
            || (starts_chinese_numeral(c) && !is_formal_numeral(c) && !out.is_empty())
            || lex.after_stops.at(f, j).is_some()
            || (out.len() >= 2 && lex.prepositions.at(f, j).is_some() && word_starts.contains(&j))
        {
            break;
        }
        out.push(c);
        j += 1;
    }
    // Trailing fillers go (…均为), but not the end of a word (行为).
    while let Some(n) = lex.trail_fillers.suffix_of(&out) {
        if !word_starts.contains(&(end + out.len() - n)) {
            break;
        }
        out.truncate(out.len() - n);
    }
    trim(&out).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_dates_and_enumerators() {
        let cases = [
            ("2024年办理", "办理"),
            ("2023年度受理", "受理"),
            ("2024年以来通过", "通过"),
            ("1-6月办理", "办理"),
            ("(一)开展", "开展"),
            ("1.开展", "开展"),
            ("二、开展", "开展"),
            ("①开展", "开展"),
            ("⑫开展", "开展"),
            ("(12)开展", "开展"),
            ("第二部分开展", "开展"),
            ("统一开展", "统一开展"),
        ];
        for (input, want) in cases {
            let mut s: Vec<char> = input.chars().collect();
            strip_enumerator(&mut s);
            strip_date(&mut s);
            assert_eq!(s.iter().collect::<String>(), want, "{input}");
        }
    }

    #[test]
    fn clause_start_skips_commas_inside_quotes() {
        let f = Folded::new("实现“一表申请,一窗发放”2个环节");
        let at = f.chars.iter().position(|c| *c == '2').unwrap();
        assert_eq!(clause_start(&f, 0, at), 0);
    }

    #[test]
    fn a_sentence_without_stops_is_read_back_a_bounded_way() {
        // A flattened table: no stop for thousands of chars, so each figure's sentence (and the
        // work done for it) would otherwise grow with everything before it.
        let table = "某某乡 1234件 56.7% 890人次 ".repeat(500);
        let f = Folded::new(&table);
        let end = f.len();
        assert_eq!(sentence_start(&f, end), end - MAX_LOOKBACK_CHARS);
        assert_eq!(sentence_start(&Folded::new("一。二三"), 3), 2);
    }
}
