//! The Reports screen: the funder figures for a chosen period, as figures, bar charts, and the
//! data-quality warnings, each of which opens the record it is about; and export to a file.
use std::collections::HashMap;

use chrono::{Datelike as _, NaiveDate};

use super::{Context, Reply};
use crate::app::action::Action;
use crate::app::effect::{Effect, Outcome};
use crate::app::key::{Key, KeyCode};
use crate::app::keymap::Mode;
use crate::domain::{ClientId, validate};
use crate::i18n::{Lang, ReportsScreenText as T, date};
use crate::report::{Period, Report, YearFigures};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodChoice {
    ThisYear,
    LastYear,
    AllTime,
    Custom,
}

impl PeriodChoice {
    pub fn label(self) -> T {
        match self {
            PeriodChoice::ThisYear => T::ThisYear,
            PeriodChoice::LastYear => T::LastYear,
            PeriodChoice::AllTime => T::AllTimeChoice,
            PeriodChoice::Custom => T::Custom,
        }
    }

    fn next(self) -> Self {
        match self {
            PeriodChoice::ThisYear => PeriodChoice::LastYear,
            PeriodChoice::LastYear => PeriodChoice::AllTime,
            PeriodChoice::AllTime => PeriodChoice::Custom,
            PeriodChoice::Custom => PeriodChoice::ThisYear,
        }
    }
}

/// The three views of a report, switched with Tab or the arrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportView {
    Figures,
    Charts,
    Warnings,
}

impl ReportView {
    pub const ALL: [ReportView; 3] = [
        ReportView::Figures,
        ReportView::Charts,
        ReportView::Warnings,
    ];

    pub fn label(self) -> T {
        match self {
            ReportView::Figures => T::Figures,
            ReportView::Charts => T::Charts,
            ReportView::Warnings => T::Warnings,
        }
    }

    fn step(self, by: isize) -> Self {
        let i = ReportView::ALL.iter().position(|v| *v == self).unwrap_or(0) as isize;
        let n = ReportView::ALL.len() as isize;
        ReportView::ALL[(i + by).rem_euclid(n) as usize]
    }
}

/// What has the keyboard when something is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    From,
    To,
    ExportPath,
}

/// A report as read for the screen: the period it covers, its figures and the years' bars.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportData {
    pub period: Period,
    pub report: Report,
    pub years: Vec<YearFigures>,
    /// The names of the clients the warnings are about.
    pub names: HashMap<ClientId, String>,
}

#[derive(Debug)]
pub struct ReportsScreen {
    today: NaiveDate,
    lang: Lang,
    choice: PeriodChoice,
    from: String,
    to: String,
    export_path: String,
    typing: Option<Typing>,
    view: ReportView,
    data: Option<Box<ReportData>>,
    /// First line of the figures on show.
    scroll: usize,
    /// The selected warning.
    selected: usize,
}

impl ReportsScreen {
    pub fn new(today: NaiveDate) -> Self {
        ReportsScreen {
            today,
            lang: Lang::En,
            choice: PeriodChoice::ThisYear,
            from: year_start(today.year()).to_string(),
            to: today.to_string(),
            export_path: String::new(),
            typing: None,
            view: ReportView::Figures,
            data: None,
            scroll: 0,
            selected: 0,
        }
    }

    /// The period of the current choice; a custom range as typed, or why it is refused.
    pub fn period(&self) -> Result<Period, String> {
        let today = self.today;
        let year = |y: i32| Period::new(Some(year_start(y)), Some(year_end(y)));
        match self.choice {
            PeriodChoice::ThisYear => year(today.year()),
            PeriodChoice::LastYear => year(today.year() - 1),
            PeriodChoice::AllTime => Ok(Period::all_time()),
            PeriodChoice::Custom => {
                let lang = self.lang;
                let day = |label: T, text: &str| {
                    let text = text.trim();
                    if text.is_empty() {
                        return Ok(None);
                    }
                    validate::date("date", text).map(Some).map_err(|e| {
                        let reason = crate::i18n::reason(lang, &e);
                        format!("{}: {reason}", lang.t(label))
                    })
                };
                let (from, to) = (day(T::FromField, &self.from)?, day(T::ToField, &self.to)?);
                Period::new(from, to).map_err(|_| {
                    let (from, to) = (from.map(|d| date(lang, d)), to.map(|d| date(lang, d)));
                    let values: [(&str, &dyn std::fmt::Display); 2] = [
                        ("from", &from.unwrap_or_default()),
                        ("to", &to.unwrap_or_default()),
                    ];
                    lang.f(T::FromAfterTo, &values)
                })
            }
        }
    }

    /// What to read for the current choice.
    pub fn load_effect(&self) -> Reply {
        match self.period() {
            Ok(period) => Reply::Effect(Effect::LoadReport(period)),
            Err(message) => Reply::Say(message),
        }
    }

    /// The report on show, read again (after another session's save).
    pub fn reload_effect(&self) -> Option<Effect> {
        self.data.as_ref().map(|d| Effect::LoadReport(d.period))
    }

    pub fn receive(&mut self, outcome: &Outcome, context: &Context) -> Reply {
        self.lang = context.lang;
        match outcome {
            Outcome::Report(data) => {
                self.data = Some(data.clone());
                self.scroll = 0;
                self.selected = self.selected.min(self.warning_count().saturating_sub(1));
                Reply::Done
            }
            Outcome::ReportExported(path) => Reply::Say(self.lang.f(T::Written, &[("path", path)])),
            _ => Reply::NotHere,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.typing.is_some() {
            Mode::Text
        } else {
            Mode::Normal
        }
    }

    pub fn update(&mut self, action: Action, page: usize) -> Reply {
        if let Some(typing) = self.typing {
            return self.update_typing(typing, action);
        }
        match action {
            Action::CyclePeriod => {
                self.choice = self.choice.next();
                if self.choice == PeriodChoice::Custom {
                    self.typing = Some(Typing::From);
                    return Reply::Done;
                }
                self.load_effect()
            }
            Action::Edit => {
                self.choice = PeriodChoice::Custom;
                self.typing = Some(Typing::From);
                Reply::Done
            }
            Action::Save => match &self.data {
                Some(data) => {
                    self.export_path = default_export_path(&data.period);
                    self.typing = Some(Typing::ExportPath);
                    Reply::Done
                }
                None => Reply::Say(self.lang.t(T::StillReading).into()),
            },
            Action::NextField => self.switch(self.view.step(1)),
            Action::PrevField => self.switch(self.view.step(-1)),
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::PageDown => self.move_by(page as isize),
            Action::PageUp => self.move_by(-(page as isize)),
            Action::Top => self.move_by(isize::MIN),
            Action::Bottom => self.move_by(isize::MAX),
            Action::Open => self.open_warning(),
            _ => Reply::NotHere,
        }
    }

    fn update_typing(&mut self, typing: Typing, action: Action) -> Reply {
        match (typing, action) {
            (_, Action::Back) => {
                self.typing = None;
                Reply::Done
            }
            (Typing::From, Action::NextField | Action::PrevField) => {
                self.typing = Some(Typing::To);
                Reply::Done
            }
            (Typing::To, Action::NextField | Action::PrevField) => {
                self.typing = Some(Typing::From);
                Reply::Done
            }
            (Typing::From | Typing::To, Action::Open | Action::Save) => match self.period() {
                Ok(period) => {
                    self.typing = None;
                    Reply::Effect(Effect::LoadReport(period))
                }
                Err(message) => Reply::Say(message),
            },
            (Typing::ExportPath, Action::Open | Action::Save) => {
                let path = self.export_path.trim().to_string();
                match (&self.data, path.is_empty()) {
                    (_, true) => Reply::Say(self.lang.t(T::TypeFile).into()),
                    (Some(data), false) => {
                        self.typing = None;
                        Reply::Effect(Effect::ExportReport {
                            path,
                            report: Box::new(data.report.clone()),
                        })
                    }
                    (None, false) => Reply::Done,
                }
            }
            _ => Reply::Done,
        }
    }

    /// Typing into the field that has the keyboard; Left and Right switch views otherwise.
    pub fn type_key(&mut self, key: Key, _page: usize) -> Reply {
        let Some(typing) = self.typing else {
            return match key.code {
                _ if key.ctrl || key.alt => Reply::NotHere,
                KeyCode::Right | KeyCode::Char('l') => self.switch(self.view.step(1)),
                KeyCode::Left | KeyCode::Char('h') => self.switch(self.view.step(-1)),
                _ => Reply::NotHere,
            };
        };
        let text = match typing {
            Typing::From => &mut self.from,
            Typing::To => &mut self.to,
            Typing::ExportPath => &mut self.export_path,
        };
        match (key.printable(), key.code, key.ctrl) {
            (Some(c), _, _) if text.chars().count() < 500 => text.push(c),
            (None, KeyCode::Backspace, _) => {
                text.pop();
            }
            (None, KeyCode::Char('u'), true) => text.clear(),
            _ => return Reply::NotHere,
        }
        Reply::Done
    }

    fn switch(&mut self, view: ReportView) -> Reply {
        self.view = view;
        Reply::Done
    }

    fn warning_count(&self) -> usize {
        self.data.as_ref().map_or(0, |d| d.report.warnings.len())
    }

    fn move_by(&mut self, by: isize) -> Reply {
        match self.view {
            ReportView::Warnings => {
                let last = self.warning_count().saturating_sub(1);
                self.selected = self.selected.saturating_add_signed(by).min(last);
            }
            // The drawing knows the height and stops the figures at their end.
            ReportView::Figures | ReportView::Charts => {
                self.scroll = self.scroll.saturating_add_signed(by).min(200);
            }
        }
        Reply::Done
    }

    fn open_warning(&mut self) -> Reply {
        if self.view != ReportView::Warnings {
            return Reply::NotHere;
        }
        let Some(w) = self
            .data
            .as_ref()
            .and_then(|d| d.report.warnings.get(self.selected))
        else {
            return Reply::Say(self.lang.t(T::NoWarningsToOpen).into());
        };
        let session = (w.record == "session").then_some(w.id);
        Reply::Effect(Effect::OpenClient {
            id: w.client_id,
            session,
        })
    }

    pub fn choice(&self) -> PeriodChoice {
        self.choice
    }

    pub fn typing(&self) -> Option<Typing> {
        self.typing
    }

    pub fn from_text(&self) -> &str {
        &self.from
    }

    pub fn to_text(&self) -> &str {
        &self.to
    }

    pub fn export_path(&self) -> &str {
        &self.export_path
    }

    pub fn view(&self) -> ReportView {
        self.view
    }

    pub fn data(&self) -> Option<&ReportData> {
        self.data.as_deref()
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn selected(&self) -> usize {
        self.selected
    }
}

fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// A file name that says what the report covers, in the home folder.
fn default_export_path(period: &Period) -> String {
    let name = match (period.from, period.to) {
        (None, None) => "all-time".to_string(),
        (from, to) => format!(
            "{}_{}",
            from.map_or("start".to_string(), |d| d.to_string()),
            to.map_or("today".to_string(), |d| d.to_string())
        ),
    };
    format!("~/veileder-report-{name}.md")
}

#[cfg(test)]
#[path = "reports_tests.rs"]
mod tests;
