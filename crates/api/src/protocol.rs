//! The agent protocol: the messages between `berth agent` and `berth server`.
//!
//! Endpoints (JSON bodies, `Authorization: Bearer <token>`):
//! - `POST /agent/v1/register` with a join token: [`RegisterRequest`] → [`RegisterResponse`].
//!   The response carries the per-instance credential used for everything else.
//! - `GET /agent/v1/desired?after=GEN&wait_ms=MS`: long-polls until the instance's desired
//!   task set has a generation newer than `after` (or `wait_ms` passes), then returns the
//!   whole set as [`DesiredState`]. Generations only grow; an agent ignores a set whose
//!   generation is not newer than the one it has accepted.
//! - `POST /agent/v1/report`: [`ReportRequest`] → [`ReportResponse`]. A heartbeat and a
//!   batch of task state changes. The server acknowledges the batch only once it is durable;
//!   the agent resends unacknowledged changes (reports are idempotent: each carries the
//!   whole current state of the task, not a delta).
//!
//! The credential may act only on its own container instance and the tasks placed on it.

use serde::{Deserialize, Serialize};

use crate::ecs::{ContainerDefinition, HealthStatus, NetworkBinding, NetworkMode};

/// Registration of a host as a container instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterRequest {
    /// Cluster short name.
    pub cluster: String,
    pub hostname: String,
    pub resources: HostResources,
    /// Attributes the agent sets itself (`ecs.os-type`, `ecs.cpu-architecture`, custom ones).
    #[serde(default)]
    pub attributes: Vec<(String, Option<String>)>,
    /// `EC2` or `EXTERNAL`.
    #[serde(default = "default_launch_type")]
    pub launch_type: String,
    pub agent_version: String,
    /// The runtime's name and version, for `versionInfo.dockerVersion`.
    pub runtime_version: String,
}

fn default_launch_type() -> String {
    "EC2".into()
}

/// A host's total capacity. CPU is in ECS units: 1,024 per core.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostResources {
    pub cpu: i32,
    pub memory_mib: i64,
    /// Host ports that are not available to tasks (the agent's own, sshd, …).
    #[serde(default)]
    pub reserved_tcp_ports: Vec<u16>,
    #[serde(default)]
    pub reserved_udp_ports: Vec<u16>,
}

/// The outcome of registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterResponse {
    pub container_instance_arn: String,
    pub cluster_arn: String,
    /// The secret the agent stores and presents from now on.
    pub credential: String,
}

/// What the agent should be running, whole, numbered by generation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DesiredState {
    pub generation: u64,
    pub tasks: Vec<DesiredTask>,
}

/// Whether a task should run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DesiredStatus {
    Running,
    Stopped,
}

/// One task placed on the instance. Container definitions already have the task's
/// overrides merged in, so the agent runs them as given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesiredTask {
    pub task_arn: String,
    /// Cluster short name, for container labels.
    pub cluster: String,
    pub family: String,
    pub revision: i32,
    pub desired_status: DesiredStatus,
    /// Why the task should stop, when it should (`stopCode` and `stoppedReason` to report
    /// if the agent stops it).
    #[serde(default)]
    pub stop_code: Option<String>,
    #[serde(default)]
    pub stopped_reason: Option<String>,
    pub network_mode: NetworkMode,
    /// Task-level CPU units and memory MiB, when the task definition sets them.
    #[serde(default)]
    pub cpu: Option<i32>,
    #[serde(default)]
    pub memory: Option<i64>,
    pub containers: Vec<DesiredContainer>,
}

/// One container of a desired task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesiredContainer {
    /// The ECS container ARN the agent reports against.
    pub container_arn: String,
    pub definition: ContainerDefinition,
    /// Registry credentials resolved by the server from the definition's
    /// `repositoryCredentials.credentialsParameter`, when it names a secret berth holds.
    #[serde(default)]
    pub registry_auth: Option<RegistryAuth>,
}

/// A user name and password for `docker pull` from a private registry.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryAuth {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for RegistryAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never log the password.
        f.debug_struct("RegistryAuth")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// The task states the agent reports, in ECS's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReportedStatus {
    Pending,
    Running,
    Stopping,
    Stopped,
}

impl ReportedStatus {
    /// The `lastStatus` string ECS uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportedStatus::Pending => "PENDING",
            ReportedStatus::Running => "RUNNING",
            ReportedStatus::Stopping => "STOPPING",
            ReportedStatus::Stopped => "STOPPED",
        }
    }
}

/// The whole observed state of one task on the instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskReport {
    pub task_arn: String,
    pub last_status: ReportedStatus,
    pub containers: Vec<ContainerReport>,
    /// `EssentialContainerExited`, `TaskFailedToStart`, `UserInitiated`, … once stopping.
    #[serde(default)]
    pub stop_code: Option<String>,
    #[serde(default)]
    pub stopped_reason: Option<String>,
    /// Epoch seconds.
    #[serde(default)]
    pub pull_started_at: Option<f64>,
    #[serde(default)]
    pub pull_stopped_at: Option<f64>,
    #[serde(default)]
    pub started_at: Option<f64>,
    #[serde(default)]
    pub stopping_at: Option<f64>,
    #[serde(default)]
    pub execution_stopped_at: Option<f64>,
    #[serde(default)]
    pub health_status: Option<HealthStatus>,
}

/// The observed state of one container.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerReport {
    pub name: String,
    /// The Docker container ID, once created.
    #[serde(default)]
    pub runtime_id: Option<String>,
    /// `PENDING`, `RUNNING` or `STOPPED`.
    pub last_status: ReportedStatus,
    #[serde(default)]
    pub exit_code: Option<i32>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub network_bindings: Vec<NetworkBinding>,
    #[serde(default)]
    pub health_status: Option<HealthStatus>,
    /// The image digest the container runs, once known.
    #[serde(default)]
    pub image_digest: Option<String>,
}

/// A heartbeat plus a batch of task reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    /// The desired-state generation the agent has accepted.
    pub generation: u64,
    pub tasks: Vec<TaskReport>,
}

/// The server's acknowledgement: every report in the batch is durable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportResponse {
    pub accepted: usize,
}

/// Errors the agent API returns, as `{"error": "...", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentApiError {
    /// `unauthorized`, `forbidden`, `invalid`, `not_found`, `internal`.
    pub error: String,
    pub message: String,
}

/// Docker labels that tie a container to its task. The agent rebuilds its view from
/// these after a restart, so they are part of the protocol's contract.
pub mod labels {
    pub const CLUSTER: &str = "com.berth.cluster";
    pub const TASK_ARN: &str = "com.berth.task-arn";
    pub const CONTAINER_NAME: &str = "com.berth.container-name";
    pub const CONTAINER_ARN: &str = "com.berth.container-arn";
    pub const FAMILY: &str = "com.berth.task-definition-family";
    pub const REVISION: &str = "com.berth.task-definition-revision";
    pub const GENERATION: &str = "com.berth.generation";
    /// The container instance the container belongs to; lets two agents share a dockerd
    /// in tests without touching each other's containers.
    pub const INSTANCE_ARN: &str = "com.berth.container-instance-arn";
}
