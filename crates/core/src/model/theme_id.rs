//! Theme ids, interned: a loaded corpus holds about a hundred theme scores a report (sections,
//! measures, indicators), and a `String` each (64 bytes with its text) spelt the same dozen ids
//! a million times at 10,000 reports.

use std::collections::HashSet;
use std::fmt;
use std::sync::{LazyLock, RwLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A theme id from `assets/themes.toml` or the user's themes ("enforcement", "disputes", …):
/// one copy of each id's text for the whole process, so an id is a pointer, compared and hashed
/// as one, and ordered as its text.
#[derive(Clone, Copy)]
pub struct ThemeId(&'static str);

/// Every id's text seen. Never forgotten: there are as many as the taxonomies and stores a
/// process reads name, a few dozen.
static TABLE: LazyLock<RwLock<HashSet<&'static str>>> = LazyLock::new(RwLock::default);

impl ThemeId {
    pub fn new(id: &str) -> ThemeId {
        if let Ok(table) = TABLE.read()
            && let Some(&text) = table.get(id)
        {
            return ThemeId(text);
        }
        // A poisoned table only means another thread panicked while adding an id; a set of
        // leaked strings is whole at every step.
        let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&text) = table.get(id) {
            return ThemeId(text);
        }
        let text: &'static str = Box::leak(id.to_owned().into_boxed_str());
        table.insert(text);
        ThemeId(text)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The ids' texts joined by `sep` ("rules,enforcement").
    pub fn join(ids: &[ThemeId], sep: &str) -> String {
        ids.iter().map(|id| id.0).collect::<Vec<_>>().join(sep)
    }
}

impl PartialEq for ThemeId {
    fn eq(&self, other: &ThemeId) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for ThemeId {}

impl std::hash::Hash for ThemeId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.0, state);
    }
}

impl PartialEq<str> for ThemeId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ThemeId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for ThemeId {
    fn partial_cmp(&self, other: &ThemeId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ThemeId {
    fn cmp(&self, other: &ThemeId) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for ThemeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ThemeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ThemeId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ThemeId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ThemeId, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(ThemeId::new(&id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_its_text_in_every_way_a_user_sees() {
        let a = ThemeId::new("enforcement");
        assert_eq!(a, ThemeId::new("enforcement"));
        assert_ne!(a, ThemeId::new("disputes"));
        assert_eq!(a.as_str(), "enforcement");
        assert_eq!(a, "enforcement");
        // Ordered as text, not as first seen.
        let (z, b) = (ThemeId::new("zz-theme"), ThemeId::new("bb-theme"));
        assert!(b < z);
        let json = serde_json::to_string(&vec![a, b]).unwrap();
        assert_eq!(json, r#"["enforcement","bb-theme"]"#);
        let back: Vec<ThemeId> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![a, b]);
    }
}
