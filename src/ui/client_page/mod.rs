//! The client page: who the client is and the pinned note on top, the tab bar, and the tab.
mod progress;
mod records;
mod sessions;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::format::fit;
use super::theme::Theme;
use crate::app::screens::{ClientPageScreen, PageTab};
use crate::app::{Action, App};
use crate::domain::Client;
use crate::domain::text::inert;
use crate::i18n::{ClientsText, Lang, PageText, Ui, value};

/// The keys for the status bar, most useful first.
pub const HINTS: &[(Action, crate::i18n::Ui)] = &[
    (Action::Help, crate::i18n::Ui::HintHelp),
    (Action::NextField, crate::i18n::Ui::HintTabs),
    (Action::MoveDown, crate::i18n::Ui::HintMove),
    (Action::Call, crate::i18n::Ui::HintCall),
    (Action::Tick, crate::i18n::Ui::HintTick),
    (Action::Delete, crate::i18n::Ui::HintDelete),
    (Action::Back, crate::i18n::Ui::HintBack),
];

/// The keys of the Ventures tab: ventures and their milestones.
pub const VENTURE_HINTS: &[(Action, Ui)] = &[
    (Action::Help, Ui::HintHelp),
    (Action::Add, Ui::HintVenture),
    (Action::AddMilestone, Ui::HintMilestone),
    (Action::Edit, Ui::HintEdit),
    (Action::NextField, Ui::HintTabs),
    (Action::Delete, Ui::HintDelete),
    (Action::Back, Ui::HintBack),
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, page: &ClientPageScreen, theme: &Theme) {
    let client = &page.data().client;
    let width = usize::from(area.width.saturating_sub(2));
    let pinned_cap = if area.height >= 30 { 3 } else { 2 };
    let pinned = client
        .pinned
        .as_deref()
        .map(|p| {
            let one_line = p.split_whitespace().collect::<Vec<_>>().join(" ");
            let text = app
                .lang()
                .f(ClientsText::PinnedNote, &[("text", &one_line)]);
            let mut lines = wrap(&text, width);
            if lines.len() > pinned_cap {
                lines.truncate(pinned_cap);
                if let Some(last) = lines.last_mut() {
                    *last = fit(&format!("{last} …"), width);
                }
            }
            lines
        })
        .unwrap_or_default();
    let [who, pinned_area, tabs, body] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(pinned.len() as u16),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    draw_who(frame, who, app.lang(), client, theme);
    let pinned: Vec<Line> = pinned
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme.warning))
        .collect();
    frame.render_widget(Paragraph::new(pinned), pinned_area);
    draw_tabs(frame, tabs, app.lang(), page, theme);
    match page.tab() {
        PageTab::Profile => records::draw_profile(frame, body, app, page, theme),
        PageTab::Sessions => sessions::draw(frame, body, app, page, theme),
        PageTab::Progress => progress::draw(frame, body, app, page, theme),
        PageTab::Steps => records::draw_steps(frame, body, app, page, theme),
        PageTab::Ventures => records::draw_ventures(frame, body, app, page, theme),
    }
}

fn draw_who(frame: &mut Frame, area: Rect, lang: Lang, client: &Client, theme: &Theme) {
    let width = usize::from(area.width.saturating_sub(1));
    let advisor = client
        .advisor
        .as_deref()
        .map_or(lang.t(ClientsText::NoAdvisor).to_string(), |a| {
            lang.f(ClientsText::AdvisorIs, &[("name", &a)])
        });
    let mut about = vec![value(lang, client.status.as_str()).into_owned(), advisor];
    about.extend(client.country.clone());
    let name = fit(&client.name, width / 2);
    let rest = fit(&about.join(" · "), width.saturating_sub(name.width() + 3));
    let contact: Vec<&str> = [&client.phone, &client.email]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let contact = if contact.is_empty() {
        Line::styled(format!(" {}", lang.t(PageText::NoContact)), theme.muted)
    } else {
        Line::styled(format!(" {}", fit(&contact.join(" · "), width)), theme.text)
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(format!(" {name}"), theme.accent),
            Span::styled(format!("  {rest}"), theme.muted),
        ]),
        contact,
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_tabs(frame: &mut Frame, area: Rect, lang: Lang, page: &ClientPageScreen, theme: &Theme) {
    let data = page.data();
    let mut spans = Vec::new();
    for tab in PageTab::ALL {
        let count = match tab {
            PageTab::Sessions => Some(data.sessions.len()),
            PageTab::Steps => Some(data.steps.iter().filter(|s| s.is_open()).count()),
            PageTab::Ventures => Some(data.ventures.len()),
            PageTab::Profile | PageTab::Progress => None,
        };
        let text = match count {
            Some(n) => format!(" {} {n} ", lang.t(tab.label())),
            None => format!(" {} ", lang.t(tab.label())),
        };
        let style = if tab == page.tab() {
            theme.accent.add_modifier(Modifier::REVERSED)
        } else {
            theme.text
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::styled("│", theme.border));
    }
    spans.pop();
    let mut line = Line::from(spans);
    line.spans.insert(0, Span::raw(" "));
    frame.render_widget(Paragraph::new(line), area);
}

/// User text made safe and broken into lines of at most `width` columns, at spaces where it can
/// and inside a word only when the word alone is wider. Line breaks in the text are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let safe = inert(text, true).replace('\t', "    ");
    let mut out = Vec::new();
    for paragraph in safe.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let gap = usize::from(!line.is_empty());
            if line.width() + gap + word.width() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                if !line.is_empty() && line.width() + c.width().unwrap_or(0) > width {
                    out.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        out.push(line);
    }
    out
}

/// The first row to show of a list `height` rows high so that `selected` is on screen.
fn first_row(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_by_display_width() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("王芳王芳王芳", 5), ["王芳", "王芳", "王芳"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("x\u{1b}y", 10), ["x\u{241b}y"]);
        for width in 1..12 {
            for line in wrap("Nguyễn 王芳 😀 Жанна averyveryverylongword", width) {
                assert!(line.width() <= width.max(2), "{width}: {line}");
            }
        }
    }

    #[test]
    fn first_row_keeps_the_selection_in_view() {
        assert_eq!(first_row(0, 5), 0);
        assert_eq!(first_row(4, 5), 0);
        assert_eq!(first_row(7, 5), 3);
        assert_eq!(first_row(3, 0), 3);
    }
}
