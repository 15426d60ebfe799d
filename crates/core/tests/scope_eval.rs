//! The blind evaluation set of indicators (`tests/fixtures/scope/`): report excerpts written and
//! labelled by someone who had not read the parser, every figure with its time scope and, where it
//! is exactly the catalogue's quantity, its canonical id. This runner measures the parser against
//! them (run with `--nocapture` to see the figures) and fails when it falls below the floors.

use std::path::Path;

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::load_bytes;
use fazhi_core::export::format_value;
use fazhi_core::model::{Indicator, Report, Scope};
use serde::Deserialize;

#[derive(Deserialize)]
struct Labels {
    #[serde(default)]
    figure: Vec<Figure>,
    #[serde(default)]
    not_quantity: Vec<NotQuantity>,
}

#[derive(Deserialize)]
struct Figure {
    text: String,
    value: f64,
    scope: Scope,
    canonical: String,
}

#[derive(Deserialize)]
struct NotQuantity {
    text: String,
}

#[derive(Default, Debug)]
struct Tally {
    figures: usize,
    found: usize,
    scope_right: usize,
    /// Per scope: (labelled, found with that scope, right).
    by_scope: [(usize, usize, usize); 4],
    id_true: usize,
    id_false: usize,
    id_missed: usize,
    ids_on_other_years: usize,
    other_years: usize,
    false_quantities: usize,
    misses: Vec<String>,
}

fn scope_index(s: Scope) -> usize {
    match s {
        Scope::Current => 0,
        Scope::Previous => 1,
        Scope::Cumulative => 2,
        Scope::Target => 3,
    }
}

/// The parser's indicator for a labelled figure: inside the figure's text, with its value (a
/// decrease is labelled by its size, the parser gives it a sign).
fn matching(report: &Report, at: std::ops::Range<usize>, value: f64) -> Option<&Indicator> {
    report.indicators.iter().find(|i| {
        i.at.start < at.end
            && at.start < i.at.end
            && (i.value.abs() - value.abs()).abs() <= 1e-6 * value.abs().max(1.0)
    })
}

fn evaluate(dir: &Path) -> Tally {
    let taxonomy = Taxonomy::embedded();
    let mut t = Tally::default();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "the evaluation set is there");
    for path in names {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).expect("readable");
        let report = load_bytes(&bytes, &name, &taxonomy).expect("an excerpt loads");
        let labels: Labels = toml::from_str(
            &std::fs::read_to_string(path.with_extension("toml")).expect("labels beside the text"),
        )
        .expect("labels parse");
        for f in &labels.figure {
            t.figures += 1;
            let Some(start) = report.text.find(&f.text) else {
                t.misses
                    .push(format!("{name}: “{}” not in the cleaned text", f.text));
                continue;
            };
            let Some(ind) = matching(&report, start..start + f.text.len(), f.value) else {
                t.misses
                    .push(format!("{name}: {} ({}) not found", f.text, f.value));
                continue;
            };
            t.found += 1;
            let gold = scope_index(f.scope);
            t.by_scope[gold].0 += 1;
            t.by_scope[scope_index(ind.scope)].1 += 1;
            if ind.scope == f.scope {
                t.scope_right += 1;
                t.by_scope[gold].2 += 1;
            } else {
                t.misses.push(format!(
                    "{name}: {} scope {:?}, labelled {:?}",
                    f.text, ind.scope, f.scope
                ));
            }
            if f.scope != Scope::Current {
                t.other_years += 1;
                t.ids_on_other_years += usize::from(ind.canonical.is_some());
                continue;
            }
            let gold_id = (f.canonical != "none").then_some(f.canonical.as_str());
            match (ind.canonical.as_deref(), gold_id) {
                (Some(got), Some(want)) if got == want => t.id_true += 1,
                (None, None) => {}
                (got, want) => {
                    if got.is_some() {
                        t.id_false += 1;
                    }
                    if want.is_some() {
                        t.id_missed += 1;
                    }
                    t.misses.push(format!(
                        "{name}: {} id {:?}, labelled {:?}",
                        f.text, got, want
                    ));
                }
            }
        }
        for n in &labels.not_quantity {
            let mut from = 0;
            while let Some(i) = report.text[from..].find(&n.text) {
                let at = from + i..from + i + n.text.len();
                // A label may quote a name with digits ("“12345热线”工单8.9万件"): only a
                // quantity whose number is the name's is a false one.
                let taken = report.indicators.iter().any(|ind| {
                    ind.at.start < at.end
                        && at.start < ind.at.end
                        && n.text.contains(&format_value(ind.value.abs()))
                });
                if taken {
                    t.false_quantities += 1;
                    t.misses
                        .push(format!("{name}: “{}” taken as a quantity", n.text));
                }
                from = at.end;
            }
        }
    }
    t
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Floors a change must not fall below: (figures found, scopes right, id precision, id recall,
/// ids on other years' figures at most). The measured figures are in BENCHMARKS.md.
struct Floors(f64, f64, f64, f64, usize);

fn report(name: &str, t: &Tally) -> (f64, f64) {
    let precision = ratio(t.id_true, t.id_true + t.id_false);
    let recall = ratio(t.id_true, t.id_true + t.id_missed);
    println!(
        "{name}: {} figures, {} found ({:.3})",
        t.figures,
        t.found,
        ratio(t.found, t.figures)
    );
    println!(
        "  scope right: {} of {} ({:.3})",
        t.scope_right,
        t.found,
        ratio(t.scope_right, t.found)
    );
    for (scope, (labelled, said, right)) in ["current", "previous", "cumulative", "target"]
        .iter()
        .zip(&t.by_scope)
    {
        println!(
            "    {scope}: labelled {labelled}, said {said}, right {right} (precision {:.2}, recall {:.2})",
            ratio(*right, *said),
            ratio(*right, *labelled)
        );
    }
    println!(
        "  canonical ids of current figures: precision {precision:.3} ({} of {}), recall {recall:.3} ({} of {})",
        t.id_true,
        t.id_true + t.id_false,
        t.id_true,
        t.id_true + t.id_missed
    );
    println!(
        "  ids on figures of other years: {} of {}",
        t.ids_on_other_years, t.other_years
    );
    println!(
        "  not-quantities taken as quantities: {}",
        t.false_quantities
    );
    for m in &t.misses {
        println!("  - {m}");
    }
    (precision, recall)
}

fn check(folder: &str, floors: Floors) {
    let t = evaluate(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(folder),
    );
    let (precision, recall) = report(folder, &t);
    let Floors(found, scope, min_precision, min_recall, other_years) = floors;
    assert!(ratio(t.found, t.figures) >= found, "figures found");
    assert!(ratio(t.scope_right, t.found) >= scope, "time scopes");
    assert!(precision >= min_precision, "canonical precision");
    assert!(recall >= min_recall, "canonical recall");
    assert!(
        t.ids_on_other_years <= other_years,
        "ids on figures of other years"
    );
    assert_eq!(t.false_quantities, 0, "not-quantities");
}

/// The first set: its first run was blind; the parser has since been tuned on it.
#[test]
fn blind_indicator_set() {
    check("scope", Floors(0.97, 0.95, 0.9, 0.9, 2));
}

/// The held-out set, written after the tuning and never tuned on.
#[test]
fn held_out_indicator_set() {
    check("scope-heldout", Floors(0.97, 0.95, 0.9, 0.85, 2));
}
