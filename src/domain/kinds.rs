//! The closed vocabularies of the data model, each written in exports by its fixed lowercase name.
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::{Accepted, Invalid, Problem};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $field:literal, { $default:ident => $dtext:literal, $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            #[default]
            $default,
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$name::$default, $($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $name::$default => $dtext,
                    $($name::$variant => $text),+
                }
            }

            pub fn accepted() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Invalid;
            fn from_str(s: &str) -> Result<Self, Invalid> {
                let wanted = s.trim().to_lowercase().replace([' ', '-'], "_");
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| Invalid::new($field, Problem::NotKnown(s.to_string()), Accepted::OneOf(Self::accepted())))
            }
        }
    };
}

vocabulary!(
    /// Recorded for funder figures only; `unspecified` when the client did not say.
    Gender, "gender", { Unspecified => "unspecified", Woman => "woman", Man => "man", Other => "other" }
);
vocabulary!(ClientStatus, "status", { Active => "active", Paused => "paused", Closed => "closed" });
vocabulary!(VentureKind, "kind", { New => "new", Existing => "existing" });
vocabulary!(Stage, "stage", { Idea => "idea",
    Planning => "planning",
    Registered => "registered",
    Operating => "operating",
    Growing => "growing",
    Paused => "paused",
    Closed => "closed",
});
vocabulary!(Channel, "channel", { Phone => "phone",
    Meeting => "meeting",
    Video => "video",
    Email => "email",
    Message => "message",
    Course => "course",
});
vocabulary!(Owner, "owner", { Client => "client", Advisor => "advisor" });
vocabulary!(MilestoneKind, "kind", { Registered => "registered",
    FirstSale => "first_sale",
    Hired => "hired",
    Funding => "funding",
    Expanded => "expanded",
    Closed => "closed",
});
vocabulary!(Role, "role", { Advisor => "advisor", Lead => "lead", Admin => "admin" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_names_and_explains_refusals() {
        assert_eq!("Woman".parse::<Gender>().unwrap(), Gender::Woman);
        assert_eq!(
            "first sale".parse::<MilestoneKind>().unwrap(),
            MilestoneKind::FirstSale
        );
        let err = "fax".parse::<Channel>().unwrap_err().to_string();
        assert_eq!(
            err,
            "channel: 'fax' is not known; one of phone, meeting, video, email, message, course"
        );
    }

    #[test]
    fn serde_uses_the_fixed_names() {
        assert_eq!(
            serde_json::to_string(&MilestoneKind::FirstSale).unwrap(),
            "\"first_sale\""
        );
        assert_eq!(
            serde_json::to_string(&Gender::Unspecified).unwrap(),
            "\"unspecified\""
        );
        for g in Gender::ALL {
            let json = serde_json::to_string(g).unwrap();
            assert_eq!(json, format!("\"{}\"", g.as_str()));
        }
    }
}
