//! What the app does with the outcome of an effect: most go to the screens, some are said in the
//! status bar, open a screen or reload what changed.
use super::action::Action;
use super::app::{App, Status};
use super::effect::{Effect, Outcome};
use super::keymap::Mode;
use super::popups::Popup;
use super::screens::call::saved_call_message;
use super::screens::{CallScreen, ClientPageScreen, FormScreen, Reply, Screen};
use crate::i18n::Ui;

impl App {
    /// The result of an effect; it may call for another. It goes to the screen on show, or else
    /// to the nearest screen below it that wants it (the list under a client page, say).
    pub fn receive(&mut self, outcome: Outcome) -> Option<Effect> {
        match &outcome {
            Outcome::Deleted(entry) => {
                self.undo.push(entry.id);
                let undo = self
                    .keymap
                    .hint(Mode::Normal, Action::Undo)
                    .map(|k| self.lang().f(Ui::UndoHint, &[("key", &k)]))
                    .unwrap_or_default();
                let what = crate::i18n::trashed(self.lang(), &entry.item);
                self.say(
                    self.lang()
                        .f(Ui::MovedToTrash, &[("what", &what), ("undo", &undo)]),
                );
                return Some(self.reload_after_change());
            }
            Outcome::Restored(entry) => {
                let what = crate::i18n::trashed(self.lang(), &entry.item);
                self.say(self.lang().f(Ui::Restored, &[("what", &what)]));
                return Some(self.reload_after_change());
            }
            Outcome::EditClient(client) => {
                let form = FormScreen::edit_client(client);
                return self.apply(Reply::Open(Box::new(Screen::Form(form))));
            }
            Outcome::Saved(saved) => {
                self.say(saved.message.clone());
                return Some(self.reload_after_change());
            }
            Outcome::ClientPage(data) => {
                let page = ClientPageScreen::new(data.as_ref().clone(), self.lang());
                return self.apply(Reply::Open(Box::new(Screen::ClientPage(page))));
            }
            Outcome::CallReady(brief) => {
                let context = self.context();
                let (call, restored) =
                    CallScreen::open(brief.as_ref().clone(), &self.settings, &context);
                let reply = self.apply(Reply::Open(Box::new(Screen::Call(call))));
                if let Some(text) = restored {
                    self.say(text);
                }
                return reply;
            }
            Outcome::CallSaved {
                session,
                new_steps,
                ticked,
            } => {
                self.say(saved_call_message(
                    self.lang(),
                    session,
                    *new_steps,
                    *ticked,
                ));
                if matches!(self.screen, Screen::Call(_)) {
                    self.go_back();
                }
                return Some(self.reload_after_change());
            }
            Outcome::DraftKept => {
                let call = self
                    .keymap
                    .hint(Mode::Normal, Action::Call)
                    .unwrap_or_default();
                self.say(self.lang().f(Ui::DraftKept, &[("key", &call)]));
                return None;
            }
            Outcome::PrivacyExported(message) => {
                self.say(message.clone());
                return None;
            }
            Outcome::Erased { client_id, message } => {
                while matches!(&self.screen, Screen::ClientPage(p) if p.client_id() == *client_id) {
                    if !self.go_back() {
                        break;
                    }
                }
                self.say(message.clone());
                return Some(match &self.screen {
                    Screen::Agenda(agenda) => agenda.load_effect(),
                    _ => self.reload_after_change(),
                });
            }
            Outcome::ConsentWithdrawn { saved, name } => {
                self.say(saved.message.clone());
                self.popups.push(Popup::TypedConfirm {
                    question: self.lang().f(
                        crate::i18n::PrivacyText::ConsentWithdrawnErase,
                        &[("name", name)],
                    ),
                    expected: name.clone(),
                    typed: String::new(),
                    effect: Effect::Erase(saved.client_id),
                });
                return Some(self.reload_after_change());
            }
            Outcome::BackedUp(backup) => {
                let text = self.lang().f(
                    crate::i18n::BackupText::BackedUp,
                    &[
                        ("path", &backup.path.display()),
                        ("kb", &backup.bytes.div_ceil(1024)),
                        ("keep", &self.settings.backup.keep),
                    ],
                );
                self.say(text);
                return None;
            }
            Outcome::Notice(text) => {
                self.say(text.clone());
                return None;
            }
            Outcome::Failed(message) => {
                self.status = Some(Status {
                    text: message.clone(),
                    is_error: true,
                });
                return None;
            }
            _ => {}
        }
        let context = self.context();
        let mut reply = self.screen.receive(&outcome, &context);
        for below in self.back.iter_mut().rev() {
            if !matches!(reply, Reply::NotHere) {
                break;
            }
            reply = below.receive(&outcome, &context);
        }
        self.apply(reply)
    }
}
