//! Clean text → paragraphs (byte spans). Normally one line is one paragraph; a report that arrived
//! as one single line is cut where paragraphs evidently began: at runs of spaces between Chinese
//! text, and before a heading numeral that follows the end of a sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Span;
use crate::text::numbering::{self, Enumerator};
use crate::text::sentences::is_stop;

/// A line this long, in a text of this few lines, is a report whose line breaks were lost.
const LOST_BREAKS_MIN_LEN: usize = 600;
const LOST_BREAKS_MAX_LINES: usize = 3;

/// What starts a paragraph right after the end of a sentence, in a text that lost its breaks: a
/// heading numeral, a sentence opening the problems or the plans part, or a short lead sentence
/// ("系统谋划抓部署。"). Each is tried at every sentence end, so neighbours never hide each other.
static OPENS_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    let numeral = numbering::alternation(&[
        Enumerator::Chapter,
        Enumerator::Chinese,
        Enumerator::ParenChinese,
    ]);
    Regex::new(&[
        format!("^{numeral}").as_str(),
        r"|^(?:下一步|下一年度|新的一年|[^。]{0,60}(?:存在|还有|仍有)[^。]{0,16}(?:问题|不足|短板|差距|困难|弱项)[^。]{0,10}[:：])",
        r"|^[^。，,、；;：:！？!?\s\d]{3,12}。",
    ]
    .concat())
    .expect("static regex")
});
/// A title at the very start that runs straight into the first sentence ("…年度报告2024年，…").
static GLUED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^。，,：:；;]{4,60}?(?:年度报告|工作报告|情况报告|的报告|报告)")
        .expect("static regex")
});

/// Paragraph spans of `text`, in order, trimmed, none empty.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let lines = lines(text);
    if !lost_breaks(&lines) {
        return lines
            .into_iter()
            .flat_map(|l| split_inline_run(text, l))
            .collect();
    }
    let mut out = Vec::new();
    for line in lines {
        let mut cut = line.start;
        for at in lost_break_points(&text[line.start..line.end]) {
            let at = line.start + at;
            if at > cut {
                push_trimmed(text, cut, at, &mut out);
                cut = at;
            }
        }
        push_trimmed(text, cut, line.end, &mut out);
    }
    out.into_iter().flat_map(|p| split_glued(text, p)).collect()
}

/// Byte offsets in `line` where a lost paragraph break stood, in order.
fn lost_break_points(line: &str) -> Vec<usize> {
    let mut points = Vec::new();
    if let Some(m) = GLUED_TITLE.find(line)
        && line[m.end()..].starts_with(|c: char| !is_break_punct(c))
    {
        points.push(m.end());
    }
    let mut prev: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after = i + c.len_utf8();
        if is_sentence_end(c) && OPENS_PARAGRAPH.is_match(&line[after..]) {
            points.push(after);
        }
        // A run of spaces between two non-ASCII characters once was a line break.
        if is_gap(c) && prev.is_some_and(|p| !p.is_ascii()) {
            while chars.next_if(|(_, n)| is_gap(*n)).is_some() {}
            if let Some(&(j, n)) = chars.peek()
                && !n.is_ascii()
            {
                points.push(j);
            }
        }
        prev = Some(c);
    }
    points
}

/// Where a lost paragraph break may stand: after a sentence, or after the colon of "如下：".
fn is_sentence_end(c: char) -> bool {
    is_stop(c) || matches!(c, ':' | '：')
}

fn is_break_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | ',' | '：' | ':' | '；' | ';' | '”' | '》' | '）' | ')'
    )
}

fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// "（一）" inside running text of a report without line breaks.
static PAREN_NUMERAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(Enumerator::ParenChinese.pattern()).expect("static regex"));
/// Where a heading that lost its line break runs into its body: the first "一是" item, or a
/// sentence opening with a year ("…主要安排2023年，我镇…").
static GLUED_BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"一是|(?:19|20)\d{2}年[，,]").expect("static regex"));

/// "（一）持续深化示范创建。（二）全面提升执法质量。": a paragraph that opens with a bracketed
/// numeral and runs on into the next ones holds one heading each.
fn split_inline_run(text: &str, para: Span) -> Vec<Span> {
    let slice = &text[para.start..para.end];
    if PAREN_NUMERAL.find(slice).is_none_or(|m| m.start() != 0) {
        return split_at_plans(text, para);
    }
    let mut out = Vec::new();
    let mut start = 0;
    for m in PAREN_NUMERAL.find_iter(slice).filter(|m| m.start() > 0) {
        if slice[..m.start()].ends_with(['。', '；', ';']) {
            push_trimmed(text, para.start + start, para.start + m.start(), &mut out);
            start = m.start();
        }
    }
    push_trimmed(text, para.start + start, para.end, &mut out);
    out
}

/// "…仍存在一些不足，…。下一步，我镇将…": the plans begin a paragraph of their own even when
/// the report ran them on after the problems.
fn split_at_plans(text: &str, para: Span) -> Vec<Span> {
    let slice = &text[para.start..para.end];
    let Some(m) = PLANS_RUN_ON.find(slice) else {
        return vec![para];
    };
    // Only the plans that follow a passage on the shortcomings; "下一步将…" closing an
    // achievement stays where it is.
    if !SHORTCOMINGS.is_match(&slice[..m.start()]) {
        return vec![para];
    }
    let at = para.start + m.start() + m.as_str().find("下一").unwrap_or(0);
    let mut out = Vec::new();
    push_trimmed(text, para.start, at, &mut out);
    push_trimmed(text, at, para.end, &mut out);
    out
}

static SHORTCOMINGS: LazyLock<Regex> = LazyLock::new(|| {
    // "存在问题的单位" names whom the problems concern: only listed shortcomings count.
    Regex::new(r"(?:存在|还有|仍有|也有)[^。]{0,12}(?:不足|短板|差距|弱项)|(?:存在|还有|仍有|也有)[^。]{0,8}问题(?:和不足)?[：:，,]")
        .expect("static regex")
});
static PLANS_RUN_ON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[。！？]\s*下一(?:步|年度?)[，,]").expect("static regex"));

/// Split a paragraph of a text without line breaks before a parenthesised numeral, and after a
/// numbered heading where its body evidently begins.
fn split_glued(text: &str, para: Span) -> Vec<Span> {
    let slice = &text[para.start..para.end];
    let mut cuts: Vec<usize> = PAREN_NUMERAL
        .find_iter(slice)
        .map(|m| m.start())
        .filter(|&at| at > 0)
        .collect();
    cuts.push(slice.len());
    let mut out = Vec::new();
    let mut start = 0;
    for end in cuts {
        let piece = &slice[start..end];
        if let Some(h) = super::headings::numbered_marker(piece) {
            let sentence_end = piece.find('。').unwrap_or(piece.len());
            let glued = GLUED_BODY
                .find_at(piece, h)
                .map(|m| m.start())
                .or_else(|| part_heading_end(piece, h, sentence_end))
                .filter(|&at| at > h && at < sentence_end);
            if let Some(at) = glued {
                push_trimmed(text, para.start + start, para.start + start + at, &mut out);
                start += at;
            }
        }
        push_trimmed(text, para.start + start, para.start + end, &mut out);
        start = end;
    }
    out
}

/// Words a part heading ends with ("…第一责任人职责情况", "…主要安排", "存在的问题"). The
/// engine takes the first alternative that matches at the leftmost place, so a longer ending
/// comes before its own beginning ("存在的问题和不足" before "存在的问题").
static PART_HEADING_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"存在的问题和不足|存在问题和不足|存在的不足和原因|存在的问题及原因|存在的问题|存在问题|存在的不足|",
        r"职责情况|有关情况|主要情况|主要安排|工作安排|工作计划|工作打算|举措和成效|不足和原因|问题和不足",
    ))
    .expect("static regex")
});
/// A top heading longer than this before its first full stop ran into its body.
const MAX_GLUED_HEADING: usize = 60;

/// Where a "一、" part heading that runs on into its body ends: after its closing words, when
/// what follows them reads as body (a clause break before the full stop, or a sentence too
/// long to be a heading).
fn part_heading_end(piece: &str, marker: usize, sentence_end: usize) -> Option<usize> {
    if !piece.starts_with(|c: char| "一二三四五六七八九十".contains(c)) {
        return None;
    }
    let end = PART_HEADING_END.find_at(piece, marker)?.end();
    let rest = piece.get(end..sentence_end)?;
    let long = piece[..sentence_end].chars().count() > MAX_GLUED_HEADING;
    (long || rest.contains(['，', ','])).then_some(end)
}

/// Did this text lose its line breaks (a few very long lines)?
pub fn lost_breaks(lines: &[Span]) -> bool {
    lines.len() <= LOST_BREAKS_MAX_LINES && lines.iter().any(|s| s.len() >= LOST_BREAKS_MIN_LEN)
}

/// Line spans of `text` as they are, trimmed, none empty.
pub fn lines(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        push_trimmed(text, start, start + line.len(), &mut lines);
        start += line.len() + 1;
    }
    lines
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn lines_are_paragraphs() {
        let text = "一、加强领导\n  坚持学法。\n\n二、规范执法\n";
        assert_eq!(
            texts(text, &paragraphs(text)),
            ["一、加强领导", "坚持学法。", "二、规范执法"]
        );
    }

    #[test]
    fn plans_run_on_after_the_problems_start_a_paragraph() {
        let text =
            "一年来成效明显，但仍存在一些不足，基层力量薄弱。下一步，我镇将持续推进法治建设。";
        assert_eq!(
            texts(text, &paragraphs(text)),
            [
                "一年来成效明显，但仍存在一些不足，基层力量薄弱。",
                "下一步，我镇将持续推进法治建设。"
            ]
        );
    }

    #[test]
    fn a_next_step_closing_an_achievement_stays_in_it() {
        let text = "开展执法案卷评查，发现问题31件。存在问题的单位逐一约谈。下一步，将对整改情况开展“回头看”。";
        assert_eq!(texts(text, &paragraphs(text)).len(), 1);
    }

    #[test]
    fn a_run_of_bracketed_headings_in_one_paragraph_is_cut() {
        let text = "四、2024年主要安排\n（一）持续深化示范创建。（二）全面提升执法质量。（三）加快数字法治建设，推进改革。\n（一）之外的正文（二）不切。";
        assert_eq!(
            texts(text, &paragraphs(text)),
            [
                "四、2024年主要安排",
                "（一）持续深化示范创建。",
                "（二）全面提升执法质量。",
                "（三）加快数字法治建设，推进改革。",
                "（一）之外的正文（二）不切。",
            ]
        );
    }

    #[test]
    fn a_single_line_report_is_cut_before_headings() {
        let body = "坚持把学习贯彻习近平法治思想作为首要政治任务。".repeat(20);
        let text =
            format!("2024年，全县法治建设取得成效。一、突出政治引领{body}二、规范执法{body}");
        let paras = paragraphs(&text);
        let got = texts(&text, &paras);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("一、突出政治引领"));
        assert!(got[2].starts_with("二、规范执法"));
    }

    #[test]
    fn a_single_line_keeps_neighbouring_breaks_and_cuts_glued_headings() {
        let body = "坚持把学习贯彻习近平法治思想作为首要政治任务，全面推进依法行政。".repeat(12);
        let text = format!(
            "某县2024年法治政府建设年度报告2024年，某县扎实推进法治政府建设。现将有关情况报告如下。一、主要举措和成效{body}三、党政主要负责人履行推进法治建设第一责任人职责情况县政府主要负责同志认真履行职责，主持召开常务会议5次。"
        );
        let got = texts(&text, &paragraphs(&text));
        assert_eq!(got[0], "某县2024年法治政府建设年度报告", "{got:?}");
        assert!(got.contains(&"现将有关情况报告如下。"), "{got:?}");
        assert!(
            got.iter().any(|p| p.starts_with("一、主要举措和成效")),
            "{got:?}"
        );
        assert!(
            got.contains(&"三、党政主要负责人履行推进法治建设第一责任人职责情况"),
            "{got:?}"
        );
    }

    #[test]
    fn spaces_between_chinese_in_a_single_line_mark_paragraphs() {
        let body = "严格落实行政执法三项制度，规范执法行为。".repeat(50);
        let text = format!("一、规范执法 {body} 二、化解纠纷 {body}");
        let got = texts(&text, &paragraphs(&text));
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "一、规范执法");
        assert_eq!(got[2], "二、化解纠纷");
    }
}
