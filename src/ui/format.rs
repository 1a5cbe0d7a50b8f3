//! Short renderings shared by screens: text cut to a display width, trends.
use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::text::inert;

/// One line of user text, safe to draw (control characters made visible) and at most `width`
/// columns wide, cut with `…` by display width so CJK, Arabic and emoji stay whole.
pub fn fit(text: &str, width: usize) -> String {
    let safe = inert(text, false);
    if safe.width() <= width {
        return safe.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in safe.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Like [`fit`], but keeps the end: for a filter being typed, where the cursor is.
pub fn fit_tail(text: &str, width: usize) -> Cow<'_, str> {
    let safe = inert(text, false);
    if safe.width() <= width {
        return safe;
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in safe.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    let start = if width > 0 { "…" } else { "" };
    Cow::Owned(start.chars().chain(kept.into_iter().rev()).collect())
}

/// Motivation 1–5 as a tiny sparkline, oldest first.
pub fn trend(values: &[u8]) -> String {
    const BARS: [char; 5] = ['▁', '▂', '▃', '▅', '▇'];
    values
        .iter()
        .map(|v| {
            BARS.get(usize::from(v.saturating_sub(1)))
                .copied()
                .unwrap_or(' ')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("Leyla Ahmadi", 20), "Leyla Ahmadi");
        assert_eq!(fit("Leyla Ahmadi", 6), "Leyla…");
        assert_eq!(fit("王芳王芳王芳", 7), "王芳王…");
        assert_eq!(fit("王芳王芳王芳", 6), "王芳…");
        assert_eq!(fit("محمد عبدالله", 5), "محمد…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("a\u{1b}[2Jb", 20), "a\u{241b}[2Jb");
        for width in 0..12 {
            assert!(
                fit("Nguyễn 王芳 😀 Жанна", width).width() <= width,
                "{width}"
            );
        }
    }

    #[test]
    fn fit_tail_keeps_the_end() {
        assert_eq!(fit_tail("amina oslo", 20), "amina oslo");
        assert_eq!(fit_tail("amina oslo", 5), "…oslo");
    }

    #[test]
    fn trend_draws_bars() {
        assert_eq!(trend(&[1, 2, 3, 4, 5]), "▁▂▃▅▇");
        assert_eq!(trend(&[]), "");
        assert_eq!(trend(&[0, 9]), "▁ ");
    }
}
