//! A sixth, blind field test aimed at false positives: words that look like part openers inside
//! achievements paragraphs, a report on one year that talks mostly about the next, a province
//! that names its cities and neighbours, statute articles and meeting ordinals, "一是" inside
//! quoted slogans, and a county whose first part ends with "（七）其他" and whose report closes with
//! "特此报告。". Each test states what a careful reader sees.

mod common;

use fazhi_core::model::{IndicatorKind, Level, Part, Report};

use common::*;

const DIR: &str = "field6";

fn read(e: &Expected) -> (Report, Vec<String>) {
    common::read(DIR, e)
}

#[test]
fn problem_and_plan_words_inside_achievements_paragraphs_open_no_part() {
    let (r, mut m) = read(&Expected {
        file: "county_problem_words_in_achievements_2023.txt",
        name: "射阳县",
        level: Level::County,
        path: &["江苏省", "盐城市", "射阳县"],
        code: "320924",
        department: None,
        year: 2023,
        title: Some("射阳县2023年法治政府建设工作报告"),
        top: &[
            (
                Some("一、2023年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some("二、存在的不足"), Part::Problems),
            (Some("三、下一步工作安排"), Part::Plans),
        ],
        indicators: &[
            ("6次", 6.0, "次"),
            ("43个", 43.0, "个"),
            ("12项", 12.0, "项"),
            ("100%", 100.0, "%"),
            ("2,136件", 2136.0, "件"),
            ("320卷", 320.0, "卷"),
            ("58个", 58.0, "个"),
            ("4,215处", 4215.0, "处"),
            ("4,087处", 4087.0, "处"),
            ("97%", 97.0, "%"),
            ("6,480件", 6480.0, "件"),
            ("98.6%", 98.6, "%"),
            ("87件", 87.0, "件"),
            ("同比下降9.4%", -9.4, "%"),
            ("6.9%", 6.9, "%"),
            ("31件", 31.0, "件"),
            ("260余场", 260.0, "场"),
            ("5.2万份", 52_000.0, "份"),
            ("1,850名", 1850.0, "名"),
            ("1,326项", 1326.0, "项"),
            ("96.5%", 96.5, "%"),
            ("215个", 215.0, "个"),
            ("7,842户", 7842.0, "户"),
            ("同比增长11.3%", 11.3, "%"),
        ],
        excluded: &[
            "2021－2025年",
            "2023年",
            "2024年",
            "1月25日",
            "25日",
            "八五",
            "三项",
        ],
    });
    no_value(&mut m, &r, &[2021.0, 2023.0, 2024.0, 2025.0]);
    want(
        &mut m,
        "children of 一、",
        children(&r, &[0]),
        strings(&[
            "（一）坚持问题导向，推动依法行政提质增效",
            "（二）严格规范执法，提升行政执法公信力",
            "（三）化解矛盾纠纷，维护社会和谐稳定",
            "（四）深化法治宣传，营造浓厚法治氛围",
            "（五）优化法治化营商环境，激发市场主体活力",
        ]),
    );
    // Each trap stays in the paragraph it stands in.
    want(
        &mut m,
        "section of 12项",
        section_of(&r, "12项"),
        Some(vec![0, 0]),
    );
    want(
        &mut m,
        "section of 4,087处",
        section_of(&r, "4,087处"),
        Some(vec![0, 1]),
    );
    want(
        &mut m,
        "section of 31件",
        section_of(&r, "31件"),
        Some(vec![0, 2]),
    );
    want(
        &mut m,
        "section of 7,842户",
        section_of(&r, "7,842户"),
        Some(vec![0, 4]),
    );
    no_heading_with(
        &mut m,
        &r,
        &[
            "着力解决",
            "针对存在的问题",
            "纳入考核",
            "排查问题隐患",
            "存在问题的执法单位",
            "下一步，",
            "问题集中",
            "存在的问题和不足方面",
            "人民政府",
        ],
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 2), Some(4));
    finish("county_problem_words_in_achievements_2023.txt", &m);
}

#[test]
fn a_report_on_2022_that_talks_mostly_about_2023() {
    let (r, mut m) = read(&Expected {
        file: "district_next_year_heavy_2022.html",
        name: "吴兴区",
        level: Level::County,
        path: &["浙江省", "湖州市", "吴兴区"],
        code: "330502",
        department: None,
        // Eleven "2023年" (plans, signature, publish date) against two "2022年": the opening
        // "2022年，吴兴区…" and "截至2022年底" say what the report covers.
        year: 2022,
        title: Some("吴兴区人民政府关于法治政府建设工作情况的报告"),
        top: &[
            (Some("一、主要举措和成效"), Part::Achievements),
            (Some("二、存在的不足和原因"), Part::Problems),
            (
                Some("三、党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("四、2023年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("1,582项", 1582.0, "项"),
            ("98.2%", 98.2, "%"),
            ("6,915户", 6915.0, "户"),
            ("同比增长8.6%", 8.6, "%"),
            ("9项", 9.0, "项"),
            ("134份", 134.0, "份"),
            ("3,264件", 3264.0, "件"),
            ("约2,180万元", 21_800_000.0, "元"),
            ("410卷", 410.0, "卷"),
            ("88.5%", 88.5, "%"),
            ("8,706件", 8706.0, "件"),
            ("99.1%", 99.1, "%"),
            ("152件", 152.0, "件"),
            ("100%", 100.0, "%"),
            ("62个", 62.0, "个"),
            ("5次", 5.0, "次"),
            ("12次", 12.0, "次"),
        ],
        excluded: &[
            "2022年",
            "2023年",
            "2023-03-20",
            "03-20",
            "3月15日",
            "15日",
            "3305020001",
            "12034567号",
            "八五",
        ],
    });
    no_value(&mut m, &r, &[2022.0, 2023.0, 2318.0, 3_305_020_001.0]);
    want(&mut m, "published", r.meta.published, Some((2023, 3, 20)));
    want(
        &mut m,
        "children of 一、 (run-in headings)",
        children(&r, &[0]),
        strings(&[
            "（一）深化“最多跑一次”改革",
            "（二）推进依法科学民主决策",
            "（三）严格规范公正文明执法",
            "（四）有效化解社会矛盾纠纷",
        ]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(&mut m, "plans measures 一是…五是", measures(&r, 3), Some(5));
    no_heading_with(&mut m, &r, &["人民政府", "2023年是", "浏览次数"]);
    no_chrome(
        &mut m,
        &r,
        &["您的位置", "浏览次数", "网站标识码", "ICP备", "【打印】"],
    );
    finish("district_next_year_heavy_2022.html", &m);
}

#[test]
fn a_province_that_names_its_cities_counties_and_neighbours() {
    let (r, mut m) = read(&Expected {
        file: "province_names_its_cities_2023.txt",
        name: "河北省",
        level: Level::Province,
        path: &["河北省"],
        code: "13",
        department: None,
        year: 2023,
        title: Some("河北省人民政府关于2023年法治政府建设情况的报告"),
        top: &[
            (
                Some("一、2023年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some("二、存在的不足和原因"), Part::Problems),
            (
                Some("三、党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("11个", 11.0, "个"),
            ("28个", 28.0, "个"),
            ("46次", 46.0, "次"),
            ("126项", 126.0, "项"),
            ("312项", 312.0, "项"),
            ("14件", 14.0, "件"),
            ("9件", 9.0, "件"),
            ("62件", 62.0, "件"),
            ("1,238件", 1238.0, "件"),
            ("27件", 27.0, "件"),
            ("21.6万件", 216_000.0, "件"),
            ("同比下降6.8%", -6.8, "%"),
            ("4,370件", 4370.0, "件"),
            ("1.86万件", 18_600.0, "件"),
            ("同比增长34.5%", 34.5, "%"),
            ("96.3%", 96.3, "%"),
            ("42.7万件", 427_000.0, "件"),
            ("98.9%", 98.9, "%"),
            ("12.4万名", 124_000.0, "名"),
            ("4.9万个", 49_000.0, "个"),
            ("3.2万件", 32_000.0, "件"),
            ("约5.6亿元", 560_000_000.0, "元"),
            ("4次", 4.0, "次"),
            ("11次", 11.0, "次"),
        ],
        excluded: &[
            "2023年",
            "2024年",
            "3月8日",
            "8日",
            "八五",
            "第三批",
            "三批",
        ],
    });
    no_value(&mut m, &r, &[2023.0, 2024.0]);
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 6);
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    want(
        &mut m,
        "section of 4,370件",
        section_of(&r, "4,370件"),
        Some(vec![0, 3]),
    );
    no_heading_with(&mut m, &r, &["人民政府", "党中央", "国务院"]);
    finish("province_names_its_cities_2023.txt", &m);
}

#[test]
fn statute_articles_meeting_ordinals_and_slogan_numbers_are_neither_numbers_nor_headings() {
    let (r, mut m) = read(&Expected {
        file: "prefecture_statutes_and_articles_2023.txt",
        name: "白山市",
        level: Level::Prefecture,
        path: &["吉林省", "白山市"],
        code: "2206",
        department: None,
        year: 2023,
        title: Some("白山市2023年法治政府建设情况报告"),
        top: &[
            (
                Some("一、2023年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some("二、存在的问题"), Part::Problems),
            (
                Some("三、党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("四、2024年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("10次", 10.0, "次"),
            ("820人次", 820.0, "人次"),
            ("42项", 42.0, "项"),
            ("8个", 8.0, "个"),
            ("67项", 67.0, "项"),
            ("1,254件", 1254.0, "件"),
            ("460卷", 460.0, "卷"),
            ("97.4%", 97.4, "%"),
            ("218件", 218.0, "件"),
            ("203件", 203.0, "件"),
            ("196件", 196.0, "件"),
            ("11.2%", 11.2, "%"),
            ("100%", 100.0, "%"),
            ("同比下降2.5个百分点", -2.5, "个百分点"),
            ("12项", 12.0, "项"),
            ("87份", 87.0, "份"),
            ("41件", 41.0, "件"),
            ("2件", 2.0, "件"),
            ("320余场", 320.0, "场"),
            ("约12万人次", 120_000.0, "人次"),
            ("36个", 36.0, "个"),
            ("7次", 7.0, "次"),
        ],
        excluded: &[
            "三十三条",
            "5条",
            "十四次",
            "二十大",
            "十四五",
            "两个",
            "二十四条",
            "二十二条",
            "十二条",
            "十部分",
            "2021－2025年",
            "2023年",
            "2024年",
            "2月26日",
            "26日",
            "八五",
        ],
    });
    no_value(
        &mut m,
        &r,
        &[
            5.0, 14.0, 20.0, 22.0, 24.0, 33.0, 2021.0, 2023.0, 2024.0, 2025.0,
        ],
    );
    want(
        &mut m,
        "children of 一、",
        children(&r, &[0]),
        strings(&[
            "（一）加强党对法治政府建设的领导",
            "（二）严格规范行政执法",
            "（三）提升行政复议应诉水平",
            "（四）规范重大行政决策和规范性文件管理",
            "（五）深化法治宣传教育",
        ]),
    );
    want(
        &mut m,
        "kind of 同比下降2.5个百分点",
        indicator(&r, "同比下降2.5个百分点").map(|i| i.kind),
        Some(IndicatorKind::Change),
    );
    no_heading_with(
        &mut m,
        &r,
        &[
            "第三十三条",
            "第5条",
            "第十四次",
            "二十大",
            "十四五",
            "两个确立",
            "第十部分",
            "第二十四条",
            "2023年修订",
            "人民政府",
        ],
    );
    // The label is never cut inside a word ("轻微违法行|为").
    if let Some(i) = indicator(&r, "1,254件")
        && i.label.ends_with("违法行")
    {
        m.push(format!("label of 1,254件 cut inside a word: {:?}", i.label));
    }
    // "一是一些部门…" is the first item, not "一是一" and a rest.
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    measure_has(&mut m, &r, &[1], 0, "一些部门落实");
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    finish("prefecture_statutes_and_articles_2023.txt", &m);
}

#[test]
fn yi_shi_inside_quoted_slogans_is_no_enumerator() {
    let (r, mut m) = read(&Expected {
        file: "county_yi_shi_in_slogans_2022.txt",
        name: "平遥县",
        level: Level::County,
        path: &["山西省", "晋中市", "平遥县"],
        code: "140728",
        department: None,
        year: 2022,
        title: Some("平遥县2022年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2022年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (
                Some("二、党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("三、存在的不足"), Part::Problems),
            (Some("四、2023年工作安排"), Part::Plans),
        ],
        indicators: &[
            ("3次", 3.0, "次"),
            ("14个", 14.0, "个"),
            ("12次", 12.0, "次"),
            ("1,080人次", 1080.0, "人次"),
            ("6%", 6.0, "%"),
            ("3个", 3.0, "个"),
            ("42个", 42.0, "个"),
            ("1,436件", 1436.0, "件"),
            ("100%", 100.0, "%"),
            ("约3,600平方米", 3600.0, "平方米"),
            ("17件", 17.0, "件"),
            ("260卷", 260.0, "卷"),
            ("81.5%", 81.5, "%"),
            ("2,318件", 2318.0, "件"),
            ("98.7%", 98.7, "%"),
            ("64件", 64.0, "件"),
            ("12.5%", 12.5, "%"),
            ("1,215项", 1215.0, "项"),
            ("87.3%", 87.3, "%"),
            ("约2,460万元", 24_600_000.0, "元"),
            ("1,120户", 1120.0, "户"),
            ("46次", 46.0, "次"),
            ("5次", 5.0, "次"),
            ("38人次", 38.0, "人次"),
            ("4次", 4.0, "次"),
        ],
        excluded: &["2022年", "2023年", "2月8日", "8日", "八五", "三项"],
    });
    no_value(&mut m, &r, &[2022.0, 2023.0]);
    for i in r.indicators.iter().filter(|i| i.span.contains('是')) {
        m.push(format!("a slogan read as a number: {:?}", i.span));
    }
    want(
        &mut m,
        "children of 一、",
        children(&r, &[0]),
        strings(&[
            "（一）强化组织领导",
            "（二）规范行政执法",
            "（三）化解矛盾纠纷",
            "（四）优化营商环境",
        ]),
    );
    let some = |v: &[&str]| v.iter().map(|x| Some(x.to_string())).collect::<Vec<_>>();
    want(
        &mut m,
        "measure titles of （一）",
        titles(&r, &[0, 0]),
        some(&["健全工作机制", "严格学法用法", "压实考核责任"]),
    );
    want(
        &mut m,
        "measure titles of （二）",
        titles(&r, &[0, 1]),
        some(&["推行执法“三项制度”", "加强古城保护执法", "开展案卷评查"]),
    );
    want(
        &mut m,
        "measure titles of （三）",
        titles(&r, &[0, 2]),
        some(&["深化“枫桥经验”", "办好行政复议"]),
    );
    want(
        &mut m,
        "measure titles of （四）",
        titles(&r, &[0, 3]),
        some(&["深化“放管服”改革", "兑现政策承诺", "规范涉企检查"]),
    );
    measure_has(&mut m, &r, &[0, 0], 1, "坚持‘一是一、二是二’的工作作风");
    measure_has(&mut m, &r, &[0, 1], 1, "坚持“说一是一、说二是二”");
    measure_has(&mut m, &r, &[0, 3], 1, "“一是一、二是二，说到做到”");
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 2),
        Some(3),
    );
    measure_has(&mut m, &r, &[2], 1, "“一是一、二是二”的作风");
    measure_has(&mut m, &r, &[2], 1, "选择性执法");
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    measure_has(&mut m, &r, &[3], 1, "坚持“一是一、二是二”，严格规范");
    // No measure anywhere is a piece of a slogan cut at its "一是" or "二是".
    for (path, s) in r.walk() {
        for x in &s.measures {
            let t = x.text.as_str();
            let cut = ["一、", "一，", "二”", "二’", "二，"]
                .iter()
                .any(|p| t.starts_with(p))
                || ["“一是一、", "‘一是一、", "“说一是一、说", "“", "‘"]
                    .iter()
                    .any(|p| t.ends_with(p));
            if cut {
                m.push(format!("a slogan cut into measures in {path:?}: {t:?}"));
            }
        }
    }
    no_heading_with(&mut m, &r, &["一是一", "二是二", "人民政府"]);
    finish("county_yi_shi_in_slogans_2022.txt", &m);
}

#[test]
fn a_seventh_other_child_numbered_plan_items_and_a_closing_formula() {
    let (r, mut m) = read(&Expected {
        file: "county_other_child_and_closing_2022.txt",
        name: "阳朔县",
        level: Level::County,
        path: &["广西壮族自治区", "桂林市", "阳朔县"],
        code: "450321",
        department: None,
        year: 2022,
        title: Some("阳朔县2022年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2022年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some("二、存在的不足和原因"), Part::Problems),
            (
                Some("三、党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("四、2023年度法治政府建设工作计划"), Part::Plans),
        ],
        indicators: &[
            ("5次", 5.0, "次"),
            ("11次", 11.0, "次"),
            ("5%", 5.0, "%"),
            ("1,064项", 1064.0, "项"),
            ("62.8%", 62.8, "%"),
            ("3,287户", 3287.0, "户"),
            ("同比增长7.9%", 7.9, "%"),
            ("18件", 18.0, "件"),
            ("73件", 73.0, "件"),
            ("96份", 96.0, "份"),
            ("214条", 214.0, "条"),
            ("9个", 9.0, "个"),
            ("156项", 156.0, "项"),
            ("1,928件", 1928.0, "件"),
            ("180卷", 180.0, "卷"),
            ("95.6%", 95.6, "%"),
            ("1,746件", 1746.0, "件"),
            ("98.3%", 98.3, "%"),
            ("38件", 38.0, "件"),
            ("29件", 29.0, "件"),
            ("100%", 100.0, "%"),
            ("150余场", 150.0, "场"),
            ("2.1万份", 21_000.0, "份"),
            ("860名", 860.0, "名"),
            ("12个", 12.0, "个"),
            ("486名", 486.0, "名"),
            ("7个", 7.0, "个"),
            ("23件", 23.0, "件"),
            ("4次", 4.0, "次"),
            ("2次", 2.0, "次"),
        ],
        excluded: &[
            "2022年",
            "2023年",
            "2月15日",
            "15日",
            "八五",
            "二十大",
            "二轮",
        ],
    });
    no_value(&mut m, &r, &[2022.0, 2023.0]);
    let first = children(&r, &[0]);
    want(&mut m, "children of 一、", first.len(), 7);
    want(
        &mut m,
        "the seventh child",
        first.get(6).map(String::as_str),
        Some("（七）其他"),
    );
    want(
        &mut m,
        "section of 486名 (under （七）其他)",
        section_of(&r, "486名"),
        Some(vec![0, 6]),
    );
    want(
        &mut m,
        "section of 23件 (under （七）其他)",
        section_of(&r, "23件"),
        Some(vec![0, 6]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 1),
        Some(3),
    );
    want(&mut m, "plans measures 1.…4.", measures(&r, 3), Some(4));
    measure_has(&mut m, &r, &[3], 0, "深入学习贯彻党的二十大精神");
    measure_has(&mut m, &r, &[3], 3, "推动行政争议实质性化解");
    for (path, s) in r.walk() {
        for x in &s.measures {
            if ["特此报告", "阳朔县人民政府", "2月15日"]
                .iter()
                .any(|c| x.text.contains(c))
            {
                m.push(format!(
                    "the closing in a measure of {path:?}: {:?}",
                    x.text
                ));
            }
        }
    }
    no_heading_with(&mut m, &r, &["特此报告", "人民政府", "2023年2月"]);
    finish("county_other_child_and_closing_2022.txt", &m);
}
