//! The centre itself: its advisors and the municipalities its clients live in.
use crate::domain::{Advisor, Role};

pub struct Staff {
    pub username: &'static str,
    pub name: &'static str,
    pub role: Role,
    /// Relative size of the caseload: the lead and the admin see fewer clients.
    pub caseload: u32,
}

pub const STAFF: &[Staff] = &[
    Staff {
        username: "ingrid",
        name: "Ingrid Solberg",
        role: Role::Lead,
        caseload: 10,
    },
    Staff {
        username: "ola",
        name: "Ola Nordby",
        role: Role::Advisor,
        caseload: 26,
    },
    Staff {
        username: "fatima",
        name: "Fatima Hussain",
        role: Role::Advisor,
        caseload: 23,
    },
    Staff {
        username: "jonas",
        name: "Jonas Eide",
        role: Role::Advisor,
        caseload: 19,
    },
    Staff {
        username: "sara",
        name: "Sara Lindqvist",
        role: Role::Advisor,
        caseload: 15,
    },
    Staff {
        username: "kari",
        name: "Kari Bakke",
        role: Role::Admin,
        caseload: 7,
    },
];

pub fn advisors() -> Vec<Advisor> {
    STAFF
        .iter()
        .map(|s| Advisor {
            username: s.username.to_string(),
            name: s.name.to_string(),
            role: s.role,
            keys: Vec::new(),
        })
        .collect()
}

/// Municipalities and how many of the clients live there.
pub const MUNICIPALITIES: &[(&str, u32)] = &[
    ("Oslo", 30),
    ("Bergen", 10),
    ("Trondheim", 7),
    ("Stavanger", 6),
    ("Drammen", 6),
    ("Kristiansand", 4),
    ("Fredrikstad", 4),
    ("Lillestrøm", 5),
    ("Bærum", 4),
    ("Sandnes", 3),
    ("Asker", 3),
    ("Sarpsborg", 3),
    ("Tromsø", 3),
    ("Skien", 2),
    ("Ålesund", 2),
    ("Haugesund", 2),
    ("Hamar", 2),
    ("Moss", 2),
    ("Tønsberg", 2),
    ("Bodø", 2),
    ("Porsgrunn", 1),
    ("Gjøvik", 1),
    ("Arendal", 1),
    ("Larvik", 1),
    ("Lørenskog", 2),
    ("Ullensaker", 1),
];
