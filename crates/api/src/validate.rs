//! Limits from the botocore model (string and list lengths, integer ranges), checked on
//! every request before it reaches the app layer.

use std::fmt;

/// A request value outside the model's limits. Rendered as `InvalidParameterException`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// Dotted path of the offending member, for example `request.tags`.
    pub path: String,
    /// What is wrong with it, phrased so that the user knows what to change.
    pub problem: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

impl std::error::Error for ValidationError {}

/// Checks a value against the model's limits, recursing into members.
pub trait Validate {
    /// `path` names this value in the error message.
    fn validate(&self, path: &str) -> Result<(), ValidationError>;
}

/// Checks a length (characters of a string or items of a list) against `[min, max]`.
pub fn check_len(
    path: &str,
    member: &str,
    len: usize,
    min: usize,
    max: usize,
) -> Result<(), ValidationError> {
    if len < min || len > max {
        let problem = if max == usize::MAX {
            format!("length {len} is below the minimum of {min}")
        } else {
            format!("length {len} is outside the allowed range {min}..={max}")
        };
        return Err(ValidationError {
            path: format!("{path}.{member}"),
            problem,
        });
    }
    Ok(())
}

/// Checks an integer against `[min, max]`.
pub fn check_range(
    path: &str,
    member: &str,
    value: i64,
    min: i64,
    max: i64,
) -> Result<(), ValidationError> {
    if value < min || value > max {
        return Err(ValidationError {
            path: format!("{path}.{member}"),
            problem: format!("value {value} is outside the allowed range {min}..={max}"),
        });
    }
    Ok(())
}
