//! The redb file as this process has it: to read and write (alone, or as `serve`, with readers
//! beside it), or only to follow what the server commits.
use std::path::{Path, PathBuf};

use redb::{
    Builder, ConcurrencyMode, Database, ReadOnlyDatabase, ReadTransaction, ReadableDatabase as _,
    WriteTransaction,
};

use super::error::{Result, StoreError};
use super::holder;

const CACHE_BYTES: usize = 64 * 1024 * 1024;

/// How a process shares the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// The local TUI and commands: nobody else may open the file.
    Alone,
    /// `veileder serve`: the only writer; reading commands of the owner may follow it.
    Serving,
    /// A reading command beside a running server.
    Following,
}

pub enum File {
    ReadWrite(Database),
    ReadOnly(ReadOnlyDatabase, WhyReadOnly),
}

/// Why a file is open to read only, which is what a refused write says.
#[derive(Debug, Clone)]
pub enum WhyReadOnly {
    /// `veileder serve` holds it.
    Following,
    /// This user may not write it: the file's mode, owner, or a read-only file system.
    NotWritable { path: PathBuf, reason: String },
}

/// How redb is told to open a file shared as `sharing` says.
pub fn builder(sharing: Sharing) -> Builder {
    let mut builder = Database::builder();
    builder.set_cache_size(CACHE_BYTES);
    if sharing != Sharing::Alone {
        builder.set_concurrency_mode(ConcurrencyMode::SingleWriter);
    }
    builder
}

impl File {
    pub fn open(path: &Path, sharing: Sharing) -> Result<File> {
        let opened = match sharing {
            Sharing::Alone | Sharing::Serving => builder(sharing).create(path).map(File::ReadWrite),
            Sharing::Following => builder(sharing)
                .open_read_only(path)
                .map(|db| File::ReadOnly(db, WhyReadOnly::Following)),
        };
        match opened.map_err(|e| refusal(path, e)) {
            // What may not be written may still be read: open it to read only.
            Err(StoreError::ReadOnly { path, reason }) => {
                let mut builder = Database::builder();
                builder.set_cache_size(CACHE_BYTES);
                let db = builder
                    .open_read_only(&path)
                    .map_err(|e| refusal(&path, e))?;
                Ok(File::ReadOnly(
                    db,
                    WhyReadOnly::NotWritable { path, reason },
                ))
            }
            other => other,
        }
    }

    /// Why this file is open to read only; `None` when it may be written.
    pub fn read_only(&self) -> Option<&WhyReadOnly> {
        match self {
            File::ReadWrite(_) => None,
            File::ReadOnly(_, why) => Some(why),
        }
    }

    pub fn begin_write(&self) -> Result<WriteTransaction> {
        match self {
            File::ReadWrite(db) => Ok(db.begin_write()?),
            File::ReadOnly(_, why) => Err(why.refusal()),
        }
    }

    pub fn begin_read(&self) -> Result<ReadTransaction, redb::TransactionError> {
        match self {
            File::ReadWrite(db) => db.begin_read(),
            File::ReadOnly(db, _) => db.begin_read(),
        }
    }

    pub fn check_integrity(&mut self) -> Result<bool> {
        match self {
            File::ReadWrite(db) => Ok(db.check_integrity()?),
            File::ReadOnly(_, why) => Err(why.refusal()),
        }
    }
}

impl WhyReadOnly {
    pub fn refusal(&self) -> StoreError {
        match self {
            WhyReadOnly::Following => StoreError::Following,
            WhyReadOnly::NotWritable { path, reason } => StoreError::ReadOnly {
                path: path.clone(),
                reason: reason.clone(),
            },
        }
    }
}

fn refusal(path: &Path, e: redb::DatabaseError) -> StoreError {
    let path = path.to_path_buf();
    match e {
        redb::DatabaseError::DatabaseAlreadyOpen => StoreError::Held {
            holder: holder::describe(&path),
            path,
        },
        redb::DatabaseError::Storage(redb::StorageError::Io(io))
            if matches!(
                io.kind(),
                std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
            ) =>
        {
            StoreError::NotADatabase {
                path,
                reason: io.to_string(),
            }
        }
        redb::DatabaseError::Storage(redb::StorageError::Io(io))
            if matches!(
                io.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            StoreError::ReadOnly {
                path,
                reason: io.to_string(),
            }
        }
        redb::DatabaseError::Storage(redb::StorageError::Io(io)) => StoreError::Open {
            path,
            reason: io.to_string(),
        },
        redb::DatabaseError::Storage(redb::StorageError::Corrupted(reason)) => {
            StoreError::NotADatabase { path, reason }
        }
        other => StoreError::NotADatabase {
            path,
            reason: other.to_string(),
        },
    }
}
