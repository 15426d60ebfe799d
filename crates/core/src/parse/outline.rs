//! Paragraphs → the section tree. Levels come from numbering styles in order of appearance; a
//! style's numbering sequence decides nesting when the same style is reused at two levels
//! ("一、主要举措" then "一、坚持思想引领"); unheaded part openings become implicit top sections.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Part, Section, Span};

use super::headings::{self, HeadingMatch, Style};
use super::parts;

/// Deepest outline level kept; deeper headings become siblings at this level.
const MAX_DEPTH: usize = 6;
/// Run-in leads are headings only when this many siblings lead the same way.
const MIN_LEAD_SIBLINGS: usize = 2;

/// A heading placed in the outline, before the tree is built.
#[derive(Debug, Clone)]
struct Flat {
    depth: usize,
    heading: Option<Span>,
    /// Where the section's own body starts (after the heading).
    body_start: usize,
    /// Where the section starts (heading start, or the paragraph for an implicit one).
    start: usize,
    part: Option<Part>,
}

/// The outline of `text`, given its paragraphs; the title paragraph (if any) is skipped, and so
/// are the attachments ("附件：…") that may close a report: the body ends where they begin.
/// Returns the top sections and the preamble span.
pub fn build(text: &str, paragraphs: &[Span], title: Option<Span>) -> (Vec<Section>, Span) {
    let body_end = attachments_start(text, paragraphs).unwrap_or(paragraphs.len());
    let end = paragraphs.get(body_end).map_or(text.len(), |p| p.start);
    let paragraphs = &paragraphs[..body_end];
    let candidates: Vec<Option<HeadingMatch>> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let para = &text[p.start..p.end];
            if title.is_some_and(|t| t.contains(*p) || p.contains(t)) {
                return None;
            }
            // A short line right before a date, or last of all, signs the report.
            let signs = paragraphs
                .get(i + 1)
                .is_none_or(|n| headings::is_date_line(&text[n.start..n.end]));
            headings::numbered(para)
                .or_else(|| (!signs).then(|| headings::plain(para)).flatten())
                .or_else(|| headings::lead(para))
        })
        .collect();
    let candidates = drop_stray_plain_lines(keep_lead_runs(candidates));
    let candidates = consistent_item_runs(text, paragraphs, candidates);
    let lost_breaks = super::paragraphs::lost_breaks(&super::paragraphs::lines(text));
    let (paragraphs, candidates) = if lost_breaks {
        let (paragraphs, candidates) = rejoin_lone_leads(text, paragraphs, candidates);
        unglue_leads(text, &paragraphs, candidates)
    } else {
        (paragraphs.to_vec(), candidates)
    };
    let mut flats = place(text, &paragraphs, &candidates);
    open_unheaded_achievements(&paragraphs, title, &mut flats);
    let preamble_end = flats.first().map_or(end, |f| f.start);
    let preamble_start = title.map_or(0, |t| t.end.min(preamble_end));
    let preamble = trim_span(text, Span::new(preamble_start, preamble_end));
    (to_tree(text, &flats, end), preamble)
}

/// Consecutive paragraphs numbered in one style ("（一）…。（二）…。（三）…。") are all headings
/// or all items: when some are too long to be headings, the run is a list, and none is.
fn consistent_item_runs(
    text: &str,
    paragraphs: &[Span],
    mut candidates: Vec<Option<HeadingMatch>>,
) -> Vec<Option<HeadingMatch>> {
    let styles: Vec<Option<Style>> = paragraphs
        .iter()
        .map(|p| headings::marker_style(&text[p.start..p.end]))
        .collect();
    let mut i = 0;
    while i < paragraphs.len() {
        let Some(style) = styles[i] else {
            i += 1;
            continue;
        };
        let run_end = (i..paragraphs.len())
            .find(|&j| styles[j] != Some(style))
            .unwrap_or(paragraphs.len());
        let headings = (i..run_end).filter(|&j| candidates[j].is_some()).count();
        if run_end - i >= 2 && headings > 0 && headings < run_end - i {
            for c in &mut candidates[i..run_end] {
                *c = None;
            }
        }
        i = run_end;
    }
    candidates
}

/// In a numbered outline, short unpunctuated lines that stand only before the first numbered
/// heading are leftovers (a masthead, a title line, page chrome), not a level of the outline.
fn drop_stray_plain_lines(mut candidates: Vec<Option<HeadingMatch>>) -> Vec<Option<HeadingMatch>> {
    let numbered = |m: &HeadingMatch| m.marker > 0;
    let Some(first) = candidates
        .iter()
        .position(|c| c.is_some_and(|m| numbered(&m)))
    else {
        return candidates;
    };
    let plain_later = candidates[first..]
        .iter()
        .any(|c| c.is_some_and(|m| m.style == Style::Plain));
    if !plain_later {
        for c in &mut candidates[..first] {
            if c.is_some_and(|m| m.style == Style::Plain) {
                *c = None;
            }
        }
    }
    candidates
}

/// A report without a single heading still has its parts: after the opening paragraph come the
/// achievements ("一是…二是…" paragraphs), then the problems and plans its paragraphs open.
/// Give the achievements an unheaded block of their own when the text sets the others apart.
fn open_unheaded_achievements(paragraphs: &[Span], title: Option<Span>, flats: &mut Vec<Flat>) {
    let Some(first) = flats.first() else {
        return;
    };
    if flats.iter().any(|f| f.heading.is_some()) {
        return;
    }
    let body: Vec<&Span> = paragraphs
        .iter()
        .filter(|p| title.is_none_or(|t| !t.contains(**p)) && p.start < first.start)
        .collect();
    // The opening paragraph stays the preamble; at least one paragraph must follow it.
    if let Some(second) = body.get(1) {
        flats.insert(
            0,
            Flat {
                depth: 0,
                heading: None,
                body_start: second.start,
                start: second.start,
                part: Some(Part::Achievements),
            },
        );
    }
}

/// Drop run-in lead candidates that have no sibling leading the same way.
fn keep_lead_runs(candidates: Vec<Option<HeadingMatch>>) -> Vec<Option<HeadingMatch>> {
    let mut candidates = candidates;
    let mut group: Vec<usize> = Vec::new();
    let flush = |group: &mut Vec<usize>, c: &mut Vec<Option<HeadingMatch>>| {
        if group.len() < MIN_LEAD_SIBLINGS {
            for &i in group.iter() {
                c[i] = None;
            }
        }
        group.clear();
    };
    for i in 0..candidates.len() {
        match candidates[i].map(|m| m.style) {
            Some(Style::Lead) => group.push(i),
            Some(_) => flush(&mut group, &mut candidates),
            None => {}
        }
    }
    flush(&mut group, &mut candidates);
    candidates
}

/// The paragraph where a closing list of attachments begins ("附件：1.…", "附件1"), if the
/// report has one in its second half.
fn attachments_start(text: &str, paragraphs: &[Span]) -> Option<usize> {
    let half = paragraphs.len() / 2;
    paragraphs
        .iter()
        .enumerate()
        .skip(half.max(1))
        .find(|(_, p)| ATTACHMENTS.is_match(&text[p.start..p.end]))
        .map(|(i, _)| i)
}

static ATTACHMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^附\s*件\s*[\d一二三四五六七八九十]*\s*(?:[：:]|$)").expect("static regex")
});

/// A text that lost its line breaks was cut before every short sentence that might lead a
/// paragraph; where that sentence turned out to lead nothing, join the pieces again.
fn rejoin_lone_leads(
    text: &str,
    paragraphs: &[Span],
    candidates: Vec<Option<HeadingMatch>>,
) -> (Vec<Span>, Vec<Option<HeadingMatch>>) {
    let mut out_paras: Vec<Span> = Vec::with_capacity(paragraphs.len());
    let mut out_cands: Vec<Option<HeadingMatch>> = Vec::with_capacity(paragraphs.len());
    for (p, c) in paragraphs.iter().zip(candidates) {
        let para = &text[p.start..p.end];
        let lone_lead = c.is_none() && headings::lead(para).is_some();
        match out_paras.last_mut() {
            Some(prev) if lone_lead && prev.end == p.start => prev.end = p.end,
            _ => {
                out_paras.push(*p);
                out_cands.push(c);
            }
        }
    }
    (out_paras, out_cands)
}

/// In a text that lost its line breaks, a heading runs straight into the run-in lead of its
/// first child ("…筑牢法治建设根基深学细悟强思想。"). Cut the lead off at the jieba word boundary
/// that makes it as long as its sibling leads and the heading's last clause as long as its first.
fn unglue_leads(
    text: &str,
    paragraphs: &[Span],
    candidates: Vec<Option<HeadingMatch>>,
) -> (Vec<Span>, Vec<Option<HeadingMatch>>) {
    let lead_len = |i: usize| -> Option<usize> {
        let m = candidates
            .get(i)
            .copied()
            .flatten()
            .filter(|m| m.style == Style::Lead)?;
        let p = paragraphs[i];
        Some(text[p.start..p.start + m.len].chars().count())
    };
    let mut out_paras = Vec::with_capacity(paragraphs.len() + 8);
    let mut out_cands = Vec::with_capacity(paragraphs.len() + 8);
    for (i, (p, c)) in paragraphs.iter().zip(&candidates).enumerate() {
        // The leads of this heading's other children say how long the glued one is.
        let mut siblings: Vec<usize> = (i + 1..paragraphs.len())
            .take_while(|&j| candidates[j].is_none_or(|m| m.style == Style::Lead))
            .filter_map(lead_len)
            .collect();
        siblings.sort_unstable();
        let cut = c
            .filter(|m| m.marker > 0 && m.body_at > m.len && lead_len(i + 1).is_some())
            .and_then(|m| {
                let heading = &text[p.start..p.start + m.len];
                glued_lead_cut(heading, m.marker, &siblings).map(|cut| (m, cut))
            });
        match cut {
            Some((m, cut)) => {
                out_paras.push(Span::new(p.start, p.start + cut));
                out_cands.push(Some(HeadingMatch {
                    len: cut,
                    body_at: cut,
                    ..m
                }));
                out_paras.push(Span::new(p.start + cut, p.end));
                out_cands.push(Some(HeadingMatch {
                    style: Style::Lead,
                    number: None,
                    len: m.len - cut,
                    body_at: m.body_at - cut,
                    marker: 0,
                }));
            }
            None => {
                out_paras.push(*p);
                out_cands.push(*c);
            }
        }
    }
    (out_paras, out_cands)
}

/// Byte offset in `heading` where a glued lead starts, if one fits.
fn glued_lead_cut(heading: &str, marker: usize, sibling_lens: &[usize]) -> Option<usize> {
    let (min, max) = (*sibling_lens.first()?, *sibling_lens.last()?);
    let median = sibling_lens[sibling_lens.len() / 2];
    let clause_at = heading
        .rfind([',', '，'])
        .map(|j| j + heading[j..].chars().next().map_or(1, char::len_utf8))?;
    let first_len = heading[marker..clause_at].chars().count().saturating_sub(1);
    let clause = &heading[clause_at..];
    let mut best: Option<(f32, usize)> = None;
    let mut at = 0;
    for token in crate::text::segment::tokens(clause) {
        at += token.len();
        let head = clause[..at].chars().count();
        let tail = clause[at..].chars().count();
        if head < 4 || tail + 1 < min || tail > max + 1 {
            continue;
        }
        let score = tail.abs_diff(median) as f32 + 0.5 * head.abs_diff(first_len) as f32;
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, clause_at + at));
        }
    }
    best.map(|(_, cut)| cut)
}

/// Give each heading its depth, and open implicit sections where a paragraph opens a part.
fn place(text: &str, paragraphs: &[Span], candidates: &[Option<HeadingMatch>]) -> Vec<Flat> {
    // The open levels: style and the last number seen at that level.
    let mut stack: Vec<(Style, Option<u32>)> = Vec::new();
    let mut flats: Vec<Flat> = Vec::new();
    let mut top_style: Option<Style> = None;
    for (i, (p, candidate)) in paragraphs.iter().zip(candidates).enumerate() {
        let para = &text[p.start..p.end];
        let Some(m) = candidate else {
            // The part of the section the paragraph stands in: the latest heading naming one.
            let current_part = flats.iter().rev().find_map(|f| f.part);
            let opened = parts::of_paragraph_in(para, current_part).filter(|part| {
                (i > 0 || !flats.is_empty())
                    && current_part != Some(*part)
                    && !matches!(current_part, Some(Part::Plans | Part::Other))
            });
            if let Some(part) = opened {
                stack.clear();
                stack.push((Style::Implicit, None));
                flats.push(Flat {
                    depth: 0,
                    heading: None,
                    body_start: p.start,
                    start: p.start,
                    part: Some(part),
                });
            }
            continue;
        };
        if m.style == top_style.unwrap_or(m.style)
            && stack.first().is_some_and(|(s, _)| *s == Style::Implicit)
        {
            stack.clear();
        }
        let depth = depth_for(&mut stack, m.style, m.number).min(MAX_DEPTH - 1);
        if depth == 0 {
            top_style.get_or_insert(m.style);
        }
        let heading_text = &para[..m.len];
        flats.push(Flat {
            depth,
            heading: Some(Span::new(p.start, p.start + m.len)),
            body_start: p.start + m.body_at,
            start: p.start,
            part: if depth == 0 {
                parts::of_heading(heading_text)
            } else {
                parts::of_sub_heading(heading_text[m.marker..].trim())
            },
        });
    }
    flats
}

/// The depth of a new heading, updating the stack of open levels.
fn depth_for(stack: &mut Vec<(Style, Option<u32>)>, style: Style, number: Option<u32>) -> usize {
    let levels: Vec<usize> = (0..stack.len()).filter(|&i| stack[i].0 == style).collect();
    let follows = |i: usize| match (stack[i].1, number) {
        (Some(last), Some(n)) => n == last + 1,
        _ => false,
    };
    let depth = match levels.last().copied() {
        None => stack.len(),
        Some(inner) if follows(inner) => inner,
        Some(inner) => match levels.iter().rev().find(|&&i| follows(i)) {
            Some(&outer) => outer,
            // A reused style restarting at 1 right under a heading of its own style: deeper.
            None if number == Some(1) && inner + 1 == stack.len() => stack.len(),
            None => inner,
        },
    };
    stack.truncate(depth);
    stack.push((style, number));
    depth
}

fn trim_span(text: &str, span: Span) -> Span {
    let slice = &text[span.start..span.end];
    let lead = slice.len() - slice.trim_start().len();
    Span::new(span.start + lead, span.start + lead + slice.trim().len())
}

/// Turn the flat, depth-annotated headings into a tree with body and extent spans and parts.
fn to_tree(text: &str, flats: &[Flat], end: usize) -> Vec<Section> {
    let mut parts_so_far: Vec<Part> = Vec::new();
    // The part of the open section at each depth, for children to inherit.
    let mut parents: Vec<Part> = Vec::new();
    let mut nodes: Vec<(usize, Section)> = Vec::with_capacity(flats.len());
    for (i, f) in flats.iter().enumerate() {
        let next_start = flats.get(i + 1).map_or(end, |n| n.start);
        let extent_end = flats[i + 1..]
            .iter()
            .find(|n| n.depth <= f.depth)
            .map_or(end, |n| n.start);
        let part = if f.depth == 0 {
            let part = f.part.unwrap_or_else(|| {
                // Many reports open with the leaders' duty and go on to their achievements; only
                // after the problems or the plans is an unnamed section something else.
                if parts_so_far
                    .iter()
                    .any(|p| matches!(p, Part::Problems | Part::Plans))
                {
                    Part::Other
                } else {
                    Part::Achievements
                }
            });
            parts_so_far.push(part);
            part
        } else {
            let inherited = parents
                .get(f.depth - 1)
                .or(parents.last())
                .copied()
                .unwrap_or(Part::Other);
            f.part.unwrap_or(inherited)
        };
        parents.truncate(f.depth);
        parents.push(part);
        let heading = f.heading.map(|h| text[h.start..h.end].trim().to_string());
        nodes.push((
            f.depth,
            Section {
                heading,
                depth: 0,
                part,
                themes: Vec::new(),
                measures: Vec::new(),
                children: Vec::new(),
                heading_span: f.heading.unwrap_or_default(),
                body: trim_span(text, Span::new(f.body_start.min(next_start), next_start)),
                extent: trim_span(text, Span::new(f.start, extent_end)),
                theme_scores: Default::default(),
            },
        ));
    }
    nest(nodes)
}

/// Nest sections by depth (a depth jump of more than one is attached to the nearest parent).
fn nest(nodes: Vec<(usize, Section)>) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    let mut open: Vec<(usize, Section)> = Vec::new();
    fn close(open: &mut Vec<(usize, Section)>, roots: &mut Vec<Section>) {
        if let Some((_, done)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(done),
                None => roots.push(done),
            }
        }
    }
    for (depth, node) in nodes {
        while open.last().is_some_and(|(d, _)| *d >= depth) {
            close(&mut open, &mut roots);
        }
        open.push((depth, node));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    set_depths(&mut roots, 1);
    roots
}

fn set_depths(sections: &mut [Section], depth: u8) {
    for s in sections {
        s.depth = depth;
        set_depths(&mut s.children, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs::paragraphs;
    use super::*;

    fn outline(text: &str) -> Vec<String> {
        let (sections, _) = build(text, &paragraphs(text), None);
        let mut out = Vec::new();
        fn go(s: &[Section], out: &mut Vec<String>) {
            for s in s {
                out.push(format!(
                    "{}{} [{}]",
                    "  ".repeat(s.depth as usize - 1),
                    s.display_heading(),
                    s.part.as_str()
                ));
                go(&s.children, out);
            }
        }
        go(&sections, &mut out);
        out
    }

    #[test]
    fn numbered_ladder() {
        let text = "2023年，某镇坚持依法行政。\n一、2023年主要举措和成效\n（一）坚持思想引领，系统谋划部署\n一是聚焦深学笃行。坚持学习。\n（二）健全制度机制\n二是加强管理。\n二、存在的不足和原因\n推进不够平衡。\n三、2024年主要安排\n（一）进一步压实主体责任。健全法治政府建设组织制度。";
        assert_eq!(
            outline(text),
            [
                "一、2023年主要举措和成效 [achievements]",
                "  （一）坚持思想引领，系统谋划部署 [achievements]",
                "  （二）健全制度机制 [achievements]",
                "二、存在的不足和原因 [problems]",
                "三、2024年主要安排 [plans]",
                "  （一）进一步压实主体责任 [plans]",
            ]
        );
    }

    #[test]
    fn chinese_numbering_reused_at_two_levels() {
        let text = "一、主要举措和成效\n一、坚持党的领导\n正文。\n二、规范执法\n正文。\n二、存在的问题\n正文。\n三、下一步工作安排\n正文。";
        assert_eq!(
            outline(text),
            [
                "一、主要举措和成效 [achievements]",
                "  一、坚持党的领导 [achievements]",
                "  二、规范执法 [achievements]",
                "二、存在的问题 [problems]",
                "三、下一步工作安排 [plans]",
            ]
        );
    }

    #[test]
    fn run_in_leads_under_numbered_headings_and_implicit_parts() {
        let text = "2024年，某县扎实推进法治政府建设。\n一、突出政治引领，筑牢法治建设根基\n深学细悟强思想。坚持把学习作为首要政治任务。\n系统谋划抓部署。印发任务清单。\n二、坚持依法行政\n加强文件管理。严格落实备案要求。\n坚持科学决策。编制公布决策事项目录。\n一年来，我县法治政府建设取得了一些成效，但还存在一些问题和不足：一是学得不够深。\n下一步，我们将深学笃行习近平法治思想。一是聚焦营商环境。";
        assert_eq!(
            outline(text),
            [
                "一、突出政治引领，筑牢法治建设根基 [achievements]",
                "  深学细悟强思想 [achievements]",
                "  系统谋划抓部署 [achievements]",
                "二、坚持依法行政 [achievements]",
                "  加强文件管理 [achievements]",
                "  坚持科学决策 [achievements]",
                "（不足） [problems]",
                "（安排） [plans]",
            ]
        );
    }

    #[test]
    fn short_lines_before_a_numbered_outline_are_not_headings() {
        let text = "某某市人民政府网站\n关于印发工作报告的通知\n一、主要举措和成效\n正文。\n二、存在的问题\n正文。";
        assert_eq!(
            outline(text),
            [
                "一、主要举措和成效 [achievements]",
                "二、存在的问题 [problems]"
            ]
        );
    }

    #[test]
    fn a_report_without_headings_still_has_its_parts() {
        let text = "某县2022年法治政府建设工作报告\n2022年，某县扎实推进依法行政。\n一是强化组织领导。研究法治工作4次。\n二是规范执法。评查案卷120卷。\n一年来，全县法治政府建设取得成效，但也存在一些问题：一是基层力量薄弱。\n下一步，我们将持续推进法治政府建设。";
        let paras = paragraphs(text);
        let (sections, preamble) = build(text, &paras, Some(paras[0]));
        let parts: Vec<Part> = sections.iter().map(|s| s.part).collect();
        assert_eq!(parts, [Part::Achievements, Part::Problems, Part::Plans]);
        assert_eq!(
            &text[preamble.start..preamble.end],
            "2022年，某县扎实推进依法行政。"
        );
        assert!(sections.iter().all(|s| s.heading.is_none()));
    }

    #[test]
    fn a_run_of_numbered_sentences_is_a_list_when_some_are_too_long_for_headings() {
        let long = "持续深入学习贯彻习近平法治思想，把党的领导贯穿法治政府建设全过程各方面，健全党政主要负责人述法制度，推动法治建设责任落实落细";
        let text = format!(
            "一、主要举措\n正文。\n二、下一步安排\n（一）{long}。\n（二）深化改革，力争网上可办率达到98%以上。\n（三）{long}。"
        );
        let paras = paragraphs(&text);
        let (sections, _) = build(&text, &paras, None);
        assert!(
            sections[1].children.is_empty(),
            "{:?}",
            sections[1].children
        );
    }

    #[test]
    fn attachments_close_the_body() {
        let text = "一、主要举措\n正文。\n二、下一步安排\n正文。\n附件：1.2023年法治政府建设统计表\n2.2024年工作要点";
        let (sections, _) = build(text, &paragraphs(text), None);
        assert_eq!(sections.len(), 2);
        assert!(sections[1].children.is_empty());
        assert_eq!(
            &text[sections[1].extent.start..sections[1].extent.end],
            "二、下一步安排\n正文。"
        );
    }

    #[test]
    fn a_signature_is_not_a_heading() {
        let text = "一、主要举措\n正文。\n二、下一步安排\n正文。\n某某省某某厅法治建设工作领导小组\n2023年3月15日";
        assert_eq!(
            outline(text),
            ["一、主要举措 [achievements]", "二、下一步安排 [plans]"]
        );
    }

    #[test]
    fn a_lone_short_lead_is_not_a_heading() {
        let text = "一、加强领导\n全面完成任务。其余正文在此。\n二、规范执法\n正文。";
        assert_eq!(
            outline(text),
            ["一、加强领导 [achievements]", "二、规范执法 [achievements]"]
        );
    }

    #[test]
    fn plain_headings_without_numbers() {
        let text = "近年来，某市高度重视法治政府建设。\n突出政治引领,着力提升依法决策能力\n党的领导是根本保证。一是严格落实学法制度。\n坚持依法行政,着力提升行政执法能力\n严格规范公正文明执法。\n某某市人民政府\n2024年3月28日";
        assert_eq!(
            outline(text),
            [
                "突出政治引领,着力提升依法决策能力 [achievements]",
                "坚持依法行政,着力提升行政执法能力 [achievements]",
            ]
        );
    }

    #[test]
    fn bodies_and_extents() {
        let text = "前言。\n一、加强领导\n（一）学法\n学法正文。\n二、规范执法\n执法正文。";
        let (sections, preamble) = build(text, &paragraphs(text), None);
        assert_eq!(&text[preamble.start..preamble.end], "前言。");
        assert_eq!(&text[sections[0].body.start..sections[0].body.end], "");
        let child = &sections[0].children[0];
        assert_eq!(&text[child.body.start..child.body.end], "学法正文。");
        assert_eq!(
            &text[sections[0].extent.start..sections[0].extent.end],
            "一、加强领导\n（一）学法\n学法正文。"
        );
    }
}
