//! The data model of the store: keys, revisions, transactions and watch events.
//!
//! These mirror etcd's v3 API (`KeyValue`, `Compare`, `RequestOp`, `Txn`,
//! `Event`, leases) closely enough that the etcd backend is a thin translation.

use std::time::Duration;

/// A store revision. Global and strictly increasing: the first write gets 1,
/// every transaction that changes something gets the next one. 0 means "never"
/// (an empty store, or a key that does not exist).
pub type Revision = i64;

/// A lease: keys put with it vanish when it expires or is revoked. 0 is "no
/// lease" (as in etcd).
pub type LeaseId = i64;

/// A granted lease.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    pub id: LeaseId,
    /// The time to live the store granted: at least the whole seconds asked
    /// for, maybe more (etcd's minimum is 1.5 × its election timeout). The
    /// lease lasts this long after it was granted or last kept alive.
    pub ttl: Duration,
}

/// One key with its value and the revisions that created and last changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValue {
    pub key: String,
    /// Opaque bytes: the store never looks inside.
    pub value: Vec<u8>,
    /// The revision of the put that created the key (since its last delete).
    pub create_revision: Revision,
    /// The revision of the last put to the key.
    pub mod_revision: Revision,
}

/// A condition of a [`Txn`]. All conditions of a txn must hold for its
/// `success` ops to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compare {
    /// The key's `mod_revision` equals `revision`; `revision == 0` means the
    /// key is absent. This is the compare-and-swap of optimistic concurrency.
    ModRevision { key: String, revision: Revision },
    /// The key does not exist.
    Absent { key: String },
    /// The key exists.
    Exists { key: String },
    /// The key's `create_revision` equals `revision` (0: absent): the key is
    /// still the one created then, whatever was written to it since. A leader
    /// fences its writes with this on its leader key: a leader whose lease
    /// expired (its key deleted, maybe created again by another) cannot write.
    CreateRevision { key: String, revision: Revision },
}

impl Compare {
    pub fn mod_revision(key: impl Into<String>, revision: Revision) -> Self {
        Compare::ModRevision {
            key: key.into(),
            revision,
        }
    }

    pub fn absent(key: impl Into<String>) -> Self {
        Compare::Absent { key: key.into() }
    }

    pub fn exists(key: impl Into<String>) -> Self {
        Compare::Exists { key: key.into() }
    }

    pub fn create_revision(key: impl Into<String>, revision: Revision) -> Self {
        Compare::CreateRevision {
            key: key.into(),
            revision,
        }
    }

    /// The key the condition is about.
    pub fn key(&self) -> &str {
        match self {
            Compare::ModRevision { key, .. }
            | Compare::Absent { key }
            | Compare::Exists { key }
            | Compare::CreateRevision { key, .. } => key,
        }
    }
}

/// A write of a [`Txn`]. Ops of one txn apply in order and share one revision;
/// what the txn records is their net effect (see [`Txn`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Create or replace the key (detaching it from any lease it had).
    Put { key: String, value: Vec<u8> },
    /// Create or replace the key, attached to `lease`: it is deleted when the
    /// lease expires or is revoked. A txn whose chosen branch puts with a
    /// lease that does not exist fails whole with
    /// [`StoreError::LeaseNotFound`](crate::StoreError::LeaseNotFound).
    PutWithLease {
        key: String,
        value: Vec<u8>,
        lease: LeaseId,
    },
    /// Delete the key; deleting an absent key is a no-op (no event, no revision).
    Delete { key: String },
    /// Delete every key that starts with `prefix` (`""` deletes everything).
    DeletePrefix { prefix: String },
}

impl Op {
    pub fn put(key: impl Into<String>, value: impl Into<Vec<u8>>) -> Self {
        Op::Put {
            key: key.into(),
            value: value.into(),
        }
    }

    pub fn put_with_lease(
        key: impl Into<String>,
        value: impl Into<Vec<u8>>,
        lease: LeaseId,
    ) -> Self {
        Op::PutWithLease {
            key: key.into(),
            value: value.into(),
            lease,
        }
    }

    pub fn delete(key: impl Into<String>) -> Self {
        Op::Delete { key: key.into() }
    }

    pub fn delete_prefix(prefix: impl Into<String>) -> Self {
        Op::DeletePrefix {
            prefix: prefix.into(),
        }
    }
}

/// An atomic transaction: if every compare holds, run `success`, else run
/// `failure` (as etcd does). A txn whose ops change nothing (no ops, deletes of
/// absent keys) does not consume a revision.
///
/// The ops of a branch run in order, and the txn records their net effect,
/// which is what etcd can express: each key gets at most one event, ordered by
/// the op that decided the key's final state (the keys of one `DeletePrefix`
/// in key order). A key present both before and after the txn keeps its
/// `create_revision`, even if an op in between deleted it; a key put and
/// then deleted in one txn, absent before, leaves no trace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Txn {
    pub compares: Vec<Compare>,
    pub success: Vec<Op>,
    pub failure: Vec<Op>,
}

impl Txn {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a condition.
    pub fn when(mut self, compare: Compare) -> Self {
        self.compares.push(compare);
        self
    }

    /// Adds an op to run when all conditions hold.
    pub fn and_then(mut self, op: Op) -> Self {
        self.success.push(op);
        self
    }

    /// Adds an op to run when some condition fails.
    pub fn or_else(mut self, op: Op) -> Self {
        self.failure.push(op);
        self
    }
}

/// The outcome of a [`Txn`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TxnResult {
    /// Whether every compare held (and so `success` ran, not `failure`).
    pub succeeded: bool,
    /// The store revision right after this txn: the txn's own revision if it
    /// changed something, else the revision it observed.
    pub revision: Revision,
}

/// What happened to a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Put,
    Delete,
}

/// One change to one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    /// For `Put`: the key as written. For `Delete`: the key, `mod_revision` =
    /// the delete's revision, `create_revision` = 0 and an empty value.
    pub kv: KeyValue,
}

impl Event {
    /// The revision of the txn that made this change.
    pub fn revision(&self) -> Revision {
        self.kv.mod_revision
    }
}

/// Consecutive changes under a watched prefix, in revision order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchBatch {
    /// The watcher has now seen every change under its prefix up to and
    /// including this revision; `watch(prefix, revision)` resumes right after
    /// the batch. At least the revision of the last event.
    pub revision: Revision,
    /// Never empty; never splits the events of one txn across batches.
    pub events: Vec<Event>,
}
