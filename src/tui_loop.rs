//! The event loop of one session, shared by the local terminal and every SSH channel: inputs
//! in, effects through the store, frames out; ticks run the screens' timers and pick up what
//! other sessions saved.
use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use tracing::info;

use crate::app::{App, Effect, Key, Outcome, run_effects};
use crate::background::Background;
use crate::domain::ClientId;
use crate::store::Store;
use crate::ui;

/// How often the screen is redrawn without input, so the clock and timers move on and other
/// advisors' saves show within a second.
pub const TICK: Duration = Duration::from_millis(500);
/// At most this many waiting inputs are handled between two draws.
const INPUTS_PER_DRAW: usize = 256;

/// What a session's loop hears, from whichever thread reads its terminal or channel.
#[derive(Debug)]
pub enum Input {
    Key(Key),
    /// Bracketed paste: one insert into the field that has the keyboard.
    Paste(String),
    Resize(u16, u16),
    /// The session must end (a signal, a hang-up, the server stopping); says why, for the log.
    Stop(String),
    /// The terminal can no longer be read.
    Lost(io::Error),
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
pub enum End {
    Quit,
    Stopped(String),
    /// No input for the idle timeout.
    Idle,
    /// Every sender of inputs is gone.
    Disconnected,
}

/// Where a session is drawn: the local terminal or an SSH channel.
pub trait Surface {
    type Backend: Backend<Error = io::Error>;

    fn terminal(&mut self) -> &mut Terminal<Self::Backend>;

    /// The terminal has a new size; a surface that cannot ask its terminal is told here.
    fn resized(&mut self, _width: u16, _height: u16) {}

    /// Call mode asked for a client: the effect to run, or `None` when the surface refuses it
    /// (and has told the app why).
    fn start_call(&mut self, _app: &mut App, client: ClientId) -> Option<Effect> {
        Some(Effect::StartCall(client))
    }

    /// Before each frame: the surface may note what the app has open.
    fn shown(&mut self, _app: &App) {}

    /// Ctrl-e in call mode: the note to $EDITOR and back, where the surface can.
    fn edit_externally(&mut self, app: &mut App, _text: String) -> Option<Effect> {
        let text = app.lang().t(crate::i18n::Ui::EditorLocalOnly);
        app.receive(Outcome::Failed(text.into()))
    }
}

/// Runs `app` on `surface` until it quits, is stopped, or stays idle for `idle`. A backup
/// still under way when it ends is finished first.
pub fn run<S: Surface>(
    surface: &mut S,
    app: &mut App,
    store: &Store,
    inputs: &Receiver<Input>,
    idle: Option<Duration>,
) -> io::Result<End> {
    std::thread::scope(|scope| run_in(scope, surface, app, store, inputs, idle))
}

fn run_in<'scope, S: Surface>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    surface: &mut S,
    app: &mut App,
    store: &'scope Store,
    inputs: &Receiver<Input>,
    idle: Option<Duration>,
) -> io::Result<End> {
    let mut background = Background::default();
    let size = surface.terminal().size()?;
    app.resize(size.width, size.height);
    app.set_read_only(store.read_only().is_some());
    let first = app.start();
    if !run_effects(app, store, first) {
        return Ok(End::Quit);
    }
    notices(app, store);
    let mut seen = store.generation();
    let mut seen_audit = store.audit_mark();
    let mut last_tick = Instant::now();
    let mut last_input = Instant::now();
    loop {
        surface.shown(app);
        surface.terminal().draw(|frame| ui::draw(frame, app))?;
        let wait = if app.has_work() {
            Duration::ZERO
        } else {
            TICK.saturating_sub(last_tick.elapsed())
        };
        let mut next = match inputs.recv_timeout(wait) {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(End::Disconnected),
        };
        if next.is_some() {
            last_input = Instant::now();
        }
        // What is already waiting is handled before the next draw, so held keys keep up.
        for _ in 0..INPUTS_PER_DRAW {
            let Some(input) = next.take() else { break };
            let effect = match input {
                Input::Key(key) => app.handle_key(key),
                Input::Paste(text) => app.paste(&text),
                Input::Resize(width, height) => {
                    surface.resized(width, height);
                    app.resize(width, height);
                    None
                }
                Input::Stop(reason) => {
                    info!(%reason, "session stopped");
                    return Ok(End::Stopped(reason));
                }
                Input::Lost(error) => return Err(error),
            };
            let effect = match effect {
                Some(Effect::EditExternally(text)) => surface.edit_externally(app, text),
                Some(Effect::StartCall(client)) => surface.start_call(app, client),
                other => background.take(scope, app, store, other),
            };
            if matches!(effect, Some(Effect::Erase(_))) {
                // The rewrite takes seconds on a large file: show that it is under way.
                surface.terminal().draw(|frame| ui::draw(frame, app))?;
            }
            if !run_effects(app, store, effect) {
                return Ok(End::Quit);
            }
            next = inputs.try_recv().ok();
        }
        // A step of work the screen left for between frames, after the keys that may cancel it.
        if app.has_work() {
            let effect = app.resume();
            if !run_effects(app, store, effect) {
                return Ok(End::Quit);
            }
        }
        if let Some(outcome) = background.finished() {
            let effect = app.receive(outcome);
            if !run_effects(app, store, effect) {
                return Ok(End::Quit);
            }
        }
        // Ticks go on while keys keep coming, so call mode's draft is never more than a tick behind.
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            let effect = app.tick();
            if !run_effects(app, store, effect) {
                return Ok(End::Quit);
            }
            let now = store.generation();
            let audited = store.audit_mark();
            // The audit log's growth is taken in only by the audit screen, so it is still
            // news when the advisor comes back to that screen.
            let audit_reload = app.refresh_audit();
            let on_audit = audit_reload.is_some();
            let effect = if now != seen {
                notices(app, store);
                app.refresh()
            } else if audited != seen_audit {
                audit_reload
            } else {
                None
            };
            seen = now;
            if on_audit {
                seen_audit = audited;
            }
            if !run_effects(app, store, effect) {
                return Ok(End::Quit);
            }
            if idle.is_some_and(|limit| last_input.elapsed() >= limit) {
                return Ok(End::Idle);
            }
        }
    }
}

/// Shows what was left for this advisor (clients moved to them), once.
fn notices(app: &mut App, store: &Store) {
    match store.take_notices(app.actor()) {
        Ok(texts) => {
            for stored in texts {
                let text = crate::store::notice(app.lang(), &stored);
                app.receive(Outcome::Notice(text));
            }
        }
        Err(error) => tracing::warn!(%error, "cannot read the notices"),
    }
}
