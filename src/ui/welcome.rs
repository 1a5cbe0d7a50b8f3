//! The first run: an empty database greets the advisor with the three ways to begin, instead of
//! an empty table.
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{Action, App, Mode};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let key = |action| app.keymap().hint(Mode::Normal, action).unwrap_or_default();
    let way = |what: String, how: &'static str| {
        Line::from(vec![
            Span::styled(format!("  {what:<29}"), theme.accent),
            Span::styled(how, theme.text),
        ])
    };
    let lines = vec![
        Line::styled("Welcome to veileder.", theme.accent),
        Line::styled("There are no clients in this database yet.", theme.text),
        Line::styled("Three ways to begin:", theme.text),
        Line::raw(""),
        way(
            format!("press {}", key(Action::Add)),
            "add your first client here; a name is enough",
        ),
        way(
            "veileder import clients.csv".to_string(),
            "in a shell: bring in your spreadsheet",
        ),
        way(
            "veileder --demo".to_string(),
            "in a shell: try it all on a demo centre",
        ),
        Line::raw(""),
        Line::styled(
            "The CSV needs a header row; only the name column is required.",
            theme.muted,
        ),
        Line::styled(
            format!(
                "{} shows every key; {} quits.",
                key(Action::Help),
                key(Action::Quit)
            ),
            theme.muted,
        ),
    ];
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    frame.render_widget(text, area.inner(Margin::new(1, 1)));
}
