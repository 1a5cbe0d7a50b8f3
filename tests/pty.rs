//! The real binary in a real pseudo-terminal (tmux): start, filter, open, call mode, save, quit;
//! afterwards the terminal is as it was and what was typed is in the database.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    session: String,
    _turn: MutexGuard<'static, ()>,
}

/// One terminal at a time, so that two tests never compete for the machine's two cores while
/// they wait for a screen.
static TURN: Mutex<()> = Mutex::new(());

impl Tmux {
    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]);
        c
    }

    fn start(dir: &Path, width: u16, height: u16, script: &str) -> Tmux {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let t = Tmux {
            socket: format!("veileder-test-{}-{n}", std::process::id()),
            session: "t".into(),
            _turn: turn,
        };
        let status = t
            .cmd()
            .args(["-f", "/dev/null", "new-session", "-d", "-s", &t.session])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .args(["sh", "-c", script])
            .current_dir(dir)
            .env("TERM", "xterm-256color")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .status()
            .expect("tmux must be installed (.ci/run installs it)");
        assert!(status.success());
        t
    }

    fn send(&self, keys: &[&str]) {
        for k in keys {
            let status = self
                .cmd()
                .args(["send-keys", "-t", &self.session, k])
                .status()
                .unwrap();
            assert!(status.success());
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn type_text(&self, text: &str) {
        let status = self
            .cmd()
            .args(["send-keys", "-l", "-t", &self.session, text])
            .status()
            .unwrap();
        assert!(
            status.success(),
            "could not type {text:?}; the screen was:\n{}",
            self.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`, or fails with the screen as it is.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {text:?}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

fn veileder(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_veileder"))
        .args([
            "--db",
            dir.join("centre.redb").to_str().unwrap(),
            "--as",
            "kari",
        ])
        .args(args)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_real_binary_in_a_terminal_filters_and_restores_the_terminal_on_quit() {
    let dir = tempfile::tempdir().unwrap();
    veileder(dir.path(), &["demo", "--clients", "40", "--seed", "5"]);
    veileder(
        dir.path(),
        &[
            "client",
            "add",
            "Zainab Quraishi",
            "--phone",
            "+47 911 22 333",
        ],
    );
    let bin = env!("CARGO_BIN_EXE_veileder");
    let script = format!(
        "stty -g > before; HOME=$PWD XDG_DATA_HOME=$PWD/data '{bin}' --db centre.redb --as kari; \
         echo exit=$? > status; stty -g > after; echo DONE; sleep 30"
    );
    let tmux = Tmux::start(dir.path(), 80, 24, &script);
    tmux.wait_for("Clients");
    tmux.send(&["/"]);
    tmux.type_text("zaiqur");
    let screen = tmux.wait_for("Zainab Quraishi");
    assert!(
        screen.contains("1/41"),
        "the filter narrows to one client:\n{screen}"
    );
    tmux.send(&["Escape", "Escape", "q"]);
    tmux.wait_for("DONE");
    let before = std::fs::read_to_string(dir.path().join("before")).unwrap();
    let after = std::fs::read_to_string(dir.path().join("after")).unwrap();
    assert_eq!(before, after, "the terminal modes are restored");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("status"))
            .unwrap()
            .trim(),
        "exit=0"
    );
}

#[test]
fn a_killed_process_loses_nothing_typed_in_call_mode() {
    let dir = tempfile::tempdir().unwrap();
    veileder(dir.path(), &["client", "add", "Olena Kovalenko"]);
    let bin = env!("CARGO_BIN_EXE_veileder");
    let script = format!(
        "echo $$ > pid; HOME=$PWD XDG_DATA_HOME=$PWD/data exec '{bin}' --db centre.redb --as kari"
    );
    let tmux = Tmux::start(dir.path(), 80, 24, &script);
    tmux.wait_for("Olena Kovalenko");
    tmux.send(&["c"]);
    tmux.wait_for("Note");
    tmux.type_text("Olena wants to open a bakery in Drammen");
    tmux.wait_for("· draft ");
    let pid = std::fs::read_to_string(dir.path().join("pid")).unwrap();
    let killed = Command::new("kill")
        .args(["-9", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(300));
    let store = veileder::store::Store::open(&dir.path().join("centre.redb"), "pty test").unwrap();
    let draft = store
        .draft(1, "kari")
        .unwrap()
        .expect("the draft survives SIGKILL");
    assert_eq!(draft.notes, "Olena wants to open a bakery in Drammen");
}
