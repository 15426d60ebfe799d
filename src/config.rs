//! User configuration (TOML) and where it lives: the one place the environment is read for what
//! the library is given ([`LibrarySettings`]) and what the dashboard is ([`DashboardSettings`]).
//!
//! Looked up in order: the file named by `FAZHI_CONFIG`, then `$XDG_CONFIG_HOME/fazhi/config.toml`,
//! then the platform's config folder (`directories`). A missing file means defaults; a malformed
//! one is an error naming the file, line and column.
//!
//! ```toml
//! report_folders = ["~/reports"]
//! themes_file = "~/themes.toml"   # default: themes.toml beside this file; FAZHI_THEMES wins
//! cache_dir = "/var/cache/fazhi"  # default: FAZHI_CACHE_DIR, $XDG_CACHE_HOME/fazhi, the platform's
//! data_dir = "~/fazhi-data"        # review notes; default: FAZHI_DATA_DIR, $XDG_DATA_HOME/fazhi, the platform's
//! max_file_bytes = 10_000_000      # larger files are refused; default 50 MB
//! language = "en"          # "zh" (default) or "en"
//! mouse = false            # default true
//! [keys]                   # replace an action's keys (names as in assets/keymap.toml);
//!                          # a key another action has in the same scope is an error
//! quit = ["x", "ctrl-q"]
//! [colors]                 # any ratatui colour name or #rrggbb
//! accent = "cyan"
//! highlight = "yellow"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fazhi_core::settings::{FileError, Settings as LibrarySettings};
use serde::Deserialize;
use toml::Spanned;

use crate::tui::keymap::Keymap;
use crate::tui::settings::{Colors, Language, Settings as DashboardSettings};

/// The loaded configuration: what the library is given, and what the dashboard is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Report folders, themes file and cache folder, with `~` and the environment resolved.
    pub library: LibrarySettings,
    pub dashboard: DashboardSettings,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    report_folders: Vec<String>,
    themes_file: Option<String>,
    cache_dir: Option<String>,
    data_dir: Option<String>,
    max_file_bytes: Option<u64>,
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
    pub fn load() -> Result<Config, FileError> {
        Config::load_with(|name| std::env::var(name).ok())
    }

    /// Load with an explicit environment lookup: `FAZHI_CONFIG`, `XDG_CONFIG_HOME`, `NO_COLOR`,
    /// `FAZHI_THEMES`, `FAZHI_CACHE_DIR`, `XDG_CACHE_HOME`, `FAZHI_DATA_DIR`, `XDG_DATA_HOME`.
    pub fn load_with(env: impl Fn(&str) -> Option<String>) -> Result<Config, FileError> {
        let set = |name: &str| env(name).filter(|v| !v.is_empty());
        let explicit = set("FAZHI_CONFIG").map(PathBuf::from);
        let file = explicit.clone().or_else(|| default_path(&set));
        let mut config = match (&explicit, &file) {
            (Some(path), _) => Config::from_file(path)?,
            (None, Some(path)) if path.exists() => Config::from_file(path)?,
            _ => Config::default(),
        };
        let folder = file.as_deref().and_then(Path::parent);
        let library = &mut config.library;
        if let Some(themes) = set("FAZHI_THEMES") {
            library.themes_file = Some(PathBuf::from(themes));
        } else if library.themes_file.is_none() {
            // A themes file beside the config file is picked up without being named.
            library.themes_file = folder.map(|d| d.join("themes.toml")).filter(|p| p.exists());
        }
        if let Some(dir) = set("FAZHI_CACHE_DIR") {
            library.cache_dir = Some(PathBuf::from(dir));
        } else if library.cache_dir.is_none() {
            library.cache_dir = match set("XDG_CACHE_HOME") {
                Some(xdg) => Some(Path::new(&xdg).join("fazhi")),
                None => directories::ProjectDirs::from("", "", "fazhi")
                    .map(|d| d.cache_dir().to_path_buf()),
            };
        }
        if let Some(dir) = set("FAZHI_DATA_DIR") {
            library.data_dir = Some(PathBuf::from(dir));
        } else if library.data_dir.is_none() {
            library.data_dir = match set("XDG_DATA_HOME") {
                Some(xdg) => Some(Path::new(&xdg).join("fazhi")),
                None => directories::ProjectDirs::from("", "", "fazhi")
                    .map(|d| d.data_dir().to_path_buf()),
            };
        }
        config.dashboard.no_color = set("NO_COLOR").is_some();
        config.dashboard.notes_file = config.library.notes_file();
        Ok(config)
    }

    pub fn from_file(path: &Path) -> Result<Config, FileError> {
        let text = FileError::read(path, "config")?;
        Config::from_toml(&text, path)
    }

    /// Parse config text; `path` is only used in error messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, FileError> {
        let invalid = |at: usize, message: String| FileError::at(path, text, at, message);
        let raw: RawConfig = toml::from_str(text).map_err(|e| FileError::toml(path, text, &e))?;
        let mut keymap = Keymap::default();
        for (action, keys) in &raw.keys {
            keymap
                .rebind(action, keys.get_ref())
                .map_err(|e| invalid(keys.span().start, format!("[keys] {action}: {e}")))?;
        }
        // Checked once all are rebound, so that two actions may swap keys.
        keymap.check().map_err(|c| {
            // The default keymap has no conflicts, so one of the two actions was rebound here:
            // blame the user's line (the later one if both were).
            let (at, action) = c
                .actions
                .iter()
                .filter_map(|name| raw.keys.get_key_value(name))
                .map(|(name, keys)| (keys.span().start, name))
                .max()
                .unwrap_or((0, &c.actions[1]));
            let other = c.actions.iter().find(|a| *a != action).unwrap_or(action);
            let (key, scope) = (c.key, c.scope);
            let message = format!(
                "[keys] {action}: key \"{key}\" is also bound to \"{other}\" in scope \"{scope}\""
            );
            invalid(at, message)
        })?;
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
            library: LibrarySettings {
                report_folders: raw.report_folders.iter().map(|f| expand_home(f)).collect(),
                themes_file: raw.themes_file.as_deref().map(expand_home),
                cache_dir: raw.cache_dir.as_deref().map(expand_home),
                max_file_bytes: raw
                    .max_file_bytes
                    .unwrap_or(fazhi_core::ingest::DEFAULT_MAX_FILE_BYTES),
                data_dir: raw.data_dir.as_deref().map(expand_home),
            },
            dashboard: DashboardSettings {
                language: raw.language,
                mouse: raw.mouse.unwrap_or(true),
                colors,
                no_color: false,
                keymap,
                notes_file: None,
            },
        })
    }
}

/// A path as written in the config file, a leading `~` standing for the home folder.
fn expand_home(written: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match written.strip_prefix("~/") {
        Some(rest) => home().map_or_else(|| PathBuf::from(written), |h| h.join(rest)),
        None if written == "~" => home().unwrap_or_else(|| PathBuf::from(written)),
        None => PathBuf::from(written),
    }
}

/// Where the config file is expected when `FAZHI_CONFIG` is not set.
fn default_path(env: &impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(xdg) = env("XDG_CONFIG_HOME") {
        return Some(Path::new(&xdg).join("fazhi").join("config.toml"));
    }
    directories::ProjectDirs::from("", "", "fazhi").map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::Action;
    use crate::tui::keymap::{Key, Scope};
    use ratatui::style::Color;

    fn parse(text: &str) -> Result<Config, FileError> {
        Config::from_toml(text, Path::new("config.toml"))
    }

    #[test]
    fn empty_file_gives_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c.dashboard, DashboardSettings::default());
        assert_eq!(c.library, LibrarySettings::default());
    }

    #[test]
    fn every_setting_is_read() {
        let c = parse(
            "report_folders = [\"/data/reports\", \"~/more\"]\nlanguage = \"en\"\nmouse = false\n\
             max_file_bytes = 1000\n\
             [keys]\nquit = [\"x\"]\n[colors]\naccent = \"#ff8800\"\n",
        )
        .unwrap();
        assert_eq!(c.dashboard.language, Language::En);
        assert!(!c.dashboard.mouse);
        assert_eq!(c.library.max_file_bytes, 1000);
        assert_eq!(c.dashboard.colors.accent, Color::Rgb(0xff, 0x88, 0x00));
        let folders = &c.library.report_folders;
        assert_eq!(folders[0], PathBuf::from("/data/reports"));
        assert!(folders[1].ends_with("more") && !folders[1].starts_with("~"));
        let x: Key = "x".parse().unwrap();
        assert_eq!(
            c.dashboard.keymap.lookup(x, &[Scope::Global]),
            Some(Action::Quit)
        );
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
    fn a_key_taken_from_another_action_in_its_scope_is_located() {
        let msg = parse("language = \"en\"\n[keys]\nquit = [\"j\"]\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            msg,
            "config.toml:3:8: [keys] quit: key \"j\" is also bound to \"down\" in scope \"global\""
        );
        // Blamed on the user's line even when the action bound earlier is the one rebound.
        let msg = parse("[keys]\nup = [\"q\"]\n").unwrap_err().to_string();
        assert!(
            msg.starts_with("config.toml:2:6: [keys] up: key \"q\" is also bound to \"quit\""),
            "{msg}"
        );
        // Swapping two actions' keys is fine: the check runs after every rebinding.
        let c = parse("[keys]\nquit = [\"j\"]\ndown = [\"q\"]\n").unwrap();
        let j: Key = "j".parse().unwrap();
        assert_eq!(
            c.dashboard.keymap.lookup(j, &[Scope::Global]),
            Some(Action::Quit)
        );
    }

    #[test]
    fn env_override_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mine.toml");
        std::fs::write(&file, "language = \"en\"\n").unwrap();
        let path = file.to_string_lossy().into_owned();
        let c = Config::load_with(|k| (k == "FAZHI_CONFIG").then(|| path.clone())).unwrap();
        assert_eq!(c.dashboard.language, Language::En);
        assert_eq!(c.path.as_deref(), Some(file.as_path()));
    }

    #[test]
    fn missing_explicit_file_is_an_error_but_missing_default_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none.toml").to_string_lossy().into_owned();
        assert!(Config::load_with(|k| (k == "FAZHI_CONFIG").then(|| missing.clone())).is_err());
        let xdg = dir.path().to_string_lossy().into_owned();
        let c = Config::load_with(|k| (k == "XDG_CONFIG_HOME").then(|| xdg.clone())).unwrap();
        assert_eq!(c.path, None);
        assert_eq!(
            c.dashboard,
            DashboardSettings {
                notes_file: c.library.notes_file(),
                ..DashboardSettings::default()
            }
        );
        assert!(c.library.report_folders.is_empty());
    }

    #[test]
    fn review_notes_live_in_the_data_folder() {
        let c = Config::load_with(|k| match k {
            "FAZHI_DATA_DIR" => Some("/data/fazhi".into()),
            "XDG_CONFIG_HOME" => Some("/nonexistent".into()),
            _ => None,
        })
        .unwrap();
        let file = Some(PathBuf::from("/data/fazhi/reviews.toml"));
        assert_eq!(c.library.notes_file(), file);
        assert_eq!(c.dashboard.notes_file, file);
        let xdg = Config::load_with(|k| match k {
            "XDG_DATA_HOME" => Some("/xdg".into()),
            "XDG_CONFIG_HOME" => Some("/nonexistent".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(
            xdg.library.notes_file(),
            Some(PathBuf::from("/xdg/fazhi/reviews.toml"))
        );
    }

    #[test]
    fn xdg_config_home_is_honoured() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("fazhi")).unwrap();
        std::fs::write(dir.path().join("fazhi/config.toml"), "mouse = false\n").unwrap();
        let xdg = dir.path().to_string_lossy().into_owned();
        let c = Config::load_with(|k| (k == "XDG_CONFIG_HOME").then(|| xdg.clone())).unwrap();
        assert!(!c.dashboard.mouse);
    }

    #[test]
    fn no_color_comes_from_the_environment() {
        let c = Config::load_with(|k| match k {
            "NO_COLOR" => Some("1".into()),
            "XDG_CONFIG_HOME" => Some("/nonexistent-fazhi".into()),
            _ => None,
        })
        .unwrap();
        assert!(c.dashboard.no_color);
    }
}
