//! The state machine of one user's session: keys and effect outcomes in, effects out. It knows no
//! terminal and does no I/O, so a local terminal, an SSH channel and the tests drive it alike.
use chrono::NaiveDate;

use super::action::Action;
use super::effect::Effect;
use super::key::Key;
use super::keymap::{KeyMap, Mode};
use super::popups::Popup;
use super::screens::{ClientsScreen, Context, Reply, Screen, Tab};
use crate::config::{Colors, Config, ConfigError, Theme};
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

/// Rows of the screen that are not list rows (header, filter line, table header, preview,
/// status bar), for paging by about a screenful.
const CHROME_ROWS: u16 = 8;

#[derive(Debug)]
pub struct App {
    pub(super) screen: Screen,
    /// The screens this one was opened from, most recent last; `Back` returns to them.
    pub(super) back: Vec<Screen>,
    pub(super) popups: Vec<Popup>,
    pub(super) status: Option<Status>,
    pub(super) keymap: KeyMap,
    pub(super) settings: Settings,
    actor: String,
    /// What the actor may see and change: everything locally, their role's share over SSH.
    access: Access,
    pub(super) clock: Clock,
    pub(super) today: NaiveDate,
    size: (u16, u16),
    /// Trash entries of this session's deletes, newest last.
    pub(super) undo: Vec<u64>,
    /// The config's sectors, offered by the venture form.
    pub(super) sectors: Vec<String>,
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

    /// A warning for the status bar at start, such as a database others can read.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    pub(super) fn page(&self) -> usize {
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

    /// Whether the screen has work left to do between frames (reading on through the audit
    /// log in steps); the event loop then asks for it with `resume` instead of waiting.
    pub fn has_work(&self) -> bool {
        matches!(&self.screen, Screen::Audit(audit) if audit.has_work())
    }

    /// The next step of the screen's work, as an effect.
    pub fn resume(&mut self) -> Option<Effect> {
        match &mut self.screen {
            Screen::Audit(audit) => audit.resume(),
            _ => None,
        }
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
}
