//! The records berth persists, and the key layout they live under.
//!
//! Intent (what users asked for) and observed state (what agents report) are kept under
//! separate keys, so that an agent's report never races a user's StopTask on one value.
//! Values are JSON; each key prefix holds one record type.

use std::collections::BTreeMap;

use berth_api::ecs::{self, Tag};
use berth_api::protocol::{DesiredStatus, TaskReport};
use serde::{Deserialize, Serialize};

/// Key prefixes. Every record key is `PREFIX` + a path of its identifiers.
pub mod keys {
    pub const CLUSTERS: &str = "/clusters/";
    pub const TASK_DEFINITIONS: &str = "/taskdefs/";
    pub const TASKS: &str = "/tasks/";
    pub const TASK_STATUS: &str = "/task-status/";
    pub const INSTANCES: &str = "/instances/";
    pub const IDEMPOTENCY: &str = "/idempotency/";
    pub const ACCESS_KEYS: &str = "/meta/access-keys/";
    pub const JOIN_TOKENS: &str = "/meta/join-tokens/";
    pub const AGENT_CREDENTIALS: &str = "/meta/agent-credentials/";
    pub const SECRETS: &str = "/secrets/";

    pub fn cluster(name: &str) -> String {
        format!("{CLUSTERS}{name}")
    }
    /// Revisions are zero-padded so that a range over a family sorts numerically.
    pub fn task_definition(family: &str, revision: i32) -> String {
        format!("{TASK_DEFINITIONS}{family}/{revision:010}")
    }
    pub fn task(cluster: &str, id: &str) -> String {
        format!("{TASKS}{cluster}/{id}")
    }
    pub fn task_status(cluster: &str, id: &str) -> String {
        format!("{TASK_STATUS}{cluster}/{id}")
    }
    pub fn instance(cluster: &str, id: &str) -> String {
        format!("{INSTANCES}{cluster}/{id}")
    }
    pub fn idempotency(action: &str, cluster: &str, token: &str) -> String {
        format!("{IDEMPOTENCY}{action}/{cluster}/{token}")
    }
    pub fn access_key(id: &str) -> String {
        format!("{ACCESS_KEYS}{id}")
    }
    pub fn join_token(hash: &str) -> String {
        format!("{JOIN_TOKENS}{hash}")
    }
    pub fn agent_credential(hash: &str) -> String {
        format!("{AGENT_CREDENTIALS}{hash}")
    }
    pub fn secret(name: &str) -> String {
        format!("{SECRETS}{name}")
    }
}

/// A cluster. Deleted clusters stay as INACTIVE, as in ECS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterRecord {
    pub name: String,
    pub status: String,
    #[serde(default)]
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub settings: Vec<ecs::ClusterSetting>,
    pub created_at: f64,
}

/// One revision of a task definition, as DescribeTaskDefinition returns it, plus tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskDefinitionRecord {
    pub definition: ecs::TaskDefinition,
    #[serde(default)]
    pub tags: Vec<Tag>,
}

impl TaskDefinitionRecord {
    pub fn family(&self) -> &str {
        self.definition.family.as_deref().unwrap_or_default()
    }
    pub fn revision(&self) -> i32 {
        self.definition.revision.unwrap_or_default()
    }
    pub fn status(&self) -> ecs::TaskDefinitionStatus {
        self.definition
            .status
            .unwrap_or(ecs::TaskDefinitionStatus::Active)
    }
}

/// A task as the user asked for it: what to run, where, and whether it should run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub id: String,
    pub arn: String,
    pub cluster: String,
    pub task_definition_arn: String,
    pub family: String,
    pub revision: i32,
    pub container_instance_id: String,
    pub container_instance_arn: String,
    pub launch_type: ecs::LaunchType,
    pub network_mode: ecs::NetworkMode,
    /// Task-level CPU units and memory MiB after overrides (the strings ECS shows).
    pub cpu: Option<String>,
    pub memory: Option<String>,
    /// What the task reserves on its instance: CPU units, memory MiB, static host ports.
    pub reserved: Reservation,
    /// Containers with overrides merged, and each container's ARN.
    pub containers: Vec<TaskContainer>,
    pub overrides: ecs::TaskOverride,
    pub started_by: Option<String>,
    pub group: String,
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub created_at: f64,
    pub desired_status: DesiredStatus,
    /// Set when something asked the task to stop.
    pub stop_code: Option<String>,
    pub stopped_reason: Option<String>,
    pub stopping_at: Option<f64>,
    /// Increases on every change to the intent, as ECS's `version`.
    pub version: i64,
}

/// One container of a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskContainer {
    pub arn: String,
    pub definition: ecs::ContainerDefinition,
}

/// Resources a task holds on its instance until it is STOPPED.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    pub cpu: i32,
    pub memory_mib: i64,
    pub tcp_ports: Vec<u16>,
    pub udp_ports: Vec<u16>,
}

/// What agents last reported about a task, plus when the server saw it stop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskStatusRecord {
    pub report: TaskReport,
    /// When the server learned the task was STOPPED.
    pub stopped_at: Option<f64>,
    pub updated_at: f64,
}

/// A registered host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstanceRecord {
    pub id: String,
    pub arn: String,
    pub cluster: String,
    pub hostname: String,
    /// ACTIVE, DRAINING or INACTIVE (deregistered).
    pub status: String,
    pub launch_type: ecs::LaunchType,
    pub cpu: i32,
    pub memory_mib: i64,
    pub reserved_tcp_ports: Vec<u16>,
    pub reserved_udp_ports: Vec<u16>,
    pub attributes: BTreeMap<String, Option<String>>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub agent_version: String,
    pub runtime_version: String,
    pub registered_at: f64,
    /// Increases on every change, as ECS's `version`.
    pub version: i64,
}

/// What an idempotent call returned, keyed by its client token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdempotencyRecord {
    /// Hash of the request, so that a reused token with other parameters is refused.
    pub request_hash: String,
    pub response: serde_json::Value,
    pub created_at: f64,
}

/// A user's access key for SigV4.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessKeyRecord {
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl std::fmt::Debug for AccessKeyRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessKeyRecord")
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

/// A join token (stored by hash): who may register hosts, into which cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinTokenRecord {
    pub cluster: String,
    /// One-time tokens are deleted on use; reusable ones (as `berth dev` makes) are not.
    pub reusable: bool,
    pub created_at: f64,
}

/// An agent credential (stored by hash): the one instance it may act for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentCredentialRecord {
    pub cluster: String,
    pub instance_id: String,
}

/// A secret that `repositoryCredentials.credentialsParameter` may name.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct SecretRecord {
    pub name: String,
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for SecretRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretRecord")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Seconds since the epoch, as ECS timestamps are.
pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or_default()
}
