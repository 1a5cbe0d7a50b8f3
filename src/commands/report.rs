//! `veileder report`: funder figures over a period, as text, Markdown, CSV or JSON.
use std::io::Write;

use anyhow::{Result, anyhow};

use super::Ctx;
use crate::cli::ReportFormat;
use crate::domain::validate;
use crate::i18n::CommandText;
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
    let (from, to) = (day("--from", from)?, day("--to", to)?);
    let period = Period::new(from, to).map_err(|_| {
        let shown = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let values: [(&str, &dyn std::fmt::Display); 2] =
            [("from", &shown(from)), ("to", &shown(to))];
        anyhow!(ctx.lang().f(CommandText::PeriodBackwards, &values))
    })?;
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
