//! The first run: an empty database greets the advisor with the three ways to begin, instead of
//! an empty table.
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{Action, App, Mode};
use crate::i18n::Ui;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let key = |action| app.keymap().hint(Mode::Normal, action).unwrap_or_default();
    let lang = app.lang();
    let way = |what: String, how: Ui| {
        let how = lang.t(how);
        Line::from(vec![
            Span::styled(format!("  {what:<29}"), theme.accent),
            Span::styled(how, theme.text),
        ])
    };
    let lines = vec![
        Line::styled(lang.t(Ui::WelcomeTitle), theme.accent),
        Line::styled(lang.t(Ui::WelcomeEmpty), theme.text),
        Line::styled(lang.t(Ui::WelcomeWays), theme.text),
        Line::raw(""),
        way(
            lang.f(Ui::WelcomePress, &[("key", &key(Action::Add))]),
            Ui::WelcomeAdd,
        ),
        way("veileder import clients.csv".to_string(), Ui::WelcomeImport),
        way("veileder --demo".to_string(), Ui::WelcomeDemo),
        Line::raw(""),
        Line::styled(lang.t(Ui::WelcomeCsv), theme.muted),
        Line::styled(
            lang.f(
                Ui::WelcomeKeys,
                &[("help", &key(Action::Help)), ("quit", &key(Action::Quit))],
            ),
            theme.muted,
        ),
    ];
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    frame.render_widget(text, area.inner(Margin::new(1, 1)));
}
