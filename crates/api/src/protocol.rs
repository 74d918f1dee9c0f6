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
//! - `GET /agent/v1/tasks/tags?task=ARN`: [`TaskTags`], the task's and the instance's tags
//!   as they are now, for the task metadata endpoint's `taskWithTags`.
//! - `POST /agent/v1/logs/open` and `POST /agent/v1/logs/put`: the `awslogs` shipping of
//!   the instance's containers ([`LogStreamRequest`], [`LogBatch`]).
//!
//! The credential may act only on its own container instance and the tasks placed on it.

use serde::{Deserialize, Serialize};

use crate::ecs::{
    ContainerDefinition, HealthStatus, IpcMode, NetworkBinding, NetworkMode, PidMode, Volume,
};

/// The most GPUs one host registers, and so the most one task can reserve.
pub const MAX_GPUS: usize = 64;

/// The longest GPU ID a host may register (NVIDIA's are `GPU-` and a 36-character UUID).
pub const MAX_GPU_ID_LEN: usize = 128;

/// Checks the GPU IDs a host registers: at most [`MAX_GPUS`], none twice, each made of
/// the characters Docker device IDs and `NVIDIA_VISIBLE_DEVICES` carry (a comma would
/// split one ID in two there). The error says what is wrong.
pub fn check_gpu_ids(ids: &[String]) -> Result<(), String> {
    if ids.len() > MAX_GPUS {
        return Err(format!(
            "a host can register at most {MAX_GPUS} GPUs; {} were given",
            ids.len()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        let well_formed = !id.is_empty()
            && id.len() <= MAX_GPU_ID_LEN
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
        if !well_formed {
            return Err(format!(
                "GPU ID {id:?} is not valid: it must be 1-{MAX_GPU_ID_LEN} letters, digits, \
                 '-', '_', '.' or ':' (as nvidia-smi's GPU UUIDs)"
            ));
        }
        if !seen.insert(id) {
            return Err(format!("GPU ID {id} is given more than once"));
        }
    }
    Ok(())
}

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
    /// The IDs of the host's GPUs (NVIDIA UUIDs, `GPU-…`), which the server hands out to
    /// tasks one container at a time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gpus: Vec<String>,
}

/// The outcome of registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterResponse {
    pub container_instance_arn: String,
    pub cluster_arn: String,
    /// The secret the agent stores and presents from now on.
    pub credential: String,
}

/// What the agent should be running, numbered by generation.
///
/// Without `task_arns` it is the whole set. With it, it is a delta against the set of the
/// generation the agent asked after: `task_arns` lists every task of the set, and `tasks`
/// holds only those that changed after that generation, so an instance filling up with n
/// tasks receives O(n) task descriptions in all rather than O(n²).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DesiredState {
    pub generation: u64,
    pub tasks: Vec<DesiredTask>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_arns: Option<Vec<String>>,
}

impl DesiredState {
    /// The whole set this answer describes, given the whole set of the generation it was
    /// asked after. `None` if the delta names a task that neither holds, which means the
    /// agent's base is not the server's: ask again from generation 0.
    pub fn resolve(self, base: Option<&DesiredState>) -> Option<DesiredState> {
        let Some(arns) = self.task_arns else {
            return Some(self);
        };
        let mut changed: std::collections::HashMap<String, DesiredTask> = self
            .tasks
            .into_iter()
            .map(|t| (t.task_arn.clone(), t))
            .collect();
        let known: std::collections::HashMap<&str, &DesiredTask> = base
            .map(|b| b.tasks.iter().map(|t| (t.task_arn.as_str(), t)).collect())
            .unwrap_or_default();
        let mut tasks = Vec::with_capacity(arns.len());
        for arn in arns {
            match changed.remove(&arn) {
                Some(task) => tasks.push(task),
                None => tasks.push((*known.get(arn.as_str())?).clone()),
            }
        }
        Some(DesiredState {
            generation: self.generation,
            tasks,
            task_arns: None,
        })
    }
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
    /// The IAM role the task's containers get credentials for (through the agent's
    /// credentials endpoint), when the task has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_role_arn: Option<String>,
    /// Task-level CPU units and memory MiB, when the task definition sets them.
    #[serde(default)]
    pub cpu: Option<i32>,
    #[serde(default)]
    pub memory: Option<i64>,
    pub containers: Vec<DesiredContainer>,
    /// The task definition's `volumes`, which the containers' `mountPoints` name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<Volume>,
    /// The task definition's `pidMode` and `ipcMode` (`task` means one namespace shared
    /// by the task's containers, held by the agent's per-task pause container).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<PidMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<IpcMode>,
    /// The service that started the task, if one did (`ServiceName` in the task metadata
    /// endpoint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// The instance's `ecs.availability-zone` attribute, when it has one
    /// (`AvailabilityZone` in the task metadata endpoint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// ECS Exec is enabled for the task (`enableExecuteCommand`): the agent accepts exec
    /// sessions the server grants for it, and reports its exec agent as running.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub enable_execute_command: bool,
    /// The task's own network interface, for `networkMode: awsvpc`: the address the
    /// server allocated at placement and the ingress its security groups allow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<TaskNetwork>,
    /// The task was launched with the FARGATE launch type (on a host of the control
    /// plane's Fargate pool): its `cpu` and `memory` are hard limits for the whole task,
    /// and its containers see `AWS_EXECUTION_ENV=AWS_ECS_FARGATE`. The isolation tier the
    /// agent runs it under is chosen by the server from this.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fargate: bool,
    /// How strongly the task's containers are kept apart from the host and from other
    /// tasks; the server chose it at placement (`docs/isolation.md`).
    #[serde(default, skip_serializing_if = "Isolation::is_standard")]
    pub isolation: Isolation,
}

/// An isolation tier: how a task's containers are kept apart from the host and from
/// other tasks (`docs/isolation.md`). Ordered from weakest to strongest.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Isolation {
    /// runc with the task definition's settings as given (EC2 and EXTERNAL tasks).
    #[default]
    Standard,
    /// runc with no new privileges, Docker's default capabilities less the ones that
    /// reach the host kernel's devices, raw packets and audit log, and only
    /// `SYS_PTRACE` addable (Fargate's rule).
    Hardened,
    /// The hardened settings, under gVisor's `runsc`: the containers' system calls are
    /// served by gVisor's user-space kernel, not the host's.
    Gvisor,
}

impl Isolation {
    /// Every tier, weakest first.
    pub const ALL: [Isolation; 3] = [Isolation::Standard, Isolation::Hardened, Isolation::Gvisor];

    pub fn as_str(self) -> &'static str {
        match self {
            Isolation::Standard => "standard",
            Isolation::Hardened => "hardened",
            Isolation::Gvisor => "gvisor",
        }
    }

    pub fn is_standard(&self) -> bool {
        *self == Isolation::Standard
    }

    /// The instance attribute an agent registers when its host can run this tier
    /// (`None` for `standard`, which every host runs). Under ECS's reserved `ecs.`
    /// prefix, as ECS's agent names its own capabilities, so users cannot put it on an
    /// instance and it does not count towards the 10 custom attributes.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Isolation::Standard => None,
            Isolation::Hardened => Some("ecs.capability.berth.isolation.hardened"),
            Isolation::Gvisor => Some("ecs.capability.berth.isolation.gvisor"),
        }
    }

    /// The Docker runtime that runs the tier's containers (`None`: the daemon's default).
    pub fn docker_runtime(self) -> Option<&'static str> {
        match self {
            Isolation::Gvisor => Some(GVISOR_RUNTIME),
            Isolation::Standard | Isolation::Hardened => None,
        }
    }
}

/// The name under which a host's dockerd must register gVisor's `runsc` for the
/// `gvisor` tier (daemon.json `runtimes`).
pub const GVISOR_RUNTIME: &str = "runsc";

impl std::fmt::Display for Isolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Isolation {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Isolation::ALL
            .into_iter()
            .find(|i| i.as_str() == s)
            .ok_or_else(|| {
                format!("'{s}' is not an isolation tier: use standard, hardened or gvisor")
            })
    }
}

/// The internal cluster the hosts of the Fargate pool register in (`berth agent
/// --capacity fargate`; join tokens for it are made with `--capacity fargate`). ECS
/// cluster names allow only letters, digits, `-` and `_`, so no user can create, name or
/// list it: its instances are nobody's container instances.
pub const FARGATE_POOL_CLUSTER: &str = "berth.fargate";

/// An awsvpc task's network interface (ECS's ENI attachment), as the server allocated
/// it at placement. The server keeps it in the task's record and sends it to the agent
/// whole; the agent never chooses an address.
///
/// The address comes from the host's slice of the subnet (`slice_cidr`, whose first
/// usable address is the host's `gateway`), so hosts that route to each other's slices
/// reach each other's tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskNetwork {
    /// The ENI attachment's ID (a UUID), shown in `attachments[].id` and in each
    /// container's `networkInterfaces[].attachmentId`.
    pub attachment_id: String,
    /// `eni-` and 17 hex digits.
    pub eni_id: String,
    /// `subnet-` and 17 hex digits.
    pub subnet_id: String,
    /// The whole subnet, e.g. `10.100.0.0/16`.
    pub subnet_cidr: String,
    /// The host's slice of it, e.g. `10.100.3.0/24`, and the slice's index.
    pub slice_cidr: String,
    pub slice_index: u32,
    /// The slice's gateway (its first usable address), held by the host's bridge.
    pub gateway: String,
    /// The task's private IPv4 address.
    pub address: String,
    /// The interface's MAC address, derived from the address (`02:42` and its 4 bytes,
    /// as Docker derives it).
    pub mac_address: String,
    /// The security groups' IDs, in the order given.
    pub security_groups: Vec<String>,
    /// What the security groups admit, resolved when the task was placed. Anything else
    /// arriving at the task's address is dropped.
    pub ingress: Vec<IngressRule>,
}

impl TaskNetwork {
    /// The interface's private DNS name in `region`, as ECS shows it.
    pub fn private_dns_name(&self, region: &str) -> String {
        private_dns_name(&self.address, region)
    }

    /// The slice's gateway with the slice's prefix length (`10.100.3.1/24`), as the task
    /// metadata endpoint's `SubnetGatewayIpv4Address` shows it.
    pub fn gateway_with_prefix(&self) -> String {
        match self.slice_cidr.split_once('/') {
            Some((_, prefix)) => format!("{}/{prefix}", self.gateway),
            None => self.gateway.clone(),
        }
    }
}

/// The private DNS name ECS shows for an address, in EC2's `us-east-1` form
/// (`ip-10-0-1-5.ec2.internal`); other regions get `REGION.compute.internal`.
pub fn private_dns_name(address: &str, region: &str) -> String {
    let host = format!("ip-{}", address.replace('.', "-"));
    if region == "us-east-1" {
        format!("{host}.ec2.internal")
    } else {
        format!("{host}.{region}.compute.internal")
    }
}

/// One ingress permission of a security group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngressRule {
    /// `tcp`, `udp`, `icmp` or `-1` (every protocol, every port).
    pub protocol: String,
    /// The port range for `tcp` and `udp` (ignored for the others).
    pub from_port: u16,
    pub to_port: u16,
    /// The source addresses, as CIDR (`0.0.0.0/0` for any).
    pub cidr: String,
}

/// One container of a desired task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesiredContainer {
    /// The ECS container ARN the agent reports against.
    pub container_arn: String,
    /// The container definition. Its `secrets` and `repositoryCredentials` are references
    /// only; the agent fetches what they name with [`TaskSecrets`] when it creates the
    /// container, so no secret value is ever part of the desired state (or the agent's
    /// ledger). A `registry_auth` member written by older servers is ignored.
    pub definition: ContainerDefinition,
    /// The host GPUs assigned to this container (its `GPU` resource requirement): the
    /// agent exposes exactly these to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gpu_ids: Vec<String>,
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

/// `GET /agent/v1/tasks/secrets?task=ARN`: what the task's containers need from berth's
/// secret stores, resolved by the server with the task's execution role at the moment the
/// agent is about to create the containers. The agent keeps it in memory only: never in its
/// ledger, a label or a log line. A secret that is missing or that the execution role may
/// not read is refused with HTTP 422 and an [`AgentApiError`] of kind
/// `resource_initialization` whose message is ECS's, and the agent stops the task with
/// `TaskFailedToStart` and that message.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskSecrets {
    pub containers: Vec<ContainerSecrets>,
}

impl std::fmt::Debug for TaskSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.containers.iter().map(|c| &c.name))
            .finish()
    }
}

/// One container's resolved secrets.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerSecrets {
    pub name: String,
    /// `secrets[]`: environment variable name and value.
    #[serde(default)]
    pub environment: Vec<(String, String)>,
    /// `repositoryCredentials`, resolved.
    #[serde(default)]
    pub registry_auth: Option<RegistryAuth>,
    /// `logConfiguration.secretOptions`: option name and value.
    #[serde(default)]
    pub log_options: Vec<(String, String)>,
}

/// `GET /agent/v1/tasks/credentials?task=ARN`: temporary credentials for the task's role,
/// which the agent serves to the task's containers at
/// `169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` and refreshes before they expire.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskCredentials {
    pub role_arn: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: String,
    /// Epoch seconds.
    pub expiration: i64,
}

impl std::fmt::Debug for TaskCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never log the secret or the token.
        f.debug_struct("TaskCredentials")
            .field("role_arn", &self.role_arn)
            .field("access_key_id", &self.access_key_id)
            .field("expiration", &self.expiration)
            .finish_non_exhaustive()
    }
}

/// `GET /agent/v1/tasks/tags?task=ARN`: the tags of a task placed on the agent's instance
/// and of the instance itself, read when asked (as ECS's agent calls
/// `ListTagsForResource` for `taskWithTags`), so that tags changed after placement show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskTags {
    pub task_tags: std::collections::BTreeMap<String, String>,
    pub container_instance_tags: std::collections::BTreeMap<String, String>,
}

/// Where a shipped line came from in its container's Docker log: the line's Docker
/// timestamp in nanoseconds (the largest seen so far in the log, so positions only grow),
/// and an index that tells apart lines with the same time. A stream keeps the last
/// position it stored, durably with the events, and drops events at or below it: that is
/// what makes shipping exactly-once across agent restarts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LogPosition {
    pub time_ns: i64,
    pub index: u32,
}

/// `POST /agent/v1/logs/open`: prepares the CloudWatch Logs stream of one `awslogs`
/// container of a task on the agent's instance (creating the group when the container's
/// `awslogs-create-group` says so, and the stream), and says where shipping resumes. The
/// group and stream come from the task's definition on the server, never from the agent. A
/// missing group is refused with HTTP 404 (`not_found`) and CloudWatch's message, and the
/// agent fails the container's start as ECS's agent does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogStreamRequest {
    pub task_arn: String,
    pub container_name: String,
    /// The Docker container ID: the stream name when the options name no stream and no
    /// `awslogs-stream-prefix` (Docker's default).
    pub container_id: String,
}

/// The answer to [`LogStreamRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogStreamTarget {
    pub log_group: String,
    pub log_stream: String,
    /// The last position the stream stored; the agent resumes after it.
    pub position: Option<LogPosition>,
}

/// One line shipped by the agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippedLogEvent {
    /// Milliseconds since the Unix epoch.
    #[serde(rename = "ts")]
    pub timestamp: i64,
    #[serde(rename = "msg")]
    pub message: String,
    #[serde(rename = "pos")]
    pub position: LogPosition,
}

/// `POST /agent/v1/logs/put`: a batch of one container's lines, in increasing positions,
/// within PutLogEvents' limits (10,000 events, 1 MiB counting 26 bytes per event, 24 hours).
/// Resending a batch is harmless: events at or below the stream's position are dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogBatch {
    pub task_arn: String,
    pub container_name: String,
    pub container_id: String,
    pub events: Vec<ShippedLogEvent>,
}

/// What the server did with a [`LogBatch`], once it is durable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogBatchResponse {
    pub stored: usize,
    /// Events the stream already held (a resent batch).
    pub duplicates: usize,
    /// Events CloudWatch's rules reject for their time (older than 14 days or the group's
    /// retention, more than 2 hours ahead).
    pub rejected: usize,
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
    /// How many times the agent restarted the container in place under its
    /// `restartPolicy` (ECS shows it as `RestartCount` in the task metadata endpoint).
    /// `None` when the container has no enabled restart policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart_count: Option<u32>,
    /// The agent can run ECS Exec sessions in the container now (exec is enabled for the
    /// task and the container runs): DescribeTasks shows its `ExecuteCommandAgent` as
    /// RUNNING.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exec_agent_running: bool,
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

/// An ECS Exec session the server asks the agent to run, from
/// `GET /agent/v1/exec/grants?wait_ms=MS` (long-polled; answered at once when a session is
/// waiting). The agent runs it only for a task of its own desired set with
/// `enable_execute_command`, and only by attaching to
/// `GET /agent/v1/exec/sessions/{session_id}` (a WebSocket, with its credential and
/// `secret` in the `x-berth-exec-secret` header) before `expires_at`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecGrant {
    pub session_id: String,
    pub task_arn: String,
    pub container_name: String,
    /// The command and its arguments (ExecuteCommand's `command`, split as a shell
    /// would, without running a shell).
    pub command: Vec<String>,
    /// With a TTY, stdin open, output on one stream.
    pub interactive: bool,
    /// Epoch seconds after which the server no longer accepts the attach.
    pub expires_at: f64,
    /// Binds the attach to this grant: only the agent that was handed it can attach.
    pub secret: String,
}

impl std::fmt::Debug for ExecGrant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExecGrant")
            .field("session_id", &self.session_id)
            .field("task_arn", &self.task_arn)
            .field("container_name", &self.container_name)
            .field("interactive", &self.interactive)
            .finish_non_exhaustive()
    }
}

/// The answer of `GET /agent/v1/exec/grants`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecGrants {
    pub grants: Vec<ExecGrant>,
}

/// The header that carries an [`ExecGrant`]'s secret on the agent's attach.
pub const EXEC_SECRET_HEADER: &str = "x-berth-exec-secret";

/// On an exec session's agent WebSocket, binary frames from the agent are output: one
/// byte naming the stream, then the bytes. Binary frames from the server are stdin.
pub const EXEC_STDOUT: u8 = 1;
pub const EXEC_STDERR: u8 = 2;

/// A text frame from the server to the agent on an exec session's WebSocket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExecControl {
    /// The client's terminal size (interactive sessions).
    Resize { cols: u16, rows: u16 },
    /// No more input (end of the client's stdin).
    CloseStdin,
    /// The client went away or asked to end the session: stop the command.
    Terminate,
}

/// A text frame from the agent to the server on an exec session's WebSocket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExecEvent {
    /// The command runs.
    Started,
    /// The command ended with this exit code; the agent closes the socket next.
    Exited { exit_code: i64 },
    /// The command could not be run (the container is gone, the executable is missing…).
    Failed { message: String },
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
    /// On a task's pause container (`pause`), which holds the namespaces the task's
    /// containers share; it has no container name or ARN.
    pub const ROLE: &str = "com.berth.role";
    /// On a Docker volume the agent created for one task: the task definition's name for
    /// it. The volume also carries [`CLUSTER`], [`TASK_ARN`] and [`INSTANCE_ARN`], so an
    /// agent restarted without memory finds it and removes it with the task.
    pub const VOLUME_NAME: &str = "com.berth.volume-name";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(arn: &str, status: DesiredStatus) -> DesiredTask {
        DesiredTask {
            task_arn: arn.into(),
            cluster: "c".into(),
            family: "f".into(),
            revision: 1,
            desired_status: status,
            stop_code: None,
            stopped_reason: None,
            network_mode: NetworkMode::Bridge,
            task_role_arn: None,
            cpu: None,
            memory: None,
            containers: Vec::new(),
            volumes: Vec::new(),
            pid_mode: None,
            ipc_mode: None,
            service_name: None,
            availability_zone: None,
            enable_execute_command: false,
            network: None,
            fargate: false,
            isolation: Isolation::Standard,
        }
    }

    fn whole(generation: u64, tasks: Vec<DesiredTask>) -> DesiredState {
        DesiredState {
            generation,
            tasks,
            task_arns: None,
        }
    }

    #[test]
    fn a_task_from_before_volumes_and_namespaces_still_loads() {
        // As an older server sends it, or an older agent's ledger holds it.
        let old = r#"{"task_arn":"a","cluster":"c","family":"f","revision":1,
            "desired_status":"RUNNING","network_mode":"bridge","containers":[]}"#;
        let task: DesiredTask = serde_json::from_str(old).expect("loads");
        assert!(task.volumes.is_empty());
        assert_eq!((task.pid_mode, task.ipc_mode), (None, None));
        assert_eq!((task.service_name, task.availability_zone), (None, None));
        let report = r#"{"name":"app","last_status":"RUNNING"}"#;
        let report: ContainerReport = serde_json::from_str(report).expect("loads");
        assert_eq!(report.restart_count, None);
    }

    #[test]
    fn gpu_ids_are_checked() {
        let ids = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            check_gpu_ids(&ids(&["GPU-8f6a2c1e-3b7d-4c9e-a1f0-5d2b8e7c4a91", "MIG-1"])),
            Ok(())
        );
        for bad in [&["a,b"][..], &[""], &["x y"], &["GPU-1", "GPU-1"]] {
            assert!(check_gpu_ids(&ids(bad)).is_err(), "{bad:?}");
        }
        assert!(check_gpu_ids(&["a".repeat(MAX_GPU_ID_LEN + 1)]).is_err());
        let many: Vec<String> = (0..=MAX_GPUS).map(|n| format!("GPU-{n}")).collect();
        assert!(check_gpu_ids(&many).is_err());
        assert_eq!(check_gpu_ids(&many[..MAX_GPUS]), Ok(()));
    }

    #[test]
    fn a_whole_set_resolves_to_itself() {
        let set = whole(3, vec![task("a", DesiredStatus::Running)]);
        assert_eq!(set.clone().resolve(None), Some(set));
    }

    #[test]
    fn a_delta_keeps_unchanged_tasks_replaces_changed_ones_and_drops_the_rest() {
        let base = whole(
            5,
            vec![
                task("a", DesiredStatus::Running),
                task("b", DesiredStatus::Running),
                task("gone", DesiredStatus::Running),
            ],
        );
        let delta = DesiredState {
            generation: 9,
            tasks: vec![
                task("b", DesiredStatus::Stopped),
                task("new", DesiredStatus::Running),
            ],
            task_arns: Some(vec!["a".into(), "b".into(), "new".into()]),
        };
        let resolved = delta.resolve(Some(&base)).expect("applies");
        assert_eq!(resolved.generation, 9);
        assert_eq!(resolved.task_arns, None);
        assert_eq!(
            resolved.tasks,
            vec![
                task("a", DesiredStatus::Running),
                task("b", DesiredStatus::Stopped),
                task("new", DesiredStatus::Running),
            ]
        );
    }

    #[test]
    fn a_delta_naming_an_unknown_task_does_not_apply() {
        let delta = DesiredState {
            generation: 9,
            tasks: Vec::new(),
            task_arns: Some(vec!["unknown".into()]),
        };
        assert_eq!(delta.clone().resolve(None), None);
        assert_eq!(delta.resolve(Some(&whole(5, Vec::new()))), None);
    }
}
