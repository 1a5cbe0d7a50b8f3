//! Call mode: the note on the left with the session's fields under it, the brief of the client
//! on the right, and a title line with the running timer.
use crate::app::screens::due_parse::parse_due;
use chrono::Local;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

use super::format::{ago, fit, trend};
use super::theme::Theme;
use crate::app::screens::CallScreen;
use crate::app::screens::call_fields::Focus;
use crate::app::{Action, App};
use crate::domain::text::inert;

pub const HINTS: &[(Action, &str)] = &[
    (Action::Save, "save"),
    (Action::NextField, "next field"),
    (Action::Back, "leave (draft kept)"),
    (Action::ExternalEditor, "$EDITOR"),
];

const FIELD_ROWS: u16 = 6;

pub fn draw(frame: &mut Frame, area: Rect, _app: &App, call: &CallScreen, theme: &Theme) {
    let [title, main] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_title(frame, title, call, theme);
    let side = (area.width / 3).clamp(24, 48);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(main);
    let [note, fields] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(FIELD_ROWS)]).areas(left);
    draw_note(frame, note, call, theme);
    draw_fields(frame, fields, call, theme);
    draw_brief(frame, right, call, theme);
}

fn draw_title(frame: &mut Frame, area: Rect, call: &CallScreen, theme: &Theme) {
    let seconds = call.elapsed_seconds();
    let timer = format!("{:02}:{:02}", seconds / 60, seconds % 60);
    let saved = call.draft_saved().map_or(String::new(), |at| {
        format!(" · draft {}", at.with_timezone(&Local).format("%H:%M:%S"))
    });
    let name = inert(&call.brief().client.name, false);
    let width = usize::from(area.width);
    let tail = format!(" · {} · {timer}{saved}", call.fields().channel);
    let name = fit(&name, width.saturating_sub(tail.chars().count() + 7));
    let line = Line::from(vec![
        Span::styled(" Call ", theme.accent.add_modifier(Modifier::REVERSED)),
        Span::styled(format!(" {name}"), theme.accent),
        Span::styled(tail, theme.muted),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn draw_note(frame: &mut Frame, area: Rect, call: &CallScreen, theme: &Theme) {
    let focused = call.focus() == Focus::Notes;
    let block = Block::bordered().title(" Note ").border_style(if focused {
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
            Paragraph::new(Line::styled("(no note yet)", theme.muted)),
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

fn draw_fields(frame: &mut Frame, area: Rect, call: &CallScreen, theme: &Theme) {
    let focus = call.focus();
    let fields = call.fields();
    let choices = call.choices();
    let width = usize::from(area.width);
    let seconds = call.elapsed_seconds();
    let minutes = if fields.minutes.is_empty() {
        format!("{} (timer)", (seconds + 59) / 60)
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
        label("Channel", focus == Focus::Channel, theme),
        Span::raw(format!(" {}  ", fields.channel)),
        label("Min", focus == Focus::Minutes, theme),
        Span::raw(format!(" {minutes}  ")),
        label("Motivation", focus == Focus::Motivation, theme),
        Span::raw(format!(" {motivation}")),
    ]);
    let topics = if focus == Focus::Topics {
        let at = choices
            .topics
            .get(fields.topic_cursor)
            .map_or("", |t| t.as_str());
        let mark = if fields.topics.contains(at) { "x" } else { " " };
        format!(
            " ‹[{mark}] {}› {} chosen",
            inert(at, false),
            fields.topics.len()
        )
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
        format!(
            " ‹{}: {value}› {} rated",
            inert(area, false),
            fields.competence.len()
        )
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
        label("Step", step_focus, theme),
        Span::styled(format!(" [{}] ", fields.step.owner), theme.muted),
        Span::styled(format!("{}", inert(&fields.step.text, false)), theme.text),
        cursor(focus == Focus::StepText, theme),
        Span::styled(
            "  due ",
            if focus == Focus::StepDue {
                theme.selection
            } else {
                theme.muted
            },
        ),
        Span::styled(inert(&fields.step.due, false).into_owned(), theme.text),
        cursor(focus == Focus::StepDue, theme),
        Span::styled(resolved_due(&fields.step.due, call.today()), theme.muted),
    ]);
    let added = match (call.problem(), fields.due_error(call.today())) {
        (Some(problem), _) => Line::styled(fit(problem, width), theme.error),
        (None, Some(error)) => Line::styled(fit(&error, width), theme.error),
        (None, None) => Line::styled(fit(&added_steps(call), width), theme.muted),
    };
    let lines = vec![
        first,
        Line::from(vec![
            label("Topics", focus == Focus::Topics, theme),
            Span::raw(fit(&topics, width)),
        ]),
        Line::from(vec![
            label("Competence", focus == Focus::Competence, theme),
            Span::raw(fit(&competence, width)),
        ]),
        step,
        added,
        Line::styled(fit(keys_for(focus), width), theme.muted),
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

fn added_steps(call: &CallScreen) -> String {
    let steps = &call.fields().new_steps;
    if steps.is_empty() {
        return "No new steps; ctrl-n adds one, Enter keeps it and starts another.".into();
    }
    let each: Vec<String> = steps
        .iter()
        .map(|s| match s.due {
            Some(due) => format!("{} ({}, {due})", inert(&s.text, false), s.owner),
            None => format!("{} ({})", inert(&s.text, false), s.owner),
        })
        .collect();
    format!("+ {}", each.join("; "))
}

fn keys_for(focus: Focus) -> &'static str {
    match focus {
        Focus::Notes => "alt-1…5 motivation · ctrl-n next step · tab fields",
        Focus::Channel => "space/←→ change channel",
        Focus::Minutes => "type minutes over the timer; backspace back to the timer",
        Focus::Motivation => "1–5 rate, 0 clears (alt-1…5 works anywhere)",
        Focus::Topics => "↑↓ choose, space toggles",
        Focus::Competence => "↑↓ choose an area, 1–5 rate, 0 clears",
        Focus::OpenSteps => "↑↓ choose in the brief, x or space ticks done",
        Focus::StepText | Focus::StepDue => "due: +3d, fri, 2026-12-04 · ctrl-o owner · Enter adds",
    }
}

fn draw_brief(frame: &mut Frame, area: Rect, call: &CallScreen, theme: &Theme) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme.border)
        .padding(Padding::horizontal(1));
    let brief = call.brief();
    let today = call.today();
    let mut lines = Vec::new();
    if let Some(pinned) = brief.client.pinned.as_deref() {
        lines.push(Line::styled("Pinned", theme.warning));
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
                format!("Last: {day} ({}) {}", ago(today, day), last.channel),
                theme.muted,
            ));
            lines.push(Line::styled(
                inert(last.summary(), false).into_owned(),
                theme.text,
            ));
        }
        None => lines.push(Line::styled("First session", theme.muted)),
    }
    let trend_values = brief.motivation_trend();
    if !trend_values.is_empty() {
        let latest = trend_values.last().map_or(String::new(), u8::to_string);
        lines.push(Line::from(vec![
            Span::styled("Motivation ", theme.muted),
            Span::styled(trend(trend_values), theme.accent),
            Span::styled(format!(" {latest}"), theme.text),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!("Open steps ({})", brief.open_steps.len()),
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
fn resolved_due(typed: &str, today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if typed.trim().is_empty() {
        return String::new();
    }
    let shown = |d: chrono::NaiveDate| match d.year() == today.year() {
        true => d.format(" → %a %-d.%-m").to_string(),
        false => d.format(" → %-d.%-m.%Y").to_string(),
    };
    parse_due(typed, today).map(shown).unwrap_or_default()
}
