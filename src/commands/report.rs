//! `veileder report`: funder figures over a period, as text, Markdown, CSV or JSON.
use std::io::Write;

use anyhow::{Result, anyhow};

use super::Ctx;
use crate::cli::ReportFormat;
use crate::domain::validate;
use crate::report::{self, Period};

fn day(field: &'static str, value: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    value
        .map(|v| validate::date(field, v).map_err(anyhow::Error::from))
        .transpose()
}

pub fn run(
    ctx: &Ctx,
    from: Option<&str>,
    to: Option<&str>,
    format: ReportFormat,
    out: &mut impl Write,
) -> Result<i32> {
    let period = Period::new(day("--from", from)?, day("--to", to)?).map_err(|e| anyhow!(e))?;
    let input = ctx.store.report_input()?;
    let figures = report::compute(&input, period, ctx.store.today());
    match format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &figures)?;
            writeln!(out)?;
        }
        ReportFormat::Text => write!(out, "{}", report::text_in(ctx.lang(), &figures))?,
        ReportFormat::Md => write!(out, "{}", report::markdown_in(ctx.lang(), &figures))?,
        ReportFormat::Csv => write!(out, "{}", report::csv(&figures)?)?,
    }
    Ok(0)
}
