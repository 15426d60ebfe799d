//! The national division codes (province → prefecture → county → township), embedded from
//! `assets/divisions.tsv` (built by `scripts/build_divisions.py`), with a name index that also
//! knows the usual short forms (湖北, 广西, 恩施州, 泾源) and one Aho-Corasick automaton over
//! every name, built once.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::Level;
use crate::text::is_han;

static TSV: &str = include_str!("../../../assets/divisions.tsv");

static DIVISIONS: LazyLock<Divisions> = LazyLock::new(|| Divisions::parse(TSV));

/// Index of a division in the table.
pub type DivId = u32;

/// One division: a province, prefecture, county or township.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// Statistical code as published: 2 (province), 4 (prefecture), 6 (county) or 9 digits.
    pub code: &'static str,
    /// Official name ("宁夏回族自治区", "泾源县").
    pub name: &'static str,
    pub level: Level,
    /// The nearest real parent; placeholders (市辖区, 省直辖县级行政区划) and pseudo counties
    /// (东莞市 under 东莞市) are skipped.
    pub parent: Option<DivId>,
}

impl Division {
    /// What "我X" / "全X" calls this kind of place: the name's last character, or "街" for 街道.
    pub fn self_word(&self) -> char {
        if self.name.ends_with("街道") {
            '街'
        } else {
            self.name.chars().last().unwrap_or(' ')
        }
    }
}

/// A name the index knows: an official name or a short form, and every division it may mean.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub text: String,
    pub ids: Vec<DivId>,
    /// A short form (湖北 for 湖北省), not the official name.
    pub short: bool,
    /// A county's bare short form (泾源, 公安, 合作): too often an ordinary word to speak for
    /// the author; it only helps tell same-name places apart.
    pub weak: bool,
}

/// A name found in a text: byte range and the index entry it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// The division table and its name index.
pub struct Divisions {
    list: Vec<Division>,
    by_code: HashMap<&'static str, DivId>,
    children: Vec<Vec<DivId>>,
    /// Sorted by name: a name is looked up by binary search, with no second copy of every name
    /// in a map (they are held for the whole session).
    entries: Vec<NameEntry>,
    matcher: AhoCorasick,
}

/// Ethnic names that end 自治区/州/县/旗 names; written without 族 where the name may drop it
/// (伊犁哈萨克自治州, 新疆维吾尔自治区).
const ETHNIC: &[&str] = &[
    "壮",
    "回",
    "维吾尔",
    "藏",
    "苗",
    "彝",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "蒙古",
];

/// Short forms that are ordinary words far more often than places (新华社, 市中心, 和平发展).
const GENERIC_SHORT: &[&str] = &[
    "市中", "新华", "和平", "城关", "长安", "新城", "城中", "中心", "江北", "江南", "河东", "河西",
    "城东", "城西", "城南", "城北", "东城", "西城", "南城", "北城", "向阳", "红旗", "新兴", "平安",
    "解放", "胜利", "前进", "幸福", "光明", "团结", "东风", "友谊", "永安", "太平", "文化", "开发",
    "高新", "新区", "宝山", "青山", "白云", "朝阳", "城区", "南山", "北山", "东山", "西山", "资源",
    "合作", "比如", "南部", "东方", "港口", "公安", "友好", "共和", "中方", "安定", "延长", "运河",
    "万年", "南岸", "工农", "大名", "富裕", "清水", "复兴", "宏伟", "平定", "振兴", "三元", "大方",
    "平和", "六合", "全州", "全南", "全椒",
];

/// Township-level names that denote a place (others are farms, parks and zones named generically).
const TOWNSHIP_ENDINGS: &[&str] = &["镇", "乡", "街道", "苏木"];

impl Divisions {
    /// The table, parsed on first use.
    pub fn get() -> &'static Divisions {
        &DIVISIONS
    }

    fn parse(tsv: &'static str) -> Divisions {
        let mut list = Vec::new();
        let mut by_code = HashMap::new();
        let mut parents = Vec::new();
        for line in tsv.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(code), Some(name), Some(parent), Some(level)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let level = match level {
                "p" => Level::Province,
                "f" => Level::Prefecture,
                "c" => Level::County,
                "t" => Level::Township,
                _ => continue,
            };
            by_code.insert(code, list.len() as DivId);
            parents.push(parent);
            list.push(Division {
                code,
                name,
                level,
                parent: None,
            });
        }
        let mut children = vec![Vec::new(); list.len()];
        for (i, parent) in parents.iter().enumerate() {
            if let Some(&p) = by_code.get(parent) {
                list[i].parent = Some(p);
                children[p as usize].push(i as DivId);
            }
        }
        let entries = name_index(&list);
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(entries.iter().map(|e| e.text.as_str()))
            .expect("division names build an automaton");
        Divisions {
            list,
            by_code,
            children,
            entries,
            matcher,
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn division(&self, id: DivId) -> &Division {
        &self.list[id as usize]
    }

    pub fn id_of(&self, code: &str) -> Option<DivId> {
        self.by_code.get(code).copied()
    }

    pub fn by_code(&self, code: &str) -> Option<&Division> {
        self.id_of(code).map(|id| self.division(id))
    }

    /// The divisions directly under `code` (a municipality's districts hang under it directly).
    pub fn children(&self, code: &str) -> Vec<&Division> {
        self.id_of(code)
            .map(|id| {
                self.children[id as usize]
                    .iter()
                    .map(|&c| self.division(c))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Parent, grandparent, … of a division, nearest first.
    pub fn ancestors(&self, id: DivId) -> impl Iterator<Item = DivId> + '_ {
        std::iter::successors(self.division(id).parent, |&p| self.division(p).parent)
    }

    pub fn is_ancestor(&self, ancestor: DivId, of: DivId) -> bool {
        self.ancestors(of).any(|a| a == ancestor)
    }

    /// Official names from the province down to the division; empty for an unknown code.
    pub fn path(&self, code: &str) -> Vec<&'static str> {
        self.id_of(code)
            .map(|id| self.path_of(id))
            .unwrap_or_default()
    }

    pub fn path_of(&self, id: DivId) -> Vec<&'static str> {
        let mut path: Vec<_> = std::iter::once(id)
            .chain(self.ancestors(id))
            .map(|a| self.division(a).name)
            .collect();
        path.reverse();
        path
    }

    /// Every division an official name or a short form may mean.
    pub fn named(&self, name: &str) -> &[DivId] {
        self.entries
            .binary_search_by(|e| e.text.as_str().cmp(name))
            .map_or(&[], |e| self.entries[e].ids.as_slice())
    }

    pub fn entry(&self, index: usize) -> &NameEntry {
        &self.entries[index]
    }

    /// Every name in `text`, overlapping and wherever it stands, for a caller that tells words
    /// apart by other means ([`Divisions::mentions`] keeps only those that can start a word).
    pub fn every_mention(&self, text: &str) -> Vec<Mention> {
        self.matcher
            .find_overlapping_iter(text)
            .map(|m| Mention {
                start: m.start(),
                end: m.end(),
                entry: m.pattern().as_usize(),
            })
            .collect()
    }

    /// The names in `text`, leftmost-longest, not overlapping. A two-character name counts only
    /// where it can start a word (after punctuation, a place name or a preposition), so 示范县
    /// does not yield 范县 and 提高县级 does not yield 高县.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut found = self.every_mention(text);
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut out: Vec<Mention> = Vec::new();
        for m in found {
            if out.last().is_some_and(|last| m.start < last.end) {
                continue;
            }
            let after_name = out.last().is_some_and(|last| last.end == m.start);
            if self.entries[m.entry].text.chars().count() > 2
                || after_name
                || starts_word(text, m.start)
            {
                out.push(m);
            }
        }
        out
    }
}

/// Whether a word may start at `at`: start of text, after a non-Han character, or after a
/// preposition that commonly precedes a place name.
fn starts_word(text: &str, at: usize) -> bool {
    match text.get(..at).and_then(|before| before.chars().last()) {
        None => true,
        Some(c) => !is_han(c) || "在为对与和及至到赴驻向于".contains(c),
    }
}

/// Whether an official name is worth matching in running text at all.
fn indexable(d: &Division) -> bool {
    let chars = d.name.chars().count();
    match d.level {
        Level::Township => {
            chars >= 2 && d.name != "街道" && TOWNSHIP_ENDINGS.iter().any(|e| d.name.ends_with(e))
        }
        // 城区, 郊区, 矿区, 东区: generic words, not recognisable names.
        Level::County => !(chars <= 2 && d.name.ends_with('区')),
        _ => true,
    }
}

fn rank(level: Level) -> u8 {
    match level {
        Level::Province => 0,
        Level::Prefecture => 1,
        Level::County => 2,
        _ => 3,
    }
}

/// Official names plus short forms. A short form never shadows an official name, and where
/// short forms of different levels collide only the highest level keeps it (南昌 is 南昌市,
/// not 南昌县).
fn name_index(list: &[Division]) -> Vec<NameEntry> {
    let mut official: HashMap<&str, Vec<DivId>> = HashMap::new();
    let mut shorts: HashMap<String, Vec<DivId>> = HashMap::new();
    for (i, d) in list.iter().enumerate() {
        if !indexable(d) {
            continue;
        }
        official.entry(d.name).or_default().push(i as DivId);
        for s in short_forms(d.name, d.level) {
            let ids = shorts.entry(s).or_default();
            if !ids.contains(&(i as DivId)) {
                ids.push(i as DivId);
            }
        }
    }
    let mut entries: Vec<NameEntry> = official
        .into_iter()
        .map(|(text, ids)| NameEntry {
            text: text.to_string(),
            ids,
            short: false,
            weak: false,
        })
        .collect();
    let taken: std::collections::HashSet<String> = entries.iter().map(|e| e.text.clone()).collect();
    for (text, mut ids) in shorts {
        if taken.contains(&text) || GENERIC_SHORT.contains(&text.as_str()) {
            continue;
        }
        let top = ids
            .iter()
            .map(|&i| rank(list[i as usize].level))
            .min()
            .unwrap_or(3);
        ids.retain(|&i| rank(list[i as usize].level) == top);
        let weak = top >= rank(Level::County) && !text.ends_with(['县', '旗', '州']);
        entries.push(NameEntry {
            text,
            ids,
            short: true,
            weak,
        });
    }
    entries.sort_by(|a, b| a.text.cmp(&b.text));
    for e in &mut entries {
        e.ids.shrink_to_fit();
    }
    entries
}

/// Remove trailing ethnic names (苗族, 土家族, 哈萨克) from a name stem.
fn strip_ethnic(mut stem: &str) -> &str {
    loop {
        let (base, had_zu) = match stem.strip_suffix('族') {
            Some(b) => (b, true),
            None => (stem, false),
        };
        let found = ETHNIC
            .iter()
            .filter(|e| had_zu || e.chars().count() > 1)
            .filter(|e| base.ends_with(*e) && base.chars().count() >= e.chars().count() + 2)
            .max_by_key(|e| e.len());
        match found {
            Some(e) => stem = &base[..base.len() - e.len()],
            None => return stem,
        }
    }
}

/// The usual short forms of an official name; none shorter than two characters.
pub fn short_forms(name: &str, level: Level) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: String| {
        if s.chars().count() >= 2 && s != name && !out.contains(&s) {
            out.push(s);
        }
    };
    for (suffix, keep) in [
        ("自治区", ""),
        ("自治州", "州"),
        ("自治县", "县"),
        ("自治旗", "旗"),
    ] {
        if let Some(stem) = name.strip_suffix(suffix) {
            let stem = strip_ethnic(stem);
            if stem.chars().count() >= 2 {
                if !keep.is_empty() {
                    push(format!("{stem}{keep}"));
                }
                push(stem.to_string());
            }
            return out;
        }
    }
    let suffixes: &[&str] = match level {
        Level::Province => &["省", "市"],
        Level::Prefecture => &["地区", "市", "盟"],
        Level::County => &["新区", "林区", "特区", "县", "市", "区", "旗"],
        _ => &[],
    };
    if let Some(stem) = suffixes.iter().find_map(|s| name.strip_suffix(s)) {
        push(stem.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_every_row() {
        let d = Divisions::get();
        let rows = TSV
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(d.len(), rows);
        assert_eq!(
            d.list.iter().filter(|x| x.level == Level::Province).count(),
            31
        );
        assert!(
            d.list
                .iter()
                .all(|x| x.level == Level::Province || x.parent.is_some())
        );
    }

    #[test]
    fn paths_skip_placeholders_and_pseudo_levels() {
        let d = Divisions::get();
        let cases: &[(&str, &[&str])] = &[
            ("640424", &["宁夏回族自治区", "固原市", "泾源县"]),
            ("210782", &["辽宁省", "锦州市", "北镇市"]),
            ("4207", &["湖北省", "鄂州市"]),
            ("360121100", &["江西省", "南昌市", "南昌县", "莲塘镇"]),
            // Municipality: districts hang under the province (市辖区 skipped).
            ("110105", &["北京市", "朝阳区"]),
            ("500229", &["重庆市", "城口县"]),
            // Prefecture without counties: towns directly under it.
            ("441900101", &["广东省", "东莞市", "石碣镇"]),
            // Province-governed county-level city.
            ("429004", &["湖北省", "仙桃市"]),
            ("nope", &[]),
        ];
        for (code, path) in cases {
            assert_eq!(d.path(code), *path, "{code}");
        }
    }

    #[test]
    fn children_of_a_municipality_are_districts() {
        let d = Divisions::get();
        let kids = d.children("31");
        assert!(kids.iter().any(|k| k.name == "浦东新区"));
        assert!(kids.iter().all(|k| k.level == Level::County));
        assert!(
            d.children("4419")
                .iter()
                .all(|k| k.level == Level::Township)
        );
    }

    #[test]
    fn short_forms_follow_naming_custom() {
        let cases: &[(&str, Level, &[&str])] = &[
            ("湖北省", Level::Province, &["湖北"]),
            ("广西壮族自治区", Level::Province, &["广西"]),
            ("宁夏回族自治区", Level::Province, &["宁夏"]),
            ("内蒙古自治区", Level::Province, &["内蒙古"]),
            ("新疆维吾尔自治区", Level::Province, &["新疆"]),
            ("北京市", Level::Province, &["北京"]),
            (
                "恩施土家族苗族自治州",
                Level::Prefecture,
                &["恩施州", "恩施"],
            ),
            ("伊犁哈萨克自治州", Level::Prefecture, &["伊犁州", "伊犁"]),
            ("大厂回族自治县", Level::County, &["大厂县", "大厂"]),
            ("锡林郭勒盟", Level::Prefecture, &["锡林郭勒"]),
            ("阿克苏地区", Level::Prefecture, &["阿克苏"]),
            ("浦东新区", Level::County, &["浦东"]),
            ("泾源县", Level::County, &["泾源"]),
            // Never a one-character name.
            ("赵县", Level::County, &[]),
            ("沙市区", Level::County, &["沙市"]),
            ("桥头镇", Level::Township, &[]),
        ];
        for (name, level, want) in cases {
            assert_eq!(short_forms(name, *level), *want, "{name}");
        }
    }

    #[test]
    fn short_names_resolve_to_the_highest_level() {
        let d = Divisions::get();
        let names =
            |n: &str| -> Vec<&str> { d.named(n).iter().map(|&i| d.division(i).name).collect() };
        assert_eq!(names("南昌"), ["南昌市"]);
        assert_eq!(names("湖北"), ["湖北省"]);
        assert_eq!(names("恩施州"), ["恩施土家族苗族自治州"]);
        assert_eq!(names("河北"), ["河北省"]);
        assert!(names("桥头镇").len() > 10);
        assert!(names("城区").is_empty());
        assert!(names("新华").is_empty());
        // 全州 is "the whole prefecture" far more often than 全州县.
        assert!(names("全州").is_empty());
        assert!(names("全州县").len() == 1);
    }

    #[test]
    fn mentions_are_longest_and_word_initial() {
        let d = Divisions::get();
        let found = |t: &str| -> Vec<String> {
            d.mentions(t)
                .iter()
                .map(|m| t[m.start..m.end].to_string())
                .collect()
        };
        assert_eq!(found("按照《南昌县法治政府建设实施方案》"), ["南昌县"]);
        assert_eq!(
            found("制发《东莞市桥头镇政府工作会议议事决策制度》"),
            ["东莞市", "桥头镇"]
        );
        assert_eq!(
            found("创建法治政府建设示范县，提高县级执法水平"),
            Vec::<String>::new()
        );
        assert_eq!(
            found("庆阳市宁县、恩施州和宁夏"),
            ["庆阳市", "宁县", "恩施州", "宁夏"]
        );
        assert_eq!(found("湖北省鄂州市鄂城区"), ["湖北省", "鄂州市", "鄂城区"]);
    }
}
