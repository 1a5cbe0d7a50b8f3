//! The help overlay's line per action. The English line is the action's doc comment; the match
//! below has no wildcard, so a new action without a bokmål line does not compile.
use super::Lang;
use crate::app::Action;

pub fn describe(lang: Lang, action: Action) -> &'static str {
    match lang {
        Lang::En => action.describe(),
        Lang::Nb => bokmal(action),
    }
}

fn bokmal(action: Action) -> &'static str {
    match action {
        Action::Help => "Vis eller skjul denne hjelpen",
        Action::Quit => "Avslutt på øverste nivå; ellers gå tilbake",
        Action::Back => "Gå tilbake, avbryt eller forlat et felt",
        Action::Filter => "Filtrer listen: skriv for å snevre den inn, Enter åpner treffet",
        Action::Open => "Åpne det valgte",
        Action::MoveUp => "Flytt opp",
        Action::MoveDown => "Flytt ned",
        Action::PageUp => "En side opp",
        Action::PageDown => "En side ned",
        Action::Top => "Gå til det første",
        Action::Bottom => "Gå til det siste",
        Action::ToggleMine => "Vis bare mine klienter, eller alles",
        Action::CycleStatusFilter => "Vis alle klienter, eller aktive, på pause eller avsluttede",
        Action::CycleSectorFilter => {
            "Vis bare klienter med foretak i én bransje (hvert trykk: neste bransje, så alle)"
        }
        Action::ToggleDueFilter => {
            "Vis bare klienter med et neste steg som forfaller innen en uke eller er på etterskudd"
        }
        Action::CycleSort => {
            "Sorter etter navn, siste kontakt (lengst siden først) eller neste frist"
        }
        Action::GoClients => "Klienter",
        Action::GoAgenda => "Agenda: forfalt, i dag, denne uken, sovende klienter",
        Action::GoSearch => "Søk i alle notater og opplysninger",
        Action::GoReports => "Rapporter til finansiører",
        Action::GoAudit => "Loggen: hvem gjorde hva med hvilken klient (ledere og administratorer)",
        Action::CyclePeriod => "Rapporter: neste periode (i år, i fjor, hele tiden, egen periode)",
        Action::AddMilestone => "Foretak-fanen: legg til en milepæl for det valgte foretaket",
        Action::PrivacyExport => "Innsynsuttrekk: alt som er lagret om klienten, til filer",
        Action::Erase => "Slett klienten for godt (skriv navnet for å bekrefte)",
        Action::Backup => "Ta sikkerhetskopi av databasen til sikkerhetskopimappen",
        Action::Call => "Samtalemodus: en ny samtale med den valgte klienten",
        Action::Save => "Lagre i redigering og skjemaer",
        Action::NextField => "Neste felt",
        Action::PrevField => "Forrige felt",
        Action::Add => "Legg til",
        Action::Edit => "Rediger",
        Action::Tick => "Kryss av et neste steg",
        Action::Delete => "Slett til papirkurven (spør først)",
        Action::Undo => "Angre siste sletting",
        Action::ExternalEditor => "Skriv notatet i $EDITOR",
    }
}
