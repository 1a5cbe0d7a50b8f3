use std::io::Write;

use anyhow::Result;

use super::Ctx;
use crate::agenda::{AgendaScope, AgendaStep, build};
use crate::cli::Format;
use crate::i18n::{CliText as T, DAYS, Lang, PrivacyText, Words, counted, date, value};
use crate::output::{Table, WIDTH};
use crate::privacy::PastRetention;
use crate::store::Visible;

fn steps_table(lang: Lang, title: &str, steps: &[AgendaStep], out: &mut impl Write) -> Result<()> {
    writeln!(out, "{title} ({})", steps.len())?;
    if steps.is_empty() {
        return Ok(());
    }
    let headers = [T::ColDue, T::ColClient, T::ColWho, T::ColNextStep].map(|h| lang.t(h));
    let mut t = Table::new(&headers);
    for s in steps {
        t.row(vec![
            s.due.map_or_else(|| "-".into(), |d| date(lang, d)),
            s.client.clone(),
            value(lang, s.owner.as_str()).into_owned(),
            s.text.clone(),
        ]);
    }
    write!(out, "{}", t.render(WIDTH))?;
    Ok(())
}

pub fn run(ctx: &Ctx, days: u32, all: bool, format: Format, out: &mut impl Write) -> Result<i32> {
    let scope = AgendaScope {
        advisor: (!all).then_some(ctx.actor.as_str()),
        today: ctx.store.today(),
        days,
        dormant_days: ctx.config.dormant_days,
        retention_years: ctx.config.privacy.retention_years,
    };
    // The command line runs as the file's owner, who sees every client.
    let agenda = build(&ctx.store, scope, &Visible::everyone())?;
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &agenda)?;
        writeln!(out)?;
        return Ok(0);
    }
    let lang = ctx.lang();
    let whose = if all {
        lang.t(T::AllClients).to_string()
    } else {
        lang.f(T::ClientsOf, &[("name", &ctx.actor)])
    };
    let today = date(lang, agenda.today);
    let title = lang.f(T::AgendaFor, &[("date", &today), ("whose", &whose)]);
    writeln!(out, "{title}\n")?;
    steps_table(lang, lang.t(T::Overdue), &agenda.overdue, out)?;
    writeln!(out)?;
    steps_table(lang, lang.t(T::Today), &agenda.due_today, out)?;
    writeln!(out)?;
    let next = lang.f(T::NextDays, &[("days", &counted(lang, days, DAYS))]);
    steps_table(lang, &next, &agenda.upcoming, out)?;
    writeln!(out)?;
    steps_table(lang, lang.t(T::OweACall), &agenda.owe_a_call, out)?;
    writeln!(out)?;
    let dormant = lang.f(T::Dormant, &[("n", &ctx.config.dormant_days)]);
    writeln!(out, "{dormant} ({})", agenda.dormant.len())?;
    if !agenda.dormant.is_empty() {
        let headers = [T::ColDays, T::ColClient, T::ColLastContact].map(|h| lang.t(h));
        let mut t = Table::new(&headers);
        for q in &agenda.dormant {
            t.row(vec![
                q.days.to_string(),
                q.client.clone(),
                q.last_contact
                    .map_or_else(|| lang.t(Words::Never).into(), |d| date(lang, d)),
            ]);
        }
        write!(out, "{}", t.render(WIDTH))?;
    }
    retention_table(ctx, &agenda.past_retention, out)?;
    Ok(0)
}

fn retention_table(ctx: &Ctx, past: &[PastRetention], out: &mut impl Write) -> Result<()> {
    let lang = ctx.lang();
    let years = ctx.config.privacy.retention_years;
    let title = lang.f(PrivacyText::PastRetention, &[("years", &years)]);
    writeln!(out, "\n{title} ({})", past.len())?;
    if past.is_empty() {
        return Ok(());
    }
    let mut t = Table::new(&[T::ColId, T::ColClient, T::ColLastContact].map(|h| lang.t(h)));
    for p in past {
        t.row(vec![
            p.client_id.to_string(),
            p.client.clone(),
            date(lang, p.last_contact),
        ]);
    }
    write!(out, "{}", t.render(WIDTH))?;
    writeln!(out, "{}", lang.t(PrivacyText::EraseOne))?;
    Ok(())
}
