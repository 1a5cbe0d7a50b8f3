//! The computation of a report: one pass over each client's sessions in time order, then the
//! clients, milestones, ventures and next steps.
use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::input::{ClientFacts, Input, SessionFacts};
use super::{
    About, AdvisorFigures, AreaFigures, ChannelFigures, Motivation, OVERDUE_DAYS, Period, Report,
    SectorFigures, UNSPECIFIED, Warning, hours, label, round2,
};
use crate::domain::ClientId;
use crate::domain::kinds::{Channel, Gender, MilestoneKind, VentureKind};

/// The first and latest rating of one series, and how many there were.
#[derive(Clone, Copy)]
struct Track {
    count: u32,
    first: u8,
    latest: u8,
}

impl Track {
    /// Ratings arrive in time order, so the first stays and the latest is the last seen.
    fn add(track: &mut Option<Track>, value: u8) {
        match track {
            Some(t) => {
                t.count += 1;
                t.latest = value;
            }
            None => {
                *track = Some(Track {
                    count: 1,
                    first: value,
                    latest: value,
                })
            }
        }
    }

    /// The series if it shows a change over time: at least two ratings.
    fn rated_twice(track: Option<Track>) -> Option<Track> {
        track.filter(|t| t.count >= 2)
    }
}

/// Sums over the clients served with two or more ratings: (clients, first, latest).
#[derive(Default, Clone, Copy)]
struct Sums {
    clients: u64,
    first: u64,
    latest: u64,
}

impl Sums {
    fn add(&mut self, t: Track) {
        self.clients += 1;
        self.first += u64::from(t.first);
        self.latest += u64::from(t.latest);
    }
}

#[derive(Default)]
struct Totals {
    served: Vec<ClientId>,
    sessions: u64,
    minutes: u64,
    /// (sessions, minutes) per `Channel::ALL` position.
    channels: Vec<(u64, u64)>,
    /// (sessions, minutes, clients) per advisor index.
    advisors: Vec<(u64, u64, u64)>,
    motivation: Motivation,
    motivation_sums: Sums,
    areas: Vec<Sums>,
    warnings: Vec<Warning>,
}

/// One client's sessions, in time order.
fn client_sessions(t: &mut Totals, period: Period, sessions: &[SessionFacts], areas: usize) {
    let mut motivation = None;
    let mut competence: Vec<Option<Track>> = vec![None; areas];
    let mut advisors: Vec<u32> = Vec::new();
    let mut served = false;
    for s in sessions {
        let day = s.started_at.date_naive();
        if !period.not_after_end(day) {
            break;
        }
        if let Some(m) = s.motivation {
            Track::add(&mut motivation, m);
        }
        for (area, value) in &s.competence {
            if let Some(slot) = competence.get_mut(*area as usize) {
                Track::add(slot, *value);
            }
        }
        if !period.contains(day) {
            continue;
        }
        served = true;
        let m = u64::from(s.minutes.unwrap_or(0));
        t.sessions += 1;
        t.minutes += m;
        let ch = Channel::ALL
            .iter()
            .position(|c| *c == s.channel)
            .unwrap_or(0);
        t.channels[ch].0 += 1;
        t.channels[ch].1 += m;
        let adv = &mut t.advisors[s.advisor as usize];
        adv.0 += 1;
        adv.1 += m;
        if !advisors.contains(&s.advisor) {
            advisors.push(s.advisor);
        }
        if s.minutes.is_none() {
            t.warnings.push(Warning::new(
                "session_without_duration",
                "session",
                (s.id, s.client_id),
                About::NoDuration(day),
            ));
        }
    }
    if !served {
        return;
    }
    t.served.extend(sessions.first().map(|s| s.client_id));
    for a in advisors {
        t.advisors[a as usize].2 += 1;
    }
    if let Some(m) = Track::rated_twice(motivation) {
        t.motivation_sums.add(m);
        match m.latest.cmp(&m.first) {
            std::cmp::Ordering::Greater => t.motivation.rose += 1,
            std::cmp::Ordering::Equal => t.motivation.stayed += 1,
            std::cmp::Ordering::Less => t.motivation.fell += 1,
        }
    }
    for (area, track) in competence.into_iter().enumerate() {
        if let Some(c) = Track::rated_twice(track) {
            t.areas[area].add(c);
        }
    }
}

fn client_of(clients: &[ClientFacts], id: ClientId) -> Option<&ClientFacts> {
    clients
        .binary_search_by_key(&id, |c| c.id)
        .ok()
        .map(|i| &clients[i])
}

/// The figures of `input` over `period`; `today` bounds the overdue check of open-ended periods.
/// `input.clients` must be ordered by id and its sessions by client, time and id.
pub fn compute(input: &Input, period: Period, today: NaiveDate) -> Report {
    let mut t = Totals {
        channels: vec![(0, 0); Channel::ALL.len()],
        advisors: vec![(0, 0, 0); input.advisors.len()],
        areas: vec![Sums::default(); input.areas.len()],
        ..Totals::default()
    };
    for group in input.sessions.chunk_by(|a, b| a.client_id == b.client_id) {
        client_sessions(&mut t, period, group, input.areas.len());
    }

    let mut by_gender: BTreeMap<String, u64> = Gender::ALL
        .iter()
        .map(|g| (g.as_str().to_string(), 0))
        .collect();
    let mut by_country: BTreeMap<String, u64> = BTreeMap::new();
    for id in &t.served {
        let Some(c) = client_of(&input.clients, *id) else {
            // Sessions of clients missing from the data still count, as unspecified.
            *by_gender.entry(UNSPECIFIED.to_string()).or_default() += 1;
            *by_country.entry(UNSPECIFIED.to_string()).or_default() += 1;
            continue;
        };
        *by_gender.entry(c.gender.as_str().to_string()).or_default() += 1;
        *by_country.entry(label(c.country.as_deref())).or_default() += 1;
        if c.gender == Gender::Unspecified {
            t.warnings.push(Warning::new(
                "client_without_gender",
                "client",
                (c.id, c.id),
                About::NoGender(c.name.clone()),
            ));
        }
    }
    let new_clients = input
        .clients
        .iter()
        .filter(|c| period.contains(c.created_at.date_naive()))
        .count() as u64;

    let businesses = businesses(input, period, &t.served, &mut t.warnings);
    overdue_steps(input, period, today, &mut t.warnings);
    let order = |w: &Warning| match w.kind {
        "session_without_duration" => 0,
        "client_without_gender" => 1,
        "venture_without_sector" => 2,
        _ => 3,
    };
    t.warnings.sort_by_key(|w| (order(w), w.id));

    let mut motivation = t.motivation;
    motivation.clients = t.motivation_sums.clients;
    if motivation.clients > 0 {
        let n = motivation.clients as f64;
        motivation.average_first = Some(round2(t.motivation_sums.first as f64 / n));
        motivation.average_latest = Some(round2(t.motivation_sums.latest as f64 / n));
    }
    let competence = input
        .areas
        .iter()
        .zip(&t.areas)
        .filter(|(_, s)| s.clients > 0)
        .map(|(area, s)| {
            let n = s.clients as f64;
            let figures = AreaFigures {
                clients: s.clients,
                average_first: round2(s.first as f64 / n),
                average_latest: round2(s.latest as f64 / n),
                average_growth: round2((s.latest as f64 - s.first as f64) / n),
            };
            (area.clone(), figures)
        })
        .collect();

    Report {
        period,
        clients_served: t.served.len() as u64,
        new_clients,
        sessions: t.sessions,
        session_hours: hours(t.minutes),
        sessions_by_channel: Channel::ALL
            .iter()
            .zip(&t.channels)
            .map(|(c, (n, m))| {
                let figures = ChannelFigures {
                    sessions: *n,
                    hours: hours(*m),
                };
                (c.as_str().to_string(), figures)
            })
            .collect(),
        new_businesses: businesses.new,
        new_businesses_by_women: businesses.new_by_women,
        developed_businesses: businesses.developed,
        by_gender,
        by_sector: businesses.by_sector,
        by_country,
        by_advisor: input
            .advisors
            .iter()
            .zip(&t.advisors)
            .map(|(name, (n, m, clients))| {
                let figures = AdvisorFigures {
                    sessions: *n,
                    hours: hours(*m),
                    clients_served: *clients,
                };
                (name.clone(), figures)
            })
            .collect(),
        motivation,
        competence,
        warnings: t.warnings,
    }
}

struct Businesses {
    new: u64,
    new_by_women: u64,
    developed: u64,
    by_sector: BTreeMap<String, SectorFigures>,
}

/// New businesses (a `new` venture registered in the period) and developed ones (an
/// `existing` venture expanded in the period, however often), with ventures lacking a sector.
fn businesses(
    input: &Input,
    period: Period,
    served: &[ClientId],
    warnings: &mut Vec<Warning>,
) -> Businesses {
    let mut registered: HashSet<u64> = HashSet::new();
    let mut expanded: HashSet<u64> = HashSet::new();
    for m in input.milestones.iter().filter(|m| period.contains(m.date)) {
        match m.kind {
            MilestoneKind::Registered => registered.insert(m.venture_id),
            MilestoneKind::Expanded => expanded.insert(m.venture_id),
            _ => false,
        };
    }
    let served: HashSet<ClientId> = served.iter().copied().collect();
    let mut out = Businesses {
        new: 0,
        new_by_women: 0,
        developed: 0,
        by_sector: BTreeMap::new(),
    };
    for v in &input.ventures {
        let is_new = v.kind == VentureKind::New && registered.contains(&v.id);
        let is_developed = v.kind == VentureKind::Existing && expanded.contains(&v.id);
        let sector = || label(v.sector.as_deref());
        if is_new {
            out.new += 1;
            let gender = client_of(&input.clients, v.client_id).map(|c| c.gender);
            if gender == Some(Gender::Woman) {
                out.new_by_women += 1;
            }
            out.by_sector.entry(sector()).or_default().new_businesses += 1;
        }
        if is_developed {
            out.developed += 1;
            out.by_sector
                .entry(sector())
                .or_default()
                .developed_businesses += 1;
        }
        let relevant = is_new || is_developed || served.contains(&v.client_id);
        if relevant && v.sector.as_deref().is_none_or(|s| s.trim().is_empty()) {
            warnings.push(Warning::new(
                "venture_without_sector",
                "venture",
                (v.id, v.client_id),
                About::NoSector(v.name.clone()),
            ));
        }
    }
    out
}

/// Next steps still open and long overdue at the period's end, or today if that is earlier.
fn overdue_steps(input: &Input, period: Period, today: NaiveDate, warnings: &mut Vec<Warning>) {
    let reference = period.to.map_or(today, |t| t.min(today));
    for n in &input.next_steps {
        let open = n.done_on.is_none_or(|d| d > reference);
        let Some(due) = n.due else { continue };
        let late = (reference - due).num_days();
        if open && late > OVERDUE_DAYS {
            let about = About::Overdue {
                text: n.text.clone(),
                due,
                late,
            };
            warnings.push(Warning::new(
                "overdue_step",
                "next_step",
                (n.id, n.client_id),
                about,
            ));
        }
    }
}
