//! The command line in the run's language: its help, clap's own words, its usage errors, and
//! through the same Command the man page and the completions. English is cli.rs as clap writes
//! it, untouched; bokmål is the same definitions with the texts of `i18n::cli_help`, so names,
//! flags and value names (the contract) are the same in both.
mod errors;
#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::LazyLock;

use clap::error::ErrorKind;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser};

use crate::cli::Cli;
use crate::i18n::cli_help::{CommandHelp, clap_words as words, command_help};
use crate::i18n::{Lang, fill};

/// `--version` in bokmål: the program's version and the database schema it reads and writes.
static VERSION_NB: LazyLock<String> = LazyLock::new(|| {
    let schema = crate::store::schema::SCHEMA_VERSION;
    fill(
        words::VERSION,
        &[("version", &env!("CARGO_PKG_VERSION")), ("schema", &schema)],
    )
});

/// The parsed command line. Help, the version and usage errors are printed here, in the language
/// of the config or the locale, and give the exit code (0 for help and version, 2 for an error).
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    // What parses needs no language: the config is read only when there is something to say.
    let english = match Cli::try_parse_from(&args) {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    if language(&args) == Lang::En {
        english.exit()
    }
    let mut command = command(Lang::Nb);
    let error = match command.try_get_matches_from_mut(&args) {
        Ok(matches) => match Cli::from_arg_matches(&matches) {
            Ok(cli) => return Ok(cli),
            Err(error) => error,
        },
        Err(error) => error,
    };
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        _ => {
            eprintln!("veileder: {}", errors::line(&command, &error, &args));
            Err(ExitCode::from(2))
        }
    }
}

/// The language of the command line's own texts: the config's (`--config`, else the default
/// file), else the locale's. A config that cannot be read leaves it to the locale; the command
/// itself then says what is wrong with the file.
pub fn language(args: &[OsString]) -> Lang {
    let explicit = config_argument(args);
    let configured = crate::config::load(explicit.as_deref())
        .ok()
        .and_then(|config| config.language);
    Lang::resolve(configured)
}

/// The path given to `--config`, the global option that may come anywhere before `--`.
fn config_argument(args: &[OsString]) -> Option<PathBuf> {
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--config" {
            return words.next().map(PathBuf::from);
        }
        if let Some(path) = word.to_str().and_then(|w| w.strip_prefix("--config=")) {
            return Some(path.into());
        }
    }
    None
}

/// The whole command line as clap knows it, its texts in `lang`, for the help and the man page.
/// Bokmål comes built (clap's own `--help`, `--version` and `help` exist only then).
pub fn command(lang: Lang) -> clap::Command {
    localized(lang, Notes::Said)
}

/// As [`command`], for the completions: their descriptions are the help alone, as in English,
/// without the default and the possible values after it.
pub fn for_completions(lang: Lang) -> clap::Command {
    localized(lang, Notes::Left)
}

/// Whether an argument's help ends with its default and possible values, as clap's does.
#[derive(Clone, Copy, PartialEq)]
enum Notes {
    Said,
    Left,
}

fn localized(lang: Lang, notes: Notes) -> clap::Command {
    let english = Cli::command();
    if lang == Lang::En {
        return english;
    }
    let mut command = localize(english, "", notes).version(VERSION_NB.as_str());
    command.build();
    localize_built(&mut command);
    command
}

/// The command at `path` and everything under it, with the catalogue's texts.
fn localize(command: clap::Command, path: &str, notes: Notes) -> clap::Command {
    let texts = command_help(path);
    let mut position = 0;
    let mut command = command.mut_args(|arg| {
        let arg = localize_arg(arg, texts, notes);
        if !arg.is_positional() {
            return arg;
        }
        // Under a heading of its own clap sorts by display order, not by position as under
        // its "Arguments": the order the command line takes them in is the one to show.
        position += 1;
        let index = arg.get_index().unwrap_or(position);
        arg.display_order(index)
    });
    if let Some(texts) = texts {
        command = command.about(texts.about);
    }
    for sub in command.get_subcommands_mut() {
        let below = match path {
            "" => sub.get_name().to_string(),
            _ => format!("{path} {}", sub.get_name()),
        };
        *sub = localize(std::mem::take(sub), &below, notes);
    }
    command
}

/// An argument's help from the catalogue, under a bokmål heading. clap's "[default: …]" and
/// "[possible values: …]" are hidden and said in bokmål after the help instead.
fn localize_arg(arg: Arg, texts: Option<&CommandHelp>, notes: Notes) -> Arg {
    let id = arg.get_id().as_str();
    let mut help: Vec<String> = texts
        .and_then(|texts| texts.args.iter().find(|(name, _)| *name == id))
        .map(|(_, text)| text.to_string())
        .into_iter()
        .collect();
    let heading = match arg.is_positional() {
        true => words::ARGUMENTS,
        false => words::OPTIONS,
    };
    let mut arg = arg.help_heading(heading);
    // A flag has a default and possible values too (false; true, false), which clap never shows.
    if arg.get_action().takes_values() {
        if notes == Notes::Said {
            help.extend(values_said(&arg));
        }
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    match help.is_empty() {
        true => arg,
        false => arg.help(help.join(" ")),
    }
}

/// The default and the possible values of `arg`, as clap would show them after its help.
fn values_said(arg: &Arg) -> Vec<String> {
    let mut said = Vec::new();
    let defaults: Vec<_> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        said.push(fill(words::DEFAULT, &[("value", &defaults.join(" "))]));
    }
    let possible: Vec<_> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if !possible.is_empty() && !arg.is_hide_possible_values_set() {
        said.push(fill(words::POSSIBLE, &[("values", &possible.join(", "))]));
    }
    said
}

/// In every command, with what clap added while building (`-h`, `-V` and the `help` commands):
/// the headings and clap's own texts. `build` gives `help` the tree of commands (for the
/// completions) rather than the list of words it takes when clap builds it for a parse, so
/// `veileder help help` lists the commands, where in English it shows its usage.
fn localize_built(command: &mut clap::Command) {
    let usage = command.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        words::USAGE
    );
    // cli.rs defines no `help`: every command of that name is clap's.
    let generated_help = command.get_name() == "help";
    let mut built = std::mem::take(command)
        .help_template(template)
        .subcommand_help_heading(words::COMMANDS)
        .mut_args(|arg| match arg.get_action() {
            ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => {
                arg.help(words::HELP_FLAG).help_heading(words::OPTIONS)
            }
            ArgAction::Version => arg.help(words::VERSION_FLAG).help_heading(words::OPTIONS),
            _ => arg,
        });
    if generated_help {
        built = built.about(words::HELP_COMMAND);
    }
    for sub in built.get_subcommands_mut() {
        localize_built(sub);
    }
    *command = built;
}
