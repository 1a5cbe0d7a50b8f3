//! Faults from outside: the process killed during an import, the disk full during a save, a
//! database file that is read-only, truncated or has flipped bytes. Each ends in one clear line
//! or a clean state, never a panic or half a write.
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{client, demo_document, now, session};
use veileder::domain::{Channel, Draft};
use veileder::store::{CallOutcome, Clock, Store};

const CHILD_DB: &str = "VEILEDER_FAULT_CHILD_DB";
const IMPORT_CLIENTS: usize = 400;

/// Starts the ignored test `name` of this binary as a child process on `db`.
fn child(name: &str, db: &Path) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "--ignored",
            "--exact",
            name,
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB, db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

fn open_again(db: &Path) -> Store {
    let started = Instant::now();
    loop {
        match Store::open(db, "a test") {
            Ok(store) => return store,
            Err(e) if started.elapsed() < Duration::from_secs(10) => {
                let _ = e;
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("the file does not open: {e}"),
        }
    }
}

/// Six imports of `IMPORT_CLIENTS` clients, each into a fresh file and killed by `kill` at a
/// random moment (`kill` says whether the import had finished first); every file then checks
/// clean and holds no client or all of them, and at least one import was killed midway.
fn killed_imports(dir: &Path, seed: u64, kill: impl Fn(&Path, &mut fastrand::Rng) -> bool) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut killed_midway = 0;
    for round in 0..6 {
        let db = dir.join(format!("import-{round}.redb"));
        let finished = kill(&db, &mut rng);

        let store = open_again(&db);
        assert_eq!(store.check().unwrap(), vec![], "round {round}");
        let clients = store.client_summaries().unwrap().len();
        if finished {
            assert_eq!(clients, IMPORT_CLIENTS, "round {round}");
        } else {
            killed_midway += 1;
            assert!(
                clients == 0 || clients == IMPORT_CLIENTS,
                "round {round}: {clients} clients half-imported"
            );
        }
    }
    assert!(killed_midway > 0, "no round was killed during the import");
}

#[test]
#[ignore = "started by killed_during_an_import_leaves_nothing_or_everything"]
fn import_child() {
    let Ok(db) = std::env::var(CHILD_DB) else {
        return;
    };
    let doc = demo_document(IMPORT_CLIENTS);
    let store = Store::open(Path::new(&db), "import child").unwrap();
    println!("importing");
    store.import_document("kari", &doc, false).unwrap();
    println!("imported");
}

#[test]
fn killed_during_an_import_leaves_nothing_or_everything() {
    let dir = tempfile::tempdir().unwrap();
    killed_imports(dir.path(), 11, |db, rng| {
        let mut process = child("import_child", db).spawn().unwrap();
        let mut lines = BufReader::new(process.stdout.take().unwrap()).lines();
        assert!(
            lines
                .by_ref()
                .map_while(Result::ok)
                .any(|l| l.ends_with("importing")),
            "the child did not start importing"
        );
        std::thread::sleep(Duration::from_millis(rng.u64(0..1500)));
        process.kill().unwrap();
        process.wait().unwrap();
        lines.map_while(Result::ok).any(|l| l.ends_with("imported"))
    });
}

/// The same through `veileder import` of a JSON file, which streams: checked first, then
/// written a record at a time in one transaction.
#[test]
fn killed_during_a_streamed_import_leaves_nothing_or_everything() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("centre.json");
    let doc = demo_document(IMPORT_CLIENTS);
    std::fs::write(&file, veileder::transfer::json::to_json(&doc)).unwrap();
    killed_imports(dir.path(), 12, |db, rng| {
        let mut process = Command::new(env!("CARGO_BIN_EXE_veileder"))
            .arg("--db")
            .arg(db)
            .arg("import")
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.u64(100..2500)));
        let finished = process.try_wait().unwrap().is_some();
        process.kill().unwrap();
        process.wait().unwrap();
        finished
    });
}

fn draft(client_id: u64) -> Draft {
    Draft {
        client_id,
        advisor: "kari".into(),
        started_at: now(),
        updated_at: now(),
        notes: "Half-typed note about the lease".into(),
        channel: Channel::Phone,
        topics: vec![],
        motivation: Some(3),
        competence: Default::default(),
        new_steps: vec![],
        ticked_steps: vec![],
    }
}

/// The child: the file may not grow any more (as on a full disk); it tries to save a session
/// with a large note and prints the error it got.
#[test]
#[ignore = "started by a_full_disk_refuses_the_save_in_one_line_and_keeps_the_draft"]
fn full_disk_child() {
    let Ok(db) = std::env::var(CHILD_DB) else {
        return;
    };
    let store = Store::open(Path::new(&db), "full disk child")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let size = std::fs::metadata(&db).unwrap().len();
    // SAFETY: plain libc calls on this process before any thread writes the file.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit {
            rlim_cur: size,
            rlim_max: size,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
    // Long notes (the most a note may hold), until the file would have to grow, then two more.
    let long = "The whole business plan pasted in. ".repeat(2_800);
    let mut errors = 0;
    for _ in 0..200 {
        let note = session(1, 0, &long, Some(4));
        match store.add_session("kari", note, &CallOutcome::default(), None) {
            Ok(s) => println!("\nsaved {}", s.id),
            Err(e) => {
                println!("\nerror: {e}");
                errors += 1;
            }
        }
        if errors == 3 {
            break;
        }
    }
}

#[test]
fn a_full_disk_refuses_the_save_in_one_line_and_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("full.redb");
    {
        let store = Store::open(&db, "a test")
            .unwrap()
            .with_clock(Clock::Fixed(now()));
        let amina = client(&store, "Amina Yusuf");
        assert_eq!(amina.id, 1);
        store.save_draft(&draft(amina.id)).unwrap();
    }
    let output = child("full_disk_child", &db).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let saved: Vec<u64> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("saved ")?.parse().ok())
        .collect();
    let errors: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("error: "))
        .collect();
    assert_eq!(errors.len(), 3, "{stdout}");
    assert!(errors[0].starts_with("the disk is full"), "{}", errors[0]);
    assert!(errors[0].contains("nothing was saved"), "{}", errors[0]);
    for error in &errors {
        assert_eq!(error.lines().count(), 1);
        assert!(error.contains("start veileder again"), "{error}");
    }

    let store = open_again(&db);
    assert_eq!(store.check().unwrap(), vec![]);
    assert_eq!(store.client_summaries().unwrap()[0].name, "Amina Yusuf");
    let kept: Vec<u64> = store.sessions_of(1).unwrap().iter().map(|s| s.id).collect();
    assert_eq!(
        kept.len(),
        saved.len(),
        "every save that returned, and no other"
    );
    assert!(saved.iter().all(|id| kept.contains(id)));
    assert_eq!(store.draft(1, "kari").unwrap(), Some(draft(1)));
}
