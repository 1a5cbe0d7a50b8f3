use chrono::NaiveDate;
use thiserror::Error;

/// A value refused by a domain rule: which field, what is wrong, and what is accepted. The two
/// are typed so that each language can say them (`i18n::invalid`); `Display` is English.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", crate::i18n::invalid(crate::i18n::Lang::En, self))]
pub struct Invalid {
    pub field: &'static str,
    pub problem: Problem,
    pub accepted: Accepted,
}

impl Invalid {
    pub fn new(field: &'static str, problem: Problem, accepted: Accepted) -> Self {
        Self {
            field,
            problem,
            accepted,
        }
    }
}

/// What is wrong with a value; the value as typed where the message quotes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    Length(usize),
    NoAt(String),
    NotEmail(String),
    Contains {
        value: String,
        found: String,
    },
    Digits {
        value: String,
        digits: usize,
    },
    OutOfRange(String),
    QuotedOutOfRange(String),
    TooYoung(i32),
    NotADate(String),
    NotAYear(String),
    NotWhole(String),
    NotKnown(String),
    NotAnArea(String),
    NotNineDigits(String),
    FailsMod11(String),
    NotANumber,
    Zero,
    MissingFor(&'static str),
    EmptyWhile(&'static str),
    WithdrawnBefore {
        withdrawn: NaiveDate,
        given: NaiveDate,
    },
    KeyFileEmpty,
    PrivateKey,
    NotAKey(String),
    NotAUsername(String),
    LongerThanADay(u32),
}

/// What a field accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    Characters(usize),
    AtMostCharacters(usize),
    EmailAddress,
    PhoneNumber,
    Years { from: i32, to: i32 },
    YearLike,
    IsoDate,
    CalendarDate,
    DateOrTime,
    ConsentDate,
    EventDate,
    OneOf(String),
    Rating,
    OrgNr,
    JobsFromOne,
    JobsCreated,
    Kroner,
    WithdrawalAfterConsent,
    PublicKey,
    PublicHalf,
    Username,
    Minutes(u32),
}

pub type Checked<T> = Result<T, Invalid>;
