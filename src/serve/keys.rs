//! Keys from the bytes an SSH client sends: escape sequences, UTF-8, Alt, Ctrl and bracketed
//! paste parsed by `terminput`; a lone Esc is told apart from the start of a sequence by time.
use terminput::{Event, KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::key::key_code_of;
use crate::app::{Key, KeyCode};
use crate::tui_loop::Input;

/// How long an Esc waits for the rest of a sequence before it counts as the Esc key.
pub const ESC_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

/// Bytes not yet making a whole event, kept between two reads of the channel.
#[derive(Debug, Default)]
pub struct KeyParser {
    pending: Vec<u8>,
}

impl KeyParser {
    /// Parses `bytes` after what was pending; the inputs found go to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Input>) {
        for (i, byte) in bytes.iter().enumerate() {
            self.pending.push(*byte);
            let more = i + 1 < bytes.len();
            // An Esc with bytes right behind it starts a sequence (or is Alt): wait for them.
            if self.pending == [0x1b] && more {
                continue;
            }
            if self.pending == [0x1b] {
                // Maybe a lone Esc, maybe a sequence split across reads: `flush` decides later.
                return;
            }
            match Event::parse_from(&self.pending) {
                Ok(Some(event)) => {
                    self.pending.clear();
                    out.extend(input_of(event));
                }
                Ok(None) => {}
                Err(_) => self.pending.clear(),
            }
        }
    }

    /// Whether an Esc waits alone, to be flushed after `ESC_WAIT` if nothing follows.
    pub fn waiting_escape(&self) -> bool {
        self.pending == [0x1b]
    }

    /// No more bytes came: a waiting Esc is the Esc key.
    pub fn flush(&mut self, out: &mut Vec<Input>) {
        if self.waiting_escape() {
            self.pending.clear();
            out.push(Input::Key(Key::plain(KeyCode::Esc)));
        }
    }
}

fn input_of(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_of(key).map(Input::Key),
        Event::Paste(text) => Some(Input::Paste(text)),
        _ => None,
    }
}

/// Shift-tab comes as tab with shift held, which `Key::new` folds into back-tab.
fn key_of(event: KeyEvent) -> Option<Key> {
    let code = key_code_of!(event.code, TermKey)?;
    let held = event.modifiers;
    Some(Key::new(
        code,
        held.contains(KeyModifiers::CTRL),
        held.contains(KeyModifiers::ALT),
        held.contains(KeyModifiers::SHIFT),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(chunks: &[&[u8]]) -> Vec<String> {
        let mut parser = KeyParser::default();
        let mut out = Vec::new();
        for chunk in chunks {
            parser.feed(chunk, &mut out);
        }
        parser.flush(&mut out);
        out.iter()
            .map(|input| match input {
                Input::Key(key) => key.to_string(),
                Input::Paste(text) => format!("paste:{text}"),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn arrows_home_end_and_function_keys() {
        assert_eq!(
            keys(&[b"\x1b[A\x1b[B\x1b[H\x1b[F\x1bOP\x1b[6~"]),
            ["up", "down", "home", "end", "f1", "pagedown"]
        );
    }

    #[test]
    fn ctrl_alt_utf8_and_shift_tab() {
        assert_eq!(
            keys(&[b"\x13\x1bx", "ø".as_bytes(), b"\x1b[Z\r\x7f"]),
            ["ctrl-s", "alt-x", "ø", "shift-tab", "enter", "backspace"]
        );
    }

    #[test]
    fn a_sequence_split_across_reads_is_one_key() {
        assert_eq!(keys(&[b"\x1b", b"[", b"A"]), ["up"]);
        let split = "å".as_bytes();
        assert_eq!(keys(&[&split[..1], &split[1..]]), ["å"]);
    }

    #[test]
    fn a_lone_esc_is_esc_once_flushed() {
        let mut parser = KeyParser::default();
        let mut out = Vec::new();
        parser.feed(b"\x1b", &mut out);
        assert!(out.is_empty() && parser.waiting_escape());
        parser.flush(&mut out);
        assert!(matches!(out.as_slice(), [Input::Key(k)] if k.code == KeyCode::Esc));
    }

    #[test]
    fn bracketed_paste_is_one_input() {
        assert_eq!(
            keys(&[b"\x1b[200~Hei p\xc3\xa5 deg\x1b[201~x"]),
            ["paste:Hei på deg", "x"]
        );
    }
}
