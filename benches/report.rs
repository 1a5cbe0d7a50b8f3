//! Funder reports at a realistic centre's size and at national scale: reading what a report
//! counts, computing the figures, and the whole `veileder report` path to JSON.
mod support;

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use veileder::report::{self, Period};
use veileder::store::{Clock, Store};

fn report_benches(c: &mut Criterion) {
    let today = support::now().date_naive();
    let year = Period::new(
        NaiveDate::from_ymd_opt(2025, 1, 1),
        NaiveDate::from_ymd_opt(2025, 12, 31),
    )
    .expect("a period");
    for (label, clients) in support::sizes() {
        let centre = support::centre(clients);
        let mut group = c.benchmark_group(format!("report_{label}"));
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(5));
        let store = Store::open(&centre.path, "a benchmark")
            .expect("open")
            .with_clock(Clock::Fixed(support::now()));

        group.bench_function("read_input", |b| {
            b.iter(|| black_box(store.report_input().expect("read").sessions.len()))
        });
        let input = store.report_input().expect("read");
        group.bench_function("compute_all_time", |b| {
            b.iter(|| black_box(report::compute(&input, Period::all_time(), today).sessions))
        });
        group.bench_function("all_time_to_json", |b| {
            b.iter(|| {
                let input = store.report_input().expect("read");
                let figures = report::compute(&input, Period::all_time(), today);
                black_box(serde_json::to_vec(&figures).expect("json").len())
            })
        });
        group.bench_function("one_year_to_text", |b| {
            b.iter(|| {
                let input = store.report_input().expect("read");
                black_box(report::text(&report::compute(&input, year, today)).len())
            })
        });
        group.finish();
    }
}

criterion_group!(benches, report_benches);
criterion_main!(benches);
