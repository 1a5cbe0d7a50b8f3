//! Reading the export document record by record: each record goes to a `Sink` as soon as it is
//! parsed, so a national centre's document is never held in memory whole.
use std::fmt;
use std::hash::Hasher as _;
use std::io::{self, Read};
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use serde::de::{DeserializeSeed, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::domain::{Advisor, Client, Milestone, NextStep, Session, Venture};

/// One record of the document, as it arrives.
pub enum Item {
    Advisor(Advisor),
    Client(Box<Client>),
    Venture(Venture),
    Session(Session),
    NextStep(NextStep),
    Milestone(Milestone),
}

/// Takes the records of a document in the order they stand in it; `index` is the record's
/// place in its list.
pub trait Sink {
    type Error;
    fn take(&mut self, index: usize, item: Item) -> Result<(), Self::Error>;
}

/// Why a stream stopped: the JSON, or the sink.
pub enum Stopped<E> {
    Json(serde_json::Error),
    Sink(E),
}

/// Parses the document from `reader` (the BOM already skipped), handing every record to `sink`.
pub fn stream<R: Read, S: Sink>(reader: R, sink: &mut S) -> Result<(), Stopped<S::Error>> {
    let mut failed = None;
    let mut de = serde_json::Deserializer::from_reader(reader);
    let parsed = de
        .deserialize_map(DocVisitor {
            sink,
            failed: &mut failed,
        })
        .and_then(|()| de.end());
    match (parsed, failed) {
        (_, Some(e)) => Err(Stopped::Sink(e)),
        (Err(e), None) => Err(Stopped::Json(e)),
        (Ok(()), None) => Ok(()),
    }
}

#[derive(Deserialize, Clone, Copy)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Field {
    Format,
    Version,
    ExportedAt,
    Advisors,
    Clients,
    Ventures,
    Sessions,
    NextSteps,
    Milestones,
    #[serde(other)]
    Other,
}

struct DocVisitor<'a, S: Sink> {
    sink: &'a mut S,
    failed: &'a mut Option<S::Error>,
}

impl<'de, S: Sink> Visitor<'de> for DocVisitor<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Document")
    }

    /// As serde's derive reads `Document`: the same errors, in the same places.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        const NAMES: [&str; 9] = [
            "format",
            "version",
            "exported_at",
            "advisors",
            "clients",
            "ventures",
            "sessions",
            "next_steps",
            "milestones",
        ];
        let mut seen = [false; 9];
        while let Some(field) = map.next_key::<Field>()? {
            if let Field::Other = field {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let at = field as usize;
            if std::mem::replace(&mut seen[at], true) {
                return Err(A::Error::duplicate_field(NAMES[at]));
            }
            let (sink, failed) = (&mut *self.sink, &mut *self.failed);
            match field {
                Field::Format => drop(map.next_value::<String>()?),
                Field::Version => drop(map.next_value::<u32>()?),
                Field::ExportedAt => drop(map.next_value::<DateTime<Utc>>()?),
                Field::Advisors => map.next_value_seed(List::new(sink, failed, Item::Advisor))?,
                Field::Clients => {
                    map.next_value_seed(List::new(sink, failed, |c| Item::Client(Box::new(c))))?
                }
                Field::Ventures => map.next_value_seed(List::new(sink, failed, Item::Venture))?,
                Field::Sessions => map.next_value_seed(List::new(sink, failed, Item::Session))?,
                Field::NextSteps => {
                    map.next_value_seed(List::new(sink, failed, Item::NextStep))?;
                }
                Field::Milestones => {
                    map.next_value_seed(List::new(sink, failed, Item::Milestone))?;
                }
                Field::Other => {}
            }
        }
        for at in 0..3 {
            if !seen[at] {
                return Err(A::Error::missing_field(NAMES[at]));
            }
        }
        Ok(())
    }
}

/// One list of records, each handed on as it is parsed.
struct List<'a, S: Sink, T> {
    sink: &'a mut S,
    failed: &'a mut Option<S::Error>,
    wrap: fn(T) -> Item,
    kind: PhantomData<T>,
}

impl<'a, S: Sink, T> List<'a, S, T> {
    fn new(sink: &'a mut S, failed: &'a mut Option<S::Error>, wrap: fn(T) -> Item) -> Self {
        List {
            sink,
            failed,
            wrap,
            kind: PhantomData,
        }
    }
}

impl<'de, S: Sink, T: Deserialize<'de>> DeserializeSeed<'de> for List<'_, S, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, S: Sink, T: Deserialize<'de>> Visitor<'de> for List<'_, S, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(record) = seq.next_element::<T>()? {
            if let Err(e) = self.sink.take(index, (self.wrap)(record)) {
                *self.failed = Some(e);
                return Err(A::Error::custom("stopped by the sink"));
            }
            index += 1;
        }
        Ok(())
    }
}

const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// `reader` without a leading byte order mark.
pub fn without_bom<R: Read>(mut reader: R) -> io::Result<io::Chain<io::Cursor<Vec<u8>>, R>> {
    let mut start = [0u8; 3];
    let mut filled = 0;
    while filled < 3 {
        match reader.read(&mut start[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    let kept = if start[..filled] == BOM {
        Vec::new()
    } else {
        start[..filled].to_vec()
    };
    Ok(io::Cursor::new(kept).chain(reader))
}

/// Reads through `inner`, hashing every byte: two passes over a file read the same document
/// only if their hashes agree.
pub struct Hashing<R> {
    inner: R,
    hasher: std::collections::hash_map::DefaultHasher,
}

impl<R: Read> Hashing<R> {
    pub fn new(inner: R) -> Self {
        Hashing {
            inner,
            hasher: Default::default(),
        }
    }

    pub fn hash(&self) -> u64 {
        self.hasher.finish()
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.write(&buf[..n]);
        Ok(n)
    }
}

/// What the first bytes of a document say before it is parsed.
#[derive(Debug, PartialEq, Eq)]
pub enum Opening {
    /// Nothing but white space.
    Empty,
    /// The first character that is not white space.
    Starts(char),
}

/// Reads the whole input once: refuses bytes that are not UTF-8 (saying at which byte, counted
/// from the start of the file) and tells how the text after an optional BOM opens.
pub fn opening<R: Read>(mut reader: R) -> Result<Result<Opening, usize>, io::Error> {
    let mut buf = vec![0u8; 1 << 16];
    let (mut carried, mut offset, mut first) = (0usize, 0usize, None);
    loop {
        let n = reader.read(&mut buf[carried..])?;
        let end = carried + n;
        let (valid, bad) = match std::str::from_utf8(&buf[..end]) {
            Ok(text) => (text, None),
            Err(e) => {
                let text = std::str::from_utf8(&buf[..e.valid_up_to()]).unwrap_or_default();
                (text, Some((e.valid_up_to(), e.error_len())))
            }
        };
        if first.is_none() {
            let text = if offset == 0 {
                valid.strip_prefix('\u{FEFF}').unwrap_or(valid)
            } else {
                valid
            };
            first = text.chars().find(|c| !c.is_whitespace());
        }
        match bad {
            // A broken sequence, or an incomplete one at the very end of the input.
            Some((at, Some(_))) => return Ok(Err(offset + at + 1)),
            Some((at, None)) if n == 0 => return Ok(Err(offset + at + 1)),
            Some((at, None)) => {
                buf.copy_within(at..end, 0);
                carried = end - at;
                offset += at;
            }
            None if n == 0 => break,
            None => {
                carried = 0;
                offset += end;
            }
        }
    }
    Ok(Ok(first.map_or(Opening::Empty, Opening::Starts)))
}
