//! The JSON contract of `fazhi parse --json` (DESIGN.md): a view of the model with exactly the
//! fields scripts and tests depend on, independent of what the model keeps for the views.

use serde::Serialize;

use crate::model::{
    Indicator, IndicatorKind, Locality, Measure, Part, Qualifier, Report, Scope, Section,
};

#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    pub source: &'a str,
    pub locality: Option<&'a Locality>,
    pub year: Option<i32>,
    pub title: Option<&'a str>,
    pub sections: Vec<SectionJson<'a>>,
    pub indicators: Vec<IndicatorJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SectionJson<'a> {
    pub heading: Option<&'a str>,
    pub depth: u8,
    pub part: Part,
    pub themes: Vec<&'static str>,
    pub measures: Vec<MeasureJson<'a>>,
    pub children: Vec<SectionJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct MeasureJson<'a> {
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub themes: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorJson<'a> {
    pub span: &'a str,
    pub value: f64,
    pub unit: &'a str,
    pub label: &'a str,
    pub kind: IndicatorKind,
    pub canonical: Option<&'a str>,
    pub qualifier: Option<Qualifier>,
    pub scope: Scope,
    pub section: &'a [usize],
    pub themes: Vec<&'a str>,
}

impl<'a> ReportJson<'a> {
    pub fn of(r: &'a Report) -> Self {
        ReportJson {
            source: &r.source,
            locality: r.locality.as_ref(),
            year: r.year,
            title: r.title.as_deref(),
            sections: r.sections.iter().map(|s| SectionJson::of(s, r)).collect(),
            indicators: r.indicators.iter().map(IndicatorJson::of).collect(),
        }
    }
}

impl<'a> SectionJson<'a> {
    fn of(s: &'a Section, r: &'a Report) -> Self {
        SectionJson {
            heading: s.heading.as_deref(),
            depth: s.depth,
            part: s.part,
            themes: s.themes.iter().map(|t| t.as_str()).collect(),
            measures: s.measures.iter().map(|m| MeasureJson::of(m, r)).collect(),
            children: s.children.iter().map(|c| SectionJson::of(c, r)).collect(),
        }
    }
}

impl<'a> MeasureJson<'a> {
    fn of(m: &'a Measure, r: &'a Report) -> Self {
        MeasureJson {
            title: m.title.as_deref(),
            text: r.slice(m.span),
            themes: m.themes.ids().collect(),
        }
    }
}

impl<'a> IndicatorJson<'a> {
    fn of(i: &'a Indicator) -> Self {
        IndicatorJson {
            span: &i.span,
            value: i.value,
            unit: &i.unit,
            label: &i.label,
            kind: i.kind,
            canonical: i.canonical.as_deref(),
            qualifier: i.qualifier,
            scope: i.scope,
            section: &i.section,
            themes: i.themes.ids().collect(),
        }
    }
}
