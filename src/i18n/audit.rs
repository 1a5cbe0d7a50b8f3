//! The audit screen, for leads and admins.
use super::catalogue;

catalogue! {
    /// The audit log in the TUI: who did what to which client, and when.
    AuditText {
        Reading => "Reading the audit log…", "Leser loggen …";
        NoMatch => "No audit entry matches this filter.", "Ingen loggføring passer med dette filteret.";
        NoMatchYet => "None of the newest entries matches; {key} reads older ones.", "Ingen av de nyeste føringene passer; {key} leser eldre.";
        Empty => "The audit log is empty.", "Loggen er tom.";
        FilterHint => "{key} filter by client, advisor or action", "{key} filtrer på klient, veileder eller handling";
        Shown => "{n} shown", "{n} vist";
        More => "{n} shown · {key} reads older", "{n} vist · {key} leser eldre";
        When => "When (UTC)", "Når (UTC)";
        Who => "Who", "Hvem";
        Client => "Client", "Klient";
        Action => "Action", "Handling";
        Detail => "Detail", "Detaljer";
        Gone => "#{id} (gone)", "#{id} (borte)";
        LeadsOnly => "The audit log is for leads and admins.", "Loggen er for ledere og administratorer.";
        NoClient => "This entry is not about a client.", "Denne føringen gjelder ingen klient.";
    }
}
