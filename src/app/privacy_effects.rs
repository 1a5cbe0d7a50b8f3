//! Performs the privacy effects of the TUI: a client's access export to files, and erasure.
use std::path::{Path, PathBuf};

use super::effect::Outcome;
use crate::domain::ClientId;
use crate::domain::text::inert;
use crate::i18n::{Lang, PrivacyText as T, SESSIONS, STEPS, VENTURES, counted};
use crate::store::{Result, Store};

/// The folder beside the database where access exports go, private to the owner.
pub fn exports_folder(db: &Path) -> PathBuf {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("exports")
}

fn make_private_folder(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

pub fn export(store: &Store, lang: Lang, id: ClientId) -> Result<Outcome> {
    let person = store.person_export(id)?;
    let dir = exports_folder(store.path());
    let name = format!("client-{id}-{}", store.today());
    let json_path = dir.join(format!("{name}.json"));
    let text_path = dir.join(format!("{name}.txt"));
    let written = (|| -> anyhow::Result<()> {
        make_private_folder(&dir)?;
        let json = serde_json::to_string_pretty(&person)? + "\n";
        crate::commands::write_atomically(lang, &json_path, json.as_bytes())?;
        let text = crate::privacy::person_text(lang, &person);
        crate::commands::write_atomically(lang, &text_path, text.as_bytes())?;
        Ok(())
    })();
    Ok(match written {
        Ok(()) => Outcome::PrivacyExported(lang.f(
            T::Exported,
            &[
                ("name", &inert(&person.client.name, false)),
                ("file", &name),
                ("folder", &dir.display()),
            ],
        )),
        Err(e) => Outcome::Failed(lang.f(T::ExportFailed, &[("why", &format!("{e:#}"))])),
    })
}

pub fn erase(store: &Store, lang: Lang, actor: &str, id: ClientId) -> Result<Outcome> {
    let name = store
        .client(id)?
        .map(|c| inert(&c.name, false).into_owned())
        .unwrap_or_default();
    let done = store.erase_client(actor, id)?;
    Ok(Outcome::Erased {
        client_id: id,
        message: lang.f(
            T::Erased,
            &[
                ("name", &name),
                ("sessions", &counted(lang, done.sessions, SESSIONS)),
                ("steps", &counted(lang, done.next_steps, STEPS)),
                ("ventures", &counted(lang, done.ventures, VENTURES)),
            ],
        ),
    })
}
