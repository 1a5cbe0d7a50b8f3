//! A config file's errors: what is wrong and what each option accepts. The language itself is
//! an option of the file, so these are made in both languages and said in the one that is
//! known when they are printed (the locale's, when the file could not be read).
use std::fmt::Display;

use super::{Lang, Message, catalogue};

catalogue! {
    /// What is wrong with a config file (`Is…`), and what an option takes (`Takes…`).
    ConfigText {
        Missing => "{path}: config file not found; --config needs an existing file (leave it out for the defaults)", "{path}: fant ikke konfigurasjonsfilen; --config trenger en fil som finnes (utelat den for å bruke standardinnstillingene)";
        Unreadable => "{path}: cannot read the config file: {reason}", "{path}: kan ikke lese konfigurasjonsfilen: {reason}";
        IsNotToml => "{message}", "filen kan ikke leses som TOML ({message})";
        IsRefused => "{key}: {message}", "{key}: verdien godtas ikke ({message})";
        IsUnknownOption => "unknown option '{key}'", "ukjent innstilling '{key}'";
        IsOutOfRange => "{key} = {value} is out of range", "{key} = {value} er utenfor det tillatte";
        IsNotAddress => "{key} = \"{value}\" is not an address and port", "{key} = \"{value}\" er ikke en adresse med port";
        IsEmptyDatabase => "database is empty", "database er tom";
        IsNotUsername => "advisor \"{value}\" is not a username", "advisor \"{value}\" er ikke et brukernavn";
        IsEntries => "{key} has {n} entries", "{key} har {n} oppføringer";
        IsTwice => "{key} lists \"{item}\" twice", "{key} har \"{item}\" to ganger";
        IsBlank => "{key} is blank", "{key} er tom";
        IsLong => "{key} \"{text}\" is {n} characters long", "{key} \"{text}\" er {n} tegn lang";
        IsControl => "{key} {text} contains a control character", "{key} {text} inneholder et kontrolltegn";
        IsUnknownAction => "unknown action '{name}' in [keys]", "ukjent handling '{name}' i [keys]";
        IsNotKey => "{key}: \"{text}\" is not a key", "{key}: \"{text}\" er ikke en tast";
        IsBoundTwice => "keys.{action}: \"{key}\" is also bound to {other}", "keys.{action}: \"{key}\" er også bundet til {other}";
        TakesOneOf => "one of {names}", "en av {names}";
        TakesRebind => "a key no other action has, or rebind {other} as well", "en tast ingen annen handling har, eller bind om {other} også";
        TakesToml => "TOML: option = value, text in \"quotes\", lists in [brackets], as in config.example.toml", "TOML: innstilling = verdi, tekst i \"anførselstegn\", lister i [klammer], som i config.example.toml";
        TakesExample => "see config.example.toml", "se config.example.toml";
        TakesDatabase => "a file path in quotes, such as \"/home/me/veileder.redb\"", "en filsti i anførselstegn, som \"/home/meg/veileder.redb\"";
        TakesAdvisor => "a username in quotes: 1 to 32 of a-z, 0-9, '.', '_' or '-'", "et brukernavn i anførselstegn: 1 til 32 av a-z, 0-9, '.', '_' eller '-'";
        TakesDormantDays => "a whole number of days from 1 to 3650", "et helt antall dager fra 1 til 3650";
        TakesLabels => "a list of exactly 5 labels (for 1 to 5), each 1 to 20 characters without control characters", "en liste med nøyaktig 5 merkelapper (for 1 til 5), hver på 1 til 20 tegn uten kontrolltegn";
        TakesAreas => "a list of 1 to 20 different areas, each 1 to 40 characters", "en liste med 1 til 20 ulike områder, hvert på 1 til 40 tegn";
        TakesTopics => "a list of 1 to 40 different topics, each 1 to 40 characters", "en liste med 1 til 40 ulike temaer, hvert på 1 til 40 tegn";
        TakesSectors => "a list of 1 to 60 different sectors, each 1 to 40 characters", "en liste med 1 til 60 ulike bransjer, hver på 1 til 40 tegn";
        TakesLanguage => "\"en\" (English) or \"nb\" (Norwegian bokmål)", "\"en\" (engelsk) eller \"nb\" (norsk bokmål)";
        TakesTheme => "\"dark\", \"light\" or \"high-contrast\"", "\"dark\", \"light\" eller \"high-contrast\"";
        TakesPrivacy => "a [privacy] table of retention_years and trash_days", "en [privacy]-tabell med retention_years og trash_days";
        TakesRetention => "a whole number of years from 1 to 100", "et helt antall år fra 1 til 100";
        TakesTrashDays => "a whole number of days from 1 to 3650", "et helt antall dager fra 1 til 3650";
        TakesColors => "a [colors] table of accent, text, muted, selection, warning, error, success, border", "en [colors]-tabell med accent, text, muted, selection, warning, error, success, border";
        TakesColor => "a colour name such as \"red\" or \"lightblue\", \"#rrggbb\", or a number from 0 to 255", "et fargenavn som \"red\" eller \"lightblue\", \"#rrggbb\", eller et tall fra 0 til 255";
        TakesBackup => "a [backup] table of dir, keep and every_hours", "en [backup]-tabell med dir, keep og every_hours";
        TakesEveryHours => "a whole number of hours from 0 (never) to 8760", "et helt antall timer fra 0 (aldri) til 8760";
        TakesBackupDir => "a folder path in quotes, such as \"/home/me/veileder-backups\"", "en mappesti i anførselstegn, som \"/home/meg/veileder-backups\"";
        TakesKeep => "a whole number of backups from 1 to 1000", "et helt antall sikkerhetskopier fra 1 til 1000";
        TakesKeysTable => "a [keys] table of action = [\"key\", ...]", "en [keys]-tabell med handling = [\"tast\", ...]";
        TakesKeys => "a list of keys in quotes, such as [\"ctrl-s\", \"j\", \"down\", \"shift-tab\", \"f1\"]", "en liste med taster i anførselstegn, som [\"ctrl-s\", \"j\", \"down\", \"shift-tab\", \"f1\"]";
        TakesKey => "a key such as \"j\", \"G\", \"?\", \"ctrl-s\", \"alt-x\", \"shift-tab\", \"f1\" to \"f12\", \"enter\", \"esc\", \"tab\", \"space\", \"backspace\", \"delete\", \"up\", \"down\", \"left\", \"right\", \"home\", \"end\", \"pageup\", \"pagedown\"", "en tast som \"j\", \"G\", \"?\", \"ctrl-s\", \"alt-x\", \"shift-tab\", \"f1\" til \"f12\", \"enter\", \"esc\", \"tab\", \"space\", \"backspace\", \"delete\", \"up\", \"down\", \"left\", \"right\", \"home\", \"end\", \"pageup\", \"pagedown\"";
        TakesServe => "a [serve] table of listen, host_key, idle_minutes, max_sessions, auth_rejection_ms, max_failed_logins", "en [serve]-tabell med listen, host_key, idle_minutes, max_sessions, auth_rejection_ms, max_failed_logins";
        TakesListen => "an address and port in quotes, such as \"0.0.0.0:2222\"", "en adresse med port i anførselstegn, som \"0.0.0.0:2222\"";
        TakesHostKey => "a file path in quotes, such as \"/var/lib/veileder/ssh_host_ed25519_key\"", "en filsti i anførselstegn, som \"/var/lib/veileder/ssh_host_ed25519_key\"";
        TakesIdleMinutes => "a whole number of minutes from 1 to 1440", "et helt antall minutter fra 1 til 1440";
        TakesUpTo1000 => "a whole number from 1 to 1000", "et helt tall fra 1 til 1000";
        TakesRejectionMs => "a whole number of milliseconds from 0 to 10000", "et helt antall millisekunder fra 0 til 10000";
    }
}

/// A text made in both languages before it is known which one will be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Both {
    /// English and bokmål, boxed so that an error holding two stays small.
    texts: Box<[String; 2]>,
}

impl Both {
    pub fn of(message: impl Message, values: &[(&str, &dyn Display)]) -> Both {
        Both {
            texts: Box::new([Lang::En.f(message, values), Lang::Nb.f(message, values)]),
        }
    }

    /// A text that has one language only, such as a TOML parser's message.
    pub fn same(text: impl Into<String>) -> Both {
        let text = text.into();
        Both {
            texts: Box::new([text.clone(), text]),
        }
    }

    pub fn said_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.texts[0],
            Lang::Nb => &self.texts[1],
        }
    }
}
