//! Logs go to a file in the data folder, never to the terminal (the TUI owns it).
use std::fs::OpenOptions;
use std::sync::Mutex;

pub fn init() {
    let dir = crate::config::data_dir();
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(file) = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("veileder.log"))
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .try_init();
}
