use std::io::Write;

use std::path::Path;

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::cli::{AdvisorCommand, AdvisorKeyCommand};
use crate::domain::{Advisor, Role, ssh_key};
use crate::i18n::{CliText as T, CommandText, value};
use crate::output::{Table, WIDTH};

pub fn run(ctx: &Ctx, command: AdvisorCommand, out: &mut impl Write) -> Result<i32> {
    match command {
        AdvisorCommand::Add {
            username,
            name,
            role,
            key,
        } => {
            let role: Role = role.parse()?;
            let existing = ctx.store.advisor(username.trim())?;
            let mut keys = existing.map(|a| a.keys).unwrap_or_default();
            if let Some(path) = key {
                let line = key_file(ctx, &path)?;
                if !keys.iter().any(|k| ssh_key::same_key(k, &line)) {
                    keys.push(line);
                }
            }
            let saved = ctx.store.put_advisor(
                &ctx.actor,
                Advisor {
                    username,
                    name,
                    role,
                    keys,
                },
            )?;
            let role = saved.role.to_string();
            let role = value(ctx.lang(), &role);
            let text = ctx.lang().f(
                T::AdvisorSaved,
                &[("name", &saved.username), ("role", &role)],
            );
            writeln!(out, "{text}")?;
        }
        AdvisorCommand::List => {
            let lang = ctx.lang();
            let headers = [T::ColUsername, T::ColName, T::ColRole, T::ColKeys].map(|h| lang.t(h));
            let mut t = Table::new(&headers);
            for a in ctx.store.advisors()? {
                t.row(vec![
                    a.username,
                    a.name,
                    value(lang, &a.role.to_string()).into_owned(),
                    a.keys.len().to_string(),
                ]);
            }
            write!(out, "{}", t.render(WIDTH))?;
        }
        AdvisorCommand::Key(AdvisorKeyCommand::Add { username, file }) => {
            let line = key_file(ctx, &file)?;
            let before = ctx.store.advisor(&username)?.map_or(0, |a| a.keys.len());
            let saved = ctx.store.add_advisor_key(&ctx.actor, &username, &line)?;
            let message = if saved.keys.len() > before {
                CommandText::KeyAdded
            } else {
                CommandText::KeyKnown
            };
            writeln!(out, "{}", key_line(ctx, message, &line, &saved))?;
        }
        AdvisorCommand::Key(AdvisorKeyCommand::Remove { username, file }) => {
            let line = key_file(ctx, &file)?;
            let saved = ctx.store.remove_advisor_key(&ctx.actor, &username, &line)?;
            let text = key_line(ctx, CommandText::KeyRemoved, &line, &saved);
            writeln!(out, "{text}")?;
        }
    }
    Ok(0)
}

/// What a key change did: the key's fingerprint, whose it is and how many they have now.
fn key_line(ctx: &Ctx, message: CommandText, line: &str, saved: &Advisor) -> String {
    let values: [(&str, &dyn std::fmt::Display); 3] = [
        ("fingerprint", &ssh_key::fingerprint(line)),
        ("name", &saved.username),
        ("n", &saved.keys.len()),
    ];
    ctx.lang().f(message, &values)
}

/// The key line of a `.pub` file, checked; the error names the file.
fn key_file(ctx: &Ctx, path: &Path) -> Result<String> {
    let text = std::fs::read_to_string(path).with_context(|| {
        ctx.lang()
            .f(CommandText::CannotRead, &[("path", &path.display())])
    })?;
    ssh_key::public_key_line(&text).with_context(|| format!("{}", path.display()))
}
