use redb::{ReadableTable, TableHandle, WriteTransaction};

use super::Store;
use super::codec::{decode, encode};
use super::error::Result;
use super::error::{Missing, StoreError};
use super::schema::ADVISORS;
use crate::domain::{Advisor, Role, advisor, ssh_key};

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

    /// Registers one more SSH public key (an OpenSSH line) for `username`; a key already there
    /// is not added twice.
    pub fn add_advisor_key(&self, actor: &str, username: &str, line: &str) -> Result<Advisor> {
        let line = ssh_key::public_key_line(line)?;
        self.change_keys(actor, username, "advisor.key.add", &line, |keys| {
            if !keys.iter().any(|k| ssh_key::same_key(k, &line)) {
                keys.push(line.clone());
            }
        })
    }

    /// Removes the key `line` holds from `username`'s keys; refused when they do not have it.
    pub fn remove_advisor_key(&self, actor: &str, username: &str, line: &str) -> Result<Advisor> {
        let line = ssh_key::public_key_line(line)?;
        let Some(current) = self.advisor(username)? else {
            return Err(StoreError::NotFound(Missing::Advisor(username.to_string())));
        };
        if !current.keys.iter().any(|k| ssh_key::same_key(k, &line)) {
            return Err(StoreError::NotFound(Missing::Key {
                username: username.to_string(),
                fingerprint: ssh_key::fingerprint(&line),
            }));
        }
        self.change_keys(actor, username, "advisor.key.remove", &line, |keys| {
            keys.retain(|k| !ssh_key::same_key(k, &line));
        })
    }

    /// Reads, changes and writes the advisor's keys in one transaction, so two changes at once
    /// cannot lose one another.
    fn change_keys(
        &self,
        actor: &str,
        username: &str,
        action: &str,
        line: &str,
        change: impl FnOnce(&mut Vec<String>),
    ) -> Result<Advisor> {
        self.write(actor, |tx| {
            let found = tx
                .open_table(ADVISORS)?
                .get(username)?
                .map(|v| v.value().to_vec());
            let Some(bytes) = found else {
                return Err(StoreError::NotFound(Missing::AdvisorToAdd(
                    username.to_string(),
                )));
            };
            let mut advisor: Advisor = decode(ADVISORS.name(), username, &bytes)?;
            change(&mut advisor.keys);
            put(tx, &advisor)?;
            let detail = format!("{} {}", advisor.username, ssh_key::fingerprint(line));
            super::audit::append(tx, self.now(), actor, None, action, &detail)?;
            Ok(advisor)
        })
    }
}
