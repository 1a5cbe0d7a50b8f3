//! `veileder serve` on 127.0.0.1 with an ephemeral port, advisors with keys made by the real
//! `ssh-keygen`, and the real OpenSSH client command line to reach it.
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use super::shell::Shell;

/// How long any wait on the server or a client may take before the test fails.
pub const LIMIT: Duration = Duration::from_secs(20);

pub struct Centre {
    pub dir: TempDir,
    server: Option<Child>,
    pub port: u16,
}

impl Centre {
    /// A database with `clients` demo clients; `config` goes in config.toml.
    pub fn new(clients: usize, config: &str) -> Centre {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        let centre = Centre {
            dir,
            server: None,
            port: 0,
        };
        if clients > 0 {
            centre.veileder(&["demo", "--clients", &clients.to_string(), "--seed", "7"]);
        }
        centre
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_veileder"));
        c.arg("--db")
            .arg(self.path("centre.redb"))
            .arg("--config")
            .arg(self.path("config.toml"))
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env("VEILEDER_NOW", "2026-11-27T10:00:00Z")
            .env("TZ", "UTC");
        c
    }

    /// Runs a command of the binary that must succeed; returns its stdout.
    pub fn veileder(&self, args: &[&str]) -> String {
        let out = self
            .command()
            .args(["--as", "kari"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command of the binary as it is, success or not.
    pub fn veileder_output(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    /// Runs a command of the binary as kari in `dir`, success or not.
    pub fn veileder_in(&self, dir: &Path, args: &[&str]) -> Output {
        self.command()
            .current_dir(dir)
            .args(["--as", "kari"])
            .args(args)
            .output()
            .unwrap()
    }

    /// An advisor with a fresh ed25519 key; returns the private key's path.
    pub fn advisor(&self, username: &str, role: &str) -> PathBuf {
        let key = self.keygen(username);
        let public = format!("{}.pub", key.display());
        self.veileder(&[
            "advisor", "add", username, "--name", username, "--role", role, "--key", &public,
        ]);
        key
    }

    /// A key pair made by ssh-keygen, registered nowhere.
    pub fn keygen(&self, name: &str) -> PathBuf {
        let path = self.path(&format!("{name}_key"));
        Shell::keygen_at(&path, name);
        path
    }

    /// Starts the server and waits for the line that gives its port.
    pub fn serve(&mut self) {
        let mut child = self
            .command()
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        self.server = Some(child);
        let line = rx
            .recv_timeout(LIMIT)
            .expect("the server says where it listens");
        let addr = line
            .split("listening on ")
            .nth(1)
            .and_then(|rest| rest.split(',').next())
            .unwrap_or_else(|| panic!("unexpected first line: {line}"));
        self.port = addr.rsplit(':').next().unwrap().parse().unwrap();
    }

    /// The command line an advisor types, as a shell word list.
    pub fn ssh_line(&self, user: &str, key: &Path) -> String {
        format!(
            "ssh -F /dev/null -p {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
             -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR -i '{}' {user}@127.0.0.1",
            self.port,
            key.display()
        )
    }

    /// A login that runs no TUI (no pty): its exit status and stderr, within the time limit.
    pub fn try_login(&self, user: &str, key: &Path) -> (Option<i32>, String) {
        self.try_ssh(user, key, &["true"])
    }

    /// `ssh` with `args` after the destination (a command, or `-s sftp` before it): its exit
    /// status and stderr, within the time limit.
    pub fn try_ssh(&self, user: &str, key: &Path, args: &[&str]) -> (Option<i32>, String) {
        let (options, command): (Vec<&str>, Vec<&str>) = match args {
            ["-s", rest @ ..] => (vec!["-s"], rest.to_vec()),
            _ => (Vec::new(), args.to_vec()),
        };
        let mut child = Command::new("ssh")
            .args(["-F", "/dev/null", "-p", &self.port.to_string()])
            .args([
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
            ])
            .args([
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "ConnectTimeout=10",
            ])
            .arg("-i")
            .arg(key)
            .args(options)
            .arg(format!("{user}@127.0.0.1"))
            .args(command)
            .env("HOME", self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > LIMIT {
                let _ = child.kill();
                panic!("ssh did not finish within {LIMIT:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        (status.code(), err)
    }

    /// SIGTERM, then waits for the server to end; true when it ended on its own in time.
    pub fn stop(&mut self) -> bool {
        let Some(mut child) = self.server.take() else {
            return true;
        };
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
        let start = Instant::now();
        while start.elapsed() < LIMIT {
            if child.try_wait().unwrap().is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        false
    }

    /// SIGKILL: the server ends at once and cleans up nothing.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.server.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }
}

impl Drop for Centre {
    fn drop(&mut self) {
        if let Some(mut child) = self.server.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
