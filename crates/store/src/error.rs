//! The one error type of the store, shared by every backend.

use crate::types::{LeaseId, Revision};

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
    /// The backend failed (I/O, SQLite, a malformed answer). The write may
    /// or may not have been applied if the failure happened during commit.
    #[error("store backend error: {0}")]
    Backend(String),
    /// The backend cannot serve now (etcd unreachable, or without a leader
    /// because it lost quorum). The request was not applied: retrying later
    /// is safe.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// A write was sent but its outcome is unknown (the connection broke or
    /// the deadline passed before the answer): it may or may not have been
    /// applied, now or later. Re-read before deciding to write again.
    #[error("store write outcome unknown: {0}")]
    Indeterminate(String),
    /// The lease does not exist: it expired, was revoked, or never was.
    #[error("lease {0} not found (expired or revoked)")]
    LeaseNotFound(LeaseId),
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
