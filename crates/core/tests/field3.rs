//! A third, blind field test: eight reports in shapes the first two did not cover — a county-level
//! city directly under its province, a district whose name two cities share, an autonomous county
//! that calls itself by its short name, a `<div id="zoom">` page with full-width digits, a county
//! whose parts are bold "一是…" lead sentences without any numbered heading, a district dense with
//! separators, multipliers and look-alike numbers, a development zone's management committee, and
//! a county report with an addressee, "特此报告。", a joint signature and a date in Chinese
//! numerals. Each test states what a careful reader sees.

mod common;

use fazhi_core::model::{IndicatorKind, Level, Part, Report};

use common::*;

const DIR: &str = "field3";

fn read(e: &Expected) -> (Report, Vec<String>) {
    common::read(DIR, e)
}

const ACHIEVED: &str = "一、2023年推进法治政府建设的主要举措和成效";
const DUTY_2: &str = "二、党政主要负责人履行推进法治建设第一责任人职责情况";
const DUTY_3: &str = "三、党政主要负责人履行推进法治建设第一责任人职责情况";
const PROBLEMS_2: &str = "二、存在的不足和原因";
const PROBLEMS_3: &str = "三、存在的不足和原因";

#[test]
fn a_county_level_city_directly_under_its_province() {
    let (r, mut m) = read(&Expected {
        file: "county_city_under_province_2023.txt",
        name: "仙桃市",
        level: Level::County,
        // The table files it under "省直辖县级行政区划", a placeholder no reader names.
        path: &["湖北省", "仙桃市"],
        code: "429004",
        department: None,
        year: 2023,
        title: Some("仙桃市2023年法治政府建设年度报告"),
        top: &[
            (Some(ACHIEVED), Part::Achievements),
            (
                Some("二、2023年党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some(PROBLEMS_3), Part::Problems),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("680人次", 680.0, "人次"),
            ("98.6%", 98.6, "%"),
            ("1.42万户", 14_200.0, "户"),
            ("同比增长11.3%", 11.3, "%"),
            ("约3.2亿元", 320_000_000.0, "元"),
            ("12.3%", 12.3, "%"),
            ("98.9%", 98.9, "%"),
            ("2860万元", 28_600_000.0, "元"),
        ],
        excluded: &["2024年", "3月18日", "18日", "八五"],
    });
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 5);
    want(
        &mut m,
        "no placeholder in the path",
        r.locality
            .as_ref()
            .is_some_and(|l| l.path.iter().any(|p| p.contains("直辖"))),
        false,
    );
    finish("county_city_under_province_2023.txt", &m);
}

#[test]
fn a_district_whose_name_two_cities_share_named_with_its_city_once() {
    let (r, mut m) = read(&Expected {
        file: "district_shared_name_2022.txt",
        name: "朝阳区",
        level: Level::County,
        // "长春市朝阳区" in the opening: not Beijing's 朝阳区 (110105).
        path: &["吉林省", "长春市", "朝阳区"],
        code: "220104",
        department: None,
        year: 2022,
        title: Some("朝阳区2022年法治政府建设情况报告"),
        top: &[
            (
                Some("一、2022年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS_2), Part::Problems),
            (Some(DUTY_3), Part::Duty),
            (Some("四、2023年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("96.8%", 96.8, "%"),
            ("9862户", 9862.0, "户"),
            ("同比增长7.5%", 7.5, "%"),
            ("2300余户", 2300.0, "户"),
            ("390余条", 390.0, "条"),
            ("约1580万元", 15_800_000.0, "元"),
            ("98.2%", 98.2, "%"),
            ("同比下降3.6个百分点", -3.6, "个百分点"),
            ("210余场", 210.0, "场"),
            ("5.6万人次", 56_000.0, "人次"),
            ("1460名", 1460.0, "名"),
        ],
        excluded: &["2023年", "三项", "八五"],
    });
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 6);
    want(
        &mut m,
        "plans measures 一是…四是",
        r.sections.get(3).map(|s| s.measures.len()),
        Some(4),
    );
    finish("district_shared_name_2022.txt", &m);
}

#[test]
fn an_autonomous_county_calling_itself_by_its_short_name() {
    let (r, mut m) = read(&Expected {
        file: "autonomous_county_short_name_2021.txt",
        name: "长阳土家族自治县",
        level: Level::County,
        path: &["湖北省", "宜昌市", "长阳土家族自治县"],
        code: "420528",
        department: None,
        year: 2021,
        title: Some("长阳土家族自治县2021年法治政府建设工作报告"),
        top: &[
            (Some("一、主要举措和成效"), Part::Achievements),
            (Some(DUTY_2), Part::Duty),
            (Some("三、存在的不足"), Part::Problems),
            (Some("四、2022年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("三千册", 3000.0, "册"),
            ("八十余场", 80.0, "场"),
            ("94.7%", 94.7, "%"),
            ("92.3%", 92.3, "%"),
            ("4126户", 4126.0, "户"),
            ("同比增长16.8%", 16.8, "%"),
            ("1380人次", 1380.0, "人次"),
            ("97.6%", 97.6, "%"),
            ("99.1%", 99.1, "%"),
            ("约820万元", 8_200_000.0, "元"),
            ("同比下降2.4个百分点", -2.4, "个百分点"),
        ],
        excluded: &["2022年", "3月25日", "25日", "八五"],
    });
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 5);
    finish("autonomous_county_short_name_2021.txt", &m);
}

#[test]
fn a_zoom_page_with_nbsp_indents_br_paragraphs_and_full_width_digits() {
    let (r, mut m) = read(&Expected {
        file: "county_zoom_page_2023.html",
        name: "安吉县",
        level: Level::County,
        path: &["浙江省", "湖州市", "安吉县"],
        code: "330523",
        department: None,
        year: 2023,
        title: Some("安吉县2023年法治政府建设年度报告"),
        top: &[
            (Some(ACHIEVED), Part::Achievements),
            (Some(DUTY_2), Part::Duty),
            (Some(PROBLEMS_3), Part::Problems),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("98.5%", 98.5, "%"),
            ("1.26万户", 12_600.0, "户"),
            ("同比增长12.4%", 12.4, "%"),
            ("约4.8亿元", 480_000_000.0, "元"),
            ("123件", 123.0, "件"),
            ("360余条", 360.0, "条"),
            ("286名", 286.0, "名"),
            ("1860万元", 18_600_000.0, "元"),
            ("4.2个百分点", 4.2, "个百分点"),
            ("2.3万件", 23_000.0, "件"),
            ("99.2%", 99.2, "%"),
            ("98.6%", 98.6, "%"),
            ("107件", 107.0, "件"),
            ("180余场", 180.0, "场"),
            ("8.6万人次", 86_000.0, "人次"),
            ("约3200万元", 32_000_000.0, "元"),
        ],
        excluded: &[
            "3305230001",
            "12345678号",
            "2024-02-26",
            "02-26",
            "2024年",
            "2月26日",
            "八五",
        ],
    });
    let first = children(&r, &[0]);
    want(
        &mut m,
        "children of 一、 (three of them share one <p>)",
        first.len(),
        6,
    );
    want(
        &mut m,
        "third child (after a <br>)",
        first.get(2).map(String::as_str),
        Some("（三）规范行政决策，提升依法决策水平"),
    );
    want(
        &mut m,
        "kind of 4.2个百分点",
        indicator(&r, "4.2个百分点").map(|i| i.kind),
        Some(IndicatorKind::Change),
    );
    want(&mut m, "published", r.meta.published, Some((2024, 2, 26)));
    want(
        &mut m,
        "no &nbsp; indent left in the text",
        r.text.contains('\u{a0}') || r.text.contains("&nbsp;"),
        false,
    );
    no_chrome(
        &mut m,
        &r,
        &[
            "当前位置",
            "字号",
            "分享到",
            "微博",
            "扫一扫",
            "打印本页",
            "关闭窗口",
            "网站标识码",
            "ICP备",
            "_hmt",
            "changeSize",
        ],
    );
    finish("county_zoom_page_2023.html", &m);
}

#[test]
fn bold_shi_lead_sentences_without_any_numbered_heading() {
    let (r, mut m) = read(&Expected {
        file: "county_bold_shi_leads_2022.html",
        name: "蒲江县",
        level: Level::County,
        path: &["四川省", "成都市", "蒲江县"],
        code: "510131",
        department: None,
        year: 2022,
        title: Some("蒲江县2022年法治政府建设工作报告"),
        // "一是…六是" are the enumerated measures of one achievements block, not six top
        // sections; problems and plans are paragraphs set apart by what they say.
        top: &[
            (None, Part::Achievements),
            (None, Part::Problems),
            (None, Part::Plans),
        ],
        indicators: &[
            ("97.2%", 97.2, "%"),
            ("5386户", 5386.0, "户"),
            ("同比增长9.4%", 9.4, "%"),
            ("620余家", 620.0, "家"),
            ("约1800万元", 18_000_000.0, "元"),
            ("430余条", 430.0, "条"),
            ("860人次", 860.0, "人次"),
            ("约96万元", 960_000.0, "元"),
            ("96.8%", 96.8, "%"),
            ("98.7%", 98.7, "%"),
            ("同比下降2.1个百分点", -2.1, "个百分点"),
            ("1260万元", 12_600_000.0, "元"),
            ("260余场", 260.0, "场"),
            ("4.5万份", 45_000.0, "份"),
            ("10万余人次", 100_000.0, "人次"),
        ],
        excluded: &["2023年", "3月6日", "6日", "八五", "三项", "七进"],
    });
    let of_part = |part: Part| r.sections.iter().find(|s| s.part == part);
    let achieved = of_part(Part::Achievements);
    let titles: Vec<Option<&str>> = achieved
        .map(|s| s.measures.iter().map(|x| x.title.as_deref()).collect())
        .unwrap_or_default();
    want(
        &mut m,
        "achievements measure titles 一是…六是",
        titles,
        vec![
            Some("强化组织领导"),
            Some("优化营商环境"),
            Some("规范行政决策"),
            Some("严格规范执法"),
            Some("化解矛盾纠纷"),
            Some("加强普法宣传"),
        ],
    );
    let text_of = |i: usize| {
        achieved
            .and_then(|s| s.measures.get(i))
            .map(|x| x.text.as_str())
    };
    want(
        &mut m,
        "一是 runs on into its unmarked second paragraph",
        text_of(0).is_some_and(|t| t.contains("年终述法")),
        true,
    );
    want(
        &mut m,
        "四是 runs on into its unmarked second paragraph",
        text_of(3).is_some_and(|t| t.contains("96.8%")),
        true,
    );
    let count = |part: Part| of_part(part).map(|s| s.measures.len());
    want(
        &mut m,
        "problems measures 一是…三是",
        count(Part::Problems),
        Some(3),
    );
    want(
        &mut m,
        "plans measures 一是…四是",
        count(Part::Plans),
        Some(4),
    );
    no_heading_with(&mut m, &r, &["人民政府"]);
    finish("county_bold_shi_leads_2022.html", &m);
}

#[test]
fn separators_multipliers_times_and_look_alike_numbers() {
    let (r, mut m) = read(&Expected {
        file: "district_dense_numbers_2023.txt",
        name: "余杭区",
        level: Level::County,
        path: &["浙江省", "杭州市", "余杭区"],
        code: "330110",
        department: None,
        year: 2023,
        title: Some("杭州市余杭区2023年法治政府建设年度报告"),
        top: &[
            (Some(ACHIEVED), Part::Achievements),
            (Some(DUTY_2), Part::Duty),
            (Some(PROBLEMS_3), Part::Problems),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("1,234件", 1234.0, "件"),
            ("3,560余条", 3560.0, "条"),
            ("3.27万户", 32_700.0, "户"),
            ("同比增长8.6%", 8.6, "%"),
            ("12.85亿元", 1_285_000_000.0, "元"),
            ("2.36亿元", 236_000_000.0, "元"),
            ("62%", 62.0, "%"),
            ("4.7个百分点", 4.7, "个百分点"),
            ("8,926件", 8926.0, "件"),
            ("6,358.4万元", 63_584_000.0, "元"),
            ("同比下降12.3%", -12.3, "%"),
            ("增长1.5倍", 1.5, "倍"),
            ("2.1万户次", 21_000.0, "户次"),
            ("12,345人次", 12_345.0, "人次"),
            ("99.6%", 99.6, "%"),
            ("36.8万件", 368_000.0, "件"),
            ("96.2%", 96.2, "%"),
            ("同比增长21.4%", 21.4, "%"),
            ("43.5%", 43.5, "%"),
            ("1,860场", 1860.0, "场"),
            ("约52.6万人次", 526_000.0, "人次"),
            ("1,280.5万元", 12_805_000.0, "元"),
            ("1,026.8万条", 10_268_000.0, "条"),
            ("95.3%", 95.3, "%"),
            ("4,512件", 4512.0, "件"),
            ("2.8个百分点", 2.8, "个百分点"),
        ],
        excluded: &[
            "十四五",
            "2020—2022年",
            "2022年",
            "〔2021〕18号",
            "18号",
            "0571-87654321",
            "87654321",
            "12345",
            "2024年",
            "八五",
        ],
    });
    for i in &r.indicators {
        let look_alike = [2020.0, 2021.0, 2022.0, 571.0, 87_654_321.0].contains(&i.value)
            || (i.value == 12_345.0 && i.unit != "人次")
            || i.span.contains('〔')
            || i.span.contains("0571");
        if look_alike {
            m.push(format!(
                "not an indicator: {:?} ({} {})",
                i.span, i.value, i.unit
            ));
        }
    }
    for (span, kind) in [
        ("增长1.5倍", IndicatorKind::Change),
        ("4.7个百分点", IndicatorKind::Change),
        ("12.85亿元", IndicatorKind::Money),
    ] {
        want(
            &mut m,
            &format!("kind of {span}"),
            indicator(&r, span).map(|i| i.kind),
            Some(kind),
        );
    }
    want(
        &mut m,
        "a separator splits no number (no 234件, 345人次 alone)",
        r.indicators
            .iter()
            .filter(|i| i.span == "234件" || i.span == "345人次" || i.value == 345.0)
            .count(),
        0,
    );
    finish("district_dense_numbers_2023.txt", &m);
}

#[test]
fn a_development_zone_committee_is_a_body_of_its_city() {
    // A 经济技术开发区 is no division (this one is not in the code table): its management
    // committee reports as a body of the city that set it up, as a 司法局 does of its place.
    let (r, mut m) = read(&Expected {
        file: "development_zone_committee_2023.txt",
        name: "嘉兴经济技术开发区管理委员会",
        level: Level::Department,
        path: &["浙江省", "嘉兴市"],
        code: "3304",
        department: Some("经济技术开发区管理委员会"),
        year: 2023,
        title: Some("嘉兴经济技术开发区管理委员会2023年法治政府建设情况报告"),
        top: &[
            (Some("一、主要举措和成效"), Part::Achievements),
            (Some(DUTY_2), Part::Duty),
            (Some("三、存在的不足"), Part::Problems),
            (Some("四、下一步工作安排"), Part::Plans),
        ],
        indicators: &[
            ("420人次", 420.0, "人次"),
            ("4.6亿美元", 460_000_000.0, "美元"),
            ("2860户", 2860.0, "户"),
            ("同比增长13.8%", 13.8, "%"),
            ("约3.5亿元", 350_000_000.0, "元"),
            ("1120家次", 1120.0, "家次"),
            ("270余条", 270.0, "条"),
            ("约640万元", 6_400_000.0, "元"),
            ("1380余次", 1380.0, "次"),
            ("97.4%", 97.4, "%"),
            ("1.2万人次", 12_000.0, "人次"),
            ("8000余册", 8000.0, "册"),
        ],
        excluded: &["2024年", "2月20日", "20日", "八五"],
    });
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 6);
    want(
        &mut m,
        "plans: the signature is no measure",
        r.sections
            .get(3)
            .map(|s| s.measures.iter().any(|x| x.text.contains("管理委员会\n"))),
        Some(false),
    );
    finish("development_zone_committee_2023.txt", &m);
}

#[test]
fn an_addressee_te_ci_bao_gao_a_joint_signature_and_a_chinese_numeral_date() {
    let (r, mut m) = read(&Expected {
        file: "county_addressee_closing_2023.txt",
        name: "宾川县",
        level: Level::County,
        // The addressee 大理州 is not the author; it only confirms the prefecture.
        path: &["云南省", "大理白族自治州", "宾川县"],
        code: "532924",
        department: None,
        year: 2023,
        title: Some("宾川县2023年法治政府建设情况报告"),
        top: &[
            (Some(ACHIEVED), Part::Achievements),
            (Some(PROBLEMS_2), Part::Problems),
            (Some(DUTY_3), Part::Duty),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("97.5%", 97.5, "%"),
            ("4372户", 4372.0, "户"),
            ("同比增长10.6%", 10.6, "%"),
            ("320余条", 320.0, "条"),
            ("980人次", 980.0, "人次"),
            ("96.2%", 96.2, "%"),
            ("约760万元", 7_600_000.0, "元"),
            ("98.4%", 98.4, "%"),
            ("约1150万元", 11_500_000.0, "元"),
            ("150余场", 150.0, "场"),
            ("2.6万份", 26_000.0, "份"),
            ("1280名", 1280.0, "名"),
        ],
        excluded: &[
            "二〇二四年",
            "二〇二四",
            "三月二十日",
            "二十日",
            "三月",
            "2024年",
            "八五",
        ],
    });
    for i in &r.indicators {
        if i.span.contains('〇') || i.value == 2024.0 {
            m.push(format!(
                "not an indicator: {:?} ({} {})",
                i.span, i.value, i.unit
            ));
        }
    }
    no_heading_with(&mut m, &r, &["特此报告", "宾川县委", "〇", "大理州委"]);
    let plans = r.sections.get(3);
    want(
        &mut m,
        "plans measures 一是…四是",
        plans.map(|s| s.measures.len()),
        Some(4),
    );
    want(
        &mut m,
        "plans: the closing, signature and date are no measure",
        plans.map(|s| {
            s.measures.iter().any(|x| {
                ["特此报告", "人民政府", "〇"]
                    .iter()
                    .any(|w| x.text.contains(w))
            })
        }),
        Some(false),
    );
    want(
        &mut m,
        "the addressee is kept in the preamble",
        r.slice(r.preamble).contains("中共大理州委、大理州人民政府"),
        true,
    );
    finish("county_addressee_closing_2023.txt", &m);
}
