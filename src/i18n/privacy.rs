//! Privacy and backup as the advisor reads them: erasure and its typed confirmation, the access
//! export, the warnings about retention and a readable database file, and backups.
use super::catalogue;
use super::nouns::{
    AUDIT_ENTRIES, DELETED_RECORDS, DRAFTS, MILESTONES, SESSIONS, STEPS, VENTURES, counted,
};

catalogue! {
    /// Erasure, access export, consent and the database file's exposure.
    PrivacyText {
        EraseTitle => "Erase for good", "Slett for godt";
        EraseQuestion => "Erase {name} for good? Their profile, notes, next steps, ventures and drafts leave the database file; reports keep anonymous counts. This cannot be undone.", "Slette {name} for godt? Profil, notater, neste steg, foretak og utkast fjernes fra databasefilen; rapportene beholder anonyme tall. Dette kan ikke angres.";
        ConsentWithdrawnErase => "Consent withdrawn. To erase {name} for good now, type their name and press Enter; Esc keeps them.", "Samtykket er trukket. For å slette {name} for godt nå, skriv navnet og trykk Enter; Esc beholder klienten.";
        NameIs => "Name: ", "Navn: ";
        TypeHere => "Type: ", "Skriv: ";
        EraseKeys => "Enter erases · Esc cancels", "Enter sletter · Esc avbryter";
        NothingErased => "Nothing erased.", "Ingenting er slettet.";
        Erasing => "Erasing for good: rewriting the database file…", "Sletter for godt: skriver databasefilen på nytt …";
        NotTheName => "That is not the name; type it as shown, or Esc to cancel.", "Det er ikke navnet; skriv det slik det står, eller Esc for å avbryte.";
        EraseWhere => "Erase works here on a client past retention; open a client to erase them.", "Sletting virker her på en klient over lagringstiden; åpne en klient for å slette den.";
        Erased => "Erased {name} for good: {sessions}, {steps}, {ventures}; reports keep anonymous counts.", "Slettet {name} for godt: {sessions}, {steps}, {ventures}; rapportene beholder anonyme tall.";
        Exported => "Access export of {name}: {file}.json and .txt in {folder}", "Innsynsuttrekk for {name}: {file}.json og .txt i {folder}";
        ExportFailed => "Could not write the export: {why}", "Kunne ikke skrive uttrekket: {why}";
        Exposed => "warning: {path} can be read by others (mode {mode}); `chmod 600 {path}` keeps it to you", "advarsel: {path} kan leses av andre (modus {mode}); `chmod 600 {path}` gjør den privat";
        ExportedTo => "exported client {id} to {json} and {text}", "eksporterte klient {id} til {json} og {text}";
        Plan => "client {id} with {ventures}, {sessions} with notes, {steps}, {milestones}, {drafts}, {trash} in the trash, and the content of {audit}", "klient {id} med {ventures}, {sessions} med notater, {steps}, {milestones}, {drafts}, {trash} i papirkurven og innholdet i {audit}";
        NothingErasedYet => "nothing erased: this would erase for good {plan}; add --yes to erase", "ingenting slettet: dette ville slettet for godt {plan}; legg til --yes for å slette";
        ErasedIn => "erased {done} in {seconds} s; reports keep anonymous counts", "slettet {done} på {seconds} s; rapportene beholder anonyme tall";
        NoConsent => "client {id} has no consent recorded; give --purpose to record it", "klient {id} har ikke registrert samtykke; oppgi --purpose for å registrere det";
        ConsentWithdrawn => "client {id}: consent withdrawn {date}; `veileder privacy erase {id} --yes` erases them", "klient {id}: samtykket trukket {date}; `veileder privacy erase {id} --yes` sletter klienten";
        ConsentGiven => "client {id}: consent given {date} for {purpose}", "klient {id}: samtykke gitt {date} til {purpose}";
        PastRetention => "No contact for {years}+ years: to erase", "Ingen kontakt på {years}+ år: skal slettes";
        EraseOne => "`veileder privacy erase ID --yes` erases one (admins only).", "`veileder privacy erase ID --yes` sletter én (bare administratorer).";
        RetentionNotice => "notice: no contact for {years}+ years with {clients} (ids {ids}); `veileder agenda --all` lists them, `veileder privacy erase ID --yes` erases one", "merk: ingen kontakt på {years}+ år med {clients} (id {ids}); `veileder agenda --all` viser dem, `veileder privacy erase ID --yes` sletter én";
        Purged => "veileder: purged {records} deleted more than {days} ago from the trash", "veileder: tømte {records} slettet for mer enn {days} siden fra papirkurven";
    }
}

catalogue! {
    /// A backup from the TUI (`B`) and from `veileder backup`.
    BackupText {
        BackingUp => "Backing up…", "Tar sikkerhetskopi …";
        BackedUp => "Backed up to {path} ({kb} KB, checked); the folder keeps the newest {keep}.", "Sikkerhetskopi lagret i {path} ({kb} KB, kontrollert); mappen beholder de {keep} nyeste.";
        BackedUpFile => "backed up {db} to {path} ({rows} records and index entries, {kb} KB, checked)", "sikkerhetskopierte {db} til {path} ({rows} poster og indeksoppføringer, {kb} KB, kontrollert)";
    }
}

/// What an erasure removed, or would remove, in `lang`.
pub fn erasure(lang: super::Lang, done: &crate::store::Erasure) -> String {
    lang.f(
        PrivacyText::Plan,
        &[
            ("id", &done.client_id),
            ("ventures", &counted(lang, done.ventures, VENTURES)),
            ("sessions", &counted(lang, done.sessions, SESSIONS)),
            ("steps", &counted(lang, done.next_steps, STEPS)),
            ("milestones", &counted(lang, done.milestones, MILESTONES)),
            ("drafts", &counted(lang, done.drafts, DRAFTS)),
            ("trash", &counted(lang, done.trash_entries, DELETED_RECORDS)),
            ("audit", &counted(lang, done.audit_entries, AUDIT_ENTRIES)),
        ],
    )
}
