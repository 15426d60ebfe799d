//! The theme taxonomy (`assets/themes.toml`) and theme scores of passages.
//!
//! Scores come from keyword evidence: every keyword occurrence adds its length in characters
//! (a long, specific term says more than a short generic one), and occurrences in a heading count
//! three times, since local reports reuse the 纲要's chapter wording in their headings.
//!
//! Users extend the taxonomy without rebuilding: a file in the format of `assets/themes.toml` adds
//! keywords to existing themes (same `id`) and adds new themes ([`Taxonomy::with_user_file`]).
//! Which file that is, is the faces' business: the taxonomy is built once by the caller and passed
//! to everything that scores text.

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::model::{ThemeId, ThemeScores};

static DEFAULT_THEMES: &str = include_str!("../../../../assets/themes.toml");

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

/// A theme as a user's file gives it: only `id` and `keywords` are required.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserTheme {
    id: String,
    name: Option<String>,
    short: Option<String>,
    en: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserThemeFile {
    #[serde(default)]
    theme: Vec<UserTheme>,
}

/// The themes and a matcher over all their keywords.
#[derive(Debug)]
pub struct Taxonomy {
    pub themes: Vec<Theme>,
    matcher: AhoCorasick,
    /// For each matcher pattern (a distinct keyword): the themes it speaks for, and its weight.
    patterns: Vec<(Vec<usize>, f32)>,
}

impl Taxonomy {
    /// The taxonomy shipped in the binary.
    pub fn embedded() -> Taxonomy {
        Taxonomy::from_toml(DEFAULT_THEMES).expect("assets/themes.toml is valid (tested)")
    }

    /// The embedded taxonomy extended by the text of a user's themes file.
    pub fn with_user_file(user: &str) -> Result<Taxonomy, toml::de::Error> {
        Taxonomy::extended(DEFAULT_THEMES, user)
    }

    /// `base` (the format of `assets/themes.toml`) extended by a user's file: keywords added to
    /// themes of the same id, new themes appended.
    pub fn extended(base: &str, user: &str) -> Result<Taxonomy, toml::de::Error> {
        let mut themes = toml::from_str::<ThemeFile>(base)?.theme;
        for u in toml::from_str::<UserThemeFile>(user)?.theme {
            match themes.iter_mut().find(|t| t.id == u.id) {
                Some(t) => {
                    for k in u.keywords {
                        if !t.keywords.contains(&k) {
                            t.keywords.push(k);
                        }
                    }
                }
                None => themes.push(Theme {
                    name: u.name.unwrap_or_else(|| u.id.clone()),
                    short: u.short.unwrap_or_else(|| u.id.chars().take(2).collect()),
                    en: u.en.unwrap_or_else(|| u.id.clone()),
                    id: u.id,
                    keywords: u.keywords,
                }),
            }
        }
        Ok(Taxonomy::new(themes))
    }

    /// A digest of every theme and keyword: what the parse cache must match.
    pub fn fingerprint(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        for t in &self.themes {
            hasher.update(t.id.as_bytes());
            for k in &t.keywords {
                hasher.update(b"\0");
                hasher.update(k.as_bytes());
            }
            hasher.update(b"\n");
        }
        hasher.finalize().to_hex()[..16].to_string()
    }

    /// Parse a themes file (the format of `assets/themes.toml`).
    pub fn from_toml(text: &str) -> Result<Taxonomy, toml::de::Error> {
        let file: ThemeFile = toml::from_str(text)?;
        Ok(Taxonomy::new(file.theme))
    }

    pub fn new(themes: Vec<Theme>) -> Taxonomy {
        // A keyword may belong to several themes; the automaton reports one pattern per match,
        // so each distinct keyword is one pattern carrying all its themes.
        let mut words: Vec<String> = Vec::new();
        let mut patterns: Vec<(Vec<usize>, f32)> = Vec::new();
        for (i, theme) in themes.iter().enumerate() {
            for k in theme.keywords.iter().filter(|k| !k.is_empty()) {
                match words.iter().position(|w| w == k) {
                    Some(p) if !patterns[p].0.contains(&i) => patterns[p].0.push(i),
                    Some(_) => {}
                    None => {
                        words.push(k.clone());
                        patterns.push((vec![i], k.chars().count() as f32));
                    }
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
                let (themes, w) = &self.patterns[m.pattern().as_usize()];
                for &theme in themes {
                    raw[theme] += w * weight;
                }
            }
        }
        let mut scores: Vec<(ThemeId, f32)> = raw
            .into_iter()
            .enumerate()
            .filter(|(_, s)| *s >= MIN_SCORE)
            .map(|(i, s)| (ThemeId::new(&self.themes[i].id), s))
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
        let t = Taxonomy::embedded();
        let s = t.score(
            Some("四、加强执法监管，推进严格规范执法"),
            "严格落实行政执法“三项制度”，编制公示行政执法事项清单3645项。",
        );
        assert_eq!(s.main(), Some("enforcement"));
    }

    #[test]
    fn a_passage_can_carry_several_themes() {
        let s = Taxonomy::embedded().score(
            None,
            "坚持和发展新时代“枫桥经验”，人民调解矛盾纠纷930件；深入推进“八五”普法，培育法律明白人895人。",
        );
        assert!(s.contains("disputes"), "{s:?}");
        assert!(s.contains("publicity"), "{s:?}");
        assert!(!s.contains("emergencies"), "{s:?}");
    }

    #[test]
    fn a_users_file_adds_keywords_and_themes() {
        let user = r#"
            [[theme]]
            id = "disputes"
            keywords = ["访调对接"]

            [[theme]]
            id = "ecology"
            name = "生态环境保护"
            keywords = ["河长制", "生态环境", "污染防治"]
        "#;
        let t = Taxonomy::extended(DEFAULT_THEMES, user).unwrap();
        assert!(
            t.get("disputes")
                .unwrap()
                .keywords
                .contains(&"访调对接".to_string())
        );
        assert_eq!(t.get("ecology").unwrap().name, "生态环境保护");
        let s = t.score(
            None,
            "全面推行河长制，深入打好污染防治攻坚战，生态环境持续改善。",
        );
        assert_eq!(s.main(), Some("ecology"));
        assert_ne!(t.fingerprint(), Taxonomy::embedded().fingerprint());
        assert!(Taxonomy::extended(DEFAULT_THEMES, "[[theme]]\nkeywords = 1").is_err());
    }

    #[test]
    fn plain_prose_has_no_theme() {
        assert!(
            Taxonomy::embedded()
                .score(None, "今天天气很好。")
                .0
                .is_empty()
        );
    }
}
