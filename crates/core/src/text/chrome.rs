//! Site chrome vocabulary, kept as data in `assets/chrome.toml` and read once.

use std::sync::LazyLock;

use serde::Deserialize;

static CHROME_TOML: &str = include_str!("../../../../assets/chrome.toml");

static CHROME: LazyLock<Chrome> = LazyLock::new(|| {
    toml::from_str(CHROME_TOML).expect("assets/chrome.toml is valid (checked by a unit test)")
});

/// The chrome vocabulary (see `assets/chrome.toml` for what each list is for).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chrome {
    pub classes: Vec<String>,
    pub owner_labels: Vec<String>,
    pub line_marks: Vec<String>,
    pub footer: Vec<String>,
    pub related: Vec<String>,
    pub breadcrumb_leads: Vec<String>,
    pub share_targets: Vec<String>,
    pub labels: Labels,
    pub widgets: Widgets,
}

/// Metadata labels by what they introduce.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub date: Vec<String>,
    pub publisher: Vec<String>,
    pub source: Vec<String>,
    pub host: Vec<String>,
    pub title: Vec<String>,
    pub other: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Widgets {
    pub words: Vec<String>,
    pub anywhere: Vec<String>,
    pub line_only: Vec<String>,
}

/// The bundled chrome vocabulary.
pub fn chrome() -> &'static Chrome {
    &CHROME
}

/// `words` as a regex alternation (no group), in their order, each matched literally.
pub fn alternation(words: &[String]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_loads_and_no_list_is_empty() {
        let c: Chrome = toml::from_str(CHROME_TOML).expect("valid asset");
        let l = &c.labels;
        let w = &c.widgets;
        for (name, list) in [
            ("classes", &c.classes),
            ("owner_labels", &c.owner_labels),
            ("line_marks", &c.line_marks),
            ("footer", &c.footer),
            ("related", &c.related),
            ("breadcrumb_leads", &c.breadcrumb_leads),
            ("share_targets", &c.share_targets),
            ("labels.date", &l.date),
            ("labels.publisher", &l.publisher),
            ("labels.source", &l.source),
            ("labels.host", &l.host),
            ("labels.title", &l.title),
            ("labels.other", &l.other),
            ("widgets.words", &w.words),
            ("widgets.anywhere", &w.anywhere),
            ("widgets.line_only", &w.line_only),
        ] {
            assert!(!list.is_empty(), "{name}");
            assert!(list.iter().all(|s| !s.trim().is_empty()), "{name}");
        }
    }

    #[test]
    fn well_known_chrome_words_are_there() {
        let c = chrome();
        assert!(c.labels.other.iter().any(|w| w == "索引号"));
        assert!(c.labels.publisher.iter().any(|w| w == "发布机构"));
        assert!(c.widgets.anywhere.iter().any(|w| w == "打印本页"));
        assert!(c.widgets.line_only.iter().any(|w| w == "扫一扫"));
        assert!(c.classes.iter().all(|w| *w == w.to_ascii_lowercase()));
    }

    #[test]
    fn a_longer_word_precedes_its_prefix() {
        // Regex alternations take the first word that matches, so 打印 before 打印本页 would
        // leave 本页 behind.
        let c = chrome();
        for words in [&c.widgets.words, &c.share_targets] {
            for (i, w) in words.iter().enumerate() {
                for later in &words[i + 1..] {
                    assert!(!later.starts_with(w.as_str()), "{later} after {w}");
                }
            }
        }
    }

    #[test]
    fn alternation_escapes() {
        assert_eq!(alternation(&["a.b".into(), "打印".into()]), r"a\.b|打印");
    }
}
