//! Shape rules shared by the records: names, free text, email, phone, years, dates.
use chrono::{Datelike, NaiveDate};

use super::error::{Accepted, Checked, Invalid, Problem};

pub const NAME_MAX: usize = 200;
pub const TEXT_MAX: usize = 100_000;
pub const SHORT_MAX: usize = 200;

/// True for C0 and C1 control characters and DEL (tab and newline are handled by the caller).
pub fn is_control(c: char) -> bool {
    c.is_control()
}

/// A name or other one-line label: 1..=max characters in any script. Control characters (an
/// escape sequence pasted from a spreadsheet, say) are kept as typed: every drawing and printing
/// makes them inert (`text::inert`), so what the person or the file said is never altered.
pub fn line(field: &'static str, value: &str, max: usize) -> Checked<String> {
    let trimmed = value.trim();
    let count = trimmed.chars().count();
    if count == 0 {
        return Err(Invalid::new(
            field,
            Problem::Empty,
            Accepted::Characters(max),
        ));
    }
    if count > max {
        return Err(Invalid::new(
            field,
            Problem::Length(count),
            Accepted::Characters(max),
        ));
    }
    Ok(trimmed.to_string())
}

/// An optional one-line label: empty means none.
pub fn optional_line(field: &'static str, value: &str, max: usize) -> Checked<Option<String>> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        line(field, value, max).map(Some)
    }
}

/// Free text such as a note, kept as typed (control characters included, see `line`), with
/// line ends made `\n`.
pub fn text(field: &'static str, value: &str) -> Checked<String> {
    let count = value.chars().count();
    if count > TEXT_MAX {
        return Err(Invalid::new(
            field,
            Problem::Length(count),
            Accepted::AtMostCharacters(TEXT_MAX),
        ));
    }
    Ok(value.replace("\r\n", "\n").replace('\r', "\n"))
}

pub fn email(value: &str) -> Checked<Option<String>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let Some((local, domain)) = value.split_once('@') else {
        return Err(Invalid::new(
            "email",
            Problem::NoAt(value.to_string()),
            Accepted::EmailAddress,
        ));
    };
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && value.len() <= 254
        && !value.chars().any(|c| c.is_whitespace() || is_control(c));
    if ok {
        Ok(Some(value.to_string()))
    } else {
        Err(Invalid::new(
            "email",
            Problem::NotEmail(value.to_string()),
            Accepted::EmailAddress,
        ))
    }
}

/// A phone number: digits with optional leading +, spaces, dashes, dots and parentheses; 5 to 15 digits.
pub fn phone(value: &str) -> Checked<Option<String>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let body = value.strip_prefix('+').unwrap_or(value);
    if let Some(c) = body
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')))
    {
        let problem = Problem::Contains {
            value: value.to_string(),
            found: c.escape_default().to_string(),
        };
        return Err(Invalid::new("phone", problem, Accepted::PhoneNumber));
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if !(5..=15).contains(&digits) {
        let problem = Problem::Digits {
            value: value.to_string(),
            digits,
        };
        return Err(Invalid::new("phone", problem, Accepted::PhoneNumber));
    }
    Ok(Some(value.to_string()))
}

/// A year between `from` and the current year.
pub fn year(field: &'static str, value: i32, from: i32, today: NaiveDate) -> Checked<i32> {
    let to = today.year();
    if (from..=to).contains(&value) {
        Ok(value)
    } else {
        Err(Invalid::new(
            field,
            Problem::OutOfRange(value.to_string()),
            Accepted::Years { from, to },
        ))
    }
}

pub fn birth_year(value: i32, today: NaiveDate) -> Checked<i32> {
    let year = year("birth_year", value, 1900, today)?;
    if today.year() - year < 14 {
        return Err(Invalid::new(
            "birth_year",
            Problem::TooYoung(value),
            Accepted::Years {
                from: 1900,
                to: today.year() - 14,
            },
        ));
    }
    Ok(year)
}

pub fn arrived_year(value: i32, today: NaiveDate) -> Checked<i32> {
    year("arrived_year", value, 1940, today)
}

/// A calendar date written YYYY-MM-DD, between year 1900 and 2200.
pub fn date(field: &'static str, value: &str) -> Checked<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        Invalid::new(
            field,
            Problem::NotADate(value.to_string()),
            Accepted::IsoDate,
        )
    })?;
    if !(1900..=2200).contains(&parsed.year()) {
        return Err(Invalid::new(
            field,
            Problem::QuotedOutOfRange(value.to_string()),
            Accepted::IsoDate,
        ));
    }
    Ok(parsed)
}

/// A date already parsed (from JSON, say) within the years every date field accepts.
pub fn in_calendar(field: &'static str, value: NaiveDate) -> Checked<NaiveDate> {
    if (1900..=2200).contains(&value.year()) {
        Ok(value)
    } else {
        Err(Invalid::new(
            field,
            Problem::OutOfRange(value.to_string()),
            Accepted::CalendarDate,
        ))
    }
}

/// A list of short labels separated by `;` (or given as a list), each trimmed, empties dropped.
pub fn labels(field: &'static str, values: &[String]) -> Checked<Vec<String>> {
    let mut out = Vec::new();
    for v in values.iter().flat_map(|v| v.split(';')) {
        if let Some(label) = optional_line(field, v, SHORT_MAX)? {
            if !out.contains(&label) {
                out.push(label);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid")
    }

    #[test]
    fn names_in_any_script_are_accepted() {
        for n in [
            "Amira Haddad",
            "أميرة حداد",
            "Тарас Шевченко",
            "ሰላም ገብረ",
            "Nguyễn Thị Lan",
            "王芳",
        ] {
            assert_eq!(line("name", n, NAME_MAX).as_deref(), Ok(n));
        }
    }

    #[test]
    fn names_refuse_empty_and_long_and_keep_control_characters() {
        assert!(
            line("name", "   ", NAME_MAX)
                .unwrap_err()
                .to_string()
                .contains("is empty")
        );
        let long = "a".repeat(201);
        assert!(
            line("name", &long, NAME_MAX)
                .unwrap_err()
                .to_string()
                .contains("201 characters")
        );
        let hostile = "Ali\u{1b}[31m\u{9b}2J\u{1b}]0;x\u{7}";
        assert_eq!(line("name", hostile, NAME_MAX).as_deref(), Ok(hostile));
        assert_eq!(
            text("notes", "a\u{1b}[2J\r\nb").as_deref(),
            Ok("a\u{1b}[2J\nb")
        );
    }

    #[test]
    fn email_and_phone_shapes() {
        assert_eq!(email("a@b.no").unwrap().as_deref(), Some("a@b.no"));
        assert!(email("ab.no").is_err());
        assert!(email("a@b").is_err());
        assert_eq!(email(" ").unwrap(), None);
        assert!(phone("+47 912 34 567").unwrap().is_some());
        assert!(phone("12").is_err());
        assert!(
            phone("call me")
                .unwrap_err()
                .to_string()
                .contains("contains")
        );
    }

    #[test]
    fn years_and_dates() {
        assert!(birth_year(1985, today()).is_ok());
        assert!(birth_year(2020, today()).is_err());
        assert!(birth_year(1800, today()).is_err());
        assert!(arrived_year(2027, today()).is_err());
        assert!(date("due", "2026-02-30").is_err());
        assert!(date("due", "0000-00-00").is_err());
        assert!(date("due", "9999-12-31").is_err());
        assert_eq!(date("due", "2026-12-01").unwrap().to_string(), "2026-12-01");
    }

    #[test]
    fn labels_split_and_dedupe() {
        let got = labels("tags", &["food; export ;food".into(), "".into()]).unwrap();
        assert_eq!(got, vec!["food".to_string(), "export".to_string()]);
    }
}
