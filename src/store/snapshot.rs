//! Every record of the centre as one read transaction sees it, a record at a time: the export
//! writes a national centre without holding it in memory.
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use redb::{ReadTransaction, ReadableTable as _, ReadableTableMetadata as _, TableHandle as _};

use super::Store;
use super::codec;
use super::error::{Result, StoreError};
use super::index::Indexed;
use super::schema;
use crate::domain::{Advisor, Client, Milestone, NextStep, Session, Venture};
use crate::transfer::Document;

pub struct Snapshot {
    tx: ReadTransaction,
    taken_at: DateTime<Utc>,
}

/// The records of one table in id order, each decoded as it is reached.
pub struct Rows<T> {
    rows: redb::Range<'static, u64, &'static [u8]>,
    table: &'static str,
    kind: PhantomData<T>,
}

impl<T: Indexed> Iterator for Rows<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        let row = self.rows.next()?;
        Some(
            row.map_err(StoreError::from)
                .and_then(|(k, v)| codec::decode(self.table, k.value(), v.value())),
        )
    }
}

impl Snapshot {
    pub fn taken_at(&self) -> DateTime<Utc> {
        self.taken_at
    }

    /// The advisors, whole: a centre has a few dozen.
    pub fn advisors(&self) -> Result<Vec<Advisor>> {
        let table = self.tx.open_table(schema::ADVISORS)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            out.push(codec::decode(
                schema::ADVISORS.name(),
                k.value(),
                v.value(),
            )?);
        }
        Ok(out)
    }

    fn rows<T: Indexed>(&self) -> Result<Rows<T>> {
        Ok(Rows {
            rows: self.tx.open_table(T::TABLE)?.range::<u64>(..)?,
            table: T::TABLE.name(),
            kind: PhantomData,
        })
    }

    fn count<T: Indexed>(&self) -> Result<u64> {
        Ok(self.tx.open_table(T::TABLE)?.len()?)
    }

    pub fn clients(&self) -> Result<Rows<Client>> {
        self.rows()
    }

    pub fn ventures(&self) -> Result<Rows<Venture>> {
        self.rows()
    }

    pub fn sessions(&self) -> Result<Rows<Session>> {
        self.rows()
    }

    pub fn next_steps(&self) -> Result<Rows<NextStep>> {
        self.rows()
    }

    pub fn milestones(&self) -> Result<Rows<Milestone>> {
        self.rows()
    }

    /// How many clients and sessions the snapshot holds.
    pub fn client_and_session_counts(&self) -> Result<(u64, u64)> {
        Ok((self.count::<Client>()?, self.count::<Session>()?))
    }
}

impl Store {
    /// Runs `f` over one consistent view of every record.
    pub fn snapshot<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Snapshot) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let taken_at = self.now();
        let db = self.db();
        let tx = db.begin_read().map_err(|e| E::from(e.into()))?;
        f(&Snapshot { tx, taken_at })
    }

    /// Every record, in id order, as the export document, in memory (a test's or a small
    /// centre's; `transfer::export` streams it).
    pub fn export_document(&self) -> Result<Document> {
        self.snapshot(|s| {
            let mut doc = Document::empty(s.taken_at());
            doc.advisors = s.advisors()?;
            doc.clients = s.clients()?.collect::<Result<_>>()?;
            doc.ventures = s.ventures()?.collect::<Result<_>>()?;
            doc.sessions = s.sessions()?.collect::<Result<_>>()?;
            doc.next_steps = s.next_steps()?.collect::<Result<_>>()?;
            doc.milestones = s.milestones()?.collect::<Result<_>>()?;
            Ok(doc)
        })
    }
}
