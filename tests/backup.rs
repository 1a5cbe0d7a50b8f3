//! Backups: a checked copy while the file is in use, a folder that keeps the newest few, the
//! key in the terminal UI, and restoring by copying a backup back.
mod common;

use std::os::unix::fs::PermissionsExt as _;

use chrono::Duration;
use common::shell::Shell;
use common::{client, now, session, temp_store};
use veileder::app::{App, Key, run_effects};
use veileder::config::Config;
use veileder::store::{CallOutcome, Clock, Kind, Store, backup};

#[test]
fn restoring_a_backup_brings_back_the_data_as_it_was() {
    let t = temp_store();
    let amina = client(&t.store, "Amina Yusuf");
    let note = session(amina.id, 3, "Talked about the food truck permit", Some(4));
    t.store
        .add_session("kari", note, &CallOutcome::default(), None)
        .unwrap();
    let dest = t.dir.path().join("copy.redb");

    let made = t.store.backup_to(&dest).unwrap();
    assert_eq!(made.path, dest);
    let mode = std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a backup holds client data: owner only");

    // Work goes on after the backup: a new client, a deleted one.
    client(&t.store, "Tomasz Nowak");
    t.store.delete("kari", Kind::Client, amina.id).unwrap();
    assert_eq!(t.store.search("permit", 10).unwrap().len(), 0);

    // Restore: close the database, copy the backup over it, open it again.
    let path = t.store.path().to_path_buf();
    drop(t.store);
    std::fs::copy(&dest, &path).unwrap();
    let restored = Store::open(&path, "a test").unwrap();
    let names: Vec<String> = restored
        .client_summaries()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Amina Yusuf"]);
    assert_eq!(restored.search("permit", 10).unwrap().len(), 1);
    assert_eq!(restored.check().unwrap(), vec![]);
    // Ids continue after the restored ones, not after the lost work.
    assert_eq!(client(&restored, "Leila Haddad").id, amina.id + 1);
}

#[test]
fn a_backup_onto_the_database_itself_is_refused_and_changes_nothing() {
    let t = temp_store();
    client(&t.store, "Amina Yusuf");
    let err = t.store.backup_to(t.store.path()).unwrap_err().to_string();
    assert!(err.contains("that is the database itself"), "{err}");
    assert_eq!(t.store.client_summaries().unwrap().len(), 1);
}

#[test]
fn the_backup_folder_keeps_the_newest_and_leaves_other_files_alone() {
    let t = temp_store();
    client(&t.store, "Amina Yusuf");
    let folder = t.dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("notes.txt"), "mine").unwrap();
    for hours in 0..5 {
        t.store
            .backup_into_folder(&folder, 3, now() + Duration::hours(hours))
            .unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "notes.txt",
            "veileder-20261127-120000.redb",
            "veileder-20261127-130000.redb",
            "veileder-20261127-140000.redb",
        ]
    );
    assert_eq!(backup::rotate(&folder, 1).unwrap().len(), 2);
    let newest = folder.join("veileder-20261127-140000.redb");
    assert_eq!(
        Store::open(&newest, "a test")
            .unwrap()
            .client_summaries()
            .unwrap()[0]
            .name,
        "Amina Yusuf"
    );
}

#[test]
fn the_backup_key_writes_into_the_configured_folder_and_says_where() {
    let t = temp_store();
    client(&t.store, "Amina Yusuf");
    let mut config = Config::default();
    config.backup.dir = Some(t.dir.path().join("kept"));
    config.backup.keep = 2;
    let mut app = App::new(&config, "kari", Clock::Fixed(now()), false).unwrap();
    let first = app.start();
    run_effects(&mut app, &t.store, first);

    let effect = app.handle_key(Key::char('B'));
    run_effects(&mut app, &t.store, effect);

    let expected = t.dir.path().join("kept/veileder-20261127-100000.redb");
    let status = app.status().unwrap();
    assert!(!status.is_error, "{}", status.text);
    assert!(
        status
            .text
            .starts_with(&format!("Backed up to {}", expected.display())),
        "{}",
        status.text
    );
    assert!(
        status.text.contains("keeps the newest 2"),
        "{}",
        status.text
    );
    let copy = Store::open(&expected, "a test").unwrap();
    assert_eq!(copy.check().unwrap(), vec![]);
    assert_eq!(copy.client_summaries().unwrap().len(), 1);
}

#[test]
fn the_backup_command_writes_a_checked_copy_to_a_file_or_into_a_folder() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amina Yusuf"]);
    let out = sh.ok(&["backup", sh.path("copy.redb").to_str().unwrap()]);
    assert!(out.starts_with("backed up "), "{out}");
    assert!(out.contains("checked"), "{out}");
    let listed = sh.run_on(&sh.path("copy.redb"), &["client", "list"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Amina Yusuf"));

    std::fs::create_dir(sh.path("usb")).unwrap();
    sh.ok(&["backup", sh.path("usb").to_str().unwrap()]);
    assert!(sh.path("usb/veileder-20261127-100000.redb").exists());

    // A folder that cannot be: its "parent" is a file.
    let err = sh.fails_in_one_line(&["backup", sh.path("copy.redb/x.redb").to_str().unwrap()]);
    assert!(err.contains("backup to"), "{err}");
    let listed = sh.run_on(&sh.path("copy.redb"), &["check"]);
    assert!(listed.status.success(), "the earlier backup is untouched");
}
