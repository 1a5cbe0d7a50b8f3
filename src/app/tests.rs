//! The app driven as a user would: keys and effect outcomes in, state and effects out.
use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};

use super::screens::ClientsScreen;
use super::*;
use crate::config::Config;
use crate::domain::{Client, ClientStatus};
use crate::store::{ClientSummary, Clock, Kind, TrashEntry, Trashed};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// A summary with only what the list needs; read through serde so fields added later default.
fn summary(id: u64, name: &str, advisor: &str) -> ClientSummary {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": name, "advisor": advisor, "created_at": now().timestamp(),
    }))
    .unwrap()
}

fn people() -> Vec<ClientSummary> {
    let mut amina = summary(1, "Amina Hassan", "kari");
    amina.last_contact = Some(now() - Days::new(40));
    amina.next_due = Some((today() + Days::new(3), "send budget".into()));
    let mut nguyen = summary(2, "Nguyễn Thị Lan", "ola");
    nguyen.phone = Some("+47 912 34 567".into());
    nguyen.last_contact = Some(now() - Days::new(2));
    nguyen.next_due = Some((today() + Days::new(30), "visit".into()));
    let mut bjorn = summary(3, "Bjørn Ærø", "kari");
    bjorn.status = ClientStatus::Paused;
    bjorn.tags = vec!["catering".into()];
    let mut zainab = summary(4, "Zainab Omar", "ola");
    zainab.last_contact = Some(now() - Days::new(400));
    zainab.next_due = Some((today() - Days::new(5), "call bank".into()));
    vec![amina, nguyen, bjorn, zainab]
}

fn app() -> App {
    App::new(&Config::default(), "kari", Clock::Fixed(now()), false).unwrap()
}

fn loaded() -> App {
    let mut app = app();
    assert_eq!(app.start(), Some(Effect::LoadClients));
    assert_eq!(
        app.receive(Outcome::Clients(people())),
        Some(Effect::LoadPreview(1))
    );
    app
}

fn clients(app: &App) -> &ClientsScreen {
    match app.screen() {
        Screen::Clients(s) => s,
        other => panic!("not on the clients screen: {other:?}"),
    }
}

fn names(app: &App) -> Vec<String> {
    clients(app).shown(0, 100).map(|c| c.name.clone()).collect()
}

fn selected(app: &App) -> &str {
    clients(app).selected().map_or("", |c| c.name.as_str())
}

/// Types `text` key by key; returns the effects asked for.
fn type_keys(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .filter_map(|c| app.handle_key(Key::char(c)))
        .collect()
}

fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    app.handle_key(Key::plain(code))
}

#[test]
fn loads_sorted_by_name_and_asks_for_the_preview() {
    let app = loaded();
    assert_eq!(
        names(&app),
        ["Amina Hassan", "Bjørn Ærø", "Nguyễn Thị Lan", "Zainab Omar"]
    );
    assert_eq!(clients(&app).counts(), (4, 4));
}

#[test]
fn typing_filters_live_ignoring_case_and_diacritics() {
    let mut app = loaded();
    type_keys(&mut app, "/");
    assert_eq!(app.mode(), Mode::Text);
    assert_eq!(type_keys(&mut app, "NGUYEN"), [Effect::LoadPreview(2)]);
    assert_eq!(names(&app), ["Nguyễn Thị Lan"]);
    assert_eq!(press(&mut app, KeyCode::Backspace), None);
    assert_eq!(clients(&app).filter(), "NGUYE");

    app.handle_key(Key::ctrl('u'));
    type_keys(&mut app, "bjorn q");
    assert_eq!(clients(&app).filter(), "bjorn q", "q types in the filter");
    assert!(names(&app).is_empty());
    app.handle_key(Key::ctrl('w'));
    assert_eq!(names(&app), ["Bjørn Ærø"]);
}

#[test]
fn filter_matches_phone_and_tags() {
    let mut app = loaded();
    type_keys(&mut app, "/9123");
    assert_eq!(names(&app), ["Nguyễn Thị Lan"]);
    app.handle_key(Key::ctrl('u'));
    type_keys(&mut app, "cater");
    assert_eq!(names(&app), ["Bjørn Ærø"]);
}

#[test]
fn esc_leaves_the_filter_then_clears_it() {
    let mut app = loaded();
    type_keys(&mut app, "/amina");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(names(&app), ["Amina Hassan"]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(clients(&app).filter(), "");
    assert_eq!(names(&app).len(), 4);
}

#[test]
fn enter_opens_the_filtered_match() {
    let mut app = loaded();
    type_keys(&mut app, "/zain");
    let zainab = names(&app);
    assert_eq!(zainab, ["Zainab Omar"]);
    let id = clients(&app).selected().map(|c| c.id).unwrap();
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Some(Effect::OpenClient { id, session: None })
    );
}

#[test]
fn moving_stops_at_the_ends() {
    let mut app = loaded();
    assert_eq!(
        type_keys(&mut app, "jj"),
        [Effect::LoadPreview(3), Effect::LoadPreview(2)]
    );
    assert_eq!(selected(&app), "Nguyễn Thị Lan");
    type_keys(&mut app, "G");
    assert_eq!(selected(&app), "Zainab Omar");
    type_keys(&mut app, "j");
    assert_eq!(selected(&app), "Zainab Omar");
    type_keys(&mut app, "g");
    assert_eq!(selected(&app), "Amina Hassan");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(selected(&app), "Zainab Omar");
    press(&mut app, KeyCode::Up);
    assert_eq!(selected(&app), "Nguyễn Thị Lan");
}

#[test]
fn mine_status_and_due_filters() {
    let mut app = loaded();
    type_keys(&mut app, "m");
    assert_eq!(names(&app), ["Amina Hassan", "Bjørn Ærø"]);
    type_keys(&mut app, "m");
    type_keys(&mut app, "tt");
    assert_eq!(clients(&app).filters().status, Some(ClientStatus::Paused));
    assert_eq!(names(&app), ["Bjørn Ærø"]);
    type_keys(&mut app, "tt");
    assert_eq!(clients(&app).filters().status, None);
    type_keys(&mut app, "f");
    assert_eq!(
        names(&app),
        ["Amina Hassan", "Zainab Omar"],
        "due in 3 days, and overdue"
    );
}

#[test]
fn sorts_by_last_contact_then_next_due() {
    let mut app = loaded();
    type_keys(&mut app, "s");
    assert_eq!(
        names(&app),
        ["Bjørn Ærø", "Zainab Omar", "Amina Hassan", "Nguyễn Thị Lan"]
    );
    type_keys(&mut app, "s");
    assert_eq!(
        names(&app),
        ["Zainab Omar", "Amina Hassan", "Nguyễn Thị Lan", "Bjørn Ærø"]
    );
    assert_eq!(
        selected(&app),
        "Amina Hassan",
        "the selection stays on its client"
    );
    type_keys(&mut app, "s");
    assert_eq!(names(&app)[0], "Amina Hassan");
}

#[test]
fn delete_asks_first_and_undo_restores() {
    let mut app = loaded();
    assert_eq!(type_keys(&mut app, "d"), []);
    assert!(matches!(app.popups(), [Popup::Confirm { .. }]));
    assert_eq!(type_keys(&mut app, "n"), []);
    assert!(app.popups().is_empty());

    type_keys(&mut app, "d");
    assert_eq!(press(&mut app, KeyCode::Esc), None, "esc says no");
    type_keys(&mut app, "d");
    assert_eq!(
        type_keys(&mut app, "y"),
        [Effect::Delete {
            kind: Kind::Client,
            id: 1
        }]
    );

    let entry = TrashEntry {
        id: 7,
        deleted_at: now(),
        by: "kari".into(),
        item: Trashed::Client {
            client: Box::new(Client::new(1, "Amina Hassan", now())),
            ventures: vec![],
            sessions: vec![],
            next_steps: vec![],
            milestones: vec![],
        },
    };
    assert_eq!(
        app.receive(Outcome::Deleted(entry)),
        Some(Effect::LoadClients)
    );
    assert_eq!(
        app.status().unwrap().text,
        "Moved client Amina Hassan to the trash; u undoes."
    );
    assert_eq!(type_keys(&mut app, "u"), [Effect::Restore { trash_id: 7 }]);
    assert_eq!(type_keys(&mut app, "u"), []);
    assert!(app.status().unwrap().text.starts_with("Nothing to undo"));
}

#[test]
fn failures_show_in_the_status_bar() {
    let mut app = loaded();
    assert_eq!(app.receive(Outcome::Failed("database error".into())), None);
    assert_eq!(
        app.status(),
        Some(&Status {
            text: "database error".into(),
            is_error: true
        })
    );
    type_keys(&mut app, "j");
    assert_eq!(app.status(), None, "a key clears the message");
}

#[test]
fn reload_keeps_the_selected_client() {
    let mut app = loaded();
    type_keys(&mut app, "jj");
    let mut fewer = people();
    fewer.remove(0);
    app.receive(Outcome::Clients(fewer));
    assert_eq!(selected(&app), "Nguyễn Thị Lan");
}

#[test]
fn the_preview_is_the_selected_clients_record() {
    let mut app = loaded();
    let mut amina = Client::new(1, "Amina Hassan", now());
    amina.pinned = Some("prefers SMS".into());
    app.receive(Outcome::Preview(Some(Box::new(amina))));
    assert_eq!(
        clients(&app).preview().and_then(|c| c.pinned.as_deref()),
        Some("prefers SMS")
    );
    type_keys(&mut app, "j");
    assert_eq!(
        clients(&app).preview(),
        None,
        "not shown for another client"
    );
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = loaded();
    type_keys(&mut app, "?");
    assert_eq!(app.popups(), [Popup::Help { scroll: 0 }]);
    type_keys(&mut app, "jjk");
    assert_eq!(app.popups(), [Popup::Help { scroll: 1 }]);
    assert_eq!(
        type_keys(&mut app, "q"),
        [],
        "q closes the help, not the app"
    );
    assert!(app.popups().is_empty());
}

#[test]
fn quit_at_the_top_and_ctrl_c_anywhere() {
    let mut app = loaded();
    assert_eq!(type_keys(&mut app, "q"), [Effect::Quit]);
    type_keys(&mut app, "/");
    assert_eq!(app.handle_key(Key::ctrl('c')), Some(Effect::Quit));
}

#[test]
fn due_follow_ups_depend_on_the_day() {
    let mut app = App::new(
        &Config::default(),
        "kari",
        Clock::Fixed(now() - Days::new(30)),
        false,
    )
    .unwrap();
    app.receive(Outcome::Clients(people()));
    type_keys(&mut app, "f");
    assert!(
        names(&app).is_empty(),
        "a month earlier no step is due within a week"
    );
    let mut later = App::new(&Config::default(), "kari", Clock::Fixed(now()), false).unwrap();
    later.receive(Outcome::Clients(people()));
    type_keys(&mut later, "f");
    assert_eq!(names(&later), ["Amina Hassan", "Zainab Omar"]);
}

mod tabs_agenda_and_search {
    use super::*;
    use crate::agenda::{AgendaData, AgendaStep, QuietClient};
    use crate::app::screens::search::HITS_FIRST;
    use crate::app::screens::{AgendaScreen, SearchScreen};
    use crate::domain::{NextStep, Owner};
    use crate::store::Found;
    use crate::store::SearchHit;

    fn agenda_step(id: u64, client_id: u64, due: NaiveDate) -> AgendaStep {
        AgendaStep {
            id,
            client_id,
            client: format!("client {client_id}"),
            text: "send budget".into(),
            owner: Owner::Client,
            due: Some(due),
        }
    }

    fn agenda_data() -> AgendaData {
        AgendaData {
            today: today(),
            overdue: vec![agenda_step(11, 1, today() - Days::new(3))],
            due_today: vec![],
            upcoming: vec![agenda_step(12, 4, today() + Days::new(2))],
            owe_a_call: vec![],
            dormant: vec![QuietClient {
                client_id: 3,
                client: "Bjørn Ærø".into(),
                last_contact: None,
                days: 90,
            }],
            past_retention: vec![],
        }
    }

    fn agenda(app: &App) -> &AgendaScreen {
        match app.screen() {
            Screen::Agenda(s) => s,
            other => panic!("not on the agenda: {other:?}"),
        }
    }

    fn search(app: &App) -> &SearchScreen {
        match app.screen() {
            Screen::Search(s) => s,
            other => panic!("not on search: {other:?}"),
        }
    }

    fn searched(query: &str, limit: usize) -> Effect {
        Effect::Search {
            query: query.into(),
            limit,
        }
    }

    fn results(query: &str, hits: Vec<SearchHit>, more: bool) -> Outcome {
        Outcome::SearchResults {
            query: query.into(),
            found: Found {
                hits,
                more,
                total: None,
            },
        }
    }

    fn hit(kind: Kind, id: u64, client_id: u64) -> SearchHit {
        SearchHit {
            kind,
            id,
            client_id,
            client_name: "Amina Hassan".into(),
            snippet: "sent the budget".into(),
            highlights: vec![9..12, 12..15],
            at: Some(now()),
        }
    }

    #[test]
    fn tab_keys_switch_screens_and_keep_the_client_list() {
        let mut app = loaded();
        type_keys(&mut app, "j");
        assert_eq!(selected(&app), "Bjørn Ærø");
        assert_eq!(
            app.handle_key(Key::char('2')),
            Some(Effect::LoadAgenda { mine: true })
        );
        assert_eq!(app.screen().tab(), screens::Tab::Agenda);
        assert_eq!(app.handle_key(Key::char('3')), None);
        assert_eq!(app.screen().tab(), screens::Tab::Search);
        assert_eq!(app.mode(), Mode::Text, "the query has the keyboard");
        assert_eq!(press(&mut app, KeyCode::Esc), None);
        assert_eq!(app.handle_key(Key::char('1')), Some(Effect::LoadClients));
        assert_eq!(selected(&app), "Bjørn Ærø");
        // Back from a tab returns to the client list, and q quits only there.
        app.handle_key(Key::char('2'));
        assert_eq!(app.handle_key(Key::char('q')), None);
        assert_eq!(app.screen().tab(), screens::Tab::Clients);
        assert_eq!(app.handle_key(Key::char('q')), Some(Effect::Quit));
    }

    #[test]
    fn agenda_ticks_opens_and_toggles_mine() {
        let mut app = loaded();
        app.handle_key(Key::char('2'));
        assert_eq!(app.receive(Outcome::Agenda(Box::new(agenda_data()))), None);
        assert_eq!(app.handle_key(Key::char('x')), Some(Effect::ToggleStep(11)));
        let ticked = NextStep {
            id: 11,
            client_id: 1,
            text: "send budget".into(),
            owner: Owner::Client,
            due: None,
            done_on: Some(today()),
        };
        assert_eq!(
            app.receive(Outcome::StepToggled(ticked)),
            Some(Effect::LoadAgenda { mine: true })
        );
        type_keys(&mut app, "j");
        assert_eq!(
            press(&mut app, KeyCode::Enter),
            Some(Effect::OpenClient {
                id: 4,
                session: None
            })
        );
        type_keys(&mut app, "j");
        assert_eq!(type_keys(&mut app, "x"), []);
        assert!(app.status().unwrap().text.contains("Only a next step"));
        assert_eq!(type_keys(&mut app, "c"), [Effect::StartCall(3)]);
        assert_eq!(
            type_keys(&mut app, "m"),
            [Effect::LoadAgenda { mine: false }]
        );
        assert!(!agenda(&app).is_mine());
    }

    #[test]
    fn search_runs_as_typed_and_opens_the_session() {
        let mut app = loaded();
        app.handle_key(Key::char('3'));
        assert_eq!(
            type_keys(&mut app, "bu"),
            [searched("b", HITS_FIRST), searched("bu", HITS_FIRST)]
        );
        // A late answer to an older query is dropped.
        app.receive(results("b", vec![hit(Kind::Client, 9, 9)], false));
        assert!(search(&app).hits().is_empty());
        let hits = vec![hit(Kind::Session, 70, 1), hit(Kind::NextStep, 80, 4)];
        app.receive(results("bu", hits, false));
        assert_eq!(search(&app).hits().len(), 2);
        assert_eq!(press(&mut app, KeyCode::Down), None);
        assert_eq!(app.mode(), Mode::Normal);
        assert_eq!(
            press(&mut app, KeyCode::Enter),
            Some(Effect::OpenClient {
                id: 1,
                session: Some(70)
            })
        );
        type_keys(&mut app, "j");
        assert_eq!(
            press(&mut app, KeyCode::Enter),
            Some(Effect::OpenClient {
                id: 4,
                session: None
            })
        );
        // A letter goes back to the query and types there; so does `/`.
        assert_eq!(type_keys(&mut app, "b"), [searched("bub", HITS_FIRST)]);
        assert_eq!(app.mode(), Mode::Text);
        press(&mut app, KeyCode::Backspace);
        press(&mut app, KeyCode::Backspace);
        assert_eq!(press(&mut app, KeyCode::Backspace), None);
        assert!(search(&app).hits().is_empty());
    }

    #[test]
    fn moving_past_the_last_hit_read_reads_twice_as_many_and_keeps_the_place() {
        let mut app = loaded();
        app.handle_key(Key::char('3'));
        type_keys(&mut app, "bu");
        let many = |n: u64| (1..=n).map(|i| hit(Kind::Session, i, 1)).collect();
        app.receive(results("bu", many(HITS_FIRST as u64), true));
        press(&mut app, KeyCode::Down);
        // Down through the hits read: the last one asks for more, once.
        let mut asked = Vec::new();
        for _ in 1..HITS_FIRST {
            asked.extend(press(&mut app, KeyCode::Down));
        }
        assert_eq!(asked, [searched("bu", HITS_FIRST * 2)]);
        assert_eq!(press(&mut app, KeyCode::Down), None, "not asked again");
        app.receive(results("bu", many(HITS_FIRST as u64 * 2), false));
        assert_eq!(search(&app).selected_index(), HITS_FIRST - 1);
        assert!(!search(&app).has_more());
        // Nothing more to read: the end stays the end.
        assert_eq!(press(&mut app, KeyCode::End), None);
        assert_eq!(search(&app).selected_index(), HITS_FIRST * 2 - 1);
        // A new query reads the first few again, from the top.
        assert_eq!(type_keys(&mut app, "b"), [searched("bub", HITS_FIRST)]);
        app.receive(results("bub", many(3), false));
        assert_eq!(search(&app).selected_index(), 0);
    }
}

#[test]
fn v_narrows_the_list_to_one_sector_at_a_time() {
    use crate::domain::{Stage, VentureKind};
    use crate::store::VentureBrief;
    let venture = |sector: &str| VentureBrief {
        id: 1,
        name: "Venture".into(),
        kind: VentureKind::New,
        stage: Stage::Idea,
        sector: Some(sector.into()),
    };
    let mut list = people();
    list[0].ventures = vec![venture("health")];
    list[2].ventures = vec![venture("food & catering"), venture("health")];
    let mut app = app();
    app.start();
    app.receive(Outcome::Clients(list));
    type_keys(&mut app, "v");
    assert_eq!(clients(&app).sector_filter(), Some("food & catering"));
    assert_eq!(names(&app), ["Bjørn Ærø"]);
    type_keys(&mut app, "v");
    assert_eq!(clients(&app).sector_filter(), Some("health"));
    assert_eq!(names(&app), ["Amina Hassan", "Bjørn Ærø"]);
    type_keys(&mut app, "v");
    assert_eq!(clients(&app).sector_filter(), None);
    assert_eq!(names(&app).len(), 4);
}
