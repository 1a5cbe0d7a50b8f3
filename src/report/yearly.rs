//! New and developed businesses per calendar year, for the Reports screen's bar charts: the
//! same definitions as the report, so each year's bar equals that year's report.
use std::collections::{BTreeMap, HashSet};

use chrono::Datelike as _;
use serde::Serialize;

use super::input::Input;
use crate::domain::kinds::{Gender, MilestoneKind, VentureKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct YearFigures {
    pub year: i32,
    pub new_businesses: u64,
    pub new_businesses_by_women: u64,
    pub developed_businesses: u64,
}

/// Every year from the first milestone that counts to the last, gaps included as zeros.
pub fn yearly(input: &Input) -> Vec<YearFigures> {
    let mut registered: HashSet<(u64, i32)> = HashSet::new();
    let mut expanded: HashSet<(u64, i32)> = HashSet::new();
    for m in &input.milestones {
        let key = (m.venture_id, m.date.year());
        match m.kind {
            MilestoneKind::Registered => registered.insert(key),
            MilestoneKind::Expanded => expanded.insert(key),
            _ => false,
        };
    }
    let ventures: BTreeMap<u64, (VentureKind, u64)> = input
        .ventures
        .iter()
        .map(|v| (v.id, (v.kind, v.client_id)))
        .collect();
    let woman = |client: u64| {
        input
            .clients
            .binary_search_by_key(&client, |c| c.id)
            .is_ok_and(|i| input.clients[i].gender == Gender::Woman)
    };
    let mut years: BTreeMap<i32, YearFigures> = BTreeMap::new();
    for (venture, year) in registered {
        if let Some((VentureKind::New, client)) = ventures.get(&venture) {
            let y = years.entry(year).or_default();
            y.new_businesses += 1;
            if woman(*client) {
                y.new_businesses_by_women += 1;
            }
        }
    }
    for (venture, year) in expanded {
        if let Some((VentureKind::Existing, _)) = ventures.get(&venture) {
            years.entry(year).or_default().developed_businesses += 1;
        }
    }
    let (Some(first), Some(last)) = (years.keys().next(), years.keys().next_back()) else {
        return Vec::new();
    };
    (*first..=*last)
        .map(|year| YearFigures {
            year,
            ..years.get(&year).copied().unwrap_or_default()
        })
        .collect()
}
