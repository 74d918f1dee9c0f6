//! The in-memory backend: a `BTreeMap` under a mutex. Same semantics as
//! SQLite, no durability. For tests and for `berth dev --ephemeral`-style use.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::Duration;

use async_trait::async_trait;
use futures::stream::BoxStream;

use crate::apply::{
    apply_txn, revoke_txn, validate_key, validate_key_text, validate_txn, KvTable, Outcome,
};
use crate::error::StoreError;
use crate::leases::{self, Leases};
use crate::types::{KeyValue, Lease, LeaseId, Revision, Txn, TxnResult, WatchBatch};
use crate::watch::{self, HistoryLimits, Publisher, Subscriber};
use crate::Store;

/// A [`Store`] held in memory.
pub struct MemoryStore {
    /// Shared (weakly) with the tasks that expire leases.
    state: Arc<Mutex<State>>,
    subscriber: Subscriber,
}

struct State {
    table: Table,
    revision: Revision,
    leases: Leases,
    /// Published under the state lock, so watchers see revisions in order.
    publisher: Publisher,
}

struct Entry {
    kv: KeyValue,
    lease: LeaseId,
}

struct Table(BTreeMap<String, Entry>);

impl KvTable for Table {
    fn revisions(&mut self, key: &str) -> Result<Option<(Revision, Revision)>, StoreError> {
        Ok(self
            .0
            .get(key)
            .map(|e| (e.kv.create_revision, e.kv.mod_revision)))
    }

    fn put(&mut self, kv: &KeyValue, lease: LeaseId) -> Result<(), StoreError> {
        let entry = Entry {
            kv: kv.clone(),
            lease,
        };
        self.0.insert(kv.key.clone(), entry);
        Ok(())
    }

    fn delete(&mut self, key: &str) -> Result<bool, StoreError> {
        Ok(self.0.remove(key).is_some())
    }

    fn keys_with_prefix(&mut self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .0
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect())
    }

    fn keys_with_lease(&mut self, lease: LeaseId) -> Result<Vec<String>, StoreError> {
        // A scan: leased keys are few (leader keys) and revokes rare.
        Ok(self
            .0
            .iter()
            .filter(|(_, e)| e.lease == lease)
            .map(|(k, _)| k.clone())
            .collect())
    }
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryStore {
    /// An empty store with the default history limits.
    pub fn new() -> Self {
        Self::with_history(HistoryLimits::default())
    }

    /// An empty store keeping at most `limits` of watch history.
    pub fn with_history(limits: HistoryLimits) -> Self {
        let (publisher, subscriber) = watch::channel(0, limits);
        Self {
            state: Arc::new(Mutex::new(State {
                table: Table(BTreeMap::new()),
                revision: 0,
                leases: Leases::default(),
                publisher,
            })),
            subscriber,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // Every mutation is validated first and cannot fail part-way, so a
    // poisoned lock still guards a consistent map.
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

impl State {
    fn apply(&mut self, txn: Txn) -> Result<TxnResult, StoreError> {
        let leases = &self.leases;
        // The map cannot fail, so a txn can never be left half-applied.
        let applied = match apply_txn(&mut self.table, txn, self.revision, &|id| {
            leases.is_alive(id)
        })? {
            Outcome::Applied(applied) => applied,
            Outcome::Refused(err) => return Err(err),
        };
        if !applied.events.is_empty() {
            self.revision = applied.revision;
            self.publisher.publish([(applied.revision, applied.events)]);
        }
        Ok(TxnResult {
            succeeded: applied.succeeded,
            revision: applied.revision,
        })
    }

    /// Deletes the lease's keys; the revision after.
    fn delete_lease_keys(&mut self, lease: LeaseId) -> Result<Revision, StoreError> {
        let txn = revoke_txn(&mut self.table, lease)?;
        Ok(self.apply(txn)?.revision)
    }
}

#[async_trait]
impl Store for MemoryStore {
    async fn get(&self, key: &str) -> Result<Option<KeyValue>, StoreError> {
        validate_key(key)?;
        Ok(self.lock().table.0.get(key).map(|e| e.kv.clone()))
    }

    async fn range(&self, prefix: &str) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        self.range_from(prefix, prefix, usize::MAX).await
    }

    async fn range_from(
        &self,
        prefix: &str,
        start_key: &str,
        limit: usize,
    ) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        validate_key_text(prefix)?;
        validate_key_text(start_key)?;
        let start = start_key.max(prefix);
        let state = self.lock();
        let kvs = state
            .table
            .0
            .range::<str, _>((Bound::Included(start), Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(prefix))
            .take(limit)
            .map(|(_, e)| e.kv.clone())
            .collect();
        Ok((kvs, state.revision))
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult, StoreError> {
        validate_txn(&txn)?;
        self.lock().apply(txn)
    }

    async fn current_revision(&self) -> Result<Revision, StoreError> {
        Ok(self.lock().revision)
    }

    fn watch(
        &self,
        prefix: &str,
        after: Revision,
    ) -> BoxStream<'static, Result<WatchBatch, StoreError>> {
        self.subscriber.watch(prefix, after)
    }

    async fn grant_lease(&self, ttl: Duration) -> Result<Lease, StoreError> {
        let lease = self.lock().leases.grant(ttl)?;
        let state: Weak<Mutex<State>> = Arc::downgrade(&self.state);
        tokio::spawn(async move {
            let deadline = || {
                let state = state.upgrade()?;
                let deadline = lock(&state).leases.deadline(lease.id);
                deadline
            };
            let expire = || {
                if let Some(state) = state.upgrade() {
                    let mut state = lock(&state);
                    if state.leases.remove_if_expired(lease.id) {
                        if let Err(err) = state.delete_lease_keys(lease.id) {
                            tracing::error!(lease = lease.id, error = %err, "cannot expire lease");
                        }
                    }
                }
                std::future::ready(())
            };
            leases::expire_when_due(deadline, expire).await;
        });
        Ok(lease)
    }

    async fn keep_lease_alive(&self, lease: LeaseId) -> Result<Duration, StoreError> {
        self.lock().leases.keep_alive(lease)
    }

    async fn revoke_lease(&self, lease: LeaseId) -> Result<Revision, StoreError> {
        let mut state = self.lock();
        if !state.leases.remove(lease) {
            return Err(StoreError::LeaseNotFound(lease));
        }
        state.delete_lease_keys(lease)
    }
}
