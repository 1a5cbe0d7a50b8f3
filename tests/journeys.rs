//! A phone follow-up as an advisor does it: keys → update → effects on a real database → draw.
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use veileder::app::{App, Key, KeyCode, run_effects};
use veileder::config::Config;
use veileder::domain::{Client, Owner};
use veileder::store::{Clock, Store};
use veileder::ui;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

struct Desk {
    _dir: tempfile::TempDir,
    store: Store,
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Desk {
    fn press(&mut self, key: Key) {
        let effect = self.app.handle_key(key);
        run_effects(&mut self.app, &self.store, effect);
        self.terminal.draw(|f| ui::draw(f, &self.app)).unwrap();
    }

    fn type_text(&mut self, text: &str) {
        text.chars().for_each(|c| self.press(Key::char(c)));
    }

    fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        let width = buffer.area.width as usize;
        buffer
            .content()
            .chunks(width)
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("centre.redb"), "journey")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    for (name, phone) in [
        ("Amina Hassan", "+47 901 11 111"),
        ("Zainab Quraishi", "+47 902 22 222"),
        ("Olena Kovalenko", "+47 903 33 333"),
    ] {
        let mut c = Client::new(0, name, now() - Duration::days(90));
        c.phone = Some(phone.into());
        c.advisor = Some("kari".into());
        store.add_client("kari", c).unwrap();
    }
    let mut app = App::new(&Config::default(), "kari", store.clock(), false).unwrap();
    app.resize(80, 24);
    let first = app.start();
    run_effects(&mut app, &store, first);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    Desk {
        _dir: dir,
        store,
        app,
        terminal,
    }
}

#[test]
fn a_phone_follow_up_from_three_letters_to_the_timeline_and_the_agenda() {
    let mut d = desk();
    let mut keys_beyond_text = 0;
    let mut act = |d: &mut Desk, key: Key| {
        keys_beyond_text += 1;
        d.press(key);
    };

    act(&mut d, Key::char('/'));
    d.type_text("qur");
    assert!(d.screen().contains("Zainab Quraishi"));
    act(&mut d, Key::plain(KeyCode::Esc));
    act(&mut d, Key::char('c'));
    assert!(
        d.screen().contains("Zainab Quraishi"),
        "call mode names the client:\n{}",
        d.screen()
    );
    d.type_text("Permit arrived. She opens the tailoring shop in March.");
    act(&mut d, Key::new(KeyCode::Char('4'), false, true, false));
    act(&mut d, Key::ctrl('n'));
    d.type_text("Send the budget to the bank");
    act(&mut d, Key::plain(KeyCode::Tab));
    d.type_text("+3d");
    act(&mut d, Key::ctrl('s'));
    assert!(
        keys_beyond_text <= 8,
        "the follow-up took {keys_beyond_text} keys beyond the typing"
    );
    assert!(d.screen().contains("Saved session"), "{}", d.screen());

    let zainab = d.store.resolve_client("Zainab Quraishi").unwrap();
    let sessions = d.store.sessions_of(zainab.id).unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(
        sessions[0].notes,
        "Permit arrived. She opens the tailoring shop in March."
    );
    assert_eq!(sessions[0].motivation, Some(4));
    let steps = d.store.next_steps_of(zainab.id).unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].text, "Send the budget to the bank");
    assert_eq!(steps[0].owner, Owner::Client);
    assert_eq!(steps[0].due, NaiveDate::from_ymd_opt(2026, 11, 30));
    assert!(
        d.store.draft(zainab.id, "kari").unwrap().is_none(),
        "the draft is gone once saved"
    );

    // The timeline on the client page.
    d.press(Key::plain(KeyCode::Enter));
    d.press(Key::plain(KeyCode::Tab));
    let page = d.screen();
    assert!(
        page.contains("Sessions 1") && page.contains("Permit arrived"),
        "{page}"
    );

    // The agenda, this week.
    d.press(Key::plain(KeyCode::Esc));
    d.press(Key::char('2'));
    let agenda = d.screen();
    assert!(
        agenda.contains("Send the budget to the bank") && agenda.contains("2026-11-30"),
        "{agenda}"
    );
}

#[test]
fn leaving_call_mode_keeps_the_draft_and_c_brings_it_back() {
    let mut d = desk();
    d.press(Key::char('c'));
    d.type_text("Half a thought about the lease");
    d.press(Key::plain(KeyCode::Esc));
    let amina = d.store.resolve_client("Amina Hassan").unwrap();
    let draft = d
        .store
        .draft(amina.id, "kari")
        .unwrap()
        .expect("a draft after Esc");
    assert_eq!(draft.notes, "Half a thought about the lease");
    d.press(Key::char('c'));
    assert!(
        d.screen().contains("Half a thought about the lease"),
        "{}",
        d.screen()
    );
}

#[test]
fn on_a_read_only_database_a_call_is_typed_but_nothing_is_written() {
    let d = desk();
    let path = d.store.path().to_path_buf();
    let amina = d.store.resolve_client("Amina Hassan").unwrap();
    drop(d.store);
    // Opened to read only, as beside a server or on a file this user may not write.
    let store = Store::open_following(&path)
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let mut d = Desk { store, ..d };
    d.app.set_read_only(d.store.read_only().is_some());
    d.press(Key::plain(KeyCode::Esc));
    assert!(
        d.screen().lines().next().unwrap().contains("read-only"),
        "{}",
        d.screen()
    );
    d.press(Key::char('c'));
    assert!(
        d.screen().contains("this call can be typed, not saved"),
        "{}",
        d.screen()
    );
    d.type_text("Half a thought about the lease");
    let effect = d.app.tick();
    assert!(effect.is_some(), "call mode asks to write its draft");
    run_effects(&mut d.app, &d.store, effect);
    d.press(Key::plain(KeyCode::Esc));
    assert!(
        d.screen().contains("the draft was not kept"),
        "{}",
        d.screen()
    );
    assert_eq!(d.store.draft(amina.id, "kari").unwrap(), None);
}
