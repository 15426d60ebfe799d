//! The seeds read by hand: every quantity a careful reader would list, and the measured
//! precision and recall of the grammar against that list.

use super::*;

fn seed(prefix: &str) -> &'static str {
    let (_, bytes) = crate::seeds::SEEDS
        .iter()
        .find(|(name, _)| name.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix}"));
    std::str::from_utf8(bytes).unwrap()
}

type Row = (
    &'static str,
    f64,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// Every indicator of the paragraphs of `text` from `from` up to `to`, checked field by field.
fn check_table(text: &str, from: &str, to: &str, want: &[Row]) {
    let start = text.find(from).unwrap();
    let end = start + text[start..].find(to).unwrap();
    let got: Vec<_> = find_indicators(&text[start..end])
        .into_iter()
        .map(|i| (i.span, i.value, i.unit, i.label, i.canonical))
        .collect();
    let want: Vec<_> = want
        .iter()
        .map(|(s, v, u, l, c)| {
            (
                s.to_string(),
                *v,
                u.to_string(),
                l.to_string(),
                c.map(str::to_string),
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn county_report_paragraphs() {
    let text = seed("002");
    check_table(
        text,
        "着力优化法治化营商环境",
        "全力防范重大安全风险",
        &[
            ("136件", 136.0, "件", "解决企业发展难题", None),
            (
                "1420户",
                1420.0,
                "户",
                "落实减税降费",
                Some("functions.enterprises_served"),
            ),
            (
                "1500万元",
                15_000_000.0,
                "元",
                "落实减税降费",
                Some("functions.business_support"),
            ),
            (
                "1388万元",
                13_880_000.0,
                "元",
                "企业纾困转贷",
                Some("functions.business_support"),
            ),
            (
                "941户",
                941.0,
                "户",
                "市场主体",
                Some("functions.enterprises_served"),
            ),
            (
                "6545件",
                6545.0,
                "件",
                "行政规范性文件和政策性文件",
                Some("rules.normative_docs_reviewed"),
            ),
            (
                "152件",
                152.0,
                "件",
                "梳理涉企文件",
                Some("rules.docs_cleaned_up"),
            ),
            ("13件", 13.0, "件", "存在不平等对待企业", None),
        ],
    );
    check_table(
        text,
        "推动矛盾纠纷化解",
        "一年来",
        &[
            (
                "122个",
                122.0,
                "个",
                "规范设立各类调解组织",
                Some("disputes.mediation_organisations"),
            ),
            (
                "572人",
                572.0,
                "人",
                "培育专兼职调解员",
                Some("disputes.mediators"),
            ),
            (
                "930件",
                930.0,
                "件",
                "调解矛盾纠纷",
                Some("disputes.mediated"),
            ),
            (
                "96.77%",
                96.77,
                "%",
                "矛盾纠纷化解率",
                Some("disputes.mediation_success_rate"),
            ),
            ("7800万元", 78_000_000.0, "元", "涉及金额", None),
            (
                "45件",
                45.0,
                "件",
                "收到行政复议申请",
                Some("disputes.reconsideration_cases"),
            ),
            ("同比增长400%", 400.0, "%", "收到行政复议申请", None),
            (
                "100%",
                100.0,
                "%",
                "行政机关负责人出庭应诉率",
                Some("disputes.head_appearance_rate"),
            ),
            (
                "134件",
                134.0,
                "件",
                "该模式化解行政争议和涉府民事案件",
                // Civil cases counted in: not a count of administrative disputes alone.
                None,
            ),
            (
                "3140人次",
                3140.0,
                "人次",
                "接待法律咨询",
                Some("publicity.legal_consultations"),
            ),
            (
                "354件",
                354.0,
                "件",
                "受理法律援助案件",
                Some("publicity.legal_aid_cases"),
            ),
            ("107万", 1_070_000.0, "元", "挽回经济损失", None),
            (
                "65人次",
                65.0,
                "人次",
                "指派值班律师参与县人民检察院签署认罪认罚具结书",
                None,
            ),
            (
                "99个",
                99.0,
                "个",
                "建立基层服务站点",
                Some("publicity.legal_service_stations"),
            ),
            (
                "20名",
                20.0,
                "名",
                "选派优秀律师",
                Some("publicity.village_legal_advisers"),
            ),
        ],
    );
}

#[test]
fn township_report_paragraphs() {
    let text = seed("003");
    check_table(
        text,
        "(四)狠抓薄弱环节",
        "(五)释放改革效能",
        &[
            (
                "614条",
                614.0,
                "条",
                "及时、全面、准确发布法定公开信息",
                Some("oversight.info_disclosed"),
            ),
            (
                "4件",
                4.0,
                "件",
                "受理政府信息公开申请",
                Some("oversight.disclosure_requests"),
            ),
            (
                "100%",
                100.0,
                "%",
                "办结率",
                // Whose 办结率 the label does not say: a blank, not a false comparison.
                None,
            ),
            (
                "达95%以上",
                95.0,
                "%",
                "平均满意率",
                Some("oversight.satisfaction_rate"),
            ),
            (
                "53件",
                53.0,
                "件",
                "办理镇人大代表建议",
                Some("oversight.proposals_handled"),
            ),
            (
                "1件",
                1.0,
                "件",
                "市政协提案",
                Some("oversight.proposals_handled"),
            ),
            (
                "41项",
                41.0,
                "项",
                "完成审计问题整改",
                Some("oversight.audit_issues_rectified"),
            ),
            (
                "4宗",
                4.0,
                "宗",
                "办理行政复议案件",
                Some("disputes.reconsideration_cases"),
            ),
            (
                "5宗",
                5.0,
                "宗",
                "行政诉讼案件",
                Some("disputes.litigation_cases"),
            ),
        ],
    );
    check_table(
        text,
        "二是风险管控体系再完善",
        "二、2024年主要安排",
        &[
            (
                "约6000万元",
                60_000_000.0,
                "元",
                "投入推进“智慧桥头",
                Some("digital.investment"),
            ),
            (
                "同比下降19.5%",
                -19.5,
                "%",
                "推动全镇各类违法犯罪警情",
                Some("emergencies.crime_change"),
            ),
            ("17个月", 17.0, "个月", "实现连续", None),
            (
                "约2200余场次",
                2200.0,
                "场次",
                "开展法治宣传教育活动",
                Some("publicity.events"),
            ),
            (
                "超45万人次",
                450_000.0,
                "人次",
                "受教育人群",
                Some("publicity.audience"),
            ),
            (
                "1533宗",
                1533.0,
                "宗",
                "受理矛盾纠纷案件",
                Some("disputes.received"),
            ),
            (
                "1522宗",
                1522.0,
                "宗",
                "成功化解",
                Some("disputes.mediated"),
            ),
            (
                "达99.28%",
                99.28,
                "%",
                "化解成功率",
                Some("disputes.mediation_success_rate"),
            ),
        ],
    );
}

/// What a careful reader lists from each seed, as spans in reading order. "两轮" (两轮强降雨)
/// and "第7" (a rank) are listed although the grammar leaves them out by design.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "000",
        &[
            "4581件",
            "99.3%",
            "76件",
            "36%",
            "691案次",
            "1411案次",
            "下降51.03%",
            "28个",
            "98个",
            "167个",
            "2388条",
            "40件",
            "100%",
            "111846件",
            "100%",
        ],
    ),
    (
        "001",
        &[
            "22次",
            "达247人次",
            "498批次",
            "900余人次",
            "263件",
            "8起",
            "2056条",
            "300余件",
            "48个",
            "1名",
            "498余条",
        ],
    ),
    (
        "002",
        &[
            "69次",
            "21次",
            "4期",
            "2次",
            "8个",
            "29项",
            "3次",
            "3次",
            "39份",
            "172条",
            "达到100%",
            "9个",
            "3158项",
            "66项",
            "85%",
            "75项",
            "136件",
            "1420户",
            "1500万元",
            "1388万元",
            "941户",
            "6545件",
            "152件",
            "13件",
            "两轮",
            "4件",
            "2件",
            "达100%",
            "52件",
            "82件",
            "300条",
            "4件",
            "6个",
            "43条",
            "3645项",
            "13条",
            "29家",
            "10名",
            "2轮次",
            "160余条",
            "3支",
            "6支",
            "360人次",
            "122名",
            "77人",
            "29家",
            "301件",
            "99个",
            "895人",
            "150户",
            "122个",
            "572人",
            "930件",
            "96.77%",
            "7800万元",
            "45件",
            "同比增长400%",
            "100%",
            "134件",
            "3140人次",
            "354件",
            "107万",
            "65人次",
            "99个",
            "20名",
        ],
    ),
    (
        "003",
        &[
            "2期",
            "7场次",
            "2场次",
            "13次",
            "3份",
            "262份",
            "118份",
            "55次",
            "648家",
            "超5000万元",
            "51份",
            "85场次",
            "13宗",
            "54宗",
            "突破3万家",
            "下降3.85%",
            "260项",
            "5个",
            "614条",
            "4件",
            "100%",
            "达95%以上",
            "53件",
            "1件",
            "41项",
            "4宗",
            "5宗",
            "1218项",
            "22宗",
            "11.5万元",
            "157次",
            "437辆",
            "107家",
            "438家",
            "3次",
            "243家",
            "45宗",
            "4次",
            "1185宗",
            "约6000万元",
            "同比下降19.5%",
            "第7",
            "17个月",
            "约2200余场次",
            "超45万人次",
            "1533宗",
            "1522宗",
            "达99.28%",
        ],
    ),
    (
        "004",
        &[
            "由10分提升至30分",
            "113项",
            "292个",
            "2个",
            "1个工作日",
            "104条",
            "1件",
            "19个",
            "24个",
            "13部",
            "3部",
            "7次",
            "1261件",
            "137件",
            "100%",
            "达100%",
            "达95%以上",
            "28支",
            "23支",
            "17家",
            "844项",
            "12406次",
            "31908件",
            "31790件",
            "31290件",
            "达到98.43%",
            "2个",
            "12个",
        ],
    ),
];

#[test]
fn precision_and_recall_on_the_seeds() {
    let (mut hits, mut found_total, mut expected_total) = (0usize, 0usize, 0usize);
    for (prefix, expected) in EXPECTED {
        let found: Vec<String> = find_indicators(seed(prefix))
            .into_iter()
            .map(|i| i.span)
            .collect();
        let mut left: Vec<&str> = expected.to_vec();
        for span in &found {
            if let Some(p) = left.iter().position(|e| e == span) {
                left.remove(p);
                hits += 1;
            }
        }
        found_total += found.len();
        expected_total += expected.len();
    }
    let precision = hits as f64 / found_total as f64;
    let recall = hits as f64 / expected_total as f64;
    println!(
        "seeds: {hits} hits, {found_total} found, {expected_total} expected; precision {precision:.3}, recall {recall:.3}"
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
}
