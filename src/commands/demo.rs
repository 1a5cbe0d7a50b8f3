use std::path::Path;

use anyhow::{Result, bail};

use crate::config::Config;
use crate::demo::{DemoOptions, generate, generate_into};
use crate::domain::Role;
use crate::i18n::{CommandText, Lang, counts};
use crate::store::Store;

fn options(
    config: &Config,
    clients: usize,
    seed: u64,
    now: chrono::DateTime<chrono::Utc>,
) -> DemoOptions {
    DemoOptions {
        clients,
        seed,
        now,
        competence_areas: config.competence_areas.clone(),
        topics: config.topics.clone(),
        sectors: config.sectors.clone(),
    }
}

/// The language resolved from the config or the locale in `commands::run`.
fn lang(config: &Config) -> Lang {
    config.language.unwrap_or_default()
}

/// `veileder demo`: fills the database, refusing to touch one with data unless `force`. The
/// data is written to a new file that replaces the old one only when complete.
pub fn fill(
    path: &Path,
    config: &Config,
    actor: &str,
    clients: usize,
    seed: u64,
    force: bool,
) -> Result<()> {
    if path.exists() {
        let existing = Store::open(path, "veileder demo")?
            .client_summaries()?
            .len();
        if existing > 0 && !force {
            let values: [(&str, &dyn std::fmt::Display); 2] =
                [("path", &path.display()), ("n", &existing)];
            bail!(lang(config).f(CommandText::DemoHasData, &values));
        }
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".demo-new");
    let tmp = std::path::PathBuf::from(tmp);
    let _ = std::fs::remove_file(&tmp);
    let written = {
        let store = Store::open(&tmp, "veileder demo")?.with_clock(super::clock(lang(config))?);
        let mut importer = store.importer(actor, &[], &[])?;
        generate_into(&options(config, clients, seed, store.now()), &mut importer)?;
        importer.finish(false)?
    };
    std::fs::rename(&tmp, path)?;
    println!("{}: {}", path.display(), counts(lang(config), &written));
    Ok(())
}

/// For `--demo`: fills an empty demo database, and returns the username to act as there (the
/// demo's lead advisor), so that "my clients" has clients in it.
pub fn ensure_filled(store: &Store, config: &Config) -> Result<String> {
    if store.client_summaries()?.is_empty() {
        let doc = generate(&options(config, 300, 2026, store.now()));
        store.import_document("demo", &doc, false)?;
    }
    let advisors = store.advisors()?;
    let lead = advisors
        .iter()
        .find(|a| a.role == Role::Lead)
        .or(advisors.first())
        .map(|a| a.username.clone())
        .unwrap_or_else(|| "demo".to_string());
    Ok(lead)
}
