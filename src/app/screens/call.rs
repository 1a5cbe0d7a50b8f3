//! Call mode: the note editor beside a brief of the client, a running timer, and every field of
//! the session on one screen, saved with one key. The draft is written as the advisor types.
use chrono::{DateTime, Local, NaiveDate, Utc};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, Input, Key as EditorKey, TextArea, WrapMode};

use super::call_brief::CallBrief;
use super::call_fields::{CallChoices, CallFields, Focus};
use super::{Context, Reply};
use crate::app::Settings;
use crate::app::action::Action;
use crate::app::effect::{Effect, Outcome};
use crate::app::key::{Key, KeyCode};
use crate::app::keymap::Mode;
use crate::domain::text::inert;
use crate::domain::validate::TEXT_MAX;
use crate::domain::{ClientId, Draft, NextStepId, PendingStep, Session};
use crate::i18n::{CallText as T, Forms, Lang, NEW_STEPS, STEPS_DONE, counted, value};

#[derive(Debug)]
pub struct CallScreen {
    lang: Lang,
    brief: Box<CallBrief>,
    choices: CallChoices,
    actor: String,
    /// Boxed: the editor is large, and `Screen` holds one screen of each kind by value.
    editor: Box<TextArea<'static>>,
    focus: Focus,
    fields: CallFields,
    started_at: DateTime<Utc>,
    /// The clock at the last tick, for the timer.
    now: DateTime<Utc>,
    today: NaiveDate,
    /// Something changed since the draft was last written.
    dirty: bool,
    /// When the draft was last written, for the title line.
    draft_saved: Option<DateTime<Utc>>,
    /// Why the last save was refused, shown until the next change.
    problem: Option<String>,
}

impl CallScreen {
    /// Call mode on `brief`, with its draft restored if there is one; the message says so.
    pub fn open(
        brief: CallBrief,
        settings: &Settings,
        context: &Context,
    ) -> (CallScreen, Option<String>) {
        let choices = CallChoices {
            topics: settings.topics.clone(),
            areas: settings.competence_areas.clone(),
            motivation_labels: settings.motivation_labels.clone(),
        };
        let mut screen = CallScreen {
            choices,
            actor: context.actor.clone(),
            editor: editor(""),
            focus: Focus::Notes,
            fields: CallFields {
                lang: context.lang,
                ..CallFields::default()
            },
            started_at: context.now,
            now: context.now,
            today: context.today,
            lang: context.lang,
            dirty: false,
            draft_saved: None,
            problem: None,
            brief: Box::new(brief),
        };
        let restored = screen.brief.draft.take().map(|draft| {
            let at = draft.updated_at.with_timezone(&Local).format("%H:%M");
            screen.restore(draft);
            context.lang.f(T::Restored, &[("at", &at)])
        });
        (screen, restored)
    }

    fn restore(&mut self, draft: Draft) {
        self.editor = editor(&draft.notes);
        self.started_at = draft.started_at;
        self.draft_saved = Some(draft.updated_at);
        let open = self.open_ids();
        self.fields = CallFields {
            channel: draft.channel,
            motivation: draft.motivation,
            topics: draft.topics.into_iter().collect(),
            competence: draft.competence,
            ticked: draft
                .ticked_steps
                .into_iter()
                .filter(|id| open.contains(id))
                .collect(),
            new_steps: draft.new_steps,
            lang: self.fields.lang,
            ..CallFields::default()
        };
    }

    pub fn mode(&self) -> Mode {
        Mode::Text
    }

    pub fn update(&mut self, action: Action, _page: usize) -> Reply {
        let open = self.open_ids();
        match action {
            Action::Save => return self.save(),
            Action::Back => return self.leave(),
            Action::ExternalEditor => return Reply::Effect(Effect::EditExternally(self.notes())),
            Action::NextField | Action::PrevField => {
                self.focus = self
                    .focus
                    .step(action == Action::NextField, !open.is_empty());
                return Reply::Done;
            }
            _ => {}
        }
        let changed = match (self.focus, action) {
            (Focus::Notes, _) => match editor_input(action) {
                Some(input) => self.editor.input(input),
                None => return Reply::NotHere,
            },
            (Focus::StepText | Focus::StepDue, Action::Open) => {
                match self.fields.add_step(self.today) {
                    Ok(added) => {
                        self.focus = Focus::StepText;
                        added
                    }
                    Err(message) => return Reply::Say(message),
                }
            }
            (_, Action::Open) => self.fields.choose(self.focus, &self.choices, &open),
            (_, Action::MoveUp | Action::MoveDown | Action::PageUp | Action::PageDown) => {
                let by = match action {
                    Action::MoveUp => -1,
                    Action::MoveDown => 1,
                    Action::PageUp => -5,
                    _ => 5,
                };
                self.fields
                    .move_cursor(self.focus, by, &self.choices, open.len());
                false
            }
            _ => return Reply::NotHere,
        };
        self.changed(changed);
        Reply::Done
    }

    /// Keys no action claimed: quick keys that work in every field, then the focused field's.
    pub fn type_key(&mut self, key: Key, _page: usize) -> Reply {
        let changed = match (key.code, key.ctrl, key.alt) {
            (KeyCode::Char(c @ '1'..='5'), false, true) => {
                self.fields.set_motivation(c as u8 - b'0')
            }
            (KeyCode::Char('0'), false, true) => self.fields.motivation.take().is_some(),
            (KeyCode::Char('n'), true, false) => {
                self.focus = Focus::StepText;
                false
            }
            // Straight to a field that is otherwise four to six tabs away.
            (KeyCode::Char('t'), false, true) => {
                self.focus = Focus::Topics;
                false
            }
            (KeyCode::Char('k'), false, true) => {
                self.focus = Focus::Competence;
                false
            }
            (KeyCode::Char('x'), false, true) => {
                self.focus = Focus::OpenSteps;
                false
            }
            (KeyCode::Char('o'), true, false) => {
                self.fields.toggle_owner();
                true
            }
            _ if self.focus == Focus::Notes => self.editor.input(editor_key(key)),
            _ => self
                .fields
                .type_key(self.focus, key, &self.choices, &self.open_ids()),
        };
        self.changed(changed);
        Reply::Done
    }

    /// Pasted text goes into the note at the cursor in one piece; a paste that would make the
    /// note longer than a note may be is refused whole. `None` when the note is not focused.
    pub fn paste(&mut self, text: &str) -> Option<Reply> {
        if self.focus != Focus::Notes {
            return None;
        }
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let pasted = text.chars().count();
        let length = self
            .editor
            .lines()
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum::<usize>();
        if length + pasted > TEXT_MAX {
            return Some(Reply::Say(format!(
                "Not pasted: {pasted} characters would make the note longer than {TEXT_MAX}; \
                 paste a shorter part, or keep long documents in a file and note where."
            )));
        }
        let changed = self.editor.insert_str(inert(&text, true));
        self.changed(changed);
        Some(Reply::Done)
    }

    pub fn receive(&mut self, outcome: &Outcome, _context: &Context) -> Reply {
        match outcome {
            Outcome::EditedText(text) => {
                if *text != self.notes() {
                    self.editor = editor(text);
                    self.changed(true);
                }
                Reply::Done
            }
            Outcome::DraftSaved(at) => {
                self.draft_saved = Some(*at);
                Reply::Done
            }
            _ => Reply::NotHere,
        }
    }

    /// Moves the timer on, and writes the draft when something changed since the last write.
    pub fn tick(&mut self, context: &Context) -> Reply {
        self.now = context.now;
        self.today = context.today;
        if !self.dirty {
            return Reply::Done;
        }
        self.dirty = false;
        Reply::Effect(Effect::SaveDraft(Box::new(self.draft(context.now))))
    }

    /// The unsaved call as a draft, when anything was entered.
    pub fn client_id(&self) -> ClientId {
        self.brief.client.id
    }

    pub fn pending_draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        (!self.is_blank()).then(|| self.draft(now))
    }

    fn draft(&self, now: DateTime<Utc>) -> Draft {
        Draft {
            client_id: self.brief.client.id,
            advisor: self.actor.clone(),
            started_at: self.started_at,
            updated_at: now,
            notes: self.notes(),
            channel: self.fields.channel,
            topics: self.fields.topics.iter().cloned().collect(),
            motivation: self.fields.motivation,
            competence: self.fields.competence.clone(),
            new_steps: self
                .steps_with_typed()
                .unwrap_or_else(|_| self.fields.new_steps.clone()),
            ticked_steps: self.fields.ticked.iter().copied().collect(),
        }
    }

    fn is_blank(&self) -> bool {
        let f = &self.fields;
        self.editor.is_empty()
            && f.motivation.is_none()
            && f.topics.is_empty()
            && f.competence.is_empty()
            && f.ticked.is_empty()
            && f.new_steps.is_empty()
            && f.step.text.trim().is_empty()
    }

    /// Esc: back to where call mode was opened, the draft kept (or dropped when blank).
    fn leave(&mut self) -> Reply {
        let id = self.brief.client.id;
        if self.is_blank() {
            return Reply::Close(Some(Effect::DiscardDraft(id)));
        }
        Reply::Close(Some(Effect::KeepDraft(Box::new(self.draft(self.now)))))
    }

    /// Ctrl-s: everything in one transaction, or nothing and the reason.
    fn save(&mut self) -> Reply {
        match self.session() {
            Ok((session, new_steps)) => {
                self.problem = None;
                Reply::Effect(Effect::SaveCall {
                    session: Box::new(session),
                    new_steps,
                    ticked: self.fields.ticked.iter().copied().collect(),
                })
            }
            Err(message) => {
                self.problem = Some(message.clone());
                Reply::Say(self.lang.f(crate::i18n::Ui::NotSaved, &[("why", &message)]))
            }
        }
    }

    fn session(&self) -> Result<(Session, Vec<PendingStep>), String> {
        let elapsed = (self.now - self.started_at).num_seconds();
        let session = Session {
            id: 0,
            client_id: self.brief.client.id,
            advisor: self.actor.clone(),
            started_at: self.started_at,
            minutes: Some(self.fields.minutes(elapsed)?),
            channel: self.fields.channel,
            topics: self.fields.topics.iter().cloned().collect(),
            notes: self.notes().trim_end().to_string(),
            motivation: self.fields.motivation,
            competence: self.fields.competence.clone(),
        };
        Ok((session, self.steps_with_typed()?))
    }

    /// The new steps, with the one still being typed.
    fn steps_with_typed(&self) -> Result<Vec<PendingStep>, String> {
        let mut steps = self.fields.new_steps.clone();
        steps.extend(self.fields.typed_step(self.today)?);
        Ok(steps)
    }

    fn changed(&mut self, changed: bool) {
        if changed {
            self.dirty = true;
            self.problem = None;
        }
    }

    fn open_ids(&self) -> Vec<NextStepId> {
        self.brief.open_steps.iter().map(|s| s.id).collect()
    }

    pub fn notes(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn brief(&self) -> &CallBrief {
        &self.brief
    }

    pub fn choices(&self) -> &CallChoices {
        &self.choices
    }

    pub fn editor(&self) -> &TextArea<'static> {
        &self.editor
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn fields(&self) -> &CallFields {
        &self.fields
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Seconds since the call started.
    pub fn elapsed_seconds(&self) -> i64 {
        (self.now - self.started_at).num_seconds().max(0)
    }

    pub fn draft_saved(&self) -> Option<DateTime<Utc>> {
        self.draft_saved
    }

    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }
}

/// The status line after a save.
pub fn saved_call_message(
    lang: Lang,
    session: &Session,
    new_steps: usize,
    ticked: usize,
) -> String {
    let count = |n: usize, forms: Forms| match n {
        0 => String::new(),
        n => format!(", {}", counted(lang, n, forms)),
    };
    lang.f(
        T::Saved,
        &[
            ("channel", &value(lang, session.channel.as_str())),
            ("n", &session.minutes.unwrap_or(0)),
            ("steps", &count(new_steps, NEW_STEPS)),
            ("done", &count(ticked, STEPS_DONE)),
        ],
    )
}

/// A note editor holding `text`, made inert so it never acts on the terminal.
fn editor(text: &str) -> Box<TextArea<'static>> {
    let lines = inert(text, true).lines().map(str::to_string).collect();
    let mut editor = TextArea::new(lines);
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_cursor_line_style(Style::default());
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    Box::new(editor)
}

/// The editor's meaning of the actions that reach call mode as keys of the note.
fn editor_input(action: Action) -> Option<Input> {
    let key = match action {
        Action::Open => EditorKey::Enter,
        Action::MoveUp => EditorKey::Up,
        Action::MoveDown => EditorKey::Down,
        Action::PageUp => EditorKey::PageUp,
        Action::PageDown => EditorKey::PageDown,
        Action::Top => EditorKey::Home,
        Action::Bottom => EditorKey::End,
        _ => return None,
    };
    Some(Input {
        key,
        ..Input::default()
    })
}

fn editor_key(key: Key) -> Input {
    let code = match key.code {
        KeyCode::Char(c) => EditorKey::Char(c),
        KeyCode::Enter => EditorKey::Enter,
        KeyCode::Backspace => EditorKey::Backspace,
        KeyCode::Delete => EditorKey::Delete,
        KeyCode::Left => EditorKey::Left,
        KeyCode::Right => EditorKey::Right,
        KeyCode::Up => EditorKey::Up,
        KeyCode::Down => EditorKey::Down,
        KeyCode::Home => EditorKey::Home,
        KeyCode::End => EditorKey::End,
        KeyCode::PageUp => EditorKey::PageUp,
        KeyCode::PageDown => EditorKey::PageDown,
        KeyCode::F(n) => EditorKey::F(n),
        KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab | KeyCode::Insert => EditorKey::Null,
    };
    Input {
        key: code,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: key.shift,
    }
}
