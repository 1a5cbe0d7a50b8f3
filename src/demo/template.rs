//! Sentence templates such as "Met {first} in {municipality}." filled with one client's details.
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};
use fastrand::Rng;

use super::dice::{add_days, between, kroner, nok, word, workday};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What a template may name. Sums, counts and dates are drawn afresh at each use.
pub struct Vars<'a> {
    /// The name the advisor calls the client by, in Latin letters.
    pub first: &'a str,
    pub family: &'a str,
    /// A city in the country of origin.
    pub city: &'a str,
    pub country: &'a str,
    pub municipality: &'a str,
    pub language: &'a str,
    /// The business idea as a noun phrase: "the bakery".
    pub idea: &'a str,
    pub venture: &'a str,
    pub topic: &'a str,
    /// The day written about; `{next}` is a working day one to three weeks later.
    pub date: NaiveDate,
}

pub fn fill(rng: &mut Rng, template: &str, vars: &Vars, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        push_var(rng, &after[..close], vars, out);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

pub fn filled(rng: &mut Rng, template: &str, vars: &Vars) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    fill(rng, template, vars, &mut out);
    out
}

/// Norwegian genitive: "Amiras", but "Tomas'".
fn genitive(name: &str, out: &mut String) {
    out.push_str(name);
    out.push_str(if name.ends_with(['s', 'x', 'z']) {
        "'"
    } else {
        "s"
    });
}

fn push_var(rng: &mut Rng, key: &str, vars: &Vars, out: &mut String) {
    let word = match key {
        "first" => vars.first,
        "family" => vars.family,
        "city" => vars.city,
        "country" => vars.country,
        "municipality" => vars.municipality,
        "language" => vars.language,
        "idea" => vars.idea,
        "venture" => vars.venture,
        "topic" => vars.topic,
        "gen" => return genitive(vars.first, out),
        "amount" => return out.push_str(&nok(kroner(rng, 20_000, 900_000, 5_000))),
        "rent" => return out.push_str(&nok(kroner(rng, 6_000, 38_000, 500))),
        "price" => return out.push_str(&nok(kroner(rng, 40, 400, 10) - 1)),
        "count" => return push_number(out, between(rng, 3, 40)),
        "years" => return push_number(out, between(rng, 2, 15)),
        "next" => {
            let day = workday(add_days(vars.date, between(rng, 6, 21)));
            let weekday = WEEKDAYS[day.weekday().num_days_from_monday() as usize];
            let _ = write!(
                out,
                "{weekday} {} {}",
                day.day(),
                MONTHS[day.month0() as usize]
            );
            return;
        }
        _ => {
            out.push('{');
            out.push_str(key);
            out.push('}');
            return;
        }
    };
    out.push_str(word);
}

fn push_number(out: &mut String, n: i64) {
    let _ = write!(out, "{n}");
}

/// One of the templates, filled.
pub fn filled_any(rng: &mut Rng, templates: &[&'static str], vars: &Vars) -> String {
    let template = word(rng, templates);
    filled(rng, template, vars)
}
