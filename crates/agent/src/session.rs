//! One agent session under one identity: the desired-state poller, the reporter and the
//! reconciler's supervisor, joined by channels. A session ends when cancelled or when
//! the server rejects the credential (then [`crate::run`] may register again).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use berth_api::protocol::{DesiredState, ReportRequest, TaskReport};
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::client::{ClientError, ControlPlane};
use crate::endpoint::TaskEndpoint;
use crate::ledger::{Identity, Ledger};
use crate::log_shipping::LogShipper;
use crate::reconciler::Supervisor;
use crate::runtime::ContainerRuntime;
use crate::task::Shared;
use crate::AgentConfig;

/// Reports per request, so that a burst (thousands of tasks) goes out in pieces.
const MAX_BATCH: usize = 500;
/// Log every Nth consecutive failure only: an unreachable server must not flood logs.
const LOG_EVERY: u32 = 10;

/// Why a session ended other than by cancellation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum SessionEnd {
    #[error("the server rejected the agent's credential: {0}")]
    Unauthorized(String),
    #[error("an agent task crashed: {0}")]
    Crashed(String),
}

/// Runs poller, reporter and reconciler until `cancel` fires or the credential is refused.
pub(crate) async fn run_session(
    config: &AgentConfig,
    identity: &Identity,
    runtime: Arc<dyn ContainerRuntime>,
    control: Arc<dyn ControlPlane>,
    ledger: &Ledger,
    endpoint: Arc<TaskEndpoint>,
    old_instance_arns: Vec<String>,
    cancel: &CancellationToken,
) -> Result<(), SessionEnd> {
    let ledger_set = match ledger.load_desired() {
        Ok(s) => s,
        Err(e) => {
            // Unreadable: act on nothing until the server answers.
            tracing::warn!(error = %e, "ignoring unreadable desired-state ledger");
            None
        }
    };
    let start_generation = ledger_set.as_ref().map_or(0, |s| s.generation);
    let held_set = ledger_set.clone().map(Arc::new);
    let (gen_tx, gen_rx) = watch::channel(start_generation);
    let (desired_tx, desired_rx) = watch::channel(None);
    let (report_tx, report_rx) = mpsc::unbounded_channel();
    let session = cancel.child_token();
    let exec_poller = tokio::spawn(crate::exec::run_exec_poller(
        control.clone(),
        runtime.clone(),
        identity.credential.clone(),
        desired_rx.clone(),
        config.max_backoff,
        session.child_token(),
    ));
    let shared = Arc::new(Shared {
        logs: Some(LogShipper::new(
            runtime.clone(),
            control.clone(),
            identity.credential.clone(),
            session.clone(),
        )),
        runtime,
        instance_arn: identity.container_instance_arn.clone(),
        default_stop_timeout: config.container_stop_timeout,
        task_cleanup_wait: config.task_cleanup_wait,
        generation: gen_rx.clone(),
        reports: report_tx,
        restarts: crate::restart::RestartCounts::new(Some(ledger.clone())),
        control: control.clone(),
        credential: identity.credential.clone(),
        endpoint,
    });

    let supervisor = Supervisor::new(shared, old_instance_arns);
    let mut sup = tokio::spawn(supervisor.run(
        ledger_set,
        desired_rx,
        config.resync_interval,
        session.clone(),
    ));
    let mut poller = tokio::spawn(run_poller(
        control.clone(),
        identity.credential.clone(),
        ledger.clone(),
        start_generation,
        held_set,
        config.desired_wait,
        desired_tx,
        gen_tx,
        config.max_backoff,
        session.clone(),
    ));
    let mut reporter = tokio::spawn(run_reporter(
        control,
        identity.credential.clone(),
        report_rx,
        gen_rx,
        config.heartbeat_interval,
        config.max_backoff,
        session.clone(),
    ));

    let joined = |r: Result<Result<(), SessionEnd>, tokio::task::JoinError>| match r {
        Ok(r) => r,
        Err(e) => Err(SessionEnd::Crashed(e.to_string())),
    };
    // The supervisor ends when the poller drops its channel, so both are often ready
    // together: check the poller first so that its reason (a refused credential, say)
    // is the one returned. A JoinHandle must not be polled again once it has completed.
    let mut sup_done = false;
    let result = tokio::select! {
        biased;
        r = &mut poller => joined(r),
        r = &mut reporter => joined(r),
        r = &mut sup => {
            sup_done = true;
            r.map_err(|e| SessionEnd::Crashed(e.to_string()))
        }
        _ = session.cancelled() => Ok(()),
    };
    session.cancel();
    // Each of them returns promptly once cancelled; aborting covers the finished ones.
    for h in [&poller, &reporter] {
        if !h.is_finished() {
            h.abort();
        }
    }
    // Exec sessions in progress end with the session (their streams close).
    exec_poller.abort();
    if !sup_done {
        let _ = sup.await;
    }
    result
}

/// Long-polls the desired set, keeps the newest in the ledger and hands it on.
#[allow(clippy::too_many_arguments)]
async fn run_poller(
    control: Arc<dyn ControlPlane>,
    credential: String,
    ledger: Ledger,
    mut generation: u64,
    // The whole set of `generation`, which the server's deltas apply to.
    mut held: Option<Arc<DesiredState>>,
    wait: Duration,
    desired_tx: watch::Sender<Option<Arc<DesiredState>>>,
    gen_tx: watch::Sender<u64>,
    max_backoff: Duration,
    cancel: CancellationToken,
) -> Result<(), SessionEnd> {
    let mut backoff = Backoff::new(Duration::from_millis(200), max_backoff);
    let mut authoritative = false;
    let mut failures = 0u32;
    loop {
        // The first poll does not wait: after a restart the server's set should become
        // authoritative as soon as possible.
        let w = if authoritative { wait } else { Duration::ZERO };
        let r = tokio::select! {
            _ = cancel.cancelled() => return Ok(()),
            r = control.desired(&credential, generation, w) => r,
        };
        match r {
            Ok(state) => {
                backoff.reset();
                failures = 0;
                let Some(state) = state.resolve(held.as_deref()) else {
                    tracing::warn!(
                        generation,
                        "the desired-state delta does not apply to the set held; asking for the whole set"
                    );
                    generation = 0;
                    held = None;
                    continue;
                };
                if state.generation > generation {
                    let l = ledger.clone();
                    let copy = state.clone();
                    match tokio::task::spawn_blocking(move || l.save_desired(&copy)).await {
                        Ok(Ok(())) => {}
                        Ok(Err(e)) => {
                            tracing::error!(error = %e, "cannot write desired-state ledger")
                        }
                        Err(e) => tracing::error!(error = %e, "ledger writer crashed"),
                    }
                    generation = state.generation;
                    gen_tx.send_replace(generation);
                    authoritative = true;
                    let state = Arc::new(state);
                    held = Some(state.clone());
                    desired_tx.send_replace(Some(state));
                } else if state.generation == generation && !authoritative {
                    // The server confirms the ledger's set.
                    authoritative = true;
                    let state = Arc::new(state);
                    held = Some(state.clone());
                    desired_tx.send_replace(Some(state));
                } else if state.generation < generation {
                    tracing::warn!(
                        server = state.generation,
                        accepted = generation,
                        "ignoring stale desired state"
                    );
                    // Wait before asking again, or a stale server answers at once forever.
                    sleep_or_cancel(backoff.next_delay(), &cancel).await;
                }
            }
            Err(ClientError::Unauthorized(m)) => return Err(SessionEnd::Unauthorized(m)),
            Err(e) => {
                failures += 1;
                if failures % LOG_EVERY == 1 {
                    tracing::warn!(error = %e, failures, "desired-state poll failed");
                }
                sleep_or_cancel(backoff.next_delay(), &cancel).await;
            }
        }
    }
}

async fn sleep_or_cancel(d: Duration, cancel: &CancellationToken) {
    tokio::select! {
        _ = cancel.cancelled() => {}
        _ = tokio::time::sleep(d) => {}
    }
}

/// Sends queued task reports in batches until acknowledged, and heartbeats when idle.
async fn run_reporter(
    control: Arc<dyn ControlPlane>,
    credential: String,
    mut rx: mpsc::UnboundedReceiver<TaskReport>,
    generation: watch::Receiver<u64>,
    heartbeat: Duration,
    max_backoff: Duration,
    cancel: CancellationToken,
) -> Result<(), SessionEnd> {
    let mut backoff = Backoff::new(Duration::from_millis(200), max_backoff);
    // Latest report per task: each is the task's whole state, so newer replaces older.
    let mut pending: HashMap<String, TaskReport> = HashMap::new();
    let mut next_send = Instant::now();
    let mut backing_off = false;
    let mut failures = 0u32;
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return Ok(()),
            r = rx.recv() => match r {
                Some(r) => {
                    pending.insert(r.task_arn.clone(), r);
                    if !backing_off {
                        next_send = Instant::now();
                    }
                }
                None => return Ok(()),
            },
            _ = tokio::time::sleep_until(next_send) => {}
        }
        while let Ok(r) = rx.try_recv() {
            pending.insert(r.task_arn.clone(), r);
        }
        if Instant::now() < next_send {
            continue;
        }
        let batch: Vec<TaskReport> = pending.values().take(MAX_BATCH).cloned().collect();
        let req = ReportRequest {
            generation: *generation.borrow(),
            tasks: batch,
        };
        let r = tokio::select! {
            _ = cancel.cancelled() => return Ok(()),
            r = control.report(&credential, &req) => r,
        };
        match r {
            Ok(_) => {
                for sent in &req.tasks {
                    // Keep a newer report that arrived while this one was in flight.
                    if pending.get(&sent.task_arn) == Some(sent) {
                        pending.remove(&sent.task_arn);
                    }
                }
                backoff.reset();
                backing_off = false;
                failures = 0;
                next_send = if pending.is_empty() {
                    Instant::now() + heartbeat
                } else {
                    Instant::now()
                };
            }
            Err(ClientError::Unauthorized(m)) => return Err(SessionEnd::Unauthorized(m)),
            Err(ClientError::Rejected {
                status,
                error,
                message,
            }) => {
                // Retrying a refused batch would wedge reporting forever; drop it.
                tracing::error!(status, %error, %message, tasks = req.tasks.len(), "server refused a report batch; dropping it");
                for sent in &req.tasks {
                    if pending.get(&sent.task_arn) == Some(sent) {
                        pending.remove(&sent.task_arn);
                    }
                }
                next_send = Instant::now() + backoff.next_delay();
                backing_off = true;
            }
            Err(e) => {
                failures += 1;
                if failures % LOG_EVERY == 1 {
                    tracing::warn!(error = %e, failures, pending = pending.len(), "report failed; will resend");
                }
                next_send = Instant::now() + backoff.next_delay();
                backing_off = true;
            }
        }
    }
}
