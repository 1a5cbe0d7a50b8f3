//! The Progress tab: motivation over time as a sparkline with the configured labels, and
//! competence per area, first assessment beside the latest, as bars with their numbers.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::screens::ClientPageScreen;
use crate::i18n::{PageText as T, RATINGS, counted};
use crate::ui::format::fit;
use crate::ui::theme::Theme;

/// Motivation and competence both run from 1 to 5.
const SCALE_MAX: u8 = 5;
const LABEL_W: usize = 11;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, page: &ClientPageScreen, theme: &Theme) {
    let competence = page.data().competence(&app.settings().competence_areas);
    let competence_rows = competence.len().max(1) as u16 + 1;
    let chart_rows = area
        .height
        .saturating_sub(competence_rows + 3)
        .clamp(1, u16::from(SCALE_MAX));
    let [title, chart, axis, _, bars] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(chart_rows),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    draw_motivation(frame, [title, chart, axis], app, page, theme);
    draw_competence(frame, bars, app, page, theme);
}

fn draw_motivation(
    frame: &mut Frame,
    [title, chart, axis]: [Rect; 3],
    app: &App,
    page: &ClientPageScreen,
    theme: &Theme,
) {
    let width = usize::from(title.width);
    let points = page.data().motivation();
    let labels = &app.settings().motivation_labels;
    let label = |m: u8| {
        labels
            .get(usize::from(m.saturating_sub(1)))
            .map_or(String::new(), |l| fit(l, LABEL_W - 2))
    };
    let (Some(first), Some(latest)) = (points.first(), points.last()) else {
        let line = Line::styled(format!(" {}", app.lang().t(T::MotivationNone)), theme.muted);
        frame.render_widget(Paragraph::new(line), title);
        return;
    };
    let heading = app.lang().f(
        T::MotivationLine,
        &[
            ("first", &format!("{} {}", first.1, label(first.1))),
            ("latest", &format!("{} {}", latest.1, label(latest.1))),
            ("ratings", &counted(app.lang(), points.len(), RATINGS)),
        ],
    );
    let heading = format!(" {heading}");
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&heading, width), theme.accent)),
        title,
    );
    let [gutter, plot] =
        Layout::horizontal([Constraint::Length(LABEL_W as u16 + 1), Constraint::Fill(1)])
            .areas(chart);
    // One row a level when there is room for all five; then each row says its level.
    if chart.height == u16::from(SCALE_MAX) {
        let levels: Vec<Line> = (1..=SCALE_MAX)
            .rev()
            .map(|m| {
                Line::styled(
                    format!(" {m} {:<w$}", label(m), w = LABEL_W - 2),
                    theme.muted,
                )
            })
            .collect();
        frame.render_widget(Paragraph::new(levels), gutter);
    }
    let shown = usize::from(plot.width).min(points.len());
    let recent = &points[points.len() - shown..];
    // Few ratings get wider bars, so a short history still reads as a chart.
    let per = (usize::from(plot.width) / shown.max(1)).clamp(1, 4);
    let values: Vec<u64> = recent
        .iter()
        .flat_map(|(_, m)| std::iter::repeat_n(u64::from(*m), per))
        .collect();
    let shown = values.len();
    frame.render_widget(
        Sparkline::default()
            .data(&values)
            .max(u64::from(SCALE_MAX))
            .style(theme.success),
        plot,
    );
    if let (Some(from), Some(to)) = (recent.first(), recent.last()) {
        let from = crate::i18n::date(app.lang(), from.0);
        let to = crate::i18n::date(app.lang(), to.0);
        let room = usize::from(plot.width);
        let text = if shown > 1 && from.width() + to.width() < room.max(shown) {
            let gap = shown.max(from.width() + to.width() + 1) - from.width() - to.width();
            format!("{from}{}{to}", " ".repeat(gap))
        } else {
            from
        };
        let line = Line::styled(
            format!("{}{}", " ".repeat(LABEL_W + 1), fit(&text, room)),
            theme.muted,
        );
        frame.render_widget(Paragraph::new(line), axis);
    }
}

fn draw_competence(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    page: &ClientPageScreen,
    theme: &Theme,
) {
    let changes = page.data().competence(&app.settings().competence_areas);
    let width = usize::from(area.width);
    if changes.is_empty() {
        let line = Line::styled(format!(" {}", app.lang().t(T::CompetenceNone)), theme.muted);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let bars_w = 2 * (usize::from(SCALE_MAX) + 2) + 12;
    let area_w = width.saturating_sub(bars_w + 2).clamp(8, 32);
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                " {:<area_w$}  {}",
                app.lang().t(T::Competence),
                app.lang().t(T::FirstLatest)
            ),
            width,
        ),
        theme.accent,
    )];
    for change in changes {
        let name = fit(&change.area, area_w);
        let pad = " ".repeat(area_w.saturating_sub(name.width()));
        let delta = i16::from(change.latest) - i16::from(change.first);
        let (delta_text, delta_style) = match delta {
            0 => ("  ±0".to_string(), theme.muted),
            d if d > 0 => (format!("  +{d}"), theme.success),
            d => (format!("  {d}"), theme.warning),
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {name}{pad}  "), theme.text),
            Span::styled(bar(change.first), theme.muted),
            Span::styled(format!(" {}  ", change.first), theme.muted),
            Span::styled(bar(change.latest), theme.accent),
            Span::styled(format!(" {}", change.latest), theme.text),
            Span::styled(delta_text, delta_style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A rating as filled and empty blocks on the 1–5 scale.
fn bar(rating: u8) -> String {
    let filled = usize::from(rating.min(SCALE_MAX));
    let empty = usize::from(SCALE_MAX) - filled;
    format!("{}{}", "█".repeat(filled), "░".repeat(empty))
}
