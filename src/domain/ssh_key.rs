//! SSH public keys as advisors register them: one OpenSSH line, `TYPE BASE64 [comment]`.
use russh::keys::PublicKey;

use super::error::{Accepted, Checked, Invalid, Problem};

/// The first key line of a `.pub` file, checked by decoding it; returned as written.
pub fn public_key_line(text: &str) -> Checked<String> {
    let Some(line) = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return Err(Invalid::new(
            "key",
            Problem::KeyFileEmpty,
            Accepted::PublicKey,
        ));
    };
    if line.starts_with("-----BEGIN") {
        return Err(Invalid::new(
            "key",
            Problem::PrivateKey,
            Accepted::PublicHalf,
        ));
    }
    match PublicKey::from_openssh(line) {
        Ok(_) => Ok(line.to_string()),
        Err(e) => Err(Invalid::new(
            "key",
            Problem::NotAKey(e.to_string()),
            Accepted::PublicKey,
        )),
    }
}

/// Whether two key lines hold the same key, whatever their comments.
pub fn same_key(a: &str, b: &str) -> bool {
    match (PublicKey::from_openssh(a), PublicKey::from_openssh(b)) {
        (Ok(a), Ok(b)) => a.key_data() == b.key_data(),
        _ => false,
    }
}

/// Whether `line` holds `key`.
pub fn holds(line: &str, key: &PublicKey) -> bool {
    PublicKey::from_openssh(line).is_ok_and(|k| k.key_data() == key.key_data())
}

/// The SHA-256 fingerprint of a key line, as `ssh-keygen -l` shows it.
pub fn fingerprint(line: &str) -> String {
    PublicKey::from_openssh(line)
        .map(|k| k.fingerprint(Default::default()).to_string())
        .unwrap_or_else(|_| "(unreadable key)".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0nDBvbxV1QmCZ3LVQAAAAAAAAAAAAAAAAAAAAAAAAA";

    #[test]
    fn a_pub_file_gives_its_key_line() {
        let text = format!("# mine\n\n{KEY} ola@laptop\n");
        assert_eq!(public_key_line(&text).unwrap(), format!("{KEY} ola@laptop"));
        assert!(same_key(&format!("{KEY} a"), &format!("{KEY} b")));
        assert!(fingerprint(KEY).starts_with("SHA256:"));
    }

    #[test]
    fn what_is_not_a_key_is_refused_plainly() {
        for bad in ["", "hello", "ssh-ed25519 AAAA", "ssh-rsa !!!"] {
            let err = public_key_line(bad).unwrap_err().to_string();
            assert!(err.contains("OpenSSH public key"), "{bad}: {err}");
        }
    }
}
