//! The forms driven through the App as a user would: keys in, fields, errors and effects out.
use chrono::{DateTime, TimeZone, Utc};

use crate::app::screens::{Context, FormScreen, Screen};
use crate::app::{App, Effect, Key, KeyCode, Outcome, Popup};
use crate::config::Config;
use crate::domain::{Client, Gender, NextStep, Owner};
use crate::i18n::Lang;
use crate::store::{ClientSummary, Clock};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn summary(id: u64, name: &str, phone: &str, email: &str) -> ClientSummary {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": name, "phone": phone, "email": email,
        "advisor": "ola", "created_at": now().timestamp(),
    }))
    .unwrap()
}

fn loaded() -> App {
    let mut app = App::new(&Config::default(), "kari", Clock::Fixed(now()), false).unwrap();
    app.start();
    app.receive(Outcome::Clients(vec![
        summary(12, "Amira Haddad", "+47 912 34 567", "amira@example.no"),
        summary(13, "Nguyễn Thị Lan", "", "lan@example.no"),
    ]));
    app
}

fn form(app: &App) -> &FormScreen {
    match app.screen() {
        Screen::Form(f) => f,
        other => panic!("not a form: {other:?}"),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        assert_eq!(app.handle_key(Key::char(c)), None);
    }
}

fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    app.handle_key(Key::plain(code))
}

/// The shown error of the field labelled `label`, if any.
fn error(app: &App, label: &str) -> Option<String> {
    let form = form(app);
    let field = form
        .fields()
        .iter()
        .find(|f| crate::i18n::field(Lang::En, f.name).0 == label)
        .unwrap();
    form.shows_error(field)
        .then(|| field.error.clone().unwrap())
}

fn new_client_form() -> App {
    let mut app = loaded();
    assert_eq!(app.handle_key(Key::char('a')), None);
    assert_eq!(Lang::En.t(form(&app).title()), "New client");
    app
}

#[test]
fn typing_edits_the_focused_field_and_errors_come_and_go() {
    let mut app = new_client_form();
    type_text(&mut app, "Leyla Ahmadi q");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(form(&app).fields()[0].value(), "Leyla Ahmadi");
    assert_eq!(error(&app, "Phone"), None, "untouched fields show nothing");

    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "12");
    let shown = error(&app, "Phone").expect("a live error");
    assert!(shown.contains("has 2 digits"), "{shown}");
    assert!(
        shown.contains("5 to 15 digits"),
        "says what is accepted: {shown}"
    );
    type_text(&mut app, "345");
    assert_eq!(error(&app, "Phone"), None);

    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "2020");
    assert!(
        error(&app, "Birth year")
            .unwrap()
            .contains("younger than 14")
    );
    app.handle_key(Key::ctrl('u'));
    type_text(&mut app, "19x5");
    assert!(error(&app, "Birth year").unwrap().contains("not a year"));
}

#[test]
fn choices_cycle_with_arrows_space_and_letters() {
    let mut app = new_client_form();
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let focused = form(&app).focused().unwrap().name;
    assert_eq!(crate::i18n::field(Lang::En, focused).0, "Gender");
    press(&mut app, KeyCode::Right);
    assert_eq!(form(&app).focused().unwrap().value(), "woman");
    type_text(&mut app, " ");
    assert_eq!(form(&app).focused().unwrap().value(), "man");
    type_text(&mut app, "o");
    assert_eq!(form(&app).focused().unwrap().value(), "other");
    press(&mut app, KeyCode::Left);
    assert_eq!(form(&app).focused().unwrap().value(), "man");
}

#[test]
fn save_with_errors_refuses_and_focuses_the_first_bad_field() {
    let mut app = new_client_form();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "not-an-address");
    assert_eq!(app.handle_key(Key::ctrl('s')), None);
    assert_eq!(form(&app).focus(), 0, "the empty name comes first");
    assert!(error(&app, "Name").unwrap().contains("is empty"));
    assert!(error(&app, "Email").unwrap().contains("has no @"));
    assert!(
        app.status()
            .unwrap()
            .text
            .starts_with("Not saved: name is empty")
    );
}

#[test]
fn save_returns_the_effect_with_the_record_and_closes() {
    let mut app = new_client_form();
    type_text(&mut app, " Leyla Ahmadi ");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "+47 400 00 000");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "w");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "arabic; farsi");
    let Some(Effect::SaveClient(client)) = app.handle_key(Key::ctrl('s')) else {
        panic!("no save effect");
    };
    assert!(matches!(app.screen(), Screen::Clients(_)));
    assert_eq!(client.id, 0);
    assert_eq!(client.name, "Leyla Ahmadi");
    assert_eq!(client.phone.as_deref(), Some("+47 400 00 000"));
    assert_eq!(client.gender, Gender::Woman);
    assert_eq!(client.languages, ["arabic", "farsi"]);
    assert_eq!(
        client.advisor.as_deref(),
        Some("kari"),
        "the actor by default"
    );
    assert_eq!(client.created_at, now());
}

#[test]
fn escape_asks_only_when_something_changed() {
    let mut app = new_client_form();
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert!(matches!(app.screen(), Screen::Clients(_)));

    let mut app = new_client_form();
    type_text(&mut app, "x");
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert!(matches!(app.popups(), [Popup::Confirm { .. }]));
    assert_eq!(app.handle_key(Key::char('n')), None);
    assert!(matches!(app.screen(), Screen::Form(_)), "n keeps the form");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.handle_key(Key::char('y')), Some(Effect::DiscardForm));
    assert_eq!(app.receive(Outcome::FormDiscarded), None);
    assert!(matches!(app.screen(), Screen::Clients(_)));
}

#[test]
fn a_lookalike_of_a_known_client_is_warned_about() {
    let mut app = new_client_form();
    type_text(&mut app, "amira  HADDAD");
    assert_eq!(
        form(&app).warning(),
        Some("Looks like Amira Haddad (id 12): same name")
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "912 34 567");
    assert_eq!(
        form(&app).warning(),
        Some("Looks like Amira Haddad (id 12): same name and phone")
    );
    app.handle_key(Key::ctrl('u'));
    press(&mut app, KeyCode::Up);
    app.handle_key(Key::ctrl('u'));
    assert_eq!(form(&app).warning(), None);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "LAN@example.no");
    assert_eq!(
        form(&app).warning(),
        Some("Looks like Nguyễn Thị Lan (id 13): same email")
    );
}

#[test]
fn edit_loads_the_record_and_saves_it_under_its_id() {
    let mut app = loaded();
    assert_eq!(app.handle_key(Key::char('e')), Some(Effect::EditClient(12)));
    let mut client = Client::new(12, "Amira Haddad", now());
    client.phone = Some("+47 912 34 567".into());
    assert_eq!(app.receive(Outcome::EditClient(Box::new(client))), None);
    assert_eq!(Lang::En.t(form(&app).title()), "Edit client");
    assert_eq!(
        form(&app).warning(),
        None,
        "no lookalike warning while editing"
    );
    press(&mut app, KeyCode::End);
    type_text(&mut app, "-Ali");
    let Some(Effect::SaveClient(saved)) = app.handle_key(Key::ctrl('s')) else {
        panic!("no save effect");
    };
    assert_eq!((saved.id, saved.name.as_str()), (12, "Amira Haddad-Ali"));
    assert_eq!(saved.advisor, None, "editing keeps the advisor as it was");
}

fn context() -> Context {
    Context {
        actor: "kari".into(),
        now: now(),
        today: now().date_naive(),
        page: 10,
        lang: Lang::En,
    }
}

#[test]
fn venture_form_checks_the_org_nr_and_offers_the_sectors() {
    let mut form = FormScreen::new_venture(12);
    form.opened(&context(), &["food".into(), "IT".into()]);
    assert_eq!(Lang::En.t(form.title()), "New venture");
    for c in "Amira's Kitchen".chars() {
        form.type_key(Key::char(c), 10);
    }
    form.update(crate::app::Action::NextField, 10);
    form.update(crate::app::Action::NextField, 10);
    form.type_key(Key::plain(KeyCode::Right), 10);
    assert_eq!(form.focused().unwrap().value(), "food");
    form.update(crate::app::Action::NextField, 10);
    form.update(crate::app::Action::NextField, 10);
    for c in "923609017".chars() {
        form.type_key(Key::char(c), 10);
    }
    let message = form.focused().unwrap().error.clone().unwrap();
    assert!(message.contains("MOD11"), "{message}");
    form.type_key(Key::plain(KeyCode::Backspace), 10);
    form.type_key(Key::char('6'), 10);
    assert_eq!(form.focused().unwrap().error, None);
    let crate::app::screens::Reply::Close(Some(Effect::SaveVenture(venture))) =
        form.update(crate::app::Action::Save, 10)
    else {
        panic!("no save effect");
    };
    assert_eq!(venture.client_id, 12);
    assert_eq!(venture.sector.as_deref(), Some("food"));
    assert_eq!(venture.org_nr.unwrap().to_string(), "923609016");
}

#[test]
fn step_form_edits_and_checks_the_due_date() {
    let step = NextStep {
        id: 4,
        client_id: 12,
        text: "send the budget".into(),
        owner: Owner::Client,
        due: None,
        done_on: None,
    };
    let mut form = FormScreen::edit_step(&step);
    form.opened(&context(), &[]);
    form.update(crate::app::Action::PrevField, 10);
    for c in "2026-02-30".chars() {
        form.type_key(Key::char(c), 10);
    }
    assert!(
        form.focused()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .contains("not a date")
    );
    assert!(matches!(
        form.update(crate::app::Action::Save, 10),
        crate::app::screens::Reply::Say(_)
    ));
    form.type_key(Key::ctrl('u'), 10);
    form.type_key(Key::char('1'), 10);
    assert!(form.focused().unwrap().error.is_some());
    form.type_key(Key::ctrl('u'), 10);
    let crate::app::screens::Reply::Close(Some(Effect::SaveNextStep(saved))) =
        form.update(crate::app::Action::Save, 10)
    else {
        panic!("no save effect");
    };
    assert_eq!(*saved, step);
}

#[test]
fn the_client_page_tabs_open_their_forms() {
    use crate::app::screens::{ClientPageData, PageTab};
    let step = NextStep {
        id: 4,
        client_id: 12,
        text: "call the bank".into(),
        owner: Owner::Advisor,
        due: None,
        done_on: None,
    };
    let data = ClientPageData {
        client: Client::new(12, "Amira Haddad", now()),
        sessions: Vec::new(),
        steps: vec![step],
        ventures: Vec::new(),
        milestones: Vec::new(),
        focus: None,
    };
    let title = |tab, add, index| {
        FormScreen::from_page(tab, add, &data, index).map(|f| Lang::En.t(f.title()))
    };
    assert_eq!(title(PageTab::Ventures, true, 0), Some("New venture"));
    assert_eq!(
        title(PageTab::Ventures, false, 0),
        None,
        "no venture to edit"
    );
    assert_eq!(title(PageTab::Steps, false, 0), Some("Edit next step"));
    assert_eq!(title(PageTab::Steps, true, 0), Some("New next step"));
    assert_eq!(title(PageTab::Profile, false, 0), Some("Edit client"));
    assert_eq!(title(PageTab::Sessions, true, 0), None);
}

#[test]
fn a_save_says_what_was_saved_and_reloads() {
    let mut app = loaded();
    let saved = crate::app::effect::Saved {
        client_id: 301,
        message: "Added client Amira Haddad (id 301)".into(),
    };
    assert_eq!(
        app.receive(Outcome::Saved(saved)),
        Some(Effect::LoadClients)
    );
    assert_eq!(
        app.status().unwrap().text,
        "Added client Amira Haddad (id 301)"
    );
}
