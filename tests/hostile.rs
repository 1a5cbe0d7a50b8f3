//! Hostile input: huge pastes and names, bytes that are not UTF-8, JSON nested past reason, and
//! dates at the ends of the calendar. Each is refused in one line that says where and what is
//! accepted, or taken whole; nothing is half-imported and nothing panics.
mod common;

use common::shell::Shell;
use common::{client, now, temp_store};
use veileder::app::{App, Key, KeyCode, Screen, run_effects};
use veileder::config::Config;
use veileder::store::Clock;

fn imports_nothing(sh: &Shell, file: &str, bytes: &[u8]) -> String {
    std::fs::write(sh.path(file), bytes).unwrap();
    let err = sh.fails(&["import", sh.path(file).to_str().unwrap()]);
    let listed = sh.ok(&["client", "list", "--format", "json"]);
    assert_eq!(listed.trim(), "[]", "{file}: something was imported");
    err
}

#[test]
fn a_one_megabyte_name_in_csv_is_refused_by_its_length() {
    let sh = Shell::new();
    let csv = format!(
        "name,phone\nAmina Yusuf,+47 912 34 567\n{},+47 400 00 000\n",
        "N".repeat(1 << 20)
    );
    let err = imports_nothing(&sh, "big.csv", csv.as_bytes());
    assert!(
        err.contains("row 3: name: is 1048576 characters long; 1 to 200 characters"),
        "{err}"
    );
    assert!(
        err.len() < 300,
        "the name is not echoed back: {} bytes",
        err.len()
    );
}

#[test]
fn invalid_utf8_is_refused_with_its_row_or_byte() {
    let sh = Shell::new();
    let err = imports_nothing(&sh, "latin1.csv", b"name\nAmina\nOla \xd8stby\n");
    assert!(
        err.contains("row 3: name: is not valid UTF-8 text; save the file as UTF-8"),
        "{err}"
    );

    let json = b"{\"format\": \"veileder\", \"clients\": [{\"name\": \"\xd8stby\"}]}";
    std::fs::write(sh.path("latin1.json"), json).unwrap();
    let err = sh.fails_in_one_line(&["import", sh.path("latin1.json").to_str().unwrap()]);
    assert_eq!(
        err.trim_end(),
        "veileder: the document is not valid UTF-8 text (byte 46); save it as UTF-8"
    );
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let sh = Shell::new();
    let depth = 1_000_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    std::fs::write(sh.path("deep.json"), deep).unwrap();
    let err = sh.fails_in_one_line(&["import", sh.path("deep.json").to_str().unwrap()]);
    assert!(
        err.contains("recursion limit exceeded at line 1 column 128"),
        "{err}"
    );
}

#[test]
fn calendar_edge_dates_are_refused_everywhere_dates_are_typed() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amina Yusuf"]);
    for (date, problem) in [
        ("0000-00-00", "is not a date"),
        ("9999-12-31", "is out of range"),
    ] {
        let err = sh.fails_in_one_line(&[
            "note",
            "1",
            "Call",
            "--next",
            "Send the budget",
            "--due",
            date,
        ]);
        assert!(
            err.contains(&format!(
                "due: '{date}' {problem}; a date written YYYY-MM-DD between 1900 and 2200"
            )),
            "{err}"
        );
        let err = sh.fails_in_one_line(&["report", "--from", date]);
        assert!(
            err.contains(&format!("--from: '{date}' {problem}")),
            "{err}"
        );
        let err = sh.fails_in_one_line(&["milestone", "add", "1", "registered", "--date", date]);
        assert!(err.contains(date), "{err}");
    }
    let before = sh.ok(&["export"]);

    let csv = "name,consent_date,consent_purpose\nA,0000-00-00,mentoring\nB,9999-12-31,mentoring\n";
    std::fs::write(sh.path("dates.csv"), csv).unwrap();
    let err = sh.fails(&["import", sh.path("dates.csv").to_str().unwrap()]);
    assert!(
        err.contains("row 2: consent_date: '0000-00-00' is not a date"),
        "{err}"
    );
    assert!(
        err.contains("row 3: consent_date: '9999-12-31' is out of range"),
        "{err}"
    );

    let edges = [
        (
            "\"due\": \"2026-12-01\"",
            "\"due\": \"9999-12-31\"",
            "due: 9999-12-31 is out of range",
        ),
        (
            "\"started_at\": \"2026-11-27T10:00:00Z\"",
            "\"started_at\": \"9999-12-31T00:00:00Z\"",
            "started_at: 9999-12-31 is out of range",
        ),
        (
            "\"started_at\": \"2026-11-27T10:00:00Z\"",
            "\"started_at\": \"0000-00-00T00:00:00Z\"",
            "input is out of range at line",
        ),
    ];
    for (field, date, problem) in edges {
        sh.ok(&[
            "note",
            "1",
            "Call",
            "--next",
            "Send the budget",
            "--due",
            "2026-12-01",
        ]);
        let doc = sh.ok(&["export"]).replace(field, date);
        sh.ok(&["client", "add", "Spare"]);
        std::fs::write(sh.path("dates.json"), doc).unwrap();
        let dry = sh.run(&[
            "import",
            sh.path("dates.json").to_str().unwrap(),
            "--dry-run",
        ]);
        let err = String::from_utf8_lossy(&dry.stderr);
        assert_eq!(dry.status.code(), Some(1), "{date}: {err}");
        assert!(
            err.starts_with("veileder: ") && !err.contains("panicked"),
            "{err}"
        );
        assert!(err.contains(problem), "{date}: {err}");
    }
    assert_ne!(before, sh.ok(&["export"]));
}

fn call_mode() -> (common::TempStore, App) {
    let t = temp_store();
    client(&t.store, "Amina Yusuf");
    let mut app = App::new(&Config::default(), "kari", Clock::Fixed(now()), false).unwrap();
    let first = app.start();
    run_effects(&mut app, &t.store, first);
    let effect = app.handle_key(Key::char('c'));
    run_effects(&mut app, &t.store, effect);
    assert!(matches!(app.screen(), Screen::Call(_)));
    (t, app)
}

#[test]
fn a_ten_megabyte_paste_is_refused_whole_and_a_long_one_saves_exactly() {
    let (t, mut app) = call_mode();
    for c in "Met at the library. ".chars() {
        app.handle_key(Key::char(c));
    }
    let huge = "Line of a pasted business plan, far too long to be a note.\n".repeat(170_000);
    assert!(huge.len() > 10_000_000);
    assert_eq!(app.paste(&huge), None);
    let status = app.status().unwrap();
    assert!(
        status.text.starts_with("Not pasted: 10030000 characters"),
        "{}",
        status.text
    );

    let long = "Budget line: rent, stock, insurance, accountant.\r\n".repeat(1_500);
    let effect = app.paste(&long);
    run_effects(&mut app, &t.store, effect);
    let effect = app.handle_key(Key::ctrl('s'));
    run_effects(&mut app, &t.store, effect);
    assert!(
        !matches!(app.screen(), Screen::Call(_)),
        "{:?}",
        app.status()
    );
    let saved = &t.store.sessions_of(1).unwrap()[0];
    let expected = format!("Met at the library. {}", long.replace("\r\n", "\n"));
    assert_eq!(saved.notes, expected.trim_end());
}

#[test]
fn a_paste_into_a_one_line_field_takes_the_first_line() {
    let t = temp_store();
    client(&t.store, "Amina Yusuf");
    client(&t.store, "Tomasz Nowak");
    let mut app = App::new(&Config::default(), "kari", Clock::Fixed(now()), false).unwrap();
    let first = app.start();
    run_effects(&mut app, &t.store, first);
    app.handle_key(Key::char('/'));
    let effect = app.paste(&format!("tomasz\n{}", "x".repeat(5_000_000)));
    run_effects(&mut app, &t.store, effect);
    let effect = app.handle_key(Key::new(KeyCode::Enter, false, false, false));
    run_effects(&mut app, &t.store, effect);
    match app.screen() {
        Screen::ClientPage(page) => assert_eq!(page.data().client.name, "Tomasz Nowak"),
        other => panic!("expected Tomasz's page, got {other:?}"),
    }
}
