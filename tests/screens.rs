//! The top-level screens (clients, agenda, search, reports, audit, help, first run) drawn on a
//! `TestBackend` from demo data with a fixed clock, compared with snapshots; and random keys at
//! random sizes, which must never panic.
mod common;

use common::now;
use common::screens::{demo_store, drawn, keys, started, typed};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;
use veileder::app::{App, Effect, Key, KeyCode, Screen, run_effects};
use veileder::store::{Clock, Store};
use veileder::ui;

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
    let chars = prop::sample::select(
        "jkgGqdyn/?mtfsu1234cxaehl ø王😀-"
            .chars()
            .collect::<Vec<_>>(),
    )
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
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::F(1),
    ])
    .prop_map(Key::plain);
    let ctrl = prop::sample::select(vec!['u', 'w', 's', 'e', 'n', 'o']).prop_map(Key::ctrl);
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

#[test]
fn agenda_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 80, 24);
    keys(&mut app, &store, &typed("2mjj"));
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn agenda_120x40() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 120, 40);
    keys(&mut app, &store, &typed("2mj"));
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn search_typed_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 80, 24);
    keys(&mut app, &store, &typed("3skatt"));
    keys(
        &mut app,
        &store,
        &[Key::plain(KeyCode::Down), Key::char('j')],
    );
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn search_typed_120x40() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store, 120, 40);
    keys(&mut app, &store, &typed("3budget"));
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

/// A client opened and left, then the audit screen: the opening is the newest entry.
fn audit(store: &Store, width: u16, height: u16, then: &[Key]) -> App {
    let mut app = started(store, width, height);
    keys(
        &mut app,
        store,
        &[Key::plain(KeyCode::Enter), Key::plain(KeyCode::Esc)],
    );
    keys(&mut app, store, &typed("5"));
    keys(&mut app, store, then);
    app
}

#[test]
fn audit_80x24() {
    let (_dir, store) = demo_store(60);
    let app = audit(&store, 80, 24, &typed("jj"));
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn audit_120x40() {
    let (_dir, store) = demo_store(60);
    let app = audit(&store, 120, 40, &[]);
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn audit_filtered_by_advisor_80x24() {
    let (_dir, store) = demo_store(60);
    let app = audit(&store, 80, 24, &typed("/kari"));
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

fn on_reports(store: &Store, width: u16, height: u16, then: &[Key]) -> App {
    let mut app = started(store, width, height);
    keys(&mut app, store, &typed("4"));
    keys(&mut app, store, then);
    app
}

#[test]
fn reports_figures_80x24() {
    let (_dir, store) = demo_store(60);
    let app = on_reports(&store, 80, 24, &[]);
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn reports_charts_120x40() {
    let (_dir, store) = demo_store(60);
    let app = on_reports(&store, 120, 40, &[Key::char('p'), Key::plain(KeyCode::Tab)]);
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn reports_warnings_80x24() {
    let (_dir, store) = demo_store(60);
    let app = on_reports(
        &store,
        80,
        24,
        &[Key::plain(KeyCode::BackTab), Key::char('j')],
    );
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn a_report_warning_opens_the_client_and_back_returns_to_the_report() {
    let (_dir, store) = demo_store(60);
    let mut app = on_reports(&store, 80, 24, &[Key::plain(KeyCode::BackTab)]);
    let Screen::Reports(reports) = app.screen() else {
        panic!("not on the reports screen")
    };
    let warning = reports.data().unwrap().report.warnings[0].clone();
    let name = store.client(warning.client_id).unwrap().unwrap().name;
    keys(&mut app, &store, &[Key::plain(KeyCode::Enter)]);
    let Screen::ClientPage(page) = app.screen() else {
        panic!("the warning did not open its client")
    };
    assert_eq!(page.data().client.name, name);
    keys(&mut app, &store, &[Key::plain(KeyCode::Esc)]);
    assert!(matches!(app.screen(), Screen::Reports(_)));
}

#[test]
fn the_report_on_show_is_exported_in_the_format_its_name_says() {
    let (dir, store) = demo_store(60);
    let mut app = on_reports(&store, 80, 24, &typed("p"));
    let path = dir.path().join("last-year.json");
    keys(&mut app, &store, &[Key::ctrl('s'), Key::ctrl('u')]);
    keys(&mut app, &store, &typed(&path.display().to_string()));
    keys(&mut app, &store, &[Key::plain(KeyCode::Enter)]);
    assert_eq!(
        app.status().unwrap().text,
        format!("Report written to {}.", path.display())
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let from = chrono::NaiveDate::from_ymd_opt(2025, 1, 1);
    let to = chrono::NaiveDate::from_ymd_opt(2025, 12, 31);
    let expected = veileder::report::compute(
        &store.report_input().unwrap(),
        veileder::report::Period::new(from, to).unwrap(),
        now().date_naive(),
    );
    assert_eq!(written, serde_json::to_value(expected).unwrap());

    keys(&mut app, &store, &[Key::ctrl('s'), Key::ctrl('u')]);
    keys(&mut app, &store, &typed("report.pdf"));
    keys(&mut app, &store, &[Key::plain(KeyCode::Enter)]);
    let status = app.status().unwrap();
    assert!(status.is_error && status.text.contains(".txt, .md, .csv or .json"));
}

#[test]
fn first_run_greets_with_what_to_do_first_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("new.redb"), "screens test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let mut app = started(&store, 80, 24);
    let screen = format!("{:?}", drawn(&app, 80, 24).backend());
    for way in ["press a", "veileder import clients.csv", "veileder --demo"] {
        assert!(screen.contains(way), "{way} missing:\n{screen}");
    }
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
    keys(&mut app, &store, &typed("a"));
    let form = format!("{:?}", drawn(&app, 80, 24).backend());
    assert!(form.contains("Name"), "a opens the client form:\n{form}");
}
