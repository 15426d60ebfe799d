//! Reports shaped like the ones the parser meets in the field but not among the seeds: a prefecture
//! city's report in the regulation's four parts, a department's report with arabic numbering and a
//! province's report in 部分 chapters with an addressee line and a signature.

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::check::{Found, check};
use fazhi_core::corpus::Corpus;
use fazhi_core::model::{Level, Part, Report};

fn load(name: &str) -> Report {
    let path = std::path::PathBuf::from(format!("tests/fixtures/reports/{name}"));
    let corpus = Corpus::load(&[path], Taxonomy::embedded().into(), None);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus.reports.into_iter().next().expect("loaded")
}

fn top(r: &Report) -> Vec<(String, Part)> {
    r.sections
        .iter()
        .map(|s| (s.display_heading(), s.part))
        .collect()
}

fn indicator(r: &Report, span: &str) -> (f64, String, Option<String>) {
    let i = r
        .indicators
        .iter()
        .find(|i| i.span.ends_with(span))
        .unwrap_or_else(|| panic!("no indicator {span}"));
    (i.value, i.unit.clone(), i.canonical.clone())
}

#[test]
fn a_city_report_in_the_four_required_parts() {
    let r = load("city_standard_2023.txt");
    let l = r.locality.as_ref().unwrap();
    assert_eq!(
        (l.name.as_str(), l.level, l.code.as_deref()),
        ("绍兴市", Level::Prefecture, Some("3306"))
    );
    assert_eq!(l.path, ["浙江省", "绍兴市"]);
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.title.as_deref(), Some("绍兴市2023年法治政府建设年度报告"));
    assert_eq!(
        top(&r),
        [
            (
                "一、2023年推进法治政府建设的主要举措和成效".into(),
                Part::Achievements
            ),
            ("二、存在的不足和原因".into(), Part::Problems),
            (
                "三、党政主要负责人履行推进法治建设第一责任人职责情况".into(),
                Part::Duty
            ),
            ("四、2024年推进法治政府建设的主要安排".into(), Part::Plans),
        ]
    );
    let plans: Vec<String> = r.sections[3]
        .children
        .iter()
        .map(|s| s.display_heading())
        .collect();
    assert_eq!(
        plans,
        [
            "（一）持续深化法治政府示范创建",
            "（二）全面提升行政执法质量",
            "（三）加快推进数字法治政府建设，推进“大综合一体化”行政执法改革"
        ]
    );
    let measures: Vec<&str> = r.sections[0].children[1]
        .measures
        .iter()
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(measures.len(), 3, "一是…二是…三是: {measures:?}");
    assert!(measures[1].starts_with("全面推行证明事项告知承诺制"));
    assert!(
        check(&r)
            .parts
            .iter()
            .all(|p| p.found == Some(Found::Section))
    );
    assert!(
        check(&r).parts.iter().all(|p| p.note.is_none()),
        "the causes are analysed"
    );
    assert_eq!(
        indicator(&r, "8.6万件"),
        (86000.0, "件".into(), Some("disputes.mediated".into()))
    );
    assert_eq!(
        indicator(&r, "98.6%"),
        (98.6, "%".into(), Some("functions.online_rate".into()))
    );
    assert_eq!(indicator(&r, "1.2万份"), (12000.0, "份".into(), None));
    assert!(
        !r.indicators
            .iter()
            .any(|i| i.span.contains("2024") || i.span.contains("3月25日")),
        "dates are not indicators"
    );
}

#[test]
fn a_department_report() {
    let r = load("department_2023.txt");
    let l = r.locality.as_ref().unwrap();
    assert_eq!(l.level, Level::Department);
    assert_eq!(l.name, "徐州市司法局");
    assert_eq!(l.department.as_deref(), Some("司法局"));
    assert_eq!(l.path, ["江苏省", "徐州市"]);
    assert_eq!(r.year, Some(2023));
    assert_eq!(
        top(&r),
        [
            ("一、主要工作开展情况".into(), Part::Achievements),
            ("二、存在问题".into(), Part::Problems),
            ("三、下一步工作打算".into(), Part::Plans),
        ]
    );
    assert_eq!(r.sections[0].children.len(), 4, "1. 2. 3. 4. items");
    let c = check(&r);
    let duty = c.parts.iter().find(|p| p.part == Part::Duty).unwrap();
    assert_eq!(
        duty.found, None,
        "a department report that omits the duty part is told so"
    );
    assert_eq!(
        indicator(&r, "9876件"),
        (
            9876.0,
            "件".into(),
            Some("publicity.legal_aid_cases".into())
        )
    );
    assert_eq!(indicator(&r, "3200余万元").0, 32_000_000.0);
}

#[test]
fn a_province_report_in_chapters_with_an_addressee() {
    let r = load("province_chapter_2022.txt");
    let l = r.locality.as_ref().unwrap();
    assert_eq!((l.name.as_str(), l.level), ("陕西省", Level::Province));
    assert_eq!(
        r.year,
        Some(2022),
        "the plans chapter's 2023 is the next year"
    );
    assert_eq!(r.title, None, "the addressee line is not a title");
    assert_eq!(
        top(&r),
        [
            (
                "第一部分 2022年法治政府建设主要举措和成效".into(),
                Part::Achievements
            ),
            ("第二部分 存在的问题和不足".into(), Part::Problems),
            ("第三部分 2023年工作安排".into(), Part::Plans),
        ]
    );
    assert_eq!(r.sections[0].children.len(), 3);
    assert_eq!(r.sections[0].children[2].depth, 2);
    // New market entities registered are not enterprises the government served.
    assert_eq!(indicator(&r, "68.5万户"), (685000.0, "户".into(), None));
}
