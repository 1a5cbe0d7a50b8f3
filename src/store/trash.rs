//! Deleting moves records to the trash, from where they can be restored whole.
use chrono::{DateTime, Utc};
use redb::{ReadableTable, TableHandle, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::Store;
use super::audit;
use super::codec;
use super::error::{Missing, Result, StoreError};
use super::index::{self, Indexed, ids_of, load};
use super::schema::{CLIENT_RECORDS, CLIENT_SESSIONS, DRAFTS, Kind, MILESTONES, TRASH};
use super::summary;
use super::ventures::restage;
use crate::domain::{Client, ClientId, Milestone, NextStep, Session, Venture};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum Trashed {
    Client {
        client: Box<Client>,
        ventures: Vec<Venture>,
        sessions: Vec<Session>,
        next_steps: Vec<NextStep>,
        milestones: Vec<Milestone>,
    },
    Session {
        session: Session,
    },
    NextStep {
        step: NextStep,
    },
    Venture {
        venture: Venture,
        milestones: Vec<Milestone>,
    },
    Milestone {
        milestone: Milestone,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrashEntry {
    pub id: u64,
    pub deleted_at: DateTime<Utc>,
    pub by: String,
    pub item: Trashed,
}

impl Trashed {
    pub fn client_id(&self) -> ClientId {
        match self {
            Trashed::Client { client, .. } => client.id,
            Trashed::Session { session } => session.client_id,
            Trashed::NextStep { step } => step.client_id,
            Trashed::Venture { venture, .. } => venture.client_id,
            Trashed::Milestone { milestone } => milestone.client_id,
        }
    }

    /// A few words for the status bar: what was deleted.
    pub fn describe(&self) -> String {
        match self {
            Trashed::Client { client, .. } => format!("client {}", client.name),
            Trashed::Session { session } => {
                format!("session of {}", session.started_at.format("%Y-%m-%d"))
            }
            Trashed::NextStep { step } => format!("next step '{}'", step.text),
            Trashed::Venture { venture, .. } => format!("venture {}", venture.name),
            Trashed::Milestone { milestone } => format!("milestone {}", milestone.kind),
        }
    }
}

pub(super) fn take<R: Indexed>(tx: &WriteTransaction, id: u64) -> Result<R> {
    let record: R = index::existing(tx, id)?;
    index::remove(tx, &record)?;
    Ok(record)
}

pub(super) fn take_all<R: Indexed>(tx: &WriteTransaction, ids: &[u64]) -> Result<Vec<R>> {
    let records: Vec<R> = load(&tx.open_table(R::TABLE)?, ids)?;
    for r in &records {
        index::remove(tx, r)?;
    }
    Ok(records)
}

pub(super) fn client_session_ids(tx: &WriteTransaction, client: ClientId) -> Result<Vec<u64>> {
    let timeline = tx.open_table(CLIENT_SESSIONS)?;
    let mut ids = Vec::new();
    for row in timeline.range((client, i64::MIN, 0)..=(client, i64::MAX, u64::MAX))? {
        ids.push(row?.0.value().2);
    }
    Ok(ids)
}

impl Store {
    /// Moves a record (a client with everything about them) to the trash; returns the entry.
    pub fn delete(&self, actor: &str, kind: Kind, id: u64) -> Result<TrashEntry> {
        self.write(actor, |tx| {
            let item = match kind {
                Kind::Client => {
                    let client: Client = take(tx, id)?;
                    let records = tx.open_multimap_table(CLIENT_RECORDS)?;
                    let venture_ids = ids_of(&records, id, Kind::Venture)?;
                    let step_ids = ids_of(&records, id, Kind::NextStep)?;
                    let milestone_ids = ids_of(&records, id, Kind::Milestone)?;
                    drop(records);
                    let session_ids = client_session_ids(tx, id)?;
                    let mut drafts_table = tx.open_table(DRAFTS)?;
                    let draft_keys: Vec<String> = drafts_table
                        .range((id, "")..(id + 1, ""))?
                        .map(|r| r.map(|(k, _)| k.value().1.to_string()))
                        .collect::<Result<_, _>>()?;
                    for advisor in draft_keys {
                        drafts_table.remove((id, advisor.as_str()))?;
                    }
                    drop(drafts_table);
                    Trashed::Client {
                        client: Box::new(client),
                        ventures: take_all(tx, &venture_ids)?,
                        sessions: take_all(tx, &session_ids)?,
                        next_steps: take_all(tx, &step_ids)?,
                        milestones: take_all(tx, &milestone_ids)?,
                    }
                }
                Kind::Session => Trashed::Session {
                    session: take(tx, id)?,
                },
                Kind::NextStep => Trashed::NextStep {
                    step: take(tx, id)?,
                },
                Kind::Venture => {
                    let venture: Venture = take(tx, id)?;
                    let ids = ids_of(
                        &tx.open_multimap_table(CLIENT_RECORDS)?,
                        venture.client_id,
                        Kind::Milestone,
                    )?;
                    let own: Vec<u64> = load::<Milestone>(&tx.open_table(MILESTONES)?, &ids)?
                        .into_iter()
                        .filter(|m| m.venture_id == id)
                        .map(|m| m.id)
                        .collect();
                    Trashed::Venture {
                        milestones: take_all(tx, &own)?,
                        venture,
                    }
                }
                Kind::Milestone => {
                    let milestone: Milestone = take(tx, id)?;
                    Trashed::Milestone { milestone }
                }
            };
            let client_id = item.client_id();
            if let Trashed::Milestone { milestone } = &item {
                if let Some(v) = index::get::<Venture>(tx, milestone.venture_id)? {
                    restage(tx, &v)?;
                }
            }
            summary::refresh(tx, client_id)?;
            let mut trash = tx.open_table(TRASH)?;
            let entry_id = trash.last()?.map(|(k, _)| k.value() + 1).unwrap_or(1);
            let entry = TrashEntry {
                id: entry_id,
                deleted_at: self.now(),
                by: actor.to_string(),
                item,
            };
            codec::put(&mut trash, TRASH.name(), entry_id, &entry)?;
            audit::append(
                tx,
                self.now(),
                actor,
                Some(client_id),
                &format!("{}.delete", kind.as_str()),
                &entry.item.describe(),
            )?;
            Ok(entry)
        })
    }

    /// Puts a trashed item back where it was; its client must still exist (or be the item).
    pub fn restore(&self, actor: &str, trash_id: u64) -> Result<TrashEntry> {
        self.write(actor, |tx| {
            let mut trash = tx.open_table(TRASH)?;
            let entry: TrashEntry = codec::get(&trash, TRASH.name(), trash_id)?
                .ok_or(StoreError::NotFound(Missing::TrashEntry(trash_id)))?;
            trash.remove(trash_id)?;
            drop(trash);
            let client_id = entry.item.client_id();
            if !matches!(entry.item, Trashed::Client { .. })
                && index::get::<Client>(tx, client_id)?.is_none()
            {
                return Err(StoreError::NotFound(Missing::ClientOfTrashed {
                    item: Box::new(entry.item),
                    client: client_id,
                }));
            }
            match &entry.item {
                Trashed::Client {
                    client,
                    ventures,
                    sessions,
                    next_steps,
                    milestones,
                } => {
                    index::save(tx, None, client.as_ref())?;
                    put_all(tx, ventures)?;
                    put_all(tx, sessions)?;
                    put_all(tx, next_steps)?;
                    put_all(tx, milestones)?;
                }
                Trashed::Session { session } => index::save(tx, None, session)?,
                Trashed::NextStep { step } => index::save(tx, None, step)?,
                Trashed::Venture {
                    venture,
                    milestones,
                } => {
                    index::save(tx, None, venture)?;
                    put_all(tx, milestones)?;
                }
                Trashed::Milestone { milestone } => {
                    index::save(tx, None, milestone)?;
                    if let Some(v) = index::get::<Venture>(tx, milestone.venture_id)? {
                        restage(tx, &v)?;
                    }
                }
            }
            summary::refresh(tx, client_id)?;
            audit::append(
                tx,
                self.now(),
                actor,
                Some(client_id),
                "trash.restore",
                &entry.item.describe(),
            )?;
            Ok(entry)
        })
    }

    /// The trash, newest first.
    pub fn trash(&self) -> Result<Vec<TrashEntry>> {
        let mut out: Vec<TrashEntry> =
            self.read(|tx| codec::all(&tx.open_table(TRASH)?, TRASH.name()))?;
        out.reverse();
        Ok(out)
    }
}

fn put_all<R: Indexed>(tx: &WriteTransaction, records: &[R]) -> Result<()> {
    records.iter().try_for_each(|r| index::save(tx, None, r))
}
