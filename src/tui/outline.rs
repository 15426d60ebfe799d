//! The outline of one report as rows, under folding and the theme filter; and which required
//! parts the report has. Pure functions of the model.

use std::collections::HashSet;

use fazhi_core::model::{Report, Section, Span};

/// One visible row of the outline. An empty path is the preamble (or the whole text of a report
/// without sections).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineRow {
    pub path: Vec<usize>,
    pub has_children: bool,
    pub folded: bool,
    /// Speaks to a theme of the filter (always true without a filter).
    pub matched: bool,
}

impl OutlineRow {
    pub fn depth(&self) -> usize {
        self.path.len().saturating_sub(1)
    }
}

fn speaks_to(section: &Section, themes: &[String]) -> bool {
    themes.is_empty() || themes.iter().any(|t| section.has_theme(t))
}

fn subtree_speaks_to(section: &Section, themes: &[String]) -> bool {
    speaks_to(section, themes)
        || section
            .children
            .iter()
            .any(|c| subtree_speaks_to(c, themes))
}

/// Whether the section at `path`, or one of its ancestors, speaks to one of `themes`.
pub fn path_matches(report: &Report, path: &[usize], themes: &[String]) -> bool {
    (1..=path.len()).any(|n| {
        report
            .section(&path[..n])
            .is_some_and(|s| speaks_to(s, themes))
    })
}

/// Whether the preamble row exists: a report with no sections shows its whole text there.
fn has_lead_row(report: &Report) -> bool {
    report.sections.is_empty() || !report.preamble.is_empty()
}

/// The rows shown: folded sections hide their children; under a theme filter only sections
/// that speak to a theme, and their ancestors (for context), remain.
pub fn rows(
    report: &Report,
    collapsed: &HashSet<Vec<usize>>,
    themes: &[String],
) -> Vec<OutlineRow> {
    let mut out = Vec::new();
    if has_lead_row(report) && (themes.is_empty() || report.sections.is_empty()) {
        out.push(OutlineRow {
            path: Vec::new(),
            has_children: false,
            folded: false,
            matched: themes.is_empty(),
        });
    }
    fn go(
        sections: &[Section],
        prefix: &mut Vec<usize>,
        collapsed: &HashSet<Vec<usize>>,
        themes: &[String],
        out: &mut Vec<OutlineRow>,
    ) {
        for (i, s) in sections.iter().enumerate() {
            if !subtree_speaks_to(s, themes) {
                continue;
            }
            prefix.push(i);
            let folded = collapsed.contains(prefix.as_slice());
            out.push(OutlineRow {
                path: prefix.clone(),
                has_children: !s.children.is_empty(),
                folded,
                matched: speaks_to(s, themes),
            });
            if !folded {
                go(&s.children, prefix, collapsed, themes, out);
            }
            prefix.pop();
        }
    }
    go(
        &report.sections,
        &mut Vec::new(),
        collapsed,
        themes,
        &mut out,
    );
    out
}

/// The text shown for a row: the section's extent; for the lead row the preamble, or the whole
/// text when there are no sections.
pub fn text_span(report: &Report, path: &[usize]) -> Span {
    let whole = Span::new(0, report.text.len());
    if path.is_empty() {
        return if report.sections.is_empty() || report.preamble.is_empty() {
            whole
        } else {
            report.preamble
        };
    }
    match report.section(path) {
        Some(s)
            if !s.extent.is_empty() && report.text.get(s.extent.start..s.extent.end).is_some() =>
        {
            s.extent
        }
        _ => Span::default(),
    }
}
