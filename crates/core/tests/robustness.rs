//! The whole pipeline never panics on any text, and whatever it recovers points into the text it
//! came from. Inputs are built from the pieces reports are made of (numerals, enumerators,
//! headings, punctuation of both widths, line breaks) so the parser's every path is exercised.

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::load_bytes;
use fazhi_core::model::Report;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "一、",
    "二、",
    "十一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "（3）",
    "①",
    "第一章",
    "第二部分",
    "一是",
    "二是",
    "三是",
    "其一是",
    "加强组织领导",
    "深学细悟强思想。",
    "存在的问题和不足：",
    "下一步，",
    "2023年",
    "2021—2025年",
    "〔2024〕3号",
    "12345",
    "“1+6+N”",
    "调解矛盾纠纷930件",
    "调解成功率99.3%",
    "1500万元",
    "三千余件",
    "百分之九十",
    "同比下降51.03%",
    "由10分提升至30分",
    "个百分点",
    "约",
    "余",
    "超",
    "。",
    "，",
    ",",
    "；",
    "：",
    ":",
    "！",
    "？",
    "\n",
    "\n\n",
    " ",
    "\u{3000}",
    "\t",
    "（",
    "）",
    "《",
    "》",
    "“",
    "”",
    "泾源县",
    "东莞市桥头镇",
    "中共某市委、某市人民政府：",
    "某县人民政府",
    "司法局",
    "扫一扫在手机上查看当前页面",
    "索引号：",
    "\u{1b}[31m",
    "\u{7}",
    "\r\n",
    "法治政府建设",
    "行政复议",
    "的",
    "了",
    "和",
];

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..400).prop_map(|v| {
        // Enough Han characters to pass ingest's "is this a report" bar: every case parses.
        format!(
            "2024年，某县坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设取得明显成效，为全县经济社会高质量发展提供了坚强法治保障。{}",
            v.concat()
        )
    })
}

fn check_spans(r: &Report) {
    for (_, s) in r.walk() {
        assert!(r.text.get(s.extent.start..s.extent.end).is_some());
        assert!(r.text.get(s.body.start..s.body.end).is_some());
        if let Some(h) = &s.heading {
            assert_eq!(r.slice(s.heading_span).trim(), h);
        }
        for m in &s.measures {
            assert!(s.body.contains(m.span) && !r.slice(m.span).trim().is_empty());
        }
    }
    for i in &r.indicators {
        assert_eq!(r.slice(i.at), i.span);
        assert!(i.value.is_finite());
    }
    assert!(!r.text.chars().any(|c| c.is_control() && c != '\n'));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_report_shaped_text_parses_with_sound_spans(text in report_text()) {
        let r = load_bytes(text.as_bytes(), "x.txt", &Taxonomy::embedded()).expect("report-shaped text loads");
        check_spans(&r);
        let _ = fazhi_core::check::check(&r);
        let _ = fazhi_core::export::outline_text(&r);
    }

    #[test]
    fn the_same_text_on_one_line_parses_too(text in report_text()) {
        let one_line: String = text.lines().collect();
        if let Ok(r) = load_bytes(one_line.as_bytes(), "x.txt", &Taxonomy::embedded()) {
            check_spans(&r);
        }
    }

    #[test]
    fn any_two_parsed_texts_compare(a in report_text(), b in report_text()) {
        if let (Ok(a), Ok(b)) = (load_bytes(a.as_bytes(), "a.txt", &Taxonomy::embedded()), load_bytes(b.as_bytes(), "b.txt", &Taxonomy::embedded())) {
            let c = fazhi_core::analyse::compare::compare(&a, &b, None, &Taxonomy::embedded());
            let _ = fazhi_core::analyse::compare::render_text(&c, 80, true);
        }
    }
}
