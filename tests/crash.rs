//! Crash safety: a process saving sessions is killed with SIGKILL again and again; every save
//! that returned must be there, and the file must open and pass `check` each time.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use veileder::domain::{Client, Session};
use veileder::store::{CallOutcome, Store};

const CHILD_ENV: &str = "VEILEDER_CRASH_CHILD_DB";

/// The child: saves sessions forever, printing each id once its save has returned.
#[test]
#[ignore = "started by killed_while_saving_loses_nothing_that_was_saved"]
fn crash_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let store = Store::open(std::path::Path::new(&path), "crash child").unwrap();
    let client = match store.client_summaries().unwrap().first() {
        Some(c) => c.id,
        None => {
            store
                .add_client("kari", Client::new(0, "Crash Test", store.now()))
                .unwrap()
                .id
        }
    };
    let mut n = 0u64;
    loop {
        n += 1;
        let session = Session {
            id: 0,
            client_id: client,
            advisor: "kari".into(),
            started_at: store.now(),
            minutes: Some(15),
            channel: Default::default(),
            topics: vec!["budget".into()],
            notes: format!("Saved note number {n} about the bakery's budget and the lease"),
            motivation: Some(3),
            competence: Default::default(),
        };
        let saved = store
            .add_session("kari", session, &CallOutcome::default(), None)
            .unwrap();
        println!("saved {}", saved.id);
    }
}

#[test]
fn killed_while_saving_loses_nothing_that_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.redb");
    let mut confirmed: Vec<u64> = Vec::new();
    let mut rng = fastrand::Rng::with_seed(7);
    for round in 0..25 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "crash_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let lines = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| {
                    l.strip_prefix("saved ")
                        .and_then(|id| id.trim().parse::<u64>().ok())
                })
                .collect::<Vec<u64>>()
        });
        std::thread::sleep(Duration::from_millis(150 + rng.u64(0..250)));
        child.kill().unwrap();
        child.wait().unwrap();
        let saved_now = lines.join().unwrap();
        confirmed.extend(&saved_now);

        let started = Instant::now();
        let store = loop {
            match Store::open(&db, "crash test") {
                Ok(s) => break s,
                Err(e) if started.elapsed() < Duration::from_secs(10) => {
                    let _ = e;
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => panic!("round {round}: the file does not open after a kill: {e}"),
            }
        };
        assert_eq!(
            store.check().unwrap(),
            vec![],
            "round {round}: check after a kill"
        );
        for id in &confirmed {
            assert!(
                store.session(*id).unwrap().is_some(),
                "round {round}: session {id} was saved and is gone"
            );
        }
    }
    assert!(
        confirmed.len() > 25,
        "the child saved too little to mean anything: {}",
        confirmed.len()
    );
}
