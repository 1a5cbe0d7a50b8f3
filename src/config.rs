//! The user's settings: `config.toml` in the XDG config folder or `--config FILE`, every option
//! optional, checked on load with messages that point at `file:line`.

use std::collections::BTreeMap;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use ratatui::style::Color;
use serde::{Deserialize, Serialize};
use toml::de::{DeTable, DeValue};

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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// Bright colours on black, whatever the terminal's own background.
    #[serde(rename = "high-contrast")]
    HighContrast,
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

/// Colour overrides per screen element; `None` keeps the theme's colour.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colors {
    #[serde(with = "color_text")]
    pub accent: Option<Color>,
    #[serde(with = "color_text")]
    pub text: Option<Color>,
    #[serde(with = "color_text")]
    pub muted: Option<Color>,
    #[serde(with = "color_text")]
    pub selection: Option<Color>,
    #[serde(with = "color_text")]
    pub warning: Option<Color>,
    #[serde(with = "color_text")]
    pub error: Option<Color>,
    #[serde(with = "color_text")]
    pub success: Option<Color>,
    #[serde(with = "color_text")]
    pub border: Option<Color>,
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

/// Where a config was read from, so that later checks (the key map) can report `file:line`.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    path: Option<PathBuf>,
    /// Every key and list element of the file.
    entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
struct Entry {
    /// Names of tables and keys, and indices in lists, from the top.
    path: Vec<String>,
    line: usize,
    /// From the key to the end of its value, to find which key a parse error is about.
    span: Range<usize>,
}

/// Options with the same values are the same config, whichever file they came from.
impl PartialEq for Origin {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Origin {}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "{}: config file not found; --config needs an existing file (leave it out for the defaults)",
        path.display()
    )]
    Missing { path: PathBuf },
    #[error("{}: cannot read the config file: {reason}", path.display())]
    Io { path: PathBuf, reason: io::Error },
    #[error("{}:{line}: {problem}; {accepted}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        problem: String,
        accepted: String,
    },
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

const COLOR_ELEMENTS: [&str; 8] = [
    "accent",
    "text",
    "muted",
    "selection",
    "warning",
    "error",
    "success",
    "border",
];

/// What is accepted at a key (`topics`, `topics.3`, `colors.text`); `None` for a key the
/// config does not have.
fn accepted(dotted_key: &str) -> Option<&'static str> {
    let mut names = dotted_key.split('.');
    Some(match (names.next()?, names.next()) {
        ("database", _) => "a file path in quotes, such as \"/home/me/veileder.redb\"",
        ("advisor", _) => "a username in quotes: 1 to 32 of a-z, 0-9, '.', '_' or '-'",
        ("dormant_days", _) => "a whole number of days from 1 to 3650",
        ("motivation_labels", _) => {
            "a list of exactly 5 labels (for 1 to 5), each 1 to 20 characters without control characters"
        }
        ("competence_areas", _) => "a list of 1 to 20 different areas, each 1 to 40 characters",
        ("topics", _) => "a list of 1 to 40 different topics, each 1 to 40 characters",
        ("sectors", _) => "a list of 1 to 60 different sectors, each 1 to 40 characters",
        ("language", _) => "\"en\" (English) or \"nb\" (Norwegian bokmål)",
        ("theme", _) => "\"dark\", \"light\" or \"high-contrast\"",
        ("privacy", None) => "a [privacy] table of retention_years and trash_days",
        ("privacy", Some("retention_years")) => "a whole number of years from 1 to 100",
        ("privacy", Some("trash_days")) => "a whole number of days from 1 to 3650",
        ("colors", None) => {
            "a [colors] table of accent, text, muted, selection, warning, error, success, border"
        }
        ("colors", Some(element)) if COLOR_ELEMENTS.contains(&element) => {
            "a colour name such as \"red\" or \"lightblue\", \"#rrggbb\", or a number from 0 to 255"
        }
        ("backup", None) => "a [backup] table of dir, keep and every_hours",
        ("backup", Some("every_hours")) => "a whole number of hours from 0 (never) to 8760",
        ("backup", Some("dir")) => "a folder path in quotes, such as \"/home/me/veileder-backups\"",
        ("backup", Some("keep")) => "a whole number of backups from 1 to 1000",
        ("keys", None) => "a [keys] table of action = [\"key\", ...]",
        ("serve", key) => return crate::serve_config::accepted(key),
        ("keys", Some(_)) => {
            "a list of keys in quotes, such as [\"ctrl-s\", \"j\", \"down\", \"shift-tab\", \"f1\"]"
        }
        _ => return None,
    })
}

/// What is accepted when the message names no known key.
const SEE_EXAMPLE: &str = "see config.example.toml";

impl Config {
    /// Parses and checks a config file's text; `path` is only used in messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let table = DeTable::parse(text).map_err(|error| {
            let line = line_at(text, error.span().map_or(0, |span| span.start));
            invalid(
                path,
                line,
                one_line(error.message()),
                "TOML: option = value, text in \"quotes\", lists in [brackets], as in config.example.toml",
            )
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
            invalid(path, line, problem, &accepted)
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

    fn check(&self) -> Result<(), ConfigError> {
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

fn invalid(path: &Path, line: usize, problem: String, accepted: &str) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        problem,
        accepted: accepted.to_string(),
    }
}

/// Turns a serde message about the text at `offset` into what is wrong and what is accepted,
/// naming the key.
fn explain(origin: &Origin, offset: usize, message: &str) -> (String, String) {
    let message = one_line(message);
    // serde ends its messages with ", expected ..."; our own description of the key says more.
    let (what, expected) = message
        .split_once(", expected ")
        .unwrap_or((message.as_str(), SEE_EXAMPLE));
    let key = origin
        .entries
        .iter()
        .filter(|entry| entry.span.contains(&offset))
        .min_by_key(|entry| entry.span.len())
        .map(|entry| entry.path.as_slice());
    match key {
        Some(path) => {
            let dotted = path.join(".");
            match accepted(&dotted) {
                Some(accepted) => (format!("{dotted}: {what}"), accepted.to_string()),
                None => (
                    format!("unknown option '{dotted}'"),
                    expected.replace('`', ""),
                ),
            }
        }
        None => (what.to_string(), expected.replace('`', "")),
    }
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count()
        + 1
}

fn table_entries(
    text: &str,
    table: &DeTable<'_>,
    path: &mut Vec<String>,
    entries: &mut Vec<Entry>,
) {
    for (key, value) in table.iter() {
        path.push(key.get_ref().to_string());
        push_entry(text, path, key.span().start..value.span().end, entries);
        value_entries(text, value.get_ref(), path, entries);
        path.pop();
    }
}

fn value_entries(
    text: &str,
    value: &DeValue<'_>,
    path: &mut Vec<String>,
    entries: &mut Vec<Entry>,
) {
    match value {
        DeValue::Table(table) => table_entries(text, table, path, entries),
        DeValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(index.to_string());
                push_entry(text, path, item.span(), entries);
                value_entries(text, item.get_ref(), path, entries);
                path.pop();
            }
        }
        _ => {}
    }
}

fn push_entry(text: &str, path: &[String], span: Range<usize>, entries: &mut Vec<Entry>) {
    entries.push(Entry {
        path: path.to_vec(),
        line: line_at(text, span.start),
        span,
    });
}

/// Serde fills a fixed-size array from the first five and ignores any more; this refuses them.
fn five_labels<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<[String; 5], D::Error> {
    let labels = Vec::<String>::deserialize(deserializer)?;
    let count = labels.len();
    labels
        .try_into()
        .map_err(|_| serde::de::Error::invalid_length(count, &"5 labels"))
}

/// Colours are written as text in the file and parsed on load, so a bad one is reported there.
mod color_text {
    use ratatui::style::Color;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        color: &Option<Color>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match color {
            Some(color) => serializer.serialize_some(&color.to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Color>, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map(Some)
            .map_err(|_| D::Error::custom(format!("\"{text}\" is not a colour")))
    }
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("no", "veileder", "veileder")
}

/// Where the database, the demo database and the logs live; the current folder without a home.
pub fn data_dir() -> PathBuf {
    project_dirs().map_or_else(|| PathBuf::from("."), |dirs| dirs.data_dir().to_path_buf())
}

pub fn default_database_path() -> PathBuf {
    data_dir().join("veileder.redb")
}

pub fn demo_database_path() -> PathBuf {
    data_dir().join("demo.redb")
}

/// `config.toml` in the user's config folder; `None` when there is no home to find it in.
pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join("config.toml"))
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

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../config.example.toml");

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Path::new("config.toml"))
    }

    fn error(text: &str) -> String {
        match parse(text) {
            Ok(config) => panic!("accepted {text:?} as {config:?}"),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn privacy_limits_are_checked() {
        let config = parse("[privacy]\nretention_years = 3\n").unwrap();
        assert_eq!(config.privacy.retention_years, 3);
        assert_eq!(config.privacy.trash_days, 30);
        assert_eq!(
            error("[privacy]\ntrash_days = 0\n"),
            "config.toml:2: privacy.trash_days = 0 is out of range; a whole number of days from 1 to 3650"
        );
    }

    #[test]
    fn defaults_are_valid() {
        let text = toml::to_string(&Config::default()).unwrap();
        assert_eq!(parse(&text).unwrap(), Config::default());
    }

    #[test]
    fn example_equals_defaults() {
        assert_eq!(parse(EXAMPLE).unwrap(), Config::default());
    }

    #[test]
    fn example_mentions_every_option_and_colour() {
        let options = [
            "database",
            "advisor",
            "dormant_days",
            "motivation_labels",
            "competence_areas",
            "topics",
            "sectors",
            "theme",
        ];
        for option in options {
            assert!(
                EXAMPLE.contains(&format!("\n{option} = "))
                    || EXAMPLE.contains(&format!("# {option} = ")),
                "{option}"
            );
        }
        assert!(EXAMPLE.contains("\n[colors]\n") && EXAMPLE.contains("\n[keys]\n"));
        assert!(EXAMPLE.contains("\n[privacy]\n") && EXAMPLE.contains("\nretention_years = "));
        assert!(EXAMPLE.contains("\ntrash_days = "));
        assert!(
            EXAMPLE.contains("\n[backup]\n")
                && EXAMPLE.contains("\n# dir = ")
                && EXAMPLE.contains("\nkeep = ")
        );
        for element in COLOR_ELEMENTS {
            assert!(EXAMPLE.contains(&format!("# {element} = ")), "{element}");
        }
    }

    #[test]
    fn partial_file_keeps_other_defaults() {
        let config = parse("dormant_days = 30\n[colors]\naccent = \"#ff8800\"\n").unwrap();
        assert_eq!(config.dormant_days, 30);
        assert_eq!(config.colors.accent, Some(Color::Rgb(0xff, 0x88, 0x00)));
        assert_eq!(config.colors.text, None);
        assert_eq!(
            config,
            Config {
                dormant_days: 30,
                colors: Colors {
                    accent: Some(Color::Rgb(0xff, 0x88, 0x00)),
                    ..Colors::default()
                },
                ..Config::default()
            }
        );
    }

    #[test]
    fn full_config_round_trips() {
        let config = parse(
            "database = \"/tmp/v.redb\"\nadvisor = \"ola\"\ntheme = \"light\"\n\
             [colors]\naccent = \"lightblue\"\nborder = \"12\"\n\
             [keys]\nsave = [\"ctrl-s\", \"f2\"]\n",
        )
        .unwrap();
        assert_eq!(config.database_path(), PathBuf::from("/tmp/v.redb"));
        assert_eq!(config.theme, Theme::Light);
        assert_eq!(config.colors.border, Some(Color::Indexed(12)));
        assert_eq!(config.keys["save"], ["ctrl-s", "f2"]);
        let text = toml::to_string(&config).unwrap();
        assert_eq!(parse(&text).unwrap(), config);
    }

    #[test]
    fn out_of_range_names_line_and_range() {
        assert_eq!(
            error("theme = \"dark\"\n\ndormant_days = 0\n"),
            "config.toml:3: dormant_days = 0 is out of range; a whole number of days from 1 to 3650"
        );
    }

    #[test]
    fn duplicate_area_points_at_the_second_one() {
        let message =
            error("competence_areas = [\n  \"finance\",\n  \"marketing\",\n  \"Finance\",\n]\n");
        assert_eq!(
            message,
            "config.toml:4: competence_areas lists \"Finance\" twice; a list of 1 to 20 different areas, each 1 to 40 characters"
        );
    }

    #[test]
    fn bad_list_entries() {
        assert!(
            error("topics = []")
                .starts_with("config.toml:1: topics has 0 entries; a list of 1 to 40")
        );
        let labels =
            "motivation_labels = [\"a\", \"b\", \"c\", \"d\", \"much too long for a label\"]";
        assert!(error(labels).starts_with("config.toml:1: motivation_labels.4 \"much too long"));
        assert!(
            error("sectors = [\"IT\", \" \"]").starts_with("config.toml:1: sectors.1 is blank;")
        );
        assert!(error("advisor = \"Amina Hassan\"").contains("is not a username"));
    }

    #[test]
    fn unknown_option_lists_the_options() {
        let message = error("dormant_days = 30\ncolour = \"red\"\n");
        assert!(
            message.starts_with(
                "config.toml:2: unknown option 'colour'; one of database, advisor, dormant_days"
            ),
            "{message}"
        );
        let message = error("[colors]\naccnt = \"red\"\n");
        assert!(
            message
                .starts_with("config.toml:2: unknown option 'colors.accnt'; one of accent, text"),
            "{message}"
        );
    }

    #[test]
    fn wrong_type_names_key_and_what_is_accepted() {
        assert_eq!(
            error("\ndormant_days = \"sixty\"\n"),
            "config.toml:2: dormant_days: invalid type: string \"sixty\"; a whole number of days from 1 to 3650"
        );
        for count in [2, 6] {
            let labels = vec!["\"a\""; count].join(", ");
            let message = error(&format!("\nmotivation_labels = [{labels}]\n"));
            let start = format!(
                "config.toml:2: motivation_labels: invalid length {count}; a list of exactly 5"
            );
            assert!(message.starts_with(&start), "{message}");
        }
        let message = error("[keys]\nsave = \"ctrl-s\"\n");
        assert!(
            message.starts_with("config.toml:2: keys.save: invalid type: string"),
            "{message}"
        );
    }

    #[test]
    fn bad_colour_and_theme() {
        assert_eq!(
            error("[colors]\ntext = \"white\"\nerror = \"purpel\"\n"),
            "config.toml:3: colors.error: \"purpel\" is not a colour; a colour name such as \"red\" or \"lightblue\", \"#rrggbb\", or a number from 0 to 255"
        );
        let message = error("theme = \"blue\"\n");
        assert!(
            message
                .starts_with("config.toml:1: theme: unknown variant `blue`; \"dark\", \"light\" or \"high-contrast\""),
            "{message}"
        );
    }

    #[test]
    fn syntax_error_has_line() {
        let message = error("dormant_days = 30\ntopics = [\"a\"\n");
        assert!(message.starts_with("config.toml:"), "{message}");
        assert!(message.contains("; TOML:"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }

    #[test]
    fn line_of_finds_keys_tables_and_elements() {
        let config = parse(
            "theme = \"light\"\n\n[keys]\nquit = [\"q\"]\nsave = [\n  \"ctrl-s\",\n  \"f2\",\n]\n",
        )
        .unwrap();
        assert_eq!(config.source_path(), Some(Path::new("config.toml")));
        assert_eq!(config.line_of("theme"), Some(1));
        assert_eq!(config.line_of("keys"), Some(3));
        assert_eq!(config.line_of("keys.quit"), Some(4));
        assert_eq!(config.line_of("keys.save.1"), Some(7));
        assert_eq!(config.line_of("keys.help"), None);
        assert_eq!(Config::default().line_of("theme"), None);
    }

    #[test]
    fn explicit_missing_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope.toml");
        let message = load(Some(&path)).unwrap_err().to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(message.contains("not found"), "{message}");
    }

    #[test]
    fn explicit_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "dormant_days = 14\n").unwrap();
        let config = load(Some(&path)).unwrap();
        assert_eq!(config.dormant_days, 14);
        assert_eq!(config.source_path(), Some(path.as_path()));
    }

    #[test]
    fn default_paths_are_files_in_the_data_folder() {
        assert_eq!(default_database_path(), data_dir().join("veileder.redb"));
        assert_eq!(demo_database_path(), data_dir().join("demo.redb"));
        assert!(default_config_path().is_none_or(|path| path.ends_with("config.toml")));
    }
}
