//! Norwegian organisation numbers: nine digits, the last a MOD11 check digit.
use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::{Accepted, Checked, Invalid, Problem};

const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgNr(u32);

/// The check digit for the first eight digits, or None when no digit fits (remainder 1).
pub fn check_digit(first8: &[u32; 8]) -> Option<u32> {
    let sum: u32 = first8.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        d => Some(d),
    }
}

impl OrgNr {
    pub fn parse(input: &str) -> Checked<Self> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() != 9 || !compact.chars().all(|c| c.is_ascii_digit()) {
            return Err(Invalid::new(
                "org_nr",
                Problem::NotNineDigits(input.to_string()),
                Accepted::OrgNr,
            ));
        }
        let digits: Vec<u32> = compact.chars().filter_map(|c| c.to_digit(10)).collect();
        let mut first8 = [0; 8];
        first8.copy_from_slice(&digits[..8]);
        if check_digit(&first8) != Some(digits[8]) {
            return Err(Invalid::new(
                "org_nr",
                Problem::FailsMod11(input.to_string()),
                Accepted::OrgNr,
            ));
        }
        compact
            .parse()
            .map(OrgNr)
            .map_err(|_| Invalid::new("org_nr", Problem::NotANumber, Accepted::OrgNr))
    }
}

impl fmt::Display for OrgNr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:09}", self.0)
    }
}

impl TryFrom<String> for OrgNr {
    type Error = Invalid;
    fn try_from(value: String) -> Checked<Self> {
        OrgNr::parse(&value)
    }
}

impl From<OrgNr> for String {
    fn from(value: OrgNr) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_numbers() {
        assert_eq!(
            OrgNr::parse("923 609 016").unwrap().to_string(),
            "923609016"
        );
        assert_eq!(OrgNr::parse("974760673").unwrap().to_string(), "974760673");
        let err = OrgNr::parse("923609017").unwrap_err().to_string();
        assert!(err.contains("MOD11"), "{err}");
        assert!(
            OrgNr::parse("12345")
                .unwrap_err()
                .to_string()
                .contains("nine digits")
        );
        assert!(OrgNr::parse("92360901a").is_err());
    }

    proptest! {
        #[test]
        fn a_valid_number_round_trips(first8 in proptest::array::uniform8(0u32..10)) {
            if let Some(check) = check_digit(&first8) {
                let s: String = first8.iter().chain(std::iter::once(&check)).map(|d| char::from_digit(*d, 10).unwrap()).collect();
                let parsed = OrgNr::parse(&s).unwrap();
                prop_assert_eq!(parsed.to_string(), s);
            }
        }

        #[test]
        fn any_single_digit_change_is_caught(first8 in proptest::array::uniform8(0u32..10), pos in 0usize..9, delta in 1u32..10) {
            if let Some(check) = check_digit(&first8) {
                let mut digits: Vec<u32> = first8.to_vec();
                digits.push(check);
                digits[pos] = (digits[pos] + delta) % 10;
                let s: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect();
                prop_assert!(OrgNr::parse(&s).is_err());
            }
        }

        #[test]
        fn never_panics(s in ".{0,20}") {
            let _ = OrgNr::parse(&s);
        }
    }
}
