//! The export written record by record and the import read record by record give exactly what
//! the whole document in memory gives.
mod common;

use std::path::Path;

use chrono::{TimeZone, Utc};
use common::{demo_document, now};
use tempfile::TempDir;
use veileder::config::Config;
use veileder::demo::{DemoOptions, generate};
use veileder::store::{Clock, ImportCounts, Store};
use veileder::transfer::json::Replay;
use veileder::transfer::{Document, export, json};

fn demo_store(dir: &Path, clients: usize) -> Store {
    let store = Store::open(&dir.join("demo.redb"), "streamed test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let doc = demo_document(clients);
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
fn demo_written_record_by_record_is_the_generated_document() {
    let shell = common::shell::Shell::new();
    shell.ok(&["demo", "--clients", "150", "--seed", "7"]);
    let made = Store::open(&shell.db(), "streamed test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let dir = TempDir::new().unwrap();
    let whole = streamed(&demo_store(dir.path(), 150));
    assert!(whole.len() > 200_000, "{} bytes", whole.len());
    assert_eq!(
        String::from_utf8(streamed(&made)).unwrap(),
        String::from_utf8(whole).unwrap()
    );
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

/// Imports `bytes` as `veileder import` does: checked in streaming passes, then written.
fn import_streamed(store: &Store, bytes: &[u8]) -> Result<ImportCounts, String> {
    let open = || Ok::<_, std::io::Error>(bytes);
    import_with(store, &open)
}

fn import_with<R: std::io::Read>(
    store: &Store,
    open: &impl Fn() -> std::io::Result<R>,
) -> Result<ImportCounts, String> {
    let checked = json::check_stream(open, store.today()).map_err(|e| e.to_string())?;
    let mut importer = store
        .importer("kari", &checked.plan.clients, &checked.plan.ventures)
        .map_err(|e| e.to_string())?;
    match json::replay(open, &checked, &mut importer) {
        Ok(()) => importer.finish(false).map_err(|e| e.to_string()),
        Err(Replay::Refused(e)) => Err(e.to_string()),
        Err(Replay::Sink(e)) => Err(e.to_string()),
    }
}

fn without_time(store: &Store) -> Document {
    let mut doc = store.export_document().unwrap();
    doc.exported_at = now();
    doc
}

/// A second, smaller centre already in the database, so imported ids are renumbered.
fn with_existing(dir: &Path, name: &str) -> Store {
    let store = Store::open(&dir.join(name), "streamed test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let config = Config::default();
    let doc = generate(&DemoOptions {
        clients: 5,
        seed: 3,
        now: now(),
        competence_areas: config.competence_areas,
        topics: config.topics,
        sectors: config.sectors,
    });
    store.import_document("demo", &doc, false).unwrap();
    store
}

#[test]
fn the_streamed_import_writes_what_the_document_in_memory_writes() {
    let dir = TempDir::new().unwrap();
    let source = demo_store(dir.path(), 60);
    let doc = source.export_document().unwrap();
    let bytes = streamed(&source);

    for existing in [false, true] {
        let (whole, stream) = if existing {
            (
                with_existing(dir.path(), "w1.redb"),
                with_existing(dir.path(), "s1.redb"),
            )
        } else {
            let open = |n: &str| {
                Store::open(&dir.path().join(n), "streamed test")
                    .unwrap()
                    .with_clock(Clock::Fixed(now()))
            };
            (open("w0.redb"), open("s0.redb"))
        };
        let expected = whole.import_document("kari", &doc, false).unwrap();
        let counts = import_streamed(&stream, &bytes).unwrap();
        assert_eq!(counts, expected);
        assert_eq!(counts.renumbered, existing);
        assert_eq!(without_time(&stream), without_time(&whole));
        assert_eq!(stream.check().unwrap(), vec![]);
    }
}

#[test]
fn lists_in_any_order_are_renumbered_as_in_document_order() {
    let dir = TempDir::new().unwrap();
    let source = demo_store(dir.path(), 20);
    let doc = source.export_document().unwrap();
    // The same document with its lists backwards: milestones first, clients last.
    let value = serde_json::to_value(&doc).unwrap();
    let fields: Vec<String> = [
        "milestones",
        "next_steps",
        "sessions",
        "ventures",
        "advisors",
        "clients",
        "version",
        "format",
        "exported_at",
    ]
    .iter()
    .map(|k| format!("\"{k}\": {}", value[k]))
    .collect();
    let text = format!("{{{}}}", fields.join(", "));
    assert!(text.starts_with("{\"milestones\""), "{}", &text[..40]);

    let whole = with_existing(dir.path(), "whole.redb");
    whole.import_document("kari", &doc, false).unwrap();
    let stream = with_existing(dir.path(), "stream.redb");
    import_streamed(&stream, text.as_bytes()).unwrap();
    assert_eq!(without_time(&stream), without_time(&whole));
}

#[test]
fn a_file_that_changes_between_the_passes_imports_nothing() {
    let dir = TempDir::new().unwrap();
    let source = demo_store(dir.path(), 10);
    let bytes = streamed(&source);
    let mut changed = bytes.clone();
    let at = changed.windows(6).position(|w| w == b"budget").unwrap();
    changed[at] = b'B';
    let opened = std::cell::Cell::new(0);
    let open = || {
        opened.set(opened.get() + 1);
        // Three passes check the file; the fourth, which writes, reads another one.
        Ok::<_, std::io::Error>(if opened.get() <= 3 {
            &bytes[..]
        } else {
            &changed[..]
        })
    };
    let store = Store::open(&dir.path().join("target.redb"), "streamed test").unwrap();
    let refused = import_with(&store, &open).unwrap_err();
    assert_eq!(opened.get(), 4);
    assert!(
        refused.starts_with("the file changed while it was imported"),
        "{refused}"
    );
    assert!(store.client_summaries().unwrap().is_empty());
}
