use std::fs::File;
use std::io::{BufRead as _, BufReader, Write};
use std::path::Path;

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::files::write_atomically_with;
use crate::i18n::{CLIENTS, CliText as T, CommandText, Lang, SESSIONS, counted};
use crate::store::ImportCounts;
use crate::transfer::json::{self, Replay};
use crate::transfer::{csv_stream, export};

pub fn export(ctx: &Ctx, path: Option<&Path>, out: &mut impl Write) -> Result<i32> {
    match path {
        Some(p) => {
            let written = ctx.store.snapshot(|s| {
                write_atomically_with(ctx.lang(), p, |file| Ok(export::write_document(s, file)?))
            })?;
            let lang = ctx.lang();
            let text = lang.f(
                T::Exported,
                &[
                    ("clients", &counted(lang, written.clients, CLIENTS)),
                    ("sessions", &counted(lang, written.sessions, SESSIONS)),
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

fn cannot_read(lang: Lang, path: &Path) -> String {
    lang.f(CommandText::CannotRead, &[("path", &path.display())])
}

fn is_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

pub fn import(ctx: &Ctx, path: &Path, dry_run: bool, out: &mut impl Write) -> Result<i32> {
    let lang = ctx.lang();
    let shown = path.display();
    if is_csv(path) {
        let saved = import_clients(ctx, path, dry_run)?;
        let message = if dry_run {
            T::WouldImportClients
        } else {
            T::ImportedClients
        };
        let clients = counted(lang, saved, CLIENTS);
        let text = lang.f(message, &[("clients", &clients), ("path", &shown)]);
        writeln!(out, "{text}")?;
    } else {
        let counts = import_document(ctx, path, dry_run)?;
        let message = if dry_run { T::WouldImport } else { T::Imported };
        let counts = crate::i18n::counts(lang, &counts);
        let text = lang.f(message, &[("counts", &counts), ("path", &shown)]);
        writeln!(out, "{text}")?;
    }
    Ok(0)
}

/// Checks every row in one pass, then writes the clients in another, in one transaction: nothing
/// of a refused file is written, and memory holds one row.
fn import_clients(ctx: &Ctx, path: &Path, dry_run: bool) -> Result<usize> {
    let open = || File::open(path).map(|f| BufReader::with_capacity(1 << 16, f));
    open()
        .and_then(|mut file| file.fill_buf().map(drop))
        .with_context(|| cannot_read(ctx.lang(), path))?;
    let (now, lang) = (ctx.store.now(), ctx.lang());
    let checked = csv_stream::check_stream(&open, now, lang)?;
    let mut importer = ctx.store.client_importer(&ctx.actor)?;
    match csv_stream::replay(&open, &checked, now, lang, |c| importer.add(c).map(drop)) {
        Ok(()) => Ok(importer.finish(dry_run)?),
        Err(Replay::Refused(e)) => Err(e.into()),
        Err(Replay::Sink(e)) => Err(e.into()),
    }
}

/// Checks the whole document in streaming passes, then writes it in one more, in one
/// transaction: nothing of a refused document is written, and memory holds one record.
fn import_document(ctx: &Ctx, path: &Path, dry_run: bool) -> Result<ImportCounts> {
    let open = || File::open(path).map(|f| BufReader::with_capacity(1 << 16, f));
    open().with_context(|| cannot_read(ctx.lang(), path))?;
    let checked = json::check_stream(&open, ctx.store.today())?;
    let plan = &checked.plan;
    let mut importer = ctx
        .store
        .importer(&ctx.actor, &plan.clients, &plan.ventures)?;
    match json::replay(&open, &checked, &mut importer) {
        Ok(()) => Ok(importer.finish(dry_run)?),
        Err(Replay::Refused(e)) => Err(e.into()),
        Err(Replay::Sink(e)) => Err(e.into()),
    }
}
