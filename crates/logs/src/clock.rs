//! The ingestion clock: stamps each batch with its ingestion time and an
//! engine-wide *ingestion sequence number*, and knows the *visibility
//! horizon*: the sequence number up to which every batch that will ever
//! exist is already visible to readers.
//!
//! Batches of different streams are written and fsynced in parallel, so they
//! become visible out of sequence order. The clock keeps the numbers still in
//! flight; the horizon is just below the oldest of them (or the last number
//! handed out). A FilterLogEvents pagination reads "as of" a horizon, so
//! "sequence number above the horizon" means exactly "not seen by that
//! pagination", which is what lets `aws logs tail --follow` see late events
//! exactly once (see `follow.rs`). Sequence numbers are stored in each batch,
//! so they keep increasing across restarts.
//!
//! Ingestion times are wall-clock milliseconds that never decrease, even if
//! the wall clock steps back.

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
    /// The last ingestion time handed out.
    last_time: i64,
    /// The next sequence number (the first is 1, so 0 is "before all").
    next_seq: u64,
    /// Sequence numbers handed out whose batches are not yet visible (or
    /// failed), with how many batches hold each (always one).
    in_flight: BTreeMap<u64, usize>,
}

/// A stamp in flight; dropping it tells the clock the batch is visible or
/// abandoned.
pub(crate) struct Stamp<'a> {
    clock: &'a IngestClock,
    pub time: i64,
    pub seq: u64,
}

impl Drop for Stamp<'_> {
    fn drop(&mut self) {
        let mut state = self.clock.lock();
        if let Some(n) = state.in_flight.get_mut(&self.seq) {
            *n -= 1;
            if *n == 0 {
                state.in_flight.remove(&self.seq);
            }
        }
    }
}

impl IngestClock {
    /// `last_time` and `last_seq`: the newest ingestion time and sequence
    /// number already on disk, so stamps after a restart stay above them.
    pub(crate) fn new(wall: WallClock, last_time: i64, last_seq: u64) -> Self {
        IngestClock {
            wall,
            state: Mutex::new(ClockState {
                last_time,
                next_seq: last_seq + 1,
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
        state.last_time = state.last_time.max(now);
        let (time, seq) = (state.last_time, state.next_seq);
        state.next_seq += 1;
        *state.in_flight.entry(seq).or_default() += 1;
        Stamp {
            clock: self,
            time,
            seq,
        }
    }

    /// The visibility horizon: every batch with a sequence number at or
    /// below it is visible now, and no batch will get one again.
    pub(crate) fn horizon(&self) -> u64 {
        let state = self.lock();
        state
            .in_flight
            .keys()
            .next()
            .copied()
            .unwrap_or(state.next_seq)
            - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI64, Ordering};

    fn clock_at(now: &Arc<AtomicI64>, last_time: i64, last_seq: u64) -> IngestClock {
        let now = Arc::clone(now);
        IngestClock::new(
            Arc::new(move || now.load(Ordering::SeqCst)),
            last_time,
            last_seq,
        )
    }

    #[test]
    fn horizon_stays_below_batches_in_flight() {
        let now = Arc::new(AtomicI64::new(1_000));
        let clock = clock_at(&now, 0, 0);
        assert_eq!(clock.horizon(), 0);
        let first = clock.stamp();
        let second = clock.stamp();
        assert_eq!((first.seq, second.seq), (1, 2));
        assert_eq!((first.time, second.time), (1_000, 1_000));
        // The second batch finished first; the first still holds the horizon.
        drop(second);
        assert_eq!(clock.horizon(), 0);
        drop(first);
        assert_eq!(clock.horizon(), 2);
        // Asking often moves nothing.
        assert_eq!(clock.horizon(), 2);
        assert_eq!(clock.stamp().seq, 3);
    }

    #[test]
    fn times_never_go_back_even_if_the_wall_clock_does() {
        let now = Arc::new(AtomicI64::new(2_000));
        let clock = clock_at(&now, 0, 0);
        assert_eq!(clock.stamp().time, 2_000);
        now.store(1_000, Ordering::SeqCst);
        assert_eq!(clock.stamp().time, 2_000);
        now.store(3_000, Ordering::SeqCst);
        assert_eq!(clock.stamp().time, 3_000);
    }

    #[test]
    fn a_restart_continues_above_stored_stamps() {
        let now = Arc::new(AtomicI64::new(10));
        let clock = clock_at(&now, 50, 41);
        assert_eq!(clock.horizon(), 41);
        let stamp = clock.stamp();
        assert_eq!((stamp.time, stamp.seq), (50, 42));
    }
}
