//! Why a policy document was refused.
//!
//! Messages begin with the sentence IAM itself returns in `MalformedPolicyDocument`
//! ("Syntax errors in policy.", "Policy statement must contain resources.", …), so users
//! who search for it find AWS's advice, and go on to say where the problem is and what to
//! write instead.

/// A policy document that berth refuses.
///
/// Map [`PolicyError::Malformed`] to IAM's `MalformedPolicyDocument` (HTTP 400), and the
/// other two, which break the API model's own limits on `policyDocumentType`, to
/// `ValidationError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The document is not a valid policy; the message says why and what to fix.
    #[error("{0}")]
    Malformed(String),
    /// The document is longer than any IAM call accepts.
    #[error(
        "The policy document is {length} characters long; IAM accepts documents of at most \
         {limit} characters."
    )]
    TooLong { length: usize, limit: usize },
    /// The document holds a character IAM's API does not accept.
    #[error(
        "The policy document holds the character {} at position {position}; policy documents \
         may hold only tab, line feed, carriage return and the characters U+0020 to U+00FF. \
         Replace typographic quotes and other such characters with plain ASCII.",
        .character.escape_unicode()
    )]
    InvalidCharacter { character: char, position: usize },
}

impl PolicyError {
    /// IAM's "Syntax errors in policy.", followed by `detail`.
    pub(crate) fn syntax(detail: impl std::fmt::Display) -> Self {
        Self::malformed("Syntax errors in policy.", detail)
    }

    /// IAM's sentence `iam`, followed by `detail`.
    pub(crate) fn malformed(iam: &str, detail: impl std::fmt::Display) -> Self {
        Self::Malformed(format!("{iam} {detail}"))
    }
}
