//! Transaction semantics shared by every local backend: request validation,
//! compare evaluation, op application and revision assignment.
//!
//! A backend exposes its table through [`KvTable`]; [`apply_txn`] does the
//! rest, so the memory and SQLite backends cannot drift apart.

use crate::error::StoreError;
use crate::types::{Compare, Event, EventKind, KeyValue, Op, Revision, Txn};

/// Longest key accepted, in bytes.
pub const MAX_KEY_BYTES: usize = 4096;
/// Largest value accepted, in bytes (etcd's default request limit).
pub const MAX_VALUE_BYTES: usize = 1536 * 1024;
/// Most compares, and most ops per branch, in one txn (etcd's default).
pub const MAX_TXN_OPS: usize = 128;

/// Rejects requests that no backend should run, before they reach one.
pub fn validate_txn(txn: &Txn) -> Result<(), StoreError> {
    let longest = txn
        .compares
        .len()
        .max(txn.success.len())
        .max(txn.failure.len());
    if longest > MAX_TXN_OPS {
        return Err(StoreError::InvalidArgument(format!(
            "txn has {longest} compares or ops in one branch; the limit is {MAX_TXN_OPS}"
        )));
    }
    for compare in &txn.compares {
        validate_key(compare.key())?;
    }
    for op in txn.success.iter().chain(&txn.failure) {
        match op {
            Op::Put { key, value } => {
                validate_key(key)?;
                if value.len() > MAX_VALUE_BYTES {
                    return Err(StoreError::InvalidArgument(format!(
                        "value of {key:?} has {} bytes; the limit is {MAX_VALUE_BYTES}",
                        value.len()
                    )));
                }
            }
            Op::Delete { key } => validate_key(key)?,
            // The empty prefix is valid: it means every key.
            Op::DeletePrefix { prefix } => validate_key_text(prefix)?,
        }
    }
    Ok(())
}

/// Checks a key that names one entry.
pub fn validate_key(key: &str) -> Result<(), StoreError> {
    if key.is_empty() {
        return Err(StoreError::InvalidArgument("empty key".to_string()));
    }
    validate_key_text(key)
}

/// Checks a key or prefix for length and for NUL, which SQLite text handling
/// and etcd tooling treat inconsistently.
pub fn validate_key_text(key: &str) -> Result<(), StoreError> {
    if key.len() > MAX_KEY_BYTES {
        return Err(StoreError::InvalidArgument(format!(
            "key of {} bytes; the limit is {MAX_KEY_BYTES}",
            key.len()
        )));
    }
    if key.contains('\0') {
        return Err(StoreError::InvalidArgument(format!(
            "key {key:?} contains NUL"
        )));
    }
    Ok(())
}

/// The table a backend applies txns to, inside whatever atomic unit the
/// backend uses (a mutex guard, an SQLite transaction).
pub trait KvTable {
    /// `(create_revision, mod_revision)` of the key, if present.
    fn revisions(&mut self, key: &str) -> Result<Option<(Revision, Revision)>, StoreError>;
    /// Inserts or replaces the entry.
    fn put(&mut self, kv: &KeyValue) -> Result<(), StoreError>;
    /// Removes the key; returns whether it existed.
    fn delete(&mut self, key: &str) -> Result<bool, StoreError>;
    /// Every key starting with `prefix`, sorted.
    fn keys_with_prefix(&mut self, prefix: &str) -> Result<Vec<String>, StoreError>;
}

/// What one txn did.
#[derive(Debug)]
pub struct Applied {
    pub succeeded: bool,
    /// The store revision after the txn.
    pub revision: Revision,
    /// The changes, all at `revision`; empty if the txn changed nothing (and
    /// then `revision` is the one it observed).
    pub events: Vec<Event>,
}

/// Runs `txn` against `table`, whose current revision is `current`.
///
/// The txn gets revision `current + 1` if it changes anything. On error the
/// table may be half-written: the caller must roll back its atomic unit.
pub fn apply_txn(
    table: &mut impl KvTable,
    txn: Txn,
    current: Revision,
) -> Result<Applied, StoreError> {
    let mut succeeded = true;
    for compare in &txn.compares {
        if !compare_holds(table, compare)? {
            succeeded = false;
            break;
        }
    }
    let ops = if succeeded { txn.success } else { txn.failure };
    let revision = current + 1;
    let mut events = Vec::new();
    for op in ops {
        match op {
            Op::Put { key, value } => {
                let create_revision = table
                    .revisions(&key)?
                    .map_or(revision, |(create, _)| create);
                let kv = KeyValue {
                    key,
                    value,
                    create_revision,
                    mod_revision: revision,
                };
                table.put(&kv)?;
                events.push(Event {
                    kind: EventKind::Put,
                    kv,
                });
            }
            Op::Delete { key } => {
                if table.delete(&key)? {
                    events.push(delete_event(key, revision));
                }
            }
            Op::DeletePrefix { prefix } => {
                for key in table.keys_with_prefix(&prefix)? {
                    if table.delete(&key)? {
                        events.push(delete_event(key, revision));
                    }
                }
            }
        }
    }
    let revision = if events.is_empty() { current } else { revision };
    Ok(Applied {
        succeeded,
        revision,
        events,
    })
}

fn compare_holds(table: &mut impl KvTable, compare: &Compare) -> Result<bool, StoreError> {
    let mod_revision = table.revisions(compare.key())?.map(|(_, m)| m);
    Ok(match compare {
        Compare::ModRevision { revision, .. } => mod_revision.unwrap_or(0) == *revision,
        Compare::Absent { .. } => mod_revision.is_none(),
        Compare::Exists { .. } => mod_revision.is_some(),
    })
}

fn delete_event(key: String, revision: Revision) -> Event {
    Event {
        kind: EventKind::Delete,
        kv: KeyValue {
            key,
            value: Vec::new(),
            create_revision: 0,
            mod_revision: revision,
        },
    }
}
