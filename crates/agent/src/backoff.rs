//! Capped exponential backoff with full jitter, for every retry loop of the agent
//! (server calls, runtime reconnects). Jitter keeps a fleet of agents from retrying in
//! lockstep after a server restart.

use std::time::Duration;

use rand::Rng;

/// Retry delays: `base · 2^n`, capped at `max`, each drawn uniformly from `[d/2, d]`.
#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    max: Duration,
    attempt: u32,
}

impl Backoff {
    pub fn new(base: Duration, max: Duration) -> Self {
        Self {
            base,
            max: max.max(base),
            attempt: 0,
        }
    }

    /// The delay before the next attempt.
    pub fn next_delay(&mut self) -> Duration {
        let exp = self
            .base
            .saturating_mul(1u32.checked_shl(self.attempt.min(20)).unwrap_or(u32::MAX));
        let d = exp.min(self.max);
        self.attempt = self.attempt.saturating_add(1);
        let lo = d / 2;
        let span = d.saturating_sub(lo);
        lo + span.mul_f64(rand::thread_rng().gen_range(0.0..=1.0))
    }

    /// Back to the base delay after a success.
    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_and_caps() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_secs(1));
        let first = b.next_delay();
        assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
        for _ in 0..50 {
            assert!(b.next_delay() <= Duration::from_secs(1));
        }
        b.reset();
        assert!(b.next_delay() <= Duration::from_millis(100));
    }
}
