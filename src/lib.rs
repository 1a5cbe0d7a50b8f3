//! veileder: a terminal tool for advisors who mentor immigrant entrepreneurs.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod config;
pub mod demo;
pub mod domain;
pub mod transfer;
pub mod store;
