//! The task metadata endpoint (v3 and v4) and the container credentials endpoint that
//! ECS's agent serves its containers at `169.254.170.2:80`, and the environment
//! variables that tell containers where they are.
//!
//! **Where it listens.** [`AgentConfig::task_endpoint`](crate::AgentConfig): ECS's
//! `169.254.170.2:80` for `berth agent` and `berth dev`, any address and port otherwise
//! (tests run many agents on one host, each on a port of its own; port 0 takes a free
//! port, kept in the data directory so that it is the same after a restart). If the
//! address is not on the host the agent adds it to `lo` ([`host`]). Containers are told
//! `ECS_CONTAINER_METADATA_URI_V4=http://169.254.170.2/v4/<id>` (and `…_URI` for v3) and,
//! for a task with a role, `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/<id>`
//! when the endpoint is ECS's default; on another port the SDKs' way to name it,
//! `AWS_CONTAINER_CREDENTIALS_FULL_URI=http://169.254.170.2:PORT/v2/credentials/<id>`,
//! and the metadata URIs with the port. Every container also gets `AWS_EXECUTION_ENV`
//! (`AWS_ECS_EC2`, or `AWS_ECS_EXTERNAL` on an EXTERNAL instance) and, unless its
//! definition sets them, `AWS_REGION` and `AWS_DEFAULT_REGION`.
//!
//! **Without the privilege** (not root: the address cannot be added, or port 80 cannot
//! be bound) or with the port taken, the agent logs once that the endpoint is off, and
//! tasks still run: their containers get no metadata or credentials variables (an SDK
//! then looks elsewhere instead of failing on an endpoint that does not answer), only
//! `AWS_EXECUTION_ENV` and the region.
//!
//! **Who may read what.** The IDs in the URIs are unguessable ([`ids`]), and a caller
//! is also identified by its source address: a request for a bridge-mode task's URI must
//! come from the address of one of that task's running containers (the container's own
//! address on its Docker bridge, whichever Docker daemon runs it), and no other task's
//! container may hold that address. Host-mode containers share the host's addresses, so
//! nothing tells them apart from each other or from host processes: a host-mode task's
//! URIs are served to callers on the host (source address local to it), and a bridge
//! task's are never served to them; among host-mode tasks and host processes only the
//! unguessable ID protects a task's data, as in ECS (which documents the same for host
//! mode). A refusal looks exactly like an unknown ID.
//!
//! **Restarts.** IDs are derived from the task ARN, the container name and a key kept in
//! the data directory, so after a restart (or `kill -9`) the runners that re-adopt the
//! running containers register the same IDs, and the containers' URIs work again.
//!
//! The task runners feed the endpoint ([`TaskEndpoint::task_changed`],
//! [`TaskEndpoint::container_observed`], [`TaskEndpoint::task_finished`]); the HTTP
//! handlers ([`http`]) read it; [`credentials`] fetches and refreshes role credentials.

mod credentials;
mod host;
mod http;
pub(crate) mod ids;
pub mod metadata;

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use berth_api::ecs::NetworkMode;
use berth_api::protocol::{labels, DesiredTask, ReportedStatus, TaskReport, TaskTags};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::client::ControlPlane;
use crate::ledger::Ledger;
use crate::runtime::{AgentEnv, ContainerRuntime, ContainerStatus, RunState};
use crate::{AgentConfig, LaunchType};
use credentials::CredentialCache;
use ids::EndpointIds;
use metadata::TaskView;

/// ECS's address for the endpoint.
pub const DEFAULT_ADDRESS: SocketAddr =
    SocketAddr::new(IpAddr::V4(Ipv4Addr::new(169, 254, 170, 2)), 80);

/// How long the endpoint's server may take to finish its requests when the agent stops.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);
/// How long a `taskWithTags` answer waits for the control plane's tags.
const TAGS_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the endpoint could not be started.
#[derive(Debug, thiserror::Error)]
enum StartError {
    #[error(transparent)]
    Host(#[from] host::HostSetupError),
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

/// The control-plane session the endpoint asks for credentials and tags through.
pub(crate) struct Session {
    pub control: Arc<dyn ControlPlane>,
    pub credential: String,
    pub cluster_arn: String,
    pub instance_arn: String,
}

/// The current session, replaced when the agent registers again.
#[derive(Default)]
pub(crate) struct SessionSlot(RwLock<Option<Arc<Session>>>);

impl SessionSlot {
    pub(crate) fn attach(&self, session: Session) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(session));
    }

    pub(crate) fn current(&self) -> Option<Arc<Session>> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// What the agent knows about one task, fed by its runner.
#[derive(Debug, Default)]
struct TaskState {
    desired: Option<Arc<DesiredTask>>,
    report: Option<TaskReport>,
    /// What Docker last said about each of the task's containers, by container name.
    containers: BTreeMap<String, ContainerStatus>,
}

#[derive(Debug, Default)]
struct Table {
    tasks: HashMap<String, TaskState>,
    /// Metadata ID → task ARN and container name.
    containers: HashMap<String, (String, String)>,
    /// Credentials ID → task ARN.
    credentials: HashMap<String, String>,
}

/// Where the endpoint serves, as containers are told it.
#[derive(Debug, Clone)]
struct Serving {
    /// `169.254.170.2`, or `169.254.170.2:PORT` off ECS's default port.
    authority: String,
    /// ECS's own address and port, where the SDKs find credentials by relative URI.
    default_address: bool,
}

/// The caller of an endpoint request: its address, and the address it reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Caller {
    pub peer: SocketAddr,
    pub local: SocketAddr,
}

impl Caller {
    /// Whether the caller is on the host itself (a host process or a host-mode
    /// container): connecting to a local address from the host, the kernel picks that
    /// address as the source.
    fn on_host(&self) -> bool {
        self.peer.ip().is_loopback() || self.peer.ip() == self.local.ip()
    }
}

/// The endpoint's state, shared by the task runners and the HTTP server.
pub struct TaskEndpoint {
    serving: Option<Serving>,
    ids: EndpointIds,
    launch_type: LaunchType,
    runtime: Arc<dyn ContainerRuntime>,
    session: Arc<SessionSlot>,
    credentials: Arc<CredentialCache>,
    table: Mutex<Table>,
    refusals: http::RateLimitedLog,
}

impl std::fmt::Debug for TaskEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaskEndpoint")
            .field("serving", &self.serving)
            .finish_non_exhaustive()
    }
}

/// The endpoint of a running agent, and its server's task.
pub(crate) struct Started {
    pub endpoint: Arc<TaskEndpoint>,
    server: Option<tokio::task::JoinHandle<()>>,
    cancel: CancellationToken,
}

impl Started {
    /// Stops serving, letting requests in flight finish for a moment.
    pub(crate) async fn shutdown(self) {
        self.cancel.cancel();
        if let Some(mut server) = self.server {
            if tokio::time::timeout(SHUTDOWN_GRACE, &mut server)
                .await
                .is_err()
            {
                // Close the listener and every connection now: a restart binds the port
                // again.
                tracing::warn!("the task endpoint did not stop in time; closing it");
                server.abort();
                let _ = server.await;
            }
        }
    }
}

/// Starts the endpoint as configured. Never fails: an endpoint that cannot be served is
/// reported once and left off (see the module documentation for what that means).
pub(crate) async fn start(
    config: &AgentConfig,
    ledger: &Ledger,
    runtime: Arc<dyn ContainerRuntime>,
    cancel: &CancellationToken,
) -> Started {
    let cancel = cancel.child_token();
    let make = |serving, ids| TaskEndpoint::new(serving, ids, config.launch_type, runtime.clone());
    let Some(listen) = config.task_endpoint else {
        return Started {
            endpoint: make(None, EndpointIds::ephemeral()),
            server: None,
            cancel,
        };
    };
    let mut ids = EndpointIds::load_or_create(ledger).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "cannot keep the task endpoint's key; its IDs change when the agent restarts");
        EndpointIds::ephemeral()
    });
    let listener = match bind(listen, &mut ids).await {
        Ok(listener) => listener,
        Err(e) => {
            tracing::warn!(
                error = %e,
                "the task metadata and credentials endpoint is off: tasks run without \
                 ECS_CONTAINER_METADATA_URI* and without task role credentials"
            );
            return Started {
                endpoint: make(None, ids),
                server: None,
                cancel,
            };
        }
    };
    let address = listener.local_addr().unwrap_or(listen);
    let serving = Serving {
        authority: if address == DEFAULT_ADDRESS {
            address.ip().to_string()
        } else {
            address.to_string()
        },
        default_address: address == DEFAULT_ADDRESS,
    };
    tracing::info!(%address, "serving the task metadata and credentials endpoint");
    let endpoint = make(Some(serving), ids);
    tokio::spawn(endpoint.credentials.clone().run_refresher(cancel.clone()));
    let server = tokio::spawn(http::serve(listener, endpoint.clone(), cancel.clone()));
    Started {
        endpoint,
        server: Some(server),
        cancel,
    }
}

/// Binds the listener, adding the address to the host when it is missing. With port 0
/// the port an earlier run picked is taken again when free.
async fn bind(listen: SocketAddr, ids: &mut EndpointIds) -> Result<TcpListener, StartError> {
    let any_port = listen.port() == 0;
    let mut address = match ids.stored_port() {
        Some(port) if any_port => SocketAddr::new(listen.ip(), port),
        _ => listen,
    };
    let mut added = false;
    let listener = loop {
        match TcpListener::bind(address).await {
            Ok(listener) => break listener,
            Err(e) if e.kind() == std::io::ErrorKind::AddrNotAvailable && !added => {
                host::ensure_local_address(listen.ip()).await?;
                added = true;
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::AddrInUse && any_port && address.port() != 0 =>
            {
                tracing::warn!(%address, "the task endpoint's port of the last run is taken; containers started before the restart lose the endpoint");
                address.set_port(0);
            }
            Err(source) => return Err(StartError::Bind { address, source }),
        }
    };
    if any_port {
        if let Ok(bound) = listener.local_addr() {
            if let Err(e) = ids.store_port(bound.port()) {
                tracing::warn!(error = %e, "cannot record the task endpoint's port; it changes when the agent restarts");
            }
        }
    }
    Ok(listener)
}

impl TaskEndpoint {
    fn new(
        serving: Option<Serving>,
        ids: EndpointIds,
        launch_type: LaunchType,
        runtime: Arc<dyn ContainerRuntime>,
    ) -> Arc<Self> {
        let session = Arc::new(SessionSlot::default());
        Arc::new(Self {
            serving,
            ids,
            launch_type,
            runtime,
            credentials: Arc::new(CredentialCache::new(session.clone())),
            session,
            table: Mutex::default(),
            refusals: http::RateLimitedLog::default(),
        })
    }

    /// Uses this session's control plane from now on.
    pub(crate) fn attach(&self, control: Arc<dyn ControlPlane>, identity: &crate::Identity) {
        self.session.attach(Session {
            control,
            credential: identity.credential.clone(),
            cluster_arn: identity.cluster_arn.clone(),
            instance_arn: identity.container_instance_arn.clone(),
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The variables the agent gives container `container` of `task` (see the module
    /// documentation).
    pub(crate) fn container_env(&self, task: &DesiredTask, container: &str) -> AgentEnv {
        let mut env = AgentEnv::default();
        let execution_env = match self.launch_type {
            // What Fargate's own tasks see.
            _ if task.fargate => "AWS_ECS_FARGATE",
            LaunchType::Fargate => "AWS_ECS_FARGATE",
            LaunchType::Ec2 => "AWS_ECS_EC2",
            LaunchType::External => "AWS_ECS_EXTERNAL",
        };
        env.set
            .push(("AWS_EXECUTION_ENV".into(), execution_env.into()));
        if let Some(serving) = &self.serving {
            let id = self.ids.container_id(&task.task_arn, container);
            let base = format!("http://{}", serving.authority);
            env.set.push((
                "ECS_CONTAINER_METADATA_URI".into(),
                format!("{base}/v3/{id}"),
            ));
            env.set.push((
                "ECS_CONTAINER_METADATA_URI_V4".into(),
                format!("{base}/v4/{id}"),
            ));
            if task.task_role_arn.is_some() {
                let path = format!(
                    "/v2/credentials/{}",
                    self.ids.credentials_id(&task.task_arn)
                );
                env.set.push(if serving.default_address {
                    ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI".into(), path)
                } else {
                    (
                        "AWS_CONTAINER_CREDENTIALS_FULL_URI".into(),
                        format!("{base}{path}"),
                    )
                });
            }
        }
        // arn:PARTITION:ecs:REGION:ACCOUNT:task/…
        if let Some(region) = task.task_arn.split(':').nth(3).filter(|r| !r.is_empty()) {
            for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
                env.defaults.push((name.into(), region.into()));
            }
        }
        env
    }

    /// A runner published its task's latest state.
    pub(crate) fn task_changed(&self, desired: &Arc<DesiredTask>, report: &TaskReport) {
        if self.serving.is_none() {
            return;
        }
        let arn = &desired.task_arn;
        let mut table = self.lock();
        let known = table
            .tasks
            .get(arn)
            .and_then(|t| t.desired.as_ref())
            .is_some_and(|d| Arc::ptr_eq(d, desired));
        if !known {
            for c in &desired.containers {
                if let Some(name) = &c.definition.name {
                    table.containers.insert(
                        self.ids.container_id(arn, name),
                        (arn.clone(), name.clone()),
                    );
                }
            }
            if desired.task_role_arn.is_some() {
                table
                    .credentials
                    .insert(self.ids.credentials_id(arn), arn.clone());
            }
        }
        let state = table.tasks.entry(arn.clone()).or_default();
        state.desired = Some(desired.clone());
        state.report = Some(report.clone());
        drop(table);
        if desired.task_role_arn.is_some() {
            if report.last_status == ReportedStatus::Stopped {
                self.credentials.forget(arn);
            } else {
                self.credentials.track(arn);
            }
        }
    }

    /// A runner observed one of its task's containers in the runtime.
    pub(crate) fn container_observed(&self, task_arn: &str, status: &ContainerStatus) {
        if self.serving.is_none() {
            return;
        }
        let name = status
            .labels
            .get(labels::CONTAINER_NAME)
            .cloned()
            .unwrap_or_else(|| status.name.clone());
        self.lock()
            .tasks
            .entry(task_arn.to_owned())
            .or_default()
            .containers
            .insert(name, status.clone());
    }

    /// The task's containers are gone: forget it.
    pub(crate) fn task_finished(&self, task_arn: &str) {
        if self.serving.is_none() {
            return;
        }
        self.credentials.forget(task_arn);
        let mut table = self.lock();
        table.tasks.remove(task_arn);
        table.containers.retain(|_, (arn, _)| arn != task_arn);
        table.credentials.retain(|_, arn| arn != task_arn);
    }

    /// The task and container a metadata ID names.
    fn container_of(&self, id: &str) -> Option<(String, String)> {
        self.lock().containers.get(id).cloned()
    }

    /// The task a credentials ID names.
    fn credentials_task(&self, id: &str) -> Option<String> {
        self.lock().credentials.get(id).cloned()
    }

    /// Whether `caller` may read task `task_arn`'s data (see the module documentation).
    /// A bridge-mode caller whose address is not yet known (a container that called the
    /// moment it started) is looked up again in the runtime first.
    async fn authorize(&self, caller: Caller, task_arn: &str) -> bool {
        match self.caller_belongs(caller, task_arn) {
            Some(allowed) => allowed,
            None => {
                self.reinspect(task_arn).await;
                self.caller_belongs(caller, task_arn) == Some(true)
            }
        }
    }

    /// `Some(verdict)` when the table decides; `None` when a bridge-mode caller's
    /// address matches no container (the table may be behind the runtime).
    fn caller_belongs(&self, caller: Caller, task_arn: &str) -> Option<bool> {
        let table = self.lock();
        let state = table.tasks.get(task_arn)?;
        let mode = state.desired.as_ref().map(|d| d.network_mode)?;
        if mode == NetworkMode::Host {
            return Some(caller.on_host());
        }
        if caller.on_host() {
            return Some(false);
        }
        let ip = caller.peer.ip();
        // An awsvpc task's containers share its pause container's namespace, so they
        // reach the endpoint from the task's own address (which the server allocated and
        // Docker gave the namespace); a bridge container from its own.
        let holds = |s: &TaskState| {
            let task_address = s
                .desired
                .as_ref()
                .and_then(|d| d.network.as_ref())
                .and_then(|n| n.address.parse::<IpAddr>().ok());
            s.containers.values().any(|c| {
                c.state == RunState::Running
                    && (task_address.is_some_and(|a| same_ip(a, ip)) || has_address(c, ip))
            })
        };
        if !holds(state) {
            return None;
        }
        // An address another task's running container holds is ambiguous (a stale
        // record of an address Docker gave away): refuse rather than guess.
        let elsewhere = table
            .tasks
            .iter()
            .any(|(arn, other)| arn != task_arn && holds(other));
        Some(!elsewhere)
    }

    /// Inspects the task's containers again and records what the runtime says.
    async fn reinspect(&self, task_arn: &str) {
        let ids: Vec<String> = self
            .lock()
            .tasks
            .get(task_arn)
            .map(|t| t.containers.values().map(|c| c.id.clone()).collect())
            .unwrap_or_default();
        let ids = if ids.is_empty() {
            match self.runtime.list(labels::TASK_ARN, task_arn).await {
                Ok(found) => found.into_iter().map(|c| c.id).collect(),
                Err(_) => return,
            }
        } else {
            ids
        };
        for id in ids {
            if let Ok(status) = self.runtime.inspect(&id).await {
                if status.labels.get(labels::TASK_ARN).map(String::as_str) == Some(task_arn) {
                    self.container_observed(task_arn, &status);
                }
            }
        }
    }

    /// Builds a document of task `task_arn` from what the table holds now.
    fn with_task<T>(&self, task_arn: &str, build: impl FnOnce(&TaskView<'_>) -> T) -> Option<T> {
        let cluster_arn = self.session.current().map(|s| s.cluster_arn.clone());
        let table = self.lock();
        let state = table.tasks.get(task_arn)?;
        let desired = state.desired.as_deref()?;
        let view = TaskView {
            desired,
            report: state.report.as_ref(),
            containers: &state.containers,
            cluster: cluster_arn.as_deref().unwrap_or(&desired.cluster),
            launch_type: self.launch_type.as_str(),
        };
        Some(build(&view))
    }

    /// The Docker IDs of the task's containers that exist, in the task's order.
    fn docker_ids(&self, task_arn: &str) -> Vec<String> {
        self.with_task(task_arn, |view| {
            view.desired
                .containers
                .iter()
                .filter_map(|c| c.definition.name.as_ref())
                .filter_map(|name| view.containers.get(name))
                .map(|c| c.id.clone())
                .collect()
        })
        .unwrap_or_default()
    }

    /// The task's and its instance's tags, from the control plane.
    async fn tags(&self, task_arn: &str) -> Result<TaskTags, String> {
        let session = self
            .session
            .current()
            .ok_or("the agent has not registered with the control plane yet")?;
        match tokio::time::timeout(
            TAGS_TIMEOUT,
            session.control.task_tags(&session.credential, task_arn),
        )
        .await
        {
            Ok(Ok(tags)) => Ok(tags),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err("the control plane did not answer in time".into()),
        }
    }
}

fn has_address(c: &ContainerStatus, ip: IpAddr) -> bool {
    c.networks.iter().any(|n| match ip {
        IpAddr::V4(v4) => n.ipv4 == Some(v4),
        IpAddr::V6(v6) => {
            n.ipv6 == Some(v6) || v6.to_ipv4_mapped().is_some_and(|v4| n.ipv4 == Some(v4))
        }
    })
}

/// Whether two addresses are the same, an IPv4-mapped IPv6 peer included.
fn same_ip(a: IpAddr, b: IpAddr) -> bool {
    a.to_canonical() == b.to_canonical()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fake::FakeRuntime;
    use crate::runtime::ContainerNetwork;
    use berth_api::ecs::ContainerDefinition;
    use berth_api::protocol::{DesiredContainer, DesiredStatus};

    fn task(arn: &str, mode: NetworkMode, role: bool) -> Arc<DesiredTask> {
        let mut t = crate::runtime::test_task(
            mode,
            ContainerDefinition {
                name: Some("app".into()),
                image: Some("img".into()),
                ..Default::default()
            },
        );
        t.task_arn = arn.into();
        t.task_role_arn = role.then(|| "arn:aws:iam::000000000000:role/app".into());
        t.containers.push(DesiredContainer {
            container_arn: "c2".into(),
            definition: ContainerDefinition {
                name: Some("side".into()),
                ..Default::default()
            },
            gpu_ids: Vec::new(),
        });
        Arc::new(t)
    }

    fn report(arn: &str, status: ReportedStatus) -> TaskReport {
        TaskReport {
            task_arn: arn.into(),
            last_status: status,
            containers: Vec::new(),
            stop_code: None,
            stopped_reason: None,
            pull_started_at: None,
            pull_stopped_at: None,
            started_at: None,
            stopping_at: None,
            execution_stopped_at: None,
            health_status: None,
        }
    }

    fn running(task_arn: &str, name: &str, ip: Option<&str>) -> ContainerStatus {
        ContainerStatus {
            id: format!("{name}-id"),
            name: name.into(),
            state: RunState::Running,
            exit_code: None,
            error: None,
            oom_killed: false,
            health: None,
            started_at: None,
            finished_at: None,
            network_bindings: Vec::new(),
            labels: BTreeMap::from([
                (labels::CONTAINER_NAME.to_string(), name.to_string()),
                (labels::TASK_ARN.to_string(), task_arn.to_string()),
            ]),
            image_id: None,
            created_at: None,
            networks: vec![ContainerNetwork {
                name: "bridge".into(),
                ipv4: ip.map(|ip| ip.parse().expect("an IP")),
                ipv6: None,
            }],
        }
    }

    fn endpoint(serving: Option<Serving>) -> Arc<TaskEndpoint> {
        let runtime: Arc<dyn ContainerRuntime> = Arc::new(FakeRuntime::new(Default::default()));
        TaskEndpoint::new(serving, EndpointIds::ephemeral(), LaunchType::Ec2, runtime)
    }

    fn serving(authority: &str, default_address: bool) -> Arc<TaskEndpoint> {
        endpoint(Some(Serving {
            authority: authority.into(),
            default_address,
        }))
    }

    fn caller(peer: &str, local: &str) -> Caller {
        Caller {
            peer: peer.parse().expect("an address"),
            local: local.parse().expect("an address"),
        }
    }

    #[test]
    fn containers_are_told_ecs_variables() {
        let arn = "arn:aws:ecs:eu-west-3:000000000000:task/c1/abc";
        let env_of = |endpoint: &TaskEndpoint, role: bool| {
            let t = task(arn, NetworkMode::Bridge, role);
            let env = endpoint.container_env(&t, "app");
            let id = endpoint.ids.container_id(arn, "app");
            let cid = endpoint.ids.credentials_id(arn);
            (env, id, cid)
        };
        let pair = |n: &str, v: String| (n.to_string(), v);
        let regions = vec![
            pair("AWS_REGION", "eu-west-3".into()),
            pair("AWS_DEFAULT_REGION", "eu-west-3".into()),
        ];

        let default = serving("169.254.170.2", true);
        let (env, id, cid) = env_of(&default, true);
        assert_eq!(
            env.set,
            vec![
                pair("AWS_EXECUTION_ENV", "AWS_ECS_EC2".into()),
                pair(
                    "ECS_CONTAINER_METADATA_URI",
                    format!("http://169.254.170.2/v3/{id}")
                ),
                pair(
                    "ECS_CONTAINER_METADATA_URI_V4",
                    format!("http://169.254.170.2/v4/{id}")
                ),
                pair(
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                    format!("/v2/credentials/{cid}")
                ),
            ]
        );
        assert_eq!(env.defaults, regions);

        let other_port = serving("169.254.170.2:5123", false);
        let (env, id, cid) = env_of(&other_port, true);
        assert_eq!(
            env.set[2..],
            [
                pair(
                    "ECS_CONTAINER_METADATA_URI_V4",
                    format!("http://169.254.170.2:5123/v4/{id}")
                ),
                pair(
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    format!("http://169.254.170.2:5123/v2/credentials/{cid}")
                ),
            ]
        );
        // Without a role there is no credentials variable; without the endpoint, no URI.
        let (env, _, _) = env_of(&other_port, false);
        assert!(!env
            .set
            .iter()
            .any(|(n, _)| n.starts_with("AWS_CONTAINER_CREDENTIALS")));
        let off = endpoint(None);
        let (env, _, _) = env_of(&off, true);
        assert_eq!(
            env.set,
            vec![pair("AWS_EXECUTION_ENV", "AWS_ECS_EC2".into())]
        );
        assert_eq!(env.defaults, regions);
    }

    #[tokio::test]
    async fn a_bridge_task_is_served_only_to_its_own_containers() {
        let endpoint = serving("169.254.170.2:5123", false);
        let (a, b) = ("arn:aws:ecs:r:0:task/c/a", "arn:aws:ecs:r:0:task/c/b");
        for arn in [a, b] {
            endpoint.task_changed(
                &task(arn, NetworkMode::Bridge, true),
                &report(arn, ReportedStatus::Running),
            );
        }
        endpoint.container_observed(a, &running(a, "app", Some("172.17.0.2")));
        endpoint.container_observed(b, &running(b, "app", Some("172.31.250.2")));
        let local = "169.254.170.2:5123";
        for (peer, task, allowed) in [
            ("172.17.0.2:40000", a, true),
            ("172.31.250.2:40000", b, true),
            // Another task's container, an unknown address, the host: refused.
            ("172.31.250.2:40000", a, false),
            ("172.17.0.99:40000", a, false),
            ("169.254.170.2:40000", a, false),
            ("127.0.0.1:40000", a, false),
        ] {
            let verdict = endpoint.authorize(caller(peer, local), task).await;
            assert_eq!(verdict, allowed, "{peer} asking for {task}");
        }
        // An address two tasks' records claim is refused to both.
        endpoint.container_observed(b, &running(b, "side", Some("172.17.0.2")));
        assert!(
            !endpoint
                .authorize(caller("172.17.0.2:40000", local), a)
                .await
        );
        // IDs name the task and container; they are forgotten with the task.
        let id = endpoint.ids.container_id(a, "app");
        assert_eq!(
            endpoint.container_of(&id),
            Some((a.to_string(), "app".to_string()))
        );
        let cid = endpoint.ids.credentials_id(a);
        assert_eq!(endpoint.credentials_task(&cid).as_deref(), Some(a));
        assert!(endpoint.credentials.is_tracked(a));
        endpoint.task_finished(a);
        assert_eq!(endpoint.container_of(&id), None);
        assert_eq!(endpoint.credentials_task(&cid), None);
        assert!(!endpoint.credentials.is_tracked(a));
    }

    #[tokio::test]
    async fn a_host_task_is_served_to_the_host_only_and_a_stopped_task_has_no_credentials() {
        let endpoint = serving("169.254.170.2:5123", false);
        let arn = "arn:aws:ecs:r:0:task/c/h";
        let desired = task(arn, NetworkMode::Host, true);
        endpoint.task_changed(&desired, &report(arn, ReportedStatus::Running));
        endpoint.container_observed(arn, &running(arn, "app", None));
        let local = "169.254.170.2:5123";
        assert!(
            endpoint
                .authorize(caller("169.254.170.2:40000", local), arn)
                .await
        );
        assert!(
            endpoint
                .authorize(caller("127.0.0.1:40000", "127.0.0.1:5123"), arn)
                .await
        );
        assert!(
            !endpoint
                .authorize(caller("172.17.0.2:40000", local), arn)
                .await
        );
        assert!(endpoint.credentials.is_tracked(arn));
        let mut stopped = (*desired).clone();
        stopped.desired_status = DesiredStatus::Stopped;
        endpoint.task_changed(&Arc::new(stopped), &report(arn, ReportedStatus::Stopped));
        assert!(!endpoint.credentials.is_tracked(arn));
    }
}
