//! What the client list shows about each client, kept in its own table and refreshed in the
//! transaction of every write that changes it, so the list never reads sessions.
//!
//! Summaries are derived data, so they use a compact positional encoding (postcard) that decodes
//! several times faster than the self-describing records; `FORMAT` names its shape, and a file
//! whose summaries have another shape gets them rebuilt when it is opened.
use chrono::{DateTime, NaiveDate, Utc};
use redb::{ReadTransaction, ReadableTable, ReadableTableMetadata, TableHandle, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::Store;
use super::codec;
use super::error::{Result, StoreError};
use super::index::{ids_of, load};
use super::schema::{self, Kind, SUMMARIES};
use crate::domain::{
    Client, ClientId, ClientStatus, Gender, NextStep, Owner, Session, Stage, Venture, VentureKind,
};

pub const TREND_LEN: usize = 8;
/// Bump when `ClientSummary` changes shape: summaries are rebuilt from the records on open.
pub const FORMAT: u32 = 1;

fn encode(id: ClientId, summary: &ClientSummary) -> Result<Vec<u8>> {
    postcard::to_stdvec(summary).map_err(|e| StoreError::Corrupt {
        table: SUMMARIES.name().to_string(),
        key: id.to_string(),
        reason: e.to_string(),
    })
}

fn decode(id: ClientId, bytes: &[u8]) -> Result<ClientSummary> {
    postcard::from_bytes(bytes).map_err(|e| StoreError::Corrupt {
        table: SUMMARIES.name().to_string(),
        key: id.to_string(),
        reason: e.to_string(),
    })
}

/// Rebuilds every client's summary (after a change of `FORMAT`).
pub fn rebuild_all(tx: &WriteTransaction) -> Result<()> {
    let ids: Vec<ClientId> = {
        let clients = tx.open_table(schema::CLIENTS)?;
        let mut ids = Vec::new();
        for row in clients.iter()? {
            ids.push(row?.0.value());
        }
        ids
    };
    tx.delete_table(SUMMARIES)?;
    tx.open_table(SUMMARIES)?;
    ids.into_iter().try_for_each(|id| refresh(tx, id))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VentureBrief {
    pub id: u64,
    pub name: String,
    pub kind: VentureKind,
    pub stage: Stage,
    #[serde(default)]
    pub sector: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientSummary {
    pub id: ClientId,
    pub name: String,
    #[serde(default)]
    pub advisor: Option<String>,
    #[serde(default)]
    pub status: ClientStatus,
    #[serde(default)]
    pub gender: Gender,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(with = "chrono::serde::ts_seconds")]
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub ventures: Vec<VentureBrief>,
    #[serde(default)]
    pub sessions: u32,
    #[serde(default, with = "chrono::serde::ts_seconds_option")]
    pub last_contact: Option<DateTime<Utc>>,
    /// Motivation of the latest rated sessions, oldest first.
    #[serde(default)]
    pub motivation: Vec<u8>,
    #[serde(default)]
    pub open_steps: u32,
    /// The open next step due first, with its due date.
    #[serde(default)]
    pub next_due: Option<(NaiveDate, String)>,
    /// The advisor's own open step due first (undated last): what the advisor owes the client.
    #[serde(default)]
    pub owed: Option<(Option<NaiveDate>, String)>,
}

impl ClientSummary {
    pub fn main_venture(&self) -> Option<&VentureBrief> {
        self.ventures
            .iter()
            .find(|v| !matches!(v.stage, Stage::Closed))
            .or(self.ventures.first())
    }

    pub fn days_since_contact(&self, today: NaiveDate) -> Option<i64> {
        self.last_contact
            .map(|t| (today - t.date_naive()).num_days())
    }
}

/// Recomputes the summary of `client_id` from its records, or removes it when the client is gone.
pub fn refresh(tx: &WriteTransaction, client_id: ClientId) -> Result<()> {
    let mut summaries = tx.open_table(SUMMARIES)?;
    let clients = tx.open_table(schema::CLIENTS)?;
    let Some(client) = codec::get::<Client>(&clients, schema::CLIENTS.name(), client_id)? else {
        summaries.remove(client_id)?;
        return Ok(());
    };
    let records = tx.open_multimap_table(schema::CLIENT_RECORDS)?;
    let ventures: Vec<Venture> = load(
        &tx.open_table(schema::VENTURES)?,
        &ids_of(&records, client_id, Kind::Venture)?,
    )?;
    let steps: Vec<NextStep> = load(
        &tx.open_table(schema::NEXT_STEPS)?,
        &ids_of(&records, client_id, Kind::NextStep)?,
    )?;

    let timeline = tx.open_table(schema::CLIENT_SESSIONS)?;
    let sessions_table = tx.open_table(schema::SESSIONS)?;
    let mut count = 0u32;
    let mut last_contact = None;
    let mut motivation = Vec::new();
    for row in timeline
        .range((client_id, i64::MIN, 0)..=(client_id, i64::MAX, u64::MAX))?
        .rev()
    {
        let (key, _) = row?;
        let (_, _, session_id) = key.value();
        count += 1;
        if motivation.len() < TREND_LEN || last_contact.is_none() {
            if let Some(s) =
                codec::get::<Session>(&sessions_table, schema::SESSIONS.name(), session_id)?
            {
                last_contact = last_contact.or(Some(s.started_at));
                if motivation.len() < TREND_LEN {
                    motivation.extend(s.motivation);
                }
            }
        }
    }
    motivation.reverse();
    let summary = build(&client, &ventures, &steps, count, last_contact, motivation);
    summaries.insert(client_id, encode(client_id, &summary)?.as_slice())?;
    Ok(())
}

fn build(
    client: &Client,
    ventures: &[Venture],
    steps: &[NextStep],
    sessions: u32,
    last_contact: Option<DateTime<Utc>>,
    motivation: Vec<u8>,
) -> ClientSummary {
    let open: Vec<&NextStep> = steps.iter().filter(|s| s.is_open()).collect();
    let next_due = open
        .iter()
        .filter_map(|s| s.due.map(|d| (d, s.text.clone())))
        .min_by(|a, b| a.0.cmp(&b.0));
    let owed = open
        .iter()
        .filter(|s| s.owner == Owner::Advisor)
        .min_by_key(|s| (s.due.is_none(), s.due))
        .map(|s| (s.due, s.text.clone()));
    ClientSummary {
        id: client.id,
        name: client.name.clone(),
        advisor: client.advisor.clone(),
        status: client.status,
        gender: client.gender,
        phone: client.phone.clone(),
        email: client.email.clone(),
        country: client.country.clone(),
        tags: client.tags.clone(),
        created_at: client.created_at,
        ventures: ventures
            .iter()
            .map(|v| VentureBrief {
                id: v.id,
                name: v.name.clone(),
                kind: v.kind,
                stage: v.stage,
                sector: v.sector.clone(),
            })
            .collect(),
        sessions,
        last_contact,
        motivation,
        open_steps: u32::try_from(open.len()).unwrap_or(u32::MAX),
        next_due,
        owed,
    }
}

/// Every client's summary, by id.
pub fn all(tx: &ReadTransaction) -> Result<Vec<ClientSummary>> {
    let table = tx.open_table(SUMMARIES)?;
    let mut out = Vec::with_capacity(usize::try_from(table.len()?).unwrap_or(0));
    for row in table.iter()? {
        let (k, v) = row?;
        out.push(decode(k.value(), v.value())?);
    }
    Ok(out)
}

/// The summaries of `ids` that exist, in the order given.
pub fn some(tx: &ReadTransaction, ids: &[ClientId]) -> Result<Vec<ClientSummary>> {
    let table = tx.open_table(SUMMARIES)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(v) = table.get(*id)? {
            out.push(decode(*id, v.value())?);
        }
    }
    Ok(out)
}

impl Store {
    /// Every client's summary, by id.
    pub fn client_summaries(&self) -> Result<Vec<ClientSummary>> {
        self.read(all)
    }

    pub fn client_summary(&self, id: ClientId) -> Result<Option<ClientSummary>> {
        self.read(|tx| match tx.open_table(SUMMARIES)?.get(id)? {
            Some(v) => decode(id, v.value()).map(Some),
            None => Ok(None),
        })
    }

    /// Active clients with no contact for at least `days` days (or none ever, counted from when
    /// they were added), longest silence first.
    pub fn dormant_clients(&self, today: NaiveDate, days: u32) -> Result<Vec<ClientSummary>> {
        Ok(dormant_among(self.client_summaries()?, today, days))
    }
}

/// The active clients of `summaries` not contacted for `days` days, longest first.
pub fn dormant_among(
    summaries: impl IntoIterator<Item = ClientSummary>,
    today: NaiveDate,
    days: u32,
) -> Vec<ClientSummary> {
    let mut out: Vec<(i64, ClientSummary)> = summaries
        .into_iter()
        .filter(|c| c.status == ClientStatus::Active)
        .map(|c| {
            let since = c.last_contact.unwrap_or(c.created_at).date_naive();
            ((today - since).num_days(), c)
        })
        .filter(|(d, _)| *d >= i64::from(days))
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
    out.into_iter().map(|(_, c)| c).collect()
}
