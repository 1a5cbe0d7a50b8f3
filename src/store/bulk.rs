//! Whole-centre export and import, each in one transaction.
use std::collections::HashMap;

use redb::{ReadableTable, WriteTransaction};

use super::Store;
use super::advisors;
use super::audit;
use super::error::Result;
use super::index::{self, Postings, Record};
use super::meta::{next_id, reserve_id};
use super::schema::{self, Kind, META};
use super::summary;
use crate::domain::{Advisor, Client, ClientId, Milestone, NextStep, Session, Venture};
use crate::transfer::Document;

fn add<R: Record>(tx: &WriteTransaction, postings: &mut Postings, record: &R) -> Result<()> {
    index::save_unindexed(tx, record)?;
    postings.add(record);
    Ok(())
}

/// How many records an import wrote (or, on a dry run, would write).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub advisors: usize,
    pub clients: usize,
    pub ventures: usize,
    pub sessions: usize,
    pub next_steps: usize,
    pub milestones: usize,
    /// True when the database already had records, so imported ids were renumbered.
    pub renumbered: bool,
}

impl std::fmt::Display for ImportCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} clients, {} ventures, {} sessions, {} next steps, {} milestones, {} advisors",
            self.clients,
            self.ventures,
            self.sessions,
            self.next_steps,
            self.milestones,
            self.advisors
        )?;
        if self.renumbered {
            write!(f, " (ids renumbered after the existing records)")?;
        }
        Ok(())
    }
}

/// Gives imported records fresh ids when the database is not new, keeping references intact.
struct Ids {
    renumber: bool,
    clients: HashMap<u64, u64>,
    ventures: HashMap<u64, u64>,
}

impl Ids {
    fn assign(&mut self, tx: &WriteTransaction, kind: Kind, old: u64) -> Result<u64> {
        if !self.renumber {
            reserve_id(tx, kind, old)?;
            return Ok(old);
        }
        let new = next_id(tx, kind)?;
        match kind {
            Kind::Client => {
                self.clients.insert(old, new);
            }
            Kind::Venture => {
                self.ventures.insert(old, new);
            }
            _ => {}
        }
        Ok(new)
    }

    fn client(&self, old: u64) -> u64 {
        if self.renumber {
            self.clients.get(&old).copied().unwrap_or(old)
        } else {
            old
        }
    }

    fn venture(&self, old: u64) -> u64 {
        if self.renumber {
            self.ventures.get(&old).copied().unwrap_or(old)
        } else {
            old
        }
    }
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

impl Store {
    /// Writes every record of a checked document in one transaction (nothing on a dry run or on
    /// any error). Advisors already known keep their record.
    pub fn import_document(
        &self,
        actor: &str,
        doc: &Document,
        dry_run: bool,
    ) -> Result<ImportCounts> {
        let db = self.db();
        let mut tx = db.begin_write()?;
        tx.set_quick_repair(true);
        let mut ids = Ids {
            renumber: !is_new(&tx)?,
            clients: HashMap::new(),
            ventures: HashMap::new(),
        };
        let now = self.now();
        let mut counts = ImportCounts {
            renumbered: ids.renumber,
            ..ImportCounts::default()
        };
        {
            let known = tx.open_table(schema::ADVISORS)?;
            let mut fresh: Vec<&Advisor> = Vec::new();
            for a in &doc.advisors {
                if known.get(a.username.as_str())?.is_none() {
                    fresh.push(a);
                }
            }
            drop(known);
            for a in fresh {
                advisors::put(&tx, a)?;
                counts.advisors += 1;
            }
            for username in doc
                .clients
                .iter()
                .filter_map(|c| c.advisor.as_deref())
                .chain(doc.sessions.iter().map(|s| s.advisor.as_str()))
            {
                advisors::ensure(&tx, username)?;
            }
        }
        let mut postings = Postings::default();
        for c in &doc.clients {
            let client = Client {
                id: ids.assign(&tx, Kind::Client, c.id)?,
                ..c.clone()
            };
            add(&tx, &mut postings, &client)?;
            audit::append(&tx, now, actor, Some(client.id), "client.import", "")?;
            counts.clients += 1;
        }
        for v in &doc.ventures {
            let id = ids.assign(&tx, Kind::Venture, v.id)?;
            add(
                &tx,
                &mut postings,
                &Venture {
                    id,
                    client_id: ids.client(v.client_id),
                    ..v.clone()
                },
            )?;
            counts.ventures += 1;
        }
        for s in &doc.sessions {
            let id = ids.assign(&tx, Kind::Session, s.id)?;
            add(
                &tx,
                &mut postings,
                &Session {
                    id,
                    client_id: ids.client(s.client_id),
                    ..s.clone()
                },
            )?;
            counts.sessions += 1;
        }
        for n in &doc.next_steps {
            let id = ids.assign(&tx, Kind::NextStep, n.id)?;
            add(
                &tx,
                &mut postings,
                &NextStep {
                    id,
                    client_id: ids.client(n.client_id),
                    ..n.clone()
                },
            )?;
            counts.next_steps += 1;
        }
        for m in &doc.milestones {
            let id = ids.assign(&tx, Kind::Milestone, m.id)?;
            let milestone = Milestone {
                id,
                client_id: ids.client(m.client_id),
                venture_id: ids.venture(m.venture_id),
                ..m.clone()
            };
            add(&tx, &mut postings, &milestone)?;
            counts.milestones += 1;
        }
        postings.write(&tx)?;
        let client_ids: Vec<ClientId> = doc.clients.iter().map(|c| ids.client(c.id)).collect();
        for id in client_ids {
            summary::refresh(&tx, id)?;
        }
        audit::append(&tx, now, actor, None, "import", &counts.to_string())?;
        if dry_run {
            tx.abort()?;
        } else {
            tx.commit()?;
        }
        Ok(counts)
    }

    /// Adds clients (from CSV) in one transaction; all or none.
    pub fn import_clients(
        &self,
        actor: &str,
        clients: Vec<Client>,
        dry_run: bool,
    ) -> Result<Vec<Client>> {
        let today = self.today();
        let clients: Vec<Client> = clients
            .into_iter()
            .map(|c| c.validated(today))
            .collect::<Result<_, _>>()?;
        let db = self.db();
        let mut tx = db.begin_write()?;
        tx.set_quick_repair(true);
        advisors::ensure(&tx, actor)?;
        let mut out = Vec::with_capacity(clients.len());
        for c in clients {
            let client = Client {
                id: next_id(&tx, Kind::Client)?,
                ..c
            };
            if let Some(a) = &client.advisor {
                advisors::ensure(&tx, a)?;
            }
            index::save(&tx, None, &client)?;
            summary::refresh(&tx, client.id)?;
            audit::append(&tx, self.now(), actor, Some(client.id), "client.import", "")?;
            out.push(client);
        }
        if dry_run {
            tx.abort()?;
        } else {
            tx.commit()?;
        }
        Ok(out)
    }
}
