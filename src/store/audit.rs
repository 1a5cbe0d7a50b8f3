//! The append-only log of who wrote what, and when.
use chrono::{DateTime, Utc};
use redb::{ReadableTable, TableHandle, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::Store;
use super::codec::{decode, encode};
use super::error::Result;
use super::schema::AUDIT;
use crate::domain::ClientId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: u64,
    pub at: DateTime<Utc>,
    pub advisor: String,
    #[serde(default)]
    pub client_id: Option<ClientId>,
    /// What kind of action, e.g. `session.add`, `client.delete`.
    pub action: String,
    #[serde(default)]
    pub detail: String,
}

pub fn append(
    tx: &WriteTransaction,
    at: DateTime<Utc>,
    advisor: &str,
    client_id: Option<ClientId>,
    action: &str,
    detail: &str,
) -> Result<()> {
    let mut table = tx.open_table(AUDIT)?;
    let id = table.last()?.map(|(k, _)| k.value() + 1).unwrap_or(1);
    let entry = AuditEntry {
        id,
        at,
        advisor: advisor.to_string(),
        client_id,
        action: action.to_string(),
        detail: detail.to_string(),
    };
    let bytes = encode(AUDIT.name(), id, &entry)?;
    table.insert(id, bytes.as_slice())?;
    Ok(())
}

impl Store {
    /// Audit entries, oldest first, optionally only those about a client or by an advisor.
    pub fn audit(
        &self,
        client: Option<ClientId>,
        advisor: Option<&str>,
    ) -> Result<Vec<AuditEntry>> {
        self.read(|tx| {
            let table = tx.open_table(AUDIT)?;
            let mut out = Vec::new();
            for row in table.iter()? {
                let (k, v) = row?;
                let entry: AuditEntry = decode(AUDIT.name(), k.value(), v.value())?;
                if client.is_none_or(|c| entry.client_id == Some(c))
                    && advisor.is_none_or(|a| entry.advisor == a)
                {
                    out.push(entry);
                }
            }
            Ok(out)
        })
    }

    /// Notes that `actor` opened a client's record: reading is audited too, as PRODUCT.md asks.
    /// `how` says where it was opened (`page`, `call`).
    pub fn record_opening(&self, actor: &str, client: ClientId, how: &str) -> Result<()> {
        // A file this user may only read has no log to add to; reading it hides nothing,
        // since any program of theirs could read it too.
        if self.read_only().is_some() {
            return Ok(());
        }
        self.write_unseen(actor, |tx| {
            append(tx, self.now(), actor, Some(client), "client.open", how)
        })
    }
}
