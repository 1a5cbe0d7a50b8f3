//! Where each key of a config file is, so that a message can point at `file:line`.
use std::ops::Range;
use std::path::PathBuf;

use toml::de::{DeTable, DeValue};

/// Where a config was read from, so that later checks (the key map) can report `file:line`.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub(super) path: Option<PathBuf>,
    /// Every key and list element of the file.
    pub(super) entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// Names of tables and keys, and indices in lists, from the top.
    pub(super) path: Vec<String>,
    pub(super) line: usize,
    /// From the key to the end of its value, to find which key a parse error is about.
    pub(super) span: Range<usize>,
}

/// Options with the same values are the same config, whichever file they came from.
impl PartialEq for Origin {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Origin {}

pub(super) fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count()
        + 1
}

pub(super) fn table_entries(
    text: &str,
    table: &DeTable<'_>,
    path: &mut Vec<String>,
    entries: &mut Vec<Entry>,
) {
    for (key, value) in table.iter() {
        path.push(key.get_ref().to_string());
        push_entry(text, path, key.span().start..value.span().end, entries);
        value_entries(text, value.get_ref(), path, entries);
        path.pop();
    }
}

fn value_entries(
    text: &str,
    value: &DeValue<'_>,
    path: &mut Vec<String>,
    entries: &mut Vec<Entry>,
) {
    match value {
        DeValue::Table(table) => table_entries(text, table, path, entries),
        DeValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(index.to_string());
                push_entry(text, path, item.span(), entries);
                value_entries(text, item.get_ref(), path, entries);
                path.pop();
            }
        }
        _ => {}
    }
}

fn push_entry(text: &str, path: &[String], span: Range<usize>, entries: &mut Vec<Entry>) {
    entries.push(Entry {
        path: path.to_vec(),
        line: line_at(text, span.start),
        span,
    });
}
