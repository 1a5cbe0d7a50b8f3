//! Erasure for good: the person, their notes, drafts, index entries, deleted records and the
//! content of the audit entries about them leave the file (see rewrite.rs for the bytes). What
//! reports count stays as an anonymous tombstone, so every period's figures are unchanged.
use chrono::{DateTime, Utc};
use redb::{ReadTransaction, ReadableTable, TableError, TableHandle, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::audit::AuditEntry;
use super::codec;
use super::error::{Result, StoreError};
use super::index::{self, ids_of};
use super::schema::{AUDIT, CLIENT_RECORDS, DRAFTS, ERASED, Kind, TRASH};
use super::trash::{TrashEntry, client_session_ids, take, take_all};
use super::{Store, audit, rewrite, summary};
use crate::domain::{Advisor, Client, ClientId, Milestone, NextStep, Role, Session, Venture};

/// What stands in for erased names and texts in the tombstone.
pub const ERASED_TEXT: &str = "(erased)";

/// What an erasure removed (or, planned, would remove).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Erasure {
    pub client_id: ClientId,
    pub ventures: usize,
    pub sessions: usize,
    pub next_steps: usize,
    pub milestones: usize,
    pub drafts: usize,
    pub trash_entries: usize,
    pub audit_entries: usize,
}

/// The anonymous remains of an erased client: only what reports count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tombstone {
    pub client: Client,
    pub ventures: Vec<Venture>,
    pub sessions: Vec<Session>,
    pub next_steps: Vec<NextStep>,
    pub milestones: Vec<Milestone>,
}

fn anonymous(c: &Client) -> Client {
    let day = c.created_at.date_naive();
    Client {
        gender: c.gender,
        country: c.country.clone(),
        status: c.status,
        ..Client::new(
            c.id,
            ERASED_TEXT,
            day.and_time(chrono::NaiveTime::MIN).and_utc(),
        )
    }
}

impl Tombstone {
    fn of(
        client: &Client,
        ventures: &[Venture],
        sessions: &[Session],
        steps: &[NextStep],
        milestones: &[Milestone],
    ) -> Self {
        Tombstone {
            client: anonymous(client),
            ventures: ventures
                .iter()
                .map(|v| Venture {
                    name: ERASED_TEXT.to_string(),
                    org_nr: None,
                    ..v.clone()
                })
                .collect(),
            sessions: sessions
                .iter()
                .map(|s| Session {
                    topics: Vec::new(),
                    notes: String::new(),
                    ..s.clone()
                })
                .collect(),
            next_steps: steps
                .iter()
                .map(|n| NextStep {
                    text: ERASED_TEXT.to_string(),
                    ..n.clone()
                })
                .collect(),
            milestones: milestones
                .iter()
                .map(|m| Milestone {
                    note: None,
                    ..m.clone()
                })
                .collect(),
        }
    }
}

fn require_admin(tx: &WriteTransaction, actor: &str) -> Result<()> {
    let advisors = tx.open_table(super::schema::ADVISORS)?;
    let role = match advisors.get(actor)? {
        Some(v) => codec::decode::<Advisor>(super::schema::ADVISORS.name(), actor, v.value())?.role,
        None => Role::Advisor,
    };
    if role == Role::Admin {
        Ok(())
    } else {
        Err(StoreError::Refused(super::Refusal::EraseNeedsAdmin {
            actor: actor.to_string(),
            role: role.as_str(),
        }))
    }
}

/// Blanks the content of the audit entries about `client`; who, when and what kind stay.
fn scrub_audit(tx: &WriteTransaction, client: ClientId, write: bool) -> Result<usize> {
    let mut table = tx.open_table(AUDIT)?;
    let mut about: Vec<AuditEntry> = Vec::new();
    for row in table.iter()? {
        let (k, v) = row?;
        let entry: AuditEntry = codec::decode(AUDIT.name(), k.value(), v.value())?;
        if entry.client_id == Some(client) {
            about.push(entry);
        }
    }
    if write {
        for entry in &about {
            let blank = AuditEntry {
                detail: String::new(),
                ..entry.clone()
            };
            codec::put(&mut table, AUDIT.name(), entry.id, &blank)?;
        }
    }
    Ok(about.len())
}

fn remove_trash(tx: &WriteTransaction, client: ClientId, write: bool) -> Result<usize> {
    let mut table = tx.open_table(TRASH)?;
    let mut ids = Vec::new();
    for row in table.iter()? {
        let (k, v) = row?;
        let entry: TrashEntry = codec::decode(TRASH.name(), k.value(), v.value())?;
        if entry.item.client_id() == client {
            ids.push(entry.id);
        }
    }
    if write {
        for id in &ids {
            table.remove(id)?;
        }
    }
    Ok(ids.len())
}

fn remove_drafts(tx: &WriteTransaction, client: ClientId, write: bool) -> Result<usize> {
    let mut drafts = tx.open_table(DRAFTS)?;
    let keys: Vec<String> = drafts
        .range((client, "")..(client + 1, ""))?
        .map(|r| r.map(|(k, _)| k.value().1.to_string()))
        .collect::<Result<_, _>>()?;
    if write {
        for advisor in &keys {
            drafts.remove((client, advisor.as_str()))?;
        }
    }
    Ok(keys.len())
}

/// The client's shares go with them, and so do the caseload notices that name them.
fn remove_mentions(tx: &WriteTransaction, client: &Client) -> Result<()> {
    tx.open_multimap_table(super::access::SHARES)?
        .remove_all(client.id)?;
    let mut notices = tx.open_table(super::caseload::NOTICES)?;
    let mut naming = Vec::new();
    for row in notices.iter()? {
        let (k, v) = row?;
        if v.value().contains(client.name.as_str()) {
            let (advisor, n) = k.value();
            naming.push((advisor.to_string(), n));
        }
    }
    for (advisor, n) in naming {
        notices.remove((advisor.as_str(), n))?;
    }
    Ok(())
}

/// Erases in one transaction, or only counts when `write` is false.
fn erase_in(
    tx: &WriteTransaction,
    id: ClientId,
    write: bool,
    at: DateTime<Utc>,
    actor: &str,
) -> Result<Erasure> {
    let client: Client = index::existing(tx, id)?;
    let records = tx.open_multimap_table(CLIENT_RECORDS)?;
    let venture_ids = ids_of(&records, id, Kind::Venture)?;
    let step_ids = ids_of(&records, id, Kind::NextStep)?;
    let milestone_ids = ids_of(&records, id, Kind::Milestone)?;
    drop(records);
    let session_ids = client_session_ids(tx, id)?;
    let erasure = Erasure {
        client_id: id,
        ventures: venture_ids.len(),
        sessions: session_ids.len(),
        next_steps: step_ids.len(),
        milestones: milestone_ids.len(),
        drafts: remove_drafts(tx, id, write)?,
        trash_entries: remove_trash(tx, id, write)?,
        audit_entries: scrub_audit(tx, id, write)?,
    };
    if !write {
        return Ok(erasure);
    }
    remove_mentions(tx, &client)?;
    let client: Client = take(tx, client.id)?;
    let ventures: Vec<Venture> = take_all(tx, &venture_ids)?;
    let sessions: Vec<Session> = take_all(tx, &session_ids)?;
    let steps: Vec<NextStep> = take_all(tx, &step_ids)?;
    let milestones: Vec<Milestone> = take_all(tx, &milestone_ids)?;
    let tomb = Tombstone::of(&client, &ventures, &sessions, &steps, &milestones);
    codec::put(&mut tx.open_table(ERASED)?, ERASED.name(), id, &tomb)?;
    summary::refresh(tx, id)?;
    audit::append(tx, at, actor, Some(id), "client.erase", "")?;
    rewrite::mark_pending(tx)?;
    Ok(erasure)
}

impl Store {
    /// What erasing `id` would remove, without removing anything.
    pub fn erasure_plan(&self, id: ClientId) -> Result<Erasure> {
        let db = self.db();
        let tx = db.begin_write()?;
        let plan = erase_in(&tx, id, false, self.now(), "")?;
        tx.abort()?;
        Ok(plan)
    }

    /// Erases client `id` for good on behalf of `actor`, who must be an admin, then rewrites the
    /// file so that none of the erased bytes remain in it.
    pub fn erase_client(&self, actor: &str, id: ClientId) -> Result<Erasure> {
        let erasure = self.write(actor, |tx| {
            require_admin(tx, actor)?;
            erase_in(tx, id, true, self.now(), actor)
        })?;
        self.rewrite()?;
        Ok(erasure)
    }
}

/// What reports count of every erased client, anonymous.
pub(super) fn tombstones(tx: &ReadTransaction) -> Result<Vec<Tombstone>> {
    match tx.open_table(ERASED) {
        Ok(t) => codec::all(&t, ERASED.name()),
        Err(TableError::TableDoesNotExist(_)) => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}
