//! One client: who they are, where they come from and what they bring.
use chrono::{DateTime, Datelike, Utc};
use fastrand::Rng;

use super::centre::{MUNICIPALITIES, STAFF};
use super::countries::COUNTRIES;
use super::dice::{between, chance, weighted, word};
use super::ideas::Idea;
use super::names::{Country, PersonName, person_name};
use super::profile::{CONSENT_PURPOSE, EDUCATION, EMAIL_DOMAINS, EXPERIENCE, PINNED, TAGS};
use super::template::{Vars, filled, filled_any};
use crate::domain::text::fold;
use crate::domain::{Client, ClientId, ClientStatus, Consent, Gender};

/// A client and the background the rest of their story is written from.
pub struct Person {
    pub client: Client,
    pub name: PersonName,
    pub country: &'static Country,
    pub city: &'static str,
    pub municipality: &'static str,
    pub language: &'static str,
    pub idea: &'static Idea,
}

impl Person {
    /// Template words for this person, about `idea` and `venture`, on the day `at`.
    pub fn vars<'a>(
        &'a self,
        idea: &'a Idea,
        venture: &'a str,
        topic: &'a str,
        at: DateTime<Utc>,
    ) -> Vars<'a> {
        Vars {
            first: self.name.call,
            family: self.name.family,
            city: self.city,
            country: self.country.name,
            municipality: self.municipality,
            language: self.language,
            idea: idea.noun,
            venture,
            topic,
            date: at.date_naive(),
        }
    }
}

pub struct Intake {
    pub id: ClientId,
    pub gender: Gender,
    pub created_at: DateTime<Utc>,
    pub status: ClientStatus,
    pub idea: &'static Idea,
}

pub fn person(rng: &mut Rng, intake: Intake) -> Person {
    let woman = match intake.gender {
        Gender::Woman => true,
        Gender::Man => false,
        Gender::Other | Gender::Unspecified => rng.bool(),
    };
    let country = weighted(rng, COUNTRIES, |c| c.weight);
    let name = person_name(rng, country, woman);
    let city = word(rng, country.cities);
    let municipality = weighted(rng, MUNICIPALITIES, |m| m.1).0;
    let language = country.languages[0];

    let created_year = intake.created_at.year();
    let birth_hi = (created_year - 18).min(2004);
    let age = ((between(rng, 20, 62) + between(rng, 20, 62)) / 2) as i32;
    let birth = (created_year - age).clamp(birth_hi.min(1960), birth_hi);
    let arrived = arrival(rng, country, birth, created_year);

    let vars = Vars {
        first: name.call,
        family: name.family,
        city,
        country: country.name,
        municipality,
        language,
        idea: intake.idea.noun,
        venture: "",
        topic: "",
        date: intake.created_at.date_naive(),
    };
    let languages = languages(rng, country, created_year - arrived);
    let speaks_norwegian = languages.iter().any(|l| l == "Norwegian");
    let pinned = chance(rng, 0.18)
        .then(|| word(rng, PINNED))
        .filter(|p| !(speaks_norwegian && p.contains("nterpreter")))
        .map(|p| filled(rng, p, &vars));
    let client = Client {
        gender: intake.gender,
        birth_year: chance(rng, 0.96).then_some(birth),
        country: chance(rng, 0.99).then(|| country.name.to_string()),
        languages,
        arrived_year: chance(rng, 0.97).then_some(arrived),
        municipality: chance(rng, 0.98).then(|| municipality.to_string()),
        phone: chance(rng, 0.95).then(|| phone(rng)),
        email: chance(rng, 0.8).then(|| email(rng, &name, birth)),
        education: chance(rng, 0.9).then(|| filled_any(rng, EDUCATION, &vars)),
        experience: chance(rng, 0.85).then(|| {
            let template = if chance(rng, 0.5) {
                intake.idea.experience
            } else {
                word(rng, EXPERIENCE)
            };
            filled(rng, template, &vars)
        }),
        dream: chance(rng, 0.93).then(|| filled(rng, intake.idea.dream, &vars)),
        tags: tags(rng, intake.idea, woman, created_year - birth),
        pinned,
        advisor: Some(weighted(rng, STAFF, |s| s.caseload).username.to_string()),
        status: intake.status,
        consent: Some(Consent {
            date: intake.created_at.date_naive(),
            purpose: CONSENT_PURPOSE.to_string(),
            withdrawn: None,
        }),
        ..Client::new(intake.id, &name.full, intake.created_at)
    };
    Person {
        client,
        name,
        country,
        city,
        municipality,
        language,
        idea: intake.idea,
    }
}

/// After the age of 15, mostly a few years before coming to the centre, and for countries with
/// a recent wave (Syria, Ukraine) mostly in that wave.
fn arrival(rng: &mut Rng, country: &Country, birth: i32, created_year: i32) -> i32 {
    let earliest = birth + 15;
    let from = if country.arrivals_from <= created_year {
        country.arrivals_from.max(earliest)
    } else {
        earliest
    };
    let span = f64::from(created_year - from);
    created_year - (span * rng.f64().powf(1.6)).round() as i32
}

fn languages(rng: &mut Rng, country: &Country, years_here: i32) -> Vec<String> {
    let mut out = vec![country.languages[0].to_string()];
    for other in &country.languages[1..] {
        if chance(rng, 0.3) {
            out.push(other.to_string());
        }
    }
    if chance(rng, (f64::from(years_here) / 5.0).clamp(0.15, 0.95)) {
        out.push("Norwegian".to_string());
    }
    if !out.iter().any(|l| l == "English") && chance(rng, 0.35) {
        out.push("English".to_string());
    }
    out
}

fn phone(rng: &mut Rng) -> String {
    let lead = if chance(rng, 0.7) { 9 } else { 4 };
    format!(
        "+47 {lead}{:02} {:02} {:03}",
        rng.u32(..100),
        rng.u32(..100),
        rng.u32(..1000)
    )
}

fn ascii(word: &str) -> String {
    fold(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn email(rng: &mut Rng, name: &PersonName, birth: i32) -> String {
    let given = ascii(name.call);
    let family = ascii(name.family);
    let local = match rng.u8(..4) {
        0 => format!("{given}.{family}"),
        1 => format!("{given}{family}"),
        2 => format!("{given}.{family}{:02}", birth % 100),
        _ => format!("{given}{}", rng.u32(1..1000)),
    };
    format!("{local}@{}", word(rng, EMAIL_DOMAINS))
}

fn tags(rng: &mut Rng, idea: &Idea, woman: bool, age: i32) -> Vec<String> {
    let mut out = Vec::new();
    if chance(rng, 0.6) {
        out.push(idea.tag.to_string());
    }
    for _ in 0..2 {
        if chance(rng, 0.3) {
            let tag = word(rng, TAGS);
            let fits = match tag {
                "women's network" => woman,
                "young founder" => age < 30,
                _ => true,
            };
            if fits && !out.iter().any(|t| t == tag) {
                out.push(tag.to_string());
            }
        }
    }
    out
}
