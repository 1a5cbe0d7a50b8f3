//! The TUI on the local terminal: raw mode and the alternate screen, the event loop, and the
//! terminal put back however the program ends — quit, error, panic, SIGTERM, SIGHUP or SIGINT.
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, Event, KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers,
};
use tracing::{info, warn};

use crate::app::{App, Effect, Key, KeyCode, Outcome, run_effects};
use crate::config::Config;
use crate::note_editor;
use crate::store::Store;
use crate::ui;

/// How often the screen is redrawn without input, so the clock and timers move on.
const TICK: Duration = Duration::from_millis(500);
/// At most this many waiting inputs are handled between two draws.
const INPUTS_PER_DRAW: usize = 256;

enum Input {
    Terminal(Event),
    /// A signal that ends the session.
    Signal(i32),
    /// The terminal can no longer be read.
    Lost(std::io::Error),
}

/// Runs the TUI for `actor` until they quit. A key map the config gets wrong is reported before
/// the terminal changes.
pub fn run(store: &Store, config: &Config, actor: &str) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(config, actor, store.clock(), no_color)?;
    if let Some(warning) = crate::privacy::exposure_warning(store.path()) {
        app.warn(warning);
    }
    let (sender, inputs) = mpsc::channel();
    let signals = watch_signals(sender.clone())?;
    // try_init also installs a panic hook that restores the terminal before the panic is reported.
    let mut terminal = ratatui::try_init().context("cannot start the terminal UI")?;
    bracketed_paste(true);
    read_terminal(sender);
    let result = event_loop(&mut terminal, &mut app, store, &inputs);
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
                Ok(event) => Input::Terminal(event),
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
            if sender.send(Input::Signal(signal)).is_err() {
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

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &Store,
    inputs: &Receiver<Input>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let first = app.start();
    if !run_effects(app, store, first) {
        return Ok(());
    }
    let mut last_tick = Instant::now();
    loop {
        terminal.draw(|frame| ui::draw(frame, app))?;
        let mut next = match inputs.recv_timeout(TICK) {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => {
                last_tick = Instant::now();
                let effect = app.tick();
                if !run_effects(app, store, effect) {
                    return Ok(());
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        // What is already waiting is handled before the next draw, so held keys keep up.
        for _ in 0..INPUTS_PER_DRAW {
            let Some(input) = next.take() else { break };
            let effect = match input {
                Input::Terminal(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                    key_of(key).and_then(|k| app.handle_key(k))
                }
                Input::Terminal(Event::Paste(text)) => app.paste(&text),
                Input::Terminal(Event::Resize(width, height)) => {
                    app.resize(width, height);
                    None
                }
                Input::Terminal(_) => None,
                Input::Signal(signal) => {
                    info!(signal, "stopping on a signal");
                    return Ok(());
                }
                Input::Lost(error) => return Err(error).context("cannot read the terminal"),
            };
            let effect = edit_externally(terminal, app, effect);
            if matches!(effect, Some(Effect::Erase(_))) {
                // The rewrite takes seconds on a large file: show that it is under way.
                terminal.draw(|frame| ui::draw(frame, app))?;
            }
            if !run_effects(app, store, effect) {
                return Ok(());
            }
            next = inputs.try_recv().ok();
        }
        // Ticks go on while keys keep coming, so call mode's draft is never more than a tick behind.
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            let effect = app.tick();
            if !run_effects(app, store, effect) {
                return Ok(());
            }
        }
    }
}

/// Ctrl-e in call mode: the terminal is handed to $EDITOR and back; the edited note (or why
/// not) is fed to the app. Other effects pass through to `run_effects`.
fn edit_externally(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    effect: Option<Effect>,
) -> Option<Effect> {
    let Some(Effect::EditExternally(text)) = effect else {
        return effect;
    };
    bracketed_paste(false);
    if let Err(error) = ratatui::try_restore() {
        warn!(%error, "could not leave the TUI for the editor");
    }
    let edited = note_editor::edit(&text);
    *terminal = ratatui::init();
    bracketed_paste(true);
    if let Err(error) = terminal.clear() {
        warn!(%error, "could not redraw after the editor");
    }
    match edited {
        Ok(text) => app.receive(Outcome::EditedText(text)),
        Err(error) => app.receive(Outcome::Failed(format!("{error:#}"))),
    }
}

/// A paste then arrives as one event, not as thousands of keys each followed by a redraw.
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

fn key_of(event: KeyEvent) -> Option<Key> {
    let code = match event.code {
        TermKey::Char(c) => KeyCode::Char(c),
        TermKey::Enter => KeyCode::Enter,
        TermKey::Esc => KeyCode::Esc,
        TermKey::Tab => KeyCode::Tab,
        TermKey::BackTab => KeyCode::BackTab,
        TermKey::Backspace => KeyCode::Backspace,
        TermKey::Delete => KeyCode::Delete,
        TermKey::Insert => KeyCode::Insert,
        TermKey::Up => KeyCode::Up,
        TermKey::Down => KeyCode::Down,
        TermKey::Left => KeyCode::Left,
        TermKey::Right => KeyCode::Right,
        TermKey::Home => KeyCode::Home,
        TermKey::End => KeyCode::End,
        TermKey::PageUp => KeyCode::PageUp,
        TermKey::PageDown => KeyCode::PageDown,
        TermKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let held = event.modifiers;
    Some(Key::new(
        code,
        held.contains(KeyModifiers::CONTROL),
        held.contains(KeyModifiers::ALT),
        held.contains(KeyModifiers::SHIFT),
    ))
}
