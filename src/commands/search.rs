use std::io::Write;

use anyhow::Result;

use super::Ctx;
use crate::cli::Format;
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
            let mut t = Table::new(&["KIND", "CLIENT", "DATE", "MATCH"]);
            for h in &hits {
                t.row(vec![
                    h.kind.as_str().replace('_', " "),
                    format!("{} ({})", h.client_name, h.client_id),
                    h.at.map(|t| t.date_naive().to_string()).unwrap_or_default(),
                    h.snippet.clone(),
                ]);
            }
            write!(out, "{}", t.render(WIDTH))?;
            writeln!(out, "{} matches", hits.len())?;
        }
    }
    Ok(0)
}
