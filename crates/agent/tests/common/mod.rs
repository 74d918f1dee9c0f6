//! Shared helpers of the agent's integration tests: an in-memory control plane that
//! serves a desired state the test sets and records every report, task builders,
//! polling with a deadline, and Docker availability / cleanup.

#![allow(dead_code)]

use std::collections::HashMap;
use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use async_trait::async_trait;
use berth_agent::{AgentConfig, ClientError, ContainerRuntime, ControlPlane};
use berth_api::ecs::{ContainerDefinition, NetworkMode};
use berth_api::protocol::{
    DesiredContainer, DesiredState, DesiredStatus, DesiredTask, RegisterRequest, RegisterResponse,
    ReportRequest, ReportResponse, ReportedStatus, TaskReport,
};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub const IMAGE: &str = "berth-test/busybox:latest";
pub const JOIN_TOKEN: &str = "join-secret";

/// What the test double has seen and serves.
#[derive(Default)]
pub struct Recorded {
    pub registrations: Vec<RegisterRequest>,
    pub reports: Vec<ReportRequest>,
    /// Credentials the server accepts.
    pub valid_credentials: Vec<String>,
    /// When set, every call fails as if the server were down.
    pub down: bool,
    /// How long a report takes to be acknowledged, as a durable commit does.
    pub report_latency: Duration,
}

/// A control plane in memory: the test sets the desired tasks and reads the reports.
pub struct TestControl {
    desired: watch::Sender<DesiredState>,
    pub recorded: Mutex<Recorded>,
    cluster: String,
}

impl TestControl {
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            desired: watch::Sender::new(DesiredState::default()),
            recorded: Mutex::new(Recorded::default()),
            cluster: "test".into(),
        })
    }

    pub fn rec(&self) -> MutexGuard<'_, Recorded> {
        self.recorded.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Replaces the desired set with a new generation.
    pub fn set_tasks(&self, tasks: Vec<DesiredTask>) {
        self.desired.send_modify(|d| {
            d.generation += 1;
            d.tasks = tasks;
        });
    }

    pub fn tasks(&self) -> Vec<DesiredTask> {
        self.desired.borrow().tasks.clone()
    }

    pub fn generation(&self) -> u64 {
        self.desired.borrow().generation
    }

    /// Marks a task of the desired set STOPPED with a stop code.
    pub fn stop_task(&self, arn: &str, code: &str, reason: &str) {
        let mut tasks = self.tasks();
        for t in &mut tasks {
            if t.task_arn == arn {
                t.desired_status = DesiredStatus::Stopped;
                t.stop_code = Some(code.into());
                t.stopped_reason = Some(reason.into());
            }
        }
        self.set_tasks(tasks);
    }

    /// Every task report received, in order.
    pub fn task_reports(&self, arn: &str) -> Vec<TaskReport> {
        self.rec()
            .reports
            .iter()
            .flat_map(|r| r.tasks.iter())
            .filter(|t| t.task_arn == arn)
            .cloned()
            .collect()
    }

    pub fn latest(&self, arn: &str) -> Option<TaskReport> {
        self.task_reports(arn).pop()
    }

    /// The distinct task statuses reported, in order.
    pub fn statuses(&self, arn: &str) -> Vec<ReportedStatus> {
        let mut out: Vec<ReportedStatus> = Vec::new();
        for r in self.task_reports(arn) {
            if out.last() != Some(&r.last_status) {
                out.push(r.last_status);
            }
        }
        out
    }

    pub fn clear_reports(&self) {
        self.rec().reports.clear();
    }

    fn check(&self, credential: &str) -> Result<(), ClientError> {
        let rec = self.rec();
        if rec.down {
            return Err(ClientError::Transport("connection refused".into()));
        }
        if !rec.valid_credentials.iter().any(|c| c == credential) {
            return Err(ClientError::Unauthorized("bad credential".into()));
        }
        Ok(())
    }
}

#[async_trait]
impl ControlPlane for TestControl {
    async fn register(
        &self,
        join_token: &str,
        req: &RegisterRequest,
    ) -> Result<RegisterResponse, ClientError> {
        let mut rec = self.rec();
        if rec.down {
            return Err(ClientError::Transport("connection refused".into()));
        }
        if join_token != JOIN_TOKEN {
            return Err(ClientError::Unauthorized("bad join token".into()));
        }
        rec.registrations.push(req.clone());
        let id = uuid::Uuid::new_v4().simple().to_string();
        let credential = format!("cred-{id}");
        rec.valid_credentials.push(credential.clone());
        // A new instance starts with an empty desired set, as a real server's would;
        // the test sets tasks afterwards.
        Ok(RegisterResponse {
            container_instance_arn: format!(
                "arn:aws:ecs:us-east-1:000000000000:container-instance/{}/{id}",
                self.cluster
            ),
            cluster_arn: format!(
                "arn:aws:ecs:us-east-1:000000000000:cluster/{}",
                self.cluster
            ),
            credential,
        })
    }

    async fn desired(
        &self,
        credential: &str,
        after: u64,
        wait: Duration,
    ) -> Result<DesiredState, ClientError> {
        self.check(credential)?;
        let mut rx = self.desired.subscribe();
        let _ = tokio::time::timeout(wait, rx.wait_for(|d| d.generation > after)).await;
        self.check(credential)?;
        let d = self.desired.borrow().clone();
        Ok(d)
    }

    async fn report(
        &self,
        credential: &str,
        req: &ReportRequest,
    ) -> Result<ReportResponse, ClientError> {
        self.check(credential)?;
        let latency = self.rec().report_latency;
        if !latency.is_zero() {
            tokio::time::sleep(latency).await;
        }
        self.rec().reports.push(req.clone());
        Ok(ReportResponse {
            accepted: req.tasks.len(),
        })
    }
}

/// Polls `cond` every 25 ms until it holds, panicking with `what` after `timeout`.
pub async fn wait_for<F, Fut>(what: &str, timeout: Duration, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if cond().await {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out after {timeout:?} waiting for: {what}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Waits until the latest report of `arn` has `status`, and returns it.
pub async fn wait_status(
    control: &TestControl,
    arn: &str,
    status: ReportedStatus,
    timeout: Duration,
) -> TaskReport {
    wait_for(&format!("task {arn} {status:?}"), timeout, || async {
        control.latest(arn).is_some_and(|r| r.last_status == status)
    })
    .await;
    control.latest(arn).expect("a report")
}

/// A container definition running `sh -c script`.
pub fn container(name: &str, script: &str) -> ContainerDefinition {
    ContainerDefinition {
        name: Some(name.into()),
        image: Some(IMAGE.into()),
        command: Some(vec!["sh".into(), "-c".into(), script.into()]),
        essential: Some(true),
        ..Default::default()
    }
}

/// A task of the given containers, with a fresh ARN.
pub fn task(family: &str, defs: Vec<ContainerDefinition>) -> DesiredTask {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let arn = format!("arn:aws:ecs:us-east-1:000000000000:task/test/{id}");
    DesiredTask {
        task_arn: arn.clone(),
        cluster: "test".into(),
        family: family.into(),
        revision: 1,
        desired_status: DesiredStatus::Running,
        stop_code: None,
        stopped_reason: None,
        network_mode: NetworkMode::Bridge,
        task_role_arn: None,
        cpu: None,
        memory: None,
        containers: defs
            .into_iter()
            .map(|d| DesiredContainer {
                container_arn: format!(
                    "arn:aws:ecs:us-east-1:000000000000:container/test/{id}/{}",
                    d.name.clone().unwrap_or_default()
                ),
                definition: d,
                gpu_ids: Vec::new(),
            })
            .collect(),
        volumes: Vec::new(),
        pid_mode: None,
        ipc_mode: None,
        service_name: None,
        availability_zone: None,
        enable_execute_command: false,
        network: None,
        fargate: false,
        isolation: berth_api::protocol::Isolation::Standard,
    }
}

/// Test-friendly agent configuration: quick heartbeats, polls and resyncs.
pub fn config(data_dir: &Path) -> AgentConfig {
    let mut c = AgentConfig::new("http://127.0.0.1:1", "test", data_dir);
    c.join_token = Some(JOIN_TOKEN.into());
    c.heartbeat_interval = Duration::from_millis(200);
    c.resync_interval = Duration::from_secs(1);
    c.desired_wait = Duration::from_millis(500);
    c.container_stop_timeout = Duration::from_secs(5);
    c.max_backoff = Duration::from_millis(500);
    // Tests see the same host whatever GPUs the machine has.
    c.gpus = berth_agent::GpuSource::Disabled;
    c
}

/// A running agent and the means to stop it.
pub struct Agent {
    pub cancel: CancellationToken,
    pub handle: JoinHandle<anyhow::Result<()>>,
}

impl Agent {
    pub fn start(
        config: AgentConfig,
        runtime: Arc<dyn ContainerRuntime>,
        control: Arc<TestControl>,
    ) -> Self {
        let cancel = CancellationToken::new();
        let handle = tokio::spawn(berth_agent::run(config, runtime, control, cancel.clone()));
        Self { cancel, handle }
    }

    /// Cancels the agent and waits for it to return.
    pub async fn stop(self) {
        self.cancel.cancel();
        let r = tokio::time::timeout(Duration::from_secs(10), self.handle)
            .await
            .expect("agent exits promptly after cancel")
            .expect("agent task did not panic");
        r.expect("agent returned Ok");
    }
}

/// The instance ARN the agent registered with, once it has.
pub async fn instance_arn(data_dir: &Path) -> String {
    let ledger = berth_agent::Ledger::open(data_dir).expect("ledger");
    wait_for("registration", Duration::from_secs(10), || async {
        ledger.load_identity().ok().flatten().is_some()
    })
    .await;
    ledger
        .load_identity()
        .ok()
        .flatten()
        .map(|i| i.container_instance_arn)
        .unwrap_or_default()
}

/// Whether Docker tests can run. Skips (false) only when the socket is absent and
/// `BERTH_REQUIRE_DOCKER` is unset; with it set, a missing Docker fails the test.
pub fn docker_available() -> bool {
    if Path::new("/var/run/docker.sock").exists() || std::env::var_os("DOCKER_HOST").is_some() {
        return true;
    }
    if std::env::var_os("BERTH_REQUIRE_DOCKER").is_some() {
        panic!("BERTH_REQUIRE_DOCKER is set but /var/run/docker.sock is absent");
    }
    eprintln!(
        "skipping: /var/run/docker.sock is absent (set BERTH_REQUIRE_DOCKER to fail instead)"
    );
    false
}

/// Removes every container carrying `label=value` when dropped, even if the test panics.
pub struct DockerCleanup {
    pub filter: String,
}

impl DockerCleanup {
    pub fn new(label: &str, value: &str) -> Self {
        Self {
            filter: format!("label={label}={value}"),
        }
    }

    pub fn container_ids(&self) -> Vec<String> {
        let out = std::process::Command::new("docker")
            .args(["ps", "-aq", "--no-trunc", "--filter", &self.filter])
            .output();
        match out {
            Ok(o) => String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}

impl Drop for DockerCleanup {
    fn drop(&mut self) {
        let ids = self.container_ids();
        if !ids.is_empty() {
            let _ = std::process::Command::new("docker")
                .arg("rm")
                .arg("-f")
                .args(&ids)
                .output();
        }
    }
}

/// Log output for failing tests (`RUST_LOG=berth_agent=debug`).
pub fn init_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "berth_agent=info".into()),
        )
        .with_test_writer()
        .try_init();
}

/// Container statuses by container name, from a report.
pub fn containers_by_name(r: &TaskReport) -> HashMap<String, berth_api::protocol::ContainerReport> {
    r.containers
        .iter()
        .map(|c| (c.name.clone(), c.clone()))
        .collect()
}
