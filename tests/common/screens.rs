//! Screens driven as an advisor drives them: a demo centre in a fresh database, the app started
//! on it, keys fed through their effects, and the screen drawn on a `TestBackend`.
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;
use veileder::app::{App, Key, run_effects};
use veileder::config::Config;
use veileder::store::{Clock, Store};
use veileder::ui;

use super::{demo_document, now};

pub const ACTOR: &str = "kari";

/// A demo centre of `clients` clients in a fresh database.
pub fn demo_store(clients: usize) -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("demo.redb"), "screens test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    store
        .import_document("demo", &demo_document(clients), false)
        .unwrap();
    (dir, store)
}

/// The app with the default config, started on `store` in a terminal of the given size.
pub fn started(store: &Store, width: u16, height: u16) -> App {
    started_with(store, &Config::default(), width, height)
}

pub fn started_with(store: &Store, config: &Config, width: u16, height: u16) -> App {
    let mut app = App::new(config, ACTOR, store.clock(), false).unwrap();
    app.resize(width, height);
    let first = app.start();
    assert!(run_effects(&mut app, store, first));
    app
}

/// Presses `keys` one after another, running what each asks for.
pub fn keys(app: &mut App, store: &Store, keys: &[Key]) {
    for key in keys {
        let effect = app.handle_key(*key);
        run_effects(app, store, effect);
    }
}

pub fn typed(text: &str) -> Vec<Key> {
    text.chars().map(Key::char).collect()
}

pub fn drawn(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal
}
