//! The store side of call mode's effects, called from `run_effects`.
use super::effect::Outcome;
use super::screens::CallBrief;
use crate::domain::{ClientId, NextStepId, PendingStep, Session};
use crate::i18n::{Lang, Ui};
use crate::store::{CallOutcome, Result, Store};

pub fn start(store: &Store, lang: Lang, id: ClientId, actor: &str) -> Result<Outcome> {
    Ok(match CallBrief::load(store, id, actor)? {
        Some(brief) => Outcome::CallReady(Box::new(brief)),
        None => Outcome::Failed(lang.t(Ui::ClientGone).into()),
    })
}

/// The session, its new steps and the ticked ones in one transaction, which also drops the draft.
pub fn save(
    store: &Store,
    actor: &str,
    session: Session,
    new_steps: Vec<PendingStep>,
    ticked: Vec<NextStepId>,
    areas: &[String],
) -> Result<Outcome> {
    let outcome = CallOutcome { new_steps, ticked };
    let saved = store.add_session(actor, session, &outcome, Some(areas))?;
    Ok(Outcome::CallSaved {
        session: Box::new(saved),
        new_steps: outcome.new_steps.len(),
        ticked: outcome.ticked.len(),
    })
}
