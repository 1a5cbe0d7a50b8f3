use std::io::Write;

use anyhow::Result;

use super::Ctx;
use crate::cli::Format;
use crate::output::{Table, WIDTH};

pub fn run(
    ctx: &Ctx,
    client: Option<&str>,
    advisor: Option<&str>,
    format: Format,
    out: &mut impl Write,
) -> Result<i32> {
    let client = client
        .map(|spec| ctx.store.resolve_client(spec))
        .transpose()?;
    let entries = ctx.store.audit(client.as_ref().map(|c| c.id), advisor)?;
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)?;
        }
        Format::Text => {
            let mut t = Table::new(&["WHEN (UTC)", "ADVISOR", "CLIENT", "ACTION", "DETAIL"]);
            for e in entries {
                t.row(vec![
                    e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                    e.advisor,
                    e.client_id.map(|c| c.to_string()).unwrap_or_default(),
                    e.action,
                    e.detail,
                ]);
            }
            write!(out, "{}", t.render(WIDTH))?;
        }
    }
    Ok(0)
}
