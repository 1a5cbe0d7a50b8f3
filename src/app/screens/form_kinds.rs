//! What each form edits: its fields, and how their text becomes a record checked by the same
//! domain rules the store applies, with each refusal traced back to the field that caused it.
use chrono::{DateTime, NaiveDate, Utc};

use super::form_fields::{Field, FieldName as F};
use super::form_milestone::{apply_milestone_field, checked, milestone_fields};
use crate::app::effect::Effect;
use crate::domain::validate;
use crate::domain::{
    Accepted, Client, ClientStatus, Consent, Gender, Invalid, Milestone, NextStep, OrgNr, Owner,
    Problem, Stage, Venture, VentureKind,
};
use crate::i18n::FormText;

/// The record a form adds or changes.
#[derive(Debug, Clone)]
pub enum Subject {
    Client(Box<Client>),
    Venture(Box<Venture>),
    Step(Box<NextStep>),
    Milestone(Box<Milestone>),
}

/// A field's refusal: which field, and the message to show beside it.
pub type Refusal = (F, Invalid);

pub(super) fn vocabulary<T: ToString>(all: &[T]) -> Vec<String> {
    all.iter().map(ToString::to_string).collect()
}

fn some(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

fn year(value: Option<i32>) -> String {
    value.map(|y| y.to_string()).unwrap_or_default()
}

pub fn client_fields(c: &Client) -> Vec<Field> {
    let consent_date = c.consent.as_ref().map(|k| k.date.to_string());
    let consent_purpose = c.consent.as_ref().map(|k| k.purpose.clone());
    let consent_withdrawn = c
        .consent
        .as_ref()
        .and_then(|k| k.withdrawn)
        .map(|w| w.to_string());
    vec![
        Field::text(F::Name, &c.name),
        Field::text(F::Phone, some(&c.phone)),
        Field::text(F::Email, some(&c.email)),
        Field::choice(F::Gender, vocabulary(Gender::ALL), c.gender.as_str()),
        Field::text(F::BirthYear, &year(c.birth_year)),
        Field::text(F::Country, some(&c.country)),
        Field::text(F::Languages, &c.languages.join("; ")),
        Field::text(F::ArrivedYear, &year(c.arrived_year)),
        Field::text(F::Municipality, some(&c.municipality)),
        Field::text(F::Education, some(&c.education)),
        Field::text(F::Experience, some(&c.experience)),
        Field::text(F::Dream, some(&c.dream)),
        Field::text(F::Tags, &c.tags.join("; ")),
        Field::text(F::Pinned, some(&c.pinned)),
        Field::text(F::Advisor, some(&c.advisor)),
        Field::choice(F::Status, vocabulary(ClientStatus::ALL), c.status.as_str()),
        Field::text(F::ConsentDate, some(&consent_date)),
        Field::text(F::ConsentPurpose, some(&consent_purpose)),
        Field::text(F::ConsentWithdrawn, some(&consent_withdrawn)),
    ]
}

pub fn venture_fields(v: &Venture, sectors: &[String]) -> Vec<Field> {
    let mut options = vec![String::new()];
    options.extend(sectors.iter().cloned());
    let org_nr = v.org_nr.map(|o| o.to_string());
    vec![
        Field::text(F::VentureName, &v.name),
        Field::choice(F::Kind, vocabulary(VentureKind::ALL), v.kind.as_str()),
        Field::choice(F::Sector, options, some(&v.sector)),
        Field::choice(F::Stage, vocabulary(Stage::ALL), v.stage.as_str()),
        Field::text(F::OrgNr, some(&org_nr)),
    ]
}

pub fn step_fields(s: &NextStep) -> Vec<Field> {
    let due = s.due.map(|d| d.to_string());
    vec![
        Field::text(F::StepText, &s.text),
        Field::choice(F::Owner, vocabulary(Owner::ALL), s.owner.as_str()),
        Field::text(F::Due, some(&due)),
    ]
}

/// The form field behind a domain rule's field name.
fn field_of(rule_field: &str) -> Option<F> {
    Some(match rule_field {
        "name" => F::Name,
        "phone" => F::Phone,
        "email" => F::Email,
        "birth_year" => F::BirthYear,
        "country" => F::Country,
        "languages" => F::Languages,
        "arrived_year" => F::ArrivedYear,
        "municipality" => F::Municipality,
        "education" => F::Education,
        "experience" => F::Experience,
        "dream" => F::Dream,
        "tags" => F::Tags,
        "pinned" => F::Pinned,
        "advisor" => F::Advisor,
        "consent" | "consent date" => F::ConsentDate,
        "consent purpose" => F::ConsentPurpose,
        "consent withdrawn" | "withdrawn" => F::ConsentWithdrawn,
        "venture name" => F::VentureName,
        "sector" => F::Sector,
        "org_nr" => F::OrgNr,
        "next step" => F::StepText,
        "due" => F::Due,
        _ => return None,
    })
}

fn refusal(invalid: Invalid, fallback: F) -> Refusal {
    (field_of(invalid.field).unwrap_or(fallback), invalid)
}

pub(super) fn text(fields: &[Field], name: F) -> &str {
    fields
        .iter()
        .find(|f| f.name == name)
        .map_or("", Field::value)
}

pub(super) fn optional(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_string())
}

fn parse_year(value: &str, name: F) -> Result<Option<i32>, Refusal> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| {
        let problem = Problem::NotAYear(value.to_string());
        (name, Invalid::new("year", problem, Accepted::YearLike))
    })
}

pub(super) fn parse_date(
    value: &str,
    name: F,
    rule_field: &'static str,
) -> Result<Option<NaiveDate>, Refusal> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    validate::date(rule_field, value)
        .map(Some)
        .map_err(|e| (name, e))
}

pub(super) fn parse<T: std::str::FromStr<Err = Invalid>>(
    value: &str,
    name: F,
) -> Result<T, Refusal> {
    value.parse().map_err(|e: Invalid| (name, e))
}

fn consent(fields: &[Field]) -> Result<Option<Consent>, Refusal> {
    let purpose = text(fields, F::ConsentPurpose);
    let date = parse_date(text(fields, F::ConsentDate), F::ConsentDate, "consent date")?;
    let withdrawn = parse_date(
        text(fields, F::ConsentWithdrawn),
        F::ConsentWithdrawn,
        "consent withdrawn",
    )?;
    match (date, purpose.trim().is_empty() && withdrawn.is_none()) {
        (None, true) => Ok(None),
        (None, false) => Err((
            F::ConsentDate,
            Invalid::new("consent date", Problem::Empty, Accepted::ConsentDate),
        )),
        (Some(date), _) => Ok(Some(Consent {
            date,
            purpose: purpose.to_string(),
            withdrawn,
        })),
    }
}

/// Writes the value of `name` from the fields into `client`; the shape errors of its text.
fn apply_client_field(client: &mut Client, fields: &[Field], name: F) -> Result<(), Refusal> {
    let value = text(fields, name);
    let list = |v: &str| {
        if v.trim().is_empty() {
            Vec::new()
        } else {
            vec![v.to_string()]
        }
    };
    match name {
        F::Name => client.name = value.to_string(),
        F::Phone => client.phone = optional(value),
        F::Email => client.email = optional(value),
        F::Gender => client.gender = parse(value, name)?,
        F::BirthYear => client.birth_year = parse_year(value, name)?,
        F::Country => client.country = optional(value),
        F::Languages => client.languages = list(value),
        F::ArrivedYear => client.arrived_year = parse_year(value, name)?,
        F::Municipality => client.municipality = optional(value),
        F::Education => client.education = optional(value),
        F::Experience => client.experience = optional(value),
        F::Dream => client.dream = optional(value),
        F::Tags => client.tags = list(value),
        F::Pinned => client.pinned = optional(value),
        F::Advisor => client.advisor = optional(value),
        F::Status => client.status = parse(value, name)?,
        F::ConsentDate | F::ConsentPurpose | F::ConsentWithdrawn => {
            client.consent = consent(fields)?;
        }
        _ => {}
    }
    Ok(())
}

fn apply_venture_field(venture: &mut Venture, fields: &[Field], name: F) -> Result<(), Refusal> {
    let value = text(fields, name);
    match name {
        F::VentureName => venture.name = value.to_string(),
        F::Kind => venture.kind = parse(value, name)?,
        F::Sector => venture.sector = optional(value),
        F::Stage => venture.stage = parse(value, name)?,
        F::OrgNr if value.trim().is_empty() => venture.org_nr = None,
        F::OrgNr => venture.org_nr = Some(OrgNr::parse(value).map_err(|e| (name, e))?),
        _ => {}
    }
    Ok(())
}

fn apply_step_field(step: &mut NextStep, fields: &[Field], name: F) -> Result<(), Refusal> {
    let value = text(fields, name);
    match name {
        F::StepText => step.text = value.to_string(),
        F::Owner => step.owner = parse(value, name)?,
        F::Due => step.due = parse_date(value, name, "due")?,
        _ => {}
    }
    Ok(())
}

impl Subject {
    pub fn fields(&self, sectors: &[String]) -> Vec<Field> {
        match self {
            Subject::Client(c) => client_fields(c),
            Subject::Venture(v) => venture_fields(v, sectors),
            Subject::Step(s) => step_fields(s),
            Subject::Milestone(m) => milestone_fields(m),
        }
    }

    /// The error of one field judged alone: its value on a record that is valid otherwise.
    pub fn check(
        &self,
        fields: &[Field],
        name: F,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Option<Invalid> {
        let checked = match self {
            Subject::Client(_) => {
                let mut probe = Client::new(0, "-", now);
                apply_client_field(&mut probe, fields, name).and_then(|()| {
                    probe
                        .validated(today)
                        .map(drop)
                        .map_err(|e| refusal(e, name))
                })
            }
            Subject::Venture(v) => {
                let mut probe = Venture {
                    name: "-".into(),
                    sector: None,
                    ..(**v).clone()
                };
                apply_venture_field(&mut probe, fields, name)
                    .and_then(|()| probe.validated().map(drop).map_err(|e| refusal(e, name)))
            }
            Subject::Step(s) => {
                let mut probe = NextStep {
                    text: "-".into(),
                    ..(**s).clone()
                };
                apply_step_field(&mut probe, fields, name)
                    .and_then(|()| probe.validated().map(drop).map_err(|e| refusal(e, name)))
            }
            Subject::Milestone(m) => {
                let mut probe = (**m).clone();
                apply_milestone_field(&mut probe, fields, name)
                    .and_then(|()| checked(probe, name).map(drop))
                    .or_else(|(field, message)| {
                        if field == name {
                            Err((field, message))
                        } else {
                            Ok(())
                        }
                    })
            }
        };
        checked.err().map(|(_, refused)| refused)
    }

    /// The whole record from the fields, checked, as the effect that saves it.
    pub fn save(&self, fields: &[Field], today: NaiveDate) -> Result<Effect, Refusal> {
        let first = fields.first().map_or(F::Name, |f| f.name);
        match self {
            Subject::Client(c) => {
                let mut client = (**c).clone();
                for f in fields {
                    apply_client_field(&mut client, fields, f.name)?;
                }
                let client = client.validated(today).map_err(|e| refusal(e, first))?;
                Ok(Effect::SaveClient(Box::new(client)))
            }
            Subject::Venture(v) => {
                let mut venture = (**v).clone();
                for f in fields {
                    apply_venture_field(&mut venture, fields, f.name)?;
                }
                let venture = venture.validated().map_err(|e| refusal(e, first))?;
                Ok(Effect::SaveVenture(Box::new(venture)))
            }
            Subject::Step(s) => {
                let mut step = (**s).clone();
                for f in fields {
                    apply_step_field(&mut step, fields, f.name)?;
                }
                let step = step.validated().map_err(|e| refusal(e, first))?;
                Ok(Effect::SaveNextStep(Box::new(step)))
            }
            Subject::Milestone(m) => {
                let mut milestone = (**m).clone();
                for f in fields {
                    apply_milestone_field(&mut milestone, fields, f.name)?;
                }
                Ok(Effect::SaveMilestone(Box::new(checked(milestone, first)?)))
            }
        }
    }

    /// True while adding: the record has no id yet.
    pub fn is_new(&self) -> bool {
        match self {
            Subject::Client(c) => c.id == 0,
            Subject::Venture(v) => v.id == 0,
            Subject::Step(s) => s.id == 0,
            Subject::Milestone(m) => m.id == 0,
        }
    }

    pub fn title(&self) -> FormText {
        match (self, self.is_new()) {
            (Subject::Client(_), true) => FormText::NewClient,
            (Subject::Client(_), false) => FormText::EditClient,
            (Subject::Venture(_), true) => FormText::NewVenture,
            (Subject::Venture(_), false) => FormText::EditVenture,
            (Subject::Step(_), true) => FormText::NewStep,
            (Subject::Step(_), false) => FormText::EditStep,
            (Subject::Milestone(_), true) => FormText::NewMilestone,
            (Subject::Milestone(_), false) => FormText::EditMilestone,
        }
    }

    /// The record's own time of creation, or a new record's.
    pub fn stamp(&mut self, now: DateTime<Utc>) {
        if let Subject::Client(c) = self
            && c.id == 0
        {
            c.created_at = now;
        }
    }
}
