//! Who wrote the report: the locality resolved against the national division codes.
//!
//! Evidence is weighed per division: the title, the subject of the opening sentences, the
//! signature line, "我市/我县" together with the page's publisher, and how often a place leads a
//! clause. Places named only inside 《…》, in the addressee line or in site chrome give no
//! evidence of authorship, but every place named anywhere helps choose among same-name
//! divisions (many 桥头镇): the one whose ancestors or descendants are also named wins.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use crate::divisions::{DivId, Divisions, Mention};
use crate::model::{Level, Locality, PageMeta};
use crate::text::chrome::chrome;
use crate::text::is_han;
use crate::text::segment::whole_words;
use crate::text::sentences::{full_sentences, is_clause_break};
use crate::text::variants::simplified;

// Evidence weights: what one sighting of a place in each position says about authorship. A
// title or a signature settles it alone (each is above MIN_SCORE); passing mentions never do.

/// A place in the title (or a title line at the top): reports are titled by their author.
const TITLE: f32 = 10.0;
/// A place as the subject of the first, second, third clause with one ("泾源县坚持…"); the
/// first speaks loudest, later ones may already be about a subordinate.
const SUBJECT: [f32; 3] = [8.0, 5.0, 3.0];
/// A place opening one of the last lines ("XX县人民政府 2024年3月28日"): the signature.
const SIGNATURE: f32 = 8.0;
/// A place in the page's publisher (发布机构): a site may host others' reports, so it only tips.
const PUBLISHER: f32 = 2.0;
/// The publisher whose level is the one the report calls itself by (我县 on a county's site):
/// then the site's owner is very likely the author.
const PUBLISHER_SELF: f32 = 6.0;
/// A place whose level is the report's self-word (我市 → a 市), added to whatever else it has.
const SELF_WORD: f32 = 2.0;
/// A place leading a clause somewhere in the body, each time, …
const CLAUSE_LEAD: f32 = 1.0;
/// … but no more than this in all: a report speaks of its subordinates often too.
const CLAUSE_LEAD_CAP: f32 = 3.0;
/// A plain mention anywhere, by full name …
const MENTION: f32 = 0.5;
/// … or by a short name (泾源 for 泾源县), which other things share more often.
const MENTION_SHORT: f32 = 0.25;
/// All plain mentions together: enough to choose between candidates, never to outweigh a title.
const MENTION_CAP: f32 = 2.5;
/// Below this, nothing but passing mentions speaks for a place: the author stays unknown.
const MIN_SCORE: f32 = 3.0;
/// Scores this close are a tie, left to the context (weights are sums of a few decimals).
const SCORE_TIE: f32 = 0.01;
/// Context support this close is a tie too: the first division by code wins.
const SUPPORT_TIE: f32 = 1e-3;
/// How much the named ancestors (each) and the named descendants (together) of a candidate may
/// support it: enough to tell same-name divisions apart, not to let a province's long list of
/// its cities make it the author of a city's report.
const SUPPORT_CAP: f32 = 3.0;

/// How often (a mention of a name that several places share counts as a share) a place must be
/// named for a department that names only its level to be placed there: once by a name that is
/// its alone.
const NAMED_MIN: f32 = 1.0;

/// How often a county's bare short form (泾源), an ordinary word as often as a place, must stand
/// as a word for a department naming only its level to be placed there on that alone.
const SHORT_REPEATED: usize = 2;

/// How many lines at the top may be the title, an addressee or a dateline rather than body.
const HEAD_LINES: usize = 8;
/// A head line longer than this (in chars) is body text, not a title line.
const HEAD_LINE_MAX_CHARS: usize = 60;
/// How many sentences of the opening are read for the subject: the author introduces itself
/// early, and later sentences turn to its subordinates.
const OPENING_SENTENCES: usize = 4;
/// How many non-empty last lines may hold the signature (name, date, a seal's caption …).
const SIGNATURE_LINES: usize = 6;
/// A signature line longer than this (in chars) is a sentence, not a signature.
const SIGNATURE_MAX_CHARS: usize = 40;
/// A line longer than this (in bytes) is a paragraph that happens to contain a chrome word.
const CHROME_LINE_MAX_BYTES: usize = 360;
/// How often (我 counting twice, 全 once) a self-word must occur to say what the report calls
/// itself: one 全市 alone may be about a superior.
const SELF_WORD_MIN: u32 = 2;

/// The word lists of `assets/departments.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    departments: Vec<String>,
    self_words: String,
    title_words: Vec<String>,
    time_leads: Vec<String>,
    frame_leads: Vec<String>,
    zones: Vec<String>,
    zone_committees: Vec<String>,
    office_joiners: Vec<String>,
    offices: Vec<String>,
    slogan_leads: Vec<String>,
}

static VOCABULARY_TOML: &str = include_str!("../../../../assets/departments.toml");

static WORDS: LazyLock<Vocabulary> = LazyLock::new(|| {
    toml::from_str(VOCABULARY_TOML)
        .expect("assets/departments.toml is valid (checked by a unit test)")
});

/// The management committee of a zone at the head of a string, after at most ten chars of the
/// zone's own name (嘉兴|经济技术开发区管理委员会).
static ZONE_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    let alt = |ws: &[String]| {
        ws.iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    Regex::new(&format!(
        r"^[^\s，,。；（(]{{0,10}}?(?:{})(?:{})",
        alt(&WORDS.zones),
        alt(&WORDS.zone_committees)
    ))
    .expect("zone words are escaped, so the pattern is valid")
});

/// Resolve the reporting body from the report's text, its title and the page's metadata.
///
/// `code` is the statistical code as published: 2 digits (province), 4 (prefecture), 6
/// (county) or 9 (township). A name that several divisions share and that nothing in the text
/// tells apart gives the name and level only (empty path, no code).
pub fn resolve(text: &str, title: Option<&str>, meta: &PageMeta) -> Option<Locality> {
    resolve_matched(&simplified(text), title, meta)
}

/// [`resolve`] of a text already folded as it is matched ([`simplified`]), which the parser
/// has done once for the whole report.
pub(crate) fn resolve_matched(
    text: &str,
    title: Option<&str>,
    meta: &PageMeta,
) -> Option<Locality> {
    // A report in traditional characters (鎮雄縣) is matched folded to simplified, as the
    // division table and the vocabulary are written; names come out as the table has them.
    let title = title.map(simplified);
    let title = title.as_deref();
    let folded_meta = PageMeta {
        title: meta.title.as_deref().map(|t| simplified(t).into_owned()),
        publisher: meta
            .publisher
            .as_deref()
            .map(|p| simplified(p).into_owned()),
        chrome: meta
            .chrome
            .iter()
            .map(|c| simplified(c).into_owned())
            .collect(),
        ..meta.clone()
    };
    let meta = &folded_meta;
    let div = Divisions::get();
    let page = Page::read(div, text);
    let mut ev = Evidence::default();

    for t in title.into_iter().chain(meta.title.as_deref()) {
        let ms = div.mentions(t);
        let outside = quoted_ranges(t);
        if let Some(i) = (0..ms.len()).find(|&i| !inside(&outside, ms[i].start)) {
            ev.claim(div, t, &ms, i, TITLE);
        }
    }
    page.title_lines(div, &mut ev);
    let dept_hint = page.opening(div, &mut ev);
    page.signature(div, &mut ev);
    page.frequency(div, &mut ev);

    let self_word = self_word(text);
    publishers(div, &page, meta, self_word, &mut ev);
    if let Some(w) = self_word {
        let ids: Vec<DivId> = ev.score.keys().copied().collect();
        for id in ids {
            if div.division(id).self_word() == w {
                *ev.score.entry(id).or_default() += SELF_WORD;
            }
        }
    }

    let context = Context::gather(div, &page, title, meta);
    // A department that names itself by level only (市司法局) in its title or opening sentence,
    // with no place claimed anywhere, belongs to the place of its level the text names most (in
    // 《大连市…》 or as 法治大连); naming none, it is still a department, of an unknown place.
    let unplaced = title
        .and_then(|t| bare_department(t.trim_start()))
        .or_else(|| dept_hint.clone());
    // A government that calls itself by level only (省政府, 全省) is, likewise, the place of that
    // level the text names most.
    let own_level = title
        .and_then(|t| bare_government(t.trim_start()))
        .or(self_word);
    ev.choose(div, &context, dept_hint).or_else(|| {
        let Some((level_word, written)) = unplaced else {
            let id = context.most_named(div, own_level?)?;
            let d = div.division(id);
            return Some(Locality {
                name: d.name.to_string(),
                path: div.path_of(id).into_iter().map(String::from).collect(),
                code: Some(d.code.to_string()),
                level: d.level,
                department: None,
            });
        };
        let department: String = written.chars().skip(1).collect();
        let place = context
            .most_named(div, level_word)
            .or_else(|| page.short_named(div, level_word));
        Some(match place {
            Some(id) => Locality {
                name: format!("{}{department}", div.division(id).name),
                path: div.path_of(id).into_iter().map(String::from).collect(),
                code: Some(div.division(id).code.to_string()),
                level: Level::Department,
                department: Some(department),
            },
            None => Locality {
                name: written,
                path: Vec::new(),
                code: None,
                level: Level::Department,
                department: Some(department),
            },
        })
    })
}

/// The text with its mentions and the ranges that give no evidence of authorship.
struct Page<'a> {
    text: &'a str,
    mentions: Vec<Mention>,
    /// 《…》 titles.
    quoted: Vec<(usize, usize)>,
    /// Addressee lines at the top and chrome lines anywhere.
    aside: Vec<(usize, usize)>,
    /// Where the report's prose begins (after title lines, chrome and addressee).
    body: usize,
    /// Leading title-like lines.
    titles: Vec<(usize, usize)>,
    /// Site chrome left in the text (footers, metadata blocks).
    chrome: Vec<&'a str>,
}

impl<'a> Page<'a> {
    fn read(div: &Divisions, text: &'a str) -> Page<'a> {
        let mut aside = Vec::new();
        let mut titles = Vec::new();
        let mut chrome = Vec::new();
        let mut body = None;
        for (n, (start, line)) in lines(text).enumerate() {
            let t = line.trim();
            let end = start + line.len();
            if is_chrome(t) {
                aside.push((start, end));
                chrome.push(t);
                continue;
            }
            if body.is_some() || t.is_empty() {
                continue;
            }
            let short = t.chars().count() <= HEAD_LINE_MAX_CHARS && !t.contains('。');
            if n < HEAD_LINES && short && (t.ends_with('：') || t.ends_with(':')) {
                aside.push((start, end));
            } else if n < HEAD_LINES && short {
                if WORDS.title_words.iter().any(|k| t.contains(k.as_str())) {
                    titles.push((start, end));
                }
            } else {
                body = Some(start);
            }
        }
        Page {
            text,
            mentions: div.mentions(text),
            quoted: quoted_ranges(text),
            aside,
            body: body.unwrap_or(0),
            titles,
            chrome,
        }
    }

    /// Whether a mention at `at` may speak for the author.
    fn counts(&self, at: usize) -> bool {
        !inside(&self.quoted, at) && !inside(&self.aside, at)
    }

    fn title_lines(&self, div: &Divisions, ev: &mut Evidence) {
        for &(start, end) in &self.titles {
            if let Some(i) = self
                .mentions
                .iter()
                .position(|m| m.start >= start && m.end <= end && self.counts(m.start))
            {
                ev.claim(div, self.text, &self.mentions, i, TITLE);
            }
        }
    }

    /// The subject of the first sentences: "2024年，泾源县坚持…", "今年以来，市司法局…".
    /// Returns a department named without its place ("市司法局") if one leads a clause.
    fn opening(&self, div: &Divisions, ev: &mut Evidence) -> Option<(char, String)> {
        let mut weights = SUBJECT.iter();
        let mut dept_hint = None;
        let mut subject_seen = false;
        for (s_start, sentence) in sentences(self.text, self.body).take(OPENING_SENTENCES) {
            for (c_start, clause) in clauses(sentence) {
                let at = s_start + c_start + subject_offset(clause);
                if inside(&self.aside, at) || inside(&self.quoted, at) {
                    continue;
                }
                if let Some(i) = self.mentions.iter().position(|m| m.start == at) {
                    if let Some(&w) = weights.next() {
                        ev.claim(div, self.text, &self.mentions, i, w);
                    }
                    subject_seen = true;
                    break;
                }
                // Only the report's first subject says it is a department's report.
                if !subject_seen {
                    dept_hint = bare_department(&self.text[at..]);
                    subject_seen = dept_hint.is_some() || names_itself(&self.text[at..]);
                }
            }
        }
        dept_hint
    }

    /// "XX县人民政府 2024年3月28日" among the last lines.
    fn signature(&self, div: &Divisions, ev: &mut Evidence) {
        let tail: Vec<(usize, &str)> = lines(self.text)
            .filter(|(s, l)| !l.trim().is_empty() && !inside(&self.aside, *s))
            .collect();
        for &(start, line) in tail.iter().rev().take(SIGNATURE_LINES) {
            let lead = line.len() - line.trim_start().len();
            let t = line.trim();
            if t.chars().count() > SIGNATURE_MAX_CHARS || t.contains('。') {
                continue;
            }
            let at = start + lead + t.strip_prefix("中共").map_or(0, |_| "中共".len());
            let Some(i) = self.mentions.iter().position(|m| m.start == at) else {
                continue;
            };
            let last = chain_end(self.text, &self.mentions, i);
            let Some(mut rest) = self
                .text
                .get(self.mentions[last].end..start + lead + t.len())
            else {
                continue;
            };
            for s in ["人民政府", "委员会", "党委", "政府", "委", "办事处"] {
                rest = rest.strip_prefix(s).unwrap_or(rest);
            }
            if let Some(d) = department_at(rest) {
                rest = &rest[d.len()..];
            }
            if rest
                .chars()
                .all(|c| !is_han(c) || "年月日〇零一二三四五六七八九十".contains(c))
            {
                ev.claim(div, self.text, &self.mentions, i, SIGNATURE);
            }
        }
    }

    /// The place of level `level_word` (县 for 泾源县) that the text calls only by a short name,
    /// for a department naming only its level whose place no mention names ("立足赣州实际" gives
    /// none: a two-character name is a mention only after punctuation or a preposition). The
    /// short name must be one division's alone and stand as a whole word (立足|赣州|实际, where
    /// 示范县 holds no 范县). A name the index trusts (a prefecture's) needs nothing more, as a
    /// mention would not; a county's bare form (泾源) is as often an ordinary word, so it must
    /// also be repeated, quoted in 《…》, followed by a department or led by a slogan (法治泾源).
    /// Exactly one place may qualify.
    fn short_named(&self, div: &Divisions, level_word: char) -> Option<DivId> {
        // Per place: how often its name stands as a word, and whether once with evidence.
        let mut seen: HashMap<DivId, (usize, bool)> = HashMap::new();
        for m in div.every_mention(self.text) {
            let e = div.entry(m.entry);
            let &[id] = e.ids.as_slice() else {
                continue;
            };
            if !e.short
                || div.division(id).self_word() != level_word
                || inside(&self.aside, m.start)
                || !whole_words(self.text, m.start, m.end)
            {
                continue;
            }
            let led = WORDS
                .slogan_leads
                .iter()
                .any(|l| self.text[..m.start].ends_with(l.as_str()));
            let evident = !e.weak
                || led
                || inside(&self.quoted, m.start)
                || department_at(&self.text[m.end..]).is_some();
            let slot = seen.entry(id).or_default();
            slot.0 += 1;
            slot.1 |= evident;
        }
        let mut placed = seen
            .into_iter()
            .filter(|(_, (times, evident))| *evident || *times >= SHORT_REPEATED)
            .map(|(id, _)| id);
        let first = placed.next()?;
        placed.next().is_none().then_some(first)
    }

    /// Places that lead clauses, and plain mentions, both capped: a place the report keeps
    /// speaking of, but never enough alone to outweigh a title or a subject.
    fn frequency(&self, div: &Divisions, ev: &mut Evidence) {
        let mut lead: HashMap<DivId, f32> = HashMap::new();
        let mut plain: HashMap<DivId, f32> = HashMap::new();
        let mut i = 0;
        while i < self.mentions.len() {
            let m = self.mentions[i];
            let last = chain_end(self.text, &self.mentions, i);
            if self.counts(m.start) {
                for k in i..=last {
                    let e = div.entry(self.mentions[k].entry);
                    if e.weak {
                        continue;
                    }
                    for &id in &e.ids {
                        *plain.entry(id).or_default() +=
                            if e.short { MENTION_SHORT } else { MENTION };
                    }
                }
                let named = div.entry(self.mentions[last].entry);
                if clause_initial(self.text, m.start) && !named.weak {
                    for &id in &named.ids {
                        *lead.entry(id).or_default() += CLAUSE_LEAD;
                    }
                }
            }
            i = last + 1;
        }
        for (id, w) in lead {
            *ev.score.entry(id).or_default() += w.min(CLAUSE_LEAD_CAP);
        }
        for (id, w) in plain {
            *ev.score.entry(id).or_default() += w.min(MENTION_CAP);
        }
    }
}

/// A claim that a place wrote the report: how strongly, as which name, as which department.
#[derive(Debug, Clone)]
struct Claim {
    weight: f32,
    written: String,
    department: Option<String>,
}

#[derive(Default)]
struct Evidence {
    score: HashMap<DivId, f32>,
    best: HashMap<DivId, Claim>,
}

impl Evidence {
    /// Credit the place named by mention `i` of `text` (the last of a chain such as
    /// 东莞市桥头镇), with the department that follows it, if any.
    fn claim(&mut self, div: &Divisions, text: &str, ms: &[Mention], i: usize, weight: f32) {
        let m = ms[chain_end(text, ms, i)];
        if div.entry(m.entry).weak {
            return;
        }
        let place = &text[m.start..m.end];
        let department = department_at(&text[m.end..]);
        let written = match department {
            Some(d) => format!("{place}{d}"),
            None => place.to_string(),
        };
        let claim = Claim {
            weight,
            written,
            department: department.map(str::to_string),
        };
        for &id in &div.entry(m.entry).ids {
            *self.score.entry(id).or_default() += weight;
            let better = self.best.get(&id).is_none_or(|b| b.weight < weight);
            if better {
                self.best.insert(id, claim.clone());
            }
        }
    }

    fn choose(
        self,
        div: &Divisions,
        context: &Context,
        dept_hint: Option<(char, String)>,
    ) -> Option<Locality> {
        let top = self.score.values().copied().fold(0.0_f32, f32::max);
        if top < MIN_SCORE {
            return None;
        }
        let mut tied: Vec<DivId> = self
            .score
            .iter()
            .filter(|(_, s)| **s >= top - SCORE_TIE)
            .map(|(id, _)| *id)
            .collect();
        tied.sort_unstable();
        let ranked: Vec<(f32, DivId)> = tied
            .iter()
            .map(|&id| (context.support(div, id), id))
            .collect();
        let best_ctx = ranked.iter().map(|r| r.0).fold(f32::MIN, f32::max);
        let winners: Vec<DivId> = ranked
            .iter()
            .filter(|r| r.0 >= best_ctx - SUPPORT_TIE)
            .map(|r| r.1)
            .collect();
        let claim = self
            .best
            .get(&winners[0])
            .cloned()
            .unwrap_or_else(|| Claim {
                weight: 0.0,
                written: div.division(winners[0]).name.to_string(),
                department: None,
            });
        if winners.len() > 1 {
            let name = div.division(winners[0]).name;
            let level = div.division(winners[0]).level;
            let same = winners
                .iter()
                .all(|&w| div.division(w).name == name && div.division(w).level == level);
            return same.then(|| Locality {
                name: claim.written,
                path: Vec::new(),
                code: None,
                level,
                department: None,
            });
        }
        let id = winners[0];
        let d = div.division(id);
        let (name, level, department) = match (claim.department, dept_hint) {
            (Some(dep), _) => (claim.written, Level::Department, Some(dep)),
            (None, Some((w, written))) if w == d.self_word() => {
                let dep = written.chars().skip(1).collect();
                (written, Level::Department, Some(dep))
            }
            _ => (claim.written, d.level, None),
        };
        Some(Locality {
            name,
            path: div.path_of(id).into_iter().map(String::from).collect(),
            code: Some(d.code.to_string()),
            level,
            department,
        })
    }
}

/// Every place named anywhere (quoted titles, addressee and chrome included), weighted by how
/// ambiguous its name is.
struct Context {
    named: HashMap<DivId, f32>,
    below: HashMap<DivId, f32>,
}

impl Context {
    fn gather(div: &Divisions, page: &Page, title: Option<&str>, meta: &PageMeta) -> Context {
        let mut named: HashMap<DivId, f32> = HashMap::new();
        let mut add = |ms: &[Mention]| {
            for m in ms {
                let ids = &div.entry(m.entry).ids;
                for &id in ids {
                    *named.entry(id).or_default() += 1.0 / ids.len() as f32;
                }
            }
        };
        add(&page.mentions);
        let extra = title
            .into_iter()
            .chain(meta.title.as_deref())
            .chain(meta.publisher.as_deref())
            .chain(meta.chrome.iter().map(String::as_str));
        for t in extra {
            add(&div.mentions(t));
        }
        let mut below: HashMap<DivId, f32> = HashMap::new();
        for (&id, &w) in &named {
            for a in div.ancestors(id) {
                *below.entry(a).or_default() += w;
            }
        }
        Context { named, below }
    }

    /// The place whose self-word is `level_word` (市 for 大连市) that the text names most, if it is
    /// named at least [`NAMED_MIN`] times over and more than any other place of that level.
    fn most_named(&self, div: &Divisions, level_word: char) -> Option<DivId> {
        let mut ranked: Vec<(f32, DivId)> = self
            .named
            .iter()
            .filter(|(id, _)| div.division(**id).self_word() == level_word)
            .map(|(id, w)| (*w, *id))
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        match ranked.as_slice() {
            [(w, id), rest @ ..] if *w >= NAMED_MIN && rest.first().is_none_or(|r| r.0 < *w) => {
                Some(*id)
            }
            _ => None,
        }
    }

    /// How much the rest of the text agrees with a candidate: its ancestors and descendants named.
    fn support(&self, div: &Divisions, id: DivId) -> f32 {
        let up: f32 = div
            .ancestors(id)
            .map(|a| self.named.get(&a).copied().unwrap_or(0.0).min(SUPPORT_CAP))
            .sum();
        up + self.below.get(&id).copied().unwrap_or(0.0).min(SUPPORT_CAP)
    }
}

/// The page's owner (主办单位:鄂州市司法局), from the metadata, chrome lines or chrome left in
/// the text; with "我市" the report speaks for the owner's place.
fn publishers(
    div: &Divisions,
    page: &Page,
    meta: &PageMeta,
    self_word: Option<char>,
    ev: &mut Evidence,
) {
    let labelled = meta
        .chrome
        .iter()
        .map(String::as_str)
        .chain(page.chrome.iter().copied())
        .filter_map(after_label);
    let mut credit: HashMap<DivId, (f32, String)> = HashMap::new();
    for owner in meta.publisher.as_deref().into_iter().chain(labelled) {
        let ms = div.mentions(owner);
        if ms.is_empty() {
            continue;
        }
        let m = ms[chain_end(owner, &ms, 0)];
        if div.entry(m.entry).weak {
            continue;
        }
        for &id in &div.entry(m.entry).ids {
            let w = if self_word == Some(div.division(id).self_word()) {
                PUBLISHER_SELF
            } else {
                PUBLISHER
            };
            let slot = credit.entry(id).or_insert((0.0, String::new()));
            if w > slot.0 {
                *slot = (w, owner[m.start..m.end].to_string());
            }
        }
    }
    for (id, (w, written)) in credit {
        *ev.score.entry(id).or_default() += w;
        ev.best.entry(id).or_insert(Claim {
            weight: w,
            written,
            department: None,
        });
    }
}

/// The text after a publisher label, up to the next space.
fn after_label(line: &str) -> Option<&str> {
    let (label_at, label) = chrome()
        .owner_labels
        .iter()
        .find_map(|l| line.find(l.as_str()).map(|at| (at, l.as_str())))?;
    let rest = line[label_at + label.len()..].trim_start_matches([':', '：', ' ', '\u{3000}']);
    let end = rest
        .find(|c: char| c.is_whitespace() || "，,;；|｜".contains(c))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The most frequent way the report names itself (我市 counts twice, 全市 once).
fn self_word(text: &str) -> Option<char> {
    let mut counts: HashMap<char, u32> = HashMap::new();
    for (at, lead) in text.match_indices(['我', '全']) {
        let Some(c) = text[at + lead.len()..]
            .chars()
            .next()
            .filter(|c| WORDS.self_words.contains(*c))
        else {
            continue;
        };
        *counts.entry(c).or_default() += if lead == "我" { 2 } else { 1 };
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= SELF_WORD_MIN)
        .max_by_key(|&(c, n)| (n, c))
        .map(|(c, _)| c)
}

/// A department named by level only at a clause's head ("市司法局"): the level character and
/// the words as written.
fn bare_department(s: &str) -> Option<(char, String)> {
    let first = s.chars().next().filter(|c| WORDS.self_words.contains(*c))?;
    let dept = department_at(&s[first.len_utf8()..])?;
    Some((first, format!("{first}{dept}")))
}

/// The level character of a government named by level only at the head of `s` (省政府, 县人民政府).
fn bare_government(s: &str) -> Option<char> {
    let first = s.chars().next().filter(|c| WORDS.self_words.contains(*c))?;
    let rest = &s[first.len_utf8()..];
    WORDS
        .office_joiners
        .iter()
        .any(|g| rest.starts_with(g.as_str()))
        .then_some(first)
}

/// Whether `s` opens with the report naming itself without a name (我县, 全市, 县委).
fn names_itself(s: &str) -> bool {
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some('我' | '全'), Some(w)) => WORDS.self_words.contains(w),
        (Some(w), Some('委' | '政')) => WORDS.self_words.contains(w),
        _ => false,
    }
}

/// The longest department name `s` starts with, or the management committee of a zone the
/// place set up (嘉兴|经济技术开发区管理委员会): such zones are bodies of their place, not places.
fn department_at(s: &str) -> Option<&str> {
    let listed = WORDS
        .departments
        .iter()
        .filter(|d| s.starts_with(d.as_str()))
        .max_by_key(|d| d.len())
        .map(|d| d.len());
    let zone = ZONE_COMMITTEE.find(s).map(|m| m.end());
    listed.max(zone).map(|len| &s[..len])
}

/// The last mention of a run written back to back (南昌县莲塘镇 → 莲塘镇), or joined by its
/// government when the next one is an office under it (丰泽区人民政府东海街道办事处 → 东海街道):
/// such a title is the office's, filed under its district.
fn chain_end(text: &str, ms: &[Mention], mut i: usize) -> usize {
    while let Some(n) = ms.get(i + 1) {
        let between = text.get(ms[i].end..n.start).unwrap_or("");
        let office = text
            .get(n.end..)
            .is_some_and(|after| WORDS.offices.iter().any(|o| after.starts_with(o.as_str())));
        let joined =
            between.is_empty() || (office && WORDS.office_joiners.iter().any(|j| j == between));
        if !joined {
            break;
        }
        i += 1;
    }
    i
}

/// Offset in a clause where its subject would start, past a time adverbial and 中共.
fn subject_offset(clause: &str) -> usize {
    let mut s = clause.trim_start();
    let year = s
        .find('年')
        .filter(|&at| at > 0 && s[..at].chars().all(|c| c.is_ascii_digit()));
    if let Some(at) = year {
        s = &s[at + '年'.len_utf8()..];
        for tail in ["度", "以来"] {
            s = s.strip_prefix(tail).unwrap_or(s);
        }
    }
    if let Some(t) = WORDS.time_leads.iter().find(|t| s.starts_with(t.as_str())) {
        s = &s[t.len()..];
    }
    s = s.trim_start_matches([' ', '\u{3000}']);
    if WORDS.frame_leads.iter().any(|f| s.starts_with(f.as_str())) {
        return clause.len();
    }
    s = s.strip_prefix("中共").unwrap_or(s);
    clause.len() - s.len()
}

fn clause_initial(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .last()
        .is_none_or(|c| c.is_whitespace() || "，,。；;：:！？!?）)".contains(c))
}

fn is_chrome(line: &str) -> bool {
    line.len() <= CHROME_LINE_MAX_BYTES
        && chrome()
            .line_marks
            .iter()
            .any(|m| line.contains(m.as_str()))
}

/// Lines with their byte offsets.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, l| {
        let start = *at;
        *at += l.len();
        Some((start, l.trim_end_matches(['\n', '\r'])))
    })
}

/// Whole sentences from `from` on, with their byte offsets: a subject stated once governs a
/// semicolon-chained list, so ； does not end one here.
fn sentences(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let rest = text.get(from..).unwrap_or("");
    full_sentences(rest)
        .into_iter()
        .map(move |r| (from + r.start, &rest[r]))
        .filter(|(_, t)| t.chars().any(is_han))
}

/// The clauses of a sentence with their offsets, the sentence's own stop leaving no empty one.
fn clauses(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = sentence.as_ptr() as usize;
    sentence
        .split(is_clause_break)
        .filter(|piece| !piece.is_empty())
        .map(move |piece| (piece.as_ptr() as usize - base, piece))
}

/// Byte ranges inside 《…》 (outermost pairs; an unclosed 《 runs to the end of its line).
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut open = 0;
    for (i, c) in text.char_indices() {
        match c {
            '《' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((open, i));
                }
            }
            '\n' if depth > 0 => {
                depth = 0;
                out.push((open, i));
            }
            _ => {}
        }
    }
    if depth > 0 {
        out.push((open, text.len()));
    }
    out
}

/// Whether `at` lies in one of the sorted, disjoint ranges.
fn inside(ranges: &[(usize, usize)], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.1 <= at);
    ranges.get(i).is_some_and(|r| r.0 <= at && at < r.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_asset_parses_and_keeps_its_lists() {
        let words: Vocabulary = toml::from_str(VOCABULARY_TOML).expect("valid TOML");
        assert!(words.departments.len() > 100, "{}", words.departments.len());
        assert!(words.departments.iter().all(|d| !d.is_empty()));
        assert!(words.slogan_leads.iter().all(|l| !l.is_empty()));
        assert_eq!(department_at("管委会"), None, "a committee needs its zone");
        assert_eq!(
            department_at("高新区管委会关于"),
            Some("高新区管委会"),
            "the zone pattern is built from the asset"
        );
    }

    fn seed(prefix: &str) -> String {
        let (_, bytes) = crate::seeds::SEEDS
            .iter()
            .find(|(n, _)| n.starts_with(prefix))
            .unwrap();
        String::from_utf8_lossy(bytes).into_owned()
    }

    /// (case, title, text, expected name, expected path, expected level)
    type Case = (
        &'static str,
        Option<&'static str>,
        &'static str,
        &'static str,
        &'static [&'static str],
        Level,
    );

    const CASES: &[Case] = &[
        (
            "province government, named in the title",
            Some("湖北省人民政府关于2023年法治政府建设情况的报告"),
            "2023年，省人民政府坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党中央、国务院关于法治政府建设的决策部署，全省法治政府建设取得新成效。现将有关情况报告如下：\n一、主要举措和成效\n（一）加强党的领导。",
            "湖北省",
            &["湖北省"],
            Level::Province,
        ),
        (
            "province named in the opening",
            None,
            "2023年，湖北省坚持以习近平法治思想为指导，全面推进依法行政，全省法治政府建设迈出坚实步伐。\n一、2023年主要工作\n全省各级行政机关严格落实重大行政决策程序。",
            "湖北省",
            &["湖北省"],
            Level::Province,
        ),
        (
            "prefecture city, superiors in the same sentence",
            None,
            "2023年，赣州市在省委、省政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全市法治政府建设取得明显成效。\n一、主要举措\n（一）强化组织领导。市政府常务会议专题研究法治政府建设工作4次。",
            "赣州市",
            &["江西省", "赣州市"],
            Level::Prefecture,
        ),
        (
            "county known from its signature",
            None,
            "2023年，在市委、市政府的坚强领导下，我县坚持以习近平法治思想为指导，扎实推进法治政府建设。\n一、主要工作\n全县共办理行政复议案件12件，我县行政机关负责人出庭应诉率达100%。\n二、下一步工作打算\n我县将继续深入推进依法行政。\n永修县人民政府\n2024年3月28日",
            "永修县",
            &["江西省", "九江市", "永修县"],
            Level::County,
        ),
        (
            "district of a municipality",
            Some("浦东新区2023年法治政府建设情况报告"),
            "2023年，浦东新区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实市委、市政府关于法治政府建设的部署要求，全区法治政府建设取得积极进展。",
            "浦东新区",
            &["上海市", "浦东新区"],
            Level::County,
        ),
        (
            "township of a municipality district",
            None,
            "今年以来，枫泾镇紧紧围绕区委、区政府法治建设部署，深入推进依法行政，全镇法治环境持续优化。\n一、主要做法\n镇党委每季度专题研究法治建设工作。",
            "枫泾镇",
            &["上海市", "金山区", "枫泾镇"],
            Level::Township,
        ),
        (
            "street office",
            None,
            "2023年，建外街道在区委、区政府的坚强领导下，坚持党建引领，深入推进法治街道建设，全街道未发生重大群体性事件。",
            "建外街道",
            &["北京市", "朝阳区", "建外街道"],
            Level::Township,
        ),
        (
            "autonomous prefecture by its short name",
            Some("恩施州2023年法治政府建设年度报告"),
            "2023年，恩施州坚持以习近平法治思想为指导，认真落实省委、省政府决策部署，全州法治政府建设纵深推进。",
            "恩施州",
            &["湖北省", "恩施土家族苗族自治州"],
            Level::Prefecture,
        ),
        (
            "banner of Inner Mongolia",
            None,
            "2023年，鄂托克旗深入学习贯彻习近平法治思想，认真落实自治区、市党委政府决策部署，全旗法治政府建设各项工作取得新进展。",
            "鄂托克旗",
            &["内蒙古自治区", "鄂尔多斯市", "鄂托克旗"],
            Level::County,
        ),
        (
            "county-level city",
            None,
            "近年来，义乌市高度重视法治政府建设，坚持把法治政府建设作为全市经济社会发展的基础性工程。义乌市先后出台重大行政决策程序规定等制度。",
            "义乌市",
            &["浙江省", "金华市", "义乌市"],
            Level::County,
        ),
        (
            "addressee line is not the author",
            None,
            "中共赣州市委、赣州市人民政府：\n2023年，南康区坚持以习近平新时代中国特色社会主义思想为指导，全面落实法治政府建设实施纲要，全区法治政府建设取得新成效。现将有关情况报告如下：",
            "南康区",
            &["江西省", "赣州市", "南康区"],
            Level::County,
        ),
        (
            "superior city inside the leadership clause",
            None,
            "2024年，在固原市委、市政府的坚强领导下，泾源县坚持以习近平法治思想为指导，扎实推进法治政府建设。固原市法治督察组对我县工作给予肯定。",
            "泾源县",
            &["宁夏回族自治区", "固原市", "泾源县"],
            Level::County,
        ),
        (
            "same-name town told apart by its county",
            None,
            "2023年，莲塘镇坚持以习近平法治思想为指导，紧紧围绕浦城县委、县政府法治部署，深入推进依法行政，全镇法治政府建设取得新成效。",
            "莲塘镇",
            &["福建省", "南平市", "浦城县", "莲塘镇"],
            Level::Township,
        ),
        (
            "same-name town told apart by a quoted document of its county",
            None,
            "今年以来，莲塘镇按照《南昌县法治政府建设实施方案》要求，深入推进依法行政，全镇法治环境持续优化。",
            "莲塘镇",
            &["江西省", "南昌市", "南昌县", "莲塘镇"],
            Level::Township,
        ),
        (
            "department mentioned in the text is not the author",
            None,
            "2024年，泾源县坚持以习近平法治思想为指导，扎实推进法治政府建设。县司法局牵头开展行政执法案卷评查2次，县市场监督管理局查处案件35件。",
            "泾源县",
            &["宁夏回族自治区", "固原市", "泾源县"],
            Level::County,
        ),
    ];

    #[test]
    fn openings_titles_and_signatures_name_the_author() {
        for (case, title, text, name, path, level) in CASES {
            let got = resolve(text, *title, &PageMeta::default());
            let got = got.unwrap_or_else(|| panic!("{case}: unresolved"));
            assert_eq!((got.name.as_str(), got.level), (*name, *level), "{case}");
            assert_eq!(got.path, *path, "{case}");
            assert_eq!(got.department, None, "{case}");
            let code = got.code.unwrap_or_default();
            assert_eq!(Divisions::get().path(&code), *path, "{case}: code {code}");
        }
    }

    #[test]
    fn department_reports_are_departments_of_their_place() {
        let titled = resolve(
            "2023年，市司法局在市委、市政府的坚强领导下，认真履行法治政府建设推进职责，全市法治政府建设取得新成效。",
            Some("鄂州市司法局2023年法治政府建设工作报告"),
            &PageMeta::default(),
        )
        .unwrap();
        assert_eq!(titled.level, Level::Department);
        assert_eq!(titled.name, "鄂州市司法局");
        assert_eq!(titled.department.as_deref(), Some("司法局"));
        assert_eq!(titled.path, ["湖北省", "鄂州市"]);
        assert_eq!(titled.code.as_deref(), Some("4207"));

        let meta = PageMeta {
            publisher: Some("宜昌市司法局".into()),
            ..Default::default()
        };
        let bare = resolve(
            "今年以来，市司法局紧紧围绕市委、市政府中心工作，全面履行法治政府建设职责，我市法治政府建设水平不断提升。",
            None,
            &meta,
        )
        .unwrap();
        assert_eq!(bare.level, Level::Department);
        assert_eq!(bare.name, "市司法局");
        assert_eq!(bare.department.as_deref(), Some("司法局"));
        assert_eq!(bare.path, ["湖北省", "宜昌市"]);
    }

    #[test]
    fn a_department_is_placed_by_a_short_name_only_on_evidence() {
        let place = |title: &str, text: &str| {
            let got = resolve(text, Some(title), &PageMeta::default()).unwrap();
            assert_eq!(got.level, Level::Department, "{text}");
            (got.name, got.code)
        };
        let city = "市司法局2023年法治政府建设工作报告";
        let county = "县司法局2023年法治政府建设工作报告";
        // A prefecture's short name, a word the index trusts, once after a verb.
        assert_eq!(
            place(
                city,
                "2023年，市司法局立足赣州革命老区实际，全面履行法治建设职责。"
            ),
            ("赣州市司法局".into(), Some("3607".into()))
        );
        // A county's bare form: led by a slogan, …
        let placed = ("泾源县司法局".to_string(), Some("640424".to_string()));
        assert_eq!(
            place(county, "2023年，县司法局为建设平安泾源提供有力法治保障。"),
            placed
        );
        // … or said twice, …
        assert_eq!(
            place(
                county,
                "2023年，县司法局服务泾源发展大局。法律援助工作推动泾源社会和谐稳定。"
            ),
            placed
        );
        // … but once in passing it may be an ordinary word: the place stays unknown.
        let unplaced = ("县司法局".to_string(), None);
        assert_eq!(
            place(county, "2023年，县司法局服务泾源发展大局，依法履职。"),
            unplaced
        );
        // A place of another level than the department's is not its place.
        assert_eq!(
            place(
                "区司法局2023年法治政府建设工作报告",
                "2023年，区司法局为建设平安泾源提供有力法治保障。"
            ),
            ("区司法局".into(), None)
        );
        // Two places that qualify leave the choice open.
        assert_eq!(
            place(
                county,
                "2023年，县司法局为建设平安泾源提供保障，协助建设法治隆德。"
            ),
            unplaced
        );
        // Inside a longer word the name is no name (示范|县 holds no 范县).
        assert!(!whole_words(
            "创建示范县",
            "创建示".len(),
            "创建示范县".len()
        ));
    }

    #[test]
    fn publisher_and_self_reference_name_the_city() {
        let text = "长期以来，市委市政府坚持以习近平法治思想为指导，我市法治政府建设取得显著成效。我市被命名为全省法治政府建设示范地区。";
        let meta = PageMeta {
            chrome: vec!["主办单位:宜昌市司法局 未经许可禁止复制或建立镜像".into()],
            ..Default::default()
        };
        let got = resolve(text, None, &meta).unwrap();
        assert_eq!(
            (got.name.as_str(), got.level),
            ("宜昌市", Level::Prefecture)
        );
        assert_eq!(got.department, None);
        let footer = format!("{text}\n主办单位:宜昌市司法局 未经许可禁止复制或建立镜像\n");
        assert_eq!(resolve(&footer, None, &PageMeta::default()), Some(got));
    }

    #[test]
    fn unknown_or_ambiguous_authors_are_not_guessed() {
        let none: &[&str] = &[
            "2023年，我们坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设取得新成效。",
            // Only a quoted document names a place.
            "今年以来，全镇按照《南昌县法治政府建设实施方案》要求，深入推进依法行政。",
            "",
            "《",
        ];
        for text in none {
            assert_eq!(resolve(text, None, &PageMeta::default()), None, "{text}");
        }
        let bare = resolve(
            "2023年，桥头镇坚持以习近平法治思想为指导，全镇法治政府建设取得新成效。",
            None,
            &PageMeta::default(),
        )
        .unwrap();
        assert_eq!(
            (bare.name.as_str(), bare.level),
            ("桥头镇", Level::Township)
        );
        assert_eq!((bare.path.len(), bare.code), (0, None));
    }

    #[test]
    fn seed_footer_works_from_page_chrome() {
        let text = seed("004");
        let (body, footer): (Vec<&str>, Vec<&str>) =
            text.lines().partition(|l| !is_chrome(l.trim()));
        let meta = PageMeta {
            chrome: footer.iter().map(|l| l.to_string()).collect(),
            ..Default::default()
        };
        let got = resolve(&body.join("\n"), None, &meta).unwrap();
        assert_eq!(
            (got.name.as_str(), got.level),
            ("鄂州市", Level::Prefecture)
        );
        assert_eq!(got.path, ["湖北省", "鄂州市"]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}", title in proptest::option::of("\\PC{0,40}")) {
            let _ = resolve(&text, title.as_deref(), &PageMeta::default());
        }
    }

    #[test]
    fn seeds_resolve_to_their_author() {
        let cases: &[(&str, &str, &[&str], Level)] = &[
            (
                "000",
                "北镇市",
                &["辽宁省", "锦州市", "北镇市"],
                Level::County,
            ),
            (
                "001",
                "莲塘镇",
                &["江西省", "南昌市", "南昌县", "莲塘镇"],
                Level::Township,
            ),
            (
                "002",
                "泾源县",
                &["宁夏回族自治区", "固原市", "泾源县"],
                Level::County,
            ),
            (
                "003",
                "桥头镇",
                &["广东省", "东莞市", "桥头镇"],
                Level::Township,
            ),
            ("004", "鄂州市", &["湖北省", "鄂州市"], Level::Prefecture),
        ];
        for (file, name, path, level) in cases {
            let got = resolve(&seed(file), None, &PageMeta::default());
            let got = got.unwrap_or_else(|| panic!("{file}: unresolved"));
            assert_eq!((got.name.as_str(), got.level), (*name, *level), "{file}");
            assert_eq!(got.path, *path, "{file}");
        }
    }
}
