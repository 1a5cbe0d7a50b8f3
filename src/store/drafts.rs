//! Call-mode drafts, written as the advisor types so that nothing typed is lost.
use redb::{ReadableTable, TableHandle, WriteTransaction};

use super::Store;
use super::codec::{decode, encode};
use super::error::Result;
use super::schema::DRAFTS;
use crate::domain::{ClientId, Draft};

pub fn remove(tx: &WriteTransaction, client: ClientId, advisor: &str) -> Result<()> {
    tx.open_table(DRAFTS)?.remove((client, advisor))?;
    Ok(())
}

fn key_text(client: ClientId, advisor: &str) -> String {
    format!("{client}/{advisor}")
}

impl Store {
    /// Writes the draft durably. Not audited: it is not a save, only a safety net.
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        let bytes = encode(
            DRAFTS.name(),
            key_text(draft.client_id, &draft.advisor),
            draft,
        )?;
        let db = self.db();
        let mut tx = db.begin_write()?;
        tx.set_quick_repair(true);
        tx.open_table(DRAFTS)?
            .insert((draft.client_id, draft.advisor.as_str()), bytes.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    pub fn draft(&self, client: ClientId, advisor: &str) -> Result<Option<Draft>> {
        self.read(|tx| {
            let table = tx.open_table(DRAFTS)?;
            let found = table.get((client, advisor))?;
            found
                .map(|v| decode(DRAFTS.name(), key_text(client, advisor), v.value()))
                .transpose()
        })
    }

    pub fn discard_draft(&self, client: ClientId, advisor: &str) -> Result<()> {
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
