//! The headless face of the library: what each CLI subcommand prints, as pure functions of the
//! corpus so they are tested without a process.

use std::fmt::Write as _;

use serde::Serialize;

use crate::analyse::compare::{Comparison, Pair, PairSide, Reading};
use crate::analyse::coverage::coverage;
use crate::analyse::matrix::{Change, Matrix, MatrixCell, MatrixRow};
use crate::analyse::review::{PartState, Parts, ReviewRow};
use crate::analyse::themes::Taxonomy;
use crate::analyse::years::{LocalityKey, Years};
use crate::check::{Completeness, Found};
use crate::contract::ReportJson;
use crate::model::{
    Indicator, Locality, Part, Qualifier, Report, Scope, Section, ThemeId, format_qualified,
    format_signed,
};
use crate::notes::Notes;
use crate::sanitize;

/// Pretty JSON as every command prints it. serde_json writes C1 controls (U+0080–U+009F) and the
/// bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) raw, and a terminal or viewer
/// showing the output would obey them; here they become `\uXXXX` escapes, which mean the same
/// to a JSON reader. They can only stand inside strings, so no structure is touched.
pub fn json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let raw = serde_json::to_string_pretty(value)?;
    if !raw.chars().any(needs_escape) {
        return Ok(raw);
    }
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn needs_escape(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `fazhi parse --json`: one object per report (the DESIGN.md contract).
pub fn parse_json(reports: &[&Report]) -> String {
    let view: Vec<ReportJson<'_>> = reports.iter().map(|r| ReportJson::of(r)).collect();
    json(&view).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One report of `fazhi parse --json` as an element of its array: pretty JSON indented by two
/// spaces, so reports printed one at a time make the same text as [`parse_json`].
pub fn parse_json_element(report: &Report) -> String {
    let json =
        self::json(&ReportJson::of(report)).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
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
                sanitize::for_terminal(&ThemeId::join(&s.themes, ","))
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
    pub scope: crate::model::Scope,
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
                scope: ind.scope,
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

/// The header of `fazhi indicators --csv` when there is no row (serde writes it from the field
/// names otherwise).
const INDICATOR_COLUMNS: [&str; 15] = [
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
    "scope",
    "canonical",
    "span",
];

/// CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends.
pub fn indicators_csv(rows: &[IndicatorRow<'_>]) -> Result<String, csv::Error> {
    // Serialised first with serde, so the columns and the spelling of kinds and scopes stay those
    // of the JSON, then read back as plain records for `excel_csv` to make safe.
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.serialize(row)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    let mut records = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    for record in reader.records() {
        records.push(record?.iter().map(str::to_string).collect());
    }
    if records.is_empty() {
        records.push(INDICATOR_COLUMNS.map(str::to_string).to_vec());
    }
    excel_csv(&records)
}

/// Plain text table of indicators, for a terminal.
pub fn indicators_text(rows: &[IndicatorRow<'_>]) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}{}{}\t{}",
            sanitize::for_terminal(r.locality.unwrap_or("?")),
            r.year.map_or("?".into(), |y| y.to_string()),
            r.section_path,
            sanitize::for_terminal(r.label),
            r.qualifier.map_or("", Qualifier::sign),
            format_value(r.value),
            sanitize::for_terminal(r.unit),
            scope_mark(r.scope, r.canonical)
        );
    }
    out
}

/// The last column of `fazhi indicators`: the canonical id of a report year's figure, or what
/// time another figure speaks of ("[累计]").
fn scope_mark(scope: Scope, canonical: Option<&str>) -> String {
    match scope {
        Scope::Current => canonical.unwrap_or("").to_string(),
        other => format!("[{}]", other.mark_zh()),
    }
}

/// A value without a needless ".0".
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// How a report is named in a table's header or first column: "泾源县 2024".
fn report_name(r: &Report) -> String {
    let year = r.year.map_or_else(|| "?".to_string(), |y| y.to_string());
    format!("{} {year}", r.display_name())
}

/// CSV text that Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends. Every CSV
/// fazhi writes goes through here, so every cell is made safe once: see [`csv_cell`].
pub fn excel_csv(records: &[Vec<String>]) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for record in records {
        writer.write_record(record.iter().map(|cell| csv_cell(cell)))?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// A cell as a spreadsheet may safely read it. Control characters and escape sequences go (a
/// CSV is often printed to a terminal; tab and CR become spaces), and text a spreadsheet would
/// run as a formula (starting, after spaces, with `=`, `+`, `-`, `@`, or their full-width forms,
/// which CJK spreadsheets also accept) is prefixed with `'`, which shows it as text. Numbers such
/// as `-3.5` stay numbers.
pub fn csv_cell(cell: &str) -> String {
    let clean = sanitize::strip_controls(cell, true);
    let head = clean.trim_start_matches(' ');
    if head.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']) && !is_number(head) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// A plain decimal number, signed or not, maybe with thousands separators or a percent sign.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let digits = unsigned.strip_suffix('%').unwrap_or(unsigned);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// The reviewer's desk as a table (`fazhi review --csv`, and screen 5's export): a header, then
/// one record per row. Shares are fractions (0–1), dates ISO. With `notes`, each row ends with
/// the reviewer's status and note.
pub fn review_records(rows: &[&ReviewRow], notes: Option<&Notes>) -> Vec<Vec<String>> {
    let mut header: Vec<String> = ["source", "locality", "level", "province", "year"]
        .into_iter()
        .map(str::to_string)
        .collect();
    header.extend(["published", "late"].map(str::to_string));
    header.extend(Parts::NAMES.map(str::to_string));
    header.extend(
        [
            "indicators",
            "density",
            "share",
            "top_source",
            "top_share",
            "previous",
            "previous_share",
            "passages",
            "foreign_places",
        ]
        .map(str::to_string),
    );
    if notes.is_some() {
        header.extend(["status", "note"].map(str::to_string));
    }
    let mut records = vec![header];
    for r in rows {
        let l = r.locality.as_ref();
        let mut record = vec![
            r.source.clone(),
            l.map_or_else(String::new, |l| l.name.clone()),
            l.map_or_else(String::new, |l| l.level.as_str().to_string()),
            l.and_then(|l| l.province())
                .map_or_else(String::new, str::to_string),
            r.year.map_or_else(String::new, |y| y.to_string()),
            r.published.clone().unwrap_or_default(),
            r.late.map_or_else(String::new, |l| l.to_string()),
        ];
        record.extend(r.parts.named().iter().map(|p| state_name(p.2).to_string()));
        let c = &r.copying;
        record.extend([
            r.indicators.to_string(),
            format!("{:.1}", r.density),
            format!("{:.3}", c.share),
            c.top_source.clone().unwrap_or_default(),
            format!("{:.3}", c.top_share),
            c.previous.clone().unwrap_or_default(),
            c.previous_share
                .map_or_else(String::new, |s| format!("{s:.3}")),
            c.passages.len().to_string(),
            r.foreign_places.join("、"),
        ]);
        if let Some(notes) = notes {
            let note = notes.get(&r.hash);
            record.extend([note.status.label_zh().to_string(), note.note]);
        }
        records.push(record);
    }
    records
}

fn state_name(state: PartState) -> &'static str {
    match state {
        PartState::Found => "found",
        PartState::Mentioned => "mentioned",
        PartState::Missing => "missing",
    }
}

/// `fazhi review --csv`.
pub fn review_csv(rows: &[&ReviewRow], notes: Option<&Notes>) -> Result<String, csv::Error> {
    excel_csv(&review_records(rows, notes))
}

/// The first columns of the reviewer's tables (`review`, `check` of many reports).
const DESK_HEAD: &str = "地区 年份\t发布\t逾期\t成效\t不足\t原因\t职责\t安排";

/// A report's cells under [`DESK_HEAD`]: who and when, published when and whether late, and
/// each required part.
fn desk_cells(
    source: &str,
    locality: Option<&Locality>,
    year: Option<i32>,
    check: (Option<&str>, Option<bool>),
    parts: &Parts,
) -> String {
    let name = match (locality, year) {
        (Some(l), Some(y)) => format!("{} {y}", l.name),
        (Some(l), None) => format!("{} ?", l.name),
        (None, _) => source.to_string(),
    };
    let late = match check.1 {
        Some(true) => "逾期",
        Some(false) => "按时",
        None => "?",
    };
    let mut out = format!(
        "{}\t{}\t{late}",
        sanitize::for_terminal(&name),
        check.0.unwrap_or("?")
    );
    for p in parts.named() {
        let _ = write!(out, "\t{}", p.2.label_zh());
    }
    out
}

/// `fazhi review`: one line per report, tab-separated, in Chinese; with `notes`, the reviewer's
/// status and note last.
pub fn review_text(rows: &[&ReviewRow], notes: Option<&Notes>) -> String {
    let mut out = format!("{DESK_HEAD}\t指标\t密度\t复制比\t最大来源\t上年复用\t外地名");
    out.push_str(if notes.is_some() {
        "\t状态\t备注\n"
    } else {
        "\n"
    });
    for r in rows {
        out.push_str(&desk_cells(
            &r.source,
            r.locality.as_ref(),
            r.year,
            (r.published.as_deref(), r.late),
            &r.parts,
        ));
        let c = &r.copying;
        let top = match &c.top_source {
            Some(s) => format!(
                "{} {:.0}%",
                sanitize::for_terminal(short_source(s)),
                c.top_share * 100.0
            ),
            None => "-".into(),
        };
        let previous = c
            .previous_share
            .map_or_else(|| "-".to_string(), |s| format!("{:.0}%", s * 100.0));
        let _ = write!(
            out,
            "\t{}\t{:.1}\t{:.0}%\t{top}\t{previous}\t{}",
            r.indicators,
            r.density,
            c.share * 100.0,
            if r.foreign_places.is_empty() {
                "-".to_string()
            } else {
                sanitize::for_terminal(&r.foreign_places.join("、"))
            }
        );
        if let Some(notes) = notes {
            let note = notes.get(&r.hash);
            let _ = write!(
                out,
                "\t{}\t{}",
                note.status.label_zh(),
                sanitize::for_terminal(&note.note)
            );
        }
        out.push('\n');
    }
    out
}

/// A source path's file name, which is what a table has room for.
pub fn short_source(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

/// One report's theme coverage (`fazhi themes --json`).
#[derive(Debug, Serialize)]
pub struct CoverageRow<'a> {
    pub source: &'a str,
    pub locality: Option<&'a str>,
    pub year: Option<i32>,
    /// Theme id → share of the sectioned text that speaks to it (0–1).
    pub coverage: std::collections::BTreeMap<&'a str, f32>,
}

/// Theme coverage of every report (screen 4's heat map as data).
pub fn coverage_rows<'a>(reports: &[&'a Report], taxonomy: &'a Taxonomy) -> Vec<CoverageRow<'a>> {
    reports
        .iter()
        .map(|r| CoverageRow {
            source: &r.source,
            locality: r.locality.as_ref().map(|l| l.name.as_str()),
            year: r.year,
            coverage: taxonomy
                .themes
                .iter()
                .map(|t| t.id.as_str())
                .zip(coverage(r, taxonomy))
                .collect(),
        })
        .collect()
}

/// `fazhi themes --csv`: a row per report, a column per theme (in taxonomy order), shares 0–1.
pub fn coverage_csv(reports: &[&Report], taxonomy: &Taxonomy) -> Result<String, csv::Error> {
    let themes: Vec<usize> = (0..taxonomy.themes.len()).collect();
    excel_csv(&coverage_records(reports, taxonomy, &themes))
}

/// Theme coverage as a table, header first: a row per report, a column per theme of `themes`
/// (indexes into the taxonomy), shares 0–1. Screen 4 exports what it shows with this.
pub fn coverage_records(
    reports: &[&Report],
    taxonomy: &Taxonomy,
    themes: &[usize],
) -> Vec<Vec<String>> {
    let mut records = vec![
        ["source", "locality", "year"]
            .into_iter()
            .map(str::to_string)
            .chain(
                themes
                    .iter()
                    .filter_map(|&t| taxonomy.themes.get(t))
                    .map(|t| t.id.clone()),
            )
            .collect::<Vec<_>>(),
    ];
    for r in reports {
        let mut record = vec![
            r.source.clone(),
            r.locality
                .as_ref()
                .map_or_else(String::new, |l| l.name.clone()),
            r.year.map_or_else(String::new, |y| y.to_string()),
        ];
        let shares = coverage(r, taxonomy);
        record.extend(
            themes
                .iter()
                .map(|&t| format!("{:.3}", shares.get(t).copied().unwrap_or(0.0))),
        );
        records.push(record);
    }
    records
}

/// A comparison as a table, header first: one row per pair of the reading (band, kind,
/// similarity, each side's heading and text). Screen 2 exports what it shows with this.
pub fn comparison_records(c: &Comparison, reading: Reading) -> Vec<Vec<String>> {
    let header = [
        "band",
        "kind",
        "similarity",
        "a_heading",
        "a_text",
        "b_heading",
        "b_text",
    ];
    let mut records = vec![header.map(str::to_string).to_vec()];
    let rows: Vec<(&str, &Pair)> = match reading {
        Reading::Aligned => c.pairs.iter().map(|p| ("", p)).collect(),
        Reading::Bands => c
            .bands
            .iter()
            .flat_map(|b| b.rows.iter().map(move |p| (b.name.as_str(), p)))
            .collect(),
    };
    for (band, pair) in rows {
        let side = |s: &Option<PairSide>| {
            s.as_ref().map_or([String::new(), String::new()], |s| {
                [s.heading.clone().unwrap_or_default(), s.text.clone()]
            })
        };
        let [ah, at] = side(&pair.a);
        let [bh, bt] = side(&pair.b);
        records.push(vec![
            band.to_string(),
            format!("{:?}", pair.kind).to_lowercase(),
            format!("{:.2}", pair.similarity),
            ah,
            at,
            bh,
            bt,
        ]);
    }
    records
}

/// `fazhi themes`: the heat map as text, percentages of each report's sectioned text.
pub fn coverage_text(reports: &[&Report], taxonomy: &Taxonomy) -> String {
    let mut out = String::from("地区 年份");
    for t in &taxonomy.themes {
        let _ = write!(out, "\t{}", sanitize::for_terminal(&t.short));
    }
    out.push('\n');
    for r in reports {
        out.push_str(&sanitize::for_terminal(&report_name(r)));
        for share in coverage(r, taxonomy) {
            let _ = write!(out, "\t{:.0}%", share * 100.0);
        }
        out.push('\n');
    }
    out
}

/// The reports a matrix's columns stand for.
#[derive(Debug, Serialize)]
pub struct MatrixColumn<'a> {
    pub source: &'a str,
    pub locality: Option<&'a str>,
    pub year: Option<i32>,
}

/// A canonical indicator's row: its value in each report (null where it has none).
#[derive(Debug, Serialize)]
pub struct MatrixLine<'a> {
    #[serde(flatten)]
    pub indicator: &'a MatrixRow,
    pub values: Vec<Option<&'a MatrixCell>>,
}

/// `fazhi indicators --matrix --json`: the columns (reports) and the rows.
#[derive(Debug, Serialize)]
pub struct MatrixJson<'a> {
    pub reports: Vec<MatrixColumn<'a>>,
    pub rows: Vec<MatrixLine<'a>>,
}

/// `fazhi indicators --matrix --json`: canonical indicators × reports (screen 3 as data).
pub fn matrix_json(reports: &[&Report], matrix: &Matrix) -> String {
    let view = MatrixJson {
        reports: reports
            .iter()
            .map(|r| MatrixColumn {
                source: &r.source,
                locality: r.locality.as_ref().map(|l| l.name.as_str()),
                year: r.year,
            })
            .collect(),
        rows: matrix
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| MatrixLine {
                indicator: row,
                values: (0..reports.len()).map(|r| matrix.cell(i, r)).collect(),
            })
            .collect(),
    };
    json(&view).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// A cell as a spreadsheet wants it: the bare number in the row's unit, else number and unit.
fn matrix_cell_text(row: &MatrixRow, cell: Option<&MatrixCell>) -> String {
    match cell {
        None => String::new(),
        Some(c) if c.unit == row.unit => format_value(c.value),
        Some(c) => format!("{}{}", format_value(c.value), c.unit),
    }
}

/// `fazhi indicators --matrix --csv`: a row per canonical indicator, a column per report.
pub fn matrix_csv(reports: &[&Report], matrix: &Matrix) -> Result<String, csv::Error> {
    let columns: Vec<usize> = (0..reports.len()).collect();
    let rows: Vec<usize> = (0..matrix.rows.len()).collect();
    excel_csv(&matrix_records(reports, &columns, &rows, matrix))
}

/// The matrix as a table, header first: `rows` (indexes into `matrix.rows`) in that order, one
/// column per report of `columns` (indexes into the reports the matrix was built over, whose
/// reports are `reports`). Screen 3 exports what it shows with this.
pub fn matrix_records(
    reports: &[&Report],
    columns: &[usize],
    rows: &[usize],
    matrix: &Matrix,
) -> Vec<Vec<String>> {
    let mut records = vec![
        ["id", "name", "unit", "theme"]
            .into_iter()
            .map(str::to_string)
            .chain(
                columns
                    .iter()
                    .filter_map(|&c| reports.get(c))
                    .map(|r| report_name(r)),
            )
            .collect::<Vec<_>>(),
    ];
    for &i in rows {
        let Some(row) = matrix.rows.get(i) else {
            continue;
        };
        let mut record = vec![
            row.id.clone(),
            row.name.clone(),
            row.unit.clone(),
            row.theme.clone(),
        ];
        record.extend(
            columns
                .iter()
                .map(|&r| matrix_cell_text(row, matrix.cell(i, r))),
        );
        records.push(record);
    }
    records
}

/// `fazhi indicators --matrix`: the matrix as tab-separated text.
pub fn matrix_text(reports: &[&Report], matrix: &Matrix) -> String {
    let mut out = String::from("指标");
    for r in reports {
        let _ = write!(out, "\t{}", sanitize::for_terminal(&report_name(r)));
    }
    out.push('\n');
    for (i, row) in matrix.rows.iter().enumerate() {
        out.push_str(&row.label());
        for r in 0..reports.len() {
            let cell = matrix.cell(i, r);
            let more = if cell.is_some_and(|c| c.more) {
                "+"
            } else {
                ""
            };
            let shown = cell.map_or_else(String::new, |c| {
                format_qualified(c.value, &c.unit, c.qualifier)
            });
            let _ = write!(out, "\t{}{more}", sanitize::for_terminal(&shown));
        }
        out.push('\n');
    }
    out
}

/// Whether a report lacks a required part altogether (the causes of its shortcomings
/// included, which the regulation asks for with them): what `check --require-parts` fails on.
pub fn lacks_a_part(check: &Completeness) -> bool {
    Parts::of(check).missing().next().is_some()
}

/// `fazhi check`: for more than one report, a summary table first (a line per report); then
/// each report's parts with their evidence. `checks` are the reports' checks, in their order.
pub fn check_text(reports: &[&Report], checks: &[Completeness]) -> String {
    let mut out = String::new();
    if reports.len() > 1 {
        let _ = writeln!(
            out,
            "必备部分一览（{} 份报告；有：成段，提及：仅一句，缺：未见）\n{DESK_HEAD}\t文件",
            reports.len()
        );
        for (r, c) in reports.iter().zip(checks) {
            let cells = desk_cells(
                &r.source,
                r.locality.as_ref(),
                r.year,
                (c.published.as_deref(), c.late),
                &Parts::of(c),
            );
            let file = sanitize::for_terminal(short_source(&r.source));
            let _ = writeln!(out, "{cells}\t{file}");
        }
        let lacking = checks.iter().filter(|c| lacks_a_part(c)).count();
        let _ = writeln!(out, "缺少必备部分的报告：{lacking} 份\n");
    }
    let details: Vec<String> = reports
        .iter()
        .zip(checks)
        .map(|(r, c)| check_details(r, c))
        .collect();
    out.push_str(&details.join("\n"));
    out
}

/// One report's parts, each found (with its evidence) or missing, and its publish date.
fn check_details(report: &Report, c: &Completeness) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {} · {}",
        sanitize::for_terminal(&report.source),
        sanitize::for_terminal(&report.display_name()),
        report.year.map_or("未知年份".into(), |y| format!("{y}年"))
    );
    let line = |out: &mut String, found: Option<Found>, name: &str, evidence: Option<&str>| {
        let _ = write!(out, "  [{}] {name}", PartState::of(found).label_zh());
        if let Some(e) = evidence {
            let _ = write!(out, "：{}", sanitize::for_terminal(e));
        }
    };
    for p in &c.parts {
        line(&mut out, p.found, p.part.label_zh(), p.evidence.as_deref());
        if let Some(n) = &p.note {
            let _ = write!(out, "（{n}）");
        }
        out.push('\n');
        if p.part == Part::Problems {
            line(&mut out, c.causes, "原因", c.causes_evidence.as_deref());
            out.push('\n');
        }
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

/// One report of `fazhi check --json`.
#[derive(Debug, Serialize)]
pub struct CheckJson<'a> {
    pub source: &'a str,
    pub locality: Option<&'a str>,
    pub year: Option<i32>,
    /// Each required part found, mentioned or missing, as in `review`.
    pub parts: Parts,
    pub check: &'a Completeness,
}

/// `fazhi check --json`: one object per report.
pub fn check_json<'a>(reports: &[&'a Report], checks: &'a [Completeness]) -> Vec<CheckJson<'a>> {
    reports
        .iter()
        .zip(checks)
        .map(|(r, c)| CheckJson {
            source: &r.source,
            locality: r.locality.as_ref().map(|l| l.name.as_str()),
            year: r.year,
            parts: Parts::of(c),
            check: c,
        })
        .collect()
}

/// A report of the corpus named as `NAME` or `NAME@YEAR` (the locality as written, or its
/// official name), or by its source path. Ambiguity is an error listing the candidates.
pub fn find_report<'a>(reports: &'a [Report], query: &str) -> Result<&'a Report, String> {
    match named(reports, query).as_slice() {
        [one] => Ok(one),
        [] => Err(not_found(query)),
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

/// The locality a query names as [`find_report`] takes it, whichever of its years it names.
/// Two places of one name (many a 桥头镇) are an error listing them.
pub fn find_locality(reports: &[Report], query: &str) -> Result<LocalityKey, String> {
    let mut places: Vec<(LocalityKey, &Report)> = Vec::new();
    let mut unplaced = false;
    for r in named(reports, query) {
        match LocalityKey::of(r) {
            Some(key) if !places.iter().any(|p| p.0 == key) => places.push((key, r)),
            Some(_) => {}
            None => unplaced = true,
        }
    }
    match places.len() {
        1 => Ok(places.swap_remove(0).0),
        0 if unplaced => Err(format!(
            "'{query}': the report's locality is not recognised"
        )),
        0 => Err(not_found(query)),
        n => Err(format!(
            "'{query}' names {n} places: {} (give a path to one of their reports)",
            places
                .iter()
                .map(|(_, r)| {
                    let path = r.locality.as_ref().map(|l| l.path.join(">"));
                    format!("{} ({})", r.display_name(), path.unwrap_or_default())
                })
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The reports `NAME`, `NAME@YEAR` or a source path stands for.
fn named<'a>(reports: &'a [Report], query: &str) -> Vec<&'a Report> {
    let (name, year) = match query.rsplit_once('@') {
        Some((n, y)) => match y.parse::<i32>() {
            Ok(y) => (n, Some(y)),
            Err(_) => (query, None),
        },
        None => (query, None),
    };
    reports
        .iter()
        .filter(|r| {
            let by_name = r
                .locality
                .as_ref()
                .is_some_and(|l| l.name == name || l.path.last().is_some_and(|p| p == name));
            (by_name || r.source == name) && year.is_none_or(|y| r.year == Some(y))
        })
        .collect()
}

fn not_found(query: &str) -> String {
    format!("no loaded report is '{query}' (give a file path or a locality name)")
}

/// A change as the years table shows it: "+30件 +3.3%", "持平"; "—" where there is none.
pub fn change_text(change: Option<&Change>, unit: &str) -> String {
    match change {
        None => "—".to_string(),
        Some(c) if c.absolute == 0.0 => "持平".to_string(),
        Some(c) => {
            let percent = c
                .percent
                .map_or_else(String::new, |p| format!(" {:+.1}%", p));
            format!("{}{percent}", format_signed(c.absolute, unit))
        }
    }
}

/// `fazhi years NAME`: the locality's years, its indicators year by year with the change from
/// the year before and a sparkline, then the text each year reused from the one before.
pub fn years_text(years: &Years) -> String {
    let mut out = String::new();
    let place = years.locality.as_ref().map_or_else(String::new, |l| {
        format!("{}（{}）", l.name, l.path.join(" > "))
    });
    let listed: Vec<String> = years.reports.iter().map(|r| r.year.to_string()).collect();
    let _ = writeln!(
        out,
        "{} · {} 份报告：{}",
        sanitize::for_terminal(&place),
        years.reports.len(),
        listed.join("、")
    );
    out.push_str("指标");
    for (i, r) in years.reports.iter().enumerate() {
        let _ = write!(out, "\t{}", r.year);
        if i > 0 {
            out.push_str("\t较上年");
        }
    }
    out.push_str("\t走势\n");
    for row in &years.indicators {
        out.push_str(&sanitize::for_terminal(&row.indicator.label()));
        for (i, (value, change)) in row.values.iter().zip(&row.changes).enumerate() {
            let shown = value.as_ref().map_or_else(
                || "—".to_string(),
                |c| format_qualified(c.value, &c.unit, c.qualifier),
            );
            let _ = write!(out, "\t{}", sanitize::for_terminal(&shown));
            if i > 0 {
                let unit = value.as_ref().map_or("", |c| c.unit.as_str());
                let _ = write!(
                    out,
                    "\t{}",
                    sanitize::for_terminal(&change_text(change.as_ref(), unit))
                );
            }
        }
        let _ = writeln!(out, "\t{}", row.sparkline);
    }
    if !years.reuse.is_empty() {
        out.push_str("\n沿用上年文字\t占比\t段落\n");
    }
    for r in &years.reuse {
        let _ = writeln!(
            out,
            "{}←{}\t{:.0}%\t{}",
            r.year,
            r.previous_year,
            r.share * 100.0,
            r.passages
        );
    }
    out
}

/// `fazhi years NAME --csv`: a row per canonical indicator and year (value, unit, change), then
/// a row per year after the first with the share of its text reused from the year before.
pub fn years_csv(years: &Years) -> Result<String, csv::Error> {
    let mut records = vec![
        [
            "kind",
            "id",
            "name",
            "year",
            "source",
            "value",
            "unit",
            "qualifier",
            "change",
            "change_percent",
            "share",
            "passages",
        ]
        .map(str::to_string)
        .to_vec(),
    ];
    for row in &years.indicators {
        for ((value, change), report) in row.values.iter().zip(&row.changes).zip(&years.reports) {
            let Some(v) = value else { continue };
            records.push(vec![
                "indicator".to_string(),
                row.indicator.id.clone(),
                row.indicator.name.clone(),
                report.year.to_string(),
                report.source.clone(),
                format_value(v.value),
                v.unit.clone(),
                v.qualifier.map_or("", Qualifier::sign).to_string(),
                change
                    .as_ref()
                    .map_or_else(String::new, |c| format_value(c.absolute)),
                change
                    .as_ref()
                    .and_then(|c| c.percent)
                    .map_or_else(String::new, |p| format!("{p:.2}")),
                String::new(),
                String::new(),
            ]);
        }
    }
    for r in &years.reuse {
        let mut record = vec![String::new(); 12];
        record[0] = "reuse".to_string();
        record[3] = r.year.to_string();
        record[4] = r.source.clone();
        record[10] = format!("{:.3}", r.share);
        record[11] = r.passages.to_string();
        records.push(record);
    }
    excel_csv(&records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_shown_as_text_and_numbers_stay_numbers() {
        let cases = [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "' =1"),
            ("\r-x", "' -x"),
            ("＝1+1", "'＝1+1"),
            ("\u{1b}[2J=1", "'=1"),
            ("-3.5", "-3.5"),
            ("+12%", "+12%"),
            ("1,234", "1,234"),
            ("-", "'-"),
            ("行政复议", "行政复议"),
            ("a=b", "a=b"),
        ];
        for (cell, want) in cases {
            assert_eq!(csv_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn a_locality_is_found_by_any_of_its_years_and_a_shared_name_is_an_error() {
        let corpus = crate::corpus::Corpus::embedded(Taxonomy::embedded().into());
        let mut reports = corpus.reports.clone();
        let seed = reports
            .iter()
            .find(|r| r.display_name() == "泾源县")
            .expect("the seed of 泾源县")
            .clone();
        let mut next = seed.clone();
        next.year = next.year.map(|y| y + 1);
        next.source = "next.txt".into();
        reports.push(next);
        let key = find_locality(&reports, "泾源县").expect("one place");
        assert_eq!(find_locality(&reports, "泾源县@2024"), Ok(key.clone()));
        assert_eq!(find_locality(&reports, "next.txt"), Ok(key));
        let mut namesake = seed.clone();
        namesake.source = "namesake.txt".into();
        if let Some(l) = namesake.locality.as_mut() {
            l.code = Some("000000".into());
        }
        reports.push(namesake);
        let err = find_locality(&reports, "泾源县").expect_err("two places");
        assert!(err.contains("names 2 places"), "{err}");
        let mut unplaced = seed;
        unplaced.source = "unplaced.txt".into();
        unplaced.locality = None;
        reports.push(unplaced);
        let err = find_locality(&reports, "unplaced.txt").expect_err("no place");
        assert!(err.contains("not recognised"), "{err}");
    }
}
