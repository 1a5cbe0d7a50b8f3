use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::Ctx;
use crate::cli::{ClientAddArgs, ClientCommand, Format};
use crate::domain::text::inert;
use crate::domain::{Client, ClientStatus, Gender};
use crate::i18n::{CLIENTS, CliText as T, CommandText, Words, counted, date, value};
use crate::output::{Table, WIDTH};
use crate::store::{ClientSummary, Moving};

pub fn run(ctx: &Ctx, command: ClientCommand, out: &mut impl Write) -> Result<i32> {
    match command {
        ClientCommand::Add(args) => add(ctx, args, out),
        ClientCommand::List { format } => list(ctx, format, out),
        ClientCommand::Transfer { client, from, to } => {
            let moved = match (client, from) {
                (Some(spec), _) => {
                    let id = ctx.store.resolve_client(&spec)?.id;
                    ctx.store
                        .transfer_clients(&ctx.actor, Moving::One(id), &to)?
                }
                (None, Some(from)) => {
                    ctx.store
                        .transfer_clients(&ctx.actor, Moving::AllOf(&from), &to)?
                }
                (None, None) => Vec::new(),
            };
            let text = ctx
                .lang()
                .f(CommandText::Moved, &[("n", &moved.len()), ("to", &to)]);
            writeln!(out, "{text}")?;
            Ok(0)
        }
        ClientCommand::Share { client, with } => {
            let found = ctx.store.resolve_client(&client)?;
            ctx.store.share_client(&ctx.actor, found.id, &with)?;
            let name = inert(&found.name, false);
            let text = ctx
                .lang()
                .f(CommandText::Shared, &[("name", &name), ("with", &with)]);
            writeln!(out, "{text}")?;
            Ok(0)
        }
    }
}

fn split(list: Option<String>) -> Vec<String> {
    list.map(|l| vec![l]).unwrap_or_default()
}

fn add(ctx: &Ctx, a: ClientAddArgs, out: &mut impl Write) -> Result<i32> {
    let mut client = Client::new(0, &a.name, ctx.store.now());
    client.gender = a
        .gender
        .as_deref()
        .map(str::parse::<Gender>)
        .transpose()?
        .unwrap_or_default();
    client.status = a
        .status
        .as_deref()
        .map(str::parse::<ClientStatus>)
        .transpose()?
        .unwrap_or_default();
    client.phone = a.phone;
    client.email = a.email;
    client.country = a.country;
    client.birth_year = a.birth_year;
    client.arrived_year = a.arrived_year;
    client.municipality = a.municipality;
    client.languages = split(a.languages);
    client.tags = split(a.tags);
    client.education = a.education;
    client.experience = a.experience;
    client.dream = a.dream;
    client.pinned = a.pinned;
    client.advisor = Some(a.advisor.unwrap_or_else(|| ctx.actor.clone()));
    let saved = ctx.store.add_client(&ctx.actor, client)?;
    writeln!(out, "{}", saved.id)?;
    Ok(0)
}

#[derive(Serialize)]
struct ListedClient<'a> {
    id: u64,
    name: &'a str,
    advisor: Option<&'a str>,
    status: ClientStatus,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    country: Option<&'a str>,
    venture: Option<&'a str>,
    last_contact: Option<NaiveDate>,
    next_due: Option<NaiveDate>,
}

fn list(ctx: &Ctx, format: Format, out: &mut impl Write) -> Result<i32> {
    let mut clients = ctx.store.client_summaries()?;
    clients.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    match format {
        Format::Json => {
            let listed: Vec<ListedClient> = clients.iter().map(listed).collect();
            serde_json::to_writer_pretty(&mut *out, &listed)?;
            writeln!(out)?;
        }
        Format::Text => {
            let lang = ctx.lang();
            let headers = [
                T::ColId,
                T::ColName,
                T::ColAdvisor,
                T::ColStatus,
                T::ColVenture,
                T::ColLastContact,
            ]
            .map(|h| lang.t(h));
            let mut table = Table::new(&headers);
            for c in &clients {
                table.row(vec![
                    c.id.to_string(),
                    c.name.clone(),
                    c.advisor.clone().unwrap_or_default(),
                    value(lang, c.status.as_str()).into_owned(),
                    c.main_venture()
                        .map(|v| format!("{} ({})", v.name, value(lang, v.stage.as_str())))
                        .unwrap_or_default(),
                    c.last_contact.map_or_else(
                        || lang.t(Words::Never).into(),
                        |t| date(lang, t.date_naive()),
                    ),
                ]);
            }
            write!(out, "{}", table.render(WIDTH))?;
            writeln!(out, "{}", counted(lang, clients.len(), CLIENTS))?;
        }
    }
    Ok(0)
}

fn listed(c: &ClientSummary) -> ListedClient<'_> {
    ListedClient {
        id: c.id,
        name: &c.name,
        advisor: c.advisor.as_deref(),
        status: c.status,
        phone: c.phone.as_deref(),
        email: c.email.as_deref(),
        country: c.country.as_deref(),
        venture: c.main_venture().map(|v| v.name.as_str()),
        last_contact: c.last_contact.map(|t| t.date_naive()),
        next_due: c.next_due.as_ref().map(|(d, _)| *d),
    }
}

/// A client's name as printed: control characters made harmless.
pub fn shown(name: &str) -> String {
    inert(name, false).into_owned()
}
