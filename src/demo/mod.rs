//! Realistic, reproducible demo data: a centre with advisors, clients, ventures and years of
//! sessions, generated from a seed so that demos, screenshots and benchmarks are repeatable.
mod centre;
mod countries;
mod dice;
mod generate;
mod ideas;
mod names;
mod notes;
mod people;
mod profile;
mod sessions;
mod steps;
mod template;
mod ventures;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};

pub use generate::{generate, generate_into};

/// What to generate. The vocabularies come from the configuration, so the demo data fits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub clients: usize,
    pub seed: u64,
    /// Everything is dated relative to this instant; the generator never reads the clock.
    pub now: DateTime<Utc>,
    pub competence_areas: Vec<String>,
    pub topics: Vec<String>,
    pub sectors: Vec<String>,
}
