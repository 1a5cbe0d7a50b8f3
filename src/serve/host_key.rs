//! The server's identity: an Ed25519 host key, made on first start (mode 0600) or given.
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

use crate::i18n::{CommandText as T, Lang};

/// Reads the host key at `path`, or makes one there when no file exists yet.
pub fn load_or_create(lang: Lang, path: &Path) -> Result<PrivateKey> {
    let shown = path.display();
    if path.exists() {
        check_private(lang, path)?;
        return PrivateKey::read_openssh_file(path)
            .with_context(|| lang.f(T::HostKeyUnreadable, &[("path", &shown)]));
    }
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .context(lang.t(T::CannotMakeHostKey))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| lang.f(T::CannotCreateFolder, &[("path", &dir.display())]))?;
    }
    // ssh-key creates the file with mode 0600.
    key.write_openssh_file(path, LineEnding::LF)
        .with_context(|| lang.f(T::CannotWriteHostKey, &[("path", &shown)]))?;
    tracing::info!(path = %path.display(), "made a new host key");
    Ok(key)
}

/// The fingerprint advisors see on their first connection, to compare.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

/// A host key others can read is refused, as sshd refuses it.
#[cfg(unix)]
fn check_private(lang: Lang, path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let shown = path.display();
    let mode = std::fs::metadata(path)
        .with_context(|| lang.f(T::CannotRead, &[("path", &shown)]))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        let mode = format!("{:o}", mode & 0o777);
        bail!(lang.f(T::HostKeyExposed, &[("path", &shown), ("mode", &mode)]));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_lang: Lang, _path: &Path) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_with_mode_0600_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/host");
        let made = load_or_create(Lang::En, &path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let again = load_or_create(Lang::En, &path).unwrap();
        assert_eq!(fingerprint(&made), fingerprint(&again));
    }

    #[cfg(unix)]
    #[test]
    fn a_key_readable_by_others_is_refused() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("host");
        load_or_create(Lang::En, &path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = load_or_create(Lang::En, &path).unwrap_err().to_string();
        assert!(err.contains("chmod 600"), "{err}");
        let nb = load_or_create(Lang::Nb, &path).unwrap_err().to_string();
        assert!(
            nb.contains("kan leses av andre (modus 644); kjør `chmod 600"),
            "{nb}"
        );
    }
}
