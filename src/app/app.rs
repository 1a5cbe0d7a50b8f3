//! The state machine of one user's session: keys and effect outcomes in, effects out. It knows no
//! terminal and does no I/O, so a local terminal, an SSH channel and the tests drive it alike.
use chrono::NaiveDate;

use super::action::Action;
use super::effect::{Effect, Outcome};
use super::key::{Key, KeyCode};
use super::keymap::{KeyMap, Mode};
use super::screens::Tab;
use super::screens::call::saved_call_message;
use super::screens::tabs;
use super::screens::{
    CallScreen, ClientPageScreen, ClientsScreen, Context, FormScreen, Reply, Screen,
};
use crate::config::{Colors, Config, ConfigError, Theme};
use crate::domain::text::fold;
use crate::i18n::Ui;
use crate::store::{Access, Clock};

/// What the app shows of the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    pub colors: Colors,
    /// `NO_COLOR` was set: draw with bold and reverse only.
    pub no_color: bool,
    pub motivation_labels: [String; 5],
    pub dormant_days: u32,
    /// No contact for this many years puts a client past retention.
    pub retention_years: u32,
    /// Counselling topics and competence areas offered in call mode.
    pub topics: Vec<String>,
    pub competence_areas: Vec<String>,
    /// Where the backup key writes, and how many backups the folder keeps.
    pub backup: crate::config::BackupSettings,
    pub language: crate::i18n::Lang,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

#[derive(Debug, PartialEq)]
pub enum Popup {
    Help {
        scroll: usize,
    },
    Confirm {
        question: String,
        effect: Effect,
    },
    /// For what cannot be undone: `effect` runs once `typed` matches `expected` (case and
    /// diacritics aside) and Enter is pressed.
    TypedConfirm {
        question: String,
        expected: String,
        typed: String,
        effect: Effect,
    },
}

/// Rows of the screen that are not list rows (header, filter line, table header, preview,
/// status bar), for paging by about a screenful.
const CHROME_ROWS: u16 = 8;

#[derive(Debug)]
pub struct App {
    screen: Screen,
    /// The screens this one was opened from, most recent last; `Back` returns to them.
    back: Vec<Screen>,
    popups: Vec<Popup>,
    status: Option<Status>,
    keymap: KeyMap,
    settings: Settings,
    actor: String,
    /// What the actor may see and change: everything locally, their role's share over SSH.
    access: Access,
    clock: Clock,
    today: NaiveDate,
    size: (u16, u16),
    /// Trash entries of this session's deletes, newest last.
    undo: Vec<u64>,
    /// The config's sectors, offered by the venture form.
    sectors: Vec<String>,
    /// The database cannot be written: said in the header, and nothing is tried that writes
    /// without being asked (drafts).
    read_only: bool,
}

impl App {
    /// The app on the Clients screen; the key map comes from the config and may be refused.
    pub fn new(
        config: &Config,
        actor: impl Into<String>,
        clock: Clock,
        no_color: bool,
    ) -> Result<App, ConfigError> {
        let settings = Settings {
            theme: config.theme,
            colors: config.colors.clone(),
            no_color,
            motivation_labels: crate::i18n::motivation_labels(
                config.language.unwrap_or_default(),
                &config.motivation_labels,
            ),
            dormant_days: config.dormant_days,
            retention_years: config.privacy.retention_years,
            topics: config.topics.clone(),
            competence_areas: config.competence_areas.clone(),
            backup: config.backup.clone(),
            language: config.language.unwrap_or_default(),
        };
        let actor: String = actor.into();
        Ok(App {
            access: Access::owner(actor.clone()),
            screen: Screen::Clients(ClientsScreen::default()),
            back: Vec::new(),
            popups: Vec::new(),
            status: None,
            keymap: KeyMap::from_config(config)?,
            settings,
            actor,
            clock,
            today: clock.today(),
            size: (80, 24),
            undo: Vec::new(),
            sectors: config.sectors.clone(),
            read_only: false,
        })
    }

    /// What to do first: read the client list.
    pub fn start(&self) -> Option<Effect> {
        Some(Effect::LoadClients)
    }

    /// A key press: its action if it has one here, else typed into the field that has the keyboard.
    pub fn handle_key(&mut self, key: Key) -> Option<Effect> {
        if let Some(Popup::TypedConfirm { .. }) = self.popups.last() {
            return self.type_confirmation(key);
        }
        if let Some(Popup::Confirm { .. }) = self.popups.last() {
            match key.printable() {
                // `j` for «ja» in bokmål; no action needs j or y while a question is open.
                Some('y' | 'Y' | 'j' | 'J') => return self.answer(true),
                Some('n' | 'N') => return self.answer(false),
                _ => {}
            }
        }
        match self.keymap.resolve(self.mode(), key) {
            Some(action) => self.update(action),
            None if self.popups.is_empty() => {
                self.status = None;
                let page = self.page();
                let reply = self.screen.type_key(key, page);
                self.apply(reply)
            }
            None => None,
        }
    }

    /// Pasted text (bracketed paste), for the field that has the keyboard.
    pub fn paste(&mut self, text: &str) -> Option<Effect> {
        if !self.popups.is_empty() || self.mode() != Mode::Text {
            return None;
        }
        self.status = None;
        let page = self.page();
        let reply = self.screen.paste(text, page);
        self.apply(reply)
    }

    /// An action, from the key map or a test: changes the state and may ask for an effect.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        self.status = None;
        if !self.popups.is_empty() {
            return self.update_popup(action);
        }
        match action {
            Action::Help => {
                self.popups.push(Popup::Help { scroll: 0 });
                return None;
            }
            Action::Quit if self.go_back() => return None,
            Action::Quit => return Some(Effect::Quit),
            Action::GoClients => return self.go_to_tab(Tab::Clients),
            Action::GoAgenda => return self.go_to_tab(Tab::Agenda),
            Action::GoSearch => return self.go_to_tab(Tab::Search),
            Action::GoReports => return self.go_to_tab(Tab::Reports),
            Action::GoAudit if !self.access.sees_all() => {
                self.say(self.lang().t(crate::i18n::AuditText::LeadsOnly));
                return None;
            }
            Action::GoAudit => return self.go_to_tab(Tab::Audit),
            Action::Backup => {
                self.say(self.lang().t(crate::i18n::BackupText::BackingUp));
                return Some(Effect::Backup);
            }
            Action::Undo => {
                return match self.undo.pop() {
                    Some(trash_id) => Some(Effect::Restore { trash_id }),
                    None => {
                        self.say(self.lang().t(Ui::NothingToUndo));
                        None
                    }
                };
            }
            _ => {}
        }
        let page = self.page();
        match self.screen.update(action, page) {
            Reply::NotHere if action == Action::Back && self.go_back() => None,
            reply => self.apply(reply),
        }
    }

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

    /// What screens may need to know of the session.
    pub fn context(&self) -> Context {
        Context {
            actor: self.actor.clone(),
            now: self.clock.now(),
            today: self.today,
            page: self.page(),
            lang: self.settings.language,
        }
    }

    /// The terminal has a new size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
    }

    /// Time passed: lets the screen run its timers, and refreshes what depends on the day when
    /// the day changed.
    pub fn tick(&mut self) -> Option<Effect> {
        let reply = self.screen.tick(&self.context());
        if let Some(effect) = self.apply(reply) {
            return Some(effect);
        }
        let today = self.clock.today();
        if today == self.today {
            return None;
        }
        self.today = today;
        Some(Effect::LoadClients)
    }

    fn update_popup(&mut self, action: Action) -> Option<Effect> {
        match self.popups.last_mut()? {
            Popup::Help { scroll } => {
                let last = Action::ALL.len();
                match action {
                    Action::Help | Action::Back | Action::Quit => {
                        self.popups.pop();
                    }
                    Action::MoveDown => *scroll = (*scroll + 1).min(last),
                    Action::MoveUp => *scroll = scroll.saturating_sub(1),
                    Action::PageDown => *scroll = (*scroll + 10).min(last),
                    Action::PageUp => *scroll = scroll.saturating_sub(10),
                    Action::Top => *scroll = 0,
                    Action::Bottom => *scroll = last,
                    _ => {}
                }
                None
            }
            Popup::TypedConfirm { .. } => None,
            Popup::Confirm { .. } => match action {
                Action::Open => self.answer(true),
                Action::Back | Action::Quit => self.answer(false),
                _ => None,
            },
        }
    }

    /// Keys into the typed confirmation: letters type, Backspace rubs out, Esc cancels, Enter
    /// performs the effect when the name matches.
    fn type_confirmation(&mut self, key: Key) -> Option<Effect> {
        let Some(Popup::TypedConfirm {
            expected, typed, ..
        }) = self.popups.last_mut()
        else {
            return None;
        };
        match key.code {
            KeyCode::Esc => {
                self.popups.pop();
                self.say(self.lang().t(crate::i18n::PrivacyText::NothingErased));
            }
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Enter if fold(typed.trim()) == fold(expected.trim()) => {
                if let Some(Popup::TypedConfirm { effect, .. }) = self.popups.pop() {
                    self.say(self.lang().t(crate::i18n::PrivacyText::Erasing));
                    return Some(effect);
                }
            }
            KeyCode::Enter => {
                self.status = Some(Status {
                    text: self.lang().t(crate::i18n::PrivacyText::NotTheName).into(),
                    is_error: true,
                });
            }
            _ => {
                if let Some(c) = key.printable() {
                    typed.push(c);
                }
            }
        }
        None
    }

    /// A warning for the status bar at start, such as a database others can read.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    fn answer(&mut self, yes: bool) -> Option<Effect> {
        match self.popups.pop() {
            Some(Popup::Confirm { effect, .. }) if yes => Some(effect),
            _ => None,
        }
    }

    fn apply(&mut self, reply: Reply) -> Option<Effect> {
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
    fn reload_after_change(&self) -> Effect {
        let page = std::iter::once(&self.screen)
            .chain(self.back.iter().rev())
            .find_map(|s| match s {
                Screen::ClientPage(page) => Some(page.client_id()),
                _ => None,
            });
        page.map_or(Effect::LoadClients, Effect::ReloadClient)
    }

    /// A top-level screen in place of the whole back-stack, over the Clients screen.
    fn go_to_tab(&mut self, tab: Tab) -> Option<Effect> {
        let placeholder = Screen::Clients(ClientsScreen::default());
        let current = std::mem::replace(&mut self.screen, placeholder);
        let switched = tabs::switch(tab, current, std::mem::take(&mut self.back), self.today);
        self.screen = switched.screen;
        self.back = switched.back;
        switched.effect
    }

    /// Leaves the screen on show for the one it was opened from; false at the top.
    fn go_back(&mut self) -> bool {
        match self.back.pop() {
            Some(previous) => {
                self.screen = previous;
                true
            }
            None => false,
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(CHROME_ROWS).max(1))
    }

    /// Whether keys type into a field or act.
    pub fn mode(&self) -> Mode {
        if let Some(Popup::TypedConfirm { .. }) = self.popups.last() {
            Mode::Text
        } else if self.popups.is_empty() {
            self.screen.mode()
        } else {
            Mode::Normal
        }
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The popups, bottom first; the last one has the keyboard.
    pub fn popups(&self) -> &[Popup] {
        &self.popups
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    pub fn keymap(&self) -> &KeyMap {
        &self.keymap
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The language of the interface.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.settings.language
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The session acts with `access` (an SSH session: the advisor's role).
    pub fn with_access(mut self, access: Access) -> App {
        self.access = access;
        self
    }

    pub fn access(&self) -> &Access {
        &self.access
    }

    pub fn today(&self) -> NaiveDate {
        self.today
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
