//! The app layer: one `impl App` block per resource, over one shared struct.
//!
//! Handlers in `http` only unpack a request and call a method here. Methods validate,
//! write intent to the store (compare-and-swap on revisions), wait until the in-memory
//! view has the write, and answer from the view.

mod agents;
mod attributes;
mod authorize;
mod clusters;
pub(crate) mod ec2;
pub mod elbv2;
mod exec;
mod fargate;
pub(crate) mod iam;
mod iam_roles;
mod iam_users;
mod instances;
mod liveness;
mod log_options;
mod log_shipping;
pub mod logs;
pub(crate) mod network;
mod pagination;
mod placement;
pub mod secret_refs;
mod secretsmanager;
mod service_plan;
mod service_scheduler;
mod service_targets;
mod services;
mod ssm;
mod sts;
mod tags;
mod task_credentials;
mod task_definition_rules;
mod task_definitions;
mod task_secrets;
mod tasks;
#[cfg(test)]
mod write_races;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use berth_api::arn::ArnScope;
use berth_store::{Compare, DynStore, Op, Revision, Txn};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::state::View;

pub(crate) use agents::new_secret as agents_secret;
pub use agents::AgentIdentity;
pub(crate) use agents::{hash_secret, new_secret};
pub use secretsmanager::Empty;
pub use task_credentials::{ECS_TASKS_PRINCIPAL, TASK_CREDENTIALS_SECONDS};
pub use task_definition_rules::{parse_cpu, parse_memory};
pub use task_secrets::{TaskSecretsError, RESOURCE_INITIALIZATION};

/// Settings the app layer needs.
#[derive(Debug, Clone)]
pub struct AppConfig {
    pub scope: ArnScope,
    /// An instance whose agent has not been heard from for this long is disconnected.
    pub agent_ttl: Duration,
    /// How long after `agent_ttl` a silent agent's host is declared lost and its tasks
    /// are stopped.
    pub host_lost_grace: Duration,
    /// How long STOPPED tasks stay describable.
    pub stopped_task_retention: Duration,
    /// The longest an agent's desired-state poll is held open.
    pub max_poll_wait: Duration,
    /// Where the ELBv2 API's load balancers listen, and its certificate directory.
    pub elbv2: elbv2::Elbv2Settings,
    /// How long an interrupted FARGATE_SPOT task's containers have between SIGTERM and
    /// SIGKILL (Fargate's two minutes by default).
    pub spot_interruption_notice: Duration,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            scope: ArnScope::default(),
            agent_ttl: Duration::from_secs(8),
            host_lost_grace: Duration::from_secs(1),
            stopped_task_retention: Duration::from_secs(3600),
            max_poll_wait: Duration::from_secs(20),
            elbv2: elbv2::Elbv2Settings::default(),
            spot_interruption_notice: Duration::from_secs(120),
        }
    }
}

/// The control plane's state and the operations on it.
pub struct App {
    pub store: DynStore,
    pub view: Arc<View>,
    pub config: AppConfig,
    /// Serialises placement so that two RunTask calls never both take the last slot, and
    /// holds the long-lived scheduler state of each cluster.
    placement: tokio::sync::Mutex<placement::PlacementCache>,
    /// Tasks placed whose write is still in flight. Placement counts them as if they were
    /// in the view, so the placement lock need not be held across the durable commit and
    /// concurrent RunTask writes share one group commit.
    pending: Mutex<Pending>,
    next_ticket: std::sync::atomic::AtomicU64,
    /// When each instance's agent was last heard from. Liveness is not persisted: after a
    /// server restart every agent gets a fresh TTL to reconnect.
    last_seen: Mutex<HashMap<String, Instant>>,
    started: Instant,
    /// Cancelled when the server shuts down, so that long polls end at once.
    pub(crate) shutdown: tokio_util::sync::CancellationToken,
    /// The server's key, kept apart from the store: seals secret values and session tokens.
    pub keyring: Arc<crate::crypto::Keyring>,
    /// Whether the API is served over TLS (`aws:SecureTransport`).
    tls: std::sync::atomic::AtomicBool,
    /// The CloudWatch Logs storage engine, set once the server opened it.
    logs: std::sync::OnceLock<berth_logs::LogStore>,
    /// ECS Exec sessions issued by this server.
    pub exec: Arc<crate::exec::ExecRegistry>,
    /// The server's own `ws(s)://address`, for stream URLs (see [`App::exec_origin`]).
    exec_origin: Mutex<Option<String>>,
    /// The load balancer data planes' configuration and their latest health reports.
    pub data_plane: crate::data_plane::DataPlaneHub,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl App {
    pub fn new(
        store: DynStore,
        view: Arc<View>,
        config: AppConfig,
        keyring: Arc<crate::crypto::Keyring>,
        shutdown: tokio_util::sync::CancellationToken,
    ) -> Self {
        Self {
            store,
            view,
            config,
            placement: tokio::sync::Mutex::new(placement::PlacementCache::default()),
            pending: Mutex::new(Pending::default()),
            next_ticket: std::sync::atomic::AtomicU64::new(0),
            last_seen: Mutex::new(HashMap::new()),
            started: Instant::now(),
            shutdown,
            keyring,
            tls: std::sync::atomic::AtomicBool::new(false),
            logs: std::sync::OnceLock::new(),
            exec: Arc::default(),
            exec_origin: Mutex::new(None),
            data_plane: crate::data_plane::DataPlaneHub::default(),
        }
    }

    /// Records that the API is served over TLS.
    pub(crate) fn set_serves_tls(&self, tls: bool) {
        self.tls.store(tls, std::sync::atomic::Ordering::Relaxed);
    }

    /// Whether the API is served over TLS.
    pub fn serves_tls(&self) -> bool {
        self.tls.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Counts these new tasks against their instances until the guard is dropped. Drop it
    /// only once the tasks are in the view (or their write failed).
    pub(crate) fn hold_placements(&self, tasks: &[crate::model::TaskRecord]) -> PendingGuard<'_> {
        let ticket = self
            .next_ticket
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        for task in tasks {
            pending.touch(&task.container_instance_id);
            pending
                .by_instance
                .entry(task.container_instance_id.clone())
                .or_default()
                .push(PendingPlacement {
                    ticket,
                    task_id: task.id.clone(),
                    reservation: task.reserved.clone(),
                    group: task.group.clone(),
                    network: task.network.clone(),
                });
        }
        PendingGuard { app: self, ticket }
    }

    /// Calls `f` with each in-flight placement on an instance.
    pub(crate) fn for_each_pending(&self, instance_id: &str, mut f: impl FnMut(&PendingPlacement)) {
        let pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        pending
            .by_instance
            .get(instance_id)
            .into_iter()
            .flatten()
            .for_each(&mut f);
    }

    /// The networks of the in-flight placements, with their instances: the allocator
    /// counts their slices and addresses as taken.
    pub(crate) fn pending_networks(&self) -> Vec<(String, berth_api::protocol::TaskNetwork)> {
        let pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        pending
            .by_instance
            .iter()
            .flat_map(|(instance, placements)| {
                placements
                    .iter()
                    .filter_map(move |p| Some((instance.clone(), p.network.clone()?)))
            })
            .collect()
    }

    /// The in-flight placements, locked: hold the guard briefly.
    pub(crate) fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs a transaction whose compares must hold, then waits for the view to have it.
    /// A failed compare is a lost race: the caller re-reads and retries, or gives up.
    pub(crate) async fn commit(&self, txn: Txn) -> Result<Revision> {
        let result = self.store.txn(txn).await?;
        if !result.succeeded {
            return Err(Error::Conflict);
        }
        self.view.wait_for(result.revision).await;
        Ok(result.revision)
    }

    /// Brings the view up to what the store holds now: how a writer that lost a race
    /// re-reads before it decides again (the view then has the write that won).
    pub(crate) async fn catch_up(&self) -> Result<()> {
        let revision = self.store.current_revision().await?;
        self.view.wait_for(revision).await;
        Ok(())
    }

    /// The stored answer to an earlier call with this clientToken (RunTask, CreateService),
    /// if there is one. A token reused with other parameters is refused.
    pub(crate) async fn idempotent_answer<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        hash: &str,
    ) -> Result<Option<T>> {
        let Some(kv) = self.store.get(key).await? else {
            return Ok(None);
        };
        let record: crate::model::IdempotencyRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        if record.request_hash != hash {
            return Err(Error::invalid(
                "The clientToken was already used with different parameters. Use a new token.",
            ));
        }
        serde_json::from_value(record.response)
            .map(Some)
            .map_err(|e| Error::Internal(e.into()))
    }

    /// Resolves a cluster named by short name or ARN (the `default` cluster when absent)
    /// to an ACTIVE cluster's name.
    pub(crate) fn active_cluster(&self, cluster: Option<&str>) -> Result<String> {
        let name = self.cluster_name(cluster)?;
        let view = self.view.read();
        match view.clusters.get(&name) {
            Some(record) if record.status == "ACTIVE" => Ok(name),
            Some(_) => Err(Error::ClusterInactive),
            None => Err(Error::ClusterNotFound),
        }
    }

    pub(crate) fn cluster_name(&self, cluster: Option<&str>) -> Result<String> {
        match cluster {
            None => Ok("default".to_owned()),
            Some("") => Err(Error::invalid("Cluster name or ARN must not be empty.")),
            Some(value) => Ok(self.config.scope.cluster_name(value)?),
        }
    }

    /// Records that an agent was heard from now.
    pub(crate) fn touch_agent(&self, instance_id: &str) {
        let mut seen = self.last_seen.lock().unwrap_or_else(|p| p.into_inner());
        seen.insert(instance_id.to_owned(), Instant::now());
    }

    /// Whether the instance's agent has been heard from within the TTL.
    pub fn agent_connected(&self, instance_id: &str) -> bool {
        let seen = self.last_seen.lock().unwrap_or_else(|p| p.into_inner());
        match seen.get(instance_id) {
            Some(at) => at.elapsed() < self.config.agent_ttl,
            // Not heard from since this server started: give it one TTL to reconnect.
            None => false,
        }
    }
}

/// A `Put` of a record as JSON.
pub(crate) fn put_json<T: Serialize>(key: String, value: &T) -> Result<Op> {
    let value = serde_json::to_vec(value).map_err(|err| Error::Internal(err.into()))?;
    Ok(Op::Put { key, value })
}

/// Checks a list of tags against ECS's rules.
pub(crate) fn validate_tags(tags: &[berth_api::ecs::Tag]) -> Result<()> {
    if tags.len() > 50 {
        return Err(Error::invalid("A resource can have at most 50 tags."));
    }
    let mut seen = std::collections::HashSet::new();
    for tag in tags {
        let key = tag.key.as_deref().unwrap_or_default();
        if key.is_empty() {
            return Err(Error::invalid("Tag keys must not be empty."));
        }
        if key.to_ascii_lowercase().starts_with("aws:") {
            return Err(Error::invalid(format!(
                "Tag key '{key}' uses the reserved prefix 'aws:'."
            )));
        }
        if !seen.insert(key) {
            return Err(Error::invalid(format!(
                "Tag key '{key}' is given more than once."
            )));
        }
    }
    // A cluster's `berth:isolation` names the tier its tasks require; refuse a typo here
    // rather than at every RunTask.
    if let Some(message) = crate::isolation::bad_tag(tags) {
        return Err(Error::invalid(message));
    }
    Ok(())
}

/// How many times a write that lost a race re-reads and decides again before it gives up
/// with [`Error::Conflict`]: each retry follows a write that won, so running out means
/// sustained contention, not a stuck loop.
pub(crate) const WRITE_ATTEMPTS: usize = 5;

/// What a read-modify-write edit of a record did, and the answer to give.
pub(crate) enum Edited<T> {
    /// Nothing to write.
    Unchanged(T),
    Changed(T),
}

/// A transaction that runs `success` when every compare holds, and nothing otherwise.
pub fn txn(compares: Vec<Compare>, success: Vec<Op>) -> Txn {
    Txn {
        compares,
        success,
        failure: Vec::new(),
    }
}

/// Placements whose write has not reached the view yet, by instance, and which instances'
/// sets changed.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    by_instance: HashMap<String, Vec<PendingPlacement>>,
    pub(crate) changes: crate::state::ChangeLog,
}

impl Pending {
    fn touch(&mut self, instance: &str) {
        self.changes.touch(instance);
    }
}

/// A task placed on an instance whose write has not reached the view yet.
#[derive(Debug, Clone)]
pub(crate) struct PendingPlacement {
    ticket: u64,
    pub task_id: String,
    pub reservation: crate::model::Reservation,
    pub group: String,
    /// The awsvpc task's address, counted as taken until the task is in the view.
    pub network: Option<berth_api::protocol::TaskNetwork>,
}

/// Releases a RunTask's in-flight placements when dropped, on every path (success, error,
/// or a client that went away mid-request).
pub(crate) struct PendingGuard<'a> {
    app: &'a App,
    ticket: u64,
}

impl Drop for PendingGuard<'_> {
    fn drop(&mut self) {
        let mut pending = self.app.pending.lock().unwrap_or_else(|p| p.into_inner());
        let mut released = Vec::new();
        pending.by_instance.retain(|instance, placements| {
            let before = placements.len();
            placements.retain(|p| p.ticket != self.ticket);
            if placements.len() != before {
                released.push(instance.clone());
            }
            !placements.is_empty()
        });
        for instance in released {
            pending.touch(&instance);
        }
    }
}
