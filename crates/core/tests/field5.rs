//! A fifth, blind field test: six reports in shapes the first four did not cover — text extracted
//! from a PDF (hard-wrapped lines, page footers, a running header, a two-line title, a heading
//! wrapped over two lines), a long county report with all five parts and run-in "1." items under
//! six "（一）" sections, a city department writing "我局" throughout, a 城关街道 whose name repeats
//! across the country and whose district is named once, a page whose article is one `<div>` of
//! `<br><br>` paragraphs indented with `&emsp;`, and a report numbered "（一）" at the top with
//! "1、" items below. Each test states what a careful reader sees.

mod common;

use fazhi_core::model::{IndicatorKind, Level, Part, Report};

use common::*;

const DIR: &str = "field5";

fn read(e: &Expected) -> (Report, Vec<String>) {
    common::read(DIR, e)
}

const DUTY_2: &str = "二、党政主要负责人履行推进法治建设第一责任人职责情况";

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// No measure of any section carries page furniture (a running header, a page footer).
fn no_furniture_in_measures(m: &mut Vec<String>, r: &Report, furniture: &[&str]) {
    for (_, s) in r.walk() {
        for x in &s.measures {
            if let Some(f) = furniture.iter().find(|f| x.text.contains(*f)) {
                m.push(format!("page furniture {f:?} in a measure: {:?}", x.text));
            }
        }
    }
}

/// The label of the indicator whose span ends with `span` contains `part`.
fn label_has(m: &mut Vec<String>, r: &Report, span: &str, part: &str) {
    match indicator(r, span) {
        Some(i) if i.label.contains(part) && !i.label.contains('\n') => {}
        Some(i) => m.push(format!(
            "label of {span}: got {:?}, want it to contain {part:?}",
            i.label
        )),
        None => m.push(format!("label of {span}: no indicator")),
    }
}

#[test]
fn a_pdf_extract_with_hard_wrapped_lines_footers_and_a_running_header() {
    let (r, mut m) = read(&Expected {
        file: "county_pdf_hard_wrapped_2023.txt",
        name: "湘潭县",
        level: Level::County,
        path: &["湖南省", "湘潭市", "湘潭县"],
        code: "430321",
        department: None,
        year: 2023,
        // The title is set over two lines under the masthead, as a PDF prints it.
        title: Some("湘潭县人民政府关于2023年法治政府建设情况的报告"),
        top: &[
            (
                Some("一、2023年法治政府建设主要举措和成效"),
                Part::Achievements,
            ),
            (Some(DUTY_2), Part::Duty),
            (Some("三、存在的问题和不足"), Part::Problems),
            (Some("四、2024年工作打算"), Part::Plans),
        ],
        indicators: &[
            ("410人次", 410.0, "人次"),
            ("8%", 8.0, "%"),
            ("1,260人次", 1260.0, "人次"),
            ("126项", 126.0, "项"),
            ("1,428项", 1428.0, "项"),
            ("92.7%", 92.7, "%"),
            ("5,316户", 5316.0, "户"),
            ("同比增长13.5%", 13.5, "%"),
            ("2.4万件", 24_000.0, "件"),
            ("326件", 326.0, "件"),
            ("540余条", 540.0, "条"),
            ("286卷", 286.0, "卷"),
            ("1,732件", 1732.0, "件"),
            ("约860万元", 8_600_000.0, "元"),
            ("312件", 312.0, "件"),
            ("4,265件", 4265.0, "件"),
            ("98.4%", 98.4, "%"),
            ("11.2%", 11.2, "%"),
            ("210余场", 210.0, "场"),
            ("3.6万份", 36_000.0, "份"),
            ("628件", 628.0, "件"),
            ("约1,150万元", 11_500_000.0, "元"),
            ("2,940名", 2940.0, "名"),
            ("4,870条", 4870.0, "条"),
            ("53个", 53.0, "个"),
        ],
        excluded: &[
            "2021—2025年",
            "2023年",
            "2024年",
            "〔2024〕3号",
            "3号",
            "1月26日",
            "26日",
            "八五",
            "五",
            "三项",
            "- 1 -",
            "- 3 -",
            "共 3 页",
            "第 2 页",
        ],
    });
    for i in &r.indicators {
        if i.span.contains('页') || i.span.contains(" -") || i.span.contains('\n') {
            m.push(format!("page furniture read as an indicator: {:?}", i.span));
        }
    }
    no_value(&mut m, &r, &[2021.0, 2023.0, 2024.0, 2025.0]);
    let first = children(&r, &[0]);
    want(&mut m, "children of 一、", first.len(), 6);
    want(
        &mut m,
        "the heading wrapped over two lines is one heading",
        first.get(3).map(String::as_str),
        Some("（四）坚持严格规范公正文明执法，全面推进行政执法三项制度落地见效"),
    );
    // Sentences broken by a line end, and by a footer and the running header, read whole.
    label_has(&mut m, &r, "1,428项", "服务中心进驻事项");
    label_has(&mut m, &r, "5,316户", "经营主体");
    label_has(&mut m, &r, "1,260人次", "培训科级以上干部");
    no_heading_with(&mut m, &r, &["人民政府文件", "页", "- ", "湘潭市人民政府"]);
    // The wrapped heading's tail is part of the heading, never a heading of its own.
    if r.walk()
        .iter()
        .any(|(_, s)| s.display_heading() == "落地见效")
    {
        m.push("not a heading: \"落地见效\"".into());
    }
    no_furniture_in_measures(&mut m, &r, &["人民政府文件", "- 1 -", "- 3 -", "第 2 页"]);
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 2),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    finish("county_pdf_hard_wrapped_2023.txt", &m);
}

#[test]
fn a_long_county_report_with_all_five_parts_and_run_in_items() {
    let (r, mut m) = read(&Expected {
        file: "county_five_parts_dense_2023.txt",
        name: "苍溪县",
        level: Level::County,
        path: &["四川省", "广元市", "苍溪县"],
        code: "510824",
        department: None,
        year: 2023,
        title: Some("苍溪县2023年法治政府建设年度报告"),
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
            (Some("五、其他需要报告的情况"), Part::Other),
        ],
        indicators: &[
            ("11件", 11.0, "件"),
            ("1,120人次", 1120.0, "人次"),
            ("9,860人", 9860.0, "人"),
            ("99.6%", 99.6, "%"),
            ("6.5%", 6.5, "%"),
            ("16个", 16.0, "个"),
            ("4,312项", 4312.0, "项"),
            ("87项", 87.0, "项"),
            ("63次", 63.0, "次"),
            ("1,653项", 1653.0, "项"),
            ("95.3%", 95.3, "%"),
            ("32.6万件", 326_000.0, "件"),
            ("同比增长14.8%", 14.8, "%"),
            ("6,842户", 6842.0, "户"),
            ("同比增长9.6%", 9.6, "%"),
            ("约2.3亿元", 230_000_000.0, "元"),
            ("214个", 214.0, "个"),
            ("216件", 216.0, "件"),
            ("58件", 58.0, "件"),
            ("182件", 182.0, "件"),
            ("约36.8亿元", 3_680_000_000.0, "元"),
            ("265份", 265.0, "份"),
            ("73名", 73.0, "名"),
            ("17条", 17.0, "条"),
            ("126项", 126.0, "项"),
            ("31支", 31.0, "支"),
            ("1,480人次", 1480.0, "人次"),
            ("2.8万条", 28_000.0, "条"),
            ("540卷", 540.0, "卷"),
            ("96.7%", 96.7, "%"),
            ("437件", 437.0, "件"),
            ("约286万元", 2_860_000.0, "元"),
            ("3,126件", 3126.0, "件"),
            ("同比下降7.4%", -7.4, "%"),
            ("45名", 45.0, "名"),
            ("7,438件", 7438.0, "件"),
            ("98.9%", 98.9, "%"),
            ("1,965件", 1965.0, "件"),
            ("同比增长21.3%", 21.3, "%"),
            ("168件", 168.0, "件"),
            ("13.7%", 13.7, "%"),
            ("4.5%", 4.5, "%"),
            ("620余场", 620.0, "场"),
            ("1,384件", 1384.0, "件"),
            ("约2,460万元", 24_600_000.0, "元"),
            ("392个", 392.0, "个"),
            ("4,120名", 4120.0, "名"),
            ("两名", 2.0, "名"),
            ("同比上升2.1%", 2.1, "%"),
            ("9次", 9.0, "次"),
            ("61名", 61.0, "名"),
            ("5个", 5.0, "个"),
        ],
        excluded: &[
            "2021—2025年",
            "2023年",
            "2024年",
            "2月6日",
            "6日",
            "八五",
            "三统一",
            "第三批",
        ],
    });
    no_value(&mut m, &r, &[2021.0, 2023.0, 2024.0, 2025.0]);
    want(
        &mut m,
        "kind of 同比上升2.1%",
        indicator(&r, "同比上升2.1%").map(|i| i.kind),
        Some(IndicatorKind::Change),
    );
    want(
        &mut m,
        "children of 一、",
        children(&r, &[0]),
        strings(&[
            "（一）加强党的领导，完善法治政府建设推进机制",
            "（二）健全政府机构职能体系，推动更好发挥政府作用",
            "（三）健全依法行政制度体系，加快推进政府治理规范化程序化法治化",
            "（四）健全行政决策制度体系，不断提升行政决策公信力和执行力",
            "（五）健全行政执法工作体系，全面推进严格规范公正文明执法",
            "（六）健全社会矛盾纠纷行政预防调处化解体系，维护社会和谐稳定",
        ]),
    );
    want(
        &mut m,
        "run-in items of （一）",
        children(&r, &[0, 0]),
        strings(&["1.健全领导体制", "2.深化学法用法", "3.压实考核责任"]),
    );
    want(
        &mut m,
        "run-in items of （六）",
        children(&r, &[0, 5]).len(),
        4,
    );
    want(
        &mut m,
        "children of 二、",
        children(&r, &[1]),
        strings(&["（一）存在的不足", "（二）原因分析"]),
    );
    want(&mut m, "plans measures 一是…五是", measures(&r, 3), Some(5));
    want(
        &mut m,
        "section of 同比上升2.1% (the shortcomings)",
        indicator(&r, "同比上升2.1%").map(|i| i.section.clone()),
        Some(vec![1, 0]),
    );
    want(
        &mut m,
        "section of 61名 (the duty)",
        indicator(&r, "61名").map(|i| i.section.clone()),
        Some(vec![2]),
    );
    no_heading_with(&mut m, &r, &["人民政府"]);
    finish("county_five_parts_dense_2023.txt", &m);
}

#[test]
fn a_city_department_writing_wo_ju_throughout() {
    let (r, mut m) = read(&Expected {
        file: "department_wo_ju_2022.txt",
        name: "临沂市生态环境局",
        level: Level::Department,
        path: &["山东省", "临沂市"],
        code: "3713",
        department: Some("生态环境局"),
        year: 2022,
        title: Some("临沂市生态环境局2022年度法治政府建设工作报告"),
        top: &[
            (
                Some("一、2022年度法治政府建设工作开展情况"),
                Part::Achievements,
            ),
            (
                Some("二、主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("三、存在的不足"), Part::Problems),
            (Some("四、2023年工作计划"), Part::Plans),
        ],
        indicators: &[
            ("26项", 26.0, "项"),
            ("10次", 10.0, "次"),
            ("380人次", 380.0, "人次"),
            ("412件", 412.0, "件"),
            ("约3,260万元", 32_600_000.0, "元"),
            ("同比下降18.5%", -18.5, "%"),
            ("27件", 27.0, "件"),
            ("156条", 156.0, "条"),
            ("53件", 53.0, "件"),
            ("约190万元", 1_900_000.0, "元"),
            ("986个", 986.0, "个"),
            ("40%", 40.0, "%"),
            ("1,208家", 1208.0, "家"),
            ("85场", 85.0, "场"),
            ("2.4万份", 24_000.0, "份"),
            ("约15万人次", 150_000.0, "人次"),
            ("32次", 32.0, "次"),
            ("4,876件", 4876.0, "件"),
            ("100%", 100.0, "%"),
            ("96.2%", 96.2, "%"),
            ("10名", 10.0, "名"),
        ],
        excluded: &["六五", "2023年", "2022年", "1月18日", "18日"],
    });
    no_value(&mut m, &r, &[65.0, 2022.0, 2023.0]);
    want(&mut m, "children of 一、", children(&r, &[0]).len(), 5);
    want(
        &mut m,
        "kind of 同比下降18.5%",
        indicator(&r, "同比下降18.5%").map(|i| i.kind),
        Some(IndicatorKind::Change),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 2),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    no_heading_with(&mut m, &r, &["生态环境局"]);
    finish("department_wo_ju_2022.txt", &m);
}

#[test]
fn a_chengguan_subdistrict_placed_by_its_district_named_once() {
    let (r, mut m) = read(&Expected {
        file: "subdistrict_chengguan_2022.txt",
        name: "城关街道",
        level: Level::Township,
        // Thirty-five 城关街道 exist; the opening names 商州区 once.
        path: &["陕西省", "商洛市", "商州区", "城关街道"],
        code: "611002001",
        department: None,
        year: 2022,
        title: Some("城关街道2022年法治政府建设工作报告"),
        top: &[
            (Some("一、2022年法治政府建设工作情况"), Part::Achievements),
            (Some(DUTY_2), Part::Duty),
            (Some("三、存在的不足"), Part::Problems),
            (Some("四、2023年工作打算"), Part::Plans),
        ],
        indicators: &[
            ("9个", 9.0, "个"),
            ("11次", 11.0, "次"),
            ("37项", 37.0, "项"),
            ("46份", 46.0, "份"),
            ("83条", 83.0, "条"),
            ("98项", 98.0, "项"),
            ("64件", 64.0, "件"),
            ("18次", 18.0, "次"),
            ("约2,600平方米", 2600.0, "平方米"),
            ("386件", 386.0, "件"),
            ("97.7%", 97.7, "%"),
            ("约420万元", 4_200_000.0, "元"),
            ("212件", 212.0, "件"),
            ("100%", 100.0, "%"),
            ("56场", 56.0, "场"),
            ("1.2万份", 12_000.0, "份"),
            ("310名", 310.0, "名"),
            ("26人次", 26.0, "人次"),
            ("12名", 12.0, "名"),
        ],
        excluded: &["三重一大", "八五", "2023年", "1月12日", "12日"],
    });
    want(
        &mut m,
        "children of 一、 (run-in （一）… headings)",
        children(&r, &[0]),
        strings(&[
            "（一）强化组织保障",
            "（二）推进依法决策",
            "（三）规范综合执法",
            "（四）化解矛盾纠纷",
            "（五）深化法治宣传",
        ]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 2),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    finish("subdistrict_chengguan_2022.txt", &m);
}

#[test]
fn a_page_of_br_paragraphs_indented_with_emsp() {
    let (r, mut m) = read(&Expected {
        file: "district_br_only_page_2023.html",
        name: "顺德区",
        level: Level::County,
        path: &["广东省", "佛山市", "顺德区"],
        code: "440606",
        department: None,
        year: 2023,
        title: Some("佛山市顺德区2023年法治政府建设年度报告"),
        top: &[
            (
                Some("一、2023年推进法治政府建设的主要举措和成效"),
                Part::Achievements,
            ),
            (Some(DUTY_2), Part::Duty),
            (Some("三、存在的不足和原因"), Part::Problems),
            (Some("四、2024年推进法治政府建设的主要安排"), Part::Plans),
        ],
        indicators: &[
            ("2.6万人", 26_000.0, "人"),
            ("99.8%", 99.8, "%"),
            ("99.2%", 99.2, "%"),
            ("4.3万户", 43_000.0, "户"),
            ("同比增长12.6%", 12.6, "%"),
            ("1,846件", 1846.0, "件"),
            ("9项", 9.0, "项"),
            ("31件", 31.0, "件"),
            ("428份", 428.0, "份"),
            ("1,120条", 1120.0, "条"),
            ("1.27万件", 12_700.0, "件"),
            ("约1.86亿元", 186_000_000.0, "元"),
            ("850卷", 850.0, "卷"),
            ("91.4%", 91.4, "%"),
            ("1.9万件", 19_000.0, "件"),
            ("98.7%", 98.7, "%"),
            ("624件", 624.0, "件"),
            ("581件", 581.0, "件"),
            ("12.9%", 12.9, "%"),
            ("2,735件", 2735.0, "件"),
            ("8次", 8.0, "次"),
        ],
        excluded: &[
            "2023年",
            "2024年",
            "2024-03-15",
            "03-15",
            "3月15日",
            "15日",
            "4406060001",
            "05012345号",
            "44060602000123号",
        ],
    });
    no_value(&mut m, &r, &[2023.0, 2024.0, 4_406_060_001.0]);
    want(&mut m, "published", r.meta.published, Some((2024, 3, 15)));
    want(
        &mut m,
        "children of 一、 (run-in headings ending in a full stop)",
        children(&r, &[0]),
        strings(&[
            "（一）坚持党的领导，统筹推进法治政府建设",
            "（二）深化营商环境改革，激发市场主体活力",
            "（三）规范行政决策，提升依法行政水平",
            "（四）严格规范执法，推进镇街综合行政执法",
            "（五）化解矛盾纠纷，维护社会和谐稳定",
        ]),
    );
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 2),
        Some(3),
    );
    want(&mut m, "plans measures 一是…四是", measures(&r, 3), Some(4));
    no_heading_with(&mut m, &r, &["人民政府", "发布日期", "网站首页"]);
    no_chrome(
        &mut m,
        &r,
        &[
            "&emsp;",
            "<br>",
            "当前位置",
            "网站首页",
            "发布日期",
            "字号",
            "分享到",
            "打印本页",
            "关闭窗口",
            "网站标识码",
            "ICP备",
            "公网安备",
        ],
    );
    finish("district_br_only_page_2023.html", &m);
}

#[test]
fn paren_numbers_at_the_top_and_ideographic_comma_items_below() {
    let (r, mut m) = read(&Expected {
        file: "county_paren_top_level_2022.txt",
        name: "盐池县",
        level: Level::County,
        path: &["宁夏回族自治区", "吴忠市", "盐池县"],
        code: "640323",
        department: None,
        year: 2022,
        title: Some("盐池县2022年法治政府建设情况报告"),
        top: &[
            (
                Some("（一）加强组织领导，压实法治建设责任"),
                Part::Achievements,
            ),
            (
                Some("（二）坚持依法行政，提升政府治理效能"),
                Part::Achievements,
            ),
            (
                Some("（三）党政主要负责人履行推进法治建设第一责任人职责情况"),
                Part::Duty,
            ),
            (Some("（四）存在问题"), Part::Problems),
            (Some("（五）下一步打算"), Part::Plans),
        ],
        indicators: &[
            ("33项", 33.0, "项"),
            ("560人次", 560.0, "人次"),
            ("5%", 5.0, "%"),
            ("29个", 29.0, "个"),
            ("96.6%", 96.6, "%"),
            ("1,186项", 1186.0, "项"),
            ("93.4%", 93.4, "%"),
            ("2,418户", 2418.0, "户"),
            ("同比增长8.7%", 8.7, "%"),
            ("762件", 762.0, "件"),
            ("180卷", 180.0, "卷"),
            ("78.9%", 78.9, "%"),
            ("96件", 96.0, "件"),
            ("1,573件", 1573.0, "件"),
            ("98.2%", 98.2, "%"),
            ("21件", 21.0, "件"),
            ("19件", 19.0, "件"),
            ("100%", 100.0, "%"),
            ("140余场", 140.0, "场"),
            ("约1.8万份", 18_000.0, "份"),
            ("1,020名", 1020.0, "名"),
            ("6次", 6.0, "次"),
            ("4.5名", 4.5, "名"),
        ],
        excluded: &["2023年", "2月10日", "10日"],
    });
    no_value(&mut m, &r, &[2022.0, 2023.0]);
    want(
        &mut m,
        "children of （一）",
        children(&r, &[0]),
        strings(&["1、健全工作机制", "2、抓好学法用法", "3、强化督察考核"]),
    );
    want(&mut m, "children of （二）", children(&r, &[1]).len(), 4);
    want(
        &mut m,
        "problems measures 一是…三是",
        measures(&r, 3),
        Some(3),
    );
    want(&mut m, "plans measures 1、…3、", measures(&r, 4), Some(3));
    no_heading_with(&mut m, &r, &["人民政府"]);
    finish("county_paren_top_level_2022.txt", &m);
}
