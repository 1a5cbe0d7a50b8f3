//! Schema version, migrations and id counters.
use redb::{ReadableTable, TableHandle, WriteTransaction};

use super::Store;
use super::error::{Result, StoreError};
use super::file::WhyReadOnly;
use super::schema::{self, META, SCHEMA_VERSION};
use super::{facts, summary, terms};

const VERSION_KEY: &str = "schema_version";
const SUMMARY_KEY: &str = "summary_format";
const FACTS_KEY: &str = "session_facts_format";

/// Makes sure every table exists and the schema is this version's, migrating older files in one
/// transaction and refusing newer ones.
pub fn prepare(store: &Store) -> Result<()> {
    let found = read_u32(store, VERSION_KEY)?;
    let summaries = read_u32(store, SUMMARY_KEY)?;
    let facts_format = read_u32(store, FACTS_KEY)?;
    let derived_current = summaries == Some(summary::FORMAT) && facts_format == Some(facts::FORMAT);
    match found {
        Some(v) if v == SCHEMA_VERSION && derived_current => Ok(()),
        Some(v) if v > SCHEMA_VERSION => Err(StoreError::Newer {
            path: store.path.clone(),
            found: v,
            supported: SCHEMA_VERSION,
        }),
        _ => {
            let db = store.db();
            if let Some(WhyReadOnly::NotWritable { path, reason }) = db.read_only() {
                return Err(StoreError::UpgradeNeedsWrite {
                    path: path.clone(),
                    reason: reason.clone(),
                });
            }
            let tx = db.begin_write()?;
            create_tables(&tx)?;
            migrate(&tx, found)?;
            if summaries != Some(summary::FORMAT) {
                summary::rebuild_all(&tx)?;
            }
            if facts_format != Some(facts::FORMAT) {
                facts::rebuild_all(&tx)?;
            }
            let mut meta = tx.open_table(META)?;
            meta.insert(VERSION_KEY, SCHEMA_VERSION.to_le_bytes().as_slice())?;
            meta.insert(SUMMARY_KEY, summary::FORMAT.to_le_bytes().as_slice())?;
            meta.insert(FACTS_KEY, facts::FORMAT.to_le_bytes().as_slice())?;
            drop(meta);
            tx.commit()?;
            Ok(())
        }
    }
}

fn read_u32(store: &Store, key: &str) -> Result<Option<u32>> {
    let db = store.db();
    let tx = db.begin_read()?;
    let table = match tx.open_table(META) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let Some(v) = table.get(key)? else {
        return Ok(None);
    };
    let bytes: [u8; 4] = v.value().try_into().map_err(|_| StoreError::Corrupt {
        table: META.name().to_string(),
        key: key.to_string(),
        reason: "not a 4-byte version".to_string(),
    })?;
    Ok(Some(u32::from_le_bytes(bytes)))
}

fn create_tables(tx: &WriteTransaction) -> Result<()> {
    tx.open_table(schema::META)?;
    tx.open_table(schema::ADVISORS)?;
    tx.open_table(schema::CLIENTS)?;
    tx.open_table(schema::VENTURES)?;
    tx.open_table(schema::SESSIONS)?;
    tx.open_table(schema::NEXT_STEPS)?;
    tx.open_table(schema::MILESTONES)?;
    tx.open_table(schema::DRAFTS)?;
    tx.open_table(schema::TRASH)?;
    tx.open_table(schema::AUDIT)?;
    tx.open_table(schema::ERASED)?;
    tx.open_table(schema::SUMMARIES)?;
    tx.open_table(schema::CLIENT_SESSIONS)?;
    tx.open_table(schema::SESSION_FACTS)?;
    tx.open_table(schema::SESSION_TIMES)?;
    tx.open_multimap_table(schema::CLIENT_RECORDS)?;
    tx.open_table(schema::STEPS_DUE)?;
    tx.open_table(schema::CASELOADS)?;
    tx.open_table(schema::TERM_BLOCKS)?;
    tx.open_table(super::caseload::NOTICES)?;
    tx.open_multimap_table(super::access::SHARES)?;
    Ok(())
}

/// Steps from each older schema version to the next, in this transaction; version 1 is the
/// first, so a file without a version is a new one.
fn migrate(tx: &WriteTransaction, from: Option<u32>) -> Result<()> {
    if from == Some(1) {
        terms::migrate_from_multimap(tx)?;
        super::access::build_caseloads(tx)?;
    }
    Ok(())
}

/// Moves the id counter of `kind` to at least `at_least` and returns what it was.
fn bump_counter(
    tx: &WriteTransaction,
    kind: schema::Kind,
    at_least: impl Fn(u64) -> u64,
) -> Result<u64> {
    let key = format!("next_id.{}", kind.as_str());
    let mut table = tx.open_table(META)?;
    let current = table
        .get(key.as_str())?
        .and_then(|v| <[u8; 8]>::try_from(v.value()).ok())
        .map(u64::from_le_bytes)
        .unwrap_or(1);
    let next = at_least(current).max(current);
    if next != current {
        table.insert(key.as_str(), next.to_le_bytes().as_slice())?;
    }
    Ok(current)
}

/// The next free id of a record kind, counted per kind and never reused.
pub fn next_id(tx: &WriteTransaction, kind: schema::Kind) -> Result<u64> {
    bump_counter(tx, kind, |current| current + 1)
}

/// Makes sure later ids of `kind` are above `id` (after an import keeps its ids).
pub fn reserve_id(tx: &WriteTransaction, kind: schema::Kind, id: u64) -> Result<()> {
    bump_counter(tx, kind, |_| id + 1).map(|_| ())
}
