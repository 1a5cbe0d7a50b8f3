//! What the server keeps across connections: the live sessions (to count them and stop them
//! all) and the refused logins per address (to turn away guessing).
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use crate::tui_loop::Input;

#[derive(Default)]
pub struct Sessions {
    live: Mutex<HashMap<u64, Sender<Input>>>,
}

impl Sessions {
    /// Registers a session unless `max` are live already; false when full.
    pub fn join(&self, id: u64, inputs: Sender<Input>, max: usize) -> bool {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        if live.len() >= max {
            return false;
        }
        live.insert(id, inputs);
        true
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
        for inputs in self.live.lock().unwrap_or_else(|p| p.into_inner()).values() {
            let _ = inputs.send(Input::Stop(reason.to_string()));
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
        assert!(sessions.join(1, tx.clone(), 2));
        assert!(sessions.join(2, tx.clone(), 2));
        assert!(!sessions.join(3, tx, 2));
        sessions.stop_all("stopping");
        assert_eq!(rx.try_iter().count(), 2);
        sessions.leave(1);
        assert_eq!(sessions.count(), 1);
    }
}
