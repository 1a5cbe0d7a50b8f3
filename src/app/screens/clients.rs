//! The Clients screen: the list with its filter line, the selection, and the preview.
use super::Context;
use crate::app::Outcome;
use chrono::NaiveDate;

use super::Reply;
use super::client_rows::{ClientRows, Filters, Sort};
use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::fuzzy::QUERY_MAX;
use crate::app::key::{Key, KeyCode};
use crate::app::keymap::Mode;
use crate::domain::{Client, ClientId};
use crate::store::{ClientSummary, Kind};

#[derive(Debug, Default)]
pub struct ClientsScreen {
    rows: ClientRows,
    loaded: bool,
    /// Row positions shown, in order.
    visible: Vec<u32>,
    selected: usize,
    /// The first visible row the last time the selection moved.
    offset: usize,
    filter: String,
    editing: bool,
    sort: Sort,
    filters: Filters,
    preview: Option<Client>,
    /// The client whose record was last asked for, so it is asked for once.
    requested: Option<ClientId>,
    lang: crate::i18n::Lang,
}

impl ClientsScreen {
    /// Takes a freshly read list, keeping the selected client selected when it is still shown.
    pub fn load(
        &mut self,
        summaries: Vec<ClientSummary>,
        actor: &str,
        today: NaiveDate,
        page: usize,
    ) -> Reply {
        let kept = self.selected_id();
        let sector = self.sector_filter().map(str::to_string);
        self.rows = ClientRows::new(summaries, actor, today);
        self.filters.sector = sector.and_then(|s| self.rows.sectors().iter().position(|x| *x == s));
        self.loaded = true;
        self.requested = None;
        self.refresh(kept, page)
    }

    pub fn receive(&mut self, outcome: &Outcome, context: &Context) -> Reply {
        match outcome {
            Outcome::Clients(list) => {
                self.lang = context.lang;
                self.load(list.clone(), &context.actor, context.today, context.page)
            }
            Outcome::Preview(client) => {
                self.set_preview(client.as_deref().cloned());
                Reply::Done
            }
            _ => Reply::NotHere,
        }
    }

    pub fn set_preview(&mut self, client: Option<Client>) {
        self.preview = client;
    }

    pub fn mode(&self) -> Mode {
        if self.editing {
            Mode::Text
        } else {
            Mode::Normal
        }
    }

    pub fn update(&mut self, action: Action, page: usize) -> Reply {
        match action {
            Action::Filter => {
                self.editing = true;
                Reply::Done
            }
            Action::Back if self.editing => {
                self.editing = false;
                Reply::Done
            }
            Action::Back if !self.filter.is_empty() => {
                self.filter.clear();
                self.refresh(self.selected_id(), page)
            }
            Action::Open => {
                self.editing = false;
                match self.selected() {
                    Some(c) => Reply::Effect(Effect::OpenClient {
                        id: c.id,
                        session: None,
                    }),
                    None => Reply::Done,
                }
            }
            Action::Call => match self.selected() {
                Some(c) => Reply::Effect(Effect::StartCall(c.id)),
                None => Reply::Done,
            },
            Action::MoveUp => self.select(self.selected.saturating_sub(1), page),
            Action::MoveDown => self.select(self.selected.saturating_add(1), page),
            Action::PageUp => self.select(self.selected.saturating_sub(page), page),
            Action::PageDown => self.select(self.selected.saturating_add(page), page),
            Action::Top => self.select(0, page),
            Action::Bottom => self.select(usize::MAX, page),
            Action::ToggleMine => {
                self.filters.mine_only = !self.filters.mine_only;
                self.refresh(self.selected_id(), page)
            }
            Action::CycleStatusFilter => {
                self.filters.status = Filters::next_status(self.filters.status);
                self.refresh(self.selected_id(), page)
            }
            Action::CycleSectorFilter => {
                let count = self.rows.sectors().len();
                self.filters.sector = Filters::next_sector(self.filters.sector, count);
                self.refresh(self.selected_id(), page)
            }
            Action::ToggleDueFilter => {
                self.filters.due_only = !self.filters.due_only;
                self.refresh(self.selected_id(), page)
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.refresh(self.selected_id(), page)
            }
            Action::Add => {
                let all = (0..self.rows.len() as u32).filter_map(|i| self.rows.get(i));
                let form = super::FormScreen::new_client(all);
                Reply::Open(Box::new(super::Screen::Form(form)))
            }
            Action::Edit => match self.selected() {
                Some(c) => Reply::Effect(Effect::EditClient(c.id)),
                None => Reply::Done,
            },
            Action::Delete => match self.selected() {
                Some(c) => Reply::Confirm {
                    question: self
                        .lang
                        .f(crate::i18n::ClientsText::DeleteClient, &[("name", &c.name)]),
                    effect: Effect::Delete {
                        kind: Kind::Client,
                        id: c.id,
                    },
                },
                None => Reply::Done,
            },
            _ => Reply::NotHere,
        }
    }

    /// A key that no action claimed: it edits the filter while the filter has the keyboard.
    pub fn type_key(&mut self, key: Key, page: usize) -> Reply {
        if !self.editing {
            return Reply::NotHere;
        }
        match (key.printable(), key.code, key.ctrl) {
            (Some(c), _, _) if self.filter.chars().count() < QUERY_MAX => self.filter.push(c),
            (Some(_), _, _) => return Reply::Done,
            (None, KeyCode::Backspace, _) => {
                self.filter.pop();
            }
            (None, KeyCode::Char('u'), true) => self.filter.clear(),
            (None, KeyCode::Char('w'), true) => {
                let kept = self.filter.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.filter.truncate(kept);
            }
            _ => return Reply::NotHere,
        }
        self.refresh(None, page)
    }

    fn select(&mut self, index: usize, page: usize) -> Reply {
        self.selected = index.min(self.visible.len().saturating_sub(1));
        self.offset = super::scroll::follow(self.offset, self.selected, page);
        self.preview_reply()
    }

    /// Recomputes the visible rows; the selection stays on the `kept` client (or its place when it
    /// is gone), or without one goes to the top: the best match.
    fn refresh(&mut self, kept: Option<ClientId>, page: usize) -> Reply {
        self.visible = self.rows.view(&self.filter, self.filters, self.sort);
        let index = match kept {
            Some(id) => self
                .visible
                .iter()
                .position(|&i| self.rows.get(i).is_some_and(|c| c.id == id)),
            None => {
                self.offset = 0;
                Some(0)
            }
        };
        self.select(index.unwrap_or(self.selected), page)
    }

    fn selected_id(&self) -> Option<ClientId> {
        self.selected().map(|c| c.id)
    }

    fn preview_reply(&mut self) -> Reply {
        match self.selected_id() {
            Some(id) if self.requested != Some(id) => {
                self.requested = Some(id);
                Reply::Effect(Effect::LoadPreview(id))
            }
            _ => Reply::Done,
        }
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn is_editing(&self) -> bool {
        self.editing
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    pub fn filters(&self) -> Filters {
        self.filters
    }

    /// The sector the list is narrowed to, if any.
    pub fn sector_filter(&self) -> Option<&str> {
        self.filters
            .sector
            .and_then(|i| self.rows.sectors().get(i))
            .map(String::as_str)
    }

    /// How many clients are shown, and how many there are.
    pub fn counts(&self) -> (usize, usize) {
        (self.visible.len(), self.rows.len())
    }

    pub fn selected_index(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<&ClientSummary> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.rows.get(i))
    }

    /// The full record of the selected client, once it has been read.
    pub fn preview(&self) -> Option<&Client> {
        let id = self.selected()?.id;
        self.preview.as_ref().filter(|c| c.id == id)
    }

    /// The first row to draw in a list `height` rows high so that the selection is on screen.
    pub fn first_visible(&self, height: usize) -> usize {
        super::scroll::first_visible(self.offset, self.selected, self.visible.len(), height)
    }

    /// Up to `count` shown clients from position `start`.
    pub fn shown(&self, start: usize, count: usize) -> impl Iterator<Item = &ClientSummary> {
        self.visible
            .iter()
            .skip(start)
            .take(count)
            .filter_map(|&i| self.rows.get(i))
    }
}
