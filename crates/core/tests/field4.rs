//! A fourth, blind field test: eight reports in shapes the first three did not cover — headings
//! numbered with ASCII periods and commas, "第一、" ordinals over "1." items, a county public
//! security bureau with statistics tables flattened to tab- and space-separated lines, a very short
//! township report in three paragraphs, a 2020 report full of "十三五" and plan ranges, a report
//! that puts the leaders' duty first and ends with "其他需要报告的情况", a `TRS_Editor` page with a
//! table, a picture caption and the title only in its meta and `<h2>`, and a report whose headings
//! end in a full stop with quoted, unnumbered sub-headings. Each test states what a careful reader
//! sees.

mod common;

use fazhi_core::model::{IndicatorKind, Level, Part, Report};

use common::*;

const DIR: &str = "field4";

fn read(e: &Expected) -> (Report, Vec<String>) {
    common::read(DIR, e)
}

const DUTY_2: &str = "二、党政主要负责人履行推进法治建设第一责任人职责情况";
const PROBLEMS_3: &str = "三、存在的不足和原因";

#[test]
fn ascii_periods_spaces_and_commas_in_the_numbering() {
    let (r, mut m) = read(&Expected {
        file: "county_ascii_periods_2023.txt",
        name: "阳朔县",
        level: Level::County,
        path: &["广西壮族自治区", "桂林市", "阳朔县"],
        code: "450321",
        department: None,
        year: 2023,
        title: Some("阳朔县2023年法治政府建设年度报告"),
        top: &[
            (Some("一. 主要工作及成效"), Part::Achievements),
            (
                Some("二. 党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("三. 存在的问题"), Part::Problems),
            (Some("四. 2024年工作打算"), Part::Plans),
        ],
        indicators: &[
            ("1,260人次", 1260.0, "人次"),
            ("99.4%", 99.4, "%"),
            ("1,387项", 1387.0, "项"),
            ("18.6万件", 186_000.0, "件"),
            ("同比增长9.7%", 9.7, "%"),
            ("96.3%", 96.3, "%"),
            ("4,215户", 4215.0, "户"),
            ("1,630余户", 1630.0, "户"),
            ("312件", 312.0, "件"),
            ("540余条", 540.0, "条"),
            ("186名", 186.0, "名"),
            ("约365万元", 3_650_000.0, "元"),
            ("12.1%", 12.1, "%"),
            ("2,376件", 2376.0, "件"),
            ("98.2%", 98.2, "%"),
            ("2.5小时", 2.5, "小时"),
            ("百分之五十五", 55.0, "%"),
        ],
        excluded: &["2024年", "3月12日", "12日", "2023年", "三项"],
    });
    let first = children(&r, &[0]);
    want(&mut m, "children of 一.", first.len(), 5);
    want(
        &mut m,
        "kind of 百分之五十五",
        indicator(&r, "百分之五十五").map(|i| i.kind),
        Some(IndicatorKind::Percent),
    );
    want(
        &mut m,
        "first child of 一. (space after the number, ASCII comma)",
        first.first().map(String::as_str),
        Some("(一) 加强领导,压实法治建设责任"),
    );
    want(
        &mut m,
        "children of the plans (一)…(四)",
        children(&r, &[3]).len(),
        4,
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 2),
        Some(3),
    );
    want(
        &mut m,
        "an ASCII thousands separator splits no number",
        r.indicators
            .iter()
            .filter(|i| {
                ["260人次", "387项", "215户", "630余户", "376件"].contains(&i.span.as_str())
            })
            .count(),
        0,
    );
    finish("county_ascii_periods_2023.txt", &m);
}

#[test]
fn di_yi_ordinals_as_top_headings_over_numbered_items() {
    let (r, mut m) = read(&Expected {
        file: "county_di_yi_ordinals_2022.txt",
        name: "湄潭县",
        level: Level::County,
        path: &["贵州省", "遵义市", "湄潭县"],
        code: "520328",
        department: None,
        year: 2022,
        title: Some("湄潭县2022年度法治政府建设工作报告"),
        top: &[
            (
                Some("第一、坚持党的领导，统筹推进法治政府建设"),
                Part::Achievements,
            ),
            (
                Some("第二、坚持依法行政，全面提升政府治理效能"),
                Part::Achievements,
            ),
            (Some("第三、履行推进法治建设第一责任人职责情况"), Part::Duty),
            (Some("第四、存在的问题和不足"), Part::Problems),
            (Some("第五、2023年工作打算"), Part::Plans),
        ],
        indicators: &[
            ("15个", 15.0, "个"),
            ("820人次", 820.0, "人次"),
            ("93.6%", 93.6, "%"),
            ("3862户", 3862.0, "户"),
            ("同比增长11.4%", 11.4, "%"),
            ("912项", 912.0, "项"),
            ("68%", 68.0, "%"),
            ("1056件", 1056.0, "件"),
            ("同比下降6.8%", -6.8, "%"),
            ("240卷", 240.0, "卷"),
            ("81.5%", 81.5, "%"),
            ("100%", 100.0, "%"),
            ("2.3名", 2.3, "名"),
            ("300户", 300.0, "户"),
        ],
        excluded: &["2021—2025年", "2023年", "2月15日", "15日", "八五"],
    });
    want(
        &mut m,
        "children of 第一、",
        children(&r, &[0]),
        vec![
            "1.健全工作机制".to_string(),
            "2.抓实学法用法".to_string(),
            "3.强化考核督察".to_string(),
        ],
    );
    want(&mut m, "children of 第二、", children(&r, &[1]).len(), 3);
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 3),
        Some(3),
    );
    want(&mut m, "plans measures 1.…4.", measures(&r, 4), Some(4));
    no_heading_with(&mut m, &r, &["人民政府"]);
    finish("county_di_yi_ordinals_2022.txt", &m);
}

#[test]
fn a_county_police_bureau_with_flattened_statistics_tables() {
    let (r, mut m) = read(&Expected {
        file: "county_police_bureau_table_2023.txt",
        name: "信丰县公安局",
        level: Level::Department,
        path: &["江西省", "赣州市", "信丰县"],
        code: "360722",
        department: Some("公安局"),
        year: 2023,
        title: Some("信丰县公安局2023年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2023年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(DUTY_2), Part::Duty),
            (Some(PROBLEMS_3), Part::Problems),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("312名", 312.0, "名"),
            ("95.4%", 95.4, "%"),
            ("1298起", 1298.0, "起"),
            ("同比增长8.7%", 8.7, "%"),
            ("同比下降14.4%", -14.4, "%"),
            ("158起", 158.0, "起"),
            ("约486万元", 4_860_000.0, "元"),
            ("426卷", 426.0, "卷"),
            ("53个", 53.0, "个"),
            ("9.6万件", 96_000.0, "件"),
            ("2180件", 2180.0, "件"),
            ("99.1%", 99.1, "%"),
            ("320余场", 320.0, "场"),
            ("4.2万份", 42_000.0, "份"),
            ("11.8万人次", 118_000.0, "人次"),
        ],
        excluded: &[
            "2022年",
            "2023年",
            "2022—2023年",
            "2024年",
            "1月26日",
            "26日",
            "表1",
            "八五",
        ],
    });
    // The column heads are years; no cell may be read across a tab or a run of spaces.
    no_value(
        &mut m,
        &r,
        &[2022.0, 2023.0, 20_222_023.0, 12_041_356.0, 388_426.0, 129.0],
    );
    for i in &r.indicators {
        if i.span.contains('\t') || i.span.contains('\n') || i.span.contains("  ") {
            m.push(format!("an indicator across table cells: {:?}", i.span));
        }
    }
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 5);
    want(
        &mut m,
        "kind of 同比下降14.4%",
        indicator(&r, "同比下降14.4%").map(|i| i.kind),
        Some(IndicatorKind::Change),
    );
    no_heading_with(
        &mut m,
        &r,
        &[
            "表1",
            "指标",
            "类别",
            "受理行政案件",
            "执法案卷评查",
            "行政复议案件（件）",
        ],
    );
    want(&mut m, "plans measures 一是…三是", measures(&r, 3), Some(3));
    finish("county_police_bureau_table_2023.txt", &m);
}

#[test]
fn a_short_township_report_in_three_paragraphs() {
    let (r, mut m) = read(&Expected {
        file: "township_three_paragraphs_2022.txt",
        name: "宏村镇",
        level: Level::Township,
        // Two 宏村镇 exist (安徽 黟县, 江西 广昌县): the opening names 黟县.
        path: &["安徽省", "黄山市", "黟县", "宏村镇"],
        code: "341023101",
        department: None,
        year: 2022,
        title: Some("宏村镇2022年法治政府建设情况报告"),
        // The last paragraph states the shortcomings, then "下一步" opens the plans.
        top: &[
            (None, Part::Achievements),
            (None, Part::Problems),
            (None, Part::Plans),
        ],
        indicators: &[
            ("260人次", 260.0, "人次"),
            ("8%", 8.0, "%"),
            ("74件", 74.0, "件"),
            ("31起", 31.0, "起"),
            ("约12.6万元", 126_000.0, "元"),
            ("65条", 65.0, "条"),
            ("同比下降9.2%", -9.2, "%"),
            ("97.5%", 97.5, "%"),
            ("96名", 96.0, "名"),
            ("38场", 38.0, "场"),
            ("约4200人次", 4200.0, "人次"),
            ("95%", 95.0, "%"),
        ],
        excluded: &["2023年", "八五", "三项"],
    });
    let titles: Vec<Option<&str>> = r
        .sections
        .first()
        .map(|s| s.measures.iter().map(|x| x.title.as_deref()).collect())
        .unwrap_or_default();
    want(
        &mut m,
        "achievements measure titles 一是…三是",
        titles,
        vec![
            Some("强化组织保障"),
            Some("推进依法行政"),
            Some("化解矛盾纠纷"),
        ],
    );
    let part_text = |i: usize| r.sections.get(i).map(|s| r.slice(s.extent)).unwrap_or("");
    want(
        &mut m,
        "the problems end before 下一步",
        part_text(1).contains("下一步"),
        false,
    );
    want(
        &mut m,
        "the plans start at 下一步",
        part_text(2).starts_with("下一步"),
        true,
    );
    want(
        &mut m,
        "the opening stays in the preamble",
        r.slice(r.preamble).contains("现将有关情况报告如下"),
        true,
    );
    finish("township_three_paragraphs_2022.txt", &m);
}

#[test]
fn a_2020_report_full_of_plan_names_and_ranges() {
    let (r, mut m) = read(&Expected {
        file: "county_city_thirteenth_plan_2020.txt",
        name: "庄河市",
        level: Level::County,
        path: &["辽宁省", "大连市", "庄河市"],
        code: "210283",
        department: None,
        year: 2020,
        title: Some("庄河市人民政府关于2020年度法治政府建设情况的报告"),
        top: &[
            (
                Some("一、2020年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some(DUTY_2), Part::Duty),
            (Some("三、存在的问题"), Part::Problems),
            (Some("四、2021年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("1860余次", 1860.0, "次"),
            ("520份", 520.0, "份"),
            ("约2350万元", 23_500_000.0, "元"),
            ("1.4万户", 14_000.0, "户"),
            ("1126项", 1126.0, "项"),
            ("92.6%", 92.6, "%"),
            ("6318户", 6318.0, "户"),
            ("同比增长7.9%", 7.9, "%"),
            ("146项", 146.0, "项"),
            ("2415件", 2415.0, "件"),
            ("3680万元", 36_800_000.0, "元"),
            ("3200余场次", 3200.0, "场次"),
            ("约65万人次", 650_000.0, "人次"),
            ("4736件", 4736.0, "件"),
            ("98.7%", 98.7, "%"),
            ("83件", 83.0, "件"),
            ("同比下降12.6%", -12.6, "%"),
        ],
        excluded: &[
            "十三五",
            "七五",
            "十四五",
            "八五",
            "2015—2020年",
            "2016—2020年",
            "2021—2025年",
            "2020年",
            "2021年",
            "1月28日",
            "28日",
            "十条",
        ],
    });
    no_value(
        &mut m,
        &r,
        &[2015.0, 2016.0, 2020.0, 2021.0, 2025.0, 13.0, 14.0],
    );
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 5);
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    want(
        &mut m,
        "the addressee is kept in the preamble",
        r.slice(r.preamble).contains("大连市人民政府："),
        true,
    );
    finish("county_city_thirteenth_plan_2020.txt", &m);
}

#[test]
fn the_duty_first_and_a_closing_part_of_other_matters() {
    let (r, mut m) = read(&Expected {
        file: "prefecture_duty_first_other_2021.txt",
        name: "六安市",
        level: Level::Prefecture,
        // 金寨县, a county of the city, is named late; it is not the author.
        path: &["安徽省", "六安市"],
        code: "3415",
        department: None,
        year: 2021,
        title: Some("六安市2021年法治政府建设情况报告"),
        top: &[
            (
                Some("一、党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (
                Some("二、推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(PROBLEMS_3), Part::Problems),
            (Some("四、下一步工作安排"), Part::Plans),
            (Some("五、其他需要报告的情况"), Part::Other),
        ],
        indicators: &[
            ("12次", 12.0, "次"),
            ("136件", 136.0, "件"),
            ("318件", 318.0, "件"),
            ("99.3%", 99.3, "%"),
            ("5.86万户", 58_600.0, "户"),
            ("同比增长16.2%", 16.2, "%"),
            ("1260余件", 1260.0, "件"),
            ("约870万元", 8_700_000.0, "元"),
            ("960卷", 960.0, "卷"),
            ("94.8%", 94.8, "%"),
            ("482件", 482.0, "件"),
            ("451件", 451.0, "件"),
            ("11.5%", 11.5, "%"),
            ("98.6%", 98.6, "%"),
            ("2.3万件", 23_000.0, "件"),
            ("98.9%", 98.9, "%"),
            ("31.6万件", 316_000.0, "件"),
            ("99.7%", 99.7, "%"),
        ],
        excluded: &["12345", "2022年", "2月18日", "18日", "七五"],
    });
    want(&mut m, "children of 二、", children(&r, &[1]).len(), 5);
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 2),
        Some(3),
    );
    want(&mut m, "plans measures 一是…三是", measures(&r, 3), Some(3));
    no_value(&mut m, &r, &[12_345.0, 2021.0]);
    finish("prefecture_duty_first_other_2021.txt", &m);
}

#[test]
fn a_trs_editor_page_with_a_table_a_caption_and_the_title_in_meta() {
    let (r, mut m) = read(&Expected {
        file: "county_trs_editor_page_2022.html",
        name: "陆良县",
        level: Level::County,
        path: &["云南省", "曲靖市", "陆良县"],
        code: "530322",
        department: None,
        year: 2022,
        title: Some("陆良县2022年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2022年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(DUTY_2), Part::Duty),
            (Some(PROBLEMS_3), Part::Problems),
            (Some("四、2023年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("54项", 54.0, "项"),
            ("760人次", 760.0, "人次"),
            ("1468项", 1468.0, "项"),
            ("21.3万件", 213_000.0, "件"),
            ("同比增长14.2%", 14.2, "%"),
            ("7426户", 7426.0, "户"),
            ("99.5%", 99.5, "%"),
            ("1873件", 1873.0, "件"),
            ("约1420万元", 14_200_000.0, "元"),
            ("320卷", 320.0, "卷"),
            ("78.4%", 78.4, "%"),
            ("410余场", 410.0, "场"),
            ("6.8万份", 68_000.0, "份"),
            ("约23万人次", 230_000.0, "人次"),
            ("3185件", 3185.0, "件"),
            ("98.3%", 98.3, "%"),
            ("100%", 100.0, "%"),
        ],
        excluded: &[
            "2021年",
            "2023年",
            "2023-02-20",
            "02-20",
            "2月17日",
            "17日",
            "5303220001",
            "05001234号",
            "53032202000123号",
            "0874-6321234",
            "6321234",
            "八五",
            "三项",
        ],
    });
    // The view counter and the picture's file name are page furniture, not facts.
    no_value(
        &mut m,
        &r,
        &[1286.0, 2021.0, 2022.0, 20_230_220_093_012_345.0],
    );
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 5);
    want(&mut m, "published", r.meta.published, Some((2023, 2, 20)));
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    no_heading_with(
        &mut m,
        &r,
        &["宣传活动现场", "项目", "行政处罚案件（件）", "人民政府"],
    );
    no_chrome(
        &mut m,
        &r,
        &[
            "当前的位置",
            "首页",
            "浏览次数",
            "分享到",
            "打印本页",
            "关闭窗口",
            "网站标识码",
            "ICP备",
            "公网安备",
            "主办：",
            "联系电话",
        ],
    );
    finish("county_trs_editor_page_2022.html", &m);
}

#[test]
fn full_stop_headings_and_quoted_unnumbered_sub_headings() {
    let (r, mut m) = read(&Expected {
        file: "county_city_full_stop_headings_2023.txt",
        name: "库车市",
        level: Level::County,
        path: &["新疆维吾尔自治区", "阿克苏地区", "库车市"],
        code: "652902",
        department: None,
        year: 2023,
        title: Some("库车市2023年法治政府建设年度报告"),
        // A heading's closing full stop is punctuation, not part of its title (as with a
        // run-in "（一）…。" heading).
        top: &[
            (Some("一、坚持党的领导"), Part::Achievements),
            (Some("二、坚持依法决策"), Part::Achievements),
            (Some("三、坚持严格执法"), Part::Achievements),
            (Some("四、存在的不足"), Part::Problems),
            (Some("五、下一步打算"), Part::Plans),
        ],
        indicators: &[
            ("7次", 7.0, "次"),
            ("1150人次", 1150.0, "人次"),
            ("99.2%", 99.2, "%"),
            ("287件", 287.0, "件"),
            ("460余条", 460.0, "条"),
            ("136件", 136.0, "件"),
            ("2318件", 2318.0, "件"),
            ("同比增长6.4%", 6.4, "%"),
            ("约1960万元", 19_600_000.0, "元"),
            ("380件", 380.0, "件"),
            ("9642户", 9642.0, "户"),
            ("98.1%", 98.1, "%"),
            ("4127件", 4127.0, "件"),
            ("98.6%", 98.6, "%"),
            ("46件", 46.0, "件"),
            ("同比下降8.0%", -8.0, "%"),
        ],
        excluded: &["三项", "2024年", "3月5日", "5日", "八五"],
    });
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    want(
        &mut m,
        "children of 一、",
        children(&r, &[0]),
        s(&["抓“关键少数”，压实责任", "学“法治思想”，提升能力"]),
    );
    want(
        &mut m,
        "children of 二、",
        children(&r, &[1]),
        s(&["立“制度规矩”，规范程序", "建“审查机制”，守住底线"]),
    );
    want(
        &mut m,
        "children of 三、",
        children(&r, &[2]),
        s(&[
            "推“三项制度”，规范执法",
            "优“营商环境”，激发活力",
            "化“矛盾纠纷”，维护稳定",
        ]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 3),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 4), Some(4));
    no_heading_with(&mut m, &r, &["人民政府"]);
    finish("county_city_full_stop_headings_2023.txt", &m);
}
