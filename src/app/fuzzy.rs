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
    /// The part of `score` from the last word, so that extending that word rescores only it.
    last: u32,
}

/// The longest query kept; more would not narrow a list of people further.
pub const QUERY_MAX: usize = 100;

/// Added to a word's score when it matches the primary text, so those matches come first.
const PRIMARY_BONUS: u32 = 1000;

struct Entry {
    primary: Utf32String,
    secondary: Utf32String,
}

/// A query as folded words, with the entries it matched.
struct Query {
    words: Vec<String>,
    hits: Vec<Hit>,
}

/// How a new query narrows an earlier one: then it can only match what the earlier one did.
enum Narrowing {
    Same,
    /// The last word grew.
    LastWord,
    /// Words were added after the earlier ones, from this position.
    MoreWords(usize),
}

fn narrowing(earlier: &[String], new: &[String]) -> Option<Narrowing> {
    let (Some((last, rest)), Some((old_last, old_rest))) = (new.split_last(), earlier.split_last())
    else {
        return None;
    };
    if earlier == new {
        Some(Narrowing::Same)
    } else if new.len() > earlier.len() && new.starts_with(earlier) {
        Some(Narrowing::MoreWords(earlier.len()))
    } else if rest == old_rest && last.starts_with(old_last.as_str()) {
        Some(Narrowing::LastWord)
    } else {
        None
    }
}

pub struct FuzzyIndex {
    entries: Vec<Entry>,
    matcher: Matcher,
    /// Queries typed so far, each one narrowing the one below it.
    history: Vec<Query>,
}

impl std::fmt::Debug for FuzzyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FuzzyIndex")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
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
                .map(|(p, s)| Entry {
                    primary: folded(p.as_ref()),
                    secondary: folded(s.as_ref()),
                })
                .collect(),
            matcher: Matcher::new(config()),
            history: Vec::new(),
        }
    }

    /// The entries matching every word of `query` (each word within one text), in entry order;
    /// `None` when the query has no words, which matches everything.
    pub fn matches(&mut self, query: &str) -> Option<&[Hit]> {
        let folded: String = fold(query).chars().take(QUERY_MAX).collect();
        let words: Vec<String> = folded.split_whitespace().map(String::from).collect();
        if words.is_empty() {
            return None;
        }
        while self
            .history
            .last()
            .is_some_and(|q| narrowing(&q.words, &words).is_none())
        {
            self.history.pop();
        }
        let step = self
            .history
            .last()
            .and_then(|q| narrowing(&q.words, &words));
        if matches!(step, Some(Narrowing::Same)) {
            return self.history.last().map(|q| q.hits.as_slice());
        }
        let atom = |word: &String| {
            Atom::new(
                word,
                CaseMatching::Respect,
                Normalization::Never,
                AtomKind::Fuzzy,
                false,
            )
        };
        let (matcher, entries) = (&mut self.matcher, &self.entries);
        let hits = match (self.history.last(), step) {
            (Some(earlier), Some(Narrowing::LastWord)) => {
                let atoms: Vec<Atom> = words.last().map(atom).into_iter().collect();
                narrow(
                    matcher,
                    entries,
                    &atoms,
                    earlier.hits.iter().map(|h| (h.index, h.score - h.last)),
                )
            }
            (Some(earlier), Some(Narrowing::MoreWords(from))) => {
                let atoms: Vec<Atom> = words[from..].iter().map(atom).collect();
                narrow(
                    matcher,
                    entries,
                    &atoms,
                    earlier.hits.iter().map(|h| (h.index, h.score)),
                )
            }
            _ => {
                let atoms: Vec<Atom> = words.iter().map(atom).collect();
                narrow(
                    matcher,
                    entries,
                    &atoms,
                    (0..entries.len() as u32).map(|i| (i, 0)),
                )
            }
        };
        self.history.push(Query { words, hits });
        self.history.last().map(|q| q.hits.as_slice())
    }
}

/// Texts and queries are folded already: the matcher need not fold case or normalise again.
fn config() -> Config {
    let mut config = Config::DEFAULT;
    config.ignore_case = false;
    config.normalize = false;
    config
}

/// The candidates, each with the score it has so far, that match every one of `atoms` too.
fn narrow(
    matcher: &mut Matcher,
    entries: &[Entry],
    atoms: &[Atom],
    candidates: impl Iterator<Item = (u32, u32)>,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    'candidates: for (index, base) in candidates {
        let Some(entry) = entries.get(index as usize) else {
            continue;
        };
        let (mut score, mut last) = (base, 0);
        for atom in atoms {
            match score_word(matcher, entry, atom) {
                Some(s) => (score, last) = (score + s, s),
                None => continue 'candidates,
            }
        }
        hits.push(Hit { index, score, last });
    }
    hits
}

/// A word's score in the name, or else in the rest. Greedy matching is linear in the text and
/// ranks names about as well as the exact (quadratic) one, at under half the cost per keystroke.
fn score_word(matcher: &mut Matcher, entry: &Entry, atom: &Atom) -> Option<u32> {
    match matcher.fuzzy_match_greedy(entry.primary.slice(..), atom.needle_text()) {
        Some(s) => Some(u32::from(s) + PRIMARY_BONUS),
        None => matcher
            .fuzzy_match_greedy(entry.secondary.slice(..), atom.needle_text())
            .map(u32::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index<const N: usize>(entries: [(&str, &str); N]) -> FuzzyIndex {
        FuzzyIndex::new(entries)
    }

    fn indices(index: &mut FuzzyIndex, query: &str) -> Option<Vec<u32>> {
        index
            .matches(query)
            .map(|hits| hits.iter().map(|h| h.index).collect())
    }

    #[test]
    fn folds_case_and_diacritics_on_both_sides() {
        let mut index = index([
            ("Nguyễn Thị Lan", ""),
            ("Bjørn Ærø", ""),
            ("Жанна Петрова", ""),
            ("Leyla", ""),
        ]);
        assert_eq!(indices(&mut index, "nguyen"), Some(vec![0]));
        assert_eq!(indices(&mut index, "NGUYỄN"), Some(vec![0]));
        assert_eq!(indices(&mut index, "bjorn"), Some(vec![1]));
        assert_eq!(indices(&mut index, "БJ"), Some(vec![]));
        assert_eq!(indices(&mut index, "жан"), Some(vec![2]));
        assert_eq!(indices(&mut index, "   "), None);
    }

    #[test]
    fn every_word_must_match_within_one_text() {
        let mut index = index([
            ("amina", "oslo cafe"),
            ("amina", "bergen"),
            ("ola", "oslo taxi"),
        ]);
        assert_eq!(indices(&mut index, "amina oslo"), Some(vec![0]));
        assert_eq!(indices(&mut index, "oslo"), Some(vec![0, 2]));
        assert_eq!(
            indices(&mut index, "aosl"),
            Some(vec![]),
            "no word spans the name and the rest"
        );
    }

    #[test]
    fn narrowing_and_widening_give_the_same_as_from_scratch() {
        let entries = [
            ("ana", ""),
            ("anna", "x"),
            ("hanna", ""),
            ("jonas", "a n"),
            ("dana", ""),
            ("ivan", ""),
        ];
        let mut typed = index(entries);
        let typing = [
            "a", "an", "ann", "an", "a", "anx", "an", "n a", "n an", "n a", "n ", "na", "na  ",
            "na j", "n",
        ];
        for query in typing {
            let mut fresh = index(entries);
            assert_eq!(typed.matches(query), fresh.matches(query), "{query}");
        }
    }

    #[test]
    fn names_rank_above_the_rest_and_close_matches_above_loose_ones() {
        let mut index = index([
            ("ahmed rasul", "ahmedrasul@live.no"),
            ("yousef khalil", ""),
            ("xaxxlxxi", ""),
        ]);
        let hits = index.matches("ali").unwrap().to_vec();
        assert_eq!(hits.len(), 3);
        assert!(hits[1].score > hits[2].score, "{hits:?}");
        assert!(hits[2].score > hits[0].score, "{hits:?}");
    }
}
