//! `veileder check`: the file, every record and every index, with a list of what is wrong.
use std::collections::HashSet;
use std::fmt;

use redb::{ReadTransaction, ReadableTable, ReadableTableMetadata, TableHandle};
use serde::de::DeserializeOwned;

use super::Store;
use super::error::{Result, StoreError};
use super::index::Indexed;
use super::schema::{self, Kind};
use super::terms;
use crate::domain::{Client, Milestone, NextStep, Session, Venture};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub String);

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Decodes every record of a table in turn, handing each well-stored one to `f` and noting the
/// rest; nothing is kept but what `f` keeps.
fn walk<R: Indexed + DeserializeOwned>(
    tx: &ReadTransaction,
    problems: &mut Vec<Problem>,
    mut f: impl FnMut(R),
) -> Result<u64> {
    let table = R::TABLE;
    let mut count = 0;
    for row in tx.open_table(table)?.iter()? {
        let (k, v) = row?;
        match super::codec::decode::<R>(table.name(), k.value(), v.value()) {
            Ok(r) if r.id() == k.value() => {
                count += 1;
                f(r);
            }
            Ok(r) => problems.push(Problem(format!(
                "{} {}: stored under key {}",
                table.name(),
                r.id(),
                k.value()
            ))),
            Err(e) => problems.push(Problem(e.to_string())),
        }
    }
    Ok(count)
}

/// A record that names its client, to be checked once every client is known.
struct Owned {
    what: &'static str,
    id: u64,
    client: u64,
}

impl Store {
    /// Verifies the file's checksums, then every record and index. An empty list means healthy.
    /// Every other use of this store (the sessions of `serve`) waits while the file is checked.
    pub fn check(&self) -> Result<Vec<Problem>> {
        let mut problems = Vec::new();
        let started = std::time::Instant::now();
        let integrity = self
            .db
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .check_integrity();
        // Every session of `serve` waits for this part; the log says how long.
        tracing::info!(elapsed = ?started.elapsed(), "checked the file's checksums");
        match integrity {
            Err(e @ (StoreError::Following | StoreError::ReadOnly { .. })) => return Err(e),
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
        let mut known: HashSet<(u8, u64)> = HashSet::new();
        let mut owned: Vec<Owned> = Vec::new();
        let mut own = |what, id, client| owned.push(Owned { what, id, client });
        let mut advised = 0u64;
        let clients = walk(&tx, &mut problems, |c: Client| {
            known.insert((Kind::Client as u8, c.id));
            advised += u64::from(c.advisor.is_some());
        })?;
        let mut venture_ids = HashSet::new();
        walk(&tx, &mut problems, |v: Venture| {
            known.insert((Kind::Venture as u8, v.id));
            venture_ids.insert(v.id);
            own("venture", v.id, v.client_id);
        })?;
        let sessions = walk(&tx, &mut problems, |s: Session| {
            known.insert((Kind::Session as u8, s.id));
            own("session", s.id, s.client_id);
        })?;
        let mut open_due = 0u64;
        walk(&tx, &mut problems, |s: NextStep| {
            known.insert((Kind::NextStep as u8, s.id));
            open_due += u64::from(s.is_open() && s.due.is_some());
            own("next step", s.id, s.client_id);
        })?;
        let mut unknown_ventures = Vec::new();
        walk(&tx, &mut problems, |m: Milestone| {
            own("milestone", m.id, m.client_id);
            if !venture_ids.contains(&m.venture_id) {
                unknown_ventures.push((m.id, m.venture_id));
            }
        })?;
        for o in owned {
            if !known.contains(&(Kind::Client as u8, o.client)) {
                problems.push(Problem(format!(
                    "{} {} belongs to client {}, who does not exist",
                    o.what, o.id, o.client
                )));
            }
        }
        for (id, venture) in unknown_ventures {
            problems.push(Problem(format!(
                "milestone {id} is on venture {venture}, which does not exist"
            )));
        }

        let summaries = tx.open_table(schema::SUMMARIES)?;
        let summary_count = summaries.len()?;
        if summary_count != clients {
            problems.push(Problem(format!(
                "{summary_count} client summaries for {clients} clients"
            )));
        }
        let timeline = tx.open_table(schema::CLIENT_SESSIONS)?.len()?;
        if timeline != sessions {
            problems.push(Problem(format!(
                "the timeline index has {timeline} entries for {sessions} sessions"
            )));
        }
        let facts = tx.open_table(schema::SESSION_FACTS)?.len()?;
        if facts != sessions {
            problems.push(Problem(format!(
                "the report facts have {facts} entries for {sessions} sessions"
            )));
        }
        let times = tx.open_table(schema::SESSION_TIMES)?.len()?;
        if times != sessions {
            problems.push(Problem(format!(
                "the session times have {times} entries for {sessions} sessions"
            )));
        }
        let caseloads = tx.open_table(schema::CASELOADS)?.len()?;
        if caseloads != advised {
            problems.push(Problem(format!(
                "the caseload index has {caseloads} entries for {advised} clients with an advisor"
            )));
        }
        let due_index = tx.open_table(schema::STEPS_DUE)?.len()?;
        if due_index != open_due {
            problems.push(Problem(format!("the due-date index has {due_index} entries for {open_due} open steps with a due date")));
        }

        let index = terms::faults(&tx.open_table(schema::TERM_BLOCKS)?, |p| known.contains(p))?;
        if index.stale > 0 {
            problems.push(Problem(format!(
                "the search index has {} entries for records that do not exist",
                index.stale
            )));
        }
        if index.damaged > 0 {
            problems.push(Problem(format!(
                "damaged blocks in the search index: {}; searches may miss what they hold",
                index.damaged
            )));
        }
        Ok(problems)
    }
}
