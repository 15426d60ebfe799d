//! Is this paragraph (or its head) a heading, and of which numbering style?
//!
//! Styles: the enumerators of `text::numbering` (`第一章`, `第一、`, `一、`, `（一）`, `1.`, `（1）`,
//! `①`), an unnumbered short line without final punctuation, and a run-in lead sentence
//! ("深学细悟强思想。") opening a paragraph.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::chars::han_count;
use crate::text::numbering::{Enumerator, starts_with_ordinal_item};
use crate::text::sentences::FULL_STOPS;

/// Numbering style of a heading; the outline's levels are these styles in order of appearance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// Opened by an enumerator of the numbering grammar (一、（一）1. ① …).
    Numbered(Enumerator),
    /// A short line without final punctuation.
    Plain,
    /// A short sentence leading a paragraph, in a run of such paragraphs.
    Lead,
    /// An unheaded block the text sets apart as a part (problems, plans).
    Implicit,
}

impl Style {
    /// Styles whose headings are items rather than titles: a long first sentence after one of
    /// these is a numbered paragraph, not a heading.
    fn is_item_like(self) -> bool {
        matches!(
            self,
            Style::Numbered(Enumerator::Arabic | Enumerator::ParenArabic | Enumerator::Circled)
        )
    }
}

/// A heading found at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingMatch {
    pub style: Style,
    pub number: Option<u32>,
    /// Bytes of the paragraph that are the heading (terminal punctuation excluded).
    pub len: usize,
    /// Bytes of the paragraph up to where its body starts (after the terminal punctuation).
    pub body_at: usize,
    /// Bytes of the numbering ("一、", "（二）") before the heading's words; 0 when unnumbered.
    pub marker: usize,
}

/// The enumerators anchored at the start of a paragraph. "1.5万件" opens with a number, not
/// item 1, so an Arabic enumerator must not run into a digit.
static NUMBERED: LazyLock<Vec<(Enumerator, Regex)>> = LazyLock::new(|| {
    Enumerator::ALL
        .into_iter()
        .map(|e| {
            let guard = if e == Enumerator::Arabic {
                r"(?:[^\d]|$)"
            } else {
                ""
            };
            let re = Regex::new(&format!("^{}{guard}", e.pattern())).expect("static regex");
            (e, re)
        })
        .collect()
});

/// A figure with its measure word or percent sign.
static STATES_FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d[\d.]*\s*[余多万亿]?\s*[%％个件项次名人户家条份场期卷宗起支批所处元]")
        .expect("static regex")
});

/// Dates, signatures and other short unpunctuated lines that are not headings.
static NOT_PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$",
        r"|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$",
        r"|(人民政府|委员会|办公室|办公厅|司法局|司法厅|局|厅|委|院|政府)$",
        r"|如下$|^附件|^[（(].*[）)]$|^[-—]",
        // Table captions and rows flattened to text: "表1 …", "受理行政案件 1,204 1,356".
        r"|^表\s*[\d一二三四五六七八九十]|\t|\d[\d,.%]*\s+[+\-−]?\d|\S\s{2,}\S",
    ))
    .expect("static regex")
});

const FINAL_PUNCT: &[char] = &[
    '。', '！', '？', '；', '：', '!', '?', ';', ':', '，', ',', '、', '…',
];

/// Longest heading of a numbered style (in characters) before it must be a paragraph.
const MAX_HEADING_CHARS: usize = 60;
const MAX_ITEM_HEADING_CHARS: usize = 36;
const MAX_PLAIN_CHARS: usize = 40;
const MIN_PLAIN_HAN: usize = 4;
const MAX_LEAD_CHARS: usize = 16;
const MIN_LEAD_CHARS: usize = 3;

/// The numbering style `para` opens with, heading or not.
pub fn marker_style(para: &str) -> Option<Style> {
    NUMBERED
        .iter()
        .find(|(_, re)| re.is_match(para))
        .map(|(e, _)| Style::Numbered(*e))
}

/// Length of the heading numbering ("一、", "（二）") at the start of `para`, if any.
pub fn numbered_marker(para: &str) -> Option<usize> {
    NUMBERED
        .iter()
        .find_map(|(_, re)| re.captures(para))
        .and_then(|c| c.get(0))
        .map(|m| m.end())
}

/// A numbered heading at the start of `para`.
pub fn numbered(para: &str) -> Option<HeadingMatch> {
    for (e, re) in NUMBERED.iter() {
        let Some(caps) = re.captures(para) else {
            continue;
        };
        let style = Style::Numbered(*e);
        let number = caps.get(1).and_then(|m| e.number(m.as_str()));
        let after_marker = caps.get(0).map_or(0, |m| m.end());
        let (len, body_at) = heading_extent(para, after_marker)?;
        let chars = para[..len].chars().count();
        let limit = if style.is_item_like() {
            MAX_ITEM_HEADING_CHARS
        } else {
            MAX_HEADING_CHARS
        };
        if chars > limit || para[after_marker..len].trim().is_empty() {
            return None;
        }
        // "（2）审结65件，纠错率为12.3%": an item that states figures is a measure, not a title;
        // so is "1、深入学习…，推动…。", a whole sentence of clauses with nothing after it.
        let words = &para[after_marker..len];
        let whole_sentence = para.trim_end().ends_with('。') && para[body_at..].trim().is_empty();
        if style.is_item_like()
            && (STATES_FIGURES.is_match(words) || (whole_sentence && words.contains(['，', ','])))
        {
            return None;
        }
        return Some(HeadingMatch {
            style,
            number,
            len,
            body_at,
            marker: after_marker,
        });
    }
    None
}

/// Where the heading that starts `para` ends: at its first sentence end, or the whole line.
fn heading_extent(para: &str, from: usize) -> Option<(usize, usize)> {
    let rest = para.get(from..)?;
    match rest.find(FULL_STOPS) {
        Some(i) => {
            let end = from + i;
            let punct = rest[i..].chars().next().map_or(0, char::len_utf8);
            Some((end, end + punct))
        }
        None => Some((para.len(), para.len())),
    }
}

/// A short line without final punctuation: a heading unless it is a date, a signature or a
/// similar fragment.
pub fn plain(para: &str) -> Option<HeadingMatch> {
    let chars = para.chars().count();
    let han = han_count(para);
    let ends_open = para.ends_with(FINAL_PUNCT);
    if chars > MAX_PLAIN_CHARS || han < MIN_PLAIN_HAN || ends_open || NOT_PLAIN.is_match(para) {
        return None;
    }
    if starts_with_ordinal_item(para) || DATED_LINK.is_match(para) {
        return None;
    }
    // A table's header or row flattened to text: several cells with figures ("指标 2022年 2023年").
    let cells_with_figures = para
        .split_whitespace()
        .filter(|cell| cell.chars().any(|c| c.is_ascii_digit()))
        .count();
    if cells_with_figures >= 2 {
        return None;
    }
    Some(HeadingMatch {
        style: Style::Plain,
        number: None,
        len: para.len(),
        body_at: para.len(),
        marker: 0,
    })
}

/// A title closed by its date ("…推进会0312", "…专题培训 2024-03-05", "…（03-05）"): a link in a
/// saved page's list of related news, not a heading of the report.
static DATED_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Han}[\s\[(（【]*(?:\d{4}[-/.])?(?:0[1-9]|1[0-2])[-/.]?(?:0[1-9]|[12]\d|3[01])[\s\])）】]*$")
        .expect("static regex")
});

/// A date standing alone on its line ("2024年3月28日"): a signature's second line.
pub fn is_date_line(para: &str) -> bool {
    DATE_LINE.is_match(para.trim())
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$")
        .expect("static regex")
});

/// A run-in lead sentence: a short sentence with no inner punctuation, followed by more text.
/// Only a candidate: it is a heading when its siblings lead the same way.
pub fn lead(para: &str) -> Option<HeadingMatch> {
    let end = para.find('。')?;
    let head = &para[..end];
    let chars = head.chars().count();
    let rest = para[end + '。'.len_utf8()..].trim();
    let inner_punct = head.contains(|c: char| "，,、；;：:（(".contains(c));
    if !(MIN_LEAD_CHARS..=MAX_LEAD_CHARS).contains(&chars) || inner_punct || rest.is_empty() {
        return None;
    }
    if head.chars().any(|c| c.is_ascii_digit()) || starts_with_ordinal_item(head) {
        return None;
    }
    Some(HeadingMatch {
        style: Style::Lead,
        number: None,
        len: end,
        body_at: end + '。'.len_utf8(),
        marker: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(para: &str) -> Option<(Style, Option<u32>, &str)> {
        numbered(para)
            .or_else(|| plain(para))
            .map(|m| (m.style, m.number, &para[..m.len]))
    }

    #[test]
    fn numbered_styles() {
        let cases = [
            (
                "一、突出政治引领，筑牢法治建设根基",
                Style::Numbered(Enumerator::Chinese),
                1,
                "一、突出政治引领，筑牢法治建设根基",
            ),
            (
                "十二、其他需要报告的情况",
                Style::Numbered(Enumerator::Chinese),
                12,
                "十二、其他需要报告的情况",
            ),
            (
                "（三）加快职能转变，激发市场活力",
                Style::Numbered(Enumerator::ParenChinese),
                3,
                "（三）加快职能转变，激发市场活力",
            ),
            (
                "(二)坚持全面从严治党不松劲,进一步严格依法决策。一是全面落实主体责任。",
                Style::Numbered(Enumerator::ParenChinese),
                2,
                "(二)坚持全面从严治党不松劲,进一步严格依法决策",
            ),
            (
                "2.严格规范公正文明执法",
                Style::Numbered(Enumerator::Arabic),
                2,
                "2.严格规范公正文明执法",
            ),
            (
                "（1）深化行政复议体制改革",
                Style::Numbered(Enumerator::ParenArabic),
                1,
                "（1）深化行政复议体制改革",
            ),
            (
                "③强化执法监督",
                Style::Numbered(Enumerator::Circled),
                3,
                "③强化执法监督",
            ),
            (
                "第二章 依法全面履行政府职能",
                Style::Numbered(Enumerator::Chapter),
                2,
                "第二章 依法全面履行政府职能",
            ),
            (
                "一, 加强组织领导",
                Style::Numbered(Enumerator::Chinese),
                1,
                "一, 加强组织领导",
            ),
            (
                "第四、存在的问题和不足",
                Style::Numbered(Enumerator::Ordinal),
                4,
                "第四、存在的问题和不足",
            ),
        ];
        for (para, style, n, text) in cases {
            assert_eq!(heading(para), Some((style, Some(n), text)), "{para}");
        }
    }

    #[test]
    fn not_headings() {
        for para in [
            "1.5万件矛盾纠纷得到化解。",
            "2024年，全县调解矛盾纠纷930件。",
            "一是加强组织领导",
            "中共某某市委、某某市人民政府：",
            "某某县人民政府",
            "2024年3月28日",
            "现将有关情况报告如下",
            "1.坚持把学习贯彻习近平法治思想作为首要政治任务，一体推进日常学法、会前学法、任前考法、年终述法。",
            "（2）完善行政裁量基准，修订行政处罚裁量基准1200余条。",
            "（2）行政复议受理案件68件，审结65件，纠错率为12.3%。",
            "1、深入学习宣传贯彻习近平法治思想，推动领导干部带头尊法学法守法用法。",
        ] {
            assert_eq!(heading(para), None, "{para}");
        }
    }

    #[test]
    fn table_lines_are_not_headings() {
        for line in [
            "表1 2022—2023年主要执法数据对比",
            "指标\t2022年\t2023年\t增减",
            "受理行政案件 1,204 1,356 +12.6%",
            "项目  数量  占比",
            "指标 2022年 2023年 增减",
        ] {
            assert!(plain(line).is_none(), "{line}");
        }
    }

    #[test]
    fn plain_headings_are_short_unpunctuated_lines() {
        assert!(plain("突出政治引领,着力提升依法决策能力").is_some());
        assert!(plain("抓组织领导之“纲”").is_some());
        assert!(plain("这是一句完整的话，以句号结束。").is_none());
        assert!(
            plain("召开法治政府建设工作推进会0312").is_none(),
            "a dated link"
        );
        assert!(plain("开展行政执法人员专题培训 2024-03-05").is_none());
        assert!(
            plain("深化“放管服”改革2024").is_some(),
            "a year is no date stamp"
        );
    }

    #[test]
    fn lead_sentences() {
        let m = lead("深学细悟强思想。坚持把学习贯彻习近平法治思想作为首要政治任务。").unwrap();
        assert_eq!(m.len, "深学细悟强思想".len());
        assert!(lead("“一把手”责任到位。市委、市政府高度重视。").is_some());
        assert!(lead("法治,是安邦治国的基石。").is_none());
        assert!(lead("一是加强组织领导。党委成立领导小组。").is_none());
        assert!(lead("全面完成任务。").is_none(), "nothing follows");
    }
}
