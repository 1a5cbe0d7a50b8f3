//! Inert display: names, notes and imported fields carrying terminal control sequences are kept
//! as typed, and no escape, bell or C1 control ever reaches a terminal, from the shell or the TUI.
//! Also the TUI's privacy keys: access export, typed confirmation before erasure, consent
//! withdrawal offering erasure, retention in the agenda, and the warning about an exposed file.
mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::shell::Shell;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;
use veileder::app::screens::form_fields::FieldName;
use veileder::app::{App, Key, KeyCode, Popup, run_effects};
use veileder::config::Config;
use veileder::domain::{Advisor, Client, Role};
use veileder::i18n::Lang;
use veileder::store::{Clock, Store};
use veileder::transfer::csv_stream::{check_stream, replay};
use veileder::ui;

const HOSTILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.csv");

/// Bytes that act on a terminal: C0 controls but newline, DEL, and C1 controls in UTF-8.
fn acting(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .filter(|c| c.is_control() && *c != '\n')
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

#[test]
fn hostile_csv_is_stored_as_typed_and_printed_inert_everywhere() {
    let sh = Shell::new();
    sh.ok(&["import", HOSTILE]);
    sh.ok(&[
        "note",
        "1",
        "Hostile \u{1b}[2J note \u{1b}]0;x\u{7} here",
        "--minutes",
        "30",
    ]);
    let outputs = [
        sh.ok(&["client", "list"]),
        sh.ok(&["search", "hacker"]),
        sh.ok(&["search", "hostile"]),
        sh.ok(&["agenda", "--all"]),
        sh.ok(&["report", "--format", "text"]),
        sh.ok(&["report", "--format", "md"]),
        sh.ok(&["report", "--format", "csv"]),
        sh.ok(&["privacy", "export", "1", "--format", "text"]),
    ];
    for (i, out) in outputs.iter().enumerate() {
        assert_eq!(
            acting(out.as_bytes()),
            Vec::<String>::new(),
            "output {i}:\n{out}"
        );
    }
    assert!(outputs[0].contains("Evil␛[2J␛[H Hacker␇"), "{}", outputs[0]);
    assert!(outputs[1].contains("Hacker"), "{}", outputs[1]);
    assert!(outputs[4].contains("Nor␛]0;pwned␇way"), "{}", outputs[4]);
    assert!(outputs[7].contains("Hostile ␛[2J note"), "{}", outputs[7]);
    // Stored as typed: the JSON documents hold the very characters, escaped as JSON does.
    let doc: Value = serde_json::from_str(&sh.ok(&["privacy", "export", "1"])).unwrap();
    assert_eq!(doc["client"]["name"], "Evil\u{1b}[2J\u{1b}[H Hacker\u{7}");
    assert_eq!(doc["client"]["municipality"], "Oslo\u{9b}31m");
    assert_eq!(
        doc["sessions"][0]["notes"],
        "Hostile \u{1b}[2J note \u{1b}]0;x\u{7} here"
    );
    let whole = sh.ok(&["export"]);
    assert!(!whole.contains('\u{1b}') && whole.contains("\\u001b"));
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

struct Desk {
    dir: tempfile::TempDir,
    store: Store,
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Desk {
    fn new(actor: &str, config: &Config) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("centre.redb"), "test")
            .unwrap()
            .with_clock(Clock::Fixed(now()));
        store
            .put_advisor(
                "boss",
                Advisor {
                    username: "boss".into(),
                    name: "Boss".into(),
                    role: Role::Admin,
                    keys: vec![],
                },
            )
            .unwrap();
        let mut app = App::new(config, actor, store.clock(), false).unwrap();
        app.resize(100, 30);
        let terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        Desk {
            dir,
            store,
            app,
            terminal,
        }
    }

    fn start(&mut self) {
        let first = self.app.start();
        run_effects(&mut self.app, &self.store, first);
        self.draw();
    }

    fn draw(&mut self) {
        self.terminal.draw(|f| ui::draw(f, &self.app)).unwrap();
    }

    fn press(&mut self, key: Key) {
        let effect = self.app.handle_key(key);
        run_effects(&mut self.app, &self.store, effect);
        self.draw();
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

    fn add(&self, name: &str, days_ago: i64) -> Client {
        let mut c = Client::new(0, name, now() - Duration::days(days_ago));
        c.advisor = Some("boss".into());
        self.store.add_client("boss", c).unwrap()
    }
}

#[test]
fn no_escape_reaches_the_terminal_from_the_tui() {
    let mut d = Desk::new("boss", &Config::default());
    let open = || std::fs::File::open(HOSTILE);
    let checked = check_stream(&open, now(), Lang::En).unwrap();
    let mut importer = d.store.client_importer("boss").unwrap();
    let taken = replay(&open, &checked, now(), Lang::En, |c| {
        importer.add(c).map(drop)
    });
    assert!(taken.is_ok());
    importer.finish(false).unwrap();
    d.start();
    let mut screens = vec![d.screen()];
    d.press(Key::plain(KeyCode::Down));
    d.press(Key::plain(KeyCode::Enter));
    screens.push(d.screen());
    assert!(screens[1].contains("Hacker"), "{}", screens[1]);
    d.press(Key::char('e'));
    screens.push(d.screen());
    for (i, s) in screens.iter().enumerate() {
        assert_eq!(
            acting(s.as_bytes()),
            Vec::<String>::new(),
            "screen {i}:\n{s}"
        );
    }
    // A terminal that wrote the buffer out would see the same: render to a real byte stream.
    let mut bytes: Vec<u8> = Vec::new();
    for cell in d.terminal.backend().buffer().content() {
        bytes.extend_from_slice(cell.symbol().as_bytes());
    }
    assert!(!bytes.contains(&0x1b) && !bytes.contains(&0x07));
}

#[test]
fn erasing_from_the_client_page_needs_the_name_typed() {
    let mut d = Desk::new("boss", &Config::default());
    let c = d.add("Olena Kovalenko", 30);
    d.add("Amina Hassan", 30);
    d.start();
    d.app.update(veileder::app::Action::GoClients);
    let effect = d.app.handle_key(Key::char('/'));
    run_effects(&mut d.app, &d.store, effect);
    d.type_text("olena");
    d.press(Key::plain(KeyCode::Enter));
    assert!(d.screen().contains("Olena Kovalenko"));
    d.press(Key::char('X'));
    let said = d.app.status().unwrap().text.clone();
    assert!(
        said.starts_with("Access export of Olena Kovalenko: client-"),
        "{said}"
    );
    let export = d
        .dir
        .path()
        .join("exports")
        .join(format!("client-{}-2026-11-27.json", c.id));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    assert_eq!(doc["client"]["name"], "Olena Kovalenko");
    assert!(export.with_extension("txt").exists());

    d.press(Key::char('E'));
    assert!(matches!(
        d.app.popups().last(),
        Some(Popup::TypedConfirm { .. })
    ));
    assert!(d.screen().contains("Erase for good"), "{}", d.screen());
    d.type_text("Olena K");
    d.press(Key::plain(KeyCode::Enter));
    assert!(
        d.store.client(c.id).unwrap().is_some(),
        "a wrong name erases nothing"
    );
    d.type_text("ovalenko");
    d.press(Key::plain(KeyCode::Enter));
    assert!(d.store.client(c.id).unwrap().is_none());
    let said = d.app.status().unwrap().text.clone();
    assert_eq!(
        said,
        "Erased Olena Kovalenko for good: 0 sessions, 0 next steps, 0 ventures; \
         reports keep anonymous counts."
    );
    // Back on the list, still filtered by "olena": nobody matches now, one client is left.
    let screen = d.screen();
    assert!(
        screen.contains("No client matches this filter.") && screen.contains("0/1"),
        "{screen}"
    );
    let bytes = std::fs::read(d.store.path()).unwrap();
    assert!(!bytes.windows(8).any(|w| w == b"Kovalenk"));
}

#[test]
fn withdrawing_consent_in_the_form_offers_erasure_and_esc_keeps_the_client() {
    let mut d = Desk::new("boss", &Config::default());
    let mut c = d.add("Olena Kovalenko", 30);
    c.consent = Some(veileder::domain::Consent {
        date: now().date_naive() - Duration::days(20),
        purpose: "counselling".into(),
        withdrawn: None,
    });
    d.store.update_client("boss", c.clone()).unwrap();
    d.start();
    d.press(Key::plain(KeyCode::Enter));
    assert!(d.screen().contains("counselling"), "{}", d.screen());
    d.press(Key::char('e'));
    // Page down goes to the last field of the form: Withdrawn.
    d.press(Key::plain(KeyCode::PageDown));
    match d.app.screen() {
        veileder::app::Screen::Form(form) => {
            let focused = form.focused().map(|f| f.name);
            assert_eq!(focused, Some(FieldName::ConsentWithdrawn));
        }
        _ => panic!("not in the form: {}", d.screen()),
    }
    d.type_text("2026-11-20");
    d.press(Key::ctrl('s'));
    assert!(
        matches!(d.app.popups().last(), Some(Popup::TypedConfirm { .. })),
        "{}",
        d.screen()
    );
    assert!(d.screen().contains("Consent withdrawn"), "{}", d.screen());
    d.press(Key::plain(KeyCode::Esc));
    let kept = d.store.client(c.id).unwrap().unwrap();
    assert_eq!(
        kept.consent.unwrap().withdrawn,
        Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
    );
    assert!(
        d.screen().contains("withdrawn 2026-11-20"),
        "{}",
        d.screen()
    );
}

#[test]
fn the_agenda_lists_clients_past_retention_with_erasure_one_key_away() {
    let mut d = Desk::new("boss", &Config::default());
    let old = d.add("Gamle Gunnar", 6 * 366);
    d.add("Ny Nina", 10);
    d.start();
    d.press(Key::char('2'));
    d.press(Key::char('m'));
    let screen = d.screen();
    assert!(
        screen.contains("No contact for 5+ years: to erase (E erases) (1)"),
        "{screen}"
    );
    assert!(screen.contains("Gamle Gunnar"), "{screen}");
    d.press(Key::char('G'));
    d.press(Key::char('E'));
    d.type_text("gamle gunnar");
    d.press(Key::plain(KeyCode::Enter));
    assert!(d.store.client(old.id).unwrap().is_none());
    assert!(
        d.screen().contains("to erase (E erases) (0)"),
        "{}",
        d.screen()
    );
}

#[test]
fn a_database_others_can_read_is_warned_about_in_the_status_line() {
    let d = Desk::new("boss", &Config::default());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let path = d.store.path().to_path_buf();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let warning = veileder::privacy::exposure_warning(veileder::i18n::Lang::En, &path).unwrap();
        assert!(warning.contains("mode 640"), "{warning}");
        let mut app = App::new(&Config::default(), "boss", d.store.clock(), false).unwrap();
        app.warn(warning.clone());
        let first = app.start();
        run_effects(&mut app, &d.store, first);
        assert_eq!(app.status().unwrap().text, warning);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(
            veileder::privacy::exposure_warning(veileder::i18n::Lang::En, &path),
            None
        );
    }
}
