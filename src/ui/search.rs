//! The Search screen: the query line, then one row per hit with the matched words highlighted.
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::format::fit;
use super::theme::Theme;
use crate::app::screens::SearchScreen;
use crate::app::{Action, App};
use crate::domain::text::inert;
use crate::i18n::{Lang, SearchText, Words, date};
use crate::store::{Kind, SearchHit};

/// The keys of the results for the status bar.
pub const HINTS: &[(Action, crate::i18n::Ui)] = &[
    (Action::Help, crate::i18n::Ui::HintHelp),
    (Action::Open, crate::i18n::Ui::HintOpen),
    (Action::Filter, crate::i18n::Ui::HintQuery),
    (Action::Call, crate::i18n::Ui::HintCall),
    (Action::GoClients, crate::i18n::Ui::HintClients),
    (Action::GoAgenda, crate::i18n::Ui::HintAgenda),
    (Action::Quit, crate::i18n::Ui::HintBack),
];

const KIND_W: usize = 7;
const DATE_W: usize = 10;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &SearchScreen, theme: &Theme) {
    let [query, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_query(frame, query, app, screen, theme);
    let lang = app.lang();
    let message = match (screen.query().trim().is_empty(), screen.hits().is_empty()) {
        (true, _) => Some(lang.t(SearchText::Prompt)),
        (false, true) if screen.is_current() => Some(lang.t(SearchText::NoMatch)),
        (false, true) => Some(lang.t(SearchText::Searching)),
        _ => None,
    };
    if let Some(message) = message {
        let text = Paragraph::new(Line::styled(message, theme.muted)).wrap(Wrap { trim: true });
        frame.render_widget(text, list.inner(Margin::new(1, 1)));
        return;
    }
    let height = usize::from(list.height);
    let first = screen.first_visible(height);
    let width = usize::from(list.width);
    let selected = (!screen.is_editing()).then_some(screen.selected_index());
    let lines: Vec<Line> = screen
        .hits()
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, hit)| {
            let line = hit_line(lang, hit, width, theme);
            if selected == Some(i) {
                let mut spans = line.spans;
                if let Some(marker) = spans.first_mut() {
                    *marker = Span::styled(">", theme.accent);
                }
                Line::from(spans).style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn draw_query(frame: &mut Frame, area: Rect, app: &App, screen: &SearchScreen, theme: &Theme) {
    let count = if screen.is_current() {
        match screen.total() {
            Some(total) => format!(" {total} "),
            None if screen.has_more() => format!(" {}+ ", screen.hits().len()),
            None => format!(" {} ", screen.hits().len()),
        }
    } else {
        String::new()
    };
    let count_w = (count.width() as u16).min(area.width);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(count_w)]).areas(area);
    frame.render_widget(Paragraph::new(Span::styled(count, theme.muted)), right);
    super::query_line::draw(frame, app, left, screen.query(), screen.is_editing(), theme);
}

fn kind_label(kind: Kind) -> Words {
    match kind {
        Kind::Client => Words::Client,
        Kind::Session => Words::Session,
        Kind::NextStep => Words::Step,
        Kind::Venture => Words::Venture,
        Kind::Milestone => Words::Outcome,
    }
}

fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

fn hit_line<'a>(lang: Lang, hit: &SearchHit, width: usize, theme: &Theme) -> Line<'a> {
    let rest = width.saturating_sub(1 + KIND_W + 1 + DATE_W + 1 + 1);
    let name_w = (rest / 4).clamp(6.min(rest), 24);
    let snippet_w = rest.saturating_sub(name_w + 1);
    let date = hit
        .at
        .map(|t| date(lang, t.date_naive()))
        .unwrap_or_default();
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(pad(lang.t(kind_label(hit.kind)), KIND_W), theme.muted),
        Span::raw(" "),
        Span::styled(pad(&hit.client_name, name_w), theme.text),
        Span::raw(" "),
        Span::styled(pad(&date, DATE_W), theme.muted),
        Span::raw(" "),
    ];
    let marked = theme.accent.add_modifier(Modifier::UNDERLINED);
    spans.extend(highlighted(
        &hit.snippet,
        &hit.highlights,
        snippet_w,
        marked,
    ));
    Line::from(spans)
}

/// `snippet` cut to `width` columns, split into plain and marked pieces; each piece is made
/// inert on its own so the byte ranges keep pointing at the right words.
fn highlighted<'a>(
    snippet: &str,
    marks: &[Range<usize>],
    width: usize,
    marked: Style,
) -> Vec<Span<'a>> {
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for range in marks {
        let (Some(before), Some(word)) = (
            snippet.get(at..range.start),
            snippet.get(range.start..range.end),
        ) else {
            continue;
        };
        pieces.push((before, false));
        pieces.push((word, true));
        at = range.end;
    }
    pieces.push((snippet.get(at..).unwrap_or_default(), false));
    let mut spans = Vec::new();
    let mut used = 0;
    for (text, is_mark) in pieces {
        let style = if is_mark { marked } else { Style::new() };
        let safe = inert(text, false);
        if used + safe.width() <= width {
            used += safe.width();
            spans.push(Span::styled(safe.into_owned(), style));
            continue;
        }
        let mut cut = String::new();
        for c in safe.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            used += w;
            cut.push(c);
        }
        spans.push(Span::styled(cut, style));
        if width > 0 {
            spans.push(Span::raw("…"));
        }
        break;
    }
    spans
}
