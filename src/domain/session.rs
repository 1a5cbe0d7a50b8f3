use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::client::ClientId;
use super::error::{Accepted, Checked, Invalid, Problem};
use super::kinds::Channel;
use super::scales;
use super::validate::{self, SHORT_MAX};

pub type SessionId = u64;
pub const MINUTES_MAX: u32 = 12 * 60;

/// One contact with a client: a call, a meeting, a course day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub client_id: ClientId,
    pub advisor: String,
    pub started_at: DateTime<Utc>,
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub channel: Channel,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub motivation: Option<u8>,
    #[serde(default)]
    pub competence: BTreeMap<String, u8>,
}

impl Session {
    /// The first line of the note, for lists and briefs.
    pub fn summary(&self) -> &str {
        self.notes
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
    }

    /// Checks the values; `areas` restricts competence to the configured areas when given.
    pub fn validated(self, areas: Option<&[String]>) -> Checked<Self> {
        if let Some(m) = self.minutes {
            if m > MINUTES_MAX {
                return Err(Invalid::new(
                    "minutes",
                    Problem::LongerThanADay(m),
                    Accepted::Minutes(MINUTES_MAX),
                ));
            }
        }
        if let Some(m) = self.motivation {
            scales::motivation(i64::from(m))?;
        }
        scales::competence(&self.competence, areas)?;
        validate::in_calendar("started_at", self.started_at.date_naive())?;
        Ok(Session {
            advisor: validate::line("advisor", &self.advisor, SHORT_MAX)?,
            topics: validate::labels("topics", &self.topics)?,
            notes: validate::text("notes", &self.notes)?,
            ..self
        })
    }
}
