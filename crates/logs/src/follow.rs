//! Follow horizons: how FilterLogEvents lets a poller that re-asks from the
//! newest timestamp it saw (as `aws logs tail --follow` does) get every event
//! exactly once, including events that arrive late with older timestamps.
//!
//! Why CloudWatch's semantics are not enough: the poller's next request only
//! says "startTime = newest timestamp I saw". A batch that arrives afterwards
//! with older timestamps (another stream lagging, a batch shipped late) is
//! before that startTime and is never shown. Filtering on ingestion time
//! instead would show the already-shown events ingested after that
//! timestamp again, and the poller only de-duplicates IDs of the newest
//! timestamp. Nothing in the request tells the two cases apart, so the
//! engine remembers it.
//!
//! When a FilterLogEvents pagination without `endTime` ends having returned
//! events, the engine records, for (group, pattern, stream selection,
//! boundary), the visibility horizon the pagination read at (an ingestion
//! sequence number, `clock.rs`), where the boundary is the newest timestamp
//! the poller now holds: `max(startTime, newest returned)`. A later query
//! whose `startTime` equals that boundary also returns the events with
//! older timestamps in batches above that horizon: exactly the ones the
//! poller has not seen. Events at the boundary timestamp come back again and
//! the poller drops them by eventId (tail keeps the IDs of the newest
//! timestamp); nothing else comes back twice.
//!
//! A query matching no remembered boundary is answered as CloudWatch does.
//! The map is in memory and bounded (oldest entries go first); after a
//! restart or an eviction a follower may miss late events once, as it would
//! against CloudWatch. Two identical queries whose results end at the same
//! timestamp share one entry and the later horizon wins, so the earlier
//! poller may miss late events that arrived between the two.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FollowKey {
    pub group: u64,
    /// Hash of the pattern text and the stream selection.
    pub query: u64,
    pub boundary: i64,
}

pub(crate) struct FollowMap {
    capacity: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    horizons: HashMap<FollowKey, (u64, u64)>,
    /// Insertion order with generations, for FIFO eviction; entries whose
    /// generation no longer matches were refreshed and are skipped.
    order: VecDeque<(FollowKey, u64)>,
    generation: u64,
}

impl FollowMap {
    pub(crate) fn new(capacity: usize) -> Self {
        FollowMap {
            capacity: capacity.max(1),
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn get(&self, key: &FollowKey) -> Option<u64> {
        self.lock().horizons.get(key).map(|&(horizon, _)| horizon)
    }

    pub(crate) fn record(&self, key: FollowKey, horizon: u64) {
        let mut inner = self.lock();
        inner.generation += 1;
        let generation = inner.generation;
        let previous = inner.horizons.get(&key).map_or(0, |&(h, _)| h);
        inner
            .horizons
            .insert(key, (previous.max(horizon), generation));
        inner.order.push_back((key, generation));
        while inner.horizons.len() > self.capacity || inner.order.len() > 2 * self.capacity {
            let Some((old, old_generation)) = inner.order.pop_front() else {
                break;
            };
            if inner
                .horizons
                .get(&old)
                .is_some_and(|&(_, g)| g == old_generation)
            {
                inner.horizons.remove(&old);
            }
        }
    }

    /// Forgets everything about a group (it was deleted).
    pub(crate) fn forget_group(&self, group: u64) {
        let mut inner = self.lock();
        inner.horizons.retain(|k, _| k.group != group);
        inner.order.retain(|(k, _)| k.group != group);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(boundary: i64) -> FollowKey {
        FollowKey {
            group: 1,
            query: 2,
            boundary,
        }
    }

    #[test]
    fn later_horizons_win_and_old_entries_are_evicted() {
        let map = FollowMap::new(2);
        map.record(key(10), 100);
        map.record(key(10), 90);
        assert_eq!(map.get(&key(10)), Some(100));
        map.record(key(10), 110);
        assert_eq!(map.get(&key(10)), Some(110));
        map.record(key(20), 200);
        map.record(key(30), 300);
        // key(10) was refreshed before key(20) and key(30) arrived; with room
        // for two, the oldest live entry goes.
        assert_eq!(map.get(&key(10)), None);
        assert_eq!(map.get(&key(20)), Some(200));
        assert_eq!(map.get(&key(30)), Some(300));
        map.forget_group(1);
        assert_eq!(map.get(&key(30)), None);
    }
}
