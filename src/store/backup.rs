//! Backups: a consistent copy of the whole database, made from one read transaction while the
//! file stays in use, verified before it gets its name; and a folder of rotating backups.
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use redb::Database;

use super::error::{Result, StoreError};
use super::{Store, holder};

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    /// Rows copied, over all tables.
    pub rows: u64,
    pub bytes: u64,
}

const PREFIX: &str = "veileder-";
const SUFFIX: &str = ".redb";

impl Store {
    /// Copies every table, as of one moment, into a new database at `dest` (mode 0600). The copy
    /// is written under a temporary name, opened and checked, and only then renamed to `dest`,
    /// so `dest` is either a complete, healthy database or untouched.
    pub fn backup_to(&self, dest: &Path) -> Result<Backup> {
        let failed = |reason: String| StoreError::Backup {
            path: dest.to_path_buf(),
            reason,
        };
        if same_file(self.path(), dest) {
            return Err(failed("that is the database itself".into()));
        }
        let tmp = temporary_name(dest);
        let result = (|| {
            let _ = fs::remove_file(&tmp);
            holder::prepare_file(&tmp).map_err(|e| failed(e.to_string()))?;
            let copy = Database::create(&tmp).map_err(|e| failed(e.to_string()))?;
            let rows = {
                let db = self.db();
                let from = db.begin_read()?;
                let to = copy.begin_write()?;
                let rows = super::copy::copy_all(&from, &to)?;
                to.commit()?;
                rows
            };
            drop(copy);
            let problems = Store::open(&tmp, "a backup check")?.check()?;
            if let Some(first) = problems.first() {
                return Err(failed(format!("the copy does not check out: {first}")));
            }
            let bytes = fs::metadata(&tmp).map_err(|e| failed(e.to_string()))?.len();
            fs::rename(&tmp, dest).map_err(|e| failed(e.to_string()))?;
            Ok(Backup {
                path: dest.to_path_buf(),
                rows,
                bytes,
            })
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    /// A backup named after `now` in `dir` (created 0700 if missing), then the oldest backups
    /// there beyond the `keep` newest are deleted.
    pub fn backup_into_folder(
        &self,
        dir: &Path,
        keep: usize,
        now: DateTime<Utc>,
    ) -> Result<Backup> {
        let failed = |e: io::Error| StoreError::Backup {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        };
        holder::prepare_folder(dir).map_err(failed)?;
        let name = format!("{PREFIX}{}{SUFFIX}", now.format("%Y%m%d-%H%M%S"));
        let backup = self.backup_to(&dir.join(name))?;
        rotate(dir, keep).map_err(failed)?;
        Ok(backup)
    }
}

/// Deletes the backups in `dir` (files named `veileder-YYYYMMDD-HHMMSS.redb`) beyond the `keep`
/// newest, and returns what it deleted. Other files are left alone; `keep` 0 keeps one.
pub fn rotate(dir: &Path, keep: usize) -> io::Result<Vec<PathBuf>> {
    let mut backups: Vec<String> = fs::read_dir(dir)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| is_backup_name(name))
        .collect();
    // The timestamp in the name sorts as text.
    backups.sort_unstable_by(|a, b| b.cmp(a));
    let mut deleted = Vec::new();
    for name in backups.into_iter().skip(keep.max(1)) {
        let path = dir.join(name);
        fs::remove_file(&path)?;
        deleted.push(path);
    }
    Ok(deleted)
}

fn is_backup_name(name: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
    else {
        return false;
    };
    DateTime::parse_from_str(&format!("{stamp}+0000"), "%Y%m%d-%H%M%S%z").is_ok()
}

fn temporary_name(dest: &Path) -> PathBuf {
    let mut name = dest.as_os_str().to_owned();
    name.push(format!(".{}.partial", std::process::id()));
    PathBuf::from(name)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
