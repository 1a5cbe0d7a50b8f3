//! `completions SHELL` and `man`: both written from the clap definitions in cli.rs, so they
//! never disagree with what the program accepts, with the texts of the run's language.
use std::io::Write;

use anyhow::Result;
use clap_complete::Shell;

use crate::cli::CompletionShell;
use crate::i18n::Lang;
use crate::i18n::cli_help::clap_words::MAN_SECTIONS;

pub fn completions(lang: Lang, shell: CompletionShell, out: &mut dyn Write) -> Result<i32> {
    let shell = match shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
    };
    let mut command = crate::cli_lang::for_completions(lang);
    // clap_complete panics when its writer fails (`| head`), so it writes to memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "veileder", &mut script);
    out.write_all(&script)?;
    Ok(0)
}

/// One page: the program's sections as clap_mangen writes them, then every command in full
/// (rather than clap_mangen's list of separate pages that would not exist).
pub fn man(lang: Lang, out: &mut dyn Write) -> Result<i32> {
    let mut roff = Vec::new();
    page(&crate::cli_lang::command(lang), &mut roff)?;
    if lang == Lang::En {
        out.write_all(&roff)?;
        return Ok(0);
    }
    // clap_mangen writes its section headings in English only.
    for line in String::from_utf8_lossy(&roff).lines() {
        let heading = line.strip_prefix(".SH ").and_then(|english| {
            MAN_SECTIONS
                .iter()
                .find(|(en, _)| *en == english)
                .map(|(_, nb)| nb)
        });
        match heading {
            Some(heading) => writeln!(out, ".SH {heading}")?,
            None => writeln!(out, "{line}")?,
        }
    }
    Ok(0)
}

fn page(command: &clap::Command, out: &mut dyn Write) -> Result<()> {
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in commands(command) {
        render_command(sub, "veileder", out)?;
    }
    page.render_version_section(out)?;
    Ok(())
}

/// A subsection per command that does something (not per group), with its synopsis and options.
fn render_command(sub: &clap::Command, parent: &str, out: &mut dyn Write) -> Result<()> {
    let name = format!("{parent} {}", sub.get_name());
    if sub.has_subcommands() {
        for child in commands(sub) {
            render_command(child, &name, out)?;
        }
        return Ok(());
    }
    writeln!(out, ".SS \"{name}\"")?;
    // The global options are on the page once, at the top (a built command repeats them).
    let sub = sub.clone().bin_name(name).mut_args(|arg| {
        let global = arg.is_global_set();
        arg.hide(global)
    });
    let page = clap_mangen::Man::new(sub);
    let mut body = Vec::new();
    page.render_description_section(&mut body)?;
    page.render_synopsis_section(&mut body)?;
    page.render_options_section(&mut body)?;
    // Each part starts its own .SH heading; inside one subsection they are paragraphs.
    for line in String::from_utf8_lossy(&body).lines() {
        if line.starts_with(".SH ") {
            writeln!(out, ".PP")?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The commands under `command` that cli.rs defines: not clap's own `help`, which a built
/// command (the bokmål one) has.
fn commands(command: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
}
