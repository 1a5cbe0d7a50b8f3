//! What the figures are computed from: the few facts of each client and session that a report
//! counts, with names interned, and sessions in client-then-time order so that one pass over a
//! client's sessions finds their first and latest ratings without a map per session.
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::domain::kinds::{Channel, Gender};
use crate::domain::{Client, ClientId, Milestone, NextStep, Session, Venture};
use crate::transfer::Document;

#[derive(Debug, Clone, PartialEq)]
pub struct ClientFacts {
    pub id: ClientId,
    pub name: String,
    pub gender: Gender,
    pub country: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionFacts {
    pub id: u64,
    pub client_id: ClientId,
    pub started_at: DateTime<Utc>,
    /// Index into `Input::advisors`.
    pub advisor: u32,
    pub minutes: Option<u32>,
    pub channel: Channel,
    pub motivation: Option<u8>,
    /// (index into `Input::areas`, rating).
    pub competence: Vec<(u32, u8)>,
}

#[derive(Debug, Clone, Default)]
pub struct Input {
    /// The known advisors, then any other name a session was recorded by.
    pub advisors: Vec<String>,
    pub areas: Vec<String>,
    /// Ordered by id.
    pub clients: Vec<ClientFacts>,
    /// Ordered by client, then time, then id.
    pub sessions: Vec<SessionFacts>,
    pub ventures: Vec<Venture>,
    pub milestones: Vec<Milestone>,
    pub next_steps: Vec<NextStep>,
}

/// Gives each distinct name a small number, in order of first sight.
#[derive(Default)]
pub struct Names {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Names {
    pub fn of(&mut self, name: &str) -> u32 {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    pub fn into_vec(self) -> Vec<String> {
        self.names
    }
}

impl ClientFacts {
    pub fn of(c: &Client) -> Self {
        ClientFacts {
            id: c.id,
            name: c.name.clone(),
            gender: c.gender,
            country: c.country.clone(),
            created_at: c.created_at,
        }
    }
}

impl SessionFacts {
    pub fn of(s: &Session, advisors: &mut Names, areas: &mut Names) -> Self {
        SessionFacts {
            id: s.id,
            client_id: s.client_id,
            started_at: s.started_at,
            advisor: advisors.of(&s.advisor),
            minutes: s.minutes,
            channel: s.channel,
            motivation: s.motivation,
            competence: s
                .competence
                .iter()
                .map(|(area, value)| (areas.of(area), *value))
                .collect(),
        }
    }
}

impl Input {
    /// Puts clients and sessions in the order the computation needs (cheap when they nearly
    /// are already, as read from the store).
    pub fn sort(&mut self) {
        self.clients.sort_by_key(|c| c.id);
        self.sessions
            .sort_by_key(|s| (s.client_id, s.started_at, s.id));
    }

    pub fn from_document(doc: &Document) -> Input {
        let mut advisors = Names::default();
        for a in &doc.advisors {
            advisors.of(&a.username);
        }
        let mut areas = Names::default();
        let sessions = doc
            .sessions
            .iter()
            .map(|s| SessionFacts::of(s, &mut advisors, &mut areas))
            .collect();
        let clients = doc.clients.iter().map(ClientFacts::of).collect();
        let mut input = Input {
            advisors: advisors.into_vec(),
            areas: areas.into_vec(),
            clients,
            sessions,
            ventures: doc.ventures.clone(),
            milestones: doc.milestones.clone(),
            next_steps: doc.next_steps.clone(),
        };
        input.sort();
        input
    }
}
