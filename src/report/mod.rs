//! Funder figures: pure functions over an export document, so they are the same whether the
//! data comes from the store, a file or a test. Dates of sessions are their UTC calendar day.
mod render;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::kinds::{Channel, Gender, MilestoneKind, VentureKind};
use crate::domain::{Client, ClientId, Session};
use crate::transfer::Document;

pub use render::{csv, markdown, markdown_in, text, text_in};

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
    pub text: String,
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

/// The first and latest of a series of ratings, by time then id.
#[derive(Clone, Copy)]
struct Track {
    count: u32,
    first: (DateTime<Utc>, u64, u8),
    latest: (DateTime<Utc>, u64, u8),
}

impl Track {
    fn new(s: &Session, value: u8) -> Self {
        let at = (s.started_at, s.id, value);
        Track {
            count: 1,
            first: at,
            latest: at,
        }
    }

    fn add(&mut self, s: &Session, value: u8) {
        let at = (s.started_at, s.id, value);
        self.count += 1;
        if (at.0, at.1) < (self.first.0, self.first.1) {
            self.first = at;
        }
        if (at.0, at.1) > (self.latest.0, self.latest.1) {
            self.latest = at;
        }
    }
}

fn track<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Track>, key: K, s: &Session, value: u8) {
    map.entry(key)
        .and_modify(|t| t.add(s, value))
        .or_insert_with(|| Track::new(s, value));
}

/// The figures of `doc` over `period`; `today` bounds the overdue check of open-ended periods.
pub fn build(doc: &Document, period: Period, today: NaiveDate) -> Report {
    let clients: HashMap<ClientId, &Client> = doc.clients.iter().map(|c| (c.id, c)).collect();
    let gender_of = |id: ClientId| clients.get(&id).map_or(Gender::Unspecified, |c| c.gender);

    // Sessions: one pass for counts, and the rating series up to the period's end.
    let mut served: HashSet<ClientId> = HashSet::new();
    let mut sessions = 0u64;
    let mut minutes = 0u64;
    let mut by_channel: BTreeMap<String, (u64, u64)> = Channel::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), (0, 0)))
        .collect();
    let mut by_advisor: HashMap<&str, (u64, u64, HashSet<ClientId>)> = doc
        .advisors
        .iter()
        .map(|a| (a.username.as_str(), (0, 0, HashSet::new())))
        .collect();
    let mut motivation: HashMap<ClientId, Track> = HashMap::new();
    let mut competence: HashMap<(ClientId, &str), Track> = HashMap::new();
    let mut warnings = Vec::new();
    for s in &doc.sessions {
        let day = s.started_at.date_naive();
        if !period.not_after_end(day) {
            continue;
        }
        if let Some(m) = s.motivation {
            track(&mut motivation, s.client_id, s, m);
        }
        for (area, value) in &s.competence {
            track(&mut competence, (s.client_id, area.as_str()), s, *value);
        }
        if !period.contains(day) {
            continue;
        }
        served.insert(s.client_id);
        sessions += 1;
        let m = u64::from(s.minutes.unwrap_or(0));
        minutes += m;
        let ch = by_channel
            .entry(s.channel.as_str().to_string())
            .or_default();
        ch.0 += 1;
        ch.1 += m;
        let adv = by_advisor.entry(s.advisor.as_str()).or_default();
        adv.0 += 1;
        adv.1 += m;
        adv.2.insert(s.client_id);
        if s.minutes.is_none() {
            warnings.push(Warning {
                kind: "session_without_duration",
                record: "session",
                id: s.id,
                client_id: s.client_id,
                text: format!("session on {day} has no duration"),
            });
        }
    }

    // Clients.
    let mut by_gender: BTreeMap<String, u64> = Gender::ALL
        .iter()
        .map(|g| (g.as_str().to_string(), 0))
        .collect();
    let mut by_country: BTreeMap<String, u64> = BTreeMap::new();
    let mut new_clients = 0u64;
    for c in &doc.clients {
        if period.contains(c.created_at.date_naive()) {
            new_clients += 1;
        }
        if !served.contains(&c.id) {
            continue;
        }
        *by_gender.entry(c.gender.as_str().to_string()).or_default() += 1;
        *by_country.entry(label(c.country.as_deref())).or_default() += 1;
        if c.gender == Gender::Unspecified {
            warnings.push(Warning {
                kind: "client_without_gender",
                record: "client",
                id: c.id,
                client_id: c.id,
                text: format!("{} has no gender", c.name),
            });
        }
    }
    // Sessions of clients missing from the document still count, as unspecified.
    for id in &served {
        if !clients.contains_key(id) {
            *by_gender.entry(UNSPECIFIED.to_string()).or_default() += 1;
            *by_country.entry(UNSPECIFIED.to_string()).or_default() += 1;
        }
    }

    // Milestones, then ventures.
    let mut registered: HashSet<u64> = HashSet::new();
    let mut expanded: HashSet<u64> = HashSet::new();
    for m in &doc.milestones {
        if !period.contains(m.date) {
            continue;
        }
        match m.kind {
            MilestoneKind::Registered => registered.insert(m.venture_id),
            MilestoneKind::Expanded => expanded.insert(m.venture_id),
            _ => false,
        };
    }
    let mut new_businesses = 0u64;
    let mut new_businesses_by_women = 0u64;
    let mut developed_businesses = 0u64;
    let mut by_sector: BTreeMap<String, SectorFigures> = BTreeMap::new();
    for v in &doc.ventures {
        let is_new = v.kind == VentureKind::New && registered.contains(&v.id);
        let is_developed = v.kind == VentureKind::Existing && expanded.contains(&v.id);
        if is_new {
            new_businesses += 1;
            if gender_of(v.client_id) == Gender::Woman {
                new_businesses_by_women += 1;
            }
            by_sector
                .entry(label(v.sector.as_deref()))
                .or_default()
                .new_businesses += 1;
        }
        if is_developed {
            developed_businesses += 1;
            by_sector
                .entry(label(v.sector.as_deref()))
                .or_default()
                .developed_businesses += 1;
        }
        let relevant = is_new || is_developed || served.contains(&v.client_id);
        if relevant && v.sector.as_deref().is_none_or(|s| s.trim().is_empty()) {
            warnings.push(Warning {
                kind: "venture_without_sector",
                record: "venture",
                id: v.id,
                client_id: v.client_id,
                text: format!("{} has no sector", v.name),
            });
        }
    }

    // Next steps still open and long overdue at the period's end, or today if that is earlier.
    let reference = period.to.map_or(today, |t| t.min(today));
    for n in &doc.next_steps {
        let open = n.done_on.is_none_or(|d| d > reference);
        let Some(due) = n.due else { continue };
        let late = (reference - due).num_days();
        if open && late > OVERDUE_DAYS {
            warnings.push(Warning {
                kind: "overdue_step",
                record: "next_step",
                id: n.id,
                client_id: n.client_id,
                text: format!("\"{}\" due {due} is {late} days overdue", n.text),
            });
        }
    }
    let order = |w: &Warning| match w.kind {
        "session_without_duration" => 0,
        "client_without_gender" => 1,
        "venture_without_sector" => 2,
        _ => 3,
    };
    warnings.sort_by_key(|w| (order(w), w.id));

    // Motivation and competence over the clients served.
    let mut mot = Motivation::default();
    let (mut first_sum, mut latest_sum) = (0u64, 0u64);
    for (id, t) in &motivation {
        if t.count < 2 || !served.contains(id) {
            continue;
        }
        mot.clients += 1;
        first_sum += u64::from(t.first.2);
        latest_sum += u64::from(t.latest.2);
        match t.latest.2.cmp(&t.first.2) {
            std::cmp::Ordering::Greater => mot.rose += 1,
            std::cmp::Ordering::Equal => mot.stayed += 1,
            std::cmp::Ordering::Less => mot.fell += 1,
        }
    }
    if mot.clients > 0 {
        let n = mot.clients as f64;
        mot.average_first = Some(round2(first_sum as f64 / n));
        mot.average_latest = Some(round2(latest_sum as f64 / n));
    }
    let mut areas: BTreeMap<String, (u64, u64, u64)> = BTreeMap::new();
    for ((id, area), t) in &competence {
        if t.count < 2 || !served.contains(id) {
            continue;
        }
        let a = areas.entry((*area).to_string()).or_default();
        a.0 += 1;
        a.1 += u64::from(t.first.2);
        a.2 += u64::from(t.latest.2);
    }
    let competence = areas
        .into_iter()
        .map(|(area, (n, first, latest))| {
            let n_f = n as f64;
            let figures = AreaFigures {
                clients: n,
                average_first: round2(first as f64 / n_f),
                average_latest: round2(latest as f64 / n_f),
                average_growth: round2((latest as f64 - first as f64) / n_f),
            };
            (area, figures)
        })
        .collect();

    Report {
        period,
        clients_served: served.len() as u64,
        new_clients,
        sessions,
        session_hours: hours(minutes),
        sessions_by_channel: by_channel
            .into_iter()
            .map(|(k, (n, m))| {
                let figures = ChannelFigures {
                    sessions: n,
                    hours: hours(m),
                };
                (k, figures)
            })
            .collect(),
        new_businesses,
        new_businesses_by_women,
        developed_businesses,
        by_gender,
        by_sector,
        by_country,
        by_advisor: by_advisor
            .into_iter()
            .map(|(name, (n, m, clients))| {
                let figures = AdvisorFigures {
                    sessions: n,
                    hours: hours(m),
                    clients_served: clients.len() as u64,
                };
                (name.to_string(), figures)
            })
            .collect(),
        motivation: mot,
        competence,
        warnings,
    }
}
