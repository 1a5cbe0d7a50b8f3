//! Plain-text output of the command line: aligned tables that fit 80 columns, user text inert.
use crate::domain::text::{inert, truncate, width};

pub const WIDTH: usize = 80;

pub struct Table {
    columns: Columns,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&'static str]) -> Self {
        Table {
            columns: Columns::new(headers),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|c| inert(&c, false).into_owned())
                .collect(),
        );
    }

    /// The table in at most `max` columns: the widest columns give way first, cut with `…`.
    pub fn render(&self, max: usize) -> String {
        let mut columns = self.columns.clone();
        for row in &self.rows {
            columns.measure(row);
        }
        columns.fit(max);
        let mut out = columns.heading();
        for row in &self.rows {
            out.push_str(&columns.line(row));
        }
        out
    }
}

/// A table's columns, for output too long to hold: measured over every row first, then
/// written a row at a time.
#[derive(Clone)]
pub struct Columns {
    headers: Vec<&'static str>,
    widths: Vec<usize>,
}

impl Columns {
    pub fn new(headers: &[&'static str]) -> Self {
        Columns {
            headers: headers.to_vec(),
            widths: headers.iter().map(|h| width(h)).collect(),
        }
    }

    pub fn measure(&mut self, cells: &[String]) {
        for (w, cell) in self.widths.iter_mut().zip(cells) {
            *w = (*w).max(width(&inert(cell, false)));
        }
    }

    /// Narrows to at most `max` columns: the widest columns give way first.
    pub fn fit(&mut self, max: usize) {
        let gaps = 2 * self.widths.len().saturating_sub(1);
        while self.widths.iter().sum::<usize>() + gaps > max {
            let Some((widest, w)) = self
                .widths
                .iter()
                .copied()
                .enumerate()
                .max_by_key(|(_, w)| *w)
            else {
                break;
            };
            if w <= 6 {
                break;
            }
            self.widths[widest] = w - 1;
        }
    }

    pub fn heading(&self) -> String {
        let headers: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        self.line(&headers)
    }

    /// One row, its cells made inert and cut to their column, ending in a newline.
    pub fn line(&self, cells: &[String]) -> String {
        let n = self.widths.len();
        let mut text = String::new();
        for (i, w) in self.widths.iter().enumerate() {
            let cell = cells.get(i).map(|c| inert(c, false)).unwrap_or_default();
            let cut = truncate(&cell, *w);
            text.push_str(&cut);
            if i + 1 < n {
                text.push_str(&" ".repeat(w - width(&cut) + 2));
            }
        }
        let mut line = text.trim_end().to_string();
        line.push('\n');
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_and_aligns() {
        let mut t = Table::new(&["ID", "NAME", "NOTE"]);
        t.row(vec!["1".into(), "王芳".into(), "short".into()]);
        t.row(vec!["22".into(), "Ana".into(), "x".repeat(200)]);
        let text = t.render(40);
        for line in text.lines() {
            assert!(width(line) <= 40, "{line}");
        }
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "ID  NAME  NOTE");
        assert!(lines[1].starts_with("1   王芳  short"));
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn control_characters_are_inert() {
        let mut t = Table::new(&["NAME"]);
        t.row(vec!["evil\u{1b}[2J".into()]);
        assert!(!t.render(80).contains('\u{1b}'));
    }
}
