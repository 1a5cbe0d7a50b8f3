//! Who may see and change which clients. An `advisor` works on their own caseload and on the
//! clients shared with them; a `lead` sees everything and runs reports; an `admin` also manages
//! advisors. Locally the file's owner acts with full rights (see the README); `serve` gives each
//! SSH session the access of the advisor whose key logged in.
use std::collections::HashSet;

use redb::{
    MultimapTableDefinition, ReadTransaction, ReadableMultimapTable as _, ReadableTable as _,
    TableHandle as _, WriteTransaction,
};

use super::Store;
use super::codec;
use super::error::{Missing, Result, StoreError};
use super::schema::{CASELOADS, CLIENTS};
use super::summary::ClientSummary;
use crate::domain::{ClientId, Role};

/// client → usernames of the advisors it is shared with, besides its own advisor.
pub const SHARES: MultimapTableDefinition<u64, &str> =
    MultimapTableDefinition::new("client_shares");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub username: String,
    pub role: Role,
    /// The owner of the file on a local terminal, who can do everything.
    pub owner: bool,
}

impl Access {
    /// Local use: whoever can open the file acts with full rights, under `username`.
    pub fn owner(username: impl Into<String>) -> Access {
        Access {
            username: username.into(),
            role: Role::Admin,
            owner: true,
        }
    }

    /// An advisor's SSH session: the rights of their role.
    pub fn advisor(username: impl Into<String>, role: Role) -> Access {
        Access {
            username: username.into(),
            role,
            owner: false,
        }
    }

    /// Leads and admins see every client.
    pub fn sees_all(&self) -> bool {
        self.owner || matches!(self.role, Role::Lead | Role::Admin)
    }
}

/// The set of clients an advisor may see beside their own caseload.
fn shared_with(tx: &ReadTransaction, username: &str) -> Result<HashSet<ClientId>> {
    let table = match tx.open_multimap_table(SHARES) {
        Ok(table) => table,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(HashSet::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = HashSet::new();
    for row in table.iter()? {
        let (client, users) = row?;
        for user in users {
            if user?.value() == username {
                out.insert(client.value());
                break;
            }
        }
    }
    Ok(out)
}

/// The clients in `username`'s own caseload.
pub(super) fn caseload(tx: &ReadTransaction, username: &str) -> Result<HashSet<ClientId>> {
    let mut out = HashSet::new();
    for row in tx
        .open_table(CASELOADS)?
        .range((username, 0u64)..=(username, u64::MAX))?
    {
        out.insert(row?.0.value().1);
    }
    Ok(out)
}

/// Whether `username` advises `client` or has it shared with them.
fn may_see(tx: &ReadTransaction, username: &str, client: ClientId) -> Result<bool> {
    if tx.open_table(CASELOADS)?.get((username, client))?.is_some() {
        return Ok(true);
    }
    let shares = match tx.open_multimap_table(SHARES) {
        Ok(table) => table,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(false),
        Err(e) => return Err(e.into()),
    };
    for user in shares.get(client)? {
        if user?.value() == username {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Fills the caseload index from the clients (a schema 1 file had none).
pub fn build_caseloads(tx: &WriteTransaction) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Advised {
        advisor: Option<String>,
    }
    let clients = tx.open_table(CLIENTS)?;
    let mut caseloads = tx.open_table(CASELOADS)?;
    for row in clients.iter()? {
        let (id, bytes) = row?;
        let client: Advised = codec::decode(CLIENTS.name(), id.value(), bytes.value())?;
        if let Some(advisor) = client.advisor {
            caseloads.insert((advisor.as_str(), id.value()), ())?;
        }
    }
    Ok(())
}

/// What one access may see, read once for a list.
pub struct Visible {
    all: bool,
    ids: HashSet<ClientId>,
}

impl Visible {
    /// Every client, as leads and admins see them.
    pub fn everyone() -> Visible {
        Visible {
            all: true,
            ids: HashSet::new(),
        }
    }

    pub fn is_everyone(&self) -> bool {
        self.all
    }

    pub fn allows(&self, client: ClientId) -> bool {
        self.all || self.ids.contains(&client)
    }

    /// The clients allowed, by id; `None` for everyone.
    fn ids(&self) -> Option<Vec<ClientId>> {
        let mut ids: Vec<ClientId> = (!self.all).then(|| self.ids.iter().copied().collect())?;
        ids.sort_unstable();
        Some(ids)
    }
}

impl Store {
    /// The clients `access` may see: everyone's for leads, else their caseload and shares.
    pub fn visible(&self, access: &Access) -> Result<Visible> {
        if access.sees_all() {
            return Ok(Visible::everyone());
        }
        self.read(|tx| {
            let mut ids = shared_with(tx, &access.username)?;
            ids.extend(caseload(tx, &access.username)?);
            Ok(Visible { all: false, ids })
        })
    }

    /// The summaries of the clients `visible` allows, by id: an advisor's list reads their
    /// caseload, not the centre.
    pub fn client_summaries_in(&self, visible: &Visible) -> Result<Vec<ClientSummary>> {
        let Some(ids) = visible.ids() else {
            return self.client_summaries();
        };
        self.read(|tx| super::summary::some(tx, &ids))
    }

    /// Refuses, in one line, a client that `access` may not see or change.
    pub fn check_client(&self, access: &Access, client: ClientId) -> Result<()> {
        if access.sees_all() || self.read(|tx| may_see(tx, &access.username, client))? {
            return Ok(());
        }
        let advisor = self.client_summary(client)?.and_then(|c| c.advisor);
        Err(StoreError::Denied(super::Denial::NotYours {
            client,
            advisor,
        }))
    }

    /// Shares a client with another advisor, who may then see and work on it.
    pub fn share_client(&self, actor: &str, client: ClientId, with: &str) -> Result<()> {
        let with = crate::domain::advisor::username(with)?;
        if self.advisor(&with)?.is_none() {
            return Err(StoreError::NotFound(Missing::Advisor(with)));
        }
        self.write(actor, |tx| {
            super::index::existing::<crate::domain::Client>(tx, client)?;
            tx.open_multimap_table(SHARES)?
                .insert(client, with.as_str())?;
            super::audit::append(tx, self.now(), actor, Some(client), "client.share", &with)
        })
    }
}
