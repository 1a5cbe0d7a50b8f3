use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::Ctx;
use crate::cli::Format;
use crate::domain::{ClientId, NextStep, Owner};
use crate::output::{Table, WIDTH};
use crate::store::ClientSummary;

#[derive(Serialize)]
struct Step {
    id: u64,
    client_id: ClientId,
    client: String,
    text: String,
    owner: Owner,
    due: Option<NaiveDate>,
}

#[derive(Serialize)]
struct Quiet {
    client_id: ClientId,
    client: String,
    last_contact: Option<NaiveDate>,
    days: i64,
}

#[derive(Serialize)]
struct Agenda {
    today: NaiveDate,
    overdue: Vec<Step>,
    due_today: Vec<Step>,
    upcoming: Vec<Step>,
    owe_a_call: Vec<Step>,
    dormant: Vec<Quiet>,
}

fn step(s: NextStep, clients: &HashMap<ClientId, &ClientSummary>) -> Step {
    Step {
        id: s.id,
        client_id: s.client_id,
        client: clients
            .get(&s.client_id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        text: s.text,
        owner: s.owner,
        due: s.due,
    }
}

fn build(ctx: &Ctx, days: u32, all: bool) -> Result<Agenda> {
    let today = ctx.store.today();
    let summaries = ctx.store.client_summaries()?;
    let mine = |c: &&ClientSummary| all || c.advisor.as_deref() == Some(ctx.actor.as_str());
    let clients: HashMap<ClientId, &ClientSummary> =
        summaries.iter().filter(mine).map(|c| (c.id, c)).collect();
    let mut agenda = Agenda {
        today,
        overdue: Vec::new(),
        due_today: Vec::new(),
        upcoming: Vec::new(),
        owe_a_call: Vec::new(),
        dormant: Vec::new(),
    };
    let end = today + Duration::days(i64::from(days) + 1);
    for s in ctx.store.open_steps_due_before(end)? {
        if !clients.contains_key(&s.client_id) {
            continue;
        }
        let list = match s.due {
            Some(d) if d < today => &mut agenda.overdue,
            Some(d) if d == today => &mut agenda.due_today,
            _ => &mut agenda.upcoming,
        };
        list.push(step(s, &clients));
    }
    let mut owed: Vec<&&ClientSummary> = clients.values().filter(|c| c.owed.is_some()).collect();
    owed.sort_by_key(|c| (c.owed.as_ref().map(|o| (o.0.is_none(), o.0)), c.id));
    for c in owed {
        if let Some((due, text)) = &c.owed {
            agenda.owe_a_call.push(Step {
                id: 0,
                client_id: c.id,
                client: c.name.clone(),
                text: text.clone(),
                owner: Owner::Advisor,
                due: *due,
            });
        }
    }
    for c in ctx.store.dormant_clients(today, ctx.config.dormant_days)? {
        if clients.contains_key(&c.id) {
            let since = c.last_contact.unwrap_or(c.created_at).date_naive();
            agenda.dormant.push(Quiet {
                client_id: c.id,
                client: c.name.clone(),
                last_contact: c.last_contact.map(|t| t.date_naive()),
                days: (today - since).num_days(),
            });
        }
    }
    Ok(agenda)
}

fn steps_table(title: &str, steps: &[Step], out: &mut impl Write) -> Result<()> {
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
    let agenda = build(ctx, days, all)?;
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
    Ok(0)
}
