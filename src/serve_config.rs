//! The `[serve]` section of the configuration: how `veileder serve` listens and what it allows.
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::{Both, ConfigText as T};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServeConfig {
    /// Address and port to listen on; `--listen` overrides it.
    pub listen: String,
    /// The server's private host key; `None` means `ssh_host_ed25519_key` beside the database.
    pub host_key: Option<PathBuf>,
    /// A session with no key press for this many minutes ends (its draft is kept).
    pub idle_minutes: u32,
    /// At most this many advisors' sessions at once; one more is told to try later.
    pub max_sessions: u32,
    /// Each refused login waits this long, so keys cannot be guessed quickly.
    pub auth_rejection_ms: u32,
    /// Refused logins from one address within a minute before it is turned away for a minute.
    pub max_failed_logins: u32,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            listen: "127.0.0.1:2222".to_string(),
            host_key: None,
            idle_minutes: 60,
            max_sessions: 100,
            auth_rejection_ms: 1000,
            max_failed_logins: 10,
        }
    }
}

/// What each option of `[serve]` accepts, for messages; `None` for an unknown key.
pub fn accepted(key: Option<&str>) -> Option<T> {
    Some(match key {
        None => T::TakesServe,
        Some("listen") => T::TakesListen,
        Some("host_key") => T::TakesHostKey,
        Some("idle_minutes") => T::TakesIdleMinutes,
        Some("max_sessions" | "max_failed_logins") => T::TakesUpTo1000,
        Some("auth_rejection_ms") => T::TakesRejectionMs,
        Some(_) => return None,
    })
}

impl ServeConfig {
    /// The first option out of range, as (key, problem).
    pub fn problem(&self) -> Option<(&'static str, Both)> {
        let ranges: [(&'static str, u32, u32, u32); 4] = [
            ("idle_minutes", self.idle_minutes, 1, 1440),
            ("max_sessions", self.max_sessions, 1, 1000),
            ("auth_rejection_ms", self.auth_rejection_ms, 0, 10_000),
            ("max_failed_logins", self.max_failed_logins, 1, 1000),
        ];
        for (key, value, low, high) in ranges {
            if !(low..=high).contains(&value) {
                let key_and_value: [(&str, &dyn std::fmt::Display); 2] =
                    [("key", &format!("serve.{key}")), ("value", &value)];
                return Some((key, Both::of(T::IsOutOfRange, &key_and_value)));
            }
        }
        if self.listen.parse::<std::net::SocketAddr>().is_err() {
            let key_and_value: [(&str, &dyn std::fmt::Display); 2] =
                [("key", &"serve.listen"), ("value", &self.listen)];
            return Some(("listen", Both::of(T::IsNotAddress, &key_and_value)));
        }
        None
    }
}
