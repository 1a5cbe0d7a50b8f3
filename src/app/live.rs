//! Live updates: when another session saved something, the screen on show reads its data again.
use super::screens::Screen;
use super::{App, Effect};

impl App {
    /// What to read again after a change made elsewhere. Forms, call mode and search keep what
    /// is typed and are left alone; the list under them is read when they close.
    pub fn refresh(&self) -> Option<Effect> {
        match self.screen() {
            Screen::Clients(_) => Some(Effect::LoadClients),
            Screen::ClientPage(page) => Some(Effect::ReloadClient(page.client_id())),
            Screen::Agenda(agenda) => Some(agenda.load_effect()),
            Screen::Reports(reports) => reports.reload_effect(),
            Screen::Audit(audit) => Some(audit.reload_effect(true)),
            Screen::Search(_) | Screen::Call(_) | Screen::Form(_) => None,
        }
    }

    /// What to read again when only the audit log grew (someone opened a client): the audit
    /// screen, if it is on show.
    pub fn refresh_audit(&self) -> Option<Effect> {
        match self.screen() {
            Screen::Audit(audit) => Some(audit.reload_effect(false)),
            _ => None,
        }
    }
}
