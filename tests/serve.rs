//! `veileder serve` with the real OpenSSH client in real terminals (tmux): who gets in, two
//! advisors at once, a resize, and a hang-up in the middle of a note.
#![cfg(unix)]

mod common;

use common::serve::Centre;
use common::tmux::Tmux;

/// Refusals wait only briefly here, and three refusals block an address.
const CONFIG: &str = "[serve]\nauth_rejection_ms = 50\nmax_failed_logins = 3\n";

fn terminal(centre: &Centre, user: &str, key: &std::path::Path) -> Tmux {
    let script = format!("{}; echo SSH-EXIT=$?; sleep 60", centre.ssh_line(user, key));
    Tmux::start(centre.dir.path(), 100, 30, &script)
}

#[test]
fn a_registered_key_gets_the_tui_and_every_other_login_is_refused() {
    let mut centre = Centre::new(20, CONFIG);
    let ola = centre.advisor("ola", "lead");
    let stranger = centre.keygen("stranger");
    centre.serve();

    let tmux = terminal(&centre, "ola", &ola);
    let screen = tmux.wait_for("Clients");
    assert!(screen.contains("ola") && screen.contains("/20"), "{screen}");
    tmux.send(&["q"]);
    tmux.wait_for("SSH-EXIT=0");

    let (code, err) = centre.try_login("ola", &stranger);
    assert_eq!(code, Some(255), "an unknown key is refused: {err}");
    assert!(err.contains("Permission denied (publickey)"), "{err}");
    let (code, _) = centre.try_login("kari", &ola);
    assert_eq!(code, Some(255), "ola's key does not open kari's account");
    // A command or sftp instead of the TUI is refused in one line that says how to connect,
    // though the key is right.
    let how = format!("connect with: ssh -t -p {} ola@HOST", centre.port);
    for args in [&["ls", "-l"][..], &["-s", "sftp"][..]] {
        let (code, err) = centre.try_ssh("ola", &ola, args);
        assert_eq!(code, Some(1), "{args:?}: {err}");
        assert!(
            err.contains("serves its screen only") && err.contains(&how),
            "{err}"
        );
        let ours = err
            .lines()
            .filter(|l| !l.starts_with("Warning: Permanently added"));
        assert_eq!(ours.count(), 1, "{err}");
    }
    // A third refusal from this address: now even the right key is turned away for a minute.
    let (code, _) = centre.try_login("ola", &stranger);
    assert_eq!(code, Some(255));
    let blocked = tmux.beside(
        centre.dir.path(),
        "again",
        100,
        30,
        &format!(
            "{}; echo SSH-EXIT=$?; sleep 60",
            centre.ssh_line("ola", &ola)
        ),
    );
    let screen = blocked.wait_for("SSH-EXIT=255");
    assert!(screen.contains("Permission denied"), "{screen}");
    assert!(centre.stop(), "SIGTERM stops the server");
}

#[test]
fn a_removed_key_no_longer_opens_the_door() {
    let mut centre = Centre::new(0, CONFIG);
    let ola = centre.advisor("ola", "advisor");
    centre.serve();
    let tmux = terminal(&centre, "ola", &ola);
    tmux.wait_for("Clients");
    tmux.send(&["q"]);
    tmux.wait_for("SSH-EXIT=0");
    drop(tmux);
    assert!(centre.stop());
    let public = format!("{}.pub", ola.display());
    centre.veileder(&["advisor", "key", "remove", "ola", &public]);
    centre.serve();
    let (code, err) = centre.try_login("ola", &ola);
    assert_eq!(code, Some(255), "{err}");
}

#[test]
fn two_advisors_at_once_see_each_others_saves_without_a_key_press() {
    let mut centre = Centre::new(0, CONFIG);
    let ola = centre.advisor("ola", "lead");
    let kari = centre.advisor("kari", "lead");
    centre.veileder(&["client", "add", "Olena Kovalenko", "--advisor", "ola"]);
    centre.serve();

    let first = terminal(&centre, "ola", &ola);
    first.wait_for("Olena Kovalenko");
    first.send(&["Enter"]);
    first.wait_for("Sessions 0");

    let second = first.beside(
        centre.dir.path(),
        "kari",
        100,
        30,
        &format!("{}; sleep 60", centre.ssh_line("kari", &kari)),
    );
    second.wait_for("Olena Kovalenko");
    second.send(&["c"]);
    second.wait_for("Note");
    second.type_text("Olena found premises in Drammen");
    second.send(&["C-s"]);
    second.wait_for("Saved session");

    // Ola pressed nothing: the page she has open shows Kari's note.
    let screen = first.wait_for("Sessions 1");
    assert!(screen.contains("Olena Kovalenko"), "{screen}");
    first.send(&["Tab"]);
    first.wait_for("Olena found premises in Drammen");
}

#[test]
fn a_resized_window_is_redrawn_at_its_new_size() {
    let mut centre = Centre::new(30, CONFIG);
    let ola = centre.advisor("ola", "lead");
    centre.serve();
    let tmux = terminal(&centre, "ola", &ola);
    let wide = tmux.wait_for("Clients");
    let header = wide.lines().next().unwrap().trim_end();
    assert!(
        header.ends_with("ola") && header.chars().count() > 90,
        "{header:?}"
    );
    tmux.resize(80, 24);
    let start = std::time::Instant::now();
    loop {
        let screen = tmux.screen();
        let header = screen.lines().next().unwrap_or("").trim_end().to_string();
        if header.ends_with("ola") && header.chars().count() <= 80 {
            assert_eq!(screen.lines().count(), 24, "{screen}");
            break;
        }
        assert!(
            start.elapsed() < common::serve::LIMIT,
            "not redrawn at 80x24:\n{screen}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn a_hang_up_in_the_middle_of_a_note_keeps_it_for_the_next_connection() {
    let mut centre = Centre::new(0, CONFIG);
    let ola = centre.advisor("ola", "advisor");
    centre.veileder(&["client", "add", "Amina Yusuf", "--advisor", "ola"]);
    centre.serve();
    let script = format!("echo $$ > ssh.pid; exec {}", centre.ssh_line("ola", &ola));
    let tmux = Tmux::start(centre.dir.path(), 100, 30, &script);
    tmux.wait_for("Amina Yusuf");
    tmux.send(&["c"]);
    tmux.wait_for("Note");
    tmux.type_text("Amina asked about VAT regist");
    tmux.wait_for("Amina asked about VAT regist");
    // The line drops: the client process dies without a goodbye.
    let pid = std::fs::read_to_string(centre.path("ssh.pid")).unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-9", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    drop(tmux);

    let again = terminal(&centre, "ola", &ola);
    again.wait_for("Amina Yusuf");
    again.send(&["c"]);
    let screen = again.wait_for("restored");
    assert!(screen.contains("Amina asked about VAT regist"), "{screen}");
}

#[test]
fn sigterm_ends_every_session_with_its_draft_saved() {
    let mut centre = Centre::new(0, CONFIG);
    let ola = centre.advisor("ola", "advisor");
    centre.veileder(&["client", "add", "Amina Yusuf", "--advisor", "ola"]);
    centre.serve();
    let tmux = terminal(&centre, "ola", &ola);
    tmux.wait_for("Amina Yusuf");
    tmux.send(&["c"]);
    tmux.wait_for("Note");
    tmux.type_text("Budget for the food truck");
    tmux.wait_for("Budget for the food truck");
    assert!(centre.stop(), "the server ends on SIGTERM");
    let screen = tmux.wait_for("SSH-EXIT=");
    assert!(
        screen.contains("the server is stopping. Your draft is kept"),
        "{screen}"
    );
    drop(tmux);
    let store = veileder::store::Store::open(&centre.path("centre.redb"), "serve test").unwrap();
    let draft = store.draft(1, "ola").unwrap().expect("the draft is saved");
    assert_eq!(draft.notes, "Budget for the food truck");
}

#[test]
fn an_advisor_sees_their_caseload_and_shares_a_lead_sees_all_and_a_transfer_is_announced() {
    let mut centre = Centre::new(0, CONFIG);
    let ola = centre.advisor("ola", "advisor");
    let ingrid = centre.advisor("ingrid", "lead");
    centre.advisor("jonas", "advisor");
    centre.veileder(&["client", "add", "Amina Yusuf", "--advisor", "ola"]);
    centre.veileder(&["client", "add", "Leila Haddad", "--advisor", "jonas"]);
    centre.veileder(&["client", "add", "Sofia Rossi", "--advisor", "jonas"]);
    centre.veileder(&["client", "add", "Tomasz Nowak", "--advisor", "jonas"]);
    centre.veileder(&["client", "share", "Sofia Rossi", "--with", "ola"]);
    // Before the server starts, a lead moves Tomasz to Ola: she is told when she logs in.
    centre.veileder(&["client", "transfer", "Tomasz Nowak", "--to", "ola"]);
    centre.serve();

    let first = terminal(&centre, "ola", &ola);
    let screen = first.wait_for("Amina Yusuf");
    assert!(
        screen.contains("kari moved Tomasz Nowak to your caseload"),
        "{screen}"
    );
    assert!(
        screen.contains("Sofia Rossi") && screen.contains("Tomasz Nowak"),
        "own, shared and transferred clients:\n{screen}"
    );
    assert!(
        !screen.contains("Leila Haddad"),
        "not Jonas's own client:\n{screen}"
    );
    assert!(screen.contains("3/3"), "{screen}");
    assert!(
        !screen.contains("Audit") && !screen.contains("Reports"),
        "no audit or reports tab for an advisor:\n{screen}"
    );
    // The key of the audit screen is refused in one line; the list stays.
    first.send(&["5"]);
    let screen = first.wait_for("for leads and admins");
    assert!(screen.contains("Amina Yusuf"), "{screen}");
    // Search does not reach past the caseload either.
    first.send(&["3"]);
    first.type_text("Leila");
    let screen = first.wait_for("Leila");
    assert!(!screen.contains("Leila Haddad"), "{screen}");

    let lead = first.beside(
        centre.dir.path(),
        "ingrid",
        100,
        30,
        &format!("{}; sleep 60", centre.ssh_line("ingrid", &ingrid)),
    );
    let screen = lead.wait_for("Leila Haddad");
    assert!(
        screen.contains("4/4"),
        "a lead sees every client:\n{screen}"
    );
    // The lead reads the audit log, newest first: the transfer to Ola is there.
    lead.send(&["5"]);
    let screen = lead.wait_for("client.transfer");
    assert!(
        screen.contains("5 Audit") && screen.contains("Tomasz Nowak"),
        "{screen}"
    );
}

#[test]
fn beside_the_server_the_owner_reads_and_the_local_tui_points_to_ssh() {
    let mut centre = Centre::new(0, CONFIG);
    let ola = centre.advisor("ola", "advisor");
    centre.veileder(&["client", "add", "Amina Yusuf", "--advisor", "ola"]);
    centre.serve();
    let tmux = terminal(&centre, "ola", &ola);
    tmux.wait_for("Amina Yusuf");
    tmux.send(&["c"]);
    tmux.wait_for("Note");
    tmux.type_text("Talked about the lease");
    tmux.send(&["C-s"]);
    tmux.wait_for("Saved session");

    // Report, export, audit and backup read what the server committed a moment ago.
    let export = centre.veileder(&["export"]);
    assert!(export.contains("Talked about the lease"), "{export}");
    let report = centre.veileder(&["report", "--format", "json"]);
    assert!(report.contains("\"sessions\""), "{report}");
    let audit = centre.veileder(&["audit", "--advisor", "ola"]);
    assert!(
        audit.contains("client.open") && audit.contains("session.add"),
        "{audit}"
    );
    let copy = centre.path("beside.redb");
    centre.veileder(&["backup", copy.to_str().unwrap()]);
    let held = veileder::store::Store::open(&copy, "the test")
        .unwrap()
        .export_document()
        .unwrap();
    assert_eq!(
        held.sessions.len(),
        1,
        "the backup has the server's latest save"
    );

    // The local TUI is sent to the server, with the command to type (writing commands go
    // through the server's socket: tests/serve_owner.rs).
    let ssh = format!("ssh -p {} kari@localhost", centre.port);
    let out = centre.veileder_output(&["--as", "kari"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&ssh) && err.lines().count() == 1, "{err}");
}

#[test]
fn the_server_backs_up_when_it_starts_into_the_configured_folder() {
    let mut centre = Centre::new(5, CONFIG);
    let folder = centre.path("backups");
    let config = format!(
        "{CONFIG}\n[backup]\ndir = \"{}\"\nkeep = 3\nevery_hours = 24\n",
        folder.display()
    );
    std::fs::write(centre.path("config.toml"), config).unwrap();
    centre.serve();
    let start = std::time::Instant::now();
    let made = loop {
        let found: Vec<_> = std::fs::read_dir(&folder)
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        let backups: Vec<_> = found
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "redb"))
            .collect();
        if !backups.is_empty() || start.elapsed() > std::time::Duration::from_secs(20) {
            break backups;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(made.len(), 1, "one backup at start in {}", folder.display());
    assert!(centre.stop(), "the server stops on SIGTERM");
    let listed = veileder::store::Store::open(&made[0], "the test")
        .unwrap()
        .client_summaries()
        .unwrap();
    assert_eq!(listed.len(), 5, "the backup holds the centre's clients");
}
