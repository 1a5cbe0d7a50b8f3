//! The fields of call mode other than the note: channel, minutes, motivation, topics,
//! competence, ticked open steps and new next steps — with the keys each field takes.
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::due_parse::parse_due_in;
use crate::app::key::{Key, KeyCode};
use crate::domain::session::MINUTES_MAX;
use crate::domain::{Channel, NextStepId, Owner, PendingStep};
use crate::i18n::{CallText, Lang};

/// Where the keyboard is, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Notes,
    Channel,
    Minutes,
    Motivation,
    Topics,
    Competence,
    OpenSteps,
    StepText,
    StepDue,
}

impl Focus {
    const ORDER: [Focus; 9] = [
        Focus::Notes,
        Focus::Channel,
        Focus::Minutes,
        Focus::Motivation,
        Focus::Topics,
        Focus::Competence,
        Focus::OpenSteps,
        Focus::StepText,
        Focus::StepDue,
    ];

    /// The next (or previous) field, skipping `OpenSteps` when there are none.
    pub fn step(self, forward: bool, has_open_steps: bool) -> Focus {
        let n = Focus::ORDER.len();
        let mut at = Focus::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        loop {
            at = if forward {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            let next = Focus::ORDER[at];
            if next != Focus::OpenSteps || has_open_steps {
                return next;
            }
        }
    }

    pub fn types_text(self) -> bool {
        matches!(
            self,
            Focus::Notes | Focus::Minutes | Focus::StepText | Focus::StepDue
        )
    }
}

/// What the configuration offers in call mode.
#[derive(Debug, Clone, PartialEq)]
pub struct CallChoices {
    pub topics: Vec<String>,
    pub areas: Vec<String>,
    pub motivation_labels: [String; 5],
}

/// The next step being typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepInput {
    pub text: String,
    pub due: String,
    pub owner: Owner,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallFields {
    pub channel: Channel,
    /// Minutes typed over the timer; empty while the timer fills the duration.
    pub minutes: String,
    pub motivation: Option<u8>,
    pub topics: BTreeSet<String>,
    pub topic_cursor: usize,
    pub competence: BTreeMap<String, u8>,
    pub area_cursor: usize,
    pub open_cursor: usize,
    pub ticked: BTreeSet<NextStepId>,
    pub new_steps: Vec<PendingStep>,
    pub step: StepInput,
    /// The language of the messages about what was typed.
    pub lang: Lang,
}

/// Longest text typed into a one-line field.
const LINE_MAX: usize = 500;

impl CallFields {
    /// A key typed while `focus` has the keyboard; true when something changed.
    pub fn type_key(
        &mut self,
        focus: Focus,
        key: Key,
        choices: &CallChoices,
        open: &[NextStepId],
    ) -> bool {
        let typed = key.printable();
        match focus {
            Focus::Notes => false,
            Focus::Channel => match (typed, key.code) {
                (Some(' '), _) | (None, KeyCode::Right) => self.cycle_channel(true),
                (None, KeyCode::Left) => self.cycle_channel(false),
                _ => false,
            },
            Focus::Minutes => match (typed, key.code) {
                (Some(c), _) if c.is_ascii_digit() && self.minutes.len() < 4 => {
                    self.minutes.push(c);
                    true
                }
                (None, KeyCode::Backspace) => self.minutes.pop().is_some(),
                _ => false,
            },
            Focus::Motivation => match (typed, key.code) {
                (Some(c @ '1'..='5'), _) => self.set_motivation(c as u8 - b'0'),
                (Some('0'), _) | (None, KeyCode::Backspace) => self.motivation.take().is_some(),
                (None, KeyCode::Right) => {
                    self.set_motivation(self.motivation.map_or(3, |m| (m + 1).min(5)))
                }
                (None, KeyCode::Left) => {
                    self.set_motivation(self.motivation.map_or(3, |m| m.saturating_sub(1).max(1)))
                }
                _ => false,
            },
            Focus::Topics => match typed {
                Some(' ' | 'x') => self.toggle_topic(choices),
                _ => false,
            },
            Focus::Competence => {
                let Some(area) = choices.areas.get(self.area_cursor) else {
                    return false;
                };
                match (typed, key.code) {
                    (Some(c @ '1'..='5'), _) => {
                        self.competence.insert(area.clone(), c as u8 - b'0');
                        true
                    }
                    (Some('0'), _) | (None, KeyCode::Backspace) => {
                        self.competence.remove(area).is_some()
                    }
                    _ => false,
                }
            }
            Focus::OpenSteps => match typed {
                Some(' ' | 'x') => self.toggle_open(open),
                _ => false,
            },
            Focus::StepText => edit_line(&mut self.step.text, key) || self.take_back_step(key),
            Focus::StepDue => edit_line(&mut self.step.due, key),
        }
    }

    /// Enter, or up and down, on a field: true when something changed.
    pub fn choose(&mut self, focus: Focus, choices: &CallChoices, open: &[NextStepId]) -> bool {
        match focus {
            Focus::Topics => self.toggle_topic(choices),
            Focus::OpenSteps => self.toggle_open(open),
            Focus::Channel => self.cycle_channel(true),
            _ => false,
        }
    }

    /// Moves the cursor of the list field by `by` rows.
    pub fn move_cursor(&mut self, focus: Focus, by: isize, choices: &CallChoices, open: usize) {
        let (cursor, len) = match focus {
            Focus::Topics => (&mut self.topic_cursor, choices.topics.len()),
            Focus::Competence => (&mut self.area_cursor, choices.areas.len()),
            Focus::OpenSteps => (&mut self.open_cursor, open),
            _ => return,
        };
        *cursor = cursor.saturating_add_signed(by).min(len.saturating_sub(1));
    }

    pub fn toggle_owner(&mut self) {
        self.step.owner = match self.step.owner {
            Owner::Client => Owner::Advisor,
            Owner::Advisor => Owner::Client,
        };
    }

    pub fn set_motivation(&mut self, value: u8) -> bool {
        let changed = self.motivation != Some(value);
        self.motivation = Some(value);
        changed
    }

    /// The step being typed, added to the new steps; an error when it cannot be.
    pub fn add_step(&mut self, today: NaiveDate) -> Result<bool, String> {
        match self.typed_step(today)? {
            Some(step) => {
                self.new_steps.push(step);
                self.step = StepInput {
                    owner: self.step.owner,
                    ..StepInput::default()
                };
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The step being typed as a pending step; `None` while nothing is typed.
    pub fn typed_step(&self, today: NaiveDate) -> Result<Option<PendingStep>, String> {
        let text = self.step.text.trim();
        let due = self.step.due.trim();
        if text.is_empty() && due.is_empty() {
            return Ok(None);
        }
        let due = if due.is_empty() {
            None
        } else {
            Some(parse_due_in(self.lang, due, today)?)
        };
        if text.is_empty() {
            return Err(self.lang.t(CallText::StepNeedsText).into());
        }
        Ok(Some(PendingStep {
            text: text.to_string(),
            owner: self.step.owner,
            due,
        }))
    }

    /// The message for the due field as typed, shown beside it.
    pub fn due_error(&self, today: NaiveDate) -> Option<String> {
        let due = self.step.due.trim();
        (!due.is_empty())
            .then(|| parse_due_in(self.lang, due, today).err())
            .flatten()
    }

    /// The minutes to save: what was typed, or else the timer rounded up.
    pub fn minutes(&self, elapsed_seconds: i64) -> Result<u32, String> {
        if self.minutes.is_empty() {
            let minutes = (elapsed_seconds.max(0) + 59) / 60;
            return Ok(u32::try_from(minutes.clamp(1, i64::from(MINUTES_MAX))).unwrap_or(1));
        }
        self.minutes
            .parse::<u32>()
            .ok()
            .filter(|m| *m <= MINUTES_MAX)
            .ok_or_else(|| {
                self.lang.f(
                    CallText::MinutesTooLong,
                    &[("text", &self.minutes), ("max", &MINUTES_MAX)],
                )
            })
    }

    fn cycle_channel(&mut self, forward: bool) -> bool {
        let all = Channel::ALL;
        let at = all.iter().position(|c| *c == self.channel).unwrap_or(0);
        let next = if forward { at + 1 } else { at + all.len() - 1 };
        self.channel = all[next % all.len()];
        true
    }

    fn toggle_topic(&mut self, choices: &CallChoices) -> bool {
        let Some(topic) = choices.topics.get(self.topic_cursor) else {
            return false;
        };
        if !self.topics.remove(topic) {
            self.topics.insert(topic.clone());
        }
        true
    }

    fn toggle_open(&mut self, open: &[NextStepId]) -> bool {
        let Some(id) = open.get(self.open_cursor) else {
            return false;
        };
        if !self.ticked.remove(id) {
            self.ticked.insert(*id);
        }
        true
    }

    /// Backspace on an empty step line takes back the step added last, to fix it.
    fn take_back_step(&mut self, key: Key) -> bool {
        if key.code != KeyCode::Backspace || !self.step.text.is_empty() {
            return false;
        }
        match self.new_steps.pop() {
            Some(step) => {
                self.step = StepInput {
                    text: step.text,
                    due: step.due.map(|d| d.to_string()).unwrap_or_default(),
                    owner: step.owner,
                };
                true
            }
            None => false,
        }
    }
}

/// Typing into a one-line field: characters, Backspace, Ctrl-u clears, Ctrl-w drops a word.
fn edit_line(line: &mut String, key: Key) -> bool {
    match (key.printable(), key.code, key.ctrl) {
        (Some(c), _, _) if line.chars().count() < LINE_MAX => {
            line.push(c);
            true
        }
        (None, KeyCode::Backspace, _) => line.pop().is_some(),
        (None, KeyCode::Char('u'), true) if !line.is_empty() => {
            line.clear();
            true
        }
        (None, KeyCode::Char('w'), true) if !line.is_empty() => {
            let kept = line.trim_end().rfind(' ').map_or(0, |i| i + 1);
            line.truncate(kept);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn tab_order_skips_open_steps_when_there_are_none() {
        assert_eq!(Focus::Competence.step(true, true), Focus::OpenSteps);
        assert_eq!(Focus::Competence.step(true, false), Focus::StepText);
        assert_eq!(Focus::StepDue.step(true, false), Focus::Notes);
        assert_eq!(Focus::Notes.step(false, false), Focus::StepDue);
    }

    #[test]
    fn the_messages_about_what_was_typed_follow_the_language() {
        let mut fields = CallFields {
            lang: Lang::Nb,
            ..CallFields::default()
        };
        fields.step.due = "fredagx".into();
        let error = fields.due_error(today()).unwrap();
        assert!(
            error.starts_with("frist: 'fredagx' er ikke en dato; "),
            "{error}"
        );
        fields.step.due = "fre".into();
        assert!(
            fields
                .add_step(today())
                .unwrap_err()
                .contains("mangler tekst")
        );
        fields.minutes = "9999".into();
        assert!(
            fields
                .minutes(0)
                .unwrap_err()
                .starts_with("minutter: '9999'")
        );
    }

    #[test]
    fn a_step_needs_text_and_a_real_date() {
        let mut fields = CallFields::default();
        fields.step.due = "fredagx".into();
        assert!(
            fields
                .due_error(today())
                .unwrap()
                .contains("'fredagx' is not a date")
        );
        fields.step.due = "+3d".into();
        assert_eq!(fields.due_error(today()), None);
        assert!(fields.add_step(today()).unwrap_err().contains("needs text"));
        fields.step.text = " send budget ".into();
        assert_eq!(fields.add_step(today()), Ok(true));
        assert_eq!(fields.new_steps[0].text, "send budget");
        assert_eq!(
            fields.new_steps[0].due,
            NaiveDate::from_ymd_opt(2026, 11, 30)
        );
        assert_eq!(fields.step, StepInput::default());
        assert_eq!(fields.add_step(today()), Ok(false));
    }

    #[test]
    fn minutes_from_the_timer_or_typed() {
        let mut fields = CallFields::default();
        assert_eq!(fields.minutes(0), Ok(1));
        assert_eq!(fields.minutes(61), Ok(2));
        fields.minutes = "45".into();
        assert_eq!(fields.minutes(61), Ok(45));
        fields.minutes = "9999".into();
        assert!(
            fields
                .minutes(0)
                .unwrap_err()
                .starts_with("minutes: '9999'")
        );
    }

    #[test]
    fn backspace_on_an_empty_step_line_takes_back_the_last_step() {
        let mut fields = CallFields::default();
        fields.step.text = "call bank".into();
        fields.step.due = "2026-12-04".into();
        fields.add_step(today()).unwrap();
        let choices = CallChoices {
            topics: vec![],
            areas: vec![],
            motivation_labels: Default::default(),
        };
        let backspace = Key::plain(KeyCode::Backspace);
        assert!(fields.type_key(Focus::StepText, backspace, &choices, &[]));
        assert!(fields.new_steps.is_empty());
        assert_eq!(fields.step.text, "call bank");
        assert_eq!(fields.step.due, "2026-12-04");
    }
}
