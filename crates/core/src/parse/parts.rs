//! Which required part of an annual report a heading or a paragraph opens.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Part;
use crate::text::sentences::is_full_stop;
use crate::text::variants::for_cues;

static PROBLEMS_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"问题|不足|短板|差距|薄弱|弱项|困难").expect("static regex"));
static PLANS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"下一步|下一年度?|明年|来年|今后|新的一年|展望|努力方向|打算|思路",
        // 谋划 names the plans only after a year: alone it is how achievements begin (高位谋划).
        r"|\d{4}\s*年度?[^，,。]{0,8}(?:工作)?(?:安排|计划|打算|重点|任务|谋划)",
        r"|(?:工作|主要)(?:安排|计划)|重点工作安排",
    ))
    .expect("static regex")
});
static DUTY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第一责任人|主要负责人[^，,。]{0,12}职责|履行[^，,。]{0,16}职责")
        .expect("static regex")
});
static OTHER_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"其他需要报告|其他事项|其他情况").expect("static regex"));

/// A paragraph that opens the problems part without a heading: "一年来…但还存在一些问题和不足：".
static PROBLEMS_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // "仍存在一些不足，…": shortcomings (not 问题, which achievements solve all the time)
        // listed straight after a comma.
        r"^(?:[^。]{0,120}。){0,2}[^。]{0,40}(?:存在|还有|仍有|也有)[^。，,]{0,10}(?:不足|短板|差距|弱项)[，,]|",
        r"^(?:[^。]{0,120}。){0,2}[^。]{0,80}(?:存在|还有|仍有|面临|也有)[^。]{0,16}(?:问题|不足|短板|差距|困难|弱项)",
        r"[^。]{0,30}(?:[：:]|主要(?:是|表现在)|一是|。\s*一是)",
    ))
    .expect("static regex")
});
/// A paragraph that opens the plans part without a heading: "下一步，我们将…".
static PLANS_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:下一步|下一年度?|新的一年|明年|今后|展望\d{4}年|\d{4}年[，,]?\s*(?:我们|我[市县区镇乡局])",
        r"(?:将|要))",
    ))
    .expect("static regex")
});

/// The part a top-level heading names, if it names one. A heading naming both the problems and
/// the plans ("存在的问题及下一步工作打算") is the problems part (named first; its children
/// carry the plans), unless the problems only qualify the plans ("针对问题的下一步工作计划").
pub fn of_heading(heading: &str) -> Option<Part> {
    // Cues are simplified; a heading in traditional characters (黨政主要負責人) is matched folded.
    let heading = &*for_cues(heading);
    if OTHER_HEADING.is_match(heading) {
        Some(Part::Other)
    } else if DUTY_HEADING.is_match(heading) {
        Some(Part::Duty)
    } else if PROBLEMS_HEADING.is_match(heading)
        && (!PLANS_HEADING.is_match(heading) || PROBLEMS_AND_PLANS.is_match(heading))
    {
        Some(Part::Problems)
    } else if PLANS_HEADING.is_match(heading) {
        Some(Part::Plans)
    } else if heading.contains("举措") || heading.contains("成效") || heading.contains("成绩")
    {
        Some(Part::Achievements)
    } else {
        None
    }
}

/// The part a sub-heading names, judged strictly: only a heading about the part itself
/// ("（一）存在的问题", "（二）下一步工作打算", "（五）主要负责人履行…职责情况") changes
/// the part its parent gave it; an achievement that mentions a problem ("狠抓薄弱环节") does not.
pub fn of_sub_heading(words: &str) -> Option<Part> {
    // Cues are simplified; a heading in traditional characters (黨政主要負責人) is matched folded.
    let words = &*for_cues(words);
    if DUTY_HEADING.is_match(words) {
        Some(Part::Duty)
    } else if SUB_PROBLEMS.is_match(words) {
        Some(Part::Problems)
    } else if SUB_PLANS.is_match(words) {
        Some(Part::Plans)
    } else {
        None
    }
}

static PROBLEMS_AND_PLANS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:问题|不足|短板|差距)\s*(?:及|和|与|、|以及)\s*(?:下一步|下一年度?|今后|\d{4}\s*年)",
    )
    .expect("static regex")
});
static SUB_PROBLEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:存在的?|主要)?(?:问题|不足|短板|差距)(?:和|及|与)?(?:不足|原因|问题|短板)?(?:分析)?$|^原因分析$|^存在(?:的)?[^，,。]{0,8}(?:问题|不足)")
        .expect("static regex")
});
static SUB_PLANS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:下一步|下一年度?|明年|今后)|^\d{4}\s*年[^，,。]{0,6}(?:工作)?(?:安排|计划|打算)",
    )
    .expect("static regex")
});

/// The part an unheaded paragraph opens, if it opens one.
pub fn of_paragraph(para: &str) -> Option<Part> {
    // Cues are simplified; a heading in traditional characters (黨政主要負責人) is matched folded.
    let para = &*for_cues(para);
    if PLANS_CUE.is_match(para) {
        Some(Part::Plans)
    } else if PROBLEMS_CUE.is_match(para) {
        Some(Part::Problems)
    } else {
        None
    }
}

/// The part an unheaded paragraph opens, given the part it stands in. Among the shortcomings, a
/// paragraph that opens with a year and the body naming itself by its level ("2022年，县政府将…")
/// opens the plans; elsewhere (the duty part too, a story of the year's deeds) the same words
/// are as often an achievement, its 将 standing for 把 ("2021年，县政府将法治建设纳入考核").
pub fn of_paragraph_in(para: &str, current: Option<Part>) -> Option<Part> {
    of_paragraph(para).or_else(|| {
        (current == Some(Part::Problems) && PLANS_AFTER_PROBLEMS.is_match(&for_cues(para)))
            .then_some(Part::Plans)
    })
}

static PLANS_AFTER_PROBLEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\d{4}\s*年度?[，,]?\s*",
        r"(?:全[省市州县区旗镇乡]|[省市州县区旗镇乡](?:委[、，,和及]?)?(?:[省市州县区旗镇乡]?(?:人民)?政府)?)",
        r"(?:还|也|仍)?(?:将|要)",
    ))
    .expect("static regex")
});

/// The sentence in `text` that shows a part is there, for the completeness check.
pub fn evidence_sentence(text: &str, part: Part) -> Option<&str> {
    let re: &Regex = match part {
        Part::Problems => &PROBLEMS_SENTENCE,
        Part::Plans => &PLANS_SENTENCE,
        Part::Duty => &DUTY_HEADING,
        _ => return None,
    };
    let found = re
        .find_iter(text)
        .map(|m| sentence_around(text, m.start(), m.end()))
        // "研究解决法治建设中存在的问题" reports a meeting's work, not the report's shortcomings.
        .find(|sentence| part != Part::Problems || !SOLVING_PROBLEMS.is_match(sentence));
    if found.is_some() || part != Part::Plans {
        return found;
    }
    // A report written as an article closes on what the place will do next.
    let body = text.trim_end();
    let closing = body.rsplit('\n').next().unwrap_or("");
    let offset = body.len() - closing.len();
    FUTURE_CUE
        .find(closing)
        .map(|m| sentence_around(text, offset + m.start(), offset + m.end()))
}

/// The sentence in `text` that gives the causes of shortcomings: anywhere in a problems
/// section (`within_problems`), else one that names both causes and shortcomings.
pub fn causes_sentence(text: &str, within_problems: bool) -> Option<&str> {
    CAUSES_CUE
        .find_iter(text)
        .map(|m| sentence_around(text, m.start(), m.end()))
        .find(|sentence| within_problems || PROBLEM_WORD.is_match(sentence))
}

/// The whole sentence around `start..end`: a semicolon-chained list is quoted entire.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start].rfind(is_full_stop).map_or(0, |i| {
        i + text[i..].chars().next().map_or(0, char::len_utf8)
    });
    let to = text[end..]
        .find(is_full_stop)
        .map_or(text.len(), |i| end + i);
    text[from..to].trim()
}

static PROBLEMS_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:存在|还有|仍有|面临)[^。]{0,16}(?:问题|不足|短板|差距|困难|弱项)")
        .expect("static regex")
});
static SOLVING_PROBLEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:研究|协调|推动|督促|及时)?解决[^。；;]{0,16}(?:存在|面临)的?[^。；;]{0,8}(?:问题|困难)|整改[^。；;]{0,8}问题")
        .expect("static regex")
});
static PLANS_SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"下一步|下一年度|新的一年|明年").expect("static regex"));
static FUTURE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"将(?:以|进一步|继续|持续|坚持|不断|全力|始终|着力|聚焦)|今后|未来")
        .expect("static regex")
});
static CAUSES_CUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"原因|根源|究其|成因|症结").expect("static regex"));
static PROBLEM_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"问题|不足|短板|差距|薄弱|弱项").expect("static regex"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leaders_meeting_solving_problems_is_not_the_problems_part() {
        let duty = "县政府常务会议4次专题听取法治政府建设工作汇报，研究解决法治建设中存在的问题。";
        assert_eq!(evidence_sentence(duty, Part::Problems), None);
        let both = format!("{duty}但我县法治政府建设仍存在一些短板和不足。");
        assert_eq!(
            evidence_sentence(&both, Part::Problems),
            Some("但我县法治政府建设仍存在一些短板和不足")
        );
    }

    #[test]
    fn a_closing_paragraph_on_what_comes_next_mentions_plans() {
        let text =
            "一、成效\n全年办结案件120件。\n我市将进一步深化法治建设，为高质量发展提供保障。";
        assert_eq!(
            evidence_sentence(text, Part::Plans),
            Some("我市将进一步深化法治建设，为高质量发展提供保障")
        );
        // The same words earlier in the report are not its plans.
        let earlier = "我市将进一步深化法治建设。\n一、成效\n全年办结案件120件。";
        assert_eq!(evidence_sentence(earlier, Part::Plans), None);
    }

    #[test]
    fn causes_are_a_sentence_naming_them() {
        let text = "执法人员素质有待提高。究其原因，主要是培训不够系统。";
        assert_eq!(
            causes_sentence(text, true),
            Some("究其原因，主要是培训不够系统")
        );
        // Outside the problems section, only a sentence about shortcomings counts.
        assert_eq!(causes_sentence(text, false), None);
        assert_eq!(
            causes_sentence("存在上述不足的原因是多方面的。", false),
            Some("存在上述不足的原因是多方面的")
        );
        assert_eq!(causes_sentence("全年办结案件120件。", true), None);
    }

    #[test]
    fn headings_name_parts() {
        let cases = [
            ("一、2023年主要举措和成效", Some(Part::Achievements)),
            ("二、存在的不足和原因", Some(Part::Problems)),
            (
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                Some(Part::Duty),
            ),
            ("四、2024年主要安排", Some(Part::Plans)),
            ("二、下一步工作打算", Some(Part::Plans)),
            ("五、其他需要报告的情况", Some(Part::Other)),
            ("一、突出政治引领，筑牢法治建设根基", None),
            ("四、针对问题的下一步工作计划", Some(Part::Plans)),
            ("三、存在的问题及下一步工作打算", Some(Part::Problems)),
            ("四、着眼长远发展，2024年工作谋划", Some(Part::Plans)),
            ("一、坚持高位谋划，统筹推进法治建设", None),
        ];
        for (h, want) in cases {
            assert_eq!(of_heading(h), want, "{h}");
        }
    }

    #[test]
    fn sub_headings_change_the_part_only_when_they_are_about_it() {
        assert_eq!(of_sub_heading("存在的问题"), Some(Part::Problems));
        assert_eq!(of_heading("二、存在的問題"), Some(Part::Problems));
        assert_eq!(of_sub_heading("原因分析"), Some(Part::Problems));
        assert_eq!(of_sub_heading("下一步工作打算"), Some(Part::Plans));
        assert_eq!(
            of_sub_heading("主要负责人履行推进法治建设第一责任人职责情况"),
            Some(Part::Duty)
        );
        assert_eq!(of_sub_heading("狠抓薄弱环节,强化制约监督"), None);
        assert_eq!(of_sub_heading("着力解决群众急难愁盼问题"), None);
    }

    #[test]
    fn paragraphs_open_parts() {
        assert_eq!(
            of_paragraph(
                "一年来，我县法治政府建设取得了一些成效，但还存在一些问题和不足：一是有的干部学得不够深。"
            ),
            Some(Part::Problems)
        );
        assert_eq!(
            of_paragraph("下一步，我们将坚持以习近平新时代中国特色社会主义思想为指导。"),
            Some(Part::Plans)
        );
        assert_eq!(
            of_paragraph("2024年，我县将继续深化法治政府建设。"),
            Some(Part::Plans)
        );
        assert_eq!(
            of_paragraph("排查法治建设中的突出问题，及时提出建设性的整改意见。"),
            None
        );
    }

    #[test]
    fn a_year_ahead_opens_the_plans_only_after_the_shortcomings() {
        let plans = "2024年，区政府将持续深化法治政府建设，推进依法行政。";
        assert_eq!(
            of_paragraph_in(plans, Some(Part::Problems)),
            Some(Part::Plans)
        );
        assert_eq!(
            of_paragraph_in("2024年，县委县政府要紧盯目标。", Some(Part::Problems)),
            Some(Part::Plans)
        );
        assert_eq!(of_paragraph_in(plans, Some(Part::Achievements)), None);
        assert_eq!(of_paragraph_in(plans, None), None);
        // 将 for 把, told of the year's deeds: an achievement, or the duty part's own story.
        let deed = "2023年，县政府将法治建设纳入绩效考核。";
        assert_eq!(of_paragraph_in(deed, None), None);
        assert_eq!(of_paragraph_in(deed, Some(Part::Duty)), None);
        // A year and no self-naming subject: a fact, not a plan.
        assert_eq!(
            of_paragraph_in(
                "2023年，部分单位执法人员将近半数未参加培训。",
                Some(Part::Problems)
            ),
            None
        );
    }

    #[test]
    fn shortcomings_listed_after_a_comma_open_the_problems() {
        assert_eq!(
            of_paragraph(
                "一年来，全镇法治建设取得成效，但仍存在一些不足，部分村干部法治意识不强。"
            ),
            Some(Part::Problems)
        );
        assert_eq!(
            of_paragraph("我们排查法治建设中存在的突出问题，及时整改到位。"),
            None
        );
    }

    #[test]
    fn a_summary_sentence_may_come_before_the_problems() {
        assert_eq!(
            of_paragraph(
                "2023年，我镇法治政府建设取得了可喜的成绩。但也存在一些不容忽视的困难和问题：一是普法工作发展不够平衡。"
            ),
            Some(Part::Problems)
        );
    }

    #[test]
    fn evidence_is_the_whole_sentence() {
        let text =
            "法治建设取得成效。但仍然存在部分短板弱项，如整体发力不足等。下一步，将继续推进。";
        assert_eq!(
            evidence_sentence(text, Part::Problems),
            Some("但仍然存在部分短板弱项，如整体发力不足等")
        );
        assert_eq!(
            evidence_sentence(text, Part::Plans),
            Some("下一步，将继续推进")
        );
    }
}
