//! Small random and calendar helpers over `fastrand`. Ranges are total: an empty range gives
//! its lower bound, so the generator never panics on an edge case such as a client created today.
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use fastrand::Rng;

/// One item of a constant, non-empty list.
pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// One of a constant, non-empty list of words or templates.
pub fn word(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    items[rng.usize(..items.len())]
}

/// One item, chosen with probability proportional to its weight.
pub fn weighted<'a, T>(rng: &mut Rng, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
    let total: u32 = items.iter().map(&weight).sum();
    let mut roll = rng.u32(..total.max(1));
    items
        .iter()
        .find(|item| {
            let w = weight(item);
            if roll < w {
                true
            } else {
                roll -= w;
                false
            }
        })
        .unwrap_or(&items[0])
}

pub fn chance(rng: &mut Rng, p: f64) -> bool {
    rng.f64() < p
}

/// A whole number from `lo` to `hi` inclusive; `lo` when the range is empty.
pub fn between(rng: &mut Rng, lo: i64, hi: i64) -> i64 {
    if hi <= lo { lo } else { rng.i64(lo..=hi) }
}

/// A positive number with the given mean and a long tail, for skewed counts and gaps.
pub fn exponential(rng: &mut Rng, mean: f64) -> f64 {
    -mean * (1.0 - rng.f64()).ln()
}

/// A sum of money in whole kroner, rounded to `step`.
pub fn kroner(rng: &mut Rng, lo: u64, hi: u64, step: u64) -> u64 {
    let step = step.max(1);
    let n = between(rng, (lo / step) as i64, (hi / step) as i64);
    n.unsigned_abs() * step
}

/// Written the Norwegian way: "NOK 45 000".
pub fn nok(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::from("NOK ");
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(TimeDelta::days(days))
        .unwrap_or(date)
}

/// The date itself on a weekday, else the Friday before.
pub fn workday(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => add_days(date, -1),
        Weekday::Sun => add_days(date, -2),
        _ => date,
    }
}

/// A quarter-hour in office hours (08:00–15:45 in Oslo, written in UTC).
pub fn office_time(rng: &mut Rng, date: NaiveDate) -> DateTime<Utc> {
    let minute = between(rng, 7 * 4, 14 * 4 + 3) * 15;
    (date.and_time(NaiveTime::MIN) + TimeDelta::minutes(minute)).and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kroner_are_grouped_by_thousands() {
        assert_eq!(nok(45_000), "NOK 45 000");
        assert_eq!(nok(1_250_000), "NOK 1 250 000");
        assert_eq!(nok(900), "NOK 900");
    }

    #[test]
    fn empty_ranges_give_the_lower_bound() {
        let mut rng = Rng::with_seed(1);
        assert_eq!(between(&mut rng, 5, 5), 5);
        assert_eq!(between(&mut rng, 5, 2), 5);
        let saturday = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        assert_eq!(workday(saturday).weekday(), Weekday::Fri);
    }
}
