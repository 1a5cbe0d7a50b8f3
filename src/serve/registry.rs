//! What the server keeps across connections: the live sessions (to count them and stop them
//! all) and the refused logins per address (to turn away guessing).
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use crate::domain::ClientId;
use crate::tui_loop::Input;

/// One live session: how to reach it, whose it is, and whose call it has open.
struct Live {
    inputs: Sender<Input>,
    username: String,
    call: Option<ClientId>,
}

#[derive(Default)]
pub struct Sessions {
    live: Mutex<HashMap<u64, Live>>,
}

impl Sessions {
    /// Registers a session of `username` unless `max` are live already; false when full.
    pub fn join(&self, id: u64, username: &str, inputs: Sender<Input>, max: usize) -> bool {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        if live.len() >= max {
            return false;
        }
        let username = username.to_string();
        live.insert(
            id,
            Live {
                inputs,
                username,
                call: None,
            },
        );
        true
    }

    /// Session `id` opens call mode for `client`, unless another live session of the same
    /// advisor has it open: one draft per advisor and client, so two editors would overwrite
    /// each other. Checked and taken in one step, so two sessions pressing at once cannot both
    /// have it.
    pub fn claim_call(&self, id: u64, client: ClientId) -> bool {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        let Some(username) = live.get(&id).map(|s| s.username.clone()) else {
            return true;
        };
        let taken = live
            .iter()
            .any(|(other, s)| *other != id && s.username == username && s.call == Some(client));
        if taken {
            return false;
        }
        if let Some(session) = live.get_mut(&id) {
            session.call = Some(client);
        }
        true
    }

    /// What session `id` has open in call mode now (`None` once it left it).
    pub fn in_call(&self, id: u64, client: Option<ClientId>) {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(session) = live.get_mut(&id) {
            session.call = client;
        }
    }

    pub fn leave(&self, id: u64) {
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
    }

    pub fn count(&self) -> usize {
        self.live.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// Tells every session to end, saying why.
    pub fn stop_all(&self, reason: &str) {
        for session in self.live.lock().unwrap_or_else(|p| p.into_inner()).values() {
            let _ = session.inputs.send(Input::Stop(reason.to_string()));
        }
    }
}

/// Refused logins per address over the last minute.
pub struct Throttle {
    max: usize,
    window: Duration,
    failures: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl Throttle {
    pub fn new(max: usize) -> Self {
        Throttle {
            max,
            window: Duration::from_secs(60),
            failures: Mutex::new(HashMap::new()),
        }
    }

    pub fn failed(&self, peer: IpAddr) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        failures.retain(|_, times| {
            times.retain(|t| now.duration_since(*t) < self.window);
            !times.is_empty()
        });
        failures.entry(peer).or_default().push(now);
    }

    /// Whether `peer` has used up its refused logins for now.
    pub fn blocked(&self, peer: IpAddr) -> bool {
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        failures.get(&peer).is_some_and(|times| {
            times
                .iter()
                .filter(|t| now.duration_since(**t) < self.window)
                .count()
                >= self.max
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_blocked_after_its_refusals_and_others_are_not() {
        let throttle = Throttle::new(3);
        let guesser: IpAddr = "10.0.0.9".parse().unwrap();
        let other: IpAddr = "10.0.0.1".parse().unwrap();
        for _ in 0..2 {
            throttle.failed(guesser);
        }
        assert!(!throttle.blocked(guesser));
        throttle.failed(guesser);
        assert!(throttle.blocked(guesser));
        assert!(!throttle.blocked(other));
    }

    #[test]
    fn sessions_are_counted_up_to_the_maximum() {
        let sessions = Sessions::default();
        let (tx, rx) = std::sync::mpsc::channel();
        assert!(sessions.join(1, "ola", tx.clone(), 2));
        assert!(sessions.join(2, "ola", tx.clone(), 2));
        assert!(!sessions.join(3, "kari", tx, 2));
        sessions.stop_all("stopping");
        assert_eq!(rx.try_iter().count(), 2);
        sessions.leave(1);
        assert_eq!(sessions.count(), 1);
    }

    #[test]
    fn one_call_per_advisor_and_client_across_sessions() {
        let sessions = Sessions::default();
        let (tx, _rx) = std::sync::mpsc::channel();
        for (id, user) in [(1, "ola"), (2, "ola"), (3, "kari")] {
            assert!(sessions.join(id, user, tx.clone(), 10));
        }
        assert!(sessions.claim_call(1, 7));
        assert!(!sessions.claim_call(2, 7), "Ola's other session is refused");
        assert!(sessions.claim_call(2, 8), "another client is fine");
        assert!(
            sessions.claim_call(3, 7),
            "another advisor has a draft of her own"
        );
        sessions.in_call(1, None);
        assert!(
            sessions.claim_call(2, 7),
            "free once the first left call mode"
        );
        assert!(!sessions.claim_call(1, 7));
        sessions.leave(2);
        assert!(
            sessions.claim_call(1, 7),
            "free once the other session ended"
        );
    }
}
