//! What `veileder serve` says on an SSH channel outside the screens.
use super::catalogue;

catalogue! {
    /// Lines written to an SSH client that asked for something other than the TUI, or that
    /// cannot have what it asked for.
    ServeText {
        TuiOnly => "veileder serves its screen only, not commands or file transfer; connect with: ssh -t -p {port} {user}@HOST", "veileder viser bare skjermbildet sitt, ikke kommandoer eller filoverføring; koble til med: ssh -t -p {port} {user}@VERT";
        CallOpenElsewhere => "The call with this client is open in your other session; save it or leave it there first.", "Samtalen med denne klienten er åpen i den andre økten din; lagre den eller gå ut av den der først.";
    }
}
