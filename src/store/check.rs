//! `veileder check`: the file, every record and every index, with a list of what is wrong.
use std::collections::HashSet;
use std::fmt;

use redb::{
    ReadTransaction, ReadableMultimapTable, ReadableTable, ReadableTableMetadata, TableHandle,
};
use serde::de::DeserializeOwned;

use super::Store;
use super::error::{Result, StoreError};
use super::index::Record;
use super::schema::{self, Kind};
use crate::domain::{Client, Milestone, NextStep, Session, Venture};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub String);

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn records<R: Record + DeserializeOwned>(
    tx: &ReadTransaction,
    problems: &mut Vec<Problem>,
) -> Result<Vec<R>> {
    let table = R::TABLE;
    let mut out = Vec::new();
    for row in tx.open_table(table)?.iter()? {
        let (k, v) = row?;
        match super::codec::decode::<R>(table.name(), k.value(), v.value()) {
            Ok(r) if r.id() == k.value() => out.push(r),
            Ok(r) => problems.push(Problem(format!(
                "{} {}: stored under key {}",
                table.name(),
                r.id(),
                k.value()
            ))),
            Err(e) => problems.push(Problem(e.to_string())),
        }
    }
    Ok(out)
}

impl Store {
    /// Verifies the file's checksums, then every record and index. An empty list means healthy.
    /// Every other use of this store (the sessions of `serve`) waits while the file is checked.
    pub fn check(&self) -> Result<Vec<Problem>> {
        let mut problems = Vec::new();
        let integrity = self
            .db
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .check_integrity();
        match integrity {
            Err(StoreError::Following) => return Err(StoreError::Following),
            Ok(true) => {}
            Ok(false) => problems.push(Problem(
                "the file needed repair; it has been repaired".to_string(),
            )),
            Err(e) => {
                problems.push(Problem(format!("the file is damaged: {e}")));
                return Ok(problems);
            }
        }
        let db = self.db();
        let tx = db.begin_read()?;
        let clients: Vec<Client> = records(&tx, &mut problems)?;
        let ventures: Vec<Venture> = records(&tx, &mut problems)?;
        let sessions: Vec<Session> = records(&tx, &mut problems)?;
        let steps: Vec<NextStep> = records(&tx, &mut problems)?;
        let milestones: Vec<Milestone> = records(&tx, &mut problems)?;

        let client_ids: HashSet<u64> = clients.iter().map(|c| c.id).collect();
        let venture_ids: HashSet<u64> = ventures.iter().map(|v| v.id).collect();
        let mut orphan = |what: &str, id: u64, client: u64| {
            if !client_ids.contains(&client) {
                problems.push(Problem(format!(
                    "{what} {id} belongs to client {client}, who does not exist"
                )));
            }
        };
        ventures
            .iter()
            .for_each(|v| orphan("venture", v.id, v.client_id));
        sessions
            .iter()
            .for_each(|s| orphan("session", s.id, s.client_id));
        steps
            .iter()
            .for_each(|s| orphan("next step", s.id, s.client_id));
        milestones
            .iter()
            .for_each(|m| orphan("milestone", m.id, m.client_id));
        for m in milestones
            .iter()
            .filter(|m| !venture_ids.contains(&m.venture_id))
        {
            problems.push(Problem(format!(
                "milestone {} is on venture {}, which does not exist",
                m.id, m.venture_id
            )));
        }

        let summaries = tx.open_table(schema::SUMMARIES)?;
        let summary_count = summaries.len()?;
        if summary_count != clients.len() as u64 {
            problems.push(Problem(format!(
                "{} client summaries for {} clients",
                summary_count,
                clients.len()
            )));
        }
        let timeline = tx.open_table(schema::CLIENT_SESSIONS)?.len()?;
        if timeline != sessions.len() as u64 {
            problems.push(Problem(format!(
                "the timeline index has {timeline} entries for {} sessions",
                sessions.len()
            )));
        }
        let facts = tx.open_table(schema::SESSION_FACTS)?.len()?;
        if facts != sessions.len() as u64 {
            problems.push(Problem(format!(
                "the report facts have {facts} entries for {} sessions",
                sessions.len()
            )));
        }
        let open_due = steps
            .iter()
            .filter(|s| s.is_open() && s.due.is_some())
            .count() as u64;
        let due_index = tx.open_table(schema::STEPS_DUE)?.len()?;
        if due_index != open_due {
            problems.push(Problem(format!("the due-date index has {due_index} entries for {open_due} open steps with a due date")));
        }

        let known: HashSet<(u8, u64)> = [
            (
                Kind::Client,
                clients.iter().map(|r| r.id).collect::<Vec<_>>(),
            ),
            (Kind::Session, sessions.iter().map(|r| r.id).collect()),
            (Kind::NextStep, steps.iter().map(|r| r.id).collect()),
            (Kind::Venture, ventures.iter().map(|r| r.id).collect()),
        ]
        .into_iter()
        .flat_map(|(k, ids)| ids.into_iter().map(move |id| (k as u8, id)))
        .collect();
        let mut stale = 0usize;
        for row in tx.open_multimap_table(schema::TERMS)?.iter()? {
            let (_, values) = row?;
            for v in values {
                if !known.contains(&v?.value()) {
                    stale += 1;
                }
            }
        }
        if stale > 0 {
            problems.push(Problem(format!(
                "the search index has {stale} entries for records that do not exist"
            )));
        }
        Ok(problems)
    }
}
