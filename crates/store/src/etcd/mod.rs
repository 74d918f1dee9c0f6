//! The etcd backend: [`Store`] over etcd v3's KV, Watch and Lease APIs, for
//! several berth servers sharing one highly available state.
//!
//! # Client
//! `etcd-client` (gRPC over tonic and rustls with aws-lc-rs, like the rest of
//! berth; its build runs `protoc`, Debian's `protobuf-compiler`): the
//! maintained async client of etcd v3, covering KV, Watch, Lease and auth,
//! with TLS without OpenSSL. It balances requests over the configured
//! members; the store sets `require_leader`, so a member cut off from its
//! quorum refuses requests at once instead of holding them.
//!
//! # Mapping
//! - Keys are the config's prefix followed by berth's key; values are stored
//!   as given (berth's compact JSON), with nothing added.
//! - Revisions: etcd counts its empty store as revision 1, berth as 0, so a
//!   berth revision is etcd's minus one, everywhere (results, key revisions,
//!   events, compares, watch starts). On an etcd shared by several prefixes
//!   (or with leases expiring) revisions still only grow, but may skip.
//! - A txn is one etcd Txn: each [`Compare`] one etcd compare (`ModRevision`
//!   and `CreateRevision` on those targets, `Absent` as `version = 0`,
//!   `Exists` as `version > 0`), and each branch its net effect (see
//!   `apply.rs`), since etcd refuses a txn that writes one key twice.
//!   `DeletePrefix` is a delete of the prefix's range, minus the keys the same
//!   branch finally puts. Like etcd, a txn that changes nothing takes no
//!   revision, as the local backends do.
//! - Leases are etcd leases: a key put with one is deleted by etcd when it
//!   expires, and the watch sees the delete.
//!
//! # Reads and limits
//! Reads are linearizable. A range is read in pages of [`PAGE_KEYS`] keys,
//! every page pinned to the first page's revision, so a range of any size is
//! one snapshot and no gRPC message exceeds the client's receive limit (set
//! to fit a page of maximal values). Txns are bounded by the store's own
//! limits ([`MAX_TXN_OPS`](crate::MAX_TXN_OPS),
//! [`MAX_TXN_BYTES`](crate::MAX_TXN_BYTES)), which fit etcd's defaults
//! (`--max-txn-ops` 128, `--max-request-bytes` 1.5 MiB).
//!
//! # Failures
//! Each request has a deadline (the config's `request_timeout`). Failures
//! that surely did not apply (no connection, no leader) are retried until
//! then and reported as [`StoreError::Unavailable`]; a txn whose outcome is
//! unknown (deadline passed in flight, connection lost after sending, etcd's
//! own "request timed out") is [`StoreError::Indeterminate`]: the caller
//! re-reads. A txn is acknowledged once etcd has committed it (on a quorum's
//! disks) *and* the watch feed has delivered it, so a caller that watches
//! from the revision it was given finds its write, as on the local backends.
//!
//! # Watch
//! See `feed.rs`. [`Store::watch`] reads the in-memory ring the feed fills,
//! from the revision the store was opened at; older revisions are
//! [`StoreError::Compacted`] (re-range, then watch), as on SQLite after a
//! restart. Dropping the store stops the feed; watch streams then end with
//! [`StoreError::Closed`] after what was delivered.
//!
//! # Compaction
//! etcd keeps every revision until compacted. With a `compaction_interval`,
//! the store compacts etcd's history to the revision it saw one interval
//! before, so at least one interval of history stays for watches resuming
//! after a broken connection.

mod config;
mod errors;
mod feed;

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_trait::async_trait;
use etcd_client::proto::PbEvent;
use etcd_client::{
    Certificate, Client, CompactionOptions, Compare as EtcdCompare, CompareOp, ConnectOptions,
    DeleteOptions, GetOptions, Identity, KvClient, LeaseClient, LeaseTimeToLiveOptions, PutOptions,
    TlsOptions, Txn as EtcdTxn, TxnOp, TxnOpResponse,
};
use futures::stream::BoxStream;
use tokio::task::JoinHandle;
use tokio::time::Instant;

pub use config::{EtcdConfig, EtcdTls, MAX_PREFIX_BYTES};
use errors::{classify, timed_out, Failure};

use crate::apply::{
    delete_event, net_effect, validate_key, validate_key_text, validate_txn, MAX_KEY_BYTES,
    MAX_VALUE_BYTES,
};
use crate::error::StoreError;
use crate::leases::granted_ttl;
use crate::types::{
    Compare, Event, EventKind, KeyValue, Lease, LeaseId, Op, Revision, Txn, TxnResult, WatchBatch,
};
use crate::watch::{self, Subscriber};
use crate::Store;

/// Keys per page of a range.
pub const PAGE_KEYS: usize = 256;
/// The client's gRPC receive limit: a page of maximal keys and values, plus
/// framing (gRPC's default of 4 MiB would fail on a few large values).
const MAX_MESSAGE_BYTES: usize =
    PAGE_KEYS * (MAX_VALUE_BYTES + MAX_KEY_BYTES + MAX_PREFIX_BYTES + 64) + 1024 * 1024;
/// Retries of requests that surely did not apply start this far apart.
const RETRY_FIRST: Duration = Duration::from_millis(25);
const RETRY_MAX: Duration = Duration::from_millis(500);
/// How many times a range restarts when etcd compacts the revision it is
/// paging through.
const RANGE_RESTARTS: usize = 3;

/// The berth revision of an etcd revision (see the module docs).
fn from_etcd_revision(revision: i64) -> Revision {
    revision - 1
}

/// The etcd revision of a berth revision; 0 ("absent") stays 0.
fn to_etcd_revision(revision: Revision) -> i64 {
    if revision > 0 {
        revision + 1
    } else {
        revision
    }
}

/// The end of the etcd range of keys starting with `prefix` (etcd's
/// `GetPrefixRangeEnd`). Keys are UTF-8, which has no 0xff byte, so a
/// non-empty prefix always has one.
fn prefix_range_end(prefix: &[u8]) -> Vec<u8> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < 0xff {
            end.push(last + 1);
            return end;
        }
    }
    vec![0]
}

/// A berth key from an etcd key under `prefix`; `None` (logged) for a key
/// that is not berth's.
fn strip_prefix(prefix: &[u8], key: &[u8]) -> Option<String> {
    let rest = key.strip_prefix(prefix)?;
    match std::str::from_utf8(rest) {
        Ok(key) => Some(key.to_string()),
        Err(_) => {
            tracing::error!(key = ?String::from_utf8_lossy(key), "etcd key under berth's prefix is not UTF-8; ignored");
            None
        }
    }
}

fn to_key_value(prefix: &[u8], kv: &etcd_client::KeyValue) -> Option<KeyValue> {
    Some(KeyValue {
        key: strip_prefix(prefix, kv.key())?,
        value: kv.value().to_vec(),
        create_revision: from_etcd_revision(kv.create_revision()),
        mod_revision: from_etcd_revision(kv.mod_revision()),
    })
}

/// A watch event from etcd's.
fn to_event(prefix: &[u8], event: &PbEvent) -> Option<Event> {
    let kv = event.kv.as_ref()?;
    let key = strip_prefix(prefix, &kv.key)?;
    let mod_revision = from_etcd_revision(kv.mod_revision);
    // mvccpb.Event.EventType: 0 PUT, 1 DELETE.
    Some(if event.r#type == 1 {
        delete_event(key, mod_revision)
    } else {
        Event {
            kind: EventKind::Put,
            kv: KeyValue {
                key,
                value: kv.value.clone(),
                create_revision: from_etcd_revision(kv.create_revision),
                mod_revision,
            },
        }
    })
}

/// A [`Store`] in an etcd cluster.
pub struct EtcdStore {
    kv: KvClient,
    lease: LeaseClient,
    /// The etcd key prefix.
    prefix: Vec<u8>,
    timeout: Duration,
    subscriber: Subscriber,
    /// TTLs of leases this store granted: etcd's keep-alive answer carries
    /// the TTL, but the client consumes it.
    lease_ttls: Mutex<HashMap<LeaseId, Duration>>,
    /// The watch feed and the compactor; aborted on drop.
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for EtcdStore {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

impl EtcdStore {
    /// Connects to the cluster and starts following it from its current
    /// revision. Fails with [`StoreError::Unavailable`] if etcd cannot be
    /// reached within the config's timeouts.
    pub async fn connect(config: EtcdConfig) -> Result<Self, StoreError> {
        config.validate()?;
        let mut options = ConnectOptions::new()
            .with_require_leader(true)
            .with_connect_timeout(config.connect_timeout)
            // Pings find a member that vanished without closing the
            // connection, which would otherwise stall the watch feed.
            .with_keep_alive(Duration::from_secs(5), Duration::from_secs(3))
            .with_keep_alive_while_idle(true);
        if let Some(user) = &config.user {
            options = options
                .with_user(user.clone(), config.password.clone().unwrap_or_default())
                .with_auto_token_refresh(true);
        }
        let scheme = match &config.tls {
            Some(tls) => {
                options = options.with_tls(tls_options(tls)?);
                "https"
            }
            None => "http",
        };
        let endpoints: Vec<String> = config
            .endpoints
            .iter()
            .map(|e| format!("{scheme}://{e}"))
            .collect();
        let connect = Client::connect(endpoints, Some(options));
        let client = match tokio::time::timeout(config.request_timeout, connect).await {
            Ok(Ok(client)) => client,
            Ok(Err(err)) => return Err(classify(err, false).into_error()),
            Err(_) => {
                return Err(StoreError::Unavailable(format!(
                    "cannot connect to etcd at {} within {}s",
                    config.endpoints.join(","),
                    config.request_timeout.as_secs_f64()
                )))
            }
        };
        let kv = client
            .kv_client()
            .max_decoding_message_size(MAX_MESSAGE_BYTES);
        let watch_client = client
            .watch_client()
            .max_decoding_message_size(MAX_MESSAGE_BYTES);
        let prefix = config.prefix.as_bytes().to_vec();
        let range_end = prefix_range_end(&prefix);

        let mut store = Self {
            kv: kv.clone(),
            lease: client.lease_client(),
            prefix: prefix.clone(),
            timeout: config.request_timeout,
            // Replaced below, once the starting revision is known.
            subscriber: watch::channel(0, config.history).1,
            lease_ttls: Mutex::new(HashMap::new()),
            tasks: Vec::new(),
        };
        let start = store.current_revision().await?;
        let (publisher, subscriber) = watch::channel(start, config.history);
        store.subscriber = subscriber;
        let feed = feed::Feed {
            watch: watch_client,
            kv: kv.clone(),
            prefix,
            range_end,
            publisher,
            next: to_etcd_revision(start) + 1,
        };
        store.tasks.push(tokio::spawn(feed.run()));
        if let Some(interval) = config.compaction_interval {
            store.tasks.push(tokio::spawn(compact_every(
                kv,
                store.prefix.clone(),
                interval,
            )));
        }
        Ok(store)
    }

    /// Runs `attempt` until it succeeds, fails for good, or the deadline
    /// passes; retries only failures that surely did not apply.
    async fn call<T, F, Fut>(&self, write: bool, mut attempt: F) -> Result<T, StoreError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, etcd_client::Error>>,
    {
        let deadline = Instant::now() + self.timeout;
        let mut pause = RETRY_FIRST;
        // Each distinct reason seen: with members down, one attempt meets a
        // refused connection and the next a member without a leader.
        let mut reasons: Vec<String> = Vec::new();
        let summary = |reasons: &[String]| Failure::Transient(reasons.join("; "));
        loop {
            match tokio::time::timeout_at(deadline, attempt()).await {
                Err(_) => {
                    let last = (!reasons.is_empty()).then(|| summary(&reasons));
                    return Err(timed_out(write, self.timeout, last));
                }
                Ok(Ok(value)) => return Ok(value),
                Ok(Err(err)) => match classify(err, write) {
                    Failure::Transient(message) => {
                        if !reasons.contains(&message) {
                            reasons.push(message);
                        }
                        if Instant::now() + pause >= deadline {
                            return Err(summary(&reasons).into_error());
                        }
                        tokio::time::sleep(pause).await;
                        pause = (pause * 2).min(RETRY_MAX);
                    }
                    failure => return Err(failure.into_error()),
                },
            }
        }
    }

    fn key(&self, key: &str) -> Vec<u8> {
        let mut full = self.prefix.clone();
        full.extend_from_slice(key.as_bytes());
        full
    }

    /// Keys in `[start, end)`, at most `limit`, as one snapshot.
    async fn paged_range(
        &self,
        start: Vec<u8>,
        end: Vec<u8>,
        limit: usize,
    ) -> Result<(Vec<KeyValue>, Revision), StoreError> {
        let mut restarts = 0;
        'snapshot: loop {
            let mut kvs = Vec::new();
            let mut from = start.clone();
            let mut pinned = 0;
            loop {
                let want = PAGE_KEYS.min(limit - kvs.len());
                let mut options = GetOptions::new()
                    .with_range(end.clone())
                    .with_limit(i64::try_from(want).unwrap_or(i64::MAX));
                if pinned > 0 {
                    options = options.with_revision(pinned);
                }
                let page = self
                    .call(false, || {
                        let mut kv = self.kv.clone();
                        let (from, options) = (from.clone(), options.clone());
                        async move { kv.get(from, Some(options)).await }
                    })
                    .await;
                let mut page = match page {
                    Ok(page) => page,
                    Err(StoreError::Compacted { .. }) if restarts < RANGE_RESTARTS => {
                        // etcd compacted the revision being paged: start over.
                        restarts += 1;
                        continue 'snapshot;
                    }
                    Err(StoreError::Compacted { .. }) => {
                        return Err(StoreError::Unavailable(
                            "etcd compacted every revision a range started at before it \
                             finished; compaction is too frequent"
                                .to_string(),
                        ))
                    }
                    Err(err) => return Err(err),
                };
                if pinned == 0 {
                    pinned = page.header().map_or(0, |h| h.revision());
                }
                let more = page.more();
                let taken = page.take_kvs();
                if let Some(last) = taken.last() {
                    from = last.key().to_vec();
                    from.push(0);
                }
                kvs.extend(taken.iter().filter_map(|kv| to_key_value(&self.prefix, kv)));
                if !more || taken.is_empty() || kvs.len() >= limit {
                    return Ok((kvs, from_etcd_revision(pinned)));
                }
            }
        }
    }

    /// Waits until the watch feed has delivered `revision`, so that the
    /// writer finds its own write when it watches from there. Bounded: a feed
    /// that is down (it resumes where it stopped) does not hold writers.
    async fn delivered(&self, revision: Revision) {
        let wait = self.subscriber.published(revision);
        if tokio::time::timeout(self.timeout, wait).await.is_err() {
            tracing::warn!(
                revision,
                "the etcd watch feed has not delivered a committed write yet; acknowledging it anyway"
            );
        }
    }

    /// etcd ops for one branch: its net effect.
    fn etcd_ops(&self, ops: &[Op]) -> Vec<TxnOp> {
        let effect = net_effect(ops);
        let mut out = Vec::with_capacity(ops.len());
        for (index, op) in ops.iter().enumerate() {
            if !effect.keeps(index, op) {
                continue;
            }
            match op {
                Op::Put { key, value } => out.push(TxnOp::put(self.key(key), value.clone(), None)),
                Op::PutWithLease { key, value, lease } => out.push(TxnOp::put(
                    self.key(key),
                    value.clone(),
                    Some(PutOptions::new().with_lease(*lease)),
                )),
                Op::Delete { key } => out.push(TxnOp::delete(self.key(key), None)),
                Op::DeletePrefix { prefix } => {
                    // The prefix's range, minus the keys this branch puts:
                    // etcd refuses a put inside a delete of the same txn.
                    let mut from = self.key(prefix);
                    let end = prefix_range_end(&from);
                    for kept in effect.put_keys_under(prefix) {
                        let kept = self.key(kept);
                        if from < kept {
                            out.push(delete_range(from, kept.clone()));
                        }
                        from = kept;
                        from.push(0);
                    }
                    if from < end {
                        out.push(delete_range(from, end));
                    }
                }
            }
        }
        out
    }

    fn etcd_compare(&self, compare: &Compare) -> EtcdCompare {
        match compare {
            Compare::ModRevision { key, revision } => EtcdCompare::mod_revision(
                self.key(key),
                CompareOp::Equal,
                to_etcd_revision(*revision),
            ),
            Compare::CreateRevision { key, revision } => EtcdCompare::create_revision(
                self.key(key),
                CompareOp::Equal,
                to_etcd_revision(*revision),
            ),
            Compare::Absent { key } => EtcdCompare::version(self.key(key), CompareOp::Equal, 0),
            Compare::Exists { key } => EtcdCompare::version(self.key(key), CompareOp::Greater, 0),
        }
    }

    /// The keys attached to `lease` under this store's prefix.
    async fn lease_keys(&self, lease: LeaseId) -> Result<usize, StoreError> {
        let response = self
            .call(false, || {
                let mut client = self.lease.clone();
                let options = LeaseTimeToLiveOptions::new().with_keys();
                async move { client.time_to_live(lease, Some(options)).await }
            })
            .await
            .map_err(|err| lease_error(err, lease))?;
        if response.ttl() < 0 {
            return Err(StoreError::LeaseNotFound(lease));
        }
        Ok(response
            .keys()
            .iter()
            .filter(|k| k.starts_with(&self.prefix))
            .count())
    }
}

fn delete_range(from: Vec<u8>, end: Vec<u8>) -> TxnOp {
    TxnOp::delete(from, Some(DeleteOptions::new().with_range(end)))
}

/// Names the lease in a lease-not-found error.
fn lease_error(err: StoreError, lease: LeaseId) -> StoreError {
    match err {
        StoreError::LeaseNotFound(_) => StoreError::LeaseNotFound(lease),
        other => other,
    }
}

pub(crate) fn tls_options(tls: &EtcdTls) -> Result<TlsOptions, StoreError> {
    let read = |path: &std::path::Path, what: &str| {
        std::fs::read(path).map_err(|e| {
            StoreError::InvalidArgument(format!(
                "cannot read the etcd {what} {}: {e}",
                path.display()
            ))
        })
    };
    let mut options = TlsOptions::new().ca_certificate(Certificate::from_pem(read(&tls.ca, "CA")?));
    if let Some((cert, key)) = &tls.client {
        options = options.identity(Identity::from_pem(
            read(cert, "client certificate")?,
            read(key, "client key")?,
        ));
    }
    Ok(options)
}

/// Compacts etcd's history every `interval` to the revision seen one
/// interval before. Errors are logged: compaction is housekeeping.
async fn compact_every(kv: KvClient, prefix: Vec<u8>, interval: Duration) {
    let mut previous: Option<i64> = None;
    loop {
        tokio::time::sleep(interval).await;
        let mut kv = kv.clone();
        let current = match kv
            .get(prefix.clone(), Some(GetOptions::new().with_count_only()))
            .await
        {
            Ok(response) => response.header().map_or(0, |h| h.revision()),
            Err(err) => {
                tracing::warn!(error = %err, "cannot read etcd's revision to compact");
                continue;
            }
        };
        if let Some(revision) = previous {
            match kv.compact(revision, Some(CompactionOptions::new())).await {
                Ok(_) => tracing::debug!(revision, "compacted etcd history"),
                // Another server compacted as far or further.
                Err(err) if err.to_string().contains("compacted") => {}
                Err(err) => tracing::warn!(error = %err, revision, "cannot compact etcd history"),
            }
        }
        previous = Some(current);
    }
}

#[async_trait]
impl Store for EtcdStore {
    async fn get(&self, key: &str) -> Result<Option<KeyValue>, StoreError> {
        validate_key(key)?;
        let full = self.key(key);
        let response = self
            .call(false, || {
                let mut kv = self.kv.clone();
                let full = full.clone();
                async move { kv.get(full, None).await }
            })
            .await?;
        Ok(response
            .kvs()
            .first()
            .and_then(|kv| to_key_value(&self.prefix, kv)))
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
        if limit == 0 {
            return Ok((Vec::new(), self.current_revision().await?));
        }
        let full_prefix = self.key(prefix);
        let end = prefix_range_end(&full_prefix);
        let start = self.key(start_key.max(prefix));
        self.paged_range(start, end, limit).await
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult, StoreError> {
        validate_txn(&txn)?;
        let compares: Vec<EtcdCompare> =
            txn.compares.iter().map(|c| self.etcd_compare(c)).collect();
        let request = EtcdTxn::new()
            .when(compares)
            .and_then(self.etcd_ops(&txn.success))
            .or_else(self.etcd_ops(&txn.failure));
        let response = self
            .call(true, || {
                let mut kv = self.kv.clone();
                let request = request.clone();
                async move { kv.txn(request).await }
            })
            .await;
        let response = match response {
            Ok(response) => response,
            Err(StoreError::LeaseNotFound(_)) => {
                let lease = txn
                    .success
                    .iter()
                    .chain(&txn.failure)
                    .find_map(|op| match op {
                        Op::PutWithLease { lease, .. } => Some(*lease),
                        _ => None,
                    })
                    .unwrap_or(0);
                return Err(StoreError::LeaseNotFound(lease));
            }
            Err(err) => return Err(err),
        };
        let revision = from_etcd_revision(response.header().map_or(0, |h| h.revision()));
        let changed = response.op_responses().iter().any(|r| match r {
            TxnOpResponse::Put(_) => true,
            TxnOpResponse::Delete(d) => d.deleted() > 0,
            TxnOpResponse::Get(_) | TxnOpResponse::Txn(_) => false,
        });
        if changed {
            self.delivered(revision).await;
        }
        Ok(TxnResult {
            succeeded: response.succeeded(),
            revision,
        })
    }

    async fn current_revision(&self) -> Result<Revision, StoreError> {
        let response = self
            .call(false, || {
                let mut kv = self.kv.clone();
                let key = self.prefix.clone();
                async move { kv.get(key, Some(GetOptions::new().with_count_only())).await }
            })
            .await?;
        Ok(from_etcd_revision(
            response.header().map_or(0, |h| h.revision()),
        ))
    }

    fn watch(
        &self,
        prefix: &str,
        after: Revision,
    ) -> BoxStream<'static, Result<WatchBatch, StoreError>> {
        self.subscriber.watch(prefix, after)
    }

    async fn grant_lease(&self, ttl: Duration) -> Result<Lease, StoreError> {
        let secs = i64::try_from(granted_ttl(ttl)?.as_secs()).unwrap_or(i64::MAX);
        // A retried grant may leave an unused lease behind; it expires.
        let response = self
            .call(false, || {
                let mut client = self.lease.clone();
                async move { client.grant(secs, None).await }
            })
            .await?;
        if !response.error().is_empty() {
            return Err(StoreError::Backend(format!(
                "etcd refused the lease: {}",
                response.error()
            )));
        }
        let lease = Lease {
            id: response.id(),
            ttl: Duration::from_secs(u64::try_from(response.ttl()).unwrap_or(0)),
        };
        self.lease_ttls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(lease.id, lease.ttl);
        Ok(lease)
    }

    async fn keep_lease_alive(&self, lease: LeaseId) -> Result<Duration, StoreError> {
        // One request on etcd's keep-alive stream; the stream closes on drop.
        self.call(false, || {
            let mut client = self.lease.clone();
            async move { client.keep_alive(lease).await.map(drop) }
        })
        .await
        .map_err(|err| lease_error(err, lease))?;
        let known = self
            .lease_ttls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&lease)
            .copied();
        match known {
            Some(ttl) => Ok(ttl),
            None => {
                let response = self
                    .call(false, || {
                        let mut client = self.lease.clone();
                        async move { client.time_to_live(lease, None).await }
                    })
                    .await
                    .map_err(|err| lease_error(err, lease))?;
                Ok(Duration::from_secs(
                    u64::try_from(response.granted_ttl()).unwrap_or(0),
                ))
            }
        }
    }

    async fn revoke_lease(&self, lease: LeaseId) -> Result<Revision, StoreError> {
        let keys = self.lease_keys(lease).await?;
        let response = self
            .call(true, || {
                let mut client = self.lease.clone();
                async move { client.revoke(lease).await }
            })
            .await
            .map_err(|err| lease_error(err, lease))?;
        self.lease_ttls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&lease);
        let revision = from_etcd_revision(response.header().map_or(0, |h| h.revision()));
        if keys > 0 {
            self.delivered(revision).await;
        }
        Ok(revision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_range_end_is_etcds() {
        assert_eq!(prefix_range_end(b"/berth"), b"/berti".to_vec());
        assert_eq!(prefix_range_end(b"a\xff"), b"b".to_vec());
        assert_eq!(prefix_range_end(b"\xff"), vec![0]);
    }

    #[test]
    fn revisions_shift_by_etcds_bootstrap_revision() {
        assert_eq!(to_etcd_revision(0), 0, "absent stays absent");
        assert_eq!(to_etcd_revision(5), 6);
        assert_eq!(from_etcd_revision(to_etcd_revision(5)), 5);
        assert_eq!(from_etcd_revision(1), 0, "etcd's empty store is berth's 0");
    }
}
