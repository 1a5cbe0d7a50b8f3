//! A command typed by the file's owner while `veileder serve` holds the file: sent over the
//! server's socket, run there on the server's store, its output and exit code relayed here.
use std::io::{self, BufReader, Write as _};
use std::os::unix::net::UnixStream;

use anyhow::{Context as _, Result, anyhow};

use crate::i18n::{CommandText, Lang};
use crate::serve::owner_wire::{self as wire, Frame, Request};

/// Sends this process's command line to the server on `stream`; returns the exit code it gave.
pub fn through_server(stream: UnixStream, actor: &str, lang: Lang) -> Result<i32> {
    let argv = std::env::args_os()
        .skip(1)
        .map(|arg| {
            arg.into_string().map_err(|arg| {
                anyhow!(lang.f(CommandText::ArgNotUtf8, &[("arg", &format!("{arg:?}"))]))
            })
        })
        .collect::<Result<Vec<String>>>()?;
    let request = Request {
        argv,
        cwd: std::env::current_dir().context(lang.t(CommandText::NoCurrentFolder))?,
        actor: actor.to_string(),
        lang,
    };
    wire::write_request(&mut &stream, &request).context(lang.t(CommandText::CannotSend))?;
    relay(lang, &mut BufReader::new(&stream))
}

/// Prints the server's answer as the command would have locally; returns its exit code.
fn relay(lang: Lang, answer: &mut impl io::BufRead) -> Result<i32> {
    let mut stdout = io::stdout().lock();
    loop {
        let frame = wire::read_frame(answer).map_err(|e| match e.kind() {
            io::ErrorKind::UnexpectedEof => anyhow!(lang.t(CommandText::ServerClosed)),
            _ => anyhow!(lang.f(CommandText::AnswerUnreadable, &[("reason", &e)])),
        })?;
        match frame {
            Frame::Out(bytes) => {
                if let Err(e) = stdout.write_all(&bytes) {
                    return stdout_failed(lang, e);
                }
            }
            Frame::Err(line) => {
                if let Err(e) = stdout.flush() {
                    return stdout_failed(lang, e);
                }
                eprintln!("veileder: {line}");
            }
            Frame::Exit(code) => {
                return stdout
                    .flush()
                    .map_or_else(|e| stdout_failed(lang, e), |()| Ok(code));
            }
        }
    }
}

/// `veileder … | head` closes the pipe early; that is not an error.
fn stdout_failed(lang: Lang, e: io::Error) -> Result<i32> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(0)
    } else {
        Err(e).context(lang.t(CommandText::CannotWriteOutput))
    }
}
