//! Effects too slow for the event loop, run on a thread beside it: a backup of a national
//! centre copies hundreds of megabytes, and the keys must keep working meanwhile.
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::Scope;

use crate::app::{App, Effect, Outcome, allowed, back_up};
use crate::i18n::Ui;
use crate::store::Store;

/// The backup under way, if any; its outcome arrives later.
#[derive(Default)]
pub struct Background {
    backup: Option<Underway>,
}

struct Underway {
    outcome: Receiver<Outcome>,
    /// What to say if the thread ends without an outcome, in the advisor's language.
    stopped: String,
}

impl Background {
    /// Takes `effect` to run in the background when it is one of those; otherwise hands it back.
    pub fn take<'scope>(
        &mut self,
        scope: &'scope Scope<'scope, '_>,
        app: &mut App,
        store: &'scope Store,
        effect: Option<Effect>,
    ) -> Option<Effect> {
        let Some(Effect::Backup) = effect else {
            return effect;
        };
        if let Err(refused) = allowed(app, store, &Effect::Backup) {
            return app.receive(Outcome::Failed(refused));
        }
        if self.backup.is_some() {
            let text = app.lang().t(Ui::BackupUnderway).to_string();
            return app.receive(Outcome::Failed(text));
        }
        let (done, outcome) = channel();
        let settings = app.settings().backup.clone();
        let lang = app.lang();
        scope.spawn(move || {
            // The loop may have ended; the backup is complete either way.
            let _ = done.send(back_up(store, lang, &settings));
        });
        self.backup = Some(Underway {
            outcome,
            stopped: lang.t(Ui::BackupStopped).to_string(),
        });
        None
    }

    /// The outcome of the background work that has finished since the last call.
    pub fn finished(&mut self) -> Option<Outcome> {
        let underway = self.backup.as_ref()?;
        let outcome = match underway.outcome.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Outcome::Failed(underway.stopped.clone()),
        };
        self.backup = None;
        Some(outcome)
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::app::{Key, Screen, run_effects};
    use crate::config::Config;
    use crate::domain::Client;

    #[test]
    fn a_backup_runs_beside_the_keys_and_says_where_it_went() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("centre.redb"), "a test").unwrap();
        store
            .add_client("kari", Client::new(0, "Amina Hassan", store.now()))
            .unwrap();
        let mut config = Config::default();
        config.backup.dir = Some(dir.path().join("backups"));
        let mut app = App::new(&config, "kari", store.clock(), false).unwrap();
        let first = app.start();
        run_effects(&mut app, &store, first);

        std::thread::scope(|scope| {
            let mut background = Background::default();
            let effect = app.handle_key(Key::char('B'));
            assert_eq!(app.status().unwrap().text, "Backing up…");
            assert!(background.take(scope, &mut app, &store, effect).is_none());

            // Until its outcome is taken, the backup is under way: a second is refused...
            let again = app.handle_key(Key::char('B'));
            assert!(background.take(scope, &mut app, &store, again).is_none());
            assert_eq!(app.status().unwrap().text, "A backup is already under way.");
            // ...and other keys work.
            let effect = app.handle_key(Key::char('2'));
            let effect = background.take(scope, &mut app, &store, effect);
            assert!(run_effects(&mut app, &store, effect));
            assert!(matches!(app.screen(), Screen::Agenda(_)));

            let started = Instant::now();
            let outcome = loop {
                if let Some(outcome) = background.finished() {
                    break outcome;
                }
                assert!(started.elapsed() < Duration::from_secs(30), "no outcome");
                std::thread::sleep(Duration::from_millis(10));
            };
            assert!(app.receive(outcome).is_none());
            let said = &app.status().unwrap().text;
            assert!(said.starts_with("Backed up to"), "{said}");
            assert!(background.finished().is_none());
        });
        let made = std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .count();
        assert_eq!(made, 1);
    }
}
