//! Everything the client page shows, read in one go by `run_effects`, and the figures derived
//! from it (motivation over time, competence first vs latest).
use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::{Client, ClientId, Milestone, NextStep, Session, SessionId, Venture};
use crate::store::{Result, Store};

#[derive(Debug, Clone, PartialEq)]
pub struct ClientPageData {
    pub client: Client,
    /// Newest first.
    pub sessions: Vec<Session>,
    /// Open ones first by due date, then done ones.
    pub steps: Vec<NextStep>,
    pub ventures: Vec<Venture>,
    pub milestones: Vec<Milestone>,
    /// The session to show first (from a search hit), if any.
    pub focus: Option<SessionId>,
}

/// One competence area: the first and the latest rating given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetenceChange {
    pub area: String,
    pub first: u8,
    pub latest: u8,
}

impl ClientPageData {
    /// Reads the page of client `id`; `None` when the client is gone.
    pub fn load(store: &Store, id: ClientId, focus: Option<SessionId>) -> Result<Option<Self>> {
        let Some(client) = store.client(id)? else {
            return Ok(None);
        };
        Ok(Some(ClientPageData {
            client,
            sessions: store.sessions_of(id)?,
            steps: store.next_steps_of(id)?,
            ventures: store.ventures_of(id)?,
            milestones: store.milestones_of(id)?,
            focus,
        }))
    }

    /// Motivation ratings with their dates, oldest first.
    pub fn motivation(&self) -> Vec<(NaiveDate, u8)> {
        self.sessions
            .iter()
            .rev()
            .filter_map(|s| s.motivation.map(|m| (s.started_at.date_naive(), m)))
            .collect()
    }

    /// Per area, the first rating and the latest one: the configured `areas` in their order,
    /// then any others rated under a name no longer configured, alphabetically.
    pub fn competence(&self, areas: &[String]) -> Vec<CompetenceChange> {
        let mut rated: BTreeMap<&str, (u8, u8)> = BTreeMap::new();
        for session in self.sessions.iter().rev() {
            for (area, &rating) in &session.competence {
                rated
                    .entry(area.as_str())
                    .and_modify(|(_, latest)| *latest = rating)
                    .or_insert((rating, rating));
            }
        }
        let rank = |area: &str| areas.iter().position(|a| a == area).unwrap_or(areas.len());
        let mut changes: Vec<CompetenceChange> = rated
            .into_iter()
            .map(|(area, (first, latest))| CompetenceChange {
                area: area.to_string(),
                first,
                latest,
            })
            .collect();
        changes.sort_by_key(|c| rank(&c.area));
        changes
    }

    /// The milestones of one venture, in the order read.
    pub fn milestones_of(&self, venture: u64) -> impl Iterator<Item = &Milestone> {
        self.milestones
            .iter()
            .filter(move |m| m.venture_id == venture)
    }

    /// The rows of the Ventures tab: each venture, then its milestones oldest first.
    pub fn venture_rows(&self) -> Vec<VentureRow<'_>> {
        let mut rows = Vec::new();
        for v in &self.ventures {
            rows.push(VentureRow::Venture(v));
            rows.extend(
                self.milestones_of(v.id)
                    .map(|m| VentureRow::Milestone(v, m)),
            );
        }
        rows
    }
}

/// A row of the Ventures tab.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VentureRow<'a> {
    Venture(&'a Venture),
    Milestone(&'a Venture, &'a Milestone),
}

impl<'a> VentureRow<'a> {
    pub fn venture(self) -> &'a Venture {
        match self {
            VentureRow::Venture(v) | VentureRow::Milestone(v, _) => v,
        }
    }
}
