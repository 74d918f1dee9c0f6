//! Watch machinery shared by every local backend: a bounded ring of recent
//! history, and watch streams that read from it.
//!
//! The committer (the SQLite writer thread, or the memory store under its
//! lock) calls [`Publisher::publish`] after each commit, in revision order. It
//! appends to the ring and bumps a `tokio::sync::watch` channel holding the
//! latest revision; it never waits for watchers.
//!
//! Each watch stream keeps only the last revision it delivered. To make
//! progress it reads the ring for revisions after that, so replay and live
//! delivery are the same code path: there is no seam between them where an
//! event could be lost or duplicated. A watcher that falls behind the ring's
//! oldest retained revision (or asks for one that was never retained) gets
//! [`StoreError::Compacted`] and its stream ends.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use futures::stream::{self, BoxStream, StreamExt};
use tokio::sync::watch;

use crate::error::StoreError;
use crate::types::{Event, Revision, WatchBatch};

/// Most matching events one [`WatchBatch`] gathers (whole txns are never
/// split, so one large txn may exceed it).
const MAX_BATCH_EVENTS: usize = 1024;

/// How much history is kept for replaying watches. When either limit is
/// exceeded, the oldest revisions are dropped; watches that still need them
/// get [`StoreError::Compacted`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryLimits {
    /// Most events retained.
    pub max_events: usize,
    /// Most bytes of keys and values retained (approximate).
    pub max_bytes: usize,
}

impl Default for HistoryLimits {
    fn default() -> Self {
        Self {
            max_events: 100_000,
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// The events of one revision.
struct Entry {
    revision: Revision,
    events: Vec<Event>,
    bytes: usize,
}

struct History {
    /// Sorted by revision, strictly increasing.
    entries: VecDeque<Entry>,
    events: usize,
    bytes: usize,
    /// Every revision at or below this one is gone from history.
    compacted: Revision,
    /// The latest published revision.
    last: Revision,
    limits: HistoryLimits,
}

/// Creates the publishing and subscribing halves for a store whose current
/// revision is `current`. History starts empty, so watches can start no
/// earlier than `after = current`.
pub fn channel(current: Revision, limits: HistoryLimits) -> (Publisher, Subscriber) {
    let history = Arc::new(Mutex::new(History {
        entries: VecDeque::new(),
        events: 0,
        bytes: 0,
        compacted: current,
        last: current,
        limits,
    }));
    let (tx, rx) = watch::channel(current);
    (
        Publisher {
            history: Arc::clone(&history),
            notify: tx,
        },
        Subscriber {
            history,
            notify: rx,
        },
    )
}

fn lock(history: &Mutex<History>) -> MutexGuard<'_, History> {
    // The guarded code cannot leave the ring inconsistent part-way (pushes and
    // pops are single calls), so a poisoned lock is still usable.
    history.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The committer's half. Dropping it ends every watch stream with
/// [`StoreError::Closed`] once they have delivered what was published.
pub struct Publisher {
    history: Arc<Mutex<History>>,
    notify: watch::Sender<Revision>,
}

impl Publisher {
    /// Records committed txns, each `(revision, events)`, in increasing
    /// revision order, and wakes the watchers.
    pub fn publish(&self, committed: impl IntoIterator<Item = (Revision, Vec<Event>)>) {
        let last = {
            let mut h = lock(&self.history);
            for (revision, events) in committed {
                if events.is_empty() || revision <= h.last {
                    // Nothing to record, or out of order: the committers never
                    // do this, and recording it would break the ring's order.
                    debug_assert!(!events.is_empty() && revision > h.last);
                    continue;
                }
                let bytes = events.iter().map(event_bytes).sum();
                h.events += events.len();
                h.bytes += bytes;
                h.last = revision;
                h.entries.push_back(Entry {
                    revision,
                    events,
                    bytes,
                });
            }
            while h.events > h.limits.max_events || h.bytes > h.limits.max_bytes {
                let Some(old) = h.entries.pop_front() else {
                    break;
                };
                h.events -= old.events.len();
                h.bytes -= old.bytes;
                h.compacted = old.revision;
            }
            h.last
        };
        self.notify.send_replace(last);
    }

    /// Records that every event up to `revision` has been published (the
    /// etcd backend learns this from progress notifications, when other
    /// clusters sharing the etcd move its revision), and wakes the watchers.
    pub fn advance_to(&self, revision: Revision) {
        {
            let mut h = lock(&self.history);
            if revision <= h.last {
                return;
            }
            h.last = revision;
        }
        self.notify.send_replace(revision);
    }

    /// Declares that the store jumped to `revision` without publishing the
    /// events in between (a commit that reported failure but landed), so
    /// watches that were before it must re-range.
    pub fn compact_to(&self, revision: Revision) {
        {
            let mut h = lock(&self.history);
            if revision <= h.last {
                return;
            }
            h.entries.clear();
            h.events = 0;
            h.bytes = 0;
            h.compacted = revision;
            h.last = revision;
        }
        self.notify.send_replace(revision);
    }
}

fn event_bytes(event: &Event) -> usize {
    std::mem::size_of::<Event>() + event.kv.key.len() + event.kv.value.len()
}

/// The watchers' half; cheap to clone.
#[derive(Clone)]
pub struct Subscriber {
    history: Arc<Mutex<History>>,
    notify: watch::Receiver<Revision>,
}

struct WatchState {
    history: Arc<Mutex<History>>,
    notify: watch::Receiver<Revision>,
    prefix: String,
    /// Everything under `prefix` up to here has been delivered.
    delivered: Revision,
    done: bool,
}

enum Read {
    Batch(WatchBatch),
    /// Nothing under the prefix; history is read up to this revision.
    Nothing(Revision),
    Compacted(StoreError),
}

impl Subscriber {
    /// Waits until `revision` is published (or the publisher is gone).
    pub async fn published(&self, revision: Revision) {
        let mut notify = self.notify.clone();
        // An error means the publisher is gone: nothing more will come.
        let _ = notify.wait_for(|last| *last >= revision).await;
    }

    /// Every change under `prefix` after revision `after`, then live changes.
    pub fn watch(
        &self,
        prefix: &str,
        after: Revision,
    ) -> BoxStream<'static, Result<WatchBatch, StoreError>> {
        let state = WatchState {
            history: Arc::clone(&self.history),
            notify: self.notify.clone(),
            prefix: prefix.to_string(),
            delivered: after.max(0),
            done: false,
        };
        stream::unfold(state, |mut state| async move {
            loop {
                if state.done {
                    return None;
                }
                // Mark the current revision seen *before* reading, so that a
                // publish racing with the read still wakes `changed()` below.
                state.notify.borrow_and_update();
                match read(&state.history, &state.prefix, state.delivered) {
                    Read::Batch(batch) => {
                        state.delivered = batch.revision;
                        return Some((Ok(batch), state));
                    }
                    Read::Compacted(err) => {
                        state.done = true;
                        return Some((Err(err), state));
                    }
                    Read::Nothing(upto) => state.delivered = state.delivered.max(upto),
                }
                // `changed()` reports a new revision before reporting a closed
                // channel, so nothing published before close is missed.
                if state.notify.changed().await.is_err() {
                    state.done = true;
                    return Some((Err(StoreError::Closed), state));
                }
            }
        })
        .boxed()
    }
}

fn read(history: &Mutex<History>, prefix: &str, after: Revision) -> Read {
    let h = lock(history);
    if after < h.compacted {
        return Read::Compacted(StoreError::Compacted {
            requested: after,
            oldest: h.compacted,
        });
    }
    let start = h.entries.partition_point(|e| e.revision <= after);
    let mut events = Vec::new();
    let mut upto = h.last.max(after);
    for entry in h.entries.range(start..) {
        events.extend(
            entry
                .events
                .iter()
                .filter(|e| e.kv.key.starts_with(prefix))
                .cloned(),
        );
        if events.len() >= MAX_BATCH_EVENTS {
            upto = entry.revision;
            break;
        }
    }
    if events.is_empty() {
        Read::Nothing(upto)
    } else {
        Read::Batch(WatchBatch {
            revision: upto,
            events,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{EventKind, KeyValue};

    fn put(key: &str, revision: Revision) -> Event {
        Event {
            kind: EventKind::Put,
            kv: KeyValue {
                key: key.to_string(),
                value: b"v".to_vec(),
                create_revision: revision,
                mod_revision: revision,
            },
        }
    }

    #[test]
    fn eviction_moves_the_compacted_revision() {
        let limits = HistoryLimits {
            max_events: 3,
            max_bytes: usize::MAX,
        };
        let (publisher, subscriber) = channel(0, limits);
        publisher.publish((1..=5).map(|r| (r, vec![put("a", r)])));
        let h = lock(&subscriber.history);
        assert_eq!(h.compacted, 2);
        assert_eq!(h.last, 5);
        assert_eq!(h.events, 3);
        let revisions: Vec<_> = h.entries.iter().map(|e| e.revision).collect();
        assert_eq!(revisions, vec![3, 4, 5]);
    }

    #[test]
    fn byte_limit_evicts_too() {
        let limits = HistoryLimits {
            max_events: usize::MAX,
            max_bytes: 2 * event_bytes(&put("a", 1)),
        };
        let (publisher, subscriber) = channel(0, limits);
        publisher.publish((1..=4).map(|r| (r, vec![put("a", r)])));
        assert_eq!(lock(&subscriber.history).compacted, 2);
    }

    #[test]
    fn read_filters_by_prefix_and_reports_progress() {
        let (publisher, subscriber) = channel(0, HistoryLimits::default());
        publisher.publish(vec![(1, vec![put("a/1", 1)]), (2, vec![put("ab", 2)])]);
        match read(&subscriber.history, "a/", 0) {
            Read::Batch(b) => {
                assert_eq!(b.revision, 2);
                assert_eq!(b.events, vec![put("a/1", 1)]);
            }
            _ => panic!("expected a batch"),
        }
        assert!(matches!(
            read(&subscriber.history, "a/", 1),
            Read::Nothing(2)
        ));
    }
}
