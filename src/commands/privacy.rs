//! `veileder privacy`: consent, a person's access export, erasure for good; and the trash purge
//! every command starts with.
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::{Ctx, write_atomically};
use crate::cli::{Format, PrivacyCommand};
use crate::config::Config;
use crate::domain::Consent;
use crate::domain::validate;
use crate::i18n::{DAYS, PrivacyText as T, RECORDS, counted, erasure};
use crate::store::Store;

pub fn run(ctx: &Ctx, command: PrivacyCommand, out: &mut impl Write) -> Result<i32> {
    match command {
        PrivacyCommand::Export {
            client,
            out: path,
            format,
        } => export(ctx, &client, path.as_deref(), format, out),
        PrivacyCommand::Erase { client, yes } => erase(ctx, &client, yes, out),
        PrivacyCommand::Consent {
            client,
            purpose,
            date,
            withdrawn,
        } => consent(ctx, &client, purpose, date, withdrawn, out),
    }
}

/// Where the readable text goes beside the JSON document at `json`.
pub fn text_path(json: &Path) -> PathBuf {
    if json
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        json.with_extension("txt")
    } else {
        let mut name = json.as_os_str().to_owned();
        name.push(".txt");
        PathBuf::from(name)
    }
}

fn export(
    ctx: &Ctx,
    client: &str,
    path: Option<&Path>,
    format: Format,
    out: &mut impl Write,
) -> Result<i32> {
    let client = ctx.store.resolve_client(client)?;
    let person = ctx.store.person_export(client.id)?;
    let json = serde_json::to_string_pretty(&person)? + "\n";
    let text = crate::privacy::person_text(ctx.lang(), &person);
    match path {
        Some(p) => {
            let beside = text_path(p);
            write_atomically(ctx.lang(), p, json.as_bytes())?;
            write_atomically(ctx.lang(), &beside, text.as_bytes())?;
            let text = ctx.lang().f(
                T::ExportedTo,
                &[
                    ("id", &client.id),
                    ("json", &p.display()),
                    ("text", &beside.display()),
                ],
            );
            writeln!(out, "{text}")?;
        }
        None if format == Format::Text => out.write_all(text.as_bytes())?,
        None => out.write_all(json.as_bytes())?,
    }
    Ok(0)
}

fn erase(ctx: &Ctx, client: &str, yes: bool, out: &mut impl Write) -> Result<i32> {
    let client = ctx.store.resolve_client(client)?;
    if !yes {
        let plan = erasure(ctx.lang(), &ctx.store.erasure_plan(client.id)?);
        bail!(ctx.lang().f(T::NothingErasedYet, &[("plan", &plan)]));
    }
    let started = std::time::Instant::now();
    let done = ctx.store.erase_client(&ctx.actor, client.id)?;
    let seconds = crate::i18n::decimal(ctx.lang(), started.elapsed().as_secs_f64(), 1);
    let done = erasure(ctx.lang(), &done);
    let text = ctx
        .lang()
        .f(T::ErasedIn, &[("done", &done), ("seconds", &seconds)]);
    writeln!(out, "{text}")?;
    Ok(0)
}

fn consent(
    ctx: &Ctx,
    client: &str,
    purpose: Option<String>,
    date: Option<String>,
    withdrawn: Option<String>,
    out: &mut impl Write,
) -> Result<i32> {
    let mut client = ctx.store.resolve_client(client)?;
    let date = date.map(|d| validate::date("date", &d)).transpose()?;
    let withdrawn = withdrawn
        .map(|d| validate::date("withdrawn", &d))
        .transpose()?;
    let consent = match (client.consent.take(), purpose) {
        (_, Some(purpose)) => Consent {
            date: date.unwrap_or_else(|| ctx.store.today()),
            purpose,
            withdrawn,
        },
        (Some(old), None) => Consent {
            date: date.unwrap_or(old.date),
            withdrawn: withdrawn.or(old.withdrawn),
            ..old
        },
        (None, None) => bail!(ctx.lang().f(T::NoConsent, &[("id", &client.id)])),
    };
    client.consent = Some(consent);
    let saved = ctx.store.update_client(&ctx.actor, client)?;
    if let Some(c) = &saved.consent {
        match c.withdrawn {
            Some(w) => {
                let date = crate::i18n::date(ctx.lang(), w);
                let values: [(&str, &dyn std::fmt::Display); 2] =
                    [("id", &saved.id), ("date", &date)];
                writeln!(out, "{}", ctx.lang().f(T::ConsentWithdrawn, &values))?;
            }
            None => {
                let date = crate::i18n::date(ctx.lang(), c.date);
                let values: [(&str, &dyn std::fmt::Display); 3] =
                    [("id", &saved.id), ("date", &date), ("purpose", &c.purpose)];
                writeln!(out, "{}", ctx.lang().f(T::ConsentGiven, &values))?;
            }
        }
    }
    Ok(0)
}

/// Purges the trash of what is older than the configured days, saying so on stderr.
pub fn purge_trash(store: &Store, config: &Config, actor: &str) -> Result<()> {
    let days = config.privacy.trash_days;
    let purged = store.purge_trash(actor, days)?;
    if purged > 0 {
        let lang = config.language.unwrap_or_default();
        let records = counted(lang, purged, RECORDS);
        let days = counted(lang, days, DAYS);
        let purged = lang.f(T::Purged, &[("records", &records), ("days", &days)]);
        eprintln!("{purged}");
    }
    Ok(())
}
