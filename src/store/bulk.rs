//! Clients from CSV in one transaction, and what an import counts.
use std::sync::RwLockReadGuard;

use chrono::NaiveDate;
use redb::WriteTransaction;

use super::Store;
use super::advisors;
use super::audit;
use super::error::Result;
use super::file::File;
use super::index;
use super::meta::next_id;
use super::schema::Kind;
use super::summary;
use crate::domain::Client;

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

/// Adds clients (from CSV) one at a time in one write transaction: all are committed by
/// `finish`, or none (a dry run, an error, or the importer dropped on the way).
pub struct ClientImporter<'s> {
    // Declared before the guard: the transaction ends before the file may be swapped.
    tx: WriteTransaction,
    _file: RwLockReadGuard<'s, File>,
    store: &'s Store,
    actor: String,
    today: NaiveDate,
    added: usize,
}

impl Store {
    pub fn client_importer(&self, actor: &str) -> Result<ClientImporter<'_>> {
        let file = self.db();
        let mut tx = file.begin_write()?;
        tx.set_quick_repair(true);
        advisors::ensure(&tx, actor)?;
        Ok(ClientImporter {
            tx,
            _file: file,
            store: self,
            actor: actor.to_string(),
            today: self.today(),
            added: 0,
        })
    }
}

impl ClientImporter<'_> {
    /// Writes `client` under the next id, with its advisor made known.
    pub fn add(&mut self, client: Client) -> Result<Client> {
        let tx = &self.tx;
        let client = Client {
            id: next_id(tx, Kind::Client)?,
            ..client.validated(self.today)?
        };
        if let Some(a) = &client.advisor {
            advisors::ensure(tx, a)?;
        }
        index::save(tx, None, &client)?;
        summary::refresh(tx, client.id)?;
        audit::append(
            tx,
            self.store.now(),
            &self.actor,
            Some(client.id),
            "client.import",
            "",
        )?;
        self.added += 1;
        Ok(client)
    }

    /// Commits every client added (or, on a dry run, none) and says how many there were.
    pub fn finish(self, dry_run: bool) -> Result<usize> {
        if dry_run {
            self.tx.abort()?;
        } else {
            self.tx.commit()?;
            self.store.changed();
        }
        Ok(self.added)
    }
}
