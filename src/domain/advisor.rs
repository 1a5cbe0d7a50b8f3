use serde::{Deserialize, Serialize};

use super::error::{Accepted, Checked, Invalid, Problem};
use super::kinds::Role;
use super::validate::{self, SHORT_MAX};

/// Someone who works with clients; known by a short username.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advisor {
    pub username: String,
    pub name: String,
    #[serde(default)]
    pub role: Role,
    /// SSH public keys in OpenSSH one-line form, for `serve`.
    #[serde(default)]
    pub keys: Vec<String>,
}

pub fn username(value: &str) -> Checked<String> {
    let v = value.trim();
    let ok = !v.is_empty()
        && v.len() <= 32
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(v.to_string())
    } else {
        Err(Invalid::new(
            "username",
            Problem::NotAUsername(value.to_string()),
            Accepted::Username,
        ))
    }
}

impl Advisor {
    pub fn validated(self) -> Checked<Self> {
        Ok(Advisor {
            username: username(&self.username)?,
            name: validate::line("advisor name", &self.name, SHORT_MAX)?,
            ..self
        })
    }
}
