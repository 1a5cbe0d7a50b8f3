//! What each command of the command line does, over the Store; main.rs only dispatches here.
mod advisor;
mod agenda;
mod backup;
mod check;
mod client;
mod demo;
mod manual;
mod note;
mod privacy;
mod report;
mod search;
mod transfer;
mod venture;

use std::io;
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::cli::{Cli, Command};
use crate::config::{self, Config};
pub use crate::files::write_atomically;
use crate::store::{Clock, Store};

/// Everything a command needs: the open store, the configuration and who is acting.
pub struct Ctx {
    pub store: Store,
    pub config: Config,
    pub actor: String,
}

impl Ctx {
    /// The language of the text output (resolved from the config or the locale in `run`).
    pub fn lang(&self) -> crate::i18n::Lang {
        self.config.language.unwrap_or_default()
    }
}

/// Who acts when `--as` is not given: the config's advisor, else the login name.
fn default_actor(config: &Config) -> String {
    config
        .advisor
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "advisor".to_string())
}

pub fn database_path(cli: &Cli, config: &Config) -> PathBuf {
    if let Some(p) = &cli.db {
        p.clone()
    } else if cli.demo {
        config::demo_database_path()
    } else {
        config
            .database
            .clone()
            .unwrap_or_else(config::default_database_path)
    }
}

/// The system clock, or the instant in `VEILEDER_NOW` (RFC 3339), for reproducible runs.
pub fn clock() -> Result<Clock> {
    match std::env::var("VEILEDER_NOW") {
        Ok(t) => {
            let at = chrono::DateTime::parse_from_rfc3339(&t).with_context(|| {
                format!("VEILEDER_NOW='{t}' is not a time like 2026-11-27T10:00:00Z")
            })?;
            Ok(Clock::Fixed(at.with_timezone(&chrono::Utc)))
        }
        Err(_) => Ok(Clock::System),
    }
}

/// Runs the parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match &cli.command {
        Some(Command::Completions { shell }) => {
            return manual::completions(*shell, &mut io::stdout().lock());
        }
        Some(Command::Man) => return manual::man(&mut io::stdout().lock()),
        _ => {}
    }
    let mut config = config::load(cli.config.as_deref())?;
    config.language = Some(crate::i18n::Lang::resolve(config.language));
    let path = database_path(&cli, &config);
    let role = match &cli.command {
        None => "the terminal UI",
        Some(_) => "a veileder command",
    };
    if let Some(Command::Demo {
        clients,
        seed,
        force,
    }) = &cli.command
    {
        let actor = cli.actor.clone().unwrap_or_else(|| default_actor(&config));
        return demo::fill(&path, &config, &actor, *clients, *seed, *force).map(|()| 0);
    }
    let store = Store::open(&path, role)?.with_clock(clock()?);
    if let (Some(warning), Some(_)) = (crate::privacy::exposure_warning(&path), &cli.command) {
        eprintln!("veileder: {warning}");
    }
    let mut actor = cli.actor.clone().unwrap_or_else(|| default_actor(&config));
    if cli.demo {
        let lead = demo::ensure_filled(&store, &config)?;
        if cli.actor.is_none() {
            actor = lead;
        }
    }
    privacy::purge_trash(&store, &config, &actor)?;
    let mut ctx = Ctx {
        store,
        config,
        actor,
    };
    let out = &mut io::stdout().lock();
    let result = match cli.command {
        None => crate::terminal::run(&ctx.store, &ctx.config, &ctx.actor).map(|()| 0),
        Some(Command::Demo { .. } | Command::Completions { .. } | Command::Man) => Ok(0),
        Some(Command::Client(c)) => client::run(&ctx, c, out),
        Some(Command::Note(n)) => note::run(&ctx, n, out),
        Some(Command::Agenda { days, all, format }) => agenda::run(&ctx, days, all, format, out),
        Some(Command::Search {
            query,
            limit,
            format,
        }) => search::run(&ctx, &query, limit, format, out),
        Some(Command::Export { out: path }) => transfer::export(&ctx, path.as_deref(), out),
        Some(Command::Import { path, dry_run }) => transfer::import(&ctx, &path, dry_run, out),
        Some(Command::Check) => check::run(&mut ctx, out),
        Some(Command::Report { from, to, format }) => {
            report::run(&ctx, from.as_deref(), to.as_deref(), format, out)
        }
        Some(Command::Backup { path }) => backup::run(&ctx, &path, out),
        Some(Command::Advisor(a)) => advisor::run(&ctx, a, out),
        Some(Command::Venture(v)) => venture::run_venture(&ctx, v, out),
        Some(Command::Milestone(m)) => venture::run_milestone(&ctx, m, out),
        Some(Command::Privacy(p)) => privacy::run(&ctx, p, out),
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(0),
        other => other,
    }
}

/// `veileder … | head` closes the pipe early; that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}
