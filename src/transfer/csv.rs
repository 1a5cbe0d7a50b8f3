//! Clients from a spreadsheet saved as CSV: a header row naming client fields, one row per client.
use std::io::{BufRead as _, BufReader, Read};

use chrono::{DateTime, Utc};

use super::csv_row::client_from_row;
use super::errors::{ImportErrors, Listing};
use crate::domain::Client;
use crate::i18n::{CsvText, Lang};

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How much of the first line is read to tell the separator: far more than any header row.
const HEAD_MAX: u64 = 1 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Name,
    Gender,
    BirthYear,
    Country,
    Languages,
    ArrivedYear,
    Municipality,
    Phone,
    Email,
    Education,
    Experience,
    Dream,
    Tags,
    Pinned,
    Advisor,
    Status,
    CreatedAt,
    ConsentDate,
    ConsentPurpose,
}

impl Column {
    const ALL: [Column; 19] = [
        Column::Name,
        Column::Gender,
        Column::BirthYear,
        Column::Country,
        Column::Languages,
        Column::ArrivedYear,
        Column::Municipality,
        Column::Phone,
        Column::Email,
        Column::Education,
        Column::Experience,
        Column::Dream,
        Column::Tags,
        Column::Pinned,
        Column::Advisor,
        Column::Status,
        Column::CreatedAt,
        Column::ConsentDate,
        Column::ConsentPurpose,
    ];

    pub(super) fn name(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Gender => "gender",
            Column::BirthYear => "birth_year",
            Column::Country => "country",
            Column::Languages => "languages",
            Column::ArrivedYear => "arrived_year",
            Column::Municipality => "municipality",
            Column::Phone => "phone",
            Column::Email => "email",
            Column::Education => "education",
            Column::Experience => "experience",
            Column::Dream => "dream",
            Column::Tags => "tags",
            Column::Pinned => "pinned",
            Column::Advisor => "advisor",
            Column::Status => "status",
            Column::CreatedAt => "created_at",
            Column::ConsentDate => "consent_date",
            Column::ConsentPurpose => "consent_purpose",
        }
    }

    /// Spreadsheet headers are often written "Birth year": case, spaces and dashes are forgiven.
    fn find(header: &str) -> Option<Column> {
        let wanted = header.trim().to_lowercase().replace([' ', '-'], "_");
        Column::ALL.into_iter().find(|c| c.name() == wanted)
    }

    fn accepted() -> String {
        Column::ALL.map(Column::name).join(", ")
    }
}

/// Reads the header row, then hands every row with something in it to `each`, with its
/// spreadsheet row number (the header is row 1, and a cell with line breaks is still one row),
/// until `each` says stop. Holds one row at a time.
pub fn each_row(
    reader: impl Read,
    now: DateTime<Utc>,
    lang: Lang,
    mut each: impl FnMut(usize, Result<Client, Vec<String>>) -> bool,
) -> Result<(), ImportErrors> {
    let unreadable =
        |e: std::io::Error| ImportErrors::one(lang.f(CsvText::Unreadable, &[("error", &e)]));
    let (separator, reader) = opened(reader).map_err(unreadable)?;
    let mut records = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(reader)
        .into_byte_records();
    let header = match records.next() {
        None => return Err(ImportErrors::one(lang.t(CsvText::NoRows))),
        Some(Err(e)) => {
            return Err(ImportErrors::one(
                lang.f(CsvText::HeaderUnreadable, &[("error", &e)]),
            ));
        }
        Some(Ok(header)) => header,
    };
    let columns = columns(&header, lang)?;
    for (row, record) in (2..).zip(records) {
        let outcome = match record {
            Ok(record) => client_from_row(&columns, &record, now, lang),
            Err(e) => Err(vec![lang.f(CsvText::RowUnreadable, &[("error", &e)])]),
        };
        let go_on = match outcome {
            Ok(None) => true,
            Ok(Some(client)) => each(row, Ok(client)),
            Err(problems) => each(row, Err(problems)),
        };
        if !go_on {
            break;
        }
    }
    Ok(())
}

/// Counts the rows as they are read and lists the problems of those refused.
pub struct Tally {
    lang: Lang,
    rows: usize,
    refused: usize,
    problems: Listing,
}

impl Tally {
    pub fn new(lang: Lang) -> Self {
        Tally {
            lang,
            rows: 0,
            refused: 0,
            problems: Listing::default(),
        }
    }

    /// The client of an accepted row.
    pub fn take(&mut self, row: usize, outcome: Result<Client, Vec<String>>) -> Option<Client> {
        self.rows += 1;
        match outcome {
            Ok(client) => Some(client),
            Err(found) => {
                self.refused += 1;
                for problem in found {
                    let line = self
                        .lang
                        .f(CsvText::Row, &[("row", &row), ("problem", &problem)]);
                    self.problems.push(line);
                }
                None
            }
        }
    }

    /// How many clients the file holds, unless it has none or a row was refused.
    pub fn finish(self) -> Result<usize, ImportErrors> {
        let lang = self.lang;
        if self.rows == 0 {
            return Err(ImportErrors::one(lang.t(CsvText::NoClientRows)));
        }
        if self.refused == 0 {
            return Ok(self.rows);
        }
        let summary = match (self.rows, self.refused) {
            (1, _) => lang.t(CsvText::OnlyRowRefused).to_string(),
            (rows, 1) => lang.f(CsvText::OneRowRefused, &[("rows", &rows)]),
            (rows, refused) => lang.f(
                CsvText::RowsRefused,
                &[("refused", &refused), ("rows", &rows)],
            ),
        };
        Err(ImportErrors::listed(summary, self.problems, lang))
    }
}

/// The first line decides the separator (Norwegian Excel writes `;` between cells, since `,` is
/// the decimal mark there); the reader goes on from the start, without a byte order mark.
fn opened(reader: impl Read) -> std::io::Result<(u8, impl Read)> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut head = Vec::new();
    (&mut reader).take(HEAD_MAX).read_until(b'\n', &mut head)?;
    if head.starts_with(BOM) {
        head.drain(..BOM.len());
    }
    let count = |sep: u8| head.iter().filter(|b| **b == sep).count();
    let separator = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    Ok((separator, std::io::Cursor::new(head).chain(reader)))
}

/// The column of each cell; `None` for a column without a name, which Excel writes after a
/// stray formatted cell, and which is ignored while it stays empty.
fn columns(header: &::csv::ByteRecord, lang: Lang) -> Result<Vec<Option<Column>>, ImportErrors> {
    let mut columns = Vec::new();
    let mut problems = Vec::new();
    for (number, raw) in (1..).zip(header) {
        let Ok(text) = std::str::from_utf8(raw) else {
            problems.push(lang.f(CsvText::ColumnNotText, &[("number", &number)]));
            continue;
        };
        let text = text.trim();
        let said = |message| lang.f(message, &[("number", &number), ("name", &text)]);
        match Column::find(text) {
            Some(column) if columns.contains(&Some(column)) => {
                problems.push(said(CsvText::ColumnTwice));
            }
            Some(column) => columns.push(Some(column)),
            None if text.is_empty() => columns.push(None),
            None => problems.push(lang.f(
                CsvText::ColumnUnknown,
                &[
                    ("number", &number),
                    ("name", &text),
                    ("columns", &Column::accepted()),
                ],
            )),
        }
    }
    if !columns.contains(&Some(Column::Name)) {
        problems.push(lang.t(CsvText::NoNameColumn).to_string());
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(ImportErrors::many(lang.t(CsvText::HeaderRefused), problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ClientStatus, Gender};
    use crate::transfer::csv_stream::streamed;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
    }

    fn refusal(input: &[u8]) -> String {
        streamed(input, now()).unwrap_err().to_string()
    }

    #[test]
    fn every_column_in_any_script() {
        let clients = streamed(
            include_bytes!("../../tests/fixtures/import/clients.csv"),
            now(),
        )
        .unwrap();
        assert_eq!(clients.len(), 3);

        let amira = &clients[0];
        assert_eq!(amira.id, 0);
        assert_eq!(amira.name, "أميرة حداد");
        assert_eq!(amira.gender, Gender::Woman);
        assert_eq!(amira.birth_year, Some(1988));
        assert_eq!(amira.country.as_deref(), Some("Syria"));
        assert_eq!(amira.languages, ["arabic", "english", "norsk"]);
        assert_eq!(amira.arrived_year, Some(2016));
        assert_eq!(amira.municipality.as_deref(), Some("Drammen"));
        assert_eq!(amira.phone.as_deref(), Some("+47 912 34 567"));
        assert_eq!(amira.email.as_deref(), Some("amira@example.no"));
        assert_eq!(
            amira.education.as_deref(),
            Some("Pharmacist, University of Damascus")
        );
        assert_eq!(
            amira.experience.as_deref(),
            Some("Ran a pharmacy in Homs\nfor eight years")
        );
        assert_eq!(amira.dream.as_deref(), Some("A halal bakery in Drammen"));
        assert_eq!(amira.tags, ["food", "bakery"]);
        assert_eq!(amira.pinned.as_deref(), Some("Prefers calls after 15:00"));
        assert_eq!(amira.advisor.as_deref(), Some("kari"));
        assert_eq!(amira.status, ClientStatus::Active);
        assert_eq!(
            amira.created_at,
            Utc.with_ymd_and_hms(2024, 3, 1, 9, 30, 0).unwrap()
        );
        let consent = amira.consent.as_ref().unwrap();
        assert_eq!(consent.date.to_string(), "2024-03-01");
        assert_eq!(consent.purpose, "Mentoring and reports to funders");

        let taras = &clients[1];
        assert_eq!(taras.name, "Тарас Шевченко");
        assert_eq!(taras.languages, ["ukrainian", "russian"]);
        assert_eq!(taras.status, ClientStatus::Paused);
        assert_eq!(
            taras.created_at,
            Utc.with_ymd_and_hms(2025, 1, 15, 0, 0, 0).unwrap()
        );
        assert_eq!(
            (taras.education.as_ref(), taras.consent.as_ref()),
            (None, None)
        );

        let lan = &clients[2];
        assert_eq!(lan.name, "Nguyễn Thị Lan");
        assert_eq!(lan.created_at, now());
        assert_eq!(lan.gender, Gender::Unspecified);
    }

    #[test]
    fn norwegian_excel_export_with_semicolons_bom_and_crlf() {
        let input = include_bytes!("../../tests/fixtures/import/clients-excel-no.csv");
        assert!(input.starts_with(BOM));
        let clients = streamed(input, now()).unwrap();
        let names: Vec<&str> = clients.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Hodan Warsame", "Ali Reza, Jr."]);
        assert_eq!(clients[0].languages, ["somali", "norsk"]);
        assert_eq!(clients[0].municipality.as_deref(), Some("Bærum"));
        assert_eq!(clients[0].birth_year, Some(1990));
        assert_eq!(clients[1].phone, None);
    }

    #[test]
    fn bom_before_a_comma_header() {
        let clients = streamed(b"\xEF\xBB\xBFname,email\nAli,ali@example.no\n", now()).unwrap();
        assert_eq!(clients[0].name, "Ali");
    }

    #[test]
    fn every_bad_row_is_listed_with_its_spreadsheet_row() {
        let errors = streamed(
            include_bytes!("../../tests/fixtures/import/clients-bad-rows.csv"),
            now(),
        )
        .unwrap_err();
        assert_eq!(
            errors.to_string(),
            "3 of 5 rows were refused; nothing was imported:\n\
             row 3: email: 'ali.example.no' has no @; an address like name@example.no\n\
             row 4: name: is empty; 1 to 200 characters\n\
             row 5: birth_year: '19x0' is not a whole number; a year such as 1985\n\
             row 5: gender: 'female' is not known; one of unspecified, woman, man, other"
        );
    }

    #[test]
    fn a_cell_with_line_breaks_is_one_row() {
        let input = "name,dream\nAli,\"a cafe\nwith two lines\"\nSara,x\nLan,\"kebab\"\n,bakery\n";
        assert!(
            refusal(input.as_bytes()).ends_with("\nrow 5: name: is empty; 1 to 200 characters")
        );
    }

    #[test]
    fn unknown_missing_and_duplicate_columns() {
        let unknown = refusal(b"name,epost\nAli,ali@example.no\n");
        assert!(unknown.starts_with("the header row (row 1) was refused; nothing was imported:\n"));
        assert!(unknown.contains("column 2: 'epost' is not a client field; the accepted columns are name, gender, birth_year,"));
        assert!(unknown.contains("consent_date, consent_purpose"));

        assert!(refusal(b"email\nali@example.no\n").contains("there is no 'name' column"));
        assert!(refusal(b"name, Name \nAli,Ali\n").contains("column 2: 'Name' appears twice"));
        assert_eq!(
            refusal(b"name,,\nAli,,\nSara,,x\n"),
            "1 of 2 rows was refused; nothing was imported:\n\
             row 3: column 3 has no name in the header row, but this row has a value in it; name the column or delete it"
        );
    }

    #[test]
    fn forgiving_header_spelling() {
        let clients = streamed(
            b" NAME ,Birth Year,consent-date,Consent purpose\nAli,1985,2026-01-02,mentoring\n",
            now(),
        )
        .unwrap();
        assert_eq!(clients[0].birth_year, Some(1985));
        assert!(clients[0].consent.is_some());
    }

    #[test]
    fn invalid_utf8_and_wrong_cell_counts_are_row_errors() {
        let shown = refusal(b"name,municipality\nAli,B\xe6rum\nSara,Oslo\nLan,Oslo,extra\n");
        assert_eq!(
            shown,
            "2 of 3 rows were refused; nothing was imported:\n\
             row 2: municipality: is not valid UTF-8 text; save the file as UTF-8\n\
             row 4: has 3 cells but the header row has 2 columns; a cell that contains the separator needs quotes"
        );
    }

    #[test]
    fn one_cell_and_one_column_are_said_in_the_one_form() {
        assert_eq!(
            refusal(b"name,municipality\nAli\nSara,Oslo\n"),
            "1 of 2 rows was refused; nothing was imported:\n\
             row 2: has 1 cell but the header row has 2 columns; a cell that contains the separator needs quotes"
        );
        assert_eq!(
            refusal(b"name\nAli,Oslo\nSara\n"),
            "1 of 2 rows was refused; nothing was imported:\n\
             row 2: has 2 cells but the header row has 1 column; a cell that contains the separator needs quotes"
        );
    }

    #[test]
    fn a_megabyte_name_is_refused_not_a_panic() {
        let mut input = b"name,email\n\"".to_vec();
        input.extend(std::iter::repeat_n(b'a', 1_000_000));
        input.extend(b"\",a@example.no\n");
        let shown = refusal(&input);
        assert!(
            shown.contains("row 2: name: is 1000000 characters long; 1 to 200 characters"),
            "{shown:.200}"
        );
        assert!(shown.len() < 400);
    }

    #[test]
    fn no_rows() {
        assert!(refusal(b"").contains("has no rows"));
        assert!(refusal(b"\xEF\xBB\xBF").contains("has no rows"));
        assert!(refusal(b"name,email\n").contains("no client rows"));
        assert!(refusal(b"name,email\r\n,\r\n , \r\n").contains("no client rows"));
    }

    #[test]
    fn empty_rows_are_skipped() {
        let clients = streamed(b"name,email\nAli,\n,\n\nSara, \n", now()).unwrap();
        assert_eq!(clients.len(), 2);
    }

    #[test]
    fn cells_that_do_not_parse() {
        let shown = refusal(
            b"name,status,created_at,advisor,consent_purpose,arrived_year\n\
              Ali,gone,yesterday,Kari Nordmann,mentoring,2030\n",
        );
        let lines: Vec<&str> = shown.lines().skip(1).collect();
        assert_eq!(lines.len(), 5, "{shown}");
        assert!(
            lines[0]
                .starts_with("row 2: status: 'gone' is not known; one of active, paused, closed")
        );
        assert!(lines[1].starts_with(
            "row 2: created_at: 'yesterday' is not a date; a date written YYYY-MM-DD or a time"
        ));
        assert!(lines[2].starts_with("row 2: advisor: 'Kari Nordmann' is not a username"));
        assert!(
            lines[3].starts_with("row 2: consent_date: is empty while consent_purpose is given")
        );
        assert!(lines[4].starts_with("row 2: arrived_year: 2030 is out of range"));
    }
}
