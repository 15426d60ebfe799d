//! A hand-built corpus for the dashboard tests: realistic report text with sections, spans,
//! themes and indicators, independent of the parser.

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::{Corpus, section_at};
use fazhi_core::model::{
    Indicator, IndicatorKind, Level, Locality, PageMeta, Part, Report, Scope, Section, Span,
};

pub struct S {
    pub heading: &'static str,
    pub part: Part,
    pub themes: &'static [&'static str],
    pub body: &'static str,
    pub children: Vec<S>,
}

pub fn s(
    heading: &'static str,
    part: Part,
    themes: &'static [&'static str],
    body: &'static str,
) -> S {
    S {
        heading,
        part,
        themes,
        body,
        children: Vec::new(),
    }
}

impl S {
    pub fn with(mut self, children: Vec<S>) -> S {
        self.children = children;
        self
    }
}

fn build(text: &mut String, spec: &S, depth: u8) -> Section {
    let start = text.len();
    text.push_str(spec.heading);
    let heading_span = Span::new(start, text.len());
    text.push('\n');
    let body_start = text.len();
    text.push_str(spec.body);
    let body = Span::new(body_start, text.len());
    text.push('\n');
    let children = spec
        .children
        .iter()
        .map(|c| build(text, c, depth + 1))
        .collect();
    Section {
        heading: Some(spec.heading.to_string()),
        depth,
        part: spec.part,
        themes: spec
            .themes
            .iter()
            .map(|t| fazhi_core::model::ThemeId::new(t))
            .collect(),
        measures: Vec::new(),
        children,
        heading_span,
        body,
        extent: Span::new(start, text.len()),
        theme_scores: Default::default(),
    }
}

/// (exact text, label, scaled value, unit, canonical id)
pub type Ind = (
    &'static str,
    &'static str,
    f64,
    &'static str,
    Option<&'static str>,
);

#[allow(clippy::too_many_arguments)]
pub fn report(
    name: &str,
    code: &str,
    province: &str,
    level: Level,
    year: i32,
    preamble: &str,
    sections: Vec<S>,
    indicators: &[Ind],
) -> Report {
    let mut text = String::from(preamble);
    text.push('\n');
    let preamble_span = Span::new(0, preamble.len());
    let sections = sections
        .iter()
        .map(|spec| build(&mut text, spec, 1))
        .collect();
    let mut r = Report {
        source: format!("fixtures/{name}.txt"),
        locality: Some(Locality {
            name: name.to_string(),
            path: vec![province.to_string(), name.to_string()],
            code: Some(code.to_string()),
            level,
            department: None,
        }),
        year: Some(year),
        title: Some(format!("{name}{year}年法治政府建设年度报告")),
        sections,
        indicators: Vec::new(),
        hash: blake3_like(&text),
        text,
        preamble: preamble_span,
        meta: PageMeta::default(),
    };
    for &(span, label, value, unit, canonical) in indicators {
        let start = r
            .text
            .find(span)
            .unwrap_or_else(|| panic!("{span} not in text"));
        let at = Span::new(start, start + span.len());
        r.indicators.push(Indicator {
            span: span.to_string(),
            value,
            unit: unit.to_string(),
            label: label.to_string(),
            kind: IndicatorKind::Count,
            canonical: canonical.map(str::to_string),
            qualifier: None,
            scope: Scope::Current,
            section: section_at(&r, start),
            at,
            themes: Default::default(),
        });
    }
    r
}

fn blake3_like(text: &str) -> String {
    format!("{:x}", text.len() * 31 + text.chars().count())
}

pub fn corpus() -> Corpus {
    Corpus::from_reports(reports(), Taxonomy::embedded().into())
}

/// The corpus with two more reports written to be compared: neighbouring counties whose
/// measures overlap, with sentences reordered, words edited, a section moved, and measures only
/// one of them has.
pub fn compare_corpus() -> Corpus {
    let mut all = reports();
    all.extend(compared_pair());
    with_prefecture(&mut all);
    Corpus::from_reports(all, Taxonomy::embedded().into())
}

/// The compare corpus and 彭阳县's next year: the 2023 text edited, one measure added, one
/// dropped, as a locality writes its next report.
pub fn years_corpus() -> Corpus {
    let mut all = reports();
    all.extend(compared_pair());
    all.push(report(
        "彭阳县",
        "640425",
        "宁夏回族自治区",
        Level::County,
        2024,
        "2024年，彭阳县坚持以习近平法治思想为指导，全面推进法治政府建设。",
        vec![
            s("一、主要举措和成效", Part::Achievements, &["leadership"], "全县坚持把法治政府建设摆在全局工作的重要位置。").with(vec![
                s("（一）加强党的领导", Part::Achievements, &["leadership"], "县委常委会专题研究法治政府建设工作7次。县政府常务会议学法14次。党政主要负责人切实履行推进法治建设第一责任人职责。"),
                s("（二）严格规范公正文明执法", Part::Achievements, &["enforcement"], "严格落实行政执法三项制度，评查行政执法案卷210卷。全面推行包容审慎监管，对轻微违法行为依法不予处罚。"),
                s("（三）依法化解矛盾纠纷", Part::Achievements, &["disputes"], "人民调解矛盾纠纷910件，调解成功率98.0%。办理行政复议案件35件，纠错率明显下降。"),
            ]),
            s("二、存在的不足", Part::Problems, &[], "基层法治力量仍然薄弱。"),
            s("三、下一步安排", Part::Plans, &["publicity"], "深入推进八五普法，培育农村学法用法示范户700户。"),
        ],
        &[],
    ));
    with_prefecture(&mut all);
    Corpus::from_reports(all, Taxonomy::embedded().into())
}

/// The two counties lie in 固原市: their paths say so, as the division codes do, so that
/// naming their own county is not taken for naming another's.
fn with_prefecture(reports: &mut [Report]) {
    for r in reports {
        if let Some(l) = r
            .locality
            .as_mut()
            .filter(|l| l.code.as_deref().is_some_and(|c| c.starts_with("6404")))
        {
            l.path.insert(1, "固原市".to_string());
        }
    }
}

fn reports() -> Vec<Report> {
    vec![
        report(
            "泾源县",
            "640424",
            "宁夏回族自治区",
            Level::County,
            2023,
            "2023年，泾源县坚持以习近平法治思想为指导，全面推进法治政府建设，现将有关情况报告如下。",
            vec![
                s("一、2023年推进法治政府建设的主要举措和成效", Part::Achievements, &["leadership"], "全县上下坚持把法治政府建设摆在全局工作的重要位置。").with(vec![
                    s("（一）加强党的领导，完善推进机制", Part::Achievements, &["leadership"], "县委常委会专题研究法治政府建设工作4次，县政府常务会议学法12次，党政主要负责人切实履行推进法治建设第一责任人职责。"),
                    s("（二）严格规范公正文明执法", Part::Achievements, &["enforcement"], "严格落实行政执法“三项制度”，编制公示行政执法事项清单3645项，开展行政执法案卷评查，评查案卷216卷。"),
                    s("（三）依法有效化解社会矛盾纠纷", Part::Achievements, &["disputes"], "坚持和发展新时代“枫桥经验”，人民调解矛盾纠纷930件，调解成功率98.6%，办理行政复议案件76件。"),
                ]),
                s("二、党政主要负责人履行推进法治建设第一责任人职责情况", Part::Duty, &["leadership"], "县委书记、县长带头学法，主持召开专题会议，研究解决法治建设重大问题。"),
                s("三、存在的不足和原因", Part::Problems, &[], "一是行政执法人员素质有待提高；二是基层法治力量仍然薄弱，法律明白人作用发挥不够充分。"),
                s("四、2024年推进法治政府建设的主要安排", Part::Plans, &["publicity", "digital"], "深入推进“八五”普法，培育法律明白人895人，推进“互联网+监管”，提升数字政府建设水平。"),
            ],
            &[
                ("4次", "专题研究法治政府建设", 4.0, "次", None),
                ("12次", "常务会议学法", 12.0, "次", Some("leadership.study_sessions")),
                ("3645项", "行政执法事项清单", 3645.0, "项", Some("enforcement.matters_listed")),
                ("216卷", "评查案卷", 216.0, "卷", Some("enforcement.cases_reviewed")),
                ("930件", "人民调解矛盾纠纷", 930.0, "件", Some("disputes.mediated")),
                ("98.6%", "调解成功率", 98.6, "%", Some("disputes.mediation_success_rate")),
                ("76件", "行政复议案件", 76.0, "件", Some("disputes.reconsideration_cases")),
                ("895人", "法律明白人", 895.0, "人", None),
            ],
        ),
        report(
            "莲塘镇",
            "360121100",
            "江西省",
            Level::Township,
            2023,
            "今年以来，莲塘镇紧紧围绕县委、县政府法治部署，深入推进依法行政。",
            vec![
                s("（一）全面坚持党委领导不动摇，进一步夯实法治基础", Part::Achievements, &["leadership", "publicity"], "全年党委共组织专题学法22次，参学人员达247人次，切实做到同部署、同推进。"),
                s("（二）坚持全面从严治党不松劲，进一步严格依法决策", Part::Achievements, &["decisions", "oversight"], "严格执行重大行政决策程序，合法性审查率100%，\u{1b}[2J开展家访监督。"),
            ],
            &[
                ("22次", "专题学法", 22.0, "次", Some("leadership.study_sessions")),
                ("247人次", "参学人员", 247.0, "人次", None),
                ("100%", "合法性审查率", 100.0, "%", None),
            ],
        ),
        report(
            "南昌市",
            "360100",
            "江西省",
            Level::Prefecture,
            2022,
            "2022年，南昌市深入学习贯彻习近平法治思想。",
            vec![
                s("一、主要成效", Part::Achievements, &["rules", "enforcement"], "制定修订地方性法规草案5件，清理规范性文件1200件，投入法治建设经费1500万元。"),
                s("二、下一步工作安排", Part::Plans, &["emergencies"], "健全突发事件应对体系，完善应急预案。"),
            ],
            &[
                ("5件", "地方性法规草案", 5.0, "件", None),
                ("1200件", "清理规范性文件", 1200.0, "件", Some("rules.docs_cleaned_up")),
                ("1500万元", "法治建设经费", 15_000_000.0, "元", None),
            ],
        ),
    ]
}

fn compared_pair() -> [Report; 2] {
    [
        report(
            "彭阳县",
            "640425",
            "宁夏回族自治区",
            Level::County,
            2023,
            "2023年，彭阳县坚持以习近平法治思想为指导，全面推进法治政府建设。",
            vec![
                s("一、主要举措和成效", Part::Achievements, &["leadership"], "全县坚持把法治政府建设摆在全局工作的重要位置。").with(vec![
                    s("（一）加强党的领导", Part::Achievements, &["leadership"], "县委常委会专题研究法治政府建设工作6次。县政府常务会议学法12次。党政主要负责人切实履行推进法治建设第一责任人职责。"),
                    s("（二）严格规范公正文明执法", Part::Achievements, &["enforcement"], "严格落实行政执法三项制度，评查行政执法案卷180卷。开展行政执法人员业务培训3期。全面推行包容审慎监管，对轻微违法行为依法不予处罚。"),
                    s("（三）依法化解矛盾纠纷", Part::Achievements, &["disputes"], "人民调解矛盾纠纷820件，调解成功率97.5%。办理行政复议案件40件，纠错率明显下降。"),
                ]),
                s("二、存在的不足", Part::Problems, &[], "基层法治力量仍然薄弱。行政执法人员素质有待提高。"),
                s("三、下一步安排", Part::Plans, &["publicity"], "深入推进八五普法，培育农村学法用法示范户600户。"),
            ],
            &[
                ("12次", "常务会议学法", 12.0, "次", Some("leadership.study_sessions")),
                ("180卷", "评查案卷", 180.0, "卷", Some("enforcement.cases_reviewed")),
                ("820件", "人民调解矛盾纠纷", 820.0, "件", Some("disputes.mediated")),
                ("97.5%", "调解成功率", 97.5, "%", Some("disputes.mediation_success_rate")),
                ("40件", "行政复议案件", 40.0, "件", Some("disputes.reconsideration_cases")),
            ],
        ),
        report(
            "西吉县",
            "640422",
            "宁夏回族自治区",
            Level::County,
            2023,
            "2023年，西吉县坚持以习近平法治思想为指导，深入推进法治政府建设。",
            vec![
                s("一、主要举措和成效", Part::Achievements, &["leadership"], "全县坚持把法治政府建设摆在全局工作的重要位置。").with(vec![
                    s("（一）坚持党的领导", Part::Achievements, &["leadership"], "县委常委会专题研究法治政府建设工作8次。党政主要负责人切实履行推进法治建设第一责任人职责。县政府常务会议学法15次。"),
                    s("（二）依法化解矛盾纠纷", Part::Achievements, &["disputes"], "人民调解矛盾纠纷1020件，调解成功率98.2%。建成村级公共法律服务工作站20个。"),
                    s("（三）严格规范公正文明执法", Part::Achievements, &["enforcement"], "严格落实行政执法三项制度，评查行政执法案卷240卷。全面推行包容审慎监管，对轻微违法行为依法不予处罚。"),
                ]),
                s("二、存在的不足", Part::Problems, &[], "基层法治力量仍然薄弱。"),
                s("三、下一步安排", Part::Plans, &["publicity"], "深入推进八五普法，培育农村学法用法示范户750户。"),
            ],
            &[
                ("15次", "常务会议学法", 15.0, "次", Some("leadership.study_sessions")),
                ("240卷", "评查案卷", 240.0, "卷", Some("enforcement.cases_reviewed")),
                ("1020件", "人民调解矛盾纠纷", 1020.0, "件", Some("disputes.mediated")),
                ("98.2%", "调解成功率", 98.2, "%", Some("disputes.mediation_success_rate")),
            ],
        ),
    ]
}
