//! Pure types and rules of the data model. No storage, no terminal.
pub mod advisor;
pub mod client;
pub mod draft;
pub mod error;
pub mod kinds;
pub mod milestone;
pub mod next_step;
pub mod org_nr;
pub mod record;
pub mod scales;
pub mod session;
pub mod ssh_key;
pub mod text;
pub mod validate;
pub mod venture;

pub use advisor::Advisor;
pub use client::{Client, ClientId, Consent};
pub use draft::{Draft, PendingStep};
pub use error::{Accepted, Checked, Invalid, Problem};
pub use kinds::{Channel, ClientStatus, Gender, MilestoneKind, Owner, Role, Stage, VentureKind};
pub use milestone::{Milestone, MilestoneId};
pub use next_step::{NextStep, NextStepId};
pub use org_nr::OrgNr;
pub use record::Record;
pub use session::{Session, SessionId};
pub use venture::{Venture, VentureId};
