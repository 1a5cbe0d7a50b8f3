//! What the list knows about the selected client, beside the list or in three lines below it.
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

use super::format::{ago, fit, trend};
use super::theme::Theme;
use crate::app::App;
use crate::domain::Client;
use crate::domain::text::inert;
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
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<LABEL_W$}"), theme.muted),
            Span::styled(value, theme.text),
        ])
    };
    let mut lines = vec![
        Line::styled(inert(&c.name, false).into_owned(), theme.accent),
        Line::styled(format!("{} · {}", c.status, advisor(c)), theme.muted),
        Line::default(),
    ];
    for (label, value) in [
        ("Country", &c.country),
        ("Phone", &c.phone),
        ("Email", &c.email),
    ] {
        if let Some(value) = value {
            lines.push(field(label, inert(value, false).into_owned()));
        }
    }
    if let Some(pinned) = detail.and_then(|d| d.pinned.as_deref()) {
        lines.push(Line::default());
        lines.push(Line::styled("Pinned", theme.warning));
        lines.extend(
            inert(pinned, true)
                .lines()
                .map(|l| Line::styled(l.to_string(), theme.text)),
        );
    }
    if !c.ventures.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Ventures", theme.muted));
        for v in &c.ventures {
            let sector = v
                .sector
                .as_deref()
                .map(|s| format!(", {}", inert(s, false)))
                .unwrap_or_default();
            let text = format!(
                "{} — {} ({}{sector})",
                inert(&v.name, false),
                v.stage,
                v.kind
            );
            lines.push(Line::styled(text, theme.text));
        }
    }
    lines.push(Line::default());
    lines.push(field("Last contact", last_contact(c, today)));
    lines.push(field("Sessions", c.sessions.to_string()));
    if let Some(latest) = c.motivation.last() {
        let label = app
            .settings()
            .motivation_labels
            .get(usize::from(latest.saturating_sub(1)))
            .cloned()
            .unwrap_or_default();
        lines.push(field(
            "Motivation",
            format!("{} {label}", trend(&c.motivation)),
        ));
    }
    lines.push(field("Open steps", c.open_steps.to_string()));
    if let Some((due, text)) = &c.next_due {
        lines.push(field("Next due", format!("{due} {}", inert(text, false))));
    }
    if !c.tags.is_empty() {
        lines.push(field("Tags", inert(&c.tags.join(", "), false).into_owned()));
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
    let contact: Vec<&str> = [&c.country, &c.phone, &c.email]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let first = fit(&format!("{} · {}", c.name, contact.join(" · ")), width);
    let venture = c
        .main_venture()
        .map(|v| format!("{} ({}) · ", v.name, v.stage))
        .unwrap_or_default();
    let next = c
        .next_due
        .as_ref()
        .map(|(due, text)| format!(" · next {due} {text}"))
        .unwrap_or_default();
    let second = fit(
        &format!("{venture}{}{next}", open_steps(c.open_steps)),
        width,
    );
    let third = match detail.and_then(|d| d.pinned.as_deref()) {
        Some(pinned) => {
            let one_line = pinned.split_whitespace().collect::<Vec<_>>().join(" ");
            Line::styled(fit(&format!("Pinned: {one_line}"), width), theme.warning)
        }
        None => {
            let text = format!(
                "{} · {} sessions · last contact {}",
                advisor(c),
                c.sessions,
                last_contact(c, today)
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

fn open_steps(count: u32) -> String {
    match count {
        0 => "no open steps".to_string(),
        1 => "1 open step".to_string(),
        n => format!("{n} open steps"),
    }
}

fn advisor(c: &ClientSummary) -> String {
    match &c.advisor {
        Some(a) => format!("advisor {}", inert(a, false)),
        None => "no advisor".to_string(),
    }
}

fn last_contact(c: &ClientSummary, today: NaiveDate) -> String {
    match c.last_contact {
        Some(t) => match ago(today, t.date_naive()) {
            since if since == "today" => format!("{} (today)", t.date_naive()),
            since => format!("{} ({since} ago)", t.date_naive()),
        },
        None => "never".to_string(),
    }
}
