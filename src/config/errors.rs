//! What is wrong with a config file and what each option accepts.
use std::io;
use std::path::{Path, PathBuf};

use super::Origin;
use super::theme::COLOR_ELEMENTS;

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

/// What is accepted at a key (`topics`, `topics.3`, `colors.text`); `None` for a key the
/// config does not have.
pub(super) fn accepted(dotted_key: &str) -> Option<&'static str> {
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
pub(super) const SEE_EXAMPLE: &str = "see config.example.toml";

pub(super) fn invalid(path: &Path, line: usize, problem: String, accepted: &str) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        problem,
        accepted: accepted.to_string(),
    }
}

/// Turns a serde message about the text at `offset` into what is wrong and what is accepted,
/// naming the key.
pub(super) fn explain(origin: &Origin, offset: usize, message: &str) -> (String, String) {
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

pub(super) fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
