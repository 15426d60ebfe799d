//! Clean text → [`Report`]: metadata, outline, measures, indicators, themes.

pub mod headings;
pub mod indicators;
pub mod locality;
pub mod measures;
pub mod numbers;
pub mod outline;
pub mod paragraphs;
pub mod parts;
pub mod title;
pub mod year;

use crate::analyse::themes::Taxonomy;
use crate::ingest::Document;
use crate::model::{Indicator, Part, Report, Section, Span, ThemeScores};
use crate::text::sentences::is_full_stop;

/// Parse one cleaned document into a report.
pub fn parse_document(source: &str, doc: Document, taxonomy: &Taxonomy) -> Report {
    let text = doc.text;
    let meta = doc.meta;
    let hash = blake3::hash(text.as_bytes()).to_hex().to_string();
    let paras = paragraphs::paragraphs(&text);
    let title = title::find(&text, &paras, meta.title.as_deref());
    let title_span = title.as_ref().map(|(_, s)| *s).filter(|s| !s.is_empty());
    let (mut sections, preamble) = outline::build(&text, &paras, title_span);

    let mut indicators = found_indicators(&text, preamble, &[], taxonomy, None);
    let mut path = Vec::new();
    analyse_sections(&text, &mut sections, &mut path, taxonomy, &mut indicators);

    let year = report_year(
        &text,
        title.as_ref().map(|(t, _)| t.as_str()),
        preamble,
        &sections,
        &meta,
    );
    let locality = locality::resolve(&text, title.as_ref().map(|(t, _)| t.as_str()), &meta);
    Report {
        source: source.to_string(),
        locality,
        year,
        title: title.map(|(t, _)| t),
        sections,
        indicators,
        text,
        preamble,
        meta,
        hash,
    }
}

/// Fill measures, themes and indicators of every section, depth first in reading order.
fn analyse_sections(
    text: &str,
    sections: &mut [Section],
    path: &mut Vec<usize>,
    taxonomy: &Taxonomy,
    indicators: &mut Vec<Indicator>,
) {
    for (i, section) in sections.iter_mut().enumerate() {
        path.push(i);
        let body = &text[section.body.start..section.body.end];
        section.measures = measures::measures(body, section.body.start);
        for m in &mut section.measures {
            m.themes = taxonomy.score(m.title.as_deref(), &m.text);
        }
        let extent = &text[section.extent.start..section.extent.end];
        section.theme_scores = taxonomy.score(section.heading.as_deref(), extent);
        section.themes = section.theme_scores.ids().map(str::to_string).collect();
        indicators.extend(found_indicators(
            text,
            section.body,
            path,
            taxonomy,
            Some(&section.theme_scores),
        ));
        analyse_sections(text, &mut section.children, path, taxonomy, indicators);
        path.pop();
    }
}

/// Indicators of one body, placed in the report's text and given themes: the canonical
/// indicator's theme, else what the label says, else the section's main theme.
fn found_indicators(
    text: &str,
    body: Span,
    path: &[usize],
    taxonomy: &Taxonomy,
    section_themes: Option<&ThemeScores>,
) -> Vec<Indicator> {
    let slice = &text[body.start..body.end];
    let mut found = indicators::find_indicators(slice);
    let mut previous_end = 0;
    for ind in &mut found {
        // The contract's span is the fact as the text states it, label and quantity
        // ("调解矛盾纠纷930件") when the label stands right before the number.
        let label_at = ind.at.start.saturating_sub(ind.label.len());
        if !ind.label.is_empty()
            && label_at >= previous_end
            && slice.get(label_at..ind.at.start) == Some(ind.label.as_str())
        {
            ind.at.start = label_at;
            ind.span = slice[ind.at.start..ind.at.end].to_string();
        }
        previous_end = ind.at.end;
        ind.at = Span::new(ind.at.start + body.start, ind.at.end + body.start);
        ind.section = path.to_vec();
        let from_label = taxonomy.score(None, &ind.label);
        // Canonical ids are "<theme>.<name>" (assets/indicators.toml).
        let canonical_theme = ind
            .canonical
            .as_deref()
            .and_then(|c| c.split('.').next())
            .filter(|t| taxonomy.get(t).is_some())
            .map(str::to_string);
        ind.themes = match (canonical_theme, from_label.0.is_empty()) {
            (Some(theme), _) => ThemeScores(vec![(theme, 1.0)]),
            (None, false) => from_label,
            (None, true) => section_themes
                .and_then(|s| s.0.first().cloned())
                .map(|t| ThemeScores(vec![t]))
                .unwrap_or_default(),
        };
    }
    found
}

fn report_year(
    text: &str,
    title: Option<&str>,
    preamble: Span,
    sections: &[Section],
    meta: &crate::model::PageMeta,
) -> Option<i32> {
    let mut votes = Vec::new();
    if let Some(t) = title {
        year::collect(t, year::Place::Title, &mut votes);
    }
    let preamble_text = &text[preamble.start..preamble.end];
    let opening_end = preamble_text
        .find(is_full_stop)
        .unwrap_or(preamble_text.len());
    let opening = &preamble_text[..opening_end];
    year::collect(opening, year::Place::Opening, &mut votes);
    year::collect(&preamble_text[opening_end..], year::Place::Body, &mut votes);
    collect_section_years(text, sections, &mut votes);
    year::decide(&votes, opening, meta.published)
}

fn collect_section_years(text: &str, sections: &[Section], votes: &mut Vec<(i32, f32)>) {
    for s in sections {
        if let Some(h) = &s.heading {
            year::collect(h, year::Place::Heading(s.part), votes);
        }
        // What a plans section says of years is about the years ahead.
        if s.part != Part::Plans {
            year::collect(&text[s.body.start..s.body.end], year::Place::Body, votes);
        }
        collect_section_years(text, &s.children, votes);
    }
}
