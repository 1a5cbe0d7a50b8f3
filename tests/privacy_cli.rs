//! Privacy from the shell: reports unchanged by erasure, erasure refused without --yes or an
//! admin, the access export, consent and retention.
mod common;

use common::scan::found_in;
use common::shell::Shell;
use serde_json::Value;

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
    sh.ok(&[
        "note",
        "1",
        "Talked about the bakery",
        "--next",
        "Call the bank",
    ]);
    let err = sh.fails_in_one_line(&["privacy", "erase", "Amira Haddad"]);
    assert!(
        err.contains(
            "nothing erased: this would erase for good client 1 with 0 ventures, \
             1 session with notes, 1 next step, 0 milestones, 0 drafts, \
             0 deleted records in the trash, and the content of 2 audit entries;"
        ),
        "{err}"
    );
    let nb = sh.run_in("nb_NO.UTF-8", &["privacy", "erase", "Amira Haddad"]);
    let nb = String::from_utf8(nb.stderr).unwrap();
    assert!(
        nb.contains("klient 1 med 0 foretak, 1 samtale med notater, 1 neste steg, "),
        "{nb}"
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
        check.starts_with("notice: no contact for 2+ years with 1 client (ids 5)"),
        "{check}"
    );
    assert!(check.contains("no problems found"));
    let none = sh.ok(&["agenda", "--all"]);
    assert!(
        none.contains("No contact for 5+ years: to erase (0)"),
        "{none}"
    );
}
