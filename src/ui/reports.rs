//! The Reports screen: a line with the period and the views, then the figures as tables, the
//! bar charts, or the warnings list.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::format::{fit, fit_tail};
use super::reports_charts;
use super::theme::Theme;
use crate::app::screens::ReportsScreen;
use crate::app::screens::reports::{ReportData, ReportView, Typing};
use crate::app::{Action, App, Mode};
use crate::i18n::{Lang, ReportsScreenText as T, Ui};
use crate::report::{self, Report, Warning};

/// The keys of this screen for the status bar.
pub const HINTS: &[(Action, Ui)] = &[
    (Action::Help, Ui::HintHelp),
    (Action::CyclePeriod, Ui::HintPeriod),
    (Action::Edit, Ui::HintCustom),
    (Action::NextField, Ui::HintView),
    (Action::Save, Ui::HintExport),
    (Action::Open, Ui::HintOpenWarning),
    (Action::Quit, Ui::HintBack),
];

/// The keys while a period or a file name is typed.
pub const TYPING_HINTS: &[(Action, Ui)] = &[
    (Action::Open, Ui::HintApply),
    (Action::NextField, Ui::HintFromTo),
    (Action::Back, Ui::HintCancel),
];

const FIGURE_W: usize = 10;
const NAME_W: usize = 22;
const KIND_W: usize = 14;
/// Tables wider than this put their figures too far from their labels to read across.
const TABLE_MAX_W: usize = 64;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ReportsScreen, theme: &Theme) {
    let [period, views, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    draw_period(frame, period, app, screen, theme);
    draw_views(frame, views, app, screen, theme);
    let lang = app.lang();
    let Some(data) = screen.data() else {
        let text = Paragraph::new(Line::styled(lang.t(T::Counting), theme.muted))
            .wrap(Wrap { trim: true });
        frame.render_widget(text, body.inner(Margin::new(1, 1)));
        return;
    };
    match screen.view() {
        ReportView::Figures => draw_figures(frame, body, app, &data.report, screen.scroll(), theme),
        ReportView::Charts => reports_charts::draw(frame, body, lang, data, theme),
        ReportView::Warnings => draw_warnings(frame, body, app, data, screen.selected(), theme),
    }
}

/// A field being typed, with a cursor mark at its end.
fn field<'a>(label: &str, text: &str, focused: bool, theme: &Theme) -> Vec<Span<'a>> {
    let style = if focused { theme.selection } else { theme.text };
    let cursor = if focused { "▏" } else { "" };
    vec![
        Span::styled(format!(" {label} "), theme.muted),
        Span::styled(format!("[{}{cursor}]", fit_tail(text, 48)), style),
    ]
}

fn draw_period(frame: &mut Frame, area: Rect, app: &App, screen: &ReportsScreen, theme: &Theme) {
    let width = usize::from(area.width);
    let lang = app.lang();
    let mut spans = match screen.typing() {
        Some(Typing::ExportPath) => {
            let mut s = field(lang.t(T::WriteTo), screen.export_path(), true, theme);
            s.push(Span::styled(lang.t(T::Endings), theme.muted));
            s
        }
        Some(t @ (Typing::From | Typing::To)) => {
            let from = Typing::From;
            let mut s = field(lang.t(T::FromField), screen.from_text(), t == from, theme);
            s.extend(field(
                lang.t(T::ToField),
                screen.to_text(),
                t == Typing::To,
                theme,
            ));
            s.push(Span::styled(lang.t(T::RangeHint), theme.muted));
            s
        }
        None => {
            let key = app
                .keymap()
                .hint(Mode::Normal, Action::CyclePeriod)
                .unwrap_or_default();
            let covered = screen
                .data()
                .map(|d| report::period_in(lang, &d.period))
                .unwrap_or_default();
            vec![
                Span::styled(lang.t(T::Period), theme.muted),
                Span::styled(
                    format!("‹{}›", lang.t(screen.choice().label())),
                    theme.accent,
                ),
                Span::styled(format!(" {covered}"), theme.text),
                Span::styled(lang.f(T::Changes, &[("key", &key)]), theme.muted),
            ]
        }
    };
    let mut used = 0;
    spans.retain(|s| {
        used += s.content.width();
        used <= width
    });
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_views(frame: &mut Frame, area: Rect, app: &App, screen: &ReportsScreen, theme: &Theme) {
    let lang = app.lang();
    let warnings = screen.data().map_or(0, |d| d.report.warnings.len());
    let mut spans = vec![Span::raw(" ")];
    for view in ReportView::ALL {
        let label = match view {
            ReportView::Warnings => format!(" {} ({warnings}) ", lang.t(view.label())),
            _ => format!(" {} ", lang.t(view.label())),
        };
        let style = if view == screen.view() {
            theme.accent.add_modifier(Modifier::REVERSED)
        } else {
            theme.muted
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The headline figures, then every section of the report as a small table; two columns of
/// sections when the terminal is wide.
fn draw_figures(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    r: &Report,
    scroll: usize,
    theme: &Theme,
) {
    let columns = if area.width >= 110 { 2 } else { 1 };
    let width = (usize::from(area.width) / columns).min(TABLE_MAX_W);
    let mut blocks: Vec<Vec<Line>> = vec![headline(app.lang(), r, width, theme)];
    blocks.extend(
        report::sections(app.lang(), r)
            .into_iter()
            .skip(1)
            .map(|s| section_lines(&s, width, theme)),
    );
    let mut cols: Vec<Vec<Line>> = vec![Vec::new(); columns];
    for block in blocks {
        let shortest = (0..columns).min_by_key(|i| cols[*i].len()).unwrap_or(0);
        cols[shortest].extend(block);
        cols[shortest].push(Line::raw(""));
    }
    let height = usize::from(area.height);
    let tallest = cols.iter().map(Vec::len).max().unwrap_or(0);
    let top = scroll.min(tallest.saturating_sub(height));
    let areas = Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns]).split(area);
    for (col, rect) in cols.into_iter().zip(areas.iter()) {
        let shown: Vec<Line> = col.into_iter().skip(top).take(height).collect();
        frame.render_widget(Paragraph::new(shown), *rect);
    }
}

fn headline<'a>(lang: Lang, r: &Report, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let share = if r.new_businesses > 0 {
        let pct = r.new_businesses_by_women as f64 * 100.0 / r.new_businesses as f64;
        format!("{} %", crate::i18n::decimal(lang, pct, 0))
    } else {
        "–".to_string()
    };
    let rows = [
        (T::ClientsServed, r.clients_served.to_string()),
        (T::NewClients, r.new_clients.to_string()),
        (T::Sessions, r.sessions.to_string()),
        (
            T::SessionHours,
            crate::i18n::decimal(lang, r.session_hours, 1),
        ),
        (T::NewBusinesses, r.new_businesses.to_string()),
        (T::ByWomen, r.new_businesses_by_women.to_string()),
        (T::WomensShare, share),
        (T::Developed, r.developed_businesses.to_string()),
    ];
    let mut lines = vec![Line::styled(lang.t(T::Summary), theme.accent)];
    for (label, figure) in rows {
        lines.push(Line::from(figure_row(
            lang.t(label),
            &[figure],
            width,
            theme,
        )));
    }
    lines
}

fn figure_row<'a>(label: &str, figures: &[String], width: usize, theme: &Theme) -> Vec<Span<'a>> {
    let label_w = width.saturating_sub(3 + FIGURE_W * figures.len()).max(8);
    let label = fit(label, label_w);
    let pad = " ".repeat(label_w.saturating_sub(label.width()));
    let mut spans = vec![Span::styled(format!("  {label}{pad}"), theme.text)];
    for f in figures {
        spans.push(Span::styled(format!("{f:>FIGURE_W$}"), theme.accent));
    }
    spans
}

fn section_lines<'a>(s: &report::Section, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let label_w = width.saturating_sub(3 + FIGURE_W * s.headers.len()).max(8);
    let mut head = fit(&format!(" {}", s.title), label_w + 2);
    head.push_str(&" ".repeat((label_w + 2).saturating_sub(head.width())));
    for h in &s.headers {
        head.push_str(&format!("{h:>FIGURE_W$}"));
    }
    let mut lines = vec![Line::styled(head, theme.accent)];
    if s.rows.is_empty() {
        lines.push(Line::styled("  (none)", theme.muted));
    }
    for (label, figures) in &s.rows {
        lines.push(Line::from(figure_row(label, figures, width, theme)));
    }
    lines
}

fn warning_kind(w: &Warning) -> T {
    match w.kind {
        "session_without_duration" => T::NoDuration,
        "client_without_gender" => T::NoGender,
        "venture_without_sector" => T::NoSector,
        _ => T::Overdue,
    }
}

fn draw_warnings(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    data: &ReportData,
    selected: usize,
    theme: &Theme,
) {
    let r = &data.report;
    if r.warnings.is_empty() {
        let text = Line::styled(app.lang().t(T::NoWarnings), theme.muted);
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let height = usize::from(area.height).max(1);
    let first = selected.saturating_sub(height - 1);
    let width = usize::from(area.width);
    let lines: Vec<Line> = r
        .warnings
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, w)| {
            let mark = if i == selected { ">" } else { " " };
            let kind = fit(app.lang().t(warning_kind(w)), KIND_W);
            let kind = format!("{kind:<KIND_W$}");
            let name = data.names.get(&w.client_id).map_or("", String::as_str);
            let name = fit(name, NAME_W);
            let pad = " ".repeat(NAME_W.saturating_sub(name.width()));
            let text = crate::i18n::warning_text(app.lang(), &w.about);
            let text = fit(&text, width.saturating_sub(KIND_W + 5 + NAME_W));
            let line = Line::from(vec![
                Span::styled(mark.to_string(), theme.accent),
                Span::styled(format!(" {kind} "), theme.warning),
                Span::styled(format!("{name}{pad}  "), theme.text),
                Span::styled(text, theme.muted),
            ]);
            if i == selected {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
