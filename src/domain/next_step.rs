use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::client::ClientId;
use super::error::Checked;
use super::kinds::Owner;
use super::validate::{self, SHORT_MAX};

pub type NextStepId = u64;

/// Something the client or the advisor has agreed to do, perhaps by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub id: NextStepId,
    pub client_id: ClientId,
    pub text: String,
    #[serde(default)]
    pub owner: Owner,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
}

impl NextStep {
    pub fn is_open(&self) -> bool {
        self.done_on.is_none()
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|d| d < today)
    }

    pub fn validated(self) -> Checked<Self> {
        if let Some(due) = self.due {
            validate::in_calendar("due", due)?;
        }
        if let Some(done) = self.done_on {
            validate::in_calendar("done_on", done)?;
        }
        Ok(NextStep {
            text: validate::line("next step", &self.text, SHORT_MAX * 5)?,
            ..self
        })
    }
}
