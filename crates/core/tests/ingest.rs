//! Ingest end to end: every supported encoding and a saved web page give the same clean text.

use std::path::Path;

use fazhi_core::ingest::{IngestError, from_bytes, read_path};
use proptest::prelude::*;

const SEED: &str = include_str!("../../../seeds/002_58b9b4adb4171f74.txt");
const TITLE: &str = "泾源县2024年法治政府建设年度报告";

/// The seed's clean text: its own trailing "扫一扫…" widget removed.
fn original() -> String {
    let doc = from_bytes(SEED.as_bytes(), "seed.txt").expect("seed is a report");
    assert_eq!(doc.meta.chrome, ["扫一扫在手机上查看当前页面"]);
    doc.text
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        let bytes = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&bytes);
    }
    out
}

#[test]
fn every_encoding_gives_the_same_text() {
    let want = original();
    let crlf = SEED.replace('\n', "\r\n");
    let mut utf8_bom_crlf = b"\xef\xbb\xbf".to_vec();
    utf8_bom_crlf.extend_from_slice(crlf.as_bytes());
    let cases = [
        ("gb18030", encoding_rs::GB18030.encode(SEED).0.into_owned()),
        ("gbk", encoding_rs::GBK.encode(SEED).0.into_owned()),
        ("utf-16le bom", utf16(SEED, false)),
        ("utf-16be bom", utf16(SEED, true)),
        ("utf-16le bom crlf", utf16(&crlf, false)),
        ("utf-8 bom crlf", utf8_bom_crlf),
    ];
    for (name, bytes) in cases {
        let doc = from_bytes(&bytes, "report.txt").unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.text, want, "{name}");
    }
}

#[test]
fn saved_web_page_gives_the_same_text() {
    let path = Path::new("tests/fixtures/ingest/report.html");
    let doc = read_path(path).expect("fixture is a report");
    assert_eq!(doc.text, format!("{TITLE}\n{}", original()));
    assert_eq!(doc.meta.title.as_deref(), Some(TITLE));
    assert_eq!(doc.meta.published, Some((2025, 3, 28)));
    assert_eq!(doc.meta.publisher.as_deref(), Some("泾源县司法局"));
    let chrome = doc.meta.chrome.join("\n");
    for gone in [
        "当前位置：首页 > 政务公开 > 法治政府建设",
        "索引号",
        "浏览次数：1268",
        "县委常委会会前学法现场。",
        "法治宣传进社区活动。",
        "分享到",
        "【打印】【关闭】",
        "上一篇",
        "相关新闻",
        "宁ICP备05001234号-1",
        "今天是2025年3月28日",
    ] {
        assert!(chrome.contains(gone), "{gone} not in chrome");
        assert!(!doc.text.contains(gone), "{gone} left in text");
    }
    assert!(
        !chrome.contains("统计代码"),
        "script text is not chrome either"
    );
    // Chrome keeps reading order: masthead first, footer last.
    assert!(doc.meta.chrome[0].starts_with("今天是"));
    assert!(doc.meta.chrome.last().is_some_and(|l| l.contains("ICP")));
}

#[test]
fn the_same_page_in_gbk_and_sniffed_from_a_txt() {
    let html = std::fs::read_to_string("tests/fixtures/ingest/report.html").expect("fixture");
    let want = read_path(Path::new("tests/fixtures/ingest/report.html")).expect("fixture");
    let gbk = encoding_rs::GBK.encode(&html).0.into_owned();
    let doc = from_bytes(&gbk, "page.txt").expect("page in gbk");
    assert_eq!(doc, want);
}

#[test]
fn saved_page_text_with_chrome_is_cleaned() {
    let doc = read_path(Path::new("../../seeds/004_011d22613919dfd2.txt")).expect("seed");
    assert!(doc.text.starts_with("筑牢主体工程 实现率先突破"));
    assert!(doc.text.ends_with("提供有力法治保障。"));
    assert!(!doc.text.contains('\u{a0}'));
    assert!(
        doc.text
            .lines()
            .all(|l| !l.trim().is_empty() && l.trim() == l)
    );
    assert_eq!(doc.meta.published, Some((2021, 12, 3)));
    let captions = [
        "市委全面依法治市委员会研究法治政府建设有关重点工作。",
        "市政府领导积极出庭应诉,化解行政争议。",
        "全面推行证明事项告知承诺制。",
        "开展普法宣传。",
        "全市平安家庭法治知识竞赛现场。",
    ];
    for c in captions {
        assert!(doc.meta.chrome.iter().any(|l| l == c), "{c}");
        assert!(!doc.text.lines().any(|l| l == c), "{c}");
    }
    assert!(
        doc.text.lines().any(|l| l == "抓组织领导之“纲”"),
        "headings stay"
    );
    assert_eq!(doc.meta.chrome.first().map(String::as_str), Some("今天是"));
    assert_eq!(
        doc.meta.chrome.last().map(String::as_str),
        Some("点击总量:")
    );
}

#[test]
fn seeds_without_chrome_pass_through() {
    for name in ["000_0fd57f03c9fbaff9.txt", "001_43717beec33bc72e.txt"] {
        let raw = std::fs::read_to_string(format!("../../seeds/{name}")).expect("seed");
        let doc = from_bytes(raw.as_bytes(), name).expect("seed");
        let want: Vec<&str> = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(doc.text, want.join("\n"), "{name}");
        assert!(doc.meta.chrome.is_empty(), "{name}: {:?}", doc.meta.chrome);
    }
}

#[test]
fn refusals_say_why() {
    assert!(matches!(from_bytes(b"", "a.txt"), Err(IngestError::Empty)));
    assert!(matches!(
        from_bytes(b"\xef\xbb\xbf \r\n", "a.txt"),
        Err(IngestError::Empty)
    ));
    assert!(matches!(
        from_bytes(b"%PDF-1.4\n%\xe2\xe3", "a.txt"),
        Err(IngestError::Binary)
    ));
    assert!(matches!(
        from_bytes(b"PK\x03\x04\x14\x00", "a.docx"),
        Err(IngestError::Binary)
    ));
    assert!(matches!(
        from_bytes(b"text\0with\0nul", "a.txt"),
        Err(IngestError::Binary)
    ));
    let chrome_only = "首页 > 政务公开\n【打印】【关闭】\n鄂ICP备05017375号\n".as_bytes();
    assert!(matches!(
        from_bytes(chrome_only, "a.txt"),
        Err(IngestError::NotAReport(_))
    ));
    let english = "Annual report on the rule of law. ".repeat(40);
    let err = from_bytes(english.as_bytes(), "a.txt").expect_err("not a report");
    assert!(err.to_string().contains("Chinese characters"), "{err}");
    let page = "<html><body><nav>首页</nav><p>页面不存在</p></body></html>";
    assert!(matches!(
        from_bytes(page.as_bytes(), "a.html"),
        Err(IngestError::NotAReport(_))
    ));
}

#[test]
fn escape_sequences_never_survive() {
    let hostile = format!("\u{1b}]0;pwned\u{7}{}\u{1b}[2J\u{9b}31m\u{1b}[1;31m", SEED);
    let doc = from_bytes(hostile.as_bytes(), "a.txt").expect("report");
    assert_eq!(doc.text, original());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_nor_leak_controls(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        for name in ["x.txt", "x.html"] {
            if let Ok(doc) = from_bytes(&bytes, name) {
                prop_assert!(!doc.text.chars().any(|c| c.is_control() && c != '\n'));
            }
        }
    }

    #[test]
    fn report_text_with_noise_never_leaks_controls(
        cut in 0usize..2000,
        noise in proptest::collection::vec(prop_oneof![Just('\u{1b}'), Just('\u{9b}'), Just('\u{7}'), Just('['), Just(']'), Just('\r'), Just('\u{0}'), Just('\u{85}'), Just('<'), any::<char>()], 0..40),
    ) {
        let at = SEED.char_indices().nth(cut).map_or(SEED.len(), |(i, _)| i);
        let text = format!("{}{}{}", &SEED[..at], noise.iter().collect::<String>(), &SEED[at..]);
        for name in ["x.txt", "x.html"] {
            if let Ok(doc) = from_bytes(text.as_bytes(), name) {
                prop_assert!(!doc.text.chars().any(|c| c.is_control() && c != '\n'));
                prop_assert!(!doc.text.contains("\n\n"));
                for l in doc.meta.chrome.iter() {
                    prop_assert!(!l.chars().any(|c| c.is_control()));
                }
            }
        }
    }
}
