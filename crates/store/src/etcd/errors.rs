//! What an etcd client error means for a store caller: whether the request
//! surely did not apply (retry is safe), may have applied (re-read first), or
//! will never work (a bad request, a refused credential).
//!
//! The messages are etcd's own (`rpctypes` in etcd 3.4), matched as text
//! because that is how they reach a gRPC client.

use std::time::Duration;

use etcd_client::Error;
use tonic::Code;

use crate::error::StoreError;

/// One failed attempt, classified.
#[derive(Debug)]
pub enum Failure {
    /// The request did not apply and may work on another try (no connection,
    /// no leader yet): retried until the request's deadline.
    Transient(String),
    /// A write may have applied: never retried blindly.
    Ambiguous(String),
    /// Retrying cannot help.
    Fatal(StoreError),
}

/// Classifies `err` from a request that writes (`write`) or only reads.
pub fn classify(err: Error, write: bool) -> Failure {
    let ambiguous = |message: String| {
        if write {
            Failure::Ambiguous(message)
        } else {
            Failure::Transient(message)
        }
    };
    match err {
        Error::GRpcStatus(status) => {
            let message = status.message().to_string();
            if message.contains("requested lease not found") {
                // The caller maps this to the lease it named.
                return Failure::Fatal(StoreError::LeaseNotFound(0));
            }
            if message.contains("required revision has been compacted") {
                return Failure::Fatal(StoreError::Compacted {
                    requested: 0,
                    oldest: 0,
                });
            }
            if message.contains("request is too large")
                || message.contains("too many operations in txn")
                || message.contains("duplicate key given in txn")
                || message.contains("key is not provided")
            {
                return Failure::Fatal(StoreError::InvalidArgument(format!(
                    "etcd refused the request: {message}"
                )));
            }
            if message.contains("authentication failed")
                || message.contains("permission denied")
                || message.contains("invalid auth token")
            {
                return Failure::Fatal(StoreError::Backend(format!(
                    "etcd refused berth's credentials: {message}"
                )));
            }
            if message.contains("database space exceeded") {
                return Failure::Fatal(StoreError::Unavailable(format!(
                    "etcd is out of space ({message}): compact and defragment it, then \
                     disarm the NOSPACE alarm (etcdctl alarm disarm)"
                )));
            }
            match status.code() {
                Code::Unauthenticated | Code::PermissionDenied => Failure::Fatal(
                    StoreError::Backend(format!("etcd refused berth's credentials: {message}")),
                ),
                Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => {
                    Failure::Fatal(StoreError::InvalidArgument(format!(
                        "etcd refused the request: {message}"
                    )))
                }
                // Refused before anything was proposed.
                Code::Unavailable
                    if message.contains("no leader")
                        || message.contains("not capable")
                        || message.contains("too many requests")
                        || not_sent(&message) =>
                {
                    Failure::Transient(describe(&message))
                }
                // "request timed out", "leader changed", a connection lost
                // after sending: the proposal may still commit.
                _ => ambiguous(describe(&message)),
            }
        }
        Error::TransportError(e) => Failure::Transient(format!("cannot reach etcd: {e}")),
        Error::IoError(e) => ambiguous(format!("etcd connection failed: {e}")),
        Error::LeaseKeepAliveError(message) if message.contains("lease not found") => {
            Failure::Fatal(StoreError::LeaseNotFound(0))
        }
        Error::InvalidArgs(message) => Failure::Fatal(StoreError::InvalidArgument(message)),
        Error::InvalidUri(e) => Failure::Fatal(StoreError::InvalidArgument(format!(
            "invalid etcd endpoint: {e}"
        ))),
        other => ambiguous(format!("etcd client error: {other}")),
    }
}

/// Whether a gRPC status says the connection was never made, so nothing
/// was sent.
fn not_sent(message: &str) -> bool {
    [
        "error trying to connect",
        "tcp connect error",
        "Connection refused",
        "dns error",
    ]
    .iter()
    .any(|needle| message.contains(needle))
}

/// A user-facing sentence for an etcd status message.
fn describe(message: &str) -> String {
    if message.contains("no leader") {
        format!("etcd has no leader ({message}): fewer than a quorum of its members are up")
    } else if not_sent(message) {
        format!("cannot reach etcd: {message}")
    } else {
        format!("etcd failed: {message}")
    }
}

impl Failure {
    /// The error to report when no more attempts are made.
    pub fn into_error(self) -> StoreError {
        match self {
            Failure::Transient(message) => StoreError::Unavailable(message),
            Failure::Ambiguous(message) => StoreError::Indeterminate(message),
            Failure::Fatal(err) => err,
        }
    }
}

/// The error for a request whose deadline passed while an attempt was in
/// flight; `last` is how the attempt before it failed, if one did.
pub fn timed_out(write: bool, timeout: Duration, last: Option<Failure>) -> StoreError {
    let secs = timeout.as_secs_f64();
    if write {
        StoreError::Indeterminate(format!(
            "etcd did not answer within {secs}s; the write may or may not have been applied"
        ))
    } else {
        match last {
            Some(Failure::Fatal(err)) => err,
            Some(Failure::Transient(message) | Failure::Ambiguous(message)) => {
                StoreError::Unavailable(format!(
                    "etcd did not serve the request within {secs}s: {message}"
                ))
            }
            None => StoreError::Unavailable(format!("etcd did not answer within {secs}s")),
        }
    }
}
