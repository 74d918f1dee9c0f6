//! The data model of the store: keys, revisions, transactions and watch events.
//!
//! These mirror etcd's v3 API (`KeyValue`, `Compare`, `RequestOp`, `Txn`,
//! `Event`) closely enough that an etcd backend is a thin translation.

/// A store revision. Global and strictly increasing: the first write gets 1,
/// every transaction that changes something gets the next one. 0 means "never"
/// (an empty store, or a key that does not exist).
pub type Revision = i64;

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

    /// The key the condition is about.
    pub fn key(&self) -> &str {
        match self {
            Compare::ModRevision { key, .. }
            | Compare::Absent { key }
            | Compare::Exists { key } => key,
        }
    }
}

/// A write of a [`Txn`]. Ops of one txn apply in order and share one revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Create or replace the key.
    Put { key: String, value: Vec<u8> },
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
