//! The command line's help in bokmål: each command's about and each argument's help, keyed by
//! the command's words after `veileder` and the argument's id, and the words clap writes itself.
//! English needs no catalogue here: it is cli.rs's doc comments and clap's own words, as they are.
//! An argument without help in English has none here either; the tests in `cli_lang` check that
//! every English text has its bokmål one, and that nothing here names a command that is gone.

/// One command's texts: its words (`client add`; `""` for `veileder` itself), about, arguments.
pub struct CommandHelp {
    pub path: &'static str,
    pub about: &'static str,
    pub args: &'static [(&'static str, &'static str)],
}

/// A client named on the command line, as several commands take it.
const CLIENT: &str = "Klientens id, eller et navn som passer med nøyaktig én klient";
const DATE_OR_TODAY: &str = "ÅÅÅÅ-MM-DD (standard: i dag)";

pub const COMMANDS: &[CommandHelp] = &[
    CommandHelp {
        path: "",
        about: "Et terminalverktøy for veiledere som følger opp gründere med innvandrerbakgrunn",
        args: &[
            (
                "db",
                "Databasefilen (standard: veileder.redb i datamappen, eller `database` i konfigurasjonen)",
            ),
            (
                "config",
                "Konfigurasjonsfilen (standard: config.toml i konfigurasjonsmappen)",
            ),
            (
                "actor",
                "Navnet som står på det som skrives, og som avgjør hvilke klienter som er «mine» (standard: innloggingsnavnet ditt)",
            ),
            (
                "demo",
                "Bruk demodatabasen i datamappen; den lages og fylles første gang",
            ),
        ],
    },
    CommandHelp {
        path: "demo",
        about: "Fyll databasen med realistiske, genererte data",
        args: &[
            ("clients", "Hvor mange klienter"),
            (
                "seed",
                "Frø til generatoren: samme frø gir de samme dataene",
            ),
            ("force", "Erstatt en database som allerede har data"),
        ],
    },
    CommandHelp {
        path: "client",
        about: "Legg til eller vis klienter",
        args: &[],
    },
    CommandHelp {
        path: "client add",
        about: "Legg til en klient og skriv ut den nye id-en",
        args: &[
            ("gender", "woman, man, other eller unspecified"),
            ("country", "Opprinnelsesland"),
            ("languages", "Språk, skilt med ;"),
            ("tags", "Stikkord, skilt med ;"),
            ("dream", "Drømmen eller forretningsideen til klienten"),
            ("pinned", "Et notat som vises øverst hos klienten"),
            ("advisor", "Brukernavnet til veilederen (standard: --as)"),
            ("status", "active, paused eller closed"),
        ],
    },
    CommandHelp {
        path: "client list",
        about: "Vis klientene",
        args: &[],
    },
    CommandHelp {
        path: "client transfer",
        about: "Flytt én klient, eller alle klientene til en veileder, over til en annen veileder (som får beskjed)",
        args: &[
            (
                "client",
                "Klientens id eller navn; utelat den og bruk --from for å flytte alle klientene til en veileder",
            ),
            ("from", "Flytt alle klientene denne veilederen har"),
            ("to", "Veilederen som overtar dem"),
        ],
    },
    CommandHelp {
        path: "client share",
        about: "La en annen veileder se og jobbe med en klient, i tillegg til klientens egen veileder",
        args: &[],
    },
    CommandHelp {
        path: "note",
        about: "Skriv et samtalenotat for en klient (en rask oppfølging fra kommandolinjen)",
        args: &[
            ("client", CLIENT),
            (
                "channel",
                "phone, meeting, video, email, message eller course",
            ),
            ("motivation", "1 fastlåst … 5 full fyr"),
            ("next", "Et neste steg dere ble enige om i samtalen"),
            ("due", "Fristen for neste steg, ÅÅÅÅ-MM-DD"),
            ("owner", "Hvem som tar neste steg: client eller advisor"),
        ],
    },
    CommandHelp {
        path: "agenda",
        about: "Forfalte og kommende neste steg, og klienter du ikke har hatt kontakt med på en stund",
        args: &[
            ("days", "Hvor mange dager fram som regnes som kommende"),
            ("all", "Alle klientene, ikke bare mine"),
        ],
    },
    CommandHelp {
        path: "search",
        about: "Fritekstsøk i notater, klienter, neste steg og foretak",
        args: &[],
    },
    CommandHelp {
        path: "export",
        about: "Skriv alle postene som ett JSON-dokument (til standard ut, eller til --out)",
        args: &[],
    },
    CommandHelp {
        path: "import",
        about: "Les inn et JSON-eksportdokument, eller klienter fra en .csv-fil; alt eller ingenting",
        args: &[("dry_run", "Kontroller og tell, men skriv ingenting")],
    },
    CommandHelp {
        path: "check",
        about: "Kontroller filen, alle postene og alle indeksene; avslutter med kode 1 og en liste når noe er galt",
        args: &[],
    },
    CommandHelp {
        path: "report",
        about: "Tall til finansiørene for en periode (begge datoene er med; uten dem hele perioden)",
        args: &[
            ("from", "Første dag i perioden, ÅÅÅÅ-MM-DD"),
            ("to", "Siste dag i perioden, ÅÅÅÅ-MM-DD"),
        ],
    },
    CommandHelp {
        path: "backup",
        about: "En konsistent, kontrollert kopi av hele databasen, skrevet til PATH (eller inn i PATH når det er en mappe, med tidspunktet som navn)",
        args: &[],
    },
    CommandHelp {
        path: "advisor",
        about: "Administrer veiledere",
        args: &[],
    },
    CommandHelp {
        path: "advisor add",
        about: "Legg til en veileder (eller endre navn, rolle og nøkkel)",
        args: &[
            ("role", "advisor, lead eller admin"),
            (
                "key",
                "En fil med en offentlig SSH-nøkkel (én linje, OpenSSH-form) til `serve`",
            ),
        ],
    },
    CommandHelp {
        path: "advisor list",
        about: "Vis veilederne",
        args: &[],
    },
    CommandHelp {
        path: "advisor key",
        about: "Registrer eller fjern en veileders offentlige SSH-nøkkel",
        args: &[],
    },
    CommandHelp {
        path: "advisor key add",
        about: "Registrer enda en offentlig SSH-nøkkel for en veileder",
        args: &[(
            "file",
            "Filen med den offentlige nøkkelen (én linje, OpenSSH-form, f.eks. ~/.ssh/id_ed25519.pub)",
        )],
    },
    CommandHelp {
        path: "advisor key remove",
        about: "Fjern nøkkelen i filen fra nøklene til en veileder",
        args: &[],
    },
    CommandHelp {
        path: "audit",
        about: "Revisjonsloggen: hvem som skrev eller åpnet hva, og når (eldste først)",
        args: &[
            (
                "client",
                "Bare oppføringer om denne klienten (en id eller et navn som passer med nøyaktig én)",
            ),
            ("advisor", "Bare oppføringer fra denne veilederen"),
        ],
    },
    CommandHelp {
        path: "serve",
        about: "Gjør databasen tilgjengelig for veilederne over SSH: hver kobler til med `ssh -p PORT USERNAME@HOST`",
        args: &[
            (
                "listen",
                "Adressen og porten serveren lytter på (standard: `listen` under [serve] i konfigurasjonen)",
            ),
            (
                "host_key",
                "Serverens private vertsnøkkel, laget ved første oppstart (standard: ved siden av databasen)",
            ),
        ],
    },
    CommandHelp {
        path: "venture",
        about: "Legg til et foretak (en bedrift som startes eller utvikles) for en klient",
        args: &[],
    },
    CommandHelp {
        path: "venture add",
        about: "Legg til et foretak og skriv ut den nye id-en",
        args: &[
            ("client", CLIENT),
            (
                "kind",
                "new (en bedrift som startes) eller existing (en som utvikles videre)",
            ),
            ("sector", "En av bransjene i konfigurasjonen"),
            (
                "org_nr",
                "Organisasjonsnummeret: ni sifre, der det siste er et MOD11-kontrollsiffer",
            ),
            (
                "stage",
                "idea, planning, registered, operating, growing, paused eller closed (standard: idea)",
            ),
        ],
    },
    CommandHelp {
        path: "milestone",
        about: "Registrer et resultat for et foretak",
        args: &[],
    },
    CommandHelp {
        path: "milestone add",
        about: "Legg til en milepæl for et foretak og skriv ut den nye id-en",
        args: &[
            ("venture", "Foretakets id"),
            (
                "kind",
                "registered, first_sale, hired, funding, expanded eller closed",
            ),
            ("date", DATE_OR_TODAY),
            ("amount_nok", "Beløpet i hele kroner (trengs for funding)"),
            ("jobs", "Antall nye arbeidsplasser (trengs for hired)"),
        ],
    },
    CommandHelp {
        path: "privacy",
        about: "En persons samtykke, innsynsuttrekk og sletting for godt",
        args: &[],
    },
    CommandHelp {
        path: "privacy export",
        about: "Alt som er lagret om én person. Med --out: JSON-dokumentet i PATH og en lesbar tekst ved siden av (PATH med .txt); uten: --format json (standard) eller text til standard ut",
        args: &[("client", CLIENT)],
    },
    CommandHelp {
        path: "privacy erase",
        about: "Slett en person for godt (bare administratorer): personen, notatene, utkastene, oppføringene i søkeindeksen og innholdet i loggføringer om personen; rapportene beholder anonyme tall",
        args: &[
            ("client", CLIENT),
            (
                "yes",
                "Uten dette slettes ingenting: veileder sier hva som ville blitt slettet",
            ),
        ],
    },
    CommandHelp {
        path: "privacy consent",
        about: "Registrer en klients samtykke, eller at samtykket er trukket tilbake",
        args: &[
            ("client", CLIENT),
            ("purpose", "Hva klienten har samtykket til"),
            ("date", DATE_OR_TODAY),
            (
                "withdrawn",
                "Dagen samtykket ble trukket tilbake, ÅÅÅÅ-MM-DD",
            ),
        ],
    },
    CommandHelp {
        path: "completions",
        about: "Skriv ut et skript for tab-fullføring i skallet (installering: se README)",
        args: &[],
    },
    CommandHelp {
        path: "man",
        about: "Skriv ut manualsiden (roff), laget fra definisjonene til kommandolinjen",
        args: &[],
    },
];

/// The texts of the command `path`, if the catalogue has them.
pub fn command_help(path: &str) -> Option<&'static CommandHelp> {
    COMMANDS.iter().find(|command| command.path == path)
}

/// What clap writes by itself, in English: headings, its own flags and its `help` command.
pub mod clap_words {
    pub const USAGE: &str = "Bruk:";
    pub const COMMANDS: &str = "Kommandoer";
    pub const ARGUMENTS: &str = "Argumenter";
    pub const OPTIONS: &str = "Valg";
    pub const HELP_FLAG: &str = "Vis hjelpen";
    pub const VERSION_FLAG: &str = "Vis versjonen";
    pub const HELP_COMMAND: &str = "Vis denne hjelpen, eller hjelpen til kommandoene du nevner";
    pub const DEFAULT: &str = "[standard: {value}]";
    pub const POSSIBLE: &str = "[mulige verdier: {values}]";
    pub const VERSION: &str = "{version} (databaseskjema {schema})";
    /// clap_mangen's section headings, and the page's own list of commands.
    pub const MAN_SECTIONS: &[(&str, &str)] = &[
        ("NAME", "NAVN"),
        ("SYNOPSIS", "OVERSIKT"),
        ("DESCRIPTION", "BESKRIVELSE"),
        ("COMMANDS", "KOMMANDOER"),
        ("VERSION", "VERSJON"),
    ];
}

/// A usage error in one line: what is wrong and what is accepted; then where to read more.
pub mod usage_errors {
    pub const UNKNOWN_COMMAND: &str = "ukjent kommando '{given}'";
    pub const UNKNOWN_OPTION: &str = "ukjent valg '{given}'";
    pub const UNEXPECTED: &str = "`{command}` tar ikke imot '{given}'";
    pub const DID_YOU_MEAN: &str = "; mente du '{suggestion}'?";
    pub const ONE_OF: &str = "; en av {values}";
    pub const MISSING: &str = "`{command}` mangler {args}";
    pub const MISSING_COMMAND: &str = "`{command}` trenger en kommando: {values}";
    pub const NO_VALUE: &str = "{arg} mangler en verdi";
    pub const BAD_VALUE: &str = "'{given}' er ikke en gyldig verdi for {arg}";
    pub const NOT_TOGETHER: &str = "{arg} kan ikke brukes sammen med {other}";
    pub const TWICE: &str = "{arg} kan bare oppgis én gang";
    pub const TOO_MANY: &str = "'{given}' er én verdi for mye for {arg}";
    pub const VALUE_COUNT: &str = "{arg} skal ha {expected} verdier, men fikk {given}";
    pub const NO_EQUALS: &str = "{arg} skal ha verdien etter et likhetstegn, som {arg}=verdi";
    pub const NOT_UTF8: &str = "et argument er ikke UTF-8; veileder tar bare imot UTF-8";
    pub const NOT_UNDERSTOOD: &str = "kommandolinjen kan ikke tolkes";
    pub const WHOLE_NUMBER: &str = "; et helt tall";
    pub const WHOLE_NUMBER_FROM_ZERO: &str = "; et helt tall, 0 eller større";
    pub const ADDRESS: &str = "; en adresse med port, som 127.0.0.1:2222";
    /// The last two of a list: `a, b og c`, `a, b eller c`.
    pub const AND: &str = " og ";
    pub const OR: &str = " eller ";
    pub const SEE_HELP: &str = "Se `{command} --help`.";
}
