//! Each form field's label and hint. The match has no wildcard: a new field without its texts
//! does not compile.
use super::{Lang, Message, catalogue};
use crate::app::screens::form_fields::FieldName as F;

catalogue! {
    /// Form fields: `…Label` beside the value, `…Hint` while it is empty.
    FieldText {
        NameLabel => "Name", "Navn";
        NameHint => "the client's name, in any script", "klientens navn, i hvilken som helst skrift";
        PhoneLabel => "Phone", "Telefon";
        PhoneHint => "e.g. +47 912 34 567", "f.eks. +47 912 34 567";
        EmailLabel => "Email", "E-post";
        EmailHint => "e.g. name@example.no", "f.eks. navn@example.no";
        GenderLabel => "Gender", "Kjønn";
        BirthYearLabel => "Birth year", "Fødselsår";
        BirthYearHint => "a year such as 1985", "et årstall, f.eks. 1985";
        CountryLabel => "Country", "Land";
        CountryHint => "country of origin", "opprinnelsesland";
        LanguagesLabel => "Languages", "Språk";
        ListHint => "separated by ;", "skilt med ;";
        ArrivedLabel => "Arrived", "Kom til Norge";
        ArrivedHint => "year of arrival", "årstall";
        MunicipalityLabel => "Municipality", "Kommune";
        EducationLabel => "Education", "Utdanning";
        ExperienceLabel => "Experience", "Erfaring";
        ExperienceHint => "work experience", "arbeidserfaring";
        DreamLabel => "Dream", "Drøm";
        DreamHint => "the business idea", "forretningsideen";
        TagsLabel => "Tags", "Stikkord";
        PinnedLabel => "Pinned note", "Festet notat";
        PinnedHint => "shown in the client header", "vises øverst på klienten";
        AdvisorLabel => "Advisor", "Veileder";
        AdvisorHint => "username", "brukernavn";
        StatusLabel => "Status", "Status";
        ConsentDateLabel => "Consent date", "Samtykkedato";
        ConsentDateHint => "YYYY-MM-DD", "ÅÅÅÅ-MM-DD";
        ConsentPurposeLabel => "Consent for", "Samtykke til";
        ConsentPurposeHint => "the purpose", "formålet";
        VentureNameHint => "the business's name", "foretakets navn";
        KindLabel => "Kind", "Type";
        SectorLabel => "Sector", "Bransje";
        StageLabel => "Stage", "Fase";
        OrgNrLabel => "Org nr", "Org.nr.";
        OrgNrHint => "nine digits, e.g. 923 609 016", "ni sifre, f.eks. 923 609 016";
        StepLabel => "Next step", "Neste steg";
        StepHint => "what is to be done", "hva som skal gjøres";
        OwnerLabel => "Owner", "Ansvarlig";
        DueLabel => "Due", "Frist";
        DueHint => "YYYY-MM-DD, or empty", "ÅÅÅÅ-MM-DD, eller tomt";
        ConsentWithdrawnLabel => "Withdrawn", "Trukket";
        ConsentWithdrawnHint => "YYYY-MM-DD when consent was withdrawn", "ÅÅÅÅ-MM-DD da samtykket ble trukket";
        DateLabel => "Date", "Dato";
        DateHint => "YYYY-MM-DD", "ÅÅÅÅ-MM-DD";
        JobsLabel => "Jobs", "Arbeidsplasser";
        JobsHint => "people hired, for 'hired'", "ansatte, for «hired»";
        AmountLabel => "Amount NOK", "Beløp i kr";
        AmountHint => "whole kroner, for 'funding'", "hele kroner, for «funding»";
        NoteLabel => "Note", "Merknad";
        NoteHint => "optional, one line", "valgfritt, én linje";
    }
}

/// A field's label and its hint ("" when it has none) in `lang`.
pub fn field(lang: Lang, name: F) -> (&'static str, &'static str) {
    use FieldText as T;
    let (label, hint) = match name {
        F::Name => (T::NameLabel, Some(T::NameHint)),
        F::Phone => (T::PhoneLabel, Some(T::PhoneHint)),
        F::Email => (T::EmailLabel, Some(T::EmailHint)),
        F::Gender => (T::GenderLabel, None),
        F::BirthYear => (T::BirthYearLabel, Some(T::BirthYearHint)),
        F::Country => (T::CountryLabel, Some(T::CountryHint)),
        F::Languages => (T::LanguagesLabel, Some(T::ListHint)),
        F::ArrivedYear => (T::ArrivedLabel, Some(T::ArrivedHint)),
        F::Municipality => (T::MunicipalityLabel, None),
        F::Education => (T::EducationLabel, None),
        F::Experience => (T::ExperienceLabel, Some(T::ExperienceHint)),
        F::Dream => (T::DreamLabel, Some(T::DreamHint)),
        F::Tags => (T::TagsLabel, Some(T::ListHint)),
        F::Pinned => (T::PinnedLabel, Some(T::PinnedHint)),
        F::Advisor => (T::AdvisorLabel, Some(T::AdvisorHint)),
        F::Status => (T::StatusLabel, None),
        F::ConsentDate => (T::ConsentDateLabel, Some(T::ConsentDateHint)),
        F::ConsentPurpose => (T::ConsentPurposeLabel, Some(T::ConsentPurposeHint)),
        F::VentureName => (T::NameLabel, Some(T::VentureNameHint)),
        F::Kind => (T::KindLabel, None),
        F::Sector => (T::SectorLabel, None),
        F::Stage => (T::StageLabel, None),
        F::OrgNr => (T::OrgNrLabel, Some(T::OrgNrHint)),
        F::StepText => (T::StepLabel, Some(T::StepHint)),
        F::Owner => (T::OwnerLabel, None),
        F::Due => (T::DueLabel, Some(T::DueHint)),
        F::ConsentWithdrawn => (T::ConsentWithdrawnLabel, Some(T::ConsentWithdrawnHint)),
        F::Date => (T::DateLabel, Some(T::DateHint)),
        F::Jobs => (T::JobsLabel, Some(T::JobsHint)),
        F::Amount => (T::AmountLabel, Some(T::AmountHint)),
        F::Note => (T::NoteLabel, Some(T::NoteHint)),
    };
    (label.text(lang), hint.map_or("", |hint| hint.text(lang)))
}
