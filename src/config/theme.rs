//! How the screens look: the theme and the colours the config overrides per element.
use ratatui::style::Color;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// Bright colours on black, whatever the terminal's own background.
    #[serde(rename = "high-contrast")]
    HighContrast,
}

/// Colour overrides per screen element; `None` keeps the theme's colour.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colors {
    #[serde(with = "color_text")]
    pub accent: Option<Color>,
    #[serde(with = "color_text")]
    pub text: Option<Color>,
    #[serde(with = "color_text")]
    pub muted: Option<Color>,
    #[serde(with = "color_text")]
    pub selection: Option<Color>,
    #[serde(with = "color_text")]
    pub warning: Option<Color>,
    #[serde(with = "color_text")]
    pub error: Option<Color>,
    #[serde(with = "color_text")]
    pub success: Option<Color>,
    #[serde(with = "color_text")]
    pub border: Option<Color>,
}

/// The elements of `[colors]`.
pub const COLOR_ELEMENTS: [&str; 8] = [
    "accent",
    "text",
    "muted",
    "selection",
    "warning",
    "error",
    "success",
    "border",
];

/// Colours are written as text in the file and parsed on load, so a bad one is reported there.
mod color_text {
    use ratatui::style::Color;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        color: &Option<Color>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match color {
            Some(color) => serializer.serialize_some(&color.to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Color>, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map(Some)
            .map_err(|_| D::Error::custom(format!("\"{text}\" is not a colour")))
    }
}
