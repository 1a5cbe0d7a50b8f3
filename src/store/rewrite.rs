//! Rewriting the database into a fresh file, as SQLite's VACUUM does. redb reuses freed pages but
//! does not zero them, so the bytes of a deleted record can stay in the file through many later
//! commits; a copy of only the live rows, swapped in by rename, holds none of them.
use std::fs;
use std::path::{Path, PathBuf};

use redb::{Database, ReadableDatabase as _, TableError, WriteTransaction};

use super::error::{Result, StoreError};
use super::file::{File, Sharing};
use super::schema;
use super::{Store, holder};

/// Set in the transaction that deletes for good, cleared by the rewrite: a file opened with it
/// set (the process stopped in between) is rewritten before anything else.
const PENDING_KEY: &str = "rewrite_pending";

pub fn mark_pending(tx: &WriteTransaction) -> Result<()> {
    tx.open_table(schema::META)?
        .insert(PENDING_KEY, [1u8].as_slice())?;
    Ok(())
}

/// Rewrites a file whose last deletion for good was not followed by its rewrite.
pub fn finish_pending(store: &Store) -> Result<()> {
    let pending = store.read(|tx| match tx.open_table(schema::META) {
        Ok(meta) => Ok(meta.get(PENDING_KEY)?.is_some()),
        Err(TableError::TableDoesNotExist(_)) => Ok(false),
        Err(e) => Err(e.into()),
    })?;
    if pending { store.rewrite() } else { Ok(()) }
}

fn fresh_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".rewrite");
    PathBuf::from(name)
}

/// Copies the live rows into a new file beside the old one, then renames it over the old one;
/// the new file is shared as the old one was (beside `serve`, reading commands follow it too).
fn copy_to_fresh(old: &Database, path: &Path, sharing: Sharing) -> Result<Database> {
    let fresh = fresh_path(path);
    let failed = |reason: String| StoreError::Open {
        path: fresh.clone(),
        reason,
    };
    match fs::remove_file(&fresh) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(failed(e.to_string())),
    }
    holder::prepare_file(&fresh).map_err(|e| failed(e.to_string()))?;
    let written = (|| {
        let db = super::file::builder(sharing).create(&fresh)?;
        let from = old.begin_read()?;
        let mut to = db.begin_write()?;
        to.set_quick_repair(true);
        super::copy::copy_all(&from, &to)?;
        to.open_table(schema::META)?.remove(PENDING_KEY)?;
        to.commit()?;
        Ok::<_, StoreError>(db)
    })();
    let db = match written {
        Ok(db) => db,
        Err(e) => {
            let _ = fs::remove_file(&fresh);
            return Err(e);
        }
    };
    fs::rename(&fresh, path).map_err(|e| failed(e.to_string()))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The rename is durable once the folder is synced; an error here leaves a correct file.
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(db)
}

impl Store {
    /// Replaces the file by a copy of its live rows, so nothing deleted stays in it. Every other
    /// use of this store waits until the new file is in place.
    pub fn rewrite(&self) -> Result<()> {
        let mut db = self
            .db
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let old = match &*db {
            File::ReadWrite(old) => old,
            File::ReadOnly(_, why) => return Err(why.refusal()),
        };
        let fresh = copy_to_fresh(old, &self.path, self.sharing)?;
        *db = File::ReadWrite(fresh);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use redb::TableHandle as _;

    use super::*;

    #[test]
    fn every_table_of_a_new_file_is_copied() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("x.redb"), "test").unwrap();
        let db = store.db();
        let tx = db.begin_read().unwrap();
        let names: Vec<String> = tx
            .list_tables()
            .unwrap()
            .map(|t| t.name().to_string())
            .collect();
        assert_eq!(names.len(), super::super::copy::TABLES.len(), "{names:?}");
        let multimaps = tx.list_multimap_tables().unwrap().count();
        assert_eq!(multimaps, super::super::copy::MULTIMAP_TABLES.len());
    }

    #[test]
    fn the_rewritten_file_is_shared_as_the_old_one_was() {
        let dir = tempfile::tempdir().unwrap();
        let served = dir.path().join("served.redb");
        let store = Store::open_serving(&served, "serve").unwrap();
        store.rewrite().unwrap();
        // The owner's reading commands still follow the server after an erasure.
        let follower = Store::open_following(&served).unwrap();
        assert!(follower.read_only().is_some());

        let alone = dir.path().join("alone.redb");
        let store = Store::open(&alone, "the TUI").unwrap();
        store.rewrite().unwrap();
        assert!(matches!(
            Store::open_following(&alone),
            Err(StoreError::Held { .. })
        ));
    }

    #[test]
    fn shares_and_notices_are_copied_and_leave_with_an_erased_client() {
        use crate::domain::{Advisor, Client, Role};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.redb");
        let store = Store::open(&path, "test").unwrap();
        for (username, role) in [("kari", Role::Admin), ("ola", Role::Advisor)] {
            let advisor = Advisor {
                username: username.into(),
                name: username.into(),
                role,
                keys: vec![],
            };
            store.put_advisor("kari", advisor).unwrap();
        }
        let amina = store
            .add_client("kari", Client::new(0, "Amina Yusuf", store.now()))
            .unwrap();
        let leila = store
            .add_client("kari", Client::new(0, "Leila Haddad", store.now()))
            .unwrap();
        store.share_client("kari", leila.id, "ola").unwrap();
        store
            .transfer_clients("kari", super::super::Moving::One(amina.id), "ola")
            .unwrap();

        store.erase_client("kari", amina.id).unwrap();
        let raw = fs::read(&path).unwrap();
        assert!(
            !raw.windows(5).any(|w| w == b"Amina"),
            "no trace of the name"
        );
        let ola = crate::store::Access::advisor("ola", Role::Advisor);
        assert!(
            store.visible(&ola).unwrap().allows(leila.id),
            "other shares stay"
        );
        assert_eq!(store.take_notices("ola").unwrap(), Vec::<String>::new());
    }

    fn pending(store: &Store) -> bool {
        store
            .read(|tx| Ok(tx.open_table(schema::META)?.get(PENDING_KEY)?.is_some()))
            .unwrap()
    }

    #[test]
    fn a_rewrite_cut_short_is_done_on_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.redb");
        let store = Store::open(&path, "test").unwrap();
        {
            let db = store.db();
            let tx = db.begin_write().unwrap();
            mark_pending(&tx).unwrap();
            tx.commit().unwrap();
        }
        assert!(pending(&store));
        drop(store);
        // A copy left half-written by a stopped process is replaced, not trusted.
        std::fs::write(fresh_path(&path), b"half a file").unwrap();
        let store = Store::open(&path, "test").unwrap();
        assert!(!pending(&store));
        assert!(!fresh_path(&path).exists());
    }
}
