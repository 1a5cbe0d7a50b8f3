//! A usage error in bokmål, in one line, built from the kind and context clap gives it: what is
//! wrong, what is accepted, and the `--help` of the command it was typed for.
use std::any::TypeId;
use std::ffi::OsString;

use clap::ArgAction;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::cli_help::usage_errors as say;
use crate::i18n::fill;

/// The line for `error`, raised by `root` (the bokmål command) parsing `args`.
pub fn line(root: &clap::Command, error: &clap::Error, args: &[OsString]) -> String {
    let (name, command) = command_typed(root, args);
    let what = what_is_wrong(&name, command, error).unwrap_or_else(|| say::NOT_UNDERSTOOD.into());
    let see = fill(say::SEE_HELP, &[("command", &name)]);
    match what.ends_with('?') {
        true => format!("{what} {see}"),
        false => format!("{what}. {see}"),
    }
}

fn what_is_wrong(name: &str, command: &clap::Command, error: &clap::Error) -> Option<String> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.as_str()),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    };
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let line = match error.kind() {
        ErrorKind::InvalidSubcommand => {
            let given = text(ContextKind::InvalidSubcommand)?;
            let commands: Vec<String> = command
                .get_subcommands()
                .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
                .map(|sub| sub.get_name().to_string())
                .collect();
            fill(say::UNKNOWN_COMMAND, &[("given", &given)])
                + &accepted(&list(ContextKind::SuggestedSubcommand), &commands)
        }
        ErrorKind::UnknownArgument => {
            let given = text(ContextKind::InvalidArg)?;
            match given.starts_with('-') {
                true => {
                    fill(say::UNKNOWN_OPTION, &[("given", &given)])
                        + &accepted(&list(ContextKind::SuggestedArg), &own_options(command))
                }
                false => fill(say::UNEXPECTED, &[("command", &name), ("given", &given)]),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = list(ContextKind::InvalidArg)
                .iter()
                .map(|arg| flag(arg).to_string())
                .collect();
            if missing.is_empty() {
                return None;
            }
            let args = joined(&missing, say::AND);
            fill(say::MISSING, &[("command", &name), ("args", &args)])
        }
        ErrorKind::MissingSubcommand => {
            let valid: Vec<String> = list(ContextKind::ValidSubcommand)
                .iter()
                .filter(|sub| *sub != "help")
                .cloned()
                .collect();
            let values = joined(&valid, say::OR);
            fill(
                say::MISSING_COMMAND,
                &[("command", &name), ("values", &values)],
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = flag(text(ContextKind::InvalidArg)?);
            let given = text(ContextKind::InvalidValue)?;
            let wrong = match given.is_empty() {
                true => fill(say::NO_VALUE, &[("arg", &arg)]),
                false => fill(say::BAD_VALUE, &[("given", &given), ("arg", &arg)]),
            };
            let valid = list(ContextKind::ValidValue);
            let hint = match valid.is_empty() {
                true => by_type(command, arg).to_string(),
                false => accepted(&list(ContextKind::SuggestedValue), &valid),
            };
            wrong + &hint
        }
        ErrorKind::ArgumentConflict => {
            let arg = text(ContextKind::InvalidArg).or(text(ContextKind::InvalidSubcommand))?;
            match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if prior == arg => {
                    fill(say::TWICE, &[("arg", &flag(arg))])
                }
                Some(ContextValue::String(prior)) => {
                    let (arg, other) = (flag(arg), flag(prior));
                    fill(say::NOT_TOGETHER, &[("arg", &arg), ("other", &other)])
                }
                Some(ContextValue::Strings(prior)) => {
                    let others: Vec<String> = prior.iter().map(|p| flag(p).to_string()).collect();
                    let other = joined(&others, say::AND);
                    fill(say::NOT_TOGETHER, &[("arg", &flag(arg)), ("other", &other)])
                }
                _ => return None,
            }
        }
        ErrorKind::TooManyValues => {
            let arg = flag(text(ContextKind::InvalidArg)?);
            let given = text(ContextKind::InvalidValue)?;
            fill(say::TOO_MANY, &[("given", &given), ("arg", &arg)])
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let arg = flag(text(ContextKind::InvalidArg)?);
            let expected =
                number(ContextKind::ExpectedNumValues).or(number(ContextKind::MinValues))?;
            let given = number(ContextKind::ActualNumValues)?;
            let values: [(&str, &dyn std::fmt::Display); 3] =
                [("arg", &arg), ("expected", &expected), ("given", &given)];
            fill(say::VALUE_COUNT, &values)
        }
        ErrorKind::NoEquals => fill(
            say::NO_EQUALS,
            &[("arg", &flag(text(ContextKind::InvalidArg)?))],
        ),
        ErrorKind::InvalidUtf8 => say::NOT_UTF8.to_string(),
        _ => return None,
    };
    Some(line)
}

/// `; mente du 'x'?` when clap has a suggestion, else `; en av a, b eller c` when the choices
/// are known, else nothing (the `--help` that follows lists them).
fn accepted(suggested: &[String], choices: &[String]) -> String {
    if let Some(suggestion) = suggested.first() {
        return fill(say::DID_YOU_MEAN, &[("suggestion", &flag(suggestion))]);
    }
    if choices.is_empty() {
        return String::new();
    }
    fill(say::ONE_OF, &[("values", &joined(choices, say::OR))])
}

/// The options of `command` itself (not the global ones), when they are few enough to list.
fn own_options(command: &clap::Command) -> Vec<String> {
    let options: Vec<String> = command
        .get_arguments()
        .filter(|arg| !arg.is_global_set() && !arg.is_hide_set())
        .filter(|arg| !matches!(arg.get_action(), ArgAction::Help | ArgAction::Version))
        .filter_map(|arg| arg.get_long().map(|long| format!("--{long}")))
        .collect();
    match options.len() {
        1..=8 => options,
        _ => Vec::new(),
    }
}

/// What a value of the argument shown as `arg` must look like, when its type says more than
/// its help.
fn by_type(command: &clap::Command, arg: &str) -> &'static str {
    let found = command
        .get_arguments()
        .find(|a| match arg.strip_prefix("--") {
            Some(long) => a.get_long() == Some(long),
            None => a.is_positional() && arg.contains(&a.get_id().as_str().to_uppercase()),
        });
    let Some(found) = found else { return "" };
    let parsed = found.get_value_parser().type_id();
    let is = |types: &[TypeId]| types.iter().any(|t| parsed == *t);
    if is(&[
        TypeId::of::<u32>(),
        TypeId::of::<u64>(),
        TypeId::of::<usize>(),
    ]) {
        say::WHOLE_NUMBER_FROM_ZERO
    } else if is(&[TypeId::of::<i32>(), TypeId::of::<i64>()]) {
        say::WHOLE_NUMBER
    } else if is(&[TypeId::of::<std::net::SocketAddr>()]) {
        say::ADDRESS
    } else {
        ""
    }
}

/// An option as a person types it (`--limit`, not clap's `--limit <LIMIT>`); a positional as
/// clap shows it (`<CLIENT>`).
fn flag(shown: &str) -> &str {
    match shown.starts_with('-') {
        true => shown.split(' ').next().unwrap_or(shown),
        false => shown,
    }
}

/// `a, b og c` with `last` before the last one.
fn joined(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{}{last}{end}", init.join(", ")),
    }
}

/// The words of the command that `args` typed (`veileder client add`) and its definition: the
/// subcommands named, skipping options and their values.
fn command_typed<'a>(root: &'a clap::Command, args: &[OsString]) -> (String, &'a clap::Command) {
    let mut command = root;
    let mut name = root.get_name().to_string();
    let mut words = args.iter().skip(1).filter_map(|word| word.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            let takes_value = command
                .get_arguments()
                .any(|a| a.get_long() == Some(long) && a.get_action().takes_values());
            if takes_value {
                words.next();
            }
        } else if !word.starts_with('-') {
            if let Some(sub) = command
                .find_subcommand(word)
                .filter(|s| s.get_name() != "help")
            {
                name = format!("{name} {}", sub.get_name());
                command = sub;
            }
        }
    }
    (name, command)
}
