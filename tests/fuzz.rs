//! Property tests over what comes from outside: any bytes into the CSV and JSON import parsers,
//! damaged versions of a valid document, and random key sequences into the app on every screen
//! (with each outcome performed on a real database and each frame drawn). None may panic.
mod common;

use chrono::NaiveDate;
use common::{client, now, session, temp_store};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use veileder::app::{App, Key, KeyCode, run_effects};
use veileder::config::Config;
use veileder::domain::{Client, PendingStep};
use veileder::i18n::Lang;
use veileder::store::{CallOutcome, Clock};
use veileder::transfer::csv_stream::{check_stream, replay};
use veileder::transfer::json::{check_document, parse_document};
use veileder::ui;

/// How many cases each property tries: `default`, or `VEILEDER_FUZZ_CASES` for a long run.
fn cases(default: u32) -> u32 {
    std::env::var("VEILEDER_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn today() -> NaiveDate {
    now().date_naive()
}

const VALID_DOC: &str = r#"{"format":"veileder","version":1,"exported_at":"2026-11-27T10:00:00Z",
"advisors":[{"username":"kari","name":"Kari","role":"advisor","keys":[]}],
"clients":[{"id":1,"name":"Amina Yusuf","gender":"woman","languages":["so"],"tags":[],
"advisor":"kari","status":"active","created_at":"2026-01-05T09:00:00Z"}],
"ventures":[],"sessions":[{"id":1,"client_id":1,"advisor":"kari",
"started_at":"2026-11-20T10:00:00Z","minutes":30,"channel":"phone","topics":["budget"],
"notes":"Budget for the food truck","motivation":4,"competence":{}}],
"next_steps":[{"id":1,"client_id":1,"text":"Send the budget","owner":"client",
"due":"2026-12-01","done_on":null}],"milestones":[]}"#;

/// The damaged documents start from one that imports, so the checks behind the parser are reached.
#[test]
fn the_document_to_damage_is_valid() {
    let doc = parse_document(VALID_DOC.as_bytes()).unwrap();
    assert_eq!(check_document(&doc, today()), Ok(()));
    assert_eq!(doc.sessions.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2000)))]

    #[test]
    fn csv_parser_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let open = || std::io::Result::Ok(bytes.as_slice());
        if let Ok(checked) = check_stream(&open, now(), Lang::En) {
            let _ = replay(&open, &checked, now(), Lang::En, |_| Ok::<(), ()>(()));
        }
    }

    #[test]
    fn csv_parser_survives_rows_of_any_text(
        header in prop::sample::subsequence(
            vec!["name", "phone", "email", "gender", "birth_year", "country", "languages",
                 "arrived_year", "tags", "status", "created_at", "consent_date",
                 "consent_purpose", "advisor", "bogus"], 1..8),
        rows in proptest::collection::vec(proptest::collection::vec(".{0,30}", 0..9), 0..6),
        separator in prop::sample::select(vec![",", ";"]),
    ) {
        let mut text = header.join(separator);
        for row in rows {
            text.push('\n');
            text.push_str(&row.join(separator));
        }
        let open = || std::io::Result::Ok(text.as_bytes());
        if let Ok(checked) = check_stream(&open, now(), Lang::En) {
            let refuse_nameless = |c: Client| if c.name.trim().is_empty() { Err(()) } else { Ok(()) };
            prop_assert!(replay(&open, &checked, now(), Lang::En, refuse_nameless).is_ok());
        }
    }

    #[test]
    fn json_parser_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(doc) = parse_document(&bytes) {
            let _ = check_document(&doc, today());
        }
    }

    #[test]
    fn json_parser_survives_a_damaged_document(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        let mut bytes = VALID_DOC.as_bytes().to_vec();
        for (at, byte, how) in edits {
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        if let Ok(doc) = parse_document(&bytes) {
            let _ = check_document(&doc, today());
        }
    }
}

fn key_strategy() -> impl Strategy<Value = Key> {
    let code = prop_oneof![
        4 => prop::sample::select(
            "abcdefgjkmnopqrstuvwxyzABG0123456789/?.,-+ æøåü\u{7f}".chars().collect::<Vec<_>>()
        ).prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace,
            KeyCode::Delete, KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right,
            KeyCode::Home, KeyCode::End, KeyCode::PageUp, KeyCode::PageDown, KeyCode::F(1),
        ]),
    ];
    (code, prop::bool::weighted(0.12), prop::bool::weighted(0.08))
        .prop_map(|(code, ctrl, alt)| Key::new(code, ctrl, alt, false))
}

/// Keys that open each screen first, so every sequence is tried everywhere.
fn opener_strategy() -> impl Strategy<Value = Vec<Key>> {
    prop::sample::select(vec![
        vec![],
        vec![Key::plain(KeyCode::Enter)],
        vec![Key::char('c')],
        vec![Key::char('2')],
        vec![Key::char('3'), Key::char('b')],
        vec![Key::char('a')],
        vec![Key::plain(KeyCode::Enter), Key::char('e')],
        vec![
            Key::plain(KeyCode::Enter),
            Key::plain(KeyCode::Tab),
            Key::char('a'),
        ],
        vec![Key::char('?')],
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(40)))]

    #[test]
    fn random_keys_on_every_screen_never_panic(
        opener in opener_strategy(),
        keys in proptest::collection::vec(key_strategy(), 1..60),
        size in prop::sample::select(vec![(80u16, 24u16), (100, 30), (40, 10), (200, 60)]),
        paste in proptest::option::of(".{0,200}"),
    ) {
        let t = temp_store();
        for name in ["Amina Yusuf", "Tomasz Nowak", "Nguyễn Thị Lan"] {
            let c = client(&t.store, name);
            let note = session(c.id, 3, "Budget and the lease", Some(3));
            let outcome = CallOutcome {
                new_steps: vec![PendingStep {
                    text: "Send the budget".into(),
                    owner: Default::default(),
                    due: Some(today()),
                }],
                ..CallOutcome::default()
            };
            t.store.add_session("kari", note, &outcome, None).unwrap();
        }
        let mut app = App::new(&Config::default(), "kari", Clock::Fixed(now()), false).unwrap();
        app.resize(size.0, size.1);
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        let first = app.start();
        run_effects(&mut app, &t.store, first);
        for (n, key) in opener.into_iter().chain(keys).enumerate() {
            let effect = app.handle_key(key);
            if !run_effects(&mut app, &t.store, effect) {
                break;
            }
            if n % 7 == 3 {
                if let Some(text) = &paste {
                    let effect = app.paste(text);
                    run_effects(&mut app, &t.store, effect);
                }
                let effect = app.tick();
                run_effects(&mut app, &t.store, effect);
            }
            terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
        }
        let store = t.store;
        prop_assert_eq!(store.check().unwrap(), vec![]);
    }
}
