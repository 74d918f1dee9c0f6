//! berth's data plane: one agent per host runs the tasks the control plane places on its
//! container instance, through a [`ContainerRuntime`] (Docker, or the in-memory fake),
//! and reports what it observes. It speaks the agent protocol (`berth_api::protocol`)
//! through a [`ControlPlane`]; it never links the server or the store.
//!
//! [`run`] registers (or reuses the identity in the ledger), then runs a session of
//! three tokio tasks until cancelled:
//!
//! ```text
//!  ControlPlane.desired (long-poll)                    ControlPlane.report
//!          │                                                    ▲
//!     ┌────┴─────┐ watch<DesiredState> ┌──────────────┐  mpsc   ┌┴─────────┐
//!     │  poller  ├────────────────────▶│  supervisor  │ Task-   │ reporter │
//!     │ (ledger) ├─ watch<generation> ─┤  ├ runner    ├────────▶│ batches, │
//!     └──────────┘        │            │  ├ runner    │ Report  │ resend,  │
//!                         └───────────▶│  └ … 1/task  │         │ heartbeat│
//!   runtime events ───────────────────▶│ (by label)   │         └──────────┘
//!                                      └──────────────┘
//! ```
//!
//! - The **poller** long-polls `desired(after=generation)`, ignores stale generations,
//!   writes the accepted set to the [`ledger`] atomically, and publishes it on a `watch`
//!   channel (latest wins) together with the generation.
//! - The **reconciler** ([`reconciler`]) owns one `TaskRunner` tokio task per ECS task
//!   ([`task`]), each fed by an unbounded `mpsc` of desired updates, container events and
//!   resync ticks. Runners publish whole `TaskReport`s on an `mpsc` to the reporter.
//! - The **reporter** keeps the latest report per task, sends batches until they are
//!   acknowledged (capped exponential backoff with jitter), and heartbeats with an empty
//!   report every `heartbeat_interval`.
//!
//! Beside the session, the agent serves its containers the task metadata and credentials
//! endpoint ([`endpoint`]), fed by the runners.
//!
//! Cancelling stops the agent **without stopping containers**: they keep running and the
//! next start re-adopts them from their labels. A server that is unreachable never causes
//! healthy containers to be stopped. If the server rejects the stored credential (401)
//! and a join token is configured, the agent registers again.

pub mod awsvpc;
pub mod backoff;
pub mod cgroup;
pub mod client;
pub mod docker;
pub mod endpoint;
mod exec;
pub mod fake;
pub mod gpu;
pub mod isolation;
pub mod ledger;
mod log_shipping;
pub mod pause;
pub mod ports;
mod reconciler;
pub mod restart;
pub mod runtime;
mod session;
pub mod sim;
mod task;
pub mod volumes;
pub mod websocket;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use berth_api::protocol::{DesiredState, HostResources, RegisterRequest};
use tokio_util::sync::CancellationToken;

pub use client::{ClientError, ControlPlane, HttpControlPlane};
pub use docker::DockerRuntime;
pub use fake::{FakeConfig, FakeRuntime};
pub use gpu::GpuSource;
pub use ledger::{Identity, Ledger};
pub use runtime::{ContainerRuntime, RuntimeError};
pub use task::{REASON_ESSENTIAL_EXITED, STOP_CODE_ESSENTIAL_EXITED, STOP_CODE_FAILED_TO_START};

use crate::backoff::Backoff;
use crate::session::{run_session, SessionEnd};

/// The agent's version, reported at registration.
pub const AGENT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How the instance is registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaunchType {
    #[default]
    Ec2,
    External,
    /// A host of the control plane's Fargate pool (`berth agent --capacity fargate`): not
    /// a container instance of any user cluster; it runs FARGATE tasks only.
    Fargate,
}

impl LaunchType {
    pub fn as_str(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "EC2",
            LaunchType::External => "EXTERNAL",
            LaunchType::Fargate => "FARGATE",
        }
    }
}

impl std::str::FromStr for LaunchType {
    type Err = ConfigError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_uppercase().as_str() {
            "EC2" => Ok(LaunchType::Ec2),
            "EXTERNAL" => Ok(LaunchType::External),
            _ => Err(ConfigError::Invalid {
                field: "launch_type",
                message: format!("{s:?} is neither EC2 nor EXTERNAL"),
            }),
        }
    }
}

/// A configuration value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid {field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
}

/// Everything the agent needs to run. Build with [`AgentConfig::new`], adjust fields,
/// then [`run`] validates it.
#[derive(Debug, Clone)]
pub struct AgentConfig {
    /// The server's root URL (recorded in the ledger's identity).
    pub server_url: String,
    /// Needed to register (first start, or after the credential was rejected).
    pub join_token: Option<String>,
    /// Cluster short name.
    pub cluster: String,
    /// Where the ledger lives.
    pub data_dir: PathBuf,
    /// Custom attributes, in addition to `ecs.os-type` and `ecs.cpu-architecture`.
    pub attributes: Vec<(String, Option<String>)>,
    pub launch_type: LaunchType,
    /// The hostname to register; default: the kernel's.
    pub hostname: Option<String>,
    /// Heartbeat period (an empty report when nothing else was sent). Default 5 s.
    pub heartbeat_interval: Duration,
    /// How long containers of stopped tasks stay after they finished. Default 3 h.
    pub task_cleanup_wait: Duration,
    /// Period of the safety-net resync that re-inspects every container. Default 15 s.
    pub resync_interval: Duration,
    /// Long-poll wait of `desired`. Default 20 s.
    pub desired_wait: Duration,
    /// Stop timeout of containers without `stopTimeout`. Default 30 s.
    pub container_stop_timeout: Duration,
    /// Ceiling of the retry backoff towards the server. Default 30 s.
    pub max_backoff: Duration,
    pub reserved_tcp_ports: Vec<u16>,
    pub reserved_udp_ports: Vec<u16>,
    /// Where the host's GPUs are learnt at registration. Default: `nvidia-smi` on `PATH`.
    pub gpus: GpuSource,
    /// Where to serve the task metadata and credentials endpoint: ECS's
    /// [`endpoint::DEFAULT_ADDRESS`] (`169.254.170.2:80`, which `berth agent` and
    /// `berth dev` use), or another address or port (port 0: a free one, the same after a
    /// restart). The address is added to the host's loopback interface when missing.
    /// `None` (the default here, for tests and simulations): no endpoint, and containers
    /// get no metadata or credentials variables.
    pub task_endpoint: Option<SocketAddr>,
}

impl AgentConfig {
    /// A configuration with ECS's defaults.
    pub fn new(
        server_url: impl Into<String>,
        cluster: impl Into<String>,
        data_dir: impl Into<PathBuf>,
    ) -> Self {
        Self {
            server_url: server_url.into(),
            join_token: None,
            cluster: cluster.into(),
            data_dir: data_dir.into(),
            attributes: Vec::new(),
            launch_type: LaunchType::Ec2,
            hostname: None,
            heartbeat_interval: Duration::from_secs(5),
            task_cleanup_wait: Duration::from_secs(3 * 3600),
            resync_interval: Duration::from_secs(15),
            desired_wait: Duration::from_secs(20),
            container_stop_timeout: Duration::from_secs(30),
            max_backoff: Duration::from_secs(30),
            // ECS's defaults: SSH, the Docker daemon, the agent's introspection ports.
            reserved_tcp_ports: vec![22, 2375, 2376, 51678, 51679],
            reserved_udp_ports: Vec::new(),
            gpus: GpuSource::NvidiaSmi(None),
            task_endpoint: None,
        }
    }

    /// Checks every value before anything starts.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |field, message: String| Err(ConfigError::Invalid { field, message });
        if !(self.server_url.starts_with("http://") || self.server_url.starts_with("https://")) {
            return invalid(
                "server_url",
                format!("{:?} is not an http(s) URL", self.server_url),
            );
        }
        let name_ok = |s: &str, max: usize| {
            !s.is_empty()
                && s.len() <= max
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        let pool = self.launch_type == LaunchType::Fargate;
        if pool != (self.cluster == berth_api::protocol::FARGATE_POOL_CLUSTER) {
            return invalid(
                "cluster",
                format!(
                    "Fargate capacity registers in {:?} and only there (use --capacity fargate)",
                    berth_api::protocol::FARGATE_POOL_CLUSTER
                ),
            );
        }
        if !pool && !name_ok(&self.cluster, 255) {
            return invalid(
                "cluster",
                format!(
                    "{:?} must be 1-255 letters, digits, hyphens or underscores",
                    self.cluster
                ),
            );
        }
        if self.join_token.as_deref() == Some("") {
            return invalid("join_token", "is empty".into());
        }
        for (name, value) in &self.attributes {
            let ok = !name.is_empty()
                && name.len() <= 128
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | '@'));
            if !ok {
                return invalid("attributes", format!("bad attribute name {name:?}"));
            }
            if value
                .as_ref()
                .is_some_and(|v| v.is_empty() || v.len() > 128)
            {
                return invalid("attributes", format!("bad value for attribute {name:?}"));
            }
        }
        if let GpuSource::Fixed(ids) = &self.gpus {
            if let Err(message) = berth_api::protocol::check_gpu_ids(ids) {
                return invalid("gpus", message);
            }
        }
        if let Some(address) = self.task_endpoint {
            let ip = address.ip();
            if ip.is_unspecified() || ip.is_multicast() {
                return invalid(
                    "task_endpoint",
                    format!(
                        "{address} is not an address containers can be sent to; give one \
                         such as {}",
                        endpoint::DEFAULT_ADDRESS
                    ),
                );
            }
        }
        for (field, d) in [
            ("heartbeat_interval", self.heartbeat_interval),
            ("resync_interval", self.resync_interval),
            ("max_backoff", self.max_backoff),
        ] {
            if d.is_zero() {
                return invalid(field, "must be positive".into());
            }
        }
        Ok(())
    }

    /// The attributes registered: the agent's own, then the configured ones.
    pub fn registration_attributes(&self) -> Vec<(String, Option<String>)> {
        let arch = match std::env::consts::ARCH {
            "x86_64" => "x86_64",
            "aarch64" => "arm64",
            other => other,
        };
        let mut attrs = vec![
            ("ecs.os-type".to_string(), Some("linux".to_string())),
            ("ecs.cpu-architecture".to_string(), Some(arch.to_string())),
        ];
        attrs.extend(self.attributes.iter().cloned());
        attrs
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "localhost".into())
}

/// Runs the agent until `cancel` fires. Containers are left running on exit.
///
/// Errors: invalid configuration, an unusable data directory, a refused join token, or a
/// refused credential without a join token to register again.
pub async fn run(
    config: AgentConfig,
    runtime: Arc<dyn ContainerRuntime>,
    control: Arc<dyn ControlPlane>,
    cancel: CancellationToken,
) -> anyhow::Result<()> {
    config.validate()?;
    let ledger = Ledger::open(&config.data_dir).with_context(|| {
        format!(
            "opening the agent data directory {}",
            config.data_dir.display()
        )
    })?;
    let endpoint = endpoint::start(&config, &ledger, runtime.clone(), &cancel).await;
    let result = run_sessions(
        &config,
        runtime,
        control,
        &ledger,
        &endpoint.endpoint,
        &cancel,
    )
    .await;
    endpoint.shutdown().await;
    result
}

/// Runs sessions, registering again when the server refuses the credential.
async fn run_sessions(
    config: &AgentConfig,
    runtime: Arc<dyn ContainerRuntime>,
    control: Arc<dyn ControlPlane>,
    ledger: &Ledger,
    endpoint: &Arc<endpoint::TaskEndpoint>,
    cancel: &CancellationToken,
) -> anyhow::Result<()> {
    // Identities this process held before re-registering: their containers are ours too.
    let mut old_instance_arns = Vec::new();
    loop {
        let stored = match ledger.load_identity() {
            Ok(Some(id)) if id.cluster == config.cluster => Some(id),
            Ok(Some(id)) => {
                tracing::warn!(stored = %id.cluster, configured = %config.cluster, "registered in another cluster; registering again");
                old_instance_arns.push(id.container_instance_arn);
                None
            }
            Ok(None) => None,
            Err(e) => {
                tracing::warn!(error = %e, "ignoring unreadable identity");
                None
            }
        };
        let identity = match stored {
            Some(id) => id,
            None => match register(config, &*runtime, &*control, ledger, cancel).await? {
                Some(id) => id,
                None => return Ok(()),
            },
        };
        tracing::info!(instance = %identity.container_instance_arn, "agent session starting");
        endpoint.attach(control.clone(), &identity);
        match run_session(
            config,
            &identity,
            runtime.clone(),
            control.clone(),
            ledger,
            endpoint.clone(),
            old_instance_arns.clone(),
            cancel,
        )
        .await
        {
            Ok(()) => return Ok(()),
            Err(SessionEnd::Unauthorized(message)) => {
                if config.join_token.is_none() {
                    anyhow::bail!(
                        "the server rejected the agent's credential ({message}) and no join token is configured to register again"
                    );
                }
                tracing::warn!(%message, "credential rejected; registering again");
                old_instance_arns.push(identity.container_instance_arn.clone());
                ledger.clear_identity()?;
            }
            Err(e @ SessionEnd::Crashed(_)) => return Err(e.into()),
        }
    }
}

/// Registers with the join token; `Ok(None)` when cancelled first.
async fn register(
    config: &AgentConfig,
    runtime: &dyn ContainerRuntime,
    control: &dyn ControlPlane,
    ledger: &Ledger,
    cancel: &CancellationToken,
) -> anyhow::Result<Option<Identity>> {
    let Some(token) = config.join_token.as_deref() else {
        anyhow::bail!("the agent has no stored identity and no join token to register with");
    };
    let mut backoff = Backoff::new(Duration::from_millis(200), config.max_backoff);
    let info = loop {
        match runtime.info().await {
            Ok(i) => break i,
            Err(e) => {
                let d = backoff.next_delay();
                tracing::warn!(error = %e, delay = ?d, "container runtime not ready");
                tokio::select! {
                    _ = cancel.cancelled() => return Ok(None),
                    _ = tokio::time::sleep(d) => {}
                }
            }
        }
    };
    // A host whose GPUs cannot be found out is not registered without them.
    let gpus = gpu::detect(&config.gpus)
        .await
        .context("finding the host's GPUs")?;
    let mut attributes = config.registration_attributes();
    attributes.extend(gpus.attributes());
    attributes.extend(isolation::attributes(&info.runtimes));
    let req = RegisterRequest {
        cluster: config.cluster.clone(),
        hostname: config.hostname.clone().unwrap_or_else(hostname),
        resources: HostResources {
            cpu: info.cpu_units,
            memory_mib: info.memory_mib,
            reserved_tcp_ports: config.reserved_tcp_ports.clone(),
            reserved_udp_ports: config.reserved_udp_ports.clone(),
            gpus: gpus.ids,
        },
        attributes,
        launch_type: config.launch_type.as_str().to_string(),
        agent_version: AGENT_VERSION.to_string(),
        runtime_version: info.version,
    };
    backoff.reset();
    loop {
        let r = tokio::select! {
            _ = cancel.cancelled() => return Ok(None),
            r = control.register(token, &req) => r,
        };
        match r {
            Ok(resp) => {
                let identity = Identity {
                    container_instance_arn: resp.container_instance_arn,
                    cluster_arn: resp.cluster_arn,
                    cluster: config.cluster.clone(),
                    server_url: config.server_url.clone(),
                    credential: resp.credential,
                };
                // A new instance starts from generation 0; the old set is not its own.
                ledger.save_desired(&DesiredState::default())?;
                ledger.save_identity(&identity)?;
                tracing::info!(instance = %identity.container_instance_arn, "registered");
                return Ok(Some(identity));
            }
            Err(e) if e.is_retryable() => {
                let d = backoff.next_delay();
                tracing::warn!(error = %e, delay = ?d, "registration failed; retrying");
                tokio::select! {
                    _ = cancel.cancelled() => return Ok(None),
                    _ = tokio::time::sleep(d) => {}
                }
            }
            Err(e) => return Err(anyhow::Error::new(e).context("registration refused")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_validation() {
        let ok = AgentConfig::new("http://127.0.0.1:1", "default", "/tmp/x");
        assert_eq!(ok.validate(), Ok(()));
        let mut c = ok.clone();
        c.server_url = "ftp://x".into();
        assert!(c.validate().is_err());
        let mut c = ok.clone();
        c.cluster = "bad name".into();
        assert!(c.validate().is_err());
        let mut c = ok.clone();
        c.attributes = vec![("bad name".into(), None)];
        assert!(c.validate().is_err());
        let mut c = ok.clone();
        c.gpus = GpuSource::Fixed(vec!["GPU-0,GPU-1".into()]);
        assert!(c.validate().is_err(), "a comma would split the ID");
        let mut c = ok.clone();
        c.heartbeat_interval = Duration::ZERO;
        assert!(c.validate().is_err());
        let mut c = ok;
        c.task_endpoint = Some("0.0.0.0:80".parse().expect("an address"));
        assert!(c.validate().is_err());
        c.task_endpoint = Some(endpoint::DEFAULT_ADDRESS);
        assert_eq!(c.validate(), Ok(()));
        assert_eq!("external".parse::<LaunchType>(), Ok(LaunchType::External));
    }

    #[test]
    fn fargate_capacity_registers_in_the_pool_only() {
        let pool = berth_api::protocol::FARGATE_POOL_CLUSTER;
        let mut c = AgentConfig::new("http://x", pool, "/tmp/x");
        c.launch_type = LaunchType::Fargate;
        assert_eq!(c.validate(), Ok(()));
        c.cluster = "default".into();
        assert!(c.validate().is_err(), "Fargate capacity in a user cluster");
        let mut c = AgentConfig::new("http://x", pool, "/tmp/x");
        assert!(c.validate().is_err(), "an EC2 instance in the pool");
        c.launch_type = LaunchType::External;
        assert!(c.validate().is_err());
    }

    #[test]
    fn registration_attributes_include_os_and_arch() {
        let mut c = AgentConfig::new("http://x", "default", "/tmp/x");
        c.attributes.push(("stack".into(), Some("prod".into())));
        let attrs = c.registration_attributes();
        assert_eq!(attrs[0], ("ecs.os-type".into(), Some("linux".into())));
        assert_eq!(attrs[1].0, "ecs.cpu-architecture");
        assert_eq!(attrs[2], ("stack".into(), Some("prod".into())));
    }
}
