//! The only door to the database file: redb tables, record codec, indexes and queries.
mod advisors;
mod audit;
pub mod backup;
mod bulk;
mod check;
mod clients;
mod codec;
mod copy;
mod drafts;
mod erase;
mod error;
mod facts;
mod holder;
mod index;
mod meta;
mod next_steps;
mod person;
mod purge;
mod rewrite;
pub mod schema;
mod search;
mod sessions;
mod summary;
mod trash;
pub(crate) mod ventures;

use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use chrono::{DateTime, Local, NaiveDate, Utc};
use redb::{Database, ReadTransaction, ReadableDatabase as _, WriteTransaction};

pub use audit::AuditEntry;
pub use bulk::ImportCounts;
pub use check::Problem;
pub use erase::Erasure;
pub use error::{Result, StoreError};
pub use person::PersonExport;
pub use schema::Kind;
pub use search::SearchHit;
pub use sessions::CallOutcome;
pub use summary::{ClientSummary, VentureBrief, dormant_among};
pub use trash::{TrashEntry, Trashed};

/// Where "now" comes from: the system clock, or a fixed instant for tests and snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => t,
        }
    }

    /// The advisor's calendar day.
    pub fn today(self) -> NaiveDate {
        self.now().with_timezone(&Local).date_naive()
    }
}

pub struct Store {
    /// Behind a lock so that a rewrite (see rewrite.rs) can swap in the new file while every
    /// other operation waits: each holds the read side for its whole transaction.
    db: RwLock<Database>,
    path: PathBuf,
    clock: Clock,
    _holder: holder::Holder,
}

const CACHE_BYTES: usize = 64 * 1024 * 1024;

impl Store {
    /// Opens the database at `path`, creating it (mode 0600, folder 0700) when it does not exist,
    /// and migrating an older schema. `role` says who holds it, for others who try to open it.
    pub fn open(path: &Path, role: &str) -> Result<Store> {
        let open_err = |reason: String| StoreError::Open {
            path: path.to_path_buf(),
            reason,
        };
        holder::prepare_file(path).map_err(|e| open_err(e.to_string()))?;
        let db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .create(path)
            .map_err(|e| match e {
                redb::DatabaseError::DatabaseAlreadyOpen => StoreError::Held {
                    path: path.to_path_buf(),
                    holder: holder::describe(path),
                },
                redb::DatabaseError::Storage(redb::StorageError::Io(io))
                    if matches!(
                        io.kind(),
                        std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
                    ) =>
                {
                    StoreError::NotADatabase {
                        path: path.to_path_buf(),
                        reason: io.to_string(),
                    }
                }
                redb::DatabaseError::Storage(redb::StorageError::Io(io))
                    if matches!(
                        io.kind(),
                        std::io::ErrorKind::PermissionDenied
                            | std::io::ErrorKind::ReadOnlyFilesystem
                    ) =>
                {
                    StoreError::ReadOnly {
                        path: path.to_path_buf(),
                        reason: io.to_string(),
                    }
                }
                redb::DatabaseError::Storage(redb::StorageError::Io(io)) => {
                    open_err(io.to_string())
                }
                redb::DatabaseError::Storage(redb::StorageError::Corrupted(reason)) => {
                    StoreError::NotADatabase {
                        path: path.to_path_buf(),
                        reason,
                    }
                }
                other => StoreError::NotADatabase {
                    path: path.to_path_buf(),
                    reason: other.to_string(),
                },
            })?;
        let store = Store {
            db: RwLock::new(db),
            path: path.to_path_buf(),
            clock: Clock::System,
            _holder: holder::Holder::claim(path, role),
        };
        meta::prepare(&store)?;
        rewrite::finish_pending(&store)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// Runs `f` in one durable write transaction on behalf of `actor`, who becomes a known
    /// advisor if they were not one: everything `f` wrote is committed together, or nothing.
    fn write<T>(&self, actor: &str, f: impl FnOnce(&WriteTransaction) -> Result<T>) -> Result<T> {
        let db = self.db();
        let mut tx = db.begin_write()?;
        tx.set_quick_repair(true);
        advisors::ensure(&tx, actor)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    fn read<T>(&self, f: impl FnOnce(&ReadTransaction) -> Result<T>) -> Result<T> {
        let db = self.db();
        let tx = db.begin_read()?;
        f(&tx)
    }

    /// The open file, held for as long as the guard lives (a lock poisoned by a panic elsewhere
    /// still guards an intact database: redb rolls back the unfinished transaction).
    fn db(&self) -> RwLockReadGuard<'_, Database> {
        self.db.read().unwrap_or_else(PoisonError::into_inner)
    }
}
