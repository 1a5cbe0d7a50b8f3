use redb::{ReadableTable, TableHandle, WriteTransaction};

use super::Store;
use super::codec::{decode, encode};
use super::error::Result;
use super::schema::ADVISORS;
use crate::domain::{Advisor, Role, advisor};

/// Makes `username` a known advisor, as the command line promises for a first write.
pub fn ensure(tx: &WriteTransaction, username: &str) -> Result<()> {
    let username = advisor::username(username)?;
    let mut table = tx.open_table(ADVISORS)?;
    if table.get(username.as_str())?.is_none() {
        let new = Advisor {
            username: username.clone(),
            name: username.clone(),
            role: Role::Advisor,
            keys: Vec::new(),
        };
        let bytes = encode(ADVISORS.name(), &username, &new)?;
        table.insert(username.as_str(), bytes.as_slice())?;
    }
    Ok(())
}

pub fn put(tx: &WriteTransaction, advisor: &Advisor) -> Result<()> {
    let bytes = encode(ADVISORS.name(), &advisor.username, advisor)?;
    tx.open_table(ADVISORS)?
        .insert(advisor.username.as_str(), bytes.as_slice())?;
    Ok(())
}

impl Store {
    pub fn advisors(&self) -> Result<Vec<Advisor>> {
        self.read(|tx| {
            let table = tx.open_table(ADVISORS)?;
            let mut out = Vec::new();
            for row in table.iter()? {
                let (k, v) = row?;
                out.push(decode(ADVISORS.name(), k.value(), v.value())?);
            }
            Ok(out)
        })
    }

    pub fn advisor(&self, username: &str) -> Result<Option<Advisor>> {
        self.read(|tx| {
            let table = tx.open_table(ADVISORS)?;
            let found = table.get(username)?;
            found
                .map(|v| decode(ADVISORS.name(), username, v.value()))
                .transpose()
        })
    }

    /// Adds an advisor or replaces the one with the same username.
    pub fn put_advisor(&self, actor: &str, advisor: Advisor) -> Result<Advisor> {
        let advisor = advisor.validated()?;
        self.write(actor, |tx| {
            put(tx, &advisor)?;
            super::audit::append(
                tx,
                self.now(),
                actor,
                None,
                "advisor.put",
                &advisor.username,
            )?;
            Ok(advisor.clone())
        })
    }
}
