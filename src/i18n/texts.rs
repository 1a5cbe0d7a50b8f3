//! The shared texts: the frame around every screen (tabs, key hints, popups, status messages,
//! the first-run greeting) and the words for values (statuses, channels, stages, durations).
use super::catalogue;

catalogue! {
    /// The frame, key hints, popups and status messages.
    Ui {
        TooSmall => "veileder needs at least {min}; this terminal is {size}", "veileder trenger minst {min}; dette vinduet er {size}";
        TabClients => "Clients", "Klienter";
        TabAgenda => "Agenda", "Agenda";
        TabSearch => "Search", "Søk";
        TabReports => "Reports", "Rapporter";
        TabAudit => "Audit", "Logg";
        HintHelp => "help", "hjelp";
        HintFilter => "filter", "filtrer";
        HintOpen => "open", "åpne";
        HintMine => "mine", "mine";
        HintMineAll => "mine/all", "mine/alle";
        HintStatus => "status", "status";
        HintDue => "due", "frist";
        HintSort => "sort", "sorter";
        HintQuit => "quit", "avslutt";
        HintDelete => "delete", "slett";
        HintSector => "sector", "bransje";
        HintDone => "done", "ferdig";
        HintMove => "move", "flytt";
        HintBack => "back", "tilbake";
        HintTick => "tick", "kryss av";
        HintCall => "call", "samtale";
        HintClients => "clients", "klienter";
        HintSearch => "search", "søk";
        HintAgenda => "agenda", "agenda";
        HintQuery => "query", "søkeord";
        HintSave => "save", "lagre";
        HintNextField => "next field", "neste felt";
        HintPrevious => "previous", "forrige";
        HintCancel => "cancel", "avbryt";
        HintLeaveCall => "leave (draft kept)", "gå ut (utkastet beholdes)";
        HintTabs => "tabs", "faner";
        HintEditor => "$EDITOR", "$EDITOR";
        HintPeriod => "period", "periode";
        HintCustom => "custom", "egen periode";
        HintView => "view", "visning";
        HintExport => "export", "eksporter";
        HintOpenWarning => "open warning", "åpne advarsel";
        HintApply => "apply", "bruk";
        HintFromTo => "from/to", "fra/til";
        HintVenture => "venture", "foretak";
        HintMilestone => "milestone", "milepæl";
        HintEdit => "edit", "rediger";
        HelpTitle => "Help", "Hjelp";
        HelpFooter => "Change keys in [keys] of the config file. {close} closes.", "Endre taster under [keys] i konfigurasjonsfilen. {close} lukker.";
        ConfirmTitle => "Are you sure?", "Er du sikker?";
        Yes => "yes", "ja";
        YesKey => "y", "j";
        No => "no", "nei";
        NothingToUndo => "Nothing to undo: no delete in this session.", "Ingenting å angre: ingen sletting i denne økten.";
        MovedToTrash => "Moved {what} to the trash{undo}.", "Flyttet {what} til papirkurven{undo}.";
        UndoHint => "; {key} undoes", "; {key} angrer";
        Restored => "Restored {what}.", "Gjenopprettet {what}.";
        DraftKept => "Draft kept; {key} resumes it.", "Utkastet er tatt vare på; {key} henter det fram igjen.";
        WelcomeTitle => "Welcome to veileder.", "Velkommen til veileder.";
        WelcomeEmpty => "There are no clients in this database yet.", "Det er ingen klienter i denne databasen ennå.";
        WelcomeWays => "Three ways to begin:", "Tre måter å begynne på:";
        WelcomePress => "press {key}", "trykk {key}";
        WelcomeAdd => "add your first client here; a name is enough", "legg til den første klienten; navn holder";
        WelcomeImport => "in a shell: bring in your spreadsheet", "i et skall: hent inn regnearket ditt";
        WelcomeDemo => "in a shell: try it all on a demo centre", "i et skall: prøv alt på et demosenter";
        WelcomeCsv => "The CSV needs a header row; only the name column is required.", "CSV-filen trenger en overskriftsrad; bare kolonnen name er påkrevd.";
        WelcomeKeys => "{help} shows every key; {quit} quits.", "{help} viser alle taster; {quit} avslutter.";
        ClientGone => "That client is no longer there (deleted?).", "Den klienten finnes ikke lenger (slettet?).";
        ClientIdGone => "Client {id} is no longer there (deleted?).", "Klient {id} finnes ikke lenger (slettet?).";
        BackupUnderway => "A backup is already under way.", "En sikkerhetskopi er allerede i gang.";
        BackupStopped => "The backup stopped before it finished; the database is as it was.", "Sikkerhetskopieringen stoppet før den var ferdig; databasen er som før.";
        ReadOnly => "read-only", "skrivebeskyttet";
        ReadOnlyCall => "The database is read-only: this call can be typed, not saved, and no draft is kept.", "Databasen er skrivebeskyttet: samtalen kan skrives, men ikke lagres, og intet utkast tas vare på.";
        ReadOnlyDraft => "The database is read-only: the draft was not kept.", "Databasen er skrivebeskyttet: utkastet ble ikke tatt vare på.";
        EditorLocalOnly => "The note can go to $EDITOR only on a local terminal.", "Notatet kan bare åpnes i $EDITOR på en lokal terminal.";
        EditorCannotWrite => "cannot write the note to {path}", "kan ikke skrive notatet til {path}";
        EditorCannotRead => "cannot read {path}", "kan ikke lese {path}";
        EditorCannotStart => "cannot start the editor '{command}' ($VISUAL / $EDITOR)", "kan ikke starte redigeringsprogrammet '{command}' ($VISUAL / $EDITOR)";
        EditorFailed => "the editor '{command}' ended with {status}; the note is unchanged", "redigeringsprogrammet '{command}' avsluttet med {status}; notatet er uendret";
        NotSaved => "Not saved: {why}", "Ikke lagret: {why}";
        TrashedClient => "client {name}", "klienten {name}";
        TrashedSession => "session of {date}", "samtalen {date}";
        TrashedStep => "next step '{text}'", "neste steg «{text}»";
        TrashedVenture => "venture {name}", "foretaket {name}";
        TrashedMilestone => "milestone {kind}", "milepælen {kind}";
    }
}

catalogue! {
    /// Values as words: record kinds, statuses, channels, stages, owners, and short durations.
    Words {
        Never => "never", "aldri";
        Today => "today", "i dag";
        DaysShort => "{n}d", "{n}d";
        WeeksShort => "{n}w", "{n}u";
        MonthsShort => "{n}mo", "{n}md";
        YearsShort => "{n}y", "{n}å";
        Active => "active", "aktiv";
        Paused => "paused", "på pause";
        Closed => "closed", "avsluttet";
        New => "new", "ny";
        Existing => "existing", "eksisterende";
        Idea => "idea", "idé";
        Planning => "planning", "planlegging";
        Registered => "registered", "registrert";
        Operating => "operating", "i drift";
        Growing => "growing", "i vekst";
        Phone => "phone", "telefon";
        Meeting => "meeting", "møte";
        Video => "video", "video";
        Email => "email", "e-post";
        MessageChannel => "message", "melding";
        Course => "course", "kurs";
        OwnerClient => "client", "klient";
        OwnerAdvisor => "advisor", "veileder";
        Lead => "lead", "leder";
        Admin => "admin", "administrator";
        Unspecified => "unspecified", "ikke oppgitt";
        Woman => "woman", "kvinne";
        Man => "man", "mann";
        Other => "other", "annet";
        FirstSale => "first sale", "første salg";
        Hired => "hired", "ansatt";
        Funding => "funding", "finansiering";
        Expanded => "expanded", "utvidet";
        Client => "client", "klient";
        Session => "session", "samtale";
        Step => "step", "steg";
        Venture => "venture", "foretak";
        Outcome => "outcome", "utfall";
        Nothing => "(none)", "(ingen)";
        Stuck => "stuck", "fastlåst";
        Hesitant => "hesitant", "nølende";
        Steady => "steady", "stødig";
        Driven => "driven", "ivrig";
        OnFire => "on fire", "full fyr";
    }
}
