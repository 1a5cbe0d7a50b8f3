//! The note in `$VISUAL` / `$EDITOR` (default `vi`) on the local terminal: written to a private
//! temporary file, edited, read back, the file removed.
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};

use crate::i18n::{Lang, Ui};

/// While an editor runs, the terminal reader leaves the keyboard to it.
static EDITING: AtomicBool = AtomicBool::new(false);

pub fn is_editing() -> bool {
    EDITING.load(Ordering::SeqCst)
}

/// Runs the editor on `text` and returns what it left; the caller hands over the terminal.
pub fn edit(lang: Lang, text: &str) -> anyhow::Result<String> {
    let path = temp_path();
    let shown = path.display();
    let mut file = create_private(&path)
        .with_context(|| lang.f(Ui::EditorCannotWrite, &[("path", &shown)]))?;
    file.write_all(text.as_bytes())?;
    drop(file);
    EDITING.store(true, Ordering::SeqCst);
    let ran = run_editor(lang, &path);
    EDITING.store(false, Ordering::SeqCst);
    let edited = ran.and_then(|()| {
        fs::read_to_string(&path).with_context(|| lang.f(Ui::EditorCannotRead, &[("path", &shown)]))
    });
    // The note must not stay behind in the temporary folder, whatever happened.
    let _ = fs::remove_file(&path);
    edited
}

fn run_editor(lang: Lang, path: &PathBuf) -> anyhow::Result<()> {
    let command = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = Command::new(program)
        .args(words)
        .arg(path)
        .status()
        .with_context(|| lang.f(Ui::EditorCannotStart, &[("command", &command)]))?;
    if !status.success() {
        let values: [(&str, &dyn std::fmt::Display); 2] =
            [("command", &command), ("status", &status)];
        bail!(lang.f(Ui::EditorFailed, &values));
    }
    Ok(())
}

fn temp_path() -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    std::env::temp_dir().join(format!("veileder-note-{}-{nanos}.md", std::process::id()))
}

#[cfg(unix)]
fn create_private(path: &PathBuf) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn create_private(path: &PathBuf) -> std::io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_temporary_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let path = temp_path();
        create_private(&path).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        fs::remove_file(&path).unwrap();
        assert_eq!(mode & 0o777, 0o600);
    }
}
