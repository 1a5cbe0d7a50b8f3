//! Who runs this process, by login name: for the holder note on a database file, and whoever
//! else must name the person at the keyboard when nothing more precise is known.

/// The login name of the user this process runs as: the password database's name for the
/// effective uid, else `$USER` (a uid with no entry, as in some containers), else `None`.
pub fn login_name() -> Option<String> {
    passwd_name().or_else(|| std::env::var("USER").ok().filter(|user| !user.is_empty()))
}

#[cfg(unix)]
fn passwd_name() -> Option<String> {
    name_of_uid(nix::unistd::Uid::effective())
}

#[cfg(not(unix))]
fn passwd_name() -> Option<String> {
    None
}

/// The name the password database gives `uid`, if it has an entry for it.
#[cfg(unix)]
fn name_of_uid(uid: nix::unistd::Uid) -> Option<String> {
    nix::unistd::User::from_uid(uid)
        .ok()
        .flatten()
        .map(|user| user.name)
        .filter(|name| !name.is_empty())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn uid_zero_is_root() {
        assert_eq!(
            name_of_uid(nix::unistd::Uid::from_raw(0)).as_deref(),
            Some("root")
        );
    }

    #[test]
    fn a_uid_without_an_entry_has_no_name() {
        assert_eq!(name_of_uid(nix::unistd::Uid::from_raw(3_999_999_999)), None);
    }

    #[test]
    fn the_login_name_is_what_id_says_whatever_user_says() {
        let id = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        let expected = String::from_utf8(id.stdout).unwrap().trim().to_string();
        if id.status.success() {
            assert_eq!(login_name(), Some(expected));
        }
    }
}
