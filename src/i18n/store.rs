//! The store's errors as the advisor reads them, in the status line or on the command line.
use super::{Lang, catalogue};
use crate::store::{Denial, Missing, Refusal, StoreError as E};

catalogue! {
    /// One line per kind of store error; the command names in them stay as typed.
    StoreText {
        Held => "{path} is in use by another veileder ({holder}); close it there, or connect to the centre's server with `ssh -p PORT USER@HOST`", "{path} er i bruk av en annen veileder ({holder}); lukk den der, eller koble til senterets server med `ssh -p PORT BRUKER@VERT`";
        NotADatabase => "{path} is not a veileder database ({reason}); give another --db, or run `veileder check` on a copy", "{path} er ikke en veileder-database ({reason}); oppgi en annen --db, eller kjør `veileder check` på en kopi";
        Newer => "{path} was written by a newer veileder (schema {found}; this one reads up to {supported}); upgrade veileder to open it", "{path} er skrevet av en nyere veileder (skjema {found}; denne leser opp til {supported}); oppgrader veileder for å åpne den";
        UpgradeNeedsWrite => "{path} was written by an older veileder and is brought up to this version once when opened, which needs to write it ({reason}): make the file yours with mode 0600, or open a copy you can write", "{path} er skrevet av en eldre veileder og oppgraderes én gang når den åpnes, og da må den kunne skrives ({reason}): gjør filen til din med modus 0600, eller åpne en kopi du kan skrive";
        ReadOnly => "{path} is open to read only, since this user cannot write it ({reason}); nothing can be saved: make the file yours with mode 0600 to write", "{path} er åpnet bare for lesing, fordi denne brukeren ikke kan skrive den ({reason}); ingenting kan lagres: gjør filen til din med modus 0600 for å skrive";
        Open => "cannot open {path}: {reason}", "kan ikke åpne {path}: {reason}";
        Corrupt => "record {key} in table {table} does not decode ({reason}); run `veileder check`", "posten {key} i tabellen {table} kan ikke leses ({reason}); kjør `veileder check`";
        Backup => "backup to {path} failed: {reason}; the database itself is unchanged", "sikkerhetskopi til {path} feilet: {reason}; selve databasen er uendret";
        Following => "the database is held by `veileder serve` and this process only reads beside it; writing commands run through the server", "databasen holdes av `veileder serve`, og denne prosessen bare leser ved siden av; kommandoer som skriver, kjøres gjennom serveren";
        EraseNeedsAdmin => "only an admin can erase a client; {actor} is {role}, and an admin can change that with `veileder advisor add {actor} --name NAME --role admin`", "bare en administrator kan slette en klient for godt; {actor} er {role}, og en administrator kan endre det med `veileder advisor add {actor} --name NAME --role admin`";
        NoRecord => "no {kind} with id {id}", "ingen {kind} med id {id}";
        NoTrashEntry => "nothing in the trash with id {id}", "ingenting i papirkurven med id {id}";
        ClientOfTrashed => "cannot restore {what}: its client {client} is deleted; restore the client first", "kan ikke gjenopprette {what}: klienten {client} er slettet; gjenopprett klienten først";
        NoStepOfClient => "no next step {id} for this client", "ikke noe neste steg {id} for denne klienten";
        NoClientId => "no client has the id {id}", "ingen klient har id {id}";
        ClientVanished => "client {id} vanished", "klient {id} forsvant";
        NoClientSpec => "no client has the id or name '{spec}'; `veileder client list` shows them", "ingen klient har id eller navn '{spec}'; `veileder client list` viser dem";
        ManyClients => "{n} clients are named '{spec}' (ids {ids}); give the id instead", "{n} klienter heter '{spec}' (id {ids}); oppgi id i stedet";
        NoAdvisor => "no advisor '{name}'; `veileder advisor list` shows them", "ingen veileder '{name}'; `veileder advisor list` viser dem";
        NoAdvisorToAdd => "no advisor '{name}'; add them first with `veileder advisor add`", "ingen veileder '{name}'; legg dem til først med `veileder advisor add`";
        NoKey => "{name} has no key {fingerprint}; `veileder advisor list` counts their keys", "{name} har ingen nøkkel {fingerprint}; `veileder advisor list` teller nøklene";
        UncheckedRecord => "record {id} was not in the document that was checked; nothing was imported", "post {id} var ikke i dokumentet som ble kontrollert; ingenting ble importert";
        UnknownTable => "the file has a table '{table}' that this veileder does not know how to copy; nothing was written", "filen har en tabell '{table}' som denne veileder ikke vet hvordan den skal kopiere; ingenting ble skrevet";
        Denied => "not allowed: {why}", "ikke tillatt: {why}";
        DeniedReports => "reports cover the whole centre; a lead or an admin runs them", "rapportene dekker hele senteret; en leder eller en administrator tar dem ut";
        DeniedBackup => "a backup holds every client; a lead or an admin makes it", "en sikkerhetskopi har alle klientene; en leder eller en administrator lager den";
        DeniedMove => "only a lead moves a client to another advisor's caseload", "bare en leder flytter en klient til en annen veileder";
        DeniedAudit => "the audit log covers every client; a lead or an admin reads it", "revisjonsloggen dekker alle klientene; en leder eller en administrator leser den";
        NotYours => "client {client} is in {advisor}'s caseload, not yours; a lead can share or transfer it", "klient {client} hører til {advisor}, ikke deg; en leder kan dele eller flytte den";
        NoOnes => "client {client} is in no one's caseload, not yours; a lead can share or transfer it", "klient {client} hører ikke til noen veileder, heller ikke deg; en leder kan dele eller flytte den";
        Full => "the disk is full ({reason}): nothing was saved, what was saved before is intact; free some space and start veileder again", "disken er full ({reason}): ingenting ble lagret, det som var lagret fra før er intakt; frigjør plass og start veileder igjen";
        EarlierWriteFailed => "an earlier write to the database failed (the disk full?), so nothing more is saved; free some space and start veileder again", "en tidligere skriving til databasen feilet (full disk?), så ingenting mer lagres; frigjør plass og start veileder igjen";
        Db => "database error: {reason}; run `veileder check`", "databasefeil: {reason}; kjør `veileder check`";
    }
}

/// `error` in `lang`. A refusal or a missing record keeps the words it was made with.
pub fn store_error(lang: Lang, error: &E) -> String {
    use StoreText as T;
    let path = |p: &std::path::Path| p.display().to_string();
    match error {
        E::Held { path: p, holder } => lang.f(T::Held, &[("path", &path(p)), ("holder", holder)]),
        E::NotADatabase { path: p, reason } => {
            lang.f(T::NotADatabase, &[("path", &path(p)), ("reason", reason)])
        }
        E::Newer {
            path: p,
            found,
            supported,
        } => lang.f(
            T::Newer,
            &[
                ("path", &path(p)),
                ("found", found),
                ("supported", supported),
            ],
        ),
        E::ReadOnly { path: p, reason } => {
            lang.f(T::ReadOnly, &[("path", &path(p)), ("reason", reason)])
        }
        E::UpgradeNeedsWrite { path: p, reason } => lang.f(
            T::UpgradeNeedsWrite,
            &[("path", &path(p)), ("reason", reason)],
        ),
        E::Open { path: p, reason } => lang.f(T::Open, &[("path", &path(p)), ("reason", reason)]),
        E::Corrupt { table, key, reason } => lang.f(
            T::Corrupt,
            &[("table", table), ("key", key), ("reason", reason)],
        ),
        E::Backup { path: p, reason } => {
            lang.f(T::Backup, &[("path", &path(p)), ("reason", reason)])
        }
        E::NotFound(missing) => missing_text(lang, missing),
        E::Refused(Refusal::EraseNeedsAdmin { actor, role }) => {
            let role = super::value(lang, role);
            lang.f(T::EraseNeedsAdmin, &[("actor", actor), ("role", &role)])
        }
        E::Refused(Refusal::UnknownTable(table)) => lang.f(T::UnknownTable, &[("table", table)]),
        E::Refused(Refusal::UncheckedRecord(id)) => lang.f(T::UncheckedRecord, &[("id", id)]),
        E::Following => lang.t(T::Following).to_string(),
        E::Denied(denial) => {
            let why = denial_text(lang, denial);
            lang.f(T::Denied, &[("why", &why)])
        }
        E::Invalid(invalid) => super::invalid(lang, invalid),
        E::Full(reason) => lang.f(T::Full, &[("reason", reason)]),
        E::EarlierWriteFailed => lang.t(T::EarlierWriteFailed).to_string(),
        E::Db(e) => lang.f(T::Db, &[("reason", e)]),
    }
}

fn missing_text(lang: Lang, missing: &Missing) -> String {
    use StoreText as T;
    match missing {
        Missing::Record { kind, id } => {
            let kind = super::value(lang, kind);
            lang.f(T::NoRecord, &[("kind", &kind), ("id", id)])
        }
        Missing::TrashEntry(id) => lang.f(T::NoTrashEntry, &[("id", id)]),
        Missing::ClientOfTrashed { item, client } => {
            let what = super::trashed(lang, item);
            lang.f(T::ClientOfTrashed, &[("what", &what), ("client", client)])
        }
        Missing::StepOfClient(id) => lang.f(T::NoStepOfClient, &[("id", id)]),
        Missing::ClientId(id) => lang.f(T::NoClientId, &[("id", id)]),
        Missing::ClientVanished(id) => lang.f(T::ClientVanished, &[("id", id)]),
        Missing::ClientSpec(spec) => lang.f(T::NoClientSpec, &[("spec", spec)]),
        Missing::ManyClients { spec, ids } => {
            let list = ids
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            lang.f(
                T::ManyClients,
                &[("n", &ids.len()), ("spec", spec), ("ids", &list)],
            )
        }
        Missing::Advisor(name) => lang.f(T::NoAdvisor, &[("name", name)]),
        Missing::AdvisorToAdd(name) => lang.f(T::NoAdvisorToAdd, &[("name", name)]),
        Missing::Key {
            username,
            fingerprint,
        } => lang.f(
            T::NoKey,
            &[("name", username), ("fingerprint", fingerprint)],
        ),
    }
}

fn denial_text(lang: Lang, denial: &Denial) -> String {
    use StoreText as T;
    match denial {
        Denial::Reports => lang.t(T::DeniedReports).to_string(),
        Denial::Backup => lang.t(T::DeniedBackup).to_string(),
        Denial::MoveClient => lang.t(T::DeniedMove).to_string(),
        Denial::Audit => lang.t(T::DeniedAudit).to_string(),
        Denial::NotYours {
            client,
            advisor: Some(advisor),
        } => lang.f(T::NotYours, &[("client", client), ("advisor", advisor)]),
        Denial::NotYours {
            client,
            advisor: None,
        } => lang.f(T::NoOnes, &[("client", client)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_read_the_same_in_english_as_their_display() {
        let full = E::Full("no space left".into());
        assert_eq!(store_error(Lang::En, &full), full.to_string());
        let held = E::Held {
            path: "/x.redb".into(),
            holder: "pid 7".into(),
        };
        assert_eq!(store_error(Lang::En, &held), held.to_string());
        assert!(store_error(Lang::Nb, &held).starts_with("/x.redb er i bruk"));
        assert_eq!(
            store_error(Lang::Nb, &E::Denied(Denial::Audit)),
            "ikke tillatt: revisjonsloggen dekker alle klientene; en leder eller en administrator leser den"
        );
        let nobody = E::NotFound(Missing::ClientSpec("Nobody".into()));
        assert_eq!(
            nobody.to_string(),
            "no client has the id or name 'Nobody'; `veileder client list` shows them"
        );
        assert_eq!(
            store_error(Lang::Nb, &nobody),
            "ingen klient har id eller navn 'Nobody'; `veileder client list` viser dem"
        );
        let step = E::NotFound(Missing::Record {
            kind: "next_step",
            id: 4,
        });
        assert_eq!(step.to_string(), "no next step with id 4");
        let theirs = E::Denied(Denial::NotYours {
            client: 7,
            advisor: Some("jonas".into()),
        });
        assert_eq!(
            theirs.to_string(),
            "not allowed: client 7 is in jonas's caseload, not yours; a lead can share or transfer it"
        );
    }
}
