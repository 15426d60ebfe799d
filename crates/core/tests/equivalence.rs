//! The same report however it arrives — GB18030, UTF-16, UTF-8 with BOM and CRLF, a saved web
//! page, one single line, folded punctuation, full-width digits — parses to the same locality, year, headings and
//! indicators.

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::load_bytes;
use fazhi_core::model::Report;

const SEEDS: &[&str] = &[
    "../../seeds/001_43717beec33bc72e.txt",
    "../../seeds/002_58b9b4adb4171f74.txt",
    "../../seeds/003_bb4ad8a10e880eeb.txt",
];

/// Full-width and ASCII forms of the punctuation sites fold into each other.
const FOLDS: &[(char, char)] = &[
    ('，', ','),
    ('（', '('),
    ('）', ')'),
    ('：', ':'),
    ('；', ';'),
];

/// Punctuation folded, and full-width digits read as ASCII (２０２４ is 2024).
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => FOLDS.iter().find(|(w, _)| *w == c).map_or(c, |(_, a)| *a),
        })
        .collect()
}

/// ASCII digits written full-width, as some editors and converted pages do.
fn full_width_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn unfold(s: &str) -> String {
    s.chars()
        .map(|c| FOLDS.iter().find(|(_, a)| *a == c).map_or(c, |(w, _)| *w))
        .collect()
}

/// Locality name, year, every heading, and (label, value, unit) of every indicator.
type Essentials = (
    Option<String>,
    Option<i32>,
    Vec<String>,
    Vec<(String, String, String)>,
);

/// What must not change, punctuation folded so that folded variants compare equal.
fn essentials(r: &Report) -> Essentials {
    let headings = r
        .walk()
        .into_iter()
        .map(|(_, s)| fold(&s.display_heading()))
        .collect();
    let indicators = r
        .indicators
        .iter()
        .map(|i| (fold(&i.label), i.value.to_string(), i.unit.clone()))
        .collect();
    (
        r.locality.as_ref().map(|l| l.name.clone()),
        r.year,
        headings,
        indicators,
    )
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn html(text: &str) -> Vec<u8> {
    let body: String = text
        .lines()
        .map(|l| {
            format!(
                "<p style=\"text-indent:2em\">{}</p>\n",
                l.replace('&', "&amp;").replace('<', "&lt;")
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政务公开</title></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> &gt; <a>政务公开</a> &gt; <a>法治政府建设</a></div>\
         <div class=\"content\">{body}</div>\
         <div class=\"footer\"><p>网站标识码：1234567890 某ICP备12345678号</p><p>主办单位：某某人民政府办公室</p></div>\
         </body></html>"
    )
    .into_bytes()
}

#[test]
fn every_form_of_a_report_parses_the_same() {
    for path in SEEDS {
        let text = std::fs::read_to_string(path).unwrap();
        let text = text.trim_end();
        let reference = load_bytes(text.as_bytes(), path, &Taxonomy::embedded()).unwrap();
        let want = essentials(&reference);
        assert!(!want.2.is_empty(), "{path}: reference has headings");
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let variants: Vec<(&str, Vec<u8>, String)> = vec![
            ("gb18030", gb.into_owned(), format!("{path}.txt")),
            ("utf-16le", utf16(text, true), format!("{path}.txt")),
            ("utf-16be", utf16(text, false), format!("{path}.txt")),
            ("utf-8 bom crlf", crlf.into_bytes(), format!("{path}.txt")),
            ("web page", html(text), format!("{path}.html")),
            (
                "folded punctuation",
                fold(text).into_bytes(),
                format!("{path}.txt"),
            ),
            (
                "full-width punctuation",
                unfold(text).into_bytes(),
                format!("{path}.txt"),
            ),
            (
                "full-width digits",
                full_width_digits(text).into_bytes(),
                format!("{path}.txt"),
            ),
        ];
        for (what, bytes, name) in variants {
            let got = load_bytes(&bytes, &name, &Taxonomy::embedded())
                .unwrap_or_else(|e| panic!("{path} as {what}: {e}"));
            assert_eq!(essentials(&got), want, "{path} as {what}");
        }
    }
}

#[test]
fn a_report_on_one_single_line_keeps_its_top_headings() {
    for path in SEEDS {
        let text = std::fs::read_to_string(path).unwrap();
        let reference = load_bytes(text.as_bytes(), path, &Taxonomy::embedded()).unwrap();
        let one_line: String = text.lines().collect();
        let got = load_bytes(one_line.as_bytes(), path, &Taxonomy::embedded()).unwrap();
        let top = |r: &Report| -> Vec<String> {
            r.sections.iter().map(|s| s.display_heading()).collect()
        };
        assert_eq!(top(&got), top(&reference), "{path} on one line");
        assert_eq!(got.year, reference.year);
        assert_eq!(
            got.locality.map(|l| l.name),
            reference.locality.map(|l| l.name),
            "{path} on one line"
        );
    }
}
