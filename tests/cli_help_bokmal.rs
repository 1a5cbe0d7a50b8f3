//! The command line's help, its usage errors, the man page and the completions in bokmål, with
//! a Norwegian locale, through the real binary; and in English when the config says so.
mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::shell::Shell;

/// Standard output of a run that must succeed in bokmål.
fn said(sh: &Shell, args: &[&str]) -> String {
    let out = sh.bare_in("nb_NO.UTF-8", args);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The one line on standard error of a usage error in bokmål (exit code 2).
fn refused(sh: &Shell, args: &[&str]) -> String {
    let out = sh.bare_in("nb_NO.UTF-8", args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

fn assert_none_of(text: &str, english: &[&str]) {
    for phrase in english {
        assert!(!text.contains(phrase), "'{phrase}' in {text}");
    }
}

const CLAP_ENGLISH: [&str; 7] = [
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "[default:",
    "[possible values:",
];

#[test]
fn help_is_in_bokmal_for_the_program_and_each_command() {
    let sh = Shell::new();
    let help = said(&sh, &["--help"]);
    assert!(
        help.contains("\nBruk: veileder [OPTIONS] [COMMAND]\n"),
        "{help}"
    );
    assert!(
        help.contains("\nKommandoer:\n") && help.contains("\nValg:\n"),
        "{help}"
    );
    assert!(
        help.contains("  client       Legg til eller vis klienter\n"),
        "{help}"
    );
    assert!(
        help.contains("  -h, --help           Vis hjelpen\n"),
        "{help}"
    );
    assert!(
        help.contains("  -V, --version        Vis versjonen\n"),
        "{help}"
    );
    assert_none_of(&help, &CLAP_ENGLISH);
    assert_none_of(&help, &["Add or list clients", "Print version"]);

    let note = said(&sh, &["note", "--help"]);
    assert!(note.contains("\nArgumenter:\n"), "{note}");
    assert!(
        note.contains("<CLIENT>  Klientens id, eller et navn som passer med nøyaktig én klient"),
        "{note}"
    );
    assert!(
        note.contains("phone, meeting, video, email, message eller course [standard: phone]"),
        "{note}"
    );
    assert_none_of(&note, &CLAP_ENGLISH);
    assert_none_of(&note, &["The client's id", "A next step agreed"]);
    assert_eq!(said(&sh, &["help", "note"]), note);

    let agenda = said(&sh, &["agenda", "-h"]);
    assert!(
        agenda.contains("[standard: text] [mulige verdier: text, json]"),
        "{agenda}"
    );
}

#[test]
fn usage_errors_are_one_bokmal_line_with_exit_code_2() {
    let sh = Shell::new();
    assert_eq!(
        refused(&sh, &["nte"]),
        "veileder: ukjent kommando 'nte'; mente du 'note'? Se `veileder --help`.\n"
    );
    let unknown = refused(&sh, &["kunder"]);
    assert!(
        unknown.starts_with("veileder: ukjent kommando 'kunder'; en av demo, client, note,"),
        "{unknown}"
    );
    assert!(
        unknown.ends_with("eller man. Se `veileder --help`.\n"),
        "{unknown}"
    );
    assert_eq!(
        refused(&sh, &["agenda", "--format", "xml"]),
        "veileder: 'xml' er ikke en gyldig verdi for --format; en av text eller json. \
         Se `veileder agenda --help`.\n"
    );
    assert_eq!(
        refused(&sh, &["note", "Amira"]),
        "veileder: `veileder note` mangler <TEXT>. Se `veileder note --help`.\n"
    );
    for args in [&["nte"][..], &["agenda", "--frmat"], &["search"]] {
        let err = refused(&sh, args);
        assert_none_of(
            &err,
            &["error:", "Usage", "unrecognized", "tip:", "For more"],
        );
    }
    // A group without its command shows its help, as in English, and exits 2.
    let out = sh.bare_in("nb_NO.UTF-8", &["client"]);
    assert_eq!(out.status.code(), Some(2));
    let help = String::from_utf8(out.stderr).unwrap();
    assert!(
        help.contains("Bruk: veileder client [OPTIONS] <COMMAND>"),
        "{help}"
    );
}

#[test]
fn the_man_page_is_in_bokmal_and_renders_without_warnings() {
    let sh = Shell::new();
    let roff = said(&sh, &["man"]);
    for heading in [
        "NAVN",
        "OVERSIKT",
        "BESKRIVELSE",
        "VALG",
        "KOMMANDOER",
        "VERSJON",
    ] {
        assert!(roff.contains(&format!("\n.SH {heading}\n")), "{heading}");
    }
    assert!(roff.contains(".SS \"veileder client add\""), "{roff}");
    assert!(roff.contains("Opprinnelsesland") && roff.contains("Vis hjelpen"));
    assert!(
        !roff.contains(".SS \"veileder help"),
        "clap's help command is no page"
    );
    assert_none_of(
        &roff,
        &[".SH NAME", ".SH OPTIONS", "Country of origin", "Print help"],
    );
    let mut groff = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff renders man pages (groff-base; .ci/run installs it)");
    let mut stdin = groff.stdin.take().unwrap();
    stdin.write_all(roff.as_bytes()).unwrap();
    drop(stdin);
    let out = groff.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.is_empty(), "{err}");
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.contains("Legg til en klient og skriv ut den nye id-en"),
        "{page}"
    );
}

#[test]
fn completions_describe_the_commands_in_bokmal() {
    let sh = Shell::new();
    let fish = said(&sh, &["completions", "fish"]);
    assert!(fish.contains("-d 'Legg til eller vis klienter'"), "{fish}");
    assert!(fish.contains("-d 'Opprinnelsesland'"), "{fish}");
    assert_none_of(&fish, &["Add or list clients", "Print help", "[standard:"]);
}

#[test]
fn the_config_language_keeps_help_and_errors_english_in_a_norwegian_locale() {
    let sh = Shell::new();
    let config = sh.path("config.toml");
    std::fs::write(&config, "language = \"en\"\n").unwrap();
    let config = config.to_str().unwrap();
    for args in [
        &["--config", config, "--help"][..],
        &["--config", config, "note", "--help"],
        &["--config", config, "nte"],
        &["man", "--config", config],
    ] {
        let norwegian = sh.bare_in("nb_NO.UTF-8", args);
        let english = sh.bare_in("C.UTF-8", args);
        assert_eq!(norwegian.status.code(), english.status.code(), "{args:?}");
        assert_eq!(norwegian.stdout, english.stdout, "{args:?}");
        assert_eq!(norwegian.stderr, english.stderr, "{args:?}");
    }
    let english = sh.bare_in("nb_NO.UTF-8", &["--config", config, "nte"]);
    let err = String::from_utf8(english.stderr).unwrap();
    assert!(
        err.starts_with("error: unrecognized subcommand 'nte'"),
        "{err}"
    );
}

#[test]
fn the_config_language_gives_bokmal_help_in_an_english_locale() {
    let sh = Shell::new();
    let config = sh.path("config.toml");
    std::fs::write(&config, "language = \"nb\"\n").unwrap();
    let config = config.to_str().unwrap();
    let out = sh.bare_in("C.UTF-8", &["nte", "--config", config]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("veileder: ukjent kommando 'nte'"), "{err}");
    let out = sh.bare_in("C.UTF-8", &[&format!("--config={config}"), "--version"]);
    let version = String::from_utf8(out.stdout).unwrap();
    assert!(version.contains("(databaseskjema "), "{version}");
}
