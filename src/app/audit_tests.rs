//! The audit screen on a real database: who may open it, the log newest first, filtering as
//! typed, reading older pages at the end of the list, and opening the client of an entry.
use chrono::{TimeZone, Utc};

use super::screens::audit::AUDIT_PAGE;
use super::*;
use crate::config::Config;
use crate::domain::{Client, Role};
use crate::store::{Access, Clock, Store};

fn centre(clients: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap();
    let store = Store::open(&dir.path().join("t.redb"), "test")
        .unwrap()
        .with_clock(Clock::Fixed(now));
    for i in 0..clients {
        let (name, advisor) = match i {
            0 => ("Amina Yusuf".to_string(), "ola"),
            1 => ("Leila Haddad".to_string(), "jonas"),
            _ => (format!("Client {i}"), "jonas"),
        };
        let mut client = Client::new(0, &name, store.now());
        client.advisor = Some(advisor.into());
        store.add_client("kari", client).unwrap();
    }
    (dir, store)
}

fn app(store: &Store, access: Access) -> App {
    let mut app = App::new(
        &Config::default(),
        access.username.clone(),
        store.clock(),
        false,
    )
    .unwrap()
    .with_access(access);
    app.resize(100, 30);
    let first = app.start();
    assert!(run_effects(&mut app, store, first));
    app
}

fn press(app: &mut App, store: &Store, key: Key) {
    let effect = app.handle_key(key);
    assert!(run_effects(app, store, effect));
}

fn shown(app: &App) -> Vec<(String, Option<String>)> {
    match app.screen() {
        Screen::Audit(audit) => audit
            .rows()
            .iter()
            .map(|r| (r.entry.action.clone(), r.client.clone()))
            .collect(),
        other => panic!("not on the audit screen: {other:?}"),
    }
}

#[test]
fn an_advisor_is_refused_the_audit_screen_and_its_read() {
    let (_dir, store) = centre(2);
    let mut ola = app(&store, Access::advisor("ola", Role::Advisor));
    press(&mut ola, &store, Key::char('5'));
    assert!(matches!(ola.screen(), Screen::Clients(_)));
    assert_eq!(
        ola.status().map(|s| s.text.as_str()),
        Some("The audit log is for leads and admins.")
    );
    // Even an effect asked for directly is refused before the store is read.
    let load = Effect::LoadAudit {
        query: String::new(),
        before: None,
        limit: 10,
        names: None,
    };
    assert!(run_effects(&mut ola, &store, Some(load)));
    let status = ola.status().unwrap();
    assert!(
        status.is_error && status.text.contains("a lead or an admin"),
        "{status:?}"
    );
}

#[test]
fn a_lead_reads_newest_first_filters_as_typed_and_opens_the_client() {
    let (_dir, store) = centre(2);
    store.record_opening("ingrid", 2, "page").unwrap();
    let mut lead = app(&store, Access::advisor("ingrid", Role::Lead));
    press(&mut lead, &store, Key::char('5'));
    assert_eq!(
        shown(&lead),
        [
            ("client.open".to_string(), Some("Leila Haddad".to_string())),
            ("client.add".to_string(), Some("Leila Haddad".to_string())),
            ("client.add".to_string(), Some("Amina Yusuf".to_string())),
        ]
    );
    // Typing filters by the client's name (folded), or by the advisor.
    press(&mut lead, &store, Key::char('/'));
    for c in "AMINA".chars() {
        press(&mut lead, &store, Key::char(c));
    }
    assert_eq!(shown(&lead).len(), 1);
    for _ in 0..5 {
        press(&mut lead, &store, Key::plain(KeyCode::Backspace));
    }
    for c in "ingrid".chars() {
        press(&mut lead, &store, Key::char(c));
    }
    assert_eq!(
        shown(&lead),
        [("client.open".to_string(), Some("Leila Haddad".to_string()))]
    );
    // Enter on the list opens the entry's client, and that opening is itself in the log.
    press(&mut lead, &store, Key::plain(KeyCode::Esc));
    press(&mut lead, &store, Key::plain(KeyCode::Enter));
    match lead.screen() {
        Screen::ClientPage(page) => assert_eq!(page.client_id(), 2),
        other => panic!("not the client page: {other:?}"),
    }
    let openings = store.audit(Some(2), Some("ingrid")).unwrap();
    assert_eq!(openings.len(), 2, "{openings:?}");
    // Back on the log, the audit mark moved, so the live refresh reads the new opening.
    press(&mut lead, &store, Key::plain(KeyCode::Esc));
    let refresh = lead.refresh_audit();
    assert!(run_effects(&mut lead, &store, refresh));
    assert_eq!(shown(&lead).len(), 2);
}

#[test]
fn the_end_of_the_list_reads_the_older_entries_a_page_at_a_time() {
    let (_dir, store) = centre(AUDIT_PAGE + 50);
    let mut lead = app(&store, Access::advisor("ingrid", Role::Admin));
    press(&mut lead, &store, Key::char('5'));
    assert_eq!(shown(&lead).len(), AUDIT_PAGE);
    assert_eq!(shown(&lead)[0].1.as_deref(), Some("Client 249"));
    press(&mut lead, &store, Key::plain(KeyCode::End));
    let rows = shown(&lead);
    assert_eq!(
        rows.len(),
        AUDIT_PAGE + 50,
        "the rest came on reaching the end"
    );
    assert_eq!(rows.last().unwrap().1.as_deref(), Some("Amina Yusuf"));
    match lead.screen() {
        Screen::Audit(audit) => assert!(!audit.has_older()),
        _ => unreachable!(),
    }
    // Home and j/k move within what is read.
    press(&mut lead, &store, Key::plain(KeyCode::Home));
    press(&mut lead, &store, Key::char('j'));
    match lead.screen() {
        Screen::Audit(audit) => assert_eq!(audit.selected_index(), 1),
        _ => unreachable!(),
    }
}

#[test]
fn the_names_read_for_a_filter_are_kept_while_typing_and_read_again_after_a_write() {
    let (_dir, store) = centre(2);
    let mut lead = app(&store, Access::advisor("ingrid", Role::Lead));
    press(&mut lead, &store, Key::char('5'));
    press(&mut lead, &store, Key::char('/'));
    press(&mut lead, &store, Key::char('a'));
    // The next keystroke carries the names the first one read.
    match lead.handle_key(Key::char('m')) {
        Some(Effect::LoadAudit {
            names: Some(names), ..
        }) => assert_eq!(names.len(), 2),
        other => panic!("expected a read with the kept names: {other:?}"),
    }
    // A client added elsewhere: the live refresh reads the names again, and the filter finds
    // the newcomer by name.
    let mut newcomer = Client::new(0, "Amira Haddad", store.now());
    newcomer.advisor = Some("jonas".into());
    store.add_client("kari", newcomer).unwrap();
    let refresh = lead.refresh();
    assert!(matches!(
        refresh,
        Some(Effect::LoadAudit { names: None, .. })
    ));
    assert!(run_effects(&mut lead, &store, refresh));
    for c in "ira".chars() {
        press(&mut lead, &store, Key::char(c));
    }
    assert_eq!(
        shown(&lead),
        [("client.add".to_string(), Some("Amira Haddad".to_string()))]
    );
}

/// A lead on the audit screen filtering for Amina, whose entry lies below `newer` entries that
/// do not match.
fn filtering_amina_under(store: &Store, newer: usize) -> App {
    let newer = (0..newer as u64).map(|n| crate::store::AuditEntry {
        id: 0,
        at: store.now(),
        advisor: "jonas".into(),
        client_id: Some(2),
        action: "client.open".into(),
        detail: format!("page {n}"),
    });
    store.append_audit_history("jonas", newer).unwrap();
    let mut lead = app(store, Access::advisor("ingrid", Role::Admin));
    press(&mut lead, store, Key::char('5'));
    for c in "amina".chars() {
        press(&mut lead, store, Key::char(c));
    }
    lead
}

/// Runs the steps the screen left for between frames, as the event loop does; returns how many.
fn run_steps_out(app: &mut App, store: &Store) -> usize {
    let mut steps = 0;
    while app.has_work() {
        let effect = app.resume();
        assert!(run_effects(app, store, effect));
        steps += 1;
    }
    steps
}

#[test]
fn a_rare_filter_reads_a_bounded_stretch_per_key_and_older_ones_when_asked() {
    use super::audit_effects::AUDIT_SCAN;
    let (_dir, store) = centre(2);
    let mut lead = filtering_amina_under(&store, AUDIT_SCAN * 2);
    // Amina's entry lies below two scans' worth of newer ones: typing does not read that far.
    assert!(shown(&lead).is_empty());
    match lead.screen() {
        Screen::Audit(audit) => assert!(audit.has_older() && audit.is_current()),
        _ => unreachable!(),
    }
    press(&mut lead, &store, Key::plain(KeyCode::Esc));
    press(&mut lead, &store, Key::plain(KeyCode::End));
    // The key reads one more stretch; the rest goes on in steps between frames.
    assert!(shown(&lead).is_empty());
    assert!(lead.has_work());
    run_steps_out(&mut lead, &store);
    assert_eq!(
        shown(&lead),
        vec![("client.add".to_string(), Some("Amina Yusuf".to_string()))]
    );
}

#[test]
fn reading_on_stops_at_its_budget_and_a_typed_key_cancels_it() {
    use super::audit_effects::{AUDIT_SCAN, AUDIT_STEP};
    use super::screens::audit::AUDIT_SCAN_OLDER;
    let (_dir, store) = centre(2);
    let entries = AUDIT_SCAN + AUDIT_SCAN_OLDER + AUDIT_STEP;
    let mut lead = filtering_amina_under(&store, entries);
    press(&mut lead, &store, Key::plain(KeyCode::Esc));
    press(&mut lead, &store, Key::plain(KeyCode::End));
    let steps = 1 + run_steps_out(&mut lead, &store);
    assert_eq!(
        steps,
        AUDIT_SCAN_OLDER / AUDIT_STEP,
        "one request looks at its budget"
    );
    assert!(shown(&lead).is_empty());
    // The next request reaches Amina.
    press(&mut lead, &store, Key::plain(KeyCode::End));
    run_steps_out(&mut lead, &store);
    assert_eq!(shown(&lead).len(), 1);

    press(&mut lead, &store, Key::char('/'));
    press(&mut lead, &store, Key::plain(KeyCode::Backspace));
    press(&mut lead, &store, Key::plain(KeyCode::Esc));
    press(&mut lead, &store, Key::plain(KeyCode::End));
    assert!(lead.has_work());
    press(&mut lead, &store, Key::char('/'));
    press(&mut lead, &store, Key::char('a'));
    assert!(!lead.has_work(), "typing asks again from the newest");
}
