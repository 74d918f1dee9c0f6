//! Test helpers for other crates: a store wrapper that injects failures and
//! holds chosen calls until released, so callers' retry, idempotency and
//! race paths get exercised at exact interleavings, and real etcd members on
//! loopback ([`etcd::EtcdCluster`]).

pub mod etcd;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use futures::stream::BoxStream;

use crate::error::StoreError;
use crate::types::{KeyValue, Lease, LeaseId, Op, Revision, Txn, TxnResult, WatchBatch};
use crate::Store;

/// Wraps a store and fails txns on demand with [`StoreError::Backend`], or
/// holds the next txn or `get` that touches a key prefix until the test
/// releases it ([`FlakyStore::hold_next_txn`], [`FlakyStore::hold_next_get`]).
/// Everything else passes through.
pub struct FlakyStore<S> {
    inner: S,
    fail_before: AtomicUsize,
    fail_after: AtomicUsize,
    injected: AtomicUsize,
    /// Armed holds, each waiting for the first call it matches.
    holds: Mutex<Vec<Arc<HoldState>>>,
}

/// Which calls a [`Hold`] catches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HoldKind {
    Txn,
    Get,
}

#[derive(Debug)]
struct HoldState {
    kind: HoldKind,
    prefix: String,
    /// Becomes true once a call is held.
    arrived: tokio::sync::watch::Sender<bool>,
    /// Becomes true when the test lets the held call go on.
    released: tokio::sync::watch::Sender<bool>,
}

/// One call held at a [`FlakyStore`] before it reaches the wrapped store: a txn
/// not yet applied, or a `get` not yet read. Dropping the hold releases it, so
/// a failing test never leaves a call stuck.
#[derive(Debug)]
pub struct Hold {
    state: Arc<HoldState>,
}

impl Hold {
    /// Waits until a matching call is held.
    pub async fn arrived(&self) {
        let mut arrived = self.state.arrived.subscribe();
        // The sender lives in `self`, so this ends only when a call arrives.
        let _ = arrived.wait_for(|arrived| *arrived).await;
    }

    /// Whether a matching call is being held now.
    pub fn is_holding(&self) -> bool {
        *self.state.arrived.borrow() && !*self.state.released.borrow()
    }

    /// Lets the held call (or the next matching one, if none arrived yet) go on.
    pub fn release(self) {
        drop(self);
    }
}

impl Drop for Hold {
    fn drop(&mut self) {
        self.state.released.send_replace(true);
    }
}

impl HoldState {
    async fn wait_for_release(&self) {
        self.arrived.send_replace(true);
        let mut released = self.released.subscribe();
        let _ = released.wait_for(|released| *released).await;
    }
}

/// Whether a txn has a compare or an op on a key under `prefix` (a
/// `DeletePrefix` counts if either prefix contains the other).
fn txn_touches(txn: &Txn, prefix: &str) -> bool {
    let compares = txn.compares.iter().map(|c| c.key());
    let ops = txn.success.iter().chain(&txn.failure).map(|op| match op {
        Op::Put { key, .. } | Op::PutWithLease { key, .. } | Op::Delete { key } => key.as_str(),
        Op::DeletePrefix { prefix: deleted } if prefix.starts_with(deleted.as_str()) => prefix,
        Op::DeletePrefix { prefix: deleted } => deleted.as_str(),
    });
    compares.chain(ops).any(|key| key.starts_with(prefix))
}

impl<S: Store> FlakyStore<S> {
    pub fn new(inner: S) -> Self {
        Self {
            inner,
            fail_before: AtomicUsize::new(0),
            fail_after: AtomicUsize::new(0),
            injected: AtomicUsize::new(0),
            holds: Mutex::new(Vec::new()),
        }
    }

    /// Holds the next txn that compares or writes a key under `prefix` before
    /// it is applied, until the returned [`Hold`] is released or dropped. Other
    /// calls go on meanwhile: this is how a test makes a write land after
    /// others that started later, at an exact point, without sleeping.
    pub fn hold_next_txn(&self, prefix: &str) -> Hold {
        self.arm(HoldKind::Txn, prefix)
    }

    /// Holds the next `get` of a key under `prefix` before it reads, until the
    /// returned [`Hold`] is released or dropped: a slow read.
    pub fn hold_next_get(&self, prefix: &str) -> Hold {
        self.arm(HoldKind::Get, prefix)
    }

    fn arm(&self, kind: HoldKind, prefix: &str) -> Hold {
        let state = Arc::new(HoldState {
            kind,
            prefix: prefix.to_owned(),
            arrived: tokio::sync::watch::Sender::new(false),
            released: tokio::sync::watch::Sender::new(false),
        });
        self.holds
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(state.clone());
        Hold { state }
    }

    /// Takes the first armed hold of `kind` that `matches` its prefix, if any.
    fn take_hold(&self, kind: HoldKind, matches: impl Fn(&str) -> bool) -> Option<Arc<HoldState>> {
        let mut holds = self.holds.lock().unwrap_or_else(|p| p.into_inner());
        // A hold dropped before any call arrived is disarmed.
        holds.retain(|h| !*h.released.borrow());
        let at = holds
            .iter()
            .position(|h| h.kind == kind && matches(&h.prefix))?;
        Some(holds.remove(at))
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
        if let Some(hold) = self.take_hold(HoldKind::Get, |prefix| key.starts_with(prefix)) {
            hold.wait_for_release().await;
        }
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
        if let Some(hold) = self.take_hold(HoldKind::Txn, |prefix| txn_touches(&txn, prefix)) {
            hold.wait_for_release().await;
        }
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

    #[tokio::test]
    async fn a_held_txn_lands_after_later_ones_and_only_the_first_match_is_held() {
        let store = Arc::new(FlakyStore::new(MemoryStore::new()));
        let hold = store.hold_next_txn("/a/");
        let held = tokio::spawn({
            let store = store.clone();
            async move { store.put("/a/1", b"held".to_vec()).await }
        });
        hold.arrived().await;
        assert!(hold.is_holding());
        // Other keys, and later txns on the same prefix, are not held.
        assert_eq!(store.put("/b/1", b"x".to_vec()).await, Ok(1));
        assert_eq!(store.put("/a/1", b"later".to_vec()).await, Ok(2));
        hold.release();
        assert_eq!(held.await.ok(), Some(Ok(3)));
        let value = store.get("/a/1").await.ok().flatten().map(|kv| kv.value);
        assert_eq!(value, Some(b"held".to_vec()));
    }

    #[tokio::test]
    async fn a_held_get_waits_and_a_dropped_hold_holds_nothing() {
        let store = Arc::new(FlakyStore::new(MemoryStore::new()));
        assert_eq!(store.put("/k", b"1".to_vec()).await, Ok(1));
        let hold = store.hold_next_get("/k");
        let read = tokio::spawn({
            let store = store.clone();
            async move { store.get("/k").await }
        });
        hold.arrived().await;
        assert_eq!(store.put("/k", b"2".to_vec()).await, Ok(2));
        drop(hold);
        let value = read
            .await
            .ok()
            .and_then(|r| r.ok())
            .flatten()
            .map(|kv| kv.value);
        assert_eq!(value, Some(b"2".to_vec()));

        // A hold dropped before anything arrived is disarmed.
        drop(store.hold_next_get("/k"));
        assert!(store.get("/k").await.is_ok_and(|kv| kv.is_some()));
    }
}
