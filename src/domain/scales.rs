//! Motivation and competence: whole numbers from 1 to 5.
use std::collections::BTreeMap;

use super::error::{Accepted, Checked, Invalid, Problem};

pub const MIN: u8 = 1;
pub const MAX: u8 = 5;

pub fn motivation(value: i64) -> Checked<u8> {
    rating("motivation", value)
}

fn rating(field: &'static str, value: i64) -> Checked<u8> {
    u8::try_from(value)
        .ok()
        .filter(|v| (MIN..=MAX).contains(v))
        .ok_or_else(|| {
            Invalid::new(
                field,
                Problem::OutOfRange(value.to_string()),
                Accepted::Rating,
            )
        })
}

/// Competence ratings: every value 1–5, and when `areas` is given, every area one of them.
pub fn competence(ratings: &BTreeMap<String, u8>, areas: Option<&[String]>) -> Checked<()> {
    for (area, value) in ratings {
        rating("competence", i64::from(*value))?;
        if let Some(areas) = areas {
            if !areas.iter().any(|a| a == area) {
                return Err(Invalid::new(
                    "competence",
                    Problem::NotAnArea(area.clone()),
                    Accepted::OneOf(areas.join(", ")),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings() {
        assert_eq!(motivation(3), Ok(3));
        assert!(motivation(0).is_err());
        assert!(
            motivation(6)
                .unwrap_err()
                .to_string()
                .contains("1 (lowest) to 5")
        );
        let areas = vec!["finance".to_string()];
        let mut r = BTreeMap::new();
        r.insert("finance".to_string(), 4);
        assert!(competence(&r, Some(&areas)).is_ok());
        r.insert("cooking".to_string(), 4);
        assert!(
            competence(&r, Some(&areas))
                .unwrap_err()
                .to_string()
                .contains("cooking")
        );
        assert!(competence(&r, None).is_ok());
    }
}
