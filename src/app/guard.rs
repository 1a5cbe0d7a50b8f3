//! Before `run_effects` touches the store, the client an effect reads or changes is checked
//! against the session's access (`Store::check_client`); lists are filtered after reading.
use super::Effect;
use crate::domain::Client;
use crate::store::{Access, Denial, Kind, Result, Store, StoreError};

/// Refuses the effect when it is about a client `access` may not see or change.
pub fn check(store: &Store, access: &Access, effect: &Effect) -> Result<()> {
    if access.sees_all() {
        return Ok(());
    }
    let client = match effect {
        Effect::LoadPreview(id)
        | Effect::OpenClient { id, .. }
        | Effect::ReloadClient(id)
        | Effect::EditClient(id)
        | Effect::StartCall(id)
        | Effect::DiscardDraft(id) => Some(*id),
        Effect::SaveClient(client) => return check_client_save(store, access, client),
        Effect::SaveVenture(venture) => Some(venture.client_id),
        Effect::SaveNextStep(step) => Some(step.client_id),
        Effect::SaveMilestone(m) => Some(m.client_id),
        Effect::PrivacyExport(id) | Effect::Erase(id) => Some(*id),
        Effect::LoadReport(_) | Effect::ExportReport { .. } => {
            return Err(StoreError::Denied(Denial::Reports));
        }
        Effect::LoadAudit { .. } => {
            return Err(StoreError::Denied(Denial::Audit));
        }
        Effect::Backup => {
            return Err(StoreError::Denied(Denial::Backup));
        }
        Effect::SaveDraft(draft) | Effect::KeepDraft(draft) => Some(draft.client_id),
        Effect::SaveCall { session, .. } => Some(session.client_id),
        Effect::ToggleStep(id) => store.next_step(*id)?.map(|s| s.client_id),
        Effect::Delete { kind, id } => client_of(store, *kind, *id)?,
        Effect::Restore { trash_id } => store
            .trash()?
            .into_iter()
            .find(|entry| entry.id == *trash_id)
            .map(|entry| entry.item.client_id()),
        Effect::Quit
        | Effect::LoadClients
        | Effect::DiscardForm
        | Effect::LoadAgenda { .. }
        | Effect::Search { .. }
        | Effect::EditExternally(_) => None,
    };
    match client {
        Some(id) => store.check_client(access, id),
        None => Ok(()),
    }
}

/// An advisor adds clients to their own caseload only; moving one is a lead's transfer.
fn check_client_save(store: &Store, access: &Access, client: &Client) -> Result<()> {
    if client.id != 0 {
        store.check_client(access, client.id)?;
    }
    let kept = match client.id {
        0 => None,
        id => store.client(id)?.and_then(|c| c.advisor),
    };
    if client.advisor.as_deref() == Some(access.username.as_str()) || client.advisor == kept {
        return Ok(());
    }
    Err(StoreError::Denied(Denial::MoveClient))
}

fn client_of(store: &Store, kind: Kind, id: u64) -> Result<Option<u64>> {
    Ok(match kind {
        Kind::Client => Some(id),
        Kind::Session => store.session(id)?.map(|s| s.client_id),
        Kind::NextStep => store.next_step(id)?.map(|s| s.client_id),
        Kind::Venture => store.venture(id)?.map(|v| v.client_id),
        Kind::Milestone => store.client_of_milestone(id)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ClientId, Role};
    use crate::store::Clock;

    fn centre() -> (tempfile::TempDir, Store, ClientId, ClientId) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.redb"), "test")
            .unwrap()
            .with_clock(Clock::Fixed(chrono::Utc::now()));
        let add = |name: &str, advisor: &str| {
            let mut c = Client::new(0, name, store.now());
            c.advisor = Some(advisor.into());
            store.add_client("lead", c).unwrap().id
        };
        let own = add("Amina Yusuf", "ola");
        let other = add("Leila Haddad", "jonas");
        (dir, store, own, other)
    }

    #[test]
    fn an_advisor_reaches_own_and_shared_clients_only() {
        let (_dir, store, own, other) = centre();
        let ola = Access::advisor("ola", Role::Advisor);
        assert!(check(&store, &ola, &Effect::ReloadClient(own)).is_ok());
        let refused = check(&store, &ola, &Effect::StartCall(other)).unwrap_err();
        assert!(
            refused.to_string().contains("jonas's caseload"),
            "{refused}"
        );
        let ola_record = crate::domain::Advisor {
            username: "ola".into(),
            name: "Ola".into(),
            role: Role::Advisor,
            keys: vec![],
        };
        store.put_advisor("lead", ola_record).unwrap();
        store.share_client("lead", other, "ola").unwrap();
        assert!(check(&store, &ola, &Effect::StartCall(other)).is_ok());
        let lead = Access::advisor("ingrid", Role::Lead);
        assert!(
            check(
                &store,
                &lead,
                &Effect::Delete {
                    kind: Kind::Client,
                    id: own
                }
            )
            .is_ok()
        );
    }

    #[test]
    fn an_advisor_cannot_give_a_client_away_in_the_form() {
        let (_dir, store, own, _) = centre();
        let ola = Access::advisor("ola", Role::Advisor);
        let mut client = store.client(own).unwrap().unwrap();
        client.phone = Some("+47 900 00 000".into());
        assert!(check(&store, &ola, &Effect::SaveClient(Box::new(client.clone()))).is_ok());
        client.advisor = Some("jonas".into());
        let refused = check(&store, &ola, &Effect::SaveClient(Box::new(client))).unwrap_err();
        assert!(refused.to_string().contains("only a lead"), "{refused}");
    }

    fn milestone_of(store: &Store, client: ClientId) -> u64 {
        use crate::domain::{Milestone, MilestoneKind, Stage, Venture, VentureKind};
        let venture = Venture {
            id: 0,
            client_id: client,
            name: "Asmara Bakery".into(),
            kind: VentureKind::New,
            sector: None,
            stage: Stage::Idea,
            org_nr: None,
            stage_by_hand: false,
        };
        let venture = store.add_venture("lead", venture).unwrap();
        let milestone = Milestone {
            id: 0,
            client_id: 0,
            venture_id: venture.id,
            kind: MilestoneKind::Registered,
            date: store.today(),
            amount_nok: None,
            jobs: None,
            note: None,
        };
        store.add_milestone("lead", milestone).unwrap().id
    }

    #[test]
    fn an_advisor_deletes_milestones_of_own_clients_only() {
        let (_dir, store, own, other) = centre();
        let mine = milestone_of(&store, own);
        let theirs = milestone_of(&store, other);
        assert_eq!(store.client_of_milestone(mine).unwrap(), Some(own));
        assert_eq!(store.client_of_milestone(9999).unwrap(), None);
        let ola = Access::advisor("ola", Role::Advisor);
        let delete = |id| Effect::Delete {
            kind: Kind::Milestone,
            id,
        };
        assert!(check(&store, &ola, &delete(mine)).is_ok());
        let refused = check(&store, &ola, &delete(theirs)).unwrap_err();
        assert!(
            refused.to_string().contains("jonas's caseload"),
            "{refused}"
        );

        // Through the app as an SSH session would run it: the own milestone goes to the trash,
        // the other advisor's stays, with the reason in the status bar.
        let config = crate::config::Config::default();
        let mut app = crate::app::App::new(&config, "ola", store.clock(), false)
            .unwrap()
            .with_access(ola);
        assert!(crate::app::run_effects(
            &mut app,
            &store,
            Some(delete(theirs))
        ));
        assert!(app.status().unwrap().is_error, "{:?}", app.status());
        assert!(store.milestone(theirs).unwrap().is_some());
        assert!(crate::app::run_effects(
            &mut app,
            &store,
            Some(delete(mine))
        ));
        assert!(store.milestone(mine).unwrap().is_none());
        assert!(!app.status().unwrap().is_error, "{:?}", app.status());
    }
}
