//! The state machine of the TUI, with no terminal: a key becomes an `Action` through the
//! `KeyMap`, `App::update` changes state and may return an `Effect`, the loop performs the effect
//! with `run_effects` and feeds the outcome back, and `ui::draw` renders from `&App` alone.
pub mod action;
#[allow(
    clippy::module_inception,
    reason = "ARCHITECTURE.md names the file app/app.rs"
)]
mod app;
mod audit_effects;
mod call_save;
pub mod effect;
mod form_save;
pub mod fuzzy;
mod guard;
pub mod key;
pub mod keymap;
mod live;
mod outcomes;
mod popups;
mod privacy_effects;
mod report_effects;
mod screen_stack;
pub mod screens;

#[cfg(test)]
mod audit_tests;
#[cfg(test)]
mod call_tests;
#[cfg(test)]
mod tests;

pub use action::Action;
pub use app::{App, Settings, Status};
pub use effect::{Effect, Outcome, allowed, back_up, run_effects};
pub use key::{Key, KeyCode};
pub use keymap::{KeyMap, Mode};
pub use popups::Popup;
pub use screens::Screen;
