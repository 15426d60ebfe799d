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
use crate::model::{Indicator, Part, Report, Scope, Section, Span, ThemeId, ThemeScores};
use crate::text::sentences::is_full_stop;
use crate::text::variants::simplified;

/// Parse one cleaned document into a report.
pub fn parse_document(source: &str, doc: Document, taxonomy: &Taxonomy) -> Report {
    let text = doc.text;
    let meta = doc.meta;
    let hash = blake3::hash(text.as_bytes()).to_hex().to_string();
    let paras = paragraphs::paragraphs(&text);
    let title = title::find(&text, &paras, meta.title.as_deref());
    let title_span = title.as_ref().map(|(_, s)| *s).filter(|s| !s.is_empty());
    let (mut sections, preamble) = outline::build(&text, &paras, title_span);

    // The year first: it decides which figures are the report year's own.
    let year = report_year(
        &text,
        title.as_ref().map(|(t, _)| t.as_str()),
        preamble,
        &sections,
        &meta,
    );
    let matched = simplified(&text);
    let context = Context {
        text: &text,
        matched: &matched,
        taxonomy,
        year,
    };
    let mut indicators = found_indicators(&context, preamble, &[], None, Part::Other);
    let mut path = Vec::new();
    analyse_sections(
        &context,
        &mut sections,
        &mut path,
        Part::Other,
        &mut indicators,
    );

    let locality =
        locality::resolve_matched(&matched, title.as_ref().map(|(t, _)| t.as_str()), &meta);
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

/// What every section's analysis reads: the text, the taxonomy, the report's year.
struct Context<'a> {
    text: &'a str,
    /// `text` as it is matched: traditional characters folded to simplified when the report is
    /// written in them, byte for byte at the same offsets (the lexicon, the catalogue and the scope
    /// cues are simplified; what is shown stays as written).
    matched: &'a str,
    taxonomy: &'a Taxonomy,
    year: Option<i32>,
}

/// Fill measures, themes and indicators of every section, depth first in reading order; `part` is
/// the part of the nearest enclosing section that has one.
fn analyse_sections(
    cx: &Context<'_>,
    sections: &mut [Section],
    path: &mut Vec<usize>,
    part: Part,
    indicators: &mut Vec<Indicator>,
) {
    for (i, section) in sections.iter_mut().enumerate() {
        path.push(i);
        let body = &cx.text[section.body.start..section.body.end];
        section.measures = measures::measures(body, section.body.start);
        for m in &mut section.measures {
            let text = cx.text.get(m.span.start..m.span.end).unwrap_or("");
            m.themes = cx.taxonomy.score(m.title.as_deref(), text);
        }
        let extent = &cx.text[section.extent.start..section.extent.end];
        section.theme_scores = cx.taxonomy.score(section.heading.as_deref(), extent);
        section.themes = section.theme_scores.0.iter().map(|(id, _)| *id).collect();
        let part = if section.part == Part::Other {
            part
        } else {
            section.part
        };
        indicators.extend(found_indicators(
            cx,
            section.body,
            path,
            Some(&section.theme_scores),
            part,
        ));
        analyse_sections(cx, &mut section.children, path, part, indicators);
        path.pop();
    }
}

/// Indicators of one body, placed in the report's text, given their time scope (only the report
/// year's figures keep a canonical id: a baseline or a goal is not the catalogue's quantity) and
/// given themes: the canonical indicator's theme, else what the label says, else the section's
/// main theme.
fn found_indicators(
    cx: &Context<'_>,
    body: Span,
    path: &[usize],
    section_themes: Option<&ThemeScores>,
    part: Part,
) -> Vec<Indicator> {
    let text = cx.matched;
    let slice = &text[body.start..body.end];
    let shown = &cx.text[body.start..body.end];
    let mut found = indicators::find_indicators(slice);
    let mut previous_end = 0;
    // Where the baseline of a 由A降至B stands: B's own scope is read before it.
    let mut baseline: Option<(usize, usize)> = None;
    for ind in &mut found {
        let quantity = Span::new(body.start + ind.at.start, body.start + ind.at.end);
        if ind.scope == Scope::Current {
            let after_baseline = baseline.filter(|(_, end)| *end == quantity.start);
            let context_end = after_baseline.map_or(quantity.start, |(start, _)| start);
            // Read back at most MAX_LOOKBACK_CHARS (4 bytes each at most): see its doc.
            let floor = text.floor_char_boundary(
                context_end.saturating_sub(4 * crate::text::sentences::MAX_LOOKBACK_CHARS),
            );
            let sentence_start = text[floor..context_end]
                .rfind(is_full_stop)
                .map_or(floor, |i| {
                    floor + i + text[floor + i..].chars().next().map_or(1, char::len_utf8)
                });
            ind.scope = indicators::scope_of(
                &text[sentence_start..context_end],
                ind.kind,
                cx.year,
                part == Part::Plans,
            );
            // The 上年 of "由上年的96件降至71件" names A; B is where things stand now.
            if after_baseline.is_some() && ind.scope == Scope::Previous {
                ind.scope = if part == Part::Plans {
                    Scope::Target
                } else {
                    Scope::Current
                };
            }
            baseline = None;
        } else {
            baseline = Some((quantity.start, quantity.end));
        }
        // The contract's span is the fact as the text states it, label and quantity
        // ("调解矛盾纠纷930件") when the label stands right before the number.
        let label_at = ind.at.start.saturating_sub(ind.label.len());
        if !ind.label.is_empty()
            && label_at >= previous_end
            && slice.get(label_at..ind.at.start) == Some(ind.label.as_str())
        {
            ind.at.start = label_at;
        }
        ind.span = shown[ind.at.start..ind.at.end].to_string();
        previous_end = ind.at.end;
        ind.at = Span::new(ind.at.start + body.start, ind.at.end + body.start);
        ind.section = path.to_vec();
        let from_label = cx.taxonomy.score(None, &ind.label);
        // Canonical ids are "<theme>.<name>" (assets/indicators.toml).
        let canonical_theme = ind
            .canonical
            .as_deref()
            .and_then(|c| c.split('.').next())
            .filter(|t| cx.taxonomy.get(t).is_some())
            .map(ThemeId::new);
        ind.themes = match (canonical_theme, from_label.0.is_empty()) {
            (Some(theme), _) => ThemeScores(vec![(theme, 1.0)]),
            (None, false) => from_label,
            (None, true) => section_themes
                .and_then(|s| s.0.first().cloned())
                .map(|t| ThemeScores(vec![t]))
                .unwrap_or_default(),
        };
        if ind.scope != Scope::Current {
            ind.canonical = None;
        }
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
