//! The user's settings: `config.toml` in the XDG config folder or `--config FILE`, every option
//! optional, checked on load with messages that point at `file:line`.
mod check;
mod errors;
mod origin;
mod paths;
#[cfg(test)]
mod tests;
mod theme;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::de::DeTable;

use crate::i18n::{Both, ConfigText};

pub use errors::ConfigError;
use errors::{explain, invalid, one_line};
pub use origin::Origin;
use origin::{line_at, table_entries};
pub use paths::{data_dir, default_config_path, default_database_path, demo_database_path};
pub use theme::{Colors, Theme};

/// All options; anything left out of the file keeps its default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The database file; `None` means [`default_database_path`].
    pub database: Option<PathBuf>,
    /// Whose name goes on what is written when `--as` is not given; `None` means `$USER`.
    pub advisor: Option<String>,
    /// A client with no contact for this many days is dormant in the agenda.
    pub dormant_days: u32,
    /// Labels of motivation 1 to 5.
    #[serde(deserialize_with = "five_labels")]
    pub motivation_labels: [String; 5],
    pub competence_areas: Vec<String>,
    /// Counselling topics offered in call mode.
    pub topics: Vec<String>,
    pub sectors: Vec<String>,
    pub theme: Theme,
    pub privacy: Privacy,
    pub colors: Colors,
    pub backup: BackupSettings,
    /// The interface's language; `None` means the locale's (`LANG`: `nb`/`no` is bokmål).
    pub language: Option<crate::i18n::Lang>,
    /// Action name → keys; checked by the key map, not here.
    pub keys: BTreeMap<String, Vec<String>>,
    /// `veileder serve`: listening, sessions and logins.
    pub serve: crate::serve_config::ServeConfig,
    /// Where this config was read from; see [`Config::line_of`].
    #[serde(skip)]
    pub origin: Origin,
}

/// How long personal data is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Privacy {
    /// Clients with no contact for this many years are listed for erasure.
    pub retention_years: u32,
    /// Deleted records can be restored for this many days, then they are purged.
    pub trash_days: u32,
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy {
            retention_years: 5,
            trash_days: 30,
        }
    }
}

/// Backups made from a key in the terminal UI, into a folder that keeps the newest few.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BackupSettings {
    /// The folder; `None` means `backups` in the data folder.
    pub dir: Option<PathBuf>,
    /// How many of the newest backups the folder keeps.
    pub keep: usize,
    /// `veileder serve` backs up when it starts and then every this many hours; 0 never.
    pub every_hours: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        Self {
            dir: None,
            keep: 14,
            every_hours: 24,
        }
    }
}

impl BackupSettings {
    /// The folder backups go into: the configured one or the default.
    pub fn folder(&self) -> PathBuf {
        self.dir
            .clone()
            .unwrap_or_else(|| data_dir().join("backups"))
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database: None,
            advisor: None,
            dormant_days: 60,
            motivation_labels: ["stuck", "hesitant", "steady", "driven", "on fire"]
                .map(String::from),
            competence_areas: strings(&[
                "business idea & plan",
                "finance & budgeting",
                "marketing & sales",
                "law, tax & registration",
                "Norwegian language",
                "digital skills",
                "network in Norway",
            ]),
            topics: strings(&[
                "business plan",
                "budget",
                "financing",
                "registration",
                "tax & VAT",
                "marketing",
                "sales",
                "premises",
                "permits",
                "hiring",
                "language",
                "network",
                "courses",
                "digital tools",
                "wellbeing",
            ]),
            sectors: strings(&[
                "technology",
                "IT",
                "health",
                "culture",
                "food & catering",
                "retail",
                "cleaning & services",
                "transport",
                "construction",
                "beauty & hairdressing",
                "tourism",
                "education",
                "agriculture",
                "consulting",
                "other",
            ]),
            theme: Theme::Dark,
            privacy: Privacy::default(),
            colors: Colors::default(),
            backup: BackupSettings::default(),
            language: None,
            keys: BTreeMap::new(),
            serve: Default::default(),
            origin: Origin::default(),
        }
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

impl Config {
    /// Parses and checks a config file's text; `path` is only used in messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let table = DeTable::parse(text).map_err(|error| {
            let line = line_at(text, error.span().map_or(0, |span| span.start));
            let message = one_line(error.message());
            let problem = Both::of(ConfigText::IsNotToml, &[("message", &message)]);
            invalid(path, line, problem, Both::of(ConfigText::TakesToml, &[]))
        })?;
        let mut entries = Vec::new();
        table_entries(text, table.get_ref(), &mut Vec::new(), &mut entries);
        let origin = Origin {
            path: Some(path.to_path_buf()),
            entries,
        };
        let mut config: Self = toml::from_str(text).map_err(|error| {
            let offset = error.span().map_or(0, |span| span.start);
            let line = line_at(text, offset);
            let (problem, accepted) = explain(&origin, offset, error.message());
            invalid(path, line, problem, accepted)
        })?;
        config.origin = origin;
        config.check()?;
        Ok(config)
    }

    /// The database file to open: the configured one or the default.
    pub fn database_path(&self) -> PathBuf {
        self.database.clone().unwrap_or_else(default_database_path)
    }

    /// The file this config was read from; `None` for the built-in defaults.
    pub fn source_path(&self) -> Option<&Path> {
        self.origin.path.as_deref()
    }

    /// The 1-based line of `dotted_key` (such as `keys.save` or `topics.2`) in the file this
    /// config was read from.
    pub fn line_of(&self, dotted_key: &str) -> Option<usize> {
        self.origin
            .entries
            .iter()
            .find(|entry| entry.path.join(".") == dotted_key)
            .map(|entry| entry.line)
    }
}

/// Serde fills a fixed-size array from the first five and ignores any more; this refuses them.
fn five_labels<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<[String; 5], D::Error> {
    let labels = Vec::<String>::deserialize(deserializer)?;
    let count = labels.len();
    labels
        .try_into()
        .map_err(|_| serde::de::Error::invalid_length(count, &"5 labels"))
}

/// Reads `explicit`, which must exist, or else the default config file if there is one, or else
/// gives the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let Some(path) = explicit.map(Path::to_path_buf).or_else(default_config_path) else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => Config::from_toml(&text, &path),
        Err(error) if error.kind() == io::ErrorKind::NotFound => match explicit {
            Some(_) => Err(ConfigError::Missing { path }),
            None => Ok(Config::default()),
        },
        Err(reason) => Err(ConfigError::Io { path, reason }),
    }
}
