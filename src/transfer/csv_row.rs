//! One CSV row as a client: each cell parsed into its field, then the client's own rules.
use chrono::{DateTime, NaiveTime, Utc};

use super::csv::Column;
use crate::domain::advisor::username;
use crate::domain::validate;
use crate::domain::{Accepted, Checked, Client, Consent, Invalid, Problem};
use crate::i18n::{CELLS, COLUMNS, CsvText, Lang, counted, invalid};

/// A client from one row, `None` for a row with nothing in it, or the row's problems in `lang`.
pub(super) fn client_from_row(
    columns: &[Option<Column>],
    record: &::csv::ByteRecord,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<Option<Client>, Vec<String>> {
    if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
        return Ok(None);
    }
    if record.len() != columns.len() {
        return Err(vec![lang.f(
            CsvText::CellCount,
            &[
                ("cells", &counted(lang, record.len(), CELLS)),
                ("columns", &counted(lang, columns.len(), COLUMNS)),
            ],
        )]);
    }
    let mut cells = Vec::with_capacity(columns.len());
    for (number, (column, raw)) in (1..).zip(columns.iter().zip(record)) {
        let Some(column) = *column else {
            if raw.trim_ascii().is_empty() {
                continue;
            }
            return Err(vec![lang.f(CsvText::UnnamedColumn, &[("number", &number)])]);
        };
        match std::str::from_utf8(raw) {
            Ok(text) => cells.push((column, text.trim())),
            Err(_) => {
                return Err(vec![
                    lang.f(CsvText::CellNotText, &[("field", &column.name())]),
                ]);
            }
        }
    }
    read_client(&cells, now)
        .map(Some)
        .map_err(|found| found.iter().map(|e| invalid(lang, e)).collect())
}

/// Every problem of the row: each cell that does not parse, then the first rule the client breaks.
fn read_client(cells: &[(Column, &str)], now: DateTime<Utc>) -> Result<Client, Vec<Invalid>> {
    let mut client = Client::new(0, "", now);
    let (mut consent_date, mut consent_purpose) = (None, None);
    let mut problems = Vec::new();
    for &(column, cell) in cells.iter().filter(|(_, cell)| !cell.is_empty()) {
        let text = Some(cell.to_string());
        let mut check = |parsed: Checked<()>| problems.extend(parsed.err());
        match column {
            Column::Name => client.name = cell.to_string(),
            Column::Gender => check(cell.parse().map(|g| client.gender = g)),
            Column::BirthYear => {
                check(year("birth_year", cell).map(|y| client.birth_year = Some(y)))
            }
            Column::Country => client.country = text,
            Column::Languages => client.languages = vec![cell.to_string()],
            Column::ArrivedYear => {
                check(year("arrived_year", cell).map(|y| client.arrived_year = Some(y)))
            }
            Column::Municipality => client.municipality = text,
            Column::Phone => client.phone = text,
            Column::Email => client.email = text,
            Column::Education => client.education = text,
            Column::Experience => client.experience = text,
            Column::Dream => client.dream = text,
            Column::Tags => client.tags = vec![cell.to_string()],
            Column::Pinned => client.pinned = text,
            Column::Advisor => check(username(cell).map(|u| client.advisor = Some(u)).map_err(
                |e| Invalid {
                    field: "advisor",
                    ..e
                },
            )),
            Column::Status => check(cell.parse().map(|s| client.status = s)),
            Column::CreatedAt => check(created_at(cell).map(|t| client.created_at = t)),
            Column::ConsentDate => consent_date = Some(cell),
            Column::ConsentPurpose => consent_purpose = Some(cell),
        }
    }
    match (consent_date, consent_purpose) {
        (Some(date), purpose) => match validate::date("consent_date", date) {
            Ok(date) => {
                client.consent = Some(Consent {
                    date,
                    purpose: purpose.unwrap_or_default().to_string(),
                    withdrawn: None,
                });
            }
            Err(e) => problems.push(e),
        },
        (None, Some(_)) => problems.push(Invalid::new(
            "consent_date",
            Problem::EmptyWhile("consent_purpose"),
            Accepted::ConsentDate,
        )),
        (None, None) => {}
    }
    match client.validated(now.date_naive()) {
        Ok(client) if problems.is_empty() => Ok(client),
        Ok(_) => Err(problems),
        Err(e) => {
            problems.push(e);
            Err(problems)
        }
    }
}

fn year(field: &'static str, cell: &str) -> Checked<i32> {
    cell.parse().map_err(|_| {
        Invalid::new(
            field,
            Problem::NotWhole(cell.to_string()),
            Accepted::YearLike,
        )
    })
}

fn created_at(cell: &str) -> Checked<DateTime<Utc>> {
    if let Ok(time) = DateTime::parse_from_rfc3339(cell) {
        return Ok(time.with_timezone(&Utc));
    }
    validate::date("created_at", cell)
        .map(|date| date.and_time(NaiveTime::MIN).and_utc())
        .map_err(|e| Invalid {
            accepted: Accepted::DateOrTime,
            ..e
        })
}
