//! One advisor's session: their own App over the shared store, on its own thread, drawn to the
//! SSH channel. However it ends (quit, hang-up, idle, server stopping), call mode's typing is
//! saved as a draft.
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use ratatui::Terminal;
use tokio::sync::mpsc::UnboundedSender;
use tracing::{info, warn};

use super::Shared;
use super::backend::{ChannelBackend, ChannelWriter};
use crate::app::{App, Effect, Outcome};
use crate::config::Config;
use crate::domain::ClientId;
use crate::i18n::{Lang, MINUTES, ServeText, counted};
use crate::store::{Access, Store};
use crate::tui_loop::{self, End, Input, Surface};

/// The alternate screen and bracketed paste on; and off again, with the cursor shown.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?2004h";
const LEAVE: &[u8] = b"\x1b[?2004l\x1b[?25h\x1b[?1049l";

pub struct SessionStart {
    pub store: Arc<Store>,
    pub config: Arc<Config>,
    pub access: Access,
    pub size: (u16, u16),
    pub idle: Duration,
    pub inputs: Receiver<Input>,
    pub out: UnboundedSender<Vec<u8>>,
    /// The session's place among the live ones, for what sessions must not do at once.
    pub seat: Option<Seat>,
}

pub struct Seat {
    pub shared: Arc<Shared>,
    pub id: u64,
}

struct Channel {
    terminal: Terminal<ChannelBackend>,
    seat: Option<Seat>,
}

impl Surface for Channel {
    type Backend = ChannelBackend;

    fn terminal(&mut self) -> &mut Terminal<ChannelBackend> {
        &mut self.terminal
    }

    fn resized(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().set_size(width, height);
    }

    /// The same advisor's call with this client open in another of their sessions: said in
    /// one line, and no second editor over the same draft.
    fn start_call(&mut self, app: &mut App, client: ClientId) -> Option<Effect> {
        let Some(seat) = &self.seat else {
            return Some(Effect::StartCall(client));
        };
        if seat.shared.sessions.claim_call(seat.id, client) {
            return Some(Effect::StartCall(client));
        }
        let text = app.lang().t(ServeText::CallOpenElsewhere);
        app.receive(Outcome::Failed(text.into()))
    }

    fn shown(&mut self, app: &App) {
        if let Some(seat) = &self.seat {
            seat.shared.sessions.in_call(seat.id, app.call_client());
        }
    }
}

/// Runs the session to its end; what the advisor sees last is said on their terminal.
pub fn run(start: SessionStart) -> End {
    let SessionStart {
        store,
        config,
        access,
        size,
        idle,
        inputs,
        out,
        seat,
    } = start;
    let backend = ChannelBackend::new(ChannelWriter::new(out), size.0, size.1);
    let username = access.username.clone();
    let mut app = match App::new(&config, username.as_str(), store.clock(), false) {
        Ok(app) => app.with_access(access),
        Err(error) => {
            warn!(%error, "the key map of the configuration is refused");
            return End::Stopped(error.said_in(config.language.unwrap_or_default()));
        }
    };
    let mut surface = match Terminal::new(backend) {
        Ok(terminal) => Channel { terminal, seat },
        Err(error) => return End::Stopped(error.to_string()),
    };
    let _ = surface.terminal.backend_mut().send(ENTER);
    let end = match tui_loop::run(&mut surface, &mut app, &store, &inputs, Some(idle)) {
        Ok(end) => end,
        Err(error) => {
            info!(%error, %username, "the channel went away");
            End::Disconnected
        }
    };
    let kept = match app.pending_draft() {
        Some(draft) => match store.save_draft(&draft) {
            Ok(()) => true,
            Err(error) => {
                warn!(%error, %username, "could not save the call-mode draft");
                false
            }
        },
        None => false,
    };
    // What this session leaves behind is on disk before it says so.
    if let Err(error) = store.flush_drafts() {
        warn!(%error, %username, "could not make the draft durable");
    }
    let farewell = farewell(config.language.unwrap_or_default(), &end, kept, idle);
    let backend = surface.terminal.backend_mut();
    let _ = backend.send(LEAVE);
    if let Some(text) = farewell {
        let _ = backend.send(format!("{text}\r\n").as_bytes());
    }
    info!(%username, ?end, kept, "session ended");
    end
}

fn farewell(lang: Lang, end: &End, kept: bool, idle: Duration) -> Option<String> {
    let draft = if kept {
        lang.t(ServeText::DraftKept)
    } else {
        ""
    };
    match end {
        End::Idle => Some(lang.f(
            ServeText::Idle,
            &[
                ("minutes", &counted(lang, idle.as_secs() / 60, MINUTES)),
                ("draft", &draft),
            ],
        )),
        End::Stopped(reason) => {
            Some(lang.f(ServeText::Ended, &[("reason", reason), ("draft", &draft)]))
        }
        End::Quit | End::Disconnected => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Key;
    use crate::domain::{Client, Role};
    use crate::store::Clock;

    #[test]
    fn an_idle_session_ends_and_keeps_what_was_typed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.redb"), "test")
            .unwrap()
            .with_clock(Clock::Fixed(chrono::Utc::now()));
        let mut client = Client::new(0, "Amina Yusuf", store.now());
        client.advisor = Some("ola".into());
        let id = store.add_client("ola", client).unwrap().id;
        let (inputs, received) = std::sync::mpsc::channel();
        let (out, mut frames) = tokio::sync::mpsc::unbounded_channel();
        for c in "cBudget".chars() {
            inputs.send(Input::Key(Key::char(c))).unwrap();
        }
        let store = Arc::new(store);
        let end = run(SessionStart {
            store: store.clone(),
            config: Arc::new(Config::default()),
            access: Access::advisor("ola", Role::Advisor),
            size: (80, 24),
            idle: Duration::from_millis(1),
            inputs: received,
            out,
            seat: None,
        });
        assert_eq!(end, End::Idle);
        let mut sent = Vec::new();
        while let Ok(frame) = frames.try_recv() {
            sent.extend(frame);
        }
        let text = String::from_utf8_lossy(&sent);
        assert!(text.contains("without a key press"), "{text}");
        assert!(text.contains("Your draft is kept"), "{text}");
        assert_eq!(store.draft(id, "ola").unwrap().unwrap().notes, "Budget");
        drop(inputs);
    }

    #[test]
    fn farewells_are_in_the_configured_language() {
        let idle = Duration::from_secs(30 * 60);
        assert_eq!(
            farewell(Lang::Nb, &End::Idle, true, idle).unwrap(),
            "veileder: lukket etter 30 minutter uten tastetrykk. Utkastet ditt er tatt vare på; \
             det kommer tilbake når du åpner klienten igjen."
        );
        let stopping = End::Stopped(Lang::Nb.t(ServeText::Stopping).into());
        assert_eq!(
            farewell(Lang::Nb, &stopping, false, idle).unwrap(),
            "veileder: serveren stopper."
        );
        assert_eq!(farewell(Lang::Nb, &End::Quit, true, idle), None);
        let minute = Duration::from_secs(60);
        assert_eq!(
            farewell(Lang::En, &End::Idle, false, minute).unwrap(),
            "veileder: closed after 1 minute without a key press."
        );
        assert_eq!(
            farewell(Lang::Nb, &End::Idle, false, minute).unwrap(),
            "veileder: lukket etter 1 minutt uten tastetrykk."
        );
    }
}
