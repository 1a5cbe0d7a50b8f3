//! Record encoding: MessagePack with field names, so a field added later (with a serde default)
//! still reads every older record, and a record that does not decode is an error, never a panic.
use redb::{ReadableTable, Table};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::error::{Result, StoreError};

pub fn encode<T: Serialize>(table: &str, key: impl ToString, value: &T) -> Result<Vec<u8>> {
    rmp_serde::to_vec_named(value).map_err(|e| StoreError::Corrupt {
        table: table.to_string(),
        key: key.to_string(),
        reason: e.to_string(),
    })
}

pub fn decode<T: DeserializeOwned>(table: &str, key: impl ToString, bytes: &[u8]) -> Result<T> {
    rmp_serde::from_slice(bytes).map_err(|e| StoreError::Corrupt {
        table: table.to_string(),
        key: key.to_string(),
        reason: e.to_string(),
    })
}

/// Like `decode`, for a view that borrows its text from `bytes` instead of copying it.
pub fn decode_borrowed<'a, T: Deserialize<'a>>(
    table: &str,
    key: impl ToString,
    bytes: &'a [u8],
) -> Result<T> {
    rmp_serde::from_slice(bytes).map_err(|e| StoreError::Corrupt {
        table: table.to_string(),
        key: key.to_string(),
        reason: e.to_string(),
    })
}

/// Reads and decodes the record under `id` in a table of u64 → bytes.
pub fn get<T: DeserializeOwned>(
    table: &impl ReadableTable<u64, &'static [u8]>,
    name: &str,
    id: u64,
) -> Result<Option<T>> {
    match table.get(id)? {
        Some(guard) => decode(name, id, guard.value()).map(Some),
        None => Ok(None),
    }
}

pub fn put<T: Serialize>(
    table: &mut Table<u64, &'static [u8]>,
    name: &str,
    id: u64,
    value: &T,
) -> Result<()> {
    let bytes = encode(name, id, value)?;
    table.insert(id, bytes.as_slice())?;
    Ok(())
}

/// Decodes every record of a table, in key order.
pub fn all<T: DeserializeOwned>(
    table: &impl ReadableTable<u64, &'static [u8]>,
    name: &str,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for row in table.iter()? {
        let (k, v) = row?;
        out.push(decode(name, k.value(), v.value())?);
    }
    Ok(out)
}
