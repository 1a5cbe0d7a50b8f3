//! veileder: a terminal tool for advisors who mentor immigrant entrepreneurs.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod agenda;
pub mod app;
pub mod background;
pub mod cli;
pub mod cli_lang;
pub mod commands;
pub mod config;
pub mod demo;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod logging;
pub mod login;
pub mod note_editor;
pub mod output;
pub mod privacy;
pub mod report;
pub mod serve;
pub mod serve_config;
pub mod store;
pub mod terminal;
pub mod transfer;
pub mod tui_loop;
pub mod ui;
