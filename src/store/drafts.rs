//! Call-mode drafts, written as the advisor types so that nothing typed is lost.
use std::collections::HashMap;

use redb::{ReadableTable, TableHandle, WriteTransaction};

use super::Store;
use super::codec::{decode, encode};
use super::error::Result;
use super::schema::DRAFTS;
use crate::domain::{Client, ClientId, Draft};

/// Drafts waiting for the next group write, by (client, advisor); `None` when each draft is
/// written at once.
pub type Pending = std::sync::Mutex<Option<HashMap<(ClientId, String), Draft>>>;

pub fn remove(tx: &WriteTransaction, client: ClientId, advisor: &str) -> Result<()> {
    tx.open_table(DRAFTS)?.remove((client, advisor))?;
    Ok(())
}

fn key_text(client: ClientId, advisor: &str) -> String {
    format!("{client}/{advisor}")
}

fn put(tx: &WriteTransaction, draft: &Draft) -> Result<()> {
    let bytes = encode(
        DRAFTS.name(),
        key_text(draft.client_id, &draft.advisor),
        draft,
    )?;
    tx.open_table(DRAFTS)?
        .insert((draft.client_id, draft.advisor.as_str()), bytes.as_slice())?;
    Ok(())
}

impl Store {
    /// Writes the draft durably. Not audited: it is not a save, only a safety net. In a store
    /// shared by many sessions (`serve`) drafts are collected and `flush_drafts` writes them in
    /// one transaction a second: fifty advisors typing would otherwise queue on an fsync each.
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        if let Some(pending) = self
            .pending_drafts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            let key = (draft.client_id, draft.advisor.clone());
            pending.insert(key, draft.clone());
            return Ok(());
        }
        let db = self.db();
        let mut tx = db.begin_write()?;
        tx.set_quick_repair(true);
        put(&tx, draft)?;
        tx.commit()?;
        Ok(())
    }

    /// From now on drafts are written together by `flush_drafts`.
    pub fn batch_drafts(&self) {
        let mut pending = self
            .pending_drafts
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        pending.get_or_insert_with(HashMap::new);
    }

    /// Writes the collected drafts in one durable transaction; a draft whose client was deleted
    /// meanwhile is dropped. The lock is held throughout, so a save that removes a draft waits.
    pub fn flush_drafts(&self) -> Result<()> {
        let mut guard = self
            .pending_drafts
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let Some(pending) = guard.as_mut().filter(|p| !p.is_empty()) else {
            return Ok(());
        };
        let db = self.db();
        let mut tx = db.begin_write()?;
        tx.set_quick_repair(true);
        for draft in pending.values() {
            if super::index::get::<Client>(&tx, draft.client_id)?.is_some() {
                put(&tx, draft)?;
            }
        }
        tx.commit()?;
        pending.clear();
        Ok(())
    }

    /// Forgets a collected draft before a write removes the stored one, so no flush brings it back.
    pub(crate) fn forget_pending_draft(&self, client: ClientId, advisor: &str) {
        if let Some(pending) = self
            .pending_drafts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            pending.remove(&(client, advisor.to_string()));
        }
    }

    pub fn draft(&self, client: ClientId, advisor: &str) -> Result<Option<Draft>> {
        if let Some(pending) = self
            .pending_drafts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            && let Some(draft) = pending.get(&(client, advisor.to_string()))
        {
            return Ok(Some(draft.clone()));
        }
        self.read(|tx| {
            let table = tx.open_table(DRAFTS)?;
            let found = table.get((client, advisor))?;
            found
                .map(|v| decode(DRAFTS.name(), key_text(client, advisor), v.value()))
                .transpose()
        })
    }

    pub fn discard_draft(&self, client: ClientId, advisor: &str) -> Result<()> {
        self.forget_pending_draft(client, advisor);
        let db = self.db();
        let mut tx = db.begin_write()?;
        tx.set_quick_repair(true);
        remove(&tx, client, advisor)?;
        tx.commit()?;
        Ok(())
    }

    /// Every draft in the file, for export and integrity checks.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        self.read(|tx| {
            let table = tx.open_table(DRAFTS)?;
            let mut out = Vec::new();
            for row in table.iter()? {
                let (k, v) = row?;
                let (client, advisor) = k.value();
                out.push(decode(DRAFTS.name(), key_text(client, advisor), v.value())?);
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{Client, Draft, Session};
    use crate::store::{CallOutcome, Clock, Store};

    #[test]
    fn collected_drafts_are_read_flushed_and_never_brought_back_after_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.redb");
        let store = Store::open(&path, "test")
            .unwrap()
            .with_clock(Clock::Fixed(chrono::Utc::now()));
        store.batch_drafts();
        let id = store
            .add_client("ola", Client::new(0, "Amina", store.now()))
            .unwrap()
            .id;
        let mut draft = Draft {
            client_id: id,
            advisor: "ola".into(),
            started_at: store.now(),
            updated_at: store.now(),
            notes: "Budget".into(),
            channel: Default::default(),
            topics: vec![],
            motivation: None,
            competence: Default::default(),
            new_steps: vec![],
            ticked_steps: vec![],
        };
        store.save_draft(&draft).unwrap();
        assert_eq!(store.draft(id, "ola").unwrap().unwrap().notes, "Budget");
        store.flush_drafts().unwrap();
        drop(store);
        let store = Store::open(&path, "test").unwrap();
        assert_eq!(store.draft(id, "ola").unwrap().unwrap().notes, "Budget");

        store.batch_drafts();
        draft.notes = "Budget and lease".into();
        store.save_draft(&draft).unwrap();
        let session = Session {
            id: 0,
            client_id: id,
            advisor: "ola".into(),
            started_at: store.now(),
            minutes: Some(5),
            channel: Default::default(),
            topics: vec![],
            notes: "Budget and lease".into(),
            motivation: None,
            competence: Default::default(),
        };
        store
            .add_session("ola", session, &CallOutcome::default(), None)
            .unwrap();
        store.flush_drafts().unwrap();
        assert_eq!(
            store.draft(id, "ola").unwrap(),
            None,
            "the saved call's draft stays gone"
        );
    }
}
