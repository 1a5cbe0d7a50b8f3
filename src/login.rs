//! Who runs this process, by login name: for the holder note on a database file, and whoever
//! else must name the person at the keyboard when nothing more precise is known.

/// The login name of the user this process runs as: the password database's name for the
/// effective uid, else `$USER` (a uid with no entry, as in some containers), else `None`.
pub fn login_name() -> Option<String> {
    passwd_name().or_else(|| std::env::var("USER").ok().filter(|user| !user.is_empty()))
}

#[cfg(unix)]
fn passwd_name() -> Option<String> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    name_of_uid(unsafe { libc::geteuid() })
}

#[cfg(not(unix))]
fn passwd_name() -> Option<String> {
    None
}

/// The name the password database gives `uid`, if it has an entry for it.
#[cfg(unix)]
fn name_of_uid(uid: libc::uid_t) -> Option<String> {
    let mut buf: Vec<libc::c_char> = vec![0; 1024];
    loop {
        // SAFETY: a zeroed passwd is a valid value (null pointers, zero ids) for the call to fill.
        let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: entry, buf and found live across the call, and buf's true length is passed.
        let code =
            unsafe { libc::getpwuid_r(uid, &mut entry, buf.as_mut_ptr(), buf.len(), &mut found) };
        if code == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if code != 0 || found.is_null() || entry.pw_name.is_null() {
            return None;
        }
        // SAFETY: on success pw_name points at a NUL-terminated string inside buf, still alive.
        let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
        return name
            .to_str()
            .ok()
            .filter(|name| !name.is_empty())
            .map(str::to_owned);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn uid_zero_is_root() {
        assert_eq!(name_of_uid(0).as_deref(), Some("root"));
    }

    #[test]
    fn a_uid_without_an_entry_has_no_name() {
        assert_eq!(name_of_uid(3_999_999_999), None);
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
