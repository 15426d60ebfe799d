//! The theme taxonomy (`assets/themes.toml`) and theme scores of passages.

use serde::Deserialize;

static DEFAULT_THEMES: &str = include_str!("../../assets/themes.toml");

/// One theme of the taxonomy.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Theme {
    pub id: String,
    pub name: String,
    pub short: String,
    pub en: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Taxonomy {
    #[serde(rename = "theme")]
    pub themes: Vec<Theme>,
}

impl Taxonomy {
    /// The taxonomy shipped in the binary.
    pub fn embedded() -> Taxonomy {
        toml::from_str(DEFAULT_THEMES).expect("assets/themes.toml is valid (tested)")
    }

    pub fn get(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
}
