use redb::TableHandle;

use super::Store;
use super::audit;
use super::codec;
use super::error::{Missing, Result, StoreError};
use super::index;
use super::meta::next_id;
use super::schema::{CLIENTS, Kind};
use super::summary;
use crate::domain::text::fold;
use crate::domain::{Client, ClientId};

impl Store {
    /// Adds a client with a new id; `created_at` is kept when the caller set one.
    pub fn add_client(&self, actor: &str, client: Client) -> Result<Client> {
        let client = client.validated(self.today())?;
        self.write(actor, |tx| {
            let client = Client {
                id: next_id(tx, Kind::Client)?,
                ..client
            };
            index::save(tx, None, &client)?;
            summary::refresh(tx, client.id)?;
            audit::append(tx, self.now(), actor, Some(client.id), "client.add", "")?;
            Ok(client)
        })
    }

    pub fn update_client(&self, actor: &str, client: Client) -> Result<Client> {
        let client = client.validated(self.today())?;
        self.write(actor, |tx| {
            let old: Client = index::existing(tx, client.id)?;
            index::save(tx, Some(&old), &client)?;
            summary::refresh(tx, client.id)?;
            audit::append(tx, self.now(), actor, Some(client.id), "client.update", "")?;
            Ok(client)
        })
    }

    pub fn client(&self, id: ClientId) -> Result<Option<Client>> {
        self.read(|tx| codec::get(&tx.open_table(CLIENTS)?, CLIENTS.name(), id))
    }

    pub fn clients(&self) -> Result<Vec<Client>> {
        self.read(|tx| codec::all(&tx.open_table(CLIENTS)?, CLIENTS.name()))
    }

    /// A client named on the command line: an id, or a name matching exactly one client
    /// (case and diacritics aside).
    pub fn resolve_client(&self, spec: &str) -> Result<Client> {
        if let Ok(id) = spec.trim().parse::<ClientId>() {
            if let Some(c) = self.client(id)? {
                return Ok(c);
            }
        }
        let wanted = fold(spec.trim());
        let matches: Vec<_> = self
            .client_summaries()?
            .into_iter()
            .filter(|c| fold(&c.name) == wanted)
            .collect();
        match matches.as_slice() {
            [one] => self
                .client(one.id)?
                .ok_or(StoreError::NotFound(Missing::ClientVanished(one.id))),
            [] => Err(StoreError::NotFound(Missing::ClientSpec(spec.to_string()))),
            many => Err(StoreError::NotFound(Missing::ManyClients {
                spec: spec.to_string(),
                ids: many.iter().map(|c| c.id).collect(),
            })),
        }
    }
}
