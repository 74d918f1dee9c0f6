//! The container runtime interface the agent drives, and the runtime-neutral container
//! spec the agent builds from an ECS `ContainerDefinition` (plus what the task provides
//! it: volumes, the task's cgroup, the pause container whose namespaces it joins).
//!
//! Two implementations exist: [`crate::docker::DockerRuntime`] (bollard) and
//! [`crate::fake::FakeRuntime`] (in memory, for scale tests and `berth sim`). The
//! reconciler knows nothing else about them.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use berth_api::ecs::{
    ContainerDefinition, DeviceCgroupPermission, HealthStatus, IpcMode, NetworkBinding,
    NetworkMode, PidMode, TransportProtocol,
};
use berth_api::protocol::{labels, DesiredContainer, DesiredTask, RegistryAuth, TaskNetwork};
use futures::stream::BoxStream;

pub use crate::cgroup::TaskLimits;
use crate::ports::parse_range;
use crate::volumes::{self, MountSource};

/// ECS's default health-check settings, in seconds.
const HEALTH_INTERVAL_S: u64 = 30;
const HEALTH_TIMEOUT_S: u64 = 5;
const HEALTH_RETRIES: u32 = 3;
/// ECS gives each container at least 2 CPU shares (Docker's minimum).
const MIN_CPU_SHARES: i64 = 2;
const MIB: i64 = 1024 * 1024;
/// ECS's `swappiness` when `maxSwap` is set and `swappiness` is not.
const DEFAULT_SWAPPINESS: i64 = 60;
/// The largest seccomp profile file the agent reads for `seccomp:<path>`.
const MAX_SECCOMP_PROFILE: u64 = 1024 * 1024;
/// The variable the NVIDIA container runtime reads a container's GPUs from.
pub const NVIDIA_VISIBLE_DEVICES: &str = "NVIDIA_VISIBLE_DEVICES";

/// What a runtime call can fail with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuntimeError {
    /// The container or image does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// The container name is taken (the container was created before).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The image could not be pulled; the message is the runtime's own.
    #[error("{0}")]
    ImagePull(String),
    /// The spec was refused (bad memory value, unknown capability, …).
    #[error("{0}")]
    Invalid(String),
    /// The runtime could not be reached.
    #[error("runtime unavailable: {0}")]
    Unavailable(String),
    #[error("{0}")]
    Other(String),
}

/// The runtime's version and the host's capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeInfo {
    /// For example `DockerVersion: 20.10.24`.
    pub version: String,
    /// ECS CPU units: 1,024 per core.
    pub cpu_units: i32,
    pub memory_mib: i64,
    /// The OCI runtimes the container engine offers (Docker's `/info` `Runtimes`), which
    /// decide the isolation tiers the host can run.
    pub runtimes: Vec<String>,
}

/// What the agent knows about a local image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub id: String,
    /// The registry manifest digest (`sha256:…`), when the image came from a registry.
    pub digest: Option<String>,
}

/// A port to publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortSpec {
    pub container_port: u16,
    /// `None` lets the runtime pick a free host port (bridge mode only).
    pub host_port: Option<u16>,
    pub protocol: TransportProtocol,
}

/// A container health check, already defaulted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthCheckSpec {
    /// Docker form: `["CMD-SHELL", "…"]` or `["CMD", …]`.
    pub test: Vec<String>,
    pub interval: Duration,
    pub timeout: Duration,
    pub retries: u32,
    pub start_period: Duration,
}

/// A range of container ports published on a range of host ports of the same length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortRangeSpec {
    /// First and last container port.
    pub container: (u16, u16),
    /// First and last host port; `None` until the agent picked a free range (a runtime
    /// given `None` lets the engine pick each host port).
    pub host: Option<(u16, u16)>,
    pub protocol: TransportProtocol,
}

/// A resource limit (`ulimit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UlimitSpec {
    pub name: String,
    pub soft: i64,
    pub hard: i64,
}

/// A host device exposed to the container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceSpec {
    pub host_path: String,
    pub container_path: String,
    /// cgroup permissions, some of `r`, `w`, `m`.
    pub permissions: String,
}

/// A runtime volume to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeSpec {
    pub name: String,
    /// `None`: the runtime's default (`local`).
    pub driver: Option<String>,
    pub driver_opts: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
}

/// A runtime volume as it exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeInfo {
    pub name: String,
    pub driver: String,
    pub options: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
}

/// What a task provides its containers before they are created.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskResources {
    /// The task's cgroup (its `cpu` and `memory` limits), when it has limits.
    pub cgroup_parent: Option<String>,
    /// The runtime name of the task's pause container, when `pidMode` or `ipcMode` is
    /// `task`, or the task is awsvpc (its containers then join its network namespace).
    pub pause_container: Option<String>,
    /// The network a lone awsvpc container joins itself, with the task's address (no
    /// pause container then).
    pub awsvpc_network: Option<String>,
    /// What each task definition volume mounts.
    pub volumes: BTreeMap<String, MountSource>,
}

/// Environment variables whose values are secrets (a container's `secrets`, fetched from
/// the server just before the container is created). Kept apart from the plain
/// environment so that a spec's `Debug` names them without their values.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SecretEnv(pub Vec<(String, String)>);

impl std::fmt::Debug for SecretEnv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(name, _)| name))
            .finish()
    }
}

/// Everything a runtime needs to create one container, independent of Docker's API.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContainerSpec {
    /// The deterministic runtime name; creating it twice must fail with `Conflict`.
    pub name: String,
    pub image: String,
    pub entry_point: Option<Vec<String>>,
    pub command: Option<Vec<String>>,
    pub env: Vec<(String, String)>,
    /// Secret variables; a name in both wins here, as ECS's secrets override `environment`.
    pub secret_env: SecretEnv,
    pub working_dir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub cpu_shares: i64,
    pub memory_bytes: Option<i64>,
    pub memory_reservation_bytes: Option<i64>,
    /// Docker's network mode name: `bridge`, `host`, `none`, `container:<name>`, or a
    /// network's name (an awsvpc task's pause container).
    pub network_mode: String,
    /// The address and MAC address on that network (an awsvpc task's pause container).
    pub ipv4_address: Option<String>,
    pub mac_address: Option<String>,
    pub ports: Vec<PortSpec>,
    pub health_check: Option<HealthCheckSpec>,
    pub stop_timeout: Duration,
    pub ulimits: Vec<UlimitSpec>,
    pub readonly_rootfs: bool,
    pub privileged: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub init: bool,
    pub labels: BTreeMap<String, String>,
    /// `hostname:ip` pairs.
    pub extra_hosts: Vec<(String, String)>,
    pub dns_servers: Vec<String>,
    /// Docker links, already translated to runtime names: `name:alias`.
    pub links: Vec<String>,
    pub port_ranges: Vec<PortRangeSpec>,
    /// Docker binds: `host-path-or-volume:container-path[:ro]`.
    pub binds: Vec<String>,
    /// Runtime names of containers whose volumes this one mounts: `name[:ro]`.
    pub volumes_from: Vec<String>,
    pub devices: Vec<DeviceSpec>,
    /// Container path to tmpfs mount options (with `size=`).
    pub tmpfs: BTreeMap<String, String>,
    pub shm_size_bytes: Option<i64>,
    /// Memory plus swap (Docker's `MemorySwap`); equal to `memory_bytes` means no swap.
    pub memory_swap_bytes: Option<i64>,
    pub memory_swappiness: Option<i64>,
    pub sysctls: BTreeMap<String, String>,
    /// Docker's form: `no-new-privileges`, `apparmor=…`, `label=…`, `seccomp=…`.
    pub security_opts: Vec<String>,
    /// Docker's `PidMode` and `IpcMode`: `host`, `container:<name>`, `shareable`, `none`.
    pub pid_mode: Option<String>,
    pub ipc_mode: Option<String>,
    pub open_stdin: bool,
    pub tty: bool,
    pub network_disabled: bool,
    pub dns_search: Vec<String>,
    /// The cgroup the container is created under (the task's).
    pub cgroup_parent: Option<String>,
    /// The host GPUs the container gets (NVIDIA IDs), through the runtime's GPU support.
    pub gpu_ids: Vec<String>,
    /// The runtime's log driver for the container; `None` is the runtime's default.
    pub log_config: Option<LogConfigSpec>,
    /// The OCI runtime to run the container with (Docker's `HostConfig.Runtime`, such as
    /// `runsc` for the gVisor tier); `None` is the engine's default.
    pub runtime: Option<String>,
}

/// The coarse state of a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunState {
    /// Created and never started.
    Created,
    Running,
    /// Ran and stopped (or died). Never started again by the agent.
    Exited,
}

/// What inspecting a container returns.
#[derive(Debug, Clone, PartialEq)]
pub struct ContainerStatus {
    pub id: String,
    /// The runtime name, without Docker's leading `/`.
    pub name: String,
    pub state: RunState,
    pub exit_code: Option<i32>,
    /// The runtime's error for the container (for example why it failed to start).
    pub error: Option<String>,
    pub oom_killed: bool,
    /// `None` when the container has no health check.
    pub health: Option<HealthStatus>,
    pub started_at: Option<SystemTime>,
    pub finished_at: Option<SystemTime>,
    /// Published ports as ECS reports them.
    pub network_bindings: Vec<NetworkBinding>,
    pub labels: BTreeMap<String, String>,
    /// The image ID the container runs.
    pub image_id: Option<String>,
    /// When the runtime created the container.
    pub created_at: Option<SystemTime>,
    /// The networks the container is attached to, with its addresses on each.
    pub networks: Vec<ContainerNetwork>,
}

/// A network a container is attached to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerNetwork {
    /// The runtime's name for the network: `bridge`, `host`, or a user network.
    pub name: String,
    pub ipv4: Option<std::net::Ipv4Addr>,
    pub ipv6: Option<std::net::Ipv6Addr>,
}

/// A line of a container listing: enough to group containers by task. Inspect for more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerSummary {
    pub id: String,
    pub name: String,
    pub state: RunState,
    pub labels: BTreeMap<String, String>,
}

/// What happened to a container, as far as the agent cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Start,
    Die,
    Health,
    Destroy,
}

/// An item of the runtime's event stream.
#[derive(Debug, Clone, PartialEq)]
pub enum RuntimeEvent {
    Container {
        id: String,
        kind: EventKind,
        labels: BTreeMap<String, String>,
    },
    /// Events may have been missed (buffer overflow); the agent should re-inspect.
    Lagged,
}

/// Which output of a container a log frame holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LogSource {
    Stdout,
    Stderr,
    /// A container with a terminal (`pseudoTerminal`): one stream, split on newlines.
    Tty,
}

/// One message of a container's log as the runtime returns it with timestamps:
/// `<RFC 3339 time with nanoseconds> <text>`, the text ending with `\n` unless the runtime
/// split a long line into partial messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFrame {
    pub source: LogSource,
    pub bytes: bytes::Bytes,
}

/// How the runtime keeps a container's output (Docker's `HostConfig.LogConfig`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogConfigSpec {
    /// A Docker log driver: `json-file`, `local`, `syslog`, `journald`.
    pub driver: String,
    pub options: BTreeMap<String, String>,
}

/// The operations the agent needs from a container engine.
#[async_trait]
pub trait ContainerRuntime: Send + Sync + 'static {
    async fn info(&self) -> Result<RuntimeInfo, RuntimeError>;
    /// `Ok(None)` when the image is not present locally.
    async fn image(&self, image: &str) -> Result<Option<ImageInfo>, RuntimeError>;
    async fn pull(&self, image: &str, auth: Option<&RegistryAuth>) -> Result<(), RuntimeError>;
    /// Creates the container and returns its ID. A taken name is `Conflict`.
    async fn create(&self, spec: &ContainerSpec) -> Result<String, RuntimeError>;
    async fn start(&self, id: &str) -> Result<(), RuntimeError>;
    /// Sends the stop signal, then kills after `timeout`. Stopping a stopped container is Ok.
    async fn stop(&self, id: &str, timeout: Duration) -> Result<(), RuntimeError>;
    /// Removes the container (forcefully). Removing a missing container is `NotFound`.
    async fn remove(&self, id: &str) -> Result<(), RuntimeError>;
    /// Accepts an ID or a name.
    async fn inspect(&self, id: &str) -> Result<ContainerStatus, RuntimeError>;
    /// Every container (any state) carrying `label=value`. Cheap: no inspect per container.
    async fn list(&self, label: &str, value: &str) -> Result<Vec<ContainerSummary>, RuntimeError>;
    /// Container events for containers carrying `label=value`. The stream ends when the
    /// connection to the runtime breaks; the caller resubscribes.
    fn events(&self, label: &str, value: &str) -> BoxStream<'static, RuntimeEvent>;
    /// `Ok(None)` when the volume does not exist.
    async fn volume(&self, name: &str) -> Result<Option<VolumeInfo>, RuntimeError>;
    /// Creates a volume; creating an existing one with the same driver returns it.
    async fn create_volume(&self, spec: &VolumeSpec) -> Result<VolumeInfo, RuntimeError>;
    /// Removes a volume. A missing one is `NotFound`, one in use is `Conflict`.
    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError>;
    /// Every volume carrying `label=value`.
    async fn list_volumes(&self, label: &str, value: &str)
        -> Result<Vec<VolumeInfo>, RuntimeError>;
    /// Creates (or updates) task `task_id`'s cgroup with `limits`, before any of its
    /// containers is created, and returns the value for [`ContainerSpec::cgroup_parent`].
    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<String, RuntimeError>;
    /// Removes the task's cgroup; a missing one is Ok, one with processes is `Conflict`.
    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError>;
    /// Makes sure the pause image is present (building it locally, without a registry)
    /// and returns its reference.
    async fn pause_image(&self) -> Result<String, RuntimeError>;
    /// One sample of the container's resource usage, as the runtime's own statistics
    /// document (Docker's `GET /containers/{id}/stats`, served as is by the task metadata
    /// endpoint). A runtime without statistics refuses.
    async fn stats(&self, id: &str) -> Result<serde_json::Value, RuntimeError> {
        Err(RuntimeError::Invalid(format!(
            "this container runtime keeps no statistics (container {id})"
        )))
    }

    /// The container's log from `since_secs` (a Unix time in seconds; 0 for all of it)
    /// with timestamps. With `follow`, it is followed while the container runs: the
    /// stream ends once the container has stopped and everything it wrote was returned;
    /// without, it ends with what the log holds now (Docker serves that read about twice
    /// as fast). A runtime that keeps no logs refuses with `Invalid`.
    fn logs(
        &self,
        id: &str,
        since_secs: i64,
        follow: bool,
    ) -> BoxStream<'static, Result<LogFrame, RuntimeError>> {
        let _ = (since_secs, follow);
        let refusal = RuntimeError::Invalid(format!(
            "this container runtime keeps no logs (container {id})"
        ));
        Box::pin(futures::stream::once(async move { Err(refusal) }))
    }

    /// Runs a command in a running container (ECS Exec) and attaches to it.
    async fn exec_start(
        &self,
        container: &str,
        _spec: &ExecSpec,
    ) -> Result<ExecProcess, RuntimeError> {
        Err(RuntimeError::Invalid(format!(
            "this container runtime cannot run commands in containers (ECS Exec into {container})"
        )))
    }
    /// Resizes an exec's TTY.
    async fn exec_resize(
        &self,
        _exec_id: &str,
        _cols: u16,
        _rows: u16,
    ) -> Result<(), RuntimeError> {
        Ok(())
    }
    /// An exec's exit code, once it has exited.
    async fn exec_exit_code(&self, _exec_id: &str) -> Result<Option<i64>, RuntimeError> {
        Ok(None)
    }
    /// Makes sure the network of the host's slice that an awsvpc task's address is in
    /// exists ([`crate::awsvpc`]), and returns its name for [`ContainerSpec::network_mode`].
    async fn ensure_task_network(
        &self,
        network: &TaskNetwork,
        instance_arn: &str,
    ) -> Result<String, RuntimeError>;
    /// Installs (or rebuilds) the ingress rules of an awsvpc task's security groups, keyed
    /// to its address: before its pause container starts.
    async fn apply_ingress(&self, network: &TaskNetwork) -> Result<(), RuntimeError>;
    /// Removes them; removing missing rules is Ok.
    async fn remove_ingress(&self, network: &TaskNetwork) -> Result<(), RuntimeError>;
}

/// A command to run in a container (ECS Exec).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecSpec {
    pub command: Vec<String>,
    /// A TTY, with stdin attached (interactive sessions).
    pub tty: bool,
}

/// Which stream an exec's output came on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecStream {
    Stdout,
    Stderr,
}

/// A running exec: its id, its output, and (with a TTY) its input.
pub struct ExecProcess {
    pub id: String,
    pub output: BoxStream<'static, Result<(ExecStream, Vec<u8>), RuntimeError>>,
    pub input: Option<std::pin::Pin<Box<dyn tokio::io::AsyncWrite + Send>>>,
}

impl std::fmt::Debug for ExecProcess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExecProcess")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The ID part of a task ARN.
pub fn task_id(task_arn: &str) -> &str {
    task_arn.rsplit('/').next().unwrap_or(task_arn)
}

/// The deterministic runtime name of a task's container:
/// `berth-{family}-{revision}-{container}-{taskid}`, limited to Docker's characters.
pub fn container_name(task: &DesiredTask, container: &str) -> String {
    let task_id = task_id(&task.task_arn);
    docker_name(&format!(
        "berth-{}-{}-{}-{}",
        task.family, task.revision, container, task_id
    ))
}

/// `raw` with every character Docker refuses in a container or volume name replaced by
/// `_`. Docker allows `[a-zA-Z0-9][a-zA-Z0-9_.-]*`; berth's `berth-` prefix guarantees
/// the first character.
pub(crate) fn docker_name(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The facts about the agent that go into a container's labels, and what the task
/// provides the container.
#[derive(Debug, Clone)]
pub struct SpecContext<'a> {
    pub instance_arn: &'a str,
    pub generation: u64,
    /// Used when the definition has no `stopTimeout`.
    pub default_stop_timeout: Duration,
    pub resources: &'a TaskResources,
    /// The environment variables ECS's agent gives every container.
    pub agent_env: &'a AgentEnv,
}

/// The environment variables the agent gives a container, as ECS's does: the task
/// metadata and credentials endpoint URIs, `AWS_EXECUTION_ENV` and the region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentEnv {
    /// Set over the definition's own values: a definition cannot point a container at
    /// another endpoint (ECS's agent overrides them too).
    pub set: Vec<(String, String)>,
    /// Set unless the definition sets them (`AWS_REGION`, `AWS_DEFAULT_REGION`).
    pub defaults: Vec<(String, String)>,
}

/// The SDKs' two ways to name a credentials endpoint; `RELATIVE_URI` wins over
/// `FULL_URI`, so when the agent sets one the definition's value of either must go.
const CREDENTIALS_VARIABLES: [&str; 2] = [
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
];

static NO_AGENT_ENV: AgentEnv = AgentEnv {
    set: Vec::new(),
    defaults: Vec::new(),
};

impl AgentEnv {
    /// No variables (containers of tests that build specs by hand).
    pub fn none() -> &'static AgentEnv {
        &NO_AGENT_ENV
    }

    /// Whether the agent's variables replace the definition's variable `name`.
    fn replaces(&self, name: &str) -> bool {
        let sets = |n: &str| self.set.iter().any(|(s, _)| s == n);
        sets(name)
            || (CREDENTIALS_VARIABLES.contains(&name)
                && CREDENTIALS_VARIABLES.iter().any(|n| sets(n)))
    }

    /// The definition's environment `env` with the agent's variables applied.
    fn apply(&self, mut env: Vec<(String, String)>) -> Vec<(String, String)> {
        env.retain(|(name, _)| !self.replaces(name));
        for (name, value) in &self.defaults {
            if !env.iter().any(|(n, _)| n == name) {
                env.push((name.clone(), value.clone()));
            }
        }
        env.extend(self.set.iter().cloned());
        env
    }
}

/// Why a definition cannot become a spec.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("container definition has no {0}")]
    Missing(&'static str),
    #[error("invalid {field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
}

/// Builds the runtime spec of one container of a task.
pub fn build_spec(
    task: &DesiredTask,
    container: &DesiredContainer,
    ctx: &SpecContext<'_>,
) -> Result<ContainerSpec, SpecError> {
    let def: &ContainerDefinition = &container.definition;
    let name = def.name.clone().ok_or(SpecError::Missing("name"))?;
    let image = def.image.clone().ok_or(SpecError::Missing("image"))?;

    // Set when the container itself is on the slice's network with the task's address.
    let mut own_address = None;
    let network_mode: String = match task.network_mode {
        NetworkMode::Bridge => "bridge".into(),
        NetworkMode::Host => "host".into(),
        NetworkMode::None => "none".into(),
        // The task's own namespace, held by its pause container.
        NetworkMode::Awsvpc => match (
            &ctx.resources.pause_container,
            &ctx.resources.awsvpc_network,
        ) {
            (Some(pause), _) => format!("container:{pause}"),
            (None, Some(network)) => {
                own_address = task.network.as_ref();
                network.clone()
            }
            (None, None) => {
                return Err(SpecError::Invalid {
                    field: "networkMode",
                    message: "awsvpc needs the task's network or pause container, which is missing"
                        .into(),
                })
            }
        },
    };

    let mut ports = Vec::new();
    let mut port_ranges = Vec::new();
    for pm in def.port_mappings.iter().flatten() {
        let protocol = pm.protocol.unwrap_or(TransportProtocol::Tcp);
        if let Some(range) = &pm.container_port_range {
            if task.network_mode != NetworkMode::Bridge {
                return Err(SpecError::Invalid {
                    field: "containerPortRange",
                    message: "port ranges are published only in bridge network mode".into(),
                });
            }
            let container = parse_range(range).ok_or_else(|| SpecError::Invalid {
                field: "containerPortRange",
                message: format!("'{range}' is not 'first-last'"),
            })?;
            port_ranges.push(PortRangeSpec {
                container,
                host: None,
                protocol,
            });
            continue;
        }
        let Some(cp) = pm.container_port else {
            return Err(SpecError::Invalid {
                field: "portMappings",
                message: "a mapping needs a containerPort or a containerPortRange".into(),
            });
        };
        let container_port = port(cp, "containerPort")?;
        let host_port = match pm.host_port {
            None | Some(0) => None,
            Some(hp) => Some(port(hp, "hostPort")?),
        };
        let host_port = if task.network_mode == NetworkMode::Host {
            // In host mode the container listens on the host directly.
            Some(container_port)
        } else {
            host_port
        };
        ports.push(PortSpec {
            container_port,
            host_port,
            protocol,
        });
    }

    let health_check = match &def.health_check {
        None => None,
        Some(hc) => {
            let test = match hc.command.first().map(String::as_str) {
                Some("CMD-SHELL") | Some("CMD") | Some("NONE") => hc.command.clone(),
                // ECS accepts a bare command; Docker needs the form spelled out.
                Some(_) => {
                    let mut t = vec!["CMD".to_string()];
                    t.extend(hc.command.iter().cloned());
                    t
                }
                None => {
                    return Err(SpecError::Invalid {
                        field: "healthCheck.command",
                        message: "empty".into(),
                    })
                }
            };
            Some(HealthCheckSpec {
                test,
                interval: secs(hc.interval, HEALTH_INTERVAL_S),
                timeout: secs(hc.timeout, HEALTH_TIMEOUT_S),
                retries: hc
                    .retries
                    .and_then(|r| u32::try_from(r).ok())
                    .unwrap_or(HEALTH_RETRIES),
                start_period: secs(hc.start_period, 0),
            })
        }
    };

    let mut env = ctx.agent_env.apply(
        def.environment
            .iter()
            .flatten()
            .filter_map(|kv| {
                kv.name
                    .clone()
                    .map(|n| (n, kv.value.clone().unwrap_or_default()))
            })
            .collect(),
    );
    if !container.gpu_ids.is_empty() {
        // As ECS's agent: the container's GPUs, whatever the definition says.
        env.retain(|(name, _)| name != NVIDIA_VISIBLE_DEVICES);
        env.push((
            NVIDIA_VISIBLE_DEVICES.to_owned(),
            container.gpu_ids.join(","),
        ));
    }

    let ulimits = def
        .ulimits
        .iter()
        .flatten()
        .map(|u| UlimitSpec {
            name: serde_json::to_value(u.name)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            soft: i64::from(u.soft_limit),
            hard: i64::from(u.hard_limit),
        })
        .collect();

    let linux = def.linux_parameters.as_ref();
    let caps = linux.and_then(|l| l.capabilities.as_ref());
    let memory_bytes = def.memory.map(|m| i64::from(m) * MIB);
    let (memory_swap_bytes, memory_swappiness) = swap(def, memory_bytes)?;
    let resources = ctx.resources;
    let join = |mode: &'static str| -> Result<String, SpecError> {
        resources
            .pause_container
            .as_ref()
            .map(|pause| format!("container:{pause}"))
            .ok_or(SpecError::Invalid {
                field: mode,
                message: "'task' needs the task's pause container, which is missing".into(),
            })
    };
    let pid_mode = match task.pid_mode {
        None => None,
        Some(PidMode::Host) => Some("host".to_string()),
        Some(PidMode::Task) => Some(join("pidMode")?),
    };
    let ipc_mode = match task.ipc_mode {
        None => None,
        Some(IpcMode::Host) => Some("host".to_string()),
        Some(IpcMode::None) => Some("none".to_string()),
        Some(IpcMode::Task) => Some(join("ipcMode")?),
    };

    // Links name sibling containers; Docker needs their runtime names.
    let links = def
        .links
        .iter()
        .flatten()
        .map(|l| {
            let (target, alias) = l.split_once(':').unwrap_or((l.as_str(), l.as_str()));
            format!("{}:{}", container_name(task, target), alias)
        })
        .collect();

    let mut labels: BTreeMap<String, String> = def.docker_labels.clone().unwrap_or_default();
    // berth's labels last, so a user label can never impersonate another task.
    labels.insert(labels::CLUSTER.into(), task.cluster.clone());
    labels.insert(labels::TASK_ARN.into(), task.task_arn.clone());
    labels.insert(labels::CONTAINER_NAME.into(), name.clone());
    labels.insert(
        labels::CONTAINER_ARN.into(),
        container.container_arn.clone(),
    );
    labels.insert(labels::FAMILY.into(), task.family.clone());
    labels.insert(labels::REVISION.into(), task.revision.to_string());
    labels.insert(labels::GENERATION.into(), ctx.generation.to_string());
    labels.insert(labels::INSTANCE_ARN.into(), ctx.instance_arn.to_string());

    let mut spec = ContainerSpec {
        name: container_name(task, &name),
        image,
        entry_point: def.entry_point.clone(),
        command: def.command.clone(),
        env,
        // The runner adds the secret variables once it has fetched them.
        secret_env: SecretEnv::default(),
        working_dir: def.working_directory.clone(),
        user: def.user.clone(),
        hostname: def.hostname.clone(),
        cpu_shares: i64::from(def.cpu.unwrap_or(0)).max(MIN_CPU_SHARES),
        memory_bytes,
        memory_reservation_bytes: def.memory_reservation.map(|m| i64::from(m) * MIB),
        network_mode,
        ipv4_address: own_address.map(|n| n.address.clone()),
        mac_address: own_address.map(|n| n.mac_address.clone()),
        ports,
        health_check,
        stop_timeout: stop_timeout(def, ctx.default_stop_timeout),
        ulimits,
        readonly_rootfs: def.readonly_root_filesystem.unwrap_or(false),
        privileged: def.privileged.unwrap_or(false),
        cap_add: caps.and_then(|c| c.add.clone()).unwrap_or_default(),
        cap_drop: caps.and_then(|c| c.drop.clone()).unwrap_or_default(),
        init: linux.and_then(|l| l.init_process_enabled).unwrap_or(false),
        labels,
        extra_hosts: def
            .extra_hosts
            .iter()
            .flatten()
            .map(|h| (h.hostname.clone(), h.ip_address.clone()))
            .collect(),
        dns_servers: def.dns_servers.clone().unwrap_or_default(),
        links,
        port_ranges,
        binds: volumes::binds(def, &resources.volumes)?,
        volumes_from: volumes::volumes_from(task, def),
        devices: devices(def)?,
        tmpfs: tmpfs(def)?,
        shm_size_bytes: linux
            .and_then(|l| l.shared_memory_size)
            .map(|m| i64::from(m) * MIB),
        memory_swap_bytes,
        memory_swappiness,
        sysctls: sysctls(def)?,
        security_opts: security_opts(def)?,
        pid_mode,
        ipc_mode,
        open_stdin: def.interactive.unwrap_or(false),
        tty: def.pseudo_terminal.unwrap_or(false),
        network_disabled: def.disable_networking.unwrap_or(false),
        dns_search: def.dns_search_domains.clone().unwrap_or_default(),
        cgroup_parent: resources.cgroup_parent.clone(),
        gpu_ids: container.gpu_ids.clone(),
        log_config: crate::log_shipping::docker_log_config(def),
        runtime: None,
    };
    crate::isolation::apply(&mut spec, task.isolation);
    Ok(spec)
}

/// `maxSwap` and `swappiness`, in ECS's terms: the swap a container may use on top of its
/// hard memory limit (0: none), with swappiness 60 unless given. Without `maxSwap` the
/// host's swap settings apply and `swappiness` is not used, as ECS documents.
fn swap(
    def: &ContainerDefinition,
    memory_bytes: Option<i64>,
) -> Result<(Option<i64>, Option<i64>), SpecError> {
    let Some(linux) = &def.linux_parameters else {
        return Ok((None, None));
    };
    let Some(max_swap) = linux.max_swap else {
        return Ok((None, None));
    };
    let invalid = |field, message: String| SpecError::Invalid { field, message };
    if max_swap < 0 {
        return Err(invalid(
            "linuxParameters.maxSwap",
            format!("{max_swap} is negative; give 0 (no swap) or more MiB"),
        ));
    }
    let Some(memory) = memory_bytes else {
        return Err(invalid(
            "linuxParameters.maxSwap",
            "swap is counted on top of the container's hard memory limit, so the container \
             needs 'memory'"
                .into(),
        ));
    };
    let swappiness = linux.swappiness.map_or(DEFAULT_SWAPPINESS, i64::from);
    if !(0..=100).contains(&swappiness) {
        return Err(invalid(
            "linuxParameters.swappiness",
            format!("{swappiness} is not between 0 and 100"),
        ));
    }
    Ok((Some(memory + i64::from(max_swap) * MIB), Some(swappiness)))
}

/// `linuxParameters.devices`: the container path defaults to the host path, the
/// permissions to all of read, write and mknod (Docker's default).
fn devices(def: &ContainerDefinition) -> Result<Vec<DeviceSpec>, SpecError> {
    let list = def
        .linux_parameters
        .iter()
        .flat_map(|l| l.devices.iter().flatten());
    let mut out = Vec::new();
    for d in list {
        if !d.host_path.starts_with('/') {
            return Err(SpecError::Invalid {
                field: "linuxParameters.devices",
                message: format!("hostPath '{}' must be an absolute path", d.host_path),
            });
        }
        let permissions = match &d.permissions {
            None => "rwm".to_string(),
            Some(list) if list.is_empty() => "rwm".to_string(),
            Some(list) => [
                (DeviceCgroupPermission::Read, 'r'),
                (DeviceCgroupPermission::Write, 'w'),
                (DeviceCgroupPermission::Mknod, 'm'),
            ]
            .iter()
            .filter(|(p, _)| list.contains(p))
            .map(|(_, c)| *c)
            .collect(),
        };
        out.push(DeviceSpec {
            host_path: d.host_path.clone(),
            container_path: d
                .container_path
                .clone()
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| d.host_path.clone()),
            permissions,
        });
    }
    Ok(out)
}

/// `linuxParameters.tmpfs`: each mount's options plus its size in MiB.
fn tmpfs(def: &ContainerDefinition) -> Result<BTreeMap<String, String>, SpecError> {
    let mut out = BTreeMap::new();
    for t in def
        .linux_parameters
        .iter()
        .flat_map(|l| l.tmpfs.iter().flatten())
    {
        if !t.container_path.starts_with('/') || t.size <= 0 {
            return Err(SpecError::Invalid {
                field: "linuxParameters.tmpfs",
                message: format!(
                    "'{}' needs an absolute containerPath and a size of 1 MiB or more",
                    t.container_path
                ),
            });
        }
        let mut options: Vec<String> = t.mount_options.clone().unwrap_or_default();
        options.push(format!("size={}m", t.size));
        out.insert(t.container_path.clone(), options.join(","));
    }
    Ok(out)
}

/// `systemControls` as Docker sysctls.
fn sysctls(def: &ContainerDefinition) -> Result<BTreeMap<String, String>, SpecError> {
    let mut out = BTreeMap::new();
    for c in def.system_controls.iter().flatten() {
        let Some(namespace) = c.namespace.clone().filter(|n| !n.is_empty()) else {
            return Err(SpecError::Invalid {
                field: "systemControls",
                message: "each entry needs a namespace (for example net.core.somaxconn)".into(),
            });
        };
        out.insert(namespace, c.value.clone().unwrap_or_default());
    }
    Ok(out)
}

/// `dockerSecurityOptions` in Docker's form. ECS writes `key:value`, Docker `key=value`.
/// `seccomp:<path>` names a profile file on the host, which Docker wants inline (as the
/// docker CLI sends it). `credentialspec:` is for Windows gMSA and is refused.
fn security_opts(def: &ContainerDefinition) -> Result<Vec<String>, SpecError> {
    let invalid = |message: String| SpecError::Invalid {
        field: "dockerSecurityOptions",
        message,
    };
    let mut out = Vec::new();
    for opt in def.docker_security_options.iter().flatten() {
        if opt == "no-new-privileges" || opt == "no-new-privileges:true" {
            out.push("no-new-privileges".to_string());
            continue;
        }
        let Some((key, value)) = opt.split_once([':', '=']) else {
            return Err(invalid(format!(
                "'{opt}' is not one of no-new-privileges, apparmor:PROFILE, label:VALUE or                  seccomp:PROFILE"
            )));
        };
        match key {
            "apparmor" | "label" => out.push(format!("{key}={value}")),
            "seccomp" if value == "unconfined" => out.push("seccomp=unconfined".into()),
            "seccomp" => out.push(format!("seccomp={}", seccomp_profile(value)?)),
            "credentialspec" => {
                return Err(invalid(
                    "credentialspec configures gMSA for Windows containers, and berth runs                      Linux containers only; remove it"
                        .into(),
                ))
            }
            _ => {
                return Err(invalid(format!(
                    "'{opt}' is not one of no-new-privileges, apparmor:PROFILE, label:VALUE or                      seccomp:PROFILE"
                )))
            }
        }
    }
    Ok(out)
}

/// Reads a seccomp profile from the host for `seccomp:<path>`.
fn seccomp_profile(path: &str) -> Result<String, SpecError> {
    use std::io::Read;
    let invalid = |message: String| SpecError::Invalid {
        field: "dockerSecurityOptions",
        message,
    };
    let file = std::fs::File::open(path)
        .map_err(|e| invalid(format!("cannot read the seccomp profile {path}: {e}")))?;
    let mut profile = String::new();
    file.take(MAX_SECCOMP_PROFILE + 1)
        .read_to_string(&mut profile)
        .map_err(|e| invalid(format!("cannot read the seccomp profile {path}: {e}")))?;
    if profile.len() as u64 > MAX_SECCOMP_PROFILE {
        return Err(invalid(format!(
            "the seccomp profile {path} is larger than {MAX_SECCOMP_PROFILE} bytes"
        )));
    }
    Ok(profile)
}

/// The container's `stopTimeout`, or the agent's default.
pub fn stop_timeout(def: &ContainerDefinition, default: Duration) -> Duration {
    match def.stop_timeout {
        Some(s) if s >= 0 => Duration::from_secs(u64::try_from(s).unwrap_or(0)),
        _ => default,
    }
}

fn secs(v: Option<i32>, default: u64) -> Duration {
    Duration::from_secs(v.and_then(|v| u64::try_from(v).ok()).unwrap_or(default))
}

fn port(v: i32, field: &'static str) -> Result<u16, SpecError> {
    u16::try_from(v)
        .ok()
        .filter(|p| *p != 0 || field == "hostPort")
        .ok_or_else(|| SpecError::Invalid {
            field,
            message: format!("{v} is not a port"),
        })
}

/// A task of one container `def`, for unit tests.
#[cfg(test)]
pub(crate) fn test_task(mode: NetworkMode, def: ContainerDefinition) -> DesiredTask {
    DesiredTask {
        task_arn: "arn:aws:ecs:us-east-1:000000000000:task/c1/abc123".into(),
        cluster: "c1".into(),
        family: "web app".into(),
        revision: 3,
        desired_status: berth_api::protocol::DesiredStatus::Running,
        stop_code: None,
        stopped_reason: None,
        network_mode: mode,
        task_role_arn: None,
        cpu: None,
        memory: None,
        containers: vec![DesiredContainer {
            container_arn: "carn".into(),
            definition: def,
            gpu_ids: Vec::new(),
        }],
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

#[cfg(test)]
mod tests {
    use super::test_task as task;
    use super::*;
    use berth_api::ecs::{
        Device, HealthCheck, KeyValuePair, LinuxParameters, MountPoint, PortMapping, SystemControl,
        Tmpfs, VolumeFrom,
    };

    static NO_RESOURCES: std::sync::LazyLock<TaskResources> =
        std::sync::LazyLock::new(TaskResources::default);

    fn ctx() -> SpecContext<'static> {
        ctx_with(&NO_RESOURCES)
    }

    fn ctx_with(resources: &TaskResources) -> SpecContext<'_> {
        SpecContext {
            instance_arn: "iarn",
            generation: 7,
            default_stop_timeout: Duration::from_secs(30),
            resources,
            agent_env: AgentEnv::none(),
        }
    }

    fn container(f: impl FnOnce(&mut ContainerDefinition)) -> ContainerDefinition {
        let mut def = ContainerDefinition {
            name: Some("app".into()),
            image: Some("img".into()),
            ..Default::default()
        };
        f(&mut def);
        def
    }

    fn spec_of(t: &DesiredTask, resources: &TaskResources) -> Result<ContainerSpec, SpecError> {
        build_spec(t, &t.containers[0], &ctx_with(resources))
    }

    fn linux(f: impl FnOnce(&mut LinuxParameters)) -> Option<LinuxParameters> {
        let mut l = LinuxParameters::default();
        f(&mut l);
        Some(l)
    }

    #[test]
    fn mounts_volumes_from_and_the_task_cgroup() {
        let def = container(|d| {
            d.mount_points = Some(vec![MountPoint {
                source_volume: Some("data".into()),
                container_path: Some("/data".into()),
                read_only: Some(true),
            }]);
            d.volumes_from = Some(vec![VolumeFrom {
                source_container: Some("writer".into()),
                read_only: None,
            }]);
        });
        let t = task(NetworkMode::Bridge, def);
        let resources = TaskResources {
            cgroup_parent: Some("/berth/abc123".into()),
            pause_container: None,
            awsvpc_network: None,
            volumes: BTreeMap::from([("data".to_string(), MountSource::Volume("berth-v".into()))]),
        };
        let s = spec_of(&t, &resources).expect("spec");
        assert_eq!(s.binds, vec!["berth-v:/data:ro".to_string()]);
        assert_eq!(
            s.volumes_from,
            vec!["berth-web_app-3-writer-abc123".to_string()]
        );
        assert_eq!(s.cgroup_parent.as_deref(), Some("/berth/abc123"));
        // A mount of a volume the task does not provide is an error, not a silent skip.
        assert!(spec_of(&t, &TaskResources::default()).is_err());
    }

    #[test]
    fn linux_parameters_become_docker_settings() {
        let def = container(|d| {
            d.memory = Some(128);
            d.linux_parameters = linux(|l| {
                l.devices = Some(vec![
                    Device {
                        host_path: "/dev/null".into(),
                        container_path: Some("/dev/mynull".into()),
                        permissions: Some(vec![
                            DeviceCgroupPermission::Write,
                            DeviceCgroupPermission::Read,
                        ]),
                    },
                    Device {
                        host_path: "/dev/zero".into(),
                        container_path: None,
                        permissions: None,
                    },
                ]);
                l.tmpfs = Some(vec![Tmpfs {
                    container_path: "/scratch".into(),
                    size: 64,
                    mount_options: Some(vec!["noexec".into(), "nosuid".into()]),
                }]);
                l.shared_memory_size = Some(96);
                l.max_swap = Some(32);
            });
        });
        let t = task(NetworkMode::Bridge, def);
        let s = spec_of(&t, &TaskResources::default()).expect("spec");
        assert_eq!(
            s.devices,
            vec![
                DeviceSpec {
                    host_path: "/dev/null".into(),
                    container_path: "/dev/mynull".into(),
                    permissions: "rw".into(),
                },
                DeviceSpec {
                    host_path: "/dev/zero".into(),
                    container_path: "/dev/zero".into(),
                    permissions: "rwm".into(),
                },
            ]
        );
        assert_eq!(s.tmpfs["/scratch"], "noexec,nosuid,size=64m");
        assert_eq!(s.shm_size_bytes, Some(96 * MIB));
        assert_eq!(s.memory_swap_bytes, Some((128 + 32) * MIB));
        assert_eq!(s.memory_swappiness, Some(60), "ECS's default swappiness");
    }

    #[test]
    fn assigned_gpus_become_the_containers_gpus() {
        let def = container(|d| {
            d.environment = Some(vec![
                KeyValuePair {
                    name: Some("NVIDIA_VISIBLE_DEVICES".into()),
                    value: Some("all".into()),
                },
                KeyValuePair {
                    name: Some("KEEP".into()),
                    value: Some("1".into()),
                },
            ]);
        });
        let mut t = task(NetworkMode::Bridge, def);
        let plain = spec_of(&t, &TaskResources::default()).expect("spec");
        assert!(plain.gpu_ids.is_empty());
        assert!(
            plain
                .env
                .contains(&("NVIDIA_VISIBLE_DEVICES".into(), "all".into())),
            "without GPUs the definition's value stays"
        );
        t.containers[0].gpu_ids = vec!["GPU-a".into(), "GPU-b".into()];
        let s = spec_of(&t, &TaskResources::default()).expect("spec");
        assert_eq!(s.gpu_ids, vec!["GPU-a".to_string(), "GPU-b".to_string()]);
        let visible: Vec<&(String, String)> = s
            .env
            .iter()
            .filter(|(name, _)| name == "NVIDIA_VISIBLE_DEVICES")
            .collect();
        assert_eq!(
            visible,
            vec![&(
                "NVIDIA_VISIBLE_DEVICES".to_string(),
                "GPU-a,GPU-b".to_string()
            )],
            "the assigned GPUs replace the definition's value"
        );
        assert!(s.env.contains(&("KEEP".into(), "1".into())));
    }

    #[test]
    fn swap_follows_ecs() {
        let with = |memory: Option<i32>, max_swap: Option<i32>, swappiness: Option<i32>| {
            let def = container(|d| {
                d.memory = memory;
                d.linux_parameters = linux(|l| {
                    l.max_swap = max_swap;
                    l.swappiness = swappiness;
                });
            });
            spec_of(&task(NetworkMode::Bridge, def), &TaskResources::default())
        };
        // maxSwap 0: no swap at all (swap limit = memory limit).
        let none = with(Some(64), Some(0), Some(10)).expect("spec");
        assert_eq!(none.memory_swap_bytes, Some(64 * MIB));
        assert_eq!(none.memory_swappiness, Some(10));
        // Without maxSwap the host's settings apply and swappiness is not used.
        let host = with(Some(64), None, Some(10)).expect("spec");
        assert_eq!(
            (host.memory_swap_bytes, host.memory_swappiness),
            (None, None)
        );
        // Swap needs a hard memory limit.
        let err = with(None, Some(16), None).expect_err("no memory");
        assert!(err.to_string().contains("maxSwap"), "{err}");
        assert!(with(Some(64), Some(16), Some(101)).is_err());
    }

    #[test]
    fn namespaces_join_the_pause_container_or_the_host() {
        let mut t = task(NetworkMode::Bridge, container(|_| {}));
        t.pid_mode = Some(PidMode::Task);
        t.ipc_mode = Some(IpcMode::Task);
        let with_pause = TaskResources {
            pause_container: Some("berth-pause-abc123".into()),
            ..Default::default()
        };
        let s = spec_of(&t, &with_pause).expect("spec");
        assert_eq!(s.pid_mode.as_deref(), Some("container:berth-pause-abc123"));
        assert_eq!(s.ipc_mode.as_deref(), Some("container:berth-pause-abc123"));
        let err = spec_of(&t, &TaskResources::default()).expect_err("no pause");
        assert!(err.to_string().contains("pause"), "{err}");
        t.pid_mode = Some(PidMode::Host);
        t.ipc_mode = Some(IpcMode::None);
        let s = spec_of(&t, &TaskResources::default()).expect("spec");
        assert_eq!(s.pid_mode.as_deref(), Some("host"));
        assert_eq!(s.ipc_mode.as_deref(), Some("none"));
        t.pid_mode = None;
        t.ipc_mode = Some(IpcMode::Host);
        let s = spec_of(&t, &TaskResources::default()).expect("spec");
        assert_eq!((s.pid_mode, s.ipc_mode.as_deref()), (None, Some("host")));
    }

    #[test]
    fn sysctls_terminal_networking_and_dns_search() {
        let def = container(|d| {
            d.system_controls = Some(vec![SystemControl {
                namespace: Some("net.core.somaxconn".into()),
                value: Some("1024".into()),
            }]);
            d.interactive = Some(true);
            d.pseudo_terminal = Some(true);
            d.disable_networking = Some(true);
            d.dns_search_domains = Some(vec!["a.example".into(), "b.example".into()]);
        });
        let s = spec_of(&task(NetworkMode::Bridge, def), &TaskResources::default()).expect("spec");
        assert_eq!(s.sysctls["net.core.somaxconn"], "1024");
        assert!(s.open_stdin && s.tty && s.network_disabled);
        assert_eq!(s.dns_search, vec!["a.example", "b.example"]);
        let nameless = container(|d| {
            d.system_controls = Some(vec![SystemControl {
                namespace: None,
                value: Some("1".into()),
            }]);
        });
        assert!(spec_of(
            &task(NetworkMode::Bridge, nameless),
            &TaskResources::default()
        )
        .is_err());
    }

    #[test]
    fn security_options_in_docker_form() {
        let dir = tempfile::tempdir().expect("tempdir");
        let profile = dir.path().join("profile.json");
        std::fs::write(&profile, r#"{"defaultAction":"SCMP_ACT_ALLOW"}"#).expect("write");
        let opts = |list: Vec<String>| {
            let def = container(|d| d.docker_security_options = Some(list));
            spec_of(&task(NetworkMode::Bridge, def), &TaskResources::default())
                .map(|s| s.security_opts)
        };
        assert_eq!(
            opts(vec![
                "no-new-privileges".into(),
                "apparmor:docker-default".into(),
                "label:disable".into(),
                "seccomp:unconfined".into(),
                format!("seccomp:{}", profile.display()),
            ])
            .expect("options"),
            vec![
                "no-new-privileges",
                "apparmor=docker-default",
                "label=disable",
                "seccomp=unconfined",
                r#"seccomp={"defaultAction":"SCMP_ACT_ALLOW"}"#,
            ]
        );
        let err = opts(vec!["credentialspec:file://x.json".into()]).expect_err("Windows only");
        assert!(err.to_string().contains("credentialspec"), "{err}");
        assert!(opts(vec!["bogus".into()]).is_err());
        assert!(opts(vec!["seccomp:/nonexistent/profile.json".into()]).is_err());
    }

    #[test]
    fn container_port_ranges_need_bridge_mode() {
        let def = container(|d| {
            d.port_mappings = Some(vec![PortMapping {
                container_port_range: Some("8000-8003".into()),
                protocol: Some(TransportProtocol::Udp),
                ..Default::default()
            }]);
        });
        let s = spec_of(
            &task(NetworkMode::Bridge, def.clone()),
            &TaskResources::default(),
        )
        .expect("spec");
        assert_eq!(
            s.port_ranges,
            vec![PortRangeSpec {
                container: (8000, 8003),
                host: None,
                protocol: TransportProtocol::Udp,
            }]
        );
        assert!(s.ports.is_empty());
        assert!(spec_of(&task(NetworkMode::Host, def), &TaskResources::default()).is_err());
    }

    #[test]
    fn name_is_deterministic_and_sanitised() {
        let t = task(NetworkMode::Bridge, ContainerDefinition::default());
        assert_eq!(container_name(&t, "web/1"), "berth-web_app-3-web_1-abc123");
    }

    #[test]
    fn spec_maps_ecs_fields() {
        let def = ContainerDefinition {
            name: Some("web".into()),
            image: Some("img".into()),
            cpu: Some(0),
            memory: Some(64),
            memory_reservation: Some(32),
            environment: Some(vec![KeyValuePair {
                name: Some("A".into()),
                value: Some("1".into()),
            }]),
            port_mappings: Some(vec![PortMapping {
                container_port: Some(80),
                host_port: Some(0),
                ..Default::default()
            }]),
            health_check: Some(HealthCheck {
                command: vec!["CMD-SHELL".into(), "true".into()],
                ..Default::default()
            }),
            docker_labels: Some(BTreeMap::from([(
                labels::TASK_ARN.to_string(),
                "spoof".to_string(),
            )])),
            ..Default::default()
        };
        let t = task(NetworkMode::Bridge, def);
        let s = build_spec(&t, &t.containers[0], &ctx()).expect("spec");
        assert_eq!(s.cpu_shares, 2);
        assert_eq!(s.memory_bytes, Some(64 * MIB));
        assert_eq!(s.memory_reservation_bytes, Some(32 * MIB));
        assert_eq!(s.env, vec![("A".to_string(), "1".to_string())]);
        assert_eq!(s.ports[0].host_port, None);
        let hc = s.health_check.expect("health check");
        assert_eq!(hc.interval, Duration::from_secs(30));
        assert_eq!(hc.timeout, Duration::from_secs(5));
        assert_eq!(hc.retries, 3);
        assert_eq!(s.labels[labels::TASK_ARN], t.task_arn);
        assert_eq!(s.labels[labels::GENERATION], "7");
        assert_eq!(s.stop_timeout, Duration::from_secs(30));
    }

    #[test]
    fn the_agents_variables_join_the_definitions() {
        let def = container(|d| {
            d.environment = Some(
                [
                    ("APP", "1"),
                    ("AWS_REGION", "eu-west-1"),
                    ("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/x"),
                    ("ECS_CONTAINER_METADATA_URI_V4", "http://elsewhere"),
                ]
                .into_iter()
                .map(|(n, v)| KeyValuePair {
                    name: Some(n.into()),
                    value: Some(v.into()),
                })
                .collect(),
            )
        });
        let pair = |n: &str, v: &str| (n.to_string(), v.to_string());
        let agent_env = AgentEnv {
            set: vec![
                pair(
                    "ECS_CONTAINER_METADATA_URI_V4",
                    "http://169.254.170.2/v4/id",
                ),
                pair(
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                    "/v2/credentials/cid",
                ),
            ],
            defaults: vec![
                pair("AWS_REGION", "us-east-1"),
                pair("AWS_DEFAULT_REGION", "us-east-1"),
            ],
        };
        let t = task(NetworkMode::Bridge, def);
        let ctx = SpecContext {
            agent_env: &agent_env,
            ..ctx()
        };
        let s = build_spec(&t, &t.containers[0], &ctx).expect("spec");
        // The definition's region stays; the endpoint's variables replace the
        // definition's, including a FULL_URI that would otherwise lose to ours.
        assert_eq!(
            s.env,
            vec![
                pair("APP", "1"),
                pair("AWS_REGION", "eu-west-1"),
                pair("AWS_DEFAULT_REGION", "us-east-1"),
                pair(
                    "ECS_CONTAINER_METADATA_URI_V4",
                    "http://169.254.170.2/v4/id"
                ),
                pair(
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                    "/v2/credentials/cid"
                ),
            ]
        );
    }

    #[test]
    fn host_mode_binds_container_port() {
        let def = ContainerDefinition {
            name: Some("web".into()),
            image: Some("img".into()),
            port_mappings: Some(vec![PortMapping {
                container_port: Some(8080),
                ..Default::default()
            }]),
            ..Default::default()
        };
        let t = task(NetworkMode::Host, def);
        let s = build_spec(&t, &t.containers[0], &ctx()).expect("spec");
        assert_eq!(s.ports[0].host_port, Some(8080));
        assert_eq!(s.network_mode, "host");
    }

    #[test]
    fn bad_port_is_an_error_not_a_panic() {
        let def = ContainerDefinition {
            name: Some("web".into()),
            image: Some("img".into()),
            port_mappings: Some(vec![PortMapping {
                container_port: Some(70000),
                ..Default::default()
            }]),
            ..Default::default()
        };
        let t = task(NetworkMode::Bridge, def);
        assert!(build_spec(&t, &t.containers[0], &ctx()).is_err());
    }
}
