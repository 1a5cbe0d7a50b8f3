use std::io::Write;

use anyhow::Result;
use serde::ser::{SerializeSeq as _, Serializer as _};

use super::Ctx;
use crate::cli::Format;
use crate::domain::ClientId;
use crate::output::{Columns, WIDTH};
use crate::store::{AuditEntry, Store};

/// Entries read at a time: a national log has millions, and none is held longer than a page.
const PAGE: usize = 10_000;

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
    // Entries written while this runs are left for the next run, so both passes agree.
    let log = Log {
        store: &ctx.store,
        upto: ctx.store.audit_last_id()?,
        client: client.map(|c| c.id),
        advisor,
    };
    match format {
        Format::Json => {
            let mut json = serde_json::Serializer::pretty(&mut *out);
            let mut list = json.serialize_seq(None)?;
            log.each(|e| Ok(list.serialize_element(&e)?))?;
            list.end()?;
            writeln!(out)?;
        }
        Format::Text => {
            let mut columns =
                Columns::new(&["WHEN (UTC)", "ADVISOR", "CLIENT", "ACTION", "DETAIL"]);
            log.each(|e| {
                columns.measure(&cells(e));
                Ok(())
            })?;
            columns.fit(WIDTH);
            write!(out, "{}", columns.heading())?;
            log.each(|e| Ok(write!(out, "{}", columns.line(&cells(e)))?))?;
        }
    }
    Ok(0)
}

fn cells(e: AuditEntry) -> Vec<String> {
    vec![
        e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
        e.advisor,
        e.client_id.map(|c| c.to_string()).unwrap_or_default(),
        e.action,
        e.detail,
    ]
}

/// The entries a run shows, read a page at a time.
struct Log<'a> {
    store: &'a Store,
    upto: u64,
    client: Option<ClientId>,
    advisor: Option<&'a str>,
}

impl Log<'_> {
    fn each(&self, mut f: impl FnMut(AuditEntry) -> Result<()>) -> Result<()> {
        let mut after = 0;
        loop {
            let page = self
                .store
                .audit_page(after, self.upto, PAGE, self.client, self.advisor)?;
            let full = page.len() == PAGE;
            for entry in page {
                after = entry.id;
                f(entry)?;
            }
            if !full {
                return Ok(());
            }
        }
    }
}
