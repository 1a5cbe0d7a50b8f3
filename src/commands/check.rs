use std::io::Write;

use anyhow::Result;

use super::Ctx;

pub fn run(ctx: &mut Ctx, out: &mut impl Write) -> Result<i32> {
    let problems = ctx.store.check()?;
    if problems.is_empty() {
        writeln!(out, "{}: no problems found", ctx.store.path().display())?;
        return Ok(0);
    }
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    writeln!(
        out,
        "{} problems found in {}",
        problems.len(),
        ctx.store.path().display()
    )?;
    Ok(1)
}
