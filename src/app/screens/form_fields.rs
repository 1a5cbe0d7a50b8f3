//! One labelled field of a form: a single line of text with a cursor, or a choice that cycles
//! through a vocabulary. The cursor counts characters; drawing measures display width.
use crate::i18n::{Lang, value};

/// Longer than any rule accepts, so the rule's message shows instead of keys being swallowed.
const VALUE_MAX: usize = 1_000;

/// Which value of which record a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldName {
    Name,
    Phone,
    Email,
    Gender,
    BirthYear,
    Country,
    Languages,
    ArrivedYear,
    Municipality,
    Education,
    Experience,
    Dream,
    Tags,
    Pinned,
    Advisor,
    Status,
    ConsentDate,
    ConsentPurpose,
    ConsentWithdrawn,
    VentureName,
    Kind,
    Sector,
    Stage,
    OrgNr,
    StepText,
    Owner,
    Due,
    Date,
    Jobs,
    Amount,
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// One of these values; the empty string stands for "none" when it is among them.
    Choice(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Field {
    /// Its label and hint come from `i18n::field`, in the interface's language.
    pub name: FieldName,
    pub kind: FieldKind,
    value: String,
    /// In characters, 0..=value's character count.
    cursor: usize,
    /// The rule this value breaks, if any; shown once the field was changed or a save tried.
    pub error: Option<String>,
    pub touched: bool,
}

impl Field {
    pub fn text(name: FieldName, value: &str) -> Field {
        Field {
            name,
            kind: FieldKind::Text,
            value: value.to_string(),
            cursor: value.chars().count(),
            error: None,
            touched: false,
        }
    }

    /// A choice among `options`; a `value` not among them is added so that nothing is lost.
    pub fn choice(name: FieldName, mut options: Vec<String>, value: &str) -> Field {
        if !options.iter().any(|o| o == value) {
            options.push(value.to_string());
        }
        Field {
            kind: FieldKind::Choice(options),
            ..Field::text(name, value)
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_choice(&self) -> bool {
        matches!(self.kind, FieldKind::Choice(_))
    }

    /// Types `c` at the cursor; in a choice, jumps to the next option whose word in `lang` (as
    /// the form shows it) starts with it.
    pub fn type_char(&mut self, lang: Lang, c: char) -> bool {
        match &self.kind {
            FieldKind::Text if self.value.chars().count() < VALUE_MAX => {
                let at = self.byte_at(self.cursor);
                self.value.insert(at, c);
                self.cursor += 1;
                true
            }
            FieldKind::Text => false,
            FieldKind::Choice(options) => {
                let wanted: String = c.to_lowercase().collect();
                let current = options.iter().position(|o| *o == self.value).unwrap_or(0);
                let count = options.len();
                let found = (1..=count)
                    .map(|step| (current + step) % count)
                    .find(|&i| value(lang, &options[i]).to_lowercase().starts_with(&wanted));
                match found {
                    Some(i) => self.set_option(i),
                    None => false,
                }
            }
        }
    }

    pub fn backspace(&mut self) -> bool {
        if self.is_choice() || self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        let at = self.byte_at(self.cursor);
        self.value.remove(at);
        true
    }

    pub fn delete(&mut self) -> bool {
        if self.is_choice() || self.cursor >= self.value.chars().count() {
            return false;
        }
        let at = self.byte_at(self.cursor);
        self.value.remove(at);
        true
    }

    /// Clears a text field; true when something was there.
    pub fn clear(&mut self) -> bool {
        if self.is_choice() || self.value.is_empty() {
            return false;
        }
        self.value.clear();
        self.cursor = 0;
        true
    }

    /// Left/right: moves the cursor in text, the option in a choice (then true: the value changed).
    pub fn step(&mut self, forward: bool) -> bool {
        match &self.kind {
            FieldKind::Text => {
                let count = self.value.chars().count();
                self.cursor = if forward {
                    (self.cursor + 1).min(count)
                } else {
                    self.cursor.saturating_sub(1)
                };
                false
            }
            FieldKind::Choice(options) => {
                let count = options.len();
                let current = options.iter().position(|o| *o == self.value).unwrap_or(0);
                let next = if forward {
                    (current + 1) % count
                } else {
                    (current + count - 1) % count
                };
                self.set_option(next)
            }
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.value.chars().count();
    }

    fn set_option(&mut self, index: usize) -> bool {
        let FieldKind::Choice(options) = &self.kind else {
            return false;
        };
        match options.get(index) {
            Some(option) if *option != self.value => {
                self.value = option.clone();
                self.end();
                true
            }
            _ => false,
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_in_any_script() {
        let mut f = Field::text(FieldName::Name, "王芳");
        assert_eq!(f.cursor(), 2);
        f.step(false);
        f.type_char(Lang::En, '😀');
        assert_eq!(f.value(), "王😀芳");
        f.backspace();
        f.delete();
        assert_eq!(f.value(), "王");
        f.home();
        f.type_char(Lang::En, 'A');
        f.end();
        f.type_char(Lang::En, 'é');
        assert_eq!(f.value(), "A王é");
    }

    #[test]
    fn choices_cycle_and_jump_by_letter() {
        let options = vec!["woman".into(), "man".into(), "other".into()];
        let mut f = Field::choice(FieldName::Gender, options, "woman");
        assert!(f.step(true));
        assert_eq!(f.value(), "man");
        assert!(f.step(false));
        assert!(f.step(false));
        assert_eq!(f.value(), "other");
        assert!(f.type_char(Lang::En, 'W'));
        assert_eq!(f.value(), "woman");
        assert!(!f.type_char(Lang::En, 'z'));
        assert!(!f.backspace());
        assert!(f.type_char(Lang::Nb, 'a'), "a for annet");
        assert_eq!(f.value(), "other");
        assert!(f.type_char(Lang::Nb, 'k'), "k for kvinne");
        assert_eq!(f.value(), "woman");
        assert!(
            !f.type_char(Lang::Nb, 'w'),
            "no word in bokmål starts with w"
        );
    }
}
