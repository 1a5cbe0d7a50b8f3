//! A count in a command's line takes the noun's form that count takes, in English and in
//! bokmål: "1 match", "2 matches"; "1 treff"; "1 problem found"; "1 klient".
mod common;

use common::shell::Shell;
use redb::{Database, TableDefinition};

const NORWEGIAN: &str = "nb_NO.UTF-8";

/// The last line of a command's output: where the commands put their count.
fn last_line(out: &str) -> &str {
    out.trim_end().lines().last().unwrap_or_default()
}

#[test]
fn search_counts_one_match_and_many_matches() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Leyla Ahmadi"]);
    sh.ok(&["note", "Leyla Ahmadi", "Talked about the bakery permit"]);
    assert_eq!(last_line(&sh.ok(&["search", "bakery"])), "1 match");
    assert_eq!(
        last_line(&sh.ok_in(NORWEGIAN, &["search", "bakery"])),
        "1 treff"
    );
    sh.ok(&["note", "Leyla Ahmadi", "The bakery opens in March"]);
    assert_eq!(last_line(&sh.ok(&["search", "bakery"])), "2 matches");
    assert_eq!(
        last_line(&sh.ok_in(NORWEGIAN, &["search", "bakery"])),
        "2 treff"
    );
}

#[test]
fn client_list_and_agenda_count_one_in_the_one_form() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Ana"]);
    assert_eq!(last_line(&sh.ok(&["client", "list"])), "1 client");
    let listed = sh.ok_in(NORWEGIAN, &["client", "list"]);
    assert_eq!(last_line(&listed), "1 klient");
    assert!(
        sh.ok(&["agenda", "--days", "1"])
            .contains("Next 1 day (0)\n")
    );
    let agenda = sh.ok_in(NORWEGIAN, &["agenda", "--days", "1"]);
    assert!(agenda.contains("Neste 1 dag (0)\n"), "{agenda}");
    assert!(sh.ok(&["agenda"]).contains("Next 7 days (0)\n"));
}

/// Removes the row under `key` from the table named `table` (keyed by id) behind the store's
/// back, as damage would.
fn remove_row(db: &std::path::Path, table: &str, key: u64) {
    let db = Database::open(db).unwrap();
    let tx = db.begin_write().unwrap();
    let definition: TableDefinition<u64, &[u8]> = TableDefinition::new(table);
    assert!(
        tx.open_table(definition)
            .unwrap()
            .remove(key)
            .unwrap()
            .is_some()
    );
    tx.commit().unwrap();
}

/// Empties the index of session times (keyed by time and session id), as damage would.
fn clear_session_times(db: &std::path::Path) {
    let db = Database::open(db).unwrap();
    let tx = db.begin_write().unwrap();
    let definition: TableDefinition<(i64, u64), u64> = TableDefinition::new("session_times");
    tx.open_table(definition)
        .unwrap()
        .retain(|_, _| false)
        .unwrap();
    tx.commit().unwrap();
}

fn check_in(sh: &Shell, lang: &str) -> String {
    let out = sh.run_in(lang, &["check"]);
    assert_eq!(out.status.code(), Some(1), "check finds the damage");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_counts_one_problem_and_many_problems() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Ana"]);
    sh.ok(&["note", "Ana", "First talk"]);
    let db = sh.db();
    let path = db.display();
    remove_row(&db, "client_summaries", 1);
    assert_eq!(
        last_line(&check_in(&sh, "C.UTF-8")),
        format!("1 problem found in {path}")
    );
    assert_eq!(
        last_line(&check_in(&sh, NORWEGIAN)),
        format!("1 feil funnet i {path}")
    );
    clear_session_times(&db);
    assert_eq!(
        last_line(&check_in(&sh, "C.UTF-8")),
        format!("2 problems found in {path}")
    );
    assert_eq!(
        last_line(&check_in(&sh, NORWEGIAN)),
        format!("2 feil funnet i {path}")
    );
}
