mod common;

use chrono::{Duration, NaiveDate};
use common::{client, now, session, temp_store};
use veileder::domain::{
    Channel, Client, Milestone, MilestoneKind, NextStep, Owner, PendingStep, Role, Stage, Venture,
    VentureKind,
};
use veileder::report::{self, Period};
use veileder::store::{Access, CallOutcome, Kind, Moving, Store, StoreError, Trashed, Visible};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn a_client_round_trips_and_survives_reopening() {
    let t = temp_store();
    let mut c = Client::new(0, "Nguyễn Thị Lan", now());
    c.phone = Some("+47 912 34 567".into());
    c.tags = vec!["food".into()];
    let saved = t.store.add_client("kari", c).unwrap();
    assert_eq!(saved.id, 1);
    let path = t.store.path().to_path_buf();
    drop(t.store);
    let reopened = Store::open(&path, "a test").unwrap();
    assert_eq!(reopened.client(1).unwrap(), Some(saved));
    assert_eq!(
        reopened.client_summaries().unwrap()[0].name,
        "Nguyễn Thị Lan"
    );
}

#[test]
fn invalid_records_are_refused_and_nothing_is_written() {
    let t = temp_store();
    let mut c = Client::new(0, "Ali", now());
    c.email = Some("not-an-email".into());
    let err = t.store.add_client("kari", c).unwrap_err().to_string();
    assert!(err.starts_with("email:"), "{err}");
    assert!(t.store.client_summaries().unwrap().is_empty());
    assert!(t.store.audit(None, None).unwrap().is_empty());
}

#[test]
fn a_call_saves_session_steps_ticks_and_drops_the_draft_together() {
    let t = temp_store();
    let c = client(&t.store, "Amira Haddad");
    let old = t
        .store
        .add_next_step(
            "kari",
            NextStep {
                id: 0,
                client_id: c.id,
                text: "Send budget".into(),
                owner: Owner::Client,
                due: Some(day(2026, 11, 20)),
                done_on: None,
            },
        )
        .unwrap();
    let draft = veileder::domain::Draft {
        client_id: c.id,
        advisor: "kari".into(),
        started_at: now(),
        updated_at: now(),
        notes: "half typed".into(),
        channel: Channel::Phone,
        topics: vec![],
        motivation: None,
        competence: Default::default(),
        new_steps: vec![],
        ticked_steps: vec![],
    };
    t.store.save_draft(&draft).unwrap();
    assert_eq!(t.store.draft(c.id, "kari").unwrap(), Some(draft));

    let outcome = CallOutcome {
        new_steps: vec![PendingStep {
            text: "Book meeting with the bank".into(),
            owner: Owner::Advisor,
            due: Some(day(2026, 12, 1)),
        }],
        ticked: vec![old.id],
    };
    let saved = t
        .store
        .add_session(
            "kari",
            session(c.id, 0, "Talked about the kebab bar lease", Some(4)),
            &outcome,
            None,
        )
        .unwrap();

    assert_eq!(t.store.draft(c.id, "kari").unwrap(), None);
    let steps = t.store.next_steps_of(c.id).unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].text, "Book meeting with the bank");
    assert_eq!(steps[1].done_on, Some(t.store.today()));
    let summary = t.store.client_summary(c.id).unwrap().unwrap();
    assert_eq!(summary.sessions, 1);
    assert_eq!(summary.motivation, vec![4]);
    assert_eq!(summary.last_contact, Some(saved.started_at));
    assert_eq!(
        summary.next_due,
        Some((day(2026, 12, 1), "Book meeting with the bank".into()))
    );
    assert_eq!(
        summary.owed.as_ref().map(|o| o.1.as_str()),
        Some("Book meeting with the bank")
    );
    let audit = t.store.audit(Some(c.id), None).unwrap();
    assert_eq!(audit.last().unwrap().action, "session.add");
}

#[test]
fn sessions_come_newest_first_and_summaries_keep_the_trend() {
    let t = temp_store();
    let c = client(&t.store, "Taras");
    for (days_ago, m) in [(30, 2), (20, 3), (10, 5)] {
        t.store
            .add_session(
                "kari",
                session(c.id, days_ago, "note", Some(m)),
                &CallOutcome::default(),
                None,
            )
            .unwrap();
    }
    let sessions = t.store.sessions_of(c.id).unwrap();
    let ages: Vec<i64> = sessions
        .iter()
        .map(|s| (now() - s.started_at).num_days())
        .collect();
    assert_eq!(ages, vec![10, 20, 30]);
    assert_eq!(
        t.store.client_summary(c.id).unwrap().unwrap().motivation,
        vec![2, 3, 5]
    );
}

#[test]
fn search_finds_words_in_any_script_folding_case_and_diacritics() {
    let t = temp_store();
    let lan = client(&t.store, "Nguyễn Thị Lan");
    let amira = client(&t.store, "أميرة حداد");
    t.store
        .add_session(
            "kari",
            session(lan.id, 1, "Discussed the Phở restaurant budget", None),
            &CallOutcome::default(),
            None,
        )
        .unwrap();
    t.store
        .add_session(
            "kari",
            session(amira.id, 1, "Catering licence from Mattilsynet", None),
            &CallOutcome::default(),
            None,
        )
        .unwrap();

    let hits = t.store.search("NGUYEN", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, Kind::Client);
    let hits = t.store.search("pho", 10).unwrap();
    assert_eq!(hits[0].kind, Kind::Session);
    assert_eq!(hits[0].client_id, lan.id);
    assert!(hits[0].snippet.contains("Phở"));
    assert_eq!(t.store.search("أميرة", 10).unwrap()[0].client_id, amira.id);
    assert_eq!(
        t.store.search("mattil", 10).unwrap().len(),
        1,
        "word starts match"
    );
    assert!(
        t.store.search("budget catering", 10).unwrap().is_empty(),
        "all words must match"
    );
    let both = t.store.search("restaurant bud", 10).unwrap();
    assert_eq!(both.len(), 1, "every word, the last as a word start");
    assert_eq!(both[0].client_id, lan.id);
}

#[test]
fn an_advisors_search_reaches_past_colleagues_newer_hits_and_says_when_there_are_more() {
    let t = temp_store();
    let mut own = Client::new(0, "Dawit Bekele", now());
    own.advisor = Some("ola".into());
    let own = t.store.add_client("kari", own).unwrap();
    let mut ola_session = session(own.id, 30, "Budget for the injera bakery", None);
    ola_session.advisor = "ola".into();
    t.store
        .add_session("ola", ola_session, &CallOutcome::default(), None)
        .unwrap();
    // Sixty newer sessions of a colleague's clients rank before Ola's one.
    for i in 0..60 {
        let theirs = client(&t.store, &format!("Client {i}"));
        t.store
            .add_session(
                "kari",
                session(theirs.id, 1, "Budget talk", None),
                &CallOutcome::default(),
                None,
            )
            .unwrap();
    }
    let ola = t
        .store
        .visible(&Access::advisor("ola", Role::Advisor))
        .unwrap();
    let found = t.store.search_in("budget", 5, &ola).unwrap();
    assert_eq!(
        found.hits.len(),
        1,
        "only Ola's session, found past the others"
    );
    assert_eq!(found.hits[0].client_id, own.id);
    assert!(!found.more);

    let everyone = Visible::everyone();
    let first = t.store.search_in("budget", 5, &everyone).unwrap();
    assert_eq!(first.hits.len(), 5);
    assert!(first.more, "61 sessions match");
    assert_eq!(first.total, Some(61));
    assert_eq!(found.total, None, "unknown without reading every match");
    let all = t.store.search_in("budget", 61, &everyone).unwrap();
    assert_eq!(all.hits.len(), 61);
    assert!(!all.more);
    assert_eq!(
        all.hits[..5],
        first.hits[..],
        "the first five are the same five"
    );
    assert_eq!(all.hits[60].client_id, own.id, "the oldest session last");
}

#[test]
fn search_shows_the_newest_sessions_first_whatever_order_they_were_written_in() {
    let t = temp_store();
    let lan = client(&t.store, "Nguyễn Thị Lan");
    // Written as an import writes history, oldest last: ids do not follow the dates.
    let days_ago = [3, 40, 1, 90, 7, 15, 60, 2, 30, 5, 120, 10];
    for days in days_ago {
        let notes = format!("Budget review {days} days ago");
        t.store
            .add_session(
                "kari",
                session(lan.id, days, &notes, None),
                &CallOutcome::default(),
                None,
            )
            .unwrap();
    }
    // And many other sessions, so the two ways of taking the newest both show.
    let other = client(&t.store, "Olena Kovalenko");
    for days in 0..200 {
        t.store
            .add_session(
                "kari",
                session(other.id, days, "Premises", None),
                &CallOutcome::default(),
                None,
            )
            .unwrap();
    }
    let ages = |hits: &[veileder::store::SearchHit]| -> Vec<i64> {
        hits.iter()
            .map(|h| (now() - h.at.unwrap()).num_days())
            .collect()
    };
    let everyone = Visible::everyone();
    // Few hits asked of many matches: taken walking back from the newest session.
    let newest = t.store.search_in("budget", 3, &everyone).unwrap();
    assert_eq!(ages(&newest.hits), [1, 2, 3]);
    assert!(newest.more);
    // A few more asked: each match read and sorted by time.
    let more = t.store.search_in("budget", 5, &everyone).unwrap();
    assert_eq!(ages(&more.hits), [1, 2, 3, 5, 7]);
    let all = t.store.search_in("budget review", 100, &everyone).unwrap();
    assert_eq!(
        ages(&all.hits),
        [1, 2, 3, 5, 7, 10, 15, 30, 40, 60, 90, 120]
    );
    assert!(!all.more);
}

#[test]
fn updating_a_record_updates_its_index_entries() {
    let t = temp_store();
    let mut c = client(&t.store, "Olena Kovalenko");
    c.name = "Olena Shevchenko".into();
    t.store.update_client("kari", c).unwrap();
    assert!(t.store.search("kovalenko", 10).unwrap().is_empty());
    assert_eq!(t.store.search("shevchenko", 10).unwrap().len(), 1);
}

#[test]
fn delete_moves_a_client_with_everything_to_the_trash_and_restore_brings_it_back() {
    let t = temp_store();
    let c = client(&t.store, "Yonas Tesfay");
    t.store
        .add_session(
            "kari",
            session(c.id, 3, "injera bakery plan", Some(3)),
            &CallOutcome::default(),
            None,
        )
        .unwrap();
    let v = t
        .store
        .add_venture(
            "kari",
            Venture {
                id: 0,
                client_id: c.id,
                name: "Asmara Bakery".into(),
                kind: VentureKind::New,
                sector: None,
                stage: Stage::Idea,
                org_nr: None,
                stage_by_hand: false,
            },
        )
        .unwrap();
    t.store
        .add_milestone(
            "kari",
            Milestone {
                id: 0,
                client_id: c.id,
                venture_id: v.id,
                kind: MilestoneKind::Registered,
                date: day(2026, 5, 1),
                amount_nok: None,
                jobs: None,
                note: None,
            },
        )
        .unwrap();

    let entry = t.store.delete("kari", Kind::Client, c.id).unwrap();
    assert!(
        matches!(&entry.item, Trashed::Client { sessions, milestones, .. } if sessions.len() == 1 && milestones.len() == 1)
    );
    assert!(t.store.client(c.id).unwrap().is_none());
    assert!(t.store.search("injera", 10).unwrap().is_empty());
    assert!(t.store.client_summaries().unwrap().is_empty());

    t.store.restore("kari", entry.id).unwrap();
    assert_eq!(t.store.sessions_of(c.id).unwrap().len(), 1);
    assert_eq!(t.store.search("injera", 10).unwrap().len(), 1);
    assert_eq!(
        t.store.ventures_of(c.id).unwrap()[0].stage,
        Stage::Registered
    );
    assert!(t.store.trash().unwrap().is_empty());
}

#[test]
fn a_venture_stage_follows_milestones_unless_set_by_hand() {
    let t = temp_store();
    let c = client(&t.store, "Rasa");
    let v = t
        .store
        .add_venture(
            "kari",
            Venture {
                id: 0,
                client_id: c.id,
                name: "Vilnius Web".into(),
                kind: VentureKind::New,
                sector: Some("IT".into()),
                stage: Stage::Planning,
                org_nr: None,
                stage_by_hand: false,
            },
        )
        .unwrap();
    let m = |kind, d| Milestone {
        id: 0,
        client_id: 0,
        venture_id: v.id,
        kind,
        date: d,
        amount_nok: None,
        jobs: None,
        note: None,
    };
    t.store
        .add_milestone("kari", m(MilestoneKind::Registered, day(2026, 1, 5)))
        .unwrap();
    t.store
        .add_milestone("kari", m(MilestoneKind::FirstSale, day(2026, 3, 5)))
        .unwrap();
    assert_eq!(
        t.store.venture(v.id).unwrap().unwrap().stage,
        Stage::Operating
    );

    let by_hand = Venture {
        stage: Stage::Paused,
        ..t.store.venture(v.id).unwrap().unwrap()
    };
    t.store.update_venture("kari", by_hand).unwrap();
    t.store
        .add_milestone(
            "kari",
            Milestone {
                jobs: Some(2),
                ..m(MilestoneKind::Hired, day(2026, 6, 1))
            },
        )
        .unwrap();
    let after = t.store.venture(v.id).unwrap().unwrap();
    assert_eq!(after.stage, Stage::Paused);
    assert!(after.stage_by_hand);
}

#[test]
fn open_steps_due_and_dormant_clients() {
    let t = temp_store();
    let a = client(&t.store, "Active Ana");
    let b = client(&t.store, "Quiet Quentin");
    t.store
        .add_session(
            "kari",
            session(a.id, 2, "call", None),
            &CallOutcome::default(),
            None,
        )
        .unwrap();
    t.store
        .add_session(
            "kari",
            session(b.id, 90, "call", None),
            &CallOutcome::default(),
            None,
        )
        .unwrap();
    let today = t.store.today();
    for (text, due) in [
        ("late", today - Duration::days(3)),
        ("soon", today + Duration::days(2)),
        ("later", today + Duration::days(30)),
    ] {
        t.store
            .add_next_step(
                "kari",
                NextStep {
                    id: 0,
                    client_id: a.id,
                    text: text.into(),
                    owner: Owner::Client,
                    due: Some(due),
                    done_on: None,
                },
            )
            .unwrap();
    }
    let due: Vec<String> = t
        .store
        .open_steps_due_before(today + Duration::days(7))
        .unwrap()
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(due, vec!["late", "soon"]);
    let late = t
        .store
        .next_steps_of(a.id)
        .unwrap()
        .into_iter()
        .find(|s| s.text == "late")
        .unwrap();
    t.store.toggle_next_step("kari", late.id).unwrap();
    assert_eq!(
        t.store
            .open_steps_due_before(today + Duration::days(7))
            .unwrap()
            .len(),
        1
    );

    let dormant: Vec<String> = t
        .store
        .dormant_clients(today, 60)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(dormant, vec!["Quiet Quentin"]);
}

#[test]
fn resolve_client_by_id_or_unique_name() {
    let t = temp_store();
    let a = client(&t.store, "Zainab Ali");
    client(&t.store, "Omar Ali");
    client(&t.store, "Omar Ali");
    assert_eq!(t.store.resolve_client("zainab ali").unwrap().id, a.id);
    assert_eq!(t.store.resolve_client(&a.id.to_string()).unwrap().id, a.id);
    let err = t.store.resolve_client("Omar Ali").unwrap_err().to_string();
    assert!(err.contains("2 clients are named"), "{err}");
    assert!(
        t.store
            .resolve_client("Nobody")
            .unwrap_err()
            .to_string()
            .contains("no client")
    );
}

#[test]
fn a_second_opener_is_told_who_holds_the_file() {
    let t = temp_store();
    let err = match Store::open(t.store.path(), "another") {
        Err(e) => e,
        Ok(_) => panic!("a second open must fail"),
    };
    assert!(matches!(err, StoreError::Held { .. }));
    let text = err.to_string();
    assert!(text.contains("a test, process"), "{text}");
    assert!(!text.contains('\n'));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "these are my notes, not a database ".repeat(200)).unwrap();
    let err = match Store::open(&path, "a test") {
        Err(e) => e.to_string(),
        Ok(_) => panic!("must refuse"),
    };
    assert!(err.contains("is not a veileder database"), "{err}");
    assert!(!err.contains('\n'));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap().len(),
        35 * 200,
        "the file is untouched"
    );
}

#[cfg(unix)]
#[test]
fn a_new_database_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("centre/data.redb");
    let _store = Store::open(&path, "a test").unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o700
    );
}

#[test]
fn check_finds_a_healthy_file_healthy() {
    let t = temp_store();
    let c = client(&t.store, "Ana");
    t.store
        .add_session(
            "kari",
            session(c.id, 1, "ok", Some(3)),
            &CallOutcome::default(),
            None,
        )
        .unwrap();
    assert_eq!(t.store.check().unwrap(), vec![]);
}

#[test]
fn the_report_facts_give_the_figures_of_the_whole_records() {
    let t = temp_store();
    let c = client(&t.store, "Ana");
    let mut first = session(c.id, 30, "A long note about the lease", Some(2));
    first.competence.insert("digital skills".into(), 2);
    let mut second = session(c.id, 3, "Signed the lease", Some(4));
    second.competence.insert("digital skills".into(), 4);
    second.minutes = None;
    for s in [first, second] {
        t.store
            .add_session("kari", s, &CallOutcome::default(), None)
            .unwrap();
    }
    let today = t.store.today();
    let from_records = report::build(
        &t.store.export_document().unwrap(),
        Period::all_time(),
        today,
    );
    let input = t.store.report_input().unwrap();
    assert_eq!(
        report::compute(&input, Period::all_time(), today),
        from_records
    );
    assert_eq!(from_records.motivation.rose, 1);
    assert_eq!(
        from_records.competence["digital skills"].average_growth,
        2.0
    );
    assert_eq!(from_records.warnings[0].kind, "session_without_duration");

    let gone = input.sessions[0].id;
    t.store.delete("kari", Kind::Session, gone).unwrap();
    let after = report::compute(&t.store.report_input().unwrap(), Period::all_time(), today);
    assert_eq!(after.sessions, 1);
    assert_eq!(after.motivation.clients, 0);
    assert_eq!(t.store.check().unwrap(), vec![]);
}

/// Sessions of `serve` reload when the generation moves; an import through the server must
/// move it like any other save, or the other advisors' screens stay as they were.
#[test]
fn an_import_tells_the_sessions_sharing_the_store() {
    let t = temp_store();
    let before = t.store.generation();
    let csv_client = Client::new(0, "Amina Yusuf", now());
    let mut dry = t.store.client_importer("kari").unwrap();
    dry.add(csv_client.clone()).unwrap();
    dry.finish(true).unwrap();
    assert_eq!(t.store.generation(), before, "a dry run changes nothing");
    let mut importer = t.store.client_importer("kari").unwrap();
    importer.add(csv_client).unwrap();
    importer.finish(false).unwrap();
    assert!(t.store.generation() > before);

    let doc = t.store.export_document().unwrap();
    let other = temp_store();
    let before = other.store.generation();
    other.store.import_document("kari", &doc, false).unwrap();
    assert!(other.store.generation() > before);
}

#[test]
fn an_advisors_caseload_follows_every_change_of_advisor() {
    let t = temp_store();
    let sees = |who: &str| {
        let access = Access::advisor(who, Role::Advisor);
        let visible = t.store.visible(&access).unwrap();
        let list: Vec<u64> = t
            .store
            .client_summaries_in(&visible)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        for id in 1..=4 {
            let may = t.store.check_client(&access, id).is_ok();
            assert_eq!(may, visible.allows(id), "{who} on client {id}");
        }
        assert!(t.store.check().unwrap().is_empty());
        list
    };
    let mut a = Client::new(0, "Amina Yusuf", now());
    a.advisor = Some("ola".into());
    let a = t.store.add_client("ola", a).unwrap();
    let mut b = Client::new(0, "Bilal Ahmadi", now());
    b.advisor = Some("ola".into());
    let b = t.store.add_client("kari", b).unwrap();
    let c = client(&t.store, "Chen Wei");
    assert_eq!(sees("ola"), vec![a.id, b.id]);
    assert_eq!(sees("fatima"), Vec::<u64>::new());

    let mut moved = b.clone();
    moved.advisor = Some("fatima".into());
    t.store.update_client("fatima", moved).unwrap();
    assert_eq!(sees("ola"), vec![a.id]);
    assert_eq!(sees("fatima"), vec![b.id]);

    t.store
        .transfer_clients("kari", Moving::AllOf("ola"), "fatima")
        .unwrap();
    assert_eq!(sees("ola"), Vec::<u64>::new());
    assert_eq!(sees("fatima"), vec![a.id, b.id]);

    t.store.share_client("kari", c.id, "ola").unwrap();
    assert_eq!(sees("ola"), vec![c.id], "shared, not advised");

    let entry = t.store.delete("kari", Kind::Client, a.id).unwrap();
    assert_eq!(sees("fatima"), vec![b.id]);
    t.store.restore("kari", entry.id).unwrap();
    assert_eq!(sees("fatima"), vec![a.id, b.id]);
}

#[test]
fn an_advisors_agenda_names_only_the_clients_they_may_see() {
    use veileder::agenda::{AgendaScope, build};
    let t = temp_store();
    let long_ago = now() - Duration::days(365 * 6);
    for (name, advisor) in [("Amina Yusuf", "ola"), ("Leila Haddad", "jonas")] {
        let mut c = Client::new(0, name, long_ago);
        c.advisor = Some(advisor.into());
        t.store.add_client("kari", c).unwrap();
    }
    let scope = AgendaScope {
        advisor: None,
        today: now().date_naive(),
        days: 7,
        dormant_days: 30,
        retention_years: 5,
    };
    let ola = t
        .store
        .visible(&Access::advisor("ola", Role::Advisor))
        .unwrap();
    let agenda = build(&t.store, scope, &ola).unwrap();
    let quiet: Vec<&str> = agenda.dormant.iter().map(|q| q.client.as_str()).collect();
    let past: Vec<&str> = agenda
        .past_retention
        .iter()
        .map(|p| p.client.as_str())
        .collect();
    assert_eq!((quiet, past), (vec!["Amina Yusuf"], vec!["Amina Yusuf"]));
    let lead = build(&t.store, scope, &Visible::everyone()).unwrap();
    assert_eq!(lead.past_retention.len(), 2);
}
