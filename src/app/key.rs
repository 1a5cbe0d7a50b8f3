//! A key press as the app sees it, independent of the terminal library or SSH channel it came
//! from, and its written form in the config (`ctrl-s`, `j`, `G`, `shift-tab`, `f1`).
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A printable character, already shifted: `G`, not shift-`g`.
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    /// Only for keys that are not characters; a shifted character is its own character.
    pub shift: bool,
}

/// The app's key code for a key code of a terminal library, `None` for keys the app does not
/// use. crossterm (the local terminal) and terminput (the bytes of an SSH channel) name their
/// keys alike but share no type, so one macro reads both: `key_code_of!(code, TheirKeyCode)`.
macro_rules! key_code_of {
    ($code:expr, $theirs:ident) => {
        match $code {
            $theirs::Char(c) => Some($crate::app::KeyCode::Char(c)),
            $theirs::Enter => Some($crate::app::KeyCode::Enter),
            $theirs::Esc => Some($crate::app::KeyCode::Esc),
            $theirs::Tab => Some($crate::app::KeyCode::Tab),
            $theirs::Backspace => Some($crate::app::KeyCode::Backspace),
            $theirs::Delete => Some($crate::app::KeyCode::Delete),
            $theirs::Insert => Some($crate::app::KeyCode::Insert),
            $theirs::Up => Some($crate::app::KeyCode::Up),
            $theirs::Down => Some($crate::app::KeyCode::Down),
            $theirs::Left => Some($crate::app::KeyCode::Left),
            $theirs::Right => Some($crate::app::KeyCode::Right),
            $theirs::Home => Some($crate::app::KeyCode::Home),
            $theirs::End => Some($crate::app::KeyCode::End),
            $theirs::PageUp => Some($crate::app::KeyCode::PageUp),
            $theirs::PageDown => Some($crate::app::KeyCode::PageDown),
            $theirs::F(n) => Some($crate::app::KeyCode::F(n)),
            _ => None,
        }
    };
}
pub(crate) use key_code_of;

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
];

impl Key {
    /// A key from its parts, in the one form the key map compares: shift folded into the
    /// character or into back-tab, and ctrl-letters lowercase (terminals cannot tell them apart).
    pub fn new(code: KeyCode, ctrl: bool, alt: bool, shift: bool) -> Key {
        let (code, shift) = match code {
            KeyCode::Char(c) if ctrl => (KeyCode::Char(c.to_ascii_lowercase()), false),
            KeyCode::Char(c) if shift => {
                (KeyCode::Char(c.to_uppercase().next().unwrap_or(c)), false)
            }
            KeyCode::Char(c) => (KeyCode::Char(c), false),
            KeyCode::Tab if shift => (KeyCode::BackTab, false),
            KeyCode::BackTab => (KeyCode::BackTab, false),
            other => (other, shift),
        };
        Key {
            code,
            ctrl,
            alt,
            shift,
        }
    }

    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
            shift: false,
        }
    }

    /// The character this key types into a text field, if it types one.
    pub fn printable(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt && !c.is_control() => Some(c),
            _ => None,
        }
    }

    /// Parses the written form of a key; `None` when it is not one.
    pub fn parse(text: &str) -> Option<Key> {
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 5 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.len() > 4 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if rest.len() > 6 && lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && !c.is_whitespace() => KeyCode::Char(c),
            _ => named(&rest.to_ascii_lowercase())?,
        };
        Some(Key::new(code, ctrl, alt, shift))
    }
}

fn named(name: &str) -> Option<KeyCode> {
    if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    NAMED
        .iter()
        .find(|(text, _)| *text == name)
        .map(|(_, code)| *code)
}

/// The written form, as the config takes it and the help overlay shows it.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == code)
                    .map_or("?", |(text, _)| *text);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_written_forms() {
        assert_eq!(Key::parse("j"), Some(Key::char('j')));
        assert_eq!(Key::parse("G"), Some(Key::char('G')));
        assert_eq!(Key::parse("shift-g"), Some(Key::char('G')));
        assert_eq!(Key::parse("?"), Some(Key::char('?')));
        assert_eq!(Key::parse("-"), Some(Key::char('-')));
        assert_eq!(Key::parse("ctrl-s"), Some(Key::ctrl('s')));
        assert_eq!(Key::parse("Ctrl-S"), Some(Key::ctrl('s')));
        assert_eq!(Key::parse("ctrl--"), Some(Key::ctrl('-')));
        assert_eq!(Key::parse("shift-tab"), Some(Key::plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("f1"), Some(Key::plain(KeyCode::F(1))));
        assert_eq!(Key::parse("PgDn"), Some(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("space"), Some(Key::char(' ')));
        assert_eq!(Key::parse("ø"), Some(Key::char('ø')));
        let alt_up = Key::parse("alt-shift-up").unwrap();
        assert!(alt_up.alt && alt_up.shift && alt_up.code == KeyCode::Up);
    }

    #[test]
    fn refuses_what_is_not_a_key() {
        for bad in [
            "", "ctrl-", "f13", "f0", "jj", "hyper-x", "\u{7}", " ", "ctrl-foo",
        ] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn display_is_parseable() {
        for text in [
            "j",
            "G",
            "ctrl-s",
            "shift-tab",
            "f12",
            "space",
            "pagedown",
            "esc",
            "alt-shift-up",
        ] {
            let key = Key::parse(text).unwrap();
            assert_eq!(key.to_string(), text);
            assert_eq!(Key::parse(&key.to_string()), Some(key));
        }
    }

    #[test]
    fn printable_only_without_ctrl_or_alt() {
        assert_eq!(Key::char('q').printable(), Some('q'));
        assert_eq!(Key::ctrl('q').printable(), None);
        assert_eq!(Key::plain(KeyCode::Enter).printable(), None);
    }
}
