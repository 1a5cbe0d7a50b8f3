//! Privacy in the store: erasure that leaves no byte of the person in the file, admins only, the
//! trash purge that leaves no bytes either, and file modes.
mod common;

use std::path::Path;

use chrono::Duration;
use common::scan::found_in;
use common::shell::Shell;
use common::{client, now, session, temp_store};
use veileder::domain::{Advisor, Draft, Milestone, NextStep, Owner, Role, Venture};
use veileder::store::{CallOutcome, Clock, Kind, Store};

fn make_admin(store: &Store, username: &str) {
    let admin = Advisor {
        username: username.into(),
        name: "The Admin".into(),
        role: Role::Admin,
        keys: Vec::new(),
    };
    store.put_advisor("kari", admin).unwrap();
}

/// A person with everything a record can hold, Latin and non-Latin, plus a neighbour who stays.
fn fill(store: &Store) -> (u64, u64, Vec<&'static str>) {
    let mut c = client(store, "Zaynab Qorbanzadeh");
    c.phone = Some("+47 913 57 246".into());
    c.email = Some("zaynab.q@posteo.example".into());
    c.dream = Some("A bakery selling barbari bread".into());
    c.gender = veileder::domain::Gender::Woman;
    c.country = Some("Iran".into());
    let c = store.update_client("kari", c).unwrap();
    let outcome = CallOutcome::default();
    store
        .add_session(
            "kari",
            session(c.id, 3, "Her brother Kourosh lends the oven money", Some(3)),
            &outcome,
            None,
        )
        .unwrap();
    let second = store
        .add_session(
            "kari",
            session(
                c.id,
                1,
                "Worried about the landlord on Tøyenbekken",
                Some(4),
            ),
            &outcome,
            None,
        )
        .unwrap();
    store
        .add_next_step(
            "kari",
            NextStep {
                id: 0,
                client_id: c.id,
                text: "Ring Skatteetaten about the flatbread permit".into(),
                owner: Owner::Client,
                due: Some(now().date_naive() + Duration::days(5)),
                done_on: None,
            },
        )
        .unwrap();
    let v = store
        .add_venture(
            "kari",
            Venture {
                id: 0,
                client_id: c.id,
                name: "Barbari Bakeriet".into(),
                kind: Default::default(),
                sector: Some("food & catering".into()),
                stage: Default::default(),
                org_nr: None,
                stage_by_hand: false,
            },
        )
        .unwrap();
    store
        .add_milestone(
            "kari",
            Milestone {
                id: 0,
                client_id: c.id,
                venture_id: v.id,
                kind: veileder::domain::MilestoneKind::Registered,
                date: now().date_naive(),
                amount_nok: None,
                jobs: None,
                note: Some("Registered with the help of Mahnaz".into()),
            },
        )
        .unwrap();
    store
        .save_draft(&Draft {
            client_id: c.id,
            advisor: "kari".into(),
            started_at: now(),
            updated_at: now(),
            notes: "Unsaved: considering a stall at Grønland torg".into(),
            channel: Default::default(),
            topics: vec![],
            motivation: None,
            competence: Default::default(),
            new_steps: vec![],
            ticked_steps: vec![],
        })
        .unwrap();
    // A deleted note still in the trash is held about her too.
    store.delete("kari", Kind::Session, second.id).unwrap();

    let mut other = client(store, "王芳 Wang");
    other.phone = Some("+47 400 11 222".into());
    let other = store.update_client("kari", other).unwrap();
    let mut greek = client(store, "Ηλέκτρα Παπαδοπούλου");
    greek.email = Some("elektra@example.gr".into());
    store.update_client("kari", greek).unwrap();

    let needles = vec![
        "Zaynab Qorbanzadeh",
        "Qorbanzadeh",
        "+47 913 57 246",
        "913 57 246",
        "zaynab.q@posteo.example",
        "barbari bread",
        "Kourosh lends the oven",
        "Kourosh",
        "Tøyenbekken",
        "Skatteetaten about the flatbread",
        "flatbread",
        "Barbari Bakeriet",
        "Mahnaz",
        "Grønland torg",
    ];
    (c.id, other.id, needles)
}

#[test]
fn erasure_leaves_no_byte_of_the_person_in_the_file() {
    let t = temp_store();
    let path = t.store.path().to_path_buf();
    let (id, other, needles) = fill(&t.store);
    make_admin(&t.store, "boss");
    let before = std::fs::read(&path).unwrap();
    for n in &needles {
        assert!(
            !found_in(&before, n).is_empty(),
            "{n} should be in the file before"
        );
    }

    t.store.erase_client("boss", id).unwrap();

    let after = std::fs::read(&path).unwrap();
    for n in &needles {
        assert_eq!(
            found_in(&after, n),
            Vec::<String>::new(),
            "{n} is still in the file"
        );
    }
    // The others are intact, non-Latin names included, and the file is healthy.
    for kept in [
        "王芳",
        "Ηλέκτρα Παπαδοπούλου",
        "elektra@example.gr",
        "+47 400 11 222",
    ] {
        assert!(!found_in(&after, kept).is_empty(), "{kept} was lost");
    }
    assert!(t.store.client(id).unwrap().is_none());
    assert_eq!(t.store.client(other).unwrap().unwrap().name, "王芳 Wang");
    assert!(t.store.search("Kourosh", 10).unwrap().is_empty());
    assert!(t.store.trash().unwrap().is_empty());
    assert!(t.store.drafts().unwrap().is_empty());
    let audit = t.store.audit(Some(id), None).unwrap();
    assert!(audit.iter().all(|a| a.detail.is_empty()), "{audit:?}");
    assert!(
        audit
            .iter()
            .any(|a| a.action == "client.erase" && a.advisor == "boss")
    );
    assert!(
        audit
            .iter()
            .any(|a| a.action == "session.delete" && a.advisor == "kari")
    );
    drop(t.store);
    let reopened = Store::open(&path, "test").unwrap();
    assert_eq!(reopened.check().unwrap(), vec![]);
    assert_eq!(reopened.clients().unwrap().len(), 2);
}

#[test]
fn erasure_of_a_non_latin_name_leaves_no_byte() {
    let t = temp_store();
    let path = t.store.path().to_path_buf();
    make_admin(&t.store, "boss");
    let mut c = client(&t.store, "Ηλέκτρα Παπαδοπούλου");
    c.email = Some("elektra@example.gr".into());
    let c = t.store.update_client("kari", c).unwrap();
    client(&t.store, "Ola Normann");
    let needles = [
        "Ηλέκτρα Παπαδοπούλου",
        "Παπαδοπούλου",
        "ηλεκτρα",
        "elektra@example.gr",
    ];
    let before = std::fs::read(&path).unwrap();
    assert!(!found_in(&before, "Παπαδοπούλου").is_empty());
    t.store.erase_client("boss", c.id).unwrap();
    let after = std::fs::read(&path).unwrap();
    for n in needles {
        assert_eq!(found_in(&after, n), Vec::<String>::new(), "{n}");
    }
}

#[test]
fn only_an_admin_erases_and_a_refusal_changes_nothing() {
    let t = temp_store();
    let (id, _, _) = fill(&t.store);
    let err = t.store.erase_client("kari", id).unwrap_err().to_string();
    assert!(
        err.starts_with("only an admin can erase a client; kari is advisor"),
        "{err}"
    );
    assert!(t.store.client(id).unwrap().is_some());
    let plan = t.store.erasure_plan(id).unwrap();
    assert_eq!((plan.sessions, plan.drafts, plan.trash_entries), (1, 1, 1));
    assert!(t.store.client(id).unwrap().is_some());
}

#[test]
fn purged_trash_leaves_no_bytes_and_recent_deletes_stay_restorable() {
    let t = temp_store();
    let path = t.store.path().to_path_buf();
    let c = client(&t.store, "Ana Lima");
    let outcome = CallOutcome::default();
    let old = t
        .store
        .add_session(
            "kari",
            session(c.id, 1, "Secret plan Quixotic", None),
            &outcome,
            None,
        )
        .unwrap();
    t.store.delete("kari", Kind::Session, old.id).unwrap();
    drop(t.store);
    // Ten days later a second delete; forty days later only the first is past 30 days.
    let later = Store::open(&path, "test")
        .unwrap()
        .with_clock(Clock::Fixed(now() + Duration::days(10)));
    let recent = later
        .add_session(
            "kari",
            session(c.id, 0, "Recent Zygomorphic idea", None),
            &outcome,
            None,
        )
        .unwrap();
    later.delete("kari", Kind::Session, recent.id).unwrap();
    drop(later);
    let store = Store::open(&path, "test")
        .unwrap()
        .with_clock(Clock::Fixed(now() + Duration::days(35)));
    assert_eq!(store.purge_trash("kari", 30).unwrap(), 1);
    assert_eq!(store.purge_trash("kari", 30).unwrap(), 0);
    let bytes = std::fs::read(&path).unwrap();
    assert!(found_in(&bytes, "Quixotic").is_empty());
    assert!(!found_in(&bytes, "Zygomorphic").is_empty());
    let trash = store.trash().unwrap();
    assert_eq!(trash.len(), 1);
    store.restore("kari", trash[0].id).unwrap();
    assert_eq!(store.sessions_of(c.id).unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn the_database_is_private_and_an_exposed_one_is_warned_about() {
    use std::os::unix::fs::PermissionsExt as _;
    let sh = Shell::new();
    let db = sh.dir.path().join("new-folder").join("centre.redb");
    let out = sh.run_on(&db, &["client", "add", "Ana"]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = sh.run_on(&db, &["client", "list"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("veileder: warning: ")
            && err.contains("mode 644")
            && err.contains("chmod 600"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}
