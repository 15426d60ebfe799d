//! The passages two reports are compared by: each section's measures, or, where a section has
//! none (or the parser found no outline), its sentences.

use crate::analyse::themes::Taxonomy;
use crate::model::{Report, Span, ThemeScores};
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
            taxonomy,
            &mut out,
        );
        return out;
    }
    sentences_of(report, &[], None, report.preamble, taxonomy, &mut out);
    for (path, section) in report.walk() {
        let heading = section.heading.as_deref();
        if section.measures.is_empty() {
            sentences_of(report, &path, heading, section.body, taxonomy, &mut out);
            continue;
        }
        for m in &section.measures {
            let themes = if m.themes.0.is_empty() {
                taxonomy.score(heading, &m.text)
            } else {
                m.themes.clone()
            };
            out.push(Unit {
                section: path.clone(),
                heading: heading.map(str::to_string),
                text: m.text.clone(),
                span: m.span,
                themes,
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
        });
    }
}
