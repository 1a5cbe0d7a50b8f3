//! The funder report as a person reads it (`report --format text|md`); CSV and JSON keep their
//! English keys.
use super::nouns::{DAYS, counted};
use super::{Lang, catalogue, date};
use crate::report::About;

catalogue! {
    /// Titles, row labels and column names of the funder report.
    ReportText {
        Between => "{from} to {to}", "{from} til {to}";
        From => "from {from}", "fra {from}";
        UpTo => "up to {to}", "til og med {to}";
        AllTime => "all time", "hele perioden";
        Title => "Report for funders: {period}", "Rapport til finansiører: {period}";
        MdTitle => "Report for funders", "Rapport til finansiører";
        Period => "Period: {period}", "Periode: {period}";
        Summary => "Summary", "Sammendrag";
        ClientsServed => "Clients served", "Klienter fulgt opp";
        NewClients => "New clients", "Nye klienter";
        Sessions => "Sessions", "Samtaler";
        SessionHours => "Session hours", "Timer i samtaler";
        NewBusinesses => "New businesses", "Nye foretak";
        ByWomen => "  of which started by women", "  av dem startet av kvinner";
        Developed => "Developed businesses", "Videreutviklede foretak";
        ByChannel => "Sessions by channel", "Samtaler etter kanal";
        Hours => "Hours", "Timer";
        ByGender => "Clients served by gender", "Klienter fulgt opp etter kjønn";
        Clients => "Clients", "Klienter";
        BySector => "Businesses by sector", "Foretak etter bransje";
        New => "New", "Nye";
        DevelopedShort => "Developed", "Utviklet";
        ByCountry => "Clients served by country of origin", "Klienter fulgt opp etter opprinnelsesland";
        ByAdvisor => "By advisor", "Etter veileder";
        Motivation => "Motivation, first and latest rating (1-5)", "Motivasjon, første og siste vurdering (1–5)";
        TwoRatings => "Clients with two or more ratings", "Klienter med to eller flere vurderinger";
        AverageFirst => "Average first", "Snitt første";
        AverageLatest => "Average latest", "Snitt siste";
        Rose => "Rose", "Steg";
        Stayed => "Stayed", "Uendret";
        Fell => "Fell", "Sank";
        Competence => "Competence growth per area (1-5)", "Kompetansevekst per område (1–5)";
        First => "First", "Første";
        Latest => "Latest", "Siste";
        Growth => "Growth", "Vekst";
        Value => "Value", "Verdi";
        NoneRow => "  (none)", "  (ingen)";
        Warnings => "Data-quality warnings ({n})", "Varsler om datakvalitet ({n})";
        WarningOnClient => "{record} {id}: {text}", "{record} {id}: {text}";
        WarningLine => "{record} {id} (client {client}): {text}", "{record} {id} (klient {client}): {text}";
        RecordClient => "client", "klient";
        RecordSession => "session", "samtale";
        RecordVenture => "venture", "foretak";
        RecordStep => "next step", "neste steg";
        NoDuration => "session on {day} has no duration", "samtalen {day} har ingen varighet";
        NoGender => "{name} has no gender", "{name} har ikke oppgitt kjønn";
        NoSector => "{name} has no sector", "{name} har ingen bransje";
        OverdueStep => "\"{text}\" due {due} is {days} overdue", "«{text}» med frist {due} er {days} på overtid";
    }
}

catalogue! {
    /// The Reports screen of the TUI, and milestones on the client page.
    ReportsScreenText {
        ThisYear => "This year", "I år";
        LastYear => "Last year", "I fjor";
        AllTimeChoice => "All time", "Hele tiden";
        Custom => "Custom", "Egen periode";
        Figures => "Figures", "Tall";
        Charts => "Charts", "Diagrammer";
        Warnings => "Warnings", "Advarsler";
        Period => " Period ", " Periode ";
        Changes => "  ({key} changes)", "  ({key} bytter)";
        FromField => "From", "Fra";
        ToField => "to", "til";
        FromAfterTo => "From {from} is after to {to}; give a period that starts on or before its end", "Fra {from} er etter til {to}; velg en periode som starter før den slutter";
        RangeHint => " YYYY-MM-DD, empty = open", " ÅÅÅÅ-MM-DD, tomt = åpen";
        WriteTo => "Write to", "Skriv til";
        Endings => " .txt .md .csv .json", " .txt .md .csv .json";
        Counting => "Counting…", "Teller …";
        StillReading => "The report is still being read.", "Rapporten leses fortsatt.";
        TypeFile => "Type the file to write, ending in .txt, .md, .csv or .json.", "Skriv filen som skal lages, med endelsen .txt, .md, .csv eller .json.";
        Written => "Report written to {path}.", "Rapporten er skrevet til {path}.";
        BadEnding => "{path}: the name should end in .txt, .md, .csv or .json, which says the format", "{path}: navnet skal slutte på .txt, .md, .csv eller .json, som sier formatet";
        NoWarningsToOpen => "No warnings to open.", "Ingen advarsler å åpne.";
        NoWarnings => " No data-quality warnings for this period.", " Ingen advarsler om datakvalitet for denne perioden.";
        Summary => " Summary", " Sammendrag";
        ClientsServed => "Clients served", "Klienter fulgt opp";
        NewClients => "New clients", "Nye klienter";
        Sessions => "Sessions", "Samtaler";
        SessionHours => "Session hours", "Timer i samtaler";
        NewBusinesses => "New businesses", "Nye foretak";
        ByWomen => "  of which by women", "  av dem startet av kvinner";
        WomensShare => "  women's share", "  kvinneandel";
        Developed => "Developed businesses", "Videreutviklede foretak";
        NoDuration => "no duration", "uten varighet";
        NoGender => "no gender", "uten kjønn";
        NoSector => "no sector", "uten bransje";
        Overdue => "overdue", "forfalt";
        YearsChart => "New ▮ and developed ▮ businesses per year", "Nye ▮ og videreutviklede ▮ foretak per år";
        ShareChart => "Started by women, % per year", "Startet av kvinner, % per år";
        SectorChart => "New + developed businesses by sector, this period", "Nye + videreutviklede foretak per bransje, denne perioden";
        NoBusinesses => "No businesses yet.", "Ingen foretak ennå.";
        MilestonesOnVentures => "Milestones are added on the Ventures tab.", "Milepæler legges til på Foretak-fanen.";
        VentureFirst => "Add a venture first ({key}), then its milestones.", "Legg til et foretak først ({key}), så milepælene.";
        TheMilestone => "the milestone {kind} of {name} on {date}", "milepælen {kind} for {name} {date}";
    }
}

/// What a data-quality warning says, in `lang`.
pub fn warning_text(lang: Lang, about: &About) -> String {
    use ReportText as T;
    match about {
        About::NoDuration(day) => lang.f(T::NoDuration, &[("day", &date(lang, *day))]),
        About::NoGender(name) => lang.f(T::NoGender, &[("name", name)]),
        About::NoSector(name) => lang.f(T::NoSector, &[("name", name)]),
        About::Overdue { text, due, late } => {
            let due = date(lang, *due);
            let days = counted(lang, *late, DAYS);
            let values: [(&str, &dyn std::fmt::Display); 3] =
                [("text", text), ("due", &due), ("days", &days)];
            lang.f(T::OverdueStep, &values)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overdue(lang: Lang, late: i64) -> String {
        let due = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let text = "Call the bank".to_string();
        warning_text(lang, &About::Overdue { text, due, late })
    }

    #[test]
    fn an_overdue_step_counts_its_days_in_the_form_the_count_takes() {
        assert_eq!(
            overdue(Lang::En, 1),
            "\"Call the bank\" due 2026-11-26 is 1 day overdue"
        );
        assert_eq!(
            overdue(Lang::En, 3),
            "\"Call the bank\" due 2026-11-26 is 3 days overdue"
        );
        assert_eq!(
            overdue(Lang::Nb, 1),
            "«Call the bank» med frist 26.11.2026 er 1 dag på overtid"
        );
        assert_eq!(
            overdue(Lang::Nb, 3),
            "«Call the bank» med frist 26.11.2026 er 3 dager på overtid"
        );
    }
}
