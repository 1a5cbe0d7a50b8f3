//! `veileder serve` driven from Rust with a russh client, for what is easier to control byte by
//! byte than through the OpenSSH client: the session limit, a lone Esc against an arrow key,
//! bracketed paste and UTF-8, a window change, and a hang-up.
#![cfg(unix)]

mod common;
#[path = "../benches/support/ssh_client.rs"]
mod ssh_client;

use std::time::Duration;

use common::serve::{Centre, LIMIT};
use russh::keys::load_secret_key;
use ssh_client::{Terminal, login};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn the_session_limit_turns_the_next_advisor_away_with_a_reason() {
    let mut centre = Centre::new(0, "[serve]\nmax_sessions = 1\nauth_rejection_ms = 0\n");
    let ola = centre.advisor("ola", "advisor");
    let kari = centre.advisor("kari", "advisor");
    centre.serve();
    let port = centre.port;
    runtime().block_on(async {
        let mut first = Terminal::open(port, "ola", load_secret_key(&ola, None).unwrap(), 80, 24)
            .await
            .unwrap();
        first.wait_for("Clients", LIMIT).await.unwrap();
        let mut second =
            Terminal::open(port, "kari", load_secret_key(&kari, None).unwrap(), 80, 24)
                .await
                .unwrap();
        second.wait_for("1 session open", LIMIT).await.unwrap();
        second.wait_closed(LIMIT).await.unwrap();
        assert!(!second.text().contains("Clients"), "no TUI for the second");
        // The first quits; now there is room again.
        first.send(b"q").await.unwrap();
        first.wait_closed(LIMIT).await.unwrap();
        let mut third = Terminal::open(port, "kari", load_secret_key(&kari, None).unwrap(), 80, 24)
            .await
            .unwrap();
        third.wait_for("Clients", LIMIT).await.unwrap();
    });
}

#[test]
fn keys_arrive_whole_a_lone_esc_leaves_and_a_paste_is_typed() {
    let mut centre = Centre::new(0, "[serve]\nauth_rejection_ms = 0\n");
    let ola = centre.advisor("ola", "advisor");
    centre.veileder(&["client", "add", "Amina Yusuf", "--advisor", "ola"]);
    centre.veileder(&["client", "add", "Zainab Quraishi", "--advisor", "ola"]);
    centre.serve();
    let port = centre.port;
    runtime().block_on(async {
        let key = load_secret_key(&ola, None).unwrap();
        let mut term = Terminal::open(port, "ola", key, 100, 30).await.unwrap();
        // The frame skips blank cells, so waits look for single words.
        term.wait_for("Quraishi", LIMIT).await.unwrap();
        // Down in one read, then up split across two reads: back on the first client, so the
        // split sequence was not taken for Esc and two typed keys.
        term.send(b"\x1b[B").await.unwrap();
        term.send(b"\x1b").await.unwrap();
        term.send(b"[A").await.unwrap();
        term.send(b"c").await.unwrap();
        term.wait_for("Call", LIMIT).await.unwrap();
        term.wait_for("Amina", LIMIT).await.unwrap();
        // A paste, with Norwegian letters, goes into the note as typed.
        term.send("\x1b[200~Søknad om lån\x1b[201~".as_bytes())
            .await
            .unwrap();
        term.wait_for("Søknad", LIMIT).await.unwrap();
        term.wait_for("lån", LIMIT).await.unwrap();
        // A lone Esc, with nothing after it, leaves call mode and keeps the draft.
        term.send(b"\x1b").await.unwrap();
        term.wait_for("kept", LIMIT).await.unwrap();
        // A smaller window: the screen is cleared and drawn down to its new last row.
        term.catch_up().await;
        term.resize(60, 20).await.unwrap();
        term.wait_for("\x1b[2J", LIMIT).await.unwrap();
        term.wait_for("\x1b[20;", LIMIT).await.unwrap();
        assert!(!term.text()[term.text().rfind("\x1b[2J").unwrap()..].contains("\x1b[21;"));
        term.hang_up().await;
    });
    // The server is still well after the hang-up, and says so to the next login.
    runtime().block_on(async {
        let key = load_secret_key(&ola, None).unwrap();
        let again = login(port, "ola", key).await.unwrap();
        assert!(again.is_some(), "the server still accepts ola");
    });
    std::thread::sleep(Duration::from_millis(100));
    assert!(centre.stop());
}

#[test]
fn the_same_advisor_twice_gets_one_editor_per_client_and_the_draft_stays_whole() {
    let mut centre = Centre::new(0, "[serve]\nauth_rejection_ms = 0\n");
    let ola = centre.advisor("ola", "advisor");
    centre.veileder(&["client", "add", "Amina Yusuf", "--advisor", "ola"]);
    centre.serve();
    let port = centre.port;
    runtime().block_on(async {
        let key = || load_secret_key(&ola, None).unwrap();
        let mut laptop = Terminal::open(port, "ola", key(), 100, 30).await.unwrap();
        let mut phone = Terminal::open(port, "ola", key(), 100, 30).await.unwrap();
        laptop.wait_on_screen("Amina", LIMIT).await.unwrap();
        phone.wait_on_screen("Amina", LIMIT).await.unwrap();
        laptop.send(b"c").await.unwrap();
        laptop.wait_on_screen("Note", LIMIT).await.unwrap();
        laptop.send("Lånesøknad".as_bytes()).await.unwrap();
        laptop.wait_on_screen("Lånesøknad", LIMIT).await.unwrap();
        // The second session is told where the call is, in one line, and gets no editor.
        phone.catch_up().await;
        phone.send(b"c").await.unwrap();
        phone.wait_on_screen("session;", LIMIT).await.unwrap();
        let shown = phone.screen();
        assert!(!shown.contains("Note"), "no second editor:\n{shown}");
        // Once the first leaves call mode (the draft kept), the second resumes that draft.
        laptop.send(b"\x1b").await.unwrap();
        // The status line that says so (not the call screen's "leave (draft kept)" hint) is
        // drawn after the session noted it left call mode.
        laptop.wait_on_screen("Draft kept;", LIMIT).await.unwrap();
        phone.send(b"c").await.unwrap();
        // The note is drawn above the status line that says the draft came back.
        phone.wait_on_screen("Lånesøknad", LIMIT).await.unwrap();
        phone.wait_on_screen("restored", LIMIT).await.unwrap();
    });
}
