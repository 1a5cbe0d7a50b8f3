//! Everything held about one person, for their access request (GDPR article 15).
use chrono::{DateTime, Utc};
use redb::{ReadTransaction, TableHandle};
use serde::Serialize;

use super::Store;
use super::audit::AuditEntry;
use super::codec;
use super::error::{Missing, Result, StoreError};
use super::index::{ids_of, load};
use super::schema::{AUDIT, CLIENT_RECORDS, CLIENT_SESSIONS, CLIENTS, DRAFTS, SESSIONS, TRASH};
use super::trash::TrashEntry;
use crate::domain::{Client, ClientId, Draft, Milestone, NextStep, Session, Venture};

/// Names this kind of document, so a reader can tell it from a whole-centre export.
pub const PERSON_FORMAT: &str = "veileder-person-export";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonExport {
    pub format: &'static str,
    pub exported_at: DateTime<Utc>,
    pub client: Client,
    pub ventures: Vec<Venture>,
    pub sessions: Vec<Session>,
    pub next_steps: Vec<NextStep>,
    pub milestones: Vec<Milestone>,
    /// Call-mode notes typed but not yet saved.
    pub drafts: Vec<Draft>,
    /// Records about them deleted but still restorable.
    pub trash: Vec<TrashEntry>,
    /// Who wrote what about them, and when.
    pub audit: Vec<AuditEntry>,
}

fn sessions_of(tx: &ReadTransaction, client: ClientId) -> Result<Vec<Session>> {
    let timeline = tx.open_table(CLIENT_SESSIONS)?;
    let mut ids = Vec::new();
    for row in timeline.range((client, i64::MIN, 0)..=(client, i64::MAX, u64::MAX))? {
        ids.push(row?.0.value().2);
    }
    load(&tx.open_table(SESSIONS)?, &ids)
}

fn of_kind<R: super::index::Indexed>(tx: &ReadTransaction, client: ClientId) -> Result<Vec<R>> {
    let ids = ids_of(&tx.open_multimap_table(CLIENT_RECORDS)?, client, R::KIND)?;
    let mut records: Vec<R> = load(&tx.open_table(R::TABLE)?, &ids)?;
    records.sort_by_key(|r| r.id());
    Ok(records)
}

impl Store {
    pub fn person_export(&self, id: ClientId) -> Result<PersonExport> {
        let exported_at = self.now();
        self.read(|tx| {
            let client: Client = codec::get(&tx.open_table(CLIENTS)?, CLIENTS.name(), id)?
                .ok_or(StoreError::NotFound(Missing::ClientId(id)))?;
            let mut drafts = Vec::new();
            for row in tx.open_table(DRAFTS)?.range((id, "")..(id + 1, ""))? {
                let (k, v) = row?;
                let key = format!("{id}/{}", k.value().1);
                drafts.push(codec::decode(DRAFTS.name(), key, v.value())?);
            }
            let trash: Vec<TrashEntry> = codec::all(&tx.open_table(TRASH)?, TRASH.name())?;
            let audit: Vec<AuditEntry> = codec::all(&tx.open_table(AUDIT)?, AUDIT.name())?;
            Ok(PersonExport {
                format: PERSON_FORMAT,
                exported_at,
                ventures: of_kind(tx, id)?,
                sessions: sessions_of(tx, id)?,
                next_steps: of_kind(tx, id)?,
                milestones: of_kind(tx, id)?,
                drafts,
                trash: trash
                    .into_iter()
                    .filter(|t| t.item.client_id() == id)
                    .collect(),
                audit: audit
                    .into_iter()
                    .filter(|a| a.client_id == Some(id))
                    .collect(),
                client,
            })
        })
    }
}
