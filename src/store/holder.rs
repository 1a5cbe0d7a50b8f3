//! A note beside the database saying which process holds it, so a second opener can say who.
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

fn note_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".holder");
    PathBuf::from(name)
}

/// Creates the folder (0700) and an empty database file (0600) so that nothing is ever readable
/// by others, whatever the umask.
pub fn prepare_file(db: &Path) -> io::Result<()> {
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        prepare_folder(dir)?;
    }
    if !db.exists() {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(db) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Creates `dir` (0700) with its parents when it does not exist.
pub fn prepare_folder(dir: &Path) -> io::Result<()> {
    if !dir.exists() {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)?;
    }
    Ok(())
}

pub fn describe(db: &Path) -> String {
    fs::read_to_string(note_path(db))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "another process".to_string())
}

pub struct Holder(PathBuf);

impl Holder {
    pub fn claim(db: &Path, role: &str) -> Holder {
        let holder = Holder(note_path(db));
        holder.note(role);
        holder
    }

    /// Says again who holds the file (`serve`, once it knows the port it listens on).
    pub fn note(&self, role: &str) {
        let user = crate::login::login_name().unwrap_or_else(|| "unknown".to_string());
        let note = format!("{role}, process {} of user {user}", std::process::id());
        // Best effort: the note only improves a message, and the database is already ours.
        let _ = fs::write(&self.0, note);
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}
