//! One client's screens drawn from demo data with a fixed clock and compared with snapshots:
//! the client form, the client page and its tabs, call mode, and the venture, next-step and
//! milestone forms; and what saving them writes.
mod common;

use common::now;
use common::screens::{ACTOR, demo_store, drawn, keys, started, typed};
use veileder::app::{App, Effect, Key, KeyCode, run_effects};
use veileder::store::{Clock, Store};

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
    let status = &app.status().unwrap().text;
    assert!(
        status.starts_with("Saved session") && status.ends_with(" min), 1 new step."),
        "{status}"
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
