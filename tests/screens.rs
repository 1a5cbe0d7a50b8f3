//! Whole screens drawn on a `TestBackend` from demo data with a fixed clock, compared with
//! snapshots; and random keys at random sizes, which must never panic.
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;
use veileder::app::{App, Effect, Key, KeyCode, run_effects};
use veileder::config::Config;
use veileder::demo::{DemoOptions, generate};
use veileder::store::{Clock, Store};
use veileder::ui;

const ACTOR: &str = "kari";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

/// A demo centre of `clients` clients in a fresh database.
fn demo_store(clients: usize) -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("demo.redb"), "screens test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let config = Config::default();
    let doc = generate(&DemoOptions {
        clients,
        seed: 7,
        now: now(),
        competence_areas: config.competence_areas.clone(),
        topics: config.topics.clone(),
        sectors: config.sectors.clone(),
    });
    store.import_document("demo", &doc, false).unwrap();
    (dir, store)
}

fn started(store: &Store, width: u16, height: u16) -> App {
    let mut app = App::new(&Config::default(), ACTOR, store.clock(), false).unwrap();
    app.resize(width, height);
    let first = app.start();
    assert!(run_effects(&mut app, store, first));
    app
}

fn keys(app: &mut App, store: &Store, keys: &[Key]) {
    for key in keys {
        let effect = app.handle_key(*key);
        run_effects(app, store, effect);
    }
}

fn typed(text: &str) -> Vec<Key> {
    text.chars().map(Key::char).collect()
}

fn drawn(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal
}

#[test]
fn clients_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 80, 24);
    keys(&mut app, &store, &typed("jjj"));
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn clients_120x40() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 120, 40);
    keys(&mut app, &store, &typed("jjj"));
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn clients_filtered_by_typing() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 120, 40);
    keys(&mut app, &store, &typed("/ali"));
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn clients_mine_by_last_contact_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 80, 24);
    keys(&mut app, &store, &typed("ms"));
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn help_overlay() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 120, 40);
    keys(&mut app, &store, &typed("?"));
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn delete_asks_first_then_undo_brings_back() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 80, 24);
    keys(&mut app, &store, &typed("d"));
    insta::assert_snapshot!("confirm_delete_80x24", drawn(&app, 80, 24).backend());
    let before = store.client_summaries().unwrap().len();
    keys(&mut app, &store, &typed("y"));
    assert_eq!(store.client_summaries().unwrap().len(), before - 1);
    keys(&mut app, &store, &typed("u"));
    assert_eq!(store.client_summaries().unwrap().len(), before);
}

#[test]
fn too_small() {
    let (_dir, store) = demo_store(5);
    let app = started(&store, 59, 15);
    insta::assert_snapshot!(drawn(&app, 59, 15).backend());
}

#[derive(Debug, Clone)]
enum Event {
    Key(Key),
    Resize(u16, u16),
}

fn any_key() -> impl Strategy<Value = Key> {
    let chars = prop::sample::select("jkgGqdyn/?mtfsu1234cxae ø王😀-".chars().collect::<Vec<_>>())
        .prop_map(Key::char);
    let codes = prop::sample::select(vec![
        KeyCode::Esc,
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::F(1),
    ])
    .prop_map(Key::plain);
    let ctrl = prop::sample::select(vec!['u', 'w', 's', 'e']).prop_map(Key::ctrl);
    prop_oneof![4 => chars, 3 => codes, 1 => ctrl]
}

/// Any size from 1×1 to 300×100, mostly ordinary ones (large ones are slow to draw in debug).
fn any_size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![3 => (1u16..=130, 1u16..=45), 1 => (1u16..=300, 1u16..=100)]
}

fn any_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        9 => any_key().prop_map(Event::Key),
        1 => any_size().prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        (width, height) in any_size(),
        events in prop::collection::vec(any_event(), 0..16),
    ) {
        thread_local! {
            static STORE: (TempDir, Store) = demo_store(40);
        }
        STORE.with(|(_, store)| {
            let mut app = started(store, width, height);
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
            for event in events {
                match event {
                    Event::Key(key) => {
                        let effect = app.handle_key(key);
                        if effect != Some(Effect::Quit) {
                            run_effects(&mut app, store, effect);
                        }
                    }
                    Event::Resize(w, h) => {
                        app.resize(w, h);
                        terminal.backend_mut().resize(w, h);
                    }
                }
                terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
            }
        });
    }
}

#[test]
fn clients_at_the_minimum_size() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 60, 16);
    keys(&mut app, &store, &typed("G/a"));
    insta::assert_snapshot!(drawn(&app, 60, 16).backend());
}
