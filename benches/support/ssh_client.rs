//! A russh client that drives `veileder serve` as a terminal would: a pty, keys as bytes, and
//! waiting for text to appear in what the server sends or on the screen it draws. Shared by the
//! load benchmark and the russh test.
#![allow(dead_code)]

use std::num::NonZeroU16;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{ChannelMsg, client};

pub struct TrustAnyHost;

impl client::Handler for TrustAnyHost {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

pub struct Terminal {
    handle: client::Handle<TrustAnyHost>,
    channel: russh::Channel<client::Msg>,
    /// Everything the server sent.
    pub out: Vec<u8>,
    /// How much of `out` earlier waits have looked at.
    mark: usize,
    /// The screen those bytes draw, as a terminal of the pty's size would show it.
    screen: vt100::Parser,
    pub closed: bool,
}

fn size(cols: u32, rows: u32) -> (NonZeroU16, NonZeroU16) {
    let side = |n: u32| NonZeroU16::new(u16::try_from(n).unwrap_or(u16::MAX)).expect("a size");
    (side(rows), side(cols))
}

/// Logs in as `user` with `key`; `None` when the key is refused.
pub async fn login(
    port: u16,
    user: &str,
    key: PrivateKey,
) -> Result<Option<client::Handle<TrustAnyHost>>> {
    let config = Arc::new(client::Config::default());
    let mut handle = client::connect(config, ("127.0.0.1", port), TrustAnyHost)
        .await
        .context("cannot connect")?;
    let auth = handle
        .authenticate_publickey(user, PrivateKeyWithHashAlg::new(Arc::new(key), None))
        .await?;
    Ok(auth.success().then_some(handle))
}

impl Terminal {
    /// Logs in and starts the TUI in a `cols`×`rows` pty.
    pub async fn open(
        port: u16,
        user: &str,
        key: PrivateKey,
        cols: u32,
        rows: u32,
    ) -> Result<Terminal> {
        let Some(handle) = login(port, user, key).await? else {
            bail!("the key of {user} was refused");
        };
        let channel = handle.channel_open_session().await?;
        channel
            .request_pty(true, "xterm-256color", cols, rows, 0, 0, &[])
            .await?;
        channel.request_shell(true).await?;
        let (rows, cols) = size(cols, rows);
        Ok(Terminal {
            handle,
            channel,
            out: Vec::new(),
            mark: 0,
            screen: vt100::Parser::new(rows, cols, 0),
            closed: false,
        })
    }

    pub async fn send(&self, bytes: &[u8]) -> Result<()> {
        self.channel.data_bytes(bytes.to_vec()).await?;
        Ok(())
    }

    pub async fn resize(&mut self, cols: u32, rows: u32) -> Result<()> {
        self.channel.window_change(cols, rows, 0, 0).await?;
        let (rows, cols) = size(cols, rows);
        self.screen.set_size(rows, cols);
        Ok(())
    }

    /// Takes in one message of the channel.
    fn receive(&mut self, message: Option<ChannelMsg>) {
        match message {
            Some(ChannelMsg::Data { data }) => {
                self.out.extend_from_slice(&data);
                self.screen.process(&data);
            }
            Some(ChannelMsg::Eof | ChannelMsg::Close) | None => self.closed = true,
            Some(_) => {}
        }
    }

    /// Takes in whatever has already arrived and looks only at what comes after it.
    pub async fn catch_up(&mut self) {
        while !self.closed {
            match tokio::time::timeout(Duration::ZERO, self.channel.wait()).await {
                Ok(message) => self.receive(message),
                Err(_) => break,
            }
        }
        self.mark = self.out.len();
    }

    /// Reads until what arrived since the last wait contains `text`, or `limit` passes.
    pub async fn wait_for(&mut self, text: &str, limit: Duration) -> Result<()> {
        let needle = text.as_bytes();
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            if let Some(at) = self.out[self.mark..]
                .windows(needle.len())
                .position(|w| w == needle)
            {
                self.mark += at + needle.len();
                return Ok(());
            }
            if self.closed {
                bail!("the channel closed before {text:?} arrived");
            }
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Err(_) => bail!(
                    "waited {limit:?} for {text:?}; the last output was {:?}",
                    String::from_utf8_lossy(&self.out[self.out.len().saturating_sub(400)..])
                ),
                Ok(message) => self.receive(message),
            }
        }
    }

    /// What the screen shows now, row by row.
    pub fn screen(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads until the screen shows `text`, or `limit` passes. Unlike `wait_for`, this sees a
    /// word however the frames that drew it were cut.
    pub async fn wait_on_screen(&mut self, text: &str, limit: Duration) -> Result<()> {
        let deadline = tokio::time::Instant::now() + limit;
        while !self.screen().contains(text) {
            if self.closed {
                bail!("the channel closed before the screen showed {text:?}");
            }
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Err(_) => bail!(
                    "waited {limit:?} for the screen to show {text:?}; it shows:\n{}",
                    self.screen()
                ),
                Ok(message) => self.receive(message),
            }
        }
        Ok(())
    }

    /// Waits for the server to close the channel.
    pub async fn wait_closed(&mut self, limit: Duration) -> Result<()> {
        let deadline = tokio::time::Instant::now() + limit;
        while !self.closed {
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Err(_) => bail!("the channel stayed open for {limit:?}"),
                Ok(message) => self.receive(message),
            }
        }
        Ok(())
    }

    /// Everything received so far, escape sequences and all, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.out).into_owned()
    }

    /// Drops the connection without a goodbye.
    pub async fn hang_up(self) {
        let _ = self
            .handle
            .disconnect(russh::Disconnect::ByApplication, "", "")
            .await;
    }
}
