//! Boxes over the screen: the help generated from the key map, and yes/no questions.
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::format::fit;
use super::theme::Theme;
use crate::app::{Action, App, Mode, Popup};
use crate::domain::text::inert;
use crate::i18n::{PrivacyText, Ui, describe};

const KEYS_W: usize = 18;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, popup: &Popup, theme: &Theme) {
    match popup {
        Popup::Help { scroll } => draw_help(frame, area, app, *scroll, theme),
        Popup::Confirm { question, .. } => draw_confirm(frame, area, app, question, theme),
        Popup::TypedConfirm {
            question,
            expected,
            typed,
            ..
        } => draw_typed(frame, area, app, [question, expected, typed], theme),
    }
}

fn boxed<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::new()
        .style(theme.base)
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.accent))
        .padding(Padding::horizontal(1))
}

fn draw_help(frame: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(84);
    let height = area
        .height
        .saturating_sub(2)
        .min(Action::ALL.len() as u16 + 4);
    let inner_w = usize::from(width.saturating_sub(4));
    let room = inner_w.saturating_sub(KEYS_W + 1);
    let close = app
        .keymap()
        .hint(Mode::Normal, Action::Back)
        .unwrap_or_default();
    let lang = app.lang();
    let mut lines = vec![Line::styled(
        fit(&lang.f(Ui::HelpFooter, &[("close", &close)]), inner_w),
        theme.muted,
    )];
    for action in Action::ALL {
        let keys: Vec<String> = app
            .keymap()
            .keys_of(*action)
            .iter()
            .map(|k| k.to_string())
            .collect();
        let keys = fit(&keys.join(", "), KEYS_W);
        let pad = " ".repeat(KEYS_W.saturating_sub(keys.width()) + 1);
        lines.push(Line::from(vec![
            Span::styled(format!("{keys}{pad}"), theme.accent),
            Span::styled(fit(describe(lang, *action), room), theme.text),
        ]));
    }
    let visible = usize::from(height.saturating_sub(2));
    let top = scroll.min(lines.len().saturating_sub(visible));
    let shown: Vec<Line> = lines.into_iter().skip(top).take(visible).collect();
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(shown).block(boxed(lang.t(Ui::HelpTitle), theme)),
        rect,
    );
}

fn draw_confirm(frame: &mut Frame, area: Rect, app: &App, question: &str, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(64);
    let text_w = width.saturating_sub(4).max(1);
    let lines_needed = (question.width() as u16).div_ceil(text_w) + 2;
    let height = (lines_needed + 2).min(area.height);
    let no = app
        .keymap()
        .hint(Mode::Normal, Action::Back)
        .unwrap_or_default();
    let lang = app.lang();
    let text = vec![
        Line::styled(inert(question, false).into_owned(), theme.text),
        Line::default(),
        Line::from(vec![
            Span::styled(lang.t(Ui::YesKey), theme.accent),
            Span::styled(format!(" {}   ", lang.t(Ui::Yes)), theme.muted),
            Span::styled(format!("n/{no}"), theme.accent),
            Span::styled(format!(" {}", lang.t(Ui::No)), theme.muted),
        ]),
    ];
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(boxed(lang.t(Ui::ConfirmTitle), theme)),
        rect,
    );
}

fn draw_typed(frame: &mut Frame, area: Rect, app: &App, texts: [&str; 3], theme: &Theme) {
    let [question, expected, typed] = texts;
    let lang = app.lang();
    let width = area.width.saturating_sub(4).min(64);
    let text_w = width.saturating_sub(4).max(1);
    let lines_needed = (question.width() as u16).div_ceil(text_w) + 4;
    let height = (lines_needed + 2).min(area.height);
    let text = vec![
        Line::styled(inert(question, false).into_owned(), theme.text),
        Line::default(),
        Line::from(vec![
            Span::styled(lang.t(PrivacyText::NameIs), theme.muted),
            Span::styled(inert(expected, false).into_owned(), theme.accent),
        ]),
        Line::from(vec![
            Span::styled(lang.t(PrivacyText::TypeHere), theme.muted),
            Span::styled(format!("{}▏", inert(typed, false)), theme.text),
        ]),
        Line::styled(lang.t(PrivacyText::EraseKeys), theme.muted),
    ];
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(boxed(lang.t(PrivacyText::EraseTitle), theme)),
        rect,
    );
}
