use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::client::ClientId;
use super::error::{Accepted, Checked, Invalid, Problem};
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
        validate::in_calendar("date", self.date)?;
        if self.jobs == Some(0) {
            return Err(Invalid::new("jobs", Problem::Zero, Accepted::JobsFromOne));
        }
        if self.kind == MilestoneKind::Hired && self.jobs.is_none() {
            return Err(Invalid::new(
                "jobs",
                Problem::MissingFor("hired"),
                Accepted::JobsCreated,
            ));
        }
        if self.kind == MilestoneKind::Funding && self.amount_nok.is_none() {
            return Err(Invalid::new(
                "amount_nok",
                Problem::MissingFor("funding"),
                Accepted::Kroner,
            ));
        }
        Ok(Milestone {
            note: validate::optional_line(
                "note",
                self.note.as_deref().unwrap_or(""),
                SHORT_MAX * 5,
            )?,
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

fn rank(stage: Stage) -> u8 {
    match stage {
        Stage::Idea | Stage::Paused => 0,
        Stage::Planning => 1,
        Stage::Registered => 2,
        Stage::Operating => 3,
        Stage::Growing => 4,
        Stage::Closed => 5,
    }
}

/// The stage a venture's milestones put it in, starting from `current`: in date order each
/// milestone moves it forward (never back), `closed` closes it and a later one reopens it.
pub fn stage_from(current: Stage, milestones: &[Milestone]) -> Stage {
    let mut sorted: Vec<&Milestone> = milestones.iter().collect();
    sorted.sort_by_key(|m| (m.date, m.id));
    sorted
        .into_iter()
        .fold(current, |stage, m| match Milestone::implied_stage(m.kind) {
            Some(next)
                if next == Stage::Closed || stage == Stage::Closed || rank(next) > rank(stage) =>
            {
                next
            }
            _ => stage,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: u64, kind: MilestoneKind, day: u32) -> Milestone {
        Milestone {
            id,
            client_id: 1,
            venture_id: 1,
            kind,
            date: NaiveDate::from_ymd_opt(2026, 1, day).unwrap(),
            amount_nok: None,
            jobs: None,
            note: None,
        }
    }

    #[test]
    fn stage_follows_milestones_forward_only() {
        use MilestoneKind::*;
        assert_eq!(stage_from(Stage::Planning, &[]), Stage::Planning);
        assert_eq!(
            stage_from(Stage::Idea, &[m(1, Registered, 1)]),
            Stage::Registered
        );
        assert_eq!(
            stage_from(Stage::Idea, &[m(2, FirstSale, 5), m(1, Registered, 1)]),
            Stage::Operating
        );
        assert_eq!(
            stage_from(Stage::Idea, &[m(1, Hired, 1), m(2, FirstSale, 5)]),
            Stage::Growing
        );
        assert_eq!(
            stage_from(Stage::Idea, &[m(1, Registered, 1), m(2, Closed, 5)]),
            Stage::Closed
        );
        assert_eq!(
            stage_from(Stage::Idea, &[m(1, Closed, 1), m(2, FirstSale, 5)]),
            Stage::Operating
        );
        assert_eq!(
            stage_from(Stage::Operating, &[m(1, Funding, 1)]),
            Stage::Operating
        );
    }

    #[test]
    fn hired_needs_jobs_and_funding_an_amount() {
        assert!(
            m(1, MilestoneKind::Hired, 1)
                .validated()
                .unwrap_err()
                .to_string()
                .contains("jobs")
        );
        assert!(
            m(1, MilestoneKind::Funding, 1)
                .validated()
                .unwrap_err()
                .to_string()
                .contains("amount_nok")
        );
        assert!(m(1, MilestoneKind::Registered, 1).validated().is_ok());
    }
}
