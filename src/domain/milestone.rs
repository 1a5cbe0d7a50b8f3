use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::client::ClientId;
use super::error::{Checked, Invalid};
use super::kinds::{MilestoneKind, Stage};
use super::validate::{self, SHORT_MAX};
use super::venture::VentureId;

pub type MilestoneId = u64;

/// An outcome on a venture: registered, first sale, people hired, funding, expanded, closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: MilestoneId,
    pub client_id: ClientId,
    pub venture_id: VentureId,
    pub kind: MilestoneKind,
    pub date: NaiveDate,
    #[serde(default)]
    pub amount_nok: Option<u64>,
    #[serde(default)]
    pub jobs: Option<u32>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Milestone {
    pub fn validated(self) -> Checked<Self> {
        if self.jobs == Some(0) {
            return Err(Invalid::new("jobs", "is 0", "a number of jobs from 1 up"));
        }
        if self.kind == MilestoneKind::Hired && self.jobs.is_none() {
            return Err(Invalid::new("jobs", "is missing for 'hired'", "the number of jobs created, from 1 up"));
        }
        if self.kind == MilestoneKind::Funding && self.amount_nok.is_none() {
            return Err(Invalid::new(
                "amount_nok",
                "is missing for 'funding'",
                "the amount in whole kroner",
            ));
        }
        Ok(Milestone {
            note: validate::optional_line("note", self.note.as_deref().unwrap_or(""), SHORT_MAX * 5)?,
            ..self
        })
    }

    /// The stage this milestone implies for its venture, if it moves it at all.
    pub fn implied_stage(kind: MilestoneKind) -> Option<Stage> {
        match kind {
            MilestoneKind::Registered => Some(Stage::Registered),
            MilestoneKind::FirstSale => Some(Stage::Operating),
            MilestoneKind::Hired | MilestoneKind::Expanded => Some(Stage::Growing),
            MilestoneKind::Closed => Some(Stage::Closed),
            MilestoneKind::Funding => None,
        }
    }
}
