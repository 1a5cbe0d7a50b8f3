//! The line a search hit shows: the words around the first match, the matches marked.
use std::ops::Range;

use super::search::PREFIX_MIN;
use crate::domain::text::fold;

const SNIPPET_CHARS: usize = 90;
/// How far into a text the first match is looked for: a book pasted into a note must not make
/// every keystroke of a search that shows it fold the whole book. Past this, the excerpt is the
/// text's beginning.
const SCAN_BYTES: usize = 64 * 1024;

/// A one-line excerpt of `text` around the first matched word, with the matches marked.
pub fn snippet(text: &str, words: &[String]) -> (String, Vec<Range<usize>>) {
    let mut end = text.len().min(SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let matches = |w: &str| {
        let f = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
        !f.is_empty()
            && words.iter().any(|q| {
                if q.chars().count() < PREFIX_MIN {
                    f == *q
                } else {
                    f.starts_with(q.as_str())
                }
            })
    };
    let spans: Vec<(usize, &str)> = flat
        .split(' ')
        .scan(0, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let first = spans.iter().position(|(_, w)| matches(w)).unwrap_or(0);
    let mut begin = first;
    let mut chars = 0;
    while begin > 0 && chars + spans[begin - 1].1.chars().count() < SNIPPET_CHARS / 3 {
        begin -= 1;
        chars += spans[begin].1.chars().count() + 1;
    }
    let mut out = String::new();
    let mut highlights = Vec::new();
    if begin > 0 {
        out.push_str("… ");
    }
    for (_, w) in spans.iter().skip(begin) {
        if out.chars().count() + w.chars().count() > SNIPPET_CHARS {
            out.push('…');
            break;
        }
        if matches(w) {
            highlights.push(out.len()..out.len() + w.len());
        }
        out.push_str(w);
        out.push(' ');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    (out, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_matches() {
        let (s, h) = snippet(
            "We talked about the Kebab bar budget and   the lease.",
            &["kebab".into()],
        );
        assert_eq!(&s[h[0].clone()], "Kebab");
        assert!(s.starts_with("We talked"));
    }

    #[test]
    fn a_huge_note_is_looked_into_only_as_far_as_its_first_pages() {
        let early = format!("Budget talk. {}", "Ærlig prat om lån. ".repeat(500_000));
        let (s, h) = snippet(&early, &["budget".into()]);
        assert_eq!(&s[h[0].clone()], "Budget");
        assert!(s.chars().count() <= SNIPPET_CHARS + 1);
        let late = format!("{} Budget talk.", "Ærlig prat om lån. ".repeat(500_000));
        let (s, h) = snippet(&late, &["budget".into()]);
        assert!(s.starts_with("Ærlig prat om lån."), "{s}");
        assert!(h.is_empty());
    }
}
