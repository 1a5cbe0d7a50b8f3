//! What is wrong with a config file and what each option accepts.
use std::io;
use std::path::{Path, PathBuf};

use super::Origin;
use super::theme::COLOR_ELEMENTS;
use crate::i18n::{Both, ConfigText as T, Lang};

/// A config file that is missing, unreadable or refused; said in English by `Display`, and in
/// the interface's language by [`ConfigError::said_in`].
#[derive(Debug)]
pub enum ConfigError {
    Missing {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        reason: io::Error,
    },
    Invalid {
        path: PathBuf,
        line: usize,
        problem: Both,
        accepted: Both,
    },
}

impl ConfigError {
    pub fn said_in(&self, lang: Lang) -> String {
        match self {
            ConfigError::Missing { path } => lang.f(T::Missing, &[("path", &path.display())]),
            ConfigError::Io { path, reason } => lang.f(
                T::Unreadable,
                &[("path", &path.display()), ("reason", reason)],
            ),
            ConfigError::Invalid {
                path,
                line,
                problem,
                accepted,
            } => format!(
                "{}:{line}: {}; {}",
                path.display(),
                problem.said_in(lang),
                accepted.said_in(lang)
            ),
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(Lang::En))
    }
}

impl std::error::Error for ConfigError {}

/// What is accepted at a key (`topics`, `topics.3`, `colors.text`); `None` for a key the
/// config does not have.
pub(super) fn accepted(dotted_key: &str) -> Option<T> {
    let mut names = dotted_key.split('.');
    Some(match (names.next()?, names.next()) {
        ("database", _) => T::TakesDatabase,
        ("advisor", _) => T::TakesAdvisor,
        ("dormant_days", _) => T::TakesDormantDays,
        ("motivation_labels", _) => T::TakesLabels,
        ("competence_areas", _) => T::TakesAreas,
        ("topics", _) => T::TakesTopics,
        ("sectors", _) => T::TakesSectors,
        ("language", _) => T::TakesLanguage,
        ("theme", _) => T::TakesTheme,
        ("privacy", None) => T::TakesPrivacy,
        ("privacy", Some("retention_years")) => T::TakesRetention,
        ("privacy", Some("trash_days")) => T::TakesTrashDays,
        ("colors", None) => T::TakesColors,
        ("colors", Some(element)) if COLOR_ELEMENTS.contains(&element) => T::TakesColor,
        ("backup", None) => T::TakesBackup,
        ("backup", Some("every_hours")) => T::TakesEveryHours,
        ("backup", Some("dir")) => T::TakesBackupDir,
        ("backup", Some("keep")) => T::TakesKeep,
        ("keys", None) => T::TakesKeysTable,
        ("serve", key) => return crate::serve_config::accepted(key),
        ("keys", Some(_)) => T::TakesKeys,
        _ => return None,
    })
}

/// What is accepted at `dotted_key`, or where to look when it is not an option.
pub(super) fn accepted_at(dotted_key: &str) -> Both {
    Both::of(accepted(dotted_key).unwrap_or(T::TakesExample), &[])
}

pub(super) fn invalid(path: &Path, line: usize, problem: Both, accepted: Both) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        problem,
        accepted,
    }
}

/// Turns a serde message about the text at `offset` into what is wrong and what is accepted,
/// naming the key.
pub(super) fn explain(origin: &Origin, offset: usize, message: &str) -> (Both, Both) {
    let message = one_line(message);
    // serde ends its messages with ", expected ..."; our own description of the key says more.
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, expected_by_serde(expected)),
        None => (message.as_str(), Both::of(T::TakesExample, &[])),
    };
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
                Some(accepted) => (
                    Both::of(T::IsRefused, &[("key", &dotted), ("message", &what)]),
                    Both::of(accepted, &[]),
                ),
                None => (Both::of(T::IsUnknownOption, &[("key", &dotted)]), expected),
            }
        }
        None => (Both::same(what), expected),
    }
}

/// What serde says it expected, its list of names said in the language.
fn expected_by_serde(expected: &str) -> Both {
    let expected = expected.replace('`', "");
    match expected.strip_prefix("one of ") {
        Some(names) => Both::of(T::TakesOneOf, &[("names", &names)]),
        None => Both::same(expected),
    }
}

pub(super) fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
