//! The facts of each session that reports count (who, when, how long, which channel, ratings),
//! kept beside the session in the same transaction in a compact positional encoding, so that a
//! report over 200,000 sessions never decodes a note.
//!
//! Beside them, every session's time across all clients (`SESSION_TIMES`), so a search can take
//! the newest sessions first without reading them.
//!
//! Like the summaries this is derived data: `FORMAT` names its shape, and a file whose facts
//! have another shape (or none yet) gets them rebuilt from the sessions when it is opened.
use redb::{ReadTransaction, ReadableTable, TableHandle, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::Store;
use super::codec;
use super::error::{Result, StoreError};
use super::schema::{self, SESSION_FACTS, SESSION_TIMES};
use super::{erase, summary};
use crate::domain::kinds::Channel;
use crate::domain::{Milestone, NextStep, Session, Venture};
use crate::report::{ClientFacts, Input, Names, SessionFacts};

/// Bump when `Stored` changes shape: the facts are rebuilt from the sessions on open.
/// 2: with `SESSION_TIMES`.
pub const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    nanos: u32,
    advisor: &'a str,
    minutes: Option<u32>,
    channel: Channel,
    motivation: Option<u8>,
    #[serde(borrow)]
    competence: Vec<(&'a str, u8)>,
}

fn key(s: &Session) -> (u64, i64, u64) {
    (s.client_id, s.started_at.timestamp(), s.id)
}

fn corrupt(key: (u64, i64, u64), e: postcard::Error) -> StoreError {
    StoreError::Corrupt {
        table: SESSION_FACTS.name().to_string(),
        key: format!("{key:?}"),
        reason: e.to_string(),
    }
}

/// Adds (`add`) or removes the facts and the time of `session`.
pub fn link(tx: &WriteTransaction, session: &Session, add: bool) -> Result<()> {
    let mut times = tx.open_table(SESSION_TIMES)?;
    let mut table = tx.open_table(SESSION_FACTS)?;
    let key = key(session);
    let time = (session.started_at.timestamp(), session.id);
    if !add {
        times.remove(time)?;
        table.remove(key)?;
        return Ok(());
    }
    times.insert(time, session.client_id)?;
    let stored = Stored {
        nanos: session.started_at.timestamp_subsec_nanos(),
        advisor: &session.advisor,
        minutes: session.minutes,
        channel: session.channel,
        motivation: session.motivation,
        competence: session
            .competence
            .iter()
            .map(|(a, v)| (a.as_str(), *v))
            .collect(),
    };
    let bytes = postcard::to_stdvec(&stored).map_err(|e| corrupt(key, e))?;
    table.insert(key, bytes.as_slice())?;
    Ok(())
}

/// Rebuilds the facts of every session (after a change of `FORMAT`, or on a file without them).
pub fn rebuild_all(tx: &WriteTransaction) -> Result<()> {
    tx.delete_table(SESSION_FACTS)?;
    tx.delete_table(SESSION_TIMES)?;
    tx.open_table(SESSION_FACTS)?;
    tx.open_table(SESSION_TIMES)?;
    let sessions = tx.open_table(schema::SESSIONS)?;
    for row in sessions.iter()? {
        let (k, v) = row?;
        let session: Session = codec::decode(schema::SESSIONS.name(), k.value(), v.value())?;
        link(tx, &session, true)?;
    }
    Ok(())
}

fn sessions(
    tx: &ReadTransaction,
    advisors: &mut Names,
    areas: &mut Names,
) -> Result<Vec<SessionFacts>> {
    let table = tx.open_table(SESSION_FACTS)?;
    let mut out = Vec::new();
    for row in table.iter()? {
        let (k, v) = row?;
        let key = k.value();
        let (client_id, secs, id) = key;
        let stored: Stored = postcard::from_bytes(v.value()).map_err(|e| corrupt(key, e))?;
        let started_at = chrono::DateTime::from_timestamp(secs, stored.nanos).ok_or_else(|| {
            StoreError::Corrupt {
                table: SESSION_FACTS.name().to_string(),
                key: format!("{key:?}"),
                reason: "the time is out of range".to_string(),
            }
        })?;
        out.push(SessionFacts {
            id,
            client_id,
            started_at,
            advisor: advisors.of(stored.advisor),
            minutes: stored.minutes,
            channel: stored.channel,
            motivation: stored.motivation,
            competence: stored
                .competence
                .iter()
                .map(|(a, v)| (areas.of(a), *v))
                .collect(),
        });
    }
    Ok(out)
}

impl Store {
    /// What a report is computed from, read in one transaction without any note.
    pub fn report_input(&self) -> Result<Input> {
        self.read(|tx| {
            let mut advisors = Names::default();
            for row in tx.open_table(schema::ADVISORS)?.iter()? {
                advisors.of(row?.0.value());
            }
            let mut areas = Names::default();
            let mut sessions = sessions(tx, &mut advisors, &mut areas)?;
            let mut clients: Vec<ClientFacts> = summary::all(tx)?
                .into_iter()
                .map(|s| ClientFacts {
                    id: s.id,
                    name: s.name,
                    gender: s.gender,
                    country: s.country,
                    created_at: s.created_at,
                })
                .collect();
            let mut ventures: Vec<Venture> =
                codec::all(&tx.open_table(schema::VENTURES)?, schema::VENTURES.name())?;
            let mut milestones: Vec<Milestone> = codec::all(
                &tx.open_table(schema::MILESTONES)?,
                schema::MILESTONES.name(),
            )?;
            let mut next_steps: Vec<NextStep> = codec::all(
                &tx.open_table(schema::NEXT_STEPS)?,
                schema::NEXT_STEPS.name(),
            )?;
            // Erased clients still count, anonymous.
            for t in erase::tombstones(tx)? {
                clients.push(ClientFacts::of(&t.client));
                sessions.extend(
                    t.sessions
                        .iter()
                        .map(|s| SessionFacts::of(s, &mut advisors, &mut areas)),
                );
                ventures.extend(t.ventures);
                milestones.extend(t.milestones);
                next_steps.extend(t.next_steps);
            }
            let mut input = Input {
                advisors: advisors.into_vec(),
                areas: areas.into_vec(),
                clients,
                sessions,
                ventures,
                milestones,
                next_steps,
            };
            input.sort();
            Ok(input)
        })
    }
}
