//! A count and its noun in the form the count takes: "1 client", "2 clients"; "1 klient",
//! "2 klienter".
use super::{Lang, catalogue};

catalogue! {
    /// Nouns after a count: each in its one and its many form.
    Noun {
        Client => "client", "klient";
        Clients => "clients", "klienter";
        Venture => "venture", "foretak";
        Ventures => "ventures", "foretak";
        Session => "session", "samtale";
        Sessions => "sessions", "samtaler";
        Step => "next step", "neste steg";
        Steps => "next steps", "neste steg";
        Milestone => "milestone", "milepæl";
        Milestones => "milestones", "milepæler";
        Advisor => "advisor", "veileder";
        Advisors => "advisors", "veiledere";
        Match => "match", "treff";
        Matches => "matches", "treff";
        Problem => "problem", "feil";
        Problems => "problems", "feil";
        Day => "day", "dag";
        Days => "days", "dager";
        Minute => "minute", "minutt";
        Minutes => "minutes", "minutter";
        ServerSession => "session", "økt";
        ServerSessions => "sessions", "økter";
        OpenStep => "open step", "åpent steg";
        OpenSteps => "open steps", "åpne steg";
        NewStep => "new step", "nytt steg";
        NewSteps => "new steps", "nye steg";
        StepDone => "step done", "steg utført";
        StepsDone => "steps done", "steg utført";
        Rating => "rating", "vurdering";
        Ratings => "ratings", "vurderinger";
        Job => "job", "arbeidsplass";
        Jobs => "jobs", "arbeidsplasser";
        Year => "year", "år";
        Years => "years", "år";
        Draft => "draft", "utkast";
        Drafts => "drafts", "utkast";
        Record => "record", "post";
        Records => "records", "poster";
        DeletedRecord => "deleted record", "slettet post";
        DeletedRecords => "deleted records", "slettede poster";
        AuditEntry => "audit entry", "loggoppføring";
        AuditEntries => "audit entries", "loggoppføringer";
        Digit => "digit", "siffer";
        Digits => "digits", "sifre";
        Cell => "cell", "celle";
        Cells => "cells", "celler";
        Column => "column", "kolonne";
        Columns => "columns", "kolonner";
    }
}

/// The one and the many form of a noun.
pub type Forms = (Noun, Noun);
pub const CLIENTS: Forms = (Noun::Client, Noun::Clients);
pub const VENTURES: Forms = (Noun::Venture, Noun::Ventures);
pub const SESSIONS: Forms = (Noun::Session, Noun::Sessions);
pub const STEPS: Forms = (Noun::Step, Noun::Steps);
pub const MILESTONES: Forms = (Noun::Milestone, Noun::Milestones);
pub const ADVISORS: Forms = (Noun::Advisor, Noun::Advisors);
pub const MATCHES: Forms = (Noun::Match, Noun::Matches);
pub const PROBLEMS: Forms = (Noun::Problem, Noun::Problems);
pub const DAYS: Forms = (Noun::Day, Noun::Days);
pub const MINUTES: Forms = (Noun::Minute, Noun::Minutes);
/// An advisor's SSH session on `veileder serve`, not a session with a client.
pub const SERVER_SESSIONS: Forms = (Noun::ServerSession, Noun::ServerSessions);
pub const OPEN_STEPS: Forms = (Noun::OpenStep, Noun::OpenSteps);
pub const NEW_STEPS: Forms = (Noun::NewStep, Noun::NewSteps);
pub const STEPS_DONE: Forms = (Noun::StepDone, Noun::StepsDone);
pub const RATINGS: Forms = (Noun::Rating, Noun::Ratings);
/// Jobs a venture created, as a milestone records them.
pub const JOBS: Forms = (Noun::Job, Noun::Jobs);
pub const YEARS: Forms = (Noun::Year, Noun::Years);
pub const DRAFTS: Forms = (Noun::Draft, Noun::Drafts);
pub const RECORDS: Forms = (Noun::Record, Noun::Records);
pub const DELETED_RECORDS: Forms = (Noun::DeletedRecord, Noun::DeletedRecords);
pub const AUDIT_ENTRIES: Forms = (Noun::AuditEntry, Noun::AuditEntries);
pub const DIGITS: Forms = (Noun::Digit, Noun::Digits);
pub const CELLS: Forms = (Noun::Cell, Noun::Cells);
pub const COLUMNS: Forms = (Noun::Column, Noun::Columns);

/// `n` followed by the noun in the form `n` takes.
pub fn counted(
    lang: Lang,
    n: impl TryInto<u64> + Copy + std::fmt::Display,
    (one, many): Forms,
) -> String {
    let is_one = n.try_into().is_ok_and(|n| n == 1);
    let noun = lang.t(if is_one { one } else { many });
    format!("{n} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_one_form_and_every_other_count_the_many() {
        assert_eq!(counted(Lang::En, 1, CLIENTS), "1 client");
        assert_eq!(counted(Lang::En, 0, CLIENTS), "0 clients");
        assert_eq!(counted(Lang::En, 2, STEPS), "2 next steps");
        assert_eq!(counted(Lang::Nb, 1, CLIENTS), "1 klient");
        assert_eq!(counted(Lang::Nb, 3, MILESTONES), "3 milepæler");
    }

    #[test]
    fn the_command_lines_counts_read_right_at_one_and_at_many() {
        assert_eq!(counted(Lang::En, 1, MATCHES), "1 match");
        assert_eq!(counted(Lang::En, 2, MATCHES), "2 matches");
        assert_eq!(counted(Lang::Nb, 1, MATCHES), "1 treff");
        assert_eq!(counted(Lang::En, 1, PROBLEMS), "1 problem");
        assert_eq!(counted(Lang::En, 4, PROBLEMS), "4 problems");
        assert_eq!(counted(Lang::Nb, 4, PROBLEMS), "4 feil");
        assert_eq!(counted(Lang::En, 1, DAYS), "1 day");
        assert_eq!(counted(Lang::Nb, 1, DAYS), "1 dag");
        assert_eq!(counted(Lang::Nb, 7, DAYS), "7 dager");
    }

    #[test]
    fn the_servers_counts_read_right_at_one_and_at_many() {
        assert_eq!(counted(Lang::En, 1, SERVER_SESSIONS), "1 session");
        assert_eq!(counted(Lang::Nb, 1, SERVER_SESSIONS), "1 økt");
        assert_eq!(counted(Lang::Nb, 20, SERVER_SESSIONS), "20 økter");
        assert_eq!(counted(Lang::En, 1, MINUTES), "1 minute");
        assert_eq!(counted(Lang::Nb, 1, MINUTES), "1 minutt");
        assert_eq!(counted(Lang::Nb, 60, MINUTES), "60 minutter");
    }

    #[test]
    fn the_screens_counts_read_right_at_one_and_at_many() {
        assert_eq!(counted(Lang::En, 1, OPEN_STEPS), "1 open step");
        assert_eq!(counted(Lang::Nb, 1, OPEN_STEPS), "1 åpent steg");
        assert_eq!(counted(Lang::Nb, 2, OPEN_STEPS), "2 åpne steg");
        assert_eq!(counted(Lang::En, 1, NEW_STEPS), "1 new step");
        assert_eq!(counted(Lang::Nb, 1, NEW_STEPS), "1 nytt steg");
        assert_eq!(counted(Lang::Nb, 3, NEW_STEPS), "3 nye steg");
        assert_eq!(counted(Lang::En, 1, STEPS_DONE), "1 step done");
        assert_eq!(counted(Lang::En, 2, STEPS_DONE), "2 steps done");
        assert_eq!(counted(Lang::Nb, 2, STEPS_DONE), "2 steg utført");
        assert_eq!(counted(Lang::En, 1, RATINGS), "1 rating");
        assert_eq!(counted(Lang::Nb, 1, RATINGS), "1 vurdering");
        assert_eq!(counted(Lang::Nb, 9, RATINGS), "9 vurderinger");
        assert_eq!(counted(Lang::En, 1, JOBS), "1 job");
        assert_eq!(counted(Lang::Nb, 3, JOBS), "3 arbeidsplasser");
        assert_eq!(counted(Lang::En, 1, YEARS), "1 year");
        assert_eq!(counted(Lang::En, 6, YEARS), "6 years");
        assert_eq!(counted(Lang::Nb, 6, YEARS), "6 år");
    }

    #[test]
    fn the_privacy_counts_read_right_at_one_and_at_many() {
        assert_eq!(counted(Lang::En, 1, DRAFTS), "1 draft");
        assert_eq!(counted(Lang::Nb, 2, DRAFTS), "2 utkast");
        assert_eq!(counted(Lang::En, 1, RECORDS), "1 record");
        assert_eq!(counted(Lang::Nb, 1, RECORDS), "1 post");
        assert_eq!(counted(Lang::Nb, 5, RECORDS), "5 poster");
        assert_eq!(counted(Lang::En, 1, DELETED_RECORDS), "1 deleted record");
        assert_eq!(counted(Lang::Nb, 1, DELETED_RECORDS), "1 slettet post");
        assert_eq!(counted(Lang::Nb, 2, DELETED_RECORDS), "2 slettede poster");
        assert_eq!(counted(Lang::En, 1, AUDIT_ENTRIES), "1 audit entry");
        assert_eq!(counted(Lang::Nb, 1, AUDIT_ENTRIES), "1 loggoppføring");
        assert_eq!(counted(Lang::En, 4, AUDIT_ENTRIES), "4 audit entries");
    }

    #[test]
    fn the_refusals_counts_read_right_at_one_and_at_many() {
        assert_eq!(counted(Lang::En, 1, DIGITS), "1 digit");
        assert_eq!(counted(Lang::Nb, 1, DIGITS), "1 siffer");
        assert_eq!(counted(Lang::Nb, 2, DIGITS), "2 sifre");
        assert_eq!(counted(Lang::En, 1, CELLS), "1 cell");
        assert_eq!(counted(Lang::Nb, 1, CELLS), "1 celle");
        assert_eq!(counted(Lang::Nb, 4, CELLS), "4 celler");
        assert_eq!(counted(Lang::En, 1, COLUMNS), "1 column");
        assert_eq!(counted(Lang::Nb, 1, COLUMNS), "1 kolonne");
        assert_eq!(counted(Lang::Nb, 3, COLUMNS), "3 kolonner");
    }
}
