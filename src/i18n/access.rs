//! The access export's readable page (`.txt`): the person's own copy of what veileder holds
//! about them, in the language of the advisor who exports it. The values stay as stored.
use super::catalogue;

catalogue! {
    /// Headings, labels and the joining words of the access export's page.
    AccessText {
        Title => "Everything veileder holds about {name} (client {id}), exported {at}", "Alt veileder har om {name} (klient {id}), tatt ut {at}";
        Profile => "PROFILE", "PROFIL";
        Name => "name", "navn";
        Gender => "gender", "kjønn";
        BirthYear => "birth year", "fødselsår";
        Country => "country", "land";
        Languages => "languages", "språk";
        Arrived => "arrived", "kom til Norge";
        Municipality => "municipality", "kommune";
        Phone => "phone", "telefon";
        Email => "email", "e-post";
        Education => "education", "utdanning";
        Experience => "experience", "erfaring";
        Dream => "dream", "drøm";
        Tags => "tags", "stikkord";
        Pinned => "pinned note", "festet notat";
        Advisor => "advisor", "veileder";
        Status => "status", "status";
        Added => "added", "registrert";
        Consent => "consent", "samtykke";
        ConsentNone => "not recorded", "ikke registrert";
        ConsentGiven => "given {date} for {purpose}{withdrawn}", "gitt {date} til {purpose}{withdrawn}";
        ConsentWithdrawn => ", withdrawn {date}", ", trukket {date}";
        Ventures => "VENTURES ({n})", "FORETAK ({n})";
        OrgNr => ", org. nr {nr}", ", org.nr. {nr}";
        NoSector => "no sector", "ingen bransje";
        Sessions => "SESSIONS ({n})", "SAMTALER ({n})";
        SessionWith => "{at} {channel} with {advisor}{minutes}", "{at} {channel} med {advisor}{minutes}";
        Topics => "topics: {topics}", "temaer: {topics}";
        NextSteps => "NEXT STEPS ({n})", "NESTE STEG ({n})";
        Due => " due {date}", " frist {date}";
        Done => ", done {date}", ", utført {date}";
        Milestones => "MILESTONES ({n})", "MILEPÆLER ({n})";
        Drafts => "UNSAVED DRAFTS ({n})", "ULAGREDE UTKAST ({n})";
        DraftBy => "by {advisor} since {at}", "av {advisor} siden {at}";
        Trash => "DELETED, STILL IN THE TRASH ({n})", "SLETTET, FORTSATT I PAPIRKURVEN ({n})";
        TrashedBy => "{date} by {advisor}: {what}", "{date} av {advisor}: {what}";
        Audit => "AUDIT LOG ({n})", "REVISJONSLOGG ({n})";
    }
}
