//! How people from each country are named, and composing one person's name from the lists in
//! `countries.rs`. A list entry is "Latin|own script" ("Amira|أميرة"), or one form when the
//! language is written in Latin letters anyway ("Małgorzata").
use fastrand::Rng;

use super::dice::{chance, word};

pub struct Country {
    /// As written in the client's `country` field.
    pub name: &'static str,
    /// Relative share of the centre's clients.
    pub weight: u32,
    /// Percent of clients whose name is written in the country's own script.
    pub own_script: u32,
    /// Percent of women who carry a Norwegian married name.
    pub norwegian_surname: u32,
    /// Most people from here arrived in this year or later.
    pub arrivals_from: i32,
    pub order: Order,
    pub languages: &'static [&'static str],
    pub cities: &'static [&'static str],
    pub women: &'static [&'static str],
    pub men: &'static [&'static str],
    pub family: Family,
}

pub enum Order {
    /// Given name first: "Amira Haddad".
    Western,
    /// Family name first, spaced: "Nguyễn Thị Lan".
    FamilyFirst,
    /// Family name first and joined in Chinese ("王芳"), given first in Latin ("Fang Wang").
    Chinese,
}

pub enum Family {
    Shared(&'static [&'static str]),
    /// Surnames that change with gender: women's list, men's list.
    Gendered(&'static [&'static str], &'static [&'static str]),
    /// The father's given name, as in Eritrea, Ethiopia and Sudan.
    Father,
    /// Father's and grandfather's given names, as in Somalia.
    FatherAndGrandfather,
    /// Two surnames, as in Chile and Colombia.
    Double(&'static [&'static str]),
}

const NORWEGIAN_SURNAMES: &[&str] = &[
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Berg", "Haugen",
    "Bakken", "Solheim", "Moen", "Dahl", "Lie", "Strand",
];

pub struct PersonName {
    /// As the client writes it, in their own script or in Latin letters.
    pub full: String,
    pub family: &'static str,
    /// What the advisor calls them in notes: "Amira", "Lan", "Fang".
    pub call: &'static str,
}

fn form(entry: &'static str, own: bool) -> &'static str {
    match entry.split_once('|') {
        Some((latin, native)) => {
            if own {
                native
            } else {
                latin
            }
        }
        None => entry,
    }
}

/// An entry other than `not`, so that nobody is called "Dawit Dawit".
fn other(rng: &mut Rng, list: &[&'static str], not: &str) -> &'static str {
    let mut entry = word(rng, list);
    for _ in 0..3 {
        if entry != not {
            break;
        }
        entry = word(rng, list);
    }
    entry
}

pub fn person_name(rng: &mut Rng, country: &Country, woman: bool) -> PersonName {
    let given = word(rng, if woman { country.women } else { country.men });
    let (family, second) = match country.family {
        Family::Shared(list) => (word(rng, list), None),
        Family::Gendered(women, men) => (word(rng, if woman { women } else { men }), None),
        Family::Father => (other(rng, country.men, given), None),
        Family::FatherAndGrandfather => {
            let father = other(rng, country.men, given);
            (father, Some(other(rng, country.men, father)))
        }
        Family::Double(list) => {
            let first = word(rng, list);
            (first, Some(other(rng, list, first)))
        }
    };
    let married = woman && chance(rng, f64::from(country.norwegian_surname) / 100.0);
    let (family, second) = if married {
        (word(rng, NORWEGIAN_SURNAMES), None)
    } else {
        (family, second)
    };
    let own = !married && chance(rng, f64::from(country.own_script) / 100.0);

    let (g, f) = (form(given, own), form(family, own));
    let mut full = match (&country.order, own) {
        (Order::FamilyFirst, _) => format!("{f} {g}"),
        (Order::Chinese, true) => format!("{f}{g}"),
        _ => format!("{g} {f}"),
    };
    if let Some(second) = second {
        full.push(' ');
        full.push_str(form(second, own));
    }

    let latin_given = form(given, false);
    let call = match country.order {
        Order::FamilyFirst => latin_given.rsplit(' ').next().unwrap_or(latin_given),
        _ => latin_given.split(' ').next().unwrap_or(latin_given),
    };
    PersonName {
        full,
        family: form(family, false),
        call,
    }
}
