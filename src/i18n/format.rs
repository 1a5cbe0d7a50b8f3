//! Dates and numbers as each language writes them: 2026-11-27 and 1,234.50 in English,
//! 27.11.2026 and 1 234,50 in bokmål, where the thousands are grouped with a no-break space
//! (U+00A0), so an amount never breaks across lines and keeps a width of one column per space.
use chrono::NaiveDate;

use super::Lang;

/// The separator between groups of thousands in bokmål.
pub const NB_GROUP: char = '\u{a0}';

pub fn date(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::En => day.format("%Y-%m-%d").to_string(),
        Lang::Nb => day.format("%d.%m.%Y").to_string(),
    }
}

/// A figure with `places` decimals: `12.5` in English, `12,5` in bokmål.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match lang {
        Lang::En => text,
        Lang::Nb => text.replace('.', ","),
    }
}

/// The weekday of `day`, abbreviated: `Fri` or `fre`.
pub fn weekday(lang: Lang, day: NaiveDate) -> &'static str {
    use chrono::Datelike;
    let index = day.weekday().num_days_from_monday() as usize;
    let names = match lang {
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        Lang::Nb => ["man", "tir", "ons", "tor", "fre", "lør", "søn"],
    };
    names[index % 7]
}

/// A whole number with its thousands grouped.
pub fn number(lang: Lang, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let group = match lang {
        Lang::En => ',',
        Lang::Nb => NB_GROUP,
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if value < 0 {
        out.insert(0, '-');
    }
    out
}

/// An amount of Norwegian kroner given in øre: `NOK 1,234.50` or `1 234,50 kr`.
pub fn kroner(lang: Lang, ore: i64) -> String {
    let whole = number(lang, ore / 100);
    let cents = (ore % 100).abs();
    let sign = if ore < 0 && ore / 100 == 0 { "-" } else { "" };
    match lang {
        Lang::En => format!("NOK {sign}{whole}.{cents:02}"),
        Lang::Nb => format!("{sign}{whole},{cents:02} kr"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_style() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(date(Lang::Nb, day), "27.11.2026");
        assert_eq!(date(Lang::En, day), "2026-11-27");
        let early = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        assert_eq!(date(Lang::Nb, early), "04.01.2027");
    }

    #[test]
    fn numbers_group_thousands_with_a_no_break_space_in_bokmal() {
        assert_eq!(kroner(Lang::Nb, 123_450), "1\u{a0}234,50 kr");
        assert_eq!(kroner(Lang::En, 123_450), "NOK 1,234.50");
        assert_eq!(number(Lang::Nb, 1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(number(Lang::Nb, 999), "999");
        assert_eq!(number(Lang::En, -1_000), "-1,000");
        assert_eq!(kroner(Lang::Nb, -50), "-0,50 kr");
        assert_eq!(kroner(Lang::Nb, 0), "0,00 kr");
        assert_eq!(
            unicode_width::UnicodeWidthStr::width("1\u{a0}234,50 kr"),
            11
        );
    }
}
