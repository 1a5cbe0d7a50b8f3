use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::error::{Accepted, Checked, Invalid, Problem};
use super::kinds::{ClientStatus, Gender};
use super::validate::{self, NAME_MAX, SHORT_MAX};

pub type ClientId = u64;

/// Consent to hold the client's data: when it was given, for what, and when withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub date: NaiveDate,
    pub purpose: String,
    #[serde(default)]
    pub withdrawn: Option<NaiveDate>,
}

/// A person the centre mentors. Birth year only: never a national ID or full birth date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    pub id: ClientId,
    pub name: String,
    #[serde(default)]
    pub gender: Gender,
    #[serde(default)]
    pub birth_year: Option<i32>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub arrived_year: Option<i32>,
    #[serde(default)]
    pub municipality: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub education: Option<String>,
    #[serde(default)]
    pub experience: Option<String>,
    #[serde(default)]
    pub dream: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub pinned: Option<String>,
    #[serde(default)]
    pub advisor: Option<String>,
    #[serde(default)]
    pub status: ClientStatus,
    #[serde(default)]
    pub consent: Option<Consent>,
    pub created_at: DateTime<Utc>,
}

fn optional_text(field: &'static str, value: Option<String>) -> Checked<Option<String>> {
    match value {
        Some(v) if !v.trim().is_empty() => validate::text(field, v.trim()).map(Some),
        _ => Ok(None),
    }
}

fn optional_line(field: &'static str, value: Option<String>) -> Checked<Option<String>> {
    validate::optional_line(field, value.as_deref().unwrap_or(""), SHORT_MAX)
}

impl Client {
    pub fn new(id: ClientId, name: &str, created_at: DateTime<Utc>) -> Self {
        Client {
            id,
            name: name.to_string(),
            gender: Gender::Unspecified,
            birth_year: None,
            country: None,
            languages: Vec::new(),
            arrived_year: None,
            municipality: None,
            phone: None,
            email: None,
            education: None,
            experience: None,
            dream: None,
            tags: Vec::new(),
            pinned: None,
            advisor: None,
            status: ClientStatus::Active,
            consent: None,
            created_at,
        }
    }

    /// Checks every field and returns the record with its text trimmed and normalised.
    pub fn validated(self, today: NaiveDate) -> Checked<Self> {
        Ok(Client {
            id: self.id,
            name: validate::line("name", &self.name, NAME_MAX)?,
            gender: self.gender,
            birth_year: self
                .birth_year
                .map(|y| validate::birth_year(y, today))
                .transpose()?,
            country: optional_line("country", self.country)?,
            languages: validate::labels("languages", &self.languages)?,
            arrived_year: self
                .arrived_year
                .map(|y| validate::arrived_year(y, today))
                .transpose()?,
            municipality: optional_line("municipality", self.municipality)?,
            phone: validate::phone(self.phone.as_deref().unwrap_or(""))?,
            email: validate::email(self.email.as_deref().unwrap_or(""))?,
            education: optional_text("education", self.education)?,
            experience: optional_text("experience", self.experience)?,
            dream: optional_text("dream", self.dream)?,
            tags: validate::labels("tags", &self.tags)?,
            pinned: optional_text("pinned", self.pinned)?,
            advisor: optional_line("advisor", self.advisor)?,
            status: self.status,
            consent: self.consent.map(Consent::validated).transpose()?,
            created_at: self.created_at,
        })
    }
}

impl Consent {
    pub fn validated(self) -> Checked<Self> {
        if let Some(w) = self.withdrawn {
            if w < self.date {
                return Err(Invalid::new(
                    "consent",
                    Problem::WithdrawnBefore {
                        withdrawn: w,
                        given: self.date,
                    },
                    Accepted::WithdrawalAfterConsent,
                ));
            }
        }
        Ok(Consent {
            purpose: validate::line("consent purpose", &self.purpose, SHORT_MAX)?,
            ..self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn client(name: &str) -> Client {
        Client::new(1, name, Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap())
    }

    #[test]
    fn validated_trims_and_checks() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut c = client("  Leyla Ahmadi ");
        c.email = Some(" leyla@example.no ".into());
        c.tags = vec!["food;catering".into()];
        c.dream = Some("   ".into());
        let v = c.validated(today).unwrap();
        assert_eq!(v.name, "Leyla Ahmadi");
        assert_eq!(v.email.as_deref(), Some("leyla@example.no"));
        assert_eq!(v.tags, vec!["food", "catering"]);
        assert_eq!(v.dream, None);

        let mut bad = client("Leyla");
        bad.birth_year = Some(2024);
        assert!(
            bad.validated(today)
                .unwrap_err()
                .to_string()
                .starts_with("birth_year")
        );
    }

    #[test]
    fn old_records_without_optional_fields_read() {
        let json = r#"{"id": 7, "name": "Ana", "created_at": "2020-01-01T00:00:00Z"}"#;
        let c: Client = serde_json::from_str(json).unwrap();
        assert_eq!(c.gender, Gender::Unspecified);
        assert_eq!(c.status, ClientStatus::Active);
    }
}
