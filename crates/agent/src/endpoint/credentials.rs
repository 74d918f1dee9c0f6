//! The task role credentials the endpoint serves: fetched from the control plane
//! (`ControlPlane::task_credentials`) when a task with a role is first seen, cached in
//! memory only (never in the ledger, a label or a log line), and refreshed well before
//! they expire: half-way through their life, and at least 30 minutes before expiry, as
//! ECS's agent does. A failed refresh is retried with backoff while the credentials held
//! stay served until they expire; a container asking when none are held triggers a fetch
//! at once. A task's credentials are dropped when it stops.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use berth_api::protocol::TaskCredentials;
use tokio::sync::Notify;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::SessionSlot;
use crate::client::ClientError;

/// Refresh at most this long before expiry (ECS's agent: 30 minutes)…
const REFRESH_MARGIN: Duration = Duration::from_secs(30 * 60);
/// …and never sooner than this after a fetch, whatever the credentials' life.
const MIN_REFRESH_AFTER: Duration = Duration::from_secs(5);
/// Credentials this close to expiry are not served; a fresh fetch is made instead.
const MIN_SERVED_LIFE: Duration = Duration::from_secs(15);
const RETRY_BASE: Duration = Duration::from_secs(1);
const RETRY_MAX: Duration = Duration::from_secs(60);

/// Why no credentials can be served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unavailable {
    /// The task is not one the agent fetches credentials for (no role, stopped, unknown).
    NotTracked,
    /// Fetching failed; the message says why (never secret).
    Failed(String),
}

struct Slot {
    current: Option<TaskCredentials>,
    refresh_at: Instant,
    failures: u32,
    /// One fetch at a time per task, shared by the refresher and requests.
    single: Arc<tokio::sync::Mutex<()>>,
}

/// Why a fetch is made: nothing servable is held, or the refresh time came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Missing,
    Due,
}

/// The credentials of the tasks on this instance that have a role.
pub(crate) struct CredentialCache {
    slots: Mutex<HashMap<String, Slot>>,
    wake: Notify,
    session: Arc<SessionSlot>,
}

fn seconds_left(c: &TaskCredentials) -> i64 {
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    c.expiration.saturating_sub(now)
}

fn servable(c: &TaskCredentials) -> bool {
    seconds_left(c) > MIN_SERVED_LIFE.as_secs() as i64
}

/// When to fetch again after getting `c`: half-way through its remaining life, and at
/// least `REFRESH_MARGIN` before it expires.
fn refresh_delay(c: &TaskCredentials) -> Duration {
    let left = Duration::from_secs(u64::try_from(seconds_left(c)).unwrap_or(0));
    let margin = REFRESH_MARGIN.min(left / 2);
    left.saturating_sub(margin).max(MIN_REFRESH_AFTER)
}

fn retry_delay(failures: u32) -> Duration {
    RETRY_BASE
        .saturating_mul(1u32 << failures.min(10))
        .min(RETRY_MAX)
}

impl CredentialCache {
    pub(crate) fn new(session: Arc<SessionSlot>) -> Self {
        Self {
            slots: Mutex::default(),
            wake: Notify::new(),
            session,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Slot>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts fetching (and refreshing) the task's credentials, unless already doing so.
    pub(crate) fn track(&self, task_arn: &str) {
        let mut slots = self.lock();
        if slots.contains_key(task_arn) {
            return;
        }
        slots.insert(
            task_arn.to_owned(),
            Slot {
                current: None,
                refresh_at: Instant::now(),
                failures: 0,
                single: Arc::default(),
            },
        );
        drop(slots);
        self.wake.notify_one();
    }

    /// Drops the task's credentials and stops refreshing them.
    pub(crate) fn forget(&self, task_arn: &str) {
        self.lock().remove(task_arn);
    }

    /// Makes the task's refresh due now (tests of the refresher).
    #[cfg(test)]
    fn make_due(&self, task_arn: &str) {
        if let Some(slot) = self.lock().get_mut(task_arn) {
            slot.refresh_at = Instant::now();
        }
        self.wake.notify_one();
    }

    #[cfg(test)]
    pub(crate) fn is_tracked(&self, task_arn: &str) -> bool {
        self.lock().contains_key(task_arn)
    }

    /// The task's credentials: the ones held while they have life left, else fetched now.
    pub(crate) async fn get(&self, task_arn: &str) -> Result<TaskCredentials, Unavailable> {
        match self.lock().get(task_arn) {
            None => return Err(Unavailable::NotTracked),
            Some(slot) => {
                if let Some(c) = slot.current.as_ref().filter(|c| servable(c)) {
                    return Ok(c.clone());
                }
            }
        }
        self.fetch(task_arn, Need::Missing).await
    }

    async fn fetch(&self, task_arn: &str, need: Need) -> Result<TaskCredentials, Unavailable> {
        let single = match self.lock().get(task_arn) {
            Some(slot) => slot.single.clone(),
            None => return Err(Unavailable::NotTracked),
        };
        let _one_at_a_time = single.lock().await;
        // Another fetch may have finished while this one waited.
        if let Some(slot) = self.lock().get(task_arn) {
            let fresh = match need {
                Need::Missing => true,
                Need::Due => slot.refresh_at > Instant::now(),
            };
            if let Some(c) = slot.current.as_ref().filter(|c| fresh && servable(c)) {
                return Ok(c.clone());
            }
        }
        let result = match self.session.current() {
            None => Err("the agent has not registered with the control plane yet".to_owned()),
            Some(session) => session
                .control
                .task_credentials(&session.credential, task_arn)
                .await
                .map_err(|e| match e {
                    ClientError::Rejected {
                        status, message, ..
                    } if message.is_empty() => {
                        format!("the control plane refused the request (HTTP {status})")
                    }
                    ClientError::Rejected { message, .. } => message,
                    ClientError::Unauthorized(message) => {
                        format!("the control plane refused the agent: {message}")
                    }
                    other => format!("the control plane could not be asked: {other}"),
                }),
        };
        let mut slots = self.lock();
        // Forgotten meanwhile (the task stopped): keep nothing.
        let Some(slot) = slots.get_mut(task_arn) else {
            return Err(Unavailable::NotTracked);
        };
        match result {
            Ok(credentials) => {
                slot.refresh_at = Instant::now() + refresh_delay(&credentials);
                slot.failures = 0;
                slot.current = Some(credentials.clone());
                Ok(credentials)
            }
            Err(message) => {
                slot.failures = slot.failures.saturating_add(1);
                slot.refresh_at = Instant::now() + retry_delay(slot.failures);
                tracing::warn!(task = %task_arn, failures = slot.failures, %message, "cannot get the task role's credentials");
                match slot.current.as_ref().filter(|c| servable(c)) {
                    // A failed refresh keeps serving what is held.
                    Some(c) if need == Need::Due => Ok(c.clone()),
                    _ => Err(Unavailable::Failed(message)),
                }
            }
        }
    }

    /// Fetches and refreshes credentials as they come due, until cancelled.
    pub(crate) async fn run_refresher(self: Arc<Self>, cancel: CancellationToken) {
        loop {
            let next = self
                .lock()
                .values()
                .map(|s| s.refresh_at)
                .min()
                .unwrap_or_else(|| Instant::now() + Duration::from_secs(3600));
            tokio::select! {
                _ = cancel.cancelled() => return,
                _ = tokio::time::sleep_until(next) => {}
                _ = self.wake.notified() => {}
            }
            let now = Instant::now();
            let due: Vec<String> = self
                .lock()
                .iter()
                .filter(|(_, s)| s.refresh_at <= now)
                .map(|(arn, _)| arn.clone())
                .collect();
            for arn in due {
                tokio::select! {
                    _ = cancel.cancelled() => return,
                    // The outcome is kept in the slot (and logged on failure).
                    _ = self.fetch(&arn, Need::Due) => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ControlPlane;
    use crate::endpoint::Session;
    use berth_api::protocol::{
        DesiredState, RegisterRequest, RegisterResponse, ReportRequest, ReportResponse,
    };
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A control plane that mints numbered credentials living `life` seconds, or fails.
    struct Minter {
        calls: AtomicU32,
        life: i64,
        fail: std::sync::atomic::AtomicBool,
    }

    #[async_trait::async_trait]
    impl ControlPlane for Minter {
        async fn register(
            &self,
            _: &str,
            _: &RegisterRequest,
        ) -> Result<RegisterResponse, ClientError> {
            Err(ClientError::Transport("unused".into()))
        }
        async fn desired(&self, _: &str, _: u64, _: Duration) -> Result<DesiredState, ClientError> {
            Err(ClientError::Transport("unused".into()))
        }
        async fn report(&self, _: &str, _: &ReportRequest) -> Result<ReportResponse, ClientError> {
            Err(ClientError::Transport("unused".into()))
        }
        async fn task_credentials(
            &self,
            credential: &str,
            task_arn: &str,
        ) -> Result<TaskCredentials, ClientError> {
            assert_eq!(credential, "agent-secret");
            if self.fail.load(Ordering::SeqCst) {
                return Err(ClientError::Rejected {
                    status: 403,
                    error: "forbidden".into(),
                    message: "the role cannot be assumed".into(),
                });
            }
            let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
            let now = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .expect("after 1970")
                .as_secs();
            Ok(TaskCredentials {
                role_arn: format!("role-of-{task_arn}"),
                access_key_id: format!("AKID{n}"),
                secret_access_key: "secret".into(),
                session_token: "token".into(),
                expiration: i64::try_from(now).expect("fits") + self.life,
            })
        }
    }

    fn cache(minter: Arc<Minter>) -> Arc<CredentialCache> {
        let session = Arc::new(SessionSlot::default());
        session.attach(Session {
            control: minter,
            credential: "agent-secret".into(),
            cluster_arn: "c".into(),
            instance_arn: "i".into(),
        });
        Arc::new(CredentialCache::new(session))
    }

    #[test]
    fn refreshes_half_way_and_at_least_thirty_minutes_early() {
        let at = |life: i64| {
            let now = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .expect("after 1970")
                .as_secs();
            refresh_delay(&TaskCredentials {
                role_arn: String::new(),
                access_key_id: String::new(),
                secret_access_key: String::new(),
                session_token: String::new(),
                expiration: i64::try_from(now).expect("fits") + life,
            })
            .as_secs()
        };
        // 6 h: 30 min before expiry. 1 h: half-way (also 30 min). 10 min: half-way.
        assert!(
            (19_790..=19_800).contains(&at(6 * 3600)),
            "{}",
            at(6 * 3600)
        );
        assert!((1_790..=1_800).contains(&at(3600)), "{}", at(3600));
        assert!((290..=300).contains(&at(600)), "{}", at(600));
        assert_eq!(at(4), MIN_REFRESH_AFTER.as_secs());
    }

    #[tokio::test]
    async fn fetched_once_served_from_memory_and_dropped_when_forgotten() {
        let minter = Arc::new(Minter {
            calls: AtomicU32::new(0),
            life: 3600,
            fail: false.into(),
        });
        let cache = cache(minter.clone());
        assert_eq!(cache.get("t1").await, Err(Unavailable::NotTracked));
        cache.track("t1");
        let first = cache.get("t1").await.expect("credentials");
        assert_eq!(first.role_arn, "role-of-t1");
        let again = cache.get("t1").await.expect("credentials");
        assert_eq!(again.access_key_id, first.access_key_id);
        assert_eq!(minter.calls.load(Ordering::SeqCst), 1, "served from memory");
        cache.forget("t1");
        assert_eq!(cache.get("t1").await, Err(Unavailable::NotTracked));
    }

    /// Polls `check` every 10 ms for at most 5 s.
    async fn eventually(what: &str, check: impl Fn() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while !check() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    #[tokio::test]
    async fn the_refresher_fetches_new_tasks_renews_due_ones_and_keeps_serving_through_a_failure() {
        let minter = Arc::new(Minter {
            calls: AtomicU32::new(0),
            life: 3600,
            fail: false.into(),
        });
        let cache = cache(minter.clone());
        let cancel = CancellationToken::new();
        let refresher = tokio::spawn(cache.clone().run_refresher(cancel.clone()));
        cache.track("t1");
        let calls = || minter.calls.load(Ordering::SeqCst);
        eventually("the first fetch", || calls() == 1).await;
        // Fetched ahead of any request; the next refresh is 30 minutes before expiry.
        let held = cache.lock()["t1"].current.clone().expect("held");
        assert_eq!(held.access_key_id, "AKID1");
        let wait = cache.lock()["t1"].refresh_at - Instant::now();
        assert!(wait > Duration::from_secs(1790) && wait <= Duration::from_secs(1800));

        // Come due: renewed.
        cache.make_due("t1");
        eventually("the renewal", || calls() == 2).await;
        assert_eq!(
            cache.get("t1").await.expect("served").access_key_id,
            "AKID2"
        );

        // A failed renewal keeps serving what is held, and is retried soon.
        minter.fail.store(true, Ordering::SeqCst);
        cache.make_due("t1");
        eventually("the failed renewal", || cache.lock()["t1"].failures == 1).await;
        assert_eq!(
            cache.get("t1").await.expect("served").access_key_id,
            "AKID2"
        );
        let retry = cache.lock()["t1"].refresh_at - Instant::now();
        assert!(retry <= RETRY_BASE * 2, "{retry:?}");
        cancel.cancel();
        refresher.await.expect("the refresher ends");

        // With nothing held, a failure is the caller's answer.
        cache.forget("t1");
        cache.track("t1");
        assert_eq!(
            cache.get("t1").await,
            Err(Unavailable::Failed("the role cannot be assumed".into()))
        );
    }
}
