//! Privacy: erasure that leaves no byte of the person in the file, reports unchanged by it, the
//! access export, consent, retention, the trash purge and file modes.
mod common;

use std::path::Path;

use chrono::Duration;
use common::shell::Shell;
use common::{client, now, session, temp_store};
use serde_json::Value;
use veileder::domain::text::fold;
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

/// Whether `needle` occurs in the file as typed, lowercased, uppercased or folded as the search
/// index stores it.
fn found_in(file: &[u8], needle: &str) -> Vec<String> {
    let lower_file = file.to_ascii_lowercase();
    let mut forms = vec![
        needle.to_string(),
        needle.to_lowercase(),
        needle.to_uppercase(),
        fold(needle),
    ];
    forms.dedup();
    forms
        .into_iter()
        .filter(|f| {
            let bytes = f.as_bytes();
            let hay: &[u8] = if f.is_ascii() { &lower_file } else { file };
            let probe = if f.is_ascii() {
                f.to_ascii_lowercase().into_bytes()
            } else {
                bytes.to_vec()
            };
            hay.windows(probe.len()).any(|w| w == probe.as_slice())
        })
        .collect()
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
    let mut reopened = Store::open(&path, "test").unwrap();
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

fn report(sh: &Shell, period: &[&str]) -> Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(period);
    serde_json::from_str(&sh.ok(&args)).unwrap()
}

/// The report with the text of warnings about `client` blanked: an erased person's warnings stay
/// (same kind and record), but no longer name them.
fn masked(mut report: Value, client: u64) -> Value {
    if let Some(warnings) = report["warnings"].as_array_mut() {
        for w in warnings.iter_mut().filter(|w| w["client_id"] == client) {
            w["text"] = Value::from("…");
        }
    }
    report
}

#[test]
fn reports_keep_every_count_after_erasure() {
    let sh = Shell::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/report-centre.json"
    );
    sh.ok(&["import", fixture]);
    sh.ok(&[
        "advisor", "add", "boss", "--name", "Boss", "--role", "admin",
    ]);
    let periods: [&[&str]; 3] = [
        &[],
        &["--from", "2025-01-01", "--to", "2025-12-31"],
        &["--from", "2026-01-01"],
    ];
    let before: Vec<Value> = periods.iter().map(|p| report(&sh, p)).collect();
    let text_before = sh.ok(&["report", "--format", "csv"]);
    for id in ["1", "3"] {
        let out = sh.run_as("boss", &["privacy", "erase", id, "--yes"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for (p, b) in periods.iter().zip(&before) {
        let after = report(&sh, p);
        assert_eq!(
            masked(masked(after, 1), 3),
            masked(masked(b.clone(), 1), 3),
            "{p:?}"
        );
    }
    let csv_after = sh.ok(&["report", "--format", "csv"]);
    let counts = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.starts_with("warning"))
            .map(String::from)
            .collect()
    };
    assert_eq!(counts(&csv_after), counts(&text_before));
    assert!(!sh.ok(&["client", "list"]).contains("Amira"));
    assert!(sh.ok(&["check"]).contains("no problems found"));
}

#[test]
fn erase_from_the_shell_refuses_without_yes_and_for_non_admins() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amira Haddad", "--phone", "+47 912 34 567"]);
    let err = sh.fails_in_one_line(&["privacy", "erase", "Amira Haddad"]);
    assert!(
        err.contains("nothing erased: this would erase for good client 1"),
        "{err}"
    );
    assert!(err.contains("add --yes"), "{err}");
    let err = sh.fails_in_one_line(&["privacy", "erase", "1", "--yes"]);
    assert!(
        err.contains("only an admin can erase a client; kari is advisor"),
        "{err}"
    );
    assert!(sh.ok(&["client", "list"]).contains("Amira Haddad"));
    sh.ok(&[
        "advisor", "add", "boss", "--name", "Boss", "--role", "admin",
    ]);
    let out = sh.run_as("boss", &["privacy", "erase", "amira haddad", "--yes"]);
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.starts_with("erased client 1 with"), "{out}");
    let bytes = std::fs::read(sh.db()).unwrap();
    assert!(found_in(&bytes, "Amira Haddad").is_empty());
    assert!(found_in(&bytes, "912 34 567").is_empty());
}

#[test]
fn access_export_holds_everything_about_the_person() {
    let sh = Shell::new();
    sh.ok(&[
        "client",
        "add",
        "Amira Haddad",
        "--email",
        "amira@example.no",
    ]);
    sh.ok(&["client", "add", "Someone Else"]);
    sh.ok(&[
        "note",
        "1",
        "Talked about the bakery lease",
        "--next",
        "Send the lease",
        "--due",
        "2026-12-01",
    ]);
    sh.ok(&["note", "2", "Not about Amira"]);
    sh.ok(&[
        "venture",
        "add",
        "1",
        "Bakeri Haddad",
        "--kind",
        "new",
        "--sector",
        "food & catering",
    ]);
    sh.ok(&[
        "privacy",
        "consent",
        "1",
        "--purpose",
        "business counselling",
        "--date",
        "2026-01-10",
    ]);
    let doc: Value = serde_json::from_str(&sh.ok(&["privacy", "export", "Amira Haddad"])).unwrap();
    assert_eq!(doc["format"], "veileder-person-export");
    assert_eq!(doc["client"]["email"], "amira@example.no");
    assert_eq!(doc["client"]["consent"]["purpose"], "business counselling");
    assert_eq!(doc["sessions"][0]["notes"], "Talked about the bakery lease");
    assert_eq!(doc["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(doc["next_steps"][0]["text"], "Send the lease");
    assert_eq!(doc["ventures"][0]["name"], "Bakeri Haddad");
    let actions: Vec<&str> = doc["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"client.add") && actions.contains(&"client.update"),
        "{actions:?}"
    );
    assert!(
        doc["audit"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["client_id"] == 1)
    );

    let out = sh.path("amira.json");
    let said = sh.ok(&["privacy", "export", "1", "--out", out.to_str().unwrap()]);
    let text_path = sh.path("amira.txt");
    assert!(
        said.contains("amira.json") && said.contains("amira.txt"),
        "{said}"
    );
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["client"]["name"], "Amira Haddad");
    let text = std::fs::read_to_string(&text_path).unwrap();
    assert!(text.contains("Talked about the bakery lease"), "{text}");
    assert!(
        text.contains("consent       given 2026-01-10 for business counselling"),
        "{text}"
    );
    assert!(!text.contains("Not about Amira"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(
            std::fs::metadata(&text_path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let err = sh.fails_in_one_line(&["privacy", "export", "Nobody"]);
    assert!(
        err.contains("no client has the id or name 'Nobody'"),
        "{err}"
    );
}

#[test]
fn consent_withdrawal_points_at_erasure() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amira Haddad"]);
    let err = sh.fails_in_one_line(&["privacy", "consent", "1", "--withdrawn", "2026-11-01"]);
    assert!(err.contains("no consent recorded; give --purpose"), "{err}");
    sh.ok(&[
        "privacy",
        "consent",
        "1",
        "--purpose",
        "counselling",
        "--date",
        "2026-01-10",
    ]);
    let out = sh.ok(&["privacy", "consent", "1", "--withdrawn", "2026-11-01"]);
    assert!(
        out.contains("consent withdrawn 2026-11-01") && out.contains("privacy erase 1 --yes"),
        "{out}"
    );
    let err = sh.fails_in_one_line(&["privacy", "consent", "1", "--withdrawn", "2025-01-01"]);
    assert!(
        err.contains("withdrawn 2025-01-01 before it was given 2026-01-10"),
        "{err}"
    );
}

#[test]
fn clients_past_retention_are_listed_by_agenda_and_check() {
    let sh = Shell::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/report-centre.json"
    );
    sh.ok(&["import", fixture]);
    let config = sh.path("config.toml");
    std::fs::write(&config, "[privacy]\nretention_years = 2\n").unwrap();
    let cfg = config.to_str().unwrap();
    // Dawit Bekele (client 5): last session 2024-02-02, more than two years before 2026-11-27.
    let agenda = sh.ok(&["--config", cfg, "agenda", "--all"]);
    assert!(
        agenda.contains("No contact for 2+ years: to erase (1)"),
        "{agenda}"
    );
    assert!(agenda.contains("Dawit Bekele"), "{agenda}");
    let json: Value =
        serde_json::from_str(&sh.ok(&["--config", cfg, "agenda", "--all", "--format", "json"]))
            .unwrap();
    assert_eq!(json["past_retention"][0]["client_id"], 5);
    let check = sh.ok(&["--config", cfg, "check"]);
    assert!(
        check.starts_with("notice: 1 clients have had no contact for 2+ years (ids 5)"),
        "{check}"
    );
    assert!(check.contains("no problems found"));
    let none = sh.ok(&["agenda", "--all"]);
    assert!(
        none.contains("No contact for 5+ years: to erase (0)"),
        "{none}"
    );
}
