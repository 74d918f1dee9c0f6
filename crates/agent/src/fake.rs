//! `FakeRuntime`: an in-memory [`ContainerRuntime`] for scale tests, logic tests and
//! `berth sim`. It is a product, not a mock: it keeps the same contracts as Docker
//! (deterministic names conflict, stopped containers stay inspectable until removed,
//! events on start/die/health) and is cheap enough for thousands of containers.
//!
//! Two ways to make containers exit:
//! - step mode: the test calls [`FakeRuntime::exit`] (and [`FakeRuntime::set_health`]);
//! - automatic: the container's labels `berth.fake/exit-after-ms` and
//!   `berth.fake/exit-code` make it exit on its own after it starts.
//!
//! The label `berth.fake/ignore-sigterm=true` makes `stop` take the whole timeout and
//! end with exit code 137, as a process that traps SIGTERM does under Docker.
//!
//! Volumes, task cgroups and the pause image are kept as records with Docker's contracts
//! (creating an existing volume returns it; a volume a container mounts cannot be
//! removed; a task cgroup with a running container is busy), for logic tests only.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use berth_api::ecs::{HealthStatus, NetworkBinding};
use berth_api::protocol::RegistryAuth;
use futures::stream::BoxStream;
use futures::StreamExt;
use tokio::sync::broadcast;

use crate::cgroup::{cgroup_parent, TaskLimits};
use crate::runtime::{
    ContainerRuntime, ContainerSpec, ContainerStatus, ContainerSummary, EventKind, ImageInfo,
    RunState, RuntimeError, RuntimeEvent, RuntimeInfo, VolumeInfo, VolumeSpec,
};

/// The pause image the fake pretends to build.
pub const FAKE_PAUSE_IMAGE: &str = "berth/pause:fake";

/// Label: milliseconds after start at which the container exits by itself.
pub const EXIT_AFTER_MS: &str = "berth.fake/exit-after-ms";
/// Label: the exit code of an automatic exit (default 0).
pub const EXIT_CODE: &str = "berth.fake/exit-code";
/// Label: `true` makes the container ignore the stop signal until the timeout.
pub const IGNORE_SIGTERM: &str = "berth.fake/ignore-sigterm";

/// Exit code of a process ended by SIGTERM / SIGKILL.
const SIGTERM_EXIT: i32 = 143;
const SIGKILL_EXIT: i32 = 137;
/// Events buffered per runtime. The buffer is allocated up front, so it is kept small for
/// `berth sim`'s thousands of runtimes in one process; a subscriber that falls behind gets
/// `RuntimeEvent::Lagged` and resyncs.
const EVENT_BUFFER: usize = 1024;

/// How the fake behaves.
#[derive(Debug, Clone)]
pub struct FakeConfig {
    /// How long `start` takes before the container is running.
    pub start_delay: Duration,
    /// How long a pull takes.
    pub pull_delay: Duration,
    /// How long after start a container with a health check becomes healthy
    /// (`None`: it stays UNKNOWN until [`FakeRuntime::set_health`]).
    pub healthy_after: Option<Duration>,
    /// Images that are present without a pull. Any other image is pulled on demand.
    pub images: Vec<String>,
    pub info: RuntimeInfo,
    /// First host port handed out for dynamic port mappings.
    pub first_dynamic_port: u16,
}

impl Default for FakeConfig {
    fn default() -> Self {
        Self {
            start_delay: Duration::ZERO,
            pull_delay: Duration::ZERO,
            healthy_after: Some(Duration::ZERO),
            images: Vec::new(),
            info: RuntimeInfo {
                version: "FakeRuntime: 1".into(),
                cpu_units: 4096,
                memory_mib: 16384,
                runtimes: vec!["runc".into()],
            },
            first_dynamic_port: 32768,
        }
    }
}

/// Counters of the operations the fake served, for assertions such as "no container was
/// created twice".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FakeStats {
    pub pulls: u64,
    pub creates: u64,
    pub starts: u64,
    pub stops: u64,
    pub removes: u64,
    pub volume_creates: u64,
    pub volume_removes: u64,
}

struct FakeContainer {
    status: ContainerStatus,
    spec: ContainerSpec,
    /// Incremented on every state change, so a delayed auto-exit can tell whether the
    /// container is still in the state it was scheduled for.
    epoch: u64,
}

struct State {
    containers: HashMap<String, FakeContainer>,
    by_name: HashMap<String, String>,
    images: HashSet<String>,
    pull_failures: HashMap<String, String>,
    volumes: HashMap<String, VolumeInfo>,
    task_cgroups: HashMap<String, TaskLimits>,
    next_id: u64,
    next_port: u16,
    stats: FakeStats,
}

struct Inner {
    config: FakeConfig,
    state: Mutex<State>,
    events: broadcast::Sender<RuntimeEvent>,
}

/// The in-memory runtime. Cloning shares the same containers.
#[derive(Clone)]
pub struct FakeRuntime {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for FakeRuntime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeRuntime").finish_non_exhaustive()
    }
}

impl Default for FakeRuntime {
    fn default() -> Self {
        Self::new(FakeConfig::default())
    }
}

impl FakeRuntime {
    pub fn new(config: FakeConfig) -> Self {
        let (events, _) = broadcast::channel(EVENT_BUFFER);
        let state = State {
            containers: HashMap::new(),
            by_name: HashMap::new(),
            images: config.images.iter().cloned().collect(),
            pull_failures: HashMap::new(),
            volumes: HashMap::new(),
            task_cgroups: HashMap::new(),
            next_id: 1,
            next_port: config.first_dynamic_port,
            stats: FakeStats::default(),
        };
        Self {
            inner: Arc::new(Inner {
                config,
                state: Mutex::new(state),
                events,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the maps inconsistent in a way that
        // matters to a fake, so recover from poisoning instead of propagating it.
        self.inner.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn emit(&self, id: &str, kind: EventKind, labels: &BTreeMap<String, String>) {
        // No subscribers is fine.
        let _ = self.inner.events.send(RuntimeEvent::Container {
            id: id.to_string(),
            kind,
            labels: labels.clone(),
        });
    }

    /// Step mode: makes a running container exit with `code`.
    pub fn exit(&self, id_or_name: &str, code: i32) -> Result<(), RuntimeError> {
        let labels = {
            let mut st = self.lock();
            let id = resolve(&st, id_or_name)?;
            let c = st
                .containers
                .get_mut(&id)
                .ok_or_else(|| RuntimeError::NotFound(id_or_name.to_string()))?;
            if c.status.state != RunState::Running {
                return Ok(());
            }
            mark_exited(c, code);
            (id, c.status.labels.clone())
        };
        self.emit(&labels.0, EventKind::Die, &labels.1);
        Ok(())
    }

    /// Step mode: sets the health of a container that has a health check.
    pub fn set_health(&self, id_or_name: &str, health: HealthStatus) -> Result<(), RuntimeError> {
        let (id, labels) = {
            let mut st = self.lock();
            let id = resolve(&st, id_or_name)?;
            let c = st
                .containers
                .get_mut(&id)
                .ok_or_else(|| RuntimeError::NotFound(id_or_name.to_string()))?;
            c.status.health = Some(health);
            c.epoch += 1;
            (id, c.status.labels.clone())
        };
        self.emit(&id, EventKind::Health, &labels);
        Ok(())
    }

    /// Makes every pull of `image` fail with `message`.
    pub fn fail_pulls(&self, image: &str, message: &str) {
        self.lock()
            .pull_failures
            .insert(image.to_string(), message.to_string());
    }

    /// Makes `image` present locally.
    pub fn add_image(&self, image: &str) {
        self.lock().images.insert(image.to_string());
    }

    /// Every container, in no particular order.
    pub fn containers(&self) -> Vec<ContainerStatus> {
        self.lock()
            .containers
            .values()
            .map(|c| c.status.clone())
            .collect()
    }

    /// The spec a container was created from.
    pub fn spec(&self, id_or_name: &str) -> Option<ContainerSpec> {
        let st = self.lock();
        let id = resolve(&st, id_or_name).ok()?;
        st.containers.get(&id).map(|c| c.spec.clone())
    }

    pub fn stats(&self) -> FakeStats {
        self.lock().stats
    }

    /// Every volume, in no particular order.
    pub fn volumes(&self) -> Vec<VolumeInfo> {
        self.lock().volumes.values().cloned().collect()
    }

    /// The task cgroups that exist, by task ID.
    pub fn task_cgroups(&self) -> HashMap<String, TaskLimits> {
        self.lock().task_cgroups.clone()
    }

    /// Schedules the automatic exit a container's labels ask for.
    fn schedule_auto_exit(&self, id: &str, epoch: u64, labels: &BTreeMap<String, String>) {
        let Some(ms) = labels
            .get(EXIT_AFTER_MS)
            .and_then(|v| v.parse::<u64>().ok())
        else {
            return;
        };
        let code = labels
            .get(EXIT_CODE)
            .and_then(|v| v.parse::<i32>().ok())
            .unwrap_or(0);
        let this = self.clone();
        let id = id.to_string();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            this.exit_if_epoch(&id, epoch, code);
        });
    }

    fn schedule_healthy(&self, id: &str, epoch: u64, after: Duration) {
        let this = self.clone();
        let id = id.to_string();
        tokio::spawn(async move {
            tokio::time::sleep(after).await;
            let labels = {
                let mut st = this.lock();
                match st.containers.get_mut(&id) {
                    Some(c) if c.epoch == epoch && c.status.state == RunState::Running => {
                        c.status.health = Some(HealthStatus::Healthy);
                        c.epoch += 1;
                        c.status.labels.clone()
                    }
                    _ => return,
                }
            };
            this.emit(&id, EventKind::Health, &labels);
        });
    }

    fn exit_if_epoch(&self, id: &str, epoch: u64, code: i32) {
        let labels = {
            let mut st = self.lock();
            match st.containers.get_mut(id) {
                Some(c) if c.status.state == RunState::Running && c.epoch >= epoch => {
                    mark_exited(c, code);
                    c.status.labels.clone()
                }
                _ => return,
            }
        };
        self.emit(id, EventKind::Die, &labels);
    }
}

fn resolve(st: &State, id_or_name: &str) -> Result<String, RuntimeError> {
    if st.containers.contains_key(id_or_name) {
        return Ok(id_or_name.to_string());
    }
    st.by_name
        .get(id_or_name.trim_start_matches('/'))
        .cloned()
        .ok_or_else(|| RuntimeError::NotFound(format!("No such container: {id_or_name}")))
}

fn mark_exited(c: &mut FakeContainer, code: i32) {
    c.status.state = RunState::Exited;
    c.status.exit_code = Some(code);
    c.status.finished_at = Some(SystemTime::now());
    c.epoch += 1;
}

#[async_trait]
impl ContainerRuntime for FakeRuntime {
    async fn info(&self) -> Result<RuntimeInfo, RuntimeError> {
        Ok(self.inner.config.info.clone())
    }

    async fn image(&self, image: &str) -> Result<Option<ImageInfo>, RuntimeError> {
        let st = self.lock();
        Ok(st.images.contains(image).then(|| ImageInfo {
            id: format!("sha256:fake-{image}"),
            digest: None,
        }))
    }

    async fn pull(&self, image: &str, _auth: Option<&RegistryAuth>) -> Result<(), RuntimeError> {
        if !self.inner.config.pull_delay.is_zero() {
            tokio::time::sleep(self.inner.config.pull_delay).await;
        }
        let mut st = self.lock();
        st.stats.pulls += 1;
        if let Some(msg) = st.pull_failures.get(image) {
            return Err(RuntimeError::ImagePull(msg.clone()));
        }
        st.images.insert(image.to_string());
        Ok(())
    }

    async fn create(&self, spec: &ContainerSpec) -> Result<String, RuntimeError> {
        let mut st = self.lock();
        if !st.images.contains(&spec.image) {
            return Err(RuntimeError::NotFound(format!(
                "No such image: {}",
                spec.image
            )));
        }
        if st.by_name.contains_key(&spec.name) {
            return Err(RuntimeError::Conflict(format!(
                "The container name \"/{}\" is already in use",
                spec.name
            )));
        }
        let id = format!("fake{:060}", st.next_id);
        st.next_id += 1;
        st.stats.creates += 1;
        let mut bindings = Vec::new();
        for p in &spec.ports {
            let host_port = match p.host_port {
                Some(h) => h,
                None => {
                    let h = st.next_port;
                    st.next_port = st.next_port.checked_add(1).unwrap_or(32768);
                    h
                }
            };
            bindings.push(NetworkBinding {
                bind_ip: Some("0.0.0.0".into()),
                container_port: Some(i32::from(p.container_port)),
                host_port: Some(i32::from(host_port)),
                protocol: Some(p.protocol),
                ..Default::default()
            });
        }
        let status = ContainerStatus {
            id: id.clone(),
            name: spec.name.clone(),
            state: RunState::Created,
            exit_code: None,
            error: None,
            oom_killed: false,
            health: None,
            started_at: None,
            finished_at: None,
            // Published only once running, as with Docker.
            network_bindings: Vec::new(),
            labels: spec.labels.clone(),
            image_id: Some(format!("sha256:fake-{}", spec.image)),
            created_at: Some(std::time::SystemTime::now()),
            // Fake containers have no network of their own.
            networks: Vec::new(),
        };
        st.by_name.insert(spec.name.clone(), id.clone());
        let mut spec = spec.clone();
        // Keep the planned bindings on the spec's side until start.
        spec.ports.iter_mut().zip(&bindings).for_each(|(p, b)| {
            p.host_port = b.host_port.and_then(|h| u16::try_from(h).ok());
        });
        st.containers.insert(
            id.clone(),
            FakeContainer {
                status,
                spec,
                epoch: 0,
            },
        );
        Ok(id)
    }

    async fn start(&self, id: &str) -> Result<(), RuntimeError> {
        if !self.inner.config.start_delay.is_zero() {
            tokio::time::sleep(self.inner.config.start_delay).await;
        }
        let (id, epoch, labels, has_health) = {
            let mut st = self.lock();
            let id = resolve(&st, id)?;
            st.stats.starts += 1;
            let c = st
                .containers
                .get_mut(&id)
                .ok_or_else(|| RuntimeError::NotFound(id.clone()))?;
            if c.status.state == RunState::Running {
                return Ok(());
            }
            c.status.state = RunState::Running;
            c.status.exit_code = None;
            c.status.finished_at = None;
            c.status.started_at = Some(SystemTime::now());
            c.status.network_bindings = c
                .spec
                .ports
                .iter()
                .map(|p| NetworkBinding {
                    bind_ip: Some("0.0.0.0".into()),
                    container_port: Some(i32::from(p.container_port)),
                    host_port: p.host_port.map(i32::from),
                    protocol: Some(p.protocol),
                    ..Default::default()
                })
                .collect();
            let has_health = c.spec.health_check.is_some();
            if has_health {
                c.status.health = Some(HealthStatus::Unknown);
            }
            c.epoch += 1;
            (id, c.epoch, c.status.labels.clone(), has_health)
        };
        self.emit(&id, EventKind::Start, &labels);
        self.schedule_auto_exit(&id, epoch, &labels);
        if has_health {
            if let Some(after) = self.inner.config.healthy_after {
                self.schedule_healthy(&id, epoch, after);
            }
        }
        Ok(())
    }

    async fn stop(&self, id: &str, timeout: Duration) -> Result<(), RuntimeError> {
        let (id, ignores_term) = {
            let mut st = self.lock();
            let id = resolve(&st, id)?;
            st.stats.stops += 1;
            let c = st
                .containers
                .get(&id)
                .ok_or_else(|| RuntimeError::NotFound(id.clone()))?;
            if c.status.state != RunState::Running {
                return Ok(());
            }
            let ignores = c.status.labels.get(IGNORE_SIGTERM).map(String::as_str) == Some("true");
            (id, ignores)
        };
        let code = if ignores_term {
            tokio::time::sleep(timeout).await;
            SIGKILL_EXIT
        } else {
            SIGTERM_EXIT
        };
        let labels = {
            let mut st = self.lock();
            match st.containers.get_mut(&id) {
                Some(c) if c.status.state == RunState::Running => {
                    mark_exited(c, code);
                    Some(c.status.labels.clone())
                }
                _ => None,
            }
        };
        if let Some(labels) = labels {
            self.emit(&id, EventKind::Die, &labels);
        }
        Ok(())
    }

    async fn remove(&self, id: &str) -> Result<(), RuntimeError> {
        let (id, labels) = {
            let mut st = self.lock();
            let id = resolve(&st, id)?;
            st.stats.removes += 1;
            let c = st
                .containers
                .remove(&id)
                .ok_or_else(|| RuntimeError::NotFound(id.clone()))?;
            st.by_name.remove(&c.status.name);
            (id, c.status.labels)
        };
        self.emit(&id, EventKind::Destroy, &labels);
        Ok(())
    }

    async fn inspect(&self, id: &str) -> Result<ContainerStatus, RuntimeError> {
        let st = self.lock();
        let id = resolve(&st, id)?;
        st.containers
            .get(&id)
            .map(|c| c.status.clone())
            .ok_or_else(|| RuntimeError::NotFound(id.clone()))
    }

    async fn list(&self, label: &str, value: &str) -> Result<Vec<ContainerSummary>, RuntimeError> {
        let st = self.lock();
        Ok(st
            .containers
            .values()
            .filter(|c| c.status.labels.get(label).map(String::as_str) == Some(value))
            .map(|c| ContainerSummary {
                id: c.status.id.clone(),
                name: c.status.name.clone(),
                state: c.status.state,
                labels: c.status.labels.clone(),
            })
            .collect())
    }

    async fn volume(&self, name: &str) -> Result<Option<VolumeInfo>, RuntimeError> {
        Ok(self.lock().volumes.get(name).cloned())
    }

    async fn create_volume(&self, spec: &VolumeSpec) -> Result<VolumeInfo, RuntimeError> {
        let mut st = self.lock();
        let driver = spec.driver.clone().unwrap_or_else(|| "local".into());
        if let Some(existing) = st.volumes.get(&spec.name) {
            if existing.driver != driver {
                return Err(RuntimeError::Conflict(format!(
                    "volume {} already exists with driver {}",
                    spec.name, existing.driver
                )));
            }
            return Ok(existing.clone());
        }
        let info = VolumeInfo {
            name: spec.name.clone(),
            driver,
            options: spec.driver_opts.clone(),
            labels: spec.labels.clone(),
        };
        st.stats.volume_creates += 1;
        st.volumes.insert(spec.name.clone(), info.clone());
        Ok(info)
    }

    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError> {
        let mut st = self.lock();
        if !st.volumes.contains_key(name) {
            return Err(RuntimeError::NotFound(format!("no such volume: {name}")));
        }
        let prefix = format!("{name}:");
        if st
            .containers
            .values()
            .any(|c| c.spec.binds.iter().any(|b| b.starts_with(&prefix)))
        {
            return Err(RuntimeError::Conflict(format!("volume is in use: {name}")));
        }
        st.stats.volume_removes += 1;
        st.volumes.remove(name);
        Ok(())
    }

    async fn list_volumes(
        &self,
        label: &str,
        value: &str,
    ) -> Result<Vec<VolumeInfo>, RuntimeError> {
        Ok(self
            .lock()
            .volumes
            .values()
            .filter(|v| v.labels.get(label).map(String::as_str) == Some(value))
            .cloned()
            .collect())
    }

    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<String, RuntimeError> {
        self.lock().task_cgroups.insert(task_id.to_string(), limits);
        Ok(cgroup_parent(task_id))
    }

    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError> {
        let mut st = self.lock();
        let parent = cgroup_parent(task_id);
        if st.containers.values().any(|c| {
            c.status.state == RunState::Running
                && c.spec.cgroup_parent.as_deref() == Some(parent.as_str())
        }) {
            return Err(RuntimeError::Conflict(format!("cgroup {parent} is in use")));
        }
        st.task_cgroups.remove(task_id);
        Ok(())
    }

    async fn pause_image(&self) -> Result<String, RuntimeError> {
        self.lock().images.insert(FAKE_PAUSE_IMAGE.to_string());
        Ok(FAKE_PAUSE_IMAGE.to_string())
    }

    /// The fake has no networks or firewall: an awsvpc task's network is only named.
    async fn ensure_task_network(
        &self,
        network: &berth_api::protocol::TaskNetwork,
        _instance_arn: &str,
    ) -> Result<String, RuntimeError> {
        Ok(crate::awsvpc::network_name(network))
    }

    async fn apply_ingress(
        &self,
        _network: &berth_api::protocol::TaskNetwork,
    ) -> Result<(), RuntimeError> {
        Ok(())
    }

    async fn remove_ingress(
        &self,
        _network: &berth_api::protocol::TaskNetwork,
    ) -> Result<(), RuntimeError> {
        Ok(())
    }

    fn events(&self, label: &str, value: &str) -> BoxStream<'static, RuntimeEvent> {
        let rx = self.inner.events.subscribe();
        let label = label.to_string();
        let value = value.to_string();
        futures::stream::unfold(rx, |mut rx| async move {
            match rx.recv().await {
                Ok(ev) => Some((ev, rx)),
                Err(broadcast::error::RecvError::Lagged(_)) => Some((RuntimeEvent::Lagged, rx)),
                Err(broadcast::error::RecvError::Closed) => None,
            }
        })
        .filter(move |ev| {
            let keep = match ev {
                RuntimeEvent::Container { labels, .. } => {
                    labels.get(&label).map(String::as_str) == Some(value.as_str())
                }
                RuntimeEvent::Lagged => true,
            };
            futures::future::ready(keep)
        })
        .boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str, labels: &[(&str, &str)]) -> ContainerSpec {
        ContainerSpec {
            name: name.into(),
            image: "img".into(),
            labels: labels
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn create_twice_conflicts() {
        let f = FakeRuntime::default();
        f.pull("img", None).await.expect("pull");
        f.create(&spec("a", &[])).await.expect("create");
        assert!(matches!(
            f.create(&spec("a", &[])).await,
            Err(RuntimeError::Conflict(_))
        ));
    }

    #[tokio::test]
    async fn step_and_auto_exit() {
        let f = FakeRuntime::default();
        f.add_image("img");
        let mut events = f.events("k", "v");
        let a = f.create(&spec("a", &[("k", "v")])).await.expect("create");
        f.start(&a).await.expect("start");
        f.exit("a", 3).expect("exit");
        let st = f.inspect(&a).await.expect("inspect");
        assert_eq!((st.state, st.exit_code), (RunState::Exited, Some(3)));

        let b = f
            .create(&spec(
                "b",
                &[("k", "v"), (EXIT_AFTER_MS, "10"), (EXIT_CODE, "4")],
            ))
            .await
            .expect("create");
        f.start(&b).await.expect("start");
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            let st = f.inspect(&b).await.expect("inspect");
            if st.state == RunState::Exited {
                assert_eq!(st.exit_code, Some(4));
                break;
            }
            assert!(tokio::time::Instant::now() < deadline, "b never exited");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        // start(a), die(a), start(b), die(b)
        let mut kinds = Vec::new();
        for _ in 0..4 {
            if let Some(RuntimeEvent::Container { kind, .. }) = events.next().await {
                kinds.push(kind);
            }
        }
        assert_eq!(
            kinds,
            vec![
                EventKind::Start,
                EventKind::Die,
                EventKind::Start,
                EventKind::Die
            ]
        );
    }
}
