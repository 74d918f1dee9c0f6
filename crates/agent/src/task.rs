//! The per-task state machine: one [`TaskRunner`] (one tokio task) per ECS task on the
//! instance. It owns the task's observed state, drives the runtime towards the task's
//! desired state, and publishes the task's whole report whenever it changes.
//!
//! The runner is level-triggered: every wake (a new desired task, a container event, a
//! resync tick, a deadline) re-derives what to do from what it observes, so running it
//! twice does no harm and a restart of the agent simply re-observes.
//!
//! Lifecycle, in ECS terms:
//! - `PENDING`: provide the task's resources (its cgroup with the task-level `cpu` and
//!   `memory` limits, its volumes, its pause container when `pidMode` or `ipcMode` is
//!   `task`), pull missing images, create every container (a `volumesFrom` source before
//!   the containers that mount it), start them as `dependsOn` allows (START, COMPLETE,
//!   SUCCESS, HEALTHY; waiting at most the dependency's `startTimeout`, default 3 min);
//! - `RUNNING`: every essential container has started. A container with an enabled
//!   `restartPolicy` that exits is started again in place when the policy allows
//!   ([`crate::restart`]), and then does not stop the task;
//! - `STOPPING` → `STOPPED`: when the server asks (its stop code), when an essential
//!   container exits (`EssentialContainerExited`), or when starting fails
//!   (`TaskFailedToStart`). Containers stop in reverse dependency order, each with its
//!   `stopTimeout`, and the pause container last.
//!
//! Once a stopped task has left the desired set and `task_cleanup_wait` has passed since
//! its containers finished, the agent removes the task's cgroup, its containers, its pause
//! container and its own volumes (found by label, so also after an agent restart).

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use berth_api::ecs::{ContainerCondition, ContainerDefinition, HealthStatus, NetworkBinding};
use berth_api::ecs::{IpcMode, NetworkMode, PidMode, TransportProtocol};
use berth_api::protocol::{
    labels, ContainerReport, DesiredStatus, DesiredTask, RegistryAuth, ReportedStatus, TaskReport,
    TaskSecrets,
};
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;

use crate::client::{ClientError, ControlPlane};
use crate::endpoint::TaskEndpoint;
use crate::log_shipping::{LogShipper, PrepareError, ShipTarget};
use crate::pause::{pause_container_name, pause_spec, ROLE_PAUSE};
use crate::ports::{collapse_ranges, host_port_ranges};
use crate::restart::{RestartCounts, RestartPolicy};
use crate::runtime::{
    build_spec, stop_timeout, task_id, ContainerRuntime, ContainerStatus, RunState, RuntimeError,
    SecretEnv, SpecContext, TaskLimits, TaskResources,
};
use crate::volumes::{self, VolumeError};

/// ECS's default `startTimeout` for dependency resolution.
const DEFAULT_START_TIMEOUT: Duration = Duration::from_secs(180);
/// How long a runner sleeps when it has no deadline; the supervisor's resync wakes it
/// sooner.
const IDLE: Duration = Duration::from_secs(3600);
/// Delay before retrying after the runtime was unavailable.
const RUNTIME_RETRY: Duration = Duration::from_secs(2);
const MIB: u64 = 1024 * 1024;

pub const STOP_CODE_ESSENTIAL_EXITED: &str = "EssentialContainerExited";
pub const STOP_CODE_FAILED_TO_START: &str = "TaskFailedToStart";
pub const REASON_ESSENTIAL_EXITED: &str = "Essential container in task exited";
/// How ECS begins the reason of a task whose secrets or registry credentials could not be
/// fetched (the server's own refusals carry the whole reason).
pub const REASON_SECRETS_PREFIX: &str =
    "ResourceInitializationError: unable to pull secrets or registry auth: ";

/// What every runner shares.
pub(crate) struct Shared {
    pub runtime: Arc<dyn ContainerRuntime>,
    pub instance_arn: String,
    pub default_stop_timeout: Duration,
    pub task_cleanup_wait: Duration,
    /// The accepted desired-state generation, recorded on the containers created.
    pub generation: watch::Receiver<u64>,
    pub reports: mpsc::UnboundedSender<TaskReport>,
    /// How often each container was restarted under its `restartPolicy`.
    pub restarts: RestartCounts,
    /// The control plane and the instance's credential, to fetch a task's secrets.
    pub control: Arc<dyn ControlPlane>,
    pub credential: String,
    /// The task metadata and credentials endpoint, which runners keep informed.
    pub endpoint: Arc<TaskEndpoint>,
    /// Ships the lines of `awslogs` containers to the server.
    pub logs: Option<Arc<LogShipper>>,
}

/// Messages from the supervisor to a runner.
#[derive(Debug)]
pub(crate) enum TaskMsg {
    /// The task's latest desired state.
    Desired(Arc<DesiredTask>),
    /// The authoritative desired set no longer holds the task.
    Gone,
    /// The runtime reported an event for this container ID.
    Container(String),
    /// Re-inspect every container (safety net for missed events).
    Resync,
}

/// The observed state of a container, ordered: observations never move a container
/// backwards (an exited container is never running again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum CState {
    Pending,
    Created,
    Running,
    Exited,
}

#[derive(Debug)]
struct Ctr {
    name: String,
    arn: Option<String>,
    /// `None` for a container adopted from labels without a desired task.
    def: Option<ContainerDefinition>,
    auth: Option<RegistryAuth>,
    id: Option<String>,
    state: CState,
    exit_code: Option<i32>,
    reason: Option<String>,
    bindings: Vec<NetworkBinding>,
    health: Option<HealthStatus>,
    started_at: Option<SystemTime>,
    finished_at: Option<SystemTime>,
    image_digest: Option<String>,
    start_requested: bool,
    /// When the container started waiting for its dependencies.
    waiting_since: Option<Instant>,
    /// Restarts under its `restartPolicy` so far.
    restart_count: u32,
    /// A restart was tried and failed: the container stays exited.
    restart_failed: bool,
}

impl Ctr {
    fn new(name: String, arn: Option<String>) -> Self {
        Self {
            name,
            arn,
            def: None,
            auth: None,
            id: None,
            state: CState::Pending,
            exit_code: None,
            reason: None,
            bindings: Vec::new(),
            health: None,
            started_at: None,
            finished_at: None,
            image_digest: None,
            start_requested: false,
            waiting_since: None,
            restart_count: 0,
            restart_failed: false,
        }
    }

    fn restart_policy(&self) -> Option<RestartPolicy> {
        self.def.as_ref().and_then(RestartPolicy::of)
    }

    /// Whether the container exited and its restart policy restarts it. As ECS decides
    /// at the exit, the run is measured up to the exit, not up to `now`.
    fn restartable(&self, now: SystemTime) -> bool {
        self.state == CState::Exited
            && self.id.is_some()
            && !self.restart_failed
            && self.restart_policy().is_some_and(|p| {
                p.should_restart(
                    self.exit_code,
                    self.started_at,
                    self.finished_at.unwrap_or(now),
                )
                .is_ok()
            })
    }

    fn essential(&self) -> bool {
        self.def
            .as_ref()
            .map(|d| d.essential.unwrap_or(true))
            .unwrap_or(false)
    }

    fn has_health_check(&self) -> bool {
        self.def.as_ref().is_some_and(|d| d.health_check.is_some())
    }

    fn depends_on(&self) -> impl Iterator<Item = (&str, ContainerCondition)> {
        self.def
            .iter()
            .flat_map(|d| d.depends_on.iter().flatten())
            .map(|d| (d.container_name.as_str(), d.condition))
    }
}

enum Deps {
    Ready,
    Wait { deadline: Instant },
    Impossible(String),
}

/// Why a step could not finish: the runtime is unreachable, so retry later.
struct Unavailable;

/// The task's pause container, which holds the namespaces its containers share.
#[derive(Debug)]
struct Pause {
    id: Option<String>,
    state: CState,
}

/// One task's state machine.
pub(crate) struct TaskRunner {
    shared: Arc<Shared>,
    arn: String,
    desired: Option<Arc<DesiredTask>>,
    gone: bool,
    containers: Vec<Ctr>,
    /// The pause container, once created or found.
    pause: Option<Pause>,
    /// What the task provides its containers, once provided in this run of the agent.
    resources: Option<TaskResources>,
    /// The task's secrets and registry credentials, from the moment they are fetched
    /// (just before its first container is created) until its last container is created.
    /// In memory only: never in the ledger, a label or a log line.
    secrets: Option<TaskSecrets>,
    status: ReportedStatus,
    /// The stop code and reason, once the task has to stop. Set once.
    stop: Option<(Option<String>, Option<String>)>,
    pull_started_at: Option<f64>,
    pull_stopped_at: Option<f64>,
    started_at: Option<f64>,
    stopping_at: Option<f64>,
    execution_stopped_at: Option<f64>,
    stopped_wall: Option<SystemTime>,
    retry_at: Option<Instant>,
    last_report: Option<TaskReport>,
    rx: mpsc::UnboundedReceiver<TaskMsg>,
}

fn epoch(t: SystemTime) -> f64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

fn now_epoch() -> f64 {
    epoch(SystemTime::now())
}

impl TaskRunner {
    /// A runner for `arn`, adopting the containers already found with its labels.
    pub(crate) fn new(
        shared: Arc<Shared>,
        arn: String,
        desired: Option<Arc<DesiredTask>>,
        adopted: Vec<ContainerStatus>,
        rx: mpsc::UnboundedReceiver<TaskMsg>,
    ) -> Self {
        let mut r = Self {
            shared,
            arn,
            desired: None,
            gone: false,
            containers: Vec::new(),
            pause: None,
            resources: None,
            secrets: None,
            status: ReportedStatus::Pending,
            stop: None,
            pull_started_at: None,
            pull_stopped_at: None,
            started_at: None,
            stopping_at: None,
            execution_stopped_at: None,
            stopped_wall: None,
            retry_at: None,
            last_report: None,
            rx,
        };
        if let Some(d) = desired {
            r.set_desired(d);
        }
        for st in adopted {
            r.observe(&st);
        }
        r
    }

    /// Runs until the task is stopped, gone and cleaned up, or the supervisor goes away.
    pub(crate) async fn run(mut self) -> String {
        loop {
            self.reconcile().await;
            self.publish();
            if self.try_cleanup().await {
                self.shared.endpoint.task_finished(&self.arn);
                return self.arn;
            }
            let deadline = self.next_deadline();
            tokio::select! {
                msg = self.rx.recv() => match msg {
                    Some(m) => self.handle(m).await,
                    None => return self.arn,
                },
                _ = tokio::time::sleep_until(deadline) => { self.retry_at = None; }
            }
            if !self.drain_inbox().await {
                return self.arn;
            }
        }
    }

    /// Applies queued messages without waiting; false when the supervisor is gone.
    async fn drain_inbox(&mut self) -> bool {
        loop {
            match self.rx.try_recv() {
                Ok(m) => self.handle(m).await,
                Err(mpsc::error::TryRecvError::Empty) => return true,
                Err(mpsc::error::TryRecvError::Disconnected) => return false,
            }
        }
    }

    async fn handle(&mut self, msg: TaskMsg) {
        match msg {
            TaskMsg::Desired(d) => {
                self.gone = false;
                self.set_desired(d);
            }
            TaskMsg::Gone => self.gone = true,
            TaskMsg::Container(id) => {
                if let Some(i) = self
                    .containers
                    .iter()
                    .position(|c| c.id.as_deref() == Some(id.as_str()))
                {
                    self.refresh(i).await;
                } else if self
                    .pause
                    .as_ref()
                    .is_some_and(|p| p.id.as_deref() == Some(id.as_str()))
                {
                    self.refresh_pause().await;
                }
            }
            TaskMsg::Resync => {
                for i in 0..self.containers.len() {
                    // An exited container changes only when the agent restarts it; skip
                    // the inspect.
                    let c = &self.containers[i];
                    if c.id.is_some() && c.state != CState::Exited {
                        self.refresh(i).await;
                    }
                }
                if self
                    .pause
                    .as_ref()
                    .is_some_and(|p| p.state != CState::Exited)
                {
                    self.refresh_pause().await;
                }
            }
        }
    }

    fn set_desired(&mut self, d: Arc<DesiredTask>) {
        for dc in &d.containers {
            let Some(name) = dc.definition.name.clone() else {
                continue;
            };
            let restart_count = self.shared.restarts.get(&self.arn, &name);
            let c = match self.containers.iter_mut().find(|c| c.name == name) {
                Some(c) => c,
                None => {
                    self.containers.push(Ctr::new(name.clone(), None));
                    let last = self.containers.len() - 1;
                    &mut self.containers[last]
                }
            };
            c.arn = Some(dc.container_arn.clone());
            c.def = Some(dc.definition.clone());
            c.restart_count = restart_count;
        }
        self.desired = Some(d);
    }

    /// Folds a runtime observation into the container it belongs to.
    fn observe(&mut self, st: &ContainerStatus) {
        let observed = match st.state {
            RunState::Created => CState::Created,
            RunState::Running => CState::Running,
            RunState::Exited => CState::Exited,
        };
        if st.labels.get(labels::ROLE).map(String::as_str) == Some(ROLE_PAUSE) {
            let pause = self.pause.get_or_insert(Pause {
                id: None,
                state: CState::Pending,
            });
            pause.id = Some(st.id.clone());
            pause.state = pause.state.max(observed);
            return;
        }
        self.shared.endpoint.container_observed(&self.arn, st);
        let name = st
            .labels
            .get(labels::CONTAINER_NAME)
            .cloned()
            .unwrap_or_else(|| st.name.clone());
        let i = match self
            .containers
            .iter()
            .position(|c| c.id.as_deref() == Some(st.id.as_str()) || c.name == name)
        {
            Some(i) => i,
            None => {
                self.containers.push(Ctr::new(
                    name,
                    st.labels.get(labels::CONTAINER_ARN).cloned(),
                ));
                self.containers.len() - 1
            }
        };
        let host_mode = self
            .desired
            .as_ref()
            .is_some_and(|d| d.network_mode == NetworkMode::Host);
        let c = &mut self.containers[i];
        c.id = Some(st.id.clone());
        if observed < c.state {
            return;
        }
        c.state = observed;
        c.health = st.health;
        c.started_at = st.started_at.or(c.started_at);
        if observed >= CState::Running {
            let target = ShipTarget::of(&self.arn, c.def.as_ref(), Some(&st.id));
            if let (Some(shipper), Some(target)) = (&self.shared.logs, target) {
                shipper.follow(target, st.started_at);
            }
        }
        if observed == CState::Running {
            c.bindings = if host_mode {
                host_bindings(c.def.as_ref())
            } else {
                collapse_ranges(c.def.as_ref(), st.network_bindings.clone())
            };
        }
        if observed == CState::Exited {
            c.exit_code = st.exit_code;
            c.finished_at = st.finished_at.or(c.finished_at).or(Some(SystemTime::now()));
            if c.reason.is_none() {
                c.reason = if st.oom_killed {
                    Some("OutOfMemoryError: Container killed due to memory usage".into())
                } else {
                    st.error.clone()
                };
            }
        }
    }

    /// Re-inspects container `i`.
    async fn refresh(&mut self, i: usize) {
        let Some(id) = self.containers[i].id.clone() else {
            return;
        };
        match self.shared.runtime.inspect(&id).await {
            Ok(st) => self.observe(&st),
            Err(RuntimeError::NotFound(_)) => {
                let c = &mut self.containers[i];
                if c.state < CState::Exited {
                    c.state = CState::Exited;
                    c.finished_at = Some(SystemTime::now());
                    c.reason
                        .get_or_insert_with(|| "Container was removed from the host".into());
                }
            }
            Err(e) => {
                // With the runtime down every runner hits this; the supervisor already
                // warns once per resync, so stay quiet here.
                tracing::debug!(task = %self.arn, container = %id, error = %e, "inspect failed");
                self.retry_at = Some(Instant::now() + RUNTIME_RETRY);
            }
        }
    }

    /// Re-inspects the pause container.
    async fn refresh_pause(&mut self) {
        let Some(id) = self.pause.as_ref().and_then(|p| p.id.clone()) else {
            return;
        };
        match self.shared.runtime.inspect(&id).await {
            Ok(st) => self.observe(&st),
            Err(RuntimeError::NotFound(_)) => {
                if let Some(p) = &mut self.pause {
                    p.state = CState::Exited;
                    p.id = None;
                }
            }
            Err(e) => {
                tracing::debug!(task = %self.arn, error = %e, "pause inspect failed");
                self.retry_at = Some(Instant::now() + RUNTIME_RETRY);
            }
        }
    }

    async fn reconcile(&mut self) {
        if self.status == ReportedStatus::Stopped {
            return;
        }
        let Some(desired) = self.desired.clone() else {
            // Adopted containers of a task the agent does not know: leave them alone until
            // the authoritative set says the task is gone, then stop them.
            if self.gone {
                self.stop.get_or_insert((None, None));
                let _ = self.stop_all().await;
            }
            return;
        };
        self.decide_stop(&desired);
        if self.stop.is_none() {
            let progressed = match self.restart_exited().await {
                Ok(()) => self.advance(&desired).await,
                Err(e) => Err(e),
            };
            if progressed.is_err() {
                self.retry_at = Some(Instant::now() + RUNTIME_RETRY);
                return;
            }
        }
        self.decide_stop(&desired);
        if self.stop.is_some() && self.stop_all().await.is_err() {
            self.retry_at = Some(Instant::now() + RUNTIME_RETRY);
        }
    }

    fn decide_stop(&mut self, desired: &DesiredTask) {
        if self.stop.is_some() {
            return;
        }
        if self.gone || desired.desired_status == DesiredStatus::Stopped {
            self.stop = Some((desired.stop_code.clone(), desired.stopped_reason.clone()));
        } else if self.containers.iter().any(|c| {
            c.essential() && c.state == CState::Exited && !c.restartable(SystemTime::now())
        }) {
            self.stop = Some((
                Some(STOP_CODE_ESSENTIAL_EXITED.into()),
                Some(REASON_ESSENTIAL_EXITED.into()),
            ));
        }
    }

    fn fail(&mut self, i: usize, kind: &str, message: &str) {
        let reason = format!("{kind}: {message}");
        tracing::info!(task = %self.arn, container = %self.containers[i].name, %reason, "task failed to start");
        self.containers[i].reason = Some(reason.clone());
        self.stop = Some((Some(STOP_CODE_FAILED_TO_START.into()), Some(reason)));
    }

    /// Fails the task for a reason of its own (a volume, its cgroup, its pause container).
    fn fail_task(&mut self, reason: String) {
        tracing::info!(task = %self.arn, %reason, "task failed to start");
        self.stop = Some((Some(STOP_CODE_FAILED_TO_START.into()), Some(reason)));
    }

    /// Starts again, in place, each exited container its restart policy restarts.
    async fn restart_exited(&mut self) -> Result<(), Unavailable> {
        let now = SystemTime::now();
        for i in 0..self.containers.len() {
            if !self.containers[i].restartable(now) {
                continue;
            }
            let Some(id) = self.containers[i].id.clone() else {
                continue;
            };
            match self.shared.runtime.start(&id).await {
                Ok(()) => {
                    let name = self.containers[i].name.clone();
                    let count = self.shared.restarts.increment(&self.arn, &name);
                    let c = &mut self.containers[i];
                    tracing::info!(task = %self.arn, container = %name, exit_code = ?c.exit_code, restarts = count, "restarted container under its restart policy");
                    c.restart_count = count;
                    // A new run: the container may be observed running again.
                    c.state = CState::Created;
                    c.exit_code = None;
                    c.reason = None;
                    c.finished_at = None;
                    c.health = None;
                    self.refresh(i).await;
                }
                Err(RuntimeError::Unavailable(_)) => return Err(Unavailable),
                Err(e) => {
                    let c = &mut self.containers[i];
                    tracing::warn!(task = %self.arn, container = %c.name, error = %e, "restart failed");
                    c.restart_failed = true;
                    c.reason = Some(format!("CannotStartContainerError: restart failed: {e}"));
                }
            }
        }
        Ok(())
    }

    /// Fetches the task's secrets and registry credentials, once, before its first
    /// container is created. A task that has none fetches nothing. A reference the server
    /// cannot read fails the task with the server's reason (`TaskFailedToStart`); an
    /// unreachable server is retried.
    async fn fetch_secrets(&mut self, desired: &DesiredTask) -> Result<(), Unavailable> {
        if self.secrets.is_some() {
            return Ok(());
        }
        let needed = desired.containers.iter().any(|c| {
            c.definition.secrets.as_ref().is_some_and(|s| !s.is_empty())
                || c.definition.repository_credentials.is_some()
        });
        if !needed {
            self.secrets = Some(TaskSecrets::default());
            return Ok(());
        }
        let fetched = self
            .shared
            .control
            .task_secrets(&self.shared.credential, &self.arn)
            .await;
        match fetched {
            Ok(secrets) => {
                // `TaskSecrets` shows container names only.
                tracing::debug!(task = %self.arn, containers = ?secrets, "fetched the task's secrets");
                for c in &mut self.containers {
                    c.auth = secrets
                        .containers
                        .iter()
                        .find(|s| s.name == c.name)
                        .and_then(|s| s.registry_auth.clone());
                }
                self.secrets = Some(secrets);
                Ok(())
            }
            Err(ClientError::Rejected {
                status: 422,
                message,
                ..
            }) => {
                self.fail_task(message);
                Ok(())
            }
            Err(e @ (ClientError::Transport(_) | ClientError::Decode(_)))
            | Err(e @ ClientError::Unauthorized(_)) => {
                tracing::warn!(task = %self.arn, error = %e, "cannot fetch the task's secrets; retrying");
                Err(Unavailable)
            }
            Err(e) => {
                self.fail_task(format!("{REASON_SECRETS_PREFIX}{e}"));
                Ok(())
            }
        }
    }

    /// Drops the fetched secrets (the containers hold them now).
    fn forget_secrets(&mut self) {
        if self.secrets.take().is_some() {
            for c in &mut self.containers {
                c.auth = None;
            }
        }
    }

    /// Provides what the task gives its containers, before the first is created: the
    /// cgroup with the task's limits, its volumes, its pause container. Idempotent, so a
    /// restarted agent simply does it again. A failure fails the task.
    async fn provide_resources(&mut self, desired: &DesiredTask) -> Result<(), Unavailable> {
        if self.resources.is_some() {
            return Ok(());
        }
        let rt = self.shared.runtime.clone();
        let plans = match volumes::plan(desired, &self.shared.instance_arn) {
            Ok(plans) => plans,
            Err(reason) => {
                self.fail_task(format!("ResourceInitializationError: {reason}"));
                return Ok(());
            }
        };
        let limits = TaskLimits {
            cpu_units: desired
                .cpu
                .and_then(|c| u32::try_from(c).ok())
                .filter(|c| *c > 0),
            memory_bytes: desired
                .memory
                .and_then(|m| u64::try_from(m).ok())
                .filter(|m| *m > 0)
                .map(|m| m * MIB),
        };
        let cgroup_parent = if limits.is_empty() {
            None
        } else {
            match rt.create_task_cgroup(task_id(&self.arn), limits).await {
                Ok(parent) => Some(parent),
                Err(RuntimeError::Unavailable(_)) => return Err(Unavailable),
                Err(e) => {
                    self.fail_task(format!(
                        "ResourceInitializationError: cannot apply the task's cpu and memory \
                         limits: {e}"
                    ));
                    return Ok(());
                }
            }
        };
        let volumes = match volumes::provide(&*rt, &plans).await {
            Ok(v) => v,
            Err(VolumeError::Unavailable) => return Err(Unavailable),
            Err(VolumeError::Failed(reason)) => {
                self.fail_task(reason);
                return Ok(());
            }
        };
        // An awsvpc task: its slice's network, and its ingress rules before anything of
        // it runs.
        let awsvpc = desired.network_mode == NetworkMode::Awsvpc;
        let network_name = match (&desired.network, awsvpc) {
            (Some(network), true) => {
                let name = match rt
                    .ensure_task_network(network, &self.shared.instance_arn)
                    .await
                {
                    Ok(name) => name,
                    Err(RuntimeError::Unavailable(_)) => return Err(Unavailable),
                    Err(e) => {
                        self.fail_task(format!(
                            "ResourceInitializationError: cannot set up the network of the task's subnet slice: {e}"
                        ));
                        return Ok(());
                    }
                };
                if let Err(e) = rt.apply_ingress(network).await {
                    self.fail_task(format!(
                        "ResourceInitializationError: cannot install the task's security group rules: {e}"
                    ));
                    return Ok(());
                }
                Some(name)
            }
            (None, true) => {
                self.fail_task(
                    "ResourceInitializationError: the awsvpc task has no network interface from the server".into(),
                );
                return Ok(());
            }
            _ => None,
        };
        // The namespace holder: a lone awsvpc container holds its own network namespace
        // (as `docker run --network SLICE --ip ADDRESS` does, which saves a whole
        // container's create and start); several containers share the pause's.
        let shared_namespaces =
            desired.pid_mode == Some(PidMode::Task) || desired.ipc_mode == Some(IpcMode::Task);
        let needs_pause = shared_namespaces || (awsvpc && desired.containers.len() > 1);
        let (pause_network, own_network) = if needs_pause {
            (network_name.as_deref(), None)
        } else {
            (None, network_name.clone())
        };
        let pause_container = if needs_pause {
            if !self
                .ensure_pause(desired, cgroup_parent.as_deref(), pause_network)
                .await?
            {
                return Ok(());
            }
            Some(pause_container_name(desired))
        } else {
            None
        };
        self.resources = Some(TaskResources {
            cgroup_parent,
            pause_container,
            awsvpc_network: own_network,
            volumes,
        });
        Ok(())
    }

    /// Creates (or finds) and starts the task's pause container. False when the task
    /// failed.
    async fn ensure_pause(
        &mut self,
        desired: &DesiredTask,
        cgroup_parent: Option<&str>,
        network: Option<&str>,
    ) -> Result<bool, Unavailable> {
        let rt = self.shared.runtime.clone();
        if self.pause.as_ref().and_then(|p| p.id.as_ref()).is_none() {
            let image = match rt.pause_image().await {
                Ok(image) => image,
                Err(RuntimeError::Unavailable(_)) => return Err(Unavailable),
                Err(e) => {
                    self.fail_task(format!(
                        "CannotPullContainerError: cannot build the pause image: {e}"
                    ));
                    return Ok(false);
                }
            };
            let generation = *self.shared.generation.borrow();
            let spec = pause_spec(
                desired,
                &image,
                &self.shared.instance_arn,
                generation,
                cgroup_parent,
                network,
            );
            let created = match rt.create(&spec).await {
                Ok(id) => rt.inspect(&id).await,
                // Made by an earlier run of the agent: adopt it.
                Err(RuntimeError::Conflict(_)) => rt.inspect(&spec.name).await,
                Err(e) => Err(e),
            };
            match created {
                Ok(st) => self.observe(&st),
                Err(RuntimeError::Unavailable(_)) => return Err(Unavailable),
                Err(e) => {
                    self.fail_task(format!(
                        "CannotCreateContainerError: cannot create the task's pause container: {e}"
                    ));
                    return Ok(false);
                }
            }
        }
        let (id, state) = match &self.pause {
            Some(Pause {
                id: Some(id),
                state,
            }) => (id.clone(), *state),
            _ => {
                self.fail_task(
                    "CannotCreateContainerError: the task's pause container is missing".into(),
                );
                return Ok(false);
            }
        };
        if state == CState::Created {
            match rt.start(&id).await {
                Ok(()) => self.refresh_pause().await,
                Err(RuntimeError::Unavailable(_)) => return Err(Unavailable),
                Err(e) => {
                    self.fail_task(format!(
                        "CannotStartContainerError: cannot start the task's pause container: {e}"
                    ));
                    return Ok(false);
                }
            }
        }
        if self.pause.as_ref().map(|p| p.state) != Some(CState::Running) {
            self.fail_task(
                "CannotStartContainerError: the task's pause container is not running".into(),
            );
            return Ok(false);
        }
        Ok(true)
    }

    /// Whether every `volumesFrom` source of container `i` that is in the task exists.
    fn volume_sources_created(&self, i: usize) -> bool {
        self.containers[i]
            .def
            .iter()
            .flat_map(|d| d.volumes_from.iter().flatten())
            .filter_map(|v| v.source_container.as_deref())
            .all(|source| {
                self.containers
                    .iter()
                    .find(|c| c.name == source)
                    .is_none_or(|c| c.state >= CState::Created)
            })
    }

    /// Moves a task that should run forward: pull, create, start, mark RUNNING.
    async fn advance(&mut self, desired: &DesiredTask) -> Result<(), Unavailable> {
        // Pull and create every container first, as ECS does. The server hears PENDING
        // before the (possibly slow) runtime work starts.
        self.publish();
        let pending = |c: &Ctr| c.state == CState::Pending && c.def.is_some();
        if self.containers.iter().any(pending) {
            // Secrets first: a pull may need the registry credentials.
            self.fetch_secrets(desired).await?;
            if self.stop.is_some() {
                return Ok(());
            }
            self.provide_resources(desired).await?;
            if self.stop.is_some() {
                return Ok(());
            }
        }
        // A container that mounts another's volumes is created after it.
        loop {
            let mut progressed = false;
            for i in 0..self.containers.len() {
                if !pending(&self.containers[i]) || !self.volume_sources_created(i) {
                    continue;
                }
                progressed = true;
                self.prepare(desired, i).await?;
                if self.stop.is_some() {
                    return Ok(());
                }
                // A long pull may have raced with a stop request.
                self.drain_inbox().await;
                self.decide_stop(desired);
                if self.stop.is_some() {
                    return Ok(());
                }
            }
            if !progressed {
                break;
            }
        }
        if let Some(i) = self.containers.iter().position(pending) {
            let msg = format!(
                "container {} mounts volumesFrom containers that mount its own (a cycle)",
                self.containers[i].name
            );
            self.fail(i, "CannotCreateContainerError", &msg);
            return Ok(());
        }
        // Every container exists with its secrets: nothing needs them any more.
        self.forget_secrets();
        // Start containers as their dependencies allow, until no more can start.
        loop {
            let mut progressed = false;
            for i in 0..self.containers.len() {
                let c = &self.containers[i];
                if c.state != CState::Created || c.start_requested || c.def.is_none() {
                    continue;
                }
                match self.dependencies(i) {
                    Deps::Ready => {
                        self.start(i).await?;
                        if self.stop.is_some() {
                            return Ok(());
                        }
                        progressed = true;
                    }
                    Deps::Wait { deadline } => {
                        if Instant::now() >= deadline {
                            let msg = format!(
                                "container {} timed out waiting for its dependencies",
                                self.containers[i].name
                            );
                            self.fail(i, "DependencyTimeoutError", &msg);
                            return Ok(());
                        }
                    }
                    Deps::Impossible(msg) => {
                        self.fail(i, "CannotStartContainerError", &msg);
                        return Ok(());
                    }
                }
            }
            if !progressed {
                break;
            }
        }
        if self.status == ReportedStatus::Pending
            && self
                .containers
                .iter()
                .filter(|c| c.essential())
                .all(|c| c.state >= CState::Running)
            && self.containers.iter().any(|c| c.essential())
        {
            self.status = ReportedStatus::Running;
            // The moment the last essential container started; stable across restarts.
            let started = self
                .containers
                .iter()
                .filter(|c| c.essential())
                .filter_map(|c| c.started_at)
                .max()
                .unwrap_or_else(SystemTime::now);
            self.started_at = Some(epoch(started));
        }
        Ok(())
    }

    /// Pulls the image if absent, then creates (or adopts) container `i`.
    async fn prepare(&mut self, desired: &DesiredTask, i: usize) -> Result<(), Unavailable> {
        let rt = self.shared.runtime.clone();
        let Some(def) = self.containers[i].def.clone() else {
            return Ok(());
        };
        let image = def.image.clone().unwrap_or_default();
        let info = match rt.image(&image).await {
            Ok(info) => info,
            Err(RuntimeError::Unavailable(_)) => return Err(Unavailable),
            Err(e) => {
                self.fail(i, "CannotPullContainerError", &e.to_string());
                return Ok(());
            }
        };
        let info = match info {
            Some(info) => Some(info),
            None => {
                if self.pull_started_at.is_none() {
                    self.pull_started_at = Some(now_epoch());
                    self.publish();
                }
                let auth = self.containers[i].auth.clone();
                match rt.pull(&image, auth.as_ref()).await {
                    Ok(()) => {}
                    Err(RuntimeError::Unavailable(_)) => return Err(Unavailable),
                    Err(e) => {
                        self.pull_stopped_at = Some(now_epoch());
                        self.fail(i, "CannotPullContainerError", &e.to_string());
                        return Ok(());
                    }
                }
                self.pull_stopped_at = Some(now_epoch());
                rt.image(&image).await.ok().flatten()
            }
        };
        self.containers[i].image_digest = info.and_then(|i| i.digest);

        let generation = *self.shared.generation.borrow();
        let no_resources = TaskResources::default();
        let agent_env = self
            .shared
            .endpoint
            .container_env(desired, &self.containers[i].name);
        let ctx = SpecContext {
            instance_arn: &self.shared.instance_arn,
            generation,
            default_stop_timeout: self.shared.default_stop_timeout,
            resources: self.resources.as_ref().unwrap_or(&no_resources),
            agent_env: &agent_env,
        };
        let Some(dc) = desired
            .containers
            .iter()
            .find(|c| c.definition.name.as_deref() == Some(self.containers[i].name.as_str()))
        else {
            return Ok(());
        };
        let mut spec = match build_spec(desired, dc, &ctx) {
            Ok(s) => s,
            Err(e) => {
                self.fail(i, "CannotCreateContainerError", &e.to_string());
                return Ok(());
            }
        };
        if let Some(secrets) = self
            .secrets
            .as_ref()
            .and_then(|s| s.containers.iter().find(|c| c.name == spec_name(dc)))
        {
            spec.secret_env = SecretEnv(secrets.environment.clone());
        }
        // Each container port range gets a free host range of the same length.
        for range in &mut spec.port_ranges {
            let count = range.container.1 - range.container.0 + 1;
            match host_port_ranges().allocate(count, range.protocol) {
                Some(host) => range.host = Some(host),
                None => {
                    let msg = format!(
                        "no {count} consecutive free host ports for containerPortRange {}-{}",
                        range.container.0, range.container.1
                    );
                    self.fail(i, "CannotCreateContainerError", &msg);
                    return Ok(());
                }
            }
        }
        match rt.create(&spec).await {
            Ok(id) => {
                let c = &mut self.containers[i];
                c.id = Some(id);
                c.state = c.state.max(CState::Created);
                Ok(())
            }
            // Created before (by an earlier run of the agent): adopt it, never duplicate.
            Err(RuntimeError::Conflict(_)) => match rt.inspect(&spec.name).await {
                Ok(st) => {
                    self.observe(&st);
                    Ok(())
                }
                Err(RuntimeError::Unavailable(_)) => Err(Unavailable),
                Err(e) => {
                    self.fail(i, "CannotCreateContainerError", &e.to_string());
                    Ok(())
                }
            },
            Err(RuntimeError::Unavailable(_)) => Err(Unavailable),
            Err(e) => {
                self.fail(i, "CannotCreateContainerError", &e.to_string());
                Ok(())
            }
        }
    }

    async fn start(&mut self, i: usize) -> Result<(), Unavailable> {
        let Some(id) = self.containers[i].id.clone() else {
            return Ok(());
        };
        // An awslogs container's stream must exist before it starts, as on ECS.
        let target = ShipTarget::of(&self.arn, self.containers[i].def.as_ref(), Some(&id));
        if let (Some(shipper), Some(target)) = (self.shared.logs.clone(), target) {
            match shipper.prepare(&target).await {
                Ok(()) => {}
                Err(PrepareError::Unavailable) => return Err(Unavailable),
                Err(PrepareError::Refused(message)) => {
                    self.containers[i].start_requested = true;
                    self.fail(i, "CannotStartContainerError", &message);
                    return Ok(());
                }
            }
        }
        match self.shared.runtime.start(&id).await {
            Ok(()) => {
                self.containers[i].start_requested = true;
                self.refresh(i).await;
                Ok(())
            }
            Err(RuntimeError::Unavailable(_)) => Err(Unavailable),
            Err(e) => {
                self.containers[i].start_requested = true;
                self.fail(i, "CannotStartContainerError", &e.to_string());
                Ok(())
            }
        }
    }

    /// Whether container `i` may start, per its `dependsOn`.
    fn dependencies(&mut self, i: usize) -> Deps {
        let now = Instant::now();
        let deps: Vec<(String, ContainerCondition)> = self.containers[i]
            .depends_on()
            .map(|(n, c)| (n.to_string(), c))
            .collect();
        let mut deadline: Option<Instant> = None;
        for (name, cond) in deps {
            let Some(d) = self.containers.iter().find(|c| c.name == name) else {
                return Deps::Impossible(format!("dependency {name} is not in the task"));
            };
            let met = match cond {
                ContainerCondition::Start => d.state >= CState::Running,
                ContainerCondition::Complete => d.state == CState::Exited,
                ContainerCondition::Success => match (d.state, d.exit_code) {
                    (CState::Exited, Some(0)) => true,
                    (CState::Exited, code) => {
                        return Deps::Impossible(format!(
                            "dependency {name} exited with code {} instead of succeeding",
                            code.map_or_else(|| "unknown".into(), |c| c.to_string())
                        ))
                    }
                    _ => false,
                },
                ContainerCondition::Healthy => match (d.state, d.health) {
                    (CState::Running, Some(HealthStatus::Healthy)) => true,
                    (CState::Exited, _) => {
                        return Deps::Impossible(format!(
                            "dependency {name} exited before becoming healthy"
                        ))
                    }
                    _ => false,
                },
            };
            if !met {
                let timeout = d
                    .def
                    .as_ref()
                    .and_then(|d| d.start_timeout)
                    .and_then(|s| u64::try_from(s).ok())
                    .map(Duration::from_secs)
                    .unwrap_or(DEFAULT_START_TIMEOUT);
                let since = *self.containers[i].waiting_since.get_or_insert(now);
                let dl = since + timeout;
                deadline = Some(deadline.map_or(dl, |d| d.min(dl)));
            }
        }
        match deadline {
            Some(deadline) => Deps::Wait { deadline },
            None => Deps::Ready,
        }
    }

    /// Stops every running container in reverse dependency order, then marks the task
    /// STOPPED. Containers that never started are simply recorded as stopped.
    async fn stop_all(&mut self) -> Result<(), Unavailable> {
        let pause_running = self
            .pause
            .as_ref()
            .is_some_and(|p| p.state == CState::Running);
        if pause_running || self.containers.iter().any(|c| c.state == CState::Running) {
            if self.status != ReportedStatus::Stopping {
                self.status = ReportedStatus::Stopping;
                self.stopping_at = Some(now_epoch());
                self.publish();
            }
            loop {
                let running: Vec<usize> = (0..self.containers.len())
                    .filter(|&i| self.containers[i].state == CState::Running)
                    .collect();
                if running.is_empty() {
                    break;
                }
                // Stop first whatever no running container depends on.
                let depended: BTreeSet<&str> = running
                    .iter()
                    .flat_map(|&i| self.containers[i].depends_on().map(|(n, _)| n))
                    .collect();
                let mut wave: Vec<usize> = running
                    .iter()
                    .copied()
                    .filter(|&i| !depended.contains(self.containers[i].name.as_str()))
                    .collect();
                if wave.is_empty() {
                    // A dependency cycle: stop everything at once.
                    wave = running;
                }
                let rt = self.shared.runtime.clone();
                let default = self.shared.default_stop_timeout;
                let stops = wave.iter().map(|&i| {
                    let c = &self.containers[i];
                    let id = c.id.clone().unwrap_or_default();
                    let timeout = c.def.as_ref().map_or(default, |d| stop_timeout(d, default));
                    let rt = rt.clone();
                    async move { rt.stop(&id, timeout).await }
                });
                let results = futures::future::join_all(stops).await;
                let mut unavailable = false;
                for (&i, r) in wave.iter().zip(results) {
                    match r {
                        Ok(()) | Err(RuntimeError::NotFound(_)) => {}
                        Err(e) => {
                            tracing::warn!(task = %self.arn, container = %self.containers[i].name, error = %e, "stop failed");
                            unavailable = true;
                        }
                    }
                    self.refresh(i).await;
                    if self.containers[i].state == CState::Running && !unavailable {
                        // Docker said stopped but inspect disagrees: try again later.
                        unavailable = true;
                    }
                }
                if unavailable {
                    return Err(Unavailable);
                }
            }
            // The namespaces' holder goes last.
            if let Some(id) = self
                .pause
                .as_ref()
                .filter(|p| p.state == CState::Running)
                .and_then(|p| p.id.clone())
            {
                match self.shared.runtime.stop(&id, Duration::from_secs(2)).await {
                    Ok(()) | Err(RuntimeError::NotFound(_)) => {}
                    Err(e) => {
                        tracing::warn!(task = %self.arn, error = %e, "stopping the pause container failed");
                        return Err(Unavailable);
                    }
                }
                self.refresh_pause().await;
                if self
                    .pause
                    .as_ref()
                    .is_some_and(|p| p.state == CState::Running)
                {
                    return Err(Unavailable);
                }
            }
        }
        // The address is freed once the server hears STOPPED: its rules go first, so a
        // task given the address next never meets them.
        self.remove_ingress().await?;
        let now = SystemTime::now();
        for c in &mut self.containers {
            if c.state < CState::Exited {
                c.state = CState::Exited;
                c.finished_at.get_or_insert(now);
            }
        }
        self.status = ReportedStatus::Stopped;
        self.execution_stopped_at = Some(epoch(now));
        self.stopped_wall = Some(now);
        Ok(())
    }

    /// Removes an awsvpc task's ingress rules (none is fine).
    async fn remove_ingress(&mut self) -> Result<(), Unavailable> {
        let Some(network) = self
            .desired
            .as_ref()
            .filter(|d| d.network_mode == NetworkMode::Awsvpc)
            .and_then(|d| d.network.clone())
        else {
            return Ok(());
        };
        match self.shared.runtime.remove_ingress(&network).await {
            Ok(()) => Ok(()),
            Err(e) => {
                tracing::warn!(task = %self.arn, error = %e, "removing the task's ingress rules failed");
                Err(Unavailable)
            }
        }
    }

    /// Removes what a stopped task that left the desired set holds on the host, once the
    /// retention has passed: its cgroup, its containers, its pause container, its own
    /// volumes. True when the runner is done. The cgroup goes first (it is empty once the
    /// containers stopped), so an agent killed part-way still finds containers or volumes
    /// by label and finishes the job; shared volumes and bind mounts are never removed.
    async fn try_cleanup(&mut self) -> bool {
        let Some(at) = self.cleanup_at() else {
            return false;
        };
        if SystemTime::now() < at {
            return false;
        }
        let rt = self.shared.runtime.clone();
        let retry = |this: &mut Self, what: &str, error: RuntimeError| {
            tracing::warn!(task = %this.arn, %what, %error, "cleanup failed; retrying");
            this.retry_at = Some(Instant::now() + RUNTIME_RETRY);
            false
        };
        let task_id = task_id(&self.arn).to_string();
        let cgroup_removed = match rt.remove_task_cgroup(&task_id).await {
            Ok(()) => true,
            // A container of the task still holds it; try again once they are removed.
            Err(RuntimeError::Conflict(_)) => false,
            Err(e) => return retry(self, "cgroup", e),
        };
        for i in 0..self.containers.len() {
            let Some(id) = self.containers[i].id.clone() else {
                continue;
            };
            match rt.remove(&id).await {
                Ok(()) | Err(RuntimeError::NotFound(_)) => self.containers[i].id = None,
                Err(e) => return retry(self, "container", e),
            }
        }
        if let Some(id) = self.pause.as_ref().and_then(|p| p.id.clone()) {
            match rt.remove(&id).await {
                Ok(()) | Err(RuntimeError::NotFound(_)) => self.pause = None,
                Err(e) => return retry(self, "pause container", e),
            }
        }
        if self.remove_ingress().await.is_err() {
            self.retry_at = Some(Instant::now() + RUNTIME_RETRY);
            return false;
        }
        if !cgroup_removed {
            if let Err(e) = rt.remove_task_cgroup(&task_id).await {
                return retry(self, "cgroup", e);
            }
        }
        match rt.list_volumes(labels::TASK_ARN, &self.arn).await {
            Ok(found) => {
                for volume in found {
                    match rt.remove_volume(&volume.name).await {
                        Ok(()) | Err(RuntimeError::NotFound(_)) => {}
                        Err(e) => return retry(self, "volume", e),
                    }
                }
            }
            Err(e) => return retry(self, "volumes", e),
        }
        self.shared.restarts.forget(&self.arn);
        tracing::debug!(task = %self.arn, "task cleaned up");
        true
    }

    fn cleanup_at(&self) -> Option<SystemTime> {
        if self.status != ReportedStatus::Stopped || !self.gone {
            return None;
        }
        // Only volumes were left of a task the agent does not know (it was killed while
        // cleaning the task up): nothing to wait for.
        if self.desired.is_none() && self.containers.is_empty() && self.pause.is_none() {
            return Some(SystemTime::now());
        }
        let finished = self
            .containers
            .iter()
            .filter_map(|c| c.finished_at)
            .chain(self.stopped_wall)
            .max()?;
        Some(finished + self.shared.task_cleanup_wait)
    }

    fn next_deadline(&mut self) -> Instant {
        let now = Instant::now();
        let mut dl = now + IDLE;
        if let Some(r) = self.retry_at {
            dl = dl.min(r);
        }
        if self.status == ReportedStatus::Pending && self.stop.is_none() {
            for i in 0..self.containers.len() {
                let c = &self.containers[i];
                if c.state == CState::Created && !c.start_requested && c.def.is_some() {
                    if let Deps::Wait { deadline } = self.dependencies(i) {
                        dl = dl.min(deadline);
                    }
                }
            }
        }
        if let Some(at) = self.cleanup_at() {
            let wait = at
                .duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO);
            dl = dl.min(now + wait);
        }
        dl
    }

    fn report(&self) -> TaskReport {
        let essential_checked: Vec<&Ctr> = self
            .containers
            .iter()
            .filter(|c| c.essential() && c.has_health_check())
            .collect();
        let health = if essential_checked
            .iter()
            .any(|c| c.health == Some(HealthStatus::Unhealthy))
        {
            HealthStatus::Unhealthy
        } else if !essential_checked.is_empty()
            && essential_checked
                .iter()
                .all(|c| c.health == Some(HealthStatus::Healthy))
        {
            HealthStatus::Healthy
        } else {
            HealthStatus::Unknown
        };
        let stopping = matches!(
            self.status,
            ReportedStatus::Stopping | ReportedStatus::Stopped
        );
        let (stop_code, stopped_reason) = match (&self.stop, stopping) {
            (Some((code, reason)), true) => (code.clone(), reason.clone()),
            _ => (None, None),
        };
        let exec_enabled = self
            .desired
            .as_ref()
            .is_some_and(|d| d.enable_execute_command);
        TaskReport {
            task_arn: self.arn.clone(),
            last_status: self.status,
            containers: self
                .containers
                .iter()
                .filter(|c| c.def.is_some())
                .map(|c| ContainerReport {
                    name: c.name.clone(),
                    runtime_id: c.id.clone(),
                    last_status: match c.state {
                        CState::Pending | CState::Created => ReportedStatus::Pending,
                        CState::Running => ReportedStatus::Running,
                        CState::Exited => ReportedStatus::Stopped,
                    },
                    exit_code: c.exit_code,
                    reason: c.reason.clone(),
                    network_bindings: if c.state == CState::Running {
                        c.bindings.clone()
                    } else {
                        Vec::new()
                    },
                    health_status: Some(c.health.unwrap_or(HealthStatus::Unknown)),
                    image_digest: c.image_digest.clone(),
                    restart_count: c.restart_policy().map(|_| c.restart_count),
                    exec_agent_running: exec_enabled && c.state == CState::Running,
                })
                .collect(),
            stop_code,
            stopped_reason,
            pull_started_at: self.pull_started_at,
            pull_stopped_at: self.pull_stopped_at,
            started_at: self.started_at,
            stopping_at: self.stopping_at,
            execution_stopped_at: self.execution_stopped_at,
            health_status: Some(health),
        }
    }

    /// Queues the task's report if it changed. Tasks the server never sent are not
    /// reported.
    fn publish(&mut self) {
        if self.desired.is_none() {
            return;
        }
        let r = self.report();
        if self.last_report.as_ref() != Some(&r) {
            if let Some(desired) = &self.desired {
                self.shared.endpoint.task_changed(desired, &r);
            }
            // The reporter going away means the session is ending; nothing to do.
            let _ = self.shared.reports.send(r.clone());
            self.last_report = Some(r);
        }
    }
}

/// A desired container's name.
fn spec_name(dc: &berth_api::protocol::DesiredContainer) -> &str {
    dc.definition.name.as_deref().unwrap_or_default()
}

/// Host-mode bindings: the container's ports are the host's.
fn host_bindings(def: Option<&ContainerDefinition>) -> Vec<NetworkBinding> {
    def.iter()
        .flat_map(|d| d.port_mappings.iter().flatten())
        .filter_map(|pm| {
            let port = pm.container_port?;
            Some(NetworkBinding {
                bind_ip: Some("0.0.0.0".into()),
                container_port: Some(port),
                host_port: Some(port),
                protocol: Some(pm.protocol.unwrap_or(TransportProtocol::Tcp)),
                ..Default::default()
            })
        })
        .collect()
}
