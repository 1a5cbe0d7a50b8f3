//! What a local `veileder` and the server say on the owner's socket (version 1).
//!
//! The client sends one request: the line `veileder-owner 1 LEN` and LEN bytes of JSON
//! (`Request`). The server answers with frames and closes: `out LEN` and LEN bytes of standard
//! output, `err LEN` and LEN bytes of the one error line, and last `exit CODE`. Each header is
//! one line of ASCII ending in `\n`.
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

const PROTOCOL: &str = "veileder-owner";
pub const VERSION: u32 = 1;
/// A request is one command line: a megabyte is far more than any needs.
const MAX_REQUEST: usize = 1 << 20;
/// Standard output is sent in frames of at most this size, so it streams while the command runs.
pub const MAX_FRAME: usize = 64 * 1024;
/// An error line can list every bad row of an import; anything longer is not an answer.
const MAX_READ: usize = 16 << 20;
const MAX_HEADER: u64 = 64;

/// A local command for the server to run, as the file's owner typed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The command line after the program name, global options and all.
    pub argv: Vec<String>,
    /// Where the command was typed: relative file arguments are taken from here.
    pub cwd: PathBuf,
    /// Who acts: `--as`, else the config's advisor, else the login name.
    pub actor: String,
    /// The language of the output, from the client's config or locale.
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    Out(Vec<u8>),
    Err(String),
    Exit(i32),
}

/// The socket beside the database, where the owner's commands reach the server.
pub fn socket_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".sock");
    PathBuf::from(name)
}

pub fn write_request(w: &mut impl Write, request: &Request) -> io::Result<()> {
    let body = serde_json::to_vec(request)?;
    writeln!(w, "{PROTOCOL} {VERSION} {}", body.len())?;
    w.write_all(&body)?;
    w.flush()
}

/// The request, or the one line that says why it is refused.
pub fn read_request(r: &mut impl BufRead) -> Result<Request, String> {
    let expected = format!("expected `{PROTOCOL} {VERSION} LENGTH` and a JSON request");
    let header = header(r).map_err(|e| format!("cannot read the request ({e}); {expected}"))?;
    let words: Vec<&str> = header.split(' ').collect();
    let [PROTOCOL, version, length] = words[..] else {
        return Err(format!("not a veileder request; {expected}"));
    };
    if version != VERSION.to_string() {
        return Err(format!(
            "this server speaks version {VERSION} of the owner's socket, the request version \
             {version}; run the same veileder as the server"
        ));
    }
    let length: usize = length
        .parse()
        .map_err(|_| format!("the request length '{length}' is not a number; {expected}"))?;
    if length > MAX_REQUEST {
        return Err(format!(
            "the request is {length} bytes; at most {MAX_REQUEST} are taken"
        ));
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body)
        .map_err(|e| format!("the request ended early ({e}); {expected}"))?;
    serde_json::from_slice(&body)
        .map_err(|e| format!("the request is not a valid command ({e}); {expected}"))
}

pub fn write_frame(w: &mut impl Write, frame: &Frame) -> io::Result<()> {
    match frame {
        Frame::Out(bytes) => {
            writeln!(w, "out {}", bytes.len())?;
            w.write_all(bytes)?;
        }
        Frame::Err(line) => {
            writeln!(w, "err {}", line.len())?;
            w.write_all(line.as_bytes())?;
        }
        Frame::Exit(code) => writeln!(w, "exit {code}")?,
    }
    w.flush()
}

/// The next frame of the server's answer; anything else is `InvalidData`.
pub fn read_frame(r: &mut impl BufRead) -> io::Result<Frame> {
    let header = header(r)?;
    let invalid = || {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("unexpected answer '{}'", header.escape_debug()),
        )
    };
    let (kind, value) = header.split_once(' ').ok_or_else(invalid)?;
    if kind == "exit" {
        return value.parse().map(Frame::Exit).map_err(|_| invalid());
    }
    let length: usize = value.parse().map_err(|_| invalid())?;
    if length > MAX_READ {
        return Err(invalid());
    }
    let mut bytes = vec![0; length];
    r.read_exact(&mut bytes)?;
    match kind {
        "out" => Ok(Frame::Out(bytes)),
        "err" => Ok(Frame::Err(String::from_utf8_lossy(&bytes).into_owned())),
        _ => Err(invalid()),
    }
}

/// One header line, without its `\n`; a closed connection is `UnexpectedEof`.
fn header(r: &mut impl BufRead) -> io::Result<String> {
    let mut line = Vec::new();
    r.take(MAX_HEADER).read_until(b'\n', &mut line)?;
    match line.pop() {
        Some(b'\n') => {}
        None => return Err(io::ErrorKind::UnexpectedEof.into()),
        Some(_) => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "a header line is too long or cut short",
            ));
        }
    }
    String::from_utf8(line).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request {
            argv: vec!["client".into(), "add".into(), "Amina Yusuf".into()],
            cwd: "/home/kari".into(),
            actor: "kari".into(),
            lang: Lang::Nb,
        }
    }

    #[test]
    fn a_request_and_an_answer_come_through_as_sent() {
        let mut bytes = Vec::new();
        write_request(&mut bytes, &request()).unwrap();
        assert_eq!(read_request(&mut &bytes[..]), Ok(request()));

        let frames = [
            Frame::Out(b"line one\nline two\n".to_vec()),
            Frame::Err("no client matches 'Nils'".into()),
            Frame::Exit(1),
        ];
        let mut bytes = Vec::new();
        for frame in &frames {
            write_frame(&mut bytes, frame).unwrap();
        }
        let mut reader = &bytes[..];
        for frame in frames {
            assert_eq!(read_frame(&mut reader).unwrap(), frame);
        }
        assert_eq!(
            read_frame(&mut reader).unwrap_err().kind(),
            io::ErrorKind::UnexpectedEof
        );
    }

    #[test]
    fn a_malformed_request_is_refused_in_one_line() {
        let body = serde_json::to_vec(&request()).unwrap();
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"GET / HTTP/1.1\r\n\r\n".to_vec(), "not a veileder request"),
            (b"veileder-owner 2 10\n{}".to_vec(), "version 1"),
            (b"veileder-owner 1 ten\n".to_vec(), "not a number"),
            (b"veileder-owner 1 99999999999\n".to_vec(), "at most"),
            (
                b"veileder-owner 1 40\n{\"argv\":[]}".to_vec(),
                "ended early",
            ),
            (b"veileder-owner 1 2\n[]".to_vec(), "not a valid command"),
            (vec![b'x'; 500], "too long"),
            (Vec::new(), "cannot read the request"),
            (
                [b"veileder-owner 1 3\n".as_slice(), &body[..3]].concat(),
                "not a valid command",
            ),
        ];
        for (bytes, why) in cases {
            let refusal = read_request(&mut &bytes[..]).unwrap_err();
            assert!(refusal.contains(why), "{refusal:?} should say {why:?}");
            assert_eq!(refusal.lines().count(), 1, "{refusal}");
        }
    }

    #[test]
    fn an_answer_that_is_not_frames_is_invalid_data() {
        for bytes in [&b"hello\n"[..], b"out many\n", b"exit now\n", b"bye 3\nabc"] {
            let error = read_frame(&mut &bytes[..]).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidData, "{bytes:?}");
        }
    }
}
