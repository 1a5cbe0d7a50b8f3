use redb::TableHandle;

use super::Store;
use super::audit;
use super::codec;
use super::drafts;
use super::error::{Missing, Result, StoreError};
use super::index;
use super::meta::next_id;
use super::schema::{CLIENT_SESSIONS, Kind, SESSIONS};
use super::summary;
use crate::domain::{Client, ClientId, NextStep, NextStepId, PendingStep, Session, SessionId};

/// What call mode saves in one go: the session, the next steps agreed, and the ones ticked off.
#[derive(Debug, Clone, Default)]
pub struct CallOutcome {
    pub new_steps: Vec<PendingStep>,
    pub ticked: Vec<NextStepId>,
}

impl Store {
    /// Saves a session with its new and ticked next steps and drops the actor's draft for the
    /// client, all in one transaction. `areas` limits competence ratings to the configured areas.
    pub fn add_session(
        &self,
        actor: &str,
        session: Session,
        outcome: &CallOutcome,
        areas: Option<&[String]>,
    ) -> Result<Session> {
        let session = session.validated(areas)?;
        let today = self.today();
        let steps: Vec<NextStep> = outcome
            .new_steps
            .iter()
            .map(|p| {
                NextStep {
                    id: 0,
                    client_id: session.client_id,
                    text: p.text.clone(),
                    owner: p.owner,
                    due: p.due,
                    done_on: None,
                }
                .validated()
            })
            .collect::<Result<_, _>>()?;
        self.forget_pending_draft(session.client_id, actor);
        self.write(actor, |tx| {
            index::existing::<Client>(tx, session.client_id)?;
            let session = Session {
                id: next_id(tx, Kind::Session)?,
                ..session
            };
            index::save(tx, None, &session)?;
            for step in steps {
                let step = NextStep {
                    id: next_id(tx, Kind::NextStep)?,
                    ..step
                };
                index::save(tx, None, &step)?;
            }
            for id in &outcome.ticked {
                let old: NextStep = index::get(tx, *id)?
                    .filter(|s: &NextStep| s.client_id == session.client_id)
                    .ok_or_else(|| StoreError::NotFound(Missing::StepOfClient(*id)))?;
                let done = NextStep {
                    done_on: Some(today),
                    ..old.clone()
                };
                index::save(tx, Some(&old), &done)?;
            }
            drafts::remove(tx, session.client_id, actor)?;
            summary::refresh(tx, session.client_id)?;
            audit::append(
                tx,
                self.now(),
                actor,
                Some(session.client_id),
                "session.add",
                &format!("session {}", session.id),
            )?;
            Ok(session)
        })
    }

    pub fn update_session(
        &self,
        actor: &str,
        session: Session,
        areas: Option<&[String]>,
    ) -> Result<Session> {
        let session = session.validated(areas)?;
        self.write(actor, |tx| {
            let old: Session = index::existing(tx, session.id)?;
            let session = Session {
                client_id: old.client_id,
                ..session
            };
            index::save_audited(
                tx,
                Some(&old),
                &session,
                self.now(),
                actor,
                "session.update",
                &format!("session {}", session.id),
            )?;
            Ok(session)
        })
    }

    pub fn session(&self, id: SessionId) -> Result<Option<Session>> {
        self.read(|tx| codec::get(&tx.open_table(SESSIONS)?, SESSIONS.name(), id))
    }

    /// A client's sessions, newest first.
    pub fn sessions_of(&self, client: ClientId) -> Result<Vec<Session>> {
        self.read(|tx| {
            let timeline = tx.open_table(CLIENT_SESSIONS)?;
            let sessions = tx.open_table(SESSIONS)?;
            let mut out = Vec::new();
            for row in timeline
                .range((client, i64::MIN, 0)..=(client, i64::MAX, u64::MAX))?
                .rev()
            {
                let (_, _, id) = row?.0.value();
                if let Some(s) = codec::get(&sessions, SESSIONS.name(), id)? {
                    out.push(s);
                }
            }
            Ok(out)
        })
    }
}
