//! The export document of PRODUCT.md: every record of a centre in one JSON value.
use std::convert::Infallible;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::stream::{Item, Sink};
use crate::domain::{Advisor, Client, Milestone, NextStep, Session, Venture};

pub const FORMAT: &str = "veileder";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    #[serde(default)]
    pub advisors: Vec<Advisor>,
    #[serde(default)]
    pub clients: Vec<Client>,
    #[serde(default)]
    pub ventures: Vec<Venture>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub next_steps: Vec<NextStep>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

impl Document {
    pub fn empty(exported_at: DateTime<Utc>) -> Self {
        Document {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at,
            advisors: Vec::new(),
            clients: Vec::new(),
            ventures: Vec::new(),
            sessions: Vec::new(),
            next_steps: Vec::new(),
            milestones: Vec::new(),
        }
    }
}

/// A document is also where a stream of records can be gathered whole.
impl Sink for Document {
    type Error = Infallible;

    fn take(&mut self, _index: usize, item: Item) -> Result<(), Infallible> {
        match item {
            Item::Advisor(a) => self.advisors.push(a),
            Item::Client(c) => self.clients.push(*c),
            Item::Venture(v) => self.ventures.push(v),
            Item::Session(s) => self.sessions.push(s),
            Item::NextStep(n) => self.next_steps.push(n),
            Item::Milestone(m) => self.milestones.push(m),
        }
        Ok(())
    }
}
