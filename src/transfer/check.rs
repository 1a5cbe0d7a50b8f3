//! Every record of a document checked as it streams past: valid, its id unique in its list, its
//! client and venture in the document. Only ids are kept, so a national document checks in
//! little memory; the problems are listed in document order whatever order the lists came in.
use std::collections::HashMap;
use std::convert::Infallible;

use chrono::NaiveDate;

use super::errors::ImportErrors;
use super::stream::{Item, Sink};
use crate::domain::{Checked, Client, Milestone, NextStep, Record, Session, Venture};

/// Where a problem is listed: the list, the record's place in it, and which check.
type Order = (u8, usize, u8);

const HEADER: u8 = 0;
const ADVISORS: u8 = 1;
const KINDS: [&str; 5] = [
    "clients",
    "ventures",
    "sessions",
    "next_steps",
    "milestones",
];
/// Milestones whose venture is missing or another client's, listed after every other problem.
const MILESTONE_VENTURES: u8 = 7;
const DUPLICATE: u8 = 0;
const REFERENCE: u8 = 1;
const INVALID: u8 = 2;

/// What the writing pass needs to know before it starts: the ids of the clients and ventures in
/// document order (to renumber them as the whole-document import did).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plan {
    pub clients: Vec<u64>,
    pub ventures: Vec<u64>,
}

pub struct Checker {
    today: NaiveDate,
    problems: Vec<(Order, String)>,
    usernames: HashMap<String, usize>,
    /// Per list of `KINDS`: where each id first occurs.
    ids: [HashMap<u64, usize>; 5],
    /// Records naming a client, checked at the end when every client is known.
    owners: Vec<(u8, usize, u64, u64)>,
    /// Milestones: index, id, client, venture.
    milestones: Vec<(usize, u64, u64, u64)>,
    /// The client of each venture's first occurrence.
    venture_clients: HashMap<u64, u64>,
    plan: Plan,
}

impl Checker {
    pub fn new(today: NaiveDate) -> Self {
        Checker {
            today,
            problems: Vec::new(),
            usernames: HashMap::new(),
            ids: Default::default(),
            owners: Vec::new(),
            milestones: Vec::new(),
            venture_clients: HashMap::new(),
            plan: Plan::default(),
        }
    }

    /// A problem with the document's format or version, if there is one.
    pub fn header_problem_if(&mut self, checked: Result<(), String>) {
        if let Err(problem) = checked {
            self.problems.push(((HEADER, 0, 0), problem));
        }
    }

    fn record<R: DocRecord>(&mut self, index: usize, record: R) {
        let list = R::LIST as usize;
        let section = R::LIST + 2;
        let at = || format!("{}[{index}] (id {})", KINDS[list], record.id());
        let first = *self.ids[list].entry(record.id()).or_insert(index);
        if first != index {
            let problem = format!(
                "{}: id {} is also used by {}[{first}]",
                at(),
                record.id(),
                KINDS[list]
            );
            self.problems.push(((section, index, DUPLICATE), problem));
        }
        if let Some(client) = record.owner() {
            self.owners.push((R::LIST, index, record.id(), client));
        }
        let at = at();
        if let Err(e) = record.check(self.today) {
            self.problems
                .push(((section, index, INVALID), format!("{at}: {e}")));
        }
    }

    /// The plan for the writing pass, or every reason the document is refused.
    pub fn finish(mut self) -> Result<Plan, ImportErrors> {
        let clients = &self.ids[0];
        for &(list, index, id, client) in &self.owners {
            if !clients.contains_key(&client) {
                let problem = format!(
                    "{}[{index}] (id {id}): client_id {client} is not a client in the document",
                    KINDS[list as usize]
                );
                self.problems.push(((list + 2, index, REFERENCE), problem));
            }
        }
        for &(index, id, client, venture) in &self.milestones {
            let at = format!("milestones[{index}] (id {id})");
            let problem = match self.venture_clients.get(&venture) {
                None => format!("{at}: venture_id {venture} is not a venture in the document"),
                Some(&owner) if owner != client => format!(
                    "{at}: venture_id {venture} belongs to client {owner}, not to client_id {client}"
                ),
                Some(_) => continue,
            };
            self.problems
                .push(((MILESTONE_VENTURES, index, 0), problem));
        }
        if self.problems.is_empty() {
            return Ok(self.plan);
        }
        self.problems.sort_by_key(|(order, _)| *order);
        let count = self.problems.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        Err(ImportErrors::many(
            format!("the document was refused for {count} {noun}; nothing was imported:"),
            self.problems.into_iter().map(|(_, p)| p).collect(),
        ))
    }
}

impl Sink for Checker {
    type Error = Infallible;

    fn take(&mut self, index: usize, item: Item) -> Result<(), Infallible> {
        match item {
            Item::Advisor(advisor) => {
                let at = format!("advisors[{index}] ({})", advisor.username);
                let first = *self
                    .usernames
                    .entry(advisor.username.clone())
                    .or_insert(index);
                if first != index {
                    let problem = format!(
                        "{at}: username '{}' is also used by advisors[{first}]",
                        advisor.username
                    );
                    self.problems.push(((ADVISORS, index, DUPLICATE), problem));
                }
                if let Err(e) = advisor.validated() {
                    self.problems
                        .push(((ADVISORS, index, INVALID), format!("{at}: {e}")));
                }
            }
            Item::Client(c) => {
                self.plan.clients.push(c.id);
                self.record(index, *c);
            }
            Item::Venture(v) => {
                self.plan.ventures.push(v.id);
                self.venture_clients.entry(v.id).or_insert(v.client_id);
                self.record(index, v);
            }
            Item::Session(s) => self.record(index, s),
            Item::NextStep(n) => self.record(index, n),
            Item::Milestone(m) => {
                self.milestones
                    .push((index, m.id, m.client_id, m.venture_id));
                self.record(index, m);
            }
        }
        Ok(())
    }
}

/// A record kind as the checks see it.
trait DocRecord: Record {
    /// Its place in `KINDS`.
    const LIST: u8;
    fn check(self, today: NaiveDate) -> Checked<()>;
}

impl DocRecord for Client {
    const LIST: u8 = 0;
    fn check(self, today: NaiveDate) -> Checked<()> {
        self.validated(today).map(drop)
    }
}

impl DocRecord for Venture {
    const LIST: u8 = 1;
    fn check(self, _: NaiveDate) -> Checked<()> {
        self.validated().map(drop)
    }
}

impl DocRecord for Session {
    const LIST: u8 = 2;
    /// Competence areas are configuration, which a document does not carry.
    fn check(self, _: NaiveDate) -> Checked<()> {
        self.validated(None).map(drop)
    }
}

impl DocRecord for NextStep {
    const LIST: u8 = 3;
    fn check(self, _: NaiveDate) -> Checked<()> {
        self.validated().map(drop)
    }
}

impl DocRecord for Milestone {
    const LIST: u8 = 4;
    fn check(self, _: NaiveDate) -> Checked<()> {
        self.validated().map(drop)
    }
}
