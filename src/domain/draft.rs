use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::client::ClientId;
use super::kinds::{Channel, Owner};

/// A next step typed in call mode but not yet saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingStep {
    pub text: String,
    #[serde(default)]
    pub owner: Owner,
    #[serde(default)]
    pub due: Option<NaiveDate>,
}

/// The unsaved state of call mode for one client and one advisor, written as they type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub client_id: ClientId,
    pub advisor: String,
    pub started_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub channel: Channel,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub motivation: Option<u8>,
    #[serde(default)]
    pub competence: BTreeMap<String, u8>,
    #[serde(default)]
    pub new_steps: Vec<PendingStep>,
    #[serde(default)]
    pub ticked_steps: Vec<u64>,
}
