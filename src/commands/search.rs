use std::io::Write;

use anyhow::Result;

use super::Ctx;
use crate::cli::Format;
use crate::i18n::{CliText as T, MATCHES, counted, date, value};
use crate::output::{Table, WIDTH};

pub fn run(
    ctx: &Ctx,
    query: &str,
    limit: usize,
    format: Format,
    out: &mut impl Write,
) -> Result<i32> {
    let hits = ctx.store.search(query, limit)?;
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &hits)?;
            writeln!(out)?;
        }
        Format::Text => {
            let lang = ctx.lang();
            let headers = [T::ColKind, T::ColClient, T::ColDate, T::ColMatch].map(|h| lang.t(h));
            let mut t = Table::new(&headers);
            for h in &hits {
                t.row(vec![
                    value(lang, h.kind.as_str()).into_owned(),
                    format!("{} ({})", h.client_name, h.client_id),
                    h.at.map(|t| date(lang, t.date_naive())).unwrap_or_default(),
                    h.snippet.clone(),
                ]);
            }
            write!(out, "{}", t.render(WIDTH))?;
            writeln!(out, "{}", counted(lang, hits.len(), MATCHES))?;
        }
    }
    Ok(0)
}
