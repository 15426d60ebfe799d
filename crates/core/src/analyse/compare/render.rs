//! A comparison as plain text: the two reports side by side, wrapped by display width at word
//! boundaries, with changes marked `[-deleted-]{+inserted+}` (for pipes and NO_COLOR) or coloured
//! with ANSI escapes (for a terminal).

use unicode_width::UnicodeWidthStr;

use super::{Comparison, Pair, Reading};
use crate::analyse::align::LinkKind;
use crate::analyse::diff::OpKind;
use crate::analyse::matrix::{Change, SideBySide, Value};
use crate::model::{format_qualified, format_signed};
use crate::sanitize::for_terminal;
use crate::text::chars::{no_line_end, no_line_start};
use crate::text::segment;

const GUTTER: &str = " │ ";
/// Narrowest column: a wide character inside both markers still fits.
const MIN_COLUMN: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Deleted,
    Inserted,
}

/// Styled pieces of text, in order.
type Runs<'a> = Vec<(Style, &'a str)>;

/// Runs of one style within a line.
type Line = Vec<(Style, String)>;

/// The comparison in `width` columns: a header, each pair side by side, the shared passages,
/// foreign places, and a summary. `markers` writes changes as `[-…-]{+…+}`; otherwise they are
/// coloured (red deleted, green inserted).
/// "行政复议案件数: A 76件 · B 120件 · B−A +44件"; a side without the figure shows "—".
fn indicator_line(row: &SideBySide) -> String {
    let show = |v: &Option<Value>| {
        v.as_ref().map_or("—".to_string(), |v| {
            format_qualified(v.value, &v.unit, v.qualifier)
        })
    };
    let delta = match (&row.a, &row.b) {
        (Some(a), Some(b)) => Change::between(a.value, &a.unit, b.value, &b.unit)
            .map(|c| format!(" · B−A {}", format_signed(c.absolute, &a.unit))),
        _ => None,
    };
    let delta = delta.unwrap_or_default();
    format!(
        "{}: A {} · B {}{delta}",
        row.name,
        show(&row.a),
        show(&row.b)
    )
}

pub fn render_text(c: &Comparison, width: usize, markers: bool) -> String {
    let width = width.max(2 * MIN_COLUMN + GUTTER.len());
    let left = (width - display_width(GUTTER)) / 2;
    let right = width - display_width(GUTTER) - left;
    let mut out = String::new();
    let say = |text: &str, out: &mut String| {
        for line in wrap(&[(Style::Plain, text)], width, markers) {
            out.push_str(&paint(&line, markers));
            out.push('\n');
        }
    };
    // File names and theme ids come from outside: a bidi override or an OSC string in them
    // must not reach the terminal, so they pass the sanitiser every other output uses.
    for (name, side) in [("A", &c.a), ("B", &c.b)] {
        let label = for_terminal(&side.label());
        if side.locality.is_some() {
            let source = for_terminal(&side.source);
            say(&format!("{name}: {label}  ({source})"), &mut out);
        } else {
            say(&format!("{name}: {label}"), &mut out);
        }
    }
    if let Some(theme) = &c.theme {
        say(&format!("主题: {}", for_terminal(theme)), &mut out);
    }
    if !c.indicators.is_empty() {
        out.push_str(&rule(&format!("指标 {} 项", c.indicators.len()), width));
        for row in &c.indicators {
            say(&indicator_line(row), &mut out);
        }
    }
    let side_by_side = |pair: &Pair, out: &mut String| {
        let (a, b) = sides(pair);
        let la = wrap(&a, left, markers);
        let lb = wrap(&b, right, markers);
        for row in 0..la.len().max(lb.len()) {
            let l = la.get(row).map_or_else(String::new, |l| paint(l, markers));
            let lw = la.get(row).map_or(0, line_width);
            let r = lb.get(row).map_or_else(String::new, |l| paint(l, markers));
            let line = format!("{l}{}{GUTTER}{r}", " ".repeat(left - lw));
            out.push_str(line.trim_end());
            out.push('\n');
        }
    };
    match c.reading {
        Reading::Aligned => {
            for pair in &c.pairs {
                out.push_str(&rule(&pair_title(pair), width));
                side_by_side(pair, &mut out);
            }
        }
        Reading::Bands => {
            for band in &c.bands {
                out.push_str(&rule(&band_title(band), width));
                for (k, pair) in band.rows.iter().enumerate() {
                    // Rows of a band are told apart by a blank line; a pair says how alike.
                    if k > 0 {
                        out.push('\n');
                    }
                    if pair.kind == LinkKind::Aligned {
                        say(&format!("相似 {:.2}", pair.similarity), &mut out);
                    }
                    side_by_side(pair, &mut out);
                }
            }
        }
    }
    if !c.shared_passages.is_empty() {
        out.push_str(&rule(
            &format!("共同段落 {} 处", c.shared_passages.len()),
            width,
        ));
        for s in &c.shared_passages {
            let head = format!(
                "A§{} B§{} {}字: ",
                path(&s.a_section),
                path(&s.b_section),
                s.passage.chars
            );
            say(&(head + &s.passage.text), &mut out);
        }
    }
    for (side, list) in [("A", &c.foreign_places.a), ("B", &c.foreign_places.b)] {
        if list.is_empty() {
            continue;
        }
        let names: Vec<String> = list
            .iter()
            .map(|f| {
                let mark = if f.of_other { "（对方）" } else { "" };
                format!("{}{mark}", f.place.name)
            })
            .collect();
        say(
            &format!("{side} 提到外地地名: {}", names.join("、")),
            &mut out,
        );
    }
    let s = &c.summary;
    out.push_str(&rule("", width));
    let reading = match c.reading {
        Reading::Bands => format!("按主题 {} 带", c.bands.len()),
        Reading::Aligned => "按顺序对齐".to_string(),
    };
    say(
        &format!(
            "{reading}  对齐 {}  移动 {}  仅A {}  仅B {}  共同文字占比 {:.1}%",
            s.matched,
            s.moved,
            s.only_a,
            s.only_b,
            s.shared_share * 100.0
        ),
        &mut out,
    );
    if s.truncated {
        say(
            &format!(
                "只比较了每份报告的前 {} 个段落（A 略去 {}，B 略去 {}）",
                super::MAX_UNITS,
                s.omitted_a,
                s.omitted_b
            ),
            &mut out,
        );
    }
    out
}

/// "健全行政执法工作体系 · A 3 · B 5", or "… · B 未涉及" for a band with one side only.
pub fn band_title(band: &super::Band) -> String {
    match (band.units_a, band.units_b) {
        (_, 0) => format!("{} · A {} · B 未涉及", band.name, band.units_a),
        (0, _) => format!("{} · A 未涉及 · B {}", band.name, band.units_b),
        (a, b) => format!("{} · A {a} · B {b}", band.name),
    }
}

fn pair_title(p: &Pair) -> String {
    let heading = |side: &Option<super::PairSide>| {
        side.as_ref()
            .and_then(|s| s.display_heading())
            .unwrap_or_default()
    };
    match p.kind {
        LinkKind::Aligned => format!("对齐 {:.2} {}", p.similarity, heading(&p.a)),
        LinkKind::Moved => format!(
            "移动 {:.2} {} → {}",
            p.similarity,
            heading(&p.a),
            heading(&p.b)
        ),
        LinkKind::OnlyA => format!("仅A {}", heading(&p.a)),
        LinkKind::OnlyB => format!("仅B {}", heading(&p.b)),
        LinkKind::Beside => format!("并列 {} | {}", heading(&p.a), heading(&p.b)),
    }
}

/// Each side's runs; an unmatched unit is shown plain (its title already says so).
fn sides(p: &Pair) -> (Runs<'_>, Runs<'_>) {
    let mut a = Vec::new();
    let mut b = Vec::new();
    let paired = p.a.is_some() && p.b.is_some() && p.kind != LinkKind::Beside;
    for op in &p.ops {
        let text = op.text.as_str();
        match op.op {
            OpKind::Equal => {
                a.push((Style::Plain, text));
                b.push((Style::Plain, text));
            }
            OpKind::Delete if paired => a.push((Style::Deleted, text)),
            OpKind::Insert if paired => b.push((Style::Inserted, text)),
            OpKind::Delete => a.push((Style::Plain, text)),
            OpKind::Insert => b.push((Style::Plain, text)),
        }
    }
    (a, b)
}

/// A horizontal rule carrying a title, cut to `width`.
/// A titled rule; the title may name a theme from the user's `themes.toml`, so it is sanitised.
fn rule(title: &str, width: usize) -> String {
    let mut line = String::from("──");
    let mut w = 2;
    for c in format!(" {} ", for_terminal(title))
        .chars()
        .chain(std::iter::repeat('─'))
    {
        let cw = display_width(c.encode_utf8(&mut [0; 4]));
        if w + cw > width {
            break;
        }
        line.push(c);
        w += cw;
    }
    line.push('\n');
    line
}

fn path(p: &[usize]) -> String {
    let parts: Vec<String> = p.iter().map(|i| (i + 1).to_string()).collect();
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join(".")
    }
}

fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn line_width(line: &Line) -> usize {
    line.iter().map(|(_, t)| display_width(t)).sum()
}

fn paint(line: &Line, markers: bool) -> String {
    let mut out = String::new();
    for (style, text) in line {
        match (style, markers) {
            (Style::Deleted, false) => out.push_str(&format!("\x1b[31m{text}\x1b[0m")),
            (Style::Inserted, false) => out.push_str(&format!("\x1b[32m{text}\x1b[0m")),
            _ => out.push_str(text),
        }
    }
    out
}

/// An unbreakable piece of a line: a word with the marks glued to it.
type Atom = Vec<(Style, String)>;

/// Wrap styled runs into lines no wider than `width`, breaking between jieba words, never
/// putting a closing mark first or an opening mark last on a line (unless a word alone is wider
/// than the line, which is then cut between characters). Line breaks in the text become spaces.
fn wrap(runs: &[(Style, &str)], width: usize, markers: bool) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Line = Vec::new();
    let mut used = 0;
    for atom in atoms(runs, markers) {
        let w = atom.iter().map(|(_, t)| display_width(t)).sum::<usize>();
        let pieces = if w <= width {
            vec![atom]
        } else {
            by_char(atom)
        };
        for piece in pieces {
            let pw = piece.iter().map(|(_, t)| display_width(t)).sum::<usize>();
            if used + pw > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            for (style, text) in piece {
                push_run(&mut line, style, &text);
            }
            used += pw;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn push_run(line: &mut Line, style: Style, text: &str) {
    match line.last_mut() {
        Some((s, t)) if *s == style => t.push_str(text),
        _ => line.push((style, text.to_string())),
    }
}

fn atoms(runs: &[(Style, &str)], markers: bool) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    let mut glue_next = false;
    for &(style, text) in runs {
        let words = segment::tokens(text);
        let last = words.len().saturating_sub(1);
        for (k, word) in words.iter().enumerate() {
            let mut s: String = word
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            if markers {
                let (open, close) = match style {
                    Style::Plain => ("", ""),
                    Style::Deleted => ("[-", "-]"),
                    Style::Inserted => ("{+", "+}"),
                };
                if k == 0 {
                    s.insert_str(0, open);
                }
                if k == last {
                    s.push_str(close);
                }
            }
            let closing = word.starts_with(no_line_start);
            match out.last_mut() {
                Some(prev) if closing || glue_next => prev.push((style, s)),
                _ => out.push(vec![(style, s)]),
            }
            glue_next = word.chars().all(no_line_end);
        }
    }
    out
}

/// An over-wide atom cut into single characters (markers stay with their neighbours).
fn by_char(atom: Atom) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    for (style, text) in atom {
        let mut chars: Vec<String> = text.chars().map(String::from).collect();
        for marker in ["[-", "{+"] {
            if text.starts_with(marker) && chars.len() >= 3 {
                let rest = chars.split_off(3);
                chars = std::iter::once(chars.concat()).chain(rest).collect();
            }
        }
        for marker in ["-]", "+}"] {
            if text.ends_with(marker) && chars.len() >= 3 {
                let tail = chars.split_off(chars.len() - 2).concat();
                if let Some(last) = chars.last_mut() {
                    last.push_str(&tail);
                }
            }
        }
        out.extend(chars.into_iter().map(|c| vec![(style, c)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries_without_kinsoku_breaks() {
        let text = "严格落实行政执法三项制度，全面推行包容审慎监管。";
        let lines = plain(&wrap(&[(Style::Plain, text)], 14, true));
        assert_eq!(lines.concat(), text);
        assert!(lines.iter().all(|l| display_width(l) <= 14), "{lines:?}");
        assert!(
            lines.iter().all(|l| !l.starts_with(no_line_start)),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.ends_with("三项制度，")), "{lines:?}");
    }

    #[test]
    fn markers_wrap_the_changed_runs() {
        let runs = [
            (Style::Plain, "全面推进法治强"),
            (Style::Deleted, "省"),
            (Style::Plain, "建设"),
        ];
        assert_eq!(
            plain(&wrap(&runs, 40, true)),
            vec!["全面推进法治强[-省-]建设"]
        );
        let coloured = paint(&wrap(&runs, 40, false)[0], false);
        assert_eq!(coloured, "全面推进法治强\x1b[31m省\x1b[0m建设");
    }

    proptest! {
        #[test]
        fn wrapped_lines_fit_and_join_back(
            text in "[法治政府建设推进强省市县依，。（）“”ab1 ]{0,80}",
            width in 6usize..30,
        ) {
            let lines = plain(&wrap(&[(Style::Plain, &text)], width, true));
            prop_assert!(lines.iter().all(|l| display_width(l) <= width), "{:?}", lines);
            prop_assert_eq!(lines.concat(), text);
        }

        #[test]
        fn marked_lines_fit(
            a in "[法治强省，。]{1,30}",
            b in "[政府建设（）]{1,30}",
            width in 6usize..20,
        ) {
            let runs = [(Style::Deleted, a.as_str()), (Style::Inserted, b.as_str())];
            let lines = plain(&wrap(&runs, width, true));
            prop_assert!(lines.iter().all(|l| display_width(l) <= width), "{:?}", lines);
            let joined = lines.concat();
            prop_assert_eq!(joined, format!("[-{a}-]{{+{b}+}}"));
        }
    }
}
