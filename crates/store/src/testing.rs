//! Test helpers for other crates: a store wrapper that injects failures, so
//! callers' retry and idempotency paths get exercised, and real etcd members
//! on loopback ([`etcd::EtcdCluster`]).

pub mod etcd;

use std::sync::atomic::{AtomicUsize, Ordering};

use std::time::Duration;

use async_trait::async_trait;
use futures::stream::BoxStream;

use crate::error::StoreError;
use crate::types::{KeyValue, Lease, LeaseId, Revision, Txn, TxnResult, WatchBatch};
use crate::Store;

/// Wraps a store and fails txns on demand with [`StoreError::Backend`].
/// Reads, watches and leases pass through.
pub struct FlakyStore<S> {
    inner: S,
    fail_before: AtomicUsize,
    fail_after: AtomicUsize,
    injected: AtomicUsize,
}

impl<S: Store> FlakyStore<S> {
    pub fn new(inner: S) -> Self {
        Self {
            inner,
            fail_before: AtomicUsize::new(0),
            fail_after: AtomicUsize::new(0),
            injected: AtomicUsize::new(0),
        }
    }

    /// The wrapped store, to look behind the failures.
    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// The next `n` txns fail without being applied (replaces any earlier
    /// count).
    pub fn fail_next_txns(&self, n: usize) {
        self.fail_before.store(n, Ordering::SeqCst);
    }

    /// The next `n` txns are applied, but report failure: the ambiguous
    /// outcome of a commit whose acknowledgement was lost. Callers must cope
    /// by re-reading, not by blindly retrying.
    pub fn fail_next_txns_after_commit(&self, n: usize) {
        self.fail_after.store(n, Ordering::SeqCst);
    }

    /// How many failures have been injected so far.
    pub fn injected_failures(&self) -> usize {
        self.injected.load(Ordering::SeqCst)
    }

    /// Consumes one pending failure from `counter`, if any.
    fn take(&self, counter: &AtomicUsize) -> bool {
        let taken = counter
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if taken {
            self.injected.fetch_add(1, Ordering::SeqCst);
        }
        taken
    }
}

#[async_trait]
impl<S: Store> Store for FlakyStore<S> {
    async fn get(&self, key: &str) -> Result<Option<KeyValue>, StoreError> {
        self.inner.get(key).await
    }

    async fn range(&self, prefix: &str) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        self.inner.range(prefix).await
    }

    async fn range_from(
        &self,
        prefix: &str,
        start_key: &str,
        limit: usize,
    ) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        self.inner.range_from(prefix, start_key, limit).await
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult, StoreError> {
        if self.take(&self.fail_before) {
            return Err(StoreError::Backend(
                "injected failure (txn not applied)".to_string(),
            ));
        }
        let result = self.inner.txn(txn).await?;
        if self.take(&self.fail_after) {
            return Err(StoreError::Backend(
                "injected failure (txn applied)".to_string(),
            ));
        }
        Ok(result)
    }

    async fn current_revision(&self) -> Result<Revision, StoreError> {
        self.inner.current_revision().await
    }

    fn watch(
        &self,
        prefix: &str,
        after: Revision,
    ) -> BoxStream<'static, Result<WatchBatch, StoreError>> {
        self.inner.watch(prefix, after)
    }

    async fn grant_lease(&self, ttl: Duration) -> Result<Lease, StoreError> {
        self.inner.grant_lease(ttl).await
    }

    async fn keep_lease_alive(&self, lease: LeaseId) -> Result<Duration, StoreError> {
        self.inner.keep_lease_alive(lease).await
    }

    async fn revoke_lease(&self, lease: LeaseId) -> Result<Revision, StoreError> {
        self.inner.revoke_lease(lease).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MemoryStore, StoreExt};

    #[tokio::test]
    async fn fails_exactly_the_requested_txns() {
        let store = FlakyStore::new(MemoryStore::new());
        store.fail_next_txns(2);
        assert!(matches!(
            store.put("a", b"1".to_vec()).await,
            Err(StoreError::Backend(_))
        ));
        assert!(matches!(
            store.put("a", b"2".to_vec()).await,
            Err(StoreError::Backend(_))
        ));
        assert_eq!(store.get("a").await, Ok(None));
        assert_eq!(store.put("a", b"3".to_vec()).await, Ok(1));

        store.fail_next_txns_after_commit(1);
        assert!(matches!(
            store.put("a", b"4".to_vec()).await,
            Err(StoreError::Backend(_))
        ));
        let kv = store.get("a").await.ok().flatten().map(|kv| kv.value);
        assert_eq!(kv, Some(b"4".to_vec()));
        assert_eq!(store.injected_failures(), 3);
    }
}
