//! A field test: ten reports shaped like those met on government sites and never seen by the
//! parser — a county with a two-line title and four numbering levels, a subdistrict with inline
//! enumerations and unheaded parts, a municipality's district, a saved page as text and as HTML,
//! an autonomous prefecture writing numbers in Chinese numerals, a department with unnumbered
//! headings, a GB18030 file with CRLF line ends, a report on one single line, and a township
//! dense with numbers that must be told from years, document numbers, hotlines and policy codes.
//! Each test states what a careful reader sees; failures are collected so one run shows them all.

mod common;

use fazhi_core::check::check;
use fazhi_core::model::{IndicatorKind, Level, Part, Qualifier, Report};

use common::*;

const DIR: &str = "field";

/// Load the fixture and fail on every mismatch with what a careful reader sees.
fn verify(e: &Expected) -> Report {
    let (r, m) = common::read(DIR, e);
    finish(e.file, &m);
    r
}

/// The indicator whose span ends with `span`; missing is a failure of its own.
fn indicator<'a>(r: &'a Report, span: &str) -> &'a fazhi_core::model::Indicator {
    r.indicators
        .iter()
        .find(|i| i.span.ends_with(span))
        .unwrap_or_else(|| panic!("no indicator {span}"))
}

const ACHIEVEMENTS_2023: &str = "一、2023年推进法治政府建设的主要举措和成效";
const PROBLEMS: &str = "二、存在的不足和原因";
const DUTY: &str = "三、党政主要负责人履行推进法治建设第一责任人职责情况";

#[test]
fn a_county_with_a_two_line_title_an_addressee_and_four_numbering_levels() {
    let r = verify(&Expected {
        file: "county_two_line_title_2023.txt",
        name: "鹿邑县",
        level: Level::County,
        path: &["河南省", "周口市", "鹿邑县"],
        code: "411628",
        department: None,
        year: 2023,
        title: Some("鹿邑县人民政府关于2023年度法治政府建设情况的报告"),
        top: &[
            (
                Some("一、2023年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2024年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("8%", 8.0, "%"),
            ("1500余人次", 1500.0, "人次"),
            ("98.5%", 98.5, "%"),
            ("约86万元", 860_000.0, "元"),
            ("1200余条", 1200.0, "条"),
            ("320卷", 320.0, "卷"),
            ("审结65件", 65.0, "件"),
            ("12.3%", 12.3, "%"),
            ("4.6万份", 46_000.0, "份"),
        ],
        excluded: &["2021－2025年", "2024年", "3月28日", "28日"],
    });
    let first = &r.sections[0];
    assert_eq!(first.children.len(), 4, "（一）…（四）");
    let items: Vec<String> = first.children[0]
        .children
        .iter()
        .map(|s| s.display_heading())
        .collect();
    assert_eq!(items, ["1.强化组织领导", "2.抓实学法用法"]);
    let sub = &first.children[0].children[0].children;
    assert_eq!(sub.len(), 2, "（1）（2） under 1.");
    assert!(sub.iter().all(|s| s.depth == 4));
    assert_eq!(
        r.sections[1].children.len(),
        2,
        "（一）存在的不足 （二）原因分析"
    );
}

#[test]
fn a_subdistrict_with_inline_enumerations_and_unheaded_parts() {
    let r = verify(&Expected {
        file: "subdistrict_inline_2022.txt",
        name: "平江街道",
        level: Level::Township,
        path: &["江苏省", "苏州市", "姑苏区", "平江街道"],
        code: "320508018",
        department: None,
        year: 2022,
        title: Some("平江街道2022年法治政府建设工作报告"),
        top: &[
            (
                Some("(一)加强组织领导,压紧压实法治建设责任"),
                Part::Achievements,
            ),
            (Some("(二)坚持依法行政,规范权力运行"), Part::Achievements),
            (
                Some("(三)深化基层治理,维护辖区和谐稳定"),
                Part::Achievements,
            ),
            (
                Some("(四)加强法治宣传,营造浓厚法治氛围"),
                Part::Achievements,
            ),
            (
                Some("(五)优化公共法律服务,满足群众法治需求"),
                Part::Achievements,
            ),
            (
                Some("(六)加强应急管理,依法应对突发事件"),
                Part::Achievements,
            ),
            (None, Part::Problems),
            (None, Part::Plans),
        ],
        indicators: &[
            ("98.6%", 98.6, "%"),
            ("4800余件", 4800.0, "件"),
            ("约1.2万平方米", 12_000.0, "平方米"),
            ("8000余份", 8000.0, "份"),
            ("86万元", 860_000.0, "元"),
        ],
        excluded: &["2022年"],
    });
    let measures: Vec<&str> = r.sections[0]
        .measures
        .iter()
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(measures.len(), 3, "一是…二是…三是: {measures:?}");
    assert!(measures[0].starts_with("健全工作机制"), "{measures:?}");
    assert!(measures[2].starts_with("开展述法评议"), "{measures:?}");
    let problems = r.sections[6].measures.len();
    assert_eq!(problems, 3, "the problems paragraph's 一是…二是…三是");
}

#[test]
fn a_district_of_a_municipality_with_a_duty_section() {
    let r = verify(&Expected {
        file: "municipal_district_2024.txt",
        name: "渝北区",
        level: Level::County,
        path: &["重庆市", "渝北区"],
        code: "500112",
        department: None,
        year: 2024,
        title: Some("重庆市渝北区2024年法治政府建设情况报告"),
        top: &[
            (
                Some("一、2024年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2025年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("99.2%", 99.2, "%"),
            ("311项", 311.0, "项"),
            ("3.6万户", 36_000.0, "户"),
            ("同比增长11.5%", 11.5, "%"),
            ("460卷", 460.0, "卷"),
            ("2.3万件", 23_000.0, "件"),
            ("3.8万条", 38_000.0, "条"),
            ("1.2万条", 12_000.0, "条"),
        ],
        excluded: &["2025年"],
    });
    assert_eq!(r.sections[0].children.len(), 8);
    assert_eq!(indicator(&r, "同比增长11.5%").kind, IndicatorKind::Change);
    assert!(
        check(&r).parts.iter().all(|p| p.found.is_some()),
        "all four parts are there"
    );
}

#[test]
fn a_saved_page_as_text_with_chrome_around_a_late_report() {
    let r = verify(&Expected {
        file: "saved_page_2023.txt",
        name: "江油市",
        level: Level::County,
        path: &["四川省", "绵阳市", "江油市"],
        code: "510781",
        department: None,
        year: 2023,
        title: Some("江油市2023年法治政府建设年度报告"),
        top: &[
            (Some(ACHIEVEMENTS_2023), Part::Achievements),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("95.6%", 95.6, "%"),
            ("8126户", 8126.0, "户"),
            ("1.35亿元", 135_000_000.0, "元"),
            ("5890件", 5890.0, "件"),
            ("98%以上", 98.0, "%"),
            ("9800人次", 9800.0, "人次"),
        ],
        excluded: &["5107810001", "0001", "123号", "3222123", "00215"],
    });
    for chrome in [
        "索引号",
        "字号",
        "【打印】",
        "ICP备",
        "网站标识码",
        "相关链接",
        "无障碍浏览",
        "中国政府网",
    ] {
        assert!(
            !r.text.contains(chrome),
            "chrome left in the text: {chrome}"
        );
    }
    assert_eq!(r.meta.published, Some((2024, 5, 20)));
    assert_eq!(check(&r).late, Some(true), "published after 1 April");
}

#[test]
fn a_saved_html_page_of_a_prefecture_city() {
    let r = verify(&Expected {
        file: "prefecture_page_2022.html",
        name: "桂林市",
        level: Level::Prefecture,
        path: &["广西壮族自治区", "桂林市"],
        code: "4503",
        department: None,
        year: 2022,
        title: Some("桂林市2022年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2022年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2023年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("2100余人次", 2100.0, "人次"),
            ("99.1%", 99.1, "%"),
            ("6.8万户", 68_000.0, "户"),
            ("9.8%", 9.8, "%"),
            ("3.2万件", 32_000.0, "件"),
            ("1.9万名", 19_000.0, "名"),
        ],
        excluded: &["4503000018", "1532", "101号", "380号"],
    });
    assert_eq!(r.sections[0].children.len(), 6);
    assert!(
        r.sections[0].children[0]
            .display_heading()
            .starts_with("（一）加强党的领导，压实法治建设责任"),
        "{}",
        r.sections[0].children[0].display_heading()
    );
    for chrome in [
        "当前位置",
        "浏览次数",
        "分享到",
        "ICP备",
        "相关新闻",
        "扫一扫",
        "长者模式",
    ] {
        assert!(
            !r.text.contains(chrome),
            "chrome left in the text: {chrome}"
        );
    }
    assert_eq!(r.meta.published, Some((2023, 3, 30)));
    assert_eq!(check(&r).late, Some(false));
}

#[test]
fn an_autonomous_prefecture_writing_numbers_in_chinese_numerals() {
    verify(&Expected {
        file: "autonomous_prefecture_2023.txt",
        name: "楚雄彝族自治州",
        level: Level::Prefecture,
        path: &["云南省", "楚雄彝族自治州"],
        code: "5323",
        department: None,
        year: 2023,
        title: Some("楚雄彝族自治州2023年法治政府建设年度报告"),
        top: &[
            (Some(ACHIEVEMENTS_2023), Part::Achievements),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("两万人次", 20_000.0, "人次"),
            ("参考率达到百分之百", 100.0, "%"),
            ("百分之九十五", 95.0, "%"),
            ("二十三亿元", 2_300_000_000.0, "元"),
            ("三万余户", 30_000.0, "户"),
            ("四千二百户", 4200.0, "户"),
            ("一千二百余条", 1200.0, "条"),
            ("百分之九十八点五", 98.5, "%"),
            ("三千余件", 3000.0, "件"),
            ("约一千二百万元", 12_000_000.0, "元"),
            ("二万八千件", 28_000.0, "件"),
            ("百分之九十七点八", 97.8, "%"),
            ("出庭应诉率达到百分之百", 100.0, "%"),
            ("三千五百万元", 35_000_000.0, "元"),
            ("四十五万人次", 450_000.0, "人次"),
            ("一万二千名", 12_000.0, "名"),
            ("一百二十万张", 1_200_000.0, "张"),
            ("二十六万余条", 260_000.0, "条"),
            ("办复率百分之百", 100.0, "%"),
            ("一点六万条", 16_000.0, "条"),
            ("一点二亿元", 120_000_000.0, "元"),
        ],
        excluded: &["2021—2025年", "八五"],
    });
}

#[test]
fn a_county_department_with_unnumbered_headings() {
    let r = verify(&Expected {
        file: "department_unnumbered_2021.txt",
        name: "安溪县市场监督管理局",
        level: Level::Department,
        path: &["福建省", "泉州市", "安溪县"],
        code: "350524",
        department: Some("市场监督管理局"),
        year: 2021,
        title: Some("安溪县市场监督管理局2021年度法治政府建设工作报告"),
        top: &[
            (Some("强化组织领导，压实法治责任"), Part::Achievements),
            (Some("深化商事制度改革，优化营商环境"), Part::Achievements),
            (Some("规范市场监管执法，提升执法水平"), Part::Achievements),
            (Some("加强普法宣传，营造良好氛围"), Part::Achievements),
            (Some("推进信用监管，强化事中事后监管"), Part::Achievements),
            (Some("完善内部制度，规范权力运行"), Part::Achievements),
            (Some("存在的问题和不足"), Part::Problems),
            (Some("2022年工作思路"), Part::Plans),
        ],
        indicators: &[
            ("12865户", 12_865.0, "户"),
            ("14.2%", 14.2, "%"),
            ("418.6万元", 4_186_000.0, "元"),
            ("1.5万份", 15_000.0, "份"),
            ("126万元", 1_260_000.0, "元"),
        ],
        excluded: &["3·15", "15", "1月18日"],
    });
    assert_eq!(r.sections[7].measures.len(), 5, "一是…五是");
}

#[test]
fn a_gb18030_report_with_crlf_line_ends() {
    let r = verify(&Expected {
        file: "county_city_gb18030_crlf_2022.txt",
        name: "敦化市",
        level: Level::County,
        path: &["吉林省", "延边朝鲜族自治州", "敦化市"],
        code: "222403",
        department: None,
        year: 2022,
        title: Some("敦化市2022年法治政府建设年度报告"),
        top: &[
            (Some("一、主要工作举措和成效"), Part::Achievements),
            (Some("二、存在的问题和不足"), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2023年工作打算"), Part::Plans),
        ],
        indicators: &[
            ("97.8%", 97.8, "%"),
            ("5623户", 5623.0, "户"),
            ("2860万元", 28_600_000.0, "元"),
            ("320万元", 3_200_000.0, "元"),
            ("约6万人次", 60_000.0, "人次"),
            ("1.6亿元", 160_000_000.0, "元"),
        ],
        excluded: &["2021—2025年", "3月15日"],
    });
    assert!(!r.text.contains('\r'));
    assert_eq!(r.sections[0].children.len(), 8);
    assert_eq!(r.sections[3].children.len(), 5);
}

#[test]
fn a_report_that_arrived_as_one_single_line() {
    let r = verify(&Expected {
        file: "single_line_2024.txt",
        name: "湄潭县",
        level: Level::County,
        path: &["贵州省", "遵义市", "湄潭县"],
        code: "520328",
        department: None,
        year: 2024,
        title: Some("湄潭县2024年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2024年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2025年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("96.5%", 96.5, "%"),
            ("186项", 186.0, "项"),
            ("9600万元", 96_000_000.0, "元"),
            ("98.4%", 98.4, "%"),
            ("2300万元", 23_000_000.0, "元"),
        ],
        excluded: &["2025年", "3月20日"],
    });
    assert_eq!(r.sections[0].children.len(), 8);
    assert_eq!(r.sections[3].children.len(), 4);
}

#[test]
fn a_township_dense_with_numbers_and_things_that_are_not_numbers() {
    let r = verify(&Expected {
        file: "township_numbers_2023.txt",
        name: "天荒坪镇",
        level: Level::Township,
        path: &["浙江省", "湖州市", "安吉县", "天荒坪镇"],
        code: "330523108",
        department: None,
        year: 2023,
        title: Some("天荒坪镇2023年法治政府建设年度报告"),
        top: &[
            (Some(ACHIEVEMENTS_2023), Part::Achievements),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("任务28项", 28.0, "项"),
            ("超过300人次", 300.0, "人次"),
            ("1.26万件", 12_600.0, "件"),
            ("同比增长12.5%", 12.5, "%"),
            ("99.6%", 99.6, "%"),
            ("约420户", 420.0, "户"),
            ("130余户", 130.0, "户"),
            ("12.6亿元", 1_260_000_000.0, "元"),
            ("同比增长18.3%", 18.3, "%"),
            ("2860万元", 28_600_000.0, "元"),
            ("3.2个百分点", 3.2, "个百分点"),
            ("近35万元", 350_000.0, "元"),
            ("由2.4万平方米", 24000.0, "平方米"),
            ("降至0.9万平方米", 9000.0, "平方米"),
            ("同比下降62.5%", -62.5, "%"),
            ("工单1460件", 1460.0, "件"),
            ("同比下降21.4%", -21.4, "%"),
            ("由46起", 46.0, "起"),
            ("降至31起", 31.0, "起"),
            ("约1.8万人次", 18_000.0, "人次"),
            ("近600人", 600.0, "人"),
            ("约150万元", 1_500_000.0, "元"),
            ("同比下降40%", -40.0, "%"),
            ("百分之六十", 60.0, "%"),
        ],
        excluded: &[
            "2023年",
            "2021—2025年",
            "〔2023〕5号",
            "5号",
            "12345",
            "1+3+N",
            "3+N",
            "4张",
            "八五",
            "2月26日",
        ],
    });
    let kinds: Vec<(IndicatorKind, Option<Qualifier>)> = [
        "同比增长12.5%",
        "3.2个百分点",
        "同比下降62.5%",
        "约420户",
        "近35万元",
        "超过300人次",
        "130余户",
    ]
    .iter()
    .map(|s| {
        let i = indicator(&r, s);
        (i.kind, i.qualifier)
    })
    .collect();
    assert_eq!(
        kinds,
        [
            (IndicatorKind::Change, None),
            (IndicatorKind::Change, None),
            (IndicatorKind::Change, None),
            (IndicatorKind::Count, Some(Qualifier::Approximate)),
            (IndicatorKind::Money, Some(Qualifier::AtMost)),
            (IndicatorKind::Count, Some(Qualifier::AtLeast)),
            (IndicatorKind::Count, Some(Qualifier::AtLeast)),
        ]
    );
    assert!(
        !r.indicators.iter().any(|i| i.value == 12345.0),
        "the hotline is not a quantity"
    );
    let label = &indicator(&r, "工单1460件").label;
    assert!(
        label.contains("12345"),
        "the hotline stays in the label: {label}"
    );
}
