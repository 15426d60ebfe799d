//! Theme coverage: how much of each report speaks to each theme of the taxonomy (screen 4 and
//! `fazhi themes`).

use crate::analyse::themes::Taxonomy;
use crate::model::Report;

/// Per taxonomy theme: the share of the report's sectioned text whose section speaks to it.
/// Each section counts its own heading and body (children count for themselves), so a parent
/// tagged with a broad theme does not claim its children's text; the share is of bytes, which
/// for report prose is proportional to characters. The preamble has no themes and is left out.
/// Shares of different themes may add up to more than one (a section can speak to several).
pub fn coverage(report: &Report, taxonomy: &Taxonomy) -> Vec<f32> {
    let mut total = 0usize;
    let mut per = vec![0usize; taxonomy.themes.len()];
    for (_, s) in report.walk() {
        let own = s.heading_span.len() + s.body.len();
        total += own;
        for (i, t) in taxonomy.themes.iter().enumerate() {
            if s.has_theme(&t.id) {
                per[i] += own;
            }
        }
    }
    per.iter()
        .map(|&n| {
            if total == 0 {
                0.0
            } else {
                n as f32 / total as f32
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn shares_are_fractions_and_every_seed_speaks_to_some_theme() {
        let corpus = Corpus::embedded(Taxonomy::embedded().into());
        for r in &corpus.reports {
            let c = coverage(r, corpus.taxonomy());
            assert_eq!(c.len(), corpus.taxonomy().themes.len());
            assert!(c.iter().all(|s| (0.0..=1.0).contains(s)), "{c:?}");
            assert!(c.iter().any(|&s| s > 0.1), "{}: {c:?}", r.source);
        }
    }

    #[test]
    fn a_report_without_sections_covers_nothing() {
        let taxonomy = Taxonomy::embedded();
        let r = crate::corpus::load_bytes(
            "2024年，某县坚持以习近平法治思想为指导，深入推进依法行政，全面落实行政执法三项制度，调解矛盾纠纷930件，法治政府建设取得新成效。"
                .as_bytes(),
            "x.txt",
            &taxonomy,
        )
        .expect("a report of one paragraph loads");
        assert!(r.sections.is_empty(), "{:?}", r.sections);
        assert!(coverage(&r, &taxonomy).iter().all(|&s| s == 0.0));
    }
}
