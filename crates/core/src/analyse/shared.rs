//! Evidence of copying between two reports: long passages both share, beyond the slogans every
//! report quotes (`assets/slogans.txt`), and place names in a report that belong to some other
//! locality.
//!
//! Texts are compared after a light normalisation (whitespace dropped, full-width forms folded to
//! half-width, Latin letters lower-cased), so a copied passage still counts when it was re-wrapped
//! or its punctuation retyped. Common runs are found from 8-character shingles extended as far as
//! they go; a run counts when at least [`MIN_CHARS`] of its characters lie outside slogans and
//! quotations (“…”, 《…》), which a report cites rather than writes.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

use crate::model::{Locality, Report, Span};
use crate::text::segment::whole_words;

/// Characters outside slogans a common run needs to count as a shared passage.
pub const MIN_CHARS: usize = 20;
pub(crate) const SHINGLE: usize = 8;
/// Places in A where one shingle occurs that are tried (repetitive text would be quadratic).
const MAX_CANDIDATES: usize = 32;
/// Characters a quotation may span (a paragraph of the 纲要 quoted whole); beyond, the opening
/// mark is taken for a stray one.
const MAX_QUOTATION: usize = 600;

static SLOGAN_LIST: &str = include_str!("../../../../assets/slogans.txt");

/// The slogans, normalised, in one automaton.
pub struct Slogans {
    matcher: AhoCorasick,
    count: usize,
}

impl Slogans {
    /// Slogans from a list in the format of `assets/slogans.txt`.
    pub fn from_list(list: &str) -> Slogans {
        let phrases: Vec<String> = list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| normalize(l).chars.into_iter().collect())
            .collect();
        let matcher = AhoCorasick::new(&phrases).expect("an automaton builds from plain strings");
        Slogans {
            matcher,
            count: phrases.len(),
        }
    }

    /// The list shipped in the binary.
    pub fn shared() -> &'static Slogans {
        static SHARED: LazyLock<Slogans> = LazyLock::new(|| Slogans::from_list(SLOGAN_LIST));
        &SHARED
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// For each character of a normalised text, whether a slogan covers it.
    fn cover(&self, chars: &[char]) -> Vec<bool> {
        let text: String = chars.iter().collect();
        let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let char_at = |byte: usize| starts.partition_point(|&s| s < byte);
        let mut covered = vec![false; chars.len()];
        for m in self.matcher.find_overlapping_iter(&text) {
            covered[char_at(m.start())..char_at(m.end())].fill(true);
        }
        covered
    }
}

/// A passage both reports contain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// As A writes it.
    pub text: String,
    /// Characters in the passage (whitespace excluded).
    pub chars: usize,
    /// Of those, the characters outside slogans.
    pub own_chars: usize,
    pub a: Span,
    pub b: Span,
}

impl SharedPassage {
    /// The passage at `at`, its text taken from A's text `a`.
    pub fn of(at: PassageAt, a: &str) -> SharedPassage {
        SharedPassage {
            text: a.get(at.a.start..at.a.end).unwrap_or("").to_string(),
            chars: at.chars,
            own_chars: at.own_chars,
            a: at.a,
            b: at.b,
        }
    }
}

/// Where a passage both reports contain stands, without its text: what a review keeps for every
/// report (the texts of the passages of 10,000 reports were a sixth of a review's peak memory).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PassageAt {
    pub chars: usize,
    pub own_chars: usize,
    pub a: Span,
    pub b: Span,
}

/// A text reduced for comparison, each character remembering where it came from.
pub(crate) struct Normal {
    pub(crate) chars: Vec<char>,
    /// Byte range in the original text of each character.
    from: Vec<(usize, usize)>,
}

pub(crate) fn normalize(text: &str) -> Normal {
    let mut chars = Vec::new();
    let mut from = Vec::new();
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let folded = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '。' => '.',
            '“' | '”' | '「' | '」' => '"',
            '‘' | '’' => '\'',
            '—' | '–' => '-',
            _ => c,
        };
        chars.push(folded.to_ascii_lowercase());
        from.push((at, at + c.len_utf8()));
    }
    Normal { chars, from }
}

/// Passages at least [`MIN_CHARS`] long (beyond slogans) that both texts contain, in B's order.
pub fn shared_passages(a: &str, b: &str, slogans: &Slogans) -> Vec<SharedPassage> {
    Prepared::new(a, slogans).passages_in(b)
}

/// A text made ready to be matched against many others: normalised, its stock phrases
/// (slogans, quotations) marked, its shingles indexed once.
pub struct Prepared<'a> {
    text: &'a str,
    normal: Normal,
    /// Whether each normalised character lies in a slogan or a quotation.
    stock: Vec<bool>,
    /// Shingle hash → where it starts in A (a hash collision only costs a comparison).
    index: HashMap<u64, Vec<usize>>,
}

/// A common run in normalised coordinates.
struct Run {
    /// Start in A.
    i: usize,
    /// Start in B.
    j: usize,
    len: usize,
    /// Characters of the run outside A's stock phrases.
    own: usize,
}

impl<'a> Prepared<'a> {
    pub fn new(text: &'a str, slogans: &Slogans) -> Prepared<'a> {
        let normal = normalize(text);
        let stock = stock_cover(text, &normal, slogans);
        let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, w) in normal.chars.windows(SHINGLE).enumerate() {
            let at = index.entry(shingle_hash(w)).or_default();
            if at.len() < MAX_CANDIDATES {
                at.push(i);
            }
        }
        Prepared {
            text,
            normal,
            stock,
            index,
        }
    }

    /// Characters of A outside whitespace and stock phrases: the denominator of a share.
    pub fn own_chars(&self) -> usize {
        // As [`own_chars`], from the work already done.
        self.stock.iter().filter(|s| !**s).count()
    }

    /// `chars` of A as a part of its own text.
    pub fn share(&self, chars: usize) -> f64 {
        chars as f64 / self.own_chars().max(1) as f64
    }

    /// Passages of A that `b` also contains, in B's order.
    pub fn passages_in(&self, b: &str) -> Vec<SharedPassage> {
        let nb = normalize(b);
        let runs = self.runs(&nb.chars);
        self.passages(&runs, &nb)
            .into_iter()
            .map(|at| SharedPassage::of(at, self.text))
            .collect()
    }

    /// Marks in `covered` (one flag per character of A) the own characters of A that `b` also
    /// contains in passages; returns how many characters of A it alone covers and its passages.
    pub fn cover_with(&self, b: &str, covered: &mut [bool]) -> (usize, Vec<PassageAt>) {
        let nb = normalize(b);
        let runs = self.runs(&nb.chars);
        let mut own = vec![false; self.stock.len()];
        for r in &runs {
            let stock = &self.stock[r.i..r.i + r.len];
            for (o, s) in own[r.i..r.i + r.len].iter_mut().zip(stock) {
                *o |= !*s;
            }
        }
        for (c, o) in covered.iter_mut().zip(&own) {
            *c |= *o;
        }
        (
            own.iter().filter(|o| **o).count(),
            self.passages(&runs, &nb),
        )
    }

    fn passages(&self, runs: &[Run], nb: &Normal) -> Vec<PassageAt> {
        runs.iter()
            .map(|r| PassageAt {
                chars: r.len,
                own_chars: r.own,
                a: Span::new(self.normal.from[r.i].0, self.normal.from[r.i + r.len - 1].1),
                b: Span::new(nb.from[r.j].0, nb.from[r.j + r.len - 1].1),
            })
            .collect()
    }

    /// A flag per character of A, none set: for [`Prepared::cover_with`].
    pub fn blank_cover(&self) -> Vec<bool> {
        vec![false; self.stock.len()]
    }

    fn runs(&self, b: &[char]) -> Vec<Run> {
        let a = &self.normal.chars;
        let mut out = Vec::new();
        let mut j = 0;
        while j + SHINGLE <= b.len() {
            let window = &b[j..j + SHINGLE];
            let best = self.index.get(&shingle_hash(window)).and_then(|starts| {
                starts
                    .iter()
                    .map(|&i| (i, common_len(&a[i..], &b[j..])))
                    .filter(|&(_, len)| len >= SHINGLE)
                    .max_by_key(|&(i, len)| (len, std::cmp::Reverse(i)))
            });
            let Some((mut i, mut len)) = best else {
                j += 1;
                continue;
            };
            // A passage starts at a word, not at the stop that ended the sentence before it.
            let lead = a[i..i + len]
                .iter()
                .take_while(|c| !c.is_alphanumeric())
                .count();
            if lead > 0 {
                i += lead;
                j += lead;
                len -= lead;
            }
            let own = self.stock[i..i + len].iter().filter(|c| !**c).count();
            if own < MIN_CHARS {
                j += 1;
                continue;
            }
            out.push(Run { i, j, len, own });
            j += len;
        }
        out
    }
}

/// The hash of a shingle, shared by the passage finder and the corpus-wide copy index.
pub(crate) fn shingle_hash(window: &[char]) -> u64 {
    // FNV-1a: a shingle is eight characters; a cryptographic or DoS-resistant hash buys nothing
    // here, since a collision is checked character by character.
    window.iter().fold(0xcbf2_9ce4_8422_2325, |h, &c| {
        (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Characters lying in a slogan or inside a quotation (“…”, 《…》): text a report quotes rather
/// than writes, which CNKI-style copy shares exclude too.
pub(crate) fn stock_cover(text: &str, normal: &Normal, slogans: &Slogans) -> Vec<bool> {
    let chars = &normal.chars;
    let mut stock = slogans.cover(chars);
    let mut open: Option<(char, usize)> = None;
    for (k, &c) in chars.iter().enumerate() {
        // A quotation stays within its paragraph: a mark left open is a typo, not a quotation
        // that runs on through the report.
        let new_line = k > 0
            && text
                .get(normal.from[k - 1].1..normal.from[k].0)
                .is_some_and(|gap| gap.contains('\n'));
        if new_line || open.is_some_and(|(_, start)| k - start > MAX_QUOTATION) {
            open = None;
        }
        match (open, c) {
            (None, '"') => open = Some(('"', k)),
            (None, '《') => open = Some(('》', k)),
            (Some((close, start)), c) if c == close => {
                stock[start..=k].fill(true);
                open = None;
            }
            _ => {}
        }
    }
    stock
}

fn common_len(x: &[char], y: &[char]) -> usize {
    x.iter().zip(y).take_while(|(p, q)| p == q).count()
}

/// Characters of `text` a share of copied text is counted against: outside whitespace, slogans
/// and quotations, as for the passages themselves.
pub fn own_chars(text: &str, slogans: &Slogans) -> usize {
    let normal = normalize(text);
    stock_cover(text, &normal, slogans)
        .iter()
        .filter(|s| !**s)
        .count()
}

/// Characters of `text`, whitespace excluded.
pub fn text_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// A place named in a report, resolved against the division codes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// As written.
    pub name: String,
    /// Province → … → the place, official names.
    pub path: Vec<String>,
    pub code: Option<String>,
    pub at: Span,
}

/// Finds place names in a text (a gazetteer lookup).
pub type PlaceFinder<'a> = &'a (dyn Fn(&str) -> Vec<PlaceMention> + Sync);

/// A finder that knows no places.
pub fn no_places(_: &str) -> Vec<PlaceMention> {
    Vec::new()
}

/// Whether a place lies on the same branch of the division tree as a locality (the locality
/// itself, a place above it, or a place within it).
pub fn belongs_to(place: &PlaceMention, locality: &Locality) -> bool {
    let n = place.path.len().min(locality.path.len());
    n > 0 && place.path[..n] == locality.path[..n]
}

/// Places a report names that are not on its own locality's branch; nothing when the report's
/// locality is unknown, since then nothing can be told apart. A finder may return several
/// candidates for one name (many 桥头镇): the name is foreign only if none of them belongs.
pub fn foreign_places(report: &Report, find: PlaceFinder) -> Vec<PlaceMention> {
    let Some(own) = &report.locality else {
        return Vec::new();
    };
    let mut found = find(&report.text);
    found.sort_by_key(|p| (p.at.start, p.at.end));
    let mut out: Vec<PlaceMention> = Vec::new();
    let mut i = 0;
    while i < found.len() {
        let at = found[i].at;
        let group: Vec<&PlaceMention> = found[i..].iter().take_while(|p| p.at == at).collect();
        i += group.len();
        if group.iter().any(|p| belongs_to(p, own)) {
            continue;
        }
        let mut place = group[0].clone();
        if group.len() > 1 {
            // Which of the same-named places is meant cannot be told: keep only the name.
            place.path.clear();
            place.code = None;
        }
        out.push(place);
    }
    out
}

/// The national division codes as a place finder: every full official name in `text`, one
/// mention per division bearing it (short forms and bare names are too ambiguous to accuse a
/// report of copying).
pub fn gazetteer(text: &str) -> Vec<PlaceMention> {
    let divisions = crate::divisions::Divisions::get();
    let mut out = Vec::new();
    for m in divisions.mentions(text) {
        let entry = divisions.entry(m.entry);
        // A name must stand as words of its own: "部分乡镇" names no 分乡镇, "各苏木乡镇" no 苏木乡.
        // (jieba does not always tell: "新建区县级" still reads as 新建区 followed by 县级.)
        if entry.short || entry.weak || !whole_words(text, m.start, m.end) {
            continue;
        }
        for &id in &entry.ids {
            out.push(PlaceMention {
                name: text[m.start..m.end].to_string(),
                path: divisions
                    .path_of(id)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                code: Some(divisions.division(id).code.to_string()),
                at: Span::new(m.start, m.end),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slogan_list_is_real() {
        let s = Slogans::shared();
        assert!(s.len() >= 40, "{}", s.len());
        let covered =
            s.cover(&normalize("坚持以习近平新时代中国特色社会主义思想为指导，推进工作").chars);
        assert!(covered[..22].iter().all(|c| *c));
        assert!(!covered[23]);
    }

    #[test]
    fn a_copied_passage_is_found_despite_wrapping_and_punctuation() {
        let copied =
            "建立行政执法人员资格管理台账，对全县1200名执法人员开展轮训，实现执法证件动态管理。";
        let a = format!("一、加强执法队伍建设\n{copied}\n二、其他");
        let b = format!(
            "今年以来，我镇{}",
            copied
                .replace('，', ",")
                .replace("轮训，实现", "轮训，\n实现")
        );
        let found = shared_passages(&a, &b, Slogans::shared());
        assert_eq!(found.len(), 1, "{found:?}");
        let p = &found[0];
        assert_eq!(p.text, copied);
        assert_eq!(&a[p.a.start..p.a.end], copied);
        assert!(b[p.b.start..p.b.end].starts_with("建立行政执法人员"));
        assert!(b[p.b.start..p.b.end].ends_with("动态管理。"));
        assert_eq!(p.chars, copied.chars().count());
        assert_eq!(p.own_chars, p.chars);
    }

    #[test]
    fn slogans_do_not_count_as_copying() {
        let slogan = "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，\
                      加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。";
        let a = format!("我市{slogan}全年办理复议案件76件。");
        let b = format!("本县{slogan}组织执法培训12场。");
        assert_eq!(shared_passages(&a, &b, Slogans::shared()), vec![]);
        // The same text with no slogans known is one long shared passage.
        let none = Slogans::from_list("");
        let found = shared_passages(&a, &b, &none);
        assert_eq!(found.len(), 1);
        assert!(found[0].chars > 60);
    }

    #[test]
    fn short_common_phrases_are_not_passages() {
        let a = "推进严格规范公正文明执法，办理案件。";
        let b = "坚持严格规范公正文明执法，查处案件。";
        assert!(shared_passages(a, b, &Slogans::from_list("")).is_empty());
    }

    fn place(name: &str, path: &[&str]) -> PlaceMention {
        PlaceMention {
            name: name.into(),
            path: path.iter().map(|s| s.to_string()).collect(),
            code: None,
            at: Span::default(),
        }
    }

    #[test]
    fn quotations_are_not_own_text_within_their_paragraph() {
        let none = Slogans::from_list("");
        let quote = "法治政府建设是全面依法治国的重点任务和主体工程".repeat(8);
        let text = format!("我县认真落实“{quote}”的要求。");
        // Only 我县认真落实 and 的要求。 are the report's own words.
        assert_eq!(own_chars(&text, &none), 10);
        // A mark left open does not swallow the next paragraph.
        let open = format!("我县认真落实“{quote}\n全年办理复议案件七十六件。");
        assert!(own_chars(&open, &none) > quote.chars().count());
    }

    #[test]
    fn names_inside_other_words_are_not_places() {
        assert!(gazetteer("全旗各苏木乡镇全部组建综合执法队").is_empty());
        assert!(gazetteer("力量整体薄弱，部分乡镇没有专职法治员").is_empty());
        // A name standing as itself still is one.
        assert!(!gazetteer("组建泾源县助企服务队").is_empty());
    }

    #[test]
    fn places_off_the_reports_branch_are_foreign() {
        let own = Locality {
            name: "泾源县".into(),
            path: vec!["宁夏回族自治区".into(), "固原市".into(), "泾源县".into()],
            code: Some("640424".into()),
            level: crate::model::Level::County,
            department: None,
        };
        assert!(belongs_to(
            &place("固原市", &["宁夏回族自治区", "固原市"]),
            &own
        ));
        assert!(belongs_to(
            &place("香水镇", &["宁夏回族自治区", "固原市", "泾源县", "香水镇"]),
            &own
        ));
        assert!(!belongs_to(
            &place("西吉县", &["宁夏回族自治区", "固原市", "西吉县"]),
            &own
        ));
        assert!(!belongs_to(
            &place("北镇市", &["辽宁省", "锦州市", "北镇市"]),
            &own
        ));
        assert!(!belongs_to(&place("无路径", &[]), &own));
    }
}
