//! Erasure for good at a realistic centre's size and at national scale: one transaction of
//! deletes, then the whole file rewritten so no erased byte stays (see src/store/rewrite.rs).
mod support;

use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use veileder::domain::{Advisor, Role};
use veileder::store::{Clock, Store};

fn privacy_benches(c: &mut Criterion) {
    for (label, clients) in support::sizes() {
        let centre = support::centre(clients);
        let mut group = c.benchmark_group(label);
        // One erasure per iteration, each of another client: flat sampling keeps the count low.
        group
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(1))
            .sample_size(10)
            .measurement_time(Duration::from_secs(if clients > 1000 { 300 } else { 10 }));
        let store = Store::open(&centre.path, "a benchmark")
            .expect("open")
            .with_clock(Clock::Fixed(support::now()));
        let admin = Advisor {
            username: "bench-admin".into(),
            name: "Bench Admin".into(),
            role: Role::Admin,
            keys: Vec::new(),
        };
        store.put_advisor("bench-admin", admin).expect("admin");
        let clients = store.client_summaries().expect("clients");
        let mut ids = clients.iter().map(|c| c.id);
        group.bench_function("erase_client", |b| {
            b.iter(|| {
                let id = ids.next().expect("a client left to erase");
                store.erase_client("bench-admin", id).expect("erase")
            })
        });
        group.finish();
    }
}

criterion_group!(benches, privacy_benches);
criterion_main!(benches);
