//! What the app asks of the world, as data, and what comes back. `update` returns an `Effect`;
//! the loop (local terminal, SSH session, test) performs it with `run_effects`.
use std::sync::Arc;

use tracing::warn;

use super::App;
use super::call_save;
use super::form_save;
use super::report_effects;
use super::screens::CallBrief;
use super::screens::ClientPageData;
use super::screens::agenda::WEEK_DAYS;
use super::screens::audit::{AuditData, ClientNames};
use super::screens::reports::ReportData;
use crate::agenda::{AgendaData, AgendaScope};
use crate::domain::{Client, ClientId, NextStep, NextStepId, SessionId};
use crate::domain::{Draft, PendingStep, Session};
use crate::domain::{Milestone, Venture};
use crate::report::{Period, Report};
use crate::store::{Access, ClientSummary, Found, Kind, Store, TrashEntry};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    LoadClients,
    /// The full record of the selected client, for the preview (its pinned note).
    LoadPreview(ClientId),
    /// Move a record to the trash.
    Delete {
        kind: Kind,
        id: u64,
    },
    /// Put back what was moved to the trash.
    Restore {
        trash_id: u64,
    },
    /// Open the client page; with a session, on the Sessions tab at that session.
    OpenClient {
        id: ClientId,
        session: Option<SessionId>,
    },
    /// Read the client page again after a change; the page on show (or under the screen on
    /// show) refreshes in place, and the client list after it.
    ReloadClient(ClientId),
    /// Tick a next step off, or back on.
    ToggleStep(NextStepId),
    /// Read a client's full record to edit it in a form.
    EditClient(ClientId),
    /// Add the client (id 0) or save the changed one.
    SaveClient(Box<Client>),
    /// Add the venture (id 0) or save the changed one.
    SaveVenture(Box<Venture>),
    /// Add the next step (id 0) or save the changed one.
    SaveNextStep(Box<NextStep>),
    /// Add the milestone (id 0) or save the changed one.
    SaveMilestone(Box<Milestone>),
    /// Leave the form on show without saving (after "Discard changes?").
    DiscardForm,
    /// The agenda of the actor's clients, or of everyone's.
    LoadAgenda {
        mine: bool,
    },
    /// Full-text search for the query as typed: the first `limit` hits.
    Search {
        query: String,
        limit: usize,
    },
    /// Call mode: a new session for this client.
    StartCall(ClientId),
    /// Write call mode's draft (as the advisor types).
    SaveDraft(Box<Draft>),
    /// Write the draft on leaving call mode, and say it is kept.
    KeepDraft(Box<Draft>),
    /// Drop the actor's draft for this client (call mode left with nothing typed).
    DiscardDraft(ClientId),
    /// Save a call: the session, its new next steps and the ticked ones, in one transaction.
    SaveCall {
        session: Box<Session>,
        new_steps: Vec<PendingStep>,
        ticked: Vec<NextStepId>,
    },
    /// Edit the note in $VISUAL / $EDITOR; only the local terminal loop can, before run_effects.
    EditExternally(String),
    /// The funder figures over a period, with the businesses of every year.
    LoadReport(Period),
    /// Write the report on show to a file; its name's ending says the format.
    ExportReport {
        path: String,
        report: Box<Report>,
    },
    /// Write the client's access export (JSON and text) to the exports folder.
    PrivacyExport(ClientId),
    /// Erase the client for good.
    Erase(ClientId),
    /// A checked copy of the database into the configured backup folder, which is then rotated.
    Backup,
    /// Audit entries matching `query` (client, advisor or action), newest first, older than
    /// `before` when given.
    LoadAudit {
        query: String,
        before: Option<u64>,
        limit: usize,
        /// The clients' names as the last read found them, so a filter keystroke does not read
        /// every client again; `None` reads them.
        names: Option<Arc<ClientNames>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Clients(Vec<ClientSummary>),
    /// `None` when the client is gone.
    Preview(Option<Box<Client>>),
    Deleted(TrashEntry),
    Restored(TrashEntry),
    /// For `OpenClient`: the App opens the page.
    ClientPage(Box<ClientPageData>),
    /// For `ReloadClient`: the page of that client refreshes.
    ClientReloaded(Box<ClientPageData>),
    StepToggled(NextStep),
    /// For `EditClient`: the App opens the form.
    EditClient(Box<Client>),
    /// A form's record was saved; the message says what, for the status bar.
    Saved(Saved),
    /// For `DiscardForm`: the form closes.
    FormDiscarded,
    Agenda(Box<AgendaData>),
    /// For `Search`: what `query` found.
    SearchResults {
        query: String,
        found: Found,
    },
    /// For `StartCall`: the App opens call mode.
    CallReady(Box<CallBrief>),
    /// For `SaveDraft`: when it was written.
    DraftSaved(chrono::DateTime<chrono::Utc>),
    /// For `KeepDraft`.
    DraftKept,
    /// For `DiscardDraft`.
    DraftDiscarded,
    /// For `SaveCall`: what was saved.
    CallSaved {
        session: Box<Session>,
        new_steps: usize,
        ticked: usize,
    },
    /// For `EditExternally`: the note as the editor left it.
    EditedText(String),
    /// For `LoadReport`.
    Report(Box<ReportData>),
    /// For `ExportReport`: the file written.
    ReportExported(String),
    /// For `PrivacyExport`: where the files went.
    PrivacyExported(String),
    /// For `Erase`: the client is gone; the message says what went.
    Erased {
        client_id: ClientId,
        message: String,
    },
    /// For `SaveClient` when the save withdrew consent: the App offers erasure.
    ConsentWithdrawn {
        saved: Saved,
        name: String,
    },
    /// For `LoadAudit`.
    Audit(Box<AuditData>),
    /// For `Backup`: where it went.
    BackedUp(crate::store::backup::Backup),
    /// The effect failed; the message says why, for the status bar.
    Failed(String),
    /// Something the advisor should know (a client moved to their caseload), for the status bar.
    Notice(String),
}

/// What a form saved: the client it belongs to (to reload) and what to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub client_id: ClientId,
    pub message: String,
}

/// A backup into the configured folder, as its outcome: `Effect::Backup` once the guard let it
/// through (the event loop runs it on a thread of its own).
pub fn back_up(
    store: &Store,
    lang: crate::i18n::Lang,
    settings: &crate::config::BackupSettings,
) -> Outcome {
    store
        .backup_into_folder(&settings.folder(), settings.keep, store.now())
        .map_or_else(
            |e| Outcome::Failed(crate::i18n::store_error(lang, &e)),
            Outcome::BackedUp,
        )
}

/// Whether `effect` may run for this session, or why not.
pub fn allowed(app: &App, store: &Store, effect: &Effect) -> Result<(), String> {
    super::guard::check(store, app.access(), effect)
        .map_err(|e| crate::i18n::store_error(app.lang(), &e))
}

/// Performs `effect` and every effect that follows from its outcome; false once the app quits.
pub fn run_effects(app: &mut App, store: &Store, effect: Option<Effect>) -> bool {
    let mut next = effect;
    while let Some(effect) = next.take() {
        let actor = app.actor();
        let lang = app.lang();
        if let Err(error) = super::guard::check(store, app.access(), &effect) {
            next = app.receive(Outcome::Failed(crate::i18n::store_error(lang, &error)));
            continue;
        }
        let read_only = store.read_only().is_some();
        let started_call = matches!(effect, Effect::StartCall(_));
        let result = match effect {
            Effect::Quit => return false,
            // Nothing is written unasked on a read-only file; the advisor was told at the start.
            Effect::SaveDraft(_) | Effect::DiscardDraft(_) if read_only => continue,
            Effect::KeepDraft(_) if read_only => Ok(Outcome::Failed(
                lang.t(crate::i18n::Ui::ReadOnlyDraft).into(),
            )),
            Effect::LoadClients => visible_clients(store, app.access()).map(Outcome::Clients),
            Effect::LoadPreview(id) => store.client(id).map(|c| Outcome::Preview(c.map(Box::new))),
            Effect::Delete { kind, id } => store.delete(actor, kind, id).map(Outcome::Deleted),
            Effect::Restore { trash_id } => store.restore(actor, trash_id).map(Outcome::Restored),
            Effect::OpenClient { id, session } => open_client(store, lang, actor, id, session),
            Effect::ReloadClient(id) => ClientPageData::load(store, id, None)
                .map(|data| client_page_outcome(lang, data, Outcome::ClientReloaded)),
            Effect::ToggleStep(id) => store.toggle_next_step(actor, id).map(Outcome::StepToggled),
            Effect::EditClient(id) => form_save::edit_client(store, lang, id),
            Effect::SaveClient(client) => form_save::client(store, lang, actor, *client),
            Effect::SaveVenture(venture) => form_save::venture(store, lang, actor, *venture),
            Effect::SaveNextStep(step) => form_save::next_step(store, lang, actor, *step),
            Effect::SaveMilestone(m) => form_save::milestone(store, lang, actor, *m),
            Effect::DiscardForm => Ok(Outcome::FormDiscarded),
            Effect::LoadAgenda { mine } => load_agenda(app, store, mine),
            Effect::Search { query, limit } => store
                .visible(app.access())
                .and_then(|visible| store.search_in(&query, limit, &visible))
                .map(|found| Outcome::SearchResults { query, found }),
            Effect::StartCall(id) => store
                .record_opening(actor, id, "call")
                .and_then(|()| call_save::start(store, lang, id, actor)),
            Effect::SaveDraft(draft) => store
                .save_draft(&draft)
                .map(|()| Outcome::DraftSaved(draft.updated_at)),
            Effect::KeepDraft(draft) => store.save_draft(&draft).map(|()| Outcome::DraftKept),
            Effect::DiscardDraft(id) => store
                .discard_draft(id, actor)
                .map(|()| Outcome::DraftDiscarded),
            Effect::SaveCall {
                session,
                new_steps,
                ticked,
            } => call_save::save(
                store,
                actor,
                *session,
                new_steps,
                ticked,
                &app.settings().competence_areas,
            ),
            Effect::LoadReport(period) => report_effects::load(store, period),
            Effect::ExportReport { path, report } => {
                Ok(report_effects::export(lang, &path, &report))
            }
            Effect::PrivacyExport(id) => super::privacy_effects::export(store, lang, id),
            Effect::Erase(id) => super::privacy_effects::erase(store, lang, actor, id),
            Effect::Backup => Ok(back_up(store, lang, &app.settings().backup)),
            Effect::LoadAudit {
                query,
                before,
                limit,
                names,
            } => super::audit_effects::load(store, query, before, limit, names),
            Effect::EditExternally(_) => Ok(Outcome::Failed(
                lang.t(crate::i18n::Ui::EditorLocalOnly).into(),
            )),
        };
        let outcome = result.unwrap_or_else(|error| {
            warn!(%error, "effect failed");
            Outcome::Failed(crate::i18n::store_error(lang, &error))
        });
        next = app.receive(outcome);
        if started_call && read_only {
            let told = app.receive(Outcome::Failed(
                lang.t(crate::i18n::Ui::ReadOnlyCall).into(),
            ));
            next = next.or(told);
        }
    }
    true
}

/// The client page, with the opening in the audit log; a page that cannot be audited is not shown.
fn open_client(
    store: &Store,
    lang: crate::i18n::Lang,
    actor: &str,
    id: ClientId,
    session: Option<SessionId>,
) -> crate::store::Result<Outcome> {
    let data = ClientPageData::load(store, id, session)?;
    if data.is_some() {
        store.record_opening(actor, id, "page")?;
    }
    Ok(client_page_outcome(lang, data, Outcome::ClientPage))
}

fn client_page_outcome(
    lang: crate::i18n::Lang,
    data: Option<ClientPageData>,
    wrap: fn(Box<ClientPageData>) -> Outcome,
) -> Outcome {
    match data {
        Some(data) => wrap(Box::new(data)),
        None => Outcome::Failed(lang.t(crate::i18n::Ui::ClientGone).into()),
    }
}

fn load_agenda(app: &App, store: &Store, mine: bool) -> crate::store::Result<Outcome> {
    let scope = AgendaScope {
        advisor: mine.then_some(app.actor()),
        today: app.today(),
        days: WEEK_DAYS,
        dormant_days: app.settings().dormant_days,
        retention_years: app.settings().retention_years,
    };
    let data = crate::agenda::build(store, scope, &store.visible(app.access())?)?;
    Ok(Outcome::Agenda(Box::new(data)))
}

fn visible_clients(store: &Store, access: &Access) -> crate::store::Result<Vec<ClientSummary>> {
    store.client_summaries_in(&store.visible(access)?)
}
