//! What call mode shows of the client beside the note, read in one go when the call starts.
use crate::domain::{Client, ClientId, Draft, NextStep, Session};
use crate::store::{ClientSummary, Result, Store};

#[derive(Debug, Clone, PartialEq)]
pub struct CallBrief {
    pub client: Client,
    /// For the motivation trend; `None` only for a client whose summary is not built yet.
    pub summary: Option<ClientSummary>,
    pub last_session: Option<Session>,
    /// Open next steps, soonest due first.
    pub open_steps: Vec<NextStep>,
    /// The actor's unsaved call with this client, if any.
    pub draft: Option<Draft>,
}

impl CallBrief {
    /// Reads the brief; `None` when the client is gone.
    pub fn load(store: &Store, id: ClientId, actor: &str) -> Result<Option<CallBrief>> {
        let Some(client) = store.client(id)? else {
            return Ok(None);
        };
        let mut open_steps: Vec<NextStep> = store
            .next_steps_of(id)?
            .into_iter()
            .filter(NextStep::is_open)
            .collect();
        open_steps.sort_by_key(|s| (s.due.is_none(), s.due, s.id));
        Ok(Some(CallBrief {
            summary: store.client_summary(id)?,
            last_session: store.sessions_of(id)?.into_iter().next(),
            open_steps,
            draft: store.draft(id, actor)?,
            client,
        }))
    }

    /// Motivation of past sessions, oldest first.
    pub fn motivation_trend(&self) -> &[u8] {
        self.summary
            .as_ref()
            .map_or(&[], |s| s.motivation.as_slice())
    }
}
