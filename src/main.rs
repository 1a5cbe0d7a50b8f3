#![cfg_attr(not(test), deny(clippy::unwrap_used))]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("veileder: internal error{place}; your data is safe, please report this");
    }));
    let cli = veileder::cli::Cli::parse();
    veileder::logging::init();
    match veileder::commands::run(cli) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            let message = format!("{e:#}");
            eprintln!("veileder: {}", message.trim_end());
            ExitCode::from(1)
        }
    }
}
