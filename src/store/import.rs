//! A whole document imported in one write transaction, a record at a time as it arrives: all of
//! it is committed, or nothing (a dry run, an error, or the process killed on the way).
use std::collections::{BTreeSet, HashMap};
use std::sync::RwLockReadGuard;

use redb::{ReadableTable, WriteTransaction};

use super::Store;
use super::advisors;
use super::audit;
use super::bulk::ImportCounts;
use super::error::{Refusal, Result, StoreError};
use super::file::File;
use super::index::{self, Indexed, Postings};
use super::meta::{next_id, reserve_id};
use super::schema::{self, Kind, META};
use super::summary;
use crate::domain::{Advisor, Client, ClientId, Milestone, NextStep, Session, Venture};
use crate::transfer::Document;
use crate::transfer::stream::{Item, Sink};

/// Search postings held before they are written (16 bytes each, and their words).
const POSTINGS_BATCH: usize = 1 << 20;

/// Writes the records of one document as they come. Dropped without `finish`, it writes nothing.
pub struct Importer<'s> {
    // Declared before the guard: the transaction ends before the file may be swapped.
    tx: WriteTransaction,
    _file: RwLockReadGuard<'s, File>,
    store: &'s Store,
    actor: String,
    /// When the database already had records: the new ids of the document's clients and
    /// ventures, given in document order before anything is written.
    renumbered: Option<(HashMap<u64, u64>, HashMap<u64, u64>)>,
    postings: Postings,
    clients: Vec<ClientId>,
    /// Advisors named by clients and sessions, made known at the end unless listed.
    named: BTreeSet<String>,
    counts: ImportCounts,
}

fn is_new(tx: &WriteTransaction) -> Result<bool> {
    let meta = tx.open_table(META)?;
    for row in meta.iter()? {
        if row?.0.value().starts_with("next_id.") {
            return Ok(false);
        }
    }
    Ok(true)
}

fn renumber(tx: &WriteTransaction, kind: Kind, ids: &[u64]) -> Result<HashMap<u64, u64>> {
    ids.iter()
        .map(|&old| Ok((old, next_id(tx, kind)?)))
        .collect()
}

impl Store {
    /// Starts an import of a document whose clients and ventures have these ids, in this order.
    pub fn importer(&self, actor: &str, clients: &[u64], ventures: &[u64]) -> Result<Importer<'_>> {
        let file = self.db();
        let mut tx = file.begin_write()?;
        tx.set_quick_repair(true);
        let renumbered = if is_new(&tx)? {
            None
        } else {
            Some((
                renumber(&tx, Kind::Client, clients)?,
                renumber(&tx, Kind::Venture, ventures)?,
            ))
        };
        Ok(Importer {
            tx,
            _file: file,
            store: self,
            actor: actor.to_string(),
            counts: ImportCounts {
                renumbered: renumbered.is_some(),
                ..ImportCounts::default()
            },
            renumbered,
            postings: Postings::default(),
            clients: Vec::with_capacity(clients.len()),
            named: BTreeSet::new(),
        })
    }

    /// Writes every record of a document held in memory (see `Importer`). Advisors already
    /// known keep their record.
    pub fn import_document(
        &self,
        actor: &str,
        doc: &Document,
        dry_run: bool,
    ) -> Result<ImportCounts> {
        let clients: Vec<u64> = doc.clients.iter().map(|c| c.id).collect();
        let ventures: Vec<u64> = doc.ventures.iter().map(|v| v.id).collect();
        let mut importer = self.importer(actor, &clients, &ventures)?;
        let items = (doc.advisors.iter().cloned().map(Item::Advisor))
            .chain(
                doc.clients
                    .iter()
                    .cloned()
                    .map(|c| Item::Client(Box::new(c))),
            )
            .chain(doc.ventures.iter().cloned().map(Item::Venture))
            .chain(doc.sessions.iter().cloned().map(Item::Session))
            .chain(doc.next_steps.iter().cloned().map(Item::NextStep))
            .chain(doc.milestones.iter().cloned().map(Item::Milestone));
        for item in items {
            importer.take(0, item)?;
        }
        importer.finish(dry_run)
    }
}

impl Importer<'_> {
    /// The id a record of `kind` is written under.
    fn id(&mut self, kind: Kind, old: u64) -> Result<u64> {
        let planned = match (&self.renumbered, kind) {
            (None, _) => {
                reserve_id(&self.tx, kind, old)?;
                return Ok(old);
            }
            (Some((clients, _)), Kind::Client) => clients.get(&old),
            (Some((_, ventures)), Kind::Venture) => ventures.get(&old),
            (Some(_), _) => return next_id(&self.tx, kind),
        };
        planned
            .copied()
            .ok_or_else(|| StoreError::Refused(Refusal::UncheckedRecord(old)))
    }

    fn client_id(&self, old: u64) -> u64 {
        match &self.renumbered {
            Some((clients, _)) => clients.get(&old).copied().unwrap_or(old),
            None => old,
        }
    }

    fn venture_id(&self, old: u64) -> u64 {
        match &self.renumbered {
            Some((_, ventures)) => ventures.get(&old).copied().unwrap_or(old),
            None => old,
        }
    }

    fn add<R: Indexed>(&mut self, record: &R) -> Result<()> {
        index::save_unindexed(&self.tx, record)?;
        self.postings.add(record);
        // A national centre has millions of postings: written in sorted batches, memory stays
        // bounded while most page writes are still saved.
        if self.postings.waiting() >= POSTINGS_BATCH {
            std::mem::take(&mut self.postings).write(&self.tx)?;
        }
        Ok(())
    }

    fn advisor(&mut self, advisor: &Advisor) -> Result<()> {
        let known = self
            .tx
            .open_table(schema::ADVISORS)?
            .get(advisor.username.as_str())?
            .is_some();
        if !known {
            advisors::put(&self.tx, advisor)?;
            self.counts.advisors += 1;
        }
        Ok(())
    }

    fn client(&mut self, c: Client) -> Result<()> {
        let client = Client {
            id: self.id(Kind::Client, c.id)?,
            ..c
        };
        if let Some(advisor) = &client.advisor {
            self.named.insert(advisor.clone());
        }
        self.add(&client)?;
        let now = self.store.now();
        audit::append(
            &self.tx,
            now,
            &self.actor,
            Some(client.id),
            "client.import",
            "",
        )?;
        self.clients.push(client.id);
        self.counts.clients += 1;
        Ok(())
    }

    /// Writes what only the whole document decides (search terms, summaries, advisors named
    /// but not listed, the audit entry), then commits, or on a dry run writes nothing.
    pub fn finish(mut self, dry_run: bool) -> Result<ImportCounts> {
        for username in std::mem::take(&mut self.named) {
            advisors::ensure(&self.tx, &username)?;
        }
        std::mem::take(&mut self.postings).write(&self.tx)?;
        for &id in &self.clients {
            summary::refresh(&self.tx, id)?;
        }
        let now = self.store.now();
        let counts = self.counts.to_string();
        audit::append(&self.tx, now, &self.actor, None, "import", &counts)?;
        if dry_run {
            self.tx.abort()?;
        } else {
            self.tx.commit()?;
            self.store.changed();
        }
        Ok(self.counts)
    }
}

impl Sink for Importer<'_> {
    type Error = StoreError;

    fn take(&mut self, _index: usize, item: Item) -> Result<()> {
        match item {
            Item::Advisor(a) => self.advisor(&a)?,
            Item::Client(c) => self.client(*c)?,
            Item::Venture(v) => {
                let venture = Venture {
                    id: self.id(Kind::Venture, v.id)?,
                    client_id: self.client_id(v.client_id),
                    ..v
                };
                self.add(&venture)?;
                self.counts.ventures += 1;
            }
            Item::Session(s) => {
                self.named.insert(s.advisor.clone());
                let session = Session {
                    id: self.id(Kind::Session, s.id)?,
                    client_id: self.client_id(s.client_id),
                    ..s
                };
                self.add(&session)?;
                self.counts.sessions += 1;
            }
            Item::NextStep(n) => {
                let step = NextStep {
                    id: self.id(Kind::NextStep, n.id)?,
                    client_id: self.client_id(n.client_id),
                    ..n
                };
                self.add(&step)?;
                self.counts.next_steps += 1;
            }
            Item::Milestone(m) => {
                let milestone = Milestone {
                    id: self.id(Kind::Milestone, m.id)?,
                    client_id: self.client_id(m.client_id),
                    venture_id: self.venture_id(m.venture_id),
                    ..m
                };
                self.add(&milestone)?;
                self.counts.milestones += 1;
            }
        }
        Ok(())
    }
}
