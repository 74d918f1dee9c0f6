//! The watch feed of the etcd backend: one etcd watch over the store's whole
//! key prefix, from the revision the store opened at, feeding the same
//! in-memory watch ring as the local backends (`watch.rs`). Every
//! [`Store::watch`](crate::Store::watch) reads that ring, so watches behave
//! alike on every backend, and one etcd watch serves any number of local
//! watchers (as the Kubernetes API server's watch cache does).
//!
//! The feed asks for progress notifications (so the ring's revision moves
//! when only other prefixes change) and for fragments (one revision larger
//! than a gRPC message arrives in pieces and is published whole). When the
//! stream breaks (a member died, a connection reset, no leader) it resumes
//! from the next revision it needs, with backoff, so nothing is lost or
//! repeated. If etcd has compacted that revision meanwhile, history has a
//! gap that cannot be filled: the feed logs it, restarts at etcd's current
//! revision, and moves the ring there, so every watcher behind it gets
//! [`StoreError::Compacted`](crate::StoreError::Compacted) and re-lists.

use std::time::Duration;

use etcd_client::proto::PbEvent;
use etcd_client::{GetOptions, KvClient, WatchClient, WatchOptions};

use super::{from_etcd_revision, to_event};
use crate::types::{Event, Revision};
use crate::watch::Publisher;

const MIN_BACKOFF: Duration = Duration::from_millis(50);
const MAX_BACKOFF: Duration = Duration::from_secs(2);

/// Everything the feed task owns.
pub struct Feed {
    pub watch: WatchClient,
    pub kv: KvClient,
    /// The etcd key prefix and the end of its range.
    pub prefix: Vec<u8>,
    pub range_end: Vec<u8>,
    pub publisher: Publisher,
    /// The next etcd revision to receive.
    pub next: i64,
}

/// Why one etcd watch ended.
enum Stop {
    /// etcd no longer has `next`: it compacted up to this etcd revision.
    Compacted(i64),
    /// The stream failed; resume from `next`.
    Broken(String),
}

impl Feed {
    /// Runs until the task is aborted (the store is dropped).
    pub async fn run(mut self) {
        let mut backoff = MIN_BACKOFF;
        let mut failing = false;
        loop {
            let (stop, delivered) = self.follow().await;
            if delivered {
                backoff = MIN_BACKOFF;
                failing = false;
            }
            match stop {
                Stop::Compacted(compacted) => {
                    if let Err(err) = self.rebase(compacted).await {
                        tracing::warn!(error = %err, "etcd watch feed cannot read the current revision; retrying");
                        tokio::time::sleep(backoff).await;
                        backoff = (backoff * 2).min(MAX_BACKOFF);
                    }
                }
                Stop::Broken(reason) => {
                    if failing {
                        tracing::debug!(%reason, next = self.next, "etcd watch feed still failing");
                    } else {
                        tracing::warn!(%reason, next = self.next, "etcd watch feed broke; resuming");
                        failing = true;
                    }
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
        }
    }

    /// Follows one etcd watch until it ends; whether it delivered anything.
    async fn follow(&mut self) -> (Stop, bool) {
        let options = WatchOptions::new()
            .with_range(self.range_end.clone())
            .with_start_revision(self.next)
            .with_progress_notify()
            .with_fragment();
        let mut stream = match self.watch.watch(self.prefix.clone(), Some(options)).await {
            Ok(stream) => stream,
            Err(err) => return (Stop::Broken(err.to_string()), false),
        };
        let mut delivered = false;
        // Fragments of one response, until its last piece.
        let mut pieces: Vec<PbEvent> = Vec::new();
        loop {
            let response = match stream.message().await {
                Ok(Some(response)) => response,
                Ok(None) => return (Stop::Broken("etcd closed the watch".into()), delivered),
                Err(err) => return (Stop::Broken(err.to_string()), delivered),
            };
            delivered = true;
            let mut response = response.0;
            if response.canceled {
                if response.compact_revision > 0 {
                    return (Stop::Compacted(response.compact_revision), delivered);
                }
                let reason = format!("etcd canceled the watch: {}", response.cancel_reason);
                return (Stop::Broken(reason), delivered);
            }
            if response.created {
                continue;
            }
            pieces.append(&mut response.events);
            if response.fragment {
                continue;
            }
            if pieces.is_empty() {
                // A progress notification: everything up to the header's
                // revision has been sent.
                if let Some(header) = response.header {
                    if header.revision >= self.next {
                        self.publisher
                            .advance_to(from_etcd_revision(header.revision));
                        self.next = header.revision + 1;
                    }
                }
                continue;
            }
            self.publish(std::mem::take(&mut pieces));
        }
    }

    /// Publishes whole revisions, in order.
    fn publish(&mut self, events: Vec<PbEvent>) {
        let mut committed: Vec<(Revision, Vec<Event>)> = Vec::new();
        for event in events {
            let Some(kv) = event.kv.as_ref() else {
                continue;
            };
            let etcd_revision = kv.mod_revision;
            self.next = self.next.max(etcd_revision + 1);
            let Some(event) = to_event(&self.prefix, &event) else {
                continue;
            };
            let revision = event.revision();
            match committed.last_mut() {
                Some((last, events)) if *last == revision => events.push(event),
                _ => committed.push((revision, vec![event])),
            }
        }
        self.publisher.publish(committed);
    }

    /// Restarts after etcd compacted past `next`: the ring jumps to etcd's
    /// current revision and its watchers re-list.
    async fn rebase(&mut self, compacted: i64) -> Result<(), etcd_client::Error> {
        let options = GetOptions::new().with_count_only();
        let response = self.kv.get(self.prefix.clone(), Some(options)).await?;
        let current = response.header().map_or(0, |h| h.revision());
        tracing::warn!(
            needed = from_etcd_revision(self.next),
            compacted = from_etcd_revision(compacted),
            resumed_at = from_etcd_revision(current),
            "etcd compacted history the watch feed still needed; watchers behind it re-list"
        );
        self.publisher.compact_to(from_etcd_revision(current));
        self.next = current + 1;
        Ok(())
    }
}
