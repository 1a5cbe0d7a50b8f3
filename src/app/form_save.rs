//! Performs the effects of the forms through the store: add when the record has no id yet,
//! update otherwise, and say what was saved.
use super::effect::{Outcome, Saved};
use crate::domain::text::{inert, truncate};
use crate::domain::{Client, ClientId, Milestone, NextStep, Venture};
use crate::i18n::{FormText as T, Lang, Ui};
use crate::store::{Result, Store};

/// How much of a next step's text the status bar repeats.
const STEP_SHOWN: usize = 40;

fn saved(client_id: ClientId, message: String) -> Outcome {
    Outcome::Saved(Saved { client_id, message })
}

pub fn edit_client(store: &Store, lang: Lang, id: ClientId) -> Result<Outcome> {
    Ok(match store.client(id)? {
        Some(client) => Outcome::EditClient(Box::new(client)),
        None => Outcome::Failed(lang.f(Ui::ClientIdGone, &[("id", &id)])),
    })
}

/// "Added client Ali (id 3)" or "Saved …", in the language.
fn record_message(lang: Lang, added: bool, what: T, name: &str, id: u64) -> String {
    let verb = if added { T::Added } else { T::SavedRecord };
    let what = lang.t(what);
    lang.f(
        verb,
        &[("what", &what), ("name", &inert(name, false)), ("id", &id)],
    )
}

pub fn client(store: &Store, lang: Lang, actor: &str, client: Client) -> Result<Outcome> {
    let was_withdrawn = |c: &Client| c.consent.as_ref().is_some_and(|k| k.withdrawn.is_some());
    let added = client.id == 0;
    let withdrew = was_withdrawn(&client)
        && (added
            || store
                .client(client.id)?
                .is_none_or(|old| !was_withdrawn(&old)));
    let client = if added {
        store.add_client(actor, client)?
    } else {
        store.update_client(actor, client)?
    };
    let message = record_message(lang, added, T::TheClient, &client.name, client.id);
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

pub fn venture(store: &Store, lang: Lang, actor: &str, venture: Venture) -> Result<Outcome> {
    let added = venture.id == 0;
    let venture = if added {
        store.add_venture(actor, venture)?
    } else {
        store.update_venture(actor, venture)?
    };
    let message = record_message(lang, added, T::TheVenture, &venture.name, venture.id);
    Ok(saved(venture.client_id, message))
}

pub fn milestone(store: &Store, lang: Lang, actor: &str, milestone: Milestone) -> Result<Outcome> {
    let added = milestone.id == 0;
    let m = if added {
        store.add_milestone(actor, milestone)?
    } else {
        store.update_milestone(actor, milestone)?
    };
    let verb = if added {
        T::AddedMilestone
    } else {
        T::SavedMilestone
    };
    let kind = crate::i18n::value(lang, m.kind.as_str());
    let date = crate::i18n::date(lang, m.date);
    Ok(saved(
        m.client_id,
        lang.f(verb, &[("kind", &kind), ("date", &date)]),
    ))
}

pub fn next_step(store: &Store, lang: Lang, actor: &str, step: NextStep) -> Result<Outcome> {
    let added = step.id == 0;
    let step = if added {
        store.add_next_step(actor, step)?
    } else {
        store.update_next_step(actor, step)?
    };
    let text = truncate(&inert(&step.text, false), STEP_SHOWN).to_string();
    let verb = if added { T::AddedStep } else { T::SavedStep };
    Ok(saved(step.client_id, lang.f(verb, &[("text", &text)])))
}
