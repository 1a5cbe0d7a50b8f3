//! Performs the effects of the forms through the store: add when the record has no id yet,
//! update otherwise, and say what was saved.
use super::effect::{Outcome, Saved};
use crate::domain::text::{inert, truncate};
use crate::domain::{Client, ClientId, Milestone, NextStep, Venture};
use crate::store::{Result, Store};

/// How much of a next step's text the status bar repeats.
const STEP_SHOWN: usize = 40;

fn saved(client_id: ClientId, message: String) -> Outcome {
    Outcome::Saved(Saved { client_id, message })
}

pub fn edit_client(store: &Store, id: ClientId) -> Result<Outcome> {
    Ok(match store.client(id)? {
        Some(client) => Outcome::EditClient(Box::new(client)),
        None => Outcome::Failed(format!("Client {id} is no longer there (deleted?).")),
    })
}

pub fn client(store: &Store, actor: &str, client: Client) -> Result<Outcome> {
    let was_withdrawn = |c: &Client| c.consent.as_ref().is_some_and(|k| k.withdrawn.is_some());
    let withdrew = was_withdrawn(&client)
        && (client.id == 0
            || store
                .client(client.id)?
                .is_none_or(|old| !was_withdrawn(&old)));
    let (verb, client) = if client.id == 0 {
        ("Added", store.add_client(actor, client)?)
    } else {
        ("Saved", store.update_client(actor, client)?)
    };
    let name = inert(&client.name, false);
    let message = format!("{verb} client {name} (id {})", client.id);
    if withdrew {
        return Ok(Outcome::ConsentWithdrawn {
            saved: Saved {
                client_id: client.id,
                message,
            },
            name: client.name,
        });
    }
    Ok(saved(client.id, message))
}

pub fn venture(store: &Store, actor: &str, venture: Venture) -> Result<Outcome> {
    let (verb, venture) = if venture.id == 0 {
        ("Added", store.add_venture(actor, venture)?)
    } else {
        ("Saved", store.update_venture(actor, venture)?)
    };
    let name = inert(&venture.name, false);
    Ok(saved(
        venture.client_id,
        format!("{verb} venture {name} (id {})", venture.id),
    ))
}

pub fn milestone(store: &Store, actor: &str, milestone: Milestone) -> Result<Outcome> {
    let (verb, m) = if milestone.id == 0 {
        ("Added", store.add_milestone(actor, milestone)?)
    } else {
        ("Saved", store.update_milestone(actor, milestone)?)
    };
    Ok(saved(
        m.client_id,
        format!("{verb} milestone {} on {}", m.kind, m.date),
    ))
}

pub fn next_step(store: &Store, actor: &str, step: NextStep) -> Result<Outcome> {
    let (verb, step) = if step.id == 0 {
        ("Added", store.add_next_step(actor, step)?)
    } else {
        ("Saved", store.update_next_step(actor, step)?)
    };
    let text = inert(&step.text, false);
    Ok(saved(
        step.client_id,
        format!("{verb} next step “{}”", truncate(&text, STEP_SHOWN)),
    ))
}
