//! The terminal UI at a realistic centre's size and at national scale: the first frame after
//! start (open the file, load the list, draw), and update + draw of one keystroke on each
//! screen — the list filter, the client page's tabs, call mode's note, the agenda, search, the
//! audit log — and of a large paste into the note.
mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use veileder::app::{App, Effect, Key, KeyCode, run_effects};
use veileder::config::Config;
use veileder::domain::Role;
use veileder::store::{Access, Clock, Store};
use veileder::ui;

const SIZE: (u16, u16) = (100, 30);

/// The app as the file's owner sees it: every client.
fn started(store: &Store) -> App {
    started_as(store, Access::owner("ingrid"))
}

fn started_as(store: &Store, access: Access) -> App {
    let mut app = App::new(&Config::default(), &access.username, store.clock(), false)
        .expect("app")
        .with_access(access);
    app.resize(SIZE.0, SIZE.1);
    let first = app.start();
    run_effects(&mut app, store, first);
    app
}

fn plain(code: KeyCode) -> Key {
    Key::new(code, false, false, false)
}

/// The keys of typing `text`.
fn typed(text: &str) -> Vec<Key> {
    text.chars().map(Key::char).collect()
}

/// A started app after `setup` keys, each with its effects run.
fn after(store: &Store, setup: &[Key]) -> App {
    after_as(store, Access::owner("ingrid"), setup)
}

fn after_as(store: &Store, access: Access, setup: &[Key]) -> App {
    let mut app = started_as(store, access);
    for key in setup {
        let effect = app.handle_key(*key);
        run_effects(&mut app, store, effect);
    }
    app
}

/// After `setup` keys, measures one of `keys` in turn (update, effects, draw).
fn keystrokes(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    store: &Store,
    setup: &[Key],
    keys: &[Key],
) {
    keystrokes_as(group, name, store, Access::owner("ingrid"), setup, keys);
}

/// Like `keystrokes`, for a session with `access`.
fn keystrokes_as(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    store: &Store,
    access: Access,
    setup: &[Key],
    keys: &[Key],
) {
    let mut app = after_as(store, access, setup);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
    let mut n = 0usize;
    group.bench_function(name, |b| {
        b.iter(|| {
            let effect = app.handle_key(keys[n % keys.len()]);
            n += 1;
            run_effects(&mut app, store, effect);
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draw");
        })
    });
}

/// For what cannot be repeated on the same app (a page read further back, a paste): after
/// `setup` keys on a fresh app each time, measures `act` once (update, effects, draw).
fn once_after(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    store: &Store,
    setup: &[Key],
    act: impl Fn(&mut App) -> Option<Effect>,
) {
    group.bench_function(name, |b| {
        b.iter_batched(
            || {
                let app = after(store, setup);
                let terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
                (app, terminal)
            },
            |(mut app, mut terminal)| {
                let effect = act(&mut app);
                run_effects(&mut app, store, effect);
                terminal.draw(|frame| ui::draw(frame, &app)).expect("draw");
                app
            },
            criterion::BatchSize::PerIteration,
        )
    });
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
        let backspace = plain(KeyCode::Backspace);
        // Typing and fixing: alternately narrows and widens by one letter.
        keystrokes(
            &mut group,
            "filter_keystroke_update_and_draw",
            &store,
            &typed("/am"),
            &[Key::char('i'), backspace],
        );
        keystrokes(
            &mut group,
            "client_page_tab_update_and_draw",
            &store,
            &[plain(KeyCode::Enter)],
            &[plain(KeyCode::Tab), plain(KeyCode::BackTab)],
        );
        keystrokes(
            &mut group,
            "call_note_keystroke_update_and_draw",
            &store,
            &[Key::char('c')],
            &[Key::char('a'), backspace],
        );
        keystrokes(
            &mut group,
            "agenda_move_update_and_draw",
            &store,
            &[Key::char('2')],
            &[Key::char('j'), Key::char('k')],
        );
        keystrokes(
            &mut group,
            "search_keystroke_update_and_draw",
            &store,
            &typed("3bud"),
            &[Key::char('g'), backspace],
        );

        // An advisor over SSH sees only their caseload and shares: the same keys, each checked
        // against what they may see.
        let advisor = store
            .client_summary(1)
            .expect("read")
            .and_then(|c| c.advisor)
            .expect("the first client's advisor");
        let advisor = Access::advisor(advisor, Role::Advisor);
        keystrokes_as(
            &mut group,
            "advisor_list_move_update_and_draw",
            &store,
            advisor.clone(),
            &[],
            &[Key::char('j'), Key::char('k')],
        );
        keystrokes_as(
            &mut group,
            "advisor_search_keystroke_update_and_draw",
            &store,
            advisor,
            &typed("3bud"),
            &[Key::char('g'), backspace],
        );

        // The audit screen: each press of its key reads the newest page again.
        keystrokes(
            &mut group,
            "audit_open_update_and_draw",
            &store,
            &[],
            &[Key::char('5')],
        );
        keystrokes(
            &mut group,
            "audit_move_update_and_draw",
            &store,
            &[Key::char('5')],
            &[Key::char('j'), Key::char('k')],
        );
        // A filter that matches often, and one that matches nothing and so reads the most.
        keystrokes(
            &mut group,
            "audit_filter_keystroke_update_and_draw",
            &store,
            &typed("5/a"),
            &[Key::char('n'), backspace],
        );
        keystrokes(
            &mut group,
            "audit_filter_no_match_keystroke_update_and_draw",
            &store,
            &typed("5/zq"),
            &[Key::char('x'), backspace],
        );

        // A lead looking up one client, one advisor, or one kind of action: type all but the
        // last letter, then measure the last letter and its backspace.
        let client = store
            .client_summary(clients as u64 / 2)
            .expect("read")
            .expect("a client in the middle");
        for (name, word) in [
            ("audit_filter_client_name", client.name.as_str()),
            ("audit_filter_advisor", "fatima"),
            ("audit_filter_action_word", "done"),
        ] {
            let mut setup = typed("5/");
            let mut letters = typed(&word.to_lowercase());
            let last = letters.pop().expect("a word");
            setup.extend(letters);
            keystrokes(
                &mut group,
                &format!("{name}_keystroke_update_and_draw"),
                &store,
                &setup,
                &[last, backspace],
            );
        }
        // Past the first page: from the 200 newest entries, the end of the list reads 200 more.
        let read_older = |app: &mut App| app.handle_key(Key::char('G'));
        once_after(
            &mut group,
            "audit_page_past_200_update_and_draw",
            &store,
            &[Key::char('5')],
            read_older,
        );
        // A filter that matched nothing among the newest entries: `G` asks for older ones.
        once_after(
            &mut group,
            "audit_filter_no_match_read_older_update_and_draw",
            &store,
            &[typed("5/zx"), vec![plain(KeyCode::Esc)]].concat(),
            read_older,
        );

        // The whole of that request: the key, then its steps between frames until it is done.
        let read_all_older = |app: &mut App| {
            let mut effect = app.handle_key(Key::char('G'));
            loop {
                run_effects(app, &store, effect);
                if !app.has_work() {
                    return None;
                }
                effect = app.resume();
            }
        };
        once_after(
            &mut group,
            "audit_filter_no_match_read_older_all_steps",
            &store,
            &[typed("5/zx"), vec![plain(KeyCode::Esc)]].concat(),
            read_all_older,
        );

        // A note-sized paste (90,000 characters) into call mode, then Esc-free undo by reopening.
        let pasted = "Pasted from the business plan, line after line.\n".repeat(1_800);
        group.sample_size(10);
        once_after(
            &mut group,
            "paste_90k_into_note_update_and_draw",
            &store,
            &[Key::char('c')],
            |app| app.paste(&pasted),
        );
        group.finish();
    }
}

criterion_group!(benches, tui_benches);
criterion_main!(benches);
