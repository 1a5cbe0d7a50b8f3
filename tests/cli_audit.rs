//! Advisors' SSH keys and the audit log, through the real binary.
mod common;

use std::process::Command;

use common::shell::Shell;
use serde_json::Value;

/// A fresh key pair made by the real ssh-keygen; returns the public key file.
fn keygen(sh: &Shell, name: &str) -> String {
    let path = sh.path(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    format!("{}.pub", path.display())
}

#[test]
fn keys_are_added_once_removed_and_refused_when_not_keys() {
    let sh = Shell::new();
    let first = keygen(&sh, "ola1");
    let second = keygen(&sh, "ola2");
    sh.ok(&["advisor", "add", "ola", "--name", "Ola", "--key", &first]);
    assert!(
        sh.ok(&["advisor", "key", "add", "ola", &second])
            .contains("(2 keys)")
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
            .contains("(1 keys left)")
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
