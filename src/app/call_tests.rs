//! Call mode driven as an advisor on the phone would: keys in, effects out.
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::screens::{CallBrief, CallScreen};
use super::*;
use crate::app::screens::call_fields::Focus;
use crate::config::Config;
use crate::domain::{Channel, Client, Draft, NextStep, Owner, PendingStep};
use crate::store::{ClientSummary, Clock};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn client() -> Client {
    serde_json::from_value(serde_json::json!({
        "id": 7, "name": "Amina Hassan", "created_at": "2025-01-01T00:00:00Z",
        "pinned": "Prefers calls after 15:00",
    }))
    .unwrap()
}

fn summary() -> ClientSummary {
    serde_json::from_value(serde_json::json!({
        "id": 7, "name": "Amina Hassan", "advisor": "kari", "created_at": now().timestamp(),
    }))
    .unwrap()
}

fn brief(draft: Option<Draft>) -> CallBrief {
    CallBrief {
        client: client(),
        summary: None,
        last_session: None,
        open_steps: vec![NextStep {
            id: 40,
            client_id: 7,
            text: "call the bank".into(),
            owner: Owner::Client,
            due: None,
            done_on: None,
        }],
        draft,
    }
}

fn app_at(at: DateTime<Utc>) -> App {
    App::new(&Config::default(), "kari", Clock::Fixed(at), false).unwrap()
}

fn in_call(app: &mut App) -> &CallScreen {
    match app.screen() {
        Screen::Call(call) => call,
        other => panic!("not in call mode: {:?}", other.tab()),
    }
}

fn alt(c: char) -> Key {
    Key::new(KeyCode::Char(c), false, true, false)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(Key::char(c));
    }
}

/// The keys of a phone follow-up, beyond the letters of the name and the text typed.
fn follow_up_keys() -> Vec<Key> {
    vec![
        Key::char('/'),
        Key::plain(KeyCode::Esc),
        Key::char('c'),
        alt('4'),
        Key::ctrl('n'),
        Key::plain(KeyCode::Tab),
        Key::ctrl('s'),
    ]
}

#[test]
fn a_phone_follow_up_takes_seven_keys_beyond_what_is_typed() {
    let keys = follow_up_keys();
    assert_eq!(keys.len(), 7);
    let mut app = app_at(now());
    app.start();
    app.receive(Outcome::Clients(vec![summary()]));
    assert_eq!(app.handle_key(keys[0]), None);
    type_text(&mut app, "amin");
    app.handle_key(keys[1]);
    assert_eq!(app.handle_key(keys[2]), Some(Effect::StartCall(7)));
    assert_eq!(app.receive(Outcome::CallReady(Box::new(brief(None)))), None);
    type_text(&mut app, "Budget done.");
    app.handle_key(keys[3]);
    app.handle_key(keys[4]);
    type_text(&mut app, "send budget");
    app.handle_key(keys[5]);
    type_text(&mut app, "+3d");
    let Some(Effect::SaveCall {
        session,
        new_steps,
        ticked,
    }) = app.handle_key(keys[6])
    else {
        panic!("ctrl-s did not save");
    };
    assert_eq!(session.client_id, 7);
    assert_eq!(session.advisor, "kari");
    assert_eq!(session.notes, "Budget done.");
    assert_eq!(session.motivation, Some(4));
    assert_eq!(session.channel, Channel::Phone);
    assert_eq!(session.minutes, Some(1));
    assert_eq!(
        new_steps,
        vec![PendingStep {
            text: "send budget".into(),
            owner: Owner::Client,
            due: NaiveDate::from_ymd_opt(2026, 11, 30),
        }]
    );
    assert!(ticked.is_empty());
}

#[test]
fn alt_keys_jump_to_the_far_fields_from_the_note() {
    let mut app = app_at(now());
    app.receive(Outcome::CallReady(Box::new(brief(None))));
    type_text(&mut app, "note");
    app.handle_key(alt('x'));
    type_text(&mut app, "x");
    app.handle_key(alt('k'));
    assert_eq!(in_call(&mut app).focus(), Focus::Competence);
    app.handle_key(alt('t'));
    assert_eq!(in_call(&mut app).focus(), Focus::Topics);
    let Some(Effect::SaveCall {
        ticked, session, ..
    }) = app.handle_key(Key::ctrl('s'))
    else {
        panic!("not saved");
    };
    assert_eq!(ticked, vec![40], "alt-x then x ticks the first open step");
    assert_eq!(session.notes, "note", "the alt keys type nothing");
}

#[test]
fn enter_is_a_new_line_and_x_ticks_an_open_step() {
    let mut app = app_at(now());
    app.receive(Outcome::CallReady(Box::new(brief(None))));
    type_text(&mut app, "one");
    app.handle_key(Key::plain(KeyCode::Enter));
    type_text(&mut app, "two q");
    assert_eq!(in_call(&mut app).notes(), "one\ntwo q");
    for _ in 0..6 {
        app.handle_key(Key::plain(KeyCode::Tab));
    }
    type_text(&mut app, "x");
    let Some(Effect::SaveCall { ticked, .. }) = app.handle_key(Key::ctrl('s')) else {
        panic!("not saved");
    };
    assert_eq!(ticked, vec![40]);
}

#[test]
fn a_bad_due_date_refuses_the_save_with_what_is_accepted() {
    let mut app = app_at(now());
    app.receive(Outcome::CallReady(Box::new(brief(None))));
    app.handle_key(Key::ctrl('n'));
    type_text(&mut app, "visit");
    app.handle_key(Key::plain(KeyCode::Tab));
    type_text(&mut app, "fredagx");
    assert_eq!(app.handle_key(Key::ctrl('s')), None);
    let status = app.status().unwrap().text.clone();
    assert!(status.contains("'fredagx' is not a date; +3d"), "{status}");
}

#[test]
fn tick_writes_the_draft_only_after_a_change() {
    let mut app = app_at(now());
    app.receive(Outcome::CallReady(Box::new(brief(None))));
    assert_eq!(app.tick(), None);
    type_text(&mut app, "hello");
    let Some(Effect::SaveDraft(draft)) = app.tick() else {
        panic!("no draft written");
    };
    assert_eq!(draft.notes, "hello");
    assert_eq!(draft.client_id, 7);
    assert_eq!(app.tick(), None);
    assert_eq!(app.pending_draft().map(|d| d.notes), Some("hello".into()));
}

#[test]
fn esc_keeps_the_draft_and_says_so() {
    let mut app = app_at(now());
    app.receive(Outcome::CallReady(Box::new(brief(None))));
    type_text(&mut app, "half a thought");
    let Some(Effect::KeepDraft(draft)) = app.handle_key(Key::plain(KeyCode::Esc)) else {
        panic!("draft not kept");
    };
    assert_eq!(draft.notes, "half a thought");
    assert!(matches!(app.screen(), Screen::Clients(_)));
    app.receive(Outcome::DraftKept);
    assert_eq!(app.status().unwrap().text, "Draft kept; c resumes it.");
}

#[test]
fn a_draft_comes_back_with_everything_and_the_timer_running_on() {
    let started = now() - Duration::minutes(5);
    let draft = Draft {
        client_id: 7,
        advisor: "kari".into(),
        started_at: started,
        updated_at: now() - Duration::minutes(1),
        notes: "Talked about\npremises".into(),
        channel: Channel::Video,
        topics: vec!["budget".into()],
        motivation: Some(2),
        competence: [("digital skills".to_string(), 3)].into(),
        new_steps: vec![PendingStep {
            text: "send plan".into(),
            owner: Owner::Advisor,
            due: None,
        }],
        ticked_steps: vec![40],
    };
    let mut app = app_at(now());
    app.receive(Outcome::CallReady(Box::new(brief(Some(draft.clone())))));
    assert!(app.status().unwrap().text.starts_with("Draft from "));
    let call = in_call(&mut app);
    assert_eq!(call.elapsed_seconds(), 300);
    assert_eq!(call.fields().channel, Channel::Video);
    let restored = call.pending_draft(now()).unwrap();
    assert_eq!(
        restored,
        Draft {
            updated_at: now(),
            ..draft
        }
    );
}
