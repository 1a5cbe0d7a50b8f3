//! The commands' own lines outside their tables: what a move, a share or a key change did,
//! the refusals of `demo` and `venture`, files that cannot be read or written, a file held by
//! `veileder serve`, and the server's start-up errors.
use super::nouns::{ADVISORS, CLIENTS, MILESTONES, SESSIONS, STEPS, VENTURES, counted};
use super::{Lang, catalogue};
use crate::store::ImportCounts;

catalogue! {
    /// Lines of the commands and of `veileder serve` that are not in a table.
    CommandText {
        Moved => "clients moved to {to}: {n}", "klienter flyttet til {to}: {n}";
        Shared => "{name} shared with {with}", "{name} er delt med {with}";
        KeyAdded => "key {fingerprint} added for {name} (keys: {n})", "nøkkel {fingerprint} lagt til for {name} (antall nøkler: {n})";
        KeyKnown => "key {fingerprint} already registered for {name} (keys: {n})", "nøkkel {fingerprint} er allerede registrert for {name} (antall nøkler: {n})";
        KeyRemoved => "key {fingerprint} removed from {name} (keys left: {n})", "nøkkel {fingerprint} fjernet fra {name} (nøkler igjen: {n})";
        CannotRead => "cannot read {path}", "kan ikke lese {path}";
        CannotWrite => "cannot write {path}", "kan ikke skrive {path}";
        NoFileName => "the output path names no file", "utdatastien peker ikke på en fil";
        DemoHasData => "{path} already has clients ({n}); add --force to replace everything in it with demo data", "{path} har allerede klienter ({n}); legg til --force for å erstatte alt i den med demodata";
        SectorNotConfigured => "sector: '{given}' is not configured; one of {sectors}", "sector: '{given}' er ikke satt opp; en av {sectors}";
        NotVentureId => "venture: '{given}' is not a venture id; a number such as 4", "venture: '{given}' er ikke en foretaks-id; et tall som 4";
        Renumbered => " (ids renumbered after the existing records)", " (nye id-er etter postene som fantes fra før)";
        PeriodBackwards => "--from {from} is after --to {to}; give a period that starts on or before its end", "--from {from} er etter --to {to}; oppgi en periode som begynner før eller samme dag som den slutter";
        BadNow => "VEILEDER_NOW='{value}' is not a time like 2026-11-27T10:00:00Z", "VEILEDER_NOW='{value}' er ikke et tidspunkt som 2026-11-27T10:00:00Z";
        Held => "{path} is held by {holder}; {why}", "{path} holdes av {holder}; {why}";
        HeldConnect => "{path} is held by {holder}; {why}: connect with `{ssh}` (or stop the server first)", "{path} holdes av {holder}; {why}: koble til med `{ssh}` (eller stopp serveren først)";
        TuiInServer => "the TUI runs inside the server", "skjermbildet kjører inne i serveren";
        DemoReplaces => "`demo` replaces the data; stop the server first", "`demo` erstatter dataene; stopp serveren først";
        ServerRunning => "the server is already running", "serveren kjører allerede";
        NoDatabaseNeeded => "`completions` and `man` need no database; run them on their own", "`completions` og `man` trenger ingen database; kjør dem for seg selv";
        SocketSilent => "this command writes, and the server's socket {socket} does not answer ({reason})", "denne kommandoen skriver, og serverens socket {socket} svarer ikke ({reason})";
        OnlyServerWrites => "this command writes, and only the server writes while it runs", "denne kommandoen skriver, og bare serveren skriver mens den kjører";
        ArgNotUtf8 => "the argument {arg} is not UTF-8, which the server's socket takes only", "argumentet {arg} er ikke UTF-8, og serverens socket tar bare imot UTF-8";
        NoCurrentFolder => "cannot tell the current folder", "finner ikke mappen du står i";
        CannotSend => "cannot send the command to the server", "kan ikke sende kommandoen til serveren";
        ServerClosed => "the server closed the connection before the command ended; `veileder audit` shows whether it was done", "serveren lukket forbindelsen før kommandoen var ferdig; `veileder audit` viser om den ble utført";
        AnswerUnreadable => "the server's answer cannot be read ({reason})", "svaret fra serveren kan ikke leses ({reason})";
        CannotWriteOutput => "cannot write the output", "kan ikke skrive utdataene";
        ListenNotAddress => "serve.listen in the config is not an address and port", "serve.listen i konfigurasjonen er ikke en adresse med port";
        HostKeyUnreadable => "{path} is not an unencrypted OpenSSH private key; give another --host-key, or move it away to make a new one", "{path} er ikke en ukryptert privat OpenSSH-nøkkel; oppgi en annen --host-key, eller flytt den bort for å lage en ny";
        CannotMakeHostKey => "cannot make a host key", "kan ikke lage en vertsnøkkel";
        CannotCreateFolder => "cannot create the folder {path}", "kan ikke opprette mappen {path}";
        CannotWriteHostKey => "cannot write the host key {path}", "kan ikke skrive vertsnøkkelen {path}";
        HostKeyExposed => "{path} can be read by others (mode {mode}); run `chmod 600 {path}`", "{path} kan leses av andre (modus {mode}); kjør `chmod 600 {path}`";
        NoRuntime => "cannot start the server's runtime", "kan ikke starte serverens kjøremiljø";
        CannotListen => "cannot listen on {address}", "kan ikke lytte på {address}";
        ServerStopped => "the server stopped", "serveren stoppet";
        ServerInternalError => "internal error in the server; your data is safe, please report this", "intern feil i serveren; dataene dine er trygge, men gi gjerne beskjed om dette";
        InternalError => "veileder: internal error{place}; your data is safe, please report this", "veileder: intern feil{place}; dataene dine er trygge, men gi gjerne beskjed om dette";
        Damaged => "veileder: the database file is damaged (reading it failed{place}); nothing was written; run `veileder check`, and restore a backup if it finds problems", "veileder: databasefilen er skadet (lesingen feilet{place}); ingenting ble skrevet; kjør `veileder check`, og hent tilbake en sikkerhetskopi hvis den finner feil";
    }
}

/// What an import wrote, or would write, in `lang`.
pub fn counts(lang: Lang, counts: &ImportCounts) -> String {
    let mut text = [
        counted(lang, counts.clients, CLIENTS),
        counted(lang, counts.ventures, VENTURES),
        counted(lang, counts.sessions, SESSIONS),
        counted(lang, counts.next_steps, STEPS),
        counted(lang, counts.milestones, MILESTONES),
        counted(lang, counts.advisors, ADVISORS),
    ]
    .join(", ");
    if counts.renumbered {
        text.push_str(lang.t(CommandText::Renumbered));
    }
    text
}
