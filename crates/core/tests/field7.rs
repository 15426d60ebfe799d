//! A seventh, quick blind field test on ordinary reports, the kind most common in the field: a
//! county with "一是…二是…" inline under each （一）, a district whose subsections are run-in bold
//! lead sentences without numbers, a town whose report has no publish date and opens with
//! "今年以来", a prefecture's 司法局 writing "XX州", and a county with Chinese numerals in the
//! headings and "百分之百", "达到95%以上" in the body. Each test states what a careful reader sees.

mod common;

use fazhi_core::model::{Level, Part, Report};

use common::*;

const DIR: &str = "field7";

fn read(e: &Expected) -> (Report, Vec<String>) {
    common::read(DIR, e)
}

const DUTY: &str = "三、党政主要负责人履行推进法治建设第一责任人职责情况";

#[test]
fn a_county_with_yi_shi_inline_under_each_subsection() {
    let (r, mut m) = read(&Expected {
        file: "county_inline_yishi_2023.txt",
        name: "郎溪县",
        level: Level::County,
        path: &["安徽省", "宣城市", "郎溪县"],
        code: "341821",
        department: None,
        year: 2023,
        title: Some("郎溪县2023年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2023年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some("二、存在的不足和原因"), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("6次", 6.0, "次"),
            ("12次", 12.0, "次"),
            ("38项", 38.0, "项"),
            ("4%", 4.0, "%"),
            ("1,286项", 1286.0, "项"),
            ("98.5%", 98.5, "%"),
            ("2,140户", 2140.0, "户"),
            ("4,326户", 4326.0, "户"),
            ("同比增长9.2%", 9.2, "%"),
            ("5件", 5.0, "件"),
            ("14件", 14.0, "件"),
            ("100%", 100.0, "%"),
            ("126份", 126.0, "份"),
            ("1,652件", 1652.0, "件"),
            ("230卷", 230.0, "卷"),
            ("96.1%", 96.1, "%"),
            ("87件", 87.0, "件"),
            ("2,018件", 2018.0, "件"),
            ("98.8%", 98.8, "%"),
            ("42件", 42.0, "件"),
            ("31件", 31.0, "件"),
            ("3次", 3.0, "次"),
            ("法治课2次", 2.0, "次"),
        ],
        excluded: &["2023年", "2024年", "2月20日", "20日"],
    });
    no_value(&mut m, &r, &[2023.0, 2024.0]);
    want(
        &mut m,
        "children of 一、",
        children(&r, &[0]),
        strings(&[
            "（一）强化组织领导",
            "（二）深化“放管服”改革",
            "（三）规范行政决策",
            "（四）严格规范执法",
            "（五）化解矛盾纠纷",
        ]),
    );
    for i in 0..5 {
        let n = r.section(&[0, i]).map(|s| s.measures.len());
        want(
            &mut m,
            &format!("measures of 一、/{i} (一是…三是)"),
            n,
            Some(3),
        );
    }
    measure_has(&mut m, &r, &[0, 1], 1, "推行“免申即享”");
    want(
        &mut m,
        "section of 2,018件",
        section_of(&r, "2,018件"),
        Some(vec![0, 4]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(
        &mut m,
        "children of 四、",
        children(&r, &[3]),
        strings(&[
            "（一）深入学习贯彻习近平法治思想",
            "（二）提升行政执法质量",
            "（三）加强基层法治建设",
        ]),
    );
    no_heading_with(&mut m, &r, &["人民政府", "一是", "二是"]);
    finish("county_inline_yishi_2023.txt", &m);
}

#[test]
fn a_district_whose_subsections_are_run_in_lead_sentences_without_numbers() {
    let (r, mut m) = read(&Expected {
        file: "district_runin_bold_2022.txt",
        name: "章贡区",
        level: Level::County,
        path: &["江西省", "赣州市", "章贡区"],
        code: "360702",
        department: None,
        year: 2022,
        title: Some("章贡区2022年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2022年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some("二、存在的不足和原因"), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2023年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("5次", 5.0, "次"),
            ("10次", 10.0, "次"),
            ("5%", 5.0, "%"),
            ("1,124项", 1124.0, "项"),
            ("65.3%", 65.3, "%"),
            ("5,870户", 5870.0, "户"),
            ("同比增长8.4%", 8.4, "%"),
            ("16件", 16.0, "件"),
            ("100%", 100.0, "%"),
            ("108份", 108.0, "份"),
            ("236条", 236.0, "条"),
            ("2,376件", 2376.0, "件"),
            ("320卷", 320.0, "卷"),
            ("95.8%", 95.8, "%"),
            ("64件", 64.0, "件"),
            ("3,150件", 3150.0, "件"),
            ("98.6%", 98.6, "%"),
            ("57件", 57.0, "件"),
            ("46件", 46.0, "件"),
            ("4次", 4.0, "次"),
            ("3次", 3.0, "次"),
            ("2件", 2.0, "件"),
        ],
        excluded: &["2022年", "2023年", "3月10日", "10日", "二十大"],
    });
    no_value(&mut m, &r, &[2022.0, 2023.0]);
    want(
        &mut m,
        "children of 一、 (run-in lead sentences)",
        children(&r, &[0]),
        strings(&[
            "加强组织领导",
            "优化营商环境",
            "规范行政决策",
            "严格规范执法",
            "化解矛盾纠纷",
        ]),
    );
    want(
        &mut m,
        "section of 3,150件",
        section_of(&r, "3,150件"),
        Some(vec![0, 4]),
    );
    want(
        &mut m,
        "section of 236条",
        section_of(&r, "236条"),
        Some(vec![0, 2]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(
        &mut m,
        "children of 四、 (run-in lead sentences)",
        children(&r, &[3]),
        strings(&["强化理论武装", "提升执法水平", "夯实基层基础"]),
    );
    no_heading_with(&mut m, &r, &["人民政府", "区政府常务会议"]);
    finish("district_runin_bold_2022.txt", &m);
}

#[test]
fn a_town_report_without_a_date_takes_its_year_from_the_title() {
    let (r, mut m) = read(&Expected {
        file: "town_this_year_no_date_2024.txt",
        name: "皇图岭镇",
        level: Level::Township,
        path: &["湖南省", "株洲市", "攸县", "皇图岭镇"],
        code: "430223122",
        department: None,
        // "今年以来" and no publish date: the title says 2024.
        year: 2024,
        title: Some("皇图岭镇2024年度法治政府建设工作报告"),
        top: &[
            (Some("一、主要工作举措和成效"), Part::Achievements),
            (Some("二、存在的问题"), Part::Problems),
            (Some("三、下一步工作打算"), Part::Plans),
        ],
        indicators: &[
            ("4次", 4.0, "次"),
            ("8次", 8.0, "次"),
            ("36份", 36.0, "份"),
            ("12次", 12.0, "次"),
            ("45条", 45.0, "条"),
            ("86件", 86.0, "件"),
            ("24次", 24.0, "次"),
            ("31处", 31.0, "处"),
            ("100%", 100.0, "%"),
            ("13个", 13.0, "个"),
            ("342件", 342.0, "件"),
            ("99.1%", 99.1, "%"),
            ("46场", 46.0, "场"),
            ("8,600份", 8600.0, "份"),
            ("128名", 128.0, "名"),
            ("1个", 1.0, "个"),
        ],
        excluded: &["2024年"],
    });
    no_value(&mut m, &r, &[2024.0]);
    want(&mut m, "published", r.meta.published, None);
    want(
        &mut m,
        "children of 一、",
        children(&r, &[0]),
        strings(&[
            "（一）加强组织领导",
            "（二）推进依法决策",
            "（三）规范综合执法",
            "（四）化解矛盾纠纷",
            "（五）深化法治宣传",
        ]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 2), Some(4));
    no_heading_with(&mut m, &r, &["人民政府", "今年以来", "镇党委书记"]);
    finish("town_this_year_no_date_2024.txt", &m);
}

#[test]
fn a_prefecture_justice_bureau_writing_its_short_zhou_name() {
    let (r, mut m) = read(&Expected {
        file: "prefecture_justice_bureau_2023.txt",
        // Name as written; the path and code are the prefecture's full official entry.
        name: "黔东南州司法局",
        level: Level::Department,
        path: &["贵州省", "黔东南苗族侗族自治州"],
        code: "5226",
        department: Some("司法局"),
        year: 2023,
        title: Some("黔东南州司法局关于2023年度法治政府建设情况的报告"),
        top: &[
            (
                Some("一、2023年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some("二、存在的不足和原因"), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2024年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("2次", 2.0, "次"),
            ("52项", 52.0, "项"),
            ("16个", 16.0, "个"),
            ("21件", 21.0, "件"),
            ("184件", 184.0, "件"),
            ("396条", 396.0, "条"),
            ("860卷", 860.0, "卷"),
            ("94.7%", 94.7, "%"),
            ("1,650人次", 1650.0, "人次"),
            ("328件", 328.0, "件"),
            ("同比增长26.5%", 26.5, "%"),
            ("301件", 301.0, "件"),
            ("12.3%", 12.3, "%"),
            ("4,215件", 4215.0, "件"),
            ("6,830件", 6830.0, "件"),
            ("1,200余场", 1200.0, "场"),
            ("约45万人次", 450_000.0, "人次"),
            ("6次", 6.0, "次"),
            ("12次", 12.0, "次"),
        ],
        excluded: &["2023年", "2024年", "1月26日", "26日", "八五"],
    });
    no_value(&mut m, &r, &[2023.0, 2024.0]);
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 5);
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    no_heading_with(&mut m, &r, &["人民政府", "司法局关于", "州委"]);
    finish("prefecture_justice_bureau_2023.txt", &m);
}

#[test]
fn chinese_numerals_in_headings_and_percentages_in_words() {
    let (r, mut m) = read(&Expected {
        file: "county_chinese_numerals_2023.txt",
        name: "玛纳斯县",
        level: Level::County,
        path: &["新疆维吾尔自治区", "昌吉回族自治州", "玛纳斯县"],
        code: "652324",
        department: None,
        year: 2023,
        title: Some("玛纳斯县2023年法治政府建设情况报告"),
        top: &[
            (
                Some("一、坚持“三个坚持”，全面推进法治政府建设"),
                Part::Achievements,
            ),
            (Some("二、存在的不足和原因"), Part::Problems),
            (Some(DUTY), Part::Duty),
            (Some("四、2024年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("7次", 7.0, "次"),
            ("14次", 14.0, "次"),
            ("百分之百", 100.0, "%"),
            ("98%以上", 98.0, "%"),
            ("19件", 19.0, "件"),
            ("142份", 142.0, "份"),
            ("95%以上", 95.0, "%"),
            ("68.2%", 68.2, "%"),
            ("1,384件", 1384.0, "件"),
            ("210卷", 210.0, "卷"),
            ("97.6%", 97.6, "%"),
            ("1,920件", 1920.0, "件"),
            ("百分之九十九", 99.0, "%"),
            ("5次", 5.0, "次"),
            ("2次", 2.0, "次"),
            ("1件", 1.0, "件"),
        ],
        excluded: &["2023年", "2024年", "2月5日", "三个", "三个坚持"],
    });
    no_value(&mut m, &r, &[2023.0, 2024.0, 3.0]);
    want(
        &mut m,
        "children of 一、",
        children(&r, &[0]),
        strings(&[
            "（一）坚持党的领导，压实法治建设责任",
            "（二）坚持依法行政，规范权力运行",
            "（三）坚持执法为民，提升执法质效",
        ]),
    );
    want(
        &mut m,
        "section of 百分之九十九",
        section_of(&r, "百分之九十九"),
        Some(vec![0, 2]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    no_heading_with(&mut m, &r, &["人民政府", "州党委"]);
    finish("county_chinese_numerals_2023.txt", &m);
}
