//! A failed command's one line in the interface's language: the refusals of the domain (and,
//! through the store, its own errors) are typed, so each is said again in `lang`; anything else
//! (a context added on the way, an I/O error from the system) reads as it came.
use anyhow::anyhow;

use crate::config::ConfigError;
use crate::domain::Invalid;
use crate::i18n::Lang;
use crate::store::StoreError;

/// `error` as `{:#}` would print it, with each typed cause in `lang`.
pub fn said_in(lang: Lang, error: &anyhow::Error) -> anyhow::Error {
    let mut parts = Vec::new();
    for cause in error.chain() {
        if let Some(invalid) = cause.downcast_ref::<Invalid>() {
            parts.push(crate::i18n::invalid(lang, invalid));
        } else if let Some(config) = cause.downcast_ref::<ConfigError>() {
            parts.push(config.said_in(lang));
        } else if let Some(store) = cause.downcast_ref::<StoreError>() {
            parts.push(crate::i18n::store_error(lang, store));
        } else {
            parts.push(cause.to_string());
        }
    }
    anyhow!(parts.join(": "))
}
