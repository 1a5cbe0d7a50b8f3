use super::*;
use crate::report::{About, Warning};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn day(text: &str) -> Option<NaiveDate> {
    Some(text.parse().unwrap())
}

fn typed(screen: &mut ReportsScreen, text: &str) {
    for c in text.chars() {
        screen.type_key(Key::char(c), 10);
    }
}

fn load_of(reply: Reply) -> Period {
    match reply {
        Reply::Effect(Effect::LoadReport(period)) => period,
        other => panic!("expected a report to be read, got {other:?}"),
    }
}

fn with_warnings(screen: &mut ReportsScreen, warnings: Vec<Warning>) {
    let doc = crate::transfer::Document::empty(chrono::Utc::now());
    let mut report = crate::report::build(&doc, Period::all_time(), today());
    report.warnings = warnings;
    let data = ReportData {
        period: Period::all_time(),
        report,
        years: Vec::new(),
        names: HashMap::new(),
    };
    let context = Context {
        actor: "kari".into(),
        now: chrono::Utc::now(),
        today: today(),
        page: 10,
        lang: crate::i18n::Lang::En,
    };
    screen.receive(&Outcome::Report(Box::new(data)), &context);
}

fn warning(record: &'static str, id: u64, client_id: u64) -> Warning {
    let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
    Warning::new(
        "session_without_duration",
        record,
        (id, client_id),
        About::NoDuration(day),
    )
}

#[test]
fn the_period_key_goes_this_year_last_year_all_time_then_custom() {
    let mut s = ReportsScreen::new(today());
    assert_eq!(
        s.period().unwrap(),
        Period::new(day("2026-01-01"), day("2026-12-31")).unwrap()
    );
    let last = load_of(s.update(Action::CyclePeriod, 10));
    assert_eq!(
        last,
        Period::new(day("2025-01-01"), day("2025-12-31")).unwrap()
    );
    assert_eq!(
        load_of(s.update(Action::CyclePeriod, 10)),
        Period::all_time()
    );
    assert!(matches!(s.update(Action::CyclePeriod, 10), Reply::Done));
    assert_eq!(s.choice(), PeriodChoice::Custom);
    assert_eq!(s.typing(), Some(Typing::From));
    assert_eq!(s.mode(), Mode::Text);
}

#[test]
fn a_custom_range_is_typed_and_checked_before_it_is_read() {
    let mut s = ReportsScreen::new(today());
    s.update(Action::Edit, 10);
    s.type_key(Key::ctrl('u'), 10);
    typed(&mut s, "2025-13-01");
    match s.update(Action::Open, 10) {
        Reply::Say(message) => assert!(message.contains("YYYY-MM-DD"), "{message}"),
        other => panic!("a bad date must be refused, got {other:?}"),
    }
    assert_eq!(
        s.typing(),
        Some(Typing::From),
        "still typing after a refusal"
    );

    s.type_key(Key::ctrl('u'), 10);
    typed(&mut s, "2026-06-01");
    s.update(Action::NextField, 10);
    s.type_key(Key::ctrl('u'), 10);
    typed(&mut s, "2026-05-31");
    match s.update(Action::Open, 10) {
        Reply::Say(message) => assert!(message.contains("is after"), "{message}"),
        other => panic!("a period ending before it starts must be refused, got {other:?}"),
    }

    s.type_key(Key::ctrl('u'), 10);
    let open_end = load_of(s.update(Action::Open, 10));
    assert_eq!(open_end, Period::new(day("2026-06-01"), None).unwrap());
    assert_eq!(s.typing(), None);
    assert_eq!(s.mode(), Mode::Normal);
}

#[test]
fn a_warning_opens_its_client_at_the_session() {
    let mut s = ReportsScreen::new(today());
    with_warnings(
        &mut s,
        vec![warning("session", 41, 7), warning("client", 9, 9)],
    );
    assert!(
        matches!(s.update(Action::Open, 10), Reply::NotHere),
        "not on the figures"
    );
    s.update(Action::NextField, 10);
    s.update(Action::NextField, 10);
    assert_eq!(s.view(), ReportView::Warnings);
    assert!(matches!(
        s.update(Action::Open, 10),
        Reply::Effect(Effect::OpenClient {
            id: 7,
            session: Some(41)
        })
    ));
    s.update(Action::MoveDown, 10);
    s.update(Action::MoveDown, 10);
    assert_eq!(s.selected(), 1, "the selection stops at the last warning");
    assert!(matches!(
        s.update(Action::Open, 10),
        Reply::Effect(Effect::OpenClient {
            id: 9,
            session: None
        })
    ));
}

#[test]
fn export_asks_for_a_file_named_after_the_period() {
    let mut s = ReportsScreen::new(today());
    assert!(
        matches!(s.update(Action::Save, 10), Reply::Say(_)),
        "nothing to export yet"
    );
    with_warnings(&mut s, Vec::new());
    s.update(Action::Save, 10);
    assert_eq!(s.typing(), Some(Typing::ExportPath));
    assert_eq!(s.export_path(), "~/veileder-report-all-time.md");
    s.type_key(Key::ctrl('u'), 10);
    typed(&mut s, "/tmp/r.csv");
    match s.update(Action::Open, 10) {
        Reply::Effect(Effect::ExportReport { path, .. }) => assert_eq!(path, "/tmp/r.csv"),
        other => panic!("expected the export, got {other:?}"),
    }
}
