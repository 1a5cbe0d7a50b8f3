//! Plain-text output of the command line: aligned tables that fit 80 columns, user text inert.
use crate::domain::text::{inert, truncate, width};

pub const WIDTH: usize = 80;

pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&'static str]) -> Self {
        Table {
            headers: headers.to_vec(),
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
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(width(cell));
            }
        }
        let gaps = 2 * n.saturating_sub(1);
        while widths.iter().sum::<usize>() + gaps > max {
            let Some((widest, w)) = widths.iter().copied().enumerate().max_by_key(|(_, w)| *w)
            else {
                break;
            };
            if w <= 6 {
                break;
            }
            widths[widest] = w - 1;
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut text = String::new();
            for (i, w) in widths.iter().enumerate() {
                let cell = cells.get(i).map(String::as_str).unwrap_or("");
                let cut = truncate(cell, *w);
                text.push_str(&cut);
                if i + 1 < n {
                    text.push_str(&" ".repeat(w - width(&cut) + 2));
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(
            &self
                .headers
                .iter()
                .map(|h| h.to_string())
                .collect::<Vec<_>>(),
            &mut out,
        );
        for row in &self.rows {
            line(row, &mut out);
        }
        out
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
