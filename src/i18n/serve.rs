//! What an advisor reads over SSH outside their screens: the server's refusals and farewells,
//! and the notice of clients moved to their caseload.
use super::catalogue;

catalogue! {
    /// The server's lines on an advisor's terminal.
    ServeText {
        TuiOnly => "veileder serves its screen only, not commands or file transfer; connect with: ssh -t -p {port} {user}@HOST", "veileder viser bare skjermbildet sitt, ikke kommandoer eller filoverføring; koble til med: ssh -t -p {port} {user}@VERT";
        CallOpenElsewhere => "The call with this client is open in your other session; save it or leave it there first.", "Samtalen med denne klienten er åpen i den andre økten din; lagre den eller gå ut av den der først.";
        Full => "veileder: the server has {sessions} open, the most it takes; try again in a while.", "veileder: serveren har {sessions} i gang, det meste den tar; prøv igjen om litt.";
        Idle => "veileder: closed after {minutes} without a key press.{draft}", "veileder: lukket etter {minutes} uten tastetrykk.{draft}";
        Ended => "veileder: {reason}.{draft}", "veileder: {reason}.{draft}";
        DraftKept => " Your draft is kept; it comes back when you open the client again.", " Utkastet ditt er tatt vare på; det kommer tilbake når du åpner klienten igjen.";
        Stopping => "the server is stopping", "serveren stopper";
        MovedOne => "{actor} moved {name} to your caseload.", "{actor} flyttet {name} til klientene dine.";
        MovedMany => "{actor} moved {n} clients to your caseload: {name} and {more} more.", "{actor} flyttet {n} klienter til deg: {name} og {more} til.";
    }
}
