//! Saved web page → text, one block element per line.
//!
//! The page is parsed by html5ever (through scraper); chrome elements (navigation, footers,
//! widgets, captions) are set aside into `meta.chrome` as lines, never regex-stripped.

use std::sync::LazyLock;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::clean::{ENUMERATED, parse_date};
use crate::model::PageMeta;
use crate::sanitize::for_terminal;
use crate::text::chars::han_count;
use crate::text::chrome::chrome;

/// Never text: dropped without a trace.
const SILENT: &[&str] = &[
    "script", "style", "template", "head", "svg", "canvas", "object",
];
/// Page furniture: its text goes to chrome.
const CHROME_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "select",
    "button",
    "iframe",
    "noscript",
    "figcaption",
    "menu",
    "dialog",
];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "br",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "center",
    "figure",
    "address",
    "hr",
    "caption",
    "body",
    "html",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "fieldset",
    "details",
    "summary",
];
/// A furniture-marked element holding this much prose, mostly not links, is the article itself
/// (ASP.NET pages wrap everything in a `<form>`; `id="printContent"` wraps what gets printed).
const ARTICLE_HAN: usize = 200;
/// Longest paragraph taken as the caption of the image above it, in chars.
const MAX_CAPTION: usize = 40;

static LINKS: LazyLock<Selector> = LazyLock::new(|| selector("a"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static METAS: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("built-in selector (proved valid by the unit tests)")
}

/// Does this text look like HTML even though its name does not say so?
pub fn sniff(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !head.starts_with('<') {
        return false;
    }
    let end = head.char_indices().nth(2048).map_or(head.len(), |(i, _)| i);
    let head = head[..end].to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<p>",
        "<p ",
        "<div",
        "<br",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// One line of a page: a block's text, and whether the markup marks it as chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub chrome: bool,
}

/// The page's blocks in reading order, and what the page's markup says about itself
/// (`meta.chrome` stays empty: chrome blocks are flagged in place).
pub fn to_blocks(html: &str) -> (Vec<Block>, PageMeta) {
    let doc = Html::parse_document(html);
    let meta = page_meta(&doc);
    let mut walk = Walk::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => walk.open(node),
            Edge::Close(node) => walk.close(node),
        }
    }
    walk.flush();
    (walk.blocks, meta)
}

/// Title, publish date and publisher from `<meta>`, the headline and `<title>`.
fn page_meta(doc: &Html) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut title = None;
    for el in doc.select(&METAS) {
        let key = el
            .attr("name")
            .or_else(|| el.attr("property"))
            .unwrap_or("")
            .to_lowercase();
        let content = el.attr("content").unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        match key.as_str() {
            "articletitle" => title = title.or(Some(tidy(content))),
            "pubdate"
            | "firstpublishedtime"
            | "publishdate"
            | "publish_date"
            | "article:published_time"
            | "dc.date"
            | "dc.date.created" => {
                meta.published = meta.published.or_else(|| parse_date(content));
            }
            "contentsource" | "发布机构" | "publisher" | "source" => {
                meta.publisher = meta.publisher.take().or(Some(tidy(content)));
            }
            _ => {}
        }
    }
    let text_of = |sel: &Selector| {
        doc.select(sel)
            .map(|e| tidy(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    meta.title = title.or_else(|| text_of(&H1)).or_else(|| {
        text_of(&TITLE).and_then(|t| {
            let first = t.split(['_', '|', '｜']).next().unwrap_or("");
            let first = first.split(" - ").next().unwrap_or("").trim();
            (!first.is_empty()).then(|| first.to_string())
        })
    });
    meta
}

/// Markup-supplied text: no controls, whitespace collapsed.
fn tidy(s: &str) -> String {
    for_terminal(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    Body,
    Chrome,
    Nowhere,
}

/// The state of one pass over the tree.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    line: String,
    /// Where text goes, innermost last; the node that opened each redirection.
    sinks: Vec<(ego_tree::NodeId, Sink)>,
    line_has_image: bool,
    /// The last body block was an image alone: a short paragraph next is its caption.
    after_image: bool,
}

impl Walk {
    fn sink(&self) -> Sink {
        self.sinks.last().map_or(Sink::Body, |(_, s)| *s)
    }

    fn open(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(text) if self.sink() != Sink::Nowhere => {
                push_collapsed(&mut self.line, text);
            }
            Node::Element(el) => {
                let name = el.name();
                if BLOCKS.contains(&name) {
                    self.flush();
                }
                if matches!(name, "td" | "th") && !self.line.is_empty() {
                    self.line.push(' ');
                }
                if name == "img" && self.sink() == Sink::Body {
                    self.line_has_image = true;
                }
                if self.sink() == Sink::Nowhere {
                    return;
                }
                if let Some(sink) = redirect(node) {
                    self.flush();
                    self.sinks.push((node.id(), sink));
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        let Node::Element(el) = node.value() else {
            return;
        };
        if BLOCKS.contains(&el.name()) || self.sinks.last().is_some_and(|(id, _)| *id == node.id())
        {
            self.flush();
        }
        if self.sinks.last().is_some_and(|(id, _)| *id == node.id()) {
            self.sinks.pop();
        }
    }

    /// End the current line and send it where it belongs.
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line).trim().to_string();
        let image = std::mem::take(&mut self.line_has_image);
        let chrome = match self.sink() {
            Sink::Nowhere => return,
            _ if line.is_empty() => {
                self.after_image |= image && self.sink() == Sink::Body;
                return;
            }
            Sink::Chrome => true,
            Sink::Body => {
                let caption = self.after_image
                    && line.chars().count() <= MAX_CAPTION
                    && !ENUMERATED.is_match(&line);
                self.after_image = false;
                caption
            }
        };
        self.blocks.push(Block { text: line, chrome });
    }
}

/// Append text with HTML whitespace collapsed (NBSP is content; the cleaner trims it).
fn push_collapsed(line: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !line.is_empty() && !line.ends_with(' ') {
                line.push(' ');
            }
        } else {
            line.push(c);
        }
    }
}

/// Where an element's text must go instead of the body, if elsewhere.
fn redirect(node: NodeRef<'_, Node>) -> Option<Sink> {
    let el = ElementRef::wrap(node)?;
    let name = el.value().name();
    if SILENT.contains(&name) {
        return Some(Sink::Nowhere);
    }
    let marked = || {
        el.value()
            .classes()
            .chain(el.value().id())
            .map(str::to_ascii_lowercase)
            .any(|token| chrome().classes.iter().any(|m| token.contains(m.as_str())))
    };
    if !(CHROME_TAGS.contains(&name) || marked()) {
        return None;
    }
    if name == "figcaption" || name == "select" || name == "button" || name == "iframe" {
        return Some(Sink::Chrome);
    }
    // A page header that carries the headline is the article's own header.
    if el.select(&H1).next().is_some() || is_article(el) {
        return None;
    }
    Some(Sink::Chrome)
}

/// Much prose, mostly outside links.
fn is_article(el: ElementRef<'_>) -> bool {
    let all = han_count(&el.text().collect::<String>());
    if all < ARTICLE_HAN {
        return false;
    }
    let linked: usize = el
        .select(&LINKS)
        .map(|a| han_count(&a.text().collect::<String>()))
        .sum();
    linked * 2 < all
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "坚持把学习贯彻习近平法治思想作为首要政治任务,一体推进日常学法、会前学法、任前考法、年终述法。";

    fn body_and_chrome(html: &str) -> (Vec<String>, Vec<String>) {
        let (blocks, _) = to_blocks(html);
        let pick = |chrome: bool| {
            blocks
                .iter()
                .filter(|b| b.chrome == chrome)
                .map(|b| b.text.clone())
                .collect()
        };
        (pick(false), pick(true))
    }

    #[test]
    fn built_in_selectors_parse() {
        for sel in [&LINKS, &H1, &TITLE, &METAS] {
            let _ = LazyLock::force(sel);
        }
    }

    #[test]
    fn sniffs_html_in_a_txt() {
        assert!(sniff("\u{feff}<!DOCTYPE html><html>"));
        assert!(sniff("  <HTML><body>"));
        assert!(sniff("<div class=\"content\"><p>正文</p></div>"));
        assert!(!sniff("<<法治政府建设实施纲要>>要求"));
        assert!(!sniff("一、主要举措"));
    }

    #[test]
    fn one_block_per_line_and_br_runs() {
        let html = format!(
            "<body><h2>一、总体情况</h2><p>{PROSE}</p><div>甲段<br>乙段<br/>丙段</div><ul><li>第一项</li><li>第二\n  项</li></ul><table><tr><td>单元一</td><td>单元二</td></tr></table></body>"
        );
        let (body, chrome) = body_and_chrome(&html);
        assert_eq!(
            body,
            [
                "一、总体情况",
                PROSE,
                "甲段",
                "乙段",
                "丙段",
                "第一项",
                "第二 项",
                "单元一 单元二"
            ]
        );
        assert!(chrome.is_empty());
    }

    #[test]
    fn furniture_goes_to_chrome_scripts_vanish() {
        let html = format!(
            "<body><nav><a>首页</a></nav><div class=\"breadcrumb\">当前位置：首页</div><div id=\"shareBox\">分享到</div><p>{PROSE}</p><aside>热点</aside><script>var x='脚本';</script><style>p{{}}</style><div class=\"footer-wrap\">版权所有</div></body>"
        );
        let (body, chrome) = body_and_chrome(&html);
        assert_eq!(body, [PROSE]);
        assert_eq!(
            chrome,
            ["首页", "当前位置：首页", "分享到", "热点", "版权所有"]
        );
    }

    #[test]
    fn a_form_or_print_area_wrapping_the_article_is_kept() {
        let long = PROSE.repeat(6);
        let html = format!(
            "<body><form id=\"form1\"><div id=\"printContent\"><p>{long}</p></div><div class=\"nav\"><a>首页</a></div></form></body>"
        );
        let (body, chrome) = body_and_chrome(&html);
        assert_eq!(body, [long]);
        assert_eq!(chrome, ["首页"]);
    }

    #[test]
    fn header_with_the_headline_is_kept() {
        let html = format!(
            "<body><header class=\"site-header\"><a>网站首页</a></header><article><header><h1>某县2024年法治政府建设年度报告</h1></header><p>{PROSE}</p></article></body>"
        );
        let (body, chrome) = body_and_chrome(&html);
        assert_eq!(body, ["某县2024年法治政府建设年度报告", PROSE]);
        assert_eq!(chrome, ["网站首页"]);
    }

    #[test]
    fn captions_follow_images() {
        let html = format!(
            "<body><p>{PROSE}</p><p><img src=a.jpg></p><p>会前学法现场。</p><p>{PROSE}</p><figure><img src=b.jpg><figcaption>普法宣传活动</figcaption></figure><p><img src=c.jpg></p><p>{PROSE}</p><p><img src=d.jpg></p><p>二、存在的问题</p></body>"
        );
        let (body, chrome) = body_and_chrome(&html);
        assert_eq!(body, [PROSE, PROSE, PROSE, "二、存在的问题"]);
        assert_eq!(chrome, ["会前学法现场。", "普法宣传活动"]);
    }

    #[test]
    fn page_meta_from_markup() {
        let html = "<html><head><title>某县2024年法治政府建设年度报告_政务公开_某县人民政府</title>\
            <meta name=\"PubDate\" content=\"2025-03-28 10:15\"><meta name=\"ContentSource\" content=\"某县司法局\"></head><body><p>正文</p></body></html>";
        let (_, meta) = to_blocks(html);
        assert_eq!(
            meta.title.as_deref(),
            Some("某县2024年法治政府建设年度报告")
        );
        assert_eq!(meta.published, Some((2025, 3, 28)));
        assert_eq!(meta.publisher.as_deref(), Some("某县司法局"));

        let html = "<html><head><title>站点</title><meta name=\"ArticleTitle\" content=\"文章标题\"></head><body><h1>标题一</h1></body></html>";
        assert_eq!(to_blocks(html).1.title.as_deref(), Some("文章标题"));
        let html = "<html><head><title>站点</title></head><body><h1> 标题\n一\u{1b}[2J </h1></body></html>";
        assert_eq!(to_blocks(html).1.title.as_deref(), Some("标题 一"));
    }
}
