//! A report as a page of text, Markdown, or long-format CSV for a spreadsheet.
use std::fmt::Write as _;

use super::{Period, Report};
use crate::domain::text::{inert, truncate, width};
use crate::i18n::{Lang, ReportText as T, date, decimal};
use crate::output::WIDTH;

/// The period in words: "2025-01-01 to 2025-12-31", "all time", "from …", "up to …", or in
/// bokmål "01.01.2025 til 31.12.2025", "hele perioden".
pub fn period_in(lang: Lang, p: &Period) -> String {
    let day = |d| date(lang, d);
    match (p.from, p.to) {
        (Some(f), Some(t)) => lang.f(T::Between, &[("from", &day(f)), ("to", &day(t))]),
        (Some(f), None) => lang.f(T::From, &[("from", &day(f))]),
        (None, Some(t)) => lang.f(T::UpTo, &[("to", &day(t))]),
        (None, None) => lang.t(T::AllTime).to_string(),
    }
}

fn average(lang: Lang, x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| decimal(lang, v, 2))
}

/// Rows of a section: a label and its figures.
pub type Rows = Vec<(String, Vec<String>)>;

/// A titled table of the report: what every rendering (and the Reports screen) shows.
pub struct Section {
    pub title: String,
    pub headers: Vec<&'static str>,
    pub rows: Rows,
}

pub fn sections(lang: Lang, r: &Report) -> Vec<Section> {
    let n = |v: u64| v.to_string();
    let t = |text: T| lang.t(text);
    let s = |text: T| lang.t(text).to_string();
    let hours = |v: f64| decimal(lang, v, 1);
    let two = |v: f64| decimal(lang, v, 2);
    let word = |stored: &str| crate::i18n::value(lang, stored).into_owned();
    let mut out = vec![Section {
        title: s(T::Summary),
        headers: vec![""],
        rows: vec![
            (s(T::ClientsServed), vec![n(r.clients_served)]),
            (s(T::NewClients), vec![n(r.new_clients)]),
            (s(T::Sessions), vec![n(r.sessions)]),
            (s(T::SessionHours), vec![hours(r.session_hours)]),
            (s(T::NewBusinesses), vec![n(r.new_businesses)]),
            (s(T::ByWomen), vec![n(r.new_businesses_by_women)]),
            (s(T::Developed), vec![n(r.developed_businesses)]),
        ],
    }];
    out.push(Section {
        title: s(T::ByChannel),
        headers: vec![t(T::Sessions), t(T::Hours)],
        rows: r
            .sessions_by_channel
            .iter()
            .map(|(k, v)| (word(k), vec![n(v.sessions), hours(v.hours)]))
            .collect(),
    });
    out.push(Section {
        title: s(T::ByGender),
        headers: vec![t(T::Clients)],
        rows: r
            .by_gender
            .iter()
            .map(|(k, v)| (word(k), vec![n(*v)]))
            .collect(),
    });
    out.push(Section {
        title: s(T::BySector),
        headers: vec![t(T::New), t(T::DevelopedShort)],
        rows: r
            .by_sector
            .iter()
            .map(|(k, v)| {
                let figures = vec![n(v.new_businesses), n(v.developed_businesses)];
                (k.clone(), figures)
            })
            .collect(),
    });
    out.push(Section {
        title: s(T::ByCountry),
        headers: vec![t(T::Clients)],
        rows: r
            .by_country
            .iter()
            .map(|(k, v)| (k.clone(), vec![n(*v)]))
            .collect(),
    });
    out.push(Section {
        title: s(T::ByAdvisor),
        headers: vec![t(T::Sessions), t(T::Hours), t(T::Clients)],
        rows: r
            .by_advisor
            .iter()
            .map(|(k, v)| {
                let figures = vec![n(v.sessions), hours(v.hours), n(v.clients_served)];
                (k.clone(), figures)
            })
            .collect(),
    });
    let m = &r.motivation;
    out.push(Section {
        title: s(T::Motivation),
        headers: vec![""],
        rows: vec![
            (s(T::TwoRatings), vec![n(m.clients)]),
            (s(T::AverageFirst), vec![average(lang, m.average_first)]),
            (s(T::AverageLatest), vec![average(lang, m.average_latest)]),
            (s(T::Rose), vec![n(m.rose)]),
            (s(T::Stayed), vec![n(m.stayed)]),
            (s(T::Fell), vec![n(m.fell)]),
        ],
    });
    out.push(Section {
        title: s(T::Competence),
        headers: vec![t(T::Clients), t(T::First), t(T::Latest), t(T::Growth)],
        rows: r
            .competence
            .iter()
            .map(|(k, v)| {
                let figures = vec![
                    n(v.clients),
                    two(v.average_first),
                    two(v.average_latest),
                    format!(
                        "{}{}",
                        if v.average_growth >= 0.0 { "+" } else { "" },
                        two(v.average_growth)
                    ),
                ];
                (k.clone(), figures)
            })
            .collect(),
    });
    out
}

/// A warning as one line: which record, whose, and what is wrong with it.
fn warning_line(lang: Lang, w: &super::Warning) -> String {
    let record = match w.record {
        "client" => T::RecordClient,
        "venture" => T::RecordVenture,
        "next_step" => T::RecordStep,
        _ => T::RecordSession,
    };
    let text = crate::i18n::warning_text(lang, &w.about);
    let values: [(&str, &dyn std::fmt::Display); 4] = [
        ("record", &lang.t(record)),
        ("id", &w.id),
        ("client", &w.client_id),
        ("text", &text),
    ];
    if w.record == "client" {
        lang.f(T::WarningOnClient, &values)
    } else {
        lang.f(T::WarningLine, &values)
    }
}

const COLUMN: usize = 10;

/// The report as a page of plain text within 80 columns, figures right-aligned.
pub fn text(r: &Report) -> String {
    text_in(Lang::En, r)
}

/// [`text`] in the words and number style of `lang`.
pub fn text_in(lang: Lang, r: &Report) -> String {
    let mut out = String::new();
    let period = period_in(lang, &r.period);
    let _ = writeln!(out, "{}", lang.f(T::Title, &[("period", &period)]));
    let _ = writeln!(out, "{}", "=".repeat(WIDTH.min(60)));
    for s in sections(lang, r) {
        let label_width = WIDTH - 2 - COLUMN * s.headers.len();
        out.push('\n');
        let left = WIDTH - COLUMN * s.headers.len();
        let title = inert(&s.title, false);
        let mut head = truncate(&title, left).into_owned();
        head.push_str(&" ".repeat(left.saturating_sub(width(&head))));
        for h in &s.headers {
            let _ = write!(head, "{h:>COLUMN$}");
        }
        let _ = writeln!(out, "{}", head.trim_end());
        if s.rows.is_empty() {
            let _ = writeln!(out, "{}", lang.t(T::NoneRow));
        }
        for (label, figures) in &s.rows {
            let label = inert(label, false);
            let label = truncate(&label, label_width);
            let mut line = format!("  {label}");
            line.push_str(&" ".repeat(label_width - width(&label)));
            for f in figures {
                let _ = write!(line, "{f:>COLUMN$}");
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    let warnings = lang.f(T::Warnings, &[("n", &r.warnings.len())]);
    let _ = writeln!(out, "\n{warnings}");
    for w in &r.warnings {
        let line = inert(&warning_line(lang, w), false).into_owned();
        let _ = writeln!(out, "  {}", truncate(&line, WIDTH - 2));
    }
    out
}

fn md_cell(s: &str) -> String {
    inert(s, false).replace('\\', "\\\\").replace('|', "\\|")
}

/// The report as Markdown: headings and tables.
pub fn markdown(r: &Report) -> String {
    markdown_in(Lang::En, r)
}

/// [`markdown`] in the words and number style of `lang`.
pub fn markdown_in(lang: Lang, r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", lang.t(T::MdTitle));
    let period = period_in(lang, &r.period);
    let _ = writeln!(out, "{}", lang.f(T::Period, &[("period", &period)]));
    for s in sections(lang, r) {
        let _ = writeln!(out, "\n## {}\n", s.title);
        let headers: Vec<&str> = if s.headers == [""] {
            vec![lang.t(T::Value)]
        } else {
            s.headers.clone()
        };
        let _ = writeln!(out, "| | {} |", headers.join(" | "));
        let _ = writeln!(out, "|---|{}", "---:|".repeat(headers.len()));
        for (label, figures) in &s.rows {
            let _ = writeln!(
                out,
                "| {} | {} |",
                md_cell(label.trim()),
                figures.join(" | ")
            );
        }
    }
    let warnings = lang.f(T::Warnings, &[("n", &r.warnings.len())]);
    let _ = writeln!(out, "\n## {warnings}\n");
    for w in &r.warnings {
        let _ = writeln!(out, "- {}", md_cell(&warning_line(lang, w)));
    }
    out
}

/// A spreadsheet would run a cell that starts like a formula; such text gets a leading quote.
fn cell(s: &str) -> String {
    let s = inert(s, false);
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.into_owned()
    }
}

/// The report in long format, `section,key,value`, with a header row.
pub fn csv(r: &Report) -> Result<String, ::csv::Error> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(["section", "key", "value"])?;
    let mut row = |section: &str, key: &str, value: String| {
        w.write_record([section, &cell(key), &cell(&value)])
    };
    let opt = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    row("period", "from", opt(r.period.from))?;
    row("period", "to", opt(r.period.to))?;
    let n = |v: u64| v.to_string();
    row("summary", "clients_served", n(r.clients_served))?;
    row("summary", "new_clients", n(r.new_clients))?;
    row("summary", "sessions", n(r.sessions))?;
    row(
        "summary",
        "session_hours",
        format!("{:.1}", r.session_hours),
    )?;
    row("summary", "new_businesses", n(r.new_businesses))?;
    row(
        "summary",
        "new_businesses_by_women",
        n(r.new_businesses_by_women),
    )?;
    row("summary", "developed_businesses", n(r.developed_businesses))?;
    for (k, v) in &r.sessions_by_channel {
        row(
            "sessions_by_channel",
            &format!("{k}.sessions"),
            n(v.sessions),
        )?;
        row(
            "sessions_by_channel",
            &format!("{k}.hours"),
            format!("{:.1}", v.hours),
        )?;
    }
    for (k, v) in &r.by_gender {
        row("by_gender", k, n(*v))?;
    }
    for (k, v) in &r.by_sector {
        row(
            "by_sector",
            &format!("{k}.new_businesses"),
            n(v.new_businesses),
        )?;
        row(
            "by_sector",
            &format!("{k}.developed_businesses"),
            n(v.developed_businesses),
        )?;
    }
    for (k, v) in &r.by_country {
        row("by_country", k, n(*v))?;
    }
    for (k, v) in &r.by_advisor {
        row("by_advisor", &format!("{k}.sessions"), n(v.sessions))?;
        row(
            "by_advisor",
            &format!("{k}.hours"),
            format!("{:.1}", v.hours),
        )?;
        row(
            "by_advisor",
            &format!("{k}.clients_served"),
            n(v.clients_served),
        )?;
    }
    let m = &r.motivation;
    let avg = |x: Option<f64>| x.map(|v| format!("{v:.2}")).unwrap_or_default();
    row("motivation", "clients", n(m.clients))?;
    row("motivation", "average_first", avg(m.average_first))?;
    row("motivation", "average_latest", avg(m.average_latest))?;
    row("motivation", "rose", n(m.rose))?;
    row("motivation", "stayed", n(m.stayed))?;
    row("motivation", "fell", n(m.fell))?;
    for (k, v) in &r.competence {
        row("competence", &format!("{k}.clients"), n(v.clients))?;
        row(
            "competence",
            &format!("{k}.average_first"),
            format!("{:.2}", v.average_first),
        )?;
        row(
            "competence",
            &format!("{k}.average_latest"),
            format!("{:.2}", v.average_latest),
        )?;
        row(
            "competence",
            &format!("{k}.average_growth"),
            format!("{:.2}", v.average_growth),
        )?;
    }
    for w in &r.warnings {
        row("warnings", w.kind, warning_line(Lang::En, w))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
