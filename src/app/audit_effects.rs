//! The audit screen's read: a page of the log newest first, narrowed by a typed filter that
//! every word of must be found in the client's name, the advisor's username or the action.
use std::collections::HashMap;

use super::effect::Outcome;
use super::screens::audit::{AuditData, AuditRow};
use crate::domain::ClientId;
use crate::domain::text::fold;
use crate::store::{AuditEntry, Store};

/// At most this many entries are looked at for one read; a filter that matches rarely reads
/// on from there as the list is scrolled to its end.
pub const AUDIT_SCAN: usize = 20_000;

pub fn load(
    store: &Store,
    query: String,
    before: Option<u64>,
    limit: usize,
) -> crate::store::Result<Outcome> {
    let words: Vec<String> = fold(&query).split_whitespace().map(String::from).collect();
    let page = if words.is_empty() {
        store.audit_newest(before, limit, usize::MAX, |_| true)?
    } else {
        let folded: HashMap<ClientId, String> = store
            .client_summaries()?
            .into_iter()
            .map(|c| (c.id, fold(&c.name)))
            .collect();
        let matches = |entry: &AuditEntry| {
            let client = entry.client_id.and_then(|id| folded.get(&id));
            let advisor = fold(&entry.advisor);
            words.iter().all(|word| {
                advisor.contains(word.as_str())
                    || entry.action.contains(word.as_str())
                    || client.is_some_and(|name| name.contains(word.as_str()))
            })
        };
        store.audit_newest(before, limit, AUDIT_SCAN, matches)?
    };
    let mut names: HashMap<ClientId, Option<String>> = HashMap::new();
    let mut rows = Vec::with_capacity(page.entries.len());
    for entry in page.entries {
        let client = match entry.client_id {
            Some(id) => match names.get(&id) {
                Some(name) => name.clone(),
                None => {
                    let name = store.client_summary(id)?.map(|c| c.name);
                    names.insert(id, name.clone());
                    name
                }
            },
            None => None,
        };
        rows.push(AuditRow { entry, client });
    }
    Ok(Outcome::Audit(Box::new(AuditData {
        query,
        before,
        rows,
        older: page.older,
    })))
}
