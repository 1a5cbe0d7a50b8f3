//! Values stored in English (`active`, `phone`, `first_sale`) shown as words of the language;
//! stored data and JSON keep the English value.
use std::borrow::Cow;

use chrono::NaiveDate;

use super::{Lang, Message, Ui, Words, date};
use crate::store::Trashed;

/// The word for a stored value; a value with no word (a sector from the config) stays as it is.
pub fn value(lang: Lang, stored: &str) -> Cow<'_, str> {
    if lang == Lang::En {
        return Cow::Owned(stored.replace('_', " "));
    }
    let english = stored.replace('_', " ");
    Words::ENTRIES
        .iter()
        .find(|(_, en, _)| *en == english)
        .map_or(Cow::Borrowed(stored), |(_, _, nb)| Cow::Borrowed(*nb))
}

/// What went to the trash, as the status line names it.
pub fn trashed(lang: Lang, item: &Trashed) -> String {
    match item {
        Trashed::Client { client, .. } => lang.f(Ui::TrashedClient, &[("name", &client.name)]),
        Trashed::Session { session } => {
            let day = date(lang, session.started_at.date_naive());
            lang.f(Ui::TrashedSession, &[("date", &day)])
        }
        Trashed::NextStep { step } => lang.f(Ui::TrashedStep, &[("text", &step.text)]),
        Trashed::Venture { venture, .. } => lang.f(Ui::TrashedVenture, &[("name", &venture.name)]),
        Trashed::Milestone { milestone } => {
            let kind = value(lang, milestone.kind.as_str());
            lang.f(Ui::TrashedMilestone, &[("kind", &kind)])
        }
    }
}

/// The labels of motivation 1–5 to show: the configured ones, except that the built-in English
/// defaults are shown in the interface's language (only the numbers are stored).
pub fn motivation_labels(lang: Lang, configured: &[String; 5]) -> [String; 5] {
    let defaults = [
        Words::Stuck,
        Words::Hesitant,
        Words::Steady,
        Words::Driven,
        Words::OnFire,
    ];
    let untouched = configured
        .iter()
        .zip(defaults)
        .all(|(label, word)| label == word.text(Lang::En));
    if untouched {
        defaults.map(|word| word.text(lang).to_string())
    } else {
        configured.clone()
    }
}

/// How long ago `date` was, in the largest unit that says it: `today`, `3d`, `5w`, `4mo`, `2y`.
pub fn ago(lang: Lang, today: NaiveDate, date: NaiveDate) -> String {
    let days = (today - date).num_days();
    let (unit, n) = match days {
        ..=0 => return Words::Today.text(lang).to_string(),
        1..=13 => (Words::DaysShort, days),
        14..=89 => (Words::WeeksShort, days / 7),
        90..=729 => (Words::MonthsShort, days / 30),
        _ => (Words::YearsShort, days / 365),
    };
    lang.f(unit, &[("n", &n)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_motivation_labels_follow_the_language_and_configured_ones_stay() {
        let defaults = crate::config::Config::default().motivation_labels;
        assert_eq!(motivation_labels(Lang::Nb, &defaults)[4], "full fyr");
        assert_eq!(motivation_labels(Lang::En, &defaults), defaults);
        let own = ["1", "2", "3", "4", "5"].map(String::from);
        assert_eq!(motivation_labels(Lang::Nb, &own), own);
    }

    #[test]
    fn stored_values_read_as_words() {
        assert_eq!(value(Lang::Nb, "active"), "aktiv");
        assert_eq!(value(Lang::Nb, "first_sale"), "første salg");
        assert_eq!(value(Lang::En, "first_sale"), "first sale");
        assert_eq!(value(Lang::Nb, "food & catering"), "food & catering");
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let back = |days| ago(Lang::Nb, today, today - chrono::Days::new(days));
        assert_eq!(back(0), "i dag");
        assert_eq!(back(35), "5u");
        assert_eq!(back(130), "4md");
        assert_eq!(back(800), "2å");
        let en = |days| ago(Lang::En, today, today - chrono::Days::new(days));
        assert_eq!(en(0), "today");
        assert_eq!(en(3), "3d");
        assert_eq!(en(35), "5w");
        assert_eq!(en(130), "4mo");
        assert_eq!(en(800), "2y");
        assert_eq!(ago(Lang::En, today, today + chrono::Days::new(2)), "today");
    }
}
