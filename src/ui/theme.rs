//! Styles per screen element: a palette for dark terminals, one for light ones and a
//! high-contrast one (bright on black), the config's colour overrides on top, and with
//! `NO_COLOR` no colour at all, only bold and reverse.
use ratatui::style::{Color, Modifier, Style};

use crate::app::Settings;
use crate::config::Theme as Palette;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Under everything: the whole screen and each popup.
    pub base: Style,
    pub text: Style,
    pub muted: Style,
    pub accent: Style,
    pub selection: Style,
    pub warning: Style,
    pub error: Style,
    pub success: Style,
    pub border: Style,
}

struct Colors {
    /// The background the palette is made for; `Reset` keeps the terminal's.
    background: Color,
    /// The text on a selected row.
    on_selection: Color,
    text: Color,
    muted: Color,
    accent: Color,
    /// `None`: the selected row is shown reversed, so every colour on it keeps its contrast.
    selection: Option<Color>,
    warning: Color,
    error: Color,
    success: Color,
    border: Color,
}

fn palette(palette: Palette) -> Colors {
    match palette {
        Palette::Dark => Colors {
            background: Color::Reset,
            on_selection: Color::White,
            text: Color::Reset,
            muted: Color::DarkGray,
            accent: Color::LightCyan,
            selection: Some(Color::Blue),
            warning: Color::Yellow,
            error: Color::LightRed,
            success: Color::LightGreen,
            border: Color::DarkGray,
        },
        Palette::Light => Colors {
            background: Color::Reset,
            on_selection: Color::Black,
            text: Color::Reset,
            muted: Color::DarkGray,
            accent: Color::Blue,
            selection: Some(Color::LightBlue),
            warning: Color::Magenta,
            error: Color::Red,
            success: Color::Green,
            border: Color::Gray,
        },
        // No grey: muted text and borders stay white; meaning is carried by bright colours.
        Palette::HighContrast => Colors {
            background: Color::Black,
            on_selection: Color::Black,
            text: Color::White,
            muted: Color::White,
            accent: Color::LightCyan,
            selection: None,
            warning: Color::LightYellow,
            error: Color::LightRed,
            success: Color::LightGreen,
            border: Color::White,
        },
    }
}

impl Theme {
    pub fn new(settings: &Settings) -> Theme {
        if settings.no_color {
            return Theme::monochrome();
        }
        let base = palette(settings.theme);
        let user = &settings.colors;
        let pick = |over: Option<Color>, default: Color| over.unwrap_or(default);
        let fg = |over: Option<Color>, default: Color| Style::new().fg(pick(over, default));
        let base_style = match base.background {
            Color::Reset => Style::new(),
            background => Style::new().bg(background).fg(pick(user.text, base.text)),
        };
        Theme {
            base: base_style,
            text: fg(user.text, base.text),
            muted: fg(user.muted, base.muted),
            accent: fg(user.accent, base.accent).add_modifier(Modifier::BOLD),
            selection: match user.selection.or(base.selection) {
                Some(background) => Style::new().bg(background).fg(base.on_selection),
                None => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            },
            warning: fg(user.warning, base.warning),
            error: fg(user.error, base.error).add_modifier(Modifier::BOLD),
            success: fg(user.success, base.success),
            border: fg(user.border, base.border),
        }
    }

    fn monochrome() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            base: Style::new(),
            text: Style::new(),
            muted: Style::new(),
            accent: bold,
            selection: Style::new().add_modifier(Modifier::REVERSED),
            warning: bold,
            error: bold,
            success: Style::new(),
            border: Style::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn settings(config: &Config, no_color: bool) -> Settings {
        Settings {
            theme: config.theme,
            colors: config.colors.clone(),
            no_color,
            motivation_labels: config.motivation_labels.clone(),
            dormant_days: config.dormant_days,
            retention_years: config.privacy.retention_years,
            topics: config.topics.clone(),
            competence_areas: config.competence_areas.clone(),
            backup: config.backup.clone(),
            language: crate::i18n::Lang::En,
        }
    }

    #[test]
    fn overrides_win_over_the_palette() {
        let mut config = Config::default();
        config.colors.accent = Some(Color::Rgb(1, 2, 3));
        let theme = Theme::new(&settings(&config, false));
        assert_eq!(theme.accent.fg, Some(Color::Rgb(1, 2, 3)));
        assert_eq!(theme.error.fg, Some(Color::LightRed));
    }

    #[test]
    fn no_color_means_no_colour_anywhere() {
        let mut config = Config::default();
        config.colors.accent = Some(Color::Red);
        let theme = Theme::new(&settings(&config, true));
        let all = [
            theme.base,
            theme.text,
            theme.muted,
            theme.accent,
            theme.selection,
            theme.warning,
            theme.error,
            theme.success,
            theme.border,
        ];
        for style in all {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(theme.selection.add_modifier.contains(Modifier::REVERSED));
    }
}
