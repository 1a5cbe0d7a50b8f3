use std::path::PathBuf;

use thiserror::Error;

use crate::domain::Invalid;

/// Everything that can go wrong at the door to the database file, each said in one line.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "{path} is in use by another veileder ({holder}); close it there, or connect to the centre's server with `ssh -p PORT USER@HOST`"
    )]
    Held { path: PathBuf, holder: String },
    #[error(
        "{path} is not a veileder database ({reason}); give another --db, or run `veileder check` on a copy"
    )]
    NotADatabase { path: PathBuf, reason: String },
    #[error(
        "{path} was written by a newer veileder (schema {found}; this one reads up to {supported}); upgrade veileder to open it"
    )]
    Newer {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}", crate::i18n::store_error(crate::i18n::Lang::En, self))]
    ReadOnly { path: PathBuf, reason: String },
    /// An older file that must be brought up to this version once, which this user may not do.
    #[error("{}", crate::i18n::store_error(crate::i18n::Lang::En, self))]
    UpgradeNeedsWrite { path: PathBuf, reason: String },
    #[error("cannot open {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("record {key} in table {table} does not decode ({reason}); run `veileder check`")]
    Corrupt {
        table: String,
        key: String,
        reason: String,
    },
    #[error("backup to {path} failed: {reason}; the database itself is unchanged")]
    Backup { path: PathBuf, reason: String },
    #[error("{}", crate::i18n::store_error(crate::i18n::Lang::En, self))]
    NotFound(Missing),
    /// Not done, and why: e.g. an erasure asked for by someone who is not an admin.
    #[error("{}", crate::i18n::store_error(crate::i18n::Lang::En, self))]
    Refused(Refusal),
    /// A write through a store opened only to follow a running server.
    #[error("{}", crate::i18n::store_error(crate::i18n::Lang::En, self))]
    Following,
    /// The acting advisor's role does not allow it.
    #[error("{}", crate::i18n::store_error(crate::i18n::Lang::En, self))]
    Denied(Denial),
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(
        "the disk is full ({0}): nothing was saved, what was saved before is intact; free some space and start veileder again"
    )]
    Full(String),
    #[error(
        "an earlier write to the database failed (the disk full?), so nothing more is saved; free some space and start veileder again"
    )]
    EarlierWriteFailed,
    #[error("database error: {0}; run `veileder check`")]
    Db(redb::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What was asked for and is not there, typed so that each advisor reads it in their language.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    /// A record of `kind` (its stored name, e.g. `next_step`).
    Record {
        kind: &'static str,
        id: u64,
    },
    TrashEntry(u64),
    /// What the trash holds cannot come back without its client.
    ClientOfTrashed {
        item: Box<super::trash::Trashed>,
        client: u64,
    },
    StepOfClient(u64),
    ClientId(u64),
    ClientVanished(u64),
    ClientSpec(String),
    ManyClients {
        spec: String,
        ids: Vec<u64>,
    },
    Advisor(String),
    /// An advisor who must be added before clients can be moved or keys changed.
    AdvisorToAdd(String),
    Key {
        username: String,
        fingerprint: String,
    },
}

/// Why the store will not do something asked of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Erasure for good is an admin's; `role` is the actor's.
    EraseNeedsAdmin { actor: String, role: &'static str },
    /// A copy met a table it does not know.
    UnknownTable(String),
    /// An import met a record its checking pass did not see (the file changed in between).
    UncheckedRecord(u64),
}

/// Why a role may not do something, typed so that each advisor reads it in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denial {
    Reports,
    Backup,
    MoveClient,
    Audit,
    /// The client is in another advisor's caseload (`None`: in no one's).
    NotYours {
        client: u64,
        advisor: Option<String>,
    },
}

// By hand rather than `#[from]`, so that redb's message is not also reported as a source and
// printed twice by `{:#}`.
impl From<redb::Error> for StoreError {
    fn from(e: redb::Error) -> Self {
        match e {
            redb::Error::Io(io) if is_full(&io) => StoreError::Full(io.to_string()),
            redb::Error::PreviousIo => StoreError::EarlierWriteFailed,
            e => StoreError::Db(e),
        }
    }
}

/// No space left, or the file may not grow (a quota or a size limit).
fn is_full(io: &std::io::Error) -> bool {
    matches!(
        io.kind(),
        std::io::ErrorKind::StorageFull
            | std::io::ErrorKind::FileTooLarge
            | std::io::ErrorKind::QuotaExceeded
    )
}

macro_rules! from_redb {
    ($($t:ty),+) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError::from(redb::Error::from(e))
            }
        }
    )+};
}

from_redb!(
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError,
    redb::DatabaseError
);
