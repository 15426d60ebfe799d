//! Key bindings as data: the defaults embedded from `assets/keymap.toml`, patched by the user's
//! config. The same bindings feed key dispatch, the status bar and the `?` help.

use std::fmt;
use std::str::FromStr;

use fazhi_core::settings::line_column;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use toml::Spanned;

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

/// Where a binding works, named in the keymap as in TOML ("indicators_screen"). A pane or
/// screen scope takes precedence over `Global`; popups and inputs see only their own scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Global,
    List,
    Outline,
    Text,
    Indicators,
    Compare,
    IndicatorsScreen,
    ThemesScreen,
    ReviewScreen,
    Popup,
    Input,
    /// Typing a search query (the input's keys work too).
    Search,
}

impl Scope {
    /// Every scope; label tables are sized by it, so a new scope cannot go unnamed.
    pub const ALL: [Scope; 12] = [
        Scope::Global,
        Scope::List,
        Scope::Outline,
        Scope::Text,
        Scope::Indicators,
        Scope::Compare,
        Scope::IndicatorsScreen,
        Scope::ThemesScreen,
        Scope::ReviewScreen,
        Scope::Popup,
        Scope::Input,
        Scope::Search,
    ];

    /// The name written in the keymap.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::List => "list",
            Scope::Outline => "outline",
            Scope::Text => "text",
            Scope::Indicators => "indicators",
            Scope::Compare => "compare",
            Scope::IndicatorsScreen => "indicators_screen",
            Scope::ThemesScreen => "themes_screen",
            Scope::ReviewScreen => "review_screen",
            Scope::Popup => "popup",
            Scope::Input => "input",
            Scope::Search => "search",
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One action with its keys, where it works, and what it does in both interface languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub name: String,
    pub action: Action,
    pub keys: Vec<Key>,
    pub scope: Vec<Scope>,
    pub zh: String,
    pub en: String,
}

impl Binding {
    pub fn works_in(&self, scope: Scope) -> bool {
        self.scope.contains(&scope)
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
    Conflict(Conflict),
}

/// One key given to two actions in one scope: only one of them could ever run, while help and
/// the status bar would still list both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub key: Key,
    pub scope: Scope,
    /// The action bound first (in keymap order), then the other.
    pub actions: [String; 2],
    /// Index of the later binding.
    pub later: usize,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b] = &self.actions;
        write!(
            f,
            "key \"{}\" is bound to both \"{a}\" and \"{b}\" in scope \"{}\"",
            self.key, self.scope
        )
    }
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeymapError::UnknownAction(a) => write!(f, "unknown action \"{a}\""),
            KeymapError::BadKey(k) => k.fmt(f),
            KeymapError::Syntax(m) => f.write_str(m),
            KeymapError::Conflict(c) => c.fmt(f),
        }
    }
}

/// A keymap file that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapFileError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub error: KeymapError,
}

impl fmt::Display for KeymapFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.error
        )
    }
}

impl std::error::Error for KeymapFileError {}

#[derive(Deserialize)]
struct RawBinding {
    action: Spanned<String>,
    keys: Spanned<Vec<String>>,
    scope: Vec<Scope>,
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
        Keymap::from_toml(DEFAULT_KEYMAP, "assets/keymap.toml")
            .unwrap_or_else(|e| panic!("the embedded keymap is valid (tested): {e}"))
    }
}

impl Keymap {
    /// Parse and check a keymap; `file` only names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<Keymap, KeymapFileError> {
        let at = |offset: usize, error: KeymapError| {
            let (line, column) = line_column(text, offset);
            KeymapFileError {
                file: file.to_string(),
                line,
                column,
                error,
            }
        };
        let raw: RawKeymap = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            at(offset, KeymapError::Syntax(e.message().trim().to_string()))
        })?;
        let mut bindings = Vec::with_capacity(raw.bind.len());
        // Where each binding's keys are written, to point a conflict at the later one.
        let mut spans = Vec::with_capacity(raw.bind.len());
        for b in raw.bind {
            let name = b.action.get_ref();
            let action = Action::from_name(name).ok_or_else(|| {
                at(
                    b.action.span().start,
                    KeymapError::UnknownAction(name.clone()),
                )
            })?;
            let keys = parse_keys(b.keys.get_ref()).map_err(|e| at(b.keys.span().start, e))?;
            spans.push(b.keys.span().start);
            bindings.push(Binding {
                keys,
                name: b.action.into_inner(),
                action,
                scope: b.scope,
                zh: b.zh,
                en: b.en,
            });
        }
        let keymap = Keymap { bindings };
        keymap
            .check()
            .map_err(|c| at(spans[c.later], KeymapError::Conflict(c)))?;
        Ok(keymap)
    }

    /// No key may trigger two different actions in one scope.
    pub fn check(&self) -> Result<(), Conflict> {
        for (j, later) in self.bindings.iter().enumerate() {
            for earlier in &self.bindings[..j] {
                if earlier.action == later.action {
                    continue;
                }
                let scope = later.scope.iter().find(|s| earlier.works_in(**s));
                let key = later.keys.iter().find(|k| earlier.keys.contains(k));
                if let (Some(&scope), Some(&key)) = (scope, key) {
                    return Err(Conflict {
                        key,
                        scope,
                        actions: [earlier.name.clone(), later.name.clone()],
                        later: j,
                    });
                }
            }
        }
        Ok(())
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
    pub fn lookup(&self, key: Key, scopes: &[Scope]) -> Option<Action> {
        scopes.iter().find_map(|scope| {
            self.bindings
                .iter()
                .find(|b| b.works_in(*scope) && b.keys.contains(&key))
                .map(|b| b.action)
        })
    }

    /// The bindings that work in any of the scopes, each once, in keymap order.
    pub fn in_scopes<'a>(&'a self, scopes: &'a [Scope]) -> impl Iterator<Item = &'a Binding> {
        self.bindings
            .iter()
            .filter(move |b| !b.keys.is_empty() && scopes.iter().any(|s| b.works_in(*s)))
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
        assert_eq!(map.check(), Ok(()));
        for scope in Scope::ALL {
            let mut seen = std::collections::HashSet::new();
            for b in map.in_scopes(&[scope]) {
                for k in &b.keys {
                    assert!(seen.insert(*k), "{k} twice in {scope}");
                }
            }
        }
    }

    const ONE: &str = "[[bind]]\naction = \"down\"\nkeys = [\"j\"]\nscope = [\"global\"]\nzh = \"下移\"\nen = \"Down\"\n";

    fn second(action: &str, keys: &str, scope: &str) -> String {
        format!(
            "{ONE}\n[[bind]]\naction = \"{action}\"\nkeys = {keys}\nscope = {scope}\nzh = \"z\"\nen = \"e\"\n"
        )
    }

    fn load_error(text: &str) -> String {
        Keymap::from_toml(text, "keymap.toml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn an_unknown_scope_is_located() {
        let msg = load_error(&second("quit", "[\"q\"]", "[\"global\", \"sidebar\"]"));
        assert!(msg.starts_with("keymap.toml:11:20:"), "{msg}");
        assert!(msg.contains("sidebar"), "{msg}");
    }

    #[test]
    fn an_unknown_action_or_key_in_the_keymap_is_located() {
        let msg = load_error(&second("fly", "[\"q\"]", "[\"global\"]"));
        assert!(msg.starts_with("keymap.toml:9:10:"), "{msg}");
        assert!(msg.contains("unknown action \"fly\""), "{msg}");
        let msg = load_error(&second("quit", "[\"hyper-q\"]", "[\"global\"]"));
        assert!(
            msg.starts_with("keymap.toml:10:8:") && msg.contains("hyper-q"),
            "{msg}"
        );
    }

    #[test]
    fn one_key_for_two_actions_in_one_scope_is_located_at_the_second() {
        let msg = load_error(&second("quit", "[\"q\", \"j\"]", "[\"popup\", \"global\"]"));
        assert_eq!(
            msg,
            "keymap.toml:10:8: key \"j\" is bound to both \"down\" and \"quit\" in scope \"global\""
        );
        // Across scopes the more specific one wins by design, and the same action may repeat.
        assert!(Keymap::from_toml(&second("expand", "[\"j\"]", "[\"outline\"]"), "k").is_ok());
        assert!(Keymap::from_toml(&second("down", "[\"j\"]", "[\"global\"]"), "k").is_ok());
    }

    #[test]
    fn scopes_index_label_tables_in_declaration_order() {
        for (i, scope) in Scope::ALL.into_iter().enumerate() {
            assert_eq!(scope as usize, i, "{scope}");
        }
    }

    #[test]
    fn user_override_replaces_a_binding() {
        let mut map = Keymap::default();
        let q = Key::from_str("q").unwrap();
        let x = Key::from_str("x").unwrap();
        assert_eq!(map.lookup(q, &[Scope::Global]), Some(Action::Quit));
        map.rebind("quit", &["x".into()]).unwrap();
        assert_eq!(map.lookup(x, &[Scope::Global]), Some(Action::Quit));
        assert_eq!(map.lookup(q, &[Scope::Global]), None);
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
            map.lookup(enter, &[Scope::Outline, Scope::Global]),
            Some(Action::Activate)
        );
        let l: Key = "l".parse().unwrap();
        assert_eq!(map.lookup(l, &[Scope::List, Scope::Global]), None);
        assert_eq!(
            map.lookup(l, &[Scope::Outline, Scope::Global]),
            Some(Action::Expand)
        );
    }
}
