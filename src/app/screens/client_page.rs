//! The client page: a header with the pinned note over five tabs — profile, sessions, progress,
//! next steps and ventures. It reloads in place on `Outcome::ClientReloaded` for its client.
use super::client_page_data::{ClientPageData, VentureRow};
use super::{Context, Reply};
use crate::app::action::Action;
use crate::app::effect::{Effect, Outcome};
use crate::app::key::{Key, KeyCode};
use crate::app::keymap::Mode;
use crate::domain::{ClientId, Session};
use crate::i18n::{Lang, PageText as T, ReportsScreenText as RT};
use crate::store::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageTab {
    Profile,
    Sessions,
    Progress,
    Steps,
    Ventures,
}

impl PageTab {
    pub const ALL: [PageTab; 5] = [
        PageTab::Profile,
        PageTab::Sessions,
        PageTab::Progress,
        PageTab::Steps,
        PageTab::Ventures,
    ];

    pub fn label(self) -> crate::i18n::PageText {
        use crate::i18n::PageText as T;
        match self {
            PageTab::Profile => T::Profile,
            PageTab::Sessions => T::Sessions,
            PageTab::Progress => T::Progress,
            PageTab::Steps => T::Steps,
            PageTab::Ventures => T::Ventures,
        }
    }

    fn index(self) -> usize {
        PageTab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn step(self, by: isize) -> PageTab {
        let count = PageTab::ALL.len() as isize;
        let next = (self.index() as isize + by).rem_euclid(count) as usize;
        PageTab::ALL.get(next).copied().unwrap_or(PageTab::Profile)
    }
}

#[derive(Debug)]
pub struct ClientPageScreen {
    data: ClientPageData,
    tab: PageTab,
    /// Per tab: the selected row (sessions, steps, ventures) or the scroll (profile, progress).
    selected: [usize; 5],
    /// Lines of the selected session's note scrolled past.
    note_scroll: usize,
    lang: Lang,
}

impl ClientPageScreen {
    /// The page on its profile, or on the sessions tab at the focused session when there is one.
    pub fn new(data: ClientPageData, lang: Lang) -> Self {
        let mut page = ClientPageScreen {
            data,
            tab: PageTab::Profile,
            selected: [0; 5],
            note_scroll: 0,
            lang,
        };
        page.focus();
        page
    }

    fn focus(&mut self) {
        let Some(id) = self.data.focus else { return };
        if let Some(index) = self.data.sessions.iter().position(|s| s.id == id) {
            self.tab = PageTab::Sessions;
            self.selected[PageTab::Sessions.index()] = index;
            self.note_scroll = 0;
        }
    }

    pub fn client_id(&self) -> ClientId {
        self.data.client.id
    }

    pub fn data(&self) -> &ClientPageData {
        &self.data
    }

    pub fn tab(&self) -> PageTab {
        self.tab
    }

    /// The selected row (or scroll) of `tab`.
    pub fn selected_in(&self, tab: PageTab) -> usize {
        self.selected[tab.index()]
    }

    pub fn note_scroll(&self) -> usize {
        self.note_scroll
    }

    pub fn selected_session(&self) -> Option<&Session> {
        self.data.sessions.get(self.selected_in(PageTab::Sessions))
    }

    pub fn mode(&self) -> Mode {
        Mode::Normal
    }

    pub fn receive(&mut self, outcome: &Outcome, _context: &Context) -> Reply {
        match outcome {
            Outcome::ClientReloaded(data) if data.client.id == self.client_id() => {
                self.data = data.as_ref().clone();
                self.focus();
                self.clamp();
                Reply::Effect(Effect::LoadClients)
            }
            Outcome::StepToggled(step) if step.client_id == self.client_id() => {
                Reply::Effect(Effect::ReloadClient(step.client_id))
            }
            _ => Reply::NotHere,
        }
    }

    pub fn update(&mut self, action: Action, page: usize) -> Reply {
        match action {
            Action::NextField => self.switch(self.tab.step(1)),
            Action::PrevField => self.switch(self.tab.step(-1)),
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::Top => self.move_by(isize::MIN),
            Action::Bottom => self.move_by(isize::MAX),
            Action::PageDown if self.tab == PageTab::Sessions => self.scroll_note(page as isize),
            Action::PageUp if self.tab == PageTab::Sessions => self.scroll_note(-(page as isize)),
            Action::PageDown => self.move_by(page as isize),
            Action::PageUp => self.move_by(-(page as isize)),
            Action::Tick => self.tick(),
            Action::Delete => self.delete(),
            Action::Call => Reply::Effect(Effect::StartCall(self.client_id())),
            Action::AddMilestone => {
                if self.tab != PageTab::Ventures {
                    return Reply::Say(self.lang.t(RT::MilestonesOnVentures).into());
                }
                let rows = self.data.venture_rows();
                match rows.get(self.selected_in(PageTab::Ventures)) {
                    Some(row) => Reply::Open(Box::new(super::Screen::Form(
                        super::FormScreen::new_milestone(row.venture()),
                    ))),
                    None => Reply::Say(self.lang.f(RT::VentureFirst, &[("key", &"a")])),
                }
            }
            Action::PrivacyExport => Reply::Effect(Effect::PrivacyExport(self.client_id())),
            Action::Erase => erase_reply(self.lang, self.client_id(), &self.data.client.name),
            Action::Add | Action::Edit => {
                let (tab, add) = (self.tab, action == Action::Add);
                let index = self.selected_in(tab);
                match super::FormScreen::from_page(tab, add, &self.data, index) {
                    Some(form) => Reply::Open(Box::new(super::Screen::Form(form))),
                    None => Reply::NotHere,
                }
            }
            _ => Reply::NotHere,
        }
    }

    /// Left and right (or h and l) switch tabs too, as no action claims them.
    pub fn type_key(&mut self, key: Key, _page: usize) -> Reply {
        if key.ctrl || key.alt {
            return Reply::NotHere;
        }
        match key.code {
            KeyCode::Right | KeyCode::Char('l') => self.switch(self.tab.step(1)),
            KeyCode::Left | KeyCode::Char('h') => self.switch(self.tab.step(-1)),
            _ => Reply::NotHere,
        }
    }

    fn switch(&mut self, tab: PageTab) -> Reply {
        self.tab = tab;
        Reply::Done
    }

    /// Rows the current tab can move over; for scrolled tabs a generous bound, as the drawing
    /// knows the real height and stops there.
    fn rows(&self) -> usize {
        match self.tab {
            PageTab::Profile | PageTab::Progress => 40,
            PageTab::Sessions => self.data.sessions.len(),
            PageTab::Steps => self.data.steps.len(),
            PageTab::Ventures => self.data.venture_rows().len(),
        }
    }

    fn move_by(&mut self, by: isize) -> Reply {
        let last = self.rows().saturating_sub(1);
        let slot = &mut self.selected[self.tab.index()];
        *slot = slot.saturating_add_signed(by).min(last);
        if self.tab == PageTab::Sessions {
            self.note_scroll = 0;
        }
        Reply::Done
    }

    fn scroll_note(&mut self, by: isize) -> Reply {
        // An upper bound of the wrapped lines at a narrow width; the drawing stops at the end.
        let bound = self.selected_session().map_or(0, |s| {
            s.notes
                .lines()
                .map(|l| 1 + crate::domain::text::width(l) / 30)
                .sum::<usize>()
        });
        self.note_scroll = self.note_scroll.saturating_add_signed(by).min(bound);
        Reply::Done
    }

    fn clamp(&mut self) {
        for tab in [PageTab::Sessions, PageTab::Steps, PageTab::Ventures] {
            let rows = match tab {
                PageTab::Sessions => self.data.sessions.len(),
                PageTab::Steps => self.data.steps.len(),
                _ => self.data.venture_rows().len(),
            };
            let slot = &mut self.selected[tab.index()];
            *slot = (*slot).min(rows.saturating_sub(1));
        }
    }

    fn tick(&mut self) -> Reply {
        // From another tab the tick key goes to the steps first: one key instead of three tabs.
        if self.tab != PageTab::Steps {
            return self.switch(PageTab::Steps);
        }
        match self.data.steps.get(self.selected_in(PageTab::Steps)) {
            Some(step) => Reply::Effect(Effect::ToggleStep(step.id)),
            None => Reply::Say(self.lang.t(T::NothingToTick).into()),
        }
    }

    fn delete(&mut self) -> Reply {
        let index = self.selected_in(self.tab);
        let lang = self.lang;
        let (kind, id, what) = match self.tab {
            PageTab::Sessions => match self.data.sessions.get(index) {
                Some(s) => (
                    Kind::Session,
                    s.id,
                    lang.f(
                        T::TheSession,
                        &[("date", &crate::i18n::date(lang, s.started_at.date_naive()))],
                    ),
                ),
                None => return Reply::Done,
            },
            PageTab::Steps => match self.data.steps.get(index) {
                Some(s) => (
                    Kind::NextStep,
                    s.id,
                    lang.f(T::TheStep, &[("text", &s.text)]),
                ),
                None => return Reply::Done,
            },
            PageTab::Ventures => match self.data.venture_rows().get(index) {
                Some(VentureRow::Venture(v)) => (
                    Kind::Venture,
                    v.id,
                    lang.f(T::TheVenture, &[("name", &v.name)]),
                ),
                Some(VentureRow::Milestone(v, m)) => (
                    Kind::Milestone,
                    m.id,
                    lang.f(
                        RT::TheMilestone,
                        &[
                            ("kind", &crate::i18n::value(lang, m.kind.as_str())),
                            ("name", &v.name),
                            ("date", &crate::i18n::date(lang, m.date)),
                        ],
                    ),
                ),
                None => return Reply::Done,
            },
            PageTab::Profile | PageTab::Progress => {
                return Reply::Say(lang.t(T::DeleteWhat).into());
            }
        };
        Reply::Confirm {
            question: lang.f(T::MoveToTrash, &[("what", &what)]),
            effect: Effect::Delete { kind, id },
        }
    }
}

/// The typed confirmation before a client is erased for good.
pub fn erase_reply(lang: Lang, id: ClientId, name: &str) -> Reply {
    Reply::ConfirmTyped {
        question: lang.f(crate::i18n::PrivacyText::EraseQuestion, &[("name", &name)]),
        expected: name.to_string(),
        effect: Effect::Erase(id),
    }
}

#[cfg(test)]
#[path = "client_page_tests.rs"]
mod tests;
