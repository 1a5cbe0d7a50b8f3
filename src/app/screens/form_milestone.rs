//! The milestone form's fields, and how their text becomes a milestone.
use super::form_fields::{Field, FieldName as F};
use super::form_kinds::{Refusal, optional, parse, parse_date, text, vocabulary};
use crate::domain::{Accepted, Invalid, Milestone, MilestoneKind, Problem};

pub fn milestone_fields(m: &Milestone) -> Vec<Field> {
    let number = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    vec![
        Field::choice(F::Kind, vocabulary(MilestoneKind::ALL), m.kind.as_str()),
        Field::text(F::Date, &m.date.to_string()),
        Field::text(F::Jobs, &number(m.jobs.map(u64::from))),
        Field::text(F::Amount, &number(m.amount_nok)),
        Field::text(F::Note, m.note.as_deref().unwrap_or("")),
    ]
}

/// A whole number as typed, with spaces between thousands allowed ("50 000").
fn whole<T: std::str::FromStr>(value: &str, name: F, what: Accepted) -> Result<Option<T>, Refusal> {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return Ok(None);
    }
    digits.parse().map(Some).map_err(|_| {
        let problem = Problem::NotWhole(value.to_string());
        (name, Invalid::new("number", problem, what))
    })
}

pub fn apply_milestone_field(m: &mut Milestone, fields: &[Field], name: F) -> Result<(), Refusal> {
    let value = text(fields, name);
    match name {
        F::Kind => m.kind = parse(value, name)?,
        F::Date => match parse_date(value, name, "date")? {
            Some(date) => m.date = date,
            None => {
                let empty = Invalid::new("date", Problem::Empty, Accepted::EventDate);
                return Err((name, empty));
            }
        },
        F::Jobs => m.jobs = whole(value, name, Accepted::JobsCreated)?,
        F::Amount => m.amount_nok = whole(value, name, Accepted::Kroner)?,
        F::Note => m.note = optional(value),
        _ => {}
    }
    Ok(())
}

/// The milestone's own rules, with the refusal traced to its field.
pub fn checked(m: Milestone, fallback: F) -> Result<Milestone, Refusal> {
    m.validated().map_err(|e| {
        let field = match e.field {
            "jobs" => F::Jobs,
            "amount_nok" => F::Amount,
            "note" => F::Note,
            _ => fallback,
        };
        (field, e)
    })
}
