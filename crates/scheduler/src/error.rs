//! Errors of the scheduler's input validation.
//!
//! Every variant describes bad *input* (a strategy, a constraint expression, a
//! demand): the server maps all of them to ECS `InvalidParameterException`, with
//! the Display text as the message. "Nothing fits" is not an error; it is a
//! [`crate::PlacementFailure`] in the outcome.

use thiserror::Error;

/// Why a placement request was rejected before any placement was attempted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScheduleError {
    #[error("invalid placement strategy: {0}")]
    InvalidStrategy(String),
    #[error("invalid placement constraint: {0}")]
    InvalidConstraint(String),
    /// A cluster query expression did not parse. `position` is a 0-based
    /// character offset into the expression.
    #[error("invalid expression at position {position}: expected {expected}, found {found}")]
    InvalidExpression {
        position: usize,
        expected: String,
        found: String,
    },
    #[error("expression is {len} characters long; the maximum is {max}")]
    ExpressionTooLong { len: usize, max: usize },
    #[error("expression nests deeper than {max} levels")]
    ExpressionTooDeep { max: usize },
    #[error("invalid task demand: {0}")]
    InvalidDemand(String),
    #[error("unknown container instance: {0}")]
    UnknownInstance(String),
    #[error("container instance {0} appears more than once")]
    DuplicateInstance(String),
}
