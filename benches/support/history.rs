//! Years of audit log for the benchmark centre: what a national service's log holds after its
//! sessions were held, written through the store's own audit path.
use chrono::{DateTime, Duration, Utc};
use veileder::store::{AuditEntry, Store};
use veileder::transfer::Document;

/// Clients per advisor at a national service: 20,000 clients make about 130 advisors.
const CASELOAD: usize = 150;

/// One thing that happens around a session, `minutes` after it started.
struct Step {
    minutes: i64,
    /// The session's advisor (`false`: a colleague covering or looking in).
    own: bool,
    action: &'static str,
    detail: &'static str,
}

/// Eleven entries per session: the advisor reads up before and opens call mode, saves and
/// corrects the note, adds a next step and ticks it off a week later, edits the client; the
/// client is opened again between meetings by the advisor and by a colleague.
const AROUND_A_SESSION: [Step; 11] = [
    step(-2 * 24 * 60, true, "client.open", "page"),
    step(-30, true, "client.open", "page"),
    step(0, true, "client.open", "call"),
    step(55, true, "session.add", "session"),
    step(70, true, "session.update", "session"),
    step(72, true, "next_step.add", "next step"),
    step(24 * 60, true, "client.open", "page"),
    step(3 * 24 * 60, true, "client.update", ""),
    step(5 * 24 * 60, false, "client.open", "page"),
    step(7 * 24 * 60, true, "next_step.done", "next step"),
    step(7 * 24 * 60 + 5, true, "client.open", "page"),
];

const fn step(minutes: i64, own: bool, action: &'static str, detail: &'static str) -> Step {
    Step {
        minutes,
        own,
        action,
        detail,
    }
}

/// Appends the log of every session of `doc` that had happened by `now`, oldest first.
pub fn write(store: &Store, doc: &Document, now: DateTime<Utc>) {
    let colleagues = (doc.clients.len() / CASELOAD).max(1);
    // (when, session, step) sorted by time: 16 bytes an entry until it is written.
    let mut due: Vec<(i64, u32, u8)> = Vec::new();
    for (s, session) in doc.sessions.iter().enumerate() {
        for (k, step) in AROUND_A_SESSION.iter().enumerate() {
            let at = session.started_at + Duration::minutes(step.minutes);
            if at <= now {
                due.push((at.timestamp(), s as u32, k as u8));
            }
        }
    }
    due.sort_unstable();
    let entries = due.into_iter().map(|(at, s, k)| {
        let session = &doc.sessions[s as usize];
        let step = &AROUND_A_SESSION[k as usize];
        let advisor = if step.own {
            session.advisor.clone()
        } else {
            format!("advisor{}", session.client_id as usize % colleagues + 1)
        };
        let detail = match step.detail {
            "session" | "next step" => format!("{} {}", step.detail, session.id),
            other => other.to_string(),
        };
        AuditEntry {
            id: 0,
            at: DateTime::from_timestamp(at, 0).expect("a time of the demo"),
            advisor,
            client_id: Some(session.client_id),
            action: step.action.to_string(),
            detail,
        }
    });
    store
        .append_audit_history("ingrid", entries)
        .expect("append the history");
}
