use std::io::Write;

use anyhow::Result;

use super::Ctx;
use super::client::shown;
use crate::cli::NoteArgs;
use crate::domain::{Channel, Owner, PendingStep, Session, scales, validate};
use crate::store::CallOutcome;

pub fn run(ctx: &Ctx, a: NoteArgs, out: &mut impl Write) -> Result<i32> {
    let client = ctx.store.resolve_client(&a.client)?;
    let channel: Channel = a.channel.parse()?;
    let motivation = a.motivation.map(scales::motivation).transpose()?;
    let mut outcome = CallOutcome::default();
    if let Some(text) = a.next {
        outcome.new_steps.push(PendingStep {
            text,
            owner: a.owner.parse::<Owner>()?,
            due: a
                .due
                .as_deref()
                .map(|d| validate::date("due", d))
                .transpose()?,
        });
    }
    let session = Session {
        id: 0,
        client_id: client.id,
        advisor: ctx.actor.clone(),
        started_at: ctx.store.now(),
        minutes: a.minutes,
        channel,
        topics: Vec::new(),
        notes: a.text,
        motivation,
        competence: Default::default(),
    };
    let saved = ctx.store.add_session(
        &ctx.actor,
        session,
        &outcome,
        Some(&ctx.config.competence_areas),
    )?;
    let name = shown(&client.name);
    let text = ctx.lang().f(
        crate::i18n::CliText::SessionSaved,
        &[("id", &saved.id), ("name", &name)],
    );
    writeln!(out, "{text}")?;
    Ok(0)
}
