//! The Docker implementation of [`ContainerRuntime`], over bollard.
//!
//! It translates the runtime-neutral [`ContainerSpec`] into Docker's create body and
//! Docker's inspect output back into [`ContainerStatus`]. Nothing ECS-specific lives here
//! except the shape of network bindings. It also manages what Docker does not: task
//! cgroups on the host's cgroup filesystem, in the layout `docker info` reports
//! ([`crate::cgroup`]), and the locally built pause image ([`crate::pause`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use berth_api::ecs::{HealthStatus, NetworkBinding, TransportProtocol};
use berth_api::protocol::{RegistryAuth, TaskNetwork};
use bollard::auth::DockerCredentials;
use bollard::errors::Error as BollardError;
use bollard::models::{
    ContainerCreateBody, ContainerInspectResponse, ContainerStateStatusEnum,
    ContainerSummaryStateEnum, DeviceMapping, DeviceRequest, EndpointIpamConfig, EndpointSettings,
    EventMessage, HealthConfig, HealthStatusEnum, HostConfig, HostConfigLogConfig, Ipam,
    IpamConfig, NetworkCreateRequest, NetworkingConfig, PortBinding, ResourcesUlimits, Volume,
    VolumeCreateOptions,
};
use bollard::query_parameters::{
    CreateContainerOptions, CreateImageOptions, EventsOptions, InspectContainerOptions,
    ListContainersOptions, ListVolumesOptions, LogsOptionsBuilder, RemoveContainerOptions,
    RemoveVolumeOptions, StartContainerOptions, StatsOptions, StopContainerOptions,
};
use bollard::Docker;
use futures::stream::BoxStream;
use futures::StreamExt;

use crate::cgroup::{CgroupError, TaskCgroups, TaskLimits};
use crate::runtime::{
    ContainerNetwork, ContainerRuntime, ContainerSpec, ContainerStatus, ContainerSummary,
    EventKind, ExecProcess, ExecSpec, ExecStream, ImageInfo, LogFrame, LogSource, RunState,
    RuntimeError, RuntimeEvent, RuntimeInfo, VolumeInfo, VolumeSpec,
};

/// Request timeout: long enough for `docker stop` with ECS's largest stop timeout (120 s).
const REQUEST_TIMEOUT_S: u64 = 300;
/// Where the host's cgroup filesystem is mounted.
const CGROUP_ROOT: &str = "/sys/fs/cgroup";

/// A [`ContainerRuntime`] backed by a Docker daemon.
#[derive(Clone)]
pub struct DockerRuntime {
    docker: Docker,
    cgroup_root: PathBuf,
    /// The task cgroup layout, learnt from `docker info` on first use; `Err` is why this
    /// Docker cannot carry task limits.
    cgroups: Arc<tokio::sync::OnceCell<Result<TaskCgroups, String>>>,
    /// Serialises building the pause image.
    pause_build: Arc<tokio::sync::Mutex<()>>,
    /// Serialises creating the networks of subnet slices.
    network_create: Arc<tokio::sync::Mutex<()>>,
    /// Set once `FORWARD` → `DOCKER-USER` → `BERTH-SG` is in place.
    firewall_base: Arc<tokio::sync::OnceCell<()>>,
}

impl std::fmt::Debug for DockerRuntime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DockerRuntime").finish_non_exhaustive()
    }
}

impl DockerRuntime {
    /// Connects to `DOCKER_HOST`, else the local socket, and negotiates the API version
    /// (so an older daemon such as Engine 20.10 / API 1.41 works).
    pub async fn connect() -> Result<Self, RuntimeError> {
        let docker = Docker::connect_with_defaults()
            .map_err(|e| RuntimeError::Unavailable(e.to_string()))?
            .with_timeout(Duration::from_secs(REQUEST_TIMEOUT_S));
        let docker = docker.negotiate_version().await.map_err(map_err)?;
        Ok(Self::from_client(docker))
    }

    /// Connects to the daemon at a `unix://` socket (another daemon than `DOCKER_HOST`'s,
    /// as the second dockerd of the tests).
    pub async fn connect_unix(socket: &str) -> Result<Self, RuntimeError> {
        let path = socket.strip_prefix("unix://").unwrap_or(socket);
        let docker =
            Docker::connect_with_unix(path, REQUEST_TIMEOUT_S, bollard::API_DEFAULT_VERSION)
                .map_err(|e| RuntimeError::Unavailable(e.to_string()))?;
        let docker = docker.negotiate_version().await.map_err(map_err)?;
        Ok(Self::from_client(docker))
    }

    /// Wraps an existing bollard client.
    pub fn from_client(docker: Docker) -> Self {
        Self {
            docker,
            cgroup_root: PathBuf::from(CGROUP_ROOT),
            cgroups: Arc::default(),
            pause_build: Arc::default(),
            network_create: Arc::default(),
            firewall_base: Arc::default(),
        }
    }

    /// The task cgroup layout of this Docker daemon.
    async fn task_cgroups(&self) -> Result<TaskCgroups, RuntimeError> {
        let layout = self
            .cgroups
            .get_or_try_init(|| async {
                let info = self.docker.info().await.map_err(map_err)?;
                let driver = info
                    .cgroup_driver
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                let version = info
                    .cgroup_version
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                Ok::<_, RuntimeError>(
                    TaskCgroups::for_docker(&self.cgroup_root, &driver, &version)
                        .map_err(|e| e.to_string()),
                )
            })
            .await?;
        layout.clone().map_err(RuntimeError::Invalid)
    }

    /// The underlying client, for tests and diagnostics.
    pub fn client(&self) -> &Docker {
        &self.docker
    }
}

fn map_cgroup_err(e: CgroupError) -> RuntimeError {
    match e {
        CgroupError::Busy(_) => RuntimeError::Conflict(e.to_string()),
        CgroupError::Io { .. } => RuntimeError::Other(e.to_string()),
        _ => RuntimeError::Invalid(e.to_string()),
    }
}

fn to_volume_info(v: Volume) -> VolumeInfo {
    VolumeInfo {
        name: v.name,
        driver: v.driver,
        options: v.options.into_iter().collect(),
        labels: v.labels.into_iter().collect(),
    }
}

fn map_err(e: BollardError) -> RuntimeError {
    match e {
        BollardError::DockerResponseServerError {
            status_code,
            message,
        } => match status_code {
            404 => RuntimeError::NotFound(message),
            409 => RuntimeError::Conflict(message),
            400 => RuntimeError::Invalid(message),
            _ => RuntimeError::Other(message),
        },
        BollardError::IOError { err } => RuntimeError::Unavailable(err.to_string()),
        BollardError::RequestTimeoutError => RuntimeError::Unavailable("request timed out".into()),
        other => RuntimeError::Other(other.to_string()),
    }
}

/// Adds `:latest` when the reference names no tag or digest, because the pull API pulls
/// every tag of a repository when none is given.
fn pull_reference(image: &str) -> String {
    if image.contains('@') {
        return image.to_string();
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    if last.contains(':') {
        image.to_string()
    } else {
        format!("{image}:latest")
    }
}

fn parse_time(s: Option<&str>) -> Option<SystemTime> {
    let s = s?;
    // Docker uses the zero time for "never".
    if s.starts_with("0001-") {
        return None;
    }
    let t = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()?;
    let since = t - time::OffsetDateTime::UNIX_EPOCH;
    let nanos = u64::try_from(since.whole_nanoseconds()).ok()?;
    Some(SystemTime::UNIX_EPOCH + Duration::from_nanos(nanos))
}

fn to_status(r: ContainerInspectResponse) -> ContainerStatus {
    let state = r.state.unwrap_or_default();
    let started_at = parse_time(state.started_at.as_deref());
    let run_state = match state.status {
        Some(ContainerStateStatusEnum::RUNNING)
        | Some(ContainerStateStatusEnum::PAUSED)
        | Some(ContainerStateStatusEnum::RESTARTING) => RunState::Running,
        Some(ContainerStateStatusEnum::CREATED) if started_at.is_none() => RunState::Created,
        _ => RunState::Exited,
    };
    let health = state.health.and_then(|h| match h.status {
        Some(HealthStatusEnum::HEALTHY) => Some(HealthStatus::Healthy),
        Some(HealthStatusEnum::UNHEALTHY) => Some(HealthStatus::Unhealthy),
        Some(HealthStatusEnum::STARTING) => Some(HealthStatus::Unknown),
        _ => None,
    });
    let mut network_bindings = Vec::new();
    let settings = r.network_settings.unwrap_or_default();
    let mut networks: Vec<ContainerNetwork> = settings
        .networks
        .unwrap_or_default()
        .into_iter()
        .map(|(name, endpoint)| ContainerNetwork {
            name,
            ipv4: endpoint.ip_address.and_then(|ip| ip.parse().ok()),
            ipv6: endpoint.global_ipv6_address.and_then(|ip| ip.parse().ok()),
        })
        .collect();
    networks.sort_by(|a, b| a.name.cmp(&b.name));
    let ports = settings.ports.unwrap_or_default();
    for (key, bindings) in ports {
        let (port, proto) = key.split_once('/').unwrap_or((key.as_str(), "tcp"));
        let Ok(container_port) = port.parse::<i32>() else {
            continue;
        };
        let protocol = if proto == "udp" {
            TransportProtocol::Udp
        } else {
            TransportProtocol::Tcp
        };
        for b in bindings.into_iter().flatten() {
            network_bindings.push(NetworkBinding {
                bind_ip: b.host_ip.filter(|s| !s.is_empty()),
                container_port: Some(container_port),
                host_port: b.host_port.and_then(|p| p.parse().ok()),
                protocol: Some(protocol),
                ..Default::default()
            });
        }
    }
    network_bindings.sort_by(|a, b| {
        (a.container_port, &a.bind_ip, a.host_port).cmp(&(
            b.container_port,
            &b.bind_ip,
            b.host_port,
        ))
    });
    let config = r.config.unwrap_or_default();
    ContainerStatus {
        id: r.id.unwrap_or_default(),
        name: r
            .name
            .map(|n| n.trim_start_matches('/').to_string())
            .unwrap_or_default(),
        state: run_state,
        exit_code: if run_state == RunState::Exited {
            state.exit_code.and_then(|c| i32::try_from(c).ok())
        } else {
            None
        },
        error: state.error.filter(|e| !e.is_empty()),
        oom_killed: state.oom_killed.unwrap_or(false),
        health,
        started_at,
        finished_at: parse_time(state.finished_at.as_deref()),
        network_bindings,
        labels: config.labels.unwrap_or_default().into_iter().collect(),
        image_id: r.image,
        created_at: parse_time(r.created.as_deref()),
        networks,
    }
}

fn create_body(spec: &ContainerSpec) -> ContainerCreateBody {
    let mut exposed = HashMap::new();
    let mut bindings: HashMap<String, Option<Vec<PortBinding>>> = HashMap::new();
    // A range publishes each of its ports, on the host range's port at the same offset.
    let range_ports = spec.port_ranges.iter().flat_map(|r| {
        (r.container.0..=r.container.1).map(move |port| {
            let host = r.host.map(|(first, _)| first + (port - r.container.0));
            (port, host, r.protocol)
        })
    });
    let single_ports = spec
        .ports
        .iter()
        .map(|p| (p.container_port, p.host_port, p.protocol));
    for (container_port, host_port, protocol) in single_ports.chain(range_ports) {
        let proto = match protocol {
            TransportProtocol::Udp => "udp",
            TransportProtocol::Tcp => "tcp",
        };
        let key = format!("{container_port}/{proto}");
        exposed.insert(key.clone(), HashMap::new());
        if spec.network_mode == "bridge" {
            bindings
                .entry(key)
                .or_default()
                .get_or_insert_with(Vec::new)
                .push(PortBinding {
                    host_ip: None,
                    // Empty lets Docker pick a free host port.
                    host_port: Some(host_port.map(|h| h.to_string()).unwrap_or_default()),
                });
        }
    }
    let nanos = |d: Duration| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX);
    let healthcheck = spec.health_check.as_ref().map(|h| HealthConfig {
        test: Some(h.test.clone()),
        interval: Some(nanos(h.interval)),
        timeout: Some(nanos(h.timeout)),
        retries: Some(i64::from(h.retries)),
        start_period: Some(nanos(h.start_period)),
        start_interval: None,
    });
    let non_empty = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
    let host_config = HostConfig {
        cpu_shares: Some(spec.cpu_shares),
        memory: spec.memory_bytes,
        memory_reservation: spec.memory_reservation_bytes,
        network_mode: Some(spec.network_mode.clone()),
        port_bindings: (!bindings.is_empty()).then_some(bindings),
        ulimits: (!spec.ulimits.is_empty()).then(|| {
            spec.ulimits
                .iter()
                .map(|u| ResourcesUlimits {
                    name: Some(u.name.clone()),
                    soft: Some(u.soft),
                    hard: Some(u.hard),
                })
                .collect()
        }),
        readonly_rootfs: Some(spec.readonly_rootfs),
        privileged: Some(spec.privileged),
        cap_add: non_empty(&spec.cap_add),
        cap_drop: non_empty(&spec.cap_drop),
        init: spec.init.then_some(true),
        extra_hosts: (!spec.extra_hosts.is_empty()).then(|| {
            spec.extra_hosts
                .iter()
                .map(|(h, ip)| format!("{h}:{ip}"))
                .collect()
        }),
        dns: non_empty(&spec.dns_servers),
        dns_search: non_empty(&spec.dns_search),
        links: non_empty(&spec.links),
        binds: non_empty(&spec.binds),
        volumes_from: non_empty(&spec.volumes_from),
        devices: (!spec.devices.is_empty()).then(|| {
            spec.devices
                .iter()
                .map(|d| DeviceMapping {
                    path_on_host: Some(d.host_path.clone()),
                    path_in_container: Some(d.container_path.clone()),
                    cgroup_permissions: Some(d.permissions.clone()),
                })
                .collect()
        }),
        tmpfs: (!spec.tmpfs.is_empty()).then(|| spec.tmpfs.clone().into_iter().collect()),
        shm_size: spec.shm_size_bytes,
        memory_swap: spec.memory_swap_bytes,
        memory_swappiness: spec.memory_swappiness,
        sysctls: (!spec.sysctls.is_empty()).then(|| spec.sysctls.clone().into_iter().collect()),
        security_opt: non_empty(&spec.security_opts),
        pid_mode: spec.pid_mode.clone(),
        ipc_mode: spec.ipc_mode.clone(),
        cgroup_parent: spec.cgroup_parent.clone(),
        device_requests: gpu_requests(&spec.gpu_ids),
        runtime: spec.runtime.clone(),
        log_config: spec.log_config.as_ref().map(|l| HostConfigLogConfig {
            typ: Some(l.driver.clone()),
            config: Some(l.options.clone().into_iter().collect()),
        }),
        ..Default::default()
    };
    // A user-defined network (an awsvpc task's pause container) with a fixed address.
    let networking_config = spec.ipv4_address.as_ref().map(|address| NetworkingConfig {
        endpoints_config: Some(HashMap::from([(
            spec.network_mode.clone(),
            EndpointSettings {
                ipam_config: Some(EndpointIpamConfig {
                    ipv4_address: Some(address.clone()),
                    ..Default::default()
                }),
                mac_address: spec.mac_address.clone(),
                ..Default::default()
            },
        )])),
    });
    ContainerCreateBody {
        networking_config,
        mac_address: spec.mac_address.clone(),
        image: Some(spec.image.clone()),
        entrypoint: spec.entry_point.clone(),
        cmd: spec.command.clone(),
        env: Some(environment(spec)),
        working_dir: spec.working_dir.clone(),
        user: spec.user.clone(),
        hostname: spec.hostname.clone(),
        exposed_ports: (!exposed.is_empty()).then_some(exposed),
        healthcheck,
        labels: Some(spec.labels.clone().into_iter().collect()),
        stop_timeout: i64::try_from(spec.stop_timeout.as_secs()).ok(),
        open_stdin: spec.open_stdin.then_some(true),
        tty: spec.tty.then_some(true),
        network_disabled: spec.network_disabled.then_some(true),
        host_config: Some(host_config),
        ..Default::default()
    }
}

/// The container's GPUs as Docker's device request (`docker run --gpus device=…`): the
/// `nvidia` driver, these GPUs by ID, with the `gpu` capability. Docker hands them to the
/// NVIDIA container toolkit, which must be installed on a host with GPUs.
fn gpu_requests(gpu_ids: &[String]) -> Option<Vec<DeviceRequest>> {
    (!gpu_ids.is_empty()).then(|| {
        vec![DeviceRequest {
            driver: Some("nvidia".to_owned()),
            count: None,
            device_ids: Some(gpu_ids.to_vec()),
            capabilities: Some(vec![vec!["gpu".to_owned()]]),
            options: None,
        }]
    })
}

/// Docker's `Env`: the plain variables, then the secret ones, which replace plain ones of
/// the same name (a process reading its environment takes the first of a name).
fn environment(spec: &ContainerSpec) -> Vec<String> {
    let secret = &spec.secret_env.0;
    spec.env
        .iter()
        .filter(|(name, _)| !secret.iter().any(|(s, _)| s == name))
        .chain(secret.iter())
        .map(|(k, v)| format!("{k}={v}"))
        .collect()
}

fn to_event(m: EventMessage) -> Option<RuntimeEvent> {
    let action = m.action?;
    let kind = if action == "start" {
        EventKind::Start
    } else if action == "die" || action == "oom" || action == "kill" {
        EventKind::Die
    } else if action.starts_with("health_status") {
        EventKind::Health
    } else if action == "destroy" {
        EventKind::Destroy
    } else {
        return None;
    };
    let actor = m.actor?;
    Some(RuntimeEvent::Container {
        id: actor.id?,
        kind,
        labels: actor.attributes.unwrap_or_default().into_iter().collect(),
    })
}

#[async_trait]
impl ContainerRuntime for DockerRuntime {
    async fn info(&self) -> Result<RuntimeInfo, RuntimeError> {
        let info = self.docker.info().await.map_err(map_err)?;
        let cpus = info.ncpu.unwrap_or(1).max(1);
        let mem = info.mem_total.unwrap_or(0);
        Ok(RuntimeInfo {
            version: format!(
                "DockerVersion: {}",
                info.server_version.unwrap_or_else(|| "unknown".into())
            ),
            cpu_units: i32::try_from(cpus.saturating_mul(1024)).unwrap_or(i32::MAX),
            memory_mib: mem / (1024 * 1024),
            runtimes: info.runtimes.unwrap_or_default().into_keys().collect(),
        })
    }

    async fn image(&self, image: &str) -> Result<Option<ImageInfo>, RuntimeError> {
        match self.docker.inspect_image(image).await.map_err(map_err) {
            Ok(i) => Ok(Some(ImageInfo {
                id: i.id.unwrap_or_default(),
                digest: i
                    .repo_digests
                    .unwrap_or_default()
                    .first()
                    .and_then(|d| d.split_once('@').map(|(_, d)| d.to_string())),
            })),
            Err(RuntimeError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn pull(&self, image: &str, auth: Option<&RegistryAuth>) -> Result<(), RuntimeError> {
        let options = CreateImageOptions {
            from_image: Some(pull_reference(image)),
            ..Default::default()
        };
        let creds = auth.map(|a| DockerCredentials {
            username: Some(a.username.clone()),
            password: Some(a.password.clone()),
            ..Default::default()
        });
        let mut stream = self.docker.create_image(Some(options), None, creds);
        while let Some(item) = stream.next().await {
            match item {
                Ok(_) => {}
                Err(BollardError::DockerStreamError { error }) => {
                    return Err(RuntimeError::ImagePull(error))
                }
                Err(BollardError::DockerResponseServerError { message, .. }) => {
                    return Err(RuntimeError::ImagePull(message))
                }
                Err(e) => return Err(RuntimeError::ImagePull(e.to_string())),
            }
        }
        Ok(())
    }

    async fn create(&self, spec: &ContainerSpec) -> Result<String, RuntimeError> {
        let options = CreateContainerOptions {
            name: Some(spec.name.clone()),
            ..Default::default()
        };
        let r = self
            .docker
            .create_container(Some(options), create_body(spec))
            .await
            .map_err(map_err)?;
        Ok(r.id)
    }

    async fn start(&self, id: &str) -> Result<(), RuntimeError> {
        self.docker
            .start_container(id, None::<StartContainerOptions>)
            .await
            .map_err(map_err)
    }

    async fn stop(&self, id: &str, timeout: Duration) -> Result<(), RuntimeError> {
        let options = StopContainerOptions {
            signal: None,
            t: Some(i32::try_from(timeout.as_secs()).unwrap_or(i32::MAX)),
        };
        match self.docker.stop_container(id, Some(options)).await {
            Ok(()) => Ok(()),
            // 304: already stopped.
            Err(BollardError::DockerResponseServerError {
                status_code: 304, ..
            }) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }

    async fn remove(&self, id: &str) -> Result<(), RuntimeError> {
        let options = RemoveContainerOptions {
            force: true,
            v: true,
            link: false,
        };
        self.docker
            .remove_container(id, Some(options))
            .await
            .map_err(map_err)
    }

    async fn inspect(&self, id: &str) -> Result<ContainerStatus, RuntimeError> {
        let r = self
            .docker
            .inspect_container(id, None::<InspectContainerOptions>)
            .await
            .map_err(map_err)?;
        Ok(to_status(r))
    }

    async fn list(&self, label: &str, value: &str) -> Result<Vec<ContainerSummary>, RuntimeError> {
        let filters = HashMap::from([("label".to_string(), vec![format!("{label}={value}")])]);
        let options = ListContainersOptions {
            all: true,
            filters: Some(filters),
            ..Default::default()
        };
        let summaries = self
            .docker
            .list_containers(Some(options))
            .await
            .map_err(map_err)?;
        Ok(summaries
            .into_iter()
            .filter_map(|s| {
                let state = match s.state {
                    Some(ContainerSummaryStateEnum::CREATED) => RunState::Created,
                    Some(ContainerSummaryStateEnum::RUNNING)
                    | Some(ContainerSummaryStateEnum::PAUSED)
                    | Some(ContainerSummaryStateEnum::RESTARTING) => RunState::Running,
                    _ => RunState::Exited,
                };
                Some(ContainerSummary {
                    id: s.id?,
                    name: s
                        .names
                        .and_then(|n| n.into_iter().next())
                        .map(|n| n.trim_start_matches('/').to_string())
                        .unwrap_or_default(),
                    state,
                    labels: s.labels.unwrap_or_default().into_iter().collect(),
                })
            })
            .collect())
    }

    fn events(&self, label: &str, value: &str) -> BoxStream<'static, RuntimeEvent> {
        let filters = HashMap::from([
            ("type".to_string(), vec!["container".to_string()]),
            ("label".to_string(), vec![format!("{label}={value}")]),
        ]);
        // The request is only sent when the stream is first polled; `since` makes Docker
        // replay what happened from now on, so a caller may subscribe, then list, and
        // miss nothing. A second of overlap is harmless: events only trigger inspects.
        let since = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs().saturating_sub(1))
            .unwrap_or(0);
        let options = EventsOptions {
            since: Some(since.to_string()),
            filters: Some(filters),
            ..Default::default()
        };
        self.docker
            .events(Some(options))
            // The stream ends at the first error; the caller resubscribes and resyncs.
            .take_while(|r| futures::future::ready(r.is_ok()))
            .filter_map(|r| futures::future::ready(r.ok().and_then(to_event)))
            .boxed()
    }

    async fn volume(&self, name: &str) -> Result<Option<VolumeInfo>, RuntimeError> {
        match self.docker.inspect_volume(name).await.map_err(map_err) {
            Ok(v) => Ok(Some(to_volume_info(v))),
            Err(RuntimeError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn create_volume(&self, spec: &VolumeSpec) -> Result<VolumeInfo, RuntimeError> {
        let options = VolumeCreateOptions {
            name: Some(spec.name.clone()),
            driver: spec.driver.clone(),
            driver_opts: Some(spec.driver_opts.clone().into_iter().collect()),
            labels: Some(spec.labels.clone().into_iter().collect()),
            ..Default::default()
        };
        self.docker
            .create_volume(options)
            .await
            .map(to_volume_info)
            .map_err(map_err)
    }

    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError> {
        self.docker
            .remove_volume(name, None::<RemoveVolumeOptions>)
            .await
            .map_err(map_err)
    }

    async fn list_volumes(
        &self,
        label: &str,
        value: &str,
    ) -> Result<Vec<VolumeInfo>, RuntimeError> {
        let filters = HashMap::from([("label".to_string(), vec![format!("{label}={value}")])]);
        let listed = self
            .docker
            .list_volumes(Some(ListVolumesOptions {
                filters: Some(filters),
            }))
            .await
            .map_err(map_err)?;
        Ok(listed
            .volumes
            .unwrap_or_default()
            .into_iter()
            .map(to_volume_info)
            .collect())
    }

    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<String, RuntimeError> {
        let cgroups = self.task_cgroups().await?;
        let task_id = task_id.to_string();
        tokio::task::spawn_blocking(move || cgroups.create(&task_id, limits))
            .await
            .map_err(|e| RuntimeError::Other(e.to_string()))?
            .map_err(map_cgroup_err)
    }

    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError> {
        let cgroups = match self.task_cgroups().await {
            Ok(c) => c,
            // A layout without task cgroups never made one.
            Err(RuntimeError::Invalid(_)) => return Ok(()),
            Err(e) => return Err(e),
        };
        let task_id = task_id.to_string();
        tokio::task::spawn_blocking(move || cgroups.remove(&task_id))
            .await
            .map_err(|e| RuntimeError::Other(e.to_string()))?
            .map_err(map_cgroup_err)
    }

    async fn ensure_task_network(
        &self,
        network: &TaskNetwork,
        instance_arn: &str,
    ) -> Result<String, RuntimeError> {
        let name = crate::awsvpc::network_name(network);
        let _creating = self.network_create.lock().await;
        match self
            .docker
            .inspect_network(
                &name,
                None::<bollard::query_parameters::InspectNetworkOptions>,
            )
            .await
        {
            Ok(found) => {
                let subnet = found
                    .ipam
                    .and_then(|i| i.config)
                    .and_then(|c| c.into_iter().next())
                    .and_then(|c| c.subnet);
                if subnet.as_deref() != Some(network.slice_cidr.as_str()) {
                    return Err(RuntimeError::Invalid(format!(
                        "the network {name} exists with subnet {subnet:?}, not the host's slice {}",
                        network.slice_cidr
                    )));
                }
                return Ok(name);
            }
            Err(e) => match map_err(e) {
                RuntimeError::NotFound(_) => {}
                other => return Err(other),
            },
        }
        let request = NetworkCreateRequest {
            name: name.clone(),
            driver: Some("bridge".into()),
            ipam: Some(Ipam {
                driver: Some("default".into()),
                config: Some(vec![IpamConfig {
                    subnet: Some(network.slice_cidr.clone()),
                    gateway: Some(network.gateway.clone()),
                    ..Default::default()
                }]),
                ..Default::default()
            }),
            // Other slices must see a task's own address, not its host's.
            options: Some(HashMap::from([(
                "com.docker.network.bridge.enable_ip_masquerade".to_string(),
                "false".to_string(),
            )])),
            labels: Some(HashMap::from([
                (
                    berth_api::protocol::labels::INSTANCE_ARN.to_string(),
                    instance_arn.to_string(),
                ),
                ("com.berth.subnet-id".to_string(), network.subnet_id.clone()),
            ])),
            ..Default::default()
        };
        self.docker.create_network(request).await.map_err(map_err)?;
        tracing::info!(network = %name, slice = %network.slice_cidr, "created the slice's network");
        Ok(name)
    }

    async fn apply_ingress(&self, network: &TaskNetwork) -> Result<(), RuntimeError> {
        self.firewall_base
            .get_or_try_init(crate::awsvpc::ensure_base)
            .await
            .map_err(|e| RuntimeError::Other(e.to_string()))?;
        crate::awsvpc::apply_ingress(network)
            .await
            .map_err(|e| RuntimeError::Other(e.to_string()))
    }

    async fn remove_ingress(&self, network: &TaskNetwork) -> Result<(), RuntimeError> {
        crate::awsvpc::remove_ingress(network)
            .await
            .map_err(|e| RuntimeError::Other(e.to_string()))
    }

    async fn pause_image(&self) -> Result<String, RuntimeError> {
        let image = crate::pause::pause_image()?;
        let _building = self.pause_build.lock().await;
        if self.image(&image).await?.is_some() {
            return Ok(image);
        }
        let (repo, tag) = image.split_once(':').unwrap_or((image.as_str(), "latest"));
        // `docker import`: the body is the root filesystem.
        let options = CreateImageOptions {
            from_src: Some("-".into()),
            repo: Some(repo.to_string()),
            tag: Some(tag.to_string()),
            ..Default::default()
        };
        let rootfs = bollard::body_full(crate::pause::pause_rootfs_tar()?.into());
        let mut stream = self.docker.create_image(Some(options), Some(rootfs), None);
        while let Some(item) = stream.next().await {
            match item {
                Ok(_) => {}
                Err(BollardError::DockerStreamError { error }) => {
                    return Err(RuntimeError::Other(format!(
                        "importing the pause image: {error}"
                    )))
                }
                Err(e) => return Err(map_err(e)),
            }
        }
        tracing::info!(%image, "built the pause image");
        Ok(image)
    }

    async fn stats(&self, id: &str) -> Result<serde_json::Value, RuntimeError> {
        // Not one-shot: Docker then samples twice, so `precpu_stats` is filled and a
        // reader can compute CPU usage from one document, as from ECS's.
        let options = StatsOptions {
            stream: false,
            one_shot: false,
        };
        let mut samples = self.docker.stats(id, Some(options));
        let sample = samples
            .next()
            .await
            .ok_or_else(|| RuntimeError::Other(format!("Docker sent no statistics for {id}")))?
            .map_err(map_err)?;
        serde_json::to_value(sample).map_err(|e| RuntimeError::Other(e.to_string()))
    }

    fn logs(
        &self,
        id: &str,
        since_secs: i64,
        follow: bool,
    ) -> BoxStream<'static, Result<LogFrame, RuntimeError>> {
        use bollard::container::LogOutput;
        let options = LogsOptionsBuilder::new()
            .follow(follow)
            .stdout(true)
            .stderr(true)
            .timestamps(true)
            // Docker's API takes 32-bit seconds here (until 2038).
            .since(i32::try_from(since_secs.max(0)).unwrap_or(i32::MAX))
            .build();
        self.docker
            .logs(id, Some(options))
            .filter_map(|item| async move {
                let (source, bytes) = match item {
                    Ok(LogOutput::StdOut { message }) => (LogSource::Stdout, message),
                    Ok(LogOutput::StdErr { message }) => (LogSource::Stderr, message),
                    Ok(LogOutput::Console { message }) => (LogSource::Tty, message),
                    Ok(LogOutput::StdIn { .. }) => return None,
                    Err(e) => return Some(Err(map_err(e))),
                };
                Some(Ok(LogFrame { source, bytes }))
            })
            .boxed()
    }

    async fn exec_start(
        &self,
        container: &str,
        spec: &ExecSpec,
    ) -> Result<ExecProcess, RuntimeError> {
        use bollard::container::LogOutput;
        use bollard::exec::{CreateExecOptions, StartExecOptions, StartExecResults};
        let created = self
            .docker
            .create_exec(
                container,
                CreateExecOptions {
                    attach_stdin: Some(spec.tty),
                    attach_stdout: Some(true),
                    attach_stderr: Some(true),
                    tty: Some(spec.tty),
                    cmd: Some(spec.command.clone()),
                    ..Default::default()
                },
            )
            .await
            .map_err(map_err)?;
        let started = self
            .docker
            .start_exec(
                &created.id,
                Some(StartExecOptions {
                    detach: false,
                    tty: spec.tty,
                    output_capacity: None,
                }),
            )
            .await
            .map_err(map_err)?;
        let StartExecResults::Attached { output, input } = started else {
            return Err(RuntimeError::Other(
                "Docker started the exec detached".into(),
            ));
        };
        let output = output
            .filter_map(|item| async move {
                match item {
                    Ok(LogOutput::StdOut { message } | LogOutput::Console { message }) => {
                        Some(Ok((ExecStream::Stdout, message.to_vec())))
                    }
                    Ok(LogOutput::StdErr { message }) => {
                        Some(Ok((ExecStream::Stderr, message.to_vec())))
                    }
                    Ok(LogOutput::StdIn { .. }) => None,
                    Err(e) => Some(Err(map_err(e))),
                }
            })
            .boxed();
        Ok(ExecProcess {
            id: created.id,
            output,
            input: spec.tty.then_some(input),
        })
    }

    async fn exec_resize(&self, exec_id: &str, cols: u16, rows: u16) -> Result<(), RuntimeError> {
        self.docker
            .resize_exec(
                exec_id,
                bollard::exec::ResizeExecOptions {
                    height: rows,
                    width: cols,
                },
            )
            .await
            .map_err(map_err)
    }

    async fn exec_exit_code(&self, exec_id: &str) -> Result<Option<i64>, RuntimeError> {
        let inspected = self.docker.inspect_exec(exec_id).await.map_err(map_err)?;
        if inspected.running == Some(true) {
            return Ok(None);
        }
        Ok(inspected.exit_code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pull_reference_adds_latest_only_when_untagged() {
        assert_eq!(pull_reference("busybox"), "busybox:latest");
        assert_eq!(pull_reference("busybox:1"), "busybox:1");
        assert_eq!(
            pull_reference("localhost:5000/x"),
            "localhost:5000/x:latest"
        );
        assert_eq!(pull_reference("x@sha256:abc"), "x@sha256:abc");
    }

    #[test]
    fn gpus_become_a_docker_device_request() {
        let spec = ContainerSpec {
            name: "c".into(),
            image: "img".into(),
            gpu_ids: vec!["GPU-a".into(), "GPU-b".into()],
            env: vec![("NVIDIA_VISIBLE_DEVICES".into(), "GPU-a,GPU-b".into())],
            ..ContainerSpec::default()
        };
        let body = serde_json::to_value(create_body(&spec)).expect("serializes");
        assert_eq!(
            body["HostConfig"]["DeviceRequests"],
            serde_json::json!([{
                "Driver": "nvidia",
                "DeviceIDs": ["GPU-a", "GPU-b"],
                "Capabilities": [["gpu"]],
            }])
        );
        assert_eq!(
            body["Env"],
            serde_json::json!(["NVIDIA_VISIBLE_DEVICES=GPU-a,GPU-b"])
        );
        let none = serde_json::to_value(create_body(&ContainerSpec::default())).expect("json");
        assert!(
            none["HostConfig"].get("DeviceRequests").is_none(),
            "no GPUs, no device request: {}",
            none["HostConfig"]
        );
    }

    #[test]
    fn zero_time_is_none() {
        assert_eq!(parse_time(Some("0001-01-01T00:00:00Z")), None);
        assert!(parse_time(Some("2024-05-01T10:00:00.123456789Z")).is_some());
        assert_eq!(parse_time(Some("garbage")), None);
    }
}
