//! The screen on show and the screens it was opened from: opening, closing, switching tabs, and
//! finding what the stack holds (the client page to reload, call mode's client and draft).
use super::app::App;
use super::effect::Effect;
use super::popups::Popup;
use super::screens::{ClientsScreen, Reply, Screen, Tab, tabs};

impl App {
    /// A screen's reply: an effect to run, a question to ask, a message, or a screen opened or
    /// closed.
    pub(super) fn apply(&mut self, reply: Reply) -> Option<Effect> {
        match reply {
            Reply::Done | Reply::NotHere => None,
            Reply::Effect(effect) => Some(effect),
            Reply::Confirm { question, effect } => {
                self.popups.push(Popup::Confirm { question, effect });
                None
            }
            Reply::ConfirmTyped {
                question,
                expected,
                effect,
            } => {
                self.popups.push(Popup::TypedConfirm {
                    question,
                    expected,
                    typed: String::new(),
                    effect,
                });
                None
            }
            Reply::Say(text) => {
                self.say(text);
                None
            }
            Reply::Open(screen) => {
                let mut screen = *screen;
                screen.opened(&self.context(), &self.sectors);
                let previous = std::mem::replace(&mut self.screen, screen);
                self.back.push(previous);
                None
            }
            Reply::Close(effect) => {
                self.go_back();
                effect
            }
        }
    }

    /// After a delete or restore: the open client page reloads (and then the list), or the list.
    pub(super) fn reload_after_change(&self) -> Effect {
        let page = std::iter::once(&self.screen)
            .chain(self.back.iter().rev())
            .find_map(|s| match s {
                Screen::ClientPage(page) => Some(page.client_id()),
                _ => None,
            });
        page.map_or(Effect::LoadClients, Effect::ReloadClient)
    }

    /// A top-level screen in place of the whole back-stack, over the Clients screen.
    pub(super) fn go_to_tab(&mut self, tab: Tab) -> Option<Effect> {
        let placeholder = Screen::Clients(ClientsScreen::default());
        let current = std::mem::replace(&mut self.screen, placeholder);
        let switched = tabs::switch(tab, current, std::mem::take(&mut self.back), self.today);
        self.screen = switched.screen;
        self.back = switched.back;
        switched.effect
    }

    /// Leaves the screen on show for the one it was opened from; false at the top.
    pub(super) fn go_back(&mut self) -> bool {
        match self.back.pop() {
            Some(previous) => {
                self.screen = previous;
                true
            }
            None => false,
        }
    }

    /// The client whose call mode this session has open, on show or under the screen on show.
    pub fn call_client(&self) -> Option<crate::domain::ClientId> {
        std::iter::once(&self.screen)
            .chain(self.back.iter())
            .find_map(|s| match s {
                Screen::Call(call) => Some(call.client_id()),
                _ => None,
            })
    }

    /// Call mode's unsaved work, to write before the program ends (quit, signal, hang-up).
    pub fn pending_draft(&self) -> Option<crate::domain::Draft> {
        std::iter::once(&self.screen)
            .chain(self.back.iter())
            .find_map(|s| match s {
                Screen::Call(call) => call.pending_draft(self.clock.now()),
                _ => None,
            })
    }
}
