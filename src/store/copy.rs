//! Copying every table of the database, as of one read transaction, into a fresh file: what a
//! backup and the rewrite after an erasure both do.
use redb::{
    Key, MultimapTableDefinition, MultimapTableHandle as _, ReadTransaction,
    ReadableMultimapTable as _, ReadableTable as _, TableDefinition, TableError, TableHandle as _,
    Value, WriteTransaction,
};

use super::error::{Result, StoreError};
use super::schema;

/// Every table of the file, by name. A table missing here makes the copy refuse rather than
/// drop it.
pub const TABLES: &[&str] = &[
    "meta",
    "advisors",
    "clients",
    "ventures",
    "sessions",
    "next_steps",
    "milestones",
    "drafts",
    "trash",
    "audit",
    "erased",
    "client_summaries",
    "client_sessions",
    "session_facts",
    "session_times",
    "steps_due",
    "caseloads",
    "term_blocks",
    "advisor_notices",
];
pub const MULTIMAP_TABLES: &[&str] = &["client_records", "client_shares"];

/// Copies every table; returns the rows copied. Refuses, copying nothing, a file with a table
/// this version does not know.
pub fn copy_all(from: &ReadTransaction, to: &WriteTransaction) -> Result<u64> {
    for t in from.list_tables()? {
        if !TABLES.contains(&t.name()) {
            return Err(unknown(t.name()));
        }
    }
    for t in from.list_multimap_tables()? {
        if !MULTIMAP_TABLES.contains(&t.name()) {
            return Err(unknown(t.name()));
        }
    }
    Ok(table(from, to, schema::META)?
        + table(from, to, schema::ADVISORS)?
        + table(from, to, schema::CLIENTS)?
        + table(from, to, schema::VENTURES)?
        + table(from, to, schema::SESSIONS)?
        + table(from, to, schema::NEXT_STEPS)?
        + table(from, to, schema::MILESTONES)?
        + table(from, to, schema::DRAFTS)?
        + table(from, to, schema::TRASH)?
        + table(from, to, schema::AUDIT)?
        + table(from, to, schema::ERASED)?
        + table(from, to, schema::SUMMARIES)?
        + table(from, to, schema::CLIENT_SESSIONS)?
        + table(from, to, schema::SESSION_FACTS)?
        + table(from, to, schema::SESSION_TIMES)?
        + table(from, to, schema::STEPS_DUE)?
        + table(from, to, schema::CASELOADS)?
        + table(from, to, schema::TERM_BLOCKS)?
        + table(from, to, super::caseload::NOTICES)?
        + multimap(from, to, schema::CLIENT_RECORDS)?
        + multimap(from, to, super::access::SHARES)?)
}

fn unknown(table: &str) -> StoreError {
    StoreError::Refused(super::Refusal::UnknownTable(table.to_string()))
}

fn table<K: Key + 'static, V: Value + 'static>(
    from: &ReadTransaction,
    to: &WriteTransaction,
    def: TableDefinition<K, V>,
) -> Result<u64> {
    let source = match from.open_table(def) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    let mut target = to.open_table(def)?;
    let mut rows = 0;
    for row in source.iter()? {
        let (k, v) = row?;
        target.insert(k.value(), v.value())?;
        rows += 1;
    }
    Ok(rows)
}

fn multimap<K: Key + 'static, V: Key + 'static>(
    from: &ReadTransaction,
    to: &WriteTransaction,
    def: MultimapTableDefinition<K, V>,
) -> Result<u64> {
    let source = match from.open_multimap_table(def) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    let mut target = to.open_multimap_table(def)?;
    let mut rows = 0;
    for row in source.iter()? {
        let (k, values) = row?;
        for v in values {
            target.insert(k.value(), v?.value())?;
            rows += 1;
        }
    }
    Ok(rows)
}
