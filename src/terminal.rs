//! The TUI on the local terminal: raw mode and the alternate screen, the event loop, and the
//! terminal put back however the program ends — quit, error, panic, SIGTERM or SIGHUP.
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers};
use tracing::{info, warn};

use crate::app::{App, Key, KeyCode, run_effects};
use crate::config::Config;
use crate::store::Store;
use crate::ui;

/// How often the screen is redrawn without input, so the clock and timers move on.
const TICK: Duration = Duration::from_millis(500);

/// Runs the TUI for `actor` until they quit. A key map the config gets wrong is reported before
/// the terminal changes.
pub fn run(store: &Store, config: &Config, actor: &str) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(config, actor, store.clock(), no_color)?;
    let stop = Arc::new(AtomicBool::new(false));
    let signals = watch_signals(&stop)?;
    // try_init also installs a panic hook that restores the terminal before the panic is reported.
    let mut terminal = ratatui::try_init().context("cannot start the terminal UI")?;
    let result = event_loop(&mut terminal, &mut app, store, &stop);
    if let Err(error) = ratatui::try_restore() {
        warn!(%error, "could not restore the terminal");
    }
    for id in signals {
        signal_hook::low_level::unregister(id);
    }
    result
}

#[cfg(unix)]
fn watch_signals(stop: &Arc<AtomicBool>) -> anyhow::Result<Vec<signal_hook::SigId>> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    [SIGTERM, SIGHUP]
        .into_iter()
        .map(|signal| signal_hook::flag::register(signal, Arc::clone(stop)).context("cannot watch for signals"))
        .collect()
}

#[cfg(not(unix))]
fn watch_signals(_stop: &Arc<AtomicBool>) -> anyhow::Result<Vec<signal_hook::SigId>> {
    Ok(Vec::new())
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, store: &Store, stop: &AtomicBool) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let first = app.start();
    if !run_effects(app, store, first) {
        return Ok(());
    }
    loop {
        terminal.draw(|frame| ui::draw(frame, app))?;
        if stop.load(Ordering::Relaxed) {
            info!("stopping on a signal");
            return Ok(());
        }
        if !event::poll(TICK)? {
            let effect = app.tick();
            if !run_effects(app, store, effect) {
                return Ok(());
            }
            continue;
        }
        // Everything already waiting is handled before the next draw, so held keys keep up.
        loop {
            let effect = match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => key_of(key).and_then(|k| app.handle_key(k)),
                Event::Resize(width, height) => {
                    app.resize(width, height);
                    None
                }
                _ => None,
            };
            if !run_effects(app, store, effect) {
                return Ok(());
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
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
