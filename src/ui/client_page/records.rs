//! The Profile, Next steps and Ventures tabs: records as labelled lines and selectable rows.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{first_row, wrap};
use crate::app::App;
use crate::app::screens::client_page_data::VentureRow;
use crate::app::screens::{ClientPageScreen, PageTab};
use crate::domain::{Client, Milestone};
use crate::ui::format::fit;
use crate::ui::theme::Theme;

const LABEL_W: usize = 14;

pub fn draw_profile(frame: &mut Frame, area: Rect, page: &ClientPageScreen, theme: &Theme) {
    let width = usize::from(area.width).saturating_sub(LABEL_W + 2);
    let mut lines = Vec::new();
    for (label, value) in profile_fields(&page.data().client) {
        let Some(value) = value else {
            lines.push(Line::from(vec![
                Span::styled(format!(" {label:<LABEL_W$}"), theme.muted),
                Span::styled("–", theme.muted),
            ]));
            continue;
        };
        for (i, part) in wrap(&value, width).into_iter().enumerate() {
            let label = if i == 0 { label } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!(" {label:<LABEL_W$}"), theme.muted),
                Span::styled(part, theme.text),
            ]));
        }
    }
    let height = usize::from(area.height);
    let start = page
        .selected_in(PageTab::Profile)
        .min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines.into_iter().skip(start).take(height).collect();
    frame.render_widget(Paragraph::new(shown), area);
}

fn profile_fields(c: &Client) -> Vec<(&'static str, Option<String>)> {
    let list = |items: &[String]| (!items.is_empty()).then(|| items.join(", "));
    let consent = c.consent.as_ref().map(|k| {
        let withdrawn = k
            .withdrawn
            .map(|w| format!(" · withdrawn {w}"))
            .unwrap_or_default();
        format!("{} for {}{withdrawn}", k.date, k.purpose)
    });
    let consent = Some(consent.unwrap_or_else(|| "not recorded".to_string()));
    vec![
        ("Gender", Some(c.gender.to_string())),
        ("Birth year", c.birth_year.map(|y| y.to_string())),
        ("Country", c.country.clone()),
        ("Languages", list(&c.languages)),
        ("Arrived", c.arrived_year.map(|y| y.to_string())),
        ("Municipality", c.municipality.clone()),
        ("Education", c.education.clone()),
        ("Experience", c.experience.clone()),
        ("Dream", c.dream.clone()),
        ("Tags", list(&c.tags)),
        ("Consent", consent),
        ("Client since", Some(c.created_at.date_naive().to_string())),
    ]
}

pub fn draw_steps(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    page: &ClientPageScreen,
    theme: &Theme,
) {
    let steps = &page.data().steps;
    if steps.is_empty() {
        let line = Line::styled(" No next steps.", theme.muted);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let today = app.today();
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    let selected = page.selected_in(PageTab::Steps);
    let lines: Vec<Line> = steps
        .iter()
        .enumerate()
        .skip(first_row(selected, height))
        .take(height)
        .map(|(i, step)| {
            let (mark, when, style) = match step.done_on {
                Some(done) => ("[x]", format!("done {done}"), theme.muted),
                None if step.is_overdue(today) => (
                    "[ ]",
                    format!(
                        "{} overdue",
                        step.due.map(|d| d.to_string()).unwrap_or_default()
                    ),
                    theme.warning,
                ),
                None => (
                    "[ ]",
                    step.due
                        .map_or("no due date".to_string(), |d| d.to_string()),
                    theme.text,
                ),
            };
            let head = format!(" {mark} {when:<18} {:<7} ", step.owner.as_str());
            let text = fit(&step.text, width.saturating_sub(head.width()));
            row_line(
                i == selected,
                width,
                theme,
                vec![(head, style), (text, style)],
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

pub fn draw_ventures(frame: &mut Frame, area: Rect, page: &ClientPageScreen, theme: &Theme) {
    let data = page.data();
    if data.ventures.is_empty() {
        let line = Line::styled(" No ventures yet.", theme.muted);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let width = usize::from(area.width);
    let selected = page.selected_in(PageTab::Ventures);
    let lines: Vec<Line> = data
        .venture_rows()
        .into_iter()
        .enumerate()
        .map(|(i, row)| match row {
            VentureRow::Venture(v) => {
                let mut about = vec![v.kind.to_string()];
                about.extend(v.sector.clone());
                about.push(v.stage.to_string());
                about.extend(v.org_nr.map(|o| format!("org {o}")));
                if data.milestones_of(v.id).next().is_none() {
                    about.push("no milestones".into());
                }
                let name = fit(&v.name, width / 2);
                let rest = fit(&about.join(" · "), width.saturating_sub(name.width() + 4));
                row_line(
                    i == selected,
                    width,
                    theme,
                    vec![
                        (format!(" {name}"), theme.accent),
                        (format!("  {rest}"), theme.text),
                    ],
                )
            }
            VentureRow::Milestone(_, m) => {
                let text = fit(&milestone(m), width.saturating_sub(4));
                row_line(
                    i == selected,
                    width,
                    theme,
                    vec![(format!("    {text}"), theme.muted)],
                )
            }
        })
        .collect();
    let height = usize::from(area.height);
    let start = first_row(selected, height);
    let shown: Vec<Line> = lines.into_iter().skip(start).take(height).collect();
    frame.render_widget(Paragraph::new(shown), area);
}

fn milestone(m: &Milestone) -> String {
    let mut parts = vec![m.date.to_string(), m.kind.to_string()];
    parts.extend(m.amount_nok.map(|a| format!("{} NOK", thousands(a))));
    parts.extend(m.jobs.map(|j| match j {
        1 => "1 job".to_string(),
        n => format!("{n} jobs"),
    }));
    parts.extend(m.note.clone());
    parts.join(" · ")
}

/// 1234567 as `1 234 567`, the Norwegian way.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A row of styled parts; the selected one in the selection style across the whole width.
fn row_line(
    selected: bool,
    width: usize,
    theme: &Theme,
    parts: Vec<(String, Style)>,
) -> Line<'static> {
    if !selected {
        return Line::from(
            parts
                .into_iter()
                .map(|(text, style)| Span::styled(text, style))
                .collect::<Vec<_>>(),
        );
    }
    let text: String = parts.into_iter().map(|(text, _)| text).collect();
    let pad = " ".repeat(width.saturating_sub(text.width()));
    Line::styled(format!("{text}{pad}"), theme.selection)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(thousands(5), "5");
        assert_eq!(thousands(50_000), "50 000");
        assert_eq!(thousands(1_234_567), "1 234 567");
    }
}
