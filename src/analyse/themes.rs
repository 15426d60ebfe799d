//! The theme taxonomy (`assets/themes.toml`) and theme scores of passages.
//!
//! Scores come from keyword evidence: every keyword occurrence adds its length in characters
//! (a long, specific term says more than a short generic one), and occurrences in a heading count
//! three times, since local reports reuse the 纲要's chapter wording in their headings.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::model::ThemeScores;

static DEFAULT_THEMES: &str = include_str!("../../assets/themes.toml");

/// Evidence a passage needs before it is said to speak to a theme.
pub const MIN_SCORE: f32 = 4.0;
/// A theme with less than this share of the top theme's evidence is a passing mention.
const MIN_SHARE_OF_TOP: f32 = 0.25;
const HEADING_WEIGHT: f32 = 3.0;

/// One theme of the taxonomy.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Theme {
    pub id: String,
    pub name: String,
    pub short: String,
    pub en: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ThemeFile {
    theme: Vec<Theme>,
}

/// The themes and a matcher over all their keywords.
#[derive(Debug)]
pub struct Taxonomy {
    pub themes: Vec<Theme>,
    matcher: AhoCorasick,
    /// For each matcher pattern: (theme index, weight).
    patterns: Vec<(usize, f32)>,
}

static SHARED: LazyLock<Taxonomy> = LazyLock::new(Taxonomy::embedded);

impl Taxonomy {
    /// The taxonomy shipped in the binary.
    pub fn embedded() -> Taxonomy {
        Taxonomy::from_toml(DEFAULT_THEMES).expect("assets/themes.toml is valid (tested)")
    }

    /// The taxonomy every report is analysed with.
    pub fn shared() -> &'static Taxonomy {
        &SHARED
    }

    /// Parse a themes file (the format of `assets/themes.toml`).
    pub fn from_toml(text: &str) -> Result<Taxonomy, toml::de::Error> {
        let file: ThemeFile = toml::from_str(text)?;
        Ok(Taxonomy::new(file.theme))
    }

    pub fn new(themes: Vec<Theme>) -> Taxonomy {
        let mut words = Vec::new();
        let mut patterns = Vec::new();
        for (i, theme) in themes.iter().enumerate() {
            for k in &theme.keywords {
                if !k.is_empty() {
                    words.push(k.clone());
                    patterns.push((i, k.chars().count() as f32));
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .expect("keyword automaton builds from plain strings");
        Taxonomy {
            themes,
            matcher,
            patterns,
        }
    }

    pub fn get(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// Theme scores of a passage, highest first, only those with enough evidence.
    pub fn score(&self, heading: Option<&str>, body: &str) -> ThemeScores {
        let mut raw = vec![0f32; self.themes.len()];
        for (text, weight) in [(heading.unwrap_or(""), HEADING_WEIGHT), (body, 1.0)] {
            for m in self.matcher.find_iter(text) {
                let (theme, w) = self.patterns[m.pattern().as_usize()];
                raw[theme] += w * weight;
            }
        }
        let mut scores: Vec<(String, f32)> = raw
            .into_iter()
            .enumerate()
            .filter(|(_, s)| *s >= MIN_SCORE)
            .map(|(i, s)| (self.themes[i].id.clone(), s))
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let top = scores.first().map_or(0.0, |s| s.1);
        scores.retain(|s| s.1 >= top * MIN_SHARE_OF_TOP);
        ThemeScores(scores)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_taxonomy_has_the_ten_themes() {
        let t = Taxonomy::embedded();
        let ids: Vec<&str> = t.themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "functions",
                "rules",
                "decisions",
                "enforcement",
                "emergencies",
                "disputes",
                "oversight",
                "digital",
                "leadership",
                "publicity"
            ]
        );
        assert!(t.themes.iter().all(|t| t.keywords.len() >= 8));
    }

    #[test]
    fn heading_wording_decides_the_main_theme() {
        let t = Taxonomy::shared();
        let s = t.score(
            Some("四、加强执法监管，推进严格规范执法"),
            "严格落实行政执法“三项制度”，编制公示行政执法事项清单3645项。",
        );
        assert_eq!(s.main(), Some("enforcement"));
    }

    #[test]
    fn a_passage_can_carry_several_themes() {
        let s = Taxonomy::shared().score(
            None,
            "坚持和发展新时代“枫桥经验”，人民调解矛盾纠纷930件；深入推进“八五”普法，培育法律明白人895人。",
        );
        assert!(s.contains("disputes"), "{s:?}");
        assert!(s.contains("publicity"), "{s:?}");
        assert!(!s.contains("emergencies"), "{s:?}");
    }

    #[test]
    fn plain_prose_has_no_theme() {
        assert!(
            Taxonomy::shared()
                .score(None, "今天天气很好。")
                .0
                .is_empty()
        );
    }
}
