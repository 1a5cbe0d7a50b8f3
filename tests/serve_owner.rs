//! The owner's commands that write, while `veileder serve` holds the file: sent over the socket
//! beside the database and run by the server, with the real OpenSSH client on the other side.
#![cfg(unix)]

mod common;

use std::io::{BufReader, Read as _, Write as _};
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::serve::Centre;
use common::tmux::Tmux;
use veileder::i18n::Lang;
use veileder::serve::owner_wire::{self as wire, Frame, Request};

const CONFIG: &str = "[serve]\nauth_rejection_ms = 50\n";

fn terminal(centre: &Centre, user: &str, key: &Path) -> Tmux {
    let script = format!("{}; echo SSH-EXIT=$?; sleep 60", centre.ssh_line(user, key));
    Tmux::start(centre.dir.path(), 100, 30, &script)
}

fn socket(centre: &Centre) -> PathBuf {
    centre.path("centre.redb.sock")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Everything the server answers to `bytes`, as text.
fn exchange(socket: &Path, bytes: &[u8]) -> String {
    let mut stream = UnixStream::connect(socket).unwrap();
    stream.write_all(bytes).unwrap();
    stream.shutdown(std::net::Shutdown::Write).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

/// The frames the server answers to a well-formed request with `argv`.
fn ask(socket: &Path, argv: &[&str]) -> Vec<Frame> {
    let stream = UnixStream::connect(socket).unwrap();
    let request = Request {
        argv: argv.iter().map(|a| a.to_string()).collect(),
        cwd: "/".into(),
        actor: "kari".into(),
        lang: Lang::En,
    };
    wire::write_request(&mut &stream, &request).unwrap();
    let mut reader = BufReader::new(&stream);
    let mut frames = Vec::new();
    loop {
        let frame = wire::read_frame(&mut reader).unwrap();
        let last = matches!(frame, Frame::Exit(_));
        frames.push(frame);
        if last {
            return frames;
        }
    }
}

#[test]
fn an_advisor_added_while_serving_logs_in_and_a_removed_key_is_refused() {
    let mut centre = Centre::new(3, CONFIG);
    centre.serve();
    let ola = centre.keygen("ola");
    let public = format!("{}.pub", ola.display());
    let added = centre.veileder(&[
        "advisor",
        "add",
        "ola",
        "--name",
        "Ola Nordby",
        "--role",
        "lead",
        "--key",
        &public,
    ]);
    assert_eq!(added, "advisor ola (lead) saved\n");

    let tmux = terminal(&centre, "ola", &ola);
    let screen = tmux.wait_for("Clients");
    assert!(screen.contains("3/3"), "a lead sees the centre:\n{screen}");
    tmux.send(&["q"]);
    tmux.wait_for("SSH-EXIT=0");

    let laptop = centre.keygen("ola-laptop");
    let laptop_public = format!("{}.pub", laptop.display());
    let out = centre.veileder(&["advisor", "key", "add", "ola", &laptop_public]);
    assert!(out.contains("added for ola (keys: 2)"), "{out}");
    // Let in, and then refused only because it asks for a command instead of the TUI.
    let (code, err) = centre.try_login("ola", &laptop);
    assert_eq!(code, Some(1));
    assert!(err.contains("serves its screen only"), "{err}");
    let out = centre.veileder(&["advisor", "key", "remove", "ola", &public]);
    assert!(out.contains("removed from ola (keys left: 1)"), "{out}");
    let (code, err) = centre.try_login("ola", &ola);
    assert_eq!(code, Some(255));
    assert!(err.contains("Permission denied (publickey)"), "{err}");

    let audit = centre.veileder(&["audit", "--advisor", "kari"]);
    assert!(
        audit.contains("advisor.key"),
        "the owner is the actor:\n{audit}"
    );
    assert!(centre.stop());
}

#[test]
fn a_transfer_while_the_receiver_is_connected_shows_the_notice_without_a_key_press() {
    let mut centre = Centre::new(0, CONFIG);
    let ola = centre.advisor("ola", "advisor");
    centre.advisor("jonas", "advisor");
    centre.veileder(&["client", "add", "Amina Yusuf", "--advisor", "ola"]);
    centre.veileder(&["client", "add", "Leila Haddad", "--advisor", "jonas"]);
    centre.veileder(&["client", "add", "Sofia Rossi", "--advisor", "jonas"]);
    centre.serve();

    let tmux = terminal(&centre, "ola", &ola);
    let screen = tmux.wait_for("Amina Yusuf");
    assert!(!screen.contains("Leila Haddad"), "{screen}");

    let moved = centre.veileder(&["client", "transfer", "--from", "jonas", "--to", "ola"]);
    assert_eq!(moved, "clients moved to ola: 2\n");
    // Ola pressed nothing: her list has the new clients and the notice says who moved them.
    let screen = tmux.wait_for("kari moved 2 clients to your caseload");
    let screen = if screen.contains("Sofia Rossi") {
        screen
    } else {
        tmux.wait_for("Sofia Rossi")
    };
    assert!(screen.contains("Leila Haddad"), "{screen}");

    let audit = centre.veileder(&["audit", "--advisor", "kari"]);
    let transfers: Vec<&str> = audit
        .lines()
        .filter(|l| l.contains("client.transfer"))
        .collect();
    assert_eq!(transfers.len(), 2, "{audit}");
    assert!(
        transfers.iter().all(|l| l.contains("from jonas to ola")),
        "{audit}"
    );
}

#[test]
fn import_and_erase_run_through_the_server_with_files_from_the_callers_folder() {
    let mut centre = Centre::new(0, CONFIG);
    let folder = centre.path("spreadsheets");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("clients.csv"),
        "name,country,gender\nOlena Kovalenko,Ukraine,woman\nTomasz Nowak,Poland,man\n",
    )
    .unwrap();
    std::fs::write(folder.join("bad.csv"), "name,shoe_size\nNils,44\n").unwrap();
    centre.serve();

    let dry = centre.veileder_in(&folder, &["import", "clients.csv", "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let shown = String::from_utf8_lossy(&dry.stdout);
    assert!(shown.contains("would import 2 clients"), "{shown}");

    let bad = centre.veileder_in(&folder, &["import", "bad.csv"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = stderr(&bad);
    assert!(
        err.starts_with("veileder: ") && err.contains("shoe_size"),
        "{err}"
    );
    // Word for word what the same import says on a file no server holds.
    let alone = Command::new(env!("CARGO_BIN_EXE_veileder"))
        .current_dir(&folder)
        .args(["--db", "alone.redb", "--as", "kari", "import", "bad.csv"])
        .env("XDG_DATA_HOME", centre.path("data"))
        .output()
        .unwrap();
    assert_eq!(alone.status.code(), Some(1));
    assert_eq!(err, stderr(&alone));

    let done = centre.veileder_in(&folder, &["import", "clients.csv"]);
    assert!(done.status.success(), "{}", stderr(&done));
    let shown = String::from_utf8_lossy(&done.stdout);
    let expected = format!(
        "imported 2 clients from {}",
        folder.join("clients.csv").display()
    );
    assert!(shown.contains(&expected), "{shown}");

    let out = centre.veileder_in(
        &folder,
        &["privacy", "export", "Tomasz Nowak", "--out", "tomasz.json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let exported = std::fs::read_to_string(folder.join("tomasz.json")).unwrap();
    assert!(exported.contains("Poland"), "{exported}");

    centre.veileder(&[
        "advisor", "add", "kari", "--name", "Kari", "--role", "admin",
    ]);
    centre.veileder(&["advisor", "add", "ola", "--name", "Ola"]);
    // A transfer leaves a notice naming Tomasz for Ola: it goes with him too.
    centre.veileder(&["client", "transfer", "Tomasz Nowak", "--to", "ola"]);
    let erased = centre.veileder(&["privacy", "erase", "Tomasz Nowak", "--yes"]);
    assert!(erased.starts_with("erased "), "{erased}");
    // The server rewrote its file under its sessions; it keeps serving from the new one.
    let list = centre.veileder(&["client", "list", "--format", "json"]);
    assert!(
        list.contains("Olena Kovalenko") && !list.contains("Tomasz"),
        "{list}"
    );
    let note = centre.veileder(&["note", "Olena Kovalenko", "Asked about premises"]);
    assert!(note.contains("saved for Olena Kovalenko"), "{note}");
    let missing = centre.veileder_output(&["--as", "kari", "note", "Tomasz Nowak", "hello"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(stderr(&missing).lines().count(), 1, "{}", stderr(&missing));
    let check = centre.veileder_output(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(centre.stop());
    let store = veileder::store::Store::open(&centre.path("centre.redb"), "the test").unwrap();
    let raw = std::fs::read(centre.path("centre.redb")).unwrap();
    assert!(
        !raw.windows(6).any(|w| w == b"Tomasz"),
        "the erased name is not in the file"
    );
    assert_eq!(store.client_summaries().unwrap().len(), 1);
}

#[test]
fn a_bad_request_is_refused_in_one_line_and_the_server_keeps_serving() {
    let mut centre = Centre::new(0, CONFIG);
    centre.serve();
    let socket = socket(&centre);

    let answer = exchange(&socket, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(answer.contains("not a veileder request"), "{answer}");
    assert!(answer.ends_with("exit 2\n"), "{answer}");
    let answer = exchange(&socket, b"veileder-owner 1 5\n{\"ar");
    assert!(answer.contains("ended early"), "{answer}");
    let answer = exchange(&socket, &[0xff; 100]);
    assert!(answer.contains("too long"), "{answer}");
    // Connected and gone without a word.
    drop(UnixStream::connect(&socket).unwrap());

    for (argv, why) in [
        (&["frobnicate"][..], "unrecognized subcommand 'frobnicate'"),
        (&["demo", "--force"][..], "stop the server first"),
        (&["serve"][..], "already running"),
        (
            &["--db", "/elsewhere.redb"][..],
            "the TUI runs inside the server",
        ),
    ] {
        let frames = ask(&socket, argv);
        let [Frame::Err(line), Frame::Exit(2)] = &frames[..] else {
            panic!("{argv:?}: {frames:?}");
        };
        assert!(
            line.contains(why) && !line.contains('\n'),
            "{argv:?}: {line}"
        );
    }

    let added = centre.veileder(&["client", "add", "Amina Yusuf"]);
    assert_eq!(added, "1\n", "the server still runs commands");
    let ola = centre.advisor("ola", "advisor");
    let tmux = terminal(&centre, "ola", &ola);
    tmux.wait_for("Clients");
    assert!(centre.stop());
}

#[test]
fn sigterm_removes_the_socket_and_the_one_a_killed_server_left_is_replaced() {
    let mut centre = Centre::new(0, CONFIG);
    let socket = socket(&centre);
    centre.serve();
    assert!(socket.exists());
    assert!(centre.stop());
    assert!(!socket.exists(), "a clean stop takes the socket away");

    centre.serve();
    centre.kill();
    assert!(socket.exists(), "SIGKILL leaves the socket behind");
    // Nobody holds the file now: the command opens it itself.
    assert_eq!(centre.veileder(&["client", "add", "Amina Yusuf"]), "1\n");

    centre.serve();
    assert_eq!(
        centre.veileder(&["client", "add", "Leila Haddad"]),
        "2\n",
        "the new server answers on the socket the killed one left"
    );
    let holder = std::fs::read_to_string(centre.path("centre.redb.holder")).unwrap();
    assert!(holder.starts_with("veileder serve on"), "{holder}");
    assert!(centre.stop());
    assert!(!socket.exists());
}

#[test]
fn only_the_servers_user_may_use_the_socket() {
    let mut centre = Centre::new(0, CONFIG);
    centre.serve();
    let socket = socket(&centre);
    let meta = std::fs::metadata(&socket).unwrap();
    assert_eq!(
        meta.mode() & 0o777,
        0o600,
        "the socket is the owner's alone"
    );
    let me = unsafe { libc::geteuid() };
    assert_eq!(meta.uid(), me);
    if me != 0 {
        eprintln!("not root: another user cannot be tried here");
        return;
    }
    // As `nobody`, with perl's socket client: first through the modes the server made, then
    // with the folder and the socket opened to everyone, when the credentials still refuse.
    let as_nobody = || {
        let out = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "perl"])
            .args(["-MIO::Socket::UNIX", "-e"])
            .arg(
                "my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) \
                 or do { print \"cannot connect: $!\\n\"; exit 3 }; print while <$s>;",
            )
            .arg(&socket)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let answer = as_nobody();
    assert!(
        answer.contains("cannot connect: Permission denied"),
        "{answer}"
    );
    std::fs::set_permissions(centre.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&socket, std::fs::Permissions::from_mode(0o666)).unwrap();
    let answer = as_nobody();
    assert!(
        answer.contains("only for its own user (0), not for user 65534"),
        "{answer}"
    );
    assert!(answer.ends_with("exit 1\n"), "{answer}");
    std::fs::set_permissions(centre.dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(centre.veileder(&["client", "add", "Amina Yusuf"]), "1\n");
    assert!(centre.stop());
}
