//! Next steps: a few per client, most done, the open ones spread over overdue, today, this week
//! and later, so that the agenda has something in every section.
use fastrand::Rng;

use super::dice::{add_days, between, chance};
use super::generate::Centre;
use super::people::Person;
use super::template::filled_any;
use super::ventures::Track;
use crate::domain::{ClientStatus, NextStep, Owner, Session};

const FOR_CLIENT: &[&str] = &[
    "Send budget draft to advisor",
    "Register in Brønnøysund",
    "Open a business bank account",
    "Ask the accountant about VAT registration",
    "Find premises in {municipality}",
    "Call Mattilsynet about approval of the kitchen",
    "Update the business plan with the new prices",
    "Apply for etablererstipend",
    "Make an Instagram page for {venture}",
    "Get three quotes for the van",
    "Talk to the bank about a start-up loan",
    "Translate the menu into Norwegian",
    "Sign up for the Norwegian course, level B1",
    "Write down the price calculation",
    "Send the sales figures for last quarter",
    "Bring the rental contract to the next meeting",
    "Apply for serveringsbevilling",
    "Compare insurance offers from two companies",
    "Visit three competitors and note their prices",
    "Fill in the liquidity budget template",
    "Ask Skatteetaten about forskuddsskatt",
    "Register for VAT in Altinn",
    "Talk to the landlord about the rent",
    "Test the product at the market on Saturday",
];

const FOR_ADVISOR: &[&str] = &[
    "Book meeting with Innovasjon Norge",
    "Send info about the start-up course",
    "Find a mentor for {first}",
    "Send the budget template to {first}",
    "Check the rules for serveringsbevilling in {municipality}",
    "Introduce {first} to the network meeting in {municipality}",
    "Call NAV about support during the start-up",
    "Book an interpreter in {language} for the next meeting",
    "Send links to accounting programs",
    "Ask the bank contact about a microloan",
    "Read the business plan and give feedback",
    "Sign {first} up for the marketing course",
    "Follow up the application to Innovasjon Norge",
    "Check whether HK-dir has answered about the diploma",
];

pub fn build(
    rng: &mut Rng,
    centre: &Centre,
    person: &Person,
    tracks: &[Track],
    sessions: &[Session],
    first_id: u64,
) -> Vec<NextStep> {
    let Some(last) = sessions.len().checked_sub(1) else {
        return Vec::new();
    };
    let count = match rng.u8(..100) {
        0..25 => 1,
        25..60 => 2,
        60..85 => 3,
        _ => 4,
    };
    let open = match person.client.status {
        ClientStatus::Closed => 0,
        ClientStatus::Paused => usize::from(rng.bool()),
        ClientStatus::Active => match rng.u8(..100) {
            0..30 => 0,
            30..78 => 1,
            _ => 2,
        },
    }
    .min(count);

    let track = tracks.first();
    let venture = track.map_or("the business", |t| t.venture.name.as_str());
    let idea = track.map_or(person.idea, |t| t.idea);
    let mut anchors: Vec<usize> = (0..count).map(|_| rng.usize(..=last)).collect();
    anchors.sort();

    let mut steps = Vec::with_capacity(count);
    for (n, anchor) in anchors.into_iter().enumerate() {
        let is_open = n >= count - open;
        // Open steps were agreed in the latest sessions.
        let anchor = if is_open {
            last.saturating_sub(count - 1 - n)
        } else {
            anchor
        };
        let session = &sessions[anchor];
        let owner = if chance(rng, 0.3) {
            Owner::Advisor
        } else {
            Owner::Client
        };
        let vars = person.vars(idea, venture, "", session.started_at);
        let text = filled_any(
            rng,
            if owner == Owner::Advisor {
                FOR_ADVISOR
            } else {
                FOR_CLIENT
            },
            &vars,
        );
        let agreed = session.started_at.date_naive();
        let (due, done_on) = if is_open {
            let due = match person.client.status {
                ClientStatus::Active => open_due(rng, centre),
                _ => Some(add_days(agreed, between(rng, 7, 30))),
            };
            (due.map(|d| d.max(agreed)), None)
        } else {
            let due = chance(rng, 0.9).then(|| add_days(agreed, between(rng, 3, 28)));
            let done = add_days(agreed, between(rng, 0, 30))
                .min(centre.today)
                .max(agreed);
            (due, Some(done))
        };
        steps.push(NextStep {
            id: first_id + n as u64,
            client_id: person.client.id,
            text,
            owner,
            due,
            done_on,
        });
    }
    steps
}

/// Spread over the agenda: overdue, today, this week, later, or without a date.
fn open_due(rng: &mut Rng, centre: &Centre) -> Option<chrono::NaiveDate> {
    let today = centre.today;
    let days = match rng.u8(..100) {
        0..30 => -between(rng, 1, 40),
        30..42 => 0,
        42..67 => between(rng, 1, 6),
        67..90 => between(rng, 7, 60),
        _ => return None,
    };
    Some(add_days(today, days))
}
