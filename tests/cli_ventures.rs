//! `venture add` and `milestone add` through the real binary.
mod common;

use common::shell::Shell;
use serde_json::Value;

trait Centre {
    fn export(&self) -> Value;
    fn venture(&self) -> String;
}

impl Centre for Shell {
    fn export(&self) -> Value {
        serde_json::from_str(&self.ok(&["export"])).unwrap()
    }

    /// A client and a venture of hers; returns the venture id.
    fn venture(&self) -> String {
        self.ok(&["client", "add", "Amira Haddad", "--gender", "woman"]);
        self.ok(&[
            "venture",
            "add",
            "Amira Haddad",
            "Amira's Bakery",
            "--kind",
            "new",
            "--sector",
            "food & catering",
        ])
        .trim()
        .to_string()
    }
}

#[test]
fn venture_add_prints_the_id_and_is_exported() {
    let sh = Shell::new();
    let client = sh.ok(&["client", "add", "Amira Haddad"]).trim().to_string();
    let id = sh.ok(&[
        "venture",
        "add",
        &client,
        "Haddad IT",
        "--kind",
        "new",
        "--sector",
        "it",
        "--org-nr",
        "923609016",
        "--stage",
        "planning",
    ]);
    let id: u64 = id.trim().parse().unwrap();
    let doc = sh.export();
    let v = &doc["ventures"][0];
    assert_eq!(v["id"], id);
    assert_eq!(v["client_id"], client.parse::<u64>().unwrap());
    assert_eq!(v["name"], "Haddad IT");
    assert_eq!(v["kind"], "new");
    assert_eq!(v["sector"], "IT", "the configured spelling is kept");
    assert_eq!(v["org_nr"], "923609016");
    assert_eq!(v["stage"], "planning");
}

#[test]
fn venture_add_refuses_bad_input_with_one_line() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amira Haddad"]);
    let add = |extra: &[&str]| {
        let mut args = vec!["venture", "add", "Amira Haddad", "Bakery"];
        args.extend_from_slice(extra);
        sh.fails_in_one_line(&args)
    };
    let err = add(&["--kind", "new", "--org-nr", "923609017"]);
    assert!(err.contains("MOD11"), "{err}");
    let err = add(&["--kind", "new", "--sector", "astrology"]);
    assert!(err.contains("astrology"), "{err}");
    assert!(err.contains("IT") && err.contains("health"), "{err}");
    let err = add(&["--kind", "startup"]);
    assert!(err.contains("new, existing"), "{err}");
    let err = sh.fails_in_one_line(&["venture", "add", "Nobody", "Bakery", "--kind", "new"]);
    assert!(err.contains("Nobody"), "{err}");
    assert!(sh.export()["ventures"].as_array().unwrap().is_empty());
}

#[test]
fn milestone_registered_moves_the_stage() {
    let sh = Shell::new();
    let v = sh.venture();
    let said = sh.ok(&["milestone", "add", &v, "registered", "--date", "2026-11-20"]);
    assert!(
        said.contains(&format!("venture {v} is now registered")),
        "{said}"
    );
    let doc = sh.export();
    assert_eq!(doc["ventures"][0]["stage"], "registered");
    let m = &doc["milestones"][0];
    assert_eq!(m["kind"], "registered");
    assert_eq!(m["date"], "2026-11-20");
    assert_eq!(m["venture_id"], v.parse::<u64>().unwrap());
}

#[test]
fn milestone_date_defaults_to_today() {
    let sh = Shell::new();
    let v = sh.venture();
    sh.ok(&["milestone", "add", &v, "first sale"]);
    let doc = sh.export();
    assert_eq!(doc["milestones"][0]["date"], "2026-11-27");
    assert_eq!(doc["milestones"][0]["kind"], "first_sale");
    assert_eq!(doc["ventures"][0]["stage"], "operating");
}

#[test]
fn hired_needs_jobs_and_funding_keeps_its_amount() {
    let sh = Shell::new();
    let v = sh.venture();
    let err = sh.fails_in_one_line(&["milestone", "add", &v, "hired"]);
    assert!(err.contains("jobs"), "{err}");
    assert_eq!(err.matches("is missing").count(), 1, "said once: {err}");
    sh.ok(&["milestone", "add", &v, "hired", "--jobs", "2"]);
    sh.ok(&[
        "milestone",
        "add",
        &v,
        "funding",
        "--amount-nok",
        "250000",
        "--note",
        "Innovasjon Norge",
    ]);
    let doc = sh.export();
    let milestones = doc["milestones"].as_array().unwrap();
    assert_eq!(milestones.len(), 2);
    let funding = milestones.iter().find(|m| m["kind"] == "funding").unwrap();
    assert_eq!(funding["amount_nok"], 250000);
    assert_eq!(funding["note"], "Innovasjon Norge");
    let hired = milestones.iter().find(|m| m["kind"] == "hired").unwrap();
    assert_eq!(hired["jobs"], 2);
    assert_eq!(doc["ventures"][0]["stage"], "growing");
}

#[test]
fn milestone_refuses_bad_input_with_one_line() {
    let sh = Shell::new();
    let v = sh.venture();
    let err = sh.fails_in_one_line(&["milestone", "add", "999", "registered"]);
    assert!(err.contains("999"), "{err}");
    let err = sh.fails_in_one_line(&["milestone", "add", "bakery", "registered"]);
    assert!(err.contains("bakery"), "{err}");
    let err = sh.fails_in_one_line(&["milestone", "add", &v, "party"]);
    assert!(err.contains("first_sale"), "{err}");
    let err = sh.fails_in_one_line(&["milestone", "add", &v, "registered", "--date", "2026-13-01"]);
    assert!(err.contains("date"), "{err}");
    assert!(sh.export()["milestones"].as_array().unwrap().is_empty());
}
