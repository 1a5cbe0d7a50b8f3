//! A refused value (`domain::Invalid`) said in the interface's language: what is wrong and what
//! is accepted. The field stays the data's English name (`birth_year`), as on the command line
//! and in CSV headers; forms show their own label instead.
use super::nouns::{DIGITS, counted};
use super::{Lang, catalogue, date};
use crate::domain::{Accepted as A, Invalid, Problem as P};

catalogue! {
    /// What is wrong with a value (`Is…`) and what is accepted (`Takes…`).
    InvalidText {
        Refusal => "{field}: {reason}", "{field}: {reason}";
        Reason => "{problem}; {accepted}", "{problem}; {accepted}";
        IsEmpty => "is empty", "er tomt";
        IsLong => "is {n} characters long", "er {n} tegn langt";
        IsWithoutAt => "'{value}' has no @", "'{value}' mangler @";
        IsNotEmail => "'{value}' is not an email address", "'{value}' er ikke en e-postadresse";
        IsContaining => "'{value}' contains '{found}'", "'{value}' inneholder '{found}'";
        IsDigits => "'{value}' has {digits}", "'{value}' har {digits}";
        IsOutOfRange => "{value} is out of range", "{value} er utenfor det tillatte";
        IsQuotedOutOfRange => "'{value}' is out of range", "'{value}' er utenfor det tillatte";
        IsTooYoung => "{value} makes the client younger than 14", "{value} gjør klienten yngre enn 14";
        IsNotDate => "'{value}' is not a date", "'{value}' er ikke en dato";
        IsNotYear => "'{value}' is not a year", "'{value}' er ikke et årstall";
        IsNotWhole => "'{value}' is not a whole number", "'{value}' er ikke et heltall";
        IsNotKnown => "'{value}' is not known", "'{value}' er ukjent";
        IsNotArea => "'{value}' is not a configured area", "'{value}' er ikke et konfigurert område";
        IsNotNineDigits => "'{value}' is not nine digits", "'{value}' er ikke ni sifre";
        IsFailingMod11 => "'{value}' fails the MOD11 check (a typing error?)", "'{value}' består ikke MOD11-kontrollen (en skrivefeil?)";
        IsNotNumber => "is not a number", "er ikke et tall";
        IsZero => "is 0", "er 0";
        IsMissingFor => "is missing for '{kind}'", "mangler for '{kind}'";
        IsEmptyWhile => "is empty while {other} is given", "er tomt mens {other} er fylt ut";
        IsWithdrawnBefore => "withdrawn {withdrawn} before it was given {given}", "trukket {withdrawn}, før det ble gitt {given}";
        IsKeyFileEmpty => "the key file is empty", "nøkkelfilen er tom";
        IsPrivateKey => "this is a private key, which must stay with its owner", "dette er en privat nøkkel, som skal bli hos eieren";
        IsNotKey => "the first line is not an OpenSSH public key ({why})", "første linje er ikke en offentlig OpenSSH-nøkkel ({why})";
        IsNotUsername => "'{value}' is not a username", "'{value}' er ikke et brukernavn";
        IsLongerThanDay => "{n} is more than a working day", "{n} er mer enn en arbeidsdag";
        TakesCharacters => "1 to {max} characters", "1 til {max} tegn";
        TakesAtMost => "at most {max} characters", "høyst {max} tegn";
        TakesEmail => "an address like name@example.no", "en adresse som navn@example.no";
        TakesPhone => "5 to 15 digits, optionally starting with + and grouped by spaces or dashes", "5 til 15 sifre, gjerne med + først og gruppert med mellomrom eller bindestrek";
        TakesYears => "a year from {from} to {to}", "et årstall fra {from} til {to}";
        TakesYearLike => "a year such as 1985", "et årstall, f.eks. 1985";
        TakesIsoDate => "a date written YYYY-MM-DD between 1900 and 2200", "en dato skrevet ÅÅÅÅ-MM-DD mellom 1900 og 2200";
        TakesCalendarDate => "a date between 1900 and 2200", "en dato mellom 1900 og 2200";
        TakesDateOrTime => "a date written YYYY-MM-DD or a time like 2026-01-31T09:30:00Z", "en dato skrevet ÅÅÅÅ-MM-DD eller et tidspunkt som 2026-01-31T09:30:00Z";
        TakesConsentDate => "the date consent was given, written YYYY-MM-DD", "datoen samtykket ble gitt, skrevet ÅÅÅÅ-MM-DD";
        TakesEventDate => "the day it happened, YYYY-MM-DD", "dagen det skjedde, ÅÅÅÅ-MM-DD";
        TakesOneOf => "one of {list}", "en av {list}";
        TakesRating => "a whole number from 1 (lowest) to 5 (highest)", "et heltall fra 1 (lavest) til 5 (høyest)";
        TakesOrgNr => "nine digits whose last is the MOD11 check digit, e.g. 923 609 016", "ni sifre der det siste er MOD11-kontrollsifferet, f.eks. 923 609 016";
        TakesJobsFromOne => "a number of jobs from 1 up", "et antall arbeidsplasser fra 1 og oppover";
        TakesJobsCreated => "the number of jobs created, from 1 up", "antall nye arbeidsplasser, fra 1 og oppover";
        TakesKroner => "the amount in whole kroner", "beløpet i hele kroner";
        TakesWithdrawal => "a withdrawal date on or after the consent date", "en dato for tilbaketrekking samme dag som eller etter samtykket";
        TakesPublicKey => "an OpenSSH public key line such as `ssh-ed25519 AAAA… name@laptop` (the .pub file)", "en linje med offentlig OpenSSH-nøkkel, som `ssh-ed25519 AAAA… navn@laptop` (.pub-filen)";
        TakesPublicHalf => "the public half: the file of the same name ending in .pub", "den offentlige halvdelen: filen med samme navn som slutter på .pub";
        TakesUsername => "1 to 32 of a-z, A-Z, 0-9, '.', '_' or '-', starting with a letter or digit", "1 til 32 av a-z, A-Z, 0-9, '.', '_' eller '-', med bokstav eller siffer først";
        TakesMinutes => "0 to {max} minutes", "0 til {max} minutter";
    }
}

/// The whole refusal, `field: problem; accepted`, as the command line prints it.
pub fn invalid(lang: Lang, refused: &Invalid) -> String {
    let reason = reason(lang, refused);
    lang.f(
        InvalidText::Refusal,
        &[("field", &refused.field), ("reason", &reason)],
    )
}

/// What is wrong and what is accepted, without the field: a form shows it beside its label.
pub fn reason(lang: Lang, refused: &Invalid) -> String {
    let problem = problem(lang, &refused.problem);
    let accepted = accepted(lang, &refused.accepted);
    lang.f(
        InvalidText::Reason,
        &[("problem", &problem), ("accepted", &accepted)],
    )
}

fn problem(lang: Lang, problem: &P) -> String {
    use InvalidText as T;
    let quoted = |text, value: &dyn std::fmt::Display| lang.f(text, &[("value", value)]);
    match problem {
        P::Empty => lang.t(T::IsEmpty).to_string(),
        P::Length(n) => lang.f(T::IsLong, &[("n", n)]),
        P::NoAt(v) => quoted(T::IsWithoutAt, v),
        P::NotEmail(v) => quoted(T::IsNotEmail, v),
        P::Contains { value, found } => {
            lang.f(T::IsContaining, &[("value", value), ("found", found)])
        }
        P::Digits { value, digits } => {
            let digits = counted(lang, *digits, DIGITS);
            lang.f(T::IsDigits, &[("value", value), ("digits", &digits)])
        }
        P::OutOfRange(v) => quoted(T::IsOutOfRange, v),
        P::QuotedOutOfRange(v) => quoted(T::IsQuotedOutOfRange, v),
        P::TooYoung(v) => quoted(T::IsTooYoung, v),
        P::NotADate(v) => quoted(T::IsNotDate, v),
        P::NotAYear(v) => quoted(T::IsNotYear, v),
        P::NotWhole(v) => quoted(T::IsNotWhole, v),
        P::NotKnown(v) => quoted(T::IsNotKnown, v),
        P::NotAnArea(v) => quoted(T::IsNotArea, v),
        P::NotNineDigits(v) => quoted(T::IsNotNineDigits, v),
        P::FailsMod11(v) => quoted(T::IsFailingMod11, v),
        P::NotANumber => lang.t(T::IsNotNumber).to_string(),
        P::Zero => lang.t(T::IsZero).to_string(),
        P::MissingFor(kind) => lang.f(T::IsMissingFor, &[("kind", kind)]),
        P::EmptyWhile(other) => lang.f(T::IsEmptyWhile, &[("other", other)]),
        P::WithdrawnBefore { withdrawn, given } => {
            let (withdrawn, given) = (date(lang, *withdrawn), date(lang, *given));
            let values: [(&str, &dyn std::fmt::Display); 2] =
                [("withdrawn", &withdrawn), ("given", &given)];
            lang.f(T::IsWithdrawnBefore, &values)
        }
        P::KeyFileEmpty => lang.t(T::IsKeyFileEmpty).to_string(),
        P::PrivateKey => lang.t(T::IsPrivateKey).to_string(),
        P::NotAKey(why) => lang.f(T::IsNotKey, &[("why", why)]),
        P::NotAUsername(v) => quoted(T::IsNotUsername, v),
        P::LongerThanADay(n) => lang.f(T::IsLongerThanDay, &[("n", n)]),
    }
}

fn accepted(lang: Lang, accepted: &A) -> String {
    use InvalidText as T;
    let fixed = |text| lang.t(text).to_string();
    match accepted {
        A::Characters(max) => lang.f(T::TakesCharacters, &[("max", max)]),
        A::AtMostCharacters(max) => lang.f(T::TakesAtMost, &[("max", max)]),
        A::EmailAddress => fixed(T::TakesEmail),
        A::PhoneNumber => fixed(T::TakesPhone),
        A::Years { from, to } => lang.f(T::TakesYears, &[("from", from), ("to", to)]),
        A::YearLike => fixed(T::TakesYearLike),
        A::IsoDate => fixed(T::TakesIsoDate),
        A::CalendarDate => fixed(T::TakesCalendarDate),
        A::DateOrTime => fixed(T::TakesDateOrTime),
        A::ConsentDate => fixed(T::TakesConsentDate),
        A::EventDate => fixed(T::TakesEventDate),
        A::OneOf(list) => lang.f(T::TakesOneOf, &[("list", list)]),
        A::Rating => fixed(T::TakesRating),
        A::OrgNr => fixed(T::TakesOrgNr),
        A::JobsFromOne => fixed(T::TakesJobsFromOne),
        A::JobsCreated => fixed(T::TakesJobsCreated),
        A::Kroner => fixed(T::TakesKroner),
        A::WithdrawalAfterConsent => fixed(T::TakesWithdrawal),
        A::PublicKey => fixed(T::TakesPublicKey),
        A::PublicHalf => fixed(T::TakesPublicHalf),
        A::Username => fixed(T::TakesUsername),
        A::Minutes(max) => lang.f(T::TakesMinutes, &[("max", max)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validate;

    #[test]
    fn a_refusal_says_what_is_wrong_and_what_is_accepted_in_each_language() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let young = validate::birth_year(2020, today).unwrap_err();
        assert_eq!(
            invalid(Lang::En, &young),
            "birth_year: 2020 makes the client younger than 14; a year from 1900 to 2012"
        );
        assert_eq!(young.to_string(), invalid(Lang::En, &young));
        assert_eq!(
            reason(Lang::Nb, &young),
            "2020 gjør klienten yngre enn 14; et årstall fra 1900 til 2012"
        );
        let phone = validate::phone("call me").unwrap_err();
        assert_eq!(
            invalid(Lang::Nb, &phone),
            "phone: 'call me' inneholder 'c'; 5 til 15 sifre, gjerne med + først og gruppert med mellomrom eller bindestrek"
        );
        let one_digit = validate::phone("5").unwrap_err();
        assert!(
            invalid(Lang::En, &one_digit).starts_with("phone: '5' has 1 digit; 5 to 15 digits")
        );
        assert!(reason(Lang::Nb, &one_digit).starts_with("'5' har 1 siffer; 5 til 15 sifre"));
    }
}
