//! Full-text search over the term index: never a scan of all notes.
use std::ops::Range;

use chrono::{DateTime, Utc};
use redb::{ReadOnlyTable, ReadTransaction, ReadableTable, ReadableTableMetadata, TableHandle};
use serde::{Deserialize, Serialize};

use super::Store;
use super::access::Visible;
use super::codec;
use super::error::Result;
use super::index::Indexed;
use super::schema::{self, Kind};
use super::snippet::snippet;
use super::terms::{self, Posting};
use crate::domain::text::query_terms;
use crate::domain::{Client, ClientId, NextStep, Session, Venture};

/// Query words shorter than this match whole words only; longer ones also match word starts.
pub(super) const PREFIX_MIN: usize = 3;

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

/// The postings in every list: the shortest, narrowed by the others.
fn intersection(mut lists: Vec<Vec<Posting>>) -> Vec<Posting> {
    lists.sort_by_key(Vec::len);
    let mut lists = lists.into_iter();
    let mut found = lists.next().unwrap_or_default();
    for other in lists {
        found.retain(|p| other.binary_search(p).is_ok());
    }
    found
}

/// What one search found: hits up to the limit asked for, and whether there are more.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub hits: Vec<SearchHit>,
    pub more: bool,
    /// How many records match in all, when every client may be seen (else it would take
    /// reading each to know).
    pub total: Option<usize>,
}

impl Store {
    /// Records matching every word of `query` (word starts count), clients first, then
    /// sessions (newest first), next steps and ventures; at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        Ok(self.search_in(query, limit, &Visible::everyone())?.hits)
    }

    /// Like `search`, among the clients `visible` allows: only their records are read in full,
    /// so a narrow caseload does not pay for building hits it may not see.
    pub fn search_in(&self, query: &str, limit: usize, visible: &Visible) -> Result<Found> {
        let words = query_terms(query);
        if words.is_empty() {
            return Ok(Found::default());
        }
        self.read(|tx| {
            let blocks = tx.open_table(schema::TERM_BLOCKS)?;
            let lists = words
                .iter()
                .map(|w| terms::read(&blocks, w, w.chars().count() >= PREFIX_MIN))
                .collect::<Result<_>>()?;
            let found = intersection(lists);
            let records = Records::open(tx)?;
            let mut walk = Walk {
                records: &records,
                visible,
                words: &words,
                limit,
                found: Found::default(),
            };
            walk.all(&found)?;
            let mut out = walk.found;
            if visible.is_everyone() {
                let shown = |p: &&Posting| Kind::from_u8(p.0).is_some_and(|k| k != Kind::Milestone);
                out.total = Some(found.iter().filter(shown).count());
            }
            out.hits.sort_by(|a, b| {
                rank(a.kind)
                    .cmp(&rank(b.kind))
                    .then(b.at.cmp(&a.at))
                    .then(b.id.cmp(&a.id))
            });
            Ok(out)
        })
    }
}

/// The postings of one kind, in `found` sorted by kind and id.
fn of_kind(found: &[Posting], kind: Kind) -> &[Posting] {
    let k = kind as u8;
    &found[found.partition_point(|p| p.0 < k)..found.partition_point(|p| p.0 <= k)]
}

/// Hits taken in the order they are shown until the limit: clients, sessions newest first,
/// next steps, then ventures, the newest (highest id) first within each but sessions.
struct Walk<'a> {
    records: &'a Records,
    visible: &'a Visible,
    words: &'a [String],
    limit: usize,
    found: Found,
}

impl Walk<'_> {
    fn all(&mut self, found: &[Posting]) -> Result<()> {
        for (kind, id) in of_kind(found, Kind::Client).iter().rev() {
            if !self.offer(Kind::from_u8(*kind), *id, Some(*id))? {
                return Ok(());
            }
        }
        let sessions: Vec<u64> = of_kind(found, Kind::Session).iter().map(|p| p.1).collect();
        if !self.sessions(&sessions)? {
            return Ok(());
        }
        let mut rest: Vec<Posting> = found
            .iter()
            .filter(|p| p.0 != Kind::Client as u8 && p.0 != Kind::Session as u8)
            .copied()
            .collect();
        rest.sort_unstable_by_key(|p| (rank_of(p.0), std::cmp::Reverse(p.1)));
        for (kind, id) in rest {
            if !self.offer(Kind::from_u8(kind), id, None)? {
                return Ok(());
            }
        }
        Ok(())
    }

    /// Sessions `ids` (sorted), newest first. Many of them are found by walking the centre's
    /// sessions back from the newest; a few are read and sorted.
    fn sessions(&mut self, ids: &[u64]) -> Result<bool> {
        if let Some(times) = &self.records.times {
            let total = usize::try_from(times.len()?).unwrap_or(usize::MAX);
            let wanted = self.limit.saturating_add(1);
            if ids.len().saturating_mul(ids.len()).saturating_mul(8) > wanted.saturating_mul(total)
            {
                for row in times.iter()?.rev() {
                    let (key, client) = row?;
                    let (_, id) = key.value();
                    if ids.binary_search(&id).is_ok()
                        && !self.offer(Some(Kind::Session), id, Some(client.value()))?
                    {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
        }
        let mut dated = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(s) =
                codec::get::<Dated>(&self.records.sessions, schema::SESSIONS.name(), *id)?
            {
                dated.push((s.started_at, *id, s.client_id));
            }
        }
        dated.sort_unstable_by(|a, b| b.cmp(a));
        for (_, id, client) in dated {
            if !self.offer(Some(Kind::Session), id, Some(client))? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Takes one match if its client may be seen; false once the limit is reached, with `more`
    /// set, as this match is one more.
    fn offer(&mut self, kind: Option<Kind>, id: u64, client: Option<ClientId>) -> Result<bool> {
        let Some(kind) = kind else {
            return Ok(true);
        };
        if !self.visible.is_everyone() {
            let client = match client {
                Some(client) => Some(client),
                None => self.records.client_of(kind, id)?,
            };
            if !client.is_some_and(|c| self.visible.allows(c)) {
                return Ok(true);
            }
        }
        if self.found.hits.len() == self.limit {
            self.found.more = true;
            return Ok(false);
        }
        if let Some(hit) = self.records.hit(kind, id, self.words)? {
            self.found.hits.push(hit);
        }
        Ok(true)
    }
}

fn rank_of(kind: u8) -> u8 {
    Kind::from_u8(kind).map_or(3, rank)
}

fn rank(kind: Kind) -> u8 {
    match kind {
        Kind::Client => 0,
        Kind::Session => 1,
        Kind::NextStep => 2,
        _ => 3,
    }
}

/// Just the client a record belongs to, read without its text.
#[derive(Deserialize)]
struct Owner {
    client_id: ClientId,
}

/// Just a session's client and time, read without its note.
#[derive(Deserialize)]
struct Dated {
    client_id: ClientId,
    started_at: DateTime<Utc>,
}

/// Just a client's name, read without the rest of the client.
#[derive(Deserialize)]
struct Named {
    name: String,
}

/// The record tables a search reads, opened once for all its hits.
struct Records {
    clients: ReadOnlyTable<u64, &'static [u8]>,
    sessions: ReadOnlyTable<u64, &'static [u8]>,
    steps: ReadOnlyTable<u64, &'static [u8]>,
    ventures: ReadOnlyTable<u64, &'static [u8]>,
    /// Absent from a file written before it, opened read-only (so not yet brought up to date).
    times: Option<ReadOnlyTable<(i64, u64), u64>>,
}

impl Records {
    fn open(tx: &ReadTransaction) -> Result<Records> {
        Ok(Records {
            clients: tx.open_table(schema::CLIENTS)?,
            sessions: tx.open_table(schema::SESSIONS)?,
            steps: tx.open_table(schema::NEXT_STEPS)?,
            ventures: tx.open_table(schema::VENTURES)?,
            times: match tx.open_table(schema::SESSION_TIMES) {
                Ok(table) => Some(table),
                Err(redb::TableError::TableDoesNotExist(_)) => None,
                Err(e) => return Err(e.into()),
            },
        })
    }

    fn table(&self, kind: Kind) -> Option<(&ReadOnlyTable<u64, &'static [u8]>, &'static str)> {
        match kind {
            Kind::Client => Some((&self.clients, schema::CLIENTS.name())),
            Kind::Session => Some((&self.sessions, schema::SESSIONS.name())),
            Kind::NextStep => Some((&self.steps, schema::NEXT_STEPS.name())),
            Kind::Venture => Some((&self.ventures, schema::VENTURES.name())),
            Kind::Milestone => None,
        }
    }

    /// The client of a record that search shows, if the record is there.
    fn client_of(&self, kind: Kind, id: u64) -> Result<Option<ClientId>> {
        if kind == Kind::Client {
            return Ok(self.clients.get(id)?.map(|_| id));
        }
        let Some((table, name)) = self.table(kind) else {
            return Ok(None);
        };
        Ok(codec::get::<Owner>(table, name, id)?.map(|owner| owner.client_id))
    }

    fn hit(&self, kind: Kind, id: u64, words: &[String]) -> Result<Option<SearchHit>> {
        let Some((table, name)) = self.table(kind) else {
            return Ok(None);
        };
        let found = match kind {
            Kind::Client => codec::get::<Client>(table, name, id)?
                .map(|c| (c.id, Indexed::search_text(&c), None)),
            Kind::Session => codec::get::<Session>(table, name, id)?.map(|s| {
                let text = format!("{} {}", s.notes, s.topics.join(", "));
                (s.client_id, text, Some(s.started_at))
            }),
            Kind::NextStep => {
                codec::get::<NextStep>(table, name, id)?.map(|s| (s.client_id, s.text, None))
            }
            Kind::Venture => codec::get::<Venture>(table, name, id)?
                .map(|v| (v.client_id, Indexed::search_text(&v), None)),
            Kind::Milestone => None,
        };
        let Some((client_id, text, at)) = found else {
            return Ok(None);
        };
        let client_name = codec::get::<Named>(&self.clients, schema::CLIENTS.name(), client_id)?
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
}
