//! Ventures and their outcomes: a new business that gets registered, makes its first sale,
//! hires and perhaps closes; an existing one that expands. The stage follows the milestones.
use std::collections::BTreeSet;

use chrono::NaiveDate;
use fastrand::Rng;

use super::dice::{add_days, between, chance, exponential, kroner, pick, word};
use super::generate::Centre;
use super::ideas::Idea;
use super::people::Person;
use super::template::{Vars, filled, filled_any};
use crate::domain::org_nr::check_digit;
use crate::domain::{ClientStatus, Milestone, MilestoneKind, OrgNr, Stage, Venture, VentureKind};

const FIRST_SALE: &[&str] = &[
    "Opening day",
    "First invoice sent",
    "First order from a café in {municipality}",
    "First customer through Instagram",
    "Sold out at the Saturday market",
];
const HIRED: &[&str] = &[
    "Hired with NAV wage subsidy",
    "Part-time position",
    "Hired a friend from the Norwegian course",
    "Apprentice from the upper secondary school",
];
const FUNDING: &[(&str, u64, u64)] = &[
    ("Etablererstipend from Innovasjon Norge", 50_000, 450_000),
    ("Start-up loan from the bank", 100_000, 800_000),
    (
        "Business grant from {municipality} municipality",
        20_000,
        100_000,
    ),
    ("Microloan", 10_000, 60_000),
    ("Loan from family", 30_000, 300_000),
];
const EXPANDED: &[&str] = &[
    "New and bigger premises",
    "Second location in {municipality}",
    "Online shop launched",
    "New product line",
    "First contract with the municipality",
    "Open on weekends",
];
const CLOSED: &[&str] = &[
    "Closed after the rent increase",
    "Closed; took a full-time job",
    "Sold to a partner",
    "Closed when the family moved",
    "Closed for health reasons",
];

/// Which ventures a client has.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    Nothing,
    New,
    Existing,
    /// Develops a business and starts a second one.
    ExistingAndNew,
}

impl Plan {
    pub fn has_new(self) -> bool {
        matches!(self, Plan::New | Plan::ExistingAndNew)
    }
}

pub struct Track {
    pub venture: Venture,
    pub idea: &'static Idea,
    pub milestones: Vec<Milestone>,
}

impl Track {
    /// True once the business exists: registered by then, or existing from the start.
    pub fn running_on(&self, date: NaiveDate) -> bool {
        self.venture.kind == VentureKind::Existing
            || self
                .milestones
                .iter()
                .any(|m| m.kind == MilestoneKind::Registered && m.date <= date)
    }
}

/// Ids for the ventures and milestones of one client, continuing the document's sequences.
pub struct NextIds {
    pub venture: u64,
    pub milestone: u64,
}

pub fn build(
    rng: &mut Rng,
    centre: &Centre,
    person: &Person,
    plan: Plan,
    ids: &mut NextIds,
    register: &mut Register,
) -> Vec<Track> {
    let kinds: &[VentureKind] = match plan {
        Plan::Nothing => &[],
        Plan::New => &[VentureKind::New],
        Plan::Existing => &[VentureKind::Existing],
        Plan::ExistingAndNew => &[VentureKind::Existing, VentureKind::New],
    };
    let mut tracks = Vec::with_capacity(kinds.len());
    for (n, kind) in kinds.iter().enumerate() {
        let idea = if n == 0 {
            person.idea
        } else {
            centre.idea(rng, person.client.gender)
        };
        tracks.push(track(rng, centre, person, *kind, idea, ids, register));
    }
    tracks
}

struct Event {
    kind: MilestoneKind,
    date: NaiveDate,
    note: &'static str,
    amount_nok: Option<u64>,
}

fn event(kind: MilestoneKind, date: NaiveDate, note: &'static str) -> Event {
    Event {
        kind,
        date,
        note,
        amount_nok: None,
    }
}

fn track(
    rng: &mut Rng,
    centre: &Centre,
    person: &Person,
    kind: VentureKind,
    idea: &'static Idea,
    ids: &mut NextIds,
    register: &mut Register,
) -> Track {
    let start = person.client.created_at.date_naive();
    let mut events = match kind {
        VentureKind::New => new_events(rng, start),
        VentureKind::Existing => existing_events(rng, start),
    };
    events.retain(|e| e.date <= centre.today);
    events.sort_by_key(|e| e.date);

    let vars = person.vars(idea, "", "", person.client.created_at);
    let mut name = register.name(rng, idea, &vars);
    let registered =
        kind == VentureKind::Existing || events.iter().any(|e| e.kind == MilestoneKind::Registered);
    if registered && !name.ends_with(" AS") && chance(rng, 0.3) {
        name.push_str(" AS");
    }
    let mut stage = match kind {
        VentureKind::Existing => Stage::Operating,
        VentureKind::New if person.client.status == ClientStatus::Paused => Stage::Paused,
        VentureKind::New if (centre.today - start).num_days() > 45 && chance(rng, 0.7) => {
            Stage::Planning
        }
        VentureKind::New => Stage::Idea,
    };
    let venture_id = ids.venture;
    ids.venture += 1;
    let mut milestones = Vec::with_capacity(events.len());
    for e in events {
        if let Some(next) = Milestone::implied_stage(e.kind) {
            stage = next;
        }
        let note = match e.kind {
            MilestoneKind::Registered if name.ends_with(" AS") => {
                "Registered as a limited company (AS)".to_string()
            }
            MilestoneKind::Registered => "Registered as an enkeltpersonforetak".to_string(),
            _ => filled(rng, e.note, &vars),
        };
        milestones.push(Milestone {
            id: ids.milestone,
            client_id: person.client.id,
            venture_id,
            kind: e.kind,
            date: e.date,
            amount_nok: e.amount_nok,
            jobs: (e.kind == MilestoneKind::Hired).then(|| jobs(rng)),
            note: Some(note),
        });
        ids.milestone += 1;
    }
    let sector = centre.sector(rng, idea).filter(|_| chance(rng, 0.95));
    let org_nr = if kind == VentureKind::Existing {
        chance(rng, 0.95)
    } else {
        registered
    };
    Track {
        venture: Venture {
            id: venture_id,
            client_id: person.client.id,
            name,
            kind,
            sector: sector.map(str::to_string),
            stage,
            org_nr: if org_nr { register.org_nr(rng) } else { None },
            stage_by_hand: false,
        },
        idea,
        milestones,
    }
}

fn after(rng: &mut Rng, date: NaiveDate, lo: i64, hi: i64) -> NaiveDate {
    add_days(date, between(rng, lo, hi))
}

fn funding(rng: &mut Rng, date: NaiveDate) -> Event {
    let (note, lo, hi) = *pick(rng, FUNDING);
    Event {
        amount_nok: Some(kroner(rng, lo, hi, 5_000)),
        ..event(MilestoneKind::Funding, date, note)
    }
}

fn new_events(rng: &mut Rng, start: NaiveDate) -> Vec<Event> {
    let mut events = Vec::new();
    let registered =
        chance(rng, 0.82).then(|| add_days(start, 20 + exponential(rng, 120.0).min(900.0) as i64));
    if chance(rng, 0.3) {
        let until = registered.map_or(400, |r| (r - start).num_days() + 120);
        let date = after(rng, start, 20, until);
        events.push(funding(rng, date));
    }
    let Some(registered) = registered else {
        return events;
    };
    events.push(event(MilestoneKind::Registered, registered, ""));
    let mut last = registered;
    if chance(rng, 0.85) {
        last = after(rng, registered, 3, 150);
        events.push(event(MilestoneKind::FirstSale, last, word(rng, FIRST_SALE)));
        if chance(rng, 0.28) {
            last = after(rng, last, 60, 800);
            events.push(event(MilestoneKind::Hired, last, word(rng, HIRED)));
        }
    }
    if chance(rng, 0.07) {
        events.push(event(
            MilestoneKind::Closed,
            after(rng, last, 120, 1000),
            word(rng, CLOSED),
        ));
    }
    events
}

fn existing_events(rng: &mut Rng, start: NaiveDate) -> Vec<Event> {
    let mut events = Vec::new();
    if chance(rng, 0.6) {
        let first = after(rng, start, 60, 900);
        events.push(event(MilestoneKind::Expanded, first, word(rng, EXPANDED)));
        if chance(rng, 0.25) {
            events.push(event(
                MilestoneKind::Expanded,
                after(rng, first, 180, 900),
                word(rng, EXPANDED),
            ));
        }
    }
    if chance(rng, 0.35) {
        events.push(event(
            MilestoneKind::Hired,
            after(rng, start, 30, 900),
            word(rng, HIRED),
        ));
    }
    if chance(rng, 0.25) {
        let date = after(rng, start, 30, 600);
        events.push(funding(rng, date));
    }
    events
}

/// Mostly one job, now and then a few.
fn jobs(rng: &mut Rng) -> u32 {
    match rng.u8(..100) {
        0..55 => 1,
        55..80 => 2,
        80..92 => 3,
        _ => 4,
    }
}

/// What the business register already holds: names and organisation numbers are unique.
#[derive(Default)]
pub struct Register {
    names: BTreeSet<String>,
    org_nrs: BTreeSet<u32>,
}

impl Register {
    /// A name from the idea's templates that no other venture has. When the obvious ones are
    /// taken the place or the family is added, as businesses do, and a number as a last resort.
    fn name(&mut self, rng: &mut Rng, idea: &Idea, vars: &Vars) -> String {
        let mut name = filled_any(rng, idea.names, vars);
        for _ in 0..4 {
            if !self.names.contains(&name) {
                break;
            }
            name = filled_any(rng, idea.names, vars);
        }
        let base = name.clone();
        let mut fallbacks = [vars.municipality, vars.family]
            .into_iter()
            .filter(|word| !base.contains(word))
            .map(|word| format!("{base} {word}"))
            .chain((2..).map(|n| format!("{base} {n}")));
        while self.names.contains(&name) {
            name = fallbacks.next().unwrap_or_default();
        }
        self.names.insert(name.clone());
        name
    }

    /// A valid, unused organisation number; they start with 8 or 9.
    fn org_nr(&mut self, rng: &mut Rng) -> Option<OrgNr> {
        for _ in 0..100 {
            let mut digits = [0u32; 8];
            digits[0] = if chance(rng, 0.85) { 9 } else { 8 };
            for d in &mut digits[1..] {
                *d = rng.u32(..10);
            }
            let Some(check) = check_digit(&digits) else {
                continue;
            };
            let number = digits.iter().fold(0, |n, d| n * 10 + d) * 10 + check;
            if self.org_nrs.insert(number) {
                return OrgNr::parse(&format!("{number:09}")).ok();
            }
        }
        None
    }
}
