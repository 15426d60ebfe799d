//! The five seed reports: what a careful reader sees in each (locality, level, year, title, top
//! headings, parts), and golden snapshots of their full JSON.

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::Corpus;
use fazhi_core::model::{Level, Part, Report};

fn seeds() -> Corpus {
    let corpus = Corpus::embedded(Taxonomy::embedded().into());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus
}

fn seed<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Report {
    corpus
        .reports
        .iter()
        .find(|r| r.source.starts_with(&format!("seeds/{prefix}")))
        .unwrap_or_else(|| panic!("seed {prefix} loaded"))
}

struct Expected {
    seed: &'static str,
    name: &'static str,
    path: &'static [&'static str],
    level: Level,
    year: i32,
    title: Option<&'static str>,
    /// Top sections: heading (None for an unheaded part block) and part.
    top: &'static [(Option<&'static str>, Part)],
}

const EXPECTED: &[Expected] = &[
    Expected {
        seed: "000",
        name: "北镇市",
        path: &["辽宁省", "锦州市", "北镇市"],
        level: Level::County,
        year: 2024,
        title: None,
        top: &[
            (
                Some("突出政治引领,着力提升依法决策能力"),
                Part::Achievements,
            ),
            (
                Some("坚持依法行政,着力提升行政执法能力"),
                Part::Achievements,
            ),
            (
                Some("健全化解机制,着力提升维护和谐稳定能力"),
                Part::Achievements,
            ),
            (
                Some("优化法治环境,着力提升政务服务能力"),
                Part::Achievements,
            ),
        ],
    },
    Expected {
        seed: "001",
        name: "莲塘镇",
        path: &["江西省", "南昌市", "南昌县", "莲塘镇"],
        level: Level::Township,
        year: 2023,
        title: None,
        top: &[
            (
                Some("(一)全面坚持党委领导不动摇,进一步夯实法治基础"),
                Part::Achievements,
            ),
            (
                Some("(二)坚持全面从严治党不松劲,进一步严格依法决策"),
                Part::Achievements,
            ),
            (
                Some("(三)全面坚持依法行政不偏移,进一步全面履行职能"),
                Part::Achievements,
            ),
            (
                Some("(四)全面坚持法治导向不含糊,进一步强化队伍建设"),
                Part::Achievements,
            ),
            (
                Some("(五)全面坚持依法行政不懈怠,进一步提高服务效能"),
                Part::Achievements,
            ),
            (
                Some("(六)全面坚持宣传教育不停顿,进一步营造浓厚氛围"),
                Part::Achievements,
            ),
            (None, Part::Problems),
            (None, Part::Plans),
        ],
    },
    Expected {
        seed: "002",
        name: "泾源县",
        path: &["宁夏回族自治区", "固原市", "泾源县"],
        level: Level::County,
        year: 2024,
        title: None,
        top: &[
            (
                Some("一、突出政治引领,筑牢法治建设根基"),
                Part::Achievements,
            ),
            (
                Some("二、紧扣中心工作,提升法治保障能力"),
                Part::Achievements,
            ),
            (
                Some("三、坚持依法行政,规范行政权力运行"),
                Part::Achievements,
            ),
            (
                Some("四、加强执法监管,推进严格规范执法"),
                Part::Achievements,
            ),
            (
                Some("五、践行法治为民,提高基层治理效能"),
                Part::Achievements,
            ),
            (None, Part::Problems),
            (None, Part::Plans),
        ],
    },
    Expected {
        seed: "003",
        name: "桥头镇",
        path: &["广东省", "东莞市", "桥头镇"],
        level: Level::Township,
        year: 2023,
        title: None,
        top: &[
            (Some("一、2023年主要举措和成效"), Part::Achievements),
            (Some("二、2024年主要安排"), Part::Plans),
        ],
    },
    Expected {
        seed: "004",
        name: "鄂州市",
        path: &["湖北省", "鄂州市"],
        level: Level::Prefecture,
        year: 2021,
        title: Some(
            "筑牢主体工程 实现率先突破 ——我市成功创建“第一批全省 法治政府建设示范地区”综述",
        ),
        top: &[
            (Some("抓组织领导之“纲”"), Part::Achievements),
            (Some("守职能转变之“魂”"), Part::Achievements),
            (Some("扣制度建设之“本”"), Part::Achievements),
            (Some("依法决策之“基”"), Part::Achievements),
            (Some("立行政执法之“信”"), Part::Achievements),
            (Some("提基层治理之“效”"), Part::Achievements),
        ],
    },
];

#[test]
fn each_seed_is_read_as_a_careful_reader_would() {
    let corpus = seeds();
    let mut failures = Vec::new();
    for e in EXPECTED {
        let r = seed(&corpus, e.seed);
        let locality = r.locality.as_ref();
        let got_name = locality.map(|l| l.name.as_str());
        let got_path: Vec<&str> =
            locality.map_or(vec![], |l| l.path.iter().map(String::as_str).collect());
        if got_name != Some(e.name) || got_path != e.path || r.level() != e.level {
            failures.push(format!("{}: locality {:?}", e.seed, locality));
        }
        if r.year != Some(e.year) {
            failures.push(format!("{}: year {:?}, want {}", e.seed, r.year, e.year));
        }
        if r.title.as_deref() != e.title {
            failures.push(format!("{}: title {:?}", e.seed, r.title));
        }
        let top: Vec<(Option<&str>, Part)> = r
            .sections
            .iter()
            .map(|s| (s.heading.as_deref(), s.part))
            .collect();
        if top != e.top {
            failures.push(format!("{}: top sections {:#?}", e.seed, top));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_section_span_points_into_the_text() {
    for r in &seeds().reports {
        for (_, s) in r.walk() {
            if let Some(h) = &s.heading {
                assert_eq!(r.slice(s.heading_span).trim(), h);
            }
            assert!(s.extent.contains(s.body) || s.body.is_empty());
            for m in &s.measures {
                assert_eq!(r.slice(m.span), m.text);
            }
        }
        for ind in &r.indicators {
            assert_eq!(r.slice(ind.at), ind.span, "{}", r.source);
            assert!(r.section(&ind.section).is_some() || ind.section.is_empty());
        }
    }
}

#[test]
fn golden_json_of_each_seed() {
    for r in &seeds().reports {
        let name = r.source.trim_start_matches("seeds/").replace('.', "_");
        let json = fazhi_core::export::parse_json(&[r]);
        insta::assert_snapshot!(name, json);
    }
}
