//! The container runtime interface the agent drives, and the runtime-neutral container
//! spec the agent builds from an ECS `ContainerDefinition`.
//!
//! Two implementations exist: [`crate::docker::DockerRuntime`] (bollard) and
//! [`crate::fake::FakeRuntime`] (in memory, for scale tests and `berth sim`). The
//! reconciler knows nothing else about them.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use berth_api::ecs::{
    ContainerDefinition, HealthStatus, NetworkBinding, NetworkMode, TransportProtocol,
};
use berth_api::protocol::{labels, DesiredContainer, DesiredTask, RegistryAuth};
use futures::stream::BoxStream;

/// ECS's default health-check settings, in seconds.
const HEALTH_INTERVAL_S: u64 = 30;
const HEALTH_TIMEOUT_S: u64 = 5;
const HEALTH_RETRIES: u32 = 3;
/// ECS gives each container at least 2 CPU shares (Docker's minimum).
const MIN_CPU_SHARES: i64 = 2;
const MIB: i64 = 1024 * 1024;

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

/// A resource limit (`ulimit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UlimitSpec {
    pub name: String,
    pub soft: i64,
    pub hard: i64,
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
    pub working_dir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub cpu_shares: i64,
    pub memory_bytes: Option<i64>,
    pub memory_reservation_bytes: Option<i64>,
    /// Docker's network mode name: `bridge`, `host`, `none`.
    pub network_mode: String,
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
}

/// The deterministic runtime name of a task's container:
/// `berth-{family}-{revision}-{container}-{taskid}`, limited to Docker's characters.
pub fn container_name(task: &DesiredTask, container: &str) -> String {
    let task_id = task.task_arn.rsplit('/').next().unwrap_or(&task.task_arn);
    let raw = format!(
        "berth-{}-{}-{}-{}",
        task.family, task.revision, container, task_id
    );
    // Docker allows [a-zA-Z0-9][a-zA-Z0-9_.-]*; the prefix guarantees the first char.
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

/// The facts about the agent that go into a container's labels.
#[derive(Debug, Clone)]
pub struct SpecContext<'a> {
    pub instance_arn: &'a str,
    pub generation: u64,
    /// Used when the definition has no `stopTimeout`.
    pub default_stop_timeout: Duration,
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

    let network_mode = match task.network_mode {
        NetworkMode::Bridge => "bridge",
        NetworkMode::Host => "host",
        NetworkMode::None => "none",
        NetworkMode::Awsvpc => {
            return Err(SpecError::Invalid {
                field: "networkMode",
                message: "awsvpc is not supported by berth".into(),
            })
        }
    };

    let mut ports = Vec::new();
    for pm in def.port_mappings.iter().flatten() {
        let Some(cp) = pm.container_port else {
            // Port ranges (containerPortRange) are not supported yet; skip rather than fail.
            continue;
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
            protocol: pm.protocol.unwrap_or(TransportProtocol::Tcp),
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

    let env = def
        .environment
        .iter()
        .flatten()
        .filter_map(|kv| {
            kv.name
                .clone()
                .map(|n| (n, kv.value.clone().unwrap_or_default()))
        })
        .collect();

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

    Ok(ContainerSpec {
        name: container_name(task, &name),
        image,
        entry_point: def.entry_point.clone(),
        command: def.command.clone(),
        env,
        working_dir: def.working_directory.clone(),
        user: def.user.clone(),
        hostname: def.hostname.clone(),
        cpu_shares: i64::from(def.cpu.unwrap_or(0)).max(MIN_CPU_SHARES),
        memory_bytes: def.memory.map(|m| i64::from(m) * MIB),
        memory_reservation_bytes: def.memory_reservation.map(|m| i64::from(m) * MIB),
        network_mode: network_mode.into(),
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
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use berth_api::ecs::{HealthCheck, KeyValuePair, PortMapping};
    use berth_api::protocol::DesiredStatus;

    fn task(mode: NetworkMode, def: ContainerDefinition) -> DesiredTask {
        DesiredTask {
            task_arn: "arn:aws:ecs:us-east-1:000000000000:task/c1/abc123".into(),
            cluster: "c1".into(),
            family: "web app".into(),
            revision: 3,
            desired_status: DesiredStatus::Running,
            stop_code: None,
            stopped_reason: None,
            network_mode: mode,
            task_role_arn: None,
            cpu: None,
            memory: None,
            containers: vec![DesiredContainer {
                container_arn: "carn".into(),
                definition: def,
                registry_auth: None,
            }],
        }
    }

    fn ctx() -> SpecContext<'static> {
        SpecContext {
            instance_arn: "iarn",
            generation: 7,
            default_stop_timeout: Duration::from_secs(30),
        }
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
