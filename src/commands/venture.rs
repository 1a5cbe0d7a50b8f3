use std::io::Write;

use anyhow::{Result, bail};

use super::Ctx;
use super::client::shown;
use crate::cli::{MilestoneAddArgs, MilestoneCommand, VentureAddArgs, VentureCommand};
use crate::domain::{Milestone, MilestoneKind, OrgNr, Stage, Venture, VentureKind, validate};
use crate::i18n::{CliText as T, CommandText, Lang, value};

pub fn run_venture(ctx: &Ctx, command: VentureCommand, out: &mut impl Write) -> Result<i32> {
    match command {
        VentureCommand::Add(args) => add_venture(ctx, args, out),
    }
}

pub fn run_milestone(ctx: &Ctx, command: MilestoneCommand, out: &mut impl Write) -> Result<i32> {
    match command {
        MilestoneCommand::Add(args) => add_milestone(ctx, args, out),
    }
}

/// The configured spelling of `given`, matched case-insensitively; refused with the list when
/// it is not configured.
fn configured_sector(lang: Lang, sectors: &[String], given: &str) -> Result<String> {
    let wanted = given.trim().to_lowercase();
    match sectors.iter().find(|s| s.trim().to_lowercase() == wanted) {
        Some(s) => Ok(s.clone()),
        None => {
            let values: [(&str, &dyn std::fmt::Display); 2] =
                [("given", &shown(given)), ("sectors", &sectors.join(", "))];
            bail!(lang.f(CommandText::SectorNotConfigured, &values))
        }
    }
}

fn add_venture(ctx: &Ctx, a: VentureAddArgs, out: &mut impl Write) -> Result<i32> {
    let kind: VentureKind = a.kind.parse()?;
    let stage: Stage = a
        .stage
        .as_deref()
        .map(str::parse)
        .transpose()?
        .unwrap_or_default();
    let org_nr = a.org_nr.as_deref().map(OrgNr::parse).transpose()?;
    let sector = a
        .sector
        .as_deref()
        .map(|s| configured_sector(ctx.lang(), &ctx.config.sectors, s))
        .transpose()?;
    let client = ctx.store.resolve_client(&a.client)?;
    let venture = Venture {
        id: 0,
        client_id: client.id,
        name: a.name,
        kind,
        sector,
        stage,
        org_nr,
        stage_by_hand: false,
    };
    // Checked here too so that a refusal reads as one message, not the store's wrapped copy.
    let saved = ctx.store.add_venture(&ctx.actor, venture.validated()?)?;
    writeln!(out, "{}", saved.id)?;
    Ok(0)
}

fn add_milestone(ctx: &Ctx, a: MilestoneAddArgs, out: &mut impl Write) -> Result<i32> {
    let venture_id: u64 = match a.venture.trim().parse() {
        Ok(id) => id,
        Err(_) => bail!(
            ctx.lang()
                .f(CommandText::NotVentureId, &[("given", &shown(&a.venture))])
        ),
    };
    let kind: MilestoneKind = a.kind.parse()?;
    let date = match a.date.as_deref() {
        Some(d) => validate::date("date", d)?,
        None => ctx.store.today(),
    };
    let milestone = Milestone {
        id: 0,
        client_id: 0,
        venture_id,
        kind,
        date,
        amount_nok: a.amount_nok,
        jobs: a.jobs,
        note: a.note,
    };
    let before = ctx.store.venture(venture_id)?.map(|v| v.stage);
    let saved = ctx
        .store
        .add_milestone(&ctx.actor, milestone.validated()?)?;
    let lang = ctx.lang();
    let text = match ctx.store.venture(venture_id)?.map(|v| v.stage) {
        Some(now) => {
            let message = if Some(now) != before {
                T::MilestoneMoved
            } else {
                T::MilestoneStays
            };
            let stage = value(lang, now.as_str());
            let values: [(&str, &dyn std::fmt::Display); 3] = [
                ("id", &saved.id),
                ("venture", &venture_id),
                ("stage", &stage),
            ];
            lang.f(message, &values)
        }
        None => lang.f(T::MilestoneAdded, &[("id", &saved.id)]),
    };
    writeln!(out, "{text}")?;
    Ok(0)
}
