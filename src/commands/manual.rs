//! `completions SHELL` and `man`: both written from the clap definitions in cli.rs, so they
//! never disagree with what the program accepts.
use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionShell};

pub fn completions(shell: CompletionShell, out: &mut dyn Write) -> Result<i32> {
    let shell = match shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
    };
    let mut command = Cli::command();
    // clap_complete panics when its writer fails (`| head`), so it writes to memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "veileder", &mut script);
    out.write_all(&script)?;
    Ok(0)
}

/// One page: the program's sections as clap_mangen writes them, then every command in full
/// (rather than clap_mangen's list of separate pages that would not exist).
pub fn man(out: &mut dyn Write) -> Result<i32> {
    let command = Cli::command();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in command.get_subcommands() {
        render_command(sub, "veileder", out)?;
    }
    page.render_version_section(out)?;
    Ok(0)
}

/// A subsection per command that does something (not per group), with its synopsis and options.
fn render_command(sub: &clap::Command, parent: &str, out: &mut dyn Write) -> Result<()> {
    let name = format!("{parent} {}", sub.get_name());
    if sub.has_subcommands() {
        for child in sub.get_subcommands() {
            render_command(child, &name, out)?;
        }
        return Ok(());
    }
    writeln!(out, ".SS \"{name}\"")?;
    let page = clap_mangen::Man::new(sub.clone().bin_name(name));
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
