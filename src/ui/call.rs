//! Call mode: the note on the left with the session's fields under it, the brief of the client
//! on the right, and a title line with the running timer.
use crate::app::screens::due_parse::parse_due;
use chrono::Local;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

use super::format::{fit, trend};
use super::theme::Theme;
use crate::app::screens::CallScreen;
use crate::app::screens::call_fields::Focus;
use crate::app::{Action, App};
use crate::domain::text::inert;
use crate::i18n::{CallText as T, Lang, ago, value};

pub const HINTS: &[(Action, crate::i18n::Ui)] = &[
    (Action::Save, crate::i18n::Ui::HintSave),
    (Action::NextField, crate::i18n::Ui::HintNextField),
    (Action::Back, crate::i18n::Ui::HintLeaveCall),
    (Action::ExternalEditor, crate::i18n::Ui::HintEditor),
];

const FIELD_ROWS: u16 = 6;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, call: &CallScreen, theme: &Theme) {
    let lang = app.lang();
    let [title, main] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_title(frame, title, lang, call, theme);
    let side = (area.width / 3).clamp(24, 48);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(main);
    let [note, fields] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(FIELD_ROWS)]).areas(left);
    draw_note(frame, note, lang, call, theme);
    draw_fields(frame, fields, lang, call, theme);
    draw_brief(frame, right, lang, call, theme);
}

fn draw_title(frame: &mut Frame, area: Rect, lang: Lang, call: &CallScreen, theme: &Theme) {
    let seconds = call.elapsed_seconds();
    let timer = format!("{:02}:{:02}", seconds / 60, seconds % 60);
    let saved = call.draft_saved().map_or(String::new(), |at| {
        let time = at.with_timezone(&Local).format("%H:%M:%S");
        lang.f(T::Draft, &[("time", &time)])
    });
    let name = inert(&call.brief().client.name, false);
    let width = usize::from(area.width);
    let channel = value(lang, call.fields().channel.as_str());
    let tail = format!(" · {channel} · {timer}{saved}");
    let name = fit(&name, width.saturating_sub(tail.chars().count() + 7));
    let line = Line::from(vec![
        Span::styled(
            format!(" {} ", lang.t(T::Call)),
            theme.accent.add_modifier(Modifier::REVERSED),
        ),
        Span::styled(format!(" {name}"), theme.accent),
        Span::styled(tail, theme.muted),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn draw_note(frame: &mut Frame, area: Rect, lang: Lang, call: &CallScreen, theme: &Theme) {
    let focused = call.focus() == Focus::Notes;
    let title = format!(" {} ", lang.t(T::Note));
    let block = Block::bordered().title(title).border_style(if focused {
        theme.accent
    } else {
        theme.border
    });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if focused {
        frame.render_widget(call.editor(), inner);
    } else if call.editor().is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(lang.t(T::NoNoteYet), theme.muted)),
            inner,
        );
    } else {
        let text = call.editor().lines().join("\n");
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.text)
                .wrap(Wrap { trim: false }),
            inner,
        );
    }
}

/// A field's label, highlighted when it has the keyboard.
fn label<'a>(text: &'a str, focused: bool, theme: &Theme) -> Span<'a> {
    let style = if focused {
        theme.selection
    } else {
        theme.muted
    };
    Span::styled(text, style)
}

fn draw_fields(frame: &mut Frame, area: Rect, lang: Lang, call: &CallScreen, theme: &Theme) {
    let focus = call.focus();
    let fields = call.fields();
    let choices = call.choices();
    let width = usize::from(area.width);
    let seconds = call.elapsed_seconds();
    let minutes = if fields.minutes.is_empty() {
        lang.f(T::Timer, &[("n", &((seconds + 59) / 60))])
    } else {
        fields.minutes.clone()
    };
    let motivation = fields.motivation.map_or("–".to_string(), |m| {
        let label = choices
            .motivation_labels
            .get(usize::from(m.saturating_sub(1)));
        format!("{m} {}", label.map_or("", |l| l.as_str()))
    });
    let first = Line::from(vec![
        label(lang.t(T::Channel), focus == Focus::Channel, theme),
        Span::raw(format!(" {}  ", value(lang, fields.channel.as_str()))),
        label(lang.t(T::Min), focus == Focus::Minutes, theme),
        Span::raw(format!(" {minutes}  ")),
        label(lang.t(T::Motivation), focus == Focus::Motivation, theme),
        Span::raw(format!(" {motivation}")),
    ]);
    let topics = if focus == Focus::Topics {
        let at = choices
            .topics
            .get(fields.topic_cursor)
            .map_or("", |t| t.as_str());
        let mark = if fields.topics.contains(at) { "x" } else { " " };
        let chosen = lang.f(T::Chosen, &[("n", &fields.topics.len())]);
        format!(" ‹[{mark}] {}› {chosen}", inert(at, false))
    } else if fields.topics.is_empty() {
        " –".to_string()
    } else {
        let chosen: Vec<&str> = fields.topics.iter().map(String::as_str).collect();
        format!(" {}", inert(&chosen.join(", "), false))
    };
    let competence = if focus == Focus::Competence {
        let area = choices
            .areas
            .get(fields.area_cursor)
            .map_or("", |a| a.as_str());
        let value = fields
            .competence
            .get(area)
            .map_or("–".to_string(), u8::to_string);
        let rated = lang.f(T::Rated, &[("n", &fields.competence.len())]);
        format!(" ‹{}: {value}› {rated}", inert(area, false))
    } else {
        let rated: Vec<String> = fields
            .competence
            .iter()
            .map(|(a, v)| format!("{a} {v}"))
            .collect();
        format!(
            " {}",
            if rated.is_empty() {
                "–".to_string()
            } else {
                inert(&rated.join(", "), false).into_owned()
            }
        )
    };
    let step_focus = matches!(focus, Focus::StepText | Focus::StepDue);
    let step = Line::from(vec![
        label(lang.t(T::Step), step_focus, theme),
        Span::styled(
            format!(" [{}] ", value(lang, fields.step.owner.as_str())),
            theme.muted,
        ),
        Span::styled(format!("{}", inert(&fields.step.text, false)), theme.text),
        cursor(focus == Focus::StepText, theme),
        Span::styled(
            lang.t(T::Due),
            if focus == Focus::StepDue {
                theme.selection
            } else {
                theme.muted
            },
        ),
        Span::styled(inert(&fields.step.due, false).into_owned(), theme.text),
        cursor(focus == Focus::StepDue, theme),
        Span::styled(
            resolved_due(lang, &fields.step.due, call.today()),
            theme.muted,
        ),
    ]);
    let added = match (call.problem(), fields.due_error(call.today())) {
        (Some(problem), _) => Line::styled(fit(problem, width), theme.error),
        (None, Some(error)) => Line::styled(fit(&error, width), theme.error),
        (None, None) => Line::styled(fit(&added_steps(lang, call), width), theme.muted),
    };
    let lines = vec![
        first,
        Line::from(vec![
            label(lang.t(T::Topics), focus == Focus::Topics, theme),
            Span::raw(fit(&topics, width)),
        ]),
        Line::from(vec![
            label(lang.t(T::Competence), focus == Focus::Competence, theme),
            Span::raw(fit(&competence, width)),
        ]),
        step,
        added,
        Line::styled(fit(lang.t(keys_for(focus)), width), theme.muted),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

fn cursor(shown: bool, theme: &Theme) -> Span<'static> {
    if shown {
        Span::styled(" ", theme.text.add_modifier(Modifier::REVERSED))
    } else {
        Span::raw("")
    }
}

fn added_steps(lang: Lang, call: &CallScreen) -> String {
    let steps = &call.fields().new_steps;
    if steps.is_empty() {
        return lang.t(T::NoNewSteps).into();
    }
    let each: Vec<String> = steps
        .iter()
        .map(|s| match s.due {
            Some(due) => format!(
                "{} ({}, {})",
                inert(&s.text, false),
                value(lang, s.owner.as_str()),
                crate::i18n::date(lang, due)
            ),
            None => format!(
                "{} ({})",
                inert(&s.text, false),
                value(lang, s.owner.as_str())
            ),
        })
        .collect();
    format!("+ {}", each.join("; "))
}

fn keys_for(focus: Focus) -> T {
    match focus {
        Focus::Notes => T::KeysNotes,
        Focus::Channel => T::KeysChannel,
        Focus::Minutes => T::KeysMinutes,
        Focus::Motivation => T::KeysMotivation,
        Focus::Topics => T::KeysTopics,
        Focus::Competence => T::KeysCompetence,
        Focus::OpenSteps => T::KeysOpenSteps,
        Focus::StepText | Focus::StepDue => T::KeysStep,
    }
}

fn draw_brief(frame: &mut Frame, area: Rect, lang: Lang, call: &CallScreen, theme: &Theme) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme.border)
        .padding(Padding::horizontal(1));
    let brief = call.brief();
    let today = call.today();
    let mut lines = Vec::new();
    if let Some(pinned) = brief.client.pinned.as_deref() {
        lines.push(Line::styled(lang.t(T::Pinned), theme.warning));
        lines.extend(
            inert(pinned, true)
                .lines()
                .map(|l| Line::styled(l.to_string(), theme.text)),
        );
        lines.push(Line::default());
    }
    match &brief.last_session {
        Some(last) => {
            let day = last.started_at.with_timezone(&Local).date_naive();
            lines.push(Line::styled(
                lang.f(
                    T::LastSession,
                    &[
                        ("date", &crate::i18n::date(lang, day)),
                        ("ago", &ago(lang, today, day)),
                        ("channel", &value(lang, last.channel.as_str())),
                    ],
                ),
                theme.muted,
            ));
            lines.push(Line::styled(
                inert(last.summary(), false).into_owned(),
                theme.text,
            ));
        }
        None => lines.push(Line::styled(lang.t(T::FirstSession), theme.muted)),
    }
    let trend_values = brief.motivation_trend();
    if !trend_values.is_empty() {
        let latest = trend_values.last().map_or(String::new(), u8::to_string);
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", lang.t(T::Motivation)), theme.muted),
            Span::styled(trend(trend_values), theme.accent),
            Span::styled(format!(" {latest}"), theme.text),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        lang.f(T::OpenSteps, &[("n", &brief.open_steps.len())]),
        theme.muted,
    ));
    let fields = call.fields();
    for (i, step) in brief.open_steps.iter().enumerate() {
        let mark = if fields.ticked.contains(&step.id) {
            "[x]"
        } else {
            "[ ]"
        };
        let due = step
            .due
            .map_or(String::new(), |d| format!(" {}", d.format("%d.%m")));
        let style = if step.is_overdue(today) {
            theme.warning
        } else {
            theme.text
        };
        let style = if call.focus() == Focus::OpenSteps && i == fields.open_cursor {
            style.patch(theme.selection)
        } else {
            style
        };
        lines.push(Line::styled(
            format!("{mark} {}{due}", inert(&step.text, false)),
            style,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// The date a typed due date such as `+3d` or `fri` stands for, so the advisor sees it at once.
fn resolved_due(lang: Lang, typed: &str, today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if typed.trim().is_empty() {
        return String::new();
    }
    let shown = |d: chrono::NaiveDate| match d.year() == today.year() {
        true => format!(
            " → {} {}",
            crate::i18n::weekday(lang, d),
            d.format("%-d.%-m")
        ),
        false => d.format(" → %-d.%-m.%Y").to_string(),
    };
    parse_due(typed, today).map(shown).unwrap_or_default()
}
