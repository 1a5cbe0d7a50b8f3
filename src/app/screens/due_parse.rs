//! Due dates as an advisor types them during a call: `+3d`, `+2w`, `+1m`, `today`, `tomorrow`,
//! a weekday (`fri`, `fredag`), `2026-12-04` or `4.12` / `4.12.2026`.
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::i18n::{CallText, Lang};

const WEEKDAYS: [(Weekday, &[&str]); 7] = [
    (Weekday::Mon, &["mon", "monday", "man", "mandag"]),
    (Weekday::Tue, &["tue", "tues", "tuesday", "tir", "tirsdag"]),
    (Weekday::Wed, &["wed", "wednesday", "ons", "onsdag"]),
    (Weekday::Thu, &["thu", "thur", "thursday", "tor", "torsdag"]),
    (Weekday::Fri, &["fri", "friday", "fre", "fredag"]),
    (Weekday::Sat, &["sat", "saturday", "lør", "lørdag"]),
    (Weekday::Sun, &["sun", "sunday", "søn", "søndag"]),
];

/// The date `text` names, counted from `today`; the error says what is accepted.
pub fn parse_due(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_due_in(Lang::En, text, today)
}

/// [`parse_due`] with the error in `lang`.
pub fn parse_due_in(lang: Lang, text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let wanted = text.trim().to_lowercase();
    let date = parse(&wanted, today).ok_or_else(|| {
        let accepted = lang.t(CallText::DueAccepted);
        lang.f(
            CallText::NotADate,
            &[("text", &text.trim()), ("accepted", &accepted)],
        )
    })?;
    // The same years the rest of veileder accepts, so the save is not refused later.
    if !(1900..=2200).contains(&date.year()) {
        return Err(lang.f(CallText::DueOutOfRange, &[("text", &text.trim())]));
    }
    Ok(date)
}

fn parse(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    match text {
        "today" | "idag" | "i dag" => return Some(today),
        "tomorrow" | "tmrw" | "imorgen" | "i morgen" => {
            return today.checked_add_days(Days::new(1));
        }
        _ => {}
    }
    if let Some(rest) = text.strip_prefix('+') {
        return relative(rest, today);
    }
    if let Some((day, _)) = WEEKDAYS.iter().find(|(_, names)| names.contains(&text)) {
        return next_weekday(*day, today);
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    day_month(text, today)
}

/// `3d`, `2w`, `1m`; a bare number is days.
fn relative(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let unit_at = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(unit_at);
    let n: u32 = number.parse().ok().filter(|n| *n <= 3650)?;
    match unit.trim() {
        "" | "d" | "day" | "days" | "dag" | "dager" => today.checked_add_days(Days::new(n.into())),
        "w" | "week" | "weeks" | "u" | "uke" | "uker" => {
            today.checked_add_days(Days::new(u64::from(n) * 7))
        }
        "m" | "month" | "months" | "mnd" => today.checked_add_months(Months::new(n)),
        _ => None,
    }
}

/// The first such weekday after today.
fn next_weekday(day: Weekday, today: NaiveDate) -> Option<NaiveDate> {
    let ahead = (day.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    today.checked_add_days(Days::new(ahead.into()))
}

/// Norwegian `4.12` (the next such day from today on) or `4.12.2026`.
fn day_month(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.trim_end_matches('.').split('.').collect();
    let number = |s: &&str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [d, m] => {
            let this_year = NaiveDate::from_ymd_opt(today.year(), number(m)?, number(d)?)?;
            if this_year >= today {
                Some(this_year)
            } else {
                NaiveDate::from_ymd_opt(today.year() + 1, number(m)?, number(d)?)
            }
        }
        [d, m, y] => NaiveDate::from_ymd_opt(y.parse().ok()?, number(m)?, number(d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Friday.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn due(text: &str) -> NaiveDate {
        parse_due(text, today()).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn relative_days_weeks_months() {
        assert_eq!(due("+3d"), date(2026, 11, 30));
        assert_eq!(due("+3"), date(2026, 11, 30));
        assert_eq!(due(" +2W "), date(2026, 12, 11));
        assert_eq!(due("+1m"), date(2026, 12, 27));
        assert_eq!(due("+0d"), today());
        assert_eq!(due("today"), today());
        assert_eq!(due("tomorrow"), date(2026, 11, 28));
        assert_eq!(due("i morgen"), date(2026, 11, 28));
    }

    #[test]
    fn weekdays_are_the_next_one_after_today() {
        assert_eq!(due("mon"), date(2026, 11, 30));
        assert_eq!(due("Fredag"), date(2026, 12, 4), "today is a Friday");
        assert_eq!(due("fri"), date(2026, 12, 4));
        assert_eq!(due("lør"), date(2026, 11, 28));
    }

    #[test]
    fn dates_out_of_range_or_impossible_are_refused_plainly() {
        let today = today();
        assert_eq!(
            parse_due("0000-00-00", today).unwrap_err(),
            format!(
                "due: '0000-00-00' is not a date; {}",
                Lang::En.t(CallText::DueAccepted)
            )
        );
        assert_eq!(
            parse_due("9999-12-31", today).unwrap_err(),
            "due: '9999-12-31' is out of range; a date between 1900 and 2200"
        );
        assert!(parse_due("+99999999999d", today).is_err());
        assert!(parse_due("+9999999m", today).is_err());
        assert_eq!(parse_due("2200-12-31", today), Ok(date(2200, 12, 31)));
    }

    #[test]
    fn written_dates() {
        assert_eq!(due("2026-12-04"), date(2026, 12, 4));
        assert_eq!(due("4.12"), date(2026, 12, 4));
        assert_eq!(due("4.12."), date(2026, 12, 4));
        assert_eq!(
            due("3.1"),
            date(2027, 1, 3),
            "a day already past is next year's"
        );
        assert_eq!(due("27.11"), today());
        assert_eq!(due("1.2.2027"), date(2027, 2, 1));
    }

    #[test]
    fn refusals_say_what_is_accepted() {
        for bad in [
            "fredagx",
            "2026-02-30",
            "+3x",
            "+",
            "31.2",
            "",
            "+99999d",
            "1.2.3.4",
        ] {
            let message = parse_due(bad, today()).unwrap_err();
            assert!(message.starts_with("due: '"), "{message}");
            assert!(
                message.ends_with(Lang::En.t(CallText::DueAccepted)),
                "{message}"
            );
        }
        assert_eq!(
            parse_due("fredagx", today()).unwrap_err(),
            format!(
                "due: 'fredagx' is not a date; {}",
                Lang::En.t(CallText::DueAccepted)
            )
        );
    }
}
