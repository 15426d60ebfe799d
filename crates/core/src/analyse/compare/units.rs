//! The passages two reports are compared by: each section's measures, or, where a section has
//! none (or the parser found no outline), its sentences.

use crate::analyse::themes::Taxonomy;
use std::collections::HashMap;

use crate::model::{Part, Report, Span, ThemeScores};
use crate::text::sentences::sentences;

/// One comparison unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Path of the section it stands in (empty: the preamble, or a report without outline).
    pub section: Vec<usize>,
    /// That section's heading as written.
    pub heading: Option<String>,
    pub text: String,
    /// Where the text stands in the report's text.
    pub span: Span,
    pub themes: ThemeScores,
    /// The part of the report it belongs to: its section's, or the nearest enclosing problems,
    /// plans or duty section's (a numbered list under 存在的不足 is still about shortcomings).
    pub part: Part,
}

/// Parts that name a band of their own whatever a unit's theme (see `band_of` in the comparison),
/// and that the sections under them inherit.
fn is_own_band(part: Part) -> bool {
    matches!(part, Part::Problems | Part::Plans | Part::Duty)
}

/// The units of a report in reading order.
pub fn units(report: &Report, taxonomy: &Taxonomy) -> Vec<Unit> {
    let mut out = Vec::new();
    if report.sections.is_empty() {
        sentences_of(
            report,
            &[],
            None,
            Span::new(0, report.text.len()),
            Part::Other,
            taxonomy,
            &mut out,
        );
        return out;
    }
    sentences_of(
        report,
        &[],
        None,
        report.preamble,
        Part::Other,
        taxonomy,
        &mut out,
    );
    let mut parts: HashMap<Vec<usize>, Part> = HashMap::new();
    for (path, section) in report.walk() {
        let heading = section.heading.as_deref();
        let parent = parts.get(&path[..path.len().saturating_sub(1)]).copied();
        let part = match parent {
            Some(p) if is_own_band(p) && !is_own_band(section.part) => p,
            _ => section.part,
        };
        parts.insert(path.clone(), part);
        if section.measures.is_empty() {
            sentences_of(
                report,
                &path,
                heading,
                section.body,
                part,
                taxonomy,
                &mut out,
            );
            continue;
        }
        for m in &section.measures {
            let text = report.slice(m.span);
            let themes = if m.themes.0.is_empty() {
                taxonomy.score(heading, text)
            } else {
                m.themes.clone()
            };
            out.push(Unit {
                section: path.clone(),
                heading: heading.map(str::to_string),
                text: text.to_string(),
                span: m.span,
                themes,
                part,
            });
        }
    }
    out
}

/// The sentences of one stretch of a report as units.
fn sentences_of(
    report: &Report,
    path: &[usize],
    heading: Option<&str>,
    body: Span,
    part: Part,
    taxonomy: &Taxonomy,
    out: &mut Vec<Unit>,
) {
    for s in sentences(report.slice(body)) {
        let span = Span::new(body.start + s.start, body.start + s.end);
        let text = report.slice(span).to_string();
        out.push(Unit {
            section: path.to_vec(),
            heading: heading.map(str::to_string),
            themes: taxonomy.score(heading, &text),
            text,
            span,
            part,
        });
    }
}
