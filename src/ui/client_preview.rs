//! What the list knows about the selected client, beside the list or in three lines below it.
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

use super::format::{fit, trend};
use super::theme::Theme;
use crate::app::App;
use crate::domain::Client;
use crate::domain::text::inert;
use crate::i18n::{ClientsText as T, Lang, OPEN_STEPS, SESSIONS, ago, counted, date, value};
use crate::store::ClientSummary;

const LABEL_W: usize = 13;

pub fn draw_side(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    c: &ClientSummary,
    detail: Option<&Client>,
    theme: &Theme,
) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme.border)
        .padding(Padding::horizontal(1));
    let today = app.today();
    let lang = app.lang();
    let field = |label: T, value: String| {
        let label = lang.t(label);
        Line::from(vec![
            Span::styled(format!("{label:<LABEL_W$}"), theme.muted),
            Span::styled(value, theme.text),
        ])
    };
    let mut lines = vec![
        Line::styled(inert(&c.name, false).into_owned(), theme.accent),
        Line::styled(
            format!("{} · {}", value(lang, c.status.as_str()), advisor(lang, c)),
            theme.muted,
        ),
        Line::default(),
    ];
    for (label, value) in [
        (T::Country, &c.country),
        (T::Phone, &c.phone),
        (T::Email, &c.email),
    ] {
        if let Some(value) = value {
            lines.push(field(label, inert(value, false).into_owned()));
        }
    }
    if let Some(pinned) = detail.and_then(|d| d.pinned.as_deref()) {
        lines.push(Line::default());
        lines.push(Line::styled(lang.t(T::Pinned), theme.warning));
        lines.extend(
            inert(pinned, true)
                .lines()
                .map(|l| Line::styled(l.to_string(), theme.text)),
        );
    }
    if !c.ventures.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(lang.t(T::Ventures), theme.muted));
        for v in &c.ventures {
            let sector = v
                .sector
                .as_deref()
                .map(|s| format!(", {}", inert(s, false)))
                .unwrap_or_default();
            let text = format!(
                "{} — {} ({}{sector})",
                inert(&v.name, false),
                value(lang, v.stage.as_str()),
                value(lang, v.kind.as_str())
            );
            lines.push(Line::styled(text, theme.text));
        }
    }
    lines.push(Line::default());
    lines.push(field(T::LastContact, last_contact(lang, c, today)));
    lines.push(field(T::Sessions, c.sessions.to_string()));
    if let Some(latest) = c.motivation.last() {
        let label = app
            .settings()
            .motivation_labels
            .get(usize::from(latest.saturating_sub(1)))
            .cloned()
            .unwrap_or_default();
        lines.push(field(
            T::Motivation,
            format!("{} {label}", trend(&c.motivation)),
        ));
    }
    lines.push(field(T::OpenSteps, c.open_steps.to_string()));
    if let Some((due, text)) = &c.next_due {
        let due = date(lang, *due);
        lines.push(field(T::NextDue, format!("{due} {}", inert(text, false))));
    }
    if !c.tags.is_empty() {
        lines.push(field(
            T::Tags,
            inert(&c.tags.join(", "), false).into_owned(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

pub fn draw_below(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    c: &ClientSummary,
    detail: Option<&Client>,
    theme: &Theme,
) {
    let width = usize::from(area.width.saturating_sub(2));
    let today = app.today();
    let lang = app.lang();
    let contact: Vec<&str> = [&c.country, &c.phone, &c.email]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let first = fit(&format!("{} · {}", c.name, contact.join(" · ")), width);
    let venture = c
        .main_venture()
        .map(|v| format!("{} ({}) · ", v.name, value(lang, v.stage.as_str())))
        .unwrap_or_default();
    let next = c
        .next_due
        .as_ref()
        .map(|(due, text)| lang.f(T::NextLine, &[("due", &date(lang, *due)), ("text", text)]))
        .unwrap_or_default();
    let second = fit(
        &format!("{venture}{}{next}", open_steps(lang, c.open_steps)),
        width,
    );
    let third = match detail.and_then(|d| d.pinned.as_deref()) {
        Some(pinned) => {
            let one_line = pinned.split_whitespace().collect::<Vec<_>>().join(" ");
            let text = lang.f(T::PinnedNote, &[("text", &one_line)]);
            Line::styled(fit(&text, width), theme.warning)
        }
        None => {
            let text = lang.f(
                T::SessionsLine,
                &[
                    ("advisor", &advisor(lang, c)),
                    ("sessions", &counted(lang, c.sessions, SESSIONS)),
                    ("last", &last_contact(lang, c, today)),
                ],
            );
            Line::styled(fit(&text, width), theme.muted)
        }
    };
    let lines = vec![
        Line::styled(first, theme.accent),
        Line::styled(second, theme.text),
        third,
    ];
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .padding(Padding::horizontal(1));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn open_steps(lang: Lang, count: u32) -> String {
    match count {
        0 => lang.t(T::NoOpenSteps).to_string(),
        n => counted(lang, n, OPEN_STEPS),
    }
}

fn advisor(lang: Lang, c: &ClientSummary) -> String {
    match &c.advisor {
        Some(a) => lang.f(T::AdvisorIs, &[("name", &inert(a, false))]),
        None => lang.t(T::NoAdvisor).to_string(),
    }
}

fn last_contact(lang: Lang, c: &ClientSummary, today: NaiveDate) -> String {
    match c.last_contact {
        Some(t) => {
            let day = t.date_naive();
            let on = date(lang, day);
            if day >= today {
                lang.f(T::DateToday, &[("date", &on)])
            } else {
                let since = ago(lang, today, day);
                lang.f(T::DateAgo, &[("date", &on), ("since", &since)])
            }
        }
        None => lang.t(crate::i18n::Words::Never).to_string(),
    }
}
