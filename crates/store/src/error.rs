//! The one error type of the store, shared by every backend.

use crate::types::Revision;

/// Why a store operation failed.
///
/// `Clone` because one group-committed SQLite batch reports the same failure
/// to every caller in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// A watch asked for history that is no longer retained (too old, or the
    /// watcher fell too far behind). Re-`range` and watch again from the
    /// range's revision.
    #[error("revision {requested} is compacted; the oldest revision a watch can start after is {oldest}")]
    Compacted {
        /// The `after` revision the watch needed to continue from.
        requested: Revision,
        /// The oldest `after` that can still be served.
        oldest: Revision,
    },
    /// The backend failed (I/O, SQLite, network). The write may or may not
    /// have been applied if the failure happened during commit.
    #[error("store backend error: {0}")]
    Backend(String),
    /// The request is malformed or exceeds a limit; retrying will not help.
    #[error("invalid store request: {0}")]
    InvalidArgument(String),
    /// The store has shut down.
    #[error("store is closed")]
    Closed,
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        StoreError::Backend(format!("sqlite: {err}"))
    }
}
