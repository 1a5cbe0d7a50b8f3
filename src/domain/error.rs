use thiserror::Error;

/// A value refused by a domain rule: which field, what is wrong, and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field}: {problem}; {accepted}")]
pub struct Invalid {
    pub field: &'static str,
    pub problem: String,
    pub accepted: String,
}

impl Invalid {
    pub fn new(
        field: &'static str,
        problem: impl Into<String>,
        accepted: impl Into<String>,
    ) -> Self {
        Self {
            field,
            problem: problem.into(),
            accepted: accepted.into(),
        }
    }
}

pub type Checked<T> = Result<T, Invalid>;
