//! Clients from CSV in one transaction, and what an import counts.
use super::Store;
use super::advisors;
use super::audit;
use super::error::Result;
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

impl Store {
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
            self.changed();
        }
        Ok(out)
    }
}
