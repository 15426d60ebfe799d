//! Invariants on any text: no panic, spans are exact slices, spans never overlap.

use proptest::prelude::*;

use super::find_indicators;

/// Text built from the characters the grammar reacts to, so that the odd corners get hit.
fn reportish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "1",
        "2",
        "0",
        "9",
        ".",
        ",",
        "，",
        "%",
        "％",
        "１",
        "５",
        "万",
        "亿",
        "千",
        "百分之",
        "十",
        "一",
        "两",
        "零",
        "壹",
        "伍",
        "件",
        "人次",
        "个百分点",
        "元",
        "约",
        "超",
        "余",
        "多",
        "以上",
        "左右",
        "同比",
        "下降",
        "增长",
        "由",
        "降至",
        "至",
        "年",
        "月",
        "日",
        "号",
        "第",
        "“",
        "”",
        "(",
        ")",
        "〔",
        "〕",
        "-",
        "+",
        ":",
        "、",
        "。",
        "\n",
        " ",
        "率",
        "调解",
        "共",
        "全年",
        "的",
        "对",
        "热线",
        "a",
        "N",
        "é",
        "😀",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let all = find_indicators(text);
    let mut last_end = 0;
    for i in &all {
        assert_eq!(text.get(i.at.start..i.at.end), Some(i.span.as_str()));
        assert!(i.at.start >= last_end, "overlap in {text:?}: {all:#?}");
        assert!(!i.span.is_empty());
        assert!(i.value.is_finite());
        last_end = i.at.end;
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_exact(text in reportish()) {
        check(&text);
    }

    #[test]
    fn any_unicode_is_safe(text in "\\PC{0,60}") {
        check(&text);
    }
}

#[test]
fn seeds_keep_the_invariants() {
    for (name, bytes) in crate::seeds::SEEDS {
        let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        check(text);
    }
}
