//! The audit screen: the filter line, a column header, then one entry per row, newest first.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::format::fit;
use super::theme::Theme;
use crate::app::screens::AuditScreen;
use crate::app::screens::audit::AuditRow;
use crate::app::{Action, App, Mode};
use crate::i18n::{AuditText as T, Lang, Ui, date};

/// The keys of the list for the status bar.
pub const HINTS: &[(Action, Ui)] = &[
    (Action::Help, Ui::HintHelp),
    (Action::Filter, Ui::HintFilter),
    (Action::Open, Ui::HintOpen),
    (Action::MoveDown, Ui::HintMove),
    (Action::GoClients, Ui::HintClients),
    (Action::Quit, Ui::HintBack),
];

const WHEN_W: usize = 16;
const WHO_W: usize = 10;
const ACTION_W: usize = 15;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &AuditScreen, theme: &Theme) {
    let [filter, header, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    draw_filter(frame, filter, app, screen, theme);
    let lang = app.lang();
    let width = usize::from(list.width);
    let message = match (screen.rows().is_empty(), screen.is_current()) {
        (_, false) if screen.rows().is_empty() => Some(lang.t(T::Reading).to_string()),
        (true, true) if screen.query().trim().is_empty() => Some(lang.t(T::Empty).to_string()),
        (true, true) if screen.has_older() => {
            let key = app.keymap().hint(Mode::Normal, Action::Bottom);
            Some(lang.f(T::NoMatchYet, &[("key", &key.unwrap_or_default())]))
        }
        (true, true) => Some(lang.t(T::NoMatch).to_string()),
        _ => None,
    };
    if let Some(message) = message {
        let text = Paragraph::new(Line::styled(message, theme.muted)).wrap(Wrap { trim: true });
        frame.render_widget(text, list.inner(Margin::new(1, 1)));
        return;
    }
    let columns = [T::When, T::Who, T::Client, T::Action, T::Detail].map(|t| lang.t(t));
    let heading = row_line(columns.map(String::from), width);
    frame.render_widget(Paragraph::new(Line::styled(heading, theme.muted)), header);
    let height = usize::from(list.height);
    let first = screen.first_visible(height);
    let selected = (!screen.is_editing()).then_some(screen.selected_index());
    let lines: Vec<Line> = screen
        .rows()
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, row)| {
            let text = row_line(cells(lang, row), width);
            if selected == Some(i) {
                let rest: String = text.chars().skip(1).collect();
                Line::from(vec![Span::styled(">", theme.accent), Span::raw(rest)])
                    .style(theme.selection)
            } else {
                Line::styled(text, theme.text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn draw_filter(frame: &mut Frame, area: Rect, app: &App, screen: &AuditScreen, theme: &Theme) {
    let lang = app.lang();
    let keys = app.keymap();
    let count = match (screen.is_current(), screen.has_older()) {
        (false, _) => String::new(),
        (true, false) => lang.f(T::Shown, &[("n", &screen.rows().len())]),
        (true, true) => {
            let end = keys.hint(Mode::Normal, Action::Bottom).unwrap_or_default();
            lang.f(T::More, &[("n", &screen.rows().len()), ("key", &end)])
        }
    };
    let count = format!(" {count} ");
    let count_w = (count.width() as u16).min(area.width / 2);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(count_w)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&count, usize::from(count_w)), theme.muted)),
        right,
    );
    if screen.query().is_empty() && !screen.is_editing() {
        let key = keys.hint(Mode::Normal, Action::Filter).unwrap_or_default();
        let hint = lang.f(T::FilterHint, &[("key", &key)]);
        let hint = fit(&hint, usize::from(left.width).saturating_sub(1));
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {hint}"), theme.muted)),
            left,
        );
        return;
    }
    super::query_line::draw(frame, app, left, screen.query(), screen.is_editing(), theme);
}

/// When, who, which client, what kind of action, and the detail.
fn cells(lang: Lang, row: &AuditRow) -> [String; 5] {
    let entry = &row.entry;
    let when = format!(
        "{} {}",
        date(lang, entry.at.date_naive()),
        entry.at.format("%H:%M")
    );
    let client = match (entry.client_id, &row.client) {
        (_, Some(name)) => name.clone(),
        (Some(id), None) => lang.f(T::Gone, &[("id", &id)]),
        (None, None) => String::new(),
    };
    [
        when,
        entry.advisor.clone(),
        client,
        entry.action.clone(),
        entry.detail.clone(),
    ]
}

/// The five cells in their columns; the client's column takes a share of what is left.
fn row_line(cells: [String; 5], width: usize) -> String {
    let fixed = 1 + WHEN_W + 1 + WHO_W + 1 + ACTION_W + 1 + 1;
    let rest = width.saturating_sub(fixed);
    let client_w = (rest * 2 / 5).clamp(8.min(rest), 30);
    let detail_w = rest.saturating_sub(client_w + 1);
    let [when, who, client, action, detail] = cells;
    format!(
        " {} {} {} {} {}",
        pad(&when, WHEN_W),
        pad(&who, WHO_W),
        pad(&client, client_w),
        pad(&action, ACTION_W),
        fit(&detail, detail_w)
    )
}

fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}
