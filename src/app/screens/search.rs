//! The Search screen: a query line that has the keyboard when the screen opens, searched as it
//! is typed, and the hits below it.
use super::{Context, Reply};
use crate::app::action::Action;
use crate::app::effect::{Effect, Outcome};
use crate::app::fuzzy::QUERY_MAX;
use crate::app::key::{Key, KeyCode};
use crate::app::keymap::Mode;
use crate::store::{Kind, SearchHit};

/// At most this many hits are read for one query.
pub const HITS_MAX: usize = 200;

#[derive(Debug)]
pub struct SearchScreen {
    query: String,
    /// The query line has the keyboard; otherwise the results do.
    editing: bool,
    hits: Vec<SearchHit>,
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
            answered: None,
            selected: 0,
            offset: 0,
        }
    }
}

impl SearchScreen {
    pub fn receive(&mut self, outcome: &Outcome, context: &Context) -> Reply {
        match outcome {
            Outcome::SearchResults { query, hits } if *query == self.query => {
                self.hits = hits.clone();
                self.answered = Some(query.clone());
                self.offset = 0;
                self.select(0, context.page)
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

    fn select(&mut self, index: usize, page: usize) -> Reply {
        self.selected = index.min(self.hits.len().saturating_sub(1));
        self.offset = super::scroll::follow(self.offset, self.selected, page);
        Reply::Done
    }

    /// Searches the query again, if there is one.
    pub fn search_effect(&self) -> Option<Effect> {
        (!self.query.trim().is_empty()).then(|| Effect::Search(self.query.clone()))
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
