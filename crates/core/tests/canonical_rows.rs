//! A canonical row compares like with like: across the seeds and every fixture report, each
//! figure given a canonical id is of the report's year and in a unit of that indicator's class,
//! of a kind it accepts.

use std::path::PathBuf;

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::Corpus;
use fazhi_core::model::Scope;
use fazhi_core::parse::indicators::Catalogue;

#[test]
fn no_canonical_row_mixes_unit_classes_kinds_or_years() {
    let taxonomy = std::sync::Arc::new(Taxonomy::embedded());
    let tests = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut corpus = Corpus::load(
        &[tests.join("fixtures"), tests.join("corpus")],
        taxonomy.clone(),
        None,
    );
    corpus.reports.extend(Corpus::embedded(taxonomy).reports);
    assert!(corpus.reports.len() > 50, "seeds and fixtures loaded");
    let catalogue = Catalogue::embedded();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for r in &corpus.reports {
        for i in &r.indicators {
            let Some(id) = &i.canonical else { continue };
            checked += 1;
            let Some(entry) = catalogue.get(id) else {
                wrong.push(format!("{}: {} has unknown id {id}", r.source, i.span));
                continue;
            };
            if !catalogue.class_units(&entry.class).contains(&i.unit) {
                wrong.push(format!(
                    "{}: {} in {} under {id} ({})",
                    r.source, i.span, i.unit, entry.class
                ));
            }
            if !entry.kinds.is_empty() && !entry.kinds.contains(&i.kind) {
                wrong.push(format!(
                    "{}: {} is {:?} under {id}",
                    r.source, i.span, i.kind
                ));
            }
            if i.scope != Scope::Current {
                wrong.push(format!(
                    "{}: {} is {:?} under {id}",
                    r.source, i.span, i.scope
                ));
            }
        }
    }
    assert!(checked > 300, "{checked} figures with ids");
    assert!(wrong.is_empty(), "{wrong:#?}");
}
