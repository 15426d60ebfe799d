//! Quantitative facts in prose, and their canonical indicator ids (`assets/indicators.toml`).
//!
//! Decisions a reader of the output should know:
//! - `span` is the quantity alone (qualifier, number, unit; change words and 由 included for
//!   changes), never its label, so quantities sharing a label ("1420户1500万元") do not overlap.
//! - Changes carry a signed value: "下降51.03%" → -51.03, kind `change`, unit "%"; the label is
//!   what changed ("信访总量"), taken from the quantity before it when the clause has no subject.
//!   "N个百分点" is a change in unit "个百分点"; "增长N倍" a change in unit "倍".
//! - "由A降至B" gives two quantities sharing one label: A (spanning 由A, scope `previous`, no
//!   canonical id) and the new level B (its own kind, spanning 降至B).
//! - A bare 万/亿 amount ("挽回经济损失107万") is money (unit "元") when its label holds a money
//!   word (损失, 资金, 金额 …), otherwise a count with unit "".
//! - A number with no unit, percent sign or multiplier is not reported (bare numbers are codes,
//!   years, addresses). Ranks ("第7", "第一批") and durations in years ("3年") are not reported.
//! - A single Chinese digit ("三场硬仗", "一批", "两轮") counts only with a qualifier ("共三场"),
//!   since such numerals are mostly set phrases in these reports.

mod catalogue;
mod label;
mod lexicon;
mod scan;
mod scope;

pub use catalogue::{CanonicalIndicator, Catalogue};
pub use scope::scope_of;

use crate::model::{Indicator, IndicatorKind, Qualifier, Scope, Span};
use crate::parse::numbers::Folded;
use label::Prev;
use scan::Scan;

/// Every quantity in `text` (a section body); `at` is relative to `text`, `section` left empty.
pub fn find_indicators(text: &str) -> Vec<Indicator> {
    let f = Folded::new(text);
    let lex = lexicon::lexicon();
    let catalogue = Catalogue::embedded();
    let mut out = Vec::new();
    let mut prev: Option<Prev> = None;
    let mut last_change: Option<(usize, f64, String)> = None;
    let mut i = 0;
    while i < f.len() {
        if !scan::may_start(&f, i) {
            i += 1;
            continue;
        }
        let floor = prev.as_ref().map_or(0, |p| p.end);
        let mut q = match scan::quantity_at(&f, lex, i, floor) {
            Scan::Skip(next) => {
                i = next.max(i + 1);
                continue;
            }
            Scan::Found(q) => q,
        };
        // "同比分别下降21.4%和18.2%": a rate joined to a change by 和/、/及 shares its direction.
        if let Some((end, sign, unit)) = &last_change
            && q.kind != IndicatorKind::Change
            && &q.unit == unit
            && matches!(
                f.string(*end, q.start).trim(),
                "和" | "、" | "及" | "与" | "以及"
            )
        {
            q.kind = IndicatorKind::Change;
            q.value = q.value.abs() * sign;
        }
        // 由A降至B: the label stands before A and names both figures.
        let baseline = q.baseline.take();
        let span_start = q.start;
        if let Some(b) = &baseline {
            q.start = b.start;
        }
        let (label, total) = label::label(&f, lex, &q, prev.as_ref());
        q.start = span_start;
        if total && q.qualifier.is_none() {
            q.qualifier = Some(Qualifier::Total);
        }
        if q.bare_amount && is_money(&f, lex, &label, q.start) {
            q.unit = "元".to_string();
            q.kind = IndicatorKind::Money;
        }
        let clause = label::clause_around(&f, floor, q.start, q.end);
        let canonical = catalogue
            .classify(&label, &clause, &q.unit, q.kind)
            .map(|c| c.id.clone());
        last_change =
            (q.kind == IndicatorKind::Change).then(|| (q.end, q.value.signum(), q.unit.clone()));
        if let Some(b) = baseline {
            let at = Span::new(f.offsets[b.start], f.offsets[b.end]);
            out.push(Indicator {
                span: text[at.start..at.end].to_string(),
                value: b.value,
                unit: b.unit,
                label: label.clone(),
                kind: b.kind,
                canonical: None,
                qualifier: b.qualifier,
                scope: Scope::Previous,
                section: Vec::new(),
                at,
                themes: Default::default(),
            });
        }
        let at = Span::new(f.offsets[q.start], f.offsets[q.end]);
        out.push(Indicator {
            span: text[at.start..at.end].to_string(),
            value: q.value,
            unit: q.unit,
            label: label.clone(),
            kind: q.kind,
            canonical,
            qualifier: q.qualifier,
            scope: Scope::Current,
            section: Vec::new(),
            at,
            themes: Default::default(),
        });
        i = q.end.max(i + 1);

        prev = Some(Prev { end: q.end, label });
    }
    out
}

/// Whether a bare 万/亿 amount is money: a money word in its label or its clause.
fn is_money(f: &Folded, lex: &lexicon::Lexicon, label: &str, start: usize) -> bool {
    let label: Vec<char> = label.chars().collect();
    let clause_from = start.saturating_sub(12);
    lex.money_words.occurs_in(&label) || lex.money_words.occurs_in(&f.chars[clause_from..start])
}

#[cfg(test)]
mod tests;
