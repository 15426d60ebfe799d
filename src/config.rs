//! User configuration (TOML) and where it lives.
//!
//! Looked up in order: the file named by `FAZHI_CONFIG`, then `$XDG_CONFIG_HOME/fazhi/config.toml`,
//! then the platform's config folder (`directories`). A missing file means defaults; a malformed
//! one is an error naming the file, line and column.
//!
//! ```toml
//! report_folders = ["~/reports"]
//! language = "en"          # "zh" (default) or "en"
//! mouse = false            # default true
//! [keys]                   # replace an action's keys (names as in assets/keymap.toml)
//! quit = ["x", "ctrl-q"]
//! [colors]                 # any ratatui colour name or #rrggbb
//! accent = "cyan"
//! highlight = "yellow"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use crate::tui::keymap::Keymap;

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

/// The loaded configuration, with the keymap already patched.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Report folders as written (`~` unexpanded); see [`Config::report_folders`].
    pub folders: Vec<String>,
    pub language: Language,
    pub mouse: bool,
    pub colors: Colors,
    /// `NO_COLOR` was set (https://no-color.org).
    pub no_color: bool,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            path: None,
            folders: Vec::new(),
            language: Language::Zh,
            mouse: true,
            colors: Colors::default(),
            no_color: false,
            keymap: Keymap::default(),
        }
    }
}

/// A config file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read config", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    report_folders: Vec<String>,
    #[serde(default)]
    language: Language,
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default)]
    colors: RawColors,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawColors {
    accent: Option<Spanned<String>>,
    highlight: Option<Spanned<String>>,
    hit: Option<Spanned<String>>,
}

impl Config {
    /// Load from the usual place (see the module docs), reading the process environment.
    pub fn load() -> Result<Config, ConfigError> {
        Config::load_with(|name| std::env::var(name).ok())
    }

    /// Load with an explicit environment lookup (`FAZHI_CONFIG`, `XDG_CONFIG_HOME`, `NO_COLOR`).
    pub fn load_with(env: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let explicit = env("FAZHI_CONFIG").filter(|p| !p.is_empty());
        let mut config = match (explicit, default_path(&env)) {
            (Some(path), _) => Config::from_file(Path::new(&path))?,
            (None, Some(path)) if path.exists() => Config::from_file(&path)?,
            _ => Config::default(),
        };
        config.no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(config)
    }

    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::from_toml(&text, path)
    }

    /// Parse config text; `path` is only used in error messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |at: usize, message: String| {
            let (line, column) = line_column(text, at);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            invalid(at, e.message().trim().to_string())
        })?;
        let mut keymap = Keymap::default();
        for (action, keys) in &raw.keys {
            keymap
                .rebind(action, keys.get_ref())
                .map_err(|e| invalid(keys.span().start, format!("[keys] {action}: {e}")))?;
        }
        let mut colors = Colors::default();
        for (slot, value) in [
            (&mut colors.accent, &raw.colors.accent),
            (&mut colors.highlight, &raw.colors.highlight),
            (&mut colors.hit, &raw.colors.hit),
        ] {
            if let Some(v) = value {
                *slot = v.get_ref().parse().map_err(|_| {
                    invalid(
                        v.span().start,
                        format!("unknown colour \"{}\"", v.get_ref()),
                    )
                })?;
            }
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            folders: raw.report_folders,
            language: raw.language,
            mouse: raw.mouse.unwrap_or(true),
            colors,
            no_color: false,
            keymap,
        })
    }

    /// The folders of reports to load, `~` expanded.
    pub fn report_folders(&self) -> Vec<PathBuf> {
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        self.folders
            .iter()
            .map(|f| match (f.strip_prefix("~/"), &home) {
                (Some(rest), Some(home)) => home.join(rest),
                _ if f == "~" => home.clone().unwrap_or_else(|| PathBuf::from(f)),
                _ => PathBuf::from(f),
            })
            .collect()
    }

    pub fn english(&self) -> bool {
        self.language == Language::En
    }
}

/// The folder that holds the user's config file and its companions (`themes.toml`): the folder of
/// `FAZHI_CONFIG` when set, else `$XDG_CONFIG_HOME/fazhi`, else the platform's config folder.
pub fn config_dir() -> Option<PathBuf> {
    let env = |name: &str| std::env::var(name).ok();
    match env("FAZHI_CONFIG").filter(|p| !p.is_empty()) {
        Some(file) => Path::new(&file).parent().map(Path::to_path_buf),
        None => default_path(&env).and_then(|p| p.parent().map(Path::to_path_buf)),
    }
}

/// Where the config file is expected when `FAZHI_CONFIG` is not set.
fn default_path(env: &impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(xdg) = env("XDG_CONFIG_HOME").filter(|p| !p.is_empty()) {
        return Some(Path::new(&xdg).join("fazhi").join("config.toml"));
    }
    directories::ProjectDirs::from("", "", "fazhi").map(|d| d.config_dir().join("config.toml"))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::Action;
    use crate::tui::keymap::Key;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Path::new("config.toml"))
    }

    #[test]
    fn empty_file_gives_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c.language, Language::Zh);
        assert!(c.mouse);
        assert_eq!(c.colors, Colors::default());
        assert_eq!(c.keymap, Keymap::default());
        assert!(c.report_folders().is_empty());
    }

    #[test]
    fn every_setting_is_read() {
        let c = parse(
            "report_folders = [\"/data/reports\", \"~/more\"]\nlanguage = \"en\"\nmouse = false\n\
             [keys]\nquit = [\"x\"]\n[colors]\naccent = \"#ff8800\"\n",
        )
        .unwrap();
        assert_eq!(c.language, Language::En);
        assert!(!c.mouse);
        assert_eq!(c.colors.accent, Color::Rgb(0xff, 0x88, 0x00));
        let folders = c.report_folders();
        assert_eq!(folders[0], PathBuf::from("/data/reports"));
        assert!(folders[1].ends_with("more") && !folders[1].starts_with("~"));
        let x: Key = "x".parse().unwrap();
        assert_eq!(c.keymap.lookup(x, &["global"]), Some(Action::Quit));
    }

    #[test]
    fn malformed_toml_reports_line_and_column() {
        let err = parse("language = \"en\"\nmouse = tru\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("config.toml:2:9:"), "{msg}");
    }

    #[test]
    fn unknown_setting_and_bad_values_are_located() {
        let msg = parse("language = \"en\"\nmuose = true\n")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("config.toml:2:1:"), "{msg}");
        let msg = parse("[keys]\nquit = [\"hyper-q\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            msg.starts_with("config.toml:2:8:") && msg.contains("hyper-q"),
            "{msg}"
        );
        let msg = parse("[keys]\nfly = [\"x\"]\n").unwrap_err().to_string();
        assert!(msg.contains("unknown action \"fly\""), "{msg}");
        let msg = parse("[colors]\naccent = \"rainbow\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("config.toml:2:10:"), "{msg}");
    }

    #[test]
    fn env_override_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mine.toml");
        std::fs::write(&file, "language = \"en\"\n").unwrap();
        let path = file.to_string_lossy().into_owned();
        let c = Config::load_with(|k| (k == "FAZHI_CONFIG").then(|| path.clone())).unwrap();
        assert_eq!(c.language, Language::En);
        assert_eq!(c.path.as_deref(), Some(file.as_path()));
    }

    #[test]
    fn missing_explicit_file_is_an_error_but_missing_default_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none.toml").to_string_lossy().into_owned();
        assert!(Config::load_with(|k| (k == "FAZHI_CONFIG").then(|| missing.clone())).is_err());
        let xdg = dir.path().to_string_lossy().into_owned();
        let c = Config::load_with(|k| (k == "XDG_CONFIG_HOME").then(|| xdg.clone())).unwrap();
        assert_eq!(c, Config::default());
    }

    #[test]
    fn xdg_config_home_is_honoured() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("fazhi")).unwrap();
        std::fs::write(dir.path().join("fazhi/config.toml"), "mouse = false\n").unwrap();
        let xdg = dir.path().to_string_lossy().into_owned();
        let c = Config::load_with(|k| (k == "XDG_CONFIG_HOME").then(|| xdg.clone())).unwrap();
        assert!(!c.mouse);
    }

    #[test]
    fn no_color_comes_from_the_environment() {
        let c = Config::load_with(|k| match k {
            "NO_COLOR" => Some("1".into()),
            "XDG_CONFIG_HOME" => Some("/nonexistent-fazhi".into()),
            _ => None,
        })
        .unwrap();
        assert!(c.no_color);
    }
}
