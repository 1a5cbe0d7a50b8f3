//! Every table of the database file. Records are MessagePack with named fields (see codec.rs), so
//! the value type of record tables is bytes and the store decodes them.
use redb::{MultimapTableDefinition, TableDefinition};

/// Bumped when a change needs a migration; see meta.rs.
pub const SCHEMA_VERSION: u32 = 2;

pub const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
pub const ADVISORS: TableDefinition<&str, &[u8]> = TableDefinition::new("advisors");
pub const CLIENTS: TableDefinition<u64, &[u8]> = TableDefinition::new("clients");
pub const VENTURES: TableDefinition<u64, &[u8]> = TableDefinition::new("ventures");
pub const SESSIONS: TableDefinition<u64, &[u8]> = TableDefinition::new("sessions");
pub const NEXT_STEPS: TableDefinition<u64, &[u8]> = TableDefinition::new("next_steps");
pub const MILESTONES: TableDefinition<u64, &[u8]> = TableDefinition::new("milestones");
/// Unsaved call-mode state per (client, advisor username).
pub const DRAFTS: TableDefinition<(u64, &str), &[u8]> = TableDefinition::new("drafts");
pub const TRASH: TableDefinition<u64, &[u8]> = TableDefinition::new("trash");
pub const AUDIT: TableDefinition<u64, &[u8]> = TableDefinition::new("audit");
/// What reports still count of an erased client, with nothing that names them (erase.rs).
pub const ERASED: TableDefinition<u64, &[u8]> = TableDefinition::new("erased");

/// What the client list shows, kept up to date with every write that changes it.
pub const SUMMARIES: TableDefinition<u64, &[u8]> = TableDefinition::new("client_summaries");
/// What reports count of each session, keyed like the timeline: (client, time, session).
pub const SESSION_FACTS: TableDefinition<(u64, i64, u64), &[u8]> =
    TableDefinition::new("session_facts");
/// (client, started_at in seconds, session) for a client's timeline in order.
pub const CLIENT_SESSIONS: TableDefinition<(u64, i64, u64), ()> =
    TableDefinition::new("client_sessions");
/// (started_at in seconds, session) → client, for every session: the centre's sessions newest
/// first, for search.
pub const SESSION_TIMES: TableDefinition<(i64, u64), u64> = TableDefinition::new("session_times");
/// (client, record kind) → ids of the client's ventures, next steps and milestones.
pub const CLIENT_RECORDS: MultimapTableDefinition<(u64, u8), u64> =
    MultimapTableDefinition::new("client_records");
/// (advisor username, client) for every client with an advisor: an advisor's caseload without
/// reading every client.
pub const CASELOADS: TableDefinition<(&str, u64), ()> = TableDefinition::new("caseloads");
/// (due as days since 1970, next step) → client, for open next steps with a due date.
pub const STEPS_DUE: TableDefinition<(i64, u64), u64> = TableDefinition::new("steps_due");
/// (folded search term, first posting's record kind and id) → a sorted block of postings
/// (terms.rs).
pub const TERM_BLOCKS: TableDefinition<(&str, u8, u64), &[u8]> =
    TableDefinition::new("term_blocks");
/// Schema 1's search index, folded term → (record kind, id): read only to migrate it.
pub const TERMS_V1: MultimapTableDefinition<&str, (u8, u64)> =
    MultimapTableDefinition::new("terms");

/// The kind of a record, as stored in index keys.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Client = 1,
    Session = 2,
    NextStep = 3,
    Venture = 4,
    Milestone = 5,
}

impl Kind {
    pub fn from_u8(v: u8) -> Option<Kind> {
        [
            Kind::Client,
            Kind::Session,
            Kind::NextStep,
            Kind::Venture,
            Kind::Milestone,
        ]
        .into_iter()
        .find(|k| *k as u8 == v)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Client => "client",
            Kind::Session => "session",
            Kind::NextStep => "next_step",
            Kind::Venture => "venture",
            Kind::Milestone => "milestone",
        }
    }
}
