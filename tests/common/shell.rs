//! The real binary at a shell, in a temporary folder with a fixed clock, as a script would run it.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

pub struct Shell {
    pub dir: TempDir,
}

impl Shell {
    pub fn new() -> Self {
        Shell {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("centre.redb")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run_on(&self, db: &Path, args: &[&str]) -> Output {
        self.run_as_on("kari", db, args)
    }

    /// Runs as another advisor than kari.
    pub fn run_as(&self, actor: &str, args: &[&str]) -> Output {
        self.run_as_on(actor, &self.db(), args)
    }

    fn run_as_on(&self, actor: &str, db: &Path, args: &[&str]) -> Output {
        // English unless a test asks otherwise, whatever the machine's locale.
        self.run_as_on_in(actor, db, "C.UTF-8", args)
    }

    /// Runs as kari with `LANG` set, as a desktop in that locale starts it.
    pub fn run_in(&self, lang: &str, args: &[&str]) -> Output {
        self.run_as_on_in("kari", &self.db(), lang, args)
    }

    fn run_as_on_in(&self, actor: &str, db: &Path, lang: &str, args: &[&str]) -> Output {
        self.binary_in(lang)
            .arg("--db")
            .arg(db)
            .args(["--as", actor])
            .args(args)
            .output()
            .unwrap()
    }

    /// Runs with no database or actor given, for what needs neither (help, man, completions).
    pub fn bare_in(&self, lang: &str, args: &[&str]) -> Output {
        self.binary_in(lang).args(args).output().unwrap()
    }

    fn binary_in(&self, lang: &str) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_veileder"));
        command
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("VEILEDER_NOW", "2026-11-27T10:00:00Z")
            .env("TZ", "UTC")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang);
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_on(&self.db(), args)
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        Shell::succeeds(self.run(args), args)
    }

    /// Like `ok`, with `LANG` set.
    pub fn ok_in(&self, lang: &str, args: &[&str]) -> String {
        Shell::succeeds(self.run_in(lang, args), args)
    }

    fn succeeds(out: Output, args: &[&str]) -> String {
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail with exit code 1 and one line on stderr; returns that line.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?} should fail: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("veileder: "), "{err}");
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{err}"
        );
        err
    }

    /// A fresh key pair made by the real ssh-keygen in the shell's folder; returns the public
    /// key file.
    pub fn keygen(&self, name: &str) -> String {
        let path = self.path(name);
        Shell::keygen_at(&path, name);
        format!("{}.pub", path.display())
    }

    /// A fresh ed25519 key pair commented `name`: the private key at `path`, the public key
    /// beside it with `.pub` added.
    pub fn keygen_at(path: &Path, name: &str) {
        let status = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
            .arg(path)
            .status()
            .expect("ssh-keygen must be installed (.ci/run installs openssh-client)");
        assert!(status.success());
    }

    /// Like `fails`, and the message is a single line.
    pub fn fails_in_one_line(&self, args: &[&str]) -> String {
        let err = self.fails(args);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        err
    }
}
