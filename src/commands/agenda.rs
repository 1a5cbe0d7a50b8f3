use std::io::Write;

use anyhow::Result;

use super::Ctx;
use crate::agenda::{AgendaScope, AgendaStep, build};
use crate::cli::Format;
use crate::output::{Table, WIDTH};
use crate::privacy::PastRetention;

fn steps_table(title: &str, steps: &[AgendaStep], out: &mut impl Write) -> Result<()> {
    writeln!(out, "{title} ({})", steps.len())?;
    if steps.is_empty() {
        return Ok(());
    }
    let mut t = Table::new(&["DUE", "CLIENT", "WHO", "NEXT STEP"]);
    for s in steps {
        t.row(vec![
            s.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            s.client.clone(),
            s.owner.to_string(),
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
    let agenda = build(&ctx.store, scope)?;
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &agenda)?;
        writeln!(out)?;
        return Ok(0);
    }
    let whose = if all {
        "all clients".to_string()
    } else {
        format!("clients of {}", ctx.actor)
    };
    writeln!(out, "Agenda for {} — {whose}\n", agenda.today)?;
    steps_table("Overdue", &agenda.overdue, out)?;
    writeln!(out)?;
    steps_table("Today", &agenda.due_today, out)?;
    writeln!(out)?;
    steps_table(&format!("Next {days} days"), &agenda.upcoming, out)?;
    writeln!(out)?;
    steps_table("Owe a call", &agenda.owe_a_call, out)?;
    writeln!(out)?;
    writeln!(
        out,
        "No contact for {}+ days ({})",
        ctx.config.dormant_days,
        agenda.dormant.len()
    )?;
    if !agenda.dormant.is_empty() {
        let mut t = Table::new(&["DAYS", "CLIENT", "LAST CONTACT"]);
        for q in &agenda.dormant {
            t.row(vec![
                q.days.to_string(),
                q.client.clone(),
                q.last_contact
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "never".into()),
            ]);
        }
        write!(out, "{}", t.render(WIDTH))?;
    }
    retention_table(ctx, &agenda.past_retention, out)?;
    Ok(0)
}

fn retention_table(ctx: &Ctx, past: &[PastRetention], out: &mut impl Write) -> Result<()> {
    let years = ctx.config.privacy.retention_years;
    writeln!(
        out,
        "\nNo contact for {years}+ years: to erase ({})",
        past.len()
    )?;
    if past.is_empty() {
        return Ok(());
    }
    let mut t = Table::new(&["ID", "CLIENT", "LAST CONTACT"]);
    for p in past {
        t.row(vec![
            p.client_id.to_string(),
            p.client.clone(),
            p.last_contact.to_string(),
        ]);
    }
    write!(out, "{}", t.render(WIDTH))?;
    writeln!(
        out,
        "`veileder privacy erase ID --yes` erases one (admins only)."
    )?;
    Ok(())
}
