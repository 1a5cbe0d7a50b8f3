//! Funder figures over a hand-built centre whose every figure is worked out in the comments.

mod common;

use chrono::NaiveDate;
use common::shell::Shell;
use serde_json::{Value, json};
use veileder::report::{self, Period};
use veileder::transfer::Document;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/report-centre.json"
);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    day("2026-11-27")
}

fn document() -> Document {
    serde_json::from_str(&std::fs::read_to_string(FIXTURE).unwrap()).unwrap()
}

fn year_2025() -> Period {
    Period::new(Some(day("2025-01-01")), Some(day("2025-12-31"))).unwrap()
}

fn warning(kind: &str, record: &str, id: u64, client_id: u64, text: &str) -> Value {
    json!({"kind": kind, "record": record, "id": id, "client_id": client_id, "text": text})
}

/// 2025: sessions 102 (first day), 103, 104 (no minutes), 105 and 106 (last day, late UTC),
/// 111; 30+90+45+15+30 = 210 minutes. Clients 1, 2, 3 served; 2 and 3 created in 2025 (first
/// and last day). Ventures 10 and 12 registered (first and last day); venture 11 is existing,
/// its `registered` does not count, its two `expanded` count once; 14 expanded and 15
/// registered the day before, 13 and 16 after. Motivation up to 2025-12-31: client 1 2→4
/// (101 before the period counts as first), client 2 4→3 (110 is after the end), client 3 has
/// none. Steps at 2025-12-31: 201 is 60 days late, 203 (done 2026) 91, 206 exactly 30 (not
/// more), 202 16.
fn expected_2025() -> Value {
    json!({
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "clients_served": 3,
        "new_clients": 2,
        "sessions": 6,
        "session_hours": 3.5,
        "sessions_by_channel": {
            "course": {"sessions": 0, "hours": 0.0},
            "email": {"sessions": 1, "hours": 0.5},
            "meeting": {"sessions": 1, "hours": 1.5},
            "message": {"sessions": 0, "hours": 0.0},
            "phone": {"sessions": 3, "hours": 0.8},
            "video": {"sessions": 1, "hours": 0.8}
        },
        "new_businesses": 2,
        "new_businesses_by_women": 1,
        "developed_businesses": 1,
        "by_gender": {"man": 1, "other": 0, "unspecified": 1, "woman": 1},
        "by_sector": {
            "food": {"new_businesses": 1, "developed_businesses": 1},
            "unspecified": {"new_businesses": 1, "developed_businesses": 0}
        },
        "by_country": {"Syria": 1, "Ukraine": 1, "Vietnam": 1},
        "by_advisor": {
            "kari": {"sessions": 3, "hours": 2.3, "clients_served": 2},
            "ola": {"sessions": 3, "hours": 1.3, "clients_served": 2}
        },
        "motivation": {
            "clients": 2, "average_first": 3.0, "average_latest": 3.5,
            "rose": 1, "stayed": 0, "fell": 1
        },
        "competence": {
            "finance & budgeting": {
                "clients": 1, "average_first": 2.0, "average_latest": 3.0, "average_growth": 1.0
            },
            "marketing & sales": {
                "clients": 1, "average_first": 2.0, "average_latest": 4.0, "average_growth": 2.0
            }
        },
        "warnings": [
            warning("session_without_duration", "session", 104, 2,
                "session on 2025-03-03 has no duration"),
            warning("client_without_gender", "client", 3, 3, "Linh Nguyen has no gender"),
            warning("venture_without_sector", "venture", 12, 2, "Taras IT has no sector"),
            warning("overdue_step", "next_step", 201, 1,
                "\"Send the budget\" due 2025-11-01 is 60 days overdue"),
            warning("overdue_step", "next_step", 203, 3,
                "\"Register the company\" due 2025-10-01 is 91 days overdue"),
        ]
    })
}

/// All time, steps judged at 2026-11-27: all 11 sessions, 510 minutes; five new businesses
/// (10, 12, 13, 15, 16; by women 10 and 16), two developed (11, 14). Motivation: client 1 2→4,
/// client 2 4→5, client 4 2→2, client 5 has one rating. Finance: 2→3, 2→4, 1→3.
fn expected_all_time() -> Value {
    json!({
        "period": {"from": null, "to": null},
        "clients_served": 5,
        "new_clients": 5,
        "sessions": 11,
        "session_hours": 8.5,
        "sessions_by_channel": {
            "course": {"sessions": 1, "hours": 2.0},
            "email": {"sessions": 1, "hours": 0.5},
            "meeting": {"sessions": 3, "hours": 3.5},
            "message": {"sessions": 0, "hours": 0.0},
            "phone": {"sessions": 5, "hours": 1.8},
            "video": {"sessions": 1, "hours": 0.8}
        },
        "new_businesses": 5,
        "new_businesses_by_women": 2,
        "developed_businesses": 2,
        "by_gender": {"man": 1, "other": 1, "unspecified": 1, "woman": 2},
        "by_sector": {
            "culture": {"new_businesses": 1, "developed_businesses": 1},
            "food": {"new_businesses": 1, "developed_businesses": 1},
            "restaurant": {"new_businesses": 1, "developed_businesses": 0},
            "technology": {"new_businesses": 1, "developed_businesses": 0},
            "unspecified": {"new_businesses": 1, "developed_businesses": 0}
        },
        "by_country": {"Eritrea": 1, "Syria": 1, "Ukraine": 1, "Vietnam": 1, "unspecified": 1},
        "by_advisor": {
            "kari": {"sessions": 5, "hours": 5.3, "clients_served": 3},
            "ola": {"sessions": 6, "hours": 3.3, "clients_served": 3}
        },
        "motivation": {
            "clients": 3, "average_first": 2.67, "average_latest": 3.67,
            "rose": 2, "stayed": 1, "fell": 0
        },
        "competence": {
            "finance & budgeting": {
                "clients": 3, "average_first": 1.67, "average_latest": 3.33, "average_growth": 1.67
            },
            "marketing & sales": {
                "clients": 1, "average_first": 2.0, "average_latest": 4.0, "average_growth": 2.0
            }
        },
        "warnings": [
            warning("session_without_duration", "session", 104, 2,
                "session on 2025-03-03 has no duration"),
            warning("client_without_gender", "client", 3, 3, "Linh Nguyen has no gender"),
            warning("venture_without_sector", "venture", 12, 2, "Taras IT has no sector"),
            warning("overdue_step", "next_step", 201, 1,
                "\"Send the budget\" due 2025-11-01 is 391 days overdue"),
            warning("overdue_step", "next_step", 202, 2,
                "\"Call the bank\" due 2025-12-15 is 347 days overdue"),
            warning("overdue_step", "next_step", 206, 2,
                "\"Ask about a loan\" due 2025-12-01 is 361 days overdue"),
        ]
    })
}

#[test]
fn a_year_computed_by_hand() {
    let r = report::build(&document(), year_2025(), today());
    assert_eq!(serde_json::to_value(&r).unwrap(), expected_2025());
}

#[test]
fn all_time_computed_by_hand() {
    let r = report::build(&document(), Period::all_time(), today());
    assert_eq!(serde_json::to_value(&r).unwrap(), expected_all_time());
}

#[test]
fn the_json_keys_are_those_of_the_product() {
    let r = serde_json::to_value(report::build(&document(), year_2025(), today())).unwrap();
    for key in [
        "period",
        "clients_served",
        "new_clients",
        "sessions",
        "session_hours",
        "new_businesses",
        "new_businesses_by_women",
        "developed_businesses",
        "by_gender",
        "by_sector",
        "by_country",
        "by_advisor",
        "motivation",
        "competence",
        "warnings",
    ] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    assert!(Period::new(Some(day("2025-02-01")), Some(day("2025-01-01"))).is_err());
    assert!(Period::new(Some(day("2025-01-01")), Some(day("2025-01-01"))).is_ok());
}

#[test]
fn an_empty_centre_reports_zeros() {
    let doc = Document::empty(chrono::Utc::now());
    let r = report::build(&doc, Period::all_time(), today());
    assert_eq!(r.clients_served, 0);
    assert_eq!(r.motivation.average_first, None);
    assert_eq!(r.by_gender.len(), 4);
    assert!(report::text(&r).contains("Clients served"));
}

#[test]
fn the_binary_reports_what_the_function_computes() {
    let sh = Shell::new();
    sh.ok(&["import", FIXTURE]);

    let year = sh.ok(&[
        "report",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(
        serde_json::from_str::<Value>(&year).unwrap(),
        expected_2025()
    );
    let all = sh.ok(&["report", "--format", "json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&all).unwrap(),
        expected_all_time()
    );

    // Text: a titled page within 80 columns.
    let text = sh.ok(&["report", "--from", "2025-01-01", "--to", "2025-12-31"]);
    assert!(text.starts_with("Report for funders: 2025-01-01 to 2025-12-31\n"));
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "too wide: {line}"
        );
    }
    assert!(text.contains("Data-quality warnings (5)"));
    let served = text.lines().find(|l| l.contains("Clients served")).unwrap();
    assert!(served.ends_with(" 3") && unicode_width::UnicodeWidthStr::width(served) == 80);
    let all_text = sh.ok(&["report"]);
    assert!(all_text.starts_with("Report for funders: all time\n"));
    assert!(
        all_text
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );

    // Markdown: headings and tables.
    let md = sh.ok(&["report", "--format", "md"]);
    assert!(md.starts_with("# Report for funders\n"));
    assert!(md.contains("## Sessions by channel"));
    assert!(md.contains("| phone | 5 | 1.8 |"));

    // CSV: long format with a header, as a spreadsheet reads it.
    let csv_text = sh.ok(&["report", "--format", "csv", "--from", "2025-01-01"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["section", "key", "value"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let find = |section: &str, key: &str| {
        rows.iter()
            .find(|r| &r[0] == section && &r[1] == key)
            .map(|r| r[2].to_string())
    };
    assert_eq!(find("period", "from").as_deref(), Some("2025-01-01"));
    assert_eq!(find("summary", "clients_served").as_deref(), Some("4"));
    assert_eq!(find("by_gender", "woman").as_deref(), Some("2"));
    assert_eq!(
        find("competence", "finance & budgeting.clients").as_deref(),
        Some("3")
    );
    assert!(rows.iter().all(|r| r.len() == 3));
}

#[test]
fn the_binary_refuses_a_bad_period_in_one_line() {
    let sh = Shell::new();
    for args in [
        &["report", "--from", "2025-02-01", "--to", "2025-01-01"][..],
        &["report", "--from", "2025-02-30"][..],
    ] {
        let out = sh.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn each_years_bars_are_that_years_report() {
    let doc = document();
    let years = report::yearly(&report::Input::from_document(&doc));
    assert!(!years.is_empty());
    for pair in years.windows(2) {
        assert_eq!(pair[1].year, pair[0].year + 1, "no year is skipped");
    }
    for y in &years {
        let period = Period::new(
            NaiveDate::from_ymd_opt(y.year, 1, 1),
            NaiveDate::from_ymd_opt(y.year, 12, 31),
        )
        .unwrap();
        let r = report::build(&doc, period, today());
        assert_eq!(y.new_businesses, r.new_businesses, "{}", y.year);
        assert_eq!(
            y.new_businesses_by_women, r.new_businesses_by_women,
            "{}",
            y.year
        );
        assert_eq!(y.developed_businesses, r.developed_businesses, "{}", y.year);
    }
    let y2025 = years.iter().find(|y| y.year == 2025).unwrap();
    assert_eq!(
        (y2025.new_businesses, y2025.developed_businesses),
        (
            expected_2025()["new_businesses"].as_u64().unwrap(),
            expected_2025()["developed_businesses"].as_u64().unwrap()
        )
    );
}

#[test]
fn the_warnings_read_in_bokmal_while_json_keeps_english_text() {
    let r = report::build(&document(), year_2025(), today());
    let json = serde_json::to_value(&r).unwrap();
    assert!(
        json["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["text"].as_str().unwrap().ends_with("days overdue")),
        "{json}"
    );
    for text in [
        report::text_in(veileder::i18n::Lang::Nb, &r),
        report::markdown_in(veileder::i18n::Lang::Nb, &r),
    ] {
        let lines: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.contains("Varsler om datakvalitet"))
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert!(!lines.is_empty(), "{text}");
        assert!(lines.iter().any(|l| l.contains("» med frist ")), "{text}");
        for english in [
            "has no",
            "days overdue",
            "(client ",
            "session ",
            "next step ",
        ] {
            assert!(
                lines.iter().all(|l| !l.contains(english)),
                "«{english}» in:\n{text}"
            );
        }
    }
}
