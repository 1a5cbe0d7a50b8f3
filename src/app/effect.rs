//! What the app asks of the world, as data, and what comes back. `update` returns an `Effect`;
//! the loop (local terminal, SSH session, test) performs it with `run_effects`.
use tracing::warn;

use super::App;
use crate::domain::{Client, ClientId};
use crate::store::{ClientSummary, Kind, Store, TrashEntry};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    LoadClients,
    /// The full record of the selected client, for the preview (its pinned note).
    LoadPreview(ClientId),
    /// Move a record to the trash.
    Delete {
        kind: Kind,
        id: u64,
    },
    /// Put back what was moved to the trash.
    Restore {
        trash_id: u64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Clients(Vec<ClientSummary>),
    /// `None` when the client is gone.
    Preview(Option<Box<Client>>),
    Deleted(TrashEntry),
    Restored(TrashEntry),
    /// The effect failed; the message says why, for the status bar.
    Failed(String),
}

/// Performs `effect` and every effect that follows from its outcome; false once the app quits.
pub fn run_effects(app: &mut App, store: &Store, effect: Option<Effect>) -> bool {
    let mut next = effect;
    while let Some(effect) = next.take() {
        let actor = app.actor();
        let result = match effect {
            Effect::Quit => return false,
            Effect::LoadClients => store.client_summaries().map(Outcome::Clients),
            Effect::LoadPreview(id) => store.client(id).map(|c| Outcome::Preview(c.map(Box::new))),
            Effect::Delete { kind, id } => store.delete(actor, kind, id).map(Outcome::Deleted),
            Effect::Restore { trash_id } => store.restore(actor, trash_id).map(Outcome::Restored),
        };
        let outcome = result.unwrap_or_else(|error| {
            warn!(%error, "effect failed");
            Outcome::Failed(error.to_string())
        });
        next = app.receive(outcome);
    }
    true
}
