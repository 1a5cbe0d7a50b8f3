//! Shared set-up for the benchmarks: demo centres of a given size in temporary files.
#![allow(dead_code)]
mod history;

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
}

/// A database file filled with a demo centre of `clients` clients (about ten sessions each) and
/// the audit log of its years (eleven entries a session), a private copy for this benchmark. The filled file is made once per build of the benchmarks
/// (national scale takes most of a minute) and copied from there.
pub fn centre(clients: usize) -> Centre {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.redb");
    std::fs::copy(filled(clients), &path).expect("copy the filled centre");
    Centre { dir, path }
}

fn filled(clients: usize) -> PathBuf {
    let cache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("centre-{clients}.redb"));
    let built = std::env::current_exe()
        .and_then(|exe| exe.metadata()?.modified())
        .expect("the benchmark's own age");
    let fresh = cache
        .metadata()
        .and_then(|m| m.modified())
        .is_ok_and(|made| made > built);
    if !fresh {
        let partial = cache.with_extension(format!("{}.partial", std::process::id()));
        let _ = std::fs::remove_file(&partial);
        let store = Store::open(&partial, "a benchmark")
            .expect("open")
            .with_clock(Clock::Fixed(now()));
        let document = document(clients);
        store
            .import_document("bench", &document, false)
            .expect("import");
        history::write(&store, &document, now());
        drop(store);
        std::fs::rename(&partial, &cache).expect("keep the filled centre");
    }
    cache
}
