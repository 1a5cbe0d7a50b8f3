//! Funder figures: pure functions over an export document, so they are the same whether the
//! data comes from the store, a file or a test. Dates of sessions are their UTC calendar day.
mod compute;
mod input;
mod render;
mod yearly;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::ClientId;
use crate::transfer::Document;

pub use compute::compute;
pub use input::{ClientFacts, Input, Names, SessionFacts};
pub use render::{Section, csv, markdown, markdown_in, period_in, sections, text, text_in};
pub use yearly::{YearFigures, yearly};

/// Open steps count as long overdue after this many days past their due date.
pub const OVERDUE_DAYS: i64 = 30;

/// The dates a report covers, both inclusive; `None` is an open end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    /// A period, refused when it ends before it starts.
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Self, String> {
        match (from, to) {
            (Some(f), Some(t)) if f > t => Err(format!(
                "--from {f} is after --to {t}; give a period that starts on or before its end"
            )),
            _ => Ok(Period { from, to }),
        }
    }

    pub fn all_time() -> Self {
        Period::default()
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }

    fn not_after_end(&self, day: NaiveDate) -> bool {
        self.to.is_none_or(|t| day <= t)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ChannelFigures {
    pub sessions: u64,
    pub hours: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SectorFigures {
    pub new_businesses: u64,
    pub developed_businesses: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct AdvisorFigures {
    pub sessions: u64,
    pub hours: f64,
    pub clients_served: u64,
}

/// Motivation of the clients served who have at least two rated sessions up to the period's end.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Motivation {
    pub clients: u64,
    pub average_first: Option<f64>,
    pub average_latest: Option<f64>,
    pub rose: u64,
    pub stayed: u64,
    pub fell: u64,
}

/// One competence area over the clients served with at least two ratings of it.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct AreaFigures {
    pub clients: u64,
    pub average_first: f64,
    pub average_latest: f64,
    pub average_growth: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `session_without_duration`, `client_without_gender`, `venture_without_sector` or
    /// `overdue_step`.
    pub kind: &'static str,
    /// The record the warning is about: `session`, `client`, `venture` or `next_step`.
    pub record: &'static str,
    pub id: u64,
    pub client_id: ClientId,
    /// In English, for JSON and CSV; a person reads `about` in their language.
    pub text: String,
    #[serde(skip)]
    pub about: About,
}

/// What a data-quality warning says, so that each language can say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    NoDuration(NaiveDate),
    NoGender(String),
    NoSector(String),
    Overdue {
        text: String,
        due: NaiveDate,
        late: i64,
    },
}

impl Warning {
    pub fn new(
        kind: &'static str,
        record: &'static str,
        ids: (u64, ClientId),
        about: About,
    ) -> Self {
        Warning {
            kind,
            record,
            id: ids.0,
            client_id: ids.1,
            text: crate::i18n::warning_text(crate::i18n::Lang::En, &about),
            about,
        }
    }
}

/// The figures funders ask for, with the JSON keys of PRODUCT.md.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: Period,
    pub clients_served: u64,
    pub new_clients: u64,
    pub sessions: u64,
    pub session_hours: f64,
    pub sessions_by_channel: BTreeMap<String, ChannelFigures>,
    pub new_businesses: u64,
    pub new_businesses_by_women: u64,
    pub developed_businesses: u64,
    pub by_gender: BTreeMap<String, u64>,
    pub by_sector: BTreeMap<String, SectorFigures>,
    pub by_country: BTreeMap<String, u64>,
    pub by_advisor: BTreeMap<String, AdvisorFigures>,
    pub motivation: Motivation,
    pub competence: BTreeMap<String, AreaFigures>,
    pub warnings: Vec<Warning>,
}

pub const UNSPECIFIED: &str = "unspecified";

/// Whole minutes as hours with one decimal, rounded half up.
pub fn hours(minutes: u64) -> f64 {
    ((minutes + 3) / 6) as f64 / 10.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn label(value: Option<&str>) -> String {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => v.to_string(),
        _ => UNSPECIFIED.to_string(),
    }
}

/// The figures of `doc` over `period`; `today` bounds the overdue check of open-ended periods.
pub fn build(doc: &Document, period: Period, today: NaiveDate) -> Report {
    compute(&Input::from_document(doc), period, today)
}
