//! Records and the indexes kept with them in the same transaction: search terms, a client's
//! records, a client's timeline and the open next steps by due date.
use std::collections::HashMap;

use redb::{ReadableTable, TableDefinition, TableHandle, WriteTransaction};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::codec;
use super::error::{Missing, Result, StoreError};
use super::schema::{self, Kind};
use super::terms::{self, Posting};
use crate::domain::text::index_terms;
use crate::domain::{Client, ClientId, Milestone, NextStep, Record, Session, Venture};

/// A record kept in a table of its own, with search text and links to its client.
pub trait Indexed: Record + Serialize + DeserializeOwned + Clone {
    const TABLE: TableDefinition<'static, u64, &'static [u8]>;
    const KIND: Kind;
    fn search_text(&self) -> String;

    /// Adds (`add`) or removes this record's entries in the link indexes.
    fn link(&self, tx: &WriteTransaction, add: bool) -> Result<()> {
        let mut table = tx.open_multimap_table(schema::CLIENT_RECORDS)?;
        let key = (self.client_id(), Self::KIND as u8);
        if add {
            table.insert(key, self.id())?;
        } else {
            table.remove(key, self.id())?;
        }
        Ok(())
    }
}

impl Indexed for Client {
    const TABLE: TableDefinition<'static, u64, &'static [u8]> = schema::CLIENTS;
    const KIND: Kind = Kind::Client;
    fn search_text(&self) -> String {
        let fields = [
            &self.country,
            &self.municipality,
            &self.phone,
            &self.email,
            &self.education,
            &self.experience,
            &self.dream,
            &self.pinned,
        ];
        let mut text = self.name.clone();
        for f in fields.into_iter().flatten() {
            text.push(' ');
            text.push_str(f);
        }
        for l in self.tags.iter().chain(&self.languages) {
            text.push(' ');
            text.push_str(l);
        }
        text
    }
    fn link(&self, tx: &WriteTransaction, add: bool) -> Result<()> {
        let Some(advisor) = &self.advisor else {
            return Ok(());
        };
        let mut caseloads = tx.open_table(schema::CASELOADS)?;
        if add {
            caseloads.insert((advisor.as_str(), self.id), ())?;
        } else {
            caseloads.remove((advisor.as_str(), self.id))?;
        }
        Ok(())
    }
}

impl Indexed for Session {
    const TABLE: TableDefinition<'static, u64, &'static [u8]> = schema::SESSIONS;
    const KIND: Kind = Kind::Session;
    fn search_text(&self) -> String {
        format!("{} {}", self.notes, self.topics.join(" "))
    }
    fn link(&self, tx: &WriteTransaction, add: bool) -> Result<()> {
        let mut table = tx.open_table(schema::CLIENT_SESSIONS)?;
        let key = (self.client_id, self.started_at.timestamp(), self.id);
        if add {
            table.insert(key, ())?;
        } else {
            table.remove(key)?;
        }
        super::facts::link(tx, self, add)
    }
}

impl Indexed for NextStep {
    const TABLE: TableDefinition<'static, u64, &'static [u8]> = schema::NEXT_STEPS;
    const KIND: Kind = Kind::NextStep;
    fn search_text(&self) -> String {
        self.text.clone()
    }
    fn link(&self, tx: &WriteTransaction, add: bool) -> Result<()> {
        let mut records = tx.open_multimap_table(schema::CLIENT_RECORDS)?;
        let key = (self.client_id, Kind::NextStep as u8);
        let mut due = tx.open_table(schema::STEPS_DUE)?;
        let due_key = self
            .due
            .filter(|_| self.is_open())
            .map(|d| (day_number(d), self.id));
        if add {
            records.insert(key, self.id)?;
            if let Some(k) = due_key {
                due.insert(k, self.client_id)?;
            }
        } else {
            records.remove(key, self.id)?;
            if let Some(k) = due_key {
                due.remove(k)?;
            }
        }
        Ok(())
    }
}

impl Indexed for Venture {
    const TABLE: TableDefinition<'static, u64, &'static [u8]> = schema::VENTURES;
    const KIND: Kind = Kind::Venture;
    fn search_text(&self) -> String {
        let org = self.org_nr.map(|o| o.to_string()).unwrap_or_default();
        format!(
            "{} {} {org}",
            self.name,
            self.sector.as_deref().unwrap_or("")
        )
    }
}

impl Indexed for Milestone {
    const TABLE: TableDefinition<'static, u64, &'static [u8]> = schema::MILESTONES;
    const KIND: Kind = Kind::Milestone;
    fn search_text(&self) -> String {
        String::new()
    }
}

pub fn day_number(d: chrono::NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

use chrono::Datelike as _;

pub fn get<R: Indexed>(tx: &WriteTransaction, id: u64) -> Result<Option<R>> {
    let table = tx.open_table(R::TABLE)?;
    codec::get(&table, R::TABLE.name(), id)
}

/// The record `id`, or an error saying there is no such record.
pub fn existing<R: Indexed>(tx: &WriteTransaction, id: u64) -> Result<R> {
    get(tx, id)?.ok_or_else(|| {
        StoreError::NotFound(Missing::Record {
            kind: R::KIND.as_str(),
            id,
        })
    })
}

/// Writes `new` in place of `old` (None for a new record), keeping every index in step.
pub fn save<R: Indexed>(tx: &WriteTransaction, old: Option<&R>, new: &R) -> Result<()> {
    if let Some(old) = old {
        old.link(tx, false)?;
    }
    let old_text = old.map(Indexed::search_text).unwrap_or_default();
    set_terms(tx, R::KIND, new.id(), &old_text, &new.search_text())?;
    new.link(tx, true)?;
    codec::put(
        &mut tx.open_table(R::TABLE)?,
        R::TABLE.name(),
        new.id(),
        new,
    )
}

/// Writes a changed record with its indexes, refreshes its client's summary and audits the
/// change: the three steps of every user-visible save, in the caller's transaction.
pub fn save_audited<R: Indexed>(
    tx: &WriteTransaction,
    old: Option<&R>,
    new: &R,
    at: chrono::DateTime<chrono::Utc>,
    actor: &str,
    action: &str,
    detail: &str,
) -> Result<()> {
    save(tx, old, new)?;
    super::summary::refresh(tx, new.client_id())?;
    super::audit::append(tx, at, actor, Some(new.client_id()), action, detail)
}

/// Writes a new record and its links but not its search terms: the caller adds those in bulk
/// with `Postings`.
pub fn save_unindexed<R: Indexed>(tx: &WriteTransaction, new: &R) -> Result<()> {
    new.link(tx, true)?;
    codec::put(
        &mut tx.open_table(R::TABLE)?,
        R::TABLE.name(),
        new.id(),
        new,
    )
}

/// The search terms of many new records, written in term order: far fewer page writes than
/// inserting them record by record.
#[derive(Default)]
pub struct Postings {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    entries: Vec<(u32, u8, u64)>,
}

impl Postings {
    pub fn add<R: Indexed>(&mut self, record: &R) {
        for term in index_terms(&record.search_text()) {
            let next = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
            let id = *self.ids.entry(term).or_insert_with_key(|t| {
                self.words.push(t.clone());
                next
            });
            self.entries.push((id, R::KIND as u8, record.id()));
        }
    }

    /// How many postings wait to be written.
    pub fn waiting(&self) -> usize {
        self.entries.len()
    }

    pub fn write(self, tx: &WriteTransaction) -> Result<()> {
        let mut order: Vec<u32> =
            (0..u32::try_from(self.words.len()).unwrap_or(u32::MAX)).collect();
        order.sort_by(|a, b| self.words[*a as usize].cmp(&self.words[*b as usize]));
        let mut rank = vec![0u32; order.len()];
        for (r, id) in order.iter().enumerate() {
            rank[*id as usize] = u32::try_from(r).unwrap_or(u32::MAX);
        }
        let mut entries = self.entries;
        entries.sort_unstable_by_key(|(id, kind, record)| (rank[*id as usize], *kind, *record));
        let mut blocks = tx.open_table(schema::TERM_BLOCKS)?;
        for run in entries.chunk_by(|a, b| a.0 == b.0) {
            let postings: Vec<Posting> = run.iter().map(|(_, kind, id)| (*kind, *id)).collect();
            terms::add_sorted(&mut blocks, &self.words[run[0].0 as usize], &postings)?;
        }
        Ok(())
    }
}

/// Removes a record and every index entry pointing at it.
pub fn remove<R: Indexed>(tx: &WriteTransaction, record: &R) -> Result<()> {
    record.link(tx, false)?;
    set_terms(tx, R::KIND, record.id(), &record.search_text(), "")?;
    tx.open_table(R::TABLE)?.remove(record.id())?;
    Ok(())
}

fn set_terms(tx: &WriteTransaction, kind: Kind, id: u64, old: &str, new: &str) -> Result<()> {
    let old_terms = index_terms(old);
    let new_terms = index_terms(new);
    if old_terms == new_terms {
        return Ok(());
    }
    let mut blocks = tx.open_table(schema::TERM_BLOCKS)?;
    for t in old_terms
        .iter()
        .filter(|t| new_terms.binary_search(t).is_err())
    {
        terms::remove(&mut blocks, t, (kind as u8, id))?;
    }
    for t in new_terms
        .iter()
        .filter(|t| old_terms.binary_search(t).is_err())
    {
        terms::insert(&mut blocks, t, (kind as u8, id))?;
    }
    Ok(())
}

/// The ids of a client's records of one kind (ventures, next steps or milestones).
pub fn ids_of(
    table: &impl redb::ReadableMultimapTable<(u64, u8), u64>,
    client: ClientId,
    kind: Kind,
) -> Result<Vec<u64>> {
    let mut out = Vec::new();
    for v in table.get((client, kind as u8))? {
        out.push(v?.value());
    }
    Ok(out)
}

/// Reads the given records of a table, skipping ids that are gone.
pub fn load<R: Indexed>(
    table: &impl ReadableTable<u64, &'static [u8]>,
    ids: &[u64],
) -> Result<Vec<R>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(r) = codec::get(table, R::TABLE.name(), *id)? {
            out.push(r);
        }
    }
    Ok(out)
}
