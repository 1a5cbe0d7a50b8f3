//! The trash keeps deleted records for a configured number of days; after that they are purged,
//! and the file rewritten so that their bytes go too.
use chrono::Duration;
use redb::{ReadableTable, TableHandle};

use super::error::Result;
use super::schema::TRASH;
use super::trash::TrashEntry;
use super::{Store, advisors, audit, codec, rewrite};

impl Store {
    /// Purges what was deleted more than `days` days ago; returns how many trash entries went.
    pub fn purge_trash(&self, actor: &str, days: u32) -> Result<usize> {
        let cutoff = self.now() - Duration::days(i64::from(days));
        let purged = {
            let db = self.db();
            let mut tx = db.begin_write()?;
            tx.set_quick_repair(true);
            let mut trash = tx.open_table(TRASH)?;
            let mut old = Vec::new();
            for row in trash.iter()? {
                let (k, v) = row?;
                let entry: TrashEntry = codec::decode(TRASH.name(), k.value(), v.value())?;
                if entry.deleted_at < cutoff {
                    old.push(entry.id);
                }
            }
            if old.is_empty() {
                drop(trash);
                tx.abort()?;
                return Ok(0);
            }
            for id in &old {
                trash.remove(id)?;
            }
            drop(trash);
            advisors::ensure(&tx, actor)?;
            let detail = format!("{} deleted more than {days} days ago", old.len());
            audit::append(&tx, self.now(), actor, None, "trash.purge", &detail)?;
            rewrite::mark_pending(&tx)?;
            tx.commit()?;
            old.len()
        };
        self.rewrite()?;
        Ok(purged)
    }
}
