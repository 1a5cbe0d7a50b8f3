//! The TUI on the local terminal: raw mode and the alternate screen, the event loop, and the
//! terminal put back however the program ends — quit, error, panic, SIGTERM, SIGHUP or SIGINT.
use std::io::Stdout;
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::Duration;

use anyhow::Context;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, Event, KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers,
};
use ratatui::prelude::CrosstermBackend;
use tracing::warn;

use crate::app::key::key_code_of;
use crate::app::{App, Effect, Key, KeyCode, Outcome};
use crate::config::Config;
use crate::note_editor;
use crate::store::Store;
use crate::tui_loop::{self, Input, Surface};

/// Runs the TUI for `actor` until they quit. A key map the config gets wrong is reported before
/// the terminal changes.
pub fn run(store: &Store, config: &Config, actor: &str) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(config, actor, store.clock(), no_color)?;
    let (sender, inputs) = mpsc::channel();
    let signals = watch_signals(sender.clone())?;
    // try_init also installs a panic hook that restores the terminal before the panic is reported.
    let terminal = ratatui::try_init().context("cannot start the terminal UI")?;
    bracketed_paste(true);
    read_terminal(sender);
    let mut surface = Local(terminal);
    let result = tui_loop::run(&mut surface, &mut app, store, &inputs, None)
        .map(|_| ())
        .context("cannot read the terminal");
    // Whatever ended the loop (quit, signal, hang-up, lost terminal), call mode's typing is kept.
    if let Some(draft) = app.pending_draft()
        && let Err(error) = store.save_draft(&draft)
    {
        warn!(%error, "could not save the call-mode draft");
    }
    bracketed_paste(false);
    if let Err(error) = ratatui::try_restore() {
        warn!(%error, "could not restore the terminal");
    }
    unwatch_signals(signals);
    result
}

/// Terminal events are read on their own thread: once the terminal is gone crossterm's read can
/// spin without returning, and the loop must still hear SIGHUP and end.
fn read_terminal(sender: Sender<Input>) {
    thread::spawn(move || {
        loop {
            // Poll rather than block, so that an external editor gets the keyboard to itself.
            if note_editor::is_editing() {
                thread::sleep(Duration::from_millis(50));
                continue;
            }
            match event::poll(Duration::from_millis(100)) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(error) => {
                    let _ = sender.send(Input::Lost(error));
                    return;
                }
            }
            let input = match event::read() {
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => match key_of(key) {
                    Some(key) => Input::Key(key),
                    None => continue,
                },
                Ok(Event::Resize(width, height)) => Input::Resize(width, height),
                Ok(Event::Paste(text)) => Input::Paste(text),
                Ok(_) => continue,
                Err(error) => Input::Lost(error),
            };
            let lost = matches!(input, Input::Lost(_));
            if sender.send(input).is_err() || lost {
                return;
            }
        }
    });
}

#[cfg(unix)]
type SignalWatch = signal_hook::iterator::Handle;
#[cfg(not(unix))]
type SignalWatch = ();

#[cfg(unix)]
fn watch_signals(sender: Sender<Input>) -> anyhow::Result<SignalWatch> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
        .context("cannot watch for signals")?;
    let handle = signals.handle();
    thread::spawn(move || {
        for signal in signals.forever() {
            if sender
                .send(Input::Stop(format!("signal {signal}")))
                .is_err()
            {
                return;
            }
        }
    });
    Ok(handle)
}

#[cfg(not(unix))]
fn watch_signals(_sender: Sender<Input>) -> anyhow::Result<SignalWatch> {
    Ok(())
}

#[cfg(unix)]
fn unwatch_signals(signals: SignalWatch) {
    signals.close();
}

#[cfg(not(unix))]
fn unwatch_signals(_signals: SignalWatch) {}

/// The process's own terminal: crossterm answers size queries, and $EDITOR can take it over.
struct Local(DefaultTerminal);

impl Surface for Local {
    type Backend = CrosstermBackend<Stdout>;

    fn terminal(&mut self) -> &mut DefaultTerminal {
        &mut self.0
    }

    /// The terminal is handed to $EDITOR and back; the edited note (or why not) goes to the app.
    fn edit_externally(&mut self, app: &mut App, text: String) -> Option<Effect> {
        bracketed_paste(false);
        if let Err(error) = ratatui::try_restore() {
            warn!(%error, "could not leave the TUI for the editor");
        }
        let edited = note_editor::edit(app.lang(), &text);
        self.0 = ratatui::init();
        bracketed_paste(true);
        if let Err(error) = self.0.clear() {
            warn!(%error, "could not redraw after the editor");
        }
        match edited {
            Ok(text) => app.receive(Outcome::EditedText(text)),
            Err(error) => app.receive(Outcome::Failed(format!("{error:#}"))),
        }
    }
}

fn key_of(event: KeyEvent) -> Option<Key> {
    let code = match event.code {
        TermKey::BackTab => Some(KeyCode::BackTab),
        other => key_code_of!(other, TermKey),
    }?;
    let held = event.modifiers;
    Some(Key::new(
        code,
        held.contains(KeyModifiers::CONTROL),
        held.contains(KeyModifiers::ALT),
        held.contains(KeyModifiers::SHIFT),
    ))
}

/// Pasted text arrives as one event (not a key per character), so a long paste is one insert.
fn bracketed_paste(on: bool) {
    let mut out = std::io::stdout();
    let done = if on {
        ratatui::crossterm::execute!(out, event::EnableBracketedPaste)
    } else {
        ratatui::crossterm::execute!(out, event::DisableBracketedPaste)
    };
    if let Err(error) = done {
        warn!(%error, "could not switch bracketed paste");
    }
}
