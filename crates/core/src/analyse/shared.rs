//! Evidence of copying between two reports: long passages both share, beyond the slogans every
//! report quotes (`assets/slogans.txt`), and place names in a report that belong to some other
//! locality.
//!
//! Texts are compared after a light normalisation (whitespace dropped, full-width forms folded to
//! half-width, Latin letters lower-cased), so a copied passage still counts when it was re-wrapped
//! or its punctuation retyped. Common runs are found from 8-character shingles extended as far as
//! they go; a run counts when at least [`MIN_CHARS`] of its characters lie outside slogans.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

use crate::model::{Locality, Report, Span};

/// Characters outside slogans a common run needs to count as a shared passage.
pub const MIN_CHARS: usize = 20;
const SHINGLE: usize = 8;
/// Places in A where one shingle occurs that are tried (repetitive text would be quadratic).
const MAX_CANDIDATES: usize = 32;

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

/// A text reduced for comparison, each character remembering where it came from.
struct Normal {
    chars: Vec<char>,
    /// Byte range in the original text of each character.
    from: Vec<(usize, usize)>,
}

fn normalize(text: &str) -> Normal {
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
    let na = normalize(a);
    let nb = normalize(b);
    let covered = slogans.cover(&na.chars);
    let mut index: HashMap<&[char], Vec<usize>> = HashMap::new();
    for (i, w) in na.chars.windows(SHINGLE).enumerate() {
        let at = index.entry(w).or_default();
        if at.len() < MAX_CANDIDATES {
            at.push(i);
        }
    }
    let mut out = Vec::new();
    let mut j = 0;
    while j + SHINGLE <= nb.chars.len() {
        let window = &nb.chars[j..j + SHINGLE];
        let best = index.get(window).and_then(|starts| {
            starts
                .iter()
                .map(|&i| (i, common_len(&na.chars[i..], &nb.chars[j..])))
                .max_by_key(|&(i, len)| (len, std::cmp::Reverse(i)))
        });
        let Some((mut i, mut len)) = best else {
            j += 1;
            continue;
        };
        // A passage starts at a word, not at the stop that ended the sentence before it.
        let lead = na.chars[i..i + len]
            .iter()
            .take_while(|c| !c.is_alphanumeric())
            .count();
        if lead > 0 {
            i += lead;
            j += lead;
            len -= lead;
        }
        let own = covered[i..i + len].iter().filter(|c| !**c).count();
        if own < MIN_CHARS {
            j += 1;
            continue;
        }
        let a_span = Span::new(na.from[i].0, na.from[i + len - 1].1);
        out.push(SharedPassage {
            text: a[a_span.start..a_span.end].to_string(),
            chars: len,
            own_chars: own,
            a: a_span,
            b: Span::new(nb.from[j].0, nb.from[j + len - 1].1),
        });
        j += len;
    }
    out
}

fn common_len(x: &[char], y: &[char]) -> usize {
    x.iter().zip(y).take_while(|(p, q)| p == q).count()
}

/// Characters of `text` that count towards shared shares: whitespace excluded.
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
        if entry.short || entry.weak {
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
