//! Sessions: how often a client is seen, by which channel, for how long, and what the advisor
//! wrote. Motivation follows a trend per client and competence grows on the whole.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use fastrand::Rng;

use super::centre::STAFF;
use super::dice::{
    add_days, between, chance, exponential, office_time, pick, weighted, word, workday,
};
use super::generate::Centre;
use super::notes;
use super::people::Person;
use super::template::fill;
use super::ventures::Track;
use crate::domain::{Channel, Session, VentureKind};

const CHANNELS: &[(Channel, u32)] = &[
    (Channel::Phone, 44),
    (Channel::Meeting, 24),
    (Channel::Video, 11),
    (Channel::Email, 9),
    (Channel::Message, 8),
    (Channel::Course, 4),
];

/// A client's motivation: where it starts, how it drifts over the whole follow-up, and noise.
struct Trend {
    start: f64,
    drift: f64,
}

impl Trend {
    fn at(&self, rng: &mut Rng, progress: f64) -> u8 {
        let value = self.start + self.drift * progress + (rng.f64() - 0.5) * 1.2;
        value.round().clamp(1.0, 5.0) as u8
    }
}

/// An area the client is assessed on: first level and how much it grows by the end.
struct Growth<'a> {
    area: &'a str,
    base: f64,
    gain: f64,
}

pub fn build(
    rng: &mut Rng,
    centre: &Centre,
    person: &Person,
    tracks: &[Track],
    until: DateTime<Utc>,
    first_id: u64,
) -> Vec<Session> {
    let times = times(rng, person.client.created_at, until, !tracks.is_empty());
    let trend = Trend {
        start: 1.8 + 2.0 * rng.f64(),
        drift: 3.4 * rng.f64() - 1.2,
    };
    let growth = growth(rng, &centre.opts.competence_areas);
    let advisor = person
        .client
        .advisor
        .as_deref()
        .unwrap_or(STAFF[0].username);
    let last = times.len().saturating_sub(1).max(1) as f64;

    let mut said = Vec::new();
    let mut sessions = Vec::with_capacity(times.len());
    for (i, started_at) in times.into_iter().enumerate() {
        let intake = i == 0;
        let progress = i as f64 / last;
        let channel = if intake {
            Channel::Meeting
        } else {
            weighted(rng, CHANNELS, |c| c.1).0
        };
        let quiet = match channel {
            Channel::Email | Channel::Message => 0.5,
            Channel::Course => 0.4,
            _ => 0.08,
        };
        let motivation = (!chance(rng, quiet)).then(|| trend.at(rng, progress));
        let topics = topics(rng, &centre.opts.topics);
        let track = if tracks.len() > 1 {
            Some(pick(rng, tracks))
        } else {
            tracks.first()
        };
        let assessed =
            intake || (chance(rng, 0.25) && !matches!(channel, Channel::Email | Channel::Message));
        let mut session = Session {
            id: first_id + i as u64,
            client_id: person.client.id,
            advisor: if chance(rng, 0.9) {
                advisor
            } else {
                pick(rng, STAFF).username
            }
            .to_string(),
            started_at,
            minutes: minutes(rng, channel),
            channel,
            topics,
            notes: String::new(),
            motivation,
            competence: if assessed {
                assess(rng, &growth, progress)
            } else {
                BTreeMap::new()
            },
        };
        session.notes = note(rng, person, track, &session, intake, &mut said);
        sessions.push(session);
    }
    sessions
}

/// When the client was seen: the intake first, then more often early on than later. About ten
/// sessions on average, fewer without a venture, a long tail of clients seen thirty times or more.
fn times(
    rng: &mut Rng,
    created_at: DateTime<Utc>,
    until: DateTime<Utc>,
    venture: bool,
) -> Vec<DateTime<Utc>> {
    let span = (until - created_at).num_days().max(0);
    let mean = if venture { 11.0 } else { 7.8 };
    let count = (1 + exponential(rng, mean).round() as i64)
        .min(1 + span / 4)
        .min(90);
    let start = created_at.date_naive();
    let mut times = Vec::with_capacity(count as usize);
    times.push(created_at);
    for _ in 1..count {
        let day = workday(add_days(start, (span as f64 * rng.f64().powf(1.3)) as i64));
        times.push(office_time(rng, day).max(created_at).min(until));
    }
    times.sort();
    times
}

fn growth<'a>(rng: &mut Rng, areas: &'a [String]) -> Vec<Growth<'a>> {
    let count = (between(rng, 3, 5) as usize).min(areas.len());
    let mut chosen = rng.choose_multiple(areas.iter(), count);
    chosen.sort();
    chosen
        .into_iter()
        .map(|area| Growth {
            area,
            base: 1.0 + 2.0 * rng.f64(),
            gain: 3.1 * rng.f64() - 0.3,
        })
        .collect()
}

fn assess(rng: &mut Rng, growth: &[Growth], progress: f64) -> BTreeMap<String, u8> {
    let mut ratings = BTreeMap::new();
    for g in growth {
        if chance(rng, 0.85) {
            let level = g.base + g.gain * progress + (rng.f64() - 0.5) * 0.8;
            ratings.insert(g.area.to_string(), level.round().clamp(1.0, 5.0) as u8);
        }
    }
    ratings
}

fn topics(rng: &mut Rng, configured: &[String]) -> Vec<String> {
    if configured.is_empty() || chance(rng, 0.07) {
        return Vec::new();
    }
    let count = between(rng, 1, 3) as usize;
    rng.choose_multiple(configured.iter(), count)
        .into_iter()
        .cloned()
        .collect()
}

/// Phone calls are short, meetings long, a course is a day; a few sessions have no duration.
fn minutes(rng: &mut Rng, channel: Channel) -> Option<u32> {
    if chance(rng, 0.03) {
        return None;
    }
    let (lo, hi, step) = match channel {
        Channel::Phone if chance(rng, 0.9) => (2, 6, 5),
        Channel::Phone => (7, 9, 5),
        Channel::Meeting => (3, 6, 15),
        Channel::Video => (2, 4, 15),
        Channel::Email => (1, 4, 5),
        Channel::Message => (1, 5, 2),
        Channel::Course => (4, 12, 30),
    };
    u32::try_from(between(rng, lo, hi) * step).ok()
}

/// A sentence not yet written about this client, if one is found in a few tries.
fn fresh(rng: &mut Rng, sentences: &[&'static str], said: &mut Vec<&'static str>) -> &'static str {
    let mut sentence = word(rng, sentences);
    for _ in 0..3 {
        if !said.iter().any(|s| std::ptr::eq(*s, sentence)) {
            break;
        }
        sentence = word(rng, sentences);
    }
    said.push(sentence);
    sentence
}

/// A first line saying what kind of contact it was, then one to five sentences, avoiding what
/// was already said about the client.
fn note(
    rng: &mut Rng,
    person: &Person,
    track: Option<&Track>,
    session: &Session,
    intake: bool,
    said: &mut Vec<&'static str>,
) -> String {
    let (channel, at) = (session.channel, session.started_at);
    let topic = session.topics.first().map_or("", String::as_str);
    let idea = track.map_or(person.idea, |t| t.idea);
    let venture = track.map_or("", |t| t.venture.name.as_str());
    let vars = person.vars(idea, venture, topic, at);
    let existing = track.is_some_and(|t| t.venture.kind == VentureKind::Existing);

    let opener = match channel {
        _ if intake && existing => notes::INTAKE_EXISTING,
        _ if intake => notes::INTAKE,
        Channel::Phone => notes::PHONE,
        Channel::Meeting => notes::MEETING,
        Channel::Video => notes::VIDEO,
        Channel::Email => notes::EMAIL,
        Channel::Message => notes::MESSAGE,
        Channel::Course => notes::COURSE,
    };
    let content = match track {
        Some(t) if t.running_on(at.date_naive()) => notes::RUNNING,
        Some(_) if chance(rng, 0.7) => notes::PLANNING,
        _ => notes::IDEA,
    };
    let short = matches!(channel, Channel::Email | Channel::Message);

    let mut parts: Vec<&str> = Vec::with_capacity(8);
    if !intake && chance(rng, 0.2) {
        parts.push(fresh(rng, notes::LIFE, said));
    }
    for _ in 0..if short { 1 } else { between(rng, 1, 3) } {
        let sentence = fresh(rng, content, said);
        if !parts.contains(&sentence) {
            parts.push(sentence);
        }
    }
    if !topic.is_empty() && chance(rng, 0.45) {
        parts.push(word(rng, notes::TOPIC));
    }
    if chance(rng, 0.25) {
        parts.push(fresh(rng, notes::RARE, said));
    }
    if let Some(m) = session.motivation.filter(|_| chance(rng, 0.5)) {
        let mood = match m {
            1 | 2 => notes::MOOD_LOW,
            3 => notes::MOOD_STEADY,
            _ => notes::MOOD_HIGH,
        };
        parts.push(word(rng, mood));
    }
    if chance(rng, 0.5) {
        parts.push(word(rng, notes::NEXT));
    }
    parts.truncate(5);

    let mut out = String::with_capacity(400);
    let first_line = word(rng, opener);
    fill(rng, first_line, &vars, &mut out);
    out.push('\n');
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        fill(rng, part, &vars, &mut out);
    }
    out
}
