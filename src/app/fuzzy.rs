//! Fuzzy matching of a typed query against many entries, folded once when they load, so that
//! case and diacritics never matter and a keystroke costs only what it must: a query that
//! extends the previous one is matched against the previous matches only. Each entry has a
//! primary text (a name) whose matches rank above those in its secondary text (everything else).
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::domain::text::fold;

/// An entry that matched, by position, with its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
    pub score: u32,
}

/// The longest query kept; more would not narrow a list of people further.
pub const QUERY_MAX: usize = 100;

/// Added to a word's score when it matches the primary text, so those matches come first.
const PRIMARY_BONUS: u32 = 1000;

struct Entry {
    primary: Utf32String,
    secondary: Utf32String,
}

pub struct FuzzyIndex {
    entries: Vec<Entry>,
    matcher: Matcher,
    /// Queries typed so far with their hits, each one extending the one below it.
    history: Vec<(String, Vec<Hit>)>,
}

impl std::fmt::Debug for FuzzyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FuzzyIndex").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

impl Default for FuzzyIndex {
    fn default() -> Self {
        FuzzyIndex::new(std::iter::empty::<(String, String)>())
    }
}

impl FuzzyIndex {
    /// Entries as (primary, secondary) text.
    pub fn new<P: AsRef<str>, S: AsRef<str>>(entries: impl IntoIterator<Item = (P, S)>) -> Self {
        let folded = |text: &str| Utf32String::from(fold(text));
        FuzzyIndex {
            entries: entries
                .into_iter()
                .map(|(p, s)| Entry { primary: folded(p.as_ref()), secondary: folded(s.as_ref()) })
                .collect(),
            matcher: Matcher::new(Config::DEFAULT),
            history: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries matching every word of `query` (each word within one text), in entry order;
    /// `None` when the query has no words, which matches everything.
    pub fn matches(&mut self, query: &str) -> Option<&[Hit]> {
        let folded: String = fold(query).chars().take(QUERY_MAX).collect();
        let atoms: Vec<Atom> = folded
            .split_whitespace()
            .map(|word| Atom::new(word, CaseMatching::Respect, Normalization::Never, AtomKind::Fuzzy, false))
            .collect();
        if atoms.is_empty() {
            return None;
        }
        while self.history.last().is_some_and(|(earlier, _)| !folded.starts_with(earlier.as_str())) {
            self.history.pop();
        }
        if self.history.last().is_none_or(|(earlier, _)| *earlier != folded) {
            let (matcher, entries) = (&mut self.matcher, &self.entries);
            let hits = match self.history.last() {
                Some((_, earlier)) => score(matcher, entries, &atoms, earlier.iter().map(|h| h.index)),
                None => score(matcher, entries, &atoms, 0..entries.len() as u32),
            };
            self.history.push((folded, hits));
        }
        self.history.last().map(|(_, hits)| hits.as_slice())
    }
}

fn score(matcher: &mut Matcher, entries: &[Entry], atoms: &[Atom], candidates: impl Iterator<Item = u32>) -> Vec<Hit> {
    let mut hits = Vec::new();
    'candidates: for index in candidates {
        let Some(entry) = entries.get(index as usize) else { continue };
        let mut total = 0u32;
        for atom in atoms {
            let primary = atom.score(entry.primary.slice(..), matcher).map(|s| u32::from(s) + PRIMARY_BONUS);
            match primary.or_else(|| atom.score(entry.secondary.slice(..), matcher).map(u32::from)) {
                Some(s) => total += s,
                None => continue 'candidates,
            }
        }
        hits.push(Hit { index, score: total });
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index<const N: usize>(entries: [(&str, &str); N]) -> FuzzyIndex {
        FuzzyIndex::new(entries)
    }

    fn indices(index: &mut FuzzyIndex, query: &str) -> Option<Vec<u32>> {
        index.matches(query).map(|hits| hits.iter().map(|h| h.index).collect())
    }

    #[test]
    fn folds_case_and_diacritics_on_both_sides() {
        let mut index = index([("Nguyễn Thị Lan", ""), ("Bjørn Ærø", ""), ("Жанна Петрова", ""), ("Leyla", "")]);
        assert_eq!(indices(&mut index, "nguyen"), Some(vec![0]));
        assert_eq!(indices(&mut index, "NGUYỄN"), Some(vec![0]));
        assert_eq!(indices(&mut index, "bjorn"), Some(vec![1]));
        assert_eq!(indices(&mut index, "БJ"), Some(vec![]));
        assert_eq!(indices(&mut index, "жан"), Some(vec![2]));
        assert_eq!(indices(&mut index, "   "), None);
    }

    #[test]
    fn every_word_must_match_within_one_text() {
        let mut index = index([("amina", "oslo cafe"), ("amina", "bergen"), ("ola", "oslo taxi")]);
        assert_eq!(indices(&mut index, "amina oslo"), Some(vec![0]));
        assert_eq!(indices(&mut index, "oslo"), Some(vec![0, 2]));
        assert_eq!(indices(&mut index, "aosl"), Some(vec![]), "no word spans the name and the rest");
    }

    #[test]
    fn narrowing_and_widening_give_the_same_as_from_scratch() {
        let entries = [("ana", ""), ("anna", "x"), ("hanna", ""), ("jonas", "a n"), ("dana", ""), ("ivan", "")];
        let mut typed = index(entries);
        for query in ["a", "an", "ann", "an", "a", "anx", "an", "n a", "na"] {
            let mut fresh = index(entries);
            assert_eq!(typed.matches(query), fresh.matches(query), "{query}");
        }
    }

    #[test]
    fn names_rank_above_the_rest_and_close_matches_above_loose_ones() {
        let mut index = index([("ahmed rasul", "ahmedrasul@live.no"), ("yousef khalil", ""), ("xaxxlxxi", "")]);
        let hits = index.matches("ali").unwrap().to_vec();
        assert_eq!(hits.len(), 3);
        assert!(hits[1].score > hits[2].score, "{hits:?}");
        assert!(hits[2].score > hits[0].score, "{hits:?}");
    }
}
