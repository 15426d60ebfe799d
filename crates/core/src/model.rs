//! The report model: what parsing recovers from one report, and what every view and the CLI's
//! JSON are built from. It serialises whole (the cache stores it); the CLI's JSON contract is a
//! view of it in `contract.rs`.

use serde::{Deserialize, Serialize};

/// Administrative level of the reporting body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    Prefecture,
    County,
    Township,
    Department,
    Unknown,
}

impl Level {
    /// The Chinese label a reviewer uses (省级, 地级, 县级, 乡级, 部门).
    pub fn label_zh(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::Prefecture => "地级",
            Level::County => "县级",
            Level::Township => "乡级",
            Level::Department => "部门",
            Level::Unknown => "未知",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
            Level::Township => "township",
            Level::Department => "department",
            Level::Unknown => "unknown",
        }
    }
}

/// The place that wrote the report, resolved against the national division codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locality {
    /// The name as the report writes it ("泾源县", or "县司法局" for a department).
    pub name: String,
    /// Province → … → the place, official names.
    pub path: Vec<String>,
    /// Statistical division code of the place (department: of the place it belongs to).
    pub code: Option<String>,
    pub level: Level,
    /// For a department report, the department's name ("司法局"); the place is its locality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

impl Locality {
    /// The province, first element of the path.
    pub fn province(&self) -> Option<&str> {
        self.path.first().map(String::as_str)
    }
}

/// Which of the required parts of an annual report a top section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Achievements,
    Duty,
    Problems,
    Plans,
    Other,
}

impl Part {
    pub const REQUIRED: [Part; 4] = [Part::Achievements, Part::Problems, Part::Duty, Part::Plans];

    pub fn label_zh(self) -> &'static str {
        match self {
            Part::Achievements => "成效",
            Part::Duty => "职责",
            Part::Problems => "不足",
            Part::Plans => "安排",
            Part::Other => "其他",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Part::Achievements => "achievements",
            Part::Duty => "duty",
            Part::Problems => "problems",
            Part::Plans => "plans",
            Part::Other => "other",
        }
    }
}

mod theme_id;
pub use theme_id::ThemeId;

/// Theme scores of a passage, highest first; only themes with evidence are listed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ThemeScores(pub Vec<(ThemeId, f32)>);

impl ThemeScores {
    /// Themes whose score passes the threshold for "this passage speaks to it".
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(id, _)| id.as_str())
    }

    pub fn main(&self) -> Option<&'static str> {
        self.0.first().map(|(id, _)| id.as_str())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.iter().any(|(t, _)| t == id)
    }
}

/// A byte range into `Report::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One concrete action: an "一是…" item, a numbered item, or a sentence of an unenumerated section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// The short title the measure leads with ("加强组织领导"), if it has one.
    pub title: Option<String>,
    /// The measure's text in `Report::text`, enumerator ("一是") excluded ([`Report::slice`]
    /// gives it): a copy of every measure's text was a sixth of a loaded corpus's memory.
    #[serde(default)]
    pub span: Span,
    #[serde(default)]
    pub themes: ThemeScores,
}

/// A node of the outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading as written, numbering included; `None` for an unheaded block that the text
    /// still sets apart as a part (a "存在的问题…" paragraph after the last numbered section).
    pub heading: Option<String>,
    /// 1 for top sections.
    pub depth: u8,
    pub part: Part,
    pub themes: Vec<ThemeId>,
    pub measures: Vec<Measure>,
    pub children: Vec<Section>,
    /// The heading's range in `Report::text` (empty for an unheaded block).
    #[serde(default)]
    pub heading_span: Span,
    /// The section's own body (heading excluded, children excluded) in `Report::text`.
    #[serde(default)]
    pub body: Span,
    /// From the heading to the end of the last descendant.
    #[serde(default)]
    pub extent: Span,
    #[serde(default)]
    pub theme_scores: ThemeScores,
}

impl Section {
    /// Whether the section speaks to theme `id`.
    pub fn has_theme(&self, id: &str) -> bool {
        self.themes.iter().any(|t| t.as_str() == id)
    }

    /// The heading for display: as written, or a placeholder naming the part.
    pub fn display_heading(&self) -> String {
        match &self.heading {
            Some(h) => h.clone(),
            None => format!("（{}）", self.part.label_zh()),
        }
    }
}

/// What a number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    Count,
    Percent,
    Money,
    Ratio,
    /// A change: 同比增长, 下降, 个百分点, 由A降至B.
    Change,
}

/// How a number is hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 约, 左右.
    Approximate,
    /// 余, 多, 超, 逾, 以上, 达.
    AtLeast,
    /// 近, 不到, 不足.
    AtMost,
    /// 共, 累计, 全年, 合计.
    Total,
}

/// Which time a figure speaks of. Only the report year's own figures compare across localities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The report year's own figure (a change against last year included).
    #[default]
    Current,
    /// A baseline: 同期, 上年, the A of 由A降至B.
    Previous,
    /// A total over several years: 2016年以来, 五年来, 十三五期间.
    Cumulative,
    /// A goal: 力争, 目标, 计划, a plans part's figures.
    Target,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Current => "current",
            Scope::Previous => "previous",
            Scope::Cumulative => "cumulative",
            Scope::Target => "target",
        }
    }

    /// The mark tables show beside a figure that is not the report year's.
    pub fn mark_zh(self) -> &'static str {
        match self {
            Scope::Current => "",
            Scope::Previous => "上年",
            Scope::Cumulative => "累计",
            Scope::Target => "目标",
        }
    }
}

impl Qualifier {
    /// How the qualifier reads beside a value: "约", "≥", "≤", "共".
    pub fn sign(self) -> &'static str {
        match self {
            Qualifier::Approximate => "约",
            Qualifier::AtLeast => "≥",
            Qualifier::AtMost => "≤",
            Qualifier::Total => "",
        }
    }
}

/// One quantitative fact of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// The exact text the quantity came from.
    pub span: String,
    /// Fully scaled ("1500万元" → 15000000).
    pub value: f64,
    pub unit: String,
    pub label: String,
    pub kind: IndicatorKind,
    /// Canonical indicator id from `assets/indicators.toml`.
    pub canonical: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// Which time the figure speaks of; only `current` figures are compared across reports.
    #[serde(default)]
    pub scope: Scope,
    /// Path of 0-based child indexes to the section it stands in; empty for the preamble.
    pub section: Vec<usize>,
    /// Where `span` stands in `Report::text`.
    #[serde(default)]
    pub at: Span,
    #[serde(default)]
    pub themes: ThemeScores,
}

/// Facts taken from the page around the report (a saved web page's metadata and chrome).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMeta {
    /// `<title>` or the page's headline, if any.
    pub title: Option<String>,
    /// Publish date (year, month, day) from a metadata block (发布日期, 日期, 生成日期 …).
    pub published: Option<(i32, u32, u32)>,
    /// 发布机构 / 来源 / 主办单位 and the like, as written.
    pub publisher: Option<String>,
    /// Every line removed as site chrome, in order, so nothing is lost.
    pub chrome: Vec<String>,
}

/// One parsed report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub source: String,
    pub locality: Option<Locality>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
    /// The clean text everything above points into.
    #[serde(default)]
    pub text: String,
    /// Text before the first heading.
    #[serde(default)]
    pub preamble: Span,
    #[serde(default)]
    pub meta: PageMeta,
    /// blake3 of the clean text: the identity used to de-duplicate and cache.
    #[serde(default)]
    pub hash: String,
}

impl Report {
    /// The slice of the report's text a span points at (empty if the span is stale).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The section at a path of 0-based indexes.
    pub fn section(&self, path: &[usize]) -> Option<&Section> {
        let (first, rest) = path.split_first()?;
        let mut node = self.sections.get(*first)?;
        for i in rest {
            node = node.children.get(*i)?;
        }
        Some(node)
    }

    /// Every section with its path, depth first in reading order.
    pub fn walk(&self) -> Vec<(Vec<usize>, &Section)> {
        fn go<'a>(
            sections: &'a [Section],
            prefix: &mut Vec<usize>,
            out: &mut Vec<(Vec<usize>, &'a Section)>,
        ) {
            for (i, s) in sections.iter().enumerate() {
                prefix.push(i);
                out.push((prefix.clone(), s));
                go(&s.children, prefix, out);
                prefix.pop();
            }
        }
        let mut out = Vec::new();
        go(&self.sections, &mut Vec::new(), &mut out);
        out
    }

    /// A short name for lists: the locality as written, else the file name.
    pub fn display_name(&self) -> String {
        match &self.locality {
            Some(l) => l.name.clone(),
            None => std::path::Path::new(&self.source)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| self.source.clone()),
        }
    }

    pub fn level(&self) -> Level {
        self.locality.as_ref().map_or(Level::Unknown, |l| l.level)
    }

    /// Give back what the report's lists and strings reserved beyond their length while they
    /// were built or read: a corpus holds every report for the whole session.
    pub fn shrink_to_fit(&mut self) {
        fn sections(list: &mut Vec<Section>) {
            list.shrink_to_fit();
            for s in list {
                s.themes.shrink_to_fit();
                s.theme_scores.0.shrink_to_fit();
                s.measures.shrink_to_fit();
                for m in &mut s.measures {
                    m.themes.0.shrink_to_fit();
                }
                sections(&mut s.children);
            }
        }
        self.text.shrink_to_fit();
        sections(&mut self.sections);
        self.indicators.shrink_to_fit();
        for i in &mut self.indicators {
            i.label.shrink_to_fit();
            i.section.shrink_to_fit();
            i.themes.0.shrink_to_fit();
        }
        self.meta.chrome.shrink_to_fit();
    }
}

/// A value as a reader should see it: its qualifier's sign, then [`format_number`] ("≥498条",
/// "约2200场次").
pub fn format_qualified(v: f64, unit: &str, qualifier: Option<Qualifier>) -> String {
    let sign = qualifier.map_or("", Qualifier::sign);
    format!("{sign}{}", format_number(v, unit))
}

/// A difference as [`format_number`] writes it, with its sign ("+30件", "-1.5万元").
pub fn format_signed(v: f64, unit: &str) -> String {
    let sign = if v > 0.0 { "+" } else { "" };
    format!("{sign}{}", format_number(v, unit))
}

/// A value scaled back to 万/亿 when large, with its unit.
pub fn format_number(v: f64, unit: &str) -> String {
    let (v, scale) = if v.abs() >= 1e8 {
        (v / 1e8, "亿")
    } else if v.abs() >= 1e5 {
        (v / 1e4, "万")
    } else {
        (v, "")
    };
    let number = if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    format!("{number}{scale}{unit}")
}
