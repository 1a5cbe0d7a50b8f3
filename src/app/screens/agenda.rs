//! The Agenda screen: one list across sections (overdue, today, this week, owe a call, dormant),
//! headings not selectable; ticks steps, opens clients, starts calls.
use super::{Context, Reply};
use crate::agenda::{AgendaData, AgendaStep, QuietClient};
use crate::app::action::Action;
use crate::app::effect::{Effect, Outcome};
use crate::app::key::Key;
use crate::app::keymap::Mode;
use crate::domain::ClientId;
use crate::privacy::PastRetention;

/// Days after today that count as "this week".
pub const WEEK_DAYS: u32 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overdue,
    Today,
    ThisWeek,
    OweACall,
    Dormant,
    PastRetention,
}

impl Section {
    /// The heading; the dormant one names the configured number of days.
    pub fn title(self) -> crate::i18n::AgendaText {
        use crate::i18n::AgendaText as T;
        match self {
            Section::Overdue => T::Overdue,
            Section::Today => T::Today,
            Section::ThisWeek => T::ThisWeek,
            Section::OweACall => T::OweACall,
            Section::Dormant => T::Dormant,
            Section::PastRetention => T::PastRetention,
        }
    }
}

/// One line of the agenda list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaLine {
    Heading { section: Section, count: usize },
    Step { section: Section, step: AgendaStep },
    Quiet(QuietClient),
    PastRetention(PastRetention),
}

impl AgendaLine {
    fn client_id(&self) -> Option<ClientId> {
        match self {
            AgendaLine::Heading { .. } => None,
            AgendaLine::Step { step, .. } => Some(step.client_id),
            AgendaLine::Quiet(q) => Some(q.client_id),
            AgendaLine::PastRetention(p) => Some(p.client_id),
        }
    }
}

#[derive(Debug)]
pub struct AgendaScreen {
    mine: bool,
    loaded: bool,
    lines: Vec<AgendaLine>,
    /// Positions in `lines` that can be selected, in order.
    selectable: Vec<usize>,
    /// Index into `selectable`.
    selected: usize,
    /// The first visible line the last time the selection moved.
    offset: usize,
    lang: crate::i18n::Lang,
}

impl Default for AgendaScreen {
    fn default() -> Self {
        AgendaScreen {
            mine: true,
            loaded: false,
            lines: Vec::new(),
            selectable: Vec::new(),
            selected: 0,
            offset: 0,
            lang: crate::i18n::Lang::En,
        }
    }
}

fn section_lines(lines: &mut Vec<AgendaLine>, section: Section, steps: &[AgendaStep]) {
    lines.push(AgendaLine::Heading {
        section,
        count: steps.len(),
    });
    lines.extend(steps.iter().map(|step| AgendaLine::Step {
        section,
        step: step.clone(),
    }));
}

impl AgendaScreen {
    /// What to read for this screen.
    pub fn load_effect(&self) -> Effect {
        Effect::LoadAgenda { mine: self.mine }
    }

    pub fn receive(&mut self, outcome: &Outcome, context: &Context) -> Reply {
        match outcome {
            Outcome::Agenda(data) => {
                self.lang = context.lang;
                self.load(data, context.page);
                Reply::Done
            }
            Outcome::StepToggled(_) => Reply::Effect(self.load_effect()),
            _ => Reply::NotHere,
        }
    }

    fn load(&mut self, data: &AgendaData, page: usize) {
        let mut lines = Vec::new();
        section_lines(&mut lines, Section::Overdue, &data.overdue);
        section_lines(&mut lines, Section::Today, &data.due_today);
        section_lines(&mut lines, Section::ThisWeek, &data.upcoming);
        section_lines(&mut lines, Section::OweACall, &data.owe_a_call);
        lines.push(AgendaLine::Heading {
            section: Section::Dormant,
            count: data.dormant.len(),
        });
        lines.extend(data.dormant.iter().cloned().map(AgendaLine::Quiet));
        lines.push(AgendaLine::Heading {
            section: Section::PastRetention,
            count: data.past_retention.len(),
        });
        lines.extend(
            data.past_retention
                .iter()
                .cloned()
                .map(AgendaLine::PastRetention),
        );
        self.selectable = (0..lines.len())
            .filter(|&i| !matches!(lines[i], AgendaLine::Heading { .. }))
            .collect();
        self.lines = lines;
        self.loaded = true;
        self.select(self.selected, page);
    }

    pub fn mode(&self) -> Mode {
        Mode::Normal
    }

    pub fn update(&mut self, action: Action, page: usize) -> Reply {
        match action {
            Action::MoveUp => self.select(self.selected.saturating_sub(1), page),
            Action::MoveDown => self.select(self.selected.saturating_add(1), page),
            Action::PageUp => self.select(self.selected.saturating_sub(page), page),
            Action::PageDown => self.select(self.selected.saturating_add(page), page),
            Action::Top => self.select(0, page),
            Action::Bottom => self.select(usize::MAX, page),
            Action::ToggleMine => {
                self.mine = !self.mine;
                self.selected = 0;
                self.offset = 0;
                Reply::Effect(self.load_effect())
            }
            Action::Tick => match self.selected_line() {
                Some(AgendaLine::Step { step, .. }) if step.id != 0 => {
                    Reply::Effect(Effect::ToggleStep(step.id))
                }
                Some(_) => Reply::Say(self.lang.t(crate::i18n::AgendaText::OnlySteps).into()),
                None => Reply::Done,
            },
            Action::Open => match self.selected_client() {
                Some(id) => Reply::Effect(Effect::OpenClient { id, session: None }),
                None => Reply::Done,
            },
            Action::Erase => match self.selected_line() {
                Some(AgendaLine::PastRetention(p)) => {
                    super::client_page::erase_reply(self.lang, p.client_id, &p.client)
                }
                Some(_) => Reply::Say(self.lang.t(crate::i18n::PrivacyText::EraseWhere).into()),
                None => Reply::Done,
            },
            Action::Call => match self.selected_client() {
                Some(id) => Reply::Effect(Effect::StartCall(id)),
                None => Reply::Done,
            },
            _ => Reply::NotHere,
        }
    }

    pub fn type_key(&mut self, _key: Key, _page: usize) -> Reply {
        Reply::NotHere
    }

    fn select(&mut self, index: usize, page: usize) -> Reply {
        self.selected = index.min(self.selectable.len().saturating_sub(1));
        let line = self.selected_position();
        // One line above the selection stays in view going up: the section's heading.
        let lowest = (line + 1).saturating_sub(page.max(1));
        let highest = line.saturating_sub(1).max(lowest);
        self.offset = self.offset.clamp(lowest, highest);
        Reply::Done
    }

    fn selected_position(&self) -> usize {
        self.selectable.get(self.selected).copied().unwrap_or(0)
    }

    pub fn selected_line(&self) -> Option<&AgendaLine> {
        self.lines.get(*self.selectable.get(self.selected)?)
    }

    fn selected_client(&self) -> Option<ClientId> {
        self.selected_line().and_then(AgendaLine::client_id)
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    pub fn is_mine(&self) -> bool {
        self.mine
    }

    pub fn lines(&self) -> &[AgendaLine] {
        &self.lines
    }

    /// The line position of the selection, if anything can be selected.
    pub fn selected_line_index(&self) -> Option<usize> {
        self.selectable.get(self.selected).copied()
    }

    /// The first line to draw in a list `height` lines high so that the selection is on screen.
    pub fn first_visible(&self, height: usize) -> usize {
        let line = self.selected_position();
        super::scroll::first_visible(self.offset, line, self.lines.len(), height)
    }
}
