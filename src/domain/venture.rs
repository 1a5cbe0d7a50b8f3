use serde::{Deserialize, Serialize};

use super::client::ClientId;
use super::error::Checked;
use super::kinds::{Stage, VentureKind};
use super::org_nr::OrgNr;
use super::validate::{self, NAME_MAX, SHORT_MAX};

pub type VentureId = u64;

/// A business the client starts (`new`) or develops (`existing`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Venture {
    pub id: VentureId,
    pub client_id: ClientId,
    pub name: String,
    #[serde(default)]
    pub kind: VentureKind,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub stage: Stage,
    #[serde(default)]
    pub org_nr: Option<OrgNr>,
    /// When true the stage was chosen by hand and milestones no longer move it.
    #[serde(default)]
    pub stage_by_hand: bool,
}

impl Venture {
    pub fn validated(self) -> Checked<Self> {
        Ok(Venture {
            name: validate::line("venture name", &self.name, NAME_MAX)?,
            sector: validate::optional_line(
                "sector",
                self.sector.as_deref().unwrap_or(""),
                SHORT_MAX,
            )?,
            ..self
        })
    }
}
