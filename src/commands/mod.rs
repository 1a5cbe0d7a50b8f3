//! What each command of the command line does, over the Store; main.rs only dispatches here.
mod advisor;
mod agenda;
mod audit;
mod backup;
mod check;
mod client;
mod demo;
mod errors;
pub use errors::said_in;
#[cfg(unix)]
mod forward;
mod manual;
mod note;
mod privacy;
mod report;
mod search;
mod transfer;
mod venture;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result};

use crate::cli::{AdvisorCommand, Cli, ClientCommand, Command};
use crate::config::{self, Config};
pub use crate::files::write_atomically;
use crate::i18n::{CommandText, Lang};
use crate::store::{Clock, Store, StoreError};

/// Everything a command needs: the open store, the configuration and who is acting.
pub struct Ctx {
    /// Shared, so that `serve` runs the owner's commands on the store its sessions use.
    pub store: Arc<Store>,
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
        .or_else(crate::login::login_name)
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
pub fn clock(lang: Lang) -> Result<Clock> {
    match std::env::var("VEILEDER_NOW") {
        Ok(t) => {
            let at = chrono::DateTime::parse_from_rfc3339(&t)
                .with_context(|| lang.f(CommandText::BadNow, &[("value", &t)]))?;
            Ok(Clock::Fixed(at.with_timezone(&chrono::Utc)))
        }
        Err(_) => Ok(Clock::System),
    }
}

/// Runs the parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    if let Some(Command::Completions { .. } | Command::Man) = &cli.command {
        // Neither needs the config, so one that cannot be read leaves the language to the locale.
        let configured = config::load(cli.config.as_deref()).ok();
        let lang = Lang::resolve(configured.and_then(|config| config.language));
        let out = &mut io::stdout().lock();
        return match &cli.command {
            Some(Command::Completions { shell }) => manual::completions(lang, *shell, out),
            _ => manual::man(lang, out),
        };
    }
    // The config names the language, so an error reading it is said in the locale's.
    let mut config = config::load(cli.config.as_deref())
        .map_err(|e| errors::said_in(Lang::resolve(None), &e.into()))?;
    let lang = Lang::resolve(config.language);
    let _ = LANG.set(lang);
    config.language = Some(lang);
    run_configured(cli, config).map_err(|e| errors::said_in(lang, &e))
}

/// The language of this run once the config is read, else the locale's: for the lines `main`
/// prints after a panic.
pub fn language() -> Lang {
    LANG.get().copied().unwrap_or_else(|| Lang::resolve(None))
}

static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

fn run_configured(cli: Cli, config: Config) -> Result<i32> {
    let lang = config.language.unwrap_or_default();
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
        return demo::fill(&path, &config, &actor, *clients, *seed, *force)
            .map(|()| 0)
            .map_err(|e| match e.downcast_ref::<StoreError>() {
                Some(StoreError::Held { holder, .. })
                    if holder.starts_with(crate::serve::SERVE_NOTE) =>
                {
                    let why = not_through_server(cli.command.as_ref())
                        .map_or("", |refusal| lang.t(refusal));
                    let values: [(&str, &dyn std::fmt::Display); 3] =
                        [("path", &path.display()), ("holder", holder), ("why", &why)];
                    anyhow::anyhow!(lang.f(CommandText::Held, &values))
                }
                _ => e,
            });
    }
    if let Some(Command::Serve { listen, host_key }) = &cli.command {
        return serve(&cli, config, &path, *listen, host_key.as_deref()).map(|()| 0);
    }
    let mut actor_name = cli.actor.clone().unwrap_or_else(|| default_actor(&config));
    let opened = open_beside_server(lang, &path, role, cli.command.as_ref(), &actor_name)?;
    if let (Some(warning), Some(_)) = (crate::privacy::exposure_warning(lang, &path), &cli.command)
    {
        eprintln!("veileder: {warning}");
    }
    let store = match opened {
        Opened::Here(store) => store.with_clock(clock(lang)?),
        #[cfg(unix)]
        Opened::Server(socket) => {
            return forward::through_server(socket, &actor_name, lang);
        }
    };
    let mut actor = std::mem::take(&mut actor_name);
    if cli.demo && store.read_only().is_none() {
        let lead = demo::ensure_filled(&store, &config)?;
        if cli.actor.is_none() {
            actor = lead;
        }
    }
    // Beside a running server the server purges; a read-only store cannot.
    if store.read_only().is_none() {
        privacy::purge_trash(&store, &config, &actor)?;
    }
    let ctx = Ctx {
        store: Arc::new(store),
        config,
        actor,
    };
    let out = &mut io::stdout().lock();
    let result = match cli.command {
        None => crate::terminal::run(&ctx.store, &ctx.config, &ctx.actor).map(|()| 0),
        Some(command) => dispatch(&ctx, command, out),
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(0),
        other => other,
    }
}

/// Why `command` runs only on its own and never through a running server, or None when the
/// server can run it for the file's owner.
pub fn not_through_server(command: Option<&Command>) -> Option<CommandText> {
    match command {
        None => Some(CommandText::TuiInServer),
        Some(Command::Demo { .. }) => Some(CommandText::DemoReplaces),
        Some(Command::Serve { .. }) => Some(CommandText::ServerRunning),
        Some(Command::Completions { .. } | Command::Man) => Some(CommandText::NoDatabaseNeeded),
        Some(_) => None,
    }
}

/// Runs one command on `ctx`: locally, or in `serve` for the owner's local `veileder`.
pub fn dispatch(ctx: &Ctx, command: Command, out: &mut impl Write) -> Result<i32> {
    match command {
        Command::Demo { .. }
        | Command::Completions { .. }
        | Command::Man
        | Command::Serve { .. } => {
            let why = not_through_server(Some(&command)).map_or("", |why| ctx.lang().t(why));
            anyhow::bail!("{why}")
        }
        Command::Client(c) => client::run(ctx, c, out),
        Command::Note(n) => note::run(ctx, n, out),
        Command::Agenda { days, all, format } => agenda::run(ctx, days, all, format, out),
        Command::Search {
            query,
            limit,
            format,
        } => search::run(ctx, &query, limit, format, out),
        Command::Export { out: path } => transfer::export(ctx, path.as_deref(), out),
        Command::Import { path, dry_run } => transfer::import(ctx, &path, dry_run, out),
        Command::Check => check::run(ctx, out),
        Command::Report { from, to, format } => {
            report::run(ctx, from.as_deref(), to.as_deref(), format, out)
        }
        Command::Backup { path } => backup::run(ctx, &path, out),
        Command::Advisor(a) => advisor::run(ctx, a, out),
        Command::Audit {
            client,
            advisor,
            format,
        } => audit::run(ctx, client.as_deref(), advisor.as_deref(), format, out),
        Command::Venture(v) => venture::run_venture(ctx, v, out),
        Command::Milestone(m) => venture::run_milestone(ctx, m, out),
        Command::Privacy(p) => privacy::run(ctx, p, out),
    }
}

/// The file opened here, or the socket of the server that holds it.
enum Opened {
    Here(Box<Store>),
    #[cfg(unix)]
    Server(std::os::unix::net::UnixStream),
}

/// Opens the file. When `veileder serve` holds it, a reading command follows the server's
/// commits, another command is sent to the server over its socket, and the TUI is told the `ssh`
/// command to use instead.
fn open_beside_server(
    lang: Lang,
    path: &Path,
    role: &str,
    command: Option<&Command>,
    actor: &str,
) -> Result<Opened> {
    let holder = match Store::open(path, role) {
        Err(StoreError::Held { holder, .. }) if holder.starts_with(crate::serve::SERVE_NOTE) => {
            holder
        }
        other => return Ok(Opened::Here(Box::new(other?))),
    };
    // Reading from the file costs the server nothing; its sessions keep the CPU.
    let reads_only = matches!(
        command,
        Some(
            Command::Report { .. }
                | Command::Export { .. }
                | Command::Backup { .. }
                | Command::Audit { .. }
                | Command::Agenda { .. }
                | Command::Search { .. }
                | Command::Client(ClientCommand::List { .. })
                | Command::Advisor(AdvisorCommand::List)
        )
    );
    if reads_only {
        return Ok(Opened::Here(Box::new(Store::open_following(path)?)));
    }
    let why = match not_through_server(command) {
        Some(refusal) => lang.t(refusal).to_string(),
        #[cfg(unix)]
        None => {
            let socket = crate::serve::owner_socket(path);
            match std::os::unix::net::UnixStream::connect(&socket) {
                Ok(stream) => return Ok(Opened::Server(stream)),
                Err(e) => lang.f(
                    CommandText::SocketSilent,
                    &[("socket", &socket.display()), ("reason", &e)],
                ),
            }
        }
        #[cfg(not(unix))]
        None => lang.t(CommandText::OnlyServerWrites).to_string(),
    };
    let values: [(&str, &dyn std::fmt::Display); 4] = [
        ("path", &path.display()),
        ("holder", &holder),
        ("why", &why),
        ("ssh", &ssh_command(&holder, actor)),
    ];
    anyhow::bail!(lang.f(CommandText::HeldConnect, &values))
}

/// The `ssh` command that reaches the server named in the holder note.
fn ssh_command(holder: &str, actor: &str) -> String {
    let addr = holder[crate::serve::SERVE_NOTE.len()..]
        .split(',')
        .next()
        .and_then(|a| a.parse::<std::net::SocketAddr>().ok());
    match addr {
        Some(addr) => {
            let host = if addr.ip().is_loopback() || addr.ip().is_unspecified() {
                "localhost".to_string()
            } else {
                addr.ip().to_string()
            };
            format!("ssh -p {} {actor}@{host}", addr.port())
        }
        None => format!("ssh -p PORT {actor}@HOST"),
    }
}

/// `veileder serve`: the store is held under a note that names the address, so a local
/// `veileder` on the same file can print the `ssh` command to use instead.
fn serve(
    cli: &Cli,
    config: Config,
    path: &Path,
    listen: Option<std::net::SocketAddr>,
    host_key: Option<&Path>,
) -> Result<()> {
    let lang = config.language.unwrap_or_default();
    let listen = match listen {
        Some(listen) => listen,
        None => config
            .serve
            .listen
            .parse()
            .context(lang.t(CommandText::ListenNotAddress))?,
    };
    let host_key = host_key
        .map(Path::to_path_buf)
        .or_else(|| config.serve.host_key.clone())
        .unwrap_or_else(|| crate::serve::default_host_key(path));
    let store = Store::open_serving(path, &format!("{}{listen}", crate::serve::SERVE_NOTE))?
        .with_clock(clock(lang)?);
    if cli.demo {
        demo::ensure_filled(&store, &config)?;
    }
    privacy::purge_trash(&store, &config, &default_actor(&config))?;
    crate::serve::run(store, config, listen, &host_key)
}

/// `veileder … | head` closes the pipe early; that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}
