//! Shared helpers for the integration tests: temp databases with a fixed clock.
#![allow(dead_code)]

pub mod scan;
pub mod screens;
#[cfg(unix)]
pub mod serve;
pub mod shell;
#[cfg(unix)]
pub mod tmux;

use chrono::{DateTime, TimeZone, Utc};
use tempfile::TempDir;
use veileder::config::Config;
use veileder::demo::{DemoOptions, generate};
use veileder::domain::{Client, Session};
use veileder::store::{Clock, Store};
use veileder::transfer::Document;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .single()
        .expect("valid time")
}

/// A demo centre of `clients` clients, the same every run (seed 7), for the default config.
pub fn demo_document(clients: usize) -> Document {
    let config = Config::default();
    generate(&DemoOptions {
        clients,
        seed: 7,
        now: now(),
        competence_areas: config.competence_areas,
        topics: config.topics,
        sectors: config.sectors,
    })
}

pub struct TempStore {
    pub dir: TempDir,
    pub store: Store,
}

pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("test.redb"), "a test")
        .expect("open")
        .with_clock(Clock::Fixed(now()));
    TempStore { dir, store }
}

pub fn client(store: &Store, name: &str) -> Client {
    let mut c = Client::new(0, name, now());
    c.advisor = Some("kari".into());
    store.add_client("kari", c).expect("add client")
}

pub fn session(client_id: u64, days_ago: i64, notes: &str, motivation: Option<u8>) -> Session {
    Session {
        id: 0,
        client_id,
        advisor: "kari".into(),
        started_at: now() - chrono::Duration::days(days_ago),
        minutes: Some(20),
        channel: Default::default(),
        topics: vec![],
        notes: notes.into(),
        motivation,
        competence: Default::default(),
    }
}
