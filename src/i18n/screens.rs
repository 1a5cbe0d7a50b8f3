//! The texts of each screen: clients, client page, call mode, forms, agenda and search.
use super::catalogue;

catalogue! {
    /// The client list and its preview.
    ClientsText {
        Reading => "Reading the client list…", "Leser klientlisten …";
        NoMatch => "No client matches this filter.", "Ingen klient passer med dette filteret.";
        Mine => "mine", "mine";
        DueWithin => "due ≤{n}d", "frist ≤{n}d";
        ByName => "by name", "etter navn";
        ByLastContact => "by last contact", "etter siste kontakt";
        ByNextDue => "by next due", "etter neste frist";
        FilterHint => "{key} filter by name, phone, email, country, venture or tag", "{key} filtrer på navn, telefon, e-post, land, foretak eller stikkord";
        Name => "Name", "Navn";
        Venture => "Venture", "Foretak";
        Last => "Last", "Sist";
        NextDue => "Next due", "Neste frist";
        DueColumn => "Next due", "Frist";
        Trend => "Trend", "Trend";
        Country => "Country", "Land";
        Phone => "Phone", "Telefon";
        Email => "Email", "E-post";
        Pinned => "Pinned", "Festet";
        PinnedNote => "Pinned: {text}", "Festet: {text}";
        Ventures => "Ventures", "Foretak";
        LastContact => "Last contact", "Siste kontakt";
        Sessions => "Sessions", "Samtaler";
        Motivation => "Motivation", "Motivasjon";
        OpenSteps => "Open steps", "Åpne steg";
        Tags => "Tags", "Stikkord";
        NextLine => " · next {due} {text}", " · neste {due} {text}";
        SessionsLine => "{advisor} · {sessions} · last contact {last}", "{advisor} · {sessions} · siste kontakt {last}";
        NoOpenSteps => "no open steps", "ingen åpne steg";
        AdvisorIs => "advisor {name}", "veileder {name}";
        NoAdvisor => "no advisor", "ingen veileder";
        DateToday => "{date} (today)", "{date} (i dag)";
        DateAgo => "{date} ({since} ago)", "{date} ({since} siden)";
        DeleteClient => "Move {name} and all their ventures, sessions and next steps to the trash?", "Flytte {name} og alle foretak, samtaler og neste steg til papirkurven?";
    }
}

catalogue! {
    /// The client page: header, tabs and each tab's records.
    PageText {
        Profile => "Profile", "Profil";
        Sessions => "Sessions", "Samtaler";
        Progress => "Progress", "Utvikling";
        Steps => "Next steps", "Neste steg";
        Ventures => "Ventures", "Foretak";
        NoContact => "no phone or email", "ingen telefon eller e-post";
        Gender => "Gender", "Kjønn";
        BirthYear => "Birth year", "Fødselsår";
        Country => "Country", "Land";
        Languages => "Languages", "Språk";
        Arrived => "Arrived", "Kom til Norge";
        Municipality => "Municipality", "Kommune";
        Education => "Education", "Utdanning";
        Experience => "Experience", "Erfaring";
        Dream => "Dream", "Drøm";
        Tags => "Tags", "Stikkord";
        Consent => "Consent", "Samtykke";
        ClientSince => "Client since", "Klient siden";
        NotRecorded => "not recorded", "ikke registrert";
        ConsentFor => "{date} for {purpose}", "{date} til {purpose}";
        Withdrawn => " · withdrawn {date}", " · trukket {date}";
        NoSteps => "No next steps.", "Ingen neste steg.";
        DoneOn => "done {date}", "utført {date}";
        Overdue => "{date} overdue", "{date} forfalt";
        NoDueDate => "no due date", "ingen frist";
        NoVentures => "No ventures yet.", "Ingen foretak ennå.";
        OrgNr => "org {nr}", "org.nr. {nr}";
        NoMilestones => "no milestones", "ingen milepæler";
        NoSessions => "No sessions yet.", "Ingen samtaler ennå.";
        Minutes => "{n} min", "{n} min";
        MotivationIs => "motivation {n} {label}", "motivasjon {n} {label}";
        TopicsAre => "topics: {list}", "temaer: {list}";
        CompetenceIs => "competence: {list}", "kompetanse: {list}";
        NoNote => "(no note)", "(uten notat)";
        MotivationNone => "Motivation: not rated yet.", "Motivasjon: ikke vurdert ennå.";
        MotivationLine => "Motivation: first {first} → latest {latest} · {ratings}", "Motivasjon: første {first} → siste {latest} · {ratings}";
        CompetenceNone => "Competence: not assessed yet.", "Kompetanse: ikke vurdert ennå.";
        Competence => "Competence", "Kompetanse";
        FirstLatest => "first     latest", "første    siste ";
        NothingToTick => "No next steps to tick off.", "Ingen neste steg å krysse av.";
        TheSession => "the session of {date}", "samtalen {date}";
        TheStep => "the next step “{text}”", "neste steg «{text}»";
        TheVenture => "the venture {name} and its milestones", "foretaket {name} med milepælene";
        DeleteWhat => "Delete works on a session, a next step or a venture; the client is deleted from the list.", "Sletting gjelder en samtale, et neste steg eller et foretak; klienten slettes fra listen.";
        MoveToTrash => "Move {what} to the trash?", "Flytte {what} til papirkurven?";
    }
}

catalogue! {
    /// Call mode: the note, the session's fields and the brief.
    CallText {
        Call => "Call", "Samtale";
        Draft => " · draft {time}", " · utkast {time}";
        Note => "Note", "Notat";
        NoNoteYet => "(no note yet)", "(ingen notat ennå)";
        Timer => "{n} (timer)", "{n} (tidtaker)";
        Channel => "Channel", "Kanal";
        Min => "Min", "Min";
        Motivation => "Motivation", "Motivasjon";
        Chosen => "{n} chosen", "{n} valgt";
        Rated => "{n} rated", "{n} vurdert";
        Step => "Step", "Steg";
        Due => "  due ", "  frist ";
        Topics => "Topics", "Temaer";
        Competence => "Competence", "Kompetanse";
        NoNewSteps => "No new steps; ctrl-n adds one, Enter keeps it and starts another.", "Ingen nye steg; ctrl-n legger til, Enter beholder det og starter et nytt.";
        KeysNotes => "alt-1…5 motivation · ctrl-n next step · alt-t topics · alt-k competence · alt-x tick", "alt-1…5 motivasjon · ctrl-n neste steg · alt-t temaer · alt-k kompetanse · alt-x kryss av";
        KeysChannel => "space/←→ change channel", "mellomrom/←→ bytt kanal";
        KeysMinutes => "type minutes over the timer; backspace back to the timer", "skriv minutter over tidtakeren; backspace tilbake til tidtakeren";
        KeysMotivation => "1–5 rate, 0 clears (alt-1…5 works anywhere)", "1–5 vurder, 0 fjerner (alt-1…5 virker overalt)";
        KeysTopics => "↑↓ choose, space toggles", "↑↓ velg, mellomrom slår av/på";
        KeysCompetence => "↑↓ choose an area, 1–5 rate, 0 clears", "↑↓ velg område, 1–5 vurder, 0 fjerner";
        KeysOpenSteps => "↑↓ choose in the brief, x or space ticks done", "↑↓ velg i oversikten, x eller mellomrom krysser av";
        KeysStep => "due: +3d, fri, 2026-12-04 · ctrl-o owner · Enter adds", "frist: +3d, fre, 4.12 · ctrl-o ansvarlig · Enter legger til";
        Pinned => "Pinned", "Festet";
        NotADate => "due: '{text}' is not a date; {accepted}", "frist: '{text}' er ikke en dato; {accepted}";
        DueOutOfRange => "due: '{text}' is out of range; a date between 1900 and 2200", "frist: '{text}' er utenfor; en dato mellom 1900 og 2200";
        DueAccepted => "+3d, +2w, +1m, today, tomorrow, fri, 2026-12-04, 4.12", "+3d, +2u, +1m, i dag, i morgen, fre, 2026-12-04, 4.12";
        StepNeedsText => "next step: needs text; type what is to be done before the due date", "neste steg: mangler tekst; skriv hva som skal gjøres før fristen";
        MinutesTooLong => "minutes: '{text}' is too long; 0 to {max}", "minutter: '{text}' er for lang; 0 til {max}";
        LastSession => "Last: {date} ({ago}) {channel}", "Sist: {date} ({ago}) {channel}";
        FirstSession => "First session", "Første samtale";
        OpenSteps => "Open steps ({n})", "Åpne steg ({n})";
        Restored => "Draft from {at} restored.", "Utkast fra {at} hentet fram.";
        Saved => "Saved session ({channel}, {n} min){steps}{done}.", "Samtalen er lagret ({channel}, {n} min){steps}{done}.";
    }
}

catalogue! {
    /// The forms for a client, a venture and a next step.
    FormText {
        NewClient => "New client", "Ny klient";
        EditClient => "Edit client", "Rediger klient";
        NewVenture => "New venture", "Nytt foretak";
        EditVenture => "Edit venture", "Rediger foretak";
        NewStep => "New next step", "Nytt neste steg";
        EditStep => "Edit next step", "Rediger neste steg";
        NewMilestone => "New milestone", "Ny milepæl";
        EditMilestone => "Edit milestone", "Rediger milepæl";
        TheMilestone => "milestone", "milepælen";
        AddedMilestone => "Added milestone {kind} on {date}", "La til milepælen {kind} {date}";
        SavedMilestone => "Saved milestone {kind} on {date}", "Lagret milepælen {kind} {date}";
        ChoiceKeys => "left/right or space choose; a letter jumps to it", "venstre/høyre eller mellomrom velger; en bokstav hopper dit";
        Discard => "Discard changes to this {what}?", "Forkaste endringene i {what}?";
        TheClient => "client", "klienten";
        TheVenture => "venture", "foretaket";
        TheStep => "next step", "neste steg";
        Added => "Added {what} {name} (id {id})", "La til {what} {name} (id {id})";
        SavedRecord => "Saved {what} {name} (id {id})", "Lagret {what} {name} (id {id})";
        AddedStep => "Added next step “{text}”", "La til neste steg «{text}»";
        SavedStep => "Saved next step “{text}”", "Lagret neste steg «{text}»";
        Looks => "Looks like {name} (id {id}): same {same}{more}", "Ligner på {name} (id {id}): samme {same}{more}";
        More => " (and {n} more)", " (og {n} til)";
        And => " and ", " og ";
        SameName => "name", "navn";
        SamePhone => "phone", "telefon";
        SameEmail => "email", "e-post";
    }
}

catalogue! {
    /// The agenda.
    AgendaText {
        Reading => "Reading the agenda…", "Leser agendaen …";
        Mine => "my clients ({key}: everyone's)", "mine klienter ({key}: alles)";
        Everyone => "everyone's clients ({key}: mine)", "alles klienter ({key}: mine)";
        Title => " Agenda for {date} — {whose}", " Agenda for {date} — {whose}";
        Overdue => "Overdue", "Forfalt";
        Today => "Today", "I dag";
        ThisWeek => "This week", "Denne uken";
        OweACall => "Owe a call", "Skylder en telefon";
        Dormant => "No contact for {n}+ days", "Ingen kontakt på {n}+ dager";
        PastRetention => "No contact for {n}+ years: to erase{erase}", "Ingen kontakt på {n}+ år: skal slettes{erase}";
        Erases => " ({key} erases)", " ({key} sletter)";
        LastContactOn => "last {date}", "sist {date}";
        DaysLate => "{n}d late", "{n}d over";
        InDays => "in {n}d", "om {n}d";
        NoDate => "no date", "ingen dato";
        LastOn => "last {date}", "sist {date}";
        OnlySteps => "Only a next step can be ticked off.", "Bare et neste steg kan krysses av.";
    }
}

catalogue! {
    /// Search.
    SearchText {
        Prompt => "Type to search session notes, clients, next steps and ventures.", "Skriv for å søke i samtalenotater, klienter, neste steg og foretak.";
        NoMatch => "Nothing matches every word.", "Ingenting passer med alle ordene.";
        Searching => "Searching…", "Søker …";
    }
}
