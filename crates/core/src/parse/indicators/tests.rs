//! Table-driven tests per rule, with real report sentences; seed tables; invariants.

use super::*;
use IndicatorKind::*;
use Qualifier::*;

/// (span, value, unit, label) of every indicator in `text`.
fn found(text: &str) -> Vec<(String, f64, String, String)> {
    find_indicators(text)
        .into_iter()
        .map(|i| (i.span, i.value, i.unit, i.label))
        .collect()
}

/// The only indicator of `text`.
fn only(text: &str) -> Indicator {
    let all = find_indicators(text);
    assert_eq!(all.len(), 1, "{text}: {all:#?}");
    all.into_iter().next().unwrap()
}

#[test]
fn not_quantities() {
    let cases = [
        // years and dates
        "2024年,泾源县坚持以习近平新时代中国特色社会主义思想为指导",
        "2023年度法治政府建设工作报告",
        "信息来源:秘书科 日期:2021-12-03",
        "于3月28日召开会议",
        "《南昌县法治政府建设实施方案(2022-2025 年)》",
        "《法治政府建设实施纲要（2021—2025年）》",
        "2016年以来",
        // plans, document numbers
        "推动将法治政府建设纳入全市“十四五”发展规划",
        "高质量完成“八五”普法终期验收",
        "深入推进八五普法",
        "印发《关于加强法治建设的意见》(鄂发〔2019〕28号)",
        "根据[2024]3号文件",
        "按照第5号令要求",
        // enumerators and headings
        "一是加强组织领导。二、坚持依法行政",
        "(三)全面坚持依法行政不偏移",
        "1.加强组织领导",
        "第一,强化学习",
        // instrument names
        "即编制1套工作方案、2类文本(行政执法服务指南、行政执法流程图)、3项制度(行政执法公示制度)、4张清单(不予行政处罚事项清单)",
        "严格落实行政执法“三项制度”",
        "全面推行以“双随机、一公开”监管为基本手段",
        // set phrases
        "推进人民调解、行政调解、司法调解“三调联动”",
        "坚持“四个全面”",
        "营造“一把手”主抓、“一盘棋”联动的良好氛围",
        "推广“一网通办”等电子办照手段",
        "乡镇实现“一支队伍管执法”",
        "坚决做到“两个维护”",
        "深入实施政务服务“三集中三到位”改革",
        "打赢疫情防控、复工复产、防汛抗洪三场硬仗",
        // hotlines, codes, phones
        "充分发挥12345服务平台作用",
        "建立健全12345热线管理办法",
        "拨打12348公共法律服务热线",
        "网站标识码:4207000033 鄂ICP备05017375号",
        "联系电话:027-56909313",
        "地址:鄂州市鄂城区滨湖南路25号",
        // policy codes in quotes
        "紧紧围绕省委“1310”具体部署",
        "聚焦法治政府建设提升工程“15336”工作思路",
        "健全完善“1+6+N”基层社会治理体系",
        "建立重点项目审批8+N会商机制",
        "深化党政机关争议问题“2+1+3”化解模式",
        "常态化开展中小学“315”分钟日常法治教育",
        "实行企业开办“210”标准",
        // ranks
        "降幅排名全市第7",
        "我市被命名为“第一批全省法治政府建设示范地区”",
        // other numerals in words
        "部署开展“二手房东”乱收费等专项整治行动",
        "全面贯彻落实党的二十大和二十届二中、三中全会精神",
        "进一步加强组织领导,统一思想",
        "保留的执法队伍全部规范到位",
    ];
    for text in cases {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn quantities_and_units() {
    let cases: &[(&str, &str, f64, &str, &str, IndicatorKind)] = &[
        (
            "2024年以来,调解矛盾纠纷4581件",
            "4581件",
            4581.0,
            "件",
            "调解矛盾纠纷",
            Count,
        ),
        ("调解成功率99.3%", "99.3%", 99.3, "%", "调解成功率", Percent),
        (
            "平台受理信访总量691案次",
            "691案次",
            691.0,
            "案次",
            "平台受理信访总量",
            Count,
        ),
        (
            "开展行政执法案卷评查2轮次",
            "2轮次",
            2.0,
            "轮次",
            "开展行政执法案卷评查",
            Count,
        ),
        (
            "实现企业开办1个工作日办结",
            "1个工作日",
            1.0,
            "个工作日",
            "实现企业开办",
            Count,
        ),
        (
            "分批次、分领域培训行政执法人员360人次",
            "360人次",
            360.0,
            "人次",
            "分批次、分领域培训行政执法人员",
            Count,
        ),
        ("罚没11.5万元", "11.5万元", 115_000.0, "元", "罚没", Money),
        (
            "涉及金额7800万元",
            "7800万元",
            78_000_000.0,
            "元",
            "涉及金额",
            Money,
        ),
        (
            "推动全镇市场主体突破3万家",
            "突破3万家",
            30_000.0,
            "家",
            "推动全镇市场主体",
            Count,
        ),
        (
            "挽回经济损失107万",
            "107万",
            1_070_000.0,
            "元",
            "挽回经济损失",
            Money,
        ),
        ("新增就业1.5万", "1.5万", 15_000.0, "", "新增就业", Count),
        (
            "查出超限超载车辆437辆",
            "437辆",
            437.0,
            "辆",
            "查出超限超载车辆",
            Count,
        ),
        (
            "实现连续17个月命案“零发案”",
            "17个月",
            17.0,
            "个月",
            "实现连续",
            Count,
        ),
        // Chinese numerals
        (
            "全年共受理案件一百二十三件",
            "一百二十三件",
            123.0,
            "件",
            "受理案件",
            Count,
        ),
        (
            "发放宣传资料两万余份",
            "两万余份",
            20_000.0,
            "份",
            "发放宣传资料",
            Count,
        ),
        (
            "开展普法活动共三场",
            "共三场",
            3.0,
            "场",
            "开展普法活动",
            Count,
        ),
        (
            "群众满意率达到百分之九十五",
            "达到百分之九十五",
            95.0,
            "%",
            "群众满意率",
            Percent,
        ),
        (
            "行政机关负责人出庭应诉率达到百分之百",
            "达到百分之百",
            100.0,
            "%",
            "行政机关负责人出庭应诉率",
            Percent,
        ),
        (
            "累计发布各类信息一点六万条",
            "一点六万条",
            16000.0,
            "条",
            "发布各类信息",
            Count,
        ),
        (
            "落实补助资金一点二亿元",
            "一点二亿元",
            120_000_000.0,
            "元",
            "落实补助资金",
            Money,
        ),
        (
            "受理案件壹佰贰拾件",
            "壹佰贰拾件",
            120.0,
            "件",
            "受理案件",
            Count,
        ),
        // full width and folded punctuation
        (
            "办理行政复议案件７６件，调解占比３６％",
            "７６件",
            76.0,
            "件",
            "办理行政复议案件",
            Count,
        ),
        (
            "排查出各类纠纷31,908件",
            "31,908件",
            31_908.0,
            "件",
            "排查出各类纠纷",
            Count,
        ),
        // ratios
        ("师生比1:15", "1:15", 1.0 / 15.0, ":", "师生比", Ratio),
    ];
    for (text, span, value, unit, label, kind) in cases {
        let all = find_indicators(text);
        let i = all
            .iter()
            .find(|i| i.span == *span)
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert!((i.value - value).abs() < 1e-9, "{text}: {}", i.value);
        assert_eq!((i.unit.as_str(), i.kind), (*unit, *kind), "{text}");
        if !label.is_empty() {
            assert_eq!(i.label, *label, "{text}");
        }
    }
}

#[test]
fn one_qualifier_per_quantity() {
    let cases = [
        ("投入约6000万元推进建设", Some(Approximate)),
        ("培训执法人员300人左右", Some(Approximate)),
        ("主动公开政府信息498余条", Some(AtLeast)),
        ("接待群众来访900多人次", Some(AtLeast)),
        ("协助企业申报各类扶持资金超5000万元", Some(AtLeast)),
        ("受教育人群超过45万人次", Some(AtLeast)),
        ("参学人员逾200人", Some(AtLeast)),
        ("平均满意率达95%以上", Some(AtLeast)),
        ("调解成功率达到98.43%", Some(AtLeast)),
        ("累计开展法治宣传教育活动约2200余场次", Some(AtLeast)),
        ("培训人员近500人次", Some(AtMost)),
        ("审查时间不足3个工作日", Some(AtMost)),
        ("办结时限压缩在5个工作日以内", Some(AtMost)),
        ("全年调解矛盾纠纷930件", Some(Total)),
        ("共办理诉求工单2056条", Some(Total)),
        ("累计办理事务111846件", Some(Total)),
        ("合计发放资料3000份", Some(Total)),
        (
            "全市各级人民调解组织共开展矛盾纠纷排查活动12406次",
            Some(Total),
        ),
        ("调解矛盾纠纷4581件", None),
    ];
    for (text, want) in cases {
        assert_eq!(only(text).qualifier, want, "{text}");
    }
}

#[test]
fn changes_are_signed() {
    let cases: &[(&str, &str, f64, &str, &str)] = &[
        (
            "收到行政复议申请45件,同比增长400%",
            "同比增长400%",
            400.0,
            "%",
            "收到行政复议申请",
        ),
        (
            "平台受理信访总量691案次,同比2023年同期(1411案次)下降51.03%",
            "下降51.03%",
            -51.03,
            "%",
            "平台受理信访总量",
        ),
        (
            "推动全镇各类违法犯罪警情同比下降19.5%",
            "同比下降19.5%",
            -19.5,
            "%",
            "推动全镇各类违法犯罪警情",
        ),
        ("等候超时率下降3.85%", "下降3.85%", -3.85, "%", "等候超时率"),
        (
            "行政复议纠错率下降2.5个百分点",
            "下降2.5个百分点",
            -2.5,
            "个百分点",
            "行政复议纠错率",
        ),
        (
            "群众满意度提高3个百分点",
            "提高3个百分点",
            3.0,
            "个百分点",
            "群众满意度",
        ),
        ("办件量增长2倍", "增长2倍", 2.0, "倍", "办件量"),
        (
            "受理案件数同比减少120件",
            "同比减少120件",
            -120.0,
            "件",
            "受理案件数",
        ),
    ];
    for (text, span, value, unit, label) in cases {
        let all = find_indicators(text);
        let i = all
            .iter()
            .find(|i| i.span == *span)
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert_eq!(
            (i.kind, i.value, i.unit.as_str(), i.label.as_str()),
            (Change, *value, *unit, *label),
            "{text}"
        );
    }
    // A direction word alone before a count is part of the label, not a change.
    assert_eq!(only("减少审批环节5个").kind, Count);
}

#[test]
fn from_a_to_b_reports_the_baseline_and_the_new_level() {
    let all = find_indicators("法治建设绩效考核分值由10分提升至30分,考核工作合力不断凝聚");
    let got: Vec<_> = all
        .iter()
        .map(|i| (i.span.as_str(), i.value, i.unit.as_str(), i.kind, i.scope))
        .collect();
    assert_eq!(
        got,
        [
            ("由10分", 10.0, "分", Count, Scope::Previous),
            ("提升至30分", 30.0, "分", Count, Scope::Current),
        ]
    );
    assert!(all.iter().all(|i| i.label == "法治建设绩效考核分值"));
    assert!(all[0].canonical.is_none(), "a baseline is not compared");
    let all = find_indicators("行政复议案件27件，较上年的35件减少8件");
    let got: Vec<_> = all.iter().map(|i| (i.value, i.kind)).collect();
    assert_eq!(got, [(27.0, Count), (35.0, Count), (-8.0, Change)]);
    let all = find_indicators("审批时限从20个工作日压缩至5个工作日");
    let got: Vec<_> = all.iter().map(|i| (i.value, i.unit.as_str())).collect();
    assert_eq!(got, [(20.0, "个工作日"), (5.0, "个工作日")]);
    let all = find_indicators("行政复议纠错率由12%降至8%");
    let got: Vec<_> = all.iter().map(|i| (i.value, i.kind, i.scope)).collect();
    assert_eq!(
        got,
        [
            (12.0, Percent, Scope::Previous),
            (8.0, Percent, Scope::Current)
        ]
    );
}

#[test]
fn labels() {
    let cases: &[(&str, &[&str])] = &[
        // shared labels
        (
            "落实减税降费1420户1500万元,为企业纾困转贷1388万元",
            &["落实减税降费", "落实减税降费", "企业纾困转贷"],
        ),
        (
            "接待、办理群众来信来访498批次900余人次",
            &["接待、办理群众来信来访", "接待、办理群众来信来访"],
        ),
        (
            "依法办理行政复议案件4宗、行政诉讼案件5宗",
            &["办理行政复议案件", "行政诉讼案件"],
        ),
        (
            "完成建设省级“普法示范点”28个、市级98个、县级167个",
            &["完成建设省级“普法示范点”", "市级", "县级"],
        ),
        // stripped lead words
        ("全年共办理诉求工单2056条", &["办理诉求工单"]),
        ("2024年,全年调解矛盾纠纷930件", &["调解矛盾纠纷"]),
        ("截至目前,全年党委共组织专题学法22次", &["组织专题学法"]),
        (
            "三是加强信访工作,2024年办理行政复议案件76件",
            &["办理行政复议案件"],
        ),
        // rates
        ("好评率为100%", &["好评率"]),
        (
            "规范性文件报备率、及时率、规范率均达100%",
            &["规范性文件报备率、及时率、规范率"],
        ),
        ("全年工单实现100%办结率", &["办结率"]),
        // the noun after the number
        ("4581件矛盾纠纷得到调解", &["矛盾纠纷"]),
        ("为941户市场主体进行信用修复", &["市场主体"]),
        ("12个法治文化示范点荣获省级表彰", &["法治文化示范点"]),
        ("对下放乡镇的66项综合执法事项进行评估", &["综合执法事项"]),
        ("撤销3支执法队伍、执法职能回归机关", &["撤销执法队伍"]),
        ("压茬推进6个方面43条措施", &["压茬推进", "措施"]),
        // the label before the number even when a noun follows
        ("受教育人群超45万人次", &["受教育人群"]),
        ("审查各类决策事项52件", &["审查各类决策事项"]),
    ];
    for (text, want) in cases {
        let labels: Vec<String> = find_indicators(text).into_iter().map(|i| i.label).collect();
        assert_eq!(labels, *want, "{text}");
    }
}

#[test]
fn typo_glued_enumerator_is_left_to_the_enumerator() {
    let all = found("受理领导信箱来件40件,办结率100%二是高标准升级改造政务服务中心");
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].0, "100%");
}

#[test]
fn canonical_ids() {
    let cases = [
        ("调解矛盾纠纷930件", Some("disputes.mediated")),
        (
            "全市各级人民调解组织调解矛盾纠纷8.6万件",
            Some("disputes.mediated"),
        ),
        (
            "规范设立各类调解组织122个",
            Some("disputes.mediation_organisations"),
        ),
        (
            "矛盾纠纷化解率96.77%",
            Some("disputes.mediation_success_rate"),
        ),
        (
            "行政机关负责人出庭应诉率100%",
            Some("disputes.head_appearance_rate"),
        ),
        ("主动公开政府信息2388条", Some("oversight.info_disclosed")),
        ("受理法律援助案件354件", Some("publicity.legal_aid_cases")),
        (
            "接待法律咨询3140人次",
            Some("publicity.legal_consultations"),
        ),
        ("开展法治讲座85场次", Some("publicity.events")),
        (
            "全年协助审查县政府合同、协议82件",
            Some("decisions.contracts_reviewed"),
        ),
        (
            "审查行政规范性文件4件",
            Some("rules.normative_docs_reviewed"),
        ),
        ("培训行政执法人员360人次", Some("enforcement.staff_trained")),
        ("全年抽查案件卷宗45宗", Some("enforcement.cases_reviewed")),
        ("“一网通办”事项占比85%", Some("functions.online_rate")),
        ("开展应急演练12次", Some("emergencies.drills")),
        (
            "开展政府常务会议会前学法69次",
            Some("leadership.study_sessions"),
        ),
        ("现场反馈问题172条", Some("oversight.problems_found")),
        ("整改规范工业园区107家", None),
    ];
    for (text, want) in cases {
        assert_eq!(only(text).canonical.as_deref(), want, "{text}");
    }
}

/// What the rest of a clause says the figure counts rules an id out, as the label does; and
/// attending, a stock reached or civil cases counted in are other quantities.
#[test]
fn the_rest_of_the_clause_and_near_misses_rule_an_id_out() {
    let first = |text: &str| {
        find_indicators(text)
            .into_iter()
            .next()
            .and_then(|i| i.canonical)
    };
    let cases = [
        // The noun after the measure word is what is counted.
        ("成功化解王某、李某等5起信访积案", None),
        ("对86项依申请政务服务事项所需的140个材料实行告知承诺", None),
        ("参加市级专题会议12次", None),
        ("全区经营主体突破5万户", None),
        ("化解行政争议和涉企民事纠纷27件", None),
        // What is not ruled out keeps its id.
        (
            "调解矛盾纠纷4581件,调解成功率99.3%",
            Some("disputes.mediated"),
        ),
        (
            "召开政府常务会议研究部署法治建设4次",
            Some("leadership.meetings"),
        ),
        (
            "办理政务服务事项86项,实现告知承诺事项全覆盖",
            Some("functions.service_items"),
        ),
        (
            "实质性化解行政争议27件",
            Some("disputes.administrative_disputes_resolved"),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(first(text).as_deref(), want, "{text}");
    }
}

#[test]
fn a_count_closing_a_list_is_no_instrument_name() {
    let found = find_indicators("涵盖市场监管、生态环境等8个领域共67项事项");
    let spans: Vec<&str> = found.iter().map(|i| i.span.as_str()).collect();
    assert!(spans.iter().any(|s| s.ends_with("8个")), "{spans:?}");
    assert!(find_indicators("严格落实4张清单制度").is_empty());
}

#[test]
fn a_preposition_inside_a_word_does_not_end_the_label() {
    let found = find_indicators("对1,254件轻微违法行为依法不予处罚");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].label, "轻微违法行为");
}

#[test]
fn a_single_chinese_digit_counts_people() {
    let found = find_indicators("基层司法所仅有执法人员两名。");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].value, found[0].unit.as_str()), (2.0, "名"));
    assert!(find_indicators("打赢三场硬仗，推出一批典型，坚持两个维护。").is_empty());
}

#[test]
fn a_rate_joined_to_a_change_shares_its_direction() {
    let found = find_indicators("刑事案件和治安案件同比分别下降21.4%和18.2%。");
    let values: Vec<(f64, IndicatorKind)> = found.iter().map(|i| (i.value, i.kind)).collect();
    assert_eq!(values, [(-21.4, Change), (-18.2, Change)]);
    let found = find_indicators("调解成功率98.5%和群众满意率96%");
    assert!(found.iter().all(|i| i.kind == Percent && i.value > 0.0));
}

#[test]
fn a_change_has_no_canonical_id_so_it_is_never_compared_with_a_level() {
    let found = find_indicators("新收行政复议案件1024件，同比增长35.4%");
    let ids: Vec<_> = found
        .iter()
        .map(|i| (i.span.as_str(), i.canonical.as_deref()))
        .collect();
    assert_eq!(
        ids,
        [
            ("1024件", Some("disputes.reconsideration_cases")),
            ("同比增长35.4%", None)
        ]
    );
}

mod properties;
mod seeds;
