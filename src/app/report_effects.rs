//! The Reports screen's effects: reading a report for a period, and writing the one on show to
//! a file in the format its name ends with.
use std::collections::HashSet;
use std::path::PathBuf;

use super::effect::Outcome;
use super::screens::reports::ReportData;
use crate::domain::ClientId;
use crate::i18n::{Lang, ReportsScreenText as T};
use crate::report::{self, Period, Report};
use crate::store::Store;

pub fn load(store: &Store, period: Period) -> crate::store::Result<Outcome> {
    let input = store.report_input()?;
    let figures = report::compute(&input, period, store.today());
    let warned: HashSet<ClientId> = figures.warnings.iter().map(|w| w.client_id).collect();
    let names = input
        .clients
        .iter()
        .filter(|c| warned.contains(&c.id))
        .map(|c| (c.id, c.name.clone()))
        .collect();
    let data = ReportData {
        period,
        report: figures,
        years: report::yearly(&input),
        names,
    };
    Ok(Outcome::Report(Box::new(data)))
}

/// `~/` at the start of a path is the home folder, as in a shell.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(path),
    }
}

pub fn export(lang: Lang, path: &str, figures: &Report) -> Outcome {
    let target = expand_home(path);
    let extension = target
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let text = match extension.as_str() {
        "txt" => Ok(report::text_in(lang, figures)),
        "md" => Ok(report::markdown_in(lang, figures)),
        "csv" => report::csv(figures).map_err(|e| e.to_string()),
        "json" => serde_json::to_string_pretty(figures)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string()),
        _ => Err(lang.f(T::BadEnding, &[("path", &path)])),
    };
    let written = text.and_then(|text| {
        crate::files::write_atomically(lang, &target, text.as_bytes()).map_err(|e| format!("{e:#}"))
    });
    match written {
        Ok(()) => Outcome::ReportExported(target.display().to_string()),
        Err(message) => Outcome::Failed(message),
    }
}
