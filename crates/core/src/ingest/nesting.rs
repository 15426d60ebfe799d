//! A cap on how deeply a page's elements nest, applied before html5ever sees the page.
//!
//! html5ever looks through the whole stack of open elements at every start tag (is a `<p>` open
//! in button scope?), so a page of 100,000 nested `<div>`s takes quadratic time to parse. No
//! report nests more than a few dozen levels: tags deeper than [`MAX_DEPTH`] are removed here,
//! their text kept, and the caller says how many went.

use std::borrow::Cow;

/// Deeper than this, start tags (and the end tags that close them) are removed.
pub const MAX_DEPTH: usize = 256;

/// Elements with no end tag: they never deepen the stack.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose end tag pages often omit: html5ever closes them implicitly, so counting them
/// would let a page of unclosed `<p>`s look deep.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rp", "caption",
];
/// Elements whose content is not markup: a `<` inside a script is no tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The page with start tags deeper than [`MAX_DEPTH`] and their end tags removed, and how many
/// tags were removed (0: the page is returned as it was). One pass, linear in the page's length.
pub fn cap_nesting(html: &str) -> (Cow<'_, str>, usize) {
    let mut out: Option<String> = None;
    // Bytes of `html` already accounted for in `out`.
    let mut copied = 0;
    let mut depth = 0usize;
    // Start tags removed whose end tags have not come yet.
    let mut excess = 0usize;
    let mut removed = 0;
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let at = i + offset;
        let rest = &html[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment
                .find("-->")
                .map_or(html.len(), |end| at + 4 + end + 3);
            continue;
        }
        let Some(tag) = Tag::read(rest) else {
            i = at + 1;
            continue;
        };
        // No `>` anywhere after: nothing more is a tag (and searching again per `<` would be
        // quadratic).
        let Some(gt) = rest.find('>') else { break };
        let tag_end = at + gt + 1;
        i = tag_end;
        if !tag.closing && RAW_TEXT.contains(&tag.name.as_str()) {
            i = raw_text_end(html, tag_end, &tag.name);
            continue;
        }
        let self_closing = rest[..gt].ends_with('/');
        let name = tag.name.as_str();
        if VOID.contains(&name) || OPTIONAL_END.contains(&name) || self_closing {
            continue;
        }
        let remove = if tag.closing {
            if excess > 0 {
                excess -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            true
        } else {
            depth += 1;
            false
        };
        if remove {
            let kept = out.get_or_insert_with(|| String::with_capacity(html.len()));
            kept.push_str(&html[copied..at]);
            copied = tag_end;
            removed += 1;
        }
    }
    match out {
        Some(mut kept) => {
            kept.push_str(&html[copied..]);
            (Cow::Owned(kept), removed)
        }
        None => (Cow::Borrowed(html), 0),
    }
}

/// A tag's name (lower case) and whether it is an end tag, read after a `<`.
struct Tag {
    name: String,
    closing: bool,
}

impl Tag {
    fn read(rest: &str) -> Option<Tag> {
        let after = rest.strip_prefix('<')?;
        let (closing, after) = match after.strip_prefix('/') {
            Some(a) => (true, a),
            None => (false, after),
        };
        if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let len = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
        Some(Tag {
            name: after[..len].to_ascii_lowercase(),
            closing,
        })
    }
}

/// Where the raw text of element `name` that starts at `from` ends: at its end tag (any case),
/// else at the end of the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    html[from..]
        .match_indices("</")
        .map(|(at, _)| from + at)
        .find(|&at| {
            html.as_bytes()
                .get(at + 2..at + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        })
        .unwrap_or(html.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<html><body><div><p>一<p>二<br><img src=x><div>三</div></div>\
                    <script>if (a<b) {}</script><!-- <div> --></body></html>";
        let (kept, removed) = cap_nesting(page);
        assert_eq!(removed, 0);
        assert!(matches!(kept, Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_cap_go_and_their_text_stays() {
        let n = MAX_DEPTH + 100;
        let page = format!("{}深处{}之后", "<div>".repeat(n), "</div>".repeat(n));
        let (kept, removed) = cap_nesting(&page);
        assert_eq!(removed, 200);
        assert_eq!(kept.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(kept.matches("</div>").count(), MAX_DEPTH);
        assert!(kept.contains("深处"));
        assert!(kept.ends_with("</div>之后"));
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_depth() {
        let page = "<p>段".repeat(MAX_DEPTH * 2);
        assert_eq!(cap_nesting(&page).1, 0);
    }
}
