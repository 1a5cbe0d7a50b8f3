//! One SSH connection: public-key authentication against the advisors' registered keys, then a
//! session channel with a pty whose keys, size and hang-up go to the advisor's session thread.
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};

use russh::keys::PublicKey;
use russh::server::{Auth, Handle, Handler, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, Pty};
use tokio::sync::mpsc::unbounded_channel;
use tracing::{info, warn};

use super::Shared;
use super::keys::{ESC_WAIT, KeyParser};
use super::session::{self, Seat, SessionStart};
use crate::domain::{Advisor, ssh_key};
use crate::i18n::{SERVER_SESSIONS, ServeText, counted};
use crate::store::Access;
use crate::tui_loop::Input;

pub struct Connection {
    shared: Arc<Shared>,
    id: u64,
    peer: Option<SocketAddr>,
    /// The advisor and their rights, once their key is verified.
    access: Option<Access>,
    channel: Option<ChannelId>,
    size: (u16, u16),
    inputs: Option<Sender<Input>>,
    parser: Arc<Mutex<KeyParser>>,
    /// Counts reads of the channel, so a waiting Esc is flushed only if nothing came after it.
    reads: Arc<AtomicU64>,
}

impl Connection {
    pub fn new(shared: Arc<Shared>, id: u64, peer: Option<SocketAddr>) -> Self {
        Connection {
            shared,
            id,
            peer,
            access: None,
            channel: None,
            size: (80, 24),
            inputs: None,
            parser: Arc::default(),
            reads: Arc::default(),
        }
    }

    /// The advisor `user`, when `key` is among their registered keys.
    fn registered(&self, user: &str, key: &PublicKey) -> Option<Advisor> {
        match self.shared.store.advisor(user) {
            Ok(found) => found.filter(|a| a.keys.iter().any(|line| ssh_key::holds(line, key))),
            Err(error) => {
                warn!(%error, "cannot read the advisors");
                None
            }
        }
    }

    fn refuse(&self, user: &str) -> Auth {
        if let Some(peer) = self.peer {
            self.shared.throttle.failed(peer.ip());
        }
        info!(user, peer = ?self.peer, "login refused");
        Auth::reject()
    }

    fn blocked(&self) -> bool {
        self.peer
            .is_some_and(|peer| self.shared.throttle.blocked(peer.ip()))
    }

    fn send(&self, input: Input) {
        if let Some(inputs) = &self.inputs {
            let _ = inputs.send(input);
        }
    }

    /// Starts the advisor's session thread, unless the server is full.
    fn start(&mut self, channel: ChannelId, handle: Handle) {
        let Some(access) = self.access.clone() else {
            return;
        };
        let username = access.username.clone();
        let (out, mut frames) = unbounded_channel::<Vec<u8>>();
        let (inputs, received) = mpsc::channel();
        let max = usize::try_from(self.shared.config.serve.max_sessions).unwrap_or(usize::MAX);
        let joined = self
            .shared
            .sessions
            .join(self.id, &username, inputs.clone(), max);
        // Frames go out in order; when the session is over the channel is closed.
        tokio::spawn(async move {
            while let Some(frame) = frames.recv().await {
                if handle.data(channel, frame).await.is_err() {
                    break;
                }
            }
            let status = if joined { 0 } else { 1 };
            let _ = handle.exit_status_request(channel, status).await;
            let _ = handle.eof(channel).await;
            let _ = handle.close(channel).await;
        });
        if !joined {
            let lang = self.shared.config.language.unwrap_or_default();
            let sessions = counted(lang, max, SERVER_SESSIONS);
            let full = lang.f(ServeText::Full, &[("sessions", &sessions)]);
            let text = format!("{full}\r\n");
            let _ = out.send(text.into_bytes());
            return;
        }
        self.inputs = Some(inputs);
        let start = SessionStart {
            store: self.shared.store.clone(),
            config: self.shared.config.clone(),
            access,
            size: self.size,
            idle: self.shared.idle,
            inputs: received,
            out,
            seat: Some(Seat {
                shared: self.shared.clone(),
                id: self.id,
            }),
        };
        let shared = self.shared.clone();
        let id = self.id;
        info!(%username, peer = ?self.peer, "session started");
        let spawned = std::thread::Builder::new()
            .name(format!("session-{username}"))
            .spawn(move || {
                // A bug in one advisor's session must not take a slot or the server with it.
                let run = std::panic::AssertUnwindSafe(|| session::run(start));
                if std::panic::catch_unwind(run).is_err() {
                    warn!("a session ended in a panic");
                }
                shared.sessions.leave(id);
            });
        if let Err(error) = spawned {
            warn!(%error, "cannot start a session thread");
            self.shared.sessions.leave(self.id);
        }
    }
}

impl Connection {
    /// A command or a subsystem (sftp) instead of the TUI: one line on stderr that says how to
    /// connect, exit status 1, and the channel closes; nothing is run.
    fn refuse_request(
        &self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        if self.channel != Some(channel) || self.inputs.is_some() {
            return session.channel_failure(channel);
        }
        let lang = self.shared.config.language.unwrap_or_default();
        let port = self.shared.port.get().copied().unwrap_or(22);
        let user = self.access.as_ref().map_or("", |a| a.username.as_str());
        let line = lang.f(ServeText::TuiOnly, &[("port", &port), ("user", &user)]);
        info!(user, peer = ?self.peer, "a command or subsystem refused");
        session.channel_success(channel)?;
        session.extended_data(channel, 1, format!("{line}\r\n").into_bytes())?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        // A hang-up: the session ends, and keeps its draft.
        self.send(Input::Stop("the connection closed".into()));
    }
}

fn clamp(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX).max(1)
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.blocked() || self.registered(user, offer.public_key).is_none() {
            return Ok(self.refuse(user));
        }
        Ok(Auth::Accept)
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let Some(advisor) = self
            .registered(user, key.public_key)
            .filter(|_| !self.blocked())
        else {
            return Ok(self.refuse(user));
        };
        self.access = Some(Access::advisor(advisor.username, advisor.role));
        info!(user, peer = ?self.peer, "login");
        Ok(Auth::Accept)
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            // One TUI per connection; another window is another `ssh`.
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = (clamp(col_width), clamp(row_height));
        session.channel_success(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel != Some(channel) || self.inputs.is_some() {
            return session.channel_failure(channel);
        }
        session.channel_success(channel)?;
        self.start(channel, session.handle());
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_request(channel, session)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse_request(channel, session)
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let read = self.reads.fetch_add(1, Ordering::AcqRel) + 1;
        let mut found = Vec::new();
        let waiting = {
            let mut parser = self.parser.lock().unwrap_or_else(|p| p.into_inner());
            parser.feed(data, &mut found);
            parser.waiting_escape()
        };
        for input in found {
            self.send(input);
        }
        if waiting && let Some(inputs) = self.inputs.clone() {
            let parser = self.parser.clone();
            let reads = self.reads.clone();
            tokio::spawn(async move {
                tokio::time::sleep(ESC_WAIT).await;
                if reads.load(Ordering::Acquire) != read {
                    return;
                }
                let mut found = Vec::new();
                parser
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .flush(&mut found);
                for input in found {
                    let _ = inputs.send(input);
                }
            });
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = (clamp(col_width), clamp(row_height));
        self.send(Input::Resize(self.size.0, self.size.1));
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(Input::Stop("the client closed its input".into()));
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(Input::Stop("the client closed the channel".into()));
        Ok(())
    }
}
