//! Log drivers: what Docker keeps of a container's output ([`docker_log_config`]), and the
//! agent's own `awslogs` driver, which ships an awslogs container's lines to the server's
//! CloudWatch Logs API.
//!
//! Docker's awslogs driver would need AWS credentials and an endpoint inside dockerd; the
//! agent already holds a credential and a connection to the server, so the container
//! runs with Docker's `local` driver underneath (its `mode` and `max-buffer-size` applied
//! there) and the agent follows its log:
//!
//! ```text
//!  runtime.logs(id, since, follow) ──frames──▶ LineAssembler ──events──▶ batch ──▶ put_logs
//!        ▲ (read pauses while the backlog is full)                 (one in flight)
//!        └── open_log_stream: the stream's stored position; resume a second before it
//! ```
//!
//! One follower (a tokio task) per container, started by the task runner when it sees
//! the container running ([`LogShipper::follow`]; idempotent). It asks the server for the
//! stream's last stored position, reads Docker's log from a second before it, drops what
//! is at or below it (`lines.rs`), and ships the rest in batches within PutLogEvents'
//! limits, flushed as soon as the previous batch is acknowledged: under load batches
//! grow, idle lines go out at once. A slow server stops the reading, not memory: at
//! most one batch is in flight, one is being filled, and the assembled backlog is
//! bounded (`awslogs-max-buffered-events`, and 4 MiB). Lines written while the agent is
//! down stay in Docker's log and are shipped when it returns; when the container stops,
//! Docker ends the log after its last line, which is shipped before the follower ends.
//! Before the container first starts, [`LogShipper::prepare`] opens the stream, so a
//! missing log group (without `awslogs-create-group`) fails the container's start as it
//! does on ECS. Docker 20.10 sometimes cuts a followed log short, or stops delivering it
//! without ending it, when the container exits mid-read: so the follower is done only
//! after a read that began once the container had stopped, and a read quiet for a second
//! checks whether the container still runs (see `STALL_CHECK`).

mod lines;

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use berth_api::ecs::{ContainerDefinition, LogDriver};
use berth_api::protocol::{
    LogBatch, LogBatchResponse, LogPosition, LogStreamRequest, ShippedLogEvent,
};
use futures::StreamExt;
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::client::{ClientError, ControlPlane};
use crate::runtime::{ContainerRuntime, LogConfigSpec, RunState, RuntimeError};
use lines::{Event, LineAssembler};

/// The Docker driver under an awslogs container: Docker's compact, rotated local format.
const AWSLOGS_BASE_DRIVER: &str = "local";
/// Options Docker applies to every driver, so an awslogs container's go to the base driver.
const DOCKER_COMMON_OPTIONS: &[&str] = &["mode", "max-buffer-size"];
/// `awslogs-max-buffered-events`: the assembled events a follower holds before it stops
/// reading; the default is the size of one full batch.
const MAX_BUFFERED_EVENTS_OPTION: &str = "awslogs-max-buffered-events";
const DEFAULT_MAX_BUFFERED_EVENTS: usize = 10_000;
/// And at most this many message bytes.
const MAX_BUFFERED_BYTES: usize = 4 << 20;
/// PutLogEvents' limits on a batch.
const MAX_BATCH_EVENTS: usize = 10_000;
const MAX_BATCH_BYTES: usize = 1_048_576;
const EVENT_OVERHEAD_BYTES: usize = 26;
const MAX_BATCH_SPAN_MS: i64 = 24 * 3600 * 1000;
/// A batch's JSON body stays under this (the server takes 6 MiB; escaping can make a
/// message up to six times longer).
const MAX_BATCH_JSON_BYTES: usize = 5 << 20;
/// Warnings about refused batches, at most one in this many.
const WARN_EVERY: u64 = 100;
/// A read that yields nothing for this long checks whether the container still runs.
/// Docker 20.10 loses track of a followed log when its container exits while the log is
/// being read: the read ends early, or never ends (`docker logs -f` does the same). So
/// only a read that began after the container stopped counts as complete; a read cut
/// short or gone quiet is followed by another from the stream's stored position, and a
/// read of a stopped container returns everything and ends.
const STALL_CHECK: Duration = Duration::from_secs(1);

/// What Docker keeps of a container's output: the definition's driver and options
/// (checked at registration), or for `awslogs` the base driver the agent reads from.
/// `None` leaves Docker's default.
pub(crate) fn docker_log_config(def: &ContainerDefinition) -> Option<LogConfigSpec> {
    let config = def.log_configuration.as_ref()?;
    let options = config.options.clone().unwrap_or_default();
    Some(match config.log_driver {
        LogDriver::Awslogs => LogConfigSpec {
            driver: AWSLOGS_BASE_DRIVER.to_owned(),
            options: options
                .into_iter()
                .filter(|(name, _)| DOCKER_COMMON_OPTIONS.contains(&name.as_str()))
                .collect(),
        },
        driver => LogConfigSpec {
            driver: driver.as_str().to_owned(),
            options,
        },
    })
}

/// An awslogs container to ship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShipTarget {
    pub task_arn: String,
    pub container_name: String,
    pub container_id: String,
    pub max_buffered_events: usize,
}

impl ShipTarget {
    /// The target of a container of `task_arn`, if its definition uses awslogs.
    pub(crate) fn of(
        task_arn: &str,
        def: Option<&ContainerDefinition>,
        container_id: Option<&str>,
    ) -> Option<Self> {
        let def = def?;
        let config = def.log_configuration.as_ref()?;
        if config.log_driver != LogDriver::Awslogs {
            return None;
        }
        let options: &BTreeMap<String, String> = config.options.as_ref()?;
        Some(Self {
            task_arn: task_arn.to_owned(),
            container_name: def.name.clone()?,
            container_id: container_id?.to_owned(),
            max_buffered_events: options
                .get(MAX_BUFFERED_EVENTS_OPTION)
                .and_then(|n| n.parse().ok())
                .filter(|n| *n > 0)
                .unwrap_or(DEFAULT_MAX_BUFFERED_EVENTS),
        })
    }

    fn request(&self) -> LogStreamRequest {
        LogStreamRequest {
            task_arn: self.task_arn.clone(),
            container_name: self.container_name.clone(),
            container_id: self.container_id.clone(),
        }
    }
}

/// Why [`LogShipper::prepare`] did not open the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PrepareError {
    /// The server could not be reached: try again later.
    Unavailable,
    /// Refused for good; the message is for the container's reason.
    Refused(String),
}

/// A follower's state, by container ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follower {
    Running,
    /// Shipped everything up to the container's stop; its run started at this time.
    Done(Option<SystemTime>),
    /// The runtime keeps no logs (the fake runtime): nothing to follow, ever.
    Unsupported,
}

/// How a follower ended.
enum FollowEnd {
    /// Shipped up to the stop of the container's run that started at this time.
    Shipped(Option<SystemTime>),
    /// Stopped or gave up: a later sighting of the container starts another.
    Left,
    Unsupported,
}

/// The awslogs followers of one agent session.
pub(crate) struct LogShipper {
    runtime: Arc<dyn ContainerRuntime>,
    control: Arc<dyn ControlPlane>,
    credential: String,
    cancel: CancellationToken,
    followers: Mutex<HashMap<String, Follower>>,
}

impl std::fmt::Debug for LogShipper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogShipper").finish_non_exhaustive()
    }
}

/// How one pass over the container's log ended.
enum PassEnd {
    /// Docker ended the log: the container stopped (or the read broke off).
    Drained,
    /// The read went quiet after the container stopped: read again.
    Stalled,
    /// Reading failed; the message is the runtime's.
    Failed(RuntimeError),
    /// The session is over.
    Stopped,
}

/// A batch in flight.
type Sending = Pin<Box<dyn Future<Output = Result<LogBatchResponse, ()>> + Send>>;

impl LogShipper {
    pub(crate) fn new(
        runtime: Arc<dyn ContainerRuntime>,
        control: Arc<dyn ControlPlane>,
        credential: String,
        cancel: CancellationToken,
    ) -> Arc<Self> {
        Arc::new(Self {
            runtime,
            control,
            credential,
            cancel,
            followers: Mutex::new(HashMap::new()),
        })
    }

    fn followers(&self) -> std::sync::MutexGuard<'_, HashMap<String, Follower>> {
        self.followers.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Opens the container's stream before its first start: creates the group when
    /// `awslogs-create-group` allows, and the stream.
    pub(crate) async fn prepare(&self, target: &ShipTarget) -> Result<(), PrepareError> {
        let request = target.request();
        let opened = tokio::select! {
            _ = self.cancel.cancelled() => return Err(PrepareError::Unavailable),
            r = self.control.open_log_stream(&self.credential, &request) => r,
        };
        match opened {
            Ok(_) => Ok(()),
            Err(e) if e.is_retryable() => Err(PrepareError::Unavailable),
            Err(ClientError::Unauthorized(_)) => Err(PrepareError::Unavailable),
            Err(ClientError::Rejected { message, .. }) => Err(PrepareError::Refused(format!(
                "failed to initialize logging driver: failed to create CloudWatch log stream: \
                 {message}"
            ))),
            Err(e) => Err(PrepareError::Refused(format!(
                "failed to initialize logging driver: {e}"
            ))),
        }
    }

    /// Makes sure a follower ships the container's log, unless one is at it or one
    /// already shipped this run of the container (`started_at`) to its end.
    pub(crate) fn follow(self: &Arc<Self>, target: ShipTarget, started_at: Option<SystemTime>) {
        {
            let mut followers = self.followers();
            match followers.get(&target.container_id) {
                Some(Follower::Running | Follower::Unsupported) => return,
                Some(Follower::Done(run)) if *run == started_at => return,
                _ => {}
            }
            followers.insert(target.container_id.clone(), Follower::Running);
        }
        let shipper = Arc::clone(self);
        tokio::spawn(async move {
            let id = target.container_id.clone();
            let end = shipper.run_follower(&target).await;
            let mut followers = shipper.followers();
            match end {
                FollowEnd::Shipped(run) => followers.insert(id, Follower::Done(run)),
                FollowEnd::Unsupported => followers.insert(id, Follower::Unsupported),
                FollowEnd::Left => followers.remove(&id),
            };
        });
    }

    /// Ships the container's log until it stops for good.
    async fn run_follower(&self, target: &ShipTarget) -> FollowEnd {
        let mut backoff = Backoff::new(Duration::from_millis(200), Duration::from_secs(30));
        let request = target.request();
        loop {
            let opened = tokio::select! {
                _ = self.cancel.cancelled() => return FollowEnd::Left,
                r = self.control.open_log_stream(&self.credential, &request) => r,
            };
            let after = match opened {
                Ok(opened) => opened.position,
                Err(e) if e.is_retryable() => {
                    self.pause(backoff.next_delay()).await;
                    continue;
                }
                Err(e) => {
                    tracing::warn!(task = %target.task_arn, container = %target.container_name, error = %e, "cannot ship this container's log");
                    return FollowEnd::Left;
                }
            };
            // Whether the container had stopped before this read began: only such a read
            // is known to see the whole log (see `STALL_CHECK`).
            let stopped = match self.runtime.inspect(&target.container_id).await {
                Ok(status) if status.state != RunState::Running => Some(status.started_at),
                Ok(_) => None,
                Err(RuntimeError::NotFound(_)) => return FollowEnd::Left,
                Err(_) => {
                    self.pause(backoff.next_delay()).await;
                    continue;
                }
            };
            // A stopped container's log is read whole without following: Docker serves
            // that about twice as fast, which matters when catching up after a restart.
            match self.ship_pass(target, after, stopped.is_none()).await {
                PassEnd::Stopped => return FollowEnd::Left,
                PassEnd::Failed(RuntimeError::NotFound(_)) => return FollowEnd::Left,
                PassEnd::Failed(RuntimeError::Invalid(_)) => return FollowEnd::Unsupported,
                PassEnd::Failed(e) => {
                    tracing::debug!(container = %target.container_id, error = %e, "reading the container's log failed");
                    self.pause(backoff.next_delay()).await;
                }
                PassEnd::Stalled => backoff.reset(),
                // Everything up to the container's stop is shipped.
                PassEnd::Drained if stopped.is_some() => {
                    return FollowEnd::Shipped(stopped.flatten())
                }
                // The container stopped during the read (read again, once it has), was
                // restarted in place, or the read broke off: read on.
                PassEnd::Drained => backoff.reset(),
            }
        }
    }

    async fn pause(&self, delay: Duration) {
        tokio::select! {
            _ = self.cancel.cancelled() => {}
            _ = tokio::time::sleep(delay) => {}
        }
    }

    /// One read of the container's log from just before `after` to its end (followed
    /// while the container runs, with `follow`).
    async fn ship_pass(
        &self,
        target: &ShipTarget,
        after: Option<LogPosition>,
        follow: bool,
    ) -> PassEnd {
        // Docker's `since` is in whole seconds and filters message by message; a second
        // of margin keeps messages stamped slightly out of order.
        let since = after.map_or(0, |p| p.time_ns.div_euclid(1_000_000_000) - 1);
        let mut frames = self
            .runtime
            .logs(&target.container_id, since.max(0), follow);
        let mut assembler = LineAssembler::new(after);
        let mut batch = Batch::default();
        let mut sending: Option<Sending> = None;
        let mut ended: Option<PassEnd> = None;
        let mut quiet_since = tokio::time::Instant::now();
        loop {
            while let Some(event) = assembler.peek() {
                if !batch.fits(event) {
                    break;
                }
                if let Some(event) = assembler.pop() {
                    batch.push(event);
                }
            }
            if sending.is_none() && !batch.events.is_empty() {
                sending = Some(self.send(target, std::mem::take(&mut batch)));
            }
            if sending.is_none() && ended.is_some() && assembler.peek().is_none() {
                tracing::debug!(container = %target.container_id, "read the container's log to its end");
                if assembler.dropped > 0 {
                    tracing::warn!(container = %target.container_id, dropped = assembler.dropped, "some of the container's log could not be shipped");
                }
                return ended.unwrap_or(PassEnd::Drained);
            }
            let (events, bytes) = assembler.backlog();
            let full = events >= target.max_buffered_events || bytes >= MAX_BUFFERED_BYTES;
            if full && sending.is_none() && assembler.peek().is_none() {
                // Everything waits behind a partial line that does not end: cut it here
                // rather than hold more (the rest of the line ships as its own event).
                assembler.finish();
                continue;
            }
            let room = ended.is_none() && !full;
            tokio::select! {
                _ = self.cancel.cancelled() => return PassEnd::Stopped,
                frame = frames.next(), if room => match frame {
                    Some(Ok(frame)) => {
                        quiet_since = tokio::time::Instant::now();
                        assembler.push(&frame);
                    }
                    // Open partial lines stay unshipped: the next pass reads them again.
                    Some(Err(e)) => ended = Some(PassEnd::Failed(e)),
                    None => {
                        assembler.finish();
                        ended = Some(PassEnd::Drained);
                    }
                },
                _ = tokio::time::sleep_until(quiet_since + STALL_CHECK), if room => {
                    quiet_since = tokio::time::Instant::now();
                    tracing::debug!(container = %target.container_id, backlog = ?assembler.backlog(), sending = sending.is_some(), "the container's log is quiet");
                    match self.runtime.inspect(&target.container_id).await {
                        Ok(status) if status.state == RunState::Running => {}
                        Err(e) if !matches!(e, RuntimeError::NotFound(_)) => {}
                        // Stopped (or gone): whatever the read still holds back is read
                        // again, from the stream's stored position.
                        _ => ended = Some(PassEnd::Stalled),
                    }
                }
                sent = async { sending.as_mut().expect("guarded").await }, if sending.is_some() => {
                    sending = None;
                    match sent {
                        Ok(response) => tracing::trace!(container = %target.container_id, stored = response.stored, duplicates = response.duplicates, "shipped a batch"),
                        Err(()) => return PassEnd::Stopped,
                    }
                }
            }
        }
    }

    /// Sends a batch until the server acknowledges it. Transport failures are retried
    /// (the server drops what it already stored); a refused batch is dropped with a
    /// warning, as Docker's awslogs driver does. `Err` when the session is over.
    fn send(&self, target: &ShipTarget, batch: Batch) -> Sending {
        let control = Arc::clone(&self.control);
        let credential = self.credential.clone();
        let cancel = self.cancel.clone();
        let body = LogBatch {
            task_arn: target.task_arn.clone(),
            container_name: target.container_name.clone(),
            container_id: target.container_id.clone(),
            events: batch.events,
        };
        Box::pin(async move {
            static REFUSED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(10));
            loop {
                let sent = tokio::select! {
                    _ = cancel.cancelled() => return Err(()),
                    r = control.put_logs(&credential, &body) => r,
                };
                match sent {
                    Ok(response) => return Ok(response),
                    Err(ClientError::Unauthorized(_)) => return Err(()),
                    Err(e) if e.is_retryable() => {}
                    Err(e) => {
                        let n = REFUSED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if n.is_multiple_of(WARN_EVERY) {
                            tracing::warn!(task = %body.task_arn, container = %body.container_name, events = body.events.len(), error = %e, "the server refused a batch of log events; dropping it");
                        }
                        return Ok(LogBatchResponse::default());
                    }
                }
                tokio::select! {
                    _ = cancel.cancelled() => return Err(()),
                    _ = tokio::time::sleep(backoff.next_delay()) => {}
                }
            }
        })
    }
}

/// A batch being filled, within PutLogEvents' limits.
#[derive(Debug, Default)]
struct Batch {
    events: Vec<ShippedLogEvent>,
    bytes: usize,
    json_bytes: usize,
}

/// An upper bound of a message's length as a JSON string.
fn json_len(message: &str) -> usize {
    message
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' => 2,
            0..0x20 => 6,
            _ => 1,
        })
        .sum::<usize>()
        + 64
}

impl Batch {
    fn fits(&self, event: &Event) -> bool {
        let Some(first) = self.events.first() else {
            return true;
        };
        self.events.len() < MAX_BATCH_EVENTS
            && self.bytes + event.message.len() + EVENT_OVERHEAD_BYTES <= MAX_BATCH_BYTES
            && self.json_bytes + json_len(&event.message) <= MAX_BATCH_JSON_BYTES
            && event.timestamp - first.timestamp <= MAX_BATCH_SPAN_MS
    }

    fn push(&mut self, event: Event) {
        self.bytes += event.message.len() + EVENT_OVERHEAD_BYTES;
        self.json_bytes += json_len(&event.message);
        self.events.push(ShippedLogEvent {
            timestamp: event.timestamp,
            message: event.message,
            position: event.position,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use berth_api::ecs::LogConfiguration;

    fn def(driver: LogDriver, options: &[(&str, &str)]) -> ContainerDefinition {
        ContainerDefinition {
            name: Some("app".into()),
            log_configuration: Some(LogConfiguration {
                log_driver: driver,
                options: Some(
                    options
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                        .collect(),
                ),
                secret_options: None,
            }),
            ..Default::default()
        }
    }

    #[test]
    fn docker_drivers_pass_through_and_awslogs_runs_on_local() {
        let json = docker_log_config(&def(LogDriver::JsonFile, &[("max-size", "1m")])).unwrap();
        assert_eq!(json.driver, "json-file");
        assert_eq!(json.options["max-size"], "1m");
        let aws = def(
            LogDriver::Awslogs,
            &[
                ("awslogs-group", "g"),
                ("mode", "non-blocking"),
                ("max-buffer-size", "4m"),
                (MAX_BUFFERED_EVENTS_OPTION, "50"),
            ],
        );
        let base = docker_log_config(&aws).unwrap();
        assert_eq!(base.driver, "local");
        assert_eq!(
            base.options.keys().collect::<Vec<_>>(),
            ["max-buffer-size", "mode"]
        );
        let target = ShipTarget::of("arn", Some(&aws), Some("id")).unwrap();
        assert_eq!(target.max_buffered_events, 50);
        assert!(ShipTarget::of("arn", Some(&aws), None).is_none());
        assert!(ShipTarget::of("arn", Some(&def(LogDriver::Syslog, &[])), Some("id")).is_none());
        assert_eq!(docker_log_config(&ContainerDefinition::default()), None);
    }

    #[test]
    fn batches_stay_within_put_log_events_limits() {
        let event = |timestamp: i64, len: usize| Event {
            timestamp,
            message: "x".repeat(len),
            position: LogPosition {
                time_ns: timestamp,
                index: 0,
            },
        };
        let mut batch = Batch::default();
        let big = lines::MAX_EVENT_BYTES;
        for _ in 0..4 {
            assert!(batch.fits(&event(0, big)));
            batch.push(event(0, big));
        }
        assert!(
            !batch.fits(&event(0, big)),
            "a fifth 256 KiB event passes 1 MiB"
        );
        let mut batch = Batch::default();
        batch.push(event(0, 1));
        assert!(batch.fits(&event(MAX_BATCH_SPAN_MS, 1)));
        assert!(!batch.fits(&event(MAX_BATCH_SPAN_MS + 1, 1)));
        let mut batch = Batch::default();
        for _ in 0..MAX_BATCH_EVENTS {
            batch.push(event(0, 1));
        }
        assert!(!batch.fits(&event(0, 1)));
        assert_eq!(json_len("a\"\n"), 1 + 2 + 6 + 64);
    }
}
