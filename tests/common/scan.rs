//! Looking for a person's bytes in a database file, in every form the store could keep them.
use veileder::domain::text::fold;

/// The forms of `needle` found in the file: as typed, lowercased, uppercased, or folded as the search
/// index stores it.
pub fn found_in(file: &[u8], needle: &str) -> Vec<String> {
    let lower_file = file.to_ascii_lowercase();
    let mut forms = vec![
        needle.to_string(),
        needle.to_lowercase(),
        needle.to_uppercase(),
        fold(needle),
    ];
    forms.dedup();
    forms
        .into_iter()
        .filter(|f| {
            let bytes = f.as_bytes();
            let hay: &[u8] = if f.is_ascii() { &lower_file } else { file };
            let probe = if f.is_ascii() {
                f.to_ascii_lowercase().into_bytes()
            } else {
                bytes.to_vec()
            };
            hay.windows(probe.len()).any(|w| w == probe.as_slice())
        })
        .collect()
}
