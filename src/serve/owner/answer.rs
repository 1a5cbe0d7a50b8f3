//! One connection on the owner's socket: the request read, the command parsed with the same
//! definitions as the command line and run on the server's store, the output sent back in
//! frames, and last the exit code.
use std::io::{self, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::time::Duration;

use clap::{CommandFactory as _, FromArgMatches as _};
use tracing::info;

use super::wire::{self, Frame, MAX_FRAME, Request};
use crate::cli::{Cli, Command};
use crate::commands::{self, Ctx};
use crate::i18n::{CommandText, Lang};
use crate::serve::Shared;

/// How long a client may take to send its request.
const REQUEST_WAIT: Duration = Duration::from_secs(10);
/// How long output may wait for a client that does not read it.
const WRITE_WAIT: Duration = Duration::from_secs(60);

/// Runs the owner's command and answers; a client that went away is only logged.
pub fn answer(stream: &UnixStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(REQUEST_WAIT));
    let _ = stream.set_write_timeout(Some(WRITE_WAIT));
    let mut out = Output {
        stream,
        pending: Vec::new(),
    };
    let (error, code) = match wire::read_request(&mut BufReader::new(stream)) {
        Ok(request) => run(request, shared, &mut out),
        Err(refusal) => {
            info!(%refusal, "a request on the owner's socket is refused");
            (Some(refusal), 2)
        }
    };
    let sent = out.flush().and_then(|()| {
        if let Some(line) = error {
            wire::write_frame(&mut &*stream, &Frame::Err(line))?;
        }
        wire::write_frame(&mut &*stream, &Frame::Exit(code))
    });
    if let Err(error) = sent {
        info!(%error, "the owner's command ended without its client");
    }
}

/// A connection from another user: told so, and nothing read from it.
pub fn refuse_stranger(stream: &UnixStream, peer: io::Result<u32>, uid: u32) {
    let who = match peer {
        Ok(peer) => format!("user {peer}"),
        Err(e) => format!("a user who cannot be told ({e})"),
    };
    info!(%who, "the owner's socket refused a connection");
    let line = format!(
        "the server runs commands only for its own user ({uid}), not for {who}; connect with ssh"
    );
    let _ = stream.set_write_timeout(Some(WRITE_WAIT));
    let _ = wire::write_frame(&mut &*stream, &Frame::Err(line))
        .and_then(|()| wire::write_frame(&mut &*stream, &Frame::Exit(1)));
}

/// The command's error line, if any, and its exit code.
fn run(request: Request, shared: &Shared, out: &mut Output) -> (Option<String>, i32) {
    let Request {
        argv,
        cwd,
        actor,
        lang,
    } = request;
    let (command, name) = match parse(lang, &argv, &cwd) {
        Ok(parsed) => parsed,
        Err(refusal) => {
            info!(%refusal, "an owner's command is refused");
            return (Some(refusal), 2);
        }
    };
    let mut config = shared.config.as_ref().clone();
    config.language = Some(lang);
    let ctx = Ctx {
        store: shared.store.clone(),
        config,
        actor,
    };
    let ran = std::panic::catch_unwind(AssertUnwindSafe(|| commands::dispatch(&ctx, command, out)));
    let (error, code) = match ran {
        Ok(Ok(code)) => (None, code),
        Ok(Err(e)) => (
            Some(
                format!("{:#}", commands::said_in(lang, &e))
                    .trim_end()
                    .to_string(),
            ),
            1,
        ),
        Err(_) => (Some(lang.t(CommandText::ServerInternalError).into()), 1),
    };
    // The command's name only: its arguments may be a client's name or a note.
    info!(actor = %ctx.actor, command = %name, code, "ran an owner's command");
    (error, code)
}

/// The command in `argv` and its name (`client transfer`), its file arguments taken from `cwd`;
/// or why it cannot run here.
fn parse(lang: Lang, argv: &[String], cwd: &Path) -> Result<(Command, String), String> {
    if !cwd.is_absolute() {
        return Err(format!(
            "the folder '{}' of the request is not absolute",
            cwd.display()
        ));
    }
    let first_line = |e: clap::Error| {
        let text = e.render().to_string();
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        first.trim_start_matches("error: ").to_string()
    };
    let matches = Cli::command()
        .try_get_matches_from(std::iter::once("veileder").chain(argv.iter().map(String::as_str)))
        .map_err(first_line)?;
    let mut words = Vec::new();
    let mut level = &matches;
    while let Some((word, below)) = level.subcommand() {
        words.push(word);
        level = below;
    }
    let cli = Cli::from_arg_matches(&matches).map_err(first_line)?;
    if let Some(refusal) = commands::not_through_server(cli.command.as_ref()) {
        return Err(lang.t(refusal).to_string());
    }
    let mut command = cli
        .command
        .ok_or_else(|| lang.t(CommandText::TuiInServer).to_string())?;
    command.resolve_paths(cwd);
    Ok((command, words.join(" ")))
}

/// Standard output of the command, sent in frames as it fills.
struct Output<'a> {
    stream: &'a UnixStream,
    pending: Vec<u8>,
}

impl Write for Output<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= MAX_FRAME {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        for chunk in self.pending.chunks(MAX_FRAME) {
            wire::write_frame(&mut &*self.stream, &Frame::Out(chunk.to_vec()))?;
        }
        self.pending.clear();
        Ok(())
    }
}
