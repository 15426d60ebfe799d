//! The completeness check: does a report carry the parts that 《法治政府建设与责任落实督察工作
//! 规定》 (2019) asks every annual report for, and was it published by 1 April?

use serde::Serialize;

use crate::ingest::clean::parse_date;
use crate::model::{Part, Report, Section};
use crate::parse::numbers::fold_char;
use crate::parse::parts;
use crate::text::sentences::is_full_stop;

/// How a part was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    /// A section is devoted to it.
    Section,
    /// Only a sentence speaks of it.
    Sentence,
}

/// The evidence for one part, or its absence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartFinding {
    pub part: Part,
    /// How it was found; `None`: missing.
    pub found: Option<Found>,
    /// Path of the section that shows it (0-based), if a section does.
    pub section: Option<Vec<usize>>,
    /// The heading or sentence that shows it.
    pub evidence: Option<String>,
    /// What a reviewer should know beyond found/missing.
    pub note: Option<String>,
}

/// The check of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completeness {
    pub parts: Vec<PartFinding>,
    /// Whether the shortcomings come with their causes, as the regulation asks: `section` when
    /// the problems part analyses them, `sentence` when only a sentence elsewhere does.
    pub causes: Option<Found>,
    /// The sentence or heading that gives the causes.
    pub causes_evidence: Option<String>,
    /// Publish date, from the page's metadata or the date under the signature.
    pub published: Option<String>,
    /// Published after 1 April of the year after the one reported on.
    pub late: Option<bool>,
}

impl Completeness {
    pub fn missing(&self) -> impl Iterator<Item = Part> + '_ {
        self.parts
            .iter()
            .filter(|p| p.found.is_none())
            .map(|p| p.part)
    }
}

/// Check `report` against the required parts, in the regulation's order.
pub fn check(report: &Report) -> Completeness {
    let mut parts: Vec<PartFinding> = [Part::Achievements, Part::Problems, Part::Duty, Part::Plans]
        .into_iter()
        .map(|part| find_part(report, part))
        .collect();
    let (causes, causes_evidence) = find_causes(report, &parts[1]);
    // The regulation asks for the causes with the shortcomings: say so where the problems part
    // lists them without analysing them.
    if parts[1].found.is_some() && causes != Some(Found::Section) {
        parts[1].note = Some("列出了不足，未见原因分析".into());
    }
    let published = report
        .meta
        .published
        .or_else(|| signature_date(&report.text));
    let late = match (published, report.year) {
        (Some((y, m, d)), Some(year)) => Some((y, m, d) > (year + 1, 4, 1)),
        _ => None,
    };
    Completeness {
        parts,
        causes,
        causes_evidence,
        published: published.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        late,
    }
}

fn find_part(report: &Report, part: Part) -> PartFinding {
    let mut finding = PartFinding {
        part,
        found: None,
        section: None,
        evidence: None,
        note: None,
    };
    if let Some((path, section)) = section_for(report, part) {
        finding.found = Some(Found::Section);
        finding.evidence = Some(match &section.heading {
            Some(h) => h.clone(),
            None => {
                let body = report.slice(section.body);
                parts::evidence_sentence(body, part)
                    .map_or_else(|| first_sentence(body), str::to_string)
            }
        });
        finding.section = Some(path);
    } else if let Some(sentence) = parts::evidence_sentence(&report.text, part) {
        finding.found = Some(Found::Sentence);
        finding.evidence = Some(sentence.to_string());
        finding.section = Some(crate::corpus::section_at(
            report,
            report.text.find(sentence).unwrap_or(0),
        ));
    }
    finding
}

/// Causes in the problems part (a heading or a sentence there), else a sentence elsewhere
/// naming the causes of shortcomings.
fn find_causes(report: &Report, problems: &PartFinding) -> (Option<Found>, Option<String>) {
    // Every section of the problems part: the causes often have a section of their own after
    // the shortcomings ("四、产生不足的原因").
    let sections: Vec<&Section> = if problems.found == Some(Found::Section) {
        report
            .walk()
            .into_iter()
            .map(|(_, s)| s)
            .filter(|s| s.part == Part::Problems)
            .collect()
    } else {
        Vec::new()
    };
    let heading = sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .find(|h| parts::causes_sentence(h, true).is_some());
    if let Some(h) = heading {
        return (Some(Found::Section), Some(h.to_string()));
    }
    if let Some(s) = sections
        .iter()
        .find_map(|s| parts::causes_sentence(report.slice(s.extent), true))
    {
        return (Some(Found::Section), Some(s.to_string()));
    }
    match parts::causes_sentence(&report.text, false) {
        Some(s) => (Some(Found::Sentence), Some(s.to_string())),
        None => (None, None),
    }
}

/// A top section of the part, else a section at any depth of that part: reports often give the
/// leaders' duty under their achievements, or the plans under a shared "问题及下一步" heading.
fn section_for(report: &Report, part: Part) -> Option<(Vec<usize>, &Section)> {
    let top = report
        .sections
        .iter()
        .enumerate()
        .find(|(_, s)| s.part == part)
        .map(|(i, s)| (vec![i], s));
    top.or_else(|| report.walk().into_iter().find(|(_, s)| s.part == part))
}

fn first_sentence(text: &str) -> String {
    let end = text.find(is_full_stop).unwrap_or(text.len());
    text[..end].to_string()
}

/// Lines at the end of a report where a signature and its date may stand.
const SIGNATURE_LINES: usize = 4;
/// A signature date stands alone on its line; a longer line is a sentence that names a date.
const SIGNATURE_DATE_CHARS: usize = 16;

/// The date under a report's signature ("XX县人民政府\n2025年3月26日"): a date alone on one of
/// the last lines of the text.
pub fn signature_date(text: &str) -> Option<(i32, u32, u32)> {
    text.lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(SIGNATURE_LINES)
        .filter(|l| l.chars().count() <= SIGNATURE_DATE_CHARS)
        .find_map(|l| parse_date(&l.chars().map(fold_char).collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_under_the_signature_is_found() {
        let body = "一、主要成效\n全年办理复议案件76件。\n";
        assert_eq!(
            signature_date(&format!("{body}某县人民政府\n2025年3月26日\n")),
            Some((2025, 3, 26))
        );
        assert_eq!(
            signature_date(&format!("{body}某县人民政府\n２０２５年４月２日")),
            Some((2025, 4, 2))
        );
        // A date inside the last sentence is not a signature.
        assert_eq!(
            signature_date("2024年12月20日，县政府常务会议审议通过了年度报告，并向社会公开发布。"),
            None
        );
        assert_eq!(signature_date(body), None);
    }
}
