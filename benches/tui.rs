//! The terminal UI at a realistic centre's size and at national scale: the first frame after
//! start (open the file, load the list, draw), and update + draw of one filter keystroke.
mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use veileder::app::{App, Key, KeyCode, run_effects};
use veileder::config::Config;
use veileder::store::{Clock, Store};
use veileder::ui;

const SIZE: (u16, u16) = (100, 30);

fn started(store: &Store) -> App {
    let mut app = App::new(&Config::default(), "ingrid", store.clock(), false).expect("app");
    app.resize(SIZE.0, SIZE.1);
    let first = app.start();
    run_effects(&mut app, store, first);
    app
}

fn tui_benches(c: &mut Criterion) {
    for (label, clients) in support::sizes() {
        let centre = support::centre(clients);
        let mut group = c.benchmark_group(format!("tui_{label}"));
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(5));

        group.bench_function("first_frame", |b| {
            b.iter(|| {
                let store = Store::open(&centre.path, "a benchmark")
                    .expect("open")
                    .with_clock(Clock::Fixed(support::now()));
                let app = started(&store);
                let mut terminal =
                    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
                terminal.draw(|frame| ui::draw(frame, &app)).expect("draw");
                black_box(terminal.backend().buffer().area.width)
            })
        });

        let store = Store::open(&centre.path, "a benchmark")
            .expect("open")
            .with_clock(Clock::Fixed(support::now()));
        let mut app = started(&store);
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
        for key in [Key::char('/'), Key::char('a'), Key::char('m')] {
            let effect = app.handle_key(key);
            run_effects(&mut app, &store, effect);
        }
        // Alternately narrows and widens the filter by one letter, as a person typing and fixing.
        let keys = [
            Key::char('i'),
            Key::new(KeyCode::Backspace, false, false, false),
        ];
        let mut n = 0usize;
        group.bench_function("filter_keystroke_update_and_draw", |b| {
            b.iter(|| {
                n += 1;
                let effect = app.handle_key(keys[n % 2]);
                run_effects(&mut app, &store, effect);
                terminal.draw(|frame| ui::draw(frame, &app)).expect("draw");
            })
        });
        group.finish();
    }
}

criterion_group!(benches, tui_benches);
criterion_main!(benches);
