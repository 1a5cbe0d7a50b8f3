//! Fuzzy matching of a typed query against many haystacks, folded once when they load, so that
//! case and diacritics never matter and a keystroke costs only what it must: a query that
//! extends the previous one is matched against the previous matches only.
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::domain::text::fold;

/// A haystack that matched, by position, with its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
    pub score: u32,
}

/// The longest query kept; more would not narrow a list of people further.
pub const QUERY_MAX: usize = 100;

pub struct FuzzyIndex {
    haystacks: Vec<Utf32String>,
    matcher: Matcher,
    /// Queries typed so far with their hits, each one extending the one below it.
    history: Vec<(String, Vec<Hit>)>,
}

impl std::fmt::Debug for FuzzyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FuzzyIndex").field("haystacks", &self.haystacks.len()).finish_non_exhaustive()
    }
}

impl Default for FuzzyIndex {
    fn default() -> Self {
        FuzzyIndex::new(std::iter::empty::<String>())
    }
}

impl FuzzyIndex {
    pub fn new<S: AsRef<str>>(haystacks: impl IntoIterator<Item = S>) -> Self {
        let config = Config { prefer_prefix: true, ..Config::DEFAULT };
        FuzzyIndex {
            haystacks: haystacks.into_iter().map(|h| Utf32String::from(fold(h.as_ref()))).collect(),
            matcher: Matcher::new(config),
            history: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.haystacks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.haystacks.is_empty()
    }

    /// The haystacks matching every word of `query`, in haystack order; `None` when the query
    /// has no words, which matches everything.
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
            let hits = match self.history.last() {
                Some((_, earlier)) => self.score(&atoms, earlier.iter().map(|h| h.index)),
                None => self.score(&atoms, 0..self.haystacks.len() as u32),
            };
            self.history.push((folded, hits));
        }
        self.history.last().map(|(_, hits)| hits.as_slice())
    }

    fn score(&mut self, atoms: &[Atom], candidates: impl Iterator<Item = u32>) -> Vec<Hit> {
        let mut hits = Vec::new();
        'candidates: for index in candidates {
            let Some(haystack) = self.haystacks.get(index as usize) else { continue };
            let mut score = 0u32;
            for atom in atoms {
                match atom.score(haystack.slice(..), &mut self.matcher) {
                    Some(s) => score += u32::from(s),
                    None => continue 'candidates,
                }
            }
            hits.push(Hit { index, score });
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indices(index: &mut FuzzyIndex, query: &str) -> Option<Vec<u32>> {
        index.matches(query).map(|hits| hits.iter().map(|h| h.index).collect())
    }

    #[test]
    fn folds_case_and_diacritics_on_both_sides() {
        let mut index = FuzzyIndex::new(["Nguyễn Thị Lan", "Bjørn Ærø", "Жанна Петрова", "Leyla"]);
        assert_eq!(indices(&mut index, "nguyen"), Some(vec![0]));
        assert_eq!(indices(&mut index, "NGUYỄN"), Some(vec![0]));
        assert_eq!(indices(&mut index, "bjorn"), Some(vec![1]));
        assert_eq!(indices(&mut index, "БJ"), Some(vec![]));
        assert_eq!(indices(&mut index, "жан"), Some(vec![2]));
        assert_eq!(indices(&mut index, "   "), None);
    }

    #[test]
    fn every_word_must_match_somewhere() {
        let mut index = FuzzyIndex::new(["amina oslo cafe", "amina bergen", "oslo taxi"]);
        assert_eq!(indices(&mut index, "amina oslo"), Some(vec![0]));
        assert_eq!(indices(&mut index, "oslo"), Some(vec![0, 2]));
    }

    #[test]
    fn narrowing_and_widening_give_the_same_as_from_scratch() {
        let texts = ["ana", "anna", "hanna", "jonas", "dana", "ivan"];
        let mut typed = FuzzyIndex::new(texts);
        for query in ["a", "an", "ann", "an", "a", "anx", "an", "n a", "na"] {
            let mut fresh = FuzzyIndex::new(texts);
            assert_eq!(typed.matches(query), fresh.matches(query), "{query}");
        }
    }

    #[test]
    fn better_matches_score_higher() {
        let mut index = FuzzyIndex::new(["xaxxmxixnxa", "amina"]);
        let hits = index.matches("amina").unwrap().to_vec();
        assert_eq!(hits.len(), 2);
        assert!(hits[1].score > hits[0].score);
    }
}
