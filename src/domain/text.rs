//! Text helpers shared by search, filtering and display: folding, tokens, inert control characters.
use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Lowercase with diacritics removed, so that "Nguyễn", "NGUYEN" and "nguyen" compare equal.
pub fn fold(s: &str) -> String {
    // Most names and notes are plain ASCII, which has nothing to decompose: the client list
    // folds 40,000 texts at national scale before its first frame.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    fold_unicode(s)
}

fn fold_unicode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ø' | 'Ø' => out.push('o'),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            'đ' | 'Đ' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ı' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Scripts written without spaces between words: each character is its own token.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The folded words of a text, in order, duplicates kept.
pub fn tokens(s: &str) -> Vec<String> {
    let folded = fold(s);
    let mut out = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if is_unspaced(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// English and Norwegian words in nearly every note: indexing them would make the index much
/// larger and find nothing useful.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "de", "den", "det", "en", "er", "et",
    "for", "from", "han", "har", "he", "her", "his", "hun", "i", "ikke", "in", "is", "it", "jeg",
    "med", "of", "og", "om", "on", "or", "pa", "she", "som", "that", "the", "their", "they",
    "this", "til", "to", "vi", "was", "we", "were", "with",
];

/// Whether a folded word is worth a place in the search index.
fn is_term(word: &str) -> bool {
    let mut chars = word.chars();
    let single = chars
        .next()
        .is_some_and(|c| chars.next().is_none() && !is_unspaced(c));
    !single && STOPWORDS.binary_search(&word).is_err()
}

/// The words of a query that the index can answer.
pub fn query_terms(s: &str) -> Vec<String> {
    tokens(s).into_iter().filter(|t| is_term(t)).collect()
}

/// The distinct folded words of a text, capped in length so one huge word cannot bloat the index.
pub fn index_terms(s: &str) -> Vec<String> {
    let mut terms: Vec<String> = tokens(s)
        .into_iter()
        .filter(|t| is_term(t))
        .map(|t| t.chars().take(40).collect())
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

/// Text as it may be drawn or printed: control characters become visible symbols and never act
/// on the terminal. Line breaks and tabs are kept when `multiline`.
pub fn inert(s: &str, multiline: bool) -> Cow<'_, str> {
    let acts = |c: char| c.is_control() && !(multiline && matches!(c, '\n' | '\t'));
    if !s.chars().any(acts) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c as u32 {
                _ if !acts(c) => c,
                0x00..=0x1F => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                0x7F => '\u{2421}',
                _ => '\u{FFFD}',
            })
            .collect(),
    )
}

/// Display columns a text takes in a terminal.
pub fn width(s: &str) -> usize {
    s.width()
}

/// Cuts `s` to at most `max` display columns, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if s.width() <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_folds_as_the_full_path_would() {
        let every: String = (0u8..128).map(char::from).collect();
        assert_eq!(fold(&every), fold_unicode(&every));
        assert_eq!(fold("NGUYEN Lan-Anh, 42"), "nguyen lan-anh, 42");
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Nguyễn Thị"), "nguyen thi");
        assert_eq!(fold("Bjørn Ærø"), "bjorn aero");
        assert_eq!(fold("ÅSE"), "ase");
        assert_eq!(fold("Жанна"), "жанна");
        assert_eq!(fold("مُحَمَّد"), "محمد");
    }

    #[test]
    fn tokens_in_any_script() {
        assert_eq!(
            tokens("Kebab-bar i Grünerløkka!"),
            vec!["kebab", "bar", "i", "grunerlokka"]
        );
        assert_eq!(tokens("王芳 cafe"), vec!["王", "芳", "cafe"]);
        assert_eq!(tokens("ሰላም ገብረ"), vec!["ሰላም", "ገብረ"]);
        assert_eq!(index_terms("bb a bb the Bakery"), vec!["bakery", "bb"]);
        assert_eq!(index_terms("王 x"), vec!["王"]);
        assert!(
            STOPWORDS.windows(2).all(|w| w[0] < w[1]),
            "STOPWORDS must stay sorted"
        );
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("王芳王芳", 5), "王芳…");
        assert_eq!(width("王芳"), 4);
    }

    #[test]
    fn inert_defuses_escape_sequences() {
        assert_eq!(inert("plain", false), "plain");
        let hostile = "x\u{1b}]0;pwned\u{7}y\u{9b}2J\nz";
        let shown = inert(hostile, true);
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        assert!(shown.contains('\u{241b}'));
        assert!(shown.contains('\n'));
        assert!(!inert("a\nb", false).contains('\n'));
    }
}
