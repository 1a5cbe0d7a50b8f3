use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::Ctx;

/// `veileder backup PATH`: to a file, or into a folder under a name with the time.
pub fn run(ctx: &Ctx, path: &Path, out: &mut impl Write) -> Result<i32> {
    let backup = if path.is_dir() {
        let name = format!("veileder-{}.redb", ctx.store.now().format("%Y%m%d-%H%M%S"));
        ctx.store.backup_to(&path.join(name))?
    } else {
        ctx.store.backup_to(path)?
    };
    let text = ctx.lang().f(
        crate::i18n::BackupText::BackedUpFile,
        &[
            ("db", &ctx.store.path().display()),
            ("path", &backup.path.display()),
            ("rows", &backup.rows),
            ("kb", &backup.bytes.div_ceil(1024)),
        ],
    );
    writeln!(out, "{text}")?;
    Ok(0)
}
