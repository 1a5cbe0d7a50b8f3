use std::io::Write;

use anyhow::{Context as _, Result, bail};

use super::Ctx;
use crate::cli::AdvisorCommand;
use crate::domain::{Advisor, Role};
use crate::i18n::CliText as T;
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
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let line = public_key_line(&text)
                    .with_context(|| format!("{} holds no SSH public key", path.display()))?;
                if !keys.contains(&line) {
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
            let text = ctx.lang().f(
                T::AdvisorSaved,
                &[("name", &saved.username), ("role", &saved.role)],
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
                    a.role.to_string(),
                    a.keys.len().to_string(),
                ]);
            }
            write!(out, "{}", t.render(WIDTH))?;
        }
    }
    Ok(0)
}

/// The first line of an OpenSSH public key file, checked for its shape: `TYPE BASE64 [comment]`.
fn public_key_line(text: &str) -> Result<String> {
    let Some(line) = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        bail!("the file is empty");
    };
    let mut parts = line.split_whitespace();
    let kind = parts.next().unwrap_or("");
    let body = parts.next().unwrap_or("");
    let known = [
        "ssh-ed25519",
        "ssh-rsa",
        "ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com",
    ];
    if !known.contains(&kind)
        || body.len() < 16
        || !body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
    {
        bail!(
            "the first line is not an OpenSSH public key (expected e.g. `ssh-ed25519 AAAA… comment`)"
        );
    }
    Ok(line.to_string())
}
