//! The client page driven through the App as a user would.
use chrono::{DateTime, Days, TimeZone, Utc};

use super::*;
use crate::app::{App, Screen};
use crate::config::Config;
use crate::domain::{Client, NextStep, Owner, Session, Venture};
use crate::store::{ClientSummary, Clock};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn session(id: u64, days_ago: u64, motivation: u8) -> Session {
    Session {
        id,
        client_id: 1,
        advisor: "kari".into(),
        started_at: now() - Days::new(days_ago),
        minutes: Some(30),
        channel: Default::default(),
        topics: vec![],
        notes: format!("Session {id}\nMore."),
        motivation: Some(motivation),
        competence: [("finance".to_string(), motivation)].into(),
    }
}

fn data() -> ClientPageData {
    let step = |id, done| NextStep {
        id,
        client_id: 1,
        text: format!("step {id}"),
        owner: Owner::Client,
        due: Some(now().date_naive()),
        done_on: done,
    };
    ClientPageData {
        client: Client::new(1, "Amina Hassan", now()),
        sessions: vec![session(12, 1, 4), session(11, 30, 2)],
        steps: vec![step(21, None), step(22, Some(now().date_naive()))],
        ventures: vec![Venture {
            id: 31,
            client_id: 1,
            name: "Amina Catering".into(),
            kind: Default::default(),
            sector: None,
            stage: Default::default(),
            org_nr: None,
            stage_by_hand: false,
        }],
        milestones: vec![],
        focus: None,
    }
}

fn summary() -> ClientSummary {
    serde_json::from_value(serde_json::json!({
        "id": 1, "name": "Amina Hassan", "advisor": "kari", "created_at": now().timestamp(),
    }))
    .unwrap()
}

fn on_page() -> App {
    let mut app = App::new(&Config::default(), "kari", Clock::Fixed(now()), false).unwrap();
    app.receive(Outcome::Clients(vec![summary()]));
    assert_eq!(
        app.handle_key(Key::plain(KeyCode::Enter)),
        Some(Effect::OpenClient {
            id: 1,
            session: None
        })
    );
    assert_eq!(app.receive(Outcome::ClientPage(Box::new(data()))), None);
    app
}

fn page(app: &App) -> &ClientPageScreen {
    match app.screen() {
        Screen::ClientPage(page) => page,
        other => panic!("not on the client page: {other:?}"),
    }
}

#[test]
fn enter_opens_the_page_and_esc_returns_to_the_list() {
    let mut app = on_page();
    assert_eq!(page(&app).tab(), PageTab::Profile);
    assert_eq!(app.handle_key(Key::plain(KeyCode::Esc)), None);
    assert!(matches!(app.screen(), Screen::Clients(_)));
    let mut app = on_page();
    app.handle_key(Key::char('q'));
    assert!(matches!(app.screen(), Screen::Clients(_)));
}

#[test]
fn tab_and_arrows_cycle_the_tabs() {
    let mut app = on_page();
    let mut seen = vec![];
    for _ in 0..5 {
        app.handle_key(Key::plain(KeyCode::Tab));
        seen.push(page(&app).tab());
    }
    assert_eq!(
        seen,
        [
            PageTab::Sessions,
            PageTab::Progress,
            PageTab::Steps,
            PageTab::Ventures,
            PageTab::Profile
        ]
    );
    app.handle_key(Key::plain(KeyCode::BackTab));
    assert_eq!(page(&app).tab(), PageTab::Ventures);
    app.handle_key(Key::plain(KeyCode::Right));
    assert_eq!(page(&app).tab(), PageTab::Profile);
    app.handle_key(Key::char('h'));
    assert_eq!(page(&app).tab(), PageTab::Ventures);
}

#[test]
fn x_ticks_the_selected_step_and_the_page_reloads() {
    let mut app = on_page();
    for _ in 0..3 {
        app.handle_key(Key::plain(KeyCode::Tab));
    }
    app.handle_key(Key::char('j'));
    assert_eq!(app.handle_key(Key::char('x')), Some(Effect::ToggleStep(22)));
    let mut ticked = data().steps.swap_remove(1);
    ticked.done_on = None;
    assert_eq!(
        app.receive(Outcome::StepToggled(ticked)),
        Some(Effect::ReloadClient(1))
    );
    let mut changed = data();
    changed.steps.truncate(1);
    assert_eq!(
        app.receive(Outcome::ClientReloaded(Box::new(changed))),
        Some(Effect::LoadClients)
    );
    assert_eq!(page(&app).selected_in(PageTab::Steps), 0);
    assert_eq!(page(&app).tab(), PageTab::Steps);
}

#[test]
fn x_on_another_tab_goes_to_the_steps_and_a_second_x_ticks() {
    let mut app = on_page();
    assert_eq!(page(&app).tab(), PageTab::Profile);
    assert_eq!(app.handle_key(Key::char('x')), None);
    assert_eq!(page(&app).tab(), PageTab::Steps);
    assert_eq!(app.handle_key(Key::char('x')), Some(Effect::ToggleStep(21)));
}

#[test]
fn delete_asks_for_the_selected_item_and_reloads_the_page() {
    let mut app = on_page();
    app.handle_key(Key::plain(KeyCode::Tab));
    app.handle_key(Key::char('j'));
    assert_eq!(app.handle_key(Key::char('d')), None);
    assert_eq!(
        app.handle_key(Key::char('y')),
        Some(Effect::Delete {
            kind: Kind::Session,
            id: 11
        })
    );
}

#[test]
fn a_focused_session_opens_on_the_sessions_tab() {
    let mut focused = data();
    focused.focus = Some(11);
    let page = ClientPageScreen::new(focused, crate::i18n::Lang::En);
    assert_eq!(page.tab(), PageTab::Sessions);
    assert_eq!(page.selected_session().map(|s| s.id), Some(11));
}

#[test]
fn progress_pairs_first_and_latest() {
    let d = data();
    assert_eq!(
        d.motivation().iter().map(|(_, m)| *m).collect::<Vec<_>>(),
        [2, 4]
    );
    let finance = &d.competence(&[])[0];
    assert_eq!((finance.first, finance.latest), (2, 4));
}
