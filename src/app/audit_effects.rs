//! The audit screen's read: a page of the log newest first, narrowed by a typed filter that
//! every word of must be found in the client's name, the advisor's username or the action.
use std::collections::HashMap;
use std::sync::Arc;

use super::effect::Outcome;
use super::screens::audit::{AuditData, AuditRow, ClientNames};
use crate::domain::text::fold;
use crate::store::{AuditKeys, Store};

/// At most this many entries are looked at for a filter as it is typed, so that a key stays
/// within a few milliseconds however long the log is.
pub const AUDIT_SCAN: usize = 4_000;
/// At most this many are looked at by one step of reading on through older entries: each step
/// also draws a frame, and the key that starts it must answer as fast as a typed one.
pub const AUDIT_STEP: usize = 2_000;

pub fn load(
    store: &Store,
    query: String,
    before: Option<u64>,
    limit: usize,
    names: Option<Arc<ClientNames>>,
) -> crate::store::Result<Outcome> {
    let words: Vec<String> = fold(&query).split_whitespace().map(String::from).collect();
    let (page, names) = if words.is_empty() {
        (
            store.audit_newest(before, limit, usize::MAX, |_| true)?,
            names,
        )
    } else {
        let names = match names {
            Some(names) => names,
            None => Arc::new(
                store
                    .client_summaries()?
                    .into_iter()
                    .map(|c| {
                        let folded = fold(&c.name);
                        (c.id, (c.name, folded))
                    })
                    .collect(),
            ),
        };
        // Each advisor's username folded once per read, not once per entry looked at.
        let mut advisors: HashMap<String, String> = HashMap::new();
        let matches = |keys: &AuditKeys| {
            if !advisors.contains_key(keys.advisor) {
                advisors.insert(keys.advisor.to_string(), fold(keys.advisor));
            }
            let advisor = &advisors[keys.advisor];
            let client = keys.client_id.and_then(|id| names.get(&id));
            words.iter().all(|word| {
                advisor.contains(word.as_str())
                    || keys.action.contains(word.as_str())
                    || client.is_some_and(|(_, folded)| folded.contains(word.as_str()))
            })
        };
        let scan = if before.is_some() {
            AUDIT_STEP
        } else {
            AUDIT_SCAN
        };
        let page = store.audit_newest(before, limit, scan, matches)?;
        (page, Some(names))
    };
    let mut shown: HashMap<u64, Option<String>> = HashMap::new();
    let mut rows = Vec::with_capacity(page.entries.len());
    for entry in page.entries {
        let client = match entry.client_id {
            Some(id) => match shown.get(&id) {
                Some(name) => name.clone(),
                None => {
                    let name = match names.as_ref().and_then(|names| names.get(&id)) {
                        Some((name, _)) => Some(name.clone()),
                        None => store.client_summary(id)?.map(|c| c.name),
                    };
                    shown.insert(id, name.clone());
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
        names,
    })))
}
