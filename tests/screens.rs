//! Whole screens drawn on a `TestBackend` from demo data with a fixed clock, compared with
//! snapshots; and random keys at random sizes, which must never panic.
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;
use veileder::app::{App, Effect, Key, KeyCode, Screen, run_effects};
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

fn client_form(store: &Store, width: u16, height: u16, typing: &[Key]) -> App {
    let mut app = started(store, width, height);
    keys(&mut app, store, &typed("a"));
    keys(&mut app, store, typing);
    app
}

/// Name, Tab, a phone too short: the error stands beside the phone.
fn bad_phone() -> Vec<Key> {
    let mut typing = typed("Leyla Ahmadi");
    typing.push(Key::plain(KeyCode::Tab));
    typing.extend(typed("12a"));
    typing
}

/// The name of a demo client, typed again in other case.
fn lookalike(store: &Store) -> Vec<Key> {
    let known = store.client_summaries().unwrap().remove(0);
    typed(&known.name.to_uppercase())
}

#[test]
fn client_form_empty_80x24() {
    let (_dir, store) = demo_store(60);
    let app = client_form(&store, 80, 24, &[]);
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn client_form_empty_120x40() {
    let (_dir, store) = demo_store(60);
    let app = client_form(&store, 120, 40, &[]);
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn client_form_error_beside_field_80x24() {
    let (_dir, store) = demo_store(60);
    let app = client_form(&store, 80, 24, &bad_phone());
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn client_form_error_beside_field_120x40() {
    let (_dir, store) = demo_store(60);
    let app = client_form(&store, 120, 40, &bad_phone());
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn client_form_lookalike_warning_80x24() {
    let (_dir, store) = demo_store(60);
    let typing = lookalike(&store);
    let app = client_form(&store, 80, 24, &typing);
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn client_form_lookalike_warning_120x40() {
    let (_dir, store) = demo_store(60);
    let typing = lookalike(&store);
    let app = client_form(&store, 120, 40, &typing);
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn client_form_saves_through_the_store() {
    let (_dir, store) = demo_store(20);
    let mut typing = typed("Amira Test-Haddad");
    typing.push(Key::ctrl('s'));
    let app = client_form(&store, 80, 24, &typing);
    let added = store
        .client_summaries()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Amira Test-Haddad")
        .expect("the new client is in the list");
    assert_eq!(added.advisor.as_deref(), Some(ACTOR));
    let status = app.status().unwrap().text.clone();
    assert_eq!(
        status,
        format!("Added client Amira Test-Haddad (id {})", added.id)
    );
    assert!(matches!(app.screen(), veileder::app::Screen::Clients(_)));
}

/// A demo client with a pinned note, sessions, open steps and a venture, on its page.
fn client_page(store: &Store, width: u16, height: u16) -> App {
    let mut app = started(store, width, height);
    let summaries = store.client_summaries().unwrap();
    let rich = |c: &&veileder::store::ClientSummary| {
        c.sessions >= 3 && c.open_steps > 0 && !c.ventures.is_empty()
    };
    let id = summaries
        .iter()
        .filter(rich)
        .find(|c| store.client(c.id).unwrap().unwrap().pinned.is_some())
        .or_else(|| summaries.iter().find(rich))
        .expect("a demo client with sessions, steps and a venture")
        .id;
    run_effects(
        &mut app,
        store,
        Some(Effect::OpenClient { id, session: None }),
    );
    app
}

#[test]
fn client_page_tabs() {
    let (_dir, store) = demo_store(60);
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = client_page(&store, width, height);
        for tab in ["profile", "sessions", "progress", "steps", "ventures"] {
            let name = format!("client_page_{tab}_{width}x{height}");
            insta::assert_snapshot!(name, drawn(&app, width, height).backend());
            keys(&mut app, &store, &[Key::plain(KeyCode::Tab)]);
        }
    }
}

#[test]
fn client_page_delete_reloads_the_page() {
    let (_dir, store) = demo_store(60);
    let mut app = client_page(&store, 80, 24);
    let sessions = |app: &App| match app.screen() {
        veileder::app::Screen::ClientPage(page) => page.data().sessions.len(),
        _ => panic!("not on the client page"),
    };
    let before = sessions(&app);
    keys(
        &mut app,
        &store,
        &[Key::plain(KeyCode::Tab), Key::char('d'), Key::char('y')],
    );
    assert_eq!(sessions(&app), before - 1);
    keys(&mut app, &store, &typed("u"));
    assert_eq!(sessions(&app), before);
    keys(&mut app, &store, &[Key::plain(KeyCode::Esc)]);
    assert!(matches!(app.screen(), veileder::app::Screen::Clients(_)));
}

/// Call mode on the selected demo client, a note, motivation and a next step typed in.
fn in_a_call(store: &Store, width: u16, height: u16) -> App {
    let mut app = started(store, width, height);
    keys(&mut app, store, &typed("jjc"));
    keys(
        &mut app,
        store,
        &typed("Called about the budget; the bank wants a plan."),
    );
    keys(
        &mut app,
        store,
        &[
            Key::new(KeyCode::Char('4'), false, true, false),
            Key::ctrl('n'),
        ],
    );
    keys(&mut app, store, &typed("send the budget"));
    keys(&mut app, store, &[Key::plain(KeyCode::Tab)]);
    keys(&mut app, store, &typed("+3d"));
    app
}

#[test]
fn call_mode_80x24() {
    let (_dir, store) = demo_store(60);
    let app = in_a_call(&store, 80, 24);
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());
}

#[test]
fn call_mode_120x40() {
    let (_dir, store) = demo_store(60);
    let app = in_a_call(&store, 120, 40);
    insta::assert_snapshot!(drawn(&app, 120, 40).backend());
}

#[test]
fn call_mode_saves_session_and_step_and_drops_the_draft() {
    let (_dir, store) = demo_store(60);
    let mut app = in_a_call(&store, 80, 24);
    let veileder::app::Screen::Call(call) = app.screen() else {
        panic!("not in call mode");
    };
    let id = call.brief().client.id;
    let sessions_before = store.sessions_of(id).unwrap().len();
    let effect = app.tick();
    assert!(matches!(effect, Some(Effect::SaveDraft(_))));
    run_effects(&mut app, &store, effect);
    assert!(store.draft(id, ACTOR).unwrap().is_some());
    keys(&mut app, &store, &[Key::ctrl('s')]);
    let sessions = store.sessions_of(id).unwrap();
    assert_eq!(sessions.len(), sessions_before + 1);
    assert_eq!(
        sessions[0].notes,
        "Called about the budget; the bank wants a plan."
    );
    assert_eq!(sessions[0].motivation, Some(4));
    assert!(store.next_steps_of(id).unwrap().iter().any(
        |s| s.text == "send the budget" && s.due.is_some_and(|d| d.to_string() == "2026-11-30")
    ));
    assert_eq!(store.draft(id, ACTOR).unwrap(), None);
    assert!(matches!(app.screen(), veileder::app::Screen::Clients(_)));
    assert!(
        app.status().unwrap().text.starts_with("Saved session"),
        "{:?}",
        app.status()
    );
}

/// The venture and next-step forms, opened with `e` and `a` on the client page's tabs, with a
/// wrong org number typed into the venture's.
#[test]
fn venture_and_step_forms() {
    let (_dir, store) = demo_store(60);
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = client_page(&store, width, height);
        let tab = Key::plain(KeyCode::Tab);
        keys(&mut app, &store, &[tab, tab, tab]);
        keys(&mut app, &store, &typed("a"));
        keys(&mut app, &store, &typed("Ring Skatteetaten"));
        let name = format!("next_step_form_{width}x{height}");
        insta::assert_snapshot!(name, drawn(&app, width, height).backend());
        keys(
            &mut app,
            &store,
            &[Key::plain(KeyCode::Esc), Key::char('y'), tab],
        );
        keys(&mut app, &store, &typed("a"));
        let mut typing = typed("Asmara Kaffe");
        typing.extend([tab, tab, tab, tab]);
        typing.extend(typed("923609017"));
        keys(&mut app, &store, &typing);
        let name = format!("venture_form_{width}x{height}");
        insta::assert_snapshot!(name, drawn(&app, width, height).backend());
    }
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
fn milestones_are_added_and_edited_on_the_ventures_tab_and_move_the_stage() {
    use veileder::domain::{Client, MilestoneKind, Stage, Venture};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("m.redb"), "screens test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let client = store
        .add_client(ACTOR, Client::new(0, "Amina Hassan", now()))
        .unwrap();
    let venture = store
        .add_venture(
            ACTOR,
            Venture {
                id: 0,
                client_id: client.id,
                name: "Amina Catering".into(),
                kind: Default::default(),
                sector: None,
                stage: Stage::Planning,
                org_nr: None,
                stage_by_hand: false,
            },
        )
        .unwrap();
    let mut app = started(&store, 80, 24);
    let open = Some(Effect::OpenClient {
        id: client.id,
        session: None,
    });
    run_effects(&mut app, &store, open);
    keys(
        &mut app,
        &store,
        &[Key::plain(KeyCode::Left), Key::char('M')],
    );
    keys(&mut app, &store, &[Key::ctrl('s')]);
    assert_eq!(
        app.status().unwrap().text,
        "Added milestone registered on 2026-11-27"
    );
    let stage = |store: &Store| store.venture(venture.id).unwrap().unwrap().stage;
    assert_eq!(stage(&store), Stage::Registered);

    // The milestone's row, then edit: the next kind, a new date.
    keys(
        &mut app,
        &store,
        &[Key::char('j'), Key::char('e'), Key::plain(KeyCode::Right)],
    );
    keys(
        &mut app,
        &store,
        &[Key::plain(KeyCode::Tab), Key::ctrl('u')],
    );
    keys(&mut app, &store, &typed("2026-11-02"));
    keys(&mut app, &store, &[Key::ctrl('s')]);
    let milestones = store.milestones_of(client.id).unwrap();
    assert_eq!(milestones.len(), 1);
    assert_eq!(milestones[0].kind, MilestoneKind::FirstSale);
    assert_eq!(milestones[0].date.to_string(), "2026-11-02");
    assert_eq!(stage(&store), Stage::Operating);
    insta::assert_snapshot!(drawn(&app, 80, 24).backend());

    // Funding without an amount is refused beside its field, and nothing is saved.
    keys(
        &mut app,
        &store,
        &[Key::char('M'), Key::plain(KeyCode::Left)],
    );
    keys(
        &mut app,
        &store,
        &[Key::plain(KeyCode::Left), Key::plain(KeyCode::Left)],
    );
    keys(&mut app, &store, &[Key::ctrl('s')]);
    assert!(
        app.status().unwrap().text.contains("whole kroner"),
        "{:?}",
        app.status()
    );
    assert_eq!(store.milestones_of(client.id).unwrap().len(), 1);
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
