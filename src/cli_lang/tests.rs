use std::ffi::OsString;

use clap::CommandFactory as _;

use super::*;
use crate::i18n::cli_help::COMMANDS;

/// English as clap finally shows it: built, with its own `--help`, `--version` and `help`.
fn english() -> clap::Command {
    let mut command = Cli::command();
    command.build();
    command
}

/// Each command of `english` beside its bokmål twin, with the words that lead to it.
fn pairs<'a>(
    english: &'a clap::Command,
    bokmal: &'a clap::Command,
    path: String,
    out: &mut Vec<(String, &'a clap::Command, &'a clap::Command)>,
) {
    out.push((path.clone(), english, bokmal));
    for sub in english.get_subcommands() {
        let twin = bokmal
            .find_subcommand(sub.get_name())
            .unwrap_or_else(|| panic!("{path} {}: not in bokmål", sub.get_name()));
        pairs(sub, twin, format!("{path} {}", sub.get_name()), out);
    }
}

fn text(styled: Option<&clap::builder::StyledStr>) -> Option<String> {
    styled.map(ToString::to_string)
}

#[test]
fn every_text_of_the_command_line_is_in_bokmal_and_none_is_left_in_english() {
    let (english, bokmal) = (english(), command(Lang::Nb));
    let mut found = Vec::new();
    pairs(&english, &bokmal, "veileder".into(), &mut found);
    let mut texts = 0;
    for (path, en, nb) in &found {
        // One text per command and argument: a doc comment of two paragraphs would need two.
        assert!(en.get_long_about().is_none(), "{path}: a long about");
        match (text(en.get_about()), text(nb.get_about())) {
            (Some(about_en), Some(about_nb)) => {
                assert_ne!(about_en, about_nb, "{path}");
                texts += 1;
            }
            (None, None) => {}
            other => panic!("{path}: {other:?}"),
        }
        for arg in en.get_arguments() {
            let id = arg.get_id();
            let twin = nb.get_arguments().find(|a| a.get_id() == id).unwrap();
            let at = format!("{path} {id}");
            assert!(arg.get_long_help().is_none(), "{at}: a long help");
            let heading = twin.get_help_heading();
            assert!(
                matches!(heading, Some(words::OPTIONS | words::ARGUMENTS)),
                "{at}: {heading:?}"
            );
            let said = text(twin.get_help()).unwrap_or_default();
            match text(arg.get_help()) {
                Some(help) => {
                    assert!(!said.is_empty() && !said.contains(&help), "{at}: {said}");
                    texts += 1;
                }
                // Silent in English, so only clap's notes (in bokmål) in bokmål.
                None => assert!(
                    said.is_empty()
                        || said.starts_with("[standard: ")
                        || said.starts_with("[mulige verdier: "),
                    "{at}: {said}"
                ),
            }
        }
    }
    assert!(
        found.len() > 40 && texts > 100,
        "{} commands, {texts} texts",
        found.len()
    );
}

#[test]
fn the_catalogue_names_only_commands_and_arguments_that_have_english_help() {
    let english = Cli::command();
    for texts in COMMANDS {
        let mut command = &english;
        for word in texts.path.split_whitespace() {
            command = command
                .find_subcommand(word)
                .unwrap_or_else(|| panic!("'{}' is not a command", texts.path));
        }
        assert!(command.get_about().is_some(), "'{}'", texts.path);
        for (id, _) in texts.args {
            let arg = command.get_arguments().find(|a| a.get_id() == id);
            let arg = arg.unwrap_or_else(|| panic!("'{}' has no argument {id}", texts.path));
            assert!(
                arg.get_help().is_some(),
                "'{} {id}' is silent in English",
                texts.path
            );
        }
    }
}

#[test]
fn every_help_page_in_bokmal_is_free_of_clap_english_words() {
    let (english, bokmal) = (english(), command(Lang::Nb));
    let mut found = Vec::new();
    pairs(&english, &bokmal, "veileder".into(), &mut found);
    for (path, _, nb) in found {
        let page = nb.clone().render_long_help().to_string();
        assert!(page.contains("\nBruk: "), "{path}: {page}");
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print ",
            "[default:",
            "[possible values:",
        ] {
            assert!(!page.contains(english), "{path}: '{english}' in {page}");
        }
    }
}

#[test]
fn arguments_are_listed_in_the_order_the_command_line_takes_them() {
    let (english, bokmal) = (english(), command(Lang::Nb));
    let mut found = Vec::new();
    pairs(&english, &bokmal, "veileder".into(), &mut found);
    let mut checked = 0;
    for (path, en, nb) in found {
        let mut positionals: Vec<_> = en.get_positionals().collect();
        positionals.sort_by_key(|arg| arg.get_index());
        let page = nb.clone().render_help().to_string();
        let Some((_, listed)) = page.split_once("\nArgumenter:\n") else {
            continue;
        };
        let at: Vec<usize> = positionals
            .iter()
            .map(|arg| {
                let name = arg.get_value_names().map_or_else(
                    || arg.get_id().as_str().to_uppercase(),
                    |names| names[0].to_string(),
                );
                listed
                    .find(&format!("{name}>"))
                    .or(listed.find(&format!("{name}]")))
                    .unwrap()
            })
            .collect();
        assert!(at.is_sorted(), "{path}: {listed}");
        checked += usize::from(at.len() > 1);
    }
    assert!(
        checked >= 5,
        "{checked} commands with two arguments or more"
    );
}

#[test]
fn the_version_names_the_schema_in_bokmal() {
    let version = command(Lang::Nb).render_version();
    let schema = crate::store::schema::SCHEMA_VERSION;
    assert_eq!(
        version.trim_end(),
        format!(
            "veileder {} (databaseskjema {schema})",
            env!("CARGO_PKG_VERSION")
        )
    );
}

/// The line a usage error gets in bokmål.
fn refused(args: &[&str]) -> String {
    let args: Vec<OsString> = std::iter::once("veileder")
        .chain(args.iter().copied())
        .map(Into::into)
        .collect();
    let mut command = command(Lang::Nb);
    let error = command.try_get_matches_from_mut(&args).unwrap_err();
    assert_eq!(error.exit_code(), 2, "{args:?}");
    errors::line(&command, &error, &args)
}

#[test]
fn usage_errors_say_in_one_bokmal_line_what_is_wrong_and_what_is_accepted() {
    let cases: [(&[&str], &str); 12] = [
        (
            &["nte"],
            "ukjent kommando 'nte'; mente du 'note'? Se `veileder --help`.",
        ),
        (
            &["client", "foo"],
            "ukjent kommando 'foo'; en av add, list, transfer eller share. Se `veileder client --help`.",
        ),
        (
            &["agenda", "--frmat"],
            "ukjent valg '--frmat'; mente du '--format'? Se `veileder agenda --help`.",
        ),
        (
            &["--db", "x.redb", "agenda", "--xyz"],
            "ukjent valg '--xyz'; en av --days, --all eller --format. Se `veileder agenda --help`.",
        ),
        (
            &["check", "extra"],
            "`veileder check` tar ikke imot 'extra'. Se `veileder check --help`.",
        ),
        (
            &["note"],
            "`veileder note` mangler <CLIENT> og <TEXT>. Se `veileder note --help`.",
        ),
        (
            &["client", "--demo"],
            "`veileder client` trenger en kommando: add, list, transfer eller share. Se `veileder client --help`.",
        ),
        (
            &["agenda", "--format", "xml"],
            "'xml' er ikke en gyldig verdi for --format; en av text eller json. Se `veileder agenda --help`.",
        ),
        (
            &["search", "x", "--limit", "abc"],
            "'abc' er ikke en gyldig verdi for --limit; et helt tall, 0 eller større. Se `veileder search --help`.",
        ),
        (
            &["serve", "--listen"],
            "--listen mangler en verdi; en adresse med port, som 127.0.0.1:2222. Se `veileder serve --help`.",
        ),
        (
            &["client", "transfer", "Ali", "--from", "ola", "--to", "kari"],
            "[CLIENT] kan ikke brukes sammen med --from. Se `veileder client transfer --help`.",
        ),
        (
            &["agenda", "--days", "1", "--days", "2"],
            "--days kan bare oppgis én gang. Se `veileder agenda --help`.",
        ),
    ];
    for (args, line) in cases {
        assert_eq!(refused(args), line, "{args:?}");
    }
}

#[test]
fn the_config_option_is_found_anywhere_before_a_double_dash() {
    let args = |words: &[&str]| -> Vec<OsString> { words.iter().map(Into::into).collect() };
    let found = |words: &[&str]| config_argument(&args(words));
    assert_eq!(
        found(&["veileder", "agenda", "--config", "a.toml"]),
        Some("a.toml".into())
    );
    assert_eq!(
        found(&["veileder", "--config=b.toml", "man"]),
        Some("b.toml".into())
    );
    assert_eq!(
        found(&["veileder", "note", "Ali", "--", "--config", "c"]),
        None
    );
    assert_eq!(found(&["veileder", "--help"]), None);
}
