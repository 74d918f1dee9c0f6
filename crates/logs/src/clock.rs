//! The ingestion clock: stamps each batch with its ingestion time and knows
//! the *visibility horizon*, the newest ingestion time up to which every batch
//! that will ever exist is already visible to readers.
//!
//! Batches of different streams are written and fsynced in parallel and so
//! become visible out of stamp order. The clock keeps the stamps still in
//! flight; the horizon is just below the oldest of them (and below "now", as
//! the next stamp is at least now). A FilterLogEvents pagination reads "as of"
//! a horizon, so "ingested after the horizon" means exactly "not seen by that
//! pagination" — which is what lets `aws logs tail --follow` see late events
//! exactly once (see `query.rs`).
//!
//! Stamps never decrease, even if the wall clock steps back.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// Milliseconds since the Unix epoch, as the engine sees "now". Tests inject
/// their own; production uses [`system_now_ms`].
pub type WallClock = Arc<dyn Fn() -> i64 + Send + Sync>;

pub fn system_now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

pub(crate) struct IngestClock {
    wall: WallClock,
    state: Mutex<ClockState>,
}

struct ClockState {
    /// No stamp handed out from now on is below this: the last stamp, or
    /// one past the last horizon.
    floor: i64,
    /// Stamps handed out whose batches are not yet visible (or failed), with
    /// how many batches hold each.
    in_flight: BTreeMap<i64, usize>,
}

/// A stamp in flight; ending it (drop) tells the clock the batch is visible
/// or abandoned.
pub(crate) struct Stamp<'a> {
    clock: &'a IngestClock,
    pub time: i64,
}

impl Drop for Stamp<'_> {
    fn drop(&mut self) {
        let mut state = self.clock.lock();
        if let Some(n) = state.in_flight.get_mut(&self.time) {
            *n -= 1;
            if *n == 0 {
                state.in_flight.remove(&self.time);
            }
        }
    }
}

impl IngestClock {
    /// `floor`: the newest ingestion time already on disk, so stamps after a
    /// restart do not go below it.
    pub(crate) fn new(wall: WallClock, floor: i64) -> Self {
        IngestClock {
            wall,
            state: Mutex::new(ClockState {
                floor,
                in_flight: BTreeMap::new(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ClockState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn now(&self) -> i64 {
        (self.wall)()
    }

    /// Stamps a batch about to be written.
    pub(crate) fn stamp(&self) -> Stamp<'_> {
        let now = self.now();
        let mut state = self.lock();
        state.floor = state.floor.max(now);
        let time = state.floor;
        *state.in_flight.entry(time).or_default() += 1;
        Stamp { clock: self, time }
    }

    /// The visibility horizon: every batch stamped at or before it is
    /// visible now, and no batch will ever be stamped at or before it again
    /// (later stamps are pushed past it, by a millisecond at most).
    pub(crate) fn horizon(&self) -> i64 {
        let now = self.now();
        let mut state = self.lock();
        let current = state.floor.max(now);
        let horizon = match state.in_flight.keys().next() {
            Some(&oldest_unfinished) => oldest_unfinished - 1,
            None => current,
        };
        state.floor = state.floor.max(horizon + 1);
        horizon
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI64, Ordering};

    fn clock_at(now: &Arc<AtomicI64>) -> IngestClock {
        let now = Arc::clone(now);
        IngestClock::new(Arc::new(move || now.load(Ordering::SeqCst)), 0)
    }

    #[test]
    fn horizon_stays_below_batches_in_flight() {
        let now = Arc::new(AtomicI64::new(1_000));
        let clock = clock_at(&now);
        let first = clock.stamp();
        assert_eq!(first.time, 1_000);
        now.store(1_005, Ordering::SeqCst);
        let second = clock.stamp();
        assert_eq!(second.time, 1_005);
        // The second batch finished first; the first still holds the horizon.
        drop(second);
        assert_eq!(clock.horizon(), 999);
        drop(first);
        // Nothing in flight: everything stamped so far is visible, and the
        // next stamp lands after the horizon even within the same millisecond.
        assert_eq!(clock.horizon(), 1_005);
        assert_eq!(clock.stamp().time, 1_006);
    }

    #[test]
    fn stamps_never_go_back_even_if_the_wall_clock_does() {
        let now = Arc::new(AtomicI64::new(2_000));
        let clock = clock_at(&now);
        let horizon = clock.horizon();
        now.store(1_000, Ordering::SeqCst);
        let stamp = clock.stamp();
        assert!(stamp.time > horizon);
        assert_eq!(stamp.time, 2_001);
        drop(stamp);
        assert!(clock.horizon() >= horizon);
    }

    #[test]
    fn restart_floor_keeps_stamps_above_stored_data() {
        let now = Arc::new(AtomicI64::new(10));
        let clock = IngestClock::new(
            {
                let now = Arc::clone(&now);
                Arc::new(move || now.load(Ordering::SeqCst))
            },
            50,
        );
        assert_eq!(clock.stamp().time, 50);
    }
}
