//! The popups over the screen: the help overlay, a yes/no question, and the typed confirmation
//! asked before what cannot be undone.
use super::action::Action;
use super::app::{App, Status};
use super::effect::Effect;
use super::key::{Key, KeyCode};
use crate::domain::text::fold;

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

impl App {
    pub(super) fn update_popup(&mut self, action: Action) -> Option<Effect> {
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
    pub(super) fn type_confirmation(&mut self, key: Key) -> Option<Effect> {
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

    pub(super) fn answer(&mut self, yes: bool) -> Option<Effect> {
        match self.popups.pop() {
            Some(Popup::Confirm { effect, .. }) if yes => Some(effect),
            _ => None,
        }
    }
}
