//! One state struct per screen, dispatched by `match`. A new screen is a variant here, a file
//! beside this one, and its drawing twin in `ui/`.
pub mod client_rows;
pub mod clients;

use chrono::{DateTime, NaiveDate, Utc};

use super::action::Action;
use super::effect::{Effect, Outcome};
use super::key::Key;
use super::keymap::Mode;
pub use clients::ClientsScreen;

#[derive(Debug)]
pub enum Screen {
    Clients(ClientsScreen),
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
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Clients, Tab::Agenda, Tab::Search, Tab::Reports];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Clients => "Clients",
            Tab::Agenda => "Agenda",
            Tab::Search => "Search",
            Tab::Reports => "Reports",
        }
    }

    pub fn action(self) -> Action {
        match self {
            Tab::Clients => Action::GoClients,
            Tab::Agenda => Action::GoAgenda,
            Tab::Search => Action::GoSearch,
            Tab::Reports => Action::GoReports,
        }
    }
}

impl Screen {
    pub fn tab(&self) -> Tab {
        match self {
            Screen::Clients(_) => Tab::Clients,
        }
    }

    pub fn mode(&self) -> Mode {
        match self {
            Screen::Clients(s) => s.mode(),
        }
    }

    pub fn update(&mut self, action: Action, page: usize) -> Reply {
        match self {
            Screen::Clients(s) => s.update(action, page),
        }
    }

    pub fn type_key(&mut self, key: Key, page: usize) -> Reply {
        match self {
            Screen::Clients(s) => s.type_key(key, page),
        }
    }

    /// An effect's outcome meant for this kind of screen; `NotHere` when it is not.
    pub fn receive(&mut self, outcome: &Outcome, context: &Context) -> Reply {
        match self {
            Screen::Clients(s) => s.receive(outcome, context),
        }
    }

    /// Time passed (about twice a second): timers, autosave.
    pub fn tick(&mut self, _context: &Context) -> Reply {
        match self {
            Screen::Clients(_) => Reply::Done,
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
}
