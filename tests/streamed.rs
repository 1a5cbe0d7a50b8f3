//! The export written record by record and the import read record by record give exactly what
//! the whole document in memory gives.
mod common;

use std::path::Path;

use chrono::{TimeZone, Utc};
use common::now;
use tempfile::TempDir;
use veileder::config::Config;
use veileder::demo::{DemoOptions, generate};
use veileder::store::{Clock, Store};
use veileder::transfer::{export, json};

fn demo_store(dir: &Path, clients: usize) -> Store {
    let store = Store::open(&dir.join("demo.redb"), "streamed test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let config = Config::default();
    let doc = generate(&DemoOptions {
        clients,
        seed: 7,
        now: now(),
        competence_areas: config.competence_areas,
        topics: config.topics,
        sectors: config.sectors,
    });
    store.import_document("demo", &doc, false).unwrap();
    store
}

fn streamed(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store
        .snapshot(|s| export::write_document(s, &mut out))
        .unwrap();
    out
}

#[test]
fn the_streamed_export_is_the_document_in_memory_byte_for_byte() {
    let dir = TempDir::new().unwrap();
    let store = demo_store(dir.path(), 300);
    let whole = json::to_json(&store.export_document().unwrap());
    let bytes = streamed(&store);
    assert!(bytes.len() > 500_000, "{} bytes", bytes.len());
    assert_eq!(String::from_utf8(bytes).unwrap(), whole);
}

#[test]
fn an_empty_centre_streams_empty_lists() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(&dir.path().join("empty.redb"), "streamed test")
        .unwrap()
        .with_clock(Clock::Fixed(
            Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap(),
        ));
    let bytes = streamed(&store);
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        json::to_json(&store.export_document().unwrap())
    );
}
