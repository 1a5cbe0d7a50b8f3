//! The store at a realistic centre's size and at national scale: open + client list, full-text
//! search, the agenda query, a durable session save, export, and importing a whole document.
mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use veileder::agenda::{self, AgendaScope};
use veileder::app::screens::search::HITS_FIRST;
use veileder::domain::{Role, Session};
use veileder::store::{Access, CallOutcome, Clock, Store, Visible};
use veileder::transfer::{export, json};

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
        let summaries = store.client_summaries().expect("list");
        let client_ids: Vec<u64> = summaries.iter().map(|c| c.id).collect();
        let advisor = summaries
            .iter()
            .find_map(|c| c.advisor.clone())
            .expect("an advisor");
        let caseload = store
            .visible(&Access::advisor(advisor, Role::Advisor))
            .expect("caseload");
        let first = client_ids[0];
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
        // What the search screen asks as a word is typed: a screenful, for a lead and for an
        // advisor, who sees only their caseload.
        let first_screen = HITS_FIRST;
        group.bench_function("search_screenful_everyone", |b| {
            b.iter(|| black_box(store.search_in("budg", first_screen, &Visible::everyone())))
        });
        group.bench_function("search_screenful_advisor", |b| {
            b.iter(|| black_box(store.search_in("budg", first_screen, &caseload)))
        });
        let today = store.today();
        group.bench_function("agenda_everyone", |b| {
            b.iter(|| {
                let scope = AgendaScope {
                    advisor: None,
                    today,
                    days: 7,
                    dormant_days: 60,
                    retention_years: 5,
                };
                black_box(agenda::build(&store, scope, &Visible::everyone()).expect("agenda"))
            })
        });
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
        group.sample_size(10);
        group.bench_function("export_document_json", |b| {
            b.iter(|| {
                let doc = store.export_document().expect("export");
                black_box(veileder::transfer::json::to_json(&doc).len())
            })
        });
        let mut document = Vec::new();
        group.bench_function("export_streamed_json", |b| {
            b.iter(|| {
                document.clear();
                store
                    .snapshot(|s| export::write_document(s, &mut document))
                    .expect("export");
                black_box(document.len())
            })
        });
        drop(store);

        let doc = support::document(clients);
        eprintln!(
            "{label}: {clients} clients, {} sessions",
            doc.sessions.len()
        );
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
                    store.import_document("bench", &doc, false).expect("import");
                    (dir, store)
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function("import_streamed_json", |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().expect("temp dir");
                    let store =
                        Store::open(&dir.path().join("import.redb"), "a benchmark").expect("open");
                    (dir, store)
                },
                |(dir, store)| {
                    let open = || Ok::<_, std::io::Error>(document.as_slice());
                    let checked = json::check_stream(&open, store.today()).expect("valid");
                    let mut importer = store
                        .importer("bench", &checked.plan.clients, &checked.plan.ventures)
                        .expect("importer");
                    if json::replay(&open, &checked, &mut importer).is_err() {
                        panic!("the document did not import");
                    }
                    importer.finish(false).expect("import");
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
