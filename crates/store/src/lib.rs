//! berth's store: a versioned key-value store with watch and leases, with
//! etcd's semantics, over SQLite (default, durable), etcd (several servers,
//! highly available; see `etcd/mod.rs`) or memory (tests). The approach is
//! k3s's kine: the control plane is written once against etcd's model, and
//! the etcd backend is a thin translation with no second data layer.
//!
//! # Model
//! - Every key has a `create_revision` and a `mod_revision`. The store has one
//!   global [`Revision`], strictly increasing: each [`Txn`] that changes
//!   something gets the next one, shared by all its ops (as in etcd). A txn
//!   that changes nothing (failed compares and no failure ops, deletes of
//!   absent keys) consumes no revision. On an etcd shared by several key
//!   prefixes, revisions still only grow but may skip (other prefixes' txns).
//! - [`Store::txn`] is the only write: compares (all must hold) then the
//!   `success` ops, else the `failure` ops. Compare-and-swap on
//!   `mod_revision` is how writers avoid overwriting newer state.
//! - A txn records the net effect of its ops (see [`Txn`]): what etcd can
//!   express, so every backend agrees on values, revisions and events.
//! - Values are opaque bytes. Requests are bounded, within etcd's default
//!   limits: keys ([`MAX_KEY_BYTES`]), values ([`MAX_VALUE_BYTES`]), ops per
//!   txn ([`MAX_TXN_OPS`]), bytes per txn ([`MAX_TXN_BYTES`]); violations are
//!   [`StoreError::InvalidArgument`], and nothing is applied.
//! - Leases ([`Store::grant_lease`]): keys put with [`Op::PutWithLease`] are
//!   deleted (with delete events) when the lease expires or is revoked. On
//!   etcd they are etcd leases; on SQLite and memory they live in the process
//!   (`leases.rs`), and SQLite drops leased keys when it opens.
//! - Errors say whether retrying is safe: [`StoreError::Unavailable`] was not
//!   applied, [`StoreError::Indeterminate`] may have been (re-read first).
//!
//! # Watch
//! [`Store::watch`]`(prefix, after)` yields every change under `prefix` with a
//! revision greater than `after`, in revision order, without gaps or
//! duplicates, first from history and then live, in [`WatchBatch`]es that
//! never split one txn. History is an in-memory ring bounded by
//! [`HistoryLimits`] (100,000 events or 64 MiB by default). If `after` is
//! older than the ring (or the watcher falls behind it) the stream yields
//! [`StoreError::Compacted`] and ends: re-[`range`](Store::range), then watch
//! from the range's revision. (One txn larger than the whole ring, such as a
//! huge `DeletePrefix`, is never replayable: watchers behind it re-range.)
//! The SQLite ring starts empty at open, so after
//! a restart only `after >= current revision` can be watched. Writers publish
//! into the ring and never wait for watchers; each watch stream reads the
//! ring itself (see `watch.rs`), so a slow watcher costs only itself. When
//! the store is dropped, streams deliver what was published and then yield
//! [`StoreError::Closed`].
//!
//! # Threads of the SQLite backend
//! - **Writer** (one `std::thread`, `berth-store-writer`): owns the write
//!   connection (WAL, `synchronous=FULL`). Callers of [`Store::txn`] validate,
//!   then send the txn with a reply channel over a bounded queue (1,024).
//! - **Group commit**: the writer blocks for one txn, then drains whatever
//!   else is queued, up to 256, and applies them all in one SQLite
//!   transaction, in queue order. Each txn's compares see the effects of the
//!   txns before it in the batch, and each changing txn gets its own
//!   revision. After one durable `COMMIT` the writer publishes the events to
//!   the watch ring, and only then replies to every caller. So a write is
//!   acknowledged only once it is on disk, and one fsync serves the whole
//!   batch. If any statement or the commit fails, the whole batch rolls back
//!   and every caller in it gets the same [`StoreError::Backend`].
//! - **Readers**: `get`, `range` and `current_revision` run on tokio's
//!   blocking pool, on a small pool of read connections (4 by default). WAL
//!   lets them read a consistent snapshot while the writer commits; `range`
//!   reads the revision and the rows in one read transaction.
//! - A txn whose caller gives up after it was queued still commits, as with
//!   etcd.
//! - A lock file (`<db>.lock`) keeps a second store, in any process, from
//!   opening the same database and handing out revisions twice.
//!
//! The memory backend applies txns under a mutex, with the same txn code
//! (`apply.rs`) and the same watch ring. The etcd backend uses `apply.rs` for
//! validation and the net effect, and fills the same watch ring from one etcd
//! watch (`etcd/feed.rs`).
//!
//! [`testing::FlakyStore`] injects failures for other crates' tests.

mod apply;
mod error;
mod etcd;
mod leases;
mod memory;
mod sqlite;
pub mod testing;
mod types;
mod watch;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use futures::stream::BoxStream;

pub use apply::{
    op_bytes, txn_bytes, txn_chunks, MAX_KEY_BYTES, MAX_TXN_BYTES, MAX_TXN_OPS, MAX_VALUE_BYTES,
};
pub use error::StoreError;
pub use etcd::{EtcdConfig, EtcdStore, EtcdTls};
pub use memory::MemoryStore;
pub use sqlite::{SqliteOptions, SqliteStore};
pub use types::{
    Compare, Event, EventKind, KeyValue, Lease, LeaseId, Op, Revision, Txn, TxnResult, WatchBatch,
};
pub use watch::HistoryLimits;

/// The smallest valid key greater than `key`: where the next page of a
/// [`Store::range_from`] starts. (Keys cannot contain NUL, so nothing valid
/// sorts between `key` and `key + "\u{1}"`.)
pub fn key_after(key: &str) -> String {
    format!("{key}\u{1}")
}

/// A shared handle to any store.
pub type DynStore = Arc<dyn Store>;

/// A versioned key-value store with watch, shaped after etcd's KV and Watch
/// APIs.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// The key, if present.
    async fn get(&self, key: &str) -> Result<Option<KeyValue>, StoreError>;

    /// All keys with the prefix, sorted by key, plus the revision this
    /// snapshot is at (watch from it to follow changes).
    async fn range(&self, prefix: &str) -> Result<(Vec<KeyValue>, Revision), StoreError>;

    /// One page of a range: keys with the prefix that are `>= start_key`,
    /// sorted, at most `limit`. Each page is its own snapshot (at its own
    /// revision); the next page starts at [`key_after`] of the last key.
    async fn range_from(
        &self,
        prefix: &str,
        start_key: &str,
        limit: usize,
    ) -> Result<(Vec<KeyValue>, Revision), StoreError>;

    /// Runs a transaction atomically. Acknowledged (durably, for durable
    /// backends) when this returns `Ok`.
    async fn txn(&self, txn: Txn) -> Result<TxnResult, StoreError>;

    /// The revision of the last committed change (0 for an empty store).
    async fn current_revision(&self) -> Result<Revision, StoreError>;

    /// Every change under `prefix` with revision > `after`, then live changes,
    /// in revision order, without gaps. If `after` is older than the retained
    /// history, or the watcher falls behind it, the stream yields
    /// `Err(StoreError::Compacted { .. })` and ends.
    fn watch(
        &self,
        prefix: &str,
        after: Revision,
    ) -> BoxStream<'static, Result<WatchBatch, StoreError>>;

    /// Grants a lease of at least `ttl` (rounded up to whole seconds; etcd
    /// may grant more, see [`Lease::ttl`]). Granting writes no key and takes
    /// no revision.
    async fn grant_lease(&self, ttl: Duration) -> Result<Lease, StoreError>;

    /// Restarts the lease's TTL, which it returns: the lease now lasts that
    /// long, as the store measures time. [`StoreError::LeaseNotFound`] if the
    /// lease expired or was revoked: its keys are gone, or going.
    ///
    /// The store's clock starts when it processes the request, after the
    /// caller sent it: a holder that must never outlive its lease (a leader)
    /// counts the TTL from *before* the call, and still fences its writes
    /// with [`Compare::CreateRevision`] on its leased key.
    async fn keep_lease_alive(&self, lease: LeaseId) -> Result<Duration, StoreError>;

    /// Revokes the lease and deletes its keys in one revision (one delete
    /// event per key, as when it expires); returns the store revision after.
    async fn revoke_lease(&self, lease: LeaseId) -> Result<Revision, StoreError>;
}

/// Lets wrappers such as [`testing::FlakyStore`] take a [`DynStore`].
#[async_trait]
impl<S: Store + ?Sized> Store for Arc<S> {
    async fn get(&self, key: &str) -> Result<Option<KeyValue>, StoreError> {
        (**self).get(key).await
    }

    async fn range(&self, prefix: &str) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        (**self).range(prefix).await
    }

    async fn range_from(
        &self,
        prefix: &str,
        start_key: &str,
        limit: usize,
    ) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        (**self).range_from(prefix, start_key, limit).await
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult, StoreError> {
        (**self).txn(txn).await
    }

    async fn current_revision(&self) -> Result<Revision, StoreError> {
        (**self).current_revision().await
    }

    fn watch(
        &self,
        prefix: &str,
        after: Revision,
    ) -> BoxStream<'static, Result<WatchBatch, StoreError>> {
        (**self).watch(prefix, after)
    }

    async fn grant_lease(&self, ttl: Duration) -> Result<Lease, StoreError> {
        (**self).grant_lease(ttl).await
    }

    async fn keep_lease_alive(&self, lease: LeaseId) -> Result<Duration, StoreError> {
        (**self).keep_lease_alive(lease).await
    }

    async fn revoke_lease(&self, lease: LeaseId) -> Result<Revision, StoreError> {
        (**self).revoke_lease(lease).await
    }
}

/// One-op conveniences over [`Store::txn`], for every store.
#[async_trait]
pub trait StoreExt: Store {
    /// Creates or replaces `key`; returns the write's revision.
    async fn put(&self, key: &str, value: Vec<u8>) -> Result<Revision, StoreError> {
        Ok(self
            .txn(Txn::new().and_then(Op::put(key, value)))
            .await?
            .revision)
    }

    /// Creates `key` if it is absent: `Some(revision)` if created, `None` if
    /// it already existed.
    async fn create(&self, key: &str, value: Vec<u8>) -> Result<Option<Revision>, StoreError> {
        let txn = Txn::new()
            .when(Compare::absent(key))
            .and_then(Op::put(key, value));
        let result = self.txn(txn).await?;
        Ok(result.succeeded.then_some(result.revision))
    }

    /// Replaces `key` only if its `mod_revision` is `expected` (0: absent):
    /// `Some(revision)` if written, `None` if someone else wrote first.
    async fn put_if(
        &self,
        key: &str,
        value: Vec<u8>,
        expected: Revision,
    ) -> Result<Option<Revision>, StoreError> {
        let txn = Txn::new()
            .when(Compare::mod_revision(key, expected))
            .and_then(Op::put(key, value));
        let result = self.txn(txn).await?;
        Ok(result.succeeded.then_some(result.revision))
    }

    /// Deletes `key` if present; returns the store revision afterwards.
    async fn delete(&self, key: &str) -> Result<Revision, StoreError> {
        Ok(self
            .txn(Txn::new().and_then(Op::delete(key)))
            .await?
            .revision)
    }

    /// Deletes `key` only if its `mod_revision` is `expected`: whether it did.
    async fn delete_if(&self, key: &str, expected: Revision) -> Result<bool, StoreError> {
        let txn = Txn::new()
            .when(Compare::mod_revision(key, expected))
            .and_then(Op::delete(key));
        Ok(self.txn(txn).await?.succeeded)
    }

    /// Deletes every key under `prefix`; returns the store revision afterwards.
    async fn delete_prefix(&self, prefix: &str) -> Result<Revision, StoreError> {
        Ok(self
            .txn(Txn::new().and_then(Op::delete_prefix(prefix)))
            .await?
            .revision)
    }
}

impl<S: Store + ?Sized> StoreExt for S {}
