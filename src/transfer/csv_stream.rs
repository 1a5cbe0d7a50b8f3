//! Clients from a CSV file of any size, read in two passes: the first checks every row and keeps
//! only counts and the first problems, the second hands the clients over one at a time to be
//! written, and refuses the file if its bytes are not those the first pass checked.
use std::io::{self, Read};

use chrono::{DateTime, Utc};

use super::csv::{Tally, each_row};
use super::errors::ImportErrors;
use super::json::Replay;
use super::stream::Hashing;
use crate::domain::Client;
use crate::i18n::{CsvText, Lang};

/// What the checking pass found: how many clients, and the fingerprint of the bytes it read.
pub struct CheckedCsv {
    pub clients: usize,
    fingerprint: u64,
}

fn unreadable(lang: Lang) -> impl Fn(io::Error) -> ImportErrors {
    move |e| ImportErrors::one(lang.f(CsvText::Unreadable, &[("error", &e)]))
}

fn changed(lang: Lang) -> ImportErrors {
    ImportErrors::one(lang.t(CsvText::Changed))
}

/// Reads the file that `open` gives and refuses it, with the reasons in `lang`, unless every row
/// is a valid client. Holds one row at a time.
pub fn check_stream<R: Read>(
    open: &impl Fn() -> io::Result<R>,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<CheckedCsv, ImportErrors> {
    let mut read = Hashing::new(open().map_err(unreadable(lang))?);
    let mut tally = Tally::new(lang);
    each_row(&mut read, now, lang, |row, outcome| {
        tally.take(row, outcome);
        true
    })?;
    Ok(CheckedCsv {
        clients: tally.finish()?,
        fingerprint: read.hash(),
    })
}

/// Hands every client of the checked file to `take`, reading it once more; refuses the file if
/// it is no longer what was checked.
pub fn replay<R: Read, E>(
    open: &impl Fn() -> io::Result<R>,
    checked: &CheckedCsv,
    now: DateTime<Utc>,
    lang: Lang,
    mut take: impl FnMut(Client) -> Result<(), E>,
) -> Result<(), Replay<E>> {
    let mut read = Hashing::new(open().map_err(|e| Replay::Refused(unreadable(lang)(e)))?);
    let (mut failed, mut refused) = (None, false);
    each_row(&mut read, now, lang, |_, outcome| {
        match outcome.map(&mut take) {
            Ok(Ok(())) => true,
            Ok(Err(e)) => {
                failed = Some(e);
                false
            }
            Err(_) => {
                refused = true;
                false
            }
        }
    })
    .map_err(|_| Replay::Refused(changed(lang)))?;
    if let Some(e) = failed {
        return Err(Replay::Sink(e));
    }
    if refused || read.hash() != checked.fingerprint {
        return Err(Replay::Refused(changed(lang)));
    }
    Ok(())
}

/// The clients of `input` as the import reads them (every row checked, then handed over), or
/// the refusal in English.
#[cfg(test)]
pub(super) fn streamed(input: &[u8], now: DateTime<Utc>) -> Result<Vec<Client>, ImportErrors> {
    let open = || io::Result::Ok(input);
    let checked = check_stream(&open, now, Lang::En)?;
    let mut clients = Vec::new();
    let taken = replay(&open, &checked, now, Lang::En, |client| {
        clients.push(client);
        Ok::<(), std::convert::Infallible>(())
    });
    match taken {
        Ok(()) => Ok(clients),
        Err(Replay::Refused(e)) => Err(e),
        Err(Replay::Sink(never)) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::io::Cursor;

    use chrono::TimeZone;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
    }

    fn file(bytes: &'static [u8]) -> impl Fn() -> io::Result<Cursor<&'static [u8]>> {
        move || Ok(Cursor::new(bytes))
    }

    #[test]
    fn the_check_counts_the_clients_the_replay_hands_over() {
        let input = include_bytes!("../../tests/fixtures/import/clients-excel-no.csv");
        let checked = check_stream(&file(input), now(), Lang::En).unwrap();
        assert_eq!(checked.clients, 2);
        assert_eq!(streamed(input, now()).unwrap().len(), 2);
    }

    #[test]
    fn refusals_are_said_in_bokmal() {
        let input = b"name,email,municipality\nAli,ali.example.no,Oslo\nSara,,B\xe6rum\nLan,,Oslo,x\nOla,,\n";
        let refused = check_stream(&file(input), now(), Lang::Nb)
            .err()
            .unwrap()
            .to_string();
        assert_eq!(
            refused,
            "3 av 4 rader ble avvist; ingenting ble importert:\n\
             rad 2: email: 'ali.example.no' mangler @; en adresse som navn@example.no\n\
             rad 3: municipality: er ikke gyldig UTF-8-tekst; lagre filen som UTF-8\n\
             rad 4: har 4 celler, men overskriftsraden har 3 kolonner; en celle som inneholder skilletegnet, må stå i anførselstegn"
        );
        let header = check_stream(&file(b"navn,epost\nAli,a@b.no\n"), now(), Lang::Nb)
            .err()
            .unwrap()
            .to_string();
        assert!(
            header.starts_with("overskriftsraden (rad 1) ble avvist; ingenting ble importert:\nkolonne 1: 'navn' er ikke et klientfelt; kolonnene som godtas, er name, gender,"),
            "{header}"
        );
        assert!(header.ends_with("\ndet finnes ingen 'name'-kolonne; hver klient må ha et navn"));
        let empty = check_stream(&file(b"name\n\n"), now(), Lang::Nb)
            .err()
            .unwrap();
        assert_eq!(
            empty.to_string(),
            "filen har ingen klientrader under overskriftsraden; ingenting å importere"
        );
    }

    #[test]
    fn many_refused_rows_keep_fifty_lines_in_either_language() {
        let mut input = b"name,birth_year\n".to_vec();
        for _ in 0..5_000 {
            input.extend_from_slice(b"Ali,19x0\n");
        }
        let input: &'static [u8] = input.leak();
        let english = check_stream(&file(input), now(), Lang::En).err().unwrap();
        let text = english.to_string();
        assert!(text.starts_with("5000 of 5000 rows were refused; nothing was imported:\nrow 2: birth_year: '19x0' is not a whole number; a year such as 1985\n"));
        assert!(text.ends_with("\nrow 51: birth_year: '19x0' is not a whole number; a year such as 1985\n… and 4950 more"));
        let norsk = check_stream(&file(input), now(), Lang::Nb).err().unwrap();
        assert!(norsk.to_string().ends_with("\n… og 4950 til"));
    }

    #[test]
    fn a_file_that_changed_after_the_check_is_refused() {
        let passes = Cell::new(0);
        let open = || {
            passes.set(passes.get() + 1);
            let bytes: &[u8] = if passes.get() == 1 {
                b"name\nAli\nSara\n"
            } else {
                b"name\nAli\nSarah\n"
            };
            Ok(Cursor::new(bytes))
        };
        let checked = check_stream(&open, now(), Lang::En).unwrap();
        let refused = replay(&open, &checked, now(), Lang::Nb, |_| Ok::<(), ()>(()));
        let Err(Replay::Refused(e)) = refused else {
            panic!("a changed file was taken");
        };
        assert_eq!(
            e.to_string(),
            "filen ble endret mens den ble importert; ingenting ble importert, importer den på nytt"
        );

        // A row that was valid and no longer is says the same.
        let broken = Cell::new(0);
        let open = || {
            broken.set(broken.get() + 1);
            let bytes: &[u8] = if broken.get() == 1 {
                b"name\nAli\n"
            } else {
                b"name\n,x\n"
            };
            Ok(Cursor::new(bytes))
        };
        let checked = check_stream(&open, now(), Lang::En).unwrap();
        let refused = replay(&open, &checked, now(), Lang::En, |_| Ok::<(), ()>(()));
        assert!(
            matches!(refused, Err(Replay::Refused(e)) if e.to_string().contains("the file changed"))
        );
    }
}
