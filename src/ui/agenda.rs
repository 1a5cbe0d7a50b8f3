//! The Agenda screen: a title line saying whose agenda it is, then the sections as one list.
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::format::fit;
use super::theme::Theme;
use crate::agenda::{AgendaStep, QuietClient};
use crate::app::screens::AgendaScreen;
use crate::app::screens::agenda::{AgendaLine, Section};
use crate::app::{Action, App, Mode};
use crate::i18n::{AgendaText as T, DAYS, Lang, Words, YEARS, counted, date, value};
use crate::privacy::PastRetention;

/// The keys of this screen for the status bar.
pub const HINTS: &[(Action, crate::i18n::Ui)] = &[
    (Action::Help, crate::i18n::Ui::HintHelp),
    (Action::Open, crate::i18n::Ui::HintOpen),
    (Action::Tick, crate::i18n::Ui::HintTick),
    (Action::Call, crate::i18n::Ui::HintCall),
    (Action::ToggleMine, crate::i18n::Ui::HintMineAll),
    (Action::GoClients, crate::i18n::Ui::HintClients),
    (Action::GoSearch, crate::i18n::Ui::HintSearch),
    (Action::Quit, crate::i18n::Ui::HintBack),
];

const DATE_W: usize = 10;
const WHEN_W: usize = 9;
const OWNER_W: usize = 8;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &AgendaScreen, theme: &Theme) {
    let [title, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_title(frame, title, app, screen, theme);
    let lang = app.lang();
    if !screen.is_loaded() {
        let text =
            Paragraph::new(Line::styled(lang.t(T::Reading), theme.muted)).wrap(Wrap { trim: true });
        frame.render_widget(text, list.inner(Margin::new(1, 1)));
        return;
    }
    let height = usize::from(list.height);
    let first = screen.first_visible(height);
    let selected = screen.selected_line_index();
    let width = usize::from(list.width);
    let today = app.today();
    let lines: Vec<Line> = screen
        .lines()
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, line)| {
            let is_selected = selected == Some(i);
            let drawn = match line {
                AgendaLine::Heading { section, count } => heading(*section, *count, app, theme),
                AgendaLine::Step { step, .. } => step_line(lang, step, today, width, theme),
                AgendaLine::Quiet(quiet) => quiet_line(lang, quiet, width, theme),
                AgendaLine::PastRetention(past) => retention_line(past, app, width, theme),
            };
            if is_selected {
                marked(drawn, theme)
            } else {
                drawn
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The selection: a marker as well as the colour, for monochrome terminals and screen readers.
fn marked<'a>(line: Line<'a>, theme: &Theme) -> Line<'a> {
    let mut spans = line.spans;
    if let Some(first) = spans.first_mut() {
        *first = Span::styled(">", theme.accent);
    }
    Line::from(spans).style(theme.selection)
}

fn draw_title(frame: &mut Frame, area: Rect, app: &App, screen: &AgendaScreen, theme: &Theme) {
    let key = app
        .keymap()
        .hint(Mode::Normal, Action::ToggleMine)
        .unwrap_or_default();
    let lang = app.lang();
    let whose = if screen.is_mine() {
        lang.f(T::Mine, &[("key", &key)])
    } else {
        lang.f(T::Everyone, &[("key", &key)])
    };
    let today = date(lang, app.today());
    let text = lang.f(T::Title, &[("date", &today), ("whose", &whose)]);
    let line = Line::styled(fit(&text, usize::from(area.width)), theme.muted);
    frame.render_widget(Paragraph::new(line), area);
}

fn heading<'a>(section: Section, count: usize, app: &App, theme: &Theme) -> Line<'a> {
    let title = match section {
        Section::Dormant => app
            .lang()
            .f(section.title(), &[("n", &app.settings().dormant_days)]),
        Section::PastRetention => {
            let erase = app
                .keymap()
                .hint(Mode::Normal, Action::Erase)
                .map(|k| app.lang().f(T::Erases, &[("key", &k)]))
                .unwrap_or_default();
            app.lang().f(
                section.title(),
                &[("n", &app.settings().retention_years), ("erase", &erase)],
            )
        }
        other => app.lang().t(other.title()).to_string(),
    };
    let style = if count == 0 {
        theme.muted
    } else {
        theme.accent
    };
    Line::from(vec![
        Span::raw(" "),
        Span::styled(title, style.add_modifier(Modifier::BOLD)),
        Span::styled(format!(" ({count})"), theme.muted),
    ])
}

/// How the due date stands against today: `3d late`, `today`, `in 2d`.
fn when(lang: Lang, due: NaiveDate, today: NaiveDate) -> String {
    match (due - today).num_days() {
        ..0 => lang.f(T::DaysLate, &[("n", &(today - due).num_days())]),
        0 => lang.t(Words::Today).to_string(),
        days => lang.f(T::InDays, &[("n", &days)]),
    }
}

fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

/// Room for the client name and the text once the fixed columns are taken.
fn split(rest: usize) -> (usize, usize) {
    let name = (rest * 2 / 5).clamp(8.min(rest), 28);
    (name, rest.saturating_sub(name + 1))
}

fn step_line<'a>(
    lang: Lang,
    step: &AgendaStep,
    today: NaiveDate,
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let (day, when_text, late) = match step.due {
        Some(due) => (date(lang, due), when(lang, due, today), due < today),
        None => (lang.t(T::NoDate).to_string(), String::new(), false),
    };
    let date_style = if late { theme.warning } else { theme.text };
    let fixed = 2 + DATE_W + 1 + WHEN_W + 1 + OWNER_W + 1 + 1;
    let (name_w, text_w) = split(width.saturating_sub(fixed));
    Line::from(vec![
        Span::raw(" "),
        Span::raw(" "),
        Span::styled(pad(&day, DATE_W), date_style),
        Span::raw(" "),
        Span::styled(pad(&when_text, WHEN_W), date_style),
        Span::raw(" "),
        Span::styled(pad(&step.client, name_w), theme.text),
        Span::raw(" "),
        Span::styled(pad(&value(lang, step.owner.as_str()), OWNER_W), theme.muted),
        Span::raw(" "),
        Span::styled(fit(&step.text, text_w), Style::new()),
    ])
}

fn quiet_line<'a>(lang: Lang, quiet: &QuietClient, width: usize, theme: &Theme) -> Line<'a> {
    let last = quiet.last_contact.map_or_else(
        || lang.t(Words::Never).to_string(),
        |d| lang.f(T::LastOn, &[("date", &date(lang, d))]),
    );
    let fixed = 2 + DATE_W + 1 + WHEN_W + 1;
    let (name_w, rest_w) = split(width.saturating_sub(fixed));
    Line::from(vec![
        Span::raw(" "),
        Span::raw(" "),
        Span::styled(pad(&counted(lang, quiet.days, DAYS), DATE_W), theme.warning),
        Span::raw(" "),
        Span::raw(" ".repeat(WHEN_W)),
        Span::raw(" "),
        Span::styled(pad(&quiet.client, name_w), theme.text),
        Span::raw(" "),
        Span::styled(fit(&last, rest_w), theme.muted),
    ])
}

fn retention_line<'a>(past: &PastRetention, app: &App, width: usize, theme: &Theme) -> Line<'a> {
    let lang = app.lang();
    let years = (app.today() - past.last_contact).num_days() / 365;
    let fixed = 2 + DATE_W + 1 + WHEN_W + 1;
    let (name_w, rest_w) = split(width.saturating_sub(fixed));
    Line::from(vec![
        Span::raw(" "),
        Span::raw(" "),
        Span::styled(pad(&counted(lang, years, YEARS), DATE_W), theme.warning),
        Span::raw(" "),
        Span::raw(" ".repeat(WHEN_W)),
        Span::raw(" "),
        Span::styled(pad(&past.client, name_w), theme.text),
        Span::raw(" "),
        Span::styled(
            fit(
                &lang.f(
                    T::LastContactOn,
                    &[("date", &date(lang, past.last_contact))],
                ),
                rest_w,
            ),
            theme.muted,
        ),
    ])
}
