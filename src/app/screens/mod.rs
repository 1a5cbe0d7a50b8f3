//! One state struct per screen, dispatched by `match`. A new screen is a variant here, a file
//! beside this one, and its drawing twin in `ui/`.
pub mod agenda;
pub mod audit;
pub mod call;
pub mod call_brief;
pub mod call_fields;
pub mod client_page;
pub mod client_page_data;
pub mod client_rows;
pub mod clients;
pub mod due_parse;
pub mod form;
pub mod form_fields;
pub mod form_kinds;
pub mod form_milestone;
pub mod reports;
pub mod scroll;
pub mod search;
pub mod tabs;

use chrono::{DateTime, NaiveDate, Utc};

use super::action::Action;
use super::effect::{Effect, Outcome};
use super::key::Key;
use super::keymap::Mode;

/// The most of a paste that a one-line field takes: the longest name.
const PASTE_LINE_MAX: usize = 200;
pub use agenda::AgendaScreen;
pub use audit::AuditScreen;
pub use call::CallScreen;
pub use call_brief::CallBrief;
pub use client_page::{ClientPageScreen, PageTab};
pub use client_page_data::ClientPageData;
pub use clients::ClientsScreen;
pub use form::FormScreen;
pub use reports::ReportsScreen;
pub use search::SearchScreen;

// A session holds a handful of screens (the one on show and its back-stack) and moves them
// only when navigating, so boxing the larger ones would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Screen {
    Clients(ClientsScreen),
    ClientPage(ClientPageScreen),
    Agenda(AgendaScreen),
    Search(SearchScreen),
    Call(CallScreen),
    Form(FormScreen),
    Reports(ReportsScreen),
    Audit(AuditScreen),
}

/// What a screen made of an action or a key.
#[derive(Debug)]
pub enum Reply {
    /// Handled; the state may have changed.
    Done,
    Effect(Effect),
    /// Ask first, then perform `effect` on yes.
    Confirm {
        question: String,
        effect: Effect,
    },
    /// Ask first, and perform `effect` only once `expected` (a client's name) is typed.
    ConfirmTyped {
        question: String,
        expected: String,
        effect: Effect,
    },
    /// A message for the status bar.
    Say(String),
    /// Show another screen; `Back` returns to this one.
    Open(Box<Screen>),
    /// Leave this screen for the one it was opened from, then perform the effect if any.
    Close(Option<Effect>),
    /// The screen has no use for it here.
    NotHere,
}

/// The top-level screens, one key each, shown as tabs in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Clients,
    Agenda,
    Search,
    Reports,
    Audit,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Clients,
        Tab::Agenda,
        Tab::Search,
        Tab::Reports,
        Tab::Audit,
    ];

    pub fn label(self) -> crate::i18n::Ui {
        use crate::i18n::Ui;
        match self {
            Tab::Clients => Ui::TabClients,
            Tab::Agenda => Ui::TabAgenda,
            Tab::Search => Ui::TabSearch,
            Tab::Reports => Ui::TabReports,
            Tab::Audit => Ui::TabAudit,
        }
    }

    pub fn action(self) -> Action {
        match self {
            Tab::Clients => Action::GoClients,
            Tab::Agenda => Action::GoAgenda,
            Tab::Search => Action::GoSearch,
            Tab::Reports => Action::GoReports,
            Tab::Audit => Action::GoAudit,
        }
    }
}

impl Screen {
    pub fn tab(&self) -> Tab {
        match self {
            Screen::Clients(_) => Tab::Clients,
            Screen::ClientPage(_) => Tab::Clients,
            Screen::Agenda(_) => Tab::Agenda,
            Screen::Search(_) => Tab::Search,
            Screen::Call(_) => Tab::Clients,
            Screen::Form(_) => Tab::Clients,
            Screen::Reports(_) => Tab::Reports,
            Screen::Audit(_) => Tab::Audit,
        }
    }

    pub fn mode(&self) -> Mode {
        match self {
            Screen::Clients(s) => s.mode(),
            Screen::ClientPage(s) => s.mode(),
            Screen::Agenda(s) => s.mode(),
            Screen::Search(s) => s.mode(),
            Screen::Call(s) => s.mode(),
            Screen::Form(s) => s.mode(),
            Screen::Reports(s) => s.mode(),
            Screen::Audit(s) => s.mode(),
        }
    }

    pub fn update(&mut self, action: Action, page: usize) -> Reply {
        match self {
            Screen::Clients(s) => s.update(action, page),
            Screen::ClientPage(s) => s.update(action, page),
            Screen::Agenda(s) => s.update(action, page),
            Screen::Search(s) => s.update(action, page),
            Screen::Call(s) => s.update(action, page),
            Screen::Form(s) => s.update(action, page),
            Screen::Reports(s) => s.update(action, page),
            Screen::Audit(s) => s.update(action, page),
        }
    }

    pub fn type_key(&mut self, key: Key, page: usize) -> Reply {
        match self {
            Screen::Clients(s) => s.type_key(key, page),
            Screen::ClientPage(s) => s.type_key(key, page),
            Screen::Agenda(s) => s.type_key(key, page),
            Screen::Search(s) => s.type_key(key, page),
            Screen::Call(s) => s.type_key(key, page),
            Screen::Form(s) => s.type_key(key, page),
            Screen::Reports(s) => s.type_key(key, page),
            Screen::Audit(s) => s.type_key(key, page),
        }
    }

    /// Pasted text (bracketed paste): the note editor takes it whole; one-line fields take its
    /// first line, as if typed, up to a name's length.
    pub fn paste(&mut self, text: &str, page: usize) -> Reply {
        if let Screen::Call(s) = self {
            if let Some(reply) = s.paste(text) {
                return reply;
            }
        }
        let line = text.lines().next().unwrap_or_default();
        let mut last = Reply::NotHere;
        for c in line
            .chars()
            .filter(|c| !c.is_control())
            .take(PASTE_LINE_MAX)
        {
            last = self.type_key(Key::char(c), page);
        }
        last
    }

    /// An effect's outcome meant for this kind of screen; `NotHere` when it is not.
    pub fn receive(&mut self, outcome: &Outcome, context: &Context) -> Reply {
        match self {
            Screen::Clients(s) => s.receive(outcome, context),
            Screen::ClientPage(s) => s.receive(outcome, context),
            Screen::Agenda(s) => s.receive(outcome, context),
            Screen::Search(s) => s.receive(outcome, context),
            Screen::Call(s) => s.receive(outcome, context),
            Screen::Form(s) => s.receive(outcome, context),
            Screen::Reports(s) => s.receive(outcome, context),
            Screen::Audit(s) => s.receive(outcome, context),
        }
    }

    /// Time passed (about twice a second): timers, autosave.
    pub fn tick(&mut self, context: &Context) -> Reply {
        match self {
            Screen::Clients(_) => Reply::Done,
            Screen::ClientPage(_) => Reply::Done,
            Screen::Agenda(_) | Screen::Search(_) | Screen::Reports(_) | Screen::Audit(_) => {
                Reply::Done
            }
            Screen::Call(s) => s.tick(context),
            Screen::Form(_) => Reply::Done,
        }
    }

    /// Just opened: what the screen needs of the session before its first key.
    pub fn opened(&mut self, context: &Context, sectors: &[String]) {
        if let Screen::Form(s) = self {
            s.opened(context, sectors);
        }
    }
}

/// What every screen may need to know of the session while it updates.
#[derive(Debug, Clone)]
pub struct Context {
    pub actor: String,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    /// Rows of list the terminal shows at once, for paging.
    pub page: usize,
    pub lang: crate::i18n::Lang,
}
