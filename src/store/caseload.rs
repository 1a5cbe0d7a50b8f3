//! Moving clients from one advisor's caseload to another's, with a notice for the receiver that
//! their TUI shows when it next looks (at once, when they are connected to `serve`).
use redb::{ReadableTable as _, TableDefinition};

use super::Store;
use super::error::{Missing, Result, StoreError};
use super::index;
use crate::domain::{Client, ClientId};
use crate::i18n::{Lang, ServeText};

/// (advisor, number) → a line for that advisor's status bar, shown once.
pub const NOTICES: TableDefinition<(&str, u64), &str> = TableDefinition::new("advisor_notices");

/// Which clients move.
#[derive(Debug, Clone, Copy)]
pub enum Moving<'a> {
    One(ClientId),
    /// Every client in this advisor's caseload.
    AllOf(&'a str),
}

impl Store {
    /// Moves clients to `to`'s caseload in one transaction; returns the names moved.
    pub fn transfer_clients(&self, actor: &str, moving: Moving, to: &str) -> Result<Vec<String>> {
        let to = crate::domain::advisor::username(to)?;
        if self.advisor(&to)?.is_none() {
            return Err(StoreError::NotFound(Missing::AdvisorToAdd(to)));
        }
        let ids: Vec<ClientId> = match moving {
            Moving::One(id) => vec![id],
            Moving::AllOf(from) => {
                let mut ids: Vec<ClientId> = self
                    .read(|tx| super::access::caseload(tx, from))?
                    .into_iter()
                    .collect();
                ids.sort_unstable();
                ids
            }
        };
        self.write(actor, |tx| {
            let mut names = Vec::new();
            for id in ids {
                let old: Client = index::existing(tx, id)?;
                if old.advisor.as_deref() == Some(to.as_str()) {
                    continue;
                }
                let from = old.advisor.clone().unwrap_or_else(|| "nobody".into());
                let new = Client {
                    advisor: Some(to.clone()),
                    ..old.clone()
                };
                index::save_audited(
                    tx,
                    Some(&old),
                    &new,
                    self.now(),
                    actor,
                    "client.transfer",
                    &format!("from {from} to {to}"),
                )?;
                names.push(new.name);
            }
            if !names.is_empty() {
                let mut notices = tx.open_table(NOTICES)?;
                let next = notices
                    .range((to.as_str(), 0)..=(to.as_str(), u64::MAX))?
                    .next_back()
                    .transpose()?
                    .map_or(1, |(k, _)| k.value().1 + 1);
                let text = [actor.to_string()]
                    .iter()
                    .chain(&names)
                    .map(|part| part.replace(SEPARATOR, " "))
                    .collect::<Vec<_>>()
                    .join(&SEPARATOR.to_string());
                notices.insert((to.as_str(), next), text.as_str())?;
            }
            Ok(names)
        })
    }

    /// The advisor's notices, oldest first, removed as they are read.
    pub fn take_notices(&self, username: &str) -> Result<Vec<String>> {
        let waiting = self.read(|tx| match tx.open_table(NOTICES) {
            Ok(table) => Ok(table
                .range((username, 0)..=(username, u64::MAX))?
                .next()
                .is_some()),
            Err(redb::TableError::TableDoesNotExist(_)) => Ok(false),
            Err(e) => Err(e.into()),
        })?;
        if !waiting {
            return Ok(Vec::new());
        }
        self.write_unseen(username, |tx| {
            let mut table = tx.open_table(NOTICES)?;
            let mut out = Vec::new();
            let mut keys = Vec::new();
            for row in table.range((username, 0)..=(username, u64::MAX))? {
                let (k, v) = row?;
                keys.push(k.value().1);
                out.push(v.value().to_string());
            }
            for n in keys {
                table.remove((username, n))?;
            }
            Ok(out)
        })
    }
}

/// Between who moved the clients and their names in a stored notice, so that each advisor's
/// screen says it in its own language.
const SEPARATOR: char = '\u{1f}';

/// A stored notice in `lang`; one stored as finished text (by an older veileder) as it is.
pub fn notice(lang: Lang, stored: &str) -> String {
    let mut parts = stored.split(SEPARATOR);
    let actor = parts.next().unwrap_or_default();
    let names: Vec<&str> = parts.collect();
    match names.as_slice() {
        [] => stored.to_string(),
        [one] => lang.f(ServeText::MovedOne, &[("actor", &actor), ("name", one)]),
        [first, rest @ ..] => lang.f(
            ServeText::MovedMany,
            &[
                ("actor", &actor),
                ("n", &names.len()),
                ("name", first),
                ("more", &rest.len()),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_said_in_the_readers_language_and_an_old_one_as_it_was() {
        let stored = ["kari", "Amina Yusuf", "Ola Berg"].join(&SEPARATOR.to_string());
        assert_eq!(
            notice(Lang::En, &stored),
            "kari moved 2 clients to your caseload: Amina Yusuf and 1 more."
        );
        assert_eq!(
            notice(Lang::Nb, &stored),
            "kari flyttet 2 klienter til deg: Amina Yusuf og 1 til."
        );
        let one = ["kari", "Amina"].join(&SEPARATOR.to_string());
        assert_eq!(
            notice(Lang::Nb, &one),
            "kari flyttet Amina til klientene dine."
        );
        assert_eq!(notice(Lang::Nb, "kari moved Amina."), "kari moved Amina.");
    }
}
