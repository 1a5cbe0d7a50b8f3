//! Advisors' SSH keys and the audit log, through the real binary.
mod common;

use common::shell::Shell;
use serde_json::Value;

#[test]
fn keys_are_added_once_removed_and_refused_when_not_keys() {
    let sh = Shell::new();
    let first = sh.keygen("ola1");
    let second = sh.keygen("ola2");
    sh.ok(&["advisor", "add", "ola", "--name", "Ola", "--key", &first]);
    assert!(
        sh.ok(&["advisor", "key", "add", "ola", &second])
            .contains("(keys: 2)")
    );
    assert!(
        sh.ok(&["advisor", "key", "add", "ola", &second])
            .contains("already registered")
    );
    assert!(
        sh.ok(&["advisor", "list"])
            .contains("ola       Ola   advisor  2")
    );
    assert!(
        sh.ok(&["advisor", "key", "remove", "ola", &first])
            .contains("(keys left: 1)")
    );
    assert!(
        sh.fails_in_one_line(&["advisor", "key", "remove", "ola", &first])
            .contains("has no key")
    );
    let private = second.trim_end_matches(".pub");
    assert!(
        sh.fails_in_one_line(&["advisor", "key", "add", "ola", private])
            .contains("private key")
    );
    assert!(
        sh.fails_in_one_line(&["advisor", "key", "add", "nobody", &first])
            .contains("no advisor")
    );
}

#[test]
fn the_audit_lists_writes_and_filters_by_client_and_advisor() {
    let sh = Shell::new();
    let id: u64 = sh
        .ok(&["client", "add", "Amina Yusuf"])
        .trim()
        .parse()
        .unwrap();
    sh.ok(&["client", "add", "Leila Haddad"]);
    sh.ok(&["note", "Amina Yusuf", "Called about the budget"]);
    let all: Value = serde_json::from_str(&sh.ok(&["audit", "--format", "json"])).unwrap();
    let actions: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["client.add", "client.add", "session.add"]);
    let amina: Value =
        serde_json::from_str(&sh.ok(&["audit", "--client", "Amina Yusuf", "--format", "json"]))
            .unwrap();
    assert_eq!(amina.as_array().unwrap().len(), 2);
    assert!(
        amina
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["client_id"].as_u64() == Some(id) && e["advisor"] == "kari")
    );
    let text = sh.ok(&["audit", "--advisor", "kari"]);
    assert!(
        text.contains("session.add") && text.contains("2026-11-27 10:00:00"),
        "{text}"
    );
    assert_eq!(sh.ok(&["audit", "--advisor", "nobody"]).lines().count(), 1);
    assert!(
        sh.fails_in_one_line(&["audit", "--client", "Nobody"])
            .contains("no client")
    );
}

#[test]
fn a_log_longer_than_a_page_is_listed_whole_in_order_as_one_table() {
    use veileder::store::{AuditEntry, Store};
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amina Yusuf"]);
    {
        let store = Store::open(&sh.db(), "cli test").unwrap();
        let history = (0..25_000).map(|n| AuditEntry {
            id: 0,
            at: common::now(),
            advisor: if n % 2 == 0 { "ola" } else { "jonas" }.into(),
            client_id: Some(1),
            action: "client.open".into(),
            detail: if n == 24_999 {
                "the longest detail of all"
            } else {
                "page"
            }
            .into(),
        });
        store.append_audit_history("ola", history).unwrap();
    }
    let json: Value = serde_json::from_str(&sh.ok(&["audit", "--format", "json"])).unwrap();
    let ids: Vec<u64> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (1..=25_001).collect::<Vec<u64>>());
    let by_ola: Value =
        serde_json::from_str(&sh.ok(&["audit", "--advisor", "ola", "--format", "json"])).unwrap();
    assert_eq!(by_ola.as_array().unwrap().len(), 12_500);
    let text = sh.ok(&["audit"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 25_002, "a heading and every entry");
    // The columns were measured over every page: the detail of the very last entry fits.
    let detail_at = lines[0].find("DETAIL").unwrap();
    assert_eq!(&lines[25_001][detail_at..], "the longest detail of all");
    assert_eq!(&lines[2][detail_at..], "page");
}
