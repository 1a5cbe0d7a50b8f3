//! The store at a realistic centre's size and at national scale: open + client list, full-text
//! search, a durable session save, and importing a whole export document.
mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use veileder::domain::Session;
use veileder::store::{CallOutcome, Clock, Store};

fn session(client_id: u64, notes: &str) -> Session {
    Session {
        id: 0,
        client_id,
        advisor: "bench".into(),
        started_at: support::now(),
        minutes: Some(20),
        channel: Default::default(),
        topics: vec!["budget".into()],
        notes: notes.into(),
        motivation: Some(4),
        competence: Default::default(),
    }
}

fn store_benches(c: &mut Criterion) {
    for (label, clients) in support::sizes() {
        let centre = support::centre(clients);
        let sessions = centre.doc.sessions.len();
        eprintln!("{label}: {clients} clients, {sessions} sessions");
        let mut group = c.benchmark_group(label);
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(5));

        group.bench_function("open_and_client_list", |b| {
            b.iter(|| {
                let store = Store::open(&centre.path, "a benchmark").expect("open");
                black_box(store.client_summaries().expect("list").len())
            })
        });

        let store = Store::open(&centre.path, "a benchmark")
            .expect("open")
            .with_clock(Clock::Fixed(support::now()));
        let first = centre.doc.clients[0].id;
        store
            .add_session(
                "bench",
                session(first, "Visited the zanzibarkaffe roastery"),
                &CallOutcome::default(),
                None,
            )
            .expect("save");
        group.bench_function("search_rare_word", |b| {
            b.iter(|| black_box(store.search("zanzibarkaffe", 20).expect("search").len()))
        });
        group.bench_function("search_common_word", |b| {
            b.iter(|| black_box(store.search("budget", 20).expect("search").len()))
        });
        let client_ids: Vec<u64> = centre.doc.clients.iter().map(|c| c.id).collect();
        let mut next = client_ids.iter().cycle();
        group.bench_function("durable_session_save", |b| {
            b.iter(|| {
                let client = *next.next().expect("clients");
                let note = "Short follow-up call about the lease and the budget for the spring";
                store
                    .add_session(
                        "bench",
                        session(client, note),
                        &CallOutcome::default(),
                        None,
                    )
                    .expect("save")
            })
        });
        drop(store);

        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(if clients > 1000 { 120 } else { 10 }));
        group.bench_function("import_document", |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().expect("temp dir");
                    let store =
                        Store::open(&dir.path().join("import.redb"), "a benchmark").expect("open");
                    (dir, store)
                },
                |(dir, store)| {
                    store
                        .import_document("bench", &centre.doc, false)
                        .expect("import");
                    (dir, store)
                },
                BatchSize::PerIteration,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
