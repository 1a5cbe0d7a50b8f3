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
use crate::i18n::{JOBS, Lang, PageText as T, counted, date, kroner, value};
use crate::ui::format::fit;
use crate::ui::theme::Theme;

const LABEL_W: usize = 14;

pub fn draw_profile(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    page: &ClientPageScreen,
    theme: &Theme,
) {
    let width = usize::from(area.width).saturating_sub(LABEL_W + 2);
    let lang = app.lang();
    let mut lines = Vec::new();
    for (label, value) in profile_fields(lang, &page.data().client) {
        let label = lang.t(label);
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

fn profile_fields(lang: Lang, c: &Client) -> Vec<(T, Option<String>)> {
    let list = |items: &[String]| (!items.is_empty()).then(|| items.join(", "));
    let consent = c.consent.as_ref().map(|k| {
        let withdrawn = k
            .withdrawn
            .map(|w| lang.f(T::Withdrawn, &[("date", &date(lang, w))]))
            .unwrap_or_default();
        let given = lang.f(
            T::ConsentFor,
            &[("date", &date(lang, k.date)), ("purpose", &k.purpose)],
        );
        format!("{given}{withdrawn}")
    });
    let consent = Some(consent.unwrap_or_else(|| lang.t(T::NotRecorded).to_string()));
    vec![
        (T::Gender, Some(value(lang, c.gender.as_str()).into_owned())),
        (T::BirthYear, c.birth_year.map(|y| y.to_string())),
        (T::Country, c.country.clone()),
        (T::Languages, list(&c.languages)),
        (T::Arrived, c.arrived_year.map(|y| y.to_string())),
        (T::Municipality, c.municipality.clone()),
        (T::Education, c.education.clone()),
        (T::Experience, c.experience.clone()),
        (T::Dream, c.dream.clone()),
        (T::Tags, list(&c.tags)),
        (T::Consent, consent),
        (T::ClientSince, Some(date(lang, c.created_at.date_naive()))),
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
    let lang = app.lang();
    if steps.is_empty() {
        let line = Line::styled(format!(" {}", lang.t(T::NoSteps)), theme.muted);
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
                Some(done) => (
                    "[x]",
                    lang.f(T::DoneOn, &[("date", &date(lang, done))]),
                    theme.muted,
                ),
                None if step.is_overdue(today) => (
                    "[ ]",
                    lang.f(
                        T::Overdue,
                        &[("date", &step.due.map(|d| date(lang, d)).unwrap_or_default())],
                    ),
                    theme.warning,
                ),
                None => (
                    "[ ]",
                    step.due
                        .map_or(lang.t(T::NoDueDate).to_string(), |d| date(lang, d)),
                    theme.text,
                ),
            };
            let owner = value(lang, step.owner.as_str());
            let head = format!(" {mark} {when:<18} {owner:<8} ");
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

pub fn draw_ventures(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    page: &ClientPageScreen,
    theme: &Theme,
) {
    let data = page.data();
    let lang = app.lang();
    if data.ventures.is_empty() {
        let line = Line::styled(format!(" {}", lang.t(T::NoVentures)), theme.muted);
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
                let mut about = vec![value(lang, v.kind.as_str()).into_owned()];
                about.extend(v.sector.clone());
                about.push(value(lang, v.stage.as_str()).into_owned());
                about.extend(v.org_nr.map(|o| lang.f(T::OrgNr, &[("nr", &o)])));
                if data.milestones_of(v.id).next().is_none() {
                    about.push(lang.t(T::NoMilestones).to_string());
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
                let text = fit(&milestone(lang, m), width.saturating_sub(4));
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

fn milestone(lang: Lang, m: &Milestone) -> String {
    let mut parts = vec![
        date(lang, m.date),
        value(lang, m.kind.as_str()).into_owned(),
    ];
    let ore = |kroner: u64| i64::try_from(kroner.saturating_mul(100)).unwrap_or(i64::MAX);
    parts.extend(m.amount_nok.map(|a| kroner(lang, ore(a))));
    parts.extend(m.jobs.map(|j| counted(lang, j, JOBS)));
    parts.extend(m.note.clone());
    parts.join(" · ")
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
