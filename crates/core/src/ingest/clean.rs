//! Text → clean text: site chrome set aside into `meta.chrome`, control characters gone.
//!
//! Saved pages arrive as .txt as often as .html, so chrome is recognised by its words, not by
//! markup: navigation, widgets, metadata blocks, footers, captions — wherever they stand.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::PageMeta;
use crate::sanitize::strip_controls;
use crate::text::chrome::{alternation, chrome};
use crate::text::numbering::{self, Enumerator};
use crate::text::sentences::{LINE_BREAKS, is_stop};

/// What a metadata label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Date,
    /// Publisher, with a rank: lower is a better witness of who published the report.
    Publisher(u8),
    /// The article's title, written out in a metadata table: runs to the next label.
    Title,
    Other,
}

/// Metadata labels seen on government pages (索引号 tables, 来源/日期 bylines, footers), with
/// what each introduces, in the order `assets/chrome.toml` lists them.
static LABELS: LazyLock<Vec<(&'static str, Kind)>> = LazyLock::new(|| {
    let l = &chrome().labels;
    [
        (&l.date, Kind::Date),
        (&l.publisher, Kind::Publisher(0)),
        (&l.source, Kind::Publisher(1)),
        (&l.host, Kind::Publisher(2)),
        (&l.title, Kind::Title),
        (&l.other, Kind::Other),
    ]
    .into_iter()
    .flat_map(|(words, kind)| words.iter().map(move |w| (w.as_str(), kind)))
    .collect()
});

const DATE: &str = r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}(?:\s*日)?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?";
/// Breadcrumb separators: `>`, full-width `＞`, guillemets, arrows, an unescaped `&gt;`.
const SEP: &str = r"(?:[>＞»›→]|&gt;)";
static WIDGET_WORDS: LazyLock<String> = LazyLock::new(|| alternation(&chrome().widgets.words));

/// Labels longest first, so that 信息来源 wins over 来源. Table layouts space a label's
/// characters out to align them ("索 引 号", "文　　号"), so spaces may stand between them.
fn label_alternation() -> String {
    let mut labels: Vec<&str> = LABELS.iter().map(|(l, _)| *l).collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
    labels
        .iter()
        .map(|l| {
            l.chars()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(r"[ \u{3000}]{0,4}")
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn kind_of(label: &str) -> Kind {
    let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    LABELS
        .iter()
        .find(|(l, _)| *l == label)
        .map_or(Kind::Other, |(_, k)| *k)
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in pattern (proved valid by the unit tests)")
}

/// A labelled pair standing anywhere in a line: needs a colon and a separator before the label.
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[\s|｜【\[])(?P<label>{})\s*[:：]\s*(?P<value>{DATE}|[^\s|｜【】\[\]，。；,;]{{0,40}})",
        label_alternation()
    ))
});

/// A label at a position of a metadata-only line, colon optional (table cells lose theirs).
static LEAD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<label>{})(?:\s*[:：]\s*|\s+|$)",
        label_alternation()
    ))
});
static LEAD_VALUE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(?:{DATE}|[^\s|｜，。；,;]{{1,40}})")));
static DATE_PARTS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"));

/// Chrome segments removed wherever they stand inside a line.
static SEGMENTS: LazyLock<Regex> = LazyLock::new(|| {
    let item = r"[^\s>＞»›→]{1,30}";
    let c = chrome();
    let patterns = [
        format!(
            r"(?:{})是?\s*[:：]?\s*(?:{item}(?:\s*{SEP}\s*{item})*\s*{SEP}?)?",
            alternation(&c.breadcrumb_leads)
        ),
        format!(r"(?:网站)?首页\s*{SEP}(?:\s*{item}(?:\s*{SEP}\s*{item})*\s*{SEP}?)?"),
        r"(?:[【\[]\s*)?(?:字体|字号)\s*[:：]\s*(?:[【\[]?\s*(?:大|中|小|默认|标准)\s*[】\]]?\s*)+[】\]]?"
            .to_string(),
        format!(r"[【\[]\s*(?:{})\s*[】\]]", *WIDGET_WORDS),
        format!(
            r"分享到\s*[:：]?(?:\s*(?:{}))*",
            alternation(&c.share_targets)
        ),
        alternation(&c.widgets.anywhere),
        r"(?:手机)?扫一扫在手机上?(?:查看|打开|浏览)?(?:当前|本)页面?".to_string(),
        r"^今天是(?:\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s+|$)"
            .to_string(),
    ];
    re(&patterns.join("|"))
});

/// Page numbers of a printed document: "- 3 -", "第 3 页 共 8 页", "3/8".
const PAGE_NUMBER_PATTERN: &str = r"^[-—–]\s*\d{1,3}\s*[-—–]$|^第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?$|^\d{1,3}\s*/\s*\d{1,3}$";
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(PAGE_NUMBER_PATTERN));

/// Lines that are chrome as a whole.
static WHOLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&[
        r"^(?:上一篇|下一篇|上一条|下一条)",
        r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]$",
        r"^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
        r"^欢迎(?:访问|来到|光临)\S{0,30}$",
        PAGE_NUMBER_PATTERN,
        // A document number standing alone under a masthead: "某政发〔2024〕3号".
        r"^\S{1,12}[〔\[【(（]\d{4}[〕\]】)）]\s*\d{1,4}\s*号$",
    ]
    .join("|"))
});

/// A "related articles" heading; the marked list after it is chrome too.
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:[-•·*]\s*)?(?:{})\s*[:：]?$",
        alternation(&chrome().related)
    ))
});
static SEP_ONLY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^{SEP}+$")));
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| re(r"^[-•·*]\s"));

/// Footer words: a line carrying one (and not ending as a sentence) is footer.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"{}|技术支持\s*[:：]|建议使用.{{0,30}}浏览器",
        alternation(&chrome().footer)
    ))
});

/// A line made only of widget words and separators ("打印 关闭", "大 中 小", "收藏").
static WIDGET_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:[\s|｜/·•【】\[\]:：()（）]|{}|{})+$",
        *WIDGET_WORDS,
        alternation(&chrome().widgets.line_only)
    ))
});

/// Numbered openings of headings and items: such a line is never a caption or a label's value.
pub(super) static ENUMERATED: LazyLock<Regex> =
    LazyLock::new(|| re(&format!("^{}", numbering::alternation(&Enumerator::ALL))));

const ZERO_WIDTH: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];
/// Longest image caption accepted, in chars.
const MAX_CAPTION: usize = 40;
/// Longest breadcrumb item standing on a line of its own.
const MAX_CRUMB: usize = 15;
/// Longest value taken from the line after a lone label.
const MAX_VALUE: usize = 40;

/// One physical line of the input, with what its whitespace says about it.
struct Line {
    text: String,
    /// Indented in the source (paragraphs of saved pages are; captions are not).
    indented: bool,
    /// The nearest non-empty line above was whitespace only: where an image stood.
    after_placeholder: bool,
    /// Blank (or whitespace-only) lines on both sides.
    standalone: bool,
    /// Already known to be chrome (the page's markup said so).
    chrome: bool,
}

/// Clean text: one paragraph per line, no blank lines, no chrome, no control characters.
pub fn clean(text: &str, meta: &mut PageMeta) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    clean_blocks(text.split('\n').map(|l| (l, false)), meta)
}

/// Like [`clean`], over lines some of which are already known to be chrome (`true`): they join
/// `meta.chrome` in their place in the order.
pub fn clean_blocks<'a>(
    blocks: impl IntoIterator<Item = (&'a str, bool)>,
    meta: &mut PageMeta,
) -> String {
    let lines = split_lines(blocks);
    let mut chrome: Vec<(usize, String)> = Vec::new();
    let mut kept: Vec<usize> = Vec::new();
    let mut bodies: Vec<String> = Vec::new();
    let mut found = Found::default();
    let crumbs = split_breadcrumbs(&lines);
    let mut pending_label: Option<Kind> = None;
    let mut in_related = false;

    for (i, line) in lines.iter().enumerate() {
        let t = line.text.as_str();
        if t.is_empty() {
            continue;
        }
        if line.chrome || crumbs[i] {
            harvest_pairs(t, &mut found);
            chrome.push((i, t.to_string()));
            continue;
        }
        if let Some(kind) = pending_label.take()
            && is_label_value(t, kind)
        {
            found.note(kind, t);
            chrome.push((i, t.to_string()));
            continue;
        }
        // After "相关链接", the links: marked items, or short titles without a sentence's end.
        if in_related
            && (LIST_ITEM.is_match(t) || (t.chars().count() <= 30 && !ends_as_sentence(t)))
        {
            chrome.push((i, t.to_string()));
            continue;
        }
        in_related = RELATED.is_match(t);
        if in_related || is_whole_line_chrome(t) {
            harvest_pairs(t, &mut found);
            chrome.push((i, t.to_string()));
            continue;
        }
        if let Some(pairs) = metadata_line(t) {
            pending_label = pairs.last().filter(|(_, v)| v.is_empty()).map(|(k, _)| *k);
            for (kind, value) in &pairs {
                found.note(*kind, value);
            }
            chrome.push((i, t.to_string()));
            continue;
        }
        let (rest, removed) = strip_segments(t, &mut found);
        if rest.is_empty() || WIDGET_ONLY.is_match(&rest) || is_nav_bar(&rest) {
            chrome.push((i, t.to_string()));
            continue;
        }
        chrome.extend(removed.into_iter().map(|s| (i, s)));
        // A page prints its headline, then the article repeats it: keep one.
        if bodies.last() == Some(&rest) && rest.chars().count() <= 80 && !ends_as_sentence(&rest) {
            chrome.push((i, rest));
            continue;
        }
        kept.push(i);
        bodies.push(rest);
    }

    let page_like = !chrome.is_empty() || lines.iter().any(|l| l.after_placeholder);
    let captions = captions(&lines, &kept, &bodies, page_like);
    let mut out: Vec<(usize, String)> = Vec::with_capacity(bodies.len());
    for ((i, body), is_caption) in kept.into_iter().zip(bodies).zip(captions) {
        if is_caption {
            chrome.push((i, body));
        } else {
            out.push((i, body));
        }
    }
    let out = drop_running_headers(out, &mut chrome);
    chrome.sort_by_key(|(i, _)| *i);
    meta.chrome.extend(chrome.into_iter().map(|(_, s)| s));
    found.fill(meta);
    rejoin_hard_wraps(out, &lines).join("\n")
}

/// A short line printed on every page next to its page number (a PDF's running header,
/// "某县人民政府文件") is not text. Lines are (original line index, text).
fn drop_running_headers(
    lines: Vec<(usize, String)>,
    chrome: &mut Vec<(usize, String)>,
) -> Vec<(usize, String)> {
    const MIN_REPEATS: usize = 2;
    const MAX_HEADER_CHARS: usize = 24;
    // Counted in source lines, blank ones included.
    const NEAR: usize = 3;
    let page_numbers: Vec<usize> = chrome
        .iter()
        .filter(|(_, c)| PAGE_NUMBER.is_match(c))
        .map(|(i, _)| *i)
        .collect();
    if page_numbers.is_empty() {
        return lines;
    }
    let near_page_number = |i: usize| page_numbers.iter().any(|&p| p.abs_diff(i) <= NEAR);
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, l) in &lines {
        if near_page_number(*i) && l.chars().count() <= MAX_HEADER_CHARS && !ends_as_sentence(l) {
            *counts.entry(l.as_str()).or_default() += 1;
        }
    }
    let repeated: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n >= MIN_REPEATS)
        .map(|(l, _)| l.to_string())
        .collect();
    if repeated.is_empty() {
        return lines;
    }
    let (headers, kept): (Vec<_>, Vec<_>) =
        lines.into_iter().partition(|(_, l)| repeated.contains(l));
    chrome.extend(headers);
    kept
}

/// Text copied out of a PDF is wrapped at the page's width, mid-sentence. When most lines have
/// one length and do not end a sentence, join every full-width line to the next; a line that
/// stops short of the width ends its paragraph (or is a heading).
fn rejoin_hard_wraps(kept: Vec<(usize, String)>, source: &[Line]) -> Vec<String> {
    const MIN_WIDTH: usize = 16;
    const MIN_WRAPPED_SHARE: f32 = 0.4;
    const MIN_WRAPPED_LINES: usize = 8;
    // A full line may fall short of the width by an indent, or run over it: digits and Latin
    // letters are narrower than Han characters.
    const SHORTFALL: usize = 6;
    const MAX_OVERHANG: usize = 4;
    const MAX_LONGER_SHARE: f32 = 0.1;
    let lines: Vec<&str> = kept.iter().map(|(_, l)| l.as_str()).collect();
    let lens: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let mut by_len: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &n in lens.iter().filter(|&&n| n >= MIN_WIDTH) {
        *by_len.entry(n).or_default() += 1;
    }
    // The wrap width: the length (with its neighbour below) that most lines have.
    let width = by_len.keys().copied().max_by_key(|&w| {
        (
            by_len.get(&w).unwrap_or(&0) + by_len.get(&(w - 1)).unwrap_or(&0),
            w,
        )
    });
    let Some(width) = width else {
        return kept.into_iter().map(|(_, l)| l).collect();
    };
    let is_full = |i: usize| {
        lens[i] + SHORTFALL >= width
            && lens[i] <= width + MAX_OVERHANG
            && !ends_as_sentence(lines[i])
            && !lines[i].ends_with(['：', ':'])
    };
    let full = (0..lines.len()).filter(|&i| is_full(i)).count();
    // Wrapped text has (almost) no line longer than its width; a report whose paragraphs are
    // long lines merely has headings of similar lengths.
    let longer = lens.iter().filter(|&&n| n > width + MAX_OVERHANG).count();
    if full < MIN_WRAPPED_LINES
        || (full as f32) < MIN_WRAPPED_SHARE * lines.len() as f32
        || (longer as f32) > MAX_LONGER_SHARE * lines.len() as f32
    {
        return kept.into_iter().map(|(_, l)| l).collect();
    }
    let mut out: Vec<String> = Vec::new();
    let mut joining = false;
    for (i, (at, line)) in kept.iter().enumerate() {
        // An indented line starts a paragraph of its own, whatever came before.
        let indented = source.get(*at).is_some_and(|l| l.indented);
        match out.last_mut() {
            Some(last) if joining && !indented => last.push_str(line),
            _ => out.push(line.clone()),
        }
        joining = is_full(i);
    }
    out
}

/// Remove controls and invisible characters; note each line's whitespace shape.
fn split_lines<'a>(blocks: impl IntoIterator<Item = (&'a str, bool)>) -> Vec<Line> {
    let raw: Vec<(String, bool)> = blocks
        .into_iter()
        .map(|(l, chrome)| {
            let l: String = strip_controls(l, false)
                .chars()
                .filter(|c| !ZERO_WIDTH.contains(c))
                .collect();
            (l, chrome)
        })
        .collect();
    let is_blank = |j: usize| raw.get(j).is_none_or(|(l, _)| l.trim().is_empty());
    raw.iter()
        .enumerate()
        .map(|(i, (r, chrome))| {
            let above = raw[..i].iter().rev().find(|(l, _)| !l.is_empty());
            Line {
                text: collapse_spaces(r),
                indented: r.starts_with(char::is_whitespace),
                after_placeholder: above.is_some_and(|(l, _)| l.trim().is_empty()),
                standalone: (i == 0 || is_blank(i - 1)) && is_blank(i + 1),
                chrome: *chrome,
            }
        })
        .collect()
}

/// Trim (NBSP, ideographic space included) and collapse inner whitespace runs to one space.
fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A breadcrumb copied link by link: separator-only lines and the short items around them.
fn split_breadcrumbs(lines: &[Line]) -> Vec<bool> {
    let texts: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.text.is_empty())
        .map(|(i, l)| (i, l.text.as_str()))
        .collect();
    let is_sep = |k: usize| texts.get(k).is_some_and(|(_, t)| SEP_ONLY.is_match(t));
    let is_item = |t: &str| {
        t.chars().count() <= MAX_CRUMB
            && !ENUMERATED.is_match(t)
            && !t.contains(['。', '，', ',', '；', '：', ':'])
    };
    let mut crumb = vec![false; lines.len()];
    for (k, (i, t)) in texts.iter().enumerate() {
        crumb[*i] = is_sep(k) || (is_item(t) && ((k > 0 && is_sep(k - 1)) || is_sep(k + 1)));
    }
    crumb
}

fn is_whole_line_chrome(t: &str) -> bool {
    WHOLE_LINE.is_match(t)
        || WIDGET_ONLY.is_match(t)
        || is_nav_bar(t)
        // A stray mark ("."), but not the wrapped end of a sentence ("%。").
        || !t.chars().any(|c| c.is_alphanumeric() || "。！？%％".contains(c))
        || (FOOTER.is_match(t) && !ends_as_sentence(t) && t.chars().count() <= 200)
}

/// "首页 | 无障碍 | 长者模式 | 登录": three or more short items between bar separators; or a
/// breadcrumb's remains, short items between arrows ("> 政务公开 >> 法治政府建设").
fn is_nav_bar(t: &str) -> bool {
    let short = |s: &&str| s.chars().count() <= 8 && !s.contains(['。', '，', ',', '；']);
    let items = |seps: &[char]| -> Vec<&str> {
        t.split(seps)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    };
    let bars = items(&['|', '｜', '丨']);
    let arrows = items(&['>', '＞', '»', '›', '→']);
    let arrow_count = t.matches(['>', '＞', '»', '›', '→']).count();
    (bars.len() >= 3 && bars.iter().all(short))
        || (arrow_count >= 2 && !arrows.is_empty() && arrows.iter().all(short))
}

/// Prose ends with a stop; a quotation closes a sentence even without one inside it.
fn ends_as_sentence(t: &str) -> bool {
    t.ends_with(|c: char| (is_stop(c) && !LINE_BREAKS.contains(&c)) || c == '”')
}

/// Pairs of a line made only of `label[:] value` pairs (a byline or a metadata table row).
fn metadata_line(t: &str) -> Option<Vec<(Kind, String)>> {
    let mut pairs = Vec::new();
    let mut rest = t;
    while !rest.is_empty() {
        let label = LEAD_LABEL.captures(rest)?;
        let kind = kind_of(&label["label"]);
        rest = &rest[label.get(0)?.end()..];
        let value = if LEAD_LABEL.is_match(rest) {
            ""
        } else if kind == Kind::Title {
            PAIR.find(rest).map_or(rest, |m| &rest[..m.start()])
        } else {
            LEAD_VALUE.find(rest).map_or("", |m| m.as_str())
        };
        rest = rest[value.len()..]
            .trim_start_matches(|c: char| c.is_whitespace() || c == '|' || c == '｜');
        pairs.push((kind, value.trim().to_string()));
    }
    (!pairs.is_empty()).then_some(pairs)
}

/// The value line under a lone label: short, not a heading, not a sentence.
fn is_label_value(t: &str, kind: Kind) -> bool {
    let fits = t.chars().count() <= MAX_VALUE && !ENUMERATED.is_match(t) && !ends_as_sentence(t);
    match kind {
        Kind::Date => fits && DATE_PARTS.is_match(t),
        _ => fits && !t.contains(['，', ',']),
    }
}

/// Record the labelled pairs in a chrome line (a footer's 主办单位, say).
fn harvest_pairs(t: &str, found: &mut Found) {
    for c in PAIR.captures_iter(t) {
        found.note(kind_of(&c["label"]), &c["value"]);
    }
}

/// Remove chrome segments and colon-labelled pairs from a line; return what is left and what
/// was removed, in order.
fn strip_segments(t: &str, found: &mut Found) -> (String, Vec<String>) {
    let mut spans: Vec<(usize, usize)> = SEGMENTS
        .find_iter(t)
        .filter(|m| !m.as_str().trim().is_empty())
        .map(|m| (m.start(), m.end()))
        .collect();
    for c in PAIR.captures_iter(t) {
        if let (Some(label), Some(all)) = (c.name("label"), c.get(0)) {
            found.note(kind_of(label.as_str()), &c["value"]);
            spans.push((label.start(), all.end()));
        }
    }
    if spans.is_empty() {
        return (t.to_string(), Vec::new());
    }
    spans.sort_unstable();
    let mut rest = String::with_capacity(t.len());
    let mut removed = Vec::new();
    let mut at = 0;
    for (start, end) in spans {
        let start = start.max(at);
        if end <= start {
            continue;
        }
        rest.push_str(&t[at..start]);
        rest.push(' ');
        removed.push(t[start..end].trim().to_string());
        at = end;
    }
    rest.push_str(&t[at..]);
    let rest = collapse_spaces(&rest);
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || "|｜:：".contains(c));
    (rest.to_string(), removed)
}

/// Which kept lines are image captions: short sentences standing alone where an image stood,
/// or (on a page with chrome) flush left among indented paragraphs.
fn captions(lines: &[Line], kept: &[usize], bodies: &[String], page_like: bool) -> Vec<bool> {
    let long: Vec<bool> = kept
        .iter()
        .zip(bodies)
        .filter(|(_, b)| b.chars().count() >= MAX_CAPTION)
        .map(|(i, _)| lines[*i].indented)
        .collect();
    let mostly_indented =
        long.len() >= 3 && long.iter().filter(|x| **x).count() * 10 >= long.len() * 8;
    let last = kept.len().saturating_sub(1);
    kept.iter()
        .zip(bodies)
        .enumerate()
        .map(|(k, (i, body))| {
            let line = &lines[*i];
            let shaped = k > 0
                && k < last
                && body.ends_with('。')
                && body.chars().count() <= MAX_CAPTION
                && !ENUMERATED.is_match(body)
                && !line.indented
                && line.standalone;
            shaped && (line.after_placeholder || (page_like && mostly_indented))
        })
        .collect()
}

/// Publish date and publisher found among the chrome.
#[derive(Default)]
struct Found {
    published: Option<(i32, u32, u32)>,
    publisher: Option<(u8, String)>,
    title: Option<String>,
}

impl Found {
    fn note(&mut self, kind: Kind, value: &str) {
        let value = value.trim();
        match kind {
            Kind::Date if self.published.is_none() => self.published = parse_date(value),
            Kind::Title if self.title.is_none() && !value.is_empty() => {
                self.title = Some(value.to_string());
            }
            Kind::Publisher(rank)
                if !value.is_empty() && self.publisher.as_ref().is_none_or(|(r, _)| rank < *r) =>
            {
                self.publisher = Some((rank, value.to_string()));
            }
            _ => {}
        }
    }

    fn fill(self, meta: &mut PageMeta) {
        if meta.title.is_none() {
            meta.title = self.title;
        }
        if meta.published.is_none() {
            meta.published = self.published;
        }
        if meta.publisher.is_none() {
            meta.publisher = self.publisher.map(|(_, p)| p);
        }
    }
}

/// (year, month, day) of the first plausible date in `s`.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    DATE_PARTS.captures_iter(s).find_map(|c| {
        let y: i32 = c[1].parse().ok()?;
        let m: u32 = c[2].parse().ok()?;
        let d: u32 = c[3].parse().ok()?;
        ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then_some((y, m, d))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "2023年,我县坚持以习近平法治思想为指导,深入推进法治政府建设,取得明显成效。";

    fn run(text: &str) -> (String, PageMeta) {
        let mut meta = PageMeta::default();
        let out = clean(text, &mut meta);
        (out, meta)
    }

    #[test]
    fn chrome_lines_are_removed_and_kept_in_meta() {
        let chrome_lines = [
            "首页 > 政务公开 > 法治政府建设",
            "网站首页 ＞ 政务公开 ＞ 重点领域信息公开",
            "当前位置：首页 > 政务公开 > 法治政府",
            "您的位置：首页 » 新闻中心",
            "【打印】【关闭】",
            "【打印本页】 【关闭窗口】",
            "字号：大 中 小",
            "【字体：大 中 小】",
            "分享到：",
            "分享到: 微信 微博 QQ空间",
            "收藏",
            "打印 | 关闭",
            "浏览次数：123",
            "点击总量:",
            "阅读量：4567",
            "索引号：11420700MB1234567X/2024-00012",
            "发布机构：某某县司法局",
            "生成日期：2024-03-28",
            "发文日期：2024年3月28日",
            "来源：县司法局",
            "信息来源:秘书科 日期:2021-12-03",
            "作者：张三 编辑：李四",
            "文号：某政发〔2024〕3号",
            "主题分类：司法",
            "索引号 11420700/2024-00012 发布机构 某某县司法局",
            "发布时间：2024-03-28 10:00 来源：本站 浏览次数：88",
            "鄂ICP备05017375号",
            "网站标识码:4207000033 鄂ICP备05017375号 鄂公网安备 42070402000195号",
            "主办单位:某某市司法局 未经许可禁止复制或建立镜像",
            "版权所有:某某市司法局 地址:某某市某某路25号 联系人:王五 联系电话:027-56909313",
            "联系电话：0000-1234567",
            "网站地图",
            "扫一扫在手机上查看当前页面",
            "相关新闻",
            "- 相关新闻",
            "相关链接：",
            "今天是",
            "今天是2024年3月28日 星期四",
            "2024年3月28日 星期四",
            "上一篇：关于印发某某办法的通知",
            "下一篇：2023年度行政执法数据公开",
            "2024-03-28 10:00",
            "返回顶部",
        ];
        for line in chrome_lines {
            let (out, meta) = run(&format!("{line}\n{PARA}\n{PARA}"));
            assert_eq!(out, format!("{PARA}\n{PARA}"), "not removed: {line}");
            assert_eq!(meta.chrome, vec![line.to_string()], "not recorded: {line}");
            let (out, _) = run(&format!("{PARA}\n{line}"));
            assert_eq!(out, PARA, "not removed after the body: {line}");
        }
    }

    #[test]
    fn chrome_spliced_into_a_line_is_cut_out() {
        let cases = [
            (
                "当前位置：首页 > 政务公开 > 法治政府建设 某某县2023年法治政府建设年度报告",
                "某某县2023年法治政府建设年度报告",
            ),
            (
                "某某县2023年法治政府建设年度报告 发布时间：2024-03-28 来源：县司法局",
                "某某县2023年法治政府建设年度报告",
            ),
            (&format!("{PARA}【打印】【关闭】"), PARA),
            (&format!("{PARA} 字号：大 中 小"), PARA),
            (&format!("今天是2024年3月28日 星期四 {PARA}"), PARA),
            (&format!("{PARA}扫一扫在手机上查看当前页面"), PARA),
        ];
        for (input, want) in cases {
            let (out, meta) = run(&format!("{input}\n{PARA}"));
            assert_eq!(out, format!("{want}\n{PARA}"), "{input}");
            assert!(!meta.chrome.is_empty(), "{input}");
        }
    }

    #[test]
    fn report_sentences_with_chrome_words_are_kept() {
        let prose = [
            "严格落实行政执法公示制度,确保执法信息来源可靠、内容准确。",
            "2024年3月28日,县政府常务会议审议通过《某某县重大行政决策程序规定》。",
            "规范行政规范性文件制定程序,文件标注发文日期、施行日期和有效期。",
            "来源于群众的意见建议全部纳入决策参考,共收集意见建议120条。",
            "作者们认为这是一项重要制度。",
            "(一)加强组织领导,压实主体责任",
            "一、2023年主要举措和成效",
            "深学细悟强思想。",
            "打造“15分钟公共法律服务圈”,群众扫一扫二维码即可在线咨询。",
            "推进无障碍环境建设,完成适老化改造12处。",
            "首页设置“法治政府建设”专栏,及时发布工作动态。",
            "特此报告。",
            "2024年3月28日",
            "某某县人民政府",
        ];
        for line in prose {
            let text = format!("{PARA}\n{line}\n{PARA}");
            let (out, meta) = run(&text);
            assert_eq!(out, text, "dropped or changed: {line}");
            assert!(meta.chrome.is_empty(), "{line}: {:?}", meta.chrome);
        }
    }

    #[test]
    fn label_and_value_on_separate_lines() {
        let text = format!("发布机构：\n某某县司法局\n发布日期：\n2024年3月28日\n{PARA}");
        let (out, meta) = run(&text);
        assert_eq!(out, PARA);
        assert_eq!(meta.publisher.as_deref(), Some("某某县司法局"));
        assert_eq!(meta.published, Some((2024, 3, 28)));
        assert_eq!(meta.chrome.len(), 4);
    }

    #[test]
    fn breadcrumb_copied_link_by_link() {
        let text = format!("当前位置：\n首页\n>\n政务公开\n>\n法治政府建设\n一、总体情况\n{PARA}");
        let (out, meta) = run(&text);
        assert_eq!(out, format!("一、总体情况\n{PARA}"));
        assert_eq!(meta.chrome.len(), 6);
        let (out, _) = run(&format!("首页 >\n{PARA}"));
        assert_eq!(out, PARA);
    }

    #[test]
    fn a_metadata_table_copied_as_text() {
        let text = format!(
            "索引号：\t000014349/2024-00012\t主题分类：\t司法\n发文机关：\t某某县人民政府\t成文日期：\t2024年03月28日\n标题：\t某某县2023年法治政府建设年度报告 发文字号：\t\t发布日期：\t2024年03月29日\n某某县2023年法治政府建设年度报告\n{PARA}"
        );
        let (out, meta) = run(&text);
        assert_eq!(out, format!("某某县2023年法治政府建设年度报告\n{PARA}"));
        assert_eq!(
            meta.title.as_deref(),
            Some("某某县2023年法治政府建设年度报告")
        );
        assert_eq!(meta.publisher.as_deref(), Some("某某县人民政府"));
        assert_eq!(meta.published, Some((2024, 3, 28)));
    }

    #[test]
    fn a_lone_label_does_not_eat_a_heading() {
        let text = format!("来源：\n一、主要举措和成效\n{PARA}");
        let (out, _) = run(&text);
        assert_eq!(out, format!("一、主要举措和成效\n{PARA}"));
    }

    #[test]
    fn published_and_publisher_from_metadata() {
        type Date = Option<(i32, u32, u32)>;
        let cases: [(&str, Date, Option<&str>); 4] = [
            (
                "信息来源:秘书科 日期:2021-12-03",
                Some((2021, 12, 3)),
                Some("秘书科"),
            ),
            ("发布日期：2024年3月28日", Some((2024, 3, 28)), None),
            ("发布时间：2024-03-28 10:00", Some((2024, 3, 28)), None),
            (
                "主办单位：某某市司法局\n发布机构：某某县人民政府",
                None,
                Some("某某县人民政府"),
            ),
        ];
        for (chrome, date, publisher) in cases {
            let (_, meta) = run(&format!("{PARA}\n{chrome}"));
            assert_eq!(meta.published, date, "{chrome}");
            assert_eq!(meta.publisher.as_deref(), publisher, "{chrome}");
        }
    }

    #[test]
    fn nav_bars_and_unmarked_related_links_are_chrome() {
        let text = format!(
            "无障碍浏览 | 长者模式 | 登录 | 注册\n首页｜English｜繁體\n{PARA}\n相关链接：\n绵阳市人民政府\n中国政府网\n.\n"
        );
        let (out, meta) = run(&text);
        assert_eq!(out, PARA);
        assert_eq!(meta.chrome.len(), 6, "{:?}", meta.chrome);
        let (kept, _) = run(&format!(
            "{PARA}\n一是规范执法 | 二是化解纠纷，取得成效 | 三是加强普法"
        ));
        assert!(
            kept.contains("一是规范执法"),
            "long items are not a nav bar"
        );
    }

    #[test]
    fn labels_spaced_out_for_a_table_are_labels() {
        let text = format!(
            "索 引 号：11120103MB1580622X/2023-00087\n文　　号：某政报〔2023〕3号\n发布日期：2023-03-28\n{PARA}"
        );
        let (out, meta) = run(&text);
        assert_eq!(out, PARA);
        assert_eq!(meta.published, Some((2023, 3, 28)));
    }

    #[test]
    fn text_from_a_pdf_is_unwrapped_and_loses_its_page_furniture() {
        let paras: Vec<String> = [
            "县政府常务会议全年专题研究法治政府建设工作6次，制定年度工作要点，明确重点任务38项，严格落实会前学法制度，全年开展会前学法13次，组织领导干部旁听庭审2场。",
            "全面推行证明事项告知承诺制，梳理告知承诺事项126项，县政务服务中心进驻事项1428项，全程网办率达到92.7%，全年新登记经营主体5316户，同比增长11.2%。",
            "严格落实重大行政决策程序规定，公布年度重大行政决策事项目录7项，全部履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，未发生决策失误。",
        ]
        .map(String::from)
        .to_vec();
        let wrap = |p: &str| -> String {
            p.chars()
                .collect::<Vec<_>>()
                .chunks(20)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let mut text = String::from("某县人民政府文件\n一、主要举措和成效\n");
        for (page, p) in paras.iter().enumerate() {
            text.push_str(&wrap(p));
            let n = page + 1;
            text.push_str(&format!("\n- {n} -\n第 {n} 页 共 3 页\n某县人民政府文件\n"));
        }
        let (out, meta) = run(&text);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "一、主要举措和成效");
        let want: Vec<&str> = paras.iter().map(String::as_str).collect();
        assert_eq!(lines[1..], want[..]);
        assert!(meta.chrome.iter().any(|c| c == "第 2 页 共 3 页"));
        assert!(meta.chrome.iter().any(|c| c == "某县人民政府文件"));
    }

    #[test]
    fn headings_of_one_length_do_not_make_a_report_look_wrapped() {
        let mut text = String::new();
        for n in 1..=9 {
            text.push_str(&format!(
                "（{n}）坚持高位推动，法治建设责任有效落实\n{PARA}{PARA}\n"
            ));
        }
        let (out, _) = run(&text);
        assert_eq!(out.lines().count(), 18);
    }

    #[test]
    fn lines_of_an_ordinary_report_are_not_joined() {
        let text = format!("一、主要举措和成效\n{PARA}\n{PARA}\n二、存在的问题\n{PARA}");
        let (out, _) = run(&text);
        assert_eq!(out.lines().count(), 5);
    }

    #[test]
    fn a_headline_repeated_above_the_body_is_kept_once() {
        let text = format!(
            "某乡法治政府建设工作情况报告\n发布时间：2023-12-28 10:36\n某乡法治政府建设工作情况报告\n{PARA}"
        );
        let (out, _) = run(&text);
        assert_eq!(out, format!("某乡法治政府建设工作情况报告\n{PARA}"));
    }

    #[test]
    fn related_list_goes_with_its_heading() {
        let text = format!("{PARA}\n相关新闻\n- 某某县召开推进会\n- 某某县开展培训\n");
        let (out, meta) = run(&text);
        assert_eq!(out, PARA);
        assert_eq!(meta.chrome.len(), 3);
    }

    #[test]
    fn captions_of_a_saved_page_are_set_aside() {
        let body = format!("  {PARA}{PARA}");
        let text = format!(
            "某县报告\n\n{body}\n\n\u{a0}\n\n会前学法现场。\n\n  深学细悟强思想 \u{a0}\n\n{body}\n\n{body}\n\n领导出庭应诉。\n\n{body}\n\n特此报告。\n"
        );
        let (out, meta) = run(&text);
        assert_eq!(
            out,
            format!(
                "某县报告\n{0}\n深学细悟强思想\n{0}\n{0}\n{0}\n特此报告。",
                body.trim()
            )
        );
        assert_eq!(meta.chrome, vec!["会前学法现场。", "领导出庭应诉。"]);
    }

    #[test]
    fn short_paragraphs_of_a_plain_report_stay() {
        let text = format!("{PARA}\n\n深学细悟强思想。\n\n{PARA}\n\n抓部署。\n\n{PARA}");
        let (out, _) = run(&text);
        assert_eq!(out.lines().count(), 5);
    }

    #[test]
    fn whitespace_and_controls_are_normalised() {
        let text = "\u{feff}  一、总体情况\u{3000}\u{a0}\r\n\r\n\t二是\u{200b}加强\u{1b}[31m领导,(一)不变。 \r第三行";
        let (out, _) = run(text);
        assert_eq!(out, "一、总体情况\n二是加强领导,(一)不变。\n第三行");
    }

    #[test]
    fn dates_parse_or_not() {
        assert_eq!(parse_date("2021-12-03"), Some((2021, 12, 3)));
        assert_eq!(parse_date("2024年3月28日 10:00"), Some((2024, 3, 28)));
        assert_eq!(parse_date("2024/03/28"), Some((2024, 3, 28)));
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("秘书科"), None);
    }
}
