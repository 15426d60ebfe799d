//! The passages two reports are compared by: each section's measures, or, where a section has
//! none (or the parser found no outline), its sentences.

use crate::analyse::themes::Taxonomy;
use crate::model::{Report, Span, ThemeScores};

/// Characters that end a sentence.
const STOPS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n', '\r'];
/// Closing marks that stay with the sentence they follow (。” or ！）).
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '"', '\''];

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

/// Sentences of `text` as byte ranges: split after 。！？； and at line breaks, closing quotes
/// kept with their sentence, surrounding whitespace trimmed, sentences without a letter or digit
/// dropped.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !STOPS.contains(&c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if !CLOSERS.contains(&next) {
                break;
            }
            end = next_at + next.len_utf8();
            chars.next();
        }
        push_trimmed(text, start, end, &mut out);
        start = end;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_split_on_stops_and_line_breaks() {
        assert_eq!(
            split(
                "  一是严格落实“三项制度”。二是开展评查；三是“谁执法谁普法！”\n四、下一步安排\n\n"
            ),
            vec![
                "一是严格落实“三项制度”。",
                "二是开展评查；",
                "三是“谁执法谁普法！”",
                "四、下一步安排"
            ]
        );
        assert_eq!(split("合格率达99.3%"), vec!["合格率达99.3%"]);
        assert!(split("。。\n——\n").is_empty());
        assert!(split("").is_empty());
    }
}
