//! Key bindings as data: the defaults embedded from `assets/keymap.toml`, patched by the user's
//! config. The same bindings feed key dispatch, the status bar and the `?` help.

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

static DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One key with its modifiers, as written in the keymap ("ctrl-c", "G", "pagedown").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// The key of a terminal event, normalised so that "N" matches whether or not the terminal
    /// reports Shift with it.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !matches!(event.code, KeyCode::Char(_)) {
            mods |= event.modifiers & KeyModifiers::SHIFT;
        }
        let code = match event.code {
            KeyCode::BackTab => KeyCode::BackTab,
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => {
                mods -= KeyModifiers::SHIFT;
                KeyCode::BackTab
            }
            c => c,
        };
        if code == KeyCode::BackTab {
            mods -= KeyModifiers::SHIFT;
        }
        Key { code, mods }
    }
}

const NAMED: [(&str, KeyCode); 14] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
];

/// A key name that is not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKey(pub String);

impl fmt::Display for BadKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown key \"{}\"", self.0)
    }
}

impl Key {
    /// A character without Ctrl or Alt: typed text when a field has focus.
    pub fn is_plain_char(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }
}

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Key, BadKey> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
                    *code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse().ok()) {
                    KeyCode::F(n)
                } else {
                    return Err(BadKey(s.to_string()));
                }
            }
        };
        Ok(Key { code, mods })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

/// One action with its keys, where it works, and what it does in both interface languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub name: String,
    pub action: Action,
    pub keys: Vec<Key>,
    pub scope: Vec<String>,
    pub zh: String,
    pub en: String,
}

impl Binding {
    pub fn works_in(&self, scope: &str) -> bool {
        self.scope.iter().any(|s| s == scope)
    }

    /// The keys as shown to the user ("j/↓").
    pub fn keys_label(&self) -> String {
        let keys: Vec<String> = self.keys.iter().map(Key::to_string).collect();
        keys.join("/")
    }

    pub fn description(&self, english: bool) -> &str {
        if english { &self.en } else { &self.zh }
    }
}

/// Why a keymap (default or patched) cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapError {
    UnknownAction(String),
    BadKey(BadKey),
    Syntax(String),
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeymapError::UnknownAction(a) => write!(f, "unknown action \"{a}\""),
            KeymapError::BadKey(k) => k.fmt(f),
            KeymapError::Syntax(m) => f.write_str(m),
        }
    }
}

#[derive(Deserialize)]
struct RawBinding {
    action: String,
    keys: Vec<String>,
    scope: Vec<String>,
    zh: String,
    en: String,
}

#[derive(Deserialize)]
struct RawKeymap {
    bind: Vec<RawBinding>,
}

/// All bindings, in the order of the keymap file (the order help lists them in).
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::from_toml(DEFAULT_KEYMAP).expect("assets/keymap.toml is valid (tested)")
    }
}

impl Keymap {
    pub fn from_toml(text: &str) -> Result<Keymap, KeymapError> {
        let raw: RawKeymap =
            toml::from_str(text).map_err(|e| KeymapError::Syntax(e.message().to_string()))?;
        let bindings = raw
            .bind
            .into_iter()
            .map(|b| {
                let action = Action::from_name(&b.action)
                    .ok_or_else(|| KeymapError::UnknownAction(b.action.clone()))?;
                Ok(Binding {
                    keys: parse_keys(&b.keys)?,
                    name: b.action,
                    action,
                    scope: b.scope,
                    zh: b.zh,
                    en: b.en,
                })
            })
            .collect::<Result<_, KeymapError>>()?;
        Ok(Keymap { bindings })
    }

    /// Replace the keys of one action (the user's config does this per action).
    pub fn rebind(&mut self, action: &str, keys: &[String]) -> Result<(), KeymapError> {
        let keys = parse_keys(keys)?;
        let binding = self
            .bindings
            .iter_mut()
            .find(|b| b.name == action)
            .ok_or_else(|| KeymapError::UnknownAction(action.to_string()))?;
        binding.keys = keys;
        Ok(())
    }

    /// The action a key triggers, trying the scopes in order (the most specific first).
    pub fn lookup(&self, key: Key, scopes: &[&str]) -> Option<Action> {
        scopes.iter().find_map(|scope| {
            self.bindings
                .iter()
                .find(|b| b.works_in(scope) && b.keys.contains(&key))
                .map(|b| b.action)
        })
    }

    /// The bindings that work in any of the scopes, each once, in keymap order.
    pub fn in_scopes<'a>(&'a self, scopes: &'a [&'a str]) -> impl Iterator<Item = &'a Binding> {
        self.bindings
            .iter()
            .filter(move |b| !b.keys.is_empty() && scopes.iter().any(|s| b.works_in(s)))
    }

    pub fn binding(&self, action: Action) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.action == action)
    }
}

fn parse_keys(keys: &[String]) -> Result<Vec<Key>, KeymapError> {
    keys.iter()
        .map(|k| k.parse().map_err(KeymapError::BadKey))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_keymap_parses_and_every_action_has_a_description() {
        let map = Keymap::default();
        for (name, action) in Action::BINDABLE {
            let b = map
                .binding(action)
                .unwrap_or_else(|| panic!("{name} has no binding"));
            assert!(!b.zh.trim().is_empty() && !b.en.trim().is_empty(), "{name}");
            assert!(!b.keys.is_empty(), "{name} has no keys");
            assert!(!b.scope.is_empty(), "{name} works nowhere");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        let map = Keymap::default();
        for scope in [
            "global",
            "list",
            "outline",
            "text",
            "indicators",
            "compare",
            "indicators_screen",
            "themes_screen",
            "popup",
            "input",
        ] {
            let mut seen = std::collections::HashSet::new();
            for b in map.in_scopes(&[scope]) {
                for k in &b.keys {
                    assert!(seen.insert(*k), "{k} twice in {scope}");
                }
            }
        }
    }

    #[test]
    fn user_override_replaces_a_binding() {
        let mut map = Keymap::default();
        let q = Key::from_str("q").unwrap();
        let x = Key::from_str("x").unwrap();
        assert_eq!(map.lookup(q, &["global"]), Some(Action::Quit));
        map.rebind("quit", &["x".into()]).unwrap();
        assert_eq!(map.lookup(x, &["global"]), Some(Action::Quit));
        assert_eq!(map.lookup(q, &["global"]), None);
        assert_eq!(map.binding(Action::Quit).unwrap().keys_label(), "x");
    }

    #[test]
    fn override_errors_name_the_problem() {
        let mut map = Keymap::default();
        assert_eq!(
            map.rebind("fly", &["x".into()]),
            Err(KeymapError::UnknownAction("fly".into()))
        );
        assert!(matches!(
            map.rebind("quit", &["hyper-x".into()]),
            Err(KeymapError::BadKey(_))
        ));
    }

    #[test]
    fn key_names_round_trip() {
        for name in [
            "q", "ctrl-c", "G", "?", "space", "enter", "pagedown", "f5", "alt-x",
        ] {
            let key: Key = name.parse().unwrap();
            let again: Key = key.to_string().parse().unwrap();
            assert_eq!(key, again, "{name}");
        }
        let up: Key = "up".parse().unwrap();
        assert_eq!(up.code, KeyCode::Up);
    }

    #[test]
    fn shifted_characters_match_without_shift() {
        let event = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), "N".parse().unwrap());
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(backtab), "backtab".parse().unwrap());
    }

    #[test]
    fn pane_scope_wins_over_global() {
        let map = Keymap::default();
        let enter: Key = "enter".parse().unwrap();
        assert_eq!(
            map.lookup(enter, &["outline", "global"]),
            Some(Action::Activate)
        );
        let l: Key = "l".parse().unwrap();
        assert_eq!(map.lookup(l, &["list", "global"]), None);
        assert_eq!(map.lookup(l, &["outline", "global"]), Some(Action::Expand));
    }
}
