//! Files the program writes for the user: whole or not at all, and private to the owner.
use std::io;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::i18n::{CommandText, Lang};

/// Writes `bytes` to `path` through a temporary file beside it, so a reader never sees half a
/// file and an error leaves the old one; the file is readable by the owner only.
pub fn write_atomically(lang: Lang, path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_with(lang, path, |file| Ok(file.write_all(bytes)?))
}

/// Like `write_atomically`, with `write` producing the content piece by piece (buffered), so
/// that a large document need never be held in memory whole.
pub fn write_atomically_with<T>(
    lang: Lang,
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> Result<T>,
) -> Result<T> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().context(lang.t(CommandText::NoFileName))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| -> Result<T> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = io::BufWriter::with_capacity(1 << 16, options.open(&tmp)?);
        let out = write(&mut file)?;
        let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(out)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.with_context(|| lang.f(CommandText::CannotWrite, &[("path", &path.display())]))
}
