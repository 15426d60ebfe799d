//! The report's title, where the text has one: the opening line(s) before the body, possibly
//! split over two lines or printed twice.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Span;
use crate::text::variants::for_cues;

use super::headings;

const MAX_TITLE_CHARS: usize = 80;

/// An organisation's name alone: a masthead, or the first line of a two-line title.
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\S{2,20}(?:人民政府|政府办公室|司法局|局|委员会|办公室)$").expect("static regex")
});
/// The second line of a two-line title ("关于2023年度…的报告").
static CONTINUES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:关于|\d{4}\s*年)").expect("static regex"));

static TITLE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"报告|情况|综述|总结|纪实|年度|——").expect("static regex"));

/// The title's text and the paragraphs it occupies.
pub fn find(text: &str, paragraphs: &[Span], page_title: Option<&str>) -> Option<(String, Span)> {
    // The page's own title, when the text repeats it near the top, is the surest.
    if let Some(found) = page_title_line(text, paragraphs, page_title) {
        return Some(found);
    }
    let para = |i: usize| paragraphs.get(i).map(|p| &text[p.start..p.end]);
    let mut start = 0;
    // A site masthead ("某市人民政府") above a complete title is not part of it.
    if para(0).is_some_and(|l| matches_folded(&MASTHEAD, l))
        && para(1).is_some_and(|l| {
            is_title_line(l) && matches_folded(&TITLE_WORDS, l) && !matches_folded(&CONTINUES, l)
        })
    {
        start = 1;
    }
    let paragraphs = &paragraphs[start..];
    let para = |i: usize| paragraphs.get(i).map(|p| &text[p.start..p.end]);
    let first = para(0)?;
    if !is_title_line(first) {
        return page_title_in_text(text, paragraphs, page_title);
    }
    let mut span = paragraphs[0];
    let mut title = first.to_string();
    if let Some(second) = para(1) {
        let continues = is_title_line(second)
            && !matches_folded(&TITLE_WORDS, first)
            && matches_folded(&TITLE_WORDS, second);
        if second == first {
            span.end = paragraphs[1].end;
        } else if continues {
            title.push_str(second);
            span.end = paragraphs[1].end;
        }
    }
    if !matches_folded(&TITLE_WORDS, &title) && page_title.is_none_or(|p| !p.contains(first)) {
        return page_title_in_text(text, paragraphs, page_title);
    }
    Some((title, span))
}

/// Whether `re` matches `s`, read in simplified characters: a mirror in traditional characters
/// titles its report 工作情況報告, and the title words are written simplified.
fn matches_folded(re: &Regex, s: &str) -> bool {
    re.is_match(&for_cues(s))
}

fn is_title_line(line: &str) -> bool {
    let n = line.chars().count();
    (4..=MAX_TITLE_CHARS).contains(&n)
        && !line.ends_with(['。', '：', ':', '；', '，', ','])
        && headings::numbered(line).is_none()
}

/// The line among the first few that is the page's title (from its markup), exactly.
fn page_title_line(
    text: &str,
    paragraphs: &[Span],
    page_title: Option<&str>,
) -> Option<(String, Span)> {
    let wanted = page_title?.trim();
    // A page's <title> often adds the site's name ("…年度报告-某区人民政府").
    let is_it = |line: &str| {
        line == wanted
            || (wanted.starts_with(line)
                && line.chars().count() >= 8
                && matches_folded(&TITLE_WORDS, line))
    };
    paragraphs
        .iter()
        .take(6)
        .find(|p| !wanted.is_empty() && is_it(text[p.start..p.end].trim()))
        .map(|p| (text[p.start..p.end].trim().to_string(), *p))
}

/// A page title (from the saved page's markup) that the text repeats near its top.
fn page_title_in_text(
    text: &str,
    paragraphs: &[Span],
    page_title: Option<&str>,
) -> Option<(String, Span)> {
    let wanted = page_title?.trim();
    for p in paragraphs.iter().take(3) {
        let line = &text[p.start..p.end];
        if !wanted.is_empty()
            && (line == wanted || (wanted.contains(line) && line.chars().count() >= 8))
        {
            return Some((line.to_string(), *p));
        }
    }
    (!wanted.is_empty()).then(|| (wanted.to_string(), Span::default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::paragraphs::paragraphs;

    fn title(text: &str, page: Option<&str>) -> Option<String> {
        find(text, &paragraphs(text), page).map(|(t, _)| t)
    }

    #[test]
    fn first_line_title() {
        assert_eq!(
            title(
                "某县2023年法治政府建设年度报告\n2023年，某县坚持依法行政。",
                None
            )
            .as_deref(),
            Some("某县2023年法治政府建设年度报告")
        );
    }

    #[test]
    fn title_split_over_two_lines() {
        assert_eq!(
            title(
                "某某市人民政府\n关于2023年度法治政府建设情况的报告\n正文。",
                None
            )
            .as_deref(),
            Some("某某市人民政府关于2023年度法治政府建设情况的报告")
        );
    }

    #[test]
    fn a_masthead_above_a_complete_title_is_not_part_of_it() {
        assert_eq!(
            title(
                "某某市人民政府\n某某市2023年法治政府建设年度报告\n正文。",
                None
            )
            .as_deref(),
            Some("某某市2023年法治政府建设年度报告")
        );
    }

    #[test]
    fn the_page_title_wins_when_the_text_repeats_it() {
        let text = "首页导航栏\n某市2022年法治政府建设年度报告\n正文。";
        assert_eq!(
            title(text, Some("某市2022年法治政府建设年度报告")).as_deref(),
            Some("某市2022年法治政府建设年度报告")
        );
    }

    #[test]
    fn a_page_title_with_the_site_name_finds_its_line() {
        let text = "导航\n某区2022年法治政府建设情况报告\n正文。";
        assert_eq!(
            title(text, Some("某区2022年法治政府建设情况报告-某区人民政府")).as_deref(),
            Some("某区2022年法治政府建设情况报告")
        );
    }

    #[test]
    fn title_printed_twice() {
        let text = "某县2023年法治政府建设情况报告\n某县2023年法治政府建设情况报告\n正文。";
        let (t, span) = find(text, &paragraphs(text), None).unwrap();
        assert_eq!(t, "某县2023年法治政府建设情况报告");
        assert_eq!(span.end, text.find("\n正文").unwrap());
    }

    #[test]
    fn no_title() {
        assert_eq!(
            title("2024年，某县坚持依法行政，取得成效。\n一、加强领导", None),
            None
        );
        assert_eq!(title("一、加强领导\n正文。", None), None);
        assert_eq!(title("中共某市委、某市人民政府：\n正文。", None), None);
    }

    #[test]
    fn headline_with_subtitle() {
        assert!(
            title(
                "筑牢主体工程 实现率先突破 ——我市创建示范地区综述\n正文。",
                None
            )
            .is_some()
        );
    }
}
