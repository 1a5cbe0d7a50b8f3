//! A form: its title and keys, the lookalike warning, one row per field with its error beside
//! it, and at the bottom the whole error (or what is accepted) of the field being edited.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::format::fit;
use super::theme::Theme;
use crate::app::screens::FormScreen;
use crate::app::screens::form_fields::Field;
use crate::app::{Action, App};
use crate::domain::text::inert;
use crate::i18n::{FormText, Lang, Words, field as field_text, value};

/// The keys the status bar offers while a form is on show.
pub const HINTS: &[(Action, crate::i18n::Ui)] = &[
    (Action::Save, crate::i18n::Ui::HintSave),
    (Action::NextField, crate::i18n::Ui::HintNextField),
    (Action::PrevField, crate::i18n::Ui::HintPrevious),
    (Action::Back, crate::i18n::Ui::HintCancel),
];

const LABEL_W: usize = 14;
/// The value column takes this share of the room after the label; errors get the rest.
const VALUE_SHARE: usize = 45;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &FormScreen, theme: &Theme) {
    let [title, warning, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_title(frame, title, app.lang(), form, theme);
    if let Some(text) = form.warning() {
        let width = usize::from(warning.width).saturating_sub(1);
        let line = Line::styled(
            format!(" ⚠ {}", fit(text, width.saturating_sub(3))),
            theme.warning,
        );
        frame.render_widget(Paragraph::new(line), warning);
    }
    draw_fields(frame, list, app, form, theme);
    draw_detail(frame, detail, app.lang(), form, theme);
}

fn draw_title(frame: &mut Frame, area: Rect, lang: Lang, form: &FormScreen, theme: &Theme) {
    let title = Span::styled(format!(" {} ", lang.t(form.title())), theme.accent);
    frame.render_widget(Paragraph::new(Line::from(title)), area);
}

fn draw_fields(frame: &mut Frame, area: Rect, app: &App, form: &FormScreen, theme: &Theme) {
    let height = usize::from(area.height);
    if height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let lang = app.lang();
    let label_w = LABEL_W.min(width / 3);
    let room = width.saturating_sub(label_w + 2);
    let value_w = (room * VALUE_SHARE / 100).max(room.min(12));
    let error_w = room.saturating_sub(value_w + 1);
    let first = (form.focus() + 1).saturating_sub(height);
    for (row, (index, field)) in form
        .fields()
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .enumerate()
    {
        let focused = index == form.focus();
        let y = area.y + row as u16;
        let label = fit(field_text(lang, field.name).0, label_w.saturating_sub(1));
        let label_style = if focused { theme.accent } else { theme.text };
        let marker = if focused { "›" } else { " " };
        let mut spans = vec![
            Span::styled(marker, theme.accent),
            Span::styled(format!("{label}{}", pad(&label, label_w)), label_style),
        ];
        let (shown, cursor_x) = value_text(lang, field, value_w, focused);
        let value_style = if focused {
            theme.selection
        } else if field.is_choice() {
            theme.accent.remove_modifier(Modifier::BOLD)
        } else {
            theme.text
        };
        spans.push(Span::styled(
            format!("{shown}{}", pad(&shown, value_w)),
            value_style,
        ));
        if form.shows_error(field) && error_w > 1 {
            let error = fit(field.error.as_deref().unwrap_or_default(), error_w);
            spans.push(Span::raw(" "));
            spans.push(Span::styled(error, theme.error));
        }
        let rect = Rect {
            y,
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
        if focused && app.popups().is_empty() && !field.is_choice() {
            let x = area.x + (1 + label_w + cursor_x) as u16;
            if x < area.right() {
                frame.set_cursor_position(Position::new(x, y));
            }
        }
    }
}

fn pad(text: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(text.width()))
}

/// The part of the value that fits in `width` columns, keeping the cursor in view, and the
/// cursor's column in it. A choice shows its arrows when focused.
fn value_text(lang: Lang, field: &Field, width: usize, focused: bool) -> (String, usize) {
    let safe = inert(field.value(), false);
    if field.is_choice() {
        let word = value(lang, &safe);
        let value = if safe.is_empty() {
            lang.t(Words::Nothing)
        } else {
            &word
        };
        let shown = if focused {
            format!("‹ {} ›", fit(value, width.saturating_sub(4)))
        } else {
            fit(value, width)
        };
        return (shown, 0);
    }
    let chars: Vec<char> = safe.chars().collect();
    let cursor = field.cursor().min(chars.len());
    let before: usize = chars[..cursor].iter().map(|c| c.width().unwrap_or(0)).sum();
    if !focused || before < width {
        let shown = if focused {
            cut(&chars, 0, width)
        } else {
            fit(&safe, width)
        };
        return (shown, before);
    }
    // Scrolled: the cursor stands at the right edge, with what precedes it to its left.
    let mut start = cursor;
    let mut used = 0;
    while start > 0 {
        let w = chars[start - 1].width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        start -= 1;
    }
    (cut(&chars, start, width), used)
}

/// The characters from `start` that fit in `width` columns.
fn cut(chars: &[char], start: usize, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in chars.iter().skip(start) {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(*c);
    }
    out
}

fn draw_detail(frame: &mut Frame, area: Rect, lang: Lang, form: &FormScreen, theme: &Theme) {
    let Some(field) = form.focused() else {
        return;
    };
    let (label, hint) = field_text(lang, field.name);
    let width = usize::from(area.width).saturating_sub(1);
    let line = match (&field.error, form.shows_error(field)) {
        (Some(error), true) => Line::styled(
            format!(" {}", fit(&format!("{label}: {error}"), width)),
            theme.error,
        ),
        _ if field.is_choice() => Line::styled(
            format!(" {}", fit(lang.t(FormText::ChoiceKeys), width)),
            theme.muted,
        ),
        _ if !hint.is_empty() => Line::styled(
            format!(" {}", fit(&format!("{label}: {hint}"), width)),
            theme.muted,
        ),
        _ => Line::default(),
    };
    frame.render_widget(Paragraph::new(line), area);
}
