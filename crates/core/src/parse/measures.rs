//! A section body → its measures: "一是…二是…" items, inline numbered items, or, when the body
//! enumerates nothing, its sentences.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Measure, Span};
use crate::text::numbering::{self, Enumerator, RUN_IN_ITEM, chinese_number};
use crate::text::sentences::{FULL_STOPS, full_sentences};

/// A lead clause this short (in characters) is the measure's title.
const MAX_TITLE_CHARS: usize = 20;
/// Sentences shorter than this carry no action of their own.
const MIN_SENTENCE_CHARS: usize = 6;

/// "一是", "二是" … at the start of the body or after a sentence or clause break.
static ORDINAL_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[。；;！？!?：:，,\n]\s*)(?:其)?{RUN_IN_ITEM}"
    ))
    .expect("static regex")
});
/// "（1）", "（一）", "1、", "①" items running inside a paragraph or opening paragraphs.
static NUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    let items = numbering::alternation(&[
        Enumerator::ParenArabic,
        Enumerator::ParenChinese,
        Enumerator::Arabic,
        Enumerator::Circled,
    ]);
    Regex::new(&format!(r"(?:^|[。；;：:\n]\s*)(?P<marker>{items})")).expect("static regex")
});

/// The measures of a body that starts at `offset` in the report's text.
pub fn measures(body: &str, offset: usize) -> Vec<Measure> {
    let items = ordinal_items(body);
    let items = if items.len() >= 2 {
        items
    } else {
        numbered_items(body)
    };
    let ranges = if items.len() >= 2 {
        items
    } else {
        full_sentences(body)
            .into_iter()
            .map(|r| (r.start, r.end))
            .collect()
    };
    ranges
        .into_iter()
        .filter_map(|(start, end)| measure(body, start, end, offset))
        .collect()
}

fn measure(body: &str, start: usize, end: usize, offset: usize) -> Option<Measure> {
    let text = body[start..end].trim();
    if text.chars().count() < MIN_SENTENCE_CHARS {
        return None;
    }
    let lead = start + (body[start..end].len() - body[start..end].trim_start().len());
    Some(Measure {
        title: title_of(text),
        span: Span::new(offset + lead, offset + lead + text.len()),
        themes: Default::default(),
    })
}

/// The lead clause, when the measure leads with a short one ("加强组织领导。…").
fn title_of(text: &str) -> Option<String> {
    let end = text.find(|c: char| FULL_STOPS.contains(&c) || matches!(c, '：' | ':'))?;
    let head = text[..end].trim();
    let n = head.chars().count();
    let rest = text[end..].chars().skip(1).collect::<String>();
    if n == 0 || n > MAX_TITLE_CHARS || rest.trim().is_empty() {
        return None;
    }
    Some(head.to_string())
}

/// Item ranges of "一是…二是…", numbers in sequence; an item ends at the next item or at the
/// end of its paragraph.
fn ordinal_items(body: &str) -> Vec<(usize, usize)> {
    let marks: Vec<(u32, usize, usize)> = ORDINAL_ITEM
        .captures_iter(body)
        .filter_map(|c| {
            let n = chinese_number(c.get(1)?.as_str())?;
            let whole = c.get(0)?;
            Some((n, c.get(1)?.start(), whole.end()))
        })
        .collect();
    items_in_sequence(body, &marks)
}

fn numbered_items(body: &str) -> Vec<(usize, usize)> {
    let marks: Vec<(u32, usize, usize)> = NUMBERED_ITEM
        .captures_iter(body)
        .filter_map(|c| {
            let whole = c.get(0)?;
            // "1.5万件" is a number, not item 1.
            if whole.as_str().ends_with('.')
                && body[whole.end()..].starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            let marker = c.name("marker")?;
            let n = numbering::enumerator(marker.as_str())?.number?;
            Some((n, marker.start(), whole.end()))
        })
        .collect();
    items_in_sequence(body, &marks)
}

/// Keep marks that count 1, 2, 3… (a stray "三是" elsewhere does not start an item) and turn them
/// into ranges of item text, marker excluded.
fn items_in_sequence(body: &str, marks: &[(u32, usize, usize)]) -> Vec<(usize, usize)> {
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    let mut next = 1;
    for &(n, marker_start, text_start) in marks {
        if n == next {
            chosen.push((marker_start, text_start));
            next += 1;
        } else if n == 1 && next > 2 {
            // A second enumeration in the same body starts again at 一是.
            chosen.push((marker_start, text_start));
            next = 2;
        }
    }
    // An item runs on over unmarked paragraphs to the next item; the last one ends with its
    // paragraph, since what follows the list is the section's conclusion, not the item.
    chosen
        .iter()
        .enumerate()
        .map(|(i, &(_, text_start))| match chosen.get(i + 1) {
            Some(next) => (text_start, next.0),
            None => {
                let para_end = body[text_start..]
                    .find('\n')
                    .map_or(body.len(), |j| text_start + j);
                (text_start, para_end)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(body: &str) -> Vec<(Option<String>, String)> {
        measures(body, 0)
            .into_iter()
            .map(|m| (m.title, body[m.span.start..m.span.end].to_string()))
            .collect()
    }

    #[test]
    fn ordinal_items_with_titles() {
        let body = "党委坚持统一领导。一是加强组织领导。成立领导小组。二是工作谋划实。将学法列入考核。三是责任落实细。推动形成工作局面。";
        let got = summary(body);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].0.as_deref(), Some("加强组织领导"));
        assert_eq!(got[0].1, "加强组织领导。成立领导小组。");
        assert_eq!(got[2].0.as_deref(), Some("责任落实细"));
    }

    #[test]
    fn a_long_lead_clause_is_no_title() {
        let body = "一是严格落实市政府常务会会前学法制度,全面增强党员干部用法治理论武装头脑的自觉性。二是完善法治建设领导体制和工作机制。";
        let got = summary(body);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, None);
    }

    #[test]
    fn items_as_paragraphs_end_at_their_paragraph() {
        let body = "一是紧盯重点任务，夯实基础。对标对表。\n二是健全制度机制，提升决策水平。规范决策。\n结语不属于任何一项。";
        let got = summary(body);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, "健全制度机制，提升决策水平。规范决策。");
    }

    #[test]
    fn an_item_runs_on_over_unmarked_paragraphs() {
        let body = "一是强化组织领导。研究法治工作4次。\n全面推行年终述法。\n二是规范执法。评查案卷120卷。\n结语不属于任何一项。";
        let got = summary(body);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].1,
            "强化组织领导。研究法治工作4次。\n全面推行年终述法。"
        );
        assert_eq!(got[1].1, "规范执法。评查案卷120卷。");
    }

    #[test]
    fn words_containing_ordinals_are_not_items() {
        let body = "推进统一是关键。全面落实责任。加强队伍建设。";
        assert_eq!(summary(body).len(), 3, "falls back to sentences");
    }

    #[test]
    fn inline_numbered_items() {
        let body = "主要做法：（1）建立联席会议制度，定期会商。（2）开展专项监督，整改问题13条。";
        let got = summary(body);
        assert_eq!(got.len(), 2);
        assert!(got[1].1.starts_with("开展专项监督"));
    }

    #[test]
    fn items_numbered_with_ascii_periods_but_not_decimals() {
        let body = "1.持续深入学习宣传贯彻习近平法治思想，推动领导干部尊法学法。\n2.深化“放管服”改革，持续优化营商环境。\n某县人民政府\n2023年2月15日";
        let got = summary(body);
        assert_eq!(got.len(), 2, "{got:?}");
        let decimals = summary("全年办理各类案件。1.5万件矛盾纠纷得到化解。群众满意度持续提升。");
        assert_eq!(decimals.len(), 3, "sentences, not items: {decimals:?}");
    }

    #[test]
    fn bracketed_chinese_items_as_paragraphs() {
        let body = "（一）持续深入学习贯彻习近平法治思想。压实责任。\n（二）深化改革，力争网上可办率达到98%以上。\n（三）加强执法队伍建设。";
        let got = summary(body);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].1.starts_with("深化改革"));
    }

    #[test]
    fn sentences_when_nothing_is_enumerated() {
        let body =
            "坚持把学习贯彻习近平法治思想作为首要政治任务。开展会前学法69次！领导干部能力不断提升";
        let got = summary(body);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].1, "开展会前学法69次！");
    }

    #[test]
    fn spans_point_at_the_text() {
        let body = "一是加强领导。成立小组。二是规范执法。开展评查。";
        let texts: Vec<&str> = measures(body, 100)
            .iter()
            .map(|m| &body[m.span.start - 100..m.span.end - 100])
            .collect();
        assert_eq!(texts, ["加强领导。成立小组。", "规范执法。开展评查。"]);
    }
}
