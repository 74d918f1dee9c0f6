//! Leases of the local backends (memory and SQLite): correct within one
//! process, which is all a local store serves.
//!
//! Leases live in memory only: a process that stops holds no lease, so the
//! SQLite backend deletes every key still attached to a lease when it opens
//! (`sqlite.rs`). While the process runs, a lease expires `ttl` after it was
//! granted or last kept alive; one tokio task per lease sleeps until its
//! deadline and then asks the backend to expire it, and the backend checks the
//! deadline again under its own lock, so a keep-alive that wins the race keeps
//! the lease. Expiring deletes the lease's keys in one txn, with one delete
//! event each, as etcd does.

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

use crate::error::StoreError;
use crate::types::{Lease, LeaseId};

/// The shortest TTL granted, and the unit TTLs are rounded up to (etcd's).
const TTL_UNIT: Duration = Duration::from_secs(1);
/// The longest TTL granted (etcd's `MaxLeaseTTL`, about 9 years).
const MAX_TTL: Duration = Duration::from_secs(9_000_000_000);

/// The TTL a lease asked for `ttl` gets: whole seconds, at least one.
pub fn granted_ttl(ttl: Duration) -> Result<Duration, StoreError> {
    if ttl > MAX_TTL {
        return Err(StoreError::InvalidArgument(format!(
            "lease TTL of {}s; the limit is {}s",
            ttl.as_secs(),
            MAX_TTL.as_secs()
        )));
    }
    let secs = ttl.as_secs() + u64::from(ttl.subsec_nanos() > 0);
    Ok(Duration::from_secs(secs).max(TTL_UNIT))
}

/// The live leases of one store.
#[derive(Debug, Default)]
pub struct Leases {
    live: HashMap<LeaseId, Entry>,
    last_id: LeaseId,
}

#[derive(Debug)]
struct Entry {
    ttl: Duration,
    deadline: Instant,
}

impl Leases {
    /// A new lease, alive for `ttl` from now.
    pub fn grant(&mut self, ttl: Duration) -> Result<Lease, StoreError> {
        let ttl = granted_ttl(ttl)?;
        self.last_id += 1;
        let id = self.last_id;
        self.live.insert(
            id,
            Entry {
                ttl,
                deadline: Instant::now() + ttl,
            },
        );
        Ok(Lease { id, ttl })
    }

    /// Restarts the lease's TTL; returns it.
    pub fn keep_alive(&mut self, id: LeaseId) -> Result<Duration, StoreError> {
        let now = Instant::now();
        match self.live.get_mut(&id) {
            Some(entry) if entry.deadline > now => {
                entry.deadline = now + entry.ttl;
                Ok(entry.ttl)
            }
            _ => Err(StoreError::LeaseNotFound(id)),
        }
    }

    /// Whether the lease may take keys: it exists and has not expired.
    pub fn is_alive(&self, id: LeaseId) -> bool {
        self.live
            .get(&id)
            .is_some_and(|entry| entry.deadline > Instant::now())
    }

    /// When the lease expires, or `None` if it is gone.
    pub fn deadline(&self, id: LeaseId) -> Option<Instant> {
        self.live.get(&id).map(|entry| entry.deadline)
    }

    /// Removes the lease; whether it existed.
    pub fn remove(&mut self, id: LeaseId) -> bool {
        self.live.remove(&id).is_some()
    }

    /// Removes the lease if its deadline has passed; whether it did.
    pub fn remove_if_expired(&mut self, id: LeaseId) -> bool {
        let expired = self
            .live
            .get(&id)
            .is_some_and(|entry| entry.deadline <= Instant::now());
        if expired {
            self.live.remove(&id);
        }
        expired
    }
}

/// Runs until lease `id` is gone: sleeps to its deadline (read through
/// `deadline`, which returns `None` once the lease or its store is gone), then
/// calls `expire`, which removes the lease if it is still due.
pub async fn expire_when_due<D, E, F>(deadline: D, expire: E)
where
    D: Fn() -> Option<Instant>,
    E: Fn() -> F,
    F: Future<Output = ()>,
{
    while let Some(at) = deadline() {
        if at > Instant::now() {
            tokio::time::sleep_until(at).await;
        } else {
            expire().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttls_are_whole_seconds_of_at_least_one() {
        assert_eq!(granted_ttl(Duration::ZERO), Ok(TTL_UNIT));
        assert_eq!(
            granted_ttl(Duration::from_millis(1500)),
            Ok(Duration::from_secs(2))
        );
        assert_eq!(
            granted_ttl(Duration::from_secs(3)),
            Ok(Duration::from_secs(3))
        );
        assert!(granted_ttl(MAX_TTL + TTL_UNIT).is_err());
    }

    #[tokio::test(start_paused = true)]
    async fn keep_alive_extends_and_expiry_is_final() {
        let mut leases = Leases::default();
        let lease = leases.grant(Duration::from_secs(2)).expect("grant");
        tokio::time::advance(Duration::from_millis(1500)).await;
        assert_eq!(leases.keep_alive(lease.id), Ok(Duration::from_secs(2)));
        tokio::time::advance(Duration::from_millis(1500)).await;
        assert!(leases.is_alive(lease.id));
        assert!(!leases.remove_if_expired(lease.id));
        tokio::time::advance(Duration::from_millis(600)).await;
        assert!(!leases.is_alive(lease.id));
        assert_eq!(
            leases.keep_alive(lease.id),
            Err(StoreError::LeaseNotFound(lease.id))
        );
        assert!(leases.remove_if_expired(lease.id));
        assert_eq!(leases.deadline(lease.id), None);
    }
}
