//! The export document as JSON: writing it, and reading it back with every record checked,
//! in passes over the file that each hold one record at a time.
use std::io::{self, Read};

use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::check::{Checker, Plan};
use super::document::{Document, FORMAT, VERSION};
use super::errors::ImportErrors;
use super::stream::{self, Hashing, Item, Opening, Sink, Stopped};

/// The document's fields, pretty-printed in their declared order, with a final newline.
pub fn to_json(doc: &Document) -> String {
    // Only a failing Serialize impl or a non-string map key can make this fail; a Document has neither.
    let mut json = serde_json::to_string_pretty(doc)
        .unwrap_or_else(|e| unreachable!("a Document always serialises: {e}"));
    json.push('\n');
    json
}

/// Reads a document held in memory and refuses it, with every reason, unless all its records
/// can be imported.
pub fn parse_document(input: &[u8]) -> Result<Document, ImportErrors> {
    let open = || Ok::<_, io::Error>(input);
    check_stream(&open, Utc::now().date_naive())?;
    let reader = stream::without_bom(input).map_err(unreadable)?;
    serde_json::from_reader(reader).map_err(unfit)
}

fn unreadable(e: io::Error) -> ImportErrors {
    ImportErrors::one(format!("cannot read the document: {e}"))
}

fn unfit(e: serde_json::Error) -> ImportErrors {
    if e.is_io() {
        ImportErrors::one(format!("cannot read the document: {e}"))
    } else {
        ImportErrors::one(format!(
            "the document does not fit the veileder format: {e}"
        ))
    }
}

/// What the checking passes found: how to write the document, and the fingerprint of the bytes
/// they read, which the writing pass must read again.
pub struct Checked {
    pub plan: Plan,
    fingerprint: u64,
}

/// Reads the document that `open` gives, as often as needed, and refuses it, with every reason,
/// unless all its records can be imported. Holds one record at a time, and the ids.
pub fn check_stream<R: Read>(
    open: &impl Fn() -> io::Result<R>,
    today: NaiveDate,
) -> Result<Checked, ImportErrors> {
    let opening = match stream::opening(open().map_err(unreadable)?).map_err(unreadable)? {
        Err(byte) => {
            return Err(ImportErrors::one(format!(
                "the document is not valid UTF-8 text (byte {byte}); save it as UTF-8"
            )));
        }
        Ok(Opening::Empty) => {
            return Err(ImportErrors::one(
                "the file is empty; expected a veileder JSON document",
            ));
        }
        Ok(opening) => opening,
    };
    // Format and version first, so that a newer document is refused for what it is,
    // not for a field this version does not know.
    let text = stream::without_bom(open().map_err(unreadable)?).map_err(unreadable)?;
    match serde_json::from_reader::<_, Header>(text) {
        Err(e) if e.is_io() => return Err(unfit(e)),
        Err(e) if !e.is_data() => return Err(ImportErrors::one(format!("not JSON: {e}"))),
        // Serde also reads a struct from an array; a document is an object.
        _ if opening != Opening::Starts('{') => {
            return Err(ImportErrors::one(format!(
                "not a veileder document: expected a JSON object with \"format\": \"{FORMAT}\""
            )));
        }
        Err(e) => return Err(ImportErrors::one(format!("not a veileder document: {e}"))),
        Ok(header) => header.check().map_err(ImportErrors::one)?,
    }
    let mut checker = Checker::new(today);
    let mut read = Hashing::new(open().map_err(unreadable)?);
    match stream::stream(
        stream::without_bom(&mut read).map_err(unreadable)?,
        &mut checker,
    ) {
        Ok(()) => {}
        Err(Stopped::Json(e)) => return Err(unfit(e)),
        Err(Stopped::Sink(never)) => match never {},
    }
    Ok(Checked {
        plan: checker.finish()?,
        fingerprint: read.hash(),
    })
}

/// Why the writing pass stopped.
pub enum Replay<E> {
    Refused(ImportErrors),
    Sink(E),
}

/// Hands every record of the checked document to `sink`, reading it once more; refuses it if
/// the bytes are not those that were checked.
pub fn replay<R: Read, S: Sink>(
    open: &impl Fn() -> io::Result<R>,
    checked: &Checked,
    sink: &mut S,
) -> Result<(), Replay<S::Error>> {
    let refused = |e| Replay::Refused(unreadable(e));
    let mut read = Hashing::new(open().map_err(refused)?);
    match stream::stream(stream::without_bom(&mut read).map_err(refused)?, sink) {
        Ok(()) => {}
        Err(Stopped::Json(e)) => return Err(Replay::Refused(unfit(e))),
        Err(Stopped::Sink(e)) => return Err(Replay::Sink(e)),
    }
    if read.hash() != checked.fingerprint {
        return Err(Replay::Refused(ImportErrors::one(
            "the file changed while it was imported; nothing was imported, import it again",
        )));
    }
    Ok(())
}

/// Only the fields that say what the document is; any JSON value is taken, to be explained.
#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
}

impl Header {
    fn check(&self) -> Result<(), String> {
        match &self.format {
            Some(Value::String(format)) => check_format(format)?,
            Some(other) => check_format(&other.to_string())?,
            None => {
                return Err(format!(
                    "not a veileder document: it has no \"format\": \"{FORMAT}\""
                ));
            }
        }
        match &self.version {
            Some(version) => match version.as_u64() {
                Some(v) => check_version(v),
                None => Err(format!(
                    "version {version} is not a document version; expected 1 to {VERSION}"
                )),
            },
            None => Err("the document has no \"version\"".to_string()),
        }
    }
}

fn check_format(format: &str) -> Result<(), String> {
    if format == FORMAT {
        Ok(())
    } else {
        Err(format!(
            "not a veileder document: format is '{format}', expected '{FORMAT}'"
        ))
    }
}

fn check_version(version: u64) -> Result<(), String> {
    if version > u64::from(VERSION) {
        Err(format!(
            "written by a newer veileder (document version {version}, this one reads up to {VERSION}); upgrade to read it"
        ))
    } else if version == 0 {
        Err(format!(
            "version 0 is not a document version; expected 1 to {VERSION}"
        ))
    } else {
        Ok(())
    }
}

/// Every record valid, every id unique per kind, every reference to a record in the document.
/// Advisors named by clients or sessions need not be listed: the importer creates them.
pub fn check_document(doc: &Document, today: NaiveDate) -> Result<(), ImportErrors> {
    let mut checker = Checker::new(today);
    checker.header_problem_if(check_format(&doc.format));
    checker.header_problem_if(check_version(u64::from(doc.version)));
    let lists = doc
        .advisors
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, r)| (i, Item::Advisor(r)))
        .chain(enumerated(&doc.clients, |c| Item::Client(Box::new(c))))
        .chain(enumerated(&doc.ventures, Item::Venture))
        .chain(enumerated(&doc.sessions, Item::Session))
        .chain(enumerated(&doc.next_steps, Item::NextStep))
        .chain(enumerated(&doc.milestones, Item::Milestone));
    for (index, item) in lists {
        match checker.take(index, item) {
            Ok(()) => {}
            Err(never) => match never {},
        }
    }
    checker.finish().map(drop)
}

fn enumerated<T: Clone>(
    records: &[T],
    wrap: fn(T) -> Item,
) -> impl Iterator<Item = (usize, Item)> + '_ {
    records.iter().cloned().map(wrap).enumerate()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Advisor, Channel, Client, Consent, Gender, Milestone, MilestoneKind, NextStep, OrgNr,
        Owner, Role, Session, Stage, Venture, VentureKind,
    };
    use chrono::{DateTime, TimeZone};

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 9, 30, 0).unwrap()
    }

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn sample() -> Document {
        let mut doc = Document::empty(at(20));
        doc.advisors.push(Advisor {
            username: "kari".into(),
            name: "Kari Nordmann".into(),
            role: Role::Lead,
            keys: vec!["ssh-ed25519 AAAAC3Nza kari@laptop".into()],
        });
        let mut amira = Client::new(1, "أميرة حداد", at(1));
        amira.gender = Gender::Woman;
        amira.birth_year = Some(1988);
        amira.languages = vec!["arabic".into(), "norsk".into()];
        amira.email = Some("amira@example.no".into());
        amira.advisor = Some("kari".into());
        amira.consent = Some(Consent {
            date: date(1),
            purpose: "mentoring".into(),
            withdrawn: None,
        });
        doc.clients.push(amira);
        doc.clients.push(Client::new(2, "Тарас Шевченко", at(2)));
        doc.ventures.push(Venture {
            id: 10,
            client_id: 1,
            name: "Bakeri Haddad".into(),
            kind: VentureKind::New,
            sector: Some("food".into()),
            stage: Stage::Registered,
            org_nr: Some(OrgNr::parse("923609016").unwrap()),
            stage_by_hand: false,
        });
        doc.sessions.push(Session {
            id: 20,
            client_id: 1,
            advisor: "kari".into(),
            started_at: at(3),
            minutes: Some(25),
            channel: Channel::Phone,
            topics: vec!["finance".into()],
            notes: "Budget for the oven.\nCall the bank.".into(),
            motivation: Some(4),
            competence: [("finance & budgeting".to_string(), 3)].into(),
        });
        doc.next_steps.push(NextStep {
            id: 30,
            client_id: 1,
            text: "Call the bank".into(),
            owner: Owner::Client,
            due: Some(date(10)),
            done_on: None,
        });
        doc.milestones.push(Milestone {
            id: 40,
            client_id: 1,
            venture_id: 10,
            kind: MilestoneKind::Funding,
            date: date(15),
            amount_nok: Some(150_000),
            jobs: None,
            note: Some("Innovasjon Norge".into()),
        });
        doc
    }

    fn refusal(input: &str) -> String {
        parse_document(input.as_bytes()).unwrap_err().to_string()
    }

    fn problems(doc: &Document) -> Vec<String> {
        check_document(doc, today())
            .unwrap_err()
            .problems()
            .to_vec()
    }

    #[test]
    fn round_trip() {
        let doc = sample();
        let json = to_json(&doc);
        assert!(
            json.starts_with(
                "{\n  \"format\": \"veileder\",\n  \"version\": 1,\n  \"exported_at\""
            )
        );
        assert!(json.ends_with("}\n"));
        assert_eq!(parse_document(json.as_bytes()).unwrap(), doc);
        assert_eq!(to_json(&parse_document(json.as_bytes()).unwrap()), json);
    }

    #[test]
    fn the_fixture_document_reads() {
        let doc =
            parse_document(include_bytes!("../../tests/fixtures/import/document.json")).unwrap();
        assert_eq!(doc, sample());
    }

    #[test]
    fn optional_fields_and_lists_may_be_missing() {
        let doc = parse_document(
            br#"{"format": "veileder", "version": 1, "exported_at": "2026-03-20T09:30:00Z",
                 "clients": [{"id": 1, "name": "Ana", "created_at": "2026-01-01T00:00:00Z"}]}"#,
        )
        .unwrap();
        assert_eq!(doc.clients[0].name, "Ana");
        assert!(doc.sessions.is_empty());
    }

    #[test]
    fn refuses_what_is_not_a_veileder_document() {
        assert_eq!(
            refusal(r#"{"format": "other", "version": 1}"#),
            "not a veileder document: format is 'other', expected 'veileder'"
        );
        assert_eq!(
            refusal(r#"{"version": 1}"#),
            "not a veileder document: it has no \"format\": \"veileder\""
        );
        assert!(refusal("[1, 2]").starts_with("not a veileder document: expected a JSON object"));
        assert_eq!(
            refusal("{\"format\": \"veileder\",\n  nope}"),
            "not JSON: key must be a string at line 2 column 3"
        );
        assert!(refusal(" \n").starts_with("the file is empty"));
        assert_eq!(
            refusal(r#"{"format": "veileder", "format": "veileder"}"#),
            "not a veileder document: duplicate field `format` at line 1 column 32"
        );
    }

    #[test]
    fn refuses_a_newer_version_whatever_its_shape() {
        let shown = refusal(r#"{"format": "veileder", "version": 2, "clients": {"new": "shape"}}"#);
        assert_eq!(
            shown,
            "written by a newer veileder (document version 2, this one reads up to 1); upgrade to read it"
        );
        assert!(
            refusal(r#"{"format": "veileder", "version": "1"}"#)
                .starts_with("version \"1\" is not")
        );
    }

    #[test]
    fn a_missing_required_field_says_which_and_where() {
        let shown = refusal(
            "{\"format\": \"veileder\", \"version\": 1, \"exported_at\": \"2026-03-20T09:30:00Z\",\n\
             \"clients\": [{\"id\": 1, \"created_at\": \"2026-01-01T00:00:00Z\"}]}",
        );
        assert!(
            shown.starts_with(
                "the document does not fit the veileder format: missing field `name` at line 2"
            ),
            "{shown}"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(refusal(&"[".repeat(100_000)).contains("recursion limit exceeded"));
        assert!(refusal(&deep(100_000)).contains("recursion limit exceeded"));
        let within = |field: &str| {
            format!(
                r#"{{"format": "veileder", "version": 1, "exported_at": "2026-03-20T09:30:00Z", "{field}": {}}}"#,
                deep(100_000)
            )
        };
        assert!(
            refusal(&within("clients"))
                .starts_with("the document does not fit the veileder format: invalid type")
        );
        // serde_json skips unknown fields without recursing, and a later version may add fields.
        assert!(parse_document(within("x").as_bytes()).is_ok());
    }

    #[test]
    fn invalid_utf8_is_refused() {
        let shown = parse_document(b"{\"format\": \"veil\xffder\"}")
            .unwrap_err()
            .to_string();
        assert_eq!(
            shown,
            "the document is not valid UTF-8 text (byte 17); save it as UTF-8"
        );
    }

    #[test]
    fn broken_references_are_all_named() {
        let mut doc = sample();
        doc.sessions[0].client_id = 99;
        doc.ventures.push(Venture {
            id: 11,
            client_id: 2,
            ..doc.ventures[0].clone()
        });
        doc.milestones.push(Milestone {
            id: 41,
            venture_id: 11,
            ..doc.milestones[0].clone()
        });
        doc.milestones.push(Milestone {
            id: 42,
            venture_id: 12,
            ..doc.milestones[0].clone()
        });
        doc.next_steps.push(NextStep {
            client_id: 3,
            ..doc.next_steps[0].clone()
        });
        doc.clients.push(Client::new(2, "Lan", at(4)));
        doc.advisors.push(doc.advisors[0].clone());
        assert_eq!(
            problems(&doc),
            [
                "advisors[1] (kari): username 'kari' is also used by advisors[0]",
                "clients[2] (id 2): id 2 is also used by clients[1]",
                "sessions[0] (id 20): client_id 99 is not a client in the document",
                "next_steps[1] (id 30): id 30 is also used by next_steps[0]",
                "next_steps[1] (id 30): client_id 3 is not a client in the document",
                "milestones[1] (id 41): venture_id 11 belongs to client 2, not to client_id 1",
                "milestones[2] (id 42): venture_id 12 is not a venture in the document",
            ]
        );
        let shown = check_document(&doc, today()).unwrap_err().to_string();
        assert!(
            shown.starts_with("the document was refused for 7 problems; nothing was imported:\n")
        );
    }

    #[test]
    fn invalid_records_are_named() {
        let mut doc = sample();
        doc.clients[1].email = Some("taras.example.no".into());
        doc.sessions[0].motivation = Some(9);
        doc.milestones[0].amount_nok = None;
        doc.advisors[0].username = "kari nordmann".into();
        let found = problems(&doc);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].starts_with(
            "advisors[0] (kari nordmann): username: 'kari nordmann' is not a username"
        ));
        assert_eq!(
            found[1],
            "clients[1] (id 2): email: 'taras.example.no' has no @; an address like name@example.no"
        );
        assert!(found[2].starts_with("sessions[0] (id 20): motivation: 9 is out of range"));
        assert!(
            found[3].starts_with("milestones[0] (id 40): amount_nok: is missing for 'funding'")
        );
    }

    #[test]
    fn advisors_not_listed_are_allowed() {
        let mut doc = sample();
        doc.advisors.clear();
        doc.sessions[0].advisor = "ola".into();
        assert_eq!(check_document(&doc, today()), Ok(()));
    }

    #[test]
    fn many_problems_are_capped_in_the_message() {
        let mut doc = sample();
        for id in 100..160 {
            doc.next_steps.push(NextStep {
                id,
                client_id: 99,
                ..doc.next_steps[0].clone()
            });
        }
        let shown = check_document(&doc, today()).unwrap_err().to_string();
        assert_eq!(shown.lines().count(), 52);
        assert!(shown.ends_with("\n… and 10 more"));
    }
}
