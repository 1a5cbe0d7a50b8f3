//! The Clients screen: filter line, the list (only its visible rows), and the preview beside it
//! on wide terminals or below it on narrow ones.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};
use unicode_width::UnicodeWidthStr;

use super::client_preview;
use super::format::{fit, fit_tail, trend};
use super::theme::Theme;
use crate::app::screens::ClientsScreen;
use crate::app::screens::client_rows::{DUE_WITHIN_DAYS, Sort};
use crate::app::{Action, App, Mode};
use crate::domain::ClientStatus;
use crate::domain::text::inert;
use crate::i18n::{ClientsText as T, Words, ago, date};
use crate::store::ClientSummary;

/// From this width the preview stands beside the list; below it, under the list.
const SIDE_PREVIEW_WIDTH: u16 = 100;
/// The list area must be this high before a preview goes under it.
const BELOW_PREVIEW_MIN_HEIGHT: u16 = 16;
const LAST_W: u16 = 5;
const DUE_W: u16 = 10;
const TREND_W: u16 = 8;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ClientsScreen, theme: &Theme) {
    let [filter_area, main] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_filter_line(frame, filter_area, app, screen, theme);
    let (shown, total) = screen.counts();
    let lang = app.lang();
    let empty = match (screen.is_loaded(), total, shown) {
        (false, _, _) => Some(lang.t(T::Reading)),
        (true, 0, _) => {
            super::welcome::draw(frame, main, app, theme);
            return;
        }
        (true, _, 0) => Some(lang.t(T::NoMatch)),
        _ => None,
    };
    if let Some(message) = empty {
        let text = Paragraph::new(Line::styled(message, theme.muted)).wrap(Wrap { trim: true });
        frame.render_widget(text, main.inner(Margin::new(1, 1)));
        return;
    }
    let selected = screen.selected();
    if area.width >= SIDE_PREVIEW_WIDTH {
        let side = (area.width / 5 * 2).clamp(36, 56);
        let [list, _, preview] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(side),
        ])
        .areas(main);
        draw_list(frame, list, app, screen, theme);
        if let Some(client) = selected {
            client_preview::draw_side(frame, preview, app, client, screen.preview(), theme);
        }
    } else if main.height >= BELOW_PREVIEW_MIN_HEIGHT {
        let [list, preview] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(4)]).areas(main);
        draw_list(frame, list, app, screen, theme);
        if let Some(client) = selected {
            client_preview::draw_below(frame, preview, app, client, screen.preview(), theme);
        }
    } else {
        draw_list(frame, main, app, screen, theme);
    }
}

fn draw_filter_line(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &ClientsScreen,
    theme: &Theme,
) {
    let filters = screen.filters();
    let lang = app.lang();
    let mut tags: Vec<Span> = Vec::new();
    let mut tag = |text: String, style: Style| {
        tags.push(Span::styled(text, style));
        tags.push(Span::styled(" · ", theme.muted));
    };
    if filters.mine_only {
        tag(lang.t(T::Mine).into(), theme.accent);
    }
    if let Some(status) = filters.status {
        tag(
            crate::i18n::value(lang, status.as_str()).into(),
            theme.accent,
        );
    }
    if let Some(sector) = screen.sector_filter() {
        tag(inert(sector, false).into_owned(), theme.accent);
    }
    if filters.due_only {
        tag(
            lang.f(T::DueWithin, &[("n", &DUE_WITHIN_DAYS)]),
            theme.accent,
        );
    }
    let by = match screen.sort() {
        Sort::Name => T::ByName,
        Sort::LastContact => T::ByLastContact,
        Sort::NextDue => T::ByNextDue,
    };
    tag(lang.t(by).into(), theme.muted);
    let (shown, total) = screen.counts();
    tags.push(Span::styled(format!("{shown}/{total} "), theme.muted));
    let right = Line::from(tags);
    let right_width = (right.width() as u16).min(area.width);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)]).areas(area);
    frame.render_widget(Paragraph::new(right), right_area);

    let room = usize::from(left_area.width).saturating_sub(4);
    let key = app
        .keymap()
        .hint(Mode::Normal, Action::Filter)
        .unwrap_or_default();
    let left = if screen.is_editing() {
        let typed = fit_tail(screen.filter(), room);
        let cursor_x = left_area.x + 3 + typed.width() as u16;
        if app.popups().is_empty() && cursor_x < left_area.right() {
            frame.set_cursor_position(Position::new(cursor_x, left_area.y));
        }
        Line::from(vec![
            Span::styled(" / ", theme.accent),
            Span::styled(typed.into_owned(), theme.text),
        ])
    } else if !screen.filter().is_empty() {
        Line::from(vec![
            Span::styled(" / ", theme.muted),
            Span::styled(fit(screen.filter(), room), theme.accent),
        ])
    } else {
        Line::styled(
            fit(
                &format!(" {}", lang.f(T::FilterHint, &[("key", &key)])),
                room + 3,
            ),
            theme.muted,
        )
    };
    frame.render_widget(Paragraph::new(left), left_area);
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, screen: &ClientsScreen, theme: &Theme) {
    let height = usize::from(area.height.saturating_sub(1));
    let first = screen.first_visible(height);
    let selected = screen.selected_index();
    let rest = area.width.saturating_sub(LAST_W + DUE_W + TREND_W + 4 + 1);
    let name_w = rest * 11 / 20;
    let venture_w = rest - name_w;
    let rows = screen.shown(first, height).enumerate().map(|(i, client)| {
        let style = if first + i == selected {
            theme.selection
        } else {
            Style::new()
        };
        row(app, client, name_w, venture_w, theme).style(style)
    });
    let widths = [name_w, venture_w, LAST_W, DUE_W, TREND_W].map(Constraint::Length);
    let header = [T::Name, T::Venture, T::Last, T::DueColumn, T::Trend].map(|t| app.lang().t(t));
    let header = Row::new(header).style(theme.muted.add_modifier(Modifier::BOLD));
    let table = Table::new(rows, widths).header(header).column_spacing(1);
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    frame.render_widget(table, inner);
    // A marker as well as the colour, for monochrome terminals and screen readers.
    if let Some(row) = selected.checked_sub(first).filter(|row| *row < height) {
        let at = Rect {
            y: area.y + 1 + row as u16,
            width: 1.min(area.width),
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(Span::styled(">", theme.accent)), at);
    }
}

fn row<'a>(app: &App, c: &ClientSummary, name_w: u16, venture_w: u16, theme: &Theme) -> Row<'a> {
    let today = app.today();
    let lang = app.lang();
    let name_style = if c.status == ClientStatus::Active {
        theme.text
    } else {
        theme.muted
    };
    let venture = c
        .main_venture()
        .map(|v| {
            format!(
                "{} · {}",
                v.name,
                crate::i18n::value(lang, v.stage.as_str())
            )
        })
        .unwrap_or_default();
    let (last, last_style) = match c.last_contact {
        Some(t) => {
            let dormant =
                (today - t.date_naive()).num_days() >= i64::from(app.settings().dormant_days);
            (
                ago(lang, today, t.date_naive()),
                if dormant { theme.warning } else { theme.text },
            )
        }
        None => (lang.t(Words::Never).to_string(), theme.warning),
    };
    let (due, due_style) = match &c.next_due {
        Some((day, _)) => {
            let style = match (*day - today).num_days() {
                ..0 => theme.error,
                0..=DUE_WITHIN_DAYS => theme.warning,
                _ => theme.text,
            };
            (date(lang, *day), style)
        }
        None => (String::new(), theme.text),
    };
    Row::new([
        Span::styled(fit(&c.name, usize::from(name_w)), name_style),
        Span::styled(fit(&venture, usize::from(venture_w)), theme.text),
        Span::styled(last, last_style),
        Span::styled(due, due_style),
        Span::styled(trend(&c.motivation), theme.accent),
    ])
}
