//! The checks serde cannot make: ranges, lists without blanks or repeats, and names.
use std::path::Path;

use super::errors::{SEE_EXAMPLE, accepted, invalid};
use super::{Config, ConfigError};

impl Config {
    pub(super) fn check(&self) -> Result<(), ConfigError> {
        if let Some((key, problem)) = self.serve.problem() {
            return Err(self.invalid(&format!("serve.{key}"), problem));
        }
        if !(1..=3650).contains(&self.dormant_days) {
            let problem = format!("dormant_days = {} is out of range", self.dormant_days);
            return Err(self.invalid("dormant_days", problem));
        }
        if !(1..=100).contains(&self.privacy.retention_years) {
            let problem = format!(
                "privacy.retention_years = {} is out of range",
                self.privacy.retention_years
            );
            return Err(self.invalid("privacy.retention_years", problem));
        }
        if !(1..=3650).contains(&self.privacy.trash_days) {
            let problem = format!(
                "privacy.trash_days = {} is out of range",
                self.privacy.trash_days
            );
            return Err(self.invalid("privacy.trash_days", problem));
        }
        if let Some(database) = &self.database
            && database.as_os_str().is_empty()
        {
            return Err(self.invalid("database", "database is empty".into()));
        }
        if let Some(advisor) = &self.advisor
            && crate::domain::advisor::username(advisor).is_err()
        {
            return Err(self.invalid(
                "advisor",
                format!("advisor \"{advisor}\" is not a username"),
            ));
        }
        if self.backup.every_hours > 8760 {
            let problem = format!(
                "backup.every_hours = {} is out of range",
                self.backup.every_hours
            );
            return Err(self.invalid("backup.every_hours", problem));
        }
        if !(1..=1000).contains(&self.backup.keep) {
            let problem = format!("backup.keep = {} is out of range", self.backup.keep);
            return Err(self.invalid("backup.keep", problem));
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
            let problem = format!("{key} has {} entries", items.len());
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
                let problem = format!("{key} lists \"{item}\" twice");
                return Err(self.invalid(&element, problem));
            }
        }
        Ok(())
    }

    /// One name or label: not blank, at most `most` characters, no control characters.
    fn check_text(&self, key: &str, text: &str, most: usize) -> Result<(), ConfigError> {
        let length = text.chars().count();
        let problem = if text.trim().is_empty() {
            format!("{key} is blank")
        } else if length > most {
            format!("{key} \"{text}\" is {length} characters long")
        } else if text.chars().any(char::is_control) {
            format!("{key} {text:?} contains a control character")
        } else {
            return Ok(());
        };
        Err(self.invalid(key, problem))
    }

    /// An error about the value at `dotted_key`, which came from this config's file.
    fn invalid(&self, dotted_key: &str, problem: String) -> ConfigError {
        invalid(
            self.source_path().unwrap_or(Path::new("config")),
            self.line_of(dotted_key).unwrap_or(1),
            problem,
            accepted(dotted_key).unwrap_or(SEE_EXAMPLE),
        )
    }
}
