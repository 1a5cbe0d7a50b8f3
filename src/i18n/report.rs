//! The funder report as a person reads it (`report --format text|md`); CSV and JSON keep their
//! English keys.
use super::catalogue;

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
    }
}
