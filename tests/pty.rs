//! The real binary in a real pseudo-terminal (tmux): start, filter, open, call mode, save, quit;
//! afterwards the terminal is as it was and what was typed is in the database.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::tmux::Tmux;

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
