//! The Search screen: a query line that has the keyboard when the screen opens, searched as it
//! is typed, and the hits below it.
use super::{Context, Reply};
use crate::app::action::Action;
use crate::app::effect::{Effect, Outcome};
use crate::app::fuzzy::QUERY_MAX;
use crate::app::key::{Key, KeyCode};
use crate::app::keymap::Mode;
use crate::store::{Kind, SearchHit};

/// Hits read for a query as it is typed: a screenful or two, so a keystroke stays quick.
pub const HITS_FIRST: usize = 50;
/// Moving past the last hit read asks for twice as many, up to this many.
pub const HITS_MAX: usize = 1000;

#[derive(Debug)]
pub struct SearchScreen {
    query: String,
    /// The query line has the keyboard; otherwise the results do.
    editing: bool,
    hits: Vec<SearchHit>,
    /// Whether the query matches more than the hits read.
    more: bool,
    /// How many records match in all, when that is known.
    total: Option<usize>,
    /// How many hits were last asked for.
    asked: usize,
    /// The query the hits are for, once they have come.
    answered: Option<String>,
    selected: usize,
    offset: usize,
}

impl Default for SearchScreen {
    fn default() -> Self {
        SearchScreen {
            query: String::new(),
            editing: true,
            hits: Vec::new(),
            more: false,
            total: None,
            asked: HITS_FIRST,
            answered: None,
            selected: 0,
            offset: 0,
        }
    }
}

impl SearchScreen {
    pub fn receive(&mut self, outcome: &Outcome, context: &Context) -> Reply {
        match outcome {
            Outcome::SearchResults { query, found } if *query == self.query => {
                // More hits of the query on show keep the place; a new query starts at the top.
                if !self.is_current() {
                    self.selected = 0;
                    self.offset = 0;
                }
                self.hits = found.hits.clone();
                self.more = found.more;
                self.total = found.total;
                self.answered = Some(query.clone());
                self.select(self.selected, context.page)
            }
            Outcome::SearchResults { .. } => Reply::Done,
            _ => Reply::NotHere,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.editing {
            Mode::Text
        } else {
            Mode::Normal
        }
    }

    /// Back to the query line, to type.
    pub fn focus_query(&mut self) {
        self.editing = true;
    }

    pub fn update(&mut self, action: Action, page: usize) -> Reply {
        match action {
            Action::Filter => {
                self.editing = true;
                Reply::Done
            }
            Action::Back if self.editing && !self.hits.is_empty() => {
                self.editing = false;
                Reply::Done
            }
            Action::MoveDown | Action::NextField if self.editing => {
                if !self.hits.is_empty() {
                    self.editing = false;
                }
                self.select(0, page)
            }
            Action::MoveUp if !self.editing && self.selected == 0 => {
                self.editing = true;
                Reply::Done
            }
            Action::MoveUp => self.select(self.selected.saturating_sub(1), page),
            Action::MoveDown => self.select(self.selected.saturating_add(1), page),
            Action::PageUp => self.select(self.selected.saturating_sub(page), page),
            Action::PageDown => self.select(self.selected.saturating_add(page), page),
            Action::Top if !self.editing => self.select(0, page),
            Action::Bottom if !self.editing => self.select(usize::MAX, page),
            Action::Open => match self.selected() {
                Some(hit) => Reply::Effect(Effect::OpenClient {
                    id: hit.client_id,
                    session: (hit.kind == Kind::Session).then_some(hit.id),
                }),
                None => Reply::Done,
            },
            Action::Call if !self.editing => match self.selected() {
                Some(hit) => Reply::Effect(Effect::StartCall(hit.client_id)),
                None => Reply::Done,
            },
            _ => Reply::NotHere,
        }
    }

    /// Typing edits the query and searches again; a printable key on the results goes back to
    /// the query line and types there.
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
            (None, KeyCode::Char('w'), true) if self.editing => {
                let kept = self.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.query.truncate(kept);
            }
            _ => return Reply::NotHere,
        }
        if self.query == before {
            return Reply::Done;
        }
        self.asked = HITS_FIRST;
        match self.search_effect() {
            Some(effect) => Reply::Effect(effect),
            None => {
                self.hits.clear();
                self.answered = None;
                self.selected = 0;
                self.offset = 0;
                Reply::Done
            }
        }
    }

    /// Selects hit `index`; moving onto the last hit read asks for more, if there are more.
    fn select(&mut self, index: usize, page: usize) -> Reply {
        let last = self.hits.len().saturating_sub(1);
        self.selected = index.min(last);
        self.offset = super::scroll::follow(self.offset, self.selected, page);
        let read_on = index >= last && self.more && self.asked == self.hits.len();
        if read_on && self.asked < HITS_MAX && self.is_current() {
            self.asked = (self.asked * 2).min(HITS_MAX);
            return Reply::Effect(self.search(self.asked));
        }
        Reply::Done
    }

    fn search(&self, limit: usize) -> Effect {
        Effect::Search {
            query: self.query.clone(),
            limit,
        }
    }

    /// Searches the query again, if there is one: as many hits as were asked for.
    pub fn search_effect(&self) -> Option<Effect> {
        (!self.query.trim().is_empty()).then(|| self.search(self.asked))
    }

    /// Whether the query matches more than the hits read.
    pub fn has_more(&self) -> bool {
        self.more
    }

    /// How many records match in all, when that is known.
    pub fn total(&self) -> Option<usize> {
        self.total
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn is_editing(&self) -> bool {
        self.editing
    }

    pub fn hits(&self) -> &[SearchHit] {
        &self.hits
    }

    /// Whether the hits shown answer the query as typed now.
    pub fn is_current(&self) -> bool {
        self.answered.as_deref() == Some(self.query.as_str())
    }

    pub fn selected_index(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<&SearchHit> {
        self.hits.get(self.selected)
    }

    /// The first hit to draw in a list `height` rows high so that the selection is on screen.
    pub fn first_visible(&self, height: usize) -> usize {
        super::scroll::first_visible(self.offset, self.selected, self.hits.len(), height)
    }
}
