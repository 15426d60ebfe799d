//! The words the indicator grammar reads, from `[lexicon]` of `assets/indicators.toml`.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::parse::numbers::Folded;

pub(super) static SOURCE: &str = include_str!("../../../../../assets/indicators.toml");

/// A word list matched on folded chars, longest word first.
#[derive(Debug, Default)]
pub(super) struct Words(Vec<Vec<char>>);

impl Words {
    fn new(list: &[String]) -> Words {
        let mut words: Vec<Vec<char>> = list
            .iter()
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().collect())
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        Words(words)
    }

    /// The longest word starting at `i`, as its char length.
    pub(super) fn at(&self, f: &Folded, i: usize) -> Option<usize> {
        self.0.iter().find(|w| f.at(i, w)).map(Vec::len)
    }

    /// The longest word ending just before `end`, as its char length.
    pub(super) fn ending(&self, f: &Folded, end: usize) -> Option<usize> {
        self.0.iter().find(|w| f.ends_at(end, w)).map(Vec::len)
    }

    /// The longest word `s` starts with, as its char length.
    pub(super) fn prefix_of(&self, s: &[char]) -> Option<usize> {
        self.0.iter().find(|w| s.starts_with(w)).map(Vec::len)
    }

    /// The longest word `s` ends with, as its char length.
    pub(super) fn suffix_of(&self, s: &[char]) -> Option<usize> {
        self.0.iter().find(|w| s.ends_with(w)).map(Vec::len)
    }

    /// Whether some word occurs anywhere in `s`.
    pub(super) fn occurs_in(&self, s: &[char]) -> bool {
        self.0
            .iter()
            .any(|w| s.windows(w.len()).any(|x| x == w.as_slice()))
    }

    /// Whether `s` is exactly one of the words.
    pub(super) fn contains(&self, s: &[char]) -> bool {
        self.0.iter().any(|w| w.as_slice() == s)
    }
}

#[derive(Debug, Deserialize)]
struct File {
    lexicon: Raw,
}

#[derive(Debug, Deserialize)]
struct Raw {
    count_units: Vec<String>,
    money_units: Vec<String>,
    percent_units: Vec<String>,
    point_units: Vec<String>,
    times_units: Vec<String>,
    approximate_prefix: Vec<String>,
    approximate_suffix: Vec<String>,
    at_least_prefix: Vec<String>,
    at_least_infix: Vec<String>,
    at_least_suffix: Vec<String>,
    at_most_prefix: Vec<String>,
    at_most_suffix: Vec<String>,
    total_prefix: Vec<String>,
    total_lead: Vec<String>,
    increase: Vec<String>,
    decrease: Vec<String>,
    comparison: Vec<String>,
    from_words: Vec<String>,
    to_words: Vec<String>,
    lead_fillers: Vec<String>,
    trail_fillers: Vec<String>,
    rate_suffixes: Vec<String>,
    prepositions: Vec<String>,
    connectors: Vec<String>,
    after_stops: Vec<String>,
    money_words: Vec<String>,
    name_max: f64,
    name_classifiers: Vec<String>,
    name_nouns: Vec<String>,
    hotlines: Vec<String>,
    code_after: Vec<String>,
    code_before: Vec<String>,
}

/// The lexicon, each list ready for matching.
#[derive(Debug)]
pub(super) struct Lexicon {
    pub count_units: Words,
    pub money_units: Words,
    pub percent_units: Words,
    pub point_units: Words,
    pub times_units: Words,
    pub approximate_prefix: Words,
    pub approximate_suffix: Words,
    pub at_least_prefix: Words,
    pub at_least_infix: Words,
    pub at_least_suffix: Words,
    pub at_most_prefix: Words,
    pub at_most_suffix: Words,
    pub total_prefix: Words,
    pub total_lead: Words,
    pub increase: Words,
    pub decrease: Words,
    pub comparison: Words,
    pub from_words: Words,
    pub to_words: Words,
    pub lead_fillers: Words,
    pub trail_fillers: Words,
    pub rate_suffixes: Words,
    pub prepositions: Words,
    pub connectors: Words,
    pub after_stops: Words,
    pub money_words: Words,
    pub name_max: f64,
    pub name_classifiers: Words,
    pub name_nouns: Words,
    pub hotlines: Words,
    pub code_after: Words,
    pub code_before: Words,
}

impl Lexicon {
    fn parse(source: &str) -> Result<Lexicon, toml::de::Error> {
        let r = toml::from_str::<File>(source)?.lexicon;
        Ok(Lexicon {
            count_units: Words::new(&r.count_units),
            money_units: Words::new(&r.money_units),
            percent_units: Words::new(&r.percent_units),
            point_units: Words::new(&r.point_units),
            times_units: Words::new(&r.times_units),
            approximate_prefix: Words::new(&r.approximate_prefix),
            approximate_suffix: Words::new(&r.approximate_suffix),
            at_least_prefix: Words::new(&r.at_least_prefix),
            at_least_infix: Words::new(&r.at_least_infix),
            at_least_suffix: Words::new(&r.at_least_suffix),
            at_most_prefix: Words::new(&r.at_most_prefix),
            at_most_suffix: Words::new(&r.at_most_suffix),
            total_prefix: Words::new(&r.total_prefix),
            total_lead: Words::new(&r.total_lead),
            increase: Words::new(&r.increase),
            decrease: Words::new(&r.decrease),
            comparison: Words::new(&r.comparison),
            from_words: Words::new(&r.from_words),
            to_words: Words::new(&r.to_words),
            lead_fillers: Words::new(&r.lead_fillers),
            trail_fillers: Words::new(&r.trail_fillers),
            rate_suffixes: Words::new(&r.rate_suffixes),
            prepositions: Words::new(&r.prepositions),
            connectors: Words::new(&r.connectors),
            after_stops: Words::new(&r.after_stops),
            money_words: Words::new(&r.money_words),
            name_max: r.name_max,
            name_classifiers: Words::new(&r.name_classifiers),
            name_nouns: Words::new(&r.name_nouns),
            hotlines: Words::new(&r.hotlines),
            code_after: Words::new(&r.code_after),
            code_before: Words::new(&r.code_before),
        })
    }
}

/// The lexicon shipped in the binary.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        Lexicon::parse(SOURCE).expect("assets/indicators.toml [lexicon] is valid (tested)")
    });
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let lex = Lexicon::parse(SOURCE).unwrap();
        assert!(lex.count_units.contains(&['件']));
        assert!(lex.name_max >= 1.0);
    }
}
