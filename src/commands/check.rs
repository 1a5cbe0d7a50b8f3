use std::io::Write;

use anyhow::Result;

use super::Ctx;
use crate::i18n::CliText as T;

pub fn run(ctx: &mut Ctx, out: &mut impl Write) -> Result<i32> {
    let problems = ctx.store.check()?;
    let lang = ctx.lang();
    let path = ctx.store.path().display().to_string();
    if problems.is_empty() {
        writeln!(out, "{}", lang.f(T::NoProblems, &[("path", &path)]))?;
        return Ok(0);
    }
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    let summary = lang.f(T::Problems, &[("n", &problems.len()), ("path", &path)]);
    writeln!(out, "{summary}")?;
    Ok(1)
}
