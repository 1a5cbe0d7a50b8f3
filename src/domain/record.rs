//! What every record kind of the data model has: its own id and the client it belongs to.
use super::{Client, ClientId, Milestone, NextStep, Session, Venture};

/// A client or one of the records kept about a client.
pub trait Record {
    fn id(&self) -> u64;
    /// The client the record belongs to; `None` for a client itself.
    fn owner(&self) -> Option<ClientId>;
    /// The client whose record this is: its owner, or the client itself.
    fn client_id(&self) -> ClientId {
        self.owner().unwrap_or_else(|| self.id())
    }
}

impl Record for Client {
    fn id(&self) -> u64 {
        self.id
    }
    fn owner(&self) -> Option<ClientId> {
        None
    }
}

macro_rules! owned_by_a_client {
    ($($kind:ty),+) => {$(
        impl Record for $kind {
            fn id(&self) -> u64 {
                self.id
            }
            fn owner(&self) -> Option<ClientId> {
                Some(self.client_id)
            }
        }
    )+};
}

owned_by_a_client!(Venture, Session, NextStep, Milestone);
