//! The server's in-memory indexed view of the store, fed by its watch.
//!
//! Reads are served from here; writes go to the store, and a writer waits until the view
//! has caught up with its write's revision ([`View::wait_for`]) before it answers, so a
//! client always reads its own writes. There is one writer of this view: the watch loop
//! in [`View::follow`], which replays the store's history from the revision the view was
//! loaded at, and reloads everything if the store says that history is gone.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, RwLock, RwLockReadGuard};

use berth_api::protocol::ReportedStatus;
use berth_store::{DynStore, Event, EventKind, Revision, StoreError};
use futures::StreamExt;
use tokio::sync::watch;

use crate::model::{
    keys, AccessKeyRecord, AgentCredentialRecord, ClusterRecord, InstanceRecord, Reservation,
    SecretRecord, ServiceEventsRecord, ServiceRecord, TaskDefinitionRecord, TaskRecord,
    TaskStatusRecord,
};

/// A task's intent and its observed state, joined.
#[derive(Debug, Clone, Default)]
pub struct TaskEntry {
    pub intent: Option<TaskRecord>,
    pub status: Option<TaskStatusRecord>,
    /// The store revision of the intent's last change (0: none), so that an agent is sent
    /// only the tasks that changed since the generation it holds, and so that writes
    /// decided from the view compare it.
    pub intent_revision: Revision,
    /// The store revision of the status record's last change (0: none), compared by
    /// writes decided from the view, as `intent_revision` is.
    pub status_revision: Revision,
}

impl TaskEntry {
    /// ECS's `lastStatus`: PROVISIONING until the agent reports.
    pub fn last_status(&self) -> &'static str {
        match &self.status {
            Some(status) => status.report.last_status.as_str(),
            None => "PROVISIONING",
        }
    }

    /// A STOPPED task holds no resources and is no longer sent to its agent.
    pub fn is_stopped(&self) -> bool {
        matches!(&self.status, Some(s) if s.report.last_status == ReportedStatus::Stopped)
    }
}

/// The store revisions (0: absent) of a cluster's record and of its fences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClusterRevisions {
    pub record: Revision,
    /// `keys::cluster_lifecycle`: moved by DeleteCluster.
    pub lifecycle: Revision,
    /// `keys::cluster_members`: moved by every create of a task or instance in the cluster.
    pub members: Revision,
}

/// Resources held on an instance by its tasks that are not yet STOPPED.
#[derive(Debug, Default, Clone)]
pub(crate) struct Usage {
    pub reserved: Reservation,
    pub running: i32,
    pub pending: i32,
    /// Task groups of the tasks holding resources, with counts.
    pub groups: BTreeMap<String, u32>,
}

/// What one task adds to its instance's [`Usage`].
#[derive(Debug, Clone, PartialEq)]
struct Contribution {
    instance_id: String,
    reservation: Reservation,
    group: String,
    running: bool,
    pending: bool,
}

impl TaskEntry {
    /// A task holds resources on its instance from placement until it is STOPPED.
    fn contribution(&self) -> Option<Contribution> {
        let task = self.intent.as_ref()?;
        if self.is_stopped() {
            return None;
        }
        let status = self.last_status();
        Some(Contribution {
            instance_id: task.container_instance_id.clone(),
            reservation: task.reserved.clone(),
            group: task.group.clone(),
            running: status == "RUNNING",
            pending: matches!(status, "PROVISIONING" | "PENDING" | "ACTIVATING"),
        })
    }
}

impl Usage {
    fn add(&mut self, c: &Contribution) {
        self.reserved.cpu += c.reservation.cpu;
        self.reserved.memory_mib += c.reservation.memory_mib;
        self.reserved.tcp_ports.extend(&c.reservation.tcp_ports);
        self.reserved.udp_ports.extend(&c.reservation.udp_ports);
        self.reserved
            .gpus
            .extend(c.reservation.gpus.iter().cloned());
        *self.groups.entry(c.group.clone()).or_insert(0) += 1;
        self.running += i32::from(c.running);
        self.pending += i32::from(c.pending);
    }

    fn remove(&mut self, c: &Contribution) {
        self.reserved.cpu -= c.reservation.cpu;
        self.reserved.memory_mib -= c.reservation.memory_mib;
        for port in &c.reservation.tcp_ports {
            if let Some(at) = self.reserved.tcp_ports.iter().position(|p| p == port) {
                self.reserved.tcp_ports.swap_remove(at);
            }
        }
        for port in &c.reservation.udp_ports {
            if let Some(at) = self.reserved.udp_ports.iter().position(|p| p == port) {
                self.reserved.udp_ports.swap_remove(at);
            }
        }
        for gpu in &c.reservation.gpus {
            if let Some(at) = self.reserved.gpus.iter().position(|g| g == gpu) {
                self.reserved.gpus.swap_remove(at);
            }
        }
        if let Some(count) = self.groups.get_mut(&c.group) {
            *count -= 1;
            if *count == 0 {
                self.groups.remove(&c.group);
            }
        }
        self.running -= i32::from(c.running);
        self.pending -= i32::from(c.pending);
    }
}

/// Which keys changed, in order, keeping only each key's latest change: a reader that
/// remembers the last stamp it saw learns what changed since in O(changes), not O(keys).
#[derive(Debug, Default)]
pub(crate) struct ChangeLog {
    stamps: HashMap<String, u64>,
    log: BTreeMap<u64, String>,
    clock: u64,
}

impl ChangeLog {
    pub(crate) fn touch(&mut self, key: &str) {
        self.clock += 1;
        if let Some(old) = self.stamps.insert(key.to_owned(), self.clock) {
            self.log.remove(&old);
        }
        self.log.insert(self.clock, key.to_owned());
    }

    /// The stamp of the latest change.
    pub(crate) fn now(&self) -> u64 {
        self.clock
    }

    /// The keys changed after stamp `after`, each once.
    pub(crate) fn since(&self, after: u64) -> impl Iterator<Item = &str> {
        self.log
            .range(after.saturating_add(1)..)
            .map(|(_, key)| key.as_str())
    }
}

/// Everything the server knows, indexed for the reads it serves.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub revision: Revision,
    pub clusters: BTreeMap<String, ClusterRecord>,
    /// Cluster name → the revisions of its record and its fences, for writes that compare
    /// them (see `keys::CLUSTER_LIFECYCLE`).
    pub cluster_revisions: HashMap<String, ClusterRevisions>,
    /// (family, revision) → definition.
    pub task_definitions: BTreeMap<(String, i32), TaskDefinitionRecord>,
    /// Task ID → task.
    pub tasks: HashMap<String, TaskEntry>,
    /// Cluster → task IDs, sorted so that listings page stably.
    pub tasks_by_cluster: BTreeMap<String, BTreeSet<String>>,
    /// Instance ID → task IDs.
    pub tasks_by_instance: HashMap<String, BTreeSet<String>>,
    /// (cluster, instance ID) → instance.
    pub instances: BTreeMap<(String, String), InstanceRecord>,
    /// Instance ID → cluster, to find an instance by ID alone.
    pub instance_cluster: HashMap<String, String>,
    /// Instance ID → the revision at which its desired task set last changed.
    pub instance_generation: HashMap<String, Revision>,
    /// Instances whose generation changed since the watch loop last woke their polls.
    changed_instances: Vec<String>,
    /// Instance ID → what its non-STOPPED tasks hold, kept as tasks change so that
    /// placement reads it in O(1) instead of walking every task.
    usage_by_instance: HashMap<String, Usage>,
    /// Instances whose record or usage changed, so that placement refreshes only those.
    pub(crate) instance_changes: ChangeLog,
    /// Differs between every view loaded from the store, so that a cache built on an
    /// earlier load knows to start over.
    pub(crate) epoch: u64,
    /// (cluster, service name) → the service and the revision it was last written at, for
    /// compare-and-swap writes made from the view.
    pub services: BTreeMap<(String, String), (ServiceRecord, Revision)>,
    /// (cluster, service name) → its events.
    pub service_events: HashMap<(String, String), ServiceEventsRecord>,
    /// (cluster, service name) → the IDs of its tasks, STOPPED ones included until forgotten.
    pub tasks_by_service: HashMap<(String, String), BTreeSet<String>>,
    pub access_keys: HashMap<String, AccessKeyRecord>,
    /// IAM roles and users, with their policies parsed.
    pub iam: crate::iam_entities::IamEntities,
    /// Hash of an agent credential → what it may act for.
    pub agent_credentials: HashMap<String, AgentCredentialRecord>,
    /// The names of the SSM parameters, for SSM's count limits. Their records (values
    /// included) are read from the store, never kept here.
    pub ssm_parameters: BTreeSet<String>,
    /// Secrets Manager secret name → when its recovery window ends, once it is scheduled
    /// for deletion: for the count limit and the deletion reconciler.
    pub secrets: BTreeMap<String, Option<f64>>,
    /// Load balancers, listeners, rules, target groups, targets and their health.
    pub elbv2: crate::app::elbv2::Elbv2Index,
    /// Subnets, security groups, hosts' slices and task addresses (awsvpc).
    pub network: crate::network::NetworkView,
}

impl Snapshot {
    fn apply(&mut self, event: &Event) {
        let key = event.kv.key.as_str();
        let put = event.kind == EventKind::Put;
        let value = &event.kv.value;
        if self.network.apply(key, put.then_some(value.as_slice())) {
            return;
        }
        let revision = if put { event.kv.mod_revision } else { 0 };
        if let Some(name) = key.strip_prefix(keys::CLUSTERS) {
            if put {
                if let Some(record) = decode::<ClusterRecord>(key, value) {
                    self.clusters.insert(name.to_owned(), record);
                }
            } else {
                self.clusters.remove(name);
            }
            self.cluster_revisions
                .entry(name.to_owned())
                .or_default()
                .record = revision;
        } else if let Some(name) = key.strip_prefix(keys::CLUSTER_LIFECYCLE) {
            self.cluster_revisions
                .entry(name.to_owned())
                .or_default()
                .lifecycle = revision;
        } else if let Some(name) = key.strip_prefix(keys::CLUSTER_MEMBERS) {
            self.cluster_revisions
                .entry(name.to_owned())
                .or_default()
                .members = revision;
        } else if let Some(rest) = key.strip_prefix(keys::TASK_DEFINITIONS) {
            let Some((family, revision)) = rest.rsplit_once('/') else {
                return;
            };
            let Ok(revision) = revision.parse::<i32>() else {
                return;
            };
            if put {
                if let Some(record) = decode::<TaskDefinitionRecord>(key, value) {
                    self.task_definitions
                        .insert((family.to_owned(), revision), record);
                }
            } else {
                self.task_definitions.remove(&(family.to_owned(), revision));
            }
        } else if let Some(rest) = key.strip_prefix(keys::TASKS) {
            let Some((_, id)) = rest.split_once('/') else {
                return;
            };
            let intent = if put {
                decode::<TaskRecord>(key, value)
            } else {
                None
            };
            self.set_task_intent(id, intent, event.kv.mod_revision);
        } else if let Some(rest) = key.strip_prefix(keys::TASK_STATUS) {
            let Some((_, id)) = rest.split_once('/') else {
                return;
            };
            let status = if put {
                decode::<TaskStatusRecord>(key, value)
            } else {
                None
            };
            self.set_task_status(id, status, event.kv.mod_revision);
        } else if let Some(rest) = key.strip_prefix(keys::INSTANCES) {
            let Some((cluster, id)) = rest.split_once('/') else {
                return;
            };
            if put {
                if let Some(record) = decode::<InstanceRecord>(key, value) {
                    self.instance_cluster
                        .insert(id.to_owned(), cluster.to_owned());
                    self.instance_generation
                        .entry(id.to_owned())
                        .or_insert(event.kv.mod_revision);
                    self.instances
                        .insert((cluster.to_owned(), id.to_owned()), record);
                    self.touch_instance(id);
                }
            } else {
                self.instances.remove(&(cluster.to_owned(), id.to_owned()));
                self.instance_cluster.remove(id);
                self.touch_instance(id);
            }
        } else if let Some(rest) = key.strip_prefix(keys::SERVICES) {
            let Some((cluster, name)) = rest.split_once('/') else {
                return;
            };
            let at = (cluster.to_owned(), name.to_owned());
            if put {
                if let Some(record) = decode::<ServiceRecord>(key, value) {
                    self.services.insert(at, (record, event.kv.mod_revision));
                }
            } else {
                self.services.remove(&at);
            }
        } else if let Some(rest) = key.strip_prefix(keys::SERVICE_EVENTS) {
            let Some((cluster, name)) = rest.split_once('/') else {
                return;
            };
            let at = (cluster.to_owned(), name.to_owned());
            if put {
                if let Some(record) = decode::<ServiceEventsRecord>(key, value) {
                    self.service_events.insert(at, record);
                }
            } else {
                self.service_events.remove(&at);
            }
        } else if let Some(id) = key.strip_prefix(keys::ACCESS_KEYS) {
            if put {
                if let Some(record) = decode::<AccessKeyRecord>(key, value) {
                    self.access_keys.insert(id.to_owned(), record);
                }
            } else {
                self.access_keys.remove(id);
            }
        } else if let Some(name) = key.strip_prefix(keys::IAM_ROLES) {
            let record = if put { decode(key, value) } else { None };
            self.iam.set_role(name, record, event.kv.mod_revision);
        } else if let Some(name) = key.strip_prefix(keys::IAM_USERS) {
            let record = if put { decode(key, value) } else { None };
            self.iam.set_user(name, record, event.kv.mod_revision);
        } else if key.starts_with(keys::ELBV2) {
            self.elbv2.apply(event);
        } else if let Some(hash) = key.strip_prefix(keys::AGENT_CREDENTIALS) {
            if put {
                if let Some(record) = decode::<AgentCredentialRecord>(key, value) {
                    self.agent_credentials.insert(hash.to_owned(), record);
                }
            } else {
                self.agent_credentials.remove(hash);
            }
        } else if let Some(name) = key.strip_prefix(keys::SSM_PARAMETERS) {
            if put {
                self.ssm_parameters.insert(name.to_owned());
            } else {
                self.ssm_parameters.remove(name);
            }
        } else if let Some(name) = key.strip_prefix(keys::SECRETS) {
            if put {
                if let Some(record) = decode::<SecretRecord>(key, value) {
                    self.secrets.insert(name.to_owned(), record.deletion_date);
                }
            } else {
                self.secrets.remove(name);
            }
        }
    }

    /// Moves a task's contribution to its instance's usage from `before` to its current one.
    fn account(&mut self, id: &str, before: Option<Contribution>) {
        let after = self.tasks.get(id).and_then(TaskEntry::contribution);
        if before == after {
            return;
        }
        if let Some(before) = &before {
            self.touch_instance(&before.instance_id);
        }
        if let Some(after) = &after {
            self.touch_instance(&after.instance_id);
        }
        if let Some(before) = before {
            let usage = self
                .usage_by_instance
                .entry(before.instance_id.clone())
                .or_default();
            usage.remove(&before);
        }
        if let Some(after) = after {
            self.usage_by_instance
                .entry(after.instance_id.clone())
                .or_default()
                .add(&after);
        }
    }

    fn touch_instance(&mut self, id: &str) {
        self.instance_changes.touch(id);
    }

    /// What an instance's non-STOPPED tasks hold.
    pub(crate) fn usage(&self, instance_id: &str) -> Usage {
        self.usage_by_instance
            .get(instance_id)
            .cloned()
            .unwrap_or_default()
    }

    fn set_task_intent(&mut self, id: &str, intent: Option<TaskRecord>, revision: Revision) {
        let before = self.tasks.get(id).and_then(TaskEntry::contribution);
        self.set_task_intent_inner(id, intent, revision);
        self.account(id, before);
    }

    fn set_task_status(&mut self, id: &str, status: Option<TaskStatusRecord>, revision: Revision) {
        let before = self.tasks.get(id).and_then(TaskEntry::contribution);
        self.set_task_status_inner(id, status, revision);
        self.account(id, before);
    }

    fn set_task_intent_inner(&mut self, id: &str, intent: Option<TaskRecord>, revision: Revision) {
        let entry = self.tasks.entry(id.to_owned()).or_default();
        if let Some(old) = &entry.intent {
            // The instance's desired set changes whenever a task on it changes intent.
            bump_generation(
                &mut self.instance_generation,
                &mut self.changed_instances,
                old.container_instance_id.clone(),
                revision,
            );
        }
        match intent {
            Some(record) => {
                self.tasks_by_cluster
                    .entry(record.cluster.clone())
                    .or_default()
                    .insert(id.to_owned());
                self.tasks_by_instance
                    .entry(record.container_instance_id.clone())
                    .or_default()
                    .insert(id.to_owned());
                if let Some(service) = &record.service {
                    self.tasks_by_service
                        .entry((record.cluster.clone(), service.clone()))
                        .or_default()
                        .insert(id.to_owned());
                }
                bump_generation(
                    &mut self.instance_generation,
                    &mut self.changed_instances,
                    record.container_instance_id.clone(),
                    revision,
                );
                entry.intent = Some(record);
                entry.intent_revision = revision;
            }
            None => {
                entry.intent_revision = 0;
                if let Some(old) = entry.intent.take() {
                    if let Some(ids) = self.tasks_by_cluster.get_mut(&old.cluster) {
                        ids.remove(id);
                    }
                    if let Some(ids) = self.tasks_by_instance.get_mut(&old.container_instance_id) {
                        ids.remove(id);
                    }
                    if let Some(service) = &old.service {
                        let at = (old.cluster.clone(), service.clone());
                        if let Some(ids) = self.tasks_by_service.get_mut(&at) {
                            ids.remove(id);
                            if ids.is_empty() {
                                self.tasks_by_service.remove(&at);
                            }
                        }
                    }
                }
                if entry.status.is_none() {
                    self.tasks.remove(id);
                }
            }
        }
    }

    fn set_task_status_inner(
        &mut self,
        id: &str,
        status: Option<TaskStatusRecord>,
        revision: Revision,
    ) {
        let entry = self.tasks.entry(id.to_owned()).or_default();
        let was_stopped = entry.is_stopped();
        entry.status_revision = if status.is_some() { revision } else { 0 };
        entry.status = status;
        let stopped = entry.is_stopped();
        if was_stopped != stopped {
            // A task leaves its instance's desired set once it is STOPPED.
            if let Some(intent) = &entry.intent {
                bump_generation(
                    &mut self.instance_generation,
                    &mut self.changed_instances,
                    intent.container_instance_id.clone(),
                    revision,
                );
            }
        }
        if entry.intent.is_none() && entry.status.is_none() {
            self.tasks.remove(id);
        }
    }

    /// The instance with this ID in this cluster.
    pub fn instance(&self, cluster: &str, id: &str) -> Option<&InstanceRecord> {
        self.instances.get(&(cluster.to_owned(), id.to_owned()))
    }

    /// The tasks placed on an instance, in ID order.
    pub fn instance_tasks<'a>(&'a self, instance_id: &str) -> impl Iterator<Item = &'a TaskEntry> {
        self.tasks_by_instance
            .get(instance_id)
            .into_iter()
            .flat_map(|ids| ids.iter())
            .filter_map(|id| self.tasks.get(id))
    }

    /// A service's tasks, STOPPED ones included, in ID order.
    pub fn service_tasks<'a>(
        &'a self,
        cluster: &str,
        service: &str,
    ) -> impl Iterator<Item = &'a TaskEntry> {
        self.tasks_by_service
            .get(&(cluster.to_owned(), service.to_owned()))
            .into_iter()
            .flat_map(|ids| ids.iter())
            .filter_map(|id| self.tasks.get(id))
    }

    /// The service with this name in this cluster.
    pub fn service(&self, cluster: &str, name: &str) -> Option<&ServiceRecord> {
        self.services
            .get(&(cluster.to_owned(), name.to_owned()))
            .map(|(record, _)| record)
    }

    /// The latest revision of a family with the given status filter, if any.
    pub fn latest_task_definition(
        &self,
        family: &str,
        active_only: bool,
    ) -> Option<&TaskDefinitionRecord> {
        self.task_definitions
            .range((family.to_owned(), i32::MIN)..=(family.to_owned(), i32::MAX))
            .rev()
            .map(|(_, record)| record)
            .find(|record| {
                !active_only || record.status() == berth_api::ecs::TaskDefinitionStatus::Active
            })
    }

    /// The highest revision number ever used by a family (0 if none).
    pub fn last_revision(&self, family: &str) -> i32 {
        self.task_definitions
            .range((family.to_owned(), i32::MIN)..=(family.to_owned(), i32::MAX))
            .next_back()
            .map(|((_, revision), _)| *revision)
            .unwrap_or(0)
    }
}

/// Moves an instance's desired-set generation and marks the instance for a wake-up.
fn bump_generation(
    generations: &mut HashMap<String, Revision>,
    changed: &mut Vec<String>,
    instance_id: String,
    revision: Revision,
) {
    changed.push(instance_id.clone());
    generations.insert(instance_id, revision);
}

fn decode<T: serde::de::DeserializeOwned>(key: &str, value: &[u8]) -> Option<T> {
    match serde_json::from_slice(value) {
        Ok(record) => Some(record),
        Err(err) => {
            // A record we cannot read is skipped, not fatal: it is logged so that an
            // operator sees it, and the rest of the view stays usable.
            tracing::error!(key, error = %err, "skipping undecodable record in the store");
            None
        }
    }
}

/// One subscriber's view of the view's changes ([`View::subscribe`]).
#[derive(Debug)]
pub struct ViewChanges {
    revision: watch::Receiver<Revision>,
}

impl ViewChanges {
    /// Resolves once the view changed since this subscriber last saw it: at once if it
    /// changed while the subscriber was busy (nothing is missed), else at the next change.
    /// Several changes in between are seen as one.
    pub async fn changed(&mut self) {
        if self.revision.changed().await.is_err() {
            // The view is gone, so it never changes again.
            std::future::pending::<()>().await;
        }
    }
}

/// The shared view, and the channel that announces each revision it reaches.
pub struct View {
    snapshot: RwLock<Snapshot>,
    revision_tx: watch::Sender<Revision>,
    /// One wake-up per instance, so that a change wakes only the long polls of the
    /// instances it concerns (not every agent's on every revision).
    instance_wakers: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Notify>>>,
    /// Set once the view stops following the store (shutdown), so that no writer waits
    /// for a revision it will never see.
    stopped: std::sync::atomic::AtomicBool,
}

impl std::fmt::Debug for View {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("View")
            .field("revision", &*self.revision_tx.borrow())
            .finish()
    }
}

impl View {
    /// Loads the whole store.
    pub async fn load(store: &DynStore) -> Result<Arc<Self>, StoreError> {
        let snapshot = Self::read_all(store).await?;
        let (revision_tx, _) = watch::channel(snapshot.revision);
        Ok(Arc::new(Self {
            snapshot: RwLock::new(snapshot),
            revision_tx,
            instance_wakers: std::sync::Mutex::new(HashMap::new()),
            stopped: std::sync::atomic::AtomicBool::new(false),
        }))
    }

    async fn read_all(store: &DynStore) -> Result<Snapshot, StoreError> {
        let (kvs, revision) = store.range("/").await?;
        static EPOCHS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let mut snapshot = Snapshot {
            revision,
            epoch: EPOCHS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..Snapshot::default()
        };
        for kv in kvs {
            snapshot.apply(&Event {
                kind: EventKind::Put,
                kv,
            });
        }
        // Generations must never go backwards across a reload, or agents would ignore the
        // next desired set as stale. The store's revision bounds every generation served
        // before, so every instance starts there.
        for generation in snapshot.instance_generation.values_mut() {
            *generation = revision;
        }
        Ok(snapshot)
    }

    /// Read access. Hold the guard briefly: the watch loop waits for it.
    pub fn read(&self) -> RwLockReadGuard<'_, Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The revision the view has reached.
    pub fn revision(&self) -> Revision {
        *self.revision_tx.borrow()
    }

    /// The wake-up for changes to an instance's desired set. Enable a `notified()` future
    /// before checking the generation, so that no change is missed in between.
    pub fn instance_waker(&self, instance_id: &str) -> Arc<tokio::sync::Notify> {
        let mut wakers = self
            .instance_wakers
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        wakers.entry(instance_id.to_owned()).or_default().clone()
    }

    /// A subscription to the view's changes. Every subscriber is woken by every change,
    /// each on its own: any number of reconcilers can wait for changes at once.
    pub fn subscribe(&self) -> ViewChanges {
        ViewChanges {
            revision: self.revision_tx.subscribe(),
        }
    }

    fn wake_instances<'a>(&self, ids: impl Iterator<Item = &'a str>) {
        let wakers = self
            .instance_wakers
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        for id in ids {
            if let Some(waker) = wakers.get(id) {
                waker.notify_waiters();
            }
        }
    }

    /// Waits until the view includes revision `revision`, or until the view stops
    /// following the store at shutdown (the write is durable either way; only reading it
    /// back from the view is no longer possible).
    pub async fn wait_for(&self, revision: Revision) {
        let mut rx = self.revision_tx.subscribe();
        let stopped = &self.stopped;
        // The sender lives as long as the view, so this only ends when the revision is
        // seen or the view stops.
        let _ = rx
            .wait_for(|seen| {
                *seen >= revision || stopped.load(std::sync::atomic::Ordering::Acquire)
            })
            .await;
    }

    /// Marks the view stopped and wakes every writer waiting for it.
    fn stop(&self) {
        self.stopped
            .store(true, std::sync::atomic::Ordering::Release);
        self.revision_tx.send_modify(|_| {});
    }

    /// Follows the store's watch forever, applying every change. On a gap in history the
    /// whole view is reloaded.
    pub async fn follow(
        self: Arc<Self>,
        store: DynStore,
        cancel: tokio_util::sync::CancellationToken,
    ) {
        loop {
            let from = self.revision();
            let mut stream = store.watch("/", from);
            loop {
                let next = tokio::select! {
                    _ = cancel.cancelled() => {
                        self.stop();
                        return;
                    }
                    next = stream.next() => next,
                };
                match next {
                    Some(Ok(batch)) => {
                        let changed = {
                            let mut snapshot =
                                self.snapshot.write().unwrap_or_else(|p| p.into_inner());
                            for event in &batch.events {
                                snapshot.apply(event);
                            }
                            snapshot.revision = snapshot.revision.max(batch.revision);
                            std::mem::take(&mut snapshot.changed_instances)
                        };
                        self.wake_instances(changed.iter().map(String::as_str));
                        self.revision_tx.send_if_modified(|current| {
                            if batch.revision > *current {
                                *current = batch.revision;
                                true
                            } else {
                                false
                            }
                        });
                    }
                    Some(Err(err)) => {
                        tracing::warn!(error = %err, "store watch interrupted; reloading the view");
                        break;
                    }
                    None => {
                        tracing::warn!("store watch ended; reloading the view");
                        break;
                    }
                }
            }
            // Reload, retrying with a short pause so that a failing store is not hammered.
            loop {
                if cancel.is_cancelled() {
                    self.stop();
                    return;
                }
                match Self::read_all(&store).await {
                    Ok(fresh) => {
                        let revision = fresh.revision;
                        *self.snapshot.write().unwrap_or_else(|p| p.into_inner()) = fresh;
                        // Every generation moved: wake every poll.
                        let all: Vec<String> = self
                            .instance_wakers
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .keys()
                            .cloned()
                            .collect();
                        self.wake_instances(all.iter().map(String::as_str));
                        self.revision_tx.send_if_modified(|current| {
                            let changed = revision > *current;
                            *current = (*current).max(revision);
                            changed
                        });
                        break;
                    }
                    Err(err) => {
                        tracing::error!(error = %err, "reloading the view failed; retrying");
                        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use berth_api::protocol::{DesiredStatus, TaskReport};
    use berth_store::KeyValue;

    use super::*;
    use crate::model::{Reservation, TaskRecord};

    fn task(id: &str, instance: &str, memory: i64, port: u16) -> TaskRecord {
        TaskRecord {
            id: id.into(),
            arn: format!("arn:aws:ecs:us-east-1:000000000000:task/c/{id}"),
            cluster: "c".into(),
            task_definition_arn: String::new(),
            family: "f".into(),
            revision: 1,
            container_instance_id: instance.into(),
            container_instance_arn: String::new(),
            launch_type: berth_api::ecs::LaunchType::Ec2,
            network_mode: berth_api::ecs::NetworkMode::Bridge,
            cpu: None,
            memory: None,
            reserved: Reservation {
                cpu: 10,
                memory_mib: memory,
                tcp_ports: vec![port],
                udp_ports: vec![],
                // Each task holds one GPU, named after it.
                gpus: vec![format!("GPU-{id}")],
            },
            containers: Vec::new(),
            volumes: Vec::new(),
            pid_mode: None,
            ipc_mode: None,
            network: None,
            overrides: Default::default(),
            task_role_arn: None,
            execution_role_arn: None,
            started_by: None,
            service: None,
            reference_id: None,
            group: "family:f".into(),
            tags: Vec::new(),
            created_at: 0.0,
            desired_status: DesiredStatus::Running,
            stop_code: None,
            stopped_reason: None,
            stopping_at: None,
            version: 1,
            enable_execute_command: false,
            targets: Vec::new(),
            deactivating: false,
            capacity_provider_name: None,
            platform_version: None,
            isolation: Default::default(),
        }
    }

    fn status(id: &str, last: ReportedStatus) -> TaskStatusRecord {
        TaskStatusRecord {
            report: TaskReport {
                task_arn: format!("arn:aws:ecs:us-east-1:000000000000:task/c/{id}"),
                last_status: last,
                containers: Vec::new(),
                stop_code: None,
                stopped_reason: None,
                pull_started_at: None,
                pull_stopped_at: None,
                started_at: None,
                stopping_at: None,
                execution_stopped_at: None,
                health_status: None,
            },
            stopped_at: None,
            updated_at: 0.0,
        }
    }

    fn put(snapshot: &mut Snapshot, key: String, value: Vec<u8>, revision: Revision) {
        let kv = KeyValue {
            key,
            value,
            create_revision: revision,
            mod_revision: revision,
        };
        snapshot.apply(&Event {
            kind: EventKind::Put,
            kv,
        });
    }

    fn delete(snapshot: &mut Snapshot, key: String, revision: Revision) {
        let kv = KeyValue {
            key,
            value: Vec::new(),
            create_revision: 0,
            mod_revision: revision,
        };
        snapshot.apply(&Event {
            kind: EventKind::Delete,
            kv,
        });
    }

    /// Memory, TCP ports, running and pending tasks, and GPUs held on an instance.
    type Held = (i64, Vec<u16>, i32, i32, Vec<String>);

    /// The usage kept incrementally must equal a walk over the instance's tasks.
    fn recomputed(snapshot: &Snapshot, instance: &str) -> Held {
        let mut memory = 0;
        let mut ports = Vec::new();
        let mut gpus = Vec::new();
        let (mut running, mut pending) = (0, 0);
        for entry in snapshot
            .instance_tasks(instance)
            .filter(|e| !e.is_stopped())
        {
            let Some(task) = &entry.intent else { continue };
            memory += task.reserved.memory_mib;
            ports.extend(&task.reserved.tcp_ports);
            gpus.extend(task.reserved.gpus.iter().cloned());
            match entry.last_status() {
                "RUNNING" => running += 1,
                "PROVISIONING" | "PENDING" => pending += 1,
                _ => {}
            }
        }
        ports.sort_unstable();
        gpus.sort_unstable();
        (memory, ports, running, pending, gpus)
    }

    fn kept(snapshot: &Snapshot, instance: &str) -> Held {
        let usage = snapshot.usage(instance);
        let mut ports = usage.reserved.tcp_ports.clone();
        ports.sort_unstable();
        let mut gpus = usage.reserved.gpus.clone();
        gpus.sort_unstable();
        (
            usage.reserved.memory_mib,
            ports,
            usage.running,
            usage.pending,
            gpus,
        )
    }

    fn gpus(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| format!("GPU-{id}")).collect()
    }

    #[tokio::test]
    async fn every_subscriber_sees_every_change() {
        use berth_store::StoreExt;
        let store: DynStore = Arc::new(berth_store::MemoryStore::new());
        let view = View::load(&store).await.expect("view");
        let cancel = tokio_util::sync::CancellationToken::new();
        tokio::spawn(view.clone().follow(store.clone(), cancel.clone()));
        let mut first = view.subscribe();
        let mut second = view.subscribe();
        let ceiling = std::time::Duration::from_secs(20);
        for value in 0..3u8 {
            // Both wait at once, and one change wakes both.
            let waiting = async {
                tokio::join!(first.changed(), second.changed());
            };
            let write = async {
                store.put("/unrelated", vec![value]).await.expect("a write");
            };
            let (done, _) = tokio::join!(tokio::time::timeout(ceiling, waiting), write);
            assert!(done.is_ok(), "a subscriber missed change {value}");
        }
        // A change made while nobody waits is kept for each subscriber.
        let revision = store.put("/unrelated", b"x".to_vec()).await.expect("write");
        view.wait_for(revision).await;
        let both = async { tokio::join!(first.changed(), second.changed()) };
        assert!(tokio::time::timeout(ceiling, both).await.is_ok());
        cancel.cancel();
    }

    #[test]
    fn usage_follows_tasks_through_their_lives() {
        let mut snapshot = Snapshot::default();
        let mut revision = 0;
        let mut step = |snapshot: &mut Snapshot, f: &dyn Fn(&mut Snapshot, Revision)| {
            revision += 1;
            f(snapshot, revision);
            for instance in ["i1", "i2"] {
                assert_eq!(
                    kept(snapshot, instance),
                    recomputed(snapshot, instance),
                    "after step {revision}"
                );
            }
        };
        step(&mut snapshot, &|s, r| {
            put(
                s,
                keys::task("c", "a"),
                serde_json::to_vec(&task("a", "i1", 100, 80)).unwrap(),
                r,
            )
        });
        step(&mut snapshot, &|s, r| {
            put(
                s,
                keys::task("c", "b"),
                serde_json::to_vec(&task("b", "i1", 50, 81)).unwrap(),
                r,
            )
        });
        step(&mut snapshot, &|s, r| {
            put(
                s,
                keys::task("c", "c"),
                serde_json::to_vec(&task("c", "i2", 70, 80)).unwrap(),
                r,
            )
        });
        assert_eq!(
            kept(&snapshot, "i1"),
            (150, vec![80, 81], 0, 2, gpus(&["a", "b"]))
        );
        step(&mut snapshot, &|s, r| {
            put(
                s,
                keys::task_status("c", "a"),
                serde_json::to_vec(&status("a", ReportedStatus::Running)).unwrap(),
                r,
            )
        });
        assert_eq!(
            kept(&snapshot, "i1"),
            (150, vec![80, 81], 1, 1, gpus(&["a", "b"]))
        );
        step(&mut snapshot, &|s, r| {
            put(
                s,
                keys::task_status("c", "a"),
                serde_json::to_vec(&status("a", ReportedStatus::Stopped)).unwrap(),
                r,
            )
        });
        assert_eq!(kept(&snapshot, "i1"), (50, vec![81], 0, 1, gpus(&["b"])));
        // A stopped task changing intent (desiredStatus) holds nothing again.
        step(&mut snapshot, &|s, r| {
            put(
                s,
                keys::task("c", "a"),
                serde_json::to_vec(&task("a", "i1", 100, 80)).unwrap(),
                r,
            )
        });
        assert_eq!(kept(&snapshot, "i1"), (50, vec![81], 0, 1, gpus(&["b"])));
        step(&mut snapshot, &|s, r| delete(s, keys::task("c", "b"), r));
        assert_eq!(kept(&snapshot, "i1"), (0, vec![], 0, 0, vec![]));
        step(&mut snapshot, &|s, r| {
            delete(s, keys::task_status("c", "a"), r)
        });
        step(&mut snapshot, &|s, r| delete(s, keys::task("c", "a"), r));
        assert_eq!(kept(&snapshot, "i2"), (70, vec![80], 0, 1, gpus(&["c"])));
    }
}
