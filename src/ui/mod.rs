//! Drawing only: `draw(frame, &app)` renders the state of the app and nothing else — no store,
//! no I/O, no changes. One file per screen; `format` and `theme` are shared.
mod agenda;
mod audit;
mod call;
mod client_page;
mod client_preview;
mod clients;
mod form;
pub mod format;
mod popups;
mod query_line;
mod reports;
mod reports_charts;
mod search;
pub mod theme;
mod welcome;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::screens::{PageTab, Tab};
use crate::app::{Action, App, Mode, Screen};
use crate::i18n::Ui;
use format::fit;
use theme::Theme;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = app.lang().f(
            Ui::TooSmall,
            &[
                ("min", &format!("{MIN_WIDTH}×{MIN_HEIGHT}")),
                ("size", &format!("{}×{}", area.width, area.height)),
            ],
        );
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let theme = Theme::new(app.settings());
    frame.render_widget(Block::new().style(theme.base), area);
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, app, &theme);
    match app.screen() {
        Screen::Clients(screen) => clients::draw(frame, body, app, screen, &theme),
        Screen::ClientPage(page) => client_page::draw(frame, body, app, page, &theme),
        Screen::Agenda(screen) => agenda::draw(frame, body, app, screen, &theme),
        Screen::Search(screen) => search::draw(frame, body, app, screen, &theme),
        Screen::Call(call) => call::draw(frame, body, app, call, &theme),
        Screen::Form(form) => form::draw(frame, body, app, form, &theme),
        Screen::Reports(screen) => reports::draw(frame, body, app, screen, &theme),
        Screen::Audit(screen) => audit::draw(frame, body, app, screen, &theme),
    }
    draw_status(frame, status, app, &theme);
    for popup in app.popups() {
        popups::draw(frame, area, app, popup, &theme);
    }
}

/// The app's name, the top-level screens with their keys, and who is working. When the tabs do
/// not fit, the ones not on show keep only their key.
fn draw_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let current = app.screen().tab();
    // Reports and the audit log are for leads and admins; others are not shown a tab they
    // cannot open.
    let tabs: Vec<(Tab, String, String)> = Tab::ALL
        .into_iter()
        .filter(|tab| !matches!(tab, Tab::Reports | Tab::Audit) || app.access().sees_all())
        .map(|tab| {
            let key = app
                .keymap()
                .hint(Mode::Normal, tab.action())
                .unwrap_or_default();
            (tab, key, app.lang().t(tab.label()).to_string())
        })
        .collect();
    let full: usize = tabs.iter().map(|(_, k, l)| k.width() + l.width() + 3).sum();
    let actor_w = app.actor().width().min(10);
    let compact = 11 + full + 2 + actor_w > usize::from(area.width);
    let mut spans = vec![Span::styled(" veileder ", theme.accent), Span::raw(" ")];
    for (tab, key, label) in tabs {
        let style = if tab == current {
            theme.accent.add_modifier(Modifier::REVERSED)
        } else {
            theme.text
        };
        let text = if compact && tab != current {
            format!(" {key} ")
        } else {
            format!(" {key} {label} ")
        };
        spans.push(Span::styled(text, style));
    }
    let line = Line::from(spans);
    let used = line.width();
    frame.render_widget(Paragraph::new(line), area);
    let room = usize::from(area.width).saturating_sub(used + 2);
    let actor = if app.is_read_only() {
        format!("{} · {}", app.lang().t(Ui::ReadOnly), app.actor())
    } else {
        app.actor().to_string()
    };
    let actor = fit(&actor, room);
    let width = actor.width() as u16 + 1;
    let right = Rect {
        x: area.right().saturating_sub(width),
        width: width.min(area.width),
        ..area
    };
    frame.render_widget(Paragraph::new(Span::styled(actor, theme.muted)), right);
}

/// The latest message, or else the keys most useful right now.
fn draw_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width).saturating_sub(1);
    let line = match app.status() {
        Some(status) => {
            let style = if status.is_error {
                theme.error
            } else {
                theme.text
            };
            Line::styled(format!(" {}", fit(&status.text, width)), style)
        }
        None => hints(app, theme, width),
    };
    frame.render_widget(Paragraph::new(line), area);
}

fn hints<'a>(app: &App, theme: &Theme, width: usize) -> Line<'a> {
    let mode = app.mode();
    let wanted: &[(Action, Ui)] = match (app.screen(), mode) {
        (Screen::Agenda(_), _) => agenda::HINTS,
        (Screen::Reports(_), Mode::Text) => reports::TYPING_HINTS,
        (Screen::Reports(_), Mode::Normal) => reports::HINTS,
        (Screen::Call(_), _) => call::HINTS,
        (Screen::Search(_), Mode::Normal) => search::HINTS,
        (Screen::Audit(_), Mode::Normal) => audit::HINTS,
        (Screen::Form(_), _) => form::HINTS,
        (Screen::ClientPage(p), _) if p.tab() == PageTab::Ventures => client_page::VENTURE_HINTS,
        (Screen::ClientPage(_), _) => client_page::HINTS,
        _ => match mode {
            Mode::Text => &[
                (Action::Open, Ui::HintOpen),
                (Action::Back, Ui::HintDone),
                (Action::MoveDown, Ui::HintMove),
            ],
            Mode::Normal => &[
                (Action::Help, Ui::HintHelp),
                (Action::Filter, Ui::HintFilter),
                (Action::Open, Ui::HintOpen),
                (Action::ToggleMine, Ui::HintMine),
                (Action::CycleStatusFilter, Ui::HintStatus),
                (Action::ToggleDueFilter, Ui::HintDue),
                (Action::CycleSort, Ui::HintSort),
                (Action::Quit, Ui::HintQuit),
                (Action::Delete, Ui::HintDelete),
                (Action::CycleSectorFilter, Ui::HintSector),
            ],
        },
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (action, label) in wanted {
        let Some(key) = app.keymap().hint(mode, *action) else {
            continue;
        };
        let label = app.lang().t(*label);
        let cost = key.width() + label.width() + 3;
        if used + cost > width {
            break;
        }
        used += cost;
        spans.push(Span::styled(format!(" {key}"), theme.accent));
        spans.push(Span::styled(format!(" {label} "), theme.muted));
    }
    Line::from(spans)
}
