//! A client with one of everything: each count on the screens reads in its one form, in
//! English and in bokmål ("1 session", "1 open step", "1 rating", "1 job"; "1 samtale" …).
mod common;

use chrono::NaiveDate;
use common::screens::{drawn, keys, started_with};
use common::{TempStore, client, session, temp_store};
use veileder::app::{App, Effect, Key, KeyCode, run_effects};
use veileder::config::Config;
use veileder::domain::{Milestone, MilestoneKind, Owner, PendingStep, Stage, Venture, VentureKind};
use veileder::i18n::Lang;
use veileder::store::CallOutcome;

const WIDTH: u16 = 80;
const HEIGHT: u16 = 24;

/// One client with one session (rated), one open step and one venture that hired one person.
fn one_of_each() -> (TempStore, u64) {
    let t = temp_store();
    let c = client(&t.store, "Yonas Tesfay");
    let outcome = CallOutcome {
        new_steps: vec![PendingStep {
            text: "Book meeting with the bank".into(),
            owner: Owner::Advisor,
            due: NaiveDate::from_ymd_opt(2026, 12, 1),
        }],
        ticked: vec![],
    };
    let first = session(c.id, 3, "bakery plan", Some(3));
    t.store.add_session("kari", first, &outcome, None).unwrap();
    let venture = Venture {
        id: 0,
        client_id: c.id,
        name: "Asmara Bakery".into(),
        kind: VentureKind::New,
        sector: None,
        stage: Stage::Idea,
        org_nr: None,
        stage_by_hand: false,
    };
    let v = t.store.add_venture("kari", venture).unwrap();
    let hired = Milestone {
        id: 0,
        client_id: c.id,
        venture_id: v.id,
        kind: MilestoneKind::Hired,
        date: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        amount_nok: None,
        jobs: Some(1),
        note: None,
    };
    t.store.add_milestone("kari", hired).unwrap();
    (t, c.id)
}

fn screen(app: &App) -> String {
    format!("{:?}", drawn(app, WIDTH, HEIGHT).backend())
}

/// The clients screen, then the client page's progress and ventures tabs, as text.
fn screens_in(lang: Lang) -> [String; 3] {
    let (t, id) = one_of_each();
    let config = Config {
        language: Some(lang),
        ..Config::default()
    };
    let mut app = started_with(&t.store, &config, WIDTH, HEIGHT);
    let clients = screen(&app);
    let open = Some(Effect::OpenClient { id, session: None });
    run_effects(&mut app, &t.store, open);
    let tab = Key::plain(KeyCode::Tab);
    keys(&mut app, &t.store, &[tab, tab]);
    let progress = screen(&app);
    keys(&mut app, &t.store, &[tab, tab]);
    let ventures = screen(&app);
    [clients, progress, ventures]
}

#[test]
fn one_session_step_rating_and_job_read_in_the_one_form_in_english() {
    let [clients, progress, ventures] = screens_in(Lang::En);
    assert!(clients.contains(" · 1 open step · "), "{clients}");
    assert!(
        clients.contains(" · 1 session · last contact "),
        "{clients}"
    );
    assert!(progress.contains(" · 1 rating "), "{progress}");
    assert!(ventures.contains(" · 1 job"), "{ventures}");
    for screen in [clients, progress, ventures] {
        assert!(!screen.contains("1 sessions") && !screen.contains("1 ratings"));
    }
}

#[test]
fn one_session_step_rating_and_job_read_in_the_one_form_in_bokmal() {
    let [clients, progress, ventures] = screens_in(Lang::Nb);
    assert!(clients.contains(" · 1 åpent steg · "), "{clients}");
    assert!(
        clients.contains(" · 1 samtale · siste kontakt "),
        "{clients}"
    );
    assert!(progress.contains(" · 1 vurdering "), "{progress}");
    assert!(ventures.contains(" · 1 arbeidsplass"), "{ventures}");
}
