//! The checks serde cannot make: ranges, lists without blanks or repeats, and names.
use std::path::Path;

use super::errors::{accepted_at, invalid};
use super::{Config, ConfigError};
use crate::i18n::{Both, ConfigText as T};

impl Config {
    pub(super) fn check(&self) -> Result<(), ConfigError> {
        if let Some((key, problem)) = self.serve.problem() {
            return Err(self.invalid(&format!("serve.{key}"), problem));
        }
        let ranges: [(&str, u64, u64, u64); 5] = [
            ("dormant_days", self.dormant_days.into(), 1, 3650),
            (
                "privacy.retention_years",
                self.privacy.retention_years.into(),
                1,
                100,
            ),
            (
                "privacy.trash_days",
                self.privacy.trash_days.into(),
                1,
                3650,
            ),
            (
                "backup.every_hours",
                self.backup.every_hours.into(),
                0,
                8760,
            ),
            ("backup.keep", self.backup.keep as u64, 1, 1000),
        ];
        for (key, value, low, high) in ranges {
            if !(low..=high).contains(&value) {
                let problem = Both::of(T::IsOutOfRange, &[("key", &key), ("value", &value)]);
                return Err(self.invalid(key, problem));
            }
        }
        if let Some(database) = &self.database
            && database.as_os_str().is_empty()
        {
            return Err(self.invalid("database", Both::of(T::IsEmptyDatabase, &[])));
        }
        if let Some(advisor) = &self.advisor
            && crate::domain::advisor::username(advisor).is_err()
        {
            let problem = Both::of(T::IsNotUsername, &[("value", advisor)]);
            return Err(self.invalid("advisor", problem));
        }
        for (index, label) in self.motivation_labels.iter().enumerate() {
            self.check_text(&format!("motivation_labels.{index}"), label, 20)?;
        }
        self.check_list("competence_areas", &self.competence_areas, 20)?;
        self.check_list("topics", &self.topics, 40)?;
        self.check_list("sectors", &self.sectors, 60)
    }

    fn check_list(&self, key: &str, items: &[String], most: usize) -> Result<(), ConfigError> {
        if !(1..=most).contains(&items.len()) {
            let problem = Both::of(T::IsEntries, &[("key", &key), ("n", &items.len())]);
            return Err(self.invalid(key, problem));
        }
        for (index, item) in items.iter().enumerate() {
            let element = format!("{key}.{index}");
            self.check_text(&element, item, 40)?;
            let lower = item.to_lowercase();
            if items[..index]
                .iter()
                .any(|earlier| earlier.to_lowercase() == lower)
            {
                let problem = Both::of(T::IsTwice, &[("key", &key), ("item", item)]);
                return Err(self.invalid(&element, problem));
            }
        }
        Ok(())
    }

    /// One name or label: not blank, at most `most` characters, no control characters.
    fn check_text(&self, key: &str, text: &str, most: usize) -> Result<(), ConfigError> {
        let length = text.chars().count();
        let problem = if text.trim().is_empty() {
            Both::of(T::IsBlank, &[("key", &key)])
        } else if length > most {
            let values: [(&str, &dyn std::fmt::Display); 3] =
                [("key", &key), ("text", &text), ("n", &length)];
            Both::of(T::IsLong, &values)
        } else if text.chars().any(char::is_control) {
            let quoted = format!("{text:?}");
            Both::of(T::IsControl, &[("key", &key), ("text", &quoted)])
        } else {
            return Ok(());
        };
        Err(self.invalid(key, problem))
    }

    /// An error about the value at `dotted_key`, which came from this config's file.
    fn invalid(&self, dotted_key: &str, problem: Both) -> ConfigError {
        invalid(
            self.source_path().unwrap_or(Path::new("config")),
            self.line_of(dotted_key).unwrap_or(1),
            problem,
            accepted_at(dotted_key),
        )
    }
}
