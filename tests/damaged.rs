//! A database file that is read-only for its user, truncated, or has flipped bytes: every
//! command answers in one line (naming `veileder check` when the file is damaged) or works,
//! and nothing panics.
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::process::CommandExt as _;
use std::process::{Command, Output};

use common::shell::Shell;

/// A small centre, written by the real binary.
fn centre() -> (Shell, Vec<u8>) {
    let sh = Shell::new();
    sh.ok(&["demo", "--clients", "30"]);
    let bytes = std::fs::read(sh.db()).unwrap();
    (sh, bytes)
}

/// The command either works or fails in one line that names `veileder check`; never a panic.
fn answers_plainly(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    match out.status.code() {
        Some(0) => {}
        Some(1) if stderr.is_empty() => {
            // `check` lists problems on stdout and exits 1.
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(stdout.contains(" found in "), "{what}: {stdout}");
        }
        Some(1) => {
            assert_eq!(stderr.trim_end().lines().count(), 1, "{what}: {stderr}");
            assert!(stderr.contains("veileder check"), "{what}: {stderr}");
        }
        other => panic!("{what}: exit {other:?}: {stderr}"),
    }
}

#[test]
fn a_truncated_file_is_refused_in_one_line_naming_check() {
    let (sh, bytes) = centre();
    let len = bytes.len();
    for cut in [1, 100, 512, 4096, len / 3, len / 2, len - 4096, len - 1] {
        std::fs::write(sh.db(), &bytes[..cut]).unwrap();
        for command in [&["client", "list"][..], &["search", "budget"], &["check"]] {
            let out = sh.run(command);
            answers_plainly(&out, &format!("cut at {cut} of {len}, {command:?}"));
        }
    }
}

#[test]
fn flipped_bytes_never_panic_and_damage_names_check() {
    let (sh, bytes) = centre();
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut refused = 0;
    for round in 0..30 {
        let mut damaged = bytes.clone();
        for _ in 0..16 {
            let at = rng.usize(..damaged.len());
            damaged[at] ^= 1 << rng.u8(0..8);
        }
        std::fs::write(sh.db(), &damaged).unwrap();
        for command in [&["client", "list"][..], &["check"]] {
            let out = sh.run(command);
            answers_plainly(&out, &format!("round {round}, {command:?}"));
            refused += usize::from(!out.status.success());
        }
    }
    assert!(refused > 0, "no flip was noticed at all");
}

/// Makes the database file one this user cannot write: mode 0400, and under root (who may
/// write any file) owned by nobody, as whom `as_reader` then runs.
fn make_unwritable(sh: &Shell) {
    let db = sh.db();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).unwrap();
    if unsafe { libc::geteuid() } == 0 {
        std::fs::set_permissions(sh.dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        std::os::unix::fs::chown(&db, Some(65534), Some(65534)).unwrap();
    }
}

/// The binary on `sh`'s database as a user who may read it but not write it.
fn as_reader(sh: &Shell, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_veileder"));
    command
        .arg("--db")
        .arg(sh.db())
        .args(args)
        .env("HOME", sh.dir.path())
        .env("XDG_DATA_HOME", sh.dir.path().join("data"))
        .env("XDG_CONFIG_HOME", sh.dir.path().join("config"));
    if unsafe { libc::geteuid() } == 0 {
        command.uid(65534).gid(65534);
    }
    command.output().unwrap()
}

#[test]
fn a_database_the_user_cannot_write_opens_to_read_and_refuses_writes_in_one_line() {
    let (sh, bytes) = centre();
    let db = sh.db();
    make_unwritable(&sh);
    let run = |args: &[&str]| as_reader(&sh, args);

    let listed = run(&["client", "list", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&listed.stderr);
    assert_eq!(listed.status.code(), Some(0), "{stderr}");
    let clients: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(clients.as_array().unwrap().len(), 30);
    assert!(run(&["search", "budget"]).status.success());

    let added = run(&["client", "add", "Ana"]);
    let stderr = String::from_utf8_lossy(&added.stderr);
    assert_eq!(added.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("is open to read only"), "{stderr}");
    assert!(stderr.contains("mode 0600"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the file was changed");
}

#[test]
fn a_damaged_block_of_the_search_index_is_named_by_search_and_by_check() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Ana"]);
    sh.ok(&["note", "Ana", "First talk about budgets"]);
    {
        let db = redb::Database::open(sh.db()).unwrap();
        let tx = db.begin_write().unwrap();
        let blocks: redb::TableDefinition<(&str, u8, u64), &[u8]> =
            redb::TableDefinition::new("term_blocks");
        let unreadable: &[u8] = &[0x80];
        tx.open_table(blocks)
            .unwrap()
            .insert(("budgets", 2, 999), unreadable)
            .unwrap();
        tx.commit().unwrap();
    }
    let search = sh.run(&["search", "budgets"]);
    assert_eq!(search.status.code(), Some(1));
    answers_plainly(&search, "search over a damaged block");
    let check = sh.run(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    let said = String::from_utf8(check.stdout).unwrap();
    assert!(
        said.contains("damaged blocks in the search index: 1;"),
        "{said}"
    );
}

#[test]
fn an_older_file_the_user_cannot_write_says_it_needs_upgrading_once() {
    let sh = Shell::new();
    std::fs::copy("tests/fixtures/schema-v1.redb", sh.db()).unwrap();
    let bytes = std::fs::read(sh.db()).unwrap();
    make_unwritable(&sh);
    let listed = as_reader(&sh, &["client", "list"]);
    let stderr = String::from_utf8_lossy(&listed.stderr);
    assert_eq!(listed.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("written by an older veileder"), "{stderr}");
    assert!(stderr.contains("mode 0600, or open a copy"), "{stderr}");
    assert_eq!(
        std::fs::read(sh.db()).unwrap(),
        bytes,
        "the file was changed"
    );
}
