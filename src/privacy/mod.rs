//! Privacy by design: a person's access export as readable text, the clients past the retention
//! period, and a database file that others can read.
mod person_text;

use std::path::Path;

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::ClientId;
use crate::store::{ClientSummary, Result, Store};

pub use person_text::person_text;

/// A client with no contact for longer than the retention period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PastRetention {
    pub client_id: ClientId,
    pub client: String,
    /// The last session, or when they were added if they never had one.
    pub last_contact: NaiveDate,
}

/// Every client (whatever their status) with no contact for `years` years or more, longest first.
pub fn past_retention(store: &Store, today: NaiveDate, years: u32) -> Result<Vec<PastRetention>> {
    Ok(past_retention_among(
        &store.client_summaries()?,
        today,
        years,
    ))
}

/// The same, among summaries already read (the agenda has them).
pub fn past_retention_among<'a>(
    summaries: impl IntoIterator<Item = &'a ClientSummary>,
    today: NaiveDate,
    years: u32,
) -> Vec<PastRetention> {
    let limit = today
        .checked_sub_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MIN);
    let mut out: Vec<PastRetention> = summaries
        .into_iter()
        .map(|c| {
            let since: DateTime<Utc> = c.last_contact.unwrap_or(c.created_at);
            PastRetention {
                client_id: c.id,
                client: c.name.clone(),
                last_contact: since.date_naive(),
            }
        })
        .filter(|p| p.last_contact <= limit)
        .collect();
    out.sort_by(|a, b| {
        a.last_contact
            .cmp(&b.last_contact)
            .then(a.client_id.cmp(&b.client_id))
    });
    out
}

/// A warning when the database file can be read or written by its group or by others.
pub fn exposure_warning(lang: crate::i18n::Lang, db: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(db).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then(|| {
            let mode = format!("{mode:o}");
            let path = db.display();
            lang.f(
                crate::i18n::PrivacyText::Exposed,
                &[("path", &path), ("mode", &mode)],
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = (lang, db);
        None
    }
}
