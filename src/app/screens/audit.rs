//! The audit screen for leads and admins: the log newest first, narrowed as a filter is typed
//! (client, advisor or action), read a page at a time so a long log never holds up a key.
use std::collections::HashMap;
use std::sync::Arc;

use super::{Context, Reply};
use crate::app::action::Action;
use crate::app::audit_effects::AUDIT_STEP;
use crate::app::effect::{Effect, Outcome};
use crate::app::fuzzy::QUERY_MAX;
use crate::app::key::{Key, KeyCode};
use crate::app::keymap::Mode;
use crate::domain::ClientId;
use crate::i18n::{AuditText, Lang};
use crate::store::AuditEntry;

/// Entries read at a time: a few screenfuls.
pub const AUDIT_PAGE: usize = 200;
/// A live refresh reads again at most this many entries, to keep the selection in place.
const REFRESH_MAX: usize = AUDIT_PAGE * 10;
/// At most this many entries are looked at when the user asks for older ones (moving past the
/// last row), a bounded stretch (`AUDIT_STEP`) per step between frames, so keys keep answering.
pub const AUDIT_SCAN_OLDER: usize = 48_000;

/// One entry as shown, with the name of the client it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub entry: AuditEntry,
    /// `None` when the entry is about no client or the client is gone.
    pub client: Option<String>,
}

/// Every client's name as shown and folded for the filter, by id: read once when a filter is
/// first typed and kept while the filter changes, since reading 20,000 clients per key would not
/// keep up with typing.
pub type ClientNames = HashMap<ClientId, (String, String)>;

/// What one read of the log brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditData {
    /// The filter the rows answer.
    pub query: String,
    /// Where the read started: `None` for the newest, else below an entry already shown.
    pub before: Option<u64>,
    pub rows: Vec<AuditRow>,
    /// Where to read on, when older entries were left unread.
    pub older: Option<u64>,
    /// The names the filter used, to keep for the next keystroke.
    pub names: Option<Arc<ClientNames>>,
}

#[derive(Debug, Default)]
pub struct AuditScreen {
    query: String,
    /// The filter line has the keyboard; otherwise the list does.
    editing: bool,
    rows: Vec<AuditRow>,
    older: Option<u64>,
    /// The filter the rows answer, once they have come.
    answered: Option<String>,
    /// A read of older entries is on its way.
    reading_older: bool,
    /// A request for older entries going on in steps: where the next one starts.
    onward: Option<u64>,
    /// What the request for older entries may still look at, and the rows it has found.
    budget: usize,
    found: usize,
    selected: usize,
    offset: usize,
    /// The interface's language, from the session with the first rows.
    lang: Lang,
    /// The clients' names from the last filtered read; dropped when others write.
    names: Option<Arc<ClientNames>>,
}

impl AuditScreen {
    /// The newest entries for the filter as typed.
    pub fn load_effect(&self) -> Effect {
        Effect::LoadAudit {
            query: self.query.clone(),
            before: None,
            limit: AUDIT_PAGE,
            names: self.names.clone(),
        }
    }

    /// After others wrote (`clients_changed`: a client may have been added or renamed) or
    /// opened a client: the newest entries again, as many as are shown now.
    pub fn reload_effect(&self, clients_changed: bool) -> Effect {
        Effect::LoadAudit {
            query: self.query.clone(),
            before: None,
            limit: self.rows.len().clamp(AUDIT_PAGE, REFRESH_MAX),
            names: if clients_changed {
                None
            } else {
                self.names.clone()
            },
        }
    }

    pub fn mode(&self) -> Mode {
        if self.editing {
            Mode::Text
        } else {
            Mode::Normal
        }
    }

    pub fn receive(&mut self, outcome: &Outcome, context: &Context) -> Reply {
        let Outcome::Audit(data) = outcome else {
            return Reply::NotHere;
        };
        self.lang = context.lang;
        if data.names.is_some() {
            self.names = data.names.clone();
        }
        if data.query != self.query {
            return Reply::Done;
        }
        match data.before {
            None => {
                self.onward = None;
                let kept = self.selected().map(|row| row.entry.id);
                self.rows = data.rows.clone();
                self.selected = kept
                    .and_then(|id| self.rows.iter().position(|r| r.entry.id == id))
                    .unwrap_or(0);
            }
            Some(before) if Some(before) == self.older && self.reading_older => {
                self.rows.extend(data.rows.iter().cloned());
                self.found += data.rows.len();
                self.budget = self.budget.saturating_sub(AUDIT_STEP);
                self.onward = data
                    .older
                    .filter(|_| self.found < AUDIT_PAGE && self.budget > 0);
            }
            Some(_) => return Reply::Done,
        }
        self.older = data.older;
        self.reading_older = false;
        self.answered = Some(data.query.clone());
        // Placed, not moved: only the user's own move past the end reads on, so a filter that
        // matches rarely costs one bounded read per key, never the whole log.
        self.place(self.selected, context.page);
        Reply::Done
    }

    pub fn update(&mut self, action: Action, page: usize) -> Reply {
        match action {
            Action::Filter => {
                self.editing = true;
                Reply::Done
            }
            Action::Back | Action::MoveDown | Action::NextField if self.editing => {
                self.editing = false;
                Reply::Done
            }
            Action::Open if self.editing => {
                self.editing = false;
                Reply::Done
            }
            Action::MoveUp => self.select(self.selected.saturating_sub(1), page),
            Action::MoveDown => self.select(self.selected.saturating_add(1), page),
            Action::PageUp => self.select(self.selected.saturating_sub(page), page),
            Action::PageDown => self.select(self.selected.saturating_add(page), page),
            Action::Top => self.select(0, page),
            Action::Bottom => self.select(usize::MAX, page),
            Action::Open => match self.selected().and_then(|row| row.entry.client_id) {
                Some(id) => Reply::Effect(Effect::OpenClient { id, session: None }),
                None if self.rows.is_empty() => Reply::Done,
                None => Reply::Say(self.lang.t(AuditText::NoClient).into()),
            },
            _ => Reply::NotHere,
        }
    }

    /// Typing edits the filter and reads again; a printable key on the list goes to the filter.
    pub fn type_key(&mut self, key: Key, _page: usize) -> Reply {
        let before = self.query.clone();
        match (key.printable(), key.code, key.ctrl) {
            (Some(c), _, _) => {
                self.editing = true;
                if self.query.chars().count() < QUERY_MAX {
                    self.query.push(c);
                }
            }
            (None, KeyCode::Backspace, _) if self.editing => {
                self.query.pop();
            }
            (None, KeyCode::Char('u'), true) if self.editing => self.query.clear(),
            _ => return Reply::NotHere,
        }
        if self.query == before {
            return Reply::Done;
        }
        self.reading_older = false;
        self.onward = None;
        Reply::Effect(self.load_effect())
    }

    /// Moves the selection; reaching the last row read asks for the older entries below it.
    fn select(&mut self, index: usize, page: usize) -> Reply {
        self.place(index, page);
        let at_end = self.selected + 1 >= self.rows.len();
        match self.older {
            Some(before)
                if at_end
                    && !self.reading_older
                    && self.onward.is_none()
                    && self.answered.is_some() =>
            {
                self.budget = AUDIT_SCAN_OLDER;
                self.found = 0;
                Reply::Effect(self.read_on(before))
            }
            _ => Reply::Done,
        }
    }

    /// The next step of a request for older entries, when one is going on.
    pub fn resume(&mut self) -> Option<Effect> {
        let from = self.onward.take()?;
        Some(self.read_on(from))
    }

    /// Whether a request for older entries has steps left to take.
    pub fn has_work(&self) -> bool {
        self.onward.is_some()
    }

    fn read_on(&mut self, before: u64) -> Effect {
        self.reading_older = true;
        Effect::LoadAudit {
            query: self.query.clone(),
            before: Some(before),
            limit: AUDIT_PAGE - self.found,
            names: self.names.clone(),
        }
    }

    fn place(&mut self, index: usize, page: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
        self.offset = super::scroll::follow(self.offset, self.selected, page);
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn is_editing(&self) -> bool {
        self.editing
    }

    pub fn rows(&self) -> &[AuditRow] {
        &self.rows
    }

    /// Whether older entries than those shown are left to read.
    pub fn has_older(&self) -> bool {
        self.older.is_some()
    }

    /// Whether the rows shown answer the filter as typed now.
    pub fn is_current(&self) -> bool {
        self.answered.as_deref() == Some(self.query.as_str())
    }

    pub fn selected_index(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<&AuditRow> {
        self.rows.get(self.selected)
    }

    /// The first row to draw in a list `height` rows high so that the selection is on screen.
    pub fn first_visible(&self, height: usize) -> usize {
        super::scroll::first_visible(self.offset, self.selected, self.rows.len(), height)
    }
}
