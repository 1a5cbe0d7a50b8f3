//! The append-only log of who wrote what, and when.
use chrono::{DateTime, Utc};
use redb::{ReadableTable, Table, TableHandle, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::Store;
use super::codec::{decode, decode_borrowed, encode};
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

/// What a filter reads of an entry, borrowed from the stored bytes: neither the time nor the
/// detail is decoded and nothing is copied, since one keystroke may look at thousands of entries.
#[derive(Debug, Deserialize)]
pub struct AuditKeys<'a> {
    pub advisor: &'a str,
    #[serde(default)]
    pub client_id: Option<ClientId>,
    pub action: &'a str,
}

/// A stretch of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Where to read on (`before`) when older entries were left unread.
    pub older: Option<u64>,
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
    append_to(&mut table, at, advisor, client_id, action, detail)
}

fn append_to(
    table: &mut Table<u64, &'static [u8]>,
    at: DateTime<Utc>,
    advisor: &str,
    client_id: Option<ClientId>,
    action: &str,
    detail: &str,
) -> Result<()> {
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
        self.audit_page(0, u64::MAX, usize::MAX, client, advisor)
    }

    /// The id of the newest entry, 0 when the log is empty.
    pub fn audit_last_id(&self) -> Result<u64> {
        self.read(|tx| {
            let table = tx.open_table(AUDIT)?;
            Ok(table.last()?.map_or(0, |(k, _)| k.value()))
        })
    }

    /// Entries after `after` up to `upto`, oldest first: at most `limit` of those about `client`
    /// and by `advisor` (when given). Fewer than `limit` means none are left; the next page
    /// starts after the last id returned. Only the entries kept are decoded whole.
    pub fn audit_page(
        &self,
        after: u64,
        upto: u64,
        limit: usize,
        client: Option<ClientId>,
        advisor: Option<&str>,
    ) -> Result<Vec<AuditEntry>> {
        self.read(|tx| {
            let table = tx.open_table(AUDIT)?;
            let mut out = Vec::new();
            for row in table.range(after.saturating_add(1)..=upto)? {
                let (k, v) = row?;
                let keys: AuditKeys = decode_borrowed(AUDIT.name(), k.value(), v.value())?;
                if client.is_none_or(|c| keys.client_id == Some(c))
                    && advisor.is_none_or(|a| keys.advisor == a)
                {
                    out.push(decode(AUDIT.name(), k.value(), v.value())?);
                    if out.len() >= limit {
                        break;
                    }
                }
            }
            Ok(out)
        })
    }

    /// Entries older than `before` (all when `None`), newest first: at most `limit` that `keep`
    /// accepts, looking at no more than `scan` entries, so a long log is never read whole for
    /// one screenful. Only the entries kept are decoded whole.
    pub fn audit_newest(
        &self,
        before: Option<u64>,
        limit: usize,
        scan: usize,
        mut keep: impl FnMut(&AuditKeys) -> bool,
    ) -> Result<AuditPage> {
        self.read(|tx| {
            let table = tx.open_table(AUDIT)?;
            let mut entries = Vec::new();
            let rows = table.range(..before.unwrap_or(u64::MAX))?.rev();
            for (looked, row) in rows.enumerate() {
                let (k, v) = row?;
                let id = k.value();
                if entries.len() >= limit || looked >= scan {
                    return Ok(AuditPage {
                        entries,
                        older: Some(id + 1),
                    });
                }
                let keys: AuditKeys = decode_borrowed(AUDIT.name(), id, v.value())?;
                if keep(&keys) {
                    entries.push(decode(AUDIT.name(), id, v.value())?);
                }
            }
            Ok(AuditPage {
                entries,
                older: None,
            })
        })
    }

    /// Appends entries that happened elsewhere (a benchmark's years of history) in one
    /// transaction, each as `append` writes it, numbered after the last; their ids are ignored.
    pub fn append_audit_history(
        &self,
        actor: &str,
        entries: impl IntoIterator<Item = AuditEntry>,
    ) -> Result<()> {
        self.write_unseen(actor, |tx| {
            let mut table = tx.open_table(AUDIT)?;
            for e in entries {
                append_to(
                    &mut table,
                    e.at,
                    &e.advisor,
                    e.client_id,
                    &e.action,
                    &e.detail,
                )?;
            }
            Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_within_a_limit_and_a_scan_budget() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.redb"), "test").unwrap();
        for client in 1..=10 {
            store.record_opening("ola", client, "page").unwrap();
        }
        let all = store.audit_newest(None, 4, usize::MAX, |_| true).unwrap();
        let clients: Vec<_> = all.entries.iter().map(|e| e.client_id).collect();
        assert_eq!(clients, [Some(10), Some(9), Some(8), Some(7)]);
        let rest = store
            .audit_newest(all.older, 100, usize::MAX, |_| true)
            .unwrap();
        assert_eq!(rest.entries.len(), 6);
        assert_eq!(rest.older, None, "the beginning of the log was reached");
        // Odd clients only, looking at no more than 5 entries: 9, 7, 5, then read on from 5.
        let odd = |e: &AuditKeys| e.client_id.is_some_and(|c| c % 2 == 1);
        let first = store.audit_newest(None, 100, 5, odd).unwrap();
        let clients: Vec<_> = first.entries.iter().map(|e| e.client_id).collect();
        assert_eq!(clients, [Some(9), Some(7)]);
        let next = store.audit_newest(first.older, 100, 5, odd).unwrap();
        let clients: Vec<_> = next.entries.iter().map(|e| e.client_id).collect();
        assert_eq!(clients, [Some(5), Some(3), Some(1)]);
        assert_eq!(next.older, None);
    }
}
