//! The export document written record by record from one snapshot, byte for byte what
//! `json::to_json` makes of the same records in memory.
use std::cell::RefCell;
use std::io::Write;

use serde::ser::{Error as _, SerializeSeq as _, SerializeStruct as _};
use serde::{Serialize, Serializer};

use super::document::{FORMAT, VERSION};
use crate::store::{Rows, Snapshot, StoreError};

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub clients: u64,
    pub sessions: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the document: {0}")]
    Write(#[from] std::io::Error),
}

/// Writes every record of `snapshot` to `out` as the pretty-printed document with its final
/// newline; `out` should be buffered.
pub fn write_document(snapshot: &Snapshot, out: &mut dyn Write) -> Result<Exported, ExportError> {
    let (clients, sessions) = snapshot.client_and_session_counts()?;
    let streamed = Streamed {
        snapshot,
        failed: RefCell::new(None),
    };
    let written = streamed.serialize(&mut serde_json::Serializer::pretty(&mut *out));
    if let Some(e) = streamed.failed.into_inner() {
        return Err(e.into());
    }
    written.map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(Exported { clients, sessions })
}

struct Streamed<'a> {
    snapshot: &'a Snapshot,
    /// A record that would not read: kept here, since a serializer's error only carries text.
    failed: RefCell<Option<StoreError>>,
}

impl Streamed<'_> {
    fn list<T: Serialize, S: Serializer>(
        &self,
        rows: Result<Rows<T>, StoreError>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        Rows<T>: Iterator<Item = Result<T, StoreError>>,
    {
        let fail = |e: StoreError| {
            let text = e.to_string();
            *self.failed.borrow_mut() = Some(e);
            S::Error::custom(text)
        };
        let mut seq = serializer.serialize_seq(None)?;
        for record in rows.map_err(fail)? {
            seq.serialize_element(&record.map_err(fail)?)?;
        }
        seq.end()
    }
}

/// One list of the document, serialised from its table as it is read.
struct List<'a, T> {
    streamed: &'a Streamed<'a>,
    rows: fn(&Snapshot) -> Result<Rows<T>, StoreError>,
}

impl<T: Serialize> Serialize for List<'_, T>
where
    Rows<T>: Iterator<Item = Result<T, StoreError>>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.streamed
            .list((self.rows)(self.streamed.snapshot), serializer)
    }
}

impl Serialize for Streamed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.snapshot;
        let advisors = s.advisors().map_err(|e| {
            let text = e.to_string();
            *self.failed.borrow_mut() = Some(e);
            S::Error::custom(text)
        })?;
        let mut doc = serializer.serialize_struct("Document", 9)?;
        doc.serialize_field("format", FORMAT)?;
        doc.serialize_field("version", &VERSION)?;
        doc.serialize_field("exported_at", &s.taken_at())?;
        doc.serialize_field("advisors", &advisors)?;
        doc.serialize_field(
            "clients",
            &List {
                streamed: self,
                rows: Snapshot::clients,
            },
        )?;
        doc.serialize_field(
            "ventures",
            &List {
                streamed: self,
                rows: Snapshot::ventures,
            },
        )?;
        doc.serialize_field(
            "sessions",
            &List {
                streamed: self,
                rows: Snapshot::sessions,
            },
        )?;
        doc.serialize_field(
            "next_steps",
            &List {
                streamed: self,
                rows: Snapshot::next_steps,
            },
        )?;
        doc.serialize_field(
            "milestones",
            &List {
                streamed: self,
                rows: Snapshot::milestones,
            },
        )?;
        doc.end()
    }
}
