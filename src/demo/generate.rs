//! The generator: one client at a time, each with ventures, sessions and next steps, all from
//! one seeded random stream so that the same options always give the same document.
use chrono::{DateTime, NaiveDate, Utc};
use fastrand::Rng;

use super::DemoOptions;
use super::centre::advisors;
use super::dice::{add_days, chance, office_time, weighted, workday};
use super::ideas::{IDEAS, Idea};
use super::people::{Intake, person};
use super::ventures::{self, NextIds, Plan, Register};
use super::{sessions, steps};
use crate::domain::{ClientStatus, Gender};
use crate::transfer::document::Document;
use crate::transfer::stream::{Item, Sink};

/// How far back the centre's first clients go.
const HISTORY_DAYS: f64 = 6.0 * 365.0;

/// What every client is generated against: the options, today, and how ideas map to sectors.
pub struct Centre<'a> {
    pub opts: &'a DemoOptions,
    pub today: NaiveDate,
    /// For each idea, the configured sector that fits it, if any does.
    idea_sectors: Vec<Option<&'a str>>,
}

impl<'a> Centre<'a> {
    fn new(opts: &'a DemoOptions) -> Self {
        let idea_sectors = IDEAS
            .iter()
            .map(|idea| {
                opts.sectors
                    .iter()
                    .find(|sector| {
                        sector
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|word| idea.sectors.contains(&word.to_lowercase().as_str()))
                    })
                    .map(String::as_str)
            })
            .collect();
        Centre {
            opts,
            today: opts.now.date_naive(),
            idea_sectors,
        }
    }

    /// An idea, drawn as often as people of this gender bring it.
    pub fn idea(&self, rng: &mut Rng, gender: Gender) -> &'static Idea {
        weighted(rng, IDEAS, |i| match gender {
            Gender::Woman => i.weight * i.women,
            Gender::Man => i.weight * (100 - i.women),
            Gender::Other | Gender::Unspecified => i.weight * 50,
        })
    }

    /// The sector that fits the idea, or any configured sector when none does.
    pub fn sector(&self, rng: &mut Rng, idea: &Idea) -> Option<&'a str> {
        let fitting = IDEAS
            .iter()
            .position(|i| std::ptr::eq(i, idea))
            .and_then(|n| self.idea_sectors.get(n).copied().flatten());
        fitting.or_else(|| rng.choice(self.opts.sectors.iter()).map(String::as_str))
    }
}

/// The whole demo centre as one document, in memory (tests, benchmarks, small centres).
pub fn generate(opts: &DemoOptions) -> Document {
    let mut doc = Document::empty(opts.now);
    doc.clients.reserve(opts.clients);
    doc.sessions.reserve(opts.clients * 11);
    let Ok(()) = generate_into(opts, &mut doc);
    doc
}

/// The demo centre, record by record into `sink`: advisors first, then each client followed by
/// its ventures, sessions, next steps and milestones. At national scale nothing is held whole.
pub fn generate_into<S: Sink>(opts: &DemoOptions, sink: &mut S) -> Result<(), S::Error> {
    let mut rng = Rng::with_seed(opts.seed);
    let centre = Centre::new(opts);
    for (n, advisor) in advisors().into_iter().enumerate() {
        sink.take(n, Item::Advisor(advisor))?;
    }
    let mut ids = NextIds {
        venture: 1,
        milestone: 1,
    };
    let mut register = Register::default();
    let (mut sessions, mut steps) = (0, 0);

    for id in 1..=opts.clients as u64 {
        let plan = plan(&mut rng);
        let (created_at, age) = created(&mut rng, opts.now);
        let (status, until) = status(&mut rng, created_at, age, opts.now);
        let gender = gender(&mut rng, plan.has_new());
        let intake = Intake {
            id,
            gender,
            created_at,
            status,
            idea: centre.idea(&mut rng, gender),
        };
        let person = person(&mut rng, intake);
        let tracks = ventures::build(&mut rng, &centre, &person, plan, &mut ids, &mut register);
        let held = sessions::build(&mut rng, &centre, &person, &tracks, until, sessions + 1);
        let owed = steps::build(&mut rng, &centre, &person, &tracks, &held, steps + 1);
        let n = id as usize - 1;
        sink.take(n, Item::Client(Box::new(person.client)))?;
        for track in tracks {
            sink.take(n, Item::Venture(track.venture))?;
            for milestone in track.milestones {
                sink.take(n, Item::Milestone(milestone))?;
            }
        }
        sessions += held.len() as u64;
        for session in held {
            sink.take(n, Item::Session(session))?;
        }
        steps += owed.len() as u64;
        for step in owed {
            sink.take(n, Item::NextStep(step))?;
        }
    }
    Ok(())
}

/// About a quarter start a new business and a fifth develop an existing one, as at the centre
/// the product is modelled on (332 new and 280 developed among some 1,300 clients).
fn plan(rng: &mut Rng) -> Plan {
    let roll = rng.f64();
    if roll < 0.235 {
        Plan::New
    } else if roll < 0.44 {
        if chance(rng, 0.08) {
            Plan::ExistingAndNew
        } else {
            Plan::Existing
        }
    } else {
        Plan::Nothing
    }
}

/// Steered so that women are behind about 44 % of the new businesses and about half the clients.
fn gender(rng: &mut Rng, starts_new: bool) -> Gender {
    let woman = if starts_new { 0.44 } else { 0.515 };
    let roll = rng.f64();
    if roll < woman {
        Gender::Woman
    } else if roll < 0.97 {
        Gender::Man
    } else if roll < 0.995 {
        Gender::Unspecified
    } else {
        Gender::Other
    }
}

/// A working day in the last six years, more of them recent as the centre grew; and how far
/// back that is, from 0 (now) to 1 (six years ago).
fn created(rng: &mut Rng, now: DateTime<Utc>) -> (DateTime<Utc>, f64) {
    let age = rng.f64().powf(1.15);
    let days = 1 + (age * HISTORY_DAYS) as i64;
    let date = workday(add_days(now.date_naive(), -days));
    (office_time(rng, date), age)
}

/// Mostly active; older clients more often closed. Returns the status and the last day the
/// client was followed up.
fn status(
    rng: &mut Rng,
    created_at: DateTime<Utc>,
    age: f64,
    now: DateTime<Utc>,
) -> (ClientStatus, DateTime<Utc>) {
    let roll = rng.f64();
    let (status, share) = if roll < 0.04 + 0.4 * age {
        (ClientStatus::Closed, 0.15 + 0.7 * rng.f64())
    } else if roll < 0.13 + 0.4 * age {
        (ClientStatus::Paused, 0.45 + 0.45 * rng.f64())
    } else {
        return (ClientStatus::Active, now);
    };
    let span = (now - created_at).num_days() as f64;
    let last = workday(add_days(created_at.date_naive(), (span * share) as i64));
    let until = office_time(rng, last).max(created_at).min(now);
    (status, until)
}
