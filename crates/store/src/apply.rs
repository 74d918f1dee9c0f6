//! Transaction semantics shared by every backend: request validation, compare
//! evaluation, and the net effect of a branch's ops.
//!
//! A txn records the net effect of its ops (see [`Txn`]), because that is
//! all etcd can express: etcd refuses a txn that puts one key twice, or puts
//! a key that a delete in the same txn covers. [`net_effect`] computes, from
//! the ops alone, which ops survive (what the etcd backend sends) and
//! [`apply_txn`] applies the same net effect to a local table, so the local
//! backends and etcd agree on values, `create_revision`s and event order.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::{Bound, Range};

use crate::error::StoreError;
use crate::types::{Compare, Event, EventKind, KeyValue, LeaseId, Op, Revision, Txn};

/// Longest key accepted, in bytes.
pub const MAX_KEY_BYTES: usize = 4096;
/// Largest value accepted, in bytes.
pub const MAX_VALUE_BYTES: usize = 1024 * 1024;
/// Most bytes of keys and values in one txn, compares and both branches
/// counted. etcd refuses requests over 1.5 MiB by default (its
/// `--max-request-bytes`); this leaves room for etcd's framing and the key
/// prefix of the etcd backend on every key of a txn at its op limit.
pub const MAX_TXN_BYTES: usize = MAX_VALUE_BYTES + 64 * 1024;
/// Most compares, and most ops per branch, in one txn (etcd's default).
pub const MAX_TXN_OPS: usize = 128;

/// The bytes of keys and values `txn` carries, as [`MAX_TXN_BYTES`] counts
/// them: callers splitting a batch into txns measure with this.
pub fn txn_bytes(txn: &Txn) -> usize {
    let compares: usize = txn.compares.iter().map(|c| c.key().len()).sum();
    compares
        + txn
            .success
            .iter()
            .chain(&txn.failure)
            .map(op_bytes)
            .sum::<usize>()
}

/// The bytes of key and value one op carries.
pub fn op_bytes(op: &Op) -> usize {
    match op {
        Op::Put { key, value } | Op::PutWithLease { key, value, .. } => key.len() + value.len(),
        Op::Delete { key } => key.len(),
        Op::DeletePrefix { prefix } => prefix.len(),
    }
}

/// Splits `ops` into consecutive runs that each fit one txn beside what the
/// caller adds to every txn (`reserved_ops` ops or compares, `reserved_bytes`
/// of keys and values): the ranges to write as separate txns. An op too large
/// for any txn gets a range of its own (and is refused when written).
pub fn txn_chunks(ops: &[Op], reserved_ops: usize, reserved_bytes: usize) -> Vec<Range<usize>> {
    let max_ops = MAX_TXN_OPS.saturating_sub(reserved_ops).max(1);
    let max_bytes = MAX_TXN_BYTES.saturating_sub(reserved_bytes);
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (index, op) in ops.iter().enumerate() {
        let size = op_bytes(op);
        if index > start && (index - start >= max_ops || bytes + size > max_bytes) {
            chunks.push(start..index);
            (start, bytes) = (index, 0);
        }
        bytes += size;
    }
    if start < ops.len() {
        chunks.push(start..ops.len());
    }
    chunks
}

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
    for branch in [&txn.success, &txn.failure] {
        let ops = branch_op_count(branch);
        if ops > MAX_TXN_OPS {
            return Err(StoreError::InvalidArgument(format!(
                "txn branch needs {ops} ops once each DeletePrefix leaves out the keys the \
                 branch puts under it; the limit is {MAX_TXN_OPS}"
            )));
        }
    }
    for compare in &txn.compares {
        validate_key(compare.key())?;
    }
    for op in txn.success.iter().chain(&txn.failure) {
        match op {
            Op::Put { key, value } | Op::PutWithLease { key, value, .. } => {
                validate_key(key)?;
                if value.len() > MAX_VALUE_BYTES {
                    return Err(StoreError::InvalidArgument(format!(
                        "value of {key:?} has {} bytes; the limit is {MAX_VALUE_BYTES}",
                        value.len()
                    )));
                }
                if let Op::PutWithLease { lease, .. } = op {
                    if *lease <= 0 {
                        return Err(StoreError::InvalidArgument(format!(
                            "put of {key:?} names lease {lease}; lease IDs are positive \
                             (Op::Put is a put without a lease)"
                        )));
                    }
                }
            }
            Op::Delete { key } => validate_key(key)?,
            // The empty prefix is valid: it means every key.
            Op::DeletePrefix { prefix } => validate_key_text(prefix)?,
        }
    }
    let bytes = txn_bytes(txn);
    if bytes > MAX_TXN_BYTES {
        return Err(StoreError::InvalidArgument(format!(
            "txn carries {bytes} bytes of keys and values; the limit is {MAX_TXN_BYTES} \
             (split it into several txns)"
        )));
    }
    Ok(())
}

/// How many ops a branch takes in etcd's terms: its net effect, with each
/// `DeletePrefix` split around the keys the branch puts under it (etcd
/// refuses a put inside a delete of the same txn).
pub fn branch_op_count(ops: &[Op]) -> usize {
    if !ops.iter().any(|op| matches!(op, Op::DeletePrefix { .. })) {
        return ops.len();
    }
    let effect = net_effect(ops);
    ops.iter()
        .enumerate()
        .filter(|(index, op)| effect.keeps(*index, op))
        .map(|(_, op)| match op {
            Op::DeletePrefix { prefix } => 1 + effect.put_keys_under(prefix).count(),
            _ => 1,
        })
        .sum()
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

/// Whether a compare holds for a key whose `(create_revision, mod_revision)`
/// is `revisions` (`None`: absent).
pub fn compare_holds(compare: &Compare, revisions: Option<(Revision, Revision)>) -> bool {
    let (create, modified) = revisions.unwrap_or((0, 0));
    match compare {
        Compare::ModRevision { revision, .. } => modified == *revision,
        Compare::CreateRevision { revision, .. } => create == *revision,
        Compare::Absent { .. } => revisions.is_none(),
        Compare::Exists { .. } => revisions.is_some(),
    }
}

/// What a branch's ops leave behind, decided from the ops alone.
#[derive(Debug, Default)]
pub struct NetEffect {
    /// Keys whose final state is a put: the index of the deciding (last) put.
    pub final_puts: BTreeMap<String, usize>,
    /// Keys named by a `Delete` whose final state is deleted.
    pub final_deletes: BTreeSet<String>,
}

impl NetEffect {
    /// Whether op `index` survives into the net effect: a put only if it
    /// decides its key, a delete only if its key ends deleted. A
    /// `DeletePrefix` always survives, minus the keys finally put (see
    /// [`NetEffect::put_keys_under`]).
    pub fn keeps(&self, index: usize, op: &Op) -> bool {
        match op {
            Op::Put { key, .. } | Op::PutWithLease { key, .. } => {
                self.final_puts.get(key) == Some(&index)
            }
            Op::Delete { key } => self.final_deletes.contains(key),
            Op::DeletePrefix { .. } => true,
        }
    }

    /// The finally put keys under `prefix`, sorted: a `DeletePrefix` must
    /// leave them alone.
    pub fn put_keys_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.final_puts
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .map(|(k, _)| k.as_str())
            .take_while(move |k| k.starts_with(prefix))
    }
}

/// The net effect of `ops`, run in order.
pub fn net_effect(ops: &[Op]) -> NetEffect {
    let mut last: BTreeMap<&str, (usize, bool)> = BTreeMap::new(); // key → (index, is put)
    for (index, op) in ops.iter().enumerate() {
        match op {
            Op::Put { key, .. } | Op::PutWithLease { key, .. } => {
                last.insert(key, (index, true));
            }
            Op::Delete { key } => {
                last.insert(key, (index, false));
            }
            Op::DeletePrefix { prefix } => {
                let covered: Vec<&str> = last
                    .range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded))
                    .map(|(k, _)| *k)
                    .take_while(|k| k.starts_with(prefix.as_str()))
                    .collect();
                for key in covered {
                    last.insert(key, (index, false));
                }
            }
        }
    }
    let mut effect = NetEffect::default();
    for (key, (index, is_put)) in last {
        if is_put {
            effect.final_puts.insert(key.to_string(), index);
        } else {
            effect.final_deletes.insert(key.to_string());
        }
    }
    effect
}

/// The table a local backend applies txns to, inside whatever atomic unit
/// the backend uses (a mutex guard, an SQLite transaction).
pub trait KvTable {
    /// `(create_revision, mod_revision)` of the key, if present.
    fn revisions(&mut self, key: &str) -> Result<Option<(Revision, Revision)>, StoreError>;
    /// Inserts or replaces the entry, attached to `lease` (0: none).
    fn put(&mut self, kv: &KeyValue, lease: LeaseId) -> Result<(), StoreError>;
    /// Removes the key; returns whether it existed.
    fn delete(&mut self, key: &str) -> Result<bool, StoreError>;
    /// Every key starting with `prefix`, sorted.
    fn keys_with_prefix(&mut self, prefix: &str) -> Result<Vec<String>, StoreError>;
    /// Every key attached to `lease`, sorted.
    fn keys_with_lease(&mut self, lease: LeaseId) -> Result<Vec<String>, StoreError>;
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

/// The result of [`apply_txn`] for one txn.
#[derive(Debug)]
pub enum Outcome {
    Applied(Applied),
    /// Refused before anything was written (a put names a dead lease).
    Refused(StoreError),
}

/// Runs `txn` against `table`, whose current revision is `current`; `lease_alive`
/// says whether a lease may take new keys.
///
/// The txn gets revision `current + 1` if it changes anything. On `Err` the
/// table may be half-written: the caller must roll back its atomic unit.
pub fn apply_txn(
    table: &mut impl KvTable,
    txn: Txn,
    current: Revision,
    lease_alive: &dyn Fn(LeaseId) -> bool,
) -> Result<Outcome, StoreError> {
    let mut succeeded = true;
    for compare in &txn.compares {
        if !compare_holds(compare, table.revisions(compare.key())?) {
            succeeded = false;
            break;
        }
    }
    let ops = if succeeded { txn.success } else { txn.failure };
    let effect = net_effect(&ops);
    let revision = current + 1;

    // Every change, as (key, final value and lease or None if deleted), in
    // event order: the order of the deciding ops, a DeletePrefix's keys in
    // key order.
    type Change = (String, Option<(Vec<u8>, LeaseId)>);
    let mut changes: Vec<Change> = Vec::new();
    let mut deleted: BTreeSet<String> = BTreeSet::new();
    for (index, op) in ops.into_iter().enumerate() {
        if !effect.keeps(index, &op) {
            continue;
        }
        match op {
            Op::Put { key, value } => changes.push((key, Some((value, 0)))),
            Op::PutWithLease { key, value, lease } => {
                if !lease_alive(lease) {
                    return Ok(Outcome::Refused(StoreError::LeaseNotFound(lease)));
                }
                changes.push((key, Some((value, lease))));
            }
            // The first delete of a key that exists decides its event.
            Op::Delete { key } => {
                if !deleted.contains(&key) && table.revisions(&key)?.is_some() {
                    deleted.insert(key.clone());
                    changes.push((key, None));
                }
            }
            Op::DeletePrefix { prefix } => {
                for key in table.keys_with_prefix(&prefix)? {
                    if !effect.final_puts.contains_key(&key) && deleted.insert(key.clone()) {
                        changes.push((key, None));
                    }
                }
            }
        }
    }
    let mut events = Vec::with_capacity(changes.len());
    for (key, value) in changes {
        match value {
            Some((value, lease)) => {
                let create_revision = table
                    .revisions(&key)?
                    .map_or(revision, |(create, _)| create);
                let kv = KeyValue {
                    key,
                    value,
                    create_revision,
                    mod_revision: revision,
                };
                table.put(&kv, lease)?;
                events.push(Event {
                    kind: EventKind::Put,
                    kv,
                });
            }
            None => {
                table.delete(&key)?;
                events.push(delete_event(key, revision));
            }
        }
    }
    let revision = if events.is_empty() { current } else { revision };
    Ok(Outcome::Applied(Applied {
        succeeded,
        revision,
        events,
    }))
}

/// The txn that deletes every key of a revoked or expired lease.
pub fn revoke_txn(table: &mut impl KvTable, lease: LeaseId) -> Result<Txn, StoreError> {
    Ok(Txn {
        compares: Vec::new(),
        success: table
            .keys_with_lease(lease)?
            .into_iter()
            .map(Op::delete)
            .collect(),
        failure: Vec::new(),
    })
}

/// The event of deleting `key` at `revision`: no value, `create_revision` 0.
pub fn delete_event(key: String, revision: Revision) -> Event {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txn_chunks_respect_both_limits() {
        let small: Vec<Op> = (0..300)
            .map(|i| Op::put(format!("k{i:03}"), vec![0; 10]))
            .collect();
        let chunks = txn_chunks(&small, 1, 0);
        assert_eq!(chunks, vec![0..127, 127..254, 254..300]);
        let big: Vec<Op> = (0..5)
            .map(|i| Op::put(format!("b{i}"), vec![0; MAX_VALUE_BYTES / 2]))
            .collect();
        let chunks = txn_chunks(&big, 0, 1000);
        assert_eq!(chunks, vec![0..2, 2..4, 4..5]);
        for chunk in chunks {
            let txn = Txn {
                success: big[chunk].to_vec(),
                ..Txn::default()
            };
            assert!(txn_bytes(&txn) + 1000 <= MAX_TXN_BYTES);
        }
        assert!(txn_chunks(&[], 0, 0).is_empty());
    }

    #[test]
    fn net_effect_keeps_the_deciding_ops() {
        let ops = vec![
            Op::put("a", b"1".to_vec()),
            Op::delete("a"),
            Op::put("a", b"2".to_vec()),
            Op::delete_prefix("p/"),
            Op::put("p/1", b"x".to_vec()),
            Op::put("q", b"1".to_vec()),
            Op::delete_prefix("q"),
            Op::delete("r"),
        ];
        let effect = net_effect(&ops);
        let kept: Vec<usize> = (0..ops.len())
            .filter(|&i| effect.keeps(i, &ops[i]))
            .collect();
        assert_eq!(kept, vec![2, 3, 4, 6, 7]);
        assert_eq!(effect.put_keys_under("p/").collect::<Vec<_>>(), vec!["p/1"]);
        assert_eq!(effect.put_keys_under("q").count(), 0);
        assert!(effect.final_deletes.contains("q") && effect.final_deletes.contains("r"));
    }
}
