//! The engine's one error type, [`LogError`], and [`ErrorKind`]: the class of
//! CloudWatch Logs exception each error belongs to, so the API layer maps
//! errors to the wire in one `match` on [`LogError::kind`] and uses the
//! `Display` text (written for the user) as the message.

use std::io;

/// Which CloudWatch Logs exception an error is reported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `InvalidParameterException`: the request is malformed or breaks a rule.
    InvalidParameter,
    /// `ResourceNotFoundException`: the group or stream does not exist.
    ResourceNotFound,
    /// `ResourceAlreadyExistsException`.
    ResourceAlreadyExists,
    /// `LimitExceededException`: a count bound of the engine is reached.
    LimitExceeded,
    /// `ServiceUnavailableException`: storage failed; the request may be retried.
    ServiceUnavailable,
}

/// Which CloudWatch pattern syntax a filter pattern used that the engine does
/// not evaluate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsupportedSyntax {
    /// `{ $.field = value }`
    Json,
    /// `[field1, field2 = value]`
    SpaceDelimited,
    /// `%regex%`
    Regex,
}

impl std::fmt::Display for UnsupportedSyntax {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            UnsupportedSyntax::Json => "JSON filter patterns ({ $.field ... })",
            UnsupportedSyntax::SpaceDelimited => "space-delimited filter patterns ([a, b, ...])",
            UnsupportedSyntax::Regex => "regular-expression filter patterns (%...%)",
        })
    }
}

/// Everything the engine can refuse or fail with. A refused request changes
/// nothing.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{0}")]
    InvalidParameter(String),
    #[error("The specified log group does not exist: {0}")]
    GroupNotFound(String),
    #[error("The specified log stream does not exist: {stream} (log group {group})")]
    StreamNotFound { group: String, stream: String },
    #[error("The specified log group already exists: {0}")]
    GroupAlreadyExists(String),
    #[error("The specified log stream already exists: {stream} (log group {group})")]
    StreamAlreadyExists { group: String, stream: String },
    #[error("{0}")]
    LimitExceeded(String),
    #[error("The specified nextToken is invalid: {0}")]
    InvalidToken(&'static str),
    #[error("Invalid filter pattern: {0}")]
    InvalidPattern(String),
    #[error("{0} are not supported; use terms, \"quoted phrases\", ?alternatives and -exclusions")]
    UnsupportedPattern(UnsupportedSyntax),
    /// Storage failed (disk full, I/O error, corrupt file). `context` says
    /// what the engine was doing; the cause is the source.
    #[error("log storage failed while {context}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
    /// A stream whose last write failed and could not be rolled back refuses
    /// further appends until the engine is reopened (which truncates the
    /// partial write).
    #[error("log stream {0} is unavailable after a failed write; it recovers when the log service restarts")]
    StreamBroken(String),
}

impl LogError {
    /// The CloudWatch exception class this error is reported as.
    pub fn kind(&self) -> ErrorKind {
        match self {
            LogError::InvalidParameter(_)
            | LogError::InvalidToken(_)
            | LogError::InvalidPattern(_)
            | LogError::UnsupportedPattern(_) => ErrorKind::InvalidParameter,
            LogError::GroupNotFound(_) | LogError::StreamNotFound { .. } => {
                ErrorKind::ResourceNotFound
            }
            LogError::GroupAlreadyExists(_) | LogError::StreamAlreadyExists { .. } => {
                ErrorKind::ResourceAlreadyExists
            }
            LogError::LimitExceeded(_) => ErrorKind::LimitExceeded,
            LogError::Io { .. } | LogError::StreamBroken(_) => ErrorKind::ServiceUnavailable,
        }
    }

    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(io::Error) -> LogError {
        let context = context.into();
        move |source| LogError::Io { context, source }
    }
}

pub type Result<T, E = LogError> = std::result::Result<T, E>;
