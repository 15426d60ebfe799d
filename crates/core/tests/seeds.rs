//! The five seed reports: their spans point into their text. What a careful reader sees in each
//! and the golden snapshot of its full JSON are in the corpus (`tests/corpus/seeds/`).

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::Corpus;

fn seeds() -> Corpus {
    let corpus = Corpus::embedded(Taxonomy::embedded().into());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus
}

#[test]
fn every_section_span_points_into_the_text() {
    for r in &seeds().reports {
        for (_, s) in r.walk() {
            if let Some(h) = &s.heading {
                assert_eq!(r.slice(s.heading_span).trim(), h);
            }
            assert!(s.extent.contains(s.body) || s.body.is_empty());
            for m in &s.measures {
                assert!(s.body.contains(m.span) && !r.slice(m.span).trim().is_empty());
            }
        }
        for ind in &r.indicators {
            assert_eq!(r.slice(ind.at), ind.span, "{}", r.source);
            assert!(r.section(&ind.section).is_some() || ind.section.is_empty());
        }
    }
}
