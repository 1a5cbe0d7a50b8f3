//! The only door to the database file: redb tables, record codec, indexes and queries.
mod access;
mod advisors;
mod audit;
pub mod backup;
mod bulk;
mod caseload;
mod check;
mod clients;
mod codec;
mod copy;
mod drafts;
mod erase;
mod error;
mod facts;
mod file;
mod holder;
mod import;
mod index;
mod meta;
mod next_steps;
mod person;
mod purge;
mod rewrite;
pub mod schema;
mod search;
mod sessions;
mod snapshot;
mod snippet;
mod summary;
mod terms;
mod trash;
pub(crate) mod ventures;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use chrono::{DateTime, Local, NaiveDate, Utc};
use redb::{ReadTransaction, WriteTransaction};

pub use access::{Access, Visible};
pub use audit::{AuditEntry, AuditKeys, AuditPage};
pub use bulk::{ClientImporter, ImportCounts};
pub use caseload::{Moving, notice};
pub use check::Problem;
pub use erase::Erasure;
pub use error::{Denial, Missing, Refusal, Result, StoreError};
use file::File;
pub use file::Sharing;
pub use import::Importer;
pub use person::PersonExport;
pub use schema::Kind;
pub use search::{Found, SearchHit};
pub use sessions::CallOutcome;
pub use snapshot::{Rows, Snapshot};
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
    db: RwLock<File>,
    sharing: Sharing,
    path: PathBuf,
    clock: Clock,
    /// Counts the commits that changed what screens show, so sessions sharing this store
    /// (`serve`) notice each other's saves.
    generation: AtomicU64,
    /// Counts every commit through `write_unseen`, readings included, for the audit screen.
    audited: AtomicU64,
    /// Drafts waiting to be written together (see `save_draft`).
    pending_drafts: drafts::Pending,
    holder: Option<holder::Holder>,
}

impl Store {
    /// Opens the database at `path`, creating it (mode 0600, folder 0700) when it does not exist,
    /// and migrating an older schema. `role` says who holds it, for others who try to open it.
    pub fn open(path: &Path, role: &str) -> Result<Store> {
        Store::open_sharing(path, role, Sharing::Alone)
    }

    /// Opens the file for `serve`: the only writer, with the owner's reading commands beside it.
    pub fn open_serving(path: &Path, role: &str) -> Result<Store> {
        Store::open_sharing(path, role, Sharing::Serving)
    }

    /// Opens a file that `veileder serve` holds, to read what it has committed.
    pub fn open_following(path: &Path) -> Result<Store> {
        Store::open_sharing(path, "", Sharing::Following)
    }

    fn open_sharing(path: &Path, role: &str, sharing: Sharing) -> Result<Store> {
        if sharing != Sharing::Following {
            holder::prepare_file(path).map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })?;
        }
        let db = File::open(path, sharing)?;
        let writable = db.read_only().is_none();
        let store = Store {
            db: RwLock::new(db),
            sharing,
            path: path.to_path_buf(),
            clock: Clock::System,
            generation: AtomicU64::new(0),
            audited: AtomicU64::new(0),
            pending_drafts: Default::default(),
            // A reader that does not hold the file leaves the holder's note alone.
            holder: writable.then(|| holder::Holder::claim(path, role)),
        };
        meta::prepare(&store)?;
        if writable {
            rewrite::finish_pending(&store)?;
        }
        Ok(store)
    }

    /// Why nothing can be written through this store (beside a server, or a file this user may
    /// not write), as the one line a refused write shows; `None` when it may write.
    pub fn read_only(&self) -> Option<StoreError> {
        self.db().read_only().map(file::WhyReadOnly::refusal)
    }

    /// Rewrites the note beside the file that says who holds it.
    pub fn note_holder(&self, role: &str) {
        if let Some(holder) = &self.holder {
            holder.note(role);
        }
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
        let out = self.write_unseen(actor, f)?;
        self.changed();
        Ok(out)
    }

    /// Tells the sessions sharing this store that a commit changed what screens show.
    fn changed(&self) {
        self.generation.fetch_add(1, Ordering::Release);
    }

    /// Like `write`, for what no screen shows (an audit entry of a reading), so other sessions
    /// are not told to reload.
    fn write_unseen<T>(
        &self,
        actor: &str,
        f: impl FnOnce(&WriteTransaction) -> Result<T>,
    ) -> Result<T> {
        let db = self.db();
        let mut tx = db.begin_write()?;
        tx.set_quick_repair(true);
        advisors::ensure(&tx, actor)?;
        let out = f(&tx)?;
        tx.commit()?;
        self.audited.fetch_add(1, Ordering::Release);
        Ok(out)
    }

    /// Changes with every commit that others may need to see; equal means nothing new.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Changes with every commit that may have added to the audit log, openings of a client
    /// included (which `generation` leaves out).
    pub fn audit_mark(&self) -> u64 {
        self.audited.load(Ordering::Acquire)
    }

    fn read<T>(&self, f: impl FnOnce(&ReadTransaction) -> Result<T>) -> Result<T> {
        let db = self.db();
        let tx = db.begin_read()?;
        f(&tx)
    }

    /// The open file, held for as long as the guard lives (a lock poisoned by a panic elsewhere
    /// still guards an intact database: redb rolls back the unfinished transaction).
    fn db(&self) -> RwLockReadGuard<'_, File> {
        self.db.read().unwrap_or_else(PoisonError::into_inner)
    }
}
