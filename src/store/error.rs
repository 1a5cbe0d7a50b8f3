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
    #[error("cannot open {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("record {key} in table {table} does not decode ({reason}); run `veileder check`")]
    Corrupt {
        table: String,
        key: String,
        reason: String,
    },
    #[error("{0}")]
    NotFound(String),
    /// A write through a store opened only to follow a running server.
    #[error(
        "the database is held by `veileder serve`; beside it only reading commands work (report, export, audit, lists, search, agenda)"
    )]
    ReadOnly,
    /// The acting advisor's role does not allow it.
    #[error("not allowed: {0}")]
    Denied(String),
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("database error: {0}; run `veileder check`")]
    Db(redb::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

// By hand rather than `#[from]`, so that redb's message is not also reported as a source and
// printed twice by `{:#}`.
impl From<redb::Error> for StoreError {
    fn from(e: redb::Error) -> Self {
        StoreError::Db(e)
    }
}

macro_rules! from_redb {
    ($($t:ty),+) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError::Db(e.into())
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
