//! The in-memory backend: a `BTreeMap` under a mutex. Same semantics as
//! SQLite, no durability. For tests and for `berth dev --ephemeral`-style use.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::sync::{Mutex, MutexGuard, PoisonError};

use async_trait::async_trait;
use futures::stream::BoxStream;

use crate::apply::{apply_txn, validate_key, validate_key_text, validate_txn, KvTable};
use crate::error::StoreError;
use crate::types::{KeyValue, Revision, Txn, TxnResult, WatchBatch};
use crate::watch::{self, HistoryLimits, Publisher, Subscriber};
use crate::Store;

/// A [`Store`] held in memory.
pub struct MemoryStore {
    state: Mutex<State>,
    subscriber: Subscriber,
}

struct State {
    table: Table,
    revision: Revision,
    /// Published under the state lock, so watchers see revisions in order.
    publisher: Publisher,
}

struct Table(BTreeMap<String, KeyValue>);

impl KvTable for Table {
    fn revisions(&mut self, key: &str) -> Result<Option<(Revision, Revision)>, StoreError> {
        Ok(self
            .0
            .get(key)
            .map(|kv| (kv.create_revision, kv.mod_revision)))
    }

    fn put(&mut self, kv: &KeyValue) -> Result<(), StoreError> {
        self.0.insert(kv.key.clone(), kv.clone());
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
            state: Mutex::new(State {
                table: Table(BTreeMap::new()),
                revision: 0,
                publisher,
            }),
            subscriber,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Every mutation is validated first and cannot fail part-way, so a
        // poisoned lock still guards a consistent map.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[async_trait]
impl Store for MemoryStore {
    async fn get(&self, key: &str) -> Result<Option<KeyValue>, StoreError> {
        validate_key(key)?;
        Ok(self.lock().table.0.get(key).cloned())
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
            .map(|(_, kv)| kv.clone())
            .collect();
        Ok((kvs, state.revision))
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult, StoreError> {
        validate_txn(&txn)?;
        let mut guard = self.lock();
        let state = &mut *guard;
        // The map cannot fail, so a txn can never be left half-applied.
        let applied = apply_txn(&mut state.table, txn, state.revision)?;
        if !applied.events.is_empty() {
            state.revision = applied.revision;
            state
                .publisher
                .publish([(applied.revision, applied.events)]);
        }
        Ok(TxnResult {
            succeeded: applied.succeeded,
            revision: applied.revision,
        })
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
}
