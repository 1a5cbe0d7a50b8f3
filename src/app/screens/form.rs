//! A form to add or edit a client, a venture or a next step: labelled fields, the error of each
//! shown beside it as you type, and while adding a client a warning when it looks like one
//! already known.
use chrono::{DateTime, NaiveDate, Utc};

use super::client_page_data::VentureRow;
use super::form_fields::{Field, FieldName};
use super::form_kinds::Subject;
use super::{ClientPageData, Context, PageTab, Reply};
use crate::app::action::Action;
use crate::app::effect::{Effect, Outcome};
use crate::app::key::{Key, KeyCode};
use crate::app::keymap::Mode;
use crate::domain::text::fold;
use crate::domain::{Client, ClientId, Milestone, MilestoneKind, NextStep, Venture};
use crate::i18n::{FormText as T, Lang, Ui};
use crate::store::ClientSummary;

/// What the duplicate check compares of a known client, in compared form.
#[derive(Debug, Clone)]
struct Known {
    id: ClientId,
    name: String,
    folded: String,
    phone: String,
    email: String,
}

impl Known {
    fn new(summary: &ClientSummary) -> Known {
        Known {
            id: summary.id,
            name: summary.name.clone(),
            folded: folded_name(&summary.name),
            phone: digits(summary.phone.as_deref().unwrap_or("")),
            email: lowercase_email(summary.email.as_deref().unwrap_or("")),
        }
    }
}

fn folded_name(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

fn lowercase_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The same number with or without a country code: the shorter one ends the longer one.
fn same_phone(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 5 && long.ends_with(short) && long.len() - short.len() <= 4
}

#[derive(Debug)]
pub struct FormScreen {
    subject: Subject,
    fields: Vec<Field>,
    focus: usize,
    known: Vec<Known>,
    warning: Option<String>,
    changed: bool,
    /// A save was tried: every error shows, not only those of changed fields.
    tried: bool,
    now: DateTime<Utc>,
    today: NaiveDate,
    lang: Lang,
}

impl FormScreen {
    fn new(subject: Subject) -> FormScreen {
        FormScreen {
            fields: subject.fields(&[]),
            subject,
            focus: 0,
            known: Vec::new(),
            warning: None,
            changed: false,
            tried: false,
            now: DateTime::<Utc>::UNIX_EPOCH,
            today: NaiveDate::default(),
            lang: Lang::En,
        }
    }

    /// "New client", warning when the name, phone or email looks like one of `known`.
    pub fn new_client<'a>(known: impl IntoIterator<Item = &'a ClientSummary>) -> FormScreen {
        let client = Client::new(0, "", DateTime::<Utc>::UNIX_EPOCH);
        let mut form = FormScreen::new(Subject::Client(Box::new(client)));
        form.known = known.into_iter().map(Known::new).collect();
        form
    }

    pub fn edit_client(client: &Client) -> FormScreen {
        FormScreen::new(Subject::Client(Box::new(client.clone())))
    }

    pub fn new_venture(client_id: ClientId) -> FormScreen {
        FormScreen::new(Subject::Venture(Box::new(Venture {
            id: 0,
            client_id,
            name: String::new(),
            kind: Default::default(),
            sector: None,
            stage: Default::default(),
            org_nr: None,
            stage_by_hand: false,
        })))
    }

    pub fn edit_venture(venture: &Venture) -> FormScreen {
        FormScreen::new(Subject::Venture(Box::new(venture.clone())))
    }

    /// A new milestone on `venture`, dated today when the form opens.
    pub fn new_milestone(venture: &Venture) -> FormScreen {
        FormScreen::new(Subject::Milestone(Box::new(Milestone {
            id: 0,
            client_id: venture.client_id,
            venture_id: venture.id,
            kind: MilestoneKind::Registered,
            date: NaiveDate::MIN,
            amount_nok: None,
            jobs: None,
            note: None,
        })))
    }

    pub fn edit_milestone(milestone: &Milestone) -> FormScreen {
        FormScreen::new(Subject::Milestone(Box::new(milestone.clone())))
    }

    pub fn new_step(client_id: ClientId) -> FormScreen {
        FormScreen::new(Subject::Step(Box::new(NextStep {
            id: 0,
            client_id,
            text: String::new(),
            owner: Default::default(),
            due: None,
            done_on: None,
        })))
    }

    pub fn edit_step(step: &NextStep) -> FormScreen {
        FormScreen::new(Subject::Step(Box::new(step.clone())))
    }

    /// The form `a` (add) or `e` (edit) opens on a tab of the client page, for the record
    /// selected at `index`; none where the tab has nothing to add or edit.
    pub fn from_page(
        tab: PageTab,
        add: bool,
        data: &ClientPageData,
        index: usize,
    ) -> Option<FormScreen> {
        let client_id = data.client.id;
        match (tab, add) {
            (PageTab::Ventures, true) => Some(FormScreen::new_venture(client_id)),
            (PageTab::Ventures, false) => match data.venture_rows().get(index) {
                Some(VentureRow::Venture(v)) => Some(FormScreen::edit_venture(v)),
                Some(VentureRow::Milestone(_, m)) => Some(FormScreen::edit_milestone(m)),
                None => None,
            },
            (PageTab::Steps, true) => Some(FormScreen::new_step(client_id)),
            (PageTab::Steps, false) => data.steps.get(index).map(FormScreen::edit_step),
            (PageTab::Profile, false) => Some(FormScreen::edit_client(&data.client)),
            _ => None,
        }
    }

    /// Just opened: the clock, the actor as a new client's advisor, the config's sectors.
    pub fn opened(&mut self, context: &Context, sectors: &[String]) {
        self.now = context.now;
        self.today = context.today;
        self.lang = context.lang;
        self.subject.stamp(context.now);
        if let Subject::Milestone(m) = &mut self.subject
            && m.id == 0
        {
            m.date = context.today;
        }
        if let Subject::Client(c) = &mut self.subject
            && c.id == 0
            && c.advisor.is_none()
        {
            c.advisor = Some(context.actor.clone());
        }
        if !self.changed {
            self.fields = self.subject.fields(sectors);
        }
        self.recheck();
    }

    pub fn mode(&self) -> Mode {
        Mode::Text
    }

    pub fn update(&mut self, action: Action, _page: usize) -> Reply {
        let last = self.fields.len().saturating_sub(1);
        match action {
            Action::NextField | Action::MoveDown | Action::Open => {
                self.focus = if self.focus >= last {
                    0
                } else {
                    self.focus + 1
                };
            }
            Action::PrevField | Action::MoveUp => {
                self.focus = if self.focus == 0 {
                    last
                } else {
                    self.focus - 1
                };
            }
            Action::PageUp => self.focus = 0,
            Action::PageDown => self.focus = last,
            Action::Top => self.with_focused(Field::home),
            Action::Bottom => self.with_focused(Field::end),
            Action::Save => return self.save(),
            Action::Back if self.changed => {
                return Reply::Confirm {
                    question: self
                        .lang
                        .f(T::Discard, &[("what", &self.lang.t(self.what()))]),
                    effect: Effect::DiscardForm,
                };
            }
            Action::Back => return Reply::Close(None),
            _ => {}
        }
        Reply::Done
    }

    /// Keys no action claimed: they edit the focused field.
    pub fn type_key(&mut self, key: Key, _page: usize) -> Reply {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Reply::NotHere;
        };
        let changed = match (key.printable(), key.code, key.ctrl) {
            (Some(' '), _, _) if field.is_choice() => field.step(true),
            (Some(c), _, _) => field.type_char(self.lang, c),
            (None, KeyCode::Backspace, _) => field.backspace(),
            (None, KeyCode::Delete, _) => field.delete(),
            (None, KeyCode::Left, _) => field.step(false),
            (None, KeyCode::Right, _) => field.step(true),
            (None, KeyCode::Char('u'), true) => field.clear(),
            _ => return Reply::NotHere,
        };
        if changed {
            field.touched = true;
            self.changed = true;
            self.recheck();
        }
        Reply::Done
    }

    pub fn receive(&mut self, outcome: &Outcome, _context: &Context) -> Reply {
        match outcome {
            Outcome::FormDiscarded => Reply::Close(None),
            _ => Reply::NotHere,
        }
    }

    fn save(&mut self) -> Reply {
        self.tried = true;
        self.recheck();
        if let Some(bad) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = bad;
            let field = &self.fields[bad];
            let label = crate::i18n::field(self.lang, field.name).0.to_lowercase();
            let why = format!("{label} {}", field.error.as_deref().unwrap_or_default());
            return Reply::Say(self.lang.f(Ui::NotSaved, &[("why", &why)]));
        }
        match self.subject.save(&self.fields, self.today) {
            Ok(effect) => Reply::Close(Some(effect)),
            Err((name, refused)) => {
                self.focus = self.position(name);
                let message = crate::i18n::reason(self.lang, &refused);
                let label = crate::i18n::field(self.lang, name).0.to_lowercase();
                let why = format!("{label} {message}");
                if let Some(field) = self.fields.get_mut(self.focus) {
                    field.error = Some(message);
                }
                Reply::Say(self.lang.f(Ui::NotSaved, &[("why", &why)]))
            }
        }
    }

    /// Judges every field again, and looks for a lookalike client.
    fn recheck(&mut self) {
        let names: Vec<FieldName> = self.fields.iter().map(|f| f.name).collect();
        for (i, name) in names.into_iter().enumerate() {
            let error = self.subject.check(&self.fields, name, self.now, self.today);
            self.fields[i].error = error.map(|e| crate::i18n::reason(self.lang, &e));
        }
        self.warning = self.lookalike();
    }

    fn lookalike(&self) -> Option<String> {
        if self.known.is_empty() || !self.subject.is_new() {
            return None;
        }
        let name = folded_name(self.value(FieldName::Name));
        let phone = digits(self.value(FieldName::Phone));
        let email = lowercase_email(self.value(FieldName::Email));
        let mut matches = self.known.iter().filter_map(|known| {
            let mut same = Vec::new();
            if !name.is_empty() && known.folded == name {
                same.push(T::SameName);
            }
            if same_phone(&phone, &known.phone) {
                same.push(T::SamePhone);
            }
            if !email.is_empty() && known.email == email {
                same.push(T::SameEmail);
            }
            (!same.is_empty()).then_some((known, same))
        });
        let (first, same) = matches.next()?;
        let more = matches.count();
        let more = match more {
            0 => String::new(),
            n => self.lang.f(T::More, &[("n", &n)]),
        };
        let lang = self.lang;
        let same: Vec<&str> = same.into_iter().map(|t| lang.t(t)).collect();
        Some(lang.f(
            T::Looks,
            &[
                ("name", &first.name),
                ("id", &first.id),
                ("same", &same.join(lang.t(T::And))),
                ("more", &more),
            ],
        ))
    }

    fn with_focused(&mut self, edit: fn(&mut Field)) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            edit(field);
        }
    }

    fn position(&self, name: FieldName) -> usize {
        self.fields.iter().position(|f| f.name == name).unwrap_or(0)
    }

    fn value(&self, name: FieldName) -> &str {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map_or("", Field::value)
    }

    fn what(&self) -> T {
        match self.subject {
            Subject::Client(_) => T::TheClient,
            Subject::Venture(_) => T::TheVenture,
            Subject::Step(_) => T::TheStep,
            Subject::Milestone(_) => T::TheMilestone,
        }
    }

    pub fn title(&self) -> crate::i18n::FormText {
        self.subject.title()
    }

    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// Whether the error of `field` is to be shown yet.
    pub fn shows_error(&self, field: &Field) -> bool {
        field.error.is_some() && (field.touched || self.tried)
    }

    /// The lookalike warning while adding a client.
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    pub fn is_changed(&self) -> bool {
        self.changed
    }
}

#[cfg(test)]
mod tests;
