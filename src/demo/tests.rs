use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, TimeZone, Utc};

use super::{DemoOptions, generate};
use crate::domain::{Gender, Milestone, Stage, VentureKind};
use crate::transfer::document::Document;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 30, 0).unwrap()
}

fn options(clients: usize, seed: u64) -> DemoOptions {
    let config = crate::config::Config::default();
    DemoOptions {
        clients,
        seed,
        now: now(),
        competence_areas: config.competence_areas,
        topics: config.topics,
        sectors: config.sectors,
    }
}

/// Every record passes its own validation unchanged, and points at records that exist.
fn assert_valid(doc: &Document, opts: &DemoOptions) {
    let today = opts.now.date_naive();
    let areas = opts.competence_areas.as_slice();
    let usernames: Vec<&str> = doc.advisors.iter().map(|a| a.username.as_str()).collect();
    for a in &doc.advisors {
        assert_eq!(a.clone().validated().as_ref(), Ok(a));
    }
    for (n, c) in doc.clients.iter().enumerate() {
        assert_eq!(c.id, n as u64 + 1);
        assert_eq!(c.clone().validated(today).as_ref(), Ok(c), "{c:?}");
        assert!(c.created_at < opts.now);
        assert!(usernames.contains(&c.advisor.as_deref().unwrap()));
        if let (Some(born), Some(arrived)) = (c.birth_year, c.arrived_year) {
            assert!(arrived >= born + 15, "{c:?}");
        }
    }
    let client = |id: u64| &doc.clients[id as usize - 1];
    for (n, v) in doc.ventures.iter().enumerate() {
        assert_eq!(v.id, n as u64 + 1);
        assert_eq!(v.clone().validated().as_ref(), Ok(v));
        client(v.client_id);
        let mut stage = None;
        for m in doc.milestones.iter().filter(|m| m.venture_id == v.id) {
            stage = Milestone::implied_stage(m.kind).or(stage);
        }
        if let Some(stage) = stage {
            assert_eq!(v.stage, stage, "{v:?}");
        }
    }
    let names: BTreeSet<&str> = doc.ventures.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names.len(), doc.ventures.len(), "venture names are unique");
    let org_nrs: Vec<_> = doc.ventures.iter().filter_map(|v| v.org_nr).collect();
    let distinct: BTreeSet<String> = org_nrs.iter().map(|o| o.to_string()).collect();
    assert_eq!(
        distinct.len(),
        org_nrs.len(),
        "organisation numbers are unique"
    );
    for (n, s) in doc.sessions.iter().enumerate() {
        assert_eq!(s.id, n as u64 + 1);
        assert_eq!(s.clone().validated(Some(areas)).as_ref(), Ok(s));
        assert!(usernames.contains(&s.advisor.as_str()));
        assert!(s.started_at >= client(s.client_id).created_at && s.started_at <= opts.now);
        assert!(!s.notes.contains(['{', '}']), "{}", s.notes);
    }
    for (n, step) in doc.next_steps.iter().enumerate() {
        assert_eq!(step.id, n as u64 + 1);
        assert_eq!(step.clone().validated().as_ref(), Ok(step));
        assert!(!step.text.contains('{'), "{}", step.text);
        assert!(step.done_on.is_none_or(|d| d <= today));
    }
    for (n, m) in doc.milestones.iter().enumerate() {
        assert_eq!(m.id, n as u64 + 1);
        assert_eq!(m.clone().validated().as_ref(), Ok(m));
        let venture = &doc.ventures[m.venture_id as usize - 1];
        assert_eq!(venture.client_id, m.client_id);
        assert!(m.date >= client(m.client_id).created_at.date_naive() && m.date <= today);
    }
}

#[test]
fn every_record_validates() {
    for seed in [1, 2, 3, 2026] {
        let opts = options(400, seed);
        let doc = generate(&opts);
        assert_valid(&doc, &opts);
        let json = serde_json::to_string(&doc).unwrap();
        assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
    }
}

#[test]
fn the_same_seed_gives_the_same_document() {
    let a = generate(&options(200, 9));
    assert_eq!(a, generate(&options(200, 9)));
    assert_ne!(a, generate(&options(200, 10)));
}

#[test]
fn no_clients_gives_the_advisors_only() {
    let opts = options(0, 1);
    let doc = generate(&opts);
    assert_eq!(doc.advisors.len(), 6);
    assert!(doc.clients.is_empty() && doc.sessions.is_empty() && doc.ventures.is_empty());
    assert_eq!(doc.exported_at, opts.now);
    assert_valid(&doc, &opts);
}

#[test]
fn empty_vocabularies_still_give_valid_records() {
    let opts = DemoOptions {
        competence_areas: vec![],
        topics: vec![],
        sectors: vec![],
        ..options(200, 5)
    };
    let doc = generate(&opts);
    assert_valid(&doc, &opts);
    assert!(doc.ventures.iter().all(|v| v.sector.is_none()));
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

#[test]
fn proportions_look_like_the_centre() {
    let doc = generate(&options(2000, 7));
    let clients = doc.clients.len();
    let new: Vec<_> = doc
        .ventures
        .iter()
        .filter(|v| v.kind == VentureKind::New)
        .collect();
    let existing = doc
        .ventures
        .iter()
        .filter(|v| v.kind == VentureKind::Existing)
        .count();
    let by_women = new
        .iter()
        .filter(|v| doc.clients[v.client_id as usize - 1].gender == Gender::Woman)
        .count();
    assert!(
        (0.20..=0.30).contains(&share(new.len(), clients)),
        "new {}",
        new.len()
    );
    assert!(
        (0.15..=0.25).contains(&share(existing, clients)),
        "existing {existing}"
    );
    assert!(
        (0.38..=0.50).contains(&share(by_women, new.len())),
        "by women {by_women}"
    );

    let per_client = share(doc.sessions.len(), clients);
    assert!(
        (8.0..=12.0).contains(&per_client),
        "sessions per client {per_client}"
    );
    let mut counts = BTreeMap::new();
    for s in &doc.sessions {
        *counts.entry(s.client_id).or_insert(0) += 1;
    }
    assert!(counts.values().filter(|&&n| n <= 2).count() > 100);
    assert!(counts.values().filter(|&&n| n >= 30).count() > 20);

    let own_script = doc
        .clients
        .iter()
        .filter(|c| c.name.chars().any(|ch| ch as u32 > 0x24F))
        .count();
    assert!(
        (0.25..=0.45).contains(&share(own_script, clients)),
        "own script {own_script}"
    );
    let women = doc
        .clients
        .iter()
        .filter(|c| c.gender == Gender::Woman)
        .count();
    assert!(
        (0.45..=0.55).contains(&share(women, clients)),
        "women {women}"
    );

    // Something for each data-quality warning.
    assert!(doc.sessions.iter().any(|s| s.minutes.is_none()));
    assert!(doc.ventures.iter().any(|v| v.sector.is_none()));
    assert!(doc.clients.iter().any(|c| c.gender == Gender::Unspecified));
    assert!(doc.ventures.iter().any(|v| v.stage == Stage::Closed));
}

#[test]
fn the_agenda_has_overdue_and_upcoming_steps() {
    let opts = options(2000, 11);
    let doc = generate(&opts);
    let today = opts.now.date_naive();
    let open: Vec<_> = doc.next_steps.iter().filter(|s| s.is_open()).collect();
    assert!(open.iter().any(|s| s.is_overdue(today)));
    assert!(open.iter().any(|s| s.due == Some(today)));
    let week = today + chrono::Days::new(7);
    assert!(
        open.iter()
            .filter(|s| s.due.is_some_and(|d| d > today && d <= week))
            .count()
            > 50
    );
    assert!(
        share(open.len(), doc.next_steps.len()) < 0.5,
        "most steps are done"
    );
}

#[test]
fn competence_grows_and_motivation_is_recorded() {
    let doc = generate(&options(1000, 3));
    let (mut first, mut latest) = (BTreeMap::new(), BTreeMap::new());
    for s in doc.sessions.iter().filter(|s| !s.competence.is_empty()) {
        for (area, level) in &s.competence {
            first.entry((s.client_id, area)).or_insert(*level);
            latest.insert((s.client_id, area), *level);
        }
    }
    let total = |m: &BTreeMap<_, u8>| m.values().map(|&v| u64::from(v)).sum::<u64>();
    assert!(total(&latest) > total(&first));
    let rated = doc
        .sessions
        .iter()
        .filter(|s| s.motivation.is_some())
        .count();
    assert!((0.6..0.95).contains(&share(rated, doc.sessions.len())));
}
