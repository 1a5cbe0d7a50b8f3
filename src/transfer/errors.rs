//! Why an import was refused: a first line, then one line per problem.
use std::fmt;

use crate::domain::text::inert;
use crate::i18n::{CsvText, Lang};

/// How many problems Display lists before it only counts the rest.
const SHOWN: usize = 50;
/// Problem lines echo the refused value, which may be a megabyte long.
const LINE_MAX: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportErrors {
    summary: String,
    problems: Vec<String>,
    /// Problems found beyond those kept, only counted.
    unlisted: usize,
    lang: Lang,
}

/// Problems as they are found: the lines that will be shown, and a count of the rest, so a file
/// refused on every one of its rows holds a screenful of lines, not a line per row.
#[derive(Debug, Default)]
pub struct Listing {
    shown: Vec<String>,
    unlisted: usize,
}

impl Listing {
    pub fn push(&mut self, line: String) {
        if self.shown.len() < SHOWN {
            self.shown.push(clip(line));
        } else {
            self.unlisted += 1;
        }
    }
}

impl ImportErrors {
    /// A refusal that one line explains.
    pub fn one(message: impl Into<String>) -> Self {
        ImportErrors {
            summary: clip(message.into()),
            problems: Vec::new(),
            unlisted: 0,
            lang: Lang::En,
        }
    }

    /// A refusal with a list of problems, each one line.
    pub fn many(summary: impl Into<String>, problems: Vec<String>) -> Self {
        ImportErrors {
            summary: clip(summary.into()),
            problems: problems.into_iter().map(clip).collect(),
            unlisted: 0,
            lang: Lang::En,
        }
    }

    /// A refusal with the problems of a listing, said in `lang`.
    pub fn listed(summary: impl Into<String>, listing: Listing, lang: Lang) -> Self {
        ImportErrors {
            summary: clip(summary.into()),
            problems: listing.shown,
            unlisted: listing.unlisted,
            lang,
        }
    }

    pub fn summary(&self) -> &str {
        &self.summary
    }

    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// Lines echo values from the file: control characters must not act on the terminal, and of a
/// long line the start and the end are kept, since the end says what is accepted.
fn clip(line: String) -> String {
    let line = inert(&line, false).into_owned();
    let count = line.chars().count();
    if count <= LINE_MAX {
        return line;
    }
    let keep_end = LINE_MAX / 2;
    let head: String = line.chars().take(LINE_MAX - keep_end).collect();
    let tail: String = line.chars().skip(count - keep_end).collect();
    format!("{head} … {tail}")
}

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary)?;
        for problem in self.problems.iter().take(SHOWN) {
            write!(f, "\n{problem}")?;
        }
        let more = self.problems.len().saturating_sub(SHOWN) + self.unlisted;
        if more > 0 {
            write!(f, "\n{}", self.lang.f(CsvText::More, &[("n", &more)]))?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_first_fifty_then_counts() {
        let problems = (1..=53).map(|i| format!("row {i}: bad")).collect();
        let shown = ImportErrors::many("53 rows were refused", problems).to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 52);
        assert_eq!(lines[0], "53 rows were refused");
        assert_eq!(lines[50], "row 50: bad");
        assert_eq!(lines[51], "… and 3 more");
    }

    #[test]
    fn a_listing_keeps_fifty_lines_and_counts_the_rest() {
        let mut listing = Listing::default();
        for i in 1..=100_000 {
            listing.push(format!("rad {i}: feil"));
        }
        let shown = ImportErrors::listed("avvist", listing, Lang::Nb);
        assert_eq!(shown.problems().len(), 50);
        let text = shown.to_string();
        assert_eq!(text.lines().nth(50), Some("rad 50: feil"));
        assert_eq!(text.lines().last(), Some("… og 99950 til"));
    }

    #[test]
    fn echoed_escape_sequences_are_inert() {
        let errors = ImportErrors::many(
            "x\u{1b}[2J",
            vec!["row 2: email: 'a\u{1b}]0;pwned\u{7}' has no @".into()],
        );
        assert!(
            !errors
                .to_string()
                .chars()
                .any(|c| c.is_control() && c != '\n')
        );
    }

    #[test]
    fn long_lines_keep_their_end() {
        let line = format!(
            "row 2: name: '{}' is long; 1 to 200 characters",
            "ж".repeat(1_000_000)
        );
        let errors = ImportErrors::many("1 row was refused", vec![line]);
        let clipped = &errors.problems()[0];
        assert!(clipped.chars().count() < LINE_MAX + 5);
        assert!(clipped.starts_with("row 2: name: 'жж"));
        assert!(clipped.ends_with("1 to 200 characters"));
    }
}
