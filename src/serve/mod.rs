//! `veileder serve`: an SSH server inside the program. It holds the database file; every
//! advisor who connects with a registered key gets their own App over the one shared Store.
mod backend;
mod connection;
pub mod host_key;
pub mod keys;
#[cfg(unix)]
mod owner;
mod registry;
mod session;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use russh::MethodKind;
use russh::server::{Config as SshConfig, Server};
use tracing::info;

use crate::config::Config;
use crate::store::Store;
use connection::Connection;
#[cfg(unix)]
pub use owner::wire::{self as owner_wire, socket_path as owner_socket};
use registry::{Sessions, Throttle};

/// How the note beside the database begins while `serve` holds it; the address follows.
pub const SERVE_NOTE: &str = "veileder serve on ";

/// How often drafts written since the last time are made durable together.
const DRAFT_FLUSH: Duration = Duration::from_secs(1);

/// How long a stopping server waits for sessions to save their drafts and say goodbye.
const STOP_WAIT: Duration = Duration::from_secs(5);

/// What every connection shares.
pub struct Shared {
    store: Arc<Store>,
    config: Arc<Config>,
    sessions: Sessions,
    throttle: Throttle,
    idle: Duration,
    /// The port the server listens on, once bound, for the line that tells how to connect.
    port: std::sync::OnceLock<u16>,
}

struct Listener {
    shared: Arc<Shared>,
    next: AtomicU64,
}

impl Server for Listener {
    type Handler = Connection;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> Connection {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        Connection::new(self.shared.clone(), id, peer)
    }
}

/// Where the host key lives unless the config or `--host-key` says: beside the database.
pub fn default_host_key(db: &Path) -> PathBuf {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("ssh_host_ed25519_key")
}

/// Serves `store` on `listen` until SIGTERM or SIGINT; sessions save their drafts first.
pub fn run(store: Store, config: Config, listen: SocketAddr, host_key: &Path) -> Result<()> {
    let lang = config.language.unwrap_or_default();
    let key = host_key::load_or_create(lang, host_key)?;
    let fingerprint = host_key::fingerprint(&key);
    let serve = &config.serve;
    let ssh = SshConfig {
        methods: (&[MethodKind::PublicKey][..]).into(),
        auth_rejection_time: Duration::from_millis(u64::from(serve.auth_rejection_ms)),
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![key],
        nodelay: true,
        inactivity_timeout: None,
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 4,
        ..Default::default()
    };
    store.batch_drafts();
    let shared = Arc::new(Shared {
        idle: Duration::from_secs(u64::from(serve.idle_minutes) * 60),
        throttle: Throttle::new(serve.max_failed_logins as usize),
        sessions: Sessions::default(),
        port: std::sync::OnceLock::new(),
        store: Arc::new(store),
        config: Arc::new(config),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context(lang.t(crate::i18n::CommandText::NoRuntime))?;
    runtime.block_on(async move {
        let socket = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| {
                lang.f(
                    crate::i18n::CommandText::CannotListen,
                    &[("address", &listen)],
                )
            })?;
        let bound = socket.local_addr()?;
        let _ = shared.port.set(bound.port());
        shared.store.note_holder(&format!("{SERVE_NOTE}{bound}"));
        let stop = stopped();
        #[cfg(unix)]
        listen_for_the_owner(&shared);
        // The one line a service manager's log shows, and tests wait for.
        println!("veileder serve: listening on {bound}, host key {fingerprint}");
        info!(%bound, %fingerprint, "serving");
        let mut listener = Listener {
            shared: shared.clone(),
            next: AtomicU64::new(1),
        };
        // Drafts typed in the last second become durable together.
        let flusher = shared.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(DRAFT_FLUSH);
            loop {
                every.tick().await;
                let store = flusher.store.clone();
                let flushed = tokio::task::spawn_blocking(move || store.flush_drafts()).await;
                if let Ok(Err(error)) = flushed {
                    tracing::warn!(%error, "cannot make the drafts durable");
                }
            }
        });
        let every = shared.config.backup.every_hours;
        if every > 0 {
            let backups = shared.clone();
            tokio::spawn(async move {
                let period = Duration::from_secs(u64::from(every) * 3600);
                let mut ticks = tokio::time::interval(period);
                loop {
                    ticks.tick().await;
                    let store = backups.store.clone();
                    let settings = backups.config.backup.clone();
                    let made = tokio::task::spawn_blocking(move || {
                        store.backup_into_folder(&settings.folder(), settings.keep, store.now())
                    })
                    .await;
                    match made {
                        Ok(Ok(backup)) => info!(path = %backup.path.display(), "backed up"),
                        Ok(Err(error)) => tracing::warn!(%error, "cannot back up"),
                        Err(error) => tracing::warn!(%error, "the backup stopped"),
                    }
                }
            });
        }
        let running = listener.run_on_socket(Arc::new(ssh), &socket);
        let handle = running.handle();
        tokio::select! {
            result = running => result.context(lang.t(crate::i18n::CommandText::ServerStopped))?,
            signal = stop => {
                info!(signal, "stopping");
                shared.sessions.stop_all(lang.t(crate::i18n::ServeText::Stopping));
                let since = Instant::now();
                while shared.sessions.count() > 0 && since.elapsed() < STOP_WAIT {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                // Goodbye frames are on their way; give them a moment before the sockets close.
                tokio::time::sleep(Duration::from_millis(100)).await;
                if let Err(error) = shared.store.flush_drafts() {
                    tracing::warn!(%error, "cannot make the drafts durable");
                }
                handle.shutdown("the server is stopping".into());
                println!("veileder serve: stopped");
            }
        }
        Ok(())
    })
}

/// Runs the owner's local commands that write, until the server stops (the socket goes with
/// it). Without the socket the server still serves; those commands wait until it stops.
#[cfg(unix)]
fn listen_for_the_owner(shared: &Arc<Shared>) {
    match owner::OwnerSocket::listen(shared.store.path()) {
        Ok(socket) => {
            info!(path = %socket.path().display(), "listening for the owner's commands");
            let shared = shared.clone();
            tokio::spawn(async move { socket.serve(shared).await });
        }
        Err(error) => {
            let path = owner_socket(shared.store.path());
            eprintln!(
                "veileder serve: no socket for the owner's commands at {} ({error}); commands that write wait until the server stops",
                path.display()
            );
            tracing::warn!(%error, path = %path.display(), "no socket for the owner's commands");
        }
    }
}

/// The first of SIGTERM, SIGINT or SIGHUP, caught from the call on: one that comes before the
/// server waits for it still stops the server cleanly.
#[cfg(unix)]
fn stopped() -> impl std::future::Future<Output = &'static str> {
    use tokio::signal::unix::{SignalKind, signal};
    let caught = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
        signal(SignalKind::hangup()),
    );
    async move {
        let (Ok(mut term), Ok(mut int), Ok(mut hup)) = caught else {
            return std::future::pending().await;
        };
        tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
            _ = hup.recv() => "SIGHUP",
        }
    }
}

#[cfg(not(unix))]
fn stopped() -> impl std::future::Future<Output = &'static str> {
    async {
        let _ = tokio::signal::ctrl_c().await;
        "Ctrl-C"
    }
}
