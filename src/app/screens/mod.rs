//! One state struct per screen, dispatched by `match`. A new screen is a variant here, a file
//! beside this one, and its drawing twin in `ui/`.
pub mod client_rows;
pub mod clients;

use super::action::Action;
use super::effect::Effect;
use super::key::Key;
use super::keymap::Mode;
pub use clients::ClientsScreen;

#[derive(Debug)]
pub enum Screen {
    Clients(ClientsScreen),
}

/// What a screen made of an action or a key.
#[derive(Debug, PartialEq)]
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
}
