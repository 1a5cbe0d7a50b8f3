//! The human-readable output of the commands. Column names of `--format json` and the command
//! names stay English; these are what a person reads in the terminal.
use super::catalogue;

catalogue! {
    /// Text output of `client list`, `agenda`, `search`, `note`, `check`, `import`, `export`,
    /// `advisor` and `milestone`.
    CliText {
        ColId => "ID", "ID";
        ColName => "NAME", "NAVN";
        ColAdvisor => "ADVISOR", "VEILEDER";
        ColStatus => "STATUS", "STATUS";
        ColVenture => "VENTURE", "FORETAK";
        ColLastContact => "LAST CONTACT", "SISTE KONTAKT";
        ColDue => "DUE", "FRIST";
        ColClient => "CLIENT", "KLIENT";
        ColWho => "WHO", "HVEM";
        ColNextStep => "NEXT STEP", "NESTE STEG";
        ColDays => "DAYS", "DAGER";
        AllClients => "all clients", "alle klienter";
        ClientsOf => "clients of {name}", "klientene til {name}";
        AgendaFor => "Agenda for {date} — {whose}", "Agenda for {date} — {whose}";
        Overdue => "Overdue", "Forfalt";
        Today => "Today", "I dag";
        NextDays => "Next {days}", "Neste {days}";
        OweACall => "Owe a call", "Skylder en telefon";
        Dormant => "No contact for {n}+ days", "Ingen kontakt på {n}+ dager";
        ColKind => "KIND", "TYPE";
        ColDate => "DATE", "DATO";
        ColMatch => "MATCH", "TREFF";
        SessionSaved => "session {id} saved for {name}", "samtale {id} lagret for {name}";
        NoProblems => "{path}: no problems found", "{path}: ingen feil funnet";
        Problems => "{problems} found in {path}", "{problems} funnet i {path}";
        Exported => "exported {clients}, {sessions} to {path}", "eksporterte {clients} og {sessions} til {path}";
        ImportedClients => "imported {clients} from {path}", "importerte {clients} fra {path}";
        WouldImportClients => "would import {clients} from {path}", "ville importert {clients} fra {path}";
        Imported => "imported {counts} from {path}", "importerte {counts} fra {path}";
        WouldImport => "would import {counts} from {path}", "ville importert {counts} fra {path}";
        AdvisorSaved => "advisor {name} ({role}) saved", "veileder {name} ({role}) lagret";
        ColUsername => "USERNAME", "BRUKERNAVN";
        ColRole => "ROLE", "ROLLE";
        ColKeys => "KEYS", "NØKLER";
        MilestoneMoved => "milestone {id} added; venture {venture} is now {stage}", "milepæl {id} lagt til; foretak {venture} er nå {stage}";
        MilestoneStays => "milestone {id} added; venture {venture} stays {stage}", "milepæl {id} lagt til; foretak {venture} er fortsatt {stage}";
        MilestoneAdded => "milestone {id} added", "milepæl {id} lagt til";
    }
}
