//! The interface in English and Norwegian bokmål: typed catalogues of messages (one enum per
//! area, each message with both texts on one line, so a missing translation does not compile),
//! the language from the config or the locale, and dates and numbers in the language's style.
//!
//! To add texts: add a line to the area's `catalogue!` (or a new file with its own
//! `catalogue!`, listed in [`entries`]); the tests check both texts of every entry.
mod access;
mod actions;
mod audit;
mod cli;
pub mod cli_help;
mod commands;
mod config;
mod csv;
mod fields;
mod format;
mod invalid;
mod nouns;
mod privacy;
mod report;
mod screens;
mod serve;
mod store;
mod texts;
mod values;

use serde::{Deserialize, Serialize};

pub use access::AccessText;
pub use actions::describe;
pub use audit::AuditText;
pub use cli::CliText;
pub use commands::{CommandText, counts};
pub use config::{Both, ConfigText};
pub use csv::CsvText;
pub use fields::{FieldText, field};
pub use format::{date, decimal, kroner, number, weekday};
pub use invalid::{InvalidText, invalid, reason};
pub use nouns::{
    ADVISORS, AUDIT_ENTRIES, CELLS, CLIENTS, COLUMNS, DAYS, DELETED_RECORDS, DIGITS, DRAFTS, Forms,
    JOBS, MATCHES, MILESTONES, MINUTES, NEW_STEPS, Noun, OPEN_STEPS, PROBLEMS, RATINGS, RECORDS,
    SERVER_SESSIONS, SESSIONS, STEPS, STEPS_DONE, VENTURES, YEARS, counted,
};
pub use privacy::{BackupText, PrivacyText, erasure};
pub use report::{ReportText, ReportsScreenText, warning_text};
pub use screens::*;
pub use serve::ServeText;
pub use store::{StoreText, store_error};
pub use texts::*;
pub use values::{ago, motivation_labels, trashed, value};

/// The language of the interface. JSON, CSV and the command-line names stay English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    /// Norwegian bokmål.
    Nb,
}

impl Lang {
    /// The configured language, else the locale's: `LC_ALL`, `LC_MESSAGES`, then `LANG`, the
    /// first one set; `nb…` or `no…` is bokmål, anything else English.
    pub fn resolve(configured: Option<Lang>) -> Lang {
        configured.unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|name| std::env::var(name).ok())
                .find(|value| !value.is_empty())
                .unwrap_or_default();
            Lang::from_locale(&locale)
        })
    }

    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("nb") || lower.starts_with("no") {
            Lang::Nb
        } else {
            Lang::En
        }
    }

    /// The text of `message` in this language.
    pub fn t(self, message: impl Message) -> &'static str {
        message.text(self)
    }

    /// The text of `message` with each `{name}` replaced by its value.
    pub fn f(self, message: impl Message, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        fill(message.text(self), values)
    }
}

/// One message of a catalogue.
pub trait Message: Copy {
    fn text(self, lang: Lang) -> &'static str;
}

/// `template` with each `{name}` replaced by the value given for `name`, in one pass, so a
/// value that itself contains `{…}` (a client's note) is never read as a placeholder.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (close, value))
        });
        match named {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Declares a catalogue: `Key => "English", "bokmål";` per message.
macro_rules! catalogue {
    ($(#[doc = $doc:literal])* $name:ident { $( $key:ident => $en:literal, $nb:literal; )+ }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $( $key, )+
        }

        impl $name {
            /// Every entry: its name, its English and its bokmål text.
            pub const ENTRIES: &'static [(&'static str, &'static str, &'static str)] =
                &[$( (concat!(stringify!($name), "::", stringify!($key)), $en, $nb), )+];
        }

        impl $crate::i18n::Message for $name {
            fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$key, $crate::i18n::Lang::En) => $en,
                        ($name::$key, $crate::i18n::Lang::Nb) => $nb,
                    )+
                }
            }
        }
    };
}
pub(crate) use catalogue;

/// Every catalogue entry: (name, English, bokmål). A new catalogue adds its `ENTRIES` here.
pub fn entries() -> Vec<(&'static str, &'static str, &'static str)> {
    [
        Ui::ENTRIES,
        Words::ENTRIES,
        ClientsText::ENTRIES,
        PageText::ENTRIES,
        CallText::ENTRIES,
        FormText::ENTRIES,
        FieldText::ENTRIES,
        AgendaText::ENTRIES,
        SearchText::ENTRIES,
        CliText::ENTRIES,
        ReportText::ENTRIES,
        ReportsScreenText::ENTRIES,
        InvalidText::ENTRIES,
        StoreText::ENTRIES,
        PrivacyText::ENTRIES,
        BackupText::ENTRIES,
        ServeText::ENTRIES,
        AuditText::ENTRIES,
        CommandText::ENTRIES,
        AccessText::ENTRIES,
        ConfigText::ENTRIES,
        CsvText::ENTRIES,
        Noun::ENTRIES,
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::app::Action;

    /// Texts that are the same word in both languages.
    const SAME_IN_BOTH: &[&str] = &[
        "Ui::TabAgenda",
        "Ui::HintMine",
        "Ui::HintStatus",
        "Ui::HintAgenda",
        "Ui::HintEditor",
        "Words::DaysShort",
        "Words::Video",
        "ClientsText::Mine",
        "ClientsText::Trend",
        "FieldText::StatusLabel",
        "CallText::Min",
        "PageText::Minutes",
        "AgendaText::Title",
        "CliText::ColId",
        "CliText::ColStatus",
        "CliText::AgendaFor",
        "ReportsScreenText::Endings",
        "InvalidText::Refusal",
        "ReportText::WarningOnClient",
        "InvalidText::Reason",
        "ServeText::Ended",
        "AccessText::Status",
    ];

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        let entries = entries();
        let mut names = BTreeSet::new();
        for (name, en, nb) in &entries {
            assert!(names.insert(*name), "{name} twice");
            assert!(!en.trim().is_empty(), "{name}: no English");
            assert!(!nb.trim().is_empty(), "{name}: no bokmål");
            assert_eq!(placeholders(en), placeholders(nb), "{name}");
            if SAME_IN_BOTH.contains(name) {
                assert_eq!(en, nb, "{name} is listed as the same in both");
            } else {
                assert_ne!(en, nb, "{name} looks untranslated");
            }
        }
        for name in SAME_IN_BOTH {
            assert!(names.contains(name), "{name} is not a message");
        }
        assert!(entries.len() > 200, "{} entries", entries.len());
    }

    #[test]
    fn every_action_has_a_help_line_in_both_languages() {
        for action in Action::ALL {
            let (en, nb) = (describe(Lang::En, *action), describe(Lang::Nb, *action));
            assert!(!nb.is_empty() && en != nb, "{action:?}");
        }
    }

    #[test]
    fn the_locale_picks_bokmal_for_nb_and_no() {
        assert_eq!(Lang::from_locale("nb_NO.UTF-8"), Lang::Nb);
        assert_eq!(Lang::from_locale("no_NO"), Lang::Nb);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
        assert_eq!(Lang::resolve(Some(Lang::Nb)), Lang::Nb);
    }

    #[test]
    fn fill_replaces_each_named_value() {
        let text = Lang::Nb.f(Ui::MovedToTrash, &[("what", &"Ali"), ("undo", &"")]);
        assert_eq!(text, "Flyttet Ali til papirkurven.");
        let tricky = fill("{what} and {undo}", &[("what", &"{undo}"), ("undo", &"u")]);
        assert_eq!(tricky, "{undo} and u");
        assert_eq!(fill("{unknown}", &[]), "{unknown}");
    }
}
