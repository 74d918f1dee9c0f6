//! The records berth persists, and the key layout they live under.
//!
//! Intent (what users asked for) and observed state (what agents report) are kept under
//! separate keys, so that an agent's report never races a user's StopTask on one value.
//! Values are JSON; each key prefix holds one record type.

use std::collections::BTreeMap;

use berth_api::ecs::{self, Tag};
use berth_api::protocol::{DesiredStatus, Isolation, TaskReport};
use berth_api::{secretsmanager, ssm};
use serde::{Deserialize, Serialize};

/// Key prefixes. Every record key is `PREFIX` + a path of its identifiers.
pub mod keys {
    pub const CLUSTERS: &str = "/clusters/";
    /// A cluster's lifecycle fence: rewritten by DeleteCluster. Every write that creates a
    /// task or an instance in the cluster compares its revision as the view had it when the
    /// cluster was checked ACTIVE, so a create checked before a delete cannot land after it.
    pub const CLUSTER_LIFECYCLE: &str = "/cluster-lifecycle/";
    /// A cluster's members fence: rewritten by every write that creates a task or an
    /// instance in the cluster. DeleteCluster compares its revision as the view had it when
    /// it found the cluster empty, so a create that lands after that check makes it re-check.
    pub const CLUSTER_MEMBERS: &str = "/cluster-members/";
    pub const TASK_DEFINITIONS: &str = "/taskdefs/";
    pub const TASK_DEFINITION_LAST_REVISIONS: &str = "/taskdef-last-revision/";
    pub const TASKS: &str = "/tasks/";
    pub const TASK_STATUS: &str = "/task-status/";
    pub const INSTANCES: &str = "/instances/";
    pub const IDEMPOTENCY: &str = "/idempotency/";
    pub const ACCESS_KEYS: &str = "/meta/access-keys/";
    pub const JOIN_TOKENS: &str = "/meta/join-tokens/";
    pub const AGENT_CREDENTIALS: &str = "/meta/agent-credentials/";
    /// Where the old `/control/v1/secrets` registry secrets lived, in clear text. The server
    /// deletes anything left there when it starts.
    pub const LEGACY_REGISTRY_SECRETS: &str = "/secrets/";
    pub const SSM_PARAMETERS: &str = "/ssm/parameters/";
    pub const SECRETS: &str = "/secretsmanager/secrets/";
    pub const SECRET_VALUES: &str = "/secretsmanager/values/";
    pub const SERVICES: &str = "/services/";
    pub const SERVICE_EVENTS: &str = "/service-events/";
    pub const IAM_ROLES: &str = "/iam/roles/";
    pub const IAM_USERS: &str = "/iam/users/";
    /// Everything of the ELBv2 API lives under this prefix (records in `app/elbv2/records.rs`).
    pub const ELBV2: &str = "/elbv2/";
    /// The ELBv2 configuration's generation: every change to load balancers, listeners,
    /// rules or target groups rewrites it in the same transaction, so those changes are
    /// serialised and the data plane can tell one configuration from the next.
    pub const ELBV2_CONFIG: &str = "/elbv2/config";
    pub const ELBV2_LOAD_BALANCERS: &str = "/elbv2/load-balancers/";
    /// Observed: a load balancer's state as the data plane serving it reports it.
    pub const ELBV2_LOAD_BALANCER_STATES: &str = "/elbv2/load-balancer-states/";
    pub const ELBV2_LISTENERS: &str = "/elbv2/listeners/";
    pub const ELBV2_RULES: &str = "/elbv2/rules/";
    pub const ELBV2_TARGET_GROUPS: &str = "/elbv2/target-groups/";
    /// Intent: the targets registered with a target group (and those draining).
    pub const ELBV2_TARGETS: &str = "/elbv2/targets/";
    /// Observed: the health the data plane's checks found for a target group's targets.
    pub const ELBV2_TARGET_HEALTH: &str = "/elbv2/target-health/";

    pub fn cluster(name: &str) -> String {
        format!("{CLUSTERS}{name}")
    }
    pub fn cluster_lifecycle(name: &str) -> String {
        format!("{CLUSTER_LIFECYCLE}{name}")
    }
    pub fn cluster_members(name: &str) -> String {
        format!("{CLUSTER_MEMBERS}{name}")
    }
    /// Revisions are zero-padded so that a range over a family sorts numerically.
    pub fn task_definition(family: &str, revision: i32) -> String {
        format!("{TASK_DEFINITIONS}{family}/{revision:010}")
    }
    /// The highest revision of a family that was ever deleted, so that a deleted
    /// revision's number is never given out again.
    pub fn task_definition_last_revision(family: &str) -> String {
        format!("{TASK_DEFINITION_LAST_REVISIONS}{family}")
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
    pub fn ssm_parameter(name: &str) -> String {
        format!("{SSM_PARAMETERS}{name}")
    }
    pub fn secret(name: &str) -> String {
        format!("{SECRETS}{name}")
    }
    /// The values of one secret live under its record's `id`, so that a secret deleted and
    /// made again under the same name never meets the old one's values.
    pub fn secret_values(secret_id: &str) -> String {
        format!("{SECRET_VALUES}{secret_id}/")
    }
    pub fn secret_value(secret_id: &str, version_id: &str) -> String {
        format!("{SECRET_VALUES}{secret_id}/{version_id}")
    }
    pub fn service(cluster: &str, name: &str) -> String {
        format!("{SERVICES}{cluster}/{name}")
    }
    pub fn service_events(cluster: &str, name: &str) -> String {
        format!("{SERVICE_EVENTS}{cluster}/{name}")
    }
    /// IAM names are unique regardless of case (`Web` and `web` are one role), so the key
    /// holds the name lower-cased; the record keeps it as created.
    pub fn iam_role(name: &str) -> String {
        format!("{IAM_ROLES}{}", name.to_ascii_lowercase())
    }
    /// As [`iam_role`]: lower-cased.
    pub fn iam_user(name: &str) -> String {
        format!("{IAM_USERS}{}", name.to_ascii_lowercase())
    }
    pub fn elbv2_load_balancer(name: &str) -> String {
        format!("{ELBV2_LOAD_BALANCERS}{name}")
    }
    pub fn elbv2_load_balancer_state(name: &str) -> String {
        format!("{ELBV2_LOAD_BALANCER_STATES}{name}")
    }
    /// A load balancer's listeners share the prefix `elbv2_listeners_of(lb)`.
    pub fn elbv2_listener(load_balancer: &str, id: &str) -> String {
        format!("{ELBV2_LISTENERS}{load_balancer}/{id}")
    }
    pub fn elbv2_listeners_of(load_balancer: &str) -> String {
        format!("{ELBV2_LISTENERS}{load_balancer}/")
    }
    /// A listener's rules share the prefix `elbv2_rules_of(lb, listener)`, and a load
    /// balancer's `elbv2_rules_of_load_balancer(lb)`.
    pub fn elbv2_rule(load_balancer: &str, listener: &str, id: &str) -> String {
        format!("{ELBV2_RULES}{load_balancer}/{listener}/{id}")
    }
    pub fn elbv2_rules_of(load_balancer: &str, listener: &str) -> String {
        format!("{ELBV2_RULES}{load_balancer}/{listener}/")
    }
    pub fn elbv2_rules_of_load_balancer(load_balancer: &str) -> String {
        format!("{ELBV2_RULES}{load_balancer}/")
    }
    pub fn elbv2_target_group(name: &str) -> String {
        format!("{ELBV2_TARGET_GROUPS}{name}")
    }
    pub fn elbv2_targets(target_group: &str) -> String {
        format!("{ELBV2_TARGETS}{target_group}")
    }
    pub fn elbv2_target_health(target_group: &str) -> String {
        format!("{ELBV2_TARGET_HEALTH}{target_group}")
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

/// The highest deleted revision of a task definition family (see
/// [`keys::task_definition_last_revision`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastRevisionRecord {
    pub revision: i32,
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
    /// The task definition's `volumes`, `pidMode` and `ipcMode`, which the agent applies.
    /// Absent in records written before berth carried them to the agent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<ecs::Volume>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<ecs::PidMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<ecs::IpcMode>,
    /// The awsvpc task's network interface (address, ENI, security groups), allocated at
    /// placement; its address is also held under `/network/addresses/` until freed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<berth_api::protocol::TaskNetwork>,
    pub overrides: ecs::TaskOverride,
    /// The role the task's containers get credentials for, and the role the agent resolves
    /// the task's secrets with: the overrides' ARNs, else the task definition's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_role_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_role_arn: Option<String>,
    pub started_by: Option<String>,
    pub group: String,
    /// The service that started the task, if one did; its deployment is `started_by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// RunTask's or StartTask's `referenceId` (ECS documents it as internal; it is shown
    /// nowhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
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
    /// `enableExecuteCommand`: ECS Exec sessions may be opened into the task's containers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub enable_execute_command: bool,
    /// The load balancer targets a service registered this task as (written before they
    /// are registered, so a pass cut short registers them next time; see
    /// `app/service_targets.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TaskTarget>,
    /// The service asked the task to stop, and its targets drain first: until they are
    /// gone the agent is still told to run it (ECS's DEACTIVATING).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deactivating: bool,
    /// The capacity provider (`FARGATE` or `FARGATE_SPOT`) a task launched with a
    /// `capacityProviderStrategy` got; none for `launchType` launches, as in ECS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_name: Option<String>,
    /// A FARGATE task's platform version (berth serves one: `1.4.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// The isolation tier chosen at placement (`crate::isolation`); `standard` in
    /// records written before tiers existed.
    #[serde(default, skip_serializing_if = "Isolation::is_standard")]
    pub isolation: Isolation,
}

/// A task registered with a target group: `id` is the container instance's `ec2InstanceId`
/// and `port` the container's host port (`instance` groups), or the task's address and the
/// container port (`ip` groups).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskTarget {
    pub target_group_arn: String,
    pub id: String,
    pub port: u16,
}

impl TaskRecord {
    /// Whether the task runs on the control plane's Fargate capacity.
    pub fn is_fargate(&self) -> bool {
        self.launch_type == ecs::LaunchType::Fargate
    }

    /// The cluster its container instance is registered in: the user's cluster, or for
    /// a FARGATE task the berth-owned pool ([`FARGATE_POOL_CLUSTER`]).
    pub fn host_cluster(&self) -> &str {
        if self.is_fargate() {
            FARGATE_POOL_CLUSTER
        } else {
            &self.cluster
        }
    }
}

pub use berth_api::protocol::FARGATE_POOL_CLUSTER;

/// One container of a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskContainer {
    pub arn: String,
    pub definition: ecs::ContainerDefinition,
    /// The instance's GPUs given to this container for its `GPU` resource requirement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gpu_ids: Vec<String>,
}

/// Resources a task holds on its instance until it is STOPPED.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    pub cpu: i32,
    pub memory_mib: i64,
    pub tcp_ports: Vec<u16>,
    pub udp_ports: Vec<u16>,
    /// The IDs of the instance's GPUs the task holds (all its containers' together).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gpus: Vec<String>,
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
    /// The IDs of the host's GPUs, as its agent registered them (ECS's `GPU` resource).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gpus: Vec<String>,
    pub attributes: BTreeMap<String, Option<String>>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub agent_version: String,
    pub runtime_version: String,
    pub registered_at: f64,
    /// Increases on every change, as ECS's `version`.
    pub version: i64,
}

/// A service: the user's intent (desired count, placement, deployment settings) and the
/// deployments the service scheduler moves through. Events live apart, under
/// [`keys::service_events`], because only the scheduler writes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRecord {
    pub name: String,
    pub arn: String,
    pub cluster: String,
    /// ACTIVE, DRAINING (being deleted) or INACTIVE (deleted).
    pub status: String,
    pub desired_count: i32,
    pub launch_type: ecs::LaunchType,
    pub scheduling_strategy: ecs::SchedulingStrategy,
    pub minimum_healthy_percent: i32,
    pub maximum_percent: i32,
    pub circuit_breaker: Option<ecs::DeploymentCircuitBreaker>,
    #[serde(default)]
    pub placement_constraints: Vec<ecs::PlacementConstraint>,
    #[serde(default)]
    pub placement_strategy: Vec<ecs::PlacementStrategy>,
    pub health_check_grace_period_seconds: i32,
    pub propagate_tags: Option<ecs::PropagateTags>,
    pub enable_ecs_managed_tags: bool,
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub created_at: f64,
    pub created_by: Option<String>,
    /// Newest first. The first entry is the PRIMARY deployment; ACTIVE ones are older
    /// deployments that still have tasks; INACTIVE ones are history.
    pub deployments: Vec<DeploymentRecord>,
    /// Whether the scheduler last saw the service steady, so that "reached a steady
    /// state" is said once per arrival.
    #[serde(default)]
    pub steady: bool,
    /// `enableExecuteCommand`: the service's new tasks have ECS Exec enabled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub enable_execute_command: bool,
    /// The service's resolved `awsvpcConfiguration`, for its awsvpc tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<crate::network::AwsvpcRequest>,
    /// `role` as an ARN: the role ECS would call the load balancer with (berth registers
    /// targets itself; it is checked and shown as `roleArn`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// The `capacityProviderStrategy` (FARGATE, FARGATE_SPOT) its tasks are spread over;
    /// empty for a service with a `launchType`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacity_provider_strategy: Vec<ecs::CapacityProviderStrategyItem>,
    /// A FARGATE service's `platformVersion` as given (`LATEST` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
}

impl ServiceRecord {
    pub fn primary(&self) -> Option<&DeploymentRecord> {
        self.deployments.first()
    }
    pub fn is_daemon(&self) -> bool {
        self.scheduling_strategy == ecs::SchedulingStrategy::Daemon
    }
}

/// One deployment of a service: a task definition rolled out under a configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentRecord {
    /// `ecs-svc/` and 19 digits, as ECS's deployment IDs; tasks carry it as `startedBy`.
    pub id: String,
    /// PRIMARY, ACTIVE or INACTIVE.
    pub status: String,
    pub task_definition_arn: String,
    pub rollout_state: ecs::DeploymentRolloutState,
    pub rollout_state_reason: String,
    pub created_at: f64,
    pub updated_at: f64,
    pub finished_at: Option<f64>,
    /// Set when the circuit breaker rolled this deployment back, to the deployment named.
    pub rolled_back_to: Option<String>,
    /// Set on a deployment that the circuit breaker started to undo another.
    pub rollback_of: Option<String>,
    /// The deployment configuration this deployment runs under.
    pub minimum_healthy_percent: i32,
    pub maximum_percent: i32,
    pub circuit_breaker: Option<ecs::DeploymentCircuitBreaker>,
    /// `loadBalancers`: the target groups this deployment's tasks are registered with
    /// (the service shows its primary's). Changing them starts a new deployment, as in ECS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub load_balancers: Vec<ecs::LoadBalancer>,
}

impl DeploymentRecord {
    /// The number after `ecs-svc/`, used in deployment and revision ARNs.
    pub fn number(&self) -> &str {
        self.id.strip_prefix("ecs-svc/").unwrap_or(&self.id)
    }
}

/// A service's `events[]`, newest first, at most 100.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceEventsRecord {
    pub events: Vec<ServiceEventRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceEventRecord {
    pub id: String,
    pub created_at: f64,
    pub message: String,
}

/// What an idempotent call returned, keyed by its client token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdempotencyRecord {
    /// Hash of the request, so that a reused token with other parameters is refused.
    pub request_hash: String,
    pub response: serde_json::Value,
    pub created_at: f64,
}

/// An access key for SigV4: the administrator's, or an IAM user's.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessKeyRecord {
    pub access_key_id: String,
    /// The secret in clear: only the administrator key made when the store was initialised
    /// (which `berth dev` writes to its env file anyway). Empty for a user's key.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub secret_access_key: String,
    /// A user key's secret, sealed with the server's key and bound to the key id
    /// (base64), so that a copy of the store alone signs nothing as the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed_secret: Option<String>,
    /// The IAM user the key belongs to (as the user record spells it); `None` for the
    /// administrator key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Epoch seconds; zero for keys made before berth recorded it.
    #[serde(default)]
    pub created_at: f64,
}

impl std::fmt::Debug for AccessKeyRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessKeyRecord")
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

/// An IAM role: who may assume it (its trust policy) and what its sessions may do (its
/// inline policies).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleRecord {
    /// As created; unique regardless of case.
    pub name: String,
    /// `/` or `/a/b/`.
    pub path: String,
    /// IAM's unique id (`AROA…`): a role deleted and created again has a new one.
    pub role_id: String,
    pub arn: String,
    pub created_at: f64,
    /// The trust policy (`AssumeRolePolicyDocument`), as the user sent it.
    pub trust_policy: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Seconds, 3600 to 43200.
    pub max_session_duration: i32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<berth_api::iam::Tag>,
    /// Inline policies: name → document, as the user sent it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub policies: BTreeMap<String, String>,
}

/// An IAM user: its inline policies say what its access keys may do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRecord {
    /// As created; unique regardless of case.
    pub name: String,
    pub path: String,
    /// IAM's unique id (`AIDA…`).
    pub user_id: String,
    pub arn: String,
    pub created_at: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<berth_api::iam::Tag>,
    /// Inline policies: name → document, as the user sent it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub policies: BTreeMap<String, String>,
    /// The ids of the user's access keys (each under [`keys::access_key`]). Kept here too,
    /// so that the per-user quota and DeleteUser's conflict check are one compare-and-swap
    /// on this record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_keys: Vec<String>,
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

/// A value as stored: clear text for values that are not secret, sealed with the server's
/// key ([`crate::crypto::Purpose::SecretValues`], bound to the record's ARN and version)
/// for those that are.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoredValue {
    Clear(String),
    /// Base64 of the sealed bytes.
    Sealed(String),
}

impl std::fmt::Debug for StoredValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoredValue::Clear(value) => write!(f, "Clear({} bytes)", value.len()),
            StoredValue::Sealed(_) => f.write_str("Sealed"),
        }
    }
}

/// An SSM parameter and the versions it keeps (at most 100), oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterRecord {
    pub name: String,
    #[serde(default)]
    pub tags: Vec<ssm::Tag>,
    pub versions: Vec<ParameterVersionRecord>,
}

impl ParameterRecord {
    /// The newest version. A stored parameter always has one.
    pub fn latest(&self) -> &ParameterVersionRecord {
        self.versions.last().expect("a parameter has a version")
    }
}

/// One version of a parameter, with the attributes it was written with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterVersionRecord {
    pub version: i64,
    #[serde(rename = "type")]
    pub type_: ssm::ParameterType,
    pub value: StoredValue,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_pattern: Option<String>,
    pub tier: ssm::ParameterTier,
    pub data_type: String,
    #[serde(default)]
    pub labels: Vec<String>,
    pub modified_at: f64,
    /// The ARN of the principal that wrote the version.
    pub modified_by: String,
}

/// A Secrets Manager secret: its metadata and its versions' stages. The values live apart,
/// one key per version ([`keys::secret_value`]), so that a secret of many large versions
/// stays within a store value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecretRecord {
    pub name: String,
    /// With the 6-character random suffix.
    pub arn: String,
    /// Names the keys of this secret's values.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub tags: Vec<secretsmanager::Tag>,
    pub created_at: f64,
    pub changed_at: f64,
    /// When DeleteSecret was called, while the secret waits out its recovery window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<f64>,
    /// When the deletion reconciler deletes it for good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<f64>,
    /// Oldest first.
    pub versions: Vec<SecretVersionRecord>,
}

/// One version of a secret: its id and staging labels (`AWSCURRENT`, `AWSPREVIOUS`, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecretVersionRecord {
    pub id: String,
    #[serde(default)]
    pub stages: Vec<String>,
    pub created_at: f64,
}

/// The value of one secret version, sealed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecretValueRecord {
    pub value: StoredValue,
}

/// Seconds since the epoch, as ECS timestamps are.
pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or_default()
}
