//! The headless face of the library: what each CLI subcommand prints, as pure functions of the
//! corpus so they are tested without a process.

use std::fmt::Write as _;

use serde::Serialize;

use crate::check::{self, Found};
use crate::contract::ReportJson;
use crate::model::{Indicator, Report, Section};
use crate::sanitize;

/// `fazhi parse --json`: one object per report (the DESIGN.md contract).
pub fn parse_json(reports: &[&Report]) -> String {
    let view: Vec<ReportJson<'_>> = reports.iter().map(|r| ReportJson::of(r)).collect();
    serde_json::to_string_pretty(&view).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// `fazhi outline`: the section tree as indented text, with each section's part and themes.
pub fn outline_text(report: &Report) -> String {
    let mut out = String::new();
    let place = report
        .locality
        .as_ref()
        .map_or("（未识别地区）".to_string(), |l| {
            format!("{} [{}] {}", l.name, l.level.label_zh(), l.path.join(" > "))
        });
    let year = report
        .year
        .map_or("未知年份".to_string(), |y| format!("{y}年"));
    let source = sanitize::for_terminal(&report.source);
    let _ = writeln!(out, "{source} · {place} · {year}");
    if let Some(t) = &report.title {
        let _ = writeln!(out, "《{t}》");
    }
    fn go(sections: &[Section], out: &mut String) {
        for s in sections {
            let _ = writeln!(
                out,
                "{}{} [{}]{}{}",
                "  ".repeat(s.depth as usize),
                s.display_heading(),
                s.part.label_zh(),
                if s.themes.is_empty() { "" } else { " " },
                s.themes.join(",")
            );
            go(&s.children, out);
        }
    }
    go(&report.sections, &mut out);
    out
}

/// One indicator row with the report and section it belongs to.
#[derive(Debug, Serialize)]
pub struct IndicatorRow<'a> {
    pub source: &'a str,
    pub locality: Option<&'a str>,
    pub code: Option<&'a str>,
    pub level: &'static str,
    pub year: Option<i32>,
    pub section: String,
    pub section_path: String,
    pub label: &'a str,
    pub value: f64,
    pub unit: &'a str,
    pub kind: crate::model::IndicatorKind,
    pub qualifier: Option<crate::model::Qualifier>,
    pub canonical: Option<&'a str>,
    pub span: &'a str,
}

/// Every indicator of the reports, optionally only those of one theme.
pub fn indicator_rows<'a>(reports: &[&'a Report], theme: Option<&str>) -> Vec<IndicatorRow<'a>> {
    let mut rows = Vec::new();
    for r in reports {
        for ind in &r.indicators {
            if theme.is_some_and(|t| !indicator_has_theme(ind, t)) {
                continue;
            }
            rows.push(IndicatorRow {
                source: &r.source,
                locality: r.locality.as_ref().map(|l| l.name.as_str()),
                code: r.locality.as_ref().and_then(|l| l.code.as_deref()),
                level: r.level().as_str(),
                year: r.year,
                section: r
                    .section(&ind.section)
                    .map_or(String::new(), Section::display_heading),
                section_path: ind
                    .section
                    .iter()
                    .map(|i| (i + 1).to_string())
                    .collect::<Vec<_>>()
                    .join("."),
                label: &ind.label,
                value: ind.value,
                unit: &ind.unit,
                kind: ind.kind,
                qualifier: ind.qualifier,
                canonical: ind.canonical.as_deref(),
                span: &ind.span,
            });
        }
    }
    rows
}

fn indicator_has_theme(ind: &Indicator, theme: &str) -> bool {
    ind.themes.contains(theme)
}

/// CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends.
pub fn indicators_csv(rows: &[IndicatorRow<'_>]) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        writer.serialize(row)?;
    }
    if rows.is_empty() {
        writer.write_record([
            "source",
            "locality",
            "code",
            "level",
            "year",
            "section",
            "section_path",
            "label",
            "value",
            "unit",
            "kind",
            "qualifier",
            "canonical",
            "span",
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// Plain text table of indicators, for a terminal.
pub fn indicators_text(rows: &[IndicatorRow<'_>]) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}{}\t{}",
            r.locality.unwrap_or("?"),
            r.year.map_or("?".into(), |y| y.to_string()),
            r.section_path,
            r.label,
            format_value(r.value),
            r.unit,
            r.canonical.unwrap_or("")
        );
    }
    out
}

/// A value without a needless ".0".
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// `fazhi check`: each required part found (with its evidence) or missing.
pub fn check_text(report: &Report) -> String {
    let c = check::check(report);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {} · {}",
        sanitize::for_terminal(&report.source),
        sanitize::for_terminal(&report.display_name()),
        report.year.map_or("未知年份".into(), |y| format!("{y}年"))
    );
    for p in &c.parts {
        let status = match p.found {
            Some(Found::Section) => "有",
            Some(Found::Sentence) => "提及",
            None => "缺",
        };
        let _ = write!(out, "  [{status}] {}", p.part.label_zh());
        if let Some(e) = &p.evidence {
            let _ = write!(out, "：{e}");
        }
        if let Some(n) = &p.note {
            let _ = write!(out, "（{n}）");
        }
        out.push('\n');
    }
    if let Some(date) = &c.published {
        let late = if c.late == Some(true) {
            "，晚于4月1日"
        } else {
            ""
        };
        let _ = writeln!(out, "  发布日期：{date}{late}");
    }
    out
}

/// A report of the corpus named as `NAME` or `NAME@YEAR` (the locality as written, or its
/// official name), or by its source path. Ambiguity is an error listing the candidates.
pub fn find_report<'a>(reports: &'a [Report], query: &str) -> Result<&'a Report, String> {
    let (name, year) = match query.rsplit_once('@') {
        Some((n, y)) => match y.parse::<i32>() {
            Ok(y) => (n, Some(y)),
            Err(_) => (query, None),
        },
        None => (query, None),
    };
    let matches: Vec<&Report> = reports
        .iter()
        .filter(|r| {
            let by_name = r
                .locality
                .as_ref()
                .is_some_and(|l| l.name == name || l.path.last().is_some_and(|p| p == name));
            (by_name || r.source == name) && year.is_none_or(|y| r.year == Some(y))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "no loaded report is '{query}' (give a file path or a locality name)"
        )),
        many => Err(format!(
            "'{query}' names {} reports: {} (add @YEAR or give a path)",
            many.len(),
            many.iter()
                .map(|r| format!(
                    "{}@{}",
                    r.display_name(),
                    r.year.map_or("?".into(), |y| y.to_string())
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}
