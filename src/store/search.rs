//! Full-text search over the term index: never a scan of all notes.
use std::collections::BTreeSet;
use std::ops::Range;

use chrono::{DateTime, Utc};
use redb::{ReadTransaction, ReadableMultimapTable, TableHandle};
use serde::Serialize;

use super::Store;
use super::codec;
use super::error::Result;
use super::schema::{self, Kind, TERMS};
use crate::domain::text::{fold, query_terms};
use crate::domain::{Client, ClientId, NextStep, Session, Venture};

/// Query words shorter than this match whole words only; longer ones also match word starts.
const PREFIX_MIN: usize = 3;
const SNIPPET_CHARS: usize = 90;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub kind: Kind,
    pub id: u64,
    pub client_id: ClientId,
    pub client_name: String,
    pub snippet: String,
    /// Byte ranges of the matched words within `snippet`, for highlighting.
    #[serde(skip)]
    pub highlights: Vec<Range<usize>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<Utc>>,
}

fn postings(
    terms: &impl ReadableMultimapTable<&'static str, (u8, u64)>,
    word: &str,
) -> Result<BTreeSet<(u8, u64)>> {
    let mut out = BTreeSet::new();
    if word.chars().count() < PREFIX_MIN {
        for v in terms.get(word)? {
            out.insert(v?.value());
        }
        return Ok(out);
    }
    for row in terms.range(word..)? {
        let (k, values) = row?;
        if !k.value().starts_with(word) {
            break;
        }
        for v in values {
            out.insert(v?.value());
        }
    }
    Ok(out)
}

impl Store {
    /// Records matching every word of `query` (word starts count), newest sessions first, then
    /// clients, next steps and ventures; at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words = query_terms(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|tx| {
            let terms = tx.open_multimap_table(TERMS)?;
            let mut sets: Vec<BTreeSet<(u8, u64)>> = words
                .iter()
                .map(|w| postings(&terms, w))
                .collect::<Result<_>>()?;
            sets.sort_by_key(BTreeSet::len);
            let mut found = sets.remove(0);
            for s in &sets {
                found.retain(|x| s.contains(x));
            }
            let mut order: Vec<(u8, u64)> = found.into_iter().collect();
            order.sort_by_key(|(k, id)| (rank(*k), std::cmp::Reverse(*id)));
            let mut hits = Vec::new();
            for (kind, id) in order {
                if hits.len() >= limit {
                    break;
                }
                if let Some(hit) = hit(tx, kind, id, &words)? {
                    hits.push(hit);
                }
            }
            hits.sort_by(|a, b| {
                rank(a.kind as u8)
                    .cmp(&rank(b.kind as u8))
                    .then(b.at.cmp(&a.at))
                    .then(b.id.cmp(&a.id))
            });
            Ok(hits)
        })
    }
}

fn rank(kind: u8) -> u8 {
    match Kind::from_u8(kind) {
        Some(Kind::Client) => 0,
        Some(Kind::Session) => 1,
        Some(Kind::NextStep) => 2,
        _ => 3,
    }
}

fn hit(tx: &ReadTransaction, kind: u8, id: u64, words: &[String]) -> Result<Option<SearchHit>> {
    let (kind, client_id, text, at) = match Kind::from_u8(kind) {
        Some(Kind::Client) => match codec::get::<Client>(
            &tx.open_table(schema::CLIENTS)?,
            schema::CLIENTS.name(),
            id,
        )? {
            Some(c) => {
                let text = super::index::Indexed::search_text(&c);
                (Kind::Client, c.id, text, None)
            }
            None => return Ok(None),
        },
        Some(Kind::Session) => match codec::get::<Session>(
            &tx.open_table(schema::SESSIONS)?,
            schema::SESSIONS.name(),
            id,
        )? {
            Some(s) => (
                Kind::Session,
                s.client_id,
                format!("{} {}", s.notes, s.topics.join(", ")),
                Some(s.started_at),
            ),
            None => return Ok(None),
        },
        Some(Kind::NextStep) => match codec::get::<NextStep>(
            &tx.open_table(schema::NEXT_STEPS)?,
            schema::NEXT_STEPS.name(),
            id,
        )? {
            Some(s) => (Kind::NextStep, s.client_id, s.text, None),
            None => return Ok(None),
        },
        Some(Kind::Venture) => match codec::get::<Venture>(
            &tx.open_table(schema::VENTURES)?,
            schema::VENTURES.name(),
            id,
        )? {
            Some(v) => (
                Kind::Venture,
                v.client_id,
                super::index::Indexed::search_text(&v),
                None,
            ),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    let client_name = codec::get::<Client>(
        &tx.open_table(schema::CLIENTS)?,
        schema::CLIENTS.name(),
        client_id,
    )?
    .map(|c| c.name)
    .unwrap_or_default();
    let (snippet, highlights) = snippet(&text, words);
    Ok(Some(SearchHit {
        kind,
        id,
        client_id,
        client_name,
        snippet,
        highlights,
        at,
    }))
}

/// A one-line excerpt of `text` around the first matched word, with the matches marked.
pub fn snippet(text: &str, words: &[String]) -> (String, Vec<Range<usize>>) {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let matches = |w: &str| {
        let f = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
        !f.is_empty()
            && words.iter().any(|q| {
                if q.chars().count() < PREFIX_MIN {
                    f == *q
                } else {
                    f.starts_with(q.as_str())
                }
            })
    };
    let spans: Vec<(usize, &str)> = flat
        .split(' ')
        .scan(0, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let first = spans.iter().position(|(_, w)| matches(w)).unwrap_or(0);
    let mut begin = first;
    let mut chars = 0;
    while begin > 0 && chars + spans[begin - 1].1.chars().count() < SNIPPET_CHARS / 3 {
        begin -= 1;
        chars += spans[begin].1.chars().count() + 1;
    }
    let mut out = String::new();
    let mut highlights = Vec::new();
    if begin > 0 {
        out.push_str("… ");
    }
    for (_, w) in spans.iter().skip(begin) {
        if out.chars().count() + w.chars().count() > SNIPPET_CHARS {
            out.push('…');
            break;
        }
        if matches(w) {
            highlights.push(out.len()..out.len() + w.len());
        }
        out.push_str(w);
        out.push(' ');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    (out, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_matches() {
        let (s, h) = snippet(
            "We talked about the Kebab bar budget and   the lease.",
            &["kebab".into()],
        );
        assert_eq!(&s[h[0].clone()], "Kebab");
        assert!(s.starts_with("We talked"));
    }
}
