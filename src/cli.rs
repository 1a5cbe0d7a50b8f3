//! The command-line contract of PRODUCT.md: add freely, rename nothing.
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// `--version`: the program's version and the database schema it reads and writes.
pub static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{} (database schema {})",
        env!("CARGO_PKG_VERSION"),
        crate::store::schema::SCHEMA_VERSION
    )
});

#[derive(Debug, Parser)]
#[command(
    name = "veileder",
    version = VERSION.as_str(),
    about = "A terminal tool for advisors who mentor immigrant entrepreneurs"
)]
pub struct Cli {
    /// The database file (default: the data folder's veileder.redb, or `database` in the config)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The configuration file (default: the config folder's config.toml)
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Whose name goes on what is written and whose caseload is "mine" (default: your login name)
    #[arg(long = "as", global = true, value_name = "USERNAME")]
    pub actor: Option<String>,
    /// Use the demo database in the data folder, created and filled on first use
    #[arg(long, global = true)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// The forms of `report`: a page of text, Markdown, long-format CSV or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Text,
    Md,
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill the database with realistic generated data
    Demo {
        /// How many clients
        #[arg(long, default_value_t = 300)]
        clients: usize,
        /// Seed for the generator: the same seed gives the same data
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Replace a database that already has data
        #[arg(long)]
        force: bool,
    },
    /// Add or list clients
    #[command(subcommand)]
    Client(ClientCommand),
    /// Record a session note for a client (a quick follow-up from the shell)
    Note(NoteArgs),
    /// Overdue and upcoming next steps, and clients not contacted for a while
    Agenda {
        /// How many days ahead count as upcoming
        #[arg(long, default_value_t = 7)]
        days: u32,
        /// Everyone's clients, not only mine
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Full-text search over notes, clients, next steps and ventures
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Write every record as one JSON document (to stdout unless --out)
    Export {
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Read a JSON export document, or clients from a .csv file; all or nothing
    Import {
        path: PathBuf,
        /// Check and count, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Check the file, every record and every index; exit 1 and a list when something is wrong
    Check,
    /// Figures for funders over a period (both dates inclusive; all time without them)
    Report {
        /// First day of the period, YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day of the period, YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
    },
    /// A consistent, checked copy of the whole database, written to PATH (or into PATH when it
    /// is a folder, named after the time)
    Backup { path: PathBuf },
    /// Manage advisors
    #[command(subcommand)]
    Advisor(AdvisorCommand),
    /// The audit log: who wrote or opened what, and when (oldest first)
    Audit {
        /// Only entries about this client (an id or a name matching exactly one)
        #[arg(long, value_name = "CLIENT")]
        client: Option<String>,
        /// Only entries by this advisor
        #[arg(long, value_name = "USERNAME")]
        advisor: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Serve the database to advisors over SSH: each connects with `ssh -p PORT USERNAME@HOST`
    Serve {
        /// Address and port to listen on (default: `listen` in the config's [serve])
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<std::net::SocketAddr>,
        /// The server's private host key, made on first start (default: beside the database)
        #[arg(long, value_name = "PATH")]
        host_key: Option<PathBuf>,
    },
    /// Add a venture (a business started or developed) for a client
    #[command(subcommand)]
    Venture(VentureCommand),
    /// Record an outcome on a venture
    #[command(subcommand)]
    Milestone(MilestoneCommand),
    /// A person's consent, their access export, and erasure for good
    #[command(subcommand)]
    Privacy(PrivacyCommand),
    /// Print a shell completion script (install: see the README)
    Completions {
        #[arg(value_enum)]
        shell: CompletionShell,
    },
    /// Print the manual page (roff), generated from these definitions
    Man,
}

impl Command {
    /// Makes the file arguments absolute, as seen from `cwd`: a command run by the server for a
    /// local `veileder` reads and writes the files that command line meant. A path argument added
    /// to the definitions above belongs here too.
    pub fn resolve_paths(&mut self, cwd: &std::path::Path) {
        let paths: Vec<&mut PathBuf> = match self {
            Command::Import { path, .. } | Command::Backup { path } => vec![path],
            Command::Export { out } | Command::Privacy(PrivacyCommand::Export { out, .. }) => {
                out.iter_mut().collect()
            }
            Command::Advisor(AdvisorCommand::Add { key, .. }) => key.iter_mut().collect(),
            Command::Advisor(AdvisorCommand::Key(
                AdvisorKeyCommand::Add { file, .. } | AdvisorKeyCommand::Remove { file, .. },
            )) => vec![file],
            _ => Vec::new(),
        };
        for path in paths {
            if path.is_relative() {
                *path = cwd.join(&*path);
            }
        }
    }
}

/// The shells `completions` writes scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Subcommand)]
pub enum PrivacyCommand {
    /// Everything held about one person. With --out: the JSON document at PATH and a readable
    /// text beside it (PATH with .txt); without: --format json (default) or text to stdout
    Export {
        /// The client's id, or a name matching exactly one client
        client: String,
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Erase a person for good (admins only): them, their notes, drafts, index entries and the
    /// content of audit entries about them; reports keep anonymous counts
    Erase {
        /// The client's id, or a name matching exactly one client
        client: String,
        /// Without it nothing is erased: veileder says what would be
        #[arg(long)]
        yes: bool,
    },
    /// Record a client's consent, or its withdrawal
    Consent {
        /// The client's id, or a name matching exactly one client
        client: String,
        /// What they consented to
        #[arg(long)]
        purpose: Option<String>,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
        /// The day consent was withdrawn, YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        withdrawn: Option<String>,
    },
}

// Parsed once per run, so the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Add a client and print the new id
    Add(ClientAddArgs),
    /// List clients
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Move one client, or all of an advisor's, to another advisor's caseload (who is told)
    Transfer {
        /// The client's id or name; leave out and give --from to move a whole caseload
        #[arg(required_unless_present = "from", conflicts_with = "from")]
        client: Option<String>,
        /// Move every client of this advisor
        #[arg(long, value_name = "USERNAME")]
        from: Option<String>,
        /// The advisor who takes them over
        #[arg(long, value_name = "USERNAME")]
        to: String,
    },
    /// Let another advisor see and work on a client, besides its own advisor
    Share {
        client: String,
        #[arg(long, value_name = "USERNAME")]
        with: String,
    },
}

#[derive(Debug, Args)]
pub struct ClientAddArgs {
    pub name: String,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    /// woman, man, other or unspecified
    #[arg(long)]
    pub gender: Option<String>,
    /// Country of origin
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub birth_year: Option<i32>,
    #[arg(long)]
    pub arrived_year: Option<i32>,
    #[arg(long)]
    pub municipality: Option<String>,
    /// Languages separated by ;
    #[arg(long)]
    pub languages: Option<String>,
    /// Tags separated by ;
    #[arg(long)]
    pub tags: Option<String>,
    #[arg(long)]
    pub education: Option<String>,
    #[arg(long)]
    pub experience: Option<String>,
    /// Their dream or business idea
    #[arg(long)]
    pub dream: Option<String>,
    /// A note shown in the client's header
    #[arg(long)]
    pub pinned: Option<String>,
    /// The advisor's username (default: --as)
    #[arg(long)]
    pub advisor: Option<String>,
    /// active, paused or closed
    #[arg(long)]
    pub status: Option<String>,
}

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The client's id, or a name matching exactly one client
    pub client: String,
    pub text: String,
    /// phone, meeting, video, email, message or course
    #[arg(long, default_value = "phone")]
    pub channel: String,
    #[arg(long)]
    pub minutes: Option<u32>,
    /// 1 stuck … 5 on fire
    #[arg(long)]
    pub motivation: Option<i64>,
    /// A next step agreed in the session
    #[arg(long)]
    pub next: Option<String>,
    /// The next step's due date, YYYY-MM-DD
    #[arg(long, requires = "next")]
    pub due: Option<String>,
    /// Who does the next step: client or advisor
    #[arg(long, default_value = "client", requires = "next")]
    pub owner: String,
}

#[derive(Debug, Subcommand)]
pub enum AdvisorCommand {
    /// Add an advisor (or update their name, role and key)
    Add {
        username: String,
        #[arg(long)]
        name: String,
        /// advisor, lead or admin
        #[arg(long, default_value = "advisor")]
        role: String,
        /// An SSH public key file (one line, OpenSSH form) for `serve`
        #[arg(long, value_name = "PUBKEY_FILE")]
        key: Option<PathBuf>,
    },
    /// List advisors
    List,
    /// Register or remove an advisor's SSH public key
    #[command(subcommand)]
    Key(AdvisorKeyCommand),
}

#[derive(Debug, Subcommand)]
pub enum AdvisorKeyCommand {
    /// Register another SSH public key for an advisor
    Add {
        username: String,
        /// The public key file (one line, OpenSSH form, e.g. ~/.ssh/id_ed25519.pub)
        #[arg(value_name = "PUBKEY_FILE")]
        file: PathBuf,
    },
    /// Remove the key in FILE from an advisor's keys
    Remove {
        username: String,
        #[arg(value_name = "PUBKEY_FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum VentureCommand {
    /// Add a venture and print the new id
    Add(VentureAddArgs),
}

#[derive(Debug, Args)]
pub struct VentureAddArgs {
    /// The client's id, or a name matching exactly one client
    pub client: String,
    pub name: String,
    /// new (a business being started) or existing (one being developed)
    #[arg(long)]
    pub kind: String,
    /// One of the sectors in the configuration
    #[arg(long)]
    pub sector: Option<String>,
    /// The organisation number: nine digits, the last a MOD11 check digit
    #[arg(long)]
    pub org_nr: Option<String>,
    /// idea, planning, registered, operating, growing, paused or closed (default: idea)
    #[arg(long)]
    pub stage: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MilestoneCommand {
    /// Add a milestone to a venture and print the new id
    Add(MilestoneAddArgs),
}

#[derive(Debug, Args)]
pub struct MilestoneAddArgs {
    /// The venture's id
    pub venture: String,
    /// registered, first_sale, hired, funding, expanded or closed
    pub kind: String,
    /// YYYY-MM-DD (default: today)
    #[arg(long)]
    pub date: Option<String>,
    /// The amount in whole kroner (needed for funding)
    #[arg(long)]
    pub amount_nok: Option<u64>,
    /// The number of jobs created (needed for hired)
    #[arg(long)]
    pub jobs: Option<u32>,
    #[arg(long)]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use std::any::TypeId;

    use clap::CommandFactory as _;

    use super::*;

    /// Each command without subcommands, with the words that lead to it.
    fn leaves(
        command: &clap::Command,
        words: Vec<String>,
        out: &mut Vec<(Vec<String>, clap::Command)>,
    ) {
        if !command.has_subcommands() {
            out.push((words, command.clone()));
            return;
        }
        for sub in command.get_subcommands() {
            let mut words = words.clone();
            words.push(sub.get_name().to_string());
            leaves(sub, words, out);
        }
    }

    /// A value the argument accepts; a relative path for a file argument.
    fn value(arg: &clap::Arg) -> String {
        if arg.get_value_parser().type_id() == TypeId::of::<PathBuf>() {
            return "relative/file".into();
        }
        arg.get_possible_values()
            .first()
            .map_or_else(|| "1".into(), |v| v.get_name().to_string())
    }

    #[test]
    fn every_file_argument_of_a_command_the_server_runs_is_made_absolute() {
        let mut found = Vec::new();
        leaves(&Cli::command(), Vec::new(), &mut found);
        let mut paths = 0;
        for (mut argv, leaf) in found {
            let mut given = 0;
            for arg in leaf.get_arguments() {
                let is_path = arg.get_value_parser().type_id() == TypeId::of::<PathBuf>();
                if arg.is_positional() {
                    argv.push(value(arg));
                } else if arg.get_action().takes_values() && (is_path || arg.is_required_set()) {
                    argv.push(format!("--{}", arg.get_long().unwrap()));
                    argv.push(value(arg));
                } else {
                    continue;
                }
                given += usize::from(is_path);
            }
            let cli =
                Cli::try_parse_from(std::iter::once("veileder".to_string()).chain(argv.clone()))
                    .unwrap_or_else(|e| panic!("{argv:?}: {e}"));
            if crate::commands::not_through_server(cli.command.as_ref()).is_some() {
                continue;
            }
            let mut command = cli.command.unwrap();
            command.resolve_paths(std::path::Path::new("/home/kari"));
            let shown = format!("{command:?}");
            assert!(!shown.contains("\"relative/file\""), "{argv:?}: {shown}");
            assert_eq!(
                shown.matches("/home/kari/relative/file").count(),
                given,
                "{shown}"
            );
            paths += given;
        }
        // import, backup, export, privacy export, advisor add, key add, key remove
        assert_eq!(paths, 7);
    }
}
