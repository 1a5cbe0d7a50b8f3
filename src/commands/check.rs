use std::io::Write;

use anyhow::Result;

use super::Ctx;
use crate::i18n::{CLIENTS, CliText as T, PROBLEMS, counted};

pub fn run(ctx: &Ctx, out: &mut impl Write) -> Result<i32> {
    let problems = ctx.store.check()?;
    let lang = ctx.lang();
    let path = ctx.store.path().display().to_string();
    retention_notice(ctx, out)?;
    if problems.is_empty() {
        writeln!(out, "{}", lang.f(T::NoProblems, &[("path", &path)]))?;
        return Ok(0);
    }
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    let found = counted(lang, problems.len(), PROBLEMS);
    let summary = lang.f(T::Problems, &[("problems", &found), ("path", &path)]);
    writeln!(out, "{summary}")?;
    Ok(1)
}

/// Clients kept past the retention period are a task for the centre, not damage to the file:
/// a notice line, and the exit code stays that of the file's health.
fn retention_notice(ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let years = ctx.config.privacy.retention_years;
    let past = crate::privacy::past_retention(&ctx.store, ctx.store.today(), years)?;
    if past.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = past
        .iter()
        .take(10)
        .map(|p| p.client_id.to_string())
        .collect();
    let more = if past.len() > ids.len() { ", …" } else { "" };
    let ids = format!("{}{more}", ids.join(", "));
    let lang = ctx.lang();
    let clients = counted(lang, past.len(), CLIENTS);
    let values: [(&str, &dyn std::fmt::Display); 3] =
        [("clients", &clients), ("years", &years), ("ids", &ids)];
    let notice = lang.f(crate::i18n::PrivacyText::RetentionNotice, &values);
    writeln!(out, "{notice}")?;
    Ok(())
}
