//! Switching between the top-level screens: the chosen one replaces the whole back-stack, over
//! the Clients screen, which is kept (with its filter and selection) so `Back` returns to it.
use chrono::NaiveDate;

use super::{AgendaScreen, AuditScreen, ClientsScreen, ReportsScreen, Screen, SearchScreen, Tab};
use crate::app::effect::Effect;
use crate::app::screens::Reply;

/// What a tab key leaves: the screen on show, the back-stack under it, and what to read.
pub struct Switched {
    pub screen: Screen,
    pub back: Vec<Screen>,
    pub effect: Option<Effect>,
}

/// Goes to `tab` from `current` with `back` under it. A tab already on show keeps its state and
/// reads again.
pub fn switch(tab: Tab, current: Screen, mut back: Vec<Screen>, today: NaiveDate) -> Switched {
    let bottom = (!back.is_empty()).then(|| back.swap_remove(0));
    let (clients, current) = match (bottom, current) {
        (Some(clients @ Screen::Clients(_)), current) => (clients, Some(current)),
        (_, clients @ Screen::Clients(_)) => (clients, None),
        (_, current) => (Screen::Clients(ClientsScreen::default()), Some(current)),
    };
    match tab {
        Tab::Clients => Switched {
            screen: clients,
            back: Vec::new(),
            effect: Some(Effect::LoadClients),
        },
        Tab::Agenda => {
            let agenda = match current {
                Some(Screen::Agenda(agenda)) => agenda,
                _ => AgendaScreen::default(),
            };
            Switched {
                effect: Some(agenda.load_effect()),
                screen: Screen::Agenda(agenda),
                back: vec![clients],
            }
        }
        Tab::Reports => {
            let reports = match current {
                Some(Screen::Reports(reports)) => reports,
                _ => ReportsScreen::new(today),
            };
            let effect = match reports.load_effect() {
                Reply::Effect(effect) => Some(effect),
                _ => None,
            };
            Switched {
                effect,
                screen: Screen::Reports(reports),
                back: vec![clients],
            }
        }
        Tab::Audit => {
            let audit = match current {
                Some(Screen::Audit(audit)) => audit,
                _ => AuditScreen::default(),
            };
            Switched {
                effect: Some(audit.load_effect()),
                screen: Screen::Audit(audit),
                back: vec![clients],
            }
        }
        Tab::Search => {
            let mut search = match current {
                Some(Screen::Search(search)) => search,
                _ => SearchScreen::default(),
            };
            search.focus_query();
            Switched {
                effect: search.search_effect(),
                screen: Screen::Search(search),
                back: vec![clients],
            }
        }
    }
}
