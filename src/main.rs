#![cfg_attr(not(test), deny(clippy::unwrap_used))]

use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::sync::OnceLock;

use veileder::i18n::CommandText;

/// Where redb stopped on a damaged file: its pages are trusted on a plain open (a full check
/// would read the whole file on every start), so a damaged page can end in a panic inside redb.
static DAMAGED_AT: OnceLock<String> = OnceLock::new();

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if place.contains("/redb-") {
            let _ = DAMAGED_AT.set(place);
        } else {
            let lang = veileder::commands::language();
            eprintln!(
                "{}",
                lang.f(CommandText::InternalError, &[("place", &place)])
            );
        }
    }));
    let cli = match veileder::cli_lang::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    veileder::logging::init();
    match std::panic::catch_unwind(AssertUnwindSafe(|| veileder::commands::run(cli))) {
        Ok(Ok(code)) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Ok(Err(e)) => {
            let message = format!("{e:#}");
            eprintln!("veileder: {}", message.trim_end());
            ExitCode::from(1)
        }
        Err(_) => match DAMAGED_AT.get() {
            Some(place) => {
                let lang = veileder::commands::language();
                eprintln!("{}", lang.f(CommandText::Damaged, &[("place", place)]));
                ExitCode::from(1)
            }
            None => ExitCode::from(101),
        },
    }
}
