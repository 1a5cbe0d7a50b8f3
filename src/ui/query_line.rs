//! The ` / query` line of search and the audit log: the end of what is typed, and the cursor
//! after it while the line has the keyboard.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::format::fit_tail;
use super::theme::Theme;
use crate::app::App;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, query: &str, editing: bool, theme: &Theme) {
    let typed = fit_tail(query, usize::from(area.width).saturating_sub(4));
    let prompt = if editing { theme.accent } else { theme.muted };
    if editing && app.popups().is_empty() {
        let x = area.x + 3 + typed.width() as u16;
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
    let line = Line::from(vec![
        Span::styled(" / ", prompt),
        Span::styled(typed.into_owned(), theme.text),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
