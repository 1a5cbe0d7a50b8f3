//! A real terminal for the tests: tmux on its own socket, typed into and read back, with a time
//! limit on every wait.
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    session: String,
    /// The first terminal holds the turn and owns the tmux server; others share both.
    turn: Option<MutexGuard<'static, ()>>,
}

/// One terminal at a time, so that two tests never compete for the machine's two cores while
/// they wait for a screen.
static TURN: Mutex<()> = Mutex::new(());

impl Tmux {
    pub fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]);
        c
    }

    pub fn start(dir: &Path, width: u16, height: u16, script: &str) -> Tmux {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let t = Tmux {
            socket: format!("veileder-test-{}-{n}", std::process::id()),
            session: "t".into(),
            turn: Some(turn),
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

    /// Another terminal beside this one (a second advisor), on the same tmux server.
    pub fn beside(&self, dir: &Path, name: &str, width: u16, height: u16, script: &str) -> Tmux {
        let t = Tmux {
            socket: self.socket.clone(),
            session: name.into(),
            turn: None,
        };
        let status = t
            .cmd()
            .args(["new-session", "-d", "-s", name])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .args(["sh", "-c", script])
            .current_dir(dir)
            .env("TERM", "xterm-256color")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .status()
            .unwrap();
        assert!(status.success());
        t
    }

    /// The terminal window takes a new size, as when the advisor drags its corner.
    pub fn resize(&self, width: u16, height: u16) {
        let status = self
            .cmd()
            .args(["resize-window", "-t", &self.session])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn send(&self, keys: &[&str]) {
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

    pub fn type_text(&self, text: &str) {
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

    pub fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`, or fails with the screen as it is.
    pub fn wait_for(&self, text: &str) -> String {
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
        if self.turn.is_some() {
            let _ = self
                .cmd()
                .arg("kill-server")
                .stderr(std::process::Stdio::null())
                .status();
        } else {
            let _ = self
                .cmd()
                .args(["kill-session", "-t", &self.session])
                .status();
        }
    }
}
