//! The command line around the data: completions, the man page and the version, as a shell
//! user installs and reads them.
mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::shell::Shell;

/// Every command a user can type, as the completion scripts and the man page must know them.
const COMMANDS: [&str; 15] = [
    "demo",
    "client",
    "note",
    "agenda",
    "search",
    "export",
    "import",
    "check",
    "report",
    "advisor",
    "venture",
    "milestone",
    "completions",
    "man",
    "add",
];

#[test]
fn completions_for_each_shell_know_every_command() {
    let sh = Shell::new();
    let bash = sh.ok(&["completions", "bash"]);
    assert!(bash.contains("complete -F _veileder"), "{bash}");
    let zsh = sh.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef veileder"), "{zsh}");
    let fish = sh.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c veileder"), "{fish}");
    for script in [&bash, &zsh, &fish] {
        for command in COMMANDS {
            assert!(script.contains(command), "{command} missing");
        }
    }
    for script in [&bash, &zsh] {
        assert!(script.contains("--format") && script.contains("--dry-run"));
    }
    assert!(
        fish.contains("-l dry-run") && fish.contains("-l db"),
        "{fish}"
    );
}

#[test]
fn completions_refuse_an_unknown_shell_as_a_usage_error() {
    let sh = Shell::new();
    let out = sh.run(&["completions", "powershell"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bash, zsh, fish"), "{err}");
}

#[test]
fn bash_accepts_the_completion_script_and_completes_a_subcommand() {
    let sh = Shell::new();
    let script = sh.path("veileder.bash");
    std::fs::write(&script, sh.ok(&["completions", "bash"])).unwrap();
    let probe = format!(
        "source {}; COMP_WORDS=(veileder rep); COMP_CWORD=1; _veileder veileder rep veileder; \
         echo \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = Command::new("bash").args(["-c", &probe]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "report");
}

#[test]
fn the_man_page_renders_without_warnings_and_documents_every_command() {
    let sh = Shell::new();
    let roff = sh.ok(&["man"]);
    assert!(roff.contains("\n.TH veileder 1 "), "{roff}");
    for full in [
        "veileder client add",
        "veileder client list",
        "veileder note",
        "veileder report",
        "veileder venture add",
        "veileder milestone add",
        "veileder completions",
    ] {
        assert!(roff.contains(&format!(".SS \"{full}\"")), "{full} missing");
    }
    let mut groff = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff renders man pages (groff-base; .ci/run installs it)");
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(roff.as_bytes())
        .unwrap();
    let out = groff.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.is_empty(), "{err}");
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains("NAME") && page.contains("COMMANDS"), "{page}");
    assert!(
        page.contains("veileder milestone add") && page.contains("amount"),
        "{page}"
    );
}

#[test]
fn version_names_the_program_and_the_database_schema() {
    let sh = Shell::new();
    let version = sh.ok(&["--version"]);
    let schema = veileder::store::schema::SCHEMA_VERSION;
    assert_eq!(
        version.trim(),
        format!(
            "veileder {} (database schema {schema})",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(!sh.db().exists(), "--version opens no database");
}

#[test]
fn completions_and_man_need_neither_a_database_nor_a_valid_config() {
    let sh = Shell::new();
    let config = sh.path("broken.toml");
    std::fs::write(&config, "theme = 42\n").unwrap();
    let config = config.to_str().unwrap();
    for args in [
        ["--config", config, "completions", "fish"],
        ["--config", config, "man", "--demo"],
    ] {
        let out = sh.run(&args);
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.is_empty());
    }
    assert!(!sh.db().exists());
}

/// The binary with `LANG` set, as a Norwegian desktop starts it.
#[test]
fn a_norwegian_locale_gives_bokmal_text_and_english_json() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amira Haddad"]);
    sh.ok(&[
        "note",
        "Amira Haddad",
        "Budsjett",
        "--next",
        "Ring banken",
        "--due",
        "2026-12-04",
    ]);
    let list = sh.ok_in("nb_NO.UTF-8", &["client", "list"]);
    assert!(
        list.contains("NAVN") && list.contains("SISTE KONTAKT"),
        "{list}"
    );
    assert!(
        list.contains("aktiv") && list.contains("27.11.2026"),
        "{list}"
    );
    assert!(list.trim_end().ends_with("\n1 klient"), "{list}");
    let agenda = sh.ok_in("no_NO", &["agenda"]);
    assert!(
        agenda.contains("Agenda for 27.11.2026 — klientene til kari"),
        "{agenda}"
    );
    assert!(
        agenda.contains("04.12.2026") && agenda.contains("Neste 7 dager"),
        "{agenda}"
    );
    let json = sh.ok_in("nb_NO.UTF-8", &["client", "list", "--format", "json"]);
    assert!(json.contains("\"status\": \"active\""), "{json}");
    let english = sh.ok_in("en_GB.UTF-8", &["client", "list"]);
    assert!(
        english.contains("LAST CONTACT") && english.contains("2026-11-27"),
        "{english}"
    );
}

#[test]
fn the_config_language_wins_over_the_locale() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Ali Rashid"]);
    let config = sh.path("config.toml");
    std::fs::write(&config, "language = \"en\"\n").unwrap();
    let config = config.to_str().unwrap();
    let list = sh.ok_in("nb_NO.UTF-8", &["--config", config, "client", "list"]);
    assert!(list.contains("NAME") && list.contains("active"), "{list}");
    std::fs::write(sh.path("config.toml"), "language = \"se\"\n").unwrap();
    let err = sh.fails_in_one_line(&["--config", config, "client", "list"]);
    assert!(
        err.contains(":1: language") && err.contains("\"nb\""),
        "{err}"
    );
}

#[test]
fn the_funder_report_reads_in_bokmal_with_decimal_commas() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amira Haddad", "--gender", "woman"]);
    sh.ok(&[
        "note",
        "Amira Haddad",
        "Møte",
        "--channel",
        "meeting",
        "--minutes",
        "90",
    ]);
    let text = sh.ok_in("nb_NO.UTF-8", &["report", "--from", "2026-01-01"]);
    assert!(
        text.starts_with("Rapport til finansiører: fra 01.01.2026"),
        "{text}"
    );
    let hours = text
        .lines()
        .find(|l| l.contains("Timer i samtaler"))
        .unwrap();
    assert!(hours.trim_end().ends_with("1,5"), "{text}");
    assert!(
        text.contains("  møte") && text.contains("  kvinne"),
        "{text}"
    );
    let md = sh.ok_in("nb_NO.UTF-8", &["report", "--format", "md"]);
    assert!(
        md.starts_with("# Rapport til finansiører") && md.contains("hele perioden"),
        "{md}"
    );
    let csv = sh.ok_in("nb_NO.UTF-8", &["report", "--format", "csv"]);
    assert!(
        csv.contains("summary,session_hours,1.5"),
        "CSV keeps its keys: {csv}"
    );
}
