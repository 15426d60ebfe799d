//! A second, blind field test: eight reports in shapes the first one did not cover — a province's
//! department with the leaders' duty nested among its achievements, problems and plans under one
//! shared heading, a county writing only "一是…二是…" paragraphs, a city's report in UTF-16LE, a
//! GBK page laid out in tables, a 旗 with an addressee, an "other" part and attachments, a 乡 whose
//! page prints the title twice and dates the report only by "今年以来", and a prefecture reusing
//! the 一、 ladder at two levels. Each test states what a careful reader sees.

mod common;

use fazhi_core::check::{Found, check};
use fazhi_core::model::{IndicatorKind, Level, Part, Report};

use common::*;

const DIR: &str = "field2";

fn read(e: &Expected) -> (Report, Vec<String>) {
    common::read(DIR, e)
}

/// The children of the section at `path`, with their parts (this test checks both).
fn children(r: &Report, path: &[usize]) -> Vec<(String, Part)> {
    r.section(path)
        .map(|s| {
            s.children
                .iter()
                .map(|c| (c.display_heading(), c.part))
                .collect()
        })
        .unwrap_or_default()
}

/// The indicator whose span ends with `span`; missing is a failure of its own.
fn indicator<'a>(r: &'a Report, span: &str) -> &'a fazhi_core::model::Indicator {
    r.indicators
        .iter()
        .find(|i| i.span.ends_with(span))
        .unwrap_or_else(|| panic!("no indicator {span}"))
}

const PROBLEMS: &str = "二、存在的不足和原因";
const DUTY: &str = "三、党政主要负责人履行推进法治建设第一责任人职责情况";
const NESTED_DUTY: &str = "（五）主要负责人履行推进法治建设第一责任人职责情况";

#[test]
fn a_provincial_department_with_the_duty_nested_in_its_achievements() {
    let (r, mut m) = read(&Expected {
        file: "province_department_nested_duty_2022.txt",
        name: "福建省司法厅",
        level: Level::Department,
        path: &["福建省"],
        code: "35",
        department: Some("司法厅"),
        year: 2022,
        title: Some("福建省司法厅2022年度法治政府建设情况报告"),
        top: &[
            (
                Some("一、2022年度推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS), Part::Problems),
            (Some("三、2023年度推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("5.9%", 5.9, "%"),
            ("426件", 1426.0, "件"),
            ("6.5个百分点", 6.5, "个百分点"),
            ("3.2万人次", 32_000.0, "人次"),
            ("约2300万元", 23_000_000.0, "元"),
            ("同比增长18.4%", 18.4, "%"),
            ("21.6万件", 216_000.0, "件"),
            ("46万人次", 460_000.0, "人次"),
            ("4.3亿元", 430_000_000.0, "元"),
            ("十二万册", 120_000.0, "册"),
            ("2600余场", 2600.0, "场"),
            ("超过800万人次", 8_000_000.0, "人次"),
            ("12.8万名", 128_000.0, "名"),
        ],
        excluded: &[
            "〔2022〕12号",
            "12号",
            "12348",
            "2023年",
            "3月20日",
            "十四五",
            "八五",
        ],
    });
    let first = children(&r, &[0]);
    let headings: Vec<&str> = first.iter().map(|(h, _)| h.as_str()).collect();
    want(
        &mut m,
        "children of 一、",
        headings,
        vec![
            "（一）加强政府立法，以良法促进发展保障善治",
            "（二）推进严格规范公正文明执法",
            "（三）依法化解社会矛盾纠纷",
            "（四）深入开展法治宣传教育",
            NESTED_DUTY,
        ],
    );
    want(
        &mut m,
        "part of the nested duty section",
        first.get(4).map(|c| c.1),
        Some(Part::Duty),
    );
    let duty = &check(&r).parts[2];
    want(
        &mut m,
        "check: duty",
        (duty.found, duty.section.as_deref()),
        (Some(Found::Section), Some(&[0, 4][..])),
    );
    want(
        &mut m,
        "children of the plans (the signature is no heading)",
        children(&r, &[2]),
        vec![],
    );
    want(
        &mut m,
        "kind of 6.5个百分点",
        indicator(&r, "6.5个百分点").kind,
        IndicatorKind::Change,
    );
    finish("province_department_nested_duty_2022.txt", &m);
}

#[test]
fn problems_and_plans_under_one_shared_heading_with_ascii_punctuation() {
    let (r, mut m) = read(&Expected {
        file: "county_city_problems_and_plans_2023.txt",
        name: "高平市",
        level: Level::County,
        path: &["山西省", "晋城市", "高平市"],
        code: "140581",
        department: None,
        year: 2023,
        title: Some("高平市2023年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2023年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (
                Some("二、党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("三、存在的问题及下一步工作打算"), Part::Problems),
        ],
        indicators: &[
            ("860名", 1860.0, "名"),
            ("99.6%", 99.6, "%"),
            ("98.7%", 98.7, "%"),
            ("4.3个百分点", 4.3, "个百分点"),
            ("215户", 6215.0, "户"),
            ("同比增长15.2%", 15.2, "%"),
            ("5.3万户", 53_000.0, "户"),
            ("540余条", 540.0, "条"),
            ("260件", 1260.0, "件"),
            ("850万元", 18_500_000.0, "元"),
            ("同比下降9.8%", -9.8, "%"),
            ("417件", 3417.0, "件"),
            ("1.1万人次", 11_000.0, "人次"),
            ("520条", 4520.0, "条"),
            ("300万元", 23_000_000.0, "元"),
        ],
        excluded: &["2021-2025年", "2025年", "2024年", "12348"],
    });
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 6);
    want(
        &mut m,
        "children of the shared heading",
        children(&r, &[2]),
        vec![
            ("(一)存在的问题".to_string(), Part::Problems),
            ("(二)下一步工作打算".to_string(), Part::Plans),
        ],
    );
    let c = check(&r);
    for (i, path) in [(1, &[2][..]), (3, &[2, 1][..])] {
        let p = &c.parts[i];
        want(
            &mut m,
            &format!("check: {:?} is a section", p.part),
            (p.found, p.section.as_deref()),
            (Some(Found::Section), Some(path)),
        );
    }
    want(
        &mut m,
        "check: problems note (causes given)",
        c.parts[1].note.as_deref(),
        None,
    );
    finish("county_city_problems_and_plans_2023.txt", &m);
}

#[test]
fn a_short_county_report_of_shi_paragraphs_without_any_heading() {
    let (r, mut m) = read(&Expected {
        file: "county_shi_paragraphs_2022.txt",
        name: "望奎县",
        level: Level::County,
        path: &["黑龙江省", "绥化市", "望奎县"],
        code: "231221",
        department: None,
        year: 2022,
        title: Some("望奎县2022年法治政府建设工作报告"),
        top: &[
            (None, Part::Achievements),
            (None, Part::Problems),
            (None, Part::Plans),
        ],
        indicators: &[
            ("95.6%", 95.6, "%"),
            ("1876户", 1876.0, "户"),
            ("同比增长13.4%", 13.4, "%"),
            ("178项", 178.0, "项"),
            ("一百三十余件", 130.0, "件"),
            ("二百余条", 200.0, "条"),
            ("620人次", 620.0, "人次"),
            ("98.3%", 98.3, "%"),
            ("约260万元", 2_600_000.0, "元"),
            ("3.6万份", 36_000.0, "份"),
            ("1100余名", 1100.0, "名"),
            ("近4万人次", 40_000.0, "人次"),
            ("6000余人次", 6000.0, "人次"),
        ],
        excluded: &["2023年", "2月28日", "28日", "八五"],
    });
    let of_part = |part: Part| r.sections.iter().find(|s| s.part == part);
    let leads: Vec<String> = of_part(Part::Achievements)
        .map(|s| {
            s.measures
                .iter()
                .map(|x| x.text.chars().take(6).collect())
                .collect()
        })
        .unwrap_or_default();
    want(
        &mut m,
        "achievements measures 一是…八是 (first 6 chars)",
        leads,
        [
            "强化组织领导",
            "深化“放管服",
            "规范行政决策",
            "严格规范执法",
            "化解矛盾纠纷",
            "加强普法宣传",
            "自觉接受监督",
            "强化应急法治",
        ]
        .map(String::from)
        .to_vec(),
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
    finish("county_shi_paragraphs_2022.txt", &m);
}

#[test]
fn a_city_report_in_utf16le_with_a_bom_and_arabic_items_under_its_parts() {
    let (r, mut m) = read(&Expected {
        file: "prefecture_utf16le_bom_2023.txt",
        name: "三亚市",
        level: Level::Prefecture,
        path: &["海南省", "三亚市"],
        code: "4602",
        department: None,
        year: 2023,
        title: Some("三亚市2023年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2023年法治政府建设工作开展情况"),
                Part::Achievements,
            ),
            (
                Some("二、党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("三、存在的不足及原因"), Part::Problems),
            (Some("四、2024年工作计划"), Part::Plans),
        ],
        indicators: &[
            ("四十余次", 40.0, "次"),
            ("六百余条", 600.0, "条"),
            ("93.5%", 93.5, "%"),
            ("约4.8万户", 48_000.0, "户"),
            ("同比增长21.6%", 21.6, "%"),
            ("17.6亿元", 1_760_000_000.0, "元"),
            ("二百一十六项", 216.0, "项"),
            ("2.6万余条", 26_000.0, "条"),
            ("同比下降7.2%", -7.2, "%"),
            ("3.5个百分点", 3.5, "个百分点"),
            ("超过三十万人次", 300_000.0, "人次"),
            ("5.2万个", 52_000.0, "个"),
            ("五百三十二件", 532.0, "件"),
            ("百分之百", 100.0, "%"),
            ("约2.1万人次", 21_000.0, "人次"),
            ("3800余人", 3800.0, "人"),
        ],
        excluded: &["12348", "八五", "2024年"],
    });
    let items = children(&r, &[0]);
    want(&mut m, "children 1．…7．", items.len(), 7);
    want(
        &mut m,
        "first child",
        items.first().map(|i| i.0.as_str()),
        Some("1．服务自由贸易港建设，加强重点领域立法"),
    );
    want(
        &mut m,
        "text starts after the BOM",
        r.text.starts_with("三亚市"),
        true,
    );
    finish("prefecture_utf16le_bom_2023.txt", &m);
}

#[test]
fn a_gbk_page_laid_out_in_tables() {
    let (r, mut m) = read(&Expected {
        file: "district_table_gbk_2022.html",
        name: "河西区",
        level: Level::County,
        path: &["天津市", "河西区"],
        code: "120103",
        department: None,
        year: 2022,
        title: Some("天津市河西区2022年法治政府建设情况报告"),
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
            ("99.5%", 99.5, "%"),
            ("1.36万户", 13_600.0, "户"),
            ("同比增长8.7%", 8.7, "%"),
            ("约6.3亿元", 630_000_000.0, "元"),
            ("2.4个百分点", 2.4, "个百分点"),
            ("1.2万余件", 12_000.0, "件"),
            ("2.4万人次", 24_000.0, "人次"),
            ("1.1万家次", 11_000.0, "家次"),
            ("4300余处", 4300.0, "处"),
            ("95%以上", 95.0, "%"),
        ],
        excluded: &[
            "1201030001",
            "00087",
            "〔2023〕3号",
            "3号",
            "4491号",
            "123号",
            "12348",
            "2021－2025年",
        ],
    });
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 6);
    no_chrome(
        &mut m,
        &r,
        &[
            "索 引 号",
            "发布机构",
            "11120103MB1580622X",
            "河西政报",
            "有 效 性",
            "您现在的位置",
            "政务公开 >>",
            "打印本页",
            "扫一扫",
            "网站标识码",
            "ICP备",
        ],
    );
    want(&mut m, "published", r.meta.published, Some((2023, 3, 28)));
    want(&mut m, "late", check(&r).late, Some(false));
    finish("district_table_gbk_2022.html", &m);
}

#[test]
fn a_banner_with_an_addressee_an_other_part_and_attachments() {
    let (r, mut m) = read(&Expected {
        file: "banner_attachments_2023.txt",
        name: "西乌珠穆沁旗",
        level: Level::County,
        path: &["内蒙古自治区", "锡林郭勒盟", "西乌珠穆沁旗"],
        code: "152526",
        department: None,
        year: 2023,
        title: Some("西乌珠穆沁旗2023年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2023年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
            (Some("五、其他需要报告的情况"), Part::Other),
        ],
        indicators: &[
            ("96.3%", 96.3, "%"),
            ("1135户", 1135.0, "户"),
            ("同比增长9.6%", 9.6, "%"),
            ("约420万元", 4_200_000.0, "元"),
            ("一百八十余件", 180.0, "件"),
            ("4.1个百分点", 4.1, "个百分点"),
            ("2726万亩", 27_260_000.0, "亩"),
            ("1.3万亩", 13_000.0, "亩"),
            ("超过300万亩", 3_000_000.0, "亩"),
            ("98.5%", 98.5, "%"),
            ("2.8万余人次", 28_000.0, "人次"),
            ("3600余人次", 3600.0, "人次"),
        ],
        excluded: &["2024年", "3月15日", "15日", "12348", "八五"],
    });
    let first = children(&r, &[0]);
    want(&mut m, "children of 一、", first.len(), 5);
    want(
        &mut m,
        "first child is （一）强化组织领导",
        first
            .first()
            .is_some_and(|c| c.0.starts_with("（一）强化组织领导")),
        true,
    );
    let attached: Vec<&str> = r
        .sections
        .iter()
        .flat_map(|s| &s.measures)
        .map(|x| x.text.as_str())
        .filter(|t| t.contains("附件") || t.contains("工作要点"))
        .filter(|t| !t.contains("印发"))
        .collect();
    want(
        &mut m,
        "measures from the attachment list",
        attached,
        vec![],
    );
    want(
        &mut m,
        "children of 五、 (attachment items are no headings)",
        children(&r, &[4]),
        vec![],
    );
    finish("banner_attachments_2023.txt", &m);
}

#[test]
fn a_xiang_whose_page_prints_the_title_twice_and_dates_by_jin_nian_yi_lai() {
    let (r, mut m) = read(&Expected {
        file: "township_xiang_title_twice_2023.txt",
        name: "掌子沟乡",
        level: Level::Township,
        path: &["甘肃省", "临夏回族自治州", "临夏县", "掌子沟乡"],
        code: "622921201",
        department: None,
        year: 2023,
        title: Some("掌子沟乡法治政府建设工作情况报告"),
        top: &[
            (Some("一、工作开展情况"), Part::Achievements),
            (Some("二、存在的问题"), Part::Problems),
            (Some("三、下一步工作打算"), Part::Plans),
        ],
        indicators: &[
            ("27份", 27.0, "份"),
            ("320余条", 320.0, "条"),
            ("成功调解131件", 131.0, "件"),
            ("96.3%", 96.3, "%"),
            ("5000余份", 5000.0, "份"),
            ("1.2万人次", 12_000.0, "人次"),
            ("180人", 180.0, "人"),
        ],
        excluded: &["12·18", "18", "2023-12-28", "12-28", "2021－2025年", "八五"],
    });
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 6);
    want(&mut m, "published", r.meta.published, Some((2023, 12, 28)));
    want(
        &mut m,
        "title lines in the text (the page headline repeats it)",
        r.text.matches("掌子沟乡法治政府建设工作情况报告").count(),
        1,
    );
    no_chrome(&mut m, &r, &["发布时间", "浏览次数", "字体"]);
    finish("township_xiang_title_twice_2023.txt", &m);
}

#[test]
fn a_prefecture_reusing_the_yi_ladder_at_two_levels() {
    let (r, mut m) = read(&Expected {
        file: "prefecture_reused_numbering_2021.txt",
        name: "林芝市",
        level: Level::Prefecture,
        path: &["西藏自治区", "林芝市"],
        code: "5404",
        department: None,
        year: 2021,
        title: Some("林芝市2021年法治政府建设情况报告"),
        top: &[
            (
                Some("一、2021年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2022年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("2.3万名", 23_000.0, "名"),
            ("3.2个百分点", 3.2, "个百分点"),
            ("2600余人次", 2600.0, "人次"),
            ("3126项", 3126.0, "项"),
            ("同比增长19.8%", 19.8, "%"),
            ("4.1万户", 41_000.0, "户"),
            ("96.4%", 96.4, "%"),
            ("约3.7亿元", 370_000_000.0, "元"),
            ("二十三件", 23.0, "件"),
            ("260余件", 260.0, "件"),
            ("1.2亿元", 120_000_000.0, "元"),
            ("1.8万条", 18_000.0, "条"),
            ("2900余人", 2900.0, "人"),
            ("37.5%", 37.5, "%"),
            ("同比上升5.6个百分点", 5.6, "个百分点"),
            ("约860万元", 8_600_000.0, "元"),
            ("99.3%", 99.3, "%"),
            ("13.8%", 13.8, "%"),
            ("同比下降4.5个百分点", -4.5, "个百分点"),
            ("1.5万余人次", 15_000.0, "人次"),
            ("2300余万元", 23_000_000.0, "元"),
            ("十二万份", 120_000.0, "份"),
            ("三十五万人次", 350_000.0, "人次"),
            ("百分之百", 100.0, "%"),
            ("约2.6亿元", 260_000_000.0, "元"),
            ("1.9亿元", 190_000_000.0, "元"),
            ("9800余条", 9800.0, "条"),
            ("约6.5万人次", 65_000.0, "人次"),
            ("21.4%", -21.4, "%"),
            ("18.2%", -18.2, "%"),
            ("38万余条", 380_000.0, "条"),
        ],
        excluded: &[
            "〔2021〕35号",
            "35号",
            "12348",
            "100周年",
            "2021－2025年",
            "2022年",
            "3月25日",
            "十四五",
            "八五",
            "七进",
        ],
    });
    let inner: Vec<String> = children(&r, &[0]).into_iter().map(|(h, _)| h).collect();
    want(
        &mut m,
        "reused 一、…九、 under the first part",
        inner.len(),
        9,
    );
    want(
        &mut m,
        "first and last inner heading",
        (
            inner.first().map(String::as_str),
            inner.last().map(String::as_str),
        ),
        (
            Some("一、深入学习贯彻习近平法治思想，加强党对法治政府建设的领导"),
            Some("九、加强法治政府建设科技保障，推进数字政府建设"),
        ),
    );
    want(
        &mut m,
        "inner depth",
        r.sections[0].children.iter().all(|s| s.depth == 2),
        true,
    );
    let problems: Vec<String> = children(&r, &[1]).into_iter().map(|(h, _)| h).collect();
    want(
        &mut m,
        "children of 二、",
        problems,
        vec!["（一）存在的不足".to_string(), "（二）原因分析".to_string()],
    );
    // The plans' （一）…（四） are four parallel full-sentence items: all four children, or all
    // four measures, never a mix.
    let plans = &r.sections[3];
    let shape = (plans.children.len(), plans.measures.len());
    if shape != (4, 0) && shape != (0, 4) {
        m.push(format!(
            "plans items: got {} children {:?} and {} measures, want 4 of one kind",
            shape.0,
            children(&r, &[3]),
            shape.1
        ));
    }
    want(
        &mut m,
        "kind of 同比下降4.5个百分点",
        indicator(&r, "同比下降4.5个百分点").kind,
        IndicatorKind::Change,
    );
    finish("prefecture_reused_numbering_2021.txt", &m);
}
