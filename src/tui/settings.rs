//! The dashboard's own settings: language, mouse, colours and keys. The config file
//! (`crate::config`) fills them in; the dashboard reads nothing else.

use ratatui::style::Color;
use serde::Deserialize;

use super::keymap::Keymap;

/// Interface language of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Zh,
    En,
}

/// Colours of the dashboard (ignored under `NO_COLOR`, where bold and reverse carry the meaning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    /// Borders of the focused pane, titles, the selection.
    pub accent: Color,
    /// Indicators in the text.
    pub highlight: Color,
    /// Search hits and the jump target.
    pub hit: Color,
}

impl Default for Colors {
    fn default() -> Colors {
        Colors {
            accent: Color::Cyan,
            highlight: Color::Yellow,
            hit: Color::LightMagenta,
        }
    }
}

/// Everything the dashboard is configured by.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub language: Language,
    pub mouse: bool,
    pub colors: Colors,
    /// `NO_COLOR` was set (https://no-color.org).
    pub no_color: bool,
    pub keymap: Keymap,
    /// Where reviewer statuses and notes are kept (`None`: not kept between sessions).
    pub notes_file: Option<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            language: Language::Zh,
            mouse: true,
            colors: Colors::default(),
            no_color: false,
            keymap: Keymap::default(),
            notes_file: None,
        }
    }
}

impl Settings {
    pub fn english(&self) -> bool {
        self.language == Language::En
    }
}
