//! Comparing two reports: pairing, word-level diffs, shared passages, JSON and text output.

use std::collections::BTreeSet;

use fazhi_core::analyse::align::LinkKind;
use fazhi_core::analyse::compare::{Comparison, Reading, compare, render_text, units};
use fazhi_core::analyse::diff::{OpKind, apply};
use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::Corpus;
use fazhi_core::model::{Measure, Part, Report, Section, Span};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Measures on distinct subjects, as local reports write them.
const POOL: &[&str] = &[
    "严格落实行政执法三项制度，全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
    "坚持和发展新时代枫桥经验，健全人民调解、行政调解、司法调解联动工作体系，全年调解矛盾纠纷930件。",
    "修订完善突发事件总体应急预案，组织开展防汛、地质灾害等应急演练16次，排查整治安全生产隐患。",
    "深入实施八五普法规划，落实谁执法谁普法普法责任制，培育农村学法用法示范户和法律明白人。",
    "推进政务数据共享，建设一网通办政务服务平台，实现电子证照互认互通，企业群众办事少跑腿。",
    "严格执行重大行政决策程序，编制年度重大行政决策事项目录，落实公众参与、专家论证、风险评估。",
    "开展行政规范性文件合法性审核，坚持有件必备、有备必审、有错必纠，清理文件32件。",
    "办理行政复议案件76件，纠错率12%，行政机关负责人出庭应诉率达到100%。",
    "主动接受人大法律监督和政协民主监督，办理人大代表建议和政协委员提案85件，办复率100%。",
    "落实党政主要负责人履行推进法治建设第一责任人职责，将述法纳入年终述职，实现述法全覆盖。",
    "深化放管服改革，全面推行证明事项告知承诺制，取消调整行政许可事项24项，持续优化营商环境。",
    "建成公共法律服务中心和工作站，村居法律顾问实现全覆盖，全年办理法律援助案件410件。",
];

/// A report with one section per (heading, measures), the text laid out as a parser would find it.
fn report(source: &str, sections: &[(&str, Vec<String>)]) -> Report {
    let taxonomy = Taxonomy::embedded();
    let mut text = String::new();
    let mut out = Vec::new();
    for (heading, measures) in sections {
        let start = text.len();
        text.push_str(heading);
        let heading_span = Span::new(start, text.len());
        text.push('\n');
        let body_start = text.len();
        let mut ms = Vec::new();
        for m in measures {
            let at = text.len();
            text.push_str(m);
            ms.push(Measure {
                title: None,
                span: Span::new(at, text.len()),
                themes: taxonomy.score(Some(heading), m),
            });
        }
        let body = Span::new(body_start, text.len());
        text.push('\n');
        out.push(Section {
            heading: Some(heading.to_string()),
            depth: 1,
            part: Part::Achievements,
            themes: Vec::new(),
            measures: ms,
            children: Vec::new(),
            heading_span,
            body,
            extent: Span::new(start, body.end),
            theme_scores: taxonomy.score(Some(heading), &text[body.start..body.end]),
        });
    }
    Report {
        source: source.into(),
        locality: None,
        year: Some(2024),
        title: None,
        sections: out,
        indicators: Vec::new(),
        text,
        preamble: Span::default(),
        meta: Default::default(),
        hash: String::new(),
    }
}

fn one_section(source: &str, measures: &[String]) -> Report {
    report(source, &[("一、主要举措和成效", measures.to_vec())])
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Every unit of each side appears in exactly one pair, and each pair's ops turn A's text into B's.
fn assert_sound(c: &Comparison, a: &Report, b: &Report) {
    let (na, nb) = (
        units(a, &Taxonomy::embedded()).len(),
        units(b, &Taxonomy::embedded()).len(),
    );
    let mut seen_a = vec![0; na];
    let mut seen_b = vec![0; nb];
    for p in &c.pairs {
        if let Some(s) = &p.a {
            seen_a[s.unit] += 1;
        }
        if let Some(s) = &p.b {
            seen_b[s.unit] += 1;
        }
        let old = p.a.as_ref().map_or("", |s| s.text.as_str());
        let new = p.b.as_ref().map_or("", |s| s.text.as_str());
        assert_eq!(apply(old, &p.ops).as_deref(), Some(new), "{p:?}");
        assert!((0.0..=1.0).contains(&p.similarity));
    }
    assert!(seen_a.iter().all(|n| *n == 1), "A units seen {seen_a:?}");
    assert!(seen_b.iter().all(|n| *n == 1), "B units seen {seen_b:?}");
    assert_bands_sound(c, na, nb);
}

/// Every unit of each side stands in exactly one band, and each band row's ops rebuild both texts.
fn assert_bands_sound(c: &Comparison, na: usize, nb: usize) {
    let mut seen_a = vec![0; na];
    let mut seen_b = vec![0; nb];
    for band in &c.bands {
        let (mut ua, mut ub) = (0, 0);
        for p in &band.rows {
            if let Some(s) = &p.a {
                seen_a[s.unit] += 1;
                ua += 1;
            }
            if let Some(s) = &p.b {
                seen_b[s.unit] += 1;
                ub += 1;
            }
            let old = p.a.as_ref().map_or("", |s| s.text.as_str());
            let new = p.b.as_ref().map_or("", |s| s.text.as_str());
            assert_eq!(apply(old, &p.ops).as_deref(), Some(new), "{p:?}");
        }
        assert_eq!((ua, ub), (band.units_a, band.units_b), "{}", band.name);
        assert!(ua + ub > 0, "an empty band {}", band.name);
    }
    assert!(
        seen_a.iter().all(|n| *n == 1),
        "A units in bands {seen_a:?}"
    );
    assert!(
        seen_b.iter().all(|n| *n == 1),
        "B units in bands {seen_b:?}"
    );
}

/// (A's unit, B's unit) of each pair, sorted.
type UnitPairs = Vec<(usize, usize)>;

/// The unit pairs of both readings.
fn unit_pairs(c: &Comparison) -> (UnitPairs, UnitPairs) {
    let of = |rows: &mut dyn Iterator<Item = &fazhi_core::analyse::compare::Pair>| {
        let mut v: Vec<(usize, usize)> = rows
            .filter(|p| p.kind != LinkKind::Beside)
            .filter_map(|p| Some((p.a.as_ref()?.unit, p.b.as_ref()?.unit)))
            .collect();
        v.sort();
        v
    };
    (
        of(&mut c.pairs.iter()),
        of(&mut c.bands.iter().flat_map(|b| &b.rows)),
    )
}

/// `ba` is `ab` seen from B: the same pairs and passages, the same shares and reading.
fn assert_mirrors(ab: &Comparison, ba: &Comparison) {
    let swap = |v: Vec<(usize, usize)>| {
        let mut v: Vec<(usize, usize)> = v.into_iter().map(|(i, j)| (j, i)).collect();
        v.sort();
        v
    };
    let (p1, b1) = unit_pairs(ab);
    let (p2, b2) = unit_pairs(ba);
    assert_eq!(swap(p1), p2);
    assert_eq!(swap(b1), b2);
    assert_eq!(ab.reading, ba.reading);
    assert_eq!(ab.summary.shared_share, ba.summary.shared_share);
    assert_eq!(
        (ab.summary.matched, ab.summary.moved),
        (ba.summary.matched, ba.summary.moved)
    );
    assert_eq!(
        (ab.summary.only_a, ab.summary.only_b),
        (ba.summary.only_b, ba.summary.only_a)
    );
    let spans = |c: &Comparison, flip: bool| {
        let mut v: Vec<_> = c
            .shared_passages
            .iter()
            .map(|s| {
                let (x, y) = (s.passage.a, s.passage.b);
                let (x, y) = if flip { (y, x) } else { (x, y) };
                ((x.start, x.end), (y.start, y.end), s.passage.own_chars)
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(spans(ab, false), spans(ba, true));
    let names = |c: &Comparison| c.bands.iter().map(|b| b.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(ab), names(ba));
}

fn pair_set(c: &Comparison) -> BTreeSet<(Option<String>, Option<String>)> {
    c.pairs
        .iter()
        .map(|p| {
            (
                p.a.as_ref().map(|s| s.text.clone()),
                p.b.as_ref().map(|s| s.text.clone()),
            )
        })
        .collect()
}

#[test]
fn reordered_and_edited_measures_pair_with_their_originals() {
    let a = report(
        "a.txt",
        &[
            ("一、深化改革", owned(&[POOL[10], POOL[4], POOL[6]])),
            ("二、严格执法", owned(&[POOL[0], POOL[7], POOL[1]])),
            ("三、普法宣传", owned(&[POOL[3], POOL[11]])),
        ],
    );
    // B: the same measures in another order, three of them with a few words changed.
    type Edit<'a> = (usize, &'a str, &'a str, &'a [(OpKind, &'a str)]);
    let edits: &[Edit] = &[
        (
            7,
            "76件",
            "102件",
            &[(OpKind::Delete, "76"), (OpKind::Insert, "102")],
        ),
        (
            3,
            "深入实施",
            "全面实施",
            &[(OpKind::Delete, "深入"), (OpKind::Insert, "全面")],
        ),
        (
            4,
            "推进政务数据共享，",
            "推进政务数据共享和开放，",
            &[(OpKind::Insert, "和开放")],
        ),
    ];
    let edited = |i: usize| {
        edits
            .iter()
            .find(|e| e.0 == i)
            .map_or(POOL[i].to_string(), |e| POOL[i].replacen(e.1, e.2, 1))
    };
    let b = report(
        "b.txt",
        &[
            ("一、普法与法律服务", vec![edited(11), edited(3)]),
            ("二、执法监督", vec![edited(1), edited(0), edited(7)]),
            ("三、放管服改革", vec![edited(6), edited(10), edited(4)]),
        ],
    );
    let c = compare(&a, &b, None, &Taxonomy::embedded());
    assert_sound(&c, &a, &b);
    assert_eq!(c.pairs.len(), 8, "{:#?}", c.pairs);
    for p in &c.pairs {
        let (Some(sa), Some(sb)) = (&p.a, &p.b) else {
            panic!("unpaired: {p:?}");
        };
        let original = POOL.iter().position(|m| *m == sa.text).unwrap();
        assert_eq!(sb.text, edited(original));
        let changes: Vec<(OpKind, &str)> = p
            .ops
            .iter()
            .filter(|o| o.op != OpKind::Equal)
            .map(|o| (o.op, o.text.as_str()))
            .collect();
        let want = edits
            .iter()
            .find(|e| e.0 == original)
            .map_or(&[][..], |e| e.3);
        assert_eq!(changes, want, "measure {original}");
    }
    let s = &c.summary;
    assert_eq!((s.matched + s.moved, s.only_a, s.only_b), (8, 0, 0));
    assert!(s.moved > 0);
}

#[test]
fn unmatched_measures_stay_on_their_side() {
    let a = one_section("a.txt", &owned(&[POOL[0], POOL[1], POOL[2]]));
    let b = one_section("b.txt", &owned(&[POOL[0], POOL[5], POOL[2]]));
    let c = compare(&a, &b, None, &Taxonomy::embedded());
    assert_sound(&c, &a, &b);
    let kinds: Vec<LinkKind> = c.pairs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            LinkKind::Aligned,
            LinkKind::OnlyA,
            LinkKind::OnlyB,
            LinkKind::Aligned
        ]
    );
    assert_eq!(c.pairs[1].a.as_ref().unwrap().text, POOL[1]);
    assert_eq!(c.pairs[2].b.as_ref().unwrap().text, POOL[5]);
}

#[test]
fn the_theme_filter_keeps_only_that_themes_units() {
    let a = one_section("a.txt", &owned(&[POOL[0], POOL[1], POOL[7], POOL[3]]));
    let b = one_section("b.txt", &owned(&[POOL[1], POOL[3], POOL[0]]));
    let c = compare(&a, &b, Some("disputes"), &Taxonomy::embedded());
    let texts: BTreeSet<&str> = c
        .pairs
        .iter()
        .flat_map(|p| [&p.a, &p.b])
        .flatten()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(texts, BTreeSet::from([POOL[1], POOL[7]]));
    assert_eq!((c.summary.units_a, c.summary.units_b), (2, 1));
    assert_eq!(c.theme.as_deref(), Some("disputes"));
    assert!(
        compare(&a, &b, Some("no-such-theme"), &Taxonomy::embedded())
            .pairs
            .is_empty()
    );
}

#[test]
fn shared_passages_leave_out_the_slogans() {
    let slogan = "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，\
                  加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。";
    let copied =
        "建立行政执法人员资格管理台账，对全县1200名执法人员开展轮训，实现执法证件动态管理。";
    let a = one_section(
        "a.txt",
        &[slogan.to_string(), copied.to_string(), POOL[1].to_string()],
    );
    let b = one_section(
        "b.txt",
        &[slogan.to_string(), POOL[5].to_string(), copied.to_string()],
    );
    let c = compare(&a, &b, None, &Taxonomy::embedded());
    let found: Vec<&str> = c
        .shared_passages
        .iter()
        .map(|s| s.passage.text.as_str())
        .collect();
    assert_eq!(found, vec![copied]);
    assert_eq!(c.shared_passages[0].a_section, vec![0]);
    assert!(c.summary.shared_share > 0.1 && c.summary.shared_share < 0.5);
    let independent = compare(
        &a,
        &one_section("c.txt", &owned(&[POOL[9]])),
        None,
        &Taxonomy::embedded(),
    );
    assert!(independent.shared_passages.is_empty());
    assert_eq!(independent.summary.shared_share, 0.0);
}

#[test]
fn json_follows_the_cli_contract() {
    let a = one_section("a.txt", &owned(&[POOL[0], POOL[1]]));
    let b = one_section("b.txt", &[POOL[0].replace("三项制度", "“三项制度”")]);
    let v = serde_json::to_value(compare(&a, &b, None, &Taxonomy::embedded())).unwrap();
    for side in ["a", "b"] {
        let s = &v[side];
        assert!(s["source"].is_string() && s["locality"].is_null() && s["year"] == 2024);
    }
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 2);
    assert_eq!(pairs[0]["kind"], "aligned");
    assert_eq!(pairs[0]["a"]["section"], serde_json::json!([0]));
    assert_eq!(pairs[0]["a"]["text"], POOL[0]);
    assert!(pairs[0]["similarity"].as_f64().unwrap() > 0.8);
    let ops: Vec<(String, String)> = pairs[0]["ops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["op"].as_str().unwrap().into(),
                o["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    let changes: Vec<&(String, String)> = ops.iter().filter(|o| o.0 != "equal").collect();
    assert_eq!(changes.len(), 2, "{ops:?}");
    assert!(changes.iter().all(|o| o.0 == "insert"));
    assert_eq!(pairs[1]["kind"], "only_a");
    assert!(pairs[1]["b"].is_null());
    assert!(v["shared_passages"].is_array());
    let summary = &v["summary"];
    for key in ["matched", "moved", "only_a", "only_b", "shared_share"] {
        assert!(summary[key].is_number(), "{key}");
    }
}

#[test]
fn the_text_rendering_marks_changes_side_by_side() {
    let a = one_section(
        "a.txt",
        &owned(&["全面推进法治强省建设，加快建设法治政府。"]),
    );
    let b = one_section(
        "b.txt",
        &owned(&["全面推进法治强市建设，加快建设法治政府。"]),
    );
    let c = compare(&a, &b, None, &Taxonomy::embedded());
    for width in [40, 80, 120] {
        let text = render_text(&c, width, true);
        assert!(text.contains("[-省-]") && text.contains("{+市+}"), "{text}");
        assert!(!text.contains('\x1b'));
        for l in text.lines() {
            assert!(l.width() <= width, "{} > {width}: {l:?}", l.width());
        }
    }
    let coloured = render_text(&c, 80, false);
    assert!(coloured.contains("\x1b[31m省\x1b[0m") && coloured.contains("\x1b[32m市\x1b[0m"));
}

#[test]
fn reports_without_an_outline_are_compared_by_sentences() {
    let bare = |source: &str, text: &str| Report {
        sections: Vec::new(),
        text: text.to_string(),
        ..one_section(source, &[])
    };
    let a = bare("a.txt", &format!("{}\n{}", POOL[0], POOL[1]));
    let b = bare("b.txt", &format!("{}{}", POOL[1], POOL[0]));
    let c = compare(&a, &b, None, &Taxonomy::embedded());
    assert_sound(&c, &a, &b);
    assert_eq!(c.summary.matched + c.summary.moved, 2);
    assert!(
        c.pairs
            .iter()
            .all(|p| p.ops.iter().all(|o| o.op == OpKind::Equal))
    );
}

#[test]
fn any_two_seed_reports_compare_soundly() {
    let corpus = Corpus::embedded(Taxonomy::embedded().into());
    let r = &corpus.reports;
    assert!(r.len() >= 2);
    for (a, b) in [(&r[0], &r[1]), (&r[2], &r[2])] {
        let c = compare(a, b, None, &Taxonomy::embedded());
        assert_sound(&c, a, b);
        assert!(!c.pairs.is_empty());
        let width = 100;
        assert!(
            render_text(&c, width, true)
                .lines()
                .all(|l| l.width() <= width)
        );
    }
    // A report against itself: everything aligned, unchanged, and shared.
    let same = compare(&r[2], &r[2], None, &Taxonomy::embedded());
    assert_eq!(same.summary.matched, same.pairs.len());
    assert!(
        same.summary.shared_share > 0.9,
        "{}",
        same.summary.shared_share
    );
}

#[test]
fn two_localities_read_in_bands_symmetrically() {
    let corpus = Corpus::embedded(Taxonomy::embedded().into());
    let find = |name: &str| {
        corpus
            .reports
            .iter()
            .find(|r| r.locality.as_ref().is_some_and(|l| l.name == name))
            .unwrap_or_else(|| panic!("{name} among the seeds"))
    };
    let (a, b) = (find("北镇市"), find("莲塘镇"));
    let t = Taxonomy::embedded();
    let ab = compare(a, b, None, &t);
    let ba = compare(b, a, None, &t);
    assert_sound(&ab, a, b);
    assert_sound(&ba, b, a);
    assert_eq!(ab.reading, Reading::Bands);
    assert_mirrors(&ab, &ba);
    let text = render_text(&ab, 120, true);
    assert!(text.contains("按主题"), "{text}");
    // A report against itself reads in order.
    assert_eq!(compare(a, a, None, &t).reading, Reading::Aligned);
}

#[test]
fn unheaded_problem_blocks_are_named_by_their_part() {
    let mut a = one_section("a.txt", &owned(&[POOL[0]]));
    let mut extra = report("x", &[("存在的不足", owned(&[POOL[1]]))]).sections;
    extra[0].heading = None;
    extra[0].part = Part::Problems;
    a.sections.append(&mut extra);
    let u = units(&a, &Taxonomy::embedded());
    assert_eq!(u.len(), 2);
    assert_eq!(u[1].part, Part::Problems);
    let c = compare(&a, &a, None, &Taxonomy::embedded());
    let side = c.pairs[1].a.as_ref().expect("a side");
    assert_eq!(side.display_heading().as_deref(), Some("（不足）"));
    let band = c.bands.iter().find(|b| b.part == Some(Part::Problems));
    assert_eq!(band.map(|b| b.name.as_str()), Some("不足/原因"));
}

/// A small edit that keeps a measure recognisable.
fn edit(text: &str, kind: u8) -> String {
    match kind % 4 {
        0 => text.to_string(),
        1 => text.replacen("，", "，进一步", 1),
        2 => format!("{text}取得良好成效。"),
        _ => text.replacen("全", "各", 1),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_unit_appears_once_and_every_diff_applies(
        a in prop::collection::vec((0..POOL.len(), 0u8..4), 0..8),
        b in prop::collection::vec((0..POOL.len(), 0u8..4), 0..8),
    ) {
        let side = |v: &[(usize, u8)]| v.iter().map(|&(i, k)| edit(POOL[i], k)).collect::<Vec<_>>();
        let (ra, rb) = (one_section("a.txt", &side(&a)), one_section("b.txt", &side(&b)));
        assert_sound(&compare(&ra, &rb, None, &Taxonomy::embedded()), &ra, &rb);
    }

    #[test]
    fn the_pairs_do_not_depend_on_order(
        (picked, edits, sa, sb) in prop::sample::subsequence((0..POOL.len()).collect::<Vec<_>>(), 2..9)
            .prop_flat_map(|picked| {
                let n = picked.len();
                (
                    Just(picked.clone()),
                    prop::collection::vec(0u8..4, n),
                    Just(picked.clone()).prop_shuffle(),
                    Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
                )
            })
    ) {
        let a_in_order: Vec<String> = picked.iter().map(|&i| POOL[i].to_string()).collect();
        let b_in_order: Vec<String> =
            picked.iter().zip(&edits).map(|(&i, &k)| edit(POOL[i], k)).collect();
        let a_shuffled: Vec<String> = sa.iter().map(|&i| POOL[i].to_string()).collect();
        let b_shuffled: Vec<String> = sb.iter().map(|&k| b_in_order[k].clone()).collect();
        let first = compare(&one_section("a", &a_in_order), &one_section("b", &b_in_order), None, &Taxonomy::embedded());
        let second = compare(&one_section("a", &a_shuffled), &one_section("b", &b_shuffled), None, &Taxonomy::embedded());
        prop_assert_eq!(pair_set(&first), pair_set(&second));
        prop_assert_eq!(first.summary.matched + first.summary.moved, picked.len());
    }

    #[test]
    fn swapping_a_and_b_mirrors_the_comparison(
        a in prop::collection::vec((0..POOL.len(), 0u8..4), 0..8),
        b in prop::collection::vec((0..POOL.len(), 0u8..4), 0..8),
    ) {
        let side = |v: &[(usize, u8)]| v.iter().map(|&(i, k)| edit(POOL[i], k)).collect::<Vec<_>>();
        let (ra, rb) = (one_section("a.txt", &side(&a)), one_section("b.txt", &side(&b)));
        let t = Taxonomy::embedded();
        let (ab, ba) = (compare(&ra, &rb, None, &t), compare(&rb, &ra, None, &t));
        assert_bands_sound(&ab, a.len(), b.len());
        assert_bands_sound(&ba, b.len(), a.len());
        assert_mirrors(&ab, &ba);
    }
}
