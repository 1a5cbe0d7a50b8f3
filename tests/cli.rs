//! The real binary, as a script or a person at a shell would use it.
mod common;

use std::process::Command;

use common::shell::Shell;
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn client_add_prints_the_id_and_list_shows_the_client() {
    let sh = Shell::new();
    let id = sh.ok(&[
        "client",
        "add",
        "Amira Haddad",
        "--phone",
        "+47 912 34 567",
        "--country",
        "Syria",
        "--tags",
        "food;catering",
    ]);
    assert_eq!(id.trim(), "1");
    let text = sh.ok(&["client", "list"]);
    assert!(text.contains("Amira Haddad"), "{text}");
    assert!(text.lines().all(|l| veileder::domain::text::width(l) <= 80));
    let list = json(&sh.ok(&["client", "list", "--format", "json"]));
    assert_eq!(list[0]["id"], 1);
    assert_eq!(list[0]["name"], "Amira Haddad");
    assert_eq!(list[0]["advisor"], "kari");
    assert_eq!(list[0]["status"], "active");
}

#[test]
fn bad_input_gets_one_clear_line_and_writes_nothing() {
    let sh = Shell::new();
    let err = sh.fails(&["client", "add", "Ali", "--email", "ali.example.no"]);
    assert!(
        err.contains("email") && err.contains("name@example.no"),
        "{err}"
    );
    assert_eq!(err.matches("has no @").count(), 1, "said once: {err}");
    assert_eq!(err.lines().count(), 1);
    let err = sh.fails(&["client", "add", "Ali", "--gender", "female"]);
    assert!(err.contains("woman, man, other"), "{err}");
    assert_eq!(
        json(&sh.ok(&["client", "list", "--format", "json"])),
        json("[]")
    );

    let out = sh.run(&["client", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn a_note_with_a_next_step_shows_in_the_agenda_and_search() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Leyla Ahmadi"]);
    let out = sh.ok(&[
        "note",
        "leyla ahmadi",
        "Talked about the halal bakery permit",
        "--motivation",
        "4",
        "--minutes",
        "15",
        "--next",
        "Call Mattilsynet",
        "--due",
        "2026-11-30",
    ]);
    assert!(out.contains("saved for Leyla Ahmadi"), "{out}");

    let agenda = json(&sh.ok(&["agenda", "--format", "json"]));
    assert_eq!(agenda["upcoming"][0]["text"], "Call Mattilsynet");
    assert_eq!(agenda["upcoming"][0]["client"], "Leyla Ahmadi");
    let text = sh.ok(&["agenda"]);
    assert!(text.contains("Call Mattilsynet"), "{text}");

    let hits = json(&sh.ok(&["search", "bakery", "--format", "json"]));
    assert_eq!(hits[0]["kind"], "session");
    assert_eq!(hits[0]["client_id"], 1);
    assert!(hits[0]["snippet"].as_str().unwrap().contains("bakery"));
    assert!(hits[0]["id"].is_u64());
    assert!(sh.ok(&["search", "bakery"]).contains("1 match\n"));

    assert!(
        sh.fails(&["note", "Leyla Ahmadi", "x", "--motivation", "7"])
            .contains("1 (lowest) to 5")
    );
    assert!(
        sh.fails(&[
            "note",
            "Leyla Ahmadi",
            "x",
            "--next",
            "y",
            "--due",
            "2026-02-30"
        ])
        .contains("YYYY-MM-DD")
    );
    assert!(sh.fails(&["note", "Nobody", "x"]).contains("no client"));
}

#[test]
fn export_then_import_into_an_empty_database_gives_the_same_document() {
    let sh = Shell::new();
    sh.ok(&["demo", "--clients", "40", "--seed", "3"]);
    let first = sh.path("first.json");
    sh.ok(&["export", "--out", first.to_str().unwrap()]);
    let other = sh.path("other.redb");
    let out = sh.run_on(&other, &["import", first.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = sh.run_on(&other, &["export"]);
    let mut a = json(&std::fs::read_to_string(&first).unwrap());
    let mut b = json(&String::from_utf8(again.stdout).unwrap());
    assert!(a["sessions"].as_array().unwrap().len() > 100);
    a["exported_at"] = Value::Null;
    b["exported_at"] = Value::Null;
    assert_eq!(a, b);
}

#[test]
fn a_csv_with_bad_rows_lists_every_one_and_imports_nothing() {
    let sh = Shell::new();
    let csv = sh.path("clients.csv");
    std::fs::write(&csv, "name,email,birth_year\nAna,ana@example.no,1990\n,x@example.no,1980\nBo,bo-at-example,1985\nCy,cy@example.no,1850\n").unwrap();
    let out = sh.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    for row in ["row 3", "row 4", "row 5"] {
        assert!(err.contains(row), "{row} missing in {err}");
    }
    assert!(!err.contains("row 2"));
    assert_eq!(
        json(&sh.ok(&["client", "list", "--format", "json"])),
        json("[]")
    );

    std::fs::write(
        &csv,
        "name,languages,gender\nأميرة حداد,arabic;english,woman\nТарас Шевченко,ukrainian,man\n",
    )
    .unwrap();
    assert!(
        sh.ok(&["import", csv.to_str().unwrap()])
            .contains("imported 2 clients")
    );
    let list = json(&sh.ok(&["client", "list", "--format", "json"]));
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[test]
fn import_dry_run_writes_nothing() {
    let sh = Shell::new();
    let csv = sh.path("clients.csv");
    std::fs::write(&csv, "name\nAna\n").unwrap();
    assert!(
        sh.ok(&["import", csv.to_str().unwrap(), "--dry-run"])
            .contains("would import 1 client from")
    );
    assert_eq!(
        json(&sh.ok(&["client", "list", "--format", "json"])),
        json("[]")
    );
}

#[test]
fn an_unknown_csv_column_is_named() {
    let sh = Shell::new();
    let csv = sh.path("clients.csv");
    std::fs::write(&csv, "name,shoe_size\nAna,38\n").unwrap();
    let err = sh.fails(&["import", csv.to_str().unwrap()]);
    assert!(err.contains("shoe_size"), "{err}");
}

#[test]
fn check_passes_on_a_healthy_file_and_a_non_database_is_refused() {
    let sh = Shell::new();
    sh.ok(&["demo", "--clients", "20"]);
    assert!(sh.ok(&["check"]).contains("no problems found"));
    let junk = sh.path("junk.redb");
    std::fs::write(&junk, vec![b'x'; 10_000]).unwrap();
    let out = sh.run_on(&junk, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is not a veileder database"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);
}

#[test]
fn a_database_held_by_another_process_says_so() {
    let sh = Shell::new();
    let _held = veileder::store::Store::open(&sh.db(), "the terminal UI").unwrap();
    let err = sh.fails(&["client", "list"]);
    assert!(
        err.contains("in use by another veileder (the terminal UI, process"),
        "{err}"
    );
    assert!(err.contains("ssh"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);
}

#[test]
fn demo_is_deterministic_and_refuses_to_overwrite_without_force() {
    let sh = Shell::new();
    sh.ok(&["demo", "--clients", "30", "--seed", "9"]);
    let a = sh.ok(&["export"]);
    assert!(sh.fails(&["demo", "--clients", "30"]).contains("--force"));
    sh.ok(&["demo", "--clients", "30", "--seed", "9", "--force"]);
    let b = sh.ok(&["export"]);
    let strip = |s: &str| {
        let mut v = json(s);
        v["exported_at"] = Value::Null;
        v
    };
    assert_eq!(strip(&a), strip(&b));
    assert_eq!(strip(&a)["clients"].as_array().unwrap().len(), 30);
}

#[test]
fn advisors_are_added_with_keys_and_listed() {
    let sh = Shell::new();
    let key = sh.path("ola.pub");
    std::fs::write(&key, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0nDBvbxV1QmCZ3LVQAAAAAAAAAAAAAAAAAAAAAAAAA ola@laptop\n").unwrap();
    assert!(
        sh.ok(&[
            "advisor",
            "add",
            "ola",
            "--name",
            "Ola Nordmann",
            "--role",
            "lead",
            "--key",
            key.to_str().unwrap()
        ])
        .contains("ola (lead)")
    );
    let list = sh.ok(&["advisor", "list"]);
    assert!(
        list.contains("Ola Nordmann") && list.contains("lead"),
        "{list}"
    );
    std::fs::write(&key, "hello\n").unwrap();
    assert!(
        sh.fails(&[
            "advisor",
            "add",
            "ola",
            "--name",
            "Ola",
            "--key",
            key.to_str().unwrap()
        ])
        .contains("not an OpenSSH public key")
    );
    assert!(
        sh.fails(&["advisor", "add", "bad name", "--name", "X"])
            .contains("username")
    );
    assert!(
        sh.fails(&["advisor", "add", "ola", "--name", "X", "--role", "boss"])
            .contains("advisor, lead, admin")
    );
}

#[test]
fn a_bad_config_names_file_and_line() {
    let sh = Shell::new();
    let config = sh.path("config.toml");
    std::fs::write(&config, "# mine\ndormant_days = 0\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_veileder"))
        .args([
            "--db",
            sh.db().to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
            "client",
            "list",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("config.toml:2"), "{err}");
}

#[test]
fn export_import_and_search_refuse_bad_paths_and_queries_plainly() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Ana"]);
    let err = sh.fails(&["export", "--out", "/nonexistent-folder/out.json"]);
    assert!(
        err.contains("cannot write /nonexistent-folder/out.json"),
        "{err}"
    );
    let err = sh.fails(&["import", "/nonexistent-folder/in.json"]);
    assert!(err.contains("cannot read"), "{err}");
    let junk = sh.path("junk.json");
    std::fs::write(&junk, "{\"format\": \"something else\"}").unwrap();
    assert!(
        sh.fails(&["import", junk.to_str().unwrap()])
            .contains("veileder")
    );
    assert!(sh.ok(&["search", "   "]).contains("0 matches"));
    assert_eq!(
        json(&sh.ok(&["search", "the", "--format", "json"])),
        json("[]")
    );
    assert_eq!(sh.run(&["agenda", "--days", "soon"]).status.code(), Some(2));
}
