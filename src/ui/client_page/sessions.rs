//! The Sessions tab: the timeline, newest first, and the whole note of the selected session
//! beside it on wide terminals or below it on narrow ones.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{first_row, wrap};
use crate::app::App;
use crate::app::screens::{ClientPageScreen, PageTab};
use crate::domain::Session;
use crate::i18n::{Lang, PageText as T, date, value};
use crate::ui::format::fit;
use crate::ui::theme::Theme;

/// From this width the note stands beside the timeline.
const SIDE_BY_SIDE: u16 = 100;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, page: &ClientPageScreen, theme: &Theme) {
    let sessions = &page.data().sessions;
    let lang = app.lang();
    if sessions.is_empty() {
        let line = Line::styled(format!(" {}", lang.t(T::NoSessions)), theme.muted);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let (list, note, borders) = if area.width >= SIDE_BY_SIDE {
        let [list, note] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(area);
        (list, note, Borders::LEFT)
    } else {
        let rows = (sessions.len() as u16).clamp(1, (area.height / 3).max(3));
        let [list, note] =
            Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(area);
        (list, note, Borders::TOP)
    };
    draw_timeline(frame, list, lang, page, theme);
    if let Some(session) = page.selected_session() {
        let block = Block::new().borders(borders).border_style(theme.border);
        let inner = block.inner(note);
        frame.render_widget(block, note);
        draw_note(frame, inner, app, session, page.note_scroll(), theme);
    }
}

fn draw_timeline(
    frame: &mut Frame,
    area: Rect,
    lang: Lang,
    page: &ClientPageScreen,
    theme: &Theme,
) {
    let height = usize::from(area.height);
    let width = usize::from(area.width);
    let selected = page.selected_in(PageTab::Sessions);
    let start = first_row(selected, height);
    let lines: Vec<Line> = page
        .data()
        .sessions
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, s)| {
            let minutes = s.minutes.map_or("–".to_string(), |m| format!("{m}m"));
            let motivation = s.motivation.map_or("·".to_string(), |m| m.to_string());
            let head = format!(
                " {} {:<7} {minutes:>4} {motivation} ",
                date(lang, s.started_at.date_naive()),
                value(lang, s.channel.as_str())
            );
            let summary = fit(s.summary(), width.saturating_sub(head.width()));
            let text = format!("{head}{summary}");
            let pad = " ".repeat(width.saturating_sub(text.width()));
            if i == selected {
                Line::styled(format!("{text}{pad}"), theme.selection)
            } else {
                Line::from(vec![
                    Span::styled(head, theme.muted),
                    Span::styled(summary, theme.text),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_note(frame: &mut Frame, area: Rect, app: &App, s: &Session, scroll: usize, theme: &Theme) {
    let width = usize::from(area.width.saturating_sub(2));
    let lang = app.lang();
    let mut title = vec![
        format!(
            "{} {}",
            date(lang, s.started_at.date_naive()),
            s.started_at.format("%H:%M")
        ),
        value(lang, s.channel.as_str()).into_owned(),
    ];
    title.extend(s.minutes.map(|m| lang.f(T::Minutes, &[("n", &m)])));
    title.push(s.advisor.clone());
    let mut about = Vec::new();
    if let Some(m) = s.motivation {
        let label = app
            .settings()
            .motivation_labels
            .get(usize::from(m.saturating_sub(1)))
            .map_or("", String::as_str);
        about.push(lang.f(T::MotivationIs, &[("n", &m), ("label", &label)]));
    }
    if !s.topics.is_empty() {
        about.push(lang.f(T::TopicsAre, &[("list", &s.topics.join(", "))]));
    }
    if !s.competence.is_empty() {
        let ratings: Vec<String> = s
            .competence
            .iter()
            .map(|(area, r)| format!("{area} {r}"))
            .collect();
        about.push(lang.f(T::CompetenceIs, &[("list", &ratings.join(", "))]));
    }
    let mut lines = vec![Line::styled(
        format!(" {}", fit(&title.join(" · "), width)),
        theme.accent,
    )];
    for part in about {
        lines.extend(
            wrap(&part, width)
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), theme.muted)),
        );
    }
    lines.push(Line::default());
    let note = if s.notes.trim().is_empty() {
        vec![Line::styled(format!(" {}", lang.t(T::NoNote)), theme.muted)]
    } else {
        wrap(&s.notes, width)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.text))
            .collect()
    };
    lines.extend(note);
    let height = usize::from(area.height);
    let start = scroll.min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines.into_iter().skip(start).take(height).collect();
    frame.render_widget(Paragraph::new(shown), area);
}
