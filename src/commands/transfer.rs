use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::files::write_atomically_with;
use crate::i18n::CliText as T;
use crate::transfer::{csv, export, json};

pub fn export(ctx: &Ctx, path: Option<&Path>, out: &mut impl Write) -> Result<i32> {
    match path {
        Some(p) => {
            let written = ctx.store.snapshot(|s| {
                write_atomically_with(p, |file| Ok(export::write_document(s, file)?))
            })?;
            let text = ctx.lang().f(
                T::Exported,
                &[
                    ("clients", &written.clients),
                    ("sessions", &written.sessions),
                    ("path", &p.display()),
                ],
            );
            eprintln!("{text}");
        }
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
            ctx.store
                .snapshot(|s| export::write_document(s, &mut out))?;
            out.flush()?;
        }
    }
    Ok(0)
}

fn is_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

pub fn import(ctx: &Ctx, path: &Path, dry_run: bool, out: &mut impl Write) -> Result<i32> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let lang = ctx.lang();
    let shown = path.display();
    if is_csv(path) {
        let clients = csv::clients_from_csv(&bytes, ctx.store.now())?;
        let saved = ctx.store.import_clients(&ctx.actor, clients, dry_run)?;
        let message = if dry_run {
            T::WouldImportClients
        } else {
            T::ImportedClients
        };
        let text = lang.f(message, &[("n", &saved.len()), ("path", &shown)]);
        writeln!(out, "{text}")?;
    } else {
        let doc = json::parse_document(&bytes)?;
        let counts = ctx.store.import_document(&ctx.actor, &doc, dry_run)?;
        let message = if dry_run { T::WouldImport } else { T::Imported };
        let text = lang.f(message, &[("counts", &counts), ("path", &shown)]);
        writeln!(out, "{text}")?;
    }
    Ok(0)
}
