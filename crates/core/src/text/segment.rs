//! One shared jieba instance with the domain word list, built once.

use std::sync::LazyLock;

use jieba_rs::Jieba;

use super::sentences::is_clause_break;

static DOMAIN_WORDS: &str = include_str!("../../../../assets/dict.txt");

static JIEBA: LazyLock<Jieba> = LazyLock::new(|| {
    let mut jieba = Jieba::new();
    for line in DOMAIN_WORDS.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        if let Some(word) = fields.next() {
            let freq = fields.next().and_then(|f| f.parse().ok());
            jieba.add_word(word, freq, None);
        }
    }
    jieba
});

/// The shared segmenter (the first call pays for loading the dictionary).
pub fn jieba() -> &'static Jieba {
    &JIEBA
}

/// Words of `text` with their byte ranges, punctuation and spaces dropped.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    jieba()
        .cut(text, true)
        .into_iter()
        .filter(|t| t.word.chars().any(char::is_alphanumeric))
        .map(|t| (t.byte_start, t.word))
        .collect()
}

/// All tokens of `text`, punctuation included, so that they join back to `text`.
pub fn tokens(text: &str) -> Vec<&str> {
    jieba()
        .cut(text, true)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// Whether `text[start..end]` begins and ends at word boundaries as jieba segments its clause:
/// "部分乡镇" holds no place 分乡镇.
pub fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let from = text[..start].rfind(is_clause_break).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let to = text[end..]
        .find(is_clause_break)
        .map_or(text.len(), |i| end + i);
    let mut at = from;
    let (mut starts, mut ends) = (false, false);
    for token in tokens(&text[from..to]) {
        starts |= at == start;
        at += token.len();
        ends |= at == end;
    }
    starts && ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_words_stay_whole() {
        let w: Vec<&str> = words("严格落实行政执法三项制度，坚持和发展新时代枫桥经验")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert!(w.contains(&"三项制度"), "{w:?}");
        assert!(w.contains(&"枫桥经验"), "{w:?}");
    }

    #[test]
    fn tokens_join_back() {
        let text = "办理行政复议案件76件，调解占比36%。";
        assert_eq!(tokens(text).concat(), text);
    }
}
