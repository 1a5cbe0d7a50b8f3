//! Shared set-up for the benchmarks: demo centres of a given size in temporary files.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use tempfile::TempDir;
use veileder::config::Config;
use veileder::demo::{DemoOptions, generate};
use veileder::store::{Clock, Store};
use veileder::transfer::Document;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .single()
        .expect("valid time")
}

/// The sizes to measure: a realistic centre always, national scale when
/// `VEILEDER_BENCH_NATIONAL=1` (it takes minutes, so CI leaves it out).
pub fn sizes() -> Vec<(&'static str, usize)> {
    let mut sizes = vec![("300_clients", 300)];
    if std::env::var("VEILEDER_BENCH_NATIONAL").is_ok_and(|v| v == "1") {
        sizes.push(("20000_clients", 20_000));
    }
    sizes
}

pub fn document(clients: usize) -> Document {
    let config = Config::default();
    generate(&DemoOptions {
        clients,
        seed: 2026,
        now: now(),
        competence_areas: config.competence_areas,
        topics: config.topics,
        sectors: config.sectors,
    })
}

pub struct Centre {
    pub dir: TempDir,
    pub path: PathBuf,
    pub doc: Document,
}

/// A database file filled with a demo centre of `clients` clients (about ten sessions each).
pub fn centre(clients: usize) -> Centre {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.redb");
    let doc = document(clients);
    let store = Store::open(&path, "a benchmark")
        .expect("open")
        .with_clock(Clock::Fixed(now()));
    store.import_document("bench", &doc, false).expect("import");
    Centre { dir, path, doc }
}
