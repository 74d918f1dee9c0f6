//! The JSON documents of the task metadata endpoint (v3 and v4), in ECS's shapes: the
//! container (`${ECS_CONTAINER_METADATA_URI_V4}`), the task (`…/task`, `…/taskWithTags`),
//! and the credentials document of `…/v2/credentials/ID`. Key names, which keys are left
//! out when empty, and the value formats (timestamps in RFC 3339 with nanoseconds, `Revision`
//! as a string, whole numbers without a fraction) follow ECS's agent, so that code written
//! against ECS reads berth's answers unchanged.
//!
//! The builders here are pure: they turn what the agent knows about a task (its desired
//! task, its last report, what Docker said about its containers) into these documents.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use berth_api::ecs::{HealthStatus, NetworkMode};
use berth_api::protocol::{
    ContainerReport, DesiredStatus, DesiredTask, ReportedStatus, TaskCredentials, TaskReport,
};
use serde::{Deserialize, Serialize, Serializer};

use crate::runtime::{ContainerStatus, RunState};

/// Which version of the endpoint a document is for: v4 adds `ServiceName`,
/// `FaultInjectionEnabled` and `RestartCount` to v3's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V3,
    V4,
}

/// `${ECS_CONTAINER_METADATA_URI_V4}/task`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskResponse {
    #[serde(rename = "Cluster")]
    pub cluster: String,
    #[serde(rename = "TaskARN")]
    pub task_arn: String,
    #[serde(rename = "Family")]
    pub family: String,
    /// A string, as in ECS.
    #[serde(rename = "Revision")]
    pub revision: String,
    #[serde(
        rename = "DesiredStatus",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub desired_status: Option<String>,
    #[serde(rename = "KnownStatus")]
    pub known_status: String,
    #[serde(rename = "Limits", skip_serializing_if = "Option::is_none", default)]
    pub limits: Option<TaskLimits>,
    #[serde(
        rename = "PullStartedAt",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub pull_started_at: Option<String>,
    #[serde(
        rename = "PullStoppedAt",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub pull_stopped_at: Option<String>,
    #[serde(
        rename = "ExecutionStoppedAt",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub execution_stopped_at: Option<String>,
    #[serde(
        rename = "AvailabilityZone",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub availability_zone: Option<String>,
    /// `taskWithTags` only.
    #[serde(rename = "TaskTags", skip_serializing_if = "Option::is_none", default)]
    pub task_tags: Option<BTreeMap<String, String>>,
    /// `taskWithTags` only.
    #[serde(
        rename = "ContainerInstanceTags",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub container_instance_tags: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "LaunchType",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub launch_type: Option<String>,
    /// Why tags are missing from a `taskWithTags` answer.
    #[serde(rename = "Errors", skip_serializing_if = "Vec::is_empty", default)]
    pub errors: Vec<ErrorResponse>,
    #[serde(rename = "Containers", skip_serializing_if = "Vec::is_empty", default)]
    pub containers: Vec<ContainerResponse>,
    /// v4 only.
    #[serde(
        rename = "ServiceName",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub service_name: Option<String>,
    /// v4 only; berth injects no faults, so it is `false` whenever present.
    #[serde(
        rename = "FaultInjectionEnabled",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub fault_injection_enabled: Option<bool>,
}

/// A task's `Limits`: CPU in vCPUs, memory in MiB.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskLimits {
    #[serde(
        rename = "CPU",
        skip_serializing_if = "Option::is_none",
        serialize_with = "go_float_opt",
        default
    )]
    pub cpu: Option<f64>,
    #[serde(rename = "Memory", skip_serializing_if = "Option::is_none", default)]
    pub memory: Option<i64>,
}

/// A container's `Limits`: CPU units and memory MiB, both always present (0 when unset).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerLimits {
    #[serde(rename = "CPU", serialize_with = "go_float")]
    pub cpu: f64,
    #[serde(rename = "Memory")]
    pub memory: i64,
}

/// `${ECS_CONTAINER_METADATA_URI_V4}`, and each of a task's `Containers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerResponse {
    #[serde(rename = "DockerId")]
    pub docker_id: String,
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "DockerName")]
    pub docker_name: String,
    #[serde(rename = "Image")]
    pub image: String,
    #[serde(rename = "ImageID")]
    pub image_id: String,
    #[serde(rename = "Ports", skip_serializing_if = "Vec::is_empty", default)]
    pub ports: Vec<PortResponse>,
    #[serde(rename = "Labels", skip_serializing_if = "BTreeMap::is_empty", default)]
    pub labels: BTreeMap<String, String>,
    #[serde(rename = "DesiredStatus")]
    pub desired_status: String,
    #[serde(rename = "KnownStatus")]
    pub known_status: String,
    #[serde(rename = "ExitCode", skip_serializing_if = "Option::is_none", default)]
    pub exit_code: Option<i32>,
    #[serde(rename = "Limits")]
    pub limits: ContainerLimits,
    #[serde(rename = "CreatedAt", skip_serializing_if = "Option::is_none", default)]
    pub created_at: Option<String>,
    #[serde(rename = "StartedAt", skip_serializing_if = "Option::is_none", default)]
    pub started_at: Option<String>,
    #[serde(
        rename = "FinishedAt",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub finished_at: Option<String>,
    /// `NORMAL` for the task definition's containers.
    #[serde(rename = "Type")]
    pub container_type: String,
    #[serde(rename = "Networks", skip_serializing_if = "Vec::is_empty", default)]
    pub networks: Vec<NetworkResponse>,
    #[serde(rename = "Health", skip_serializing_if = "Option::is_none", default)]
    pub health: Option<HealthResponse>,
    #[serde(rename = "LogDriver", skip_serializing_if = "Option::is_none", default)]
    pub log_driver: Option<String>,
    #[serde(
        rename = "LogOptions",
        skip_serializing_if = "BTreeMap::is_empty",
        default
    )]
    pub log_options: BTreeMap<String, String>,
    #[serde(
        rename = "ContainerARN",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub container_arn: Option<String>,
    /// v4 only, and only for a container with an enabled `restartPolicy`.
    #[serde(
        rename = "RestartCount",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub restart_count: Option<u32>,
}

/// One of a container's `Ports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortResponse {
    #[serde(
        rename = "ContainerPort",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub container_port: Option<u16>,
    #[serde(rename = "Protocol", skip_serializing_if = "Option::is_none", default)]
    pub protocol: Option<String>,
    #[serde(rename = "HostPort", skip_serializing_if = "Option::is_none", default)]
    pub host_port: Option<u16>,
    #[serde(rename = "HostIp", skip_serializing_if = "Option::is_none", default)]
    pub host_ip: Option<String>,
}

/// One of a container's `Networks`. The interface properties after the addresses are
/// `awsvpc`'s (an ENI's); berth's bridge and host containers have none of them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NetworkResponse {
    #[serde(
        rename = "NetworkMode",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub network_mode: Option<String>,
    #[serde(
        rename = "IPv4Addresses",
        skip_serializing_if = "Vec::is_empty",
        default
    )]
    pub ipv4_addresses: Vec<String>,
    #[serde(
        rename = "IPv6Addresses",
        skip_serializing_if = "Vec::is_empty",
        default
    )]
    pub ipv6_addresses: Vec<String>,
    #[serde(
        rename = "AttachmentIndex",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub attachment_index: Option<i32>,
    #[serde(
        rename = "MACAddress",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub mac_address: Option<String>,
    #[serde(
        rename = "IPv4SubnetCIDRBlock",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub ipv4_subnet_cidr_block: Option<String>,
    #[serde(
        rename = "IPv6SubnetCIDRBlock",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub ipv6_subnet_cidr_block: Option<String>,
    #[serde(
        rename = "DomainNameServers",
        skip_serializing_if = "Vec::is_empty",
        default
    )]
    pub domain_name_servers: Vec<String>,
    #[serde(
        rename = "DomainNameSearchList",
        skip_serializing_if = "Vec::is_empty",
        default
    )]
    pub domain_name_search_list: Vec<String>,
    #[serde(
        rename = "PrivateDNSName",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub private_dns_name: Option<String>,
    #[serde(
        rename = "SubnetGatewayIpv4Address",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub subnet_gateway_ipv4_address: Option<String>,
    #[serde(
        rename = "SubnetGatewayIpv6Address",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub subnet_gateway_ipv6_address: Option<String>,
}

/// A container's `Health`, for a container with a health check. ECS writes these keys in
/// lower camel case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthResponse {
    #[serde(rename = "status", skip_serializing_if = "Option::is_none", default)]
    pub status: Option<String>,
    #[serde(
        rename = "statusSince",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub status_since: Option<String>,
    #[serde(rename = "exitCode", skip_serializing_if = "Option::is_none", default)]
    pub exit_code: Option<i32>,
    #[serde(rename = "output", skip_serializing_if = "Option::is_none", default)]
    pub output: Option<String>,
}

/// One of a `taskWithTags` answer's `Errors`: a tag lookup that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorResponse {
    #[serde(
        rename = "ErrorField",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub error_field: Option<String>,
    #[serde(rename = "ErrorCode", skip_serializing_if = "Option::is_none", default)]
    pub error_code: Option<String>,
    #[serde(
        rename = "ErrorMessage",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub error_message: Option<String>,
    #[serde(
        rename = "StatusCode",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub status_code: Option<u16>,
    #[serde(rename = "RequestId", skip_serializing_if = "Option::is_none", default)]
    pub request_id: Option<String>,
    #[serde(
        rename = "ResourceARN",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub resource_arn: Option<String>,
}

/// The credentials document the AWS SDKs read from the container credentials endpoint.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialsResponse {
    #[serde(rename = "RoleArn")]
    pub role_arn: String,
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
    #[serde(rename = "SecretAccessKey")]
    pub secret_access_key: String,
    #[serde(rename = "Token")]
    pub token: String,
    /// ISO 8601, UTC, whole seconds: `2024-01-01T00:00:00Z`.
    #[serde(rename = "Expiration")]
    pub expiration: String,
}

impl std::fmt::Debug for CredentialsResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never log the secret or the token.
        f.debug_struct("CredentialsResponse")
            .field("role_arn", &self.role_arn)
            .field("expiration", &self.expiration)
            .finish_non_exhaustive()
    }
}

impl From<&TaskCredentials> for CredentialsResponse {
    fn from(c: &TaskCredentials) -> Self {
        Self {
            role_arn: c.role_arn.clone(),
            access_key_id: c.access_key_id.clone(),
            secret_access_key: c.secret_access_key.clone(),
            token: c.session_token.clone(),
            expiration: rfc3339_seconds(c.expiration),
        }
    }
}

/// The error body of the credentials endpoint: `{"code", "message", "HTTPErrorCode"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialsError {
    pub code: String,
    pub message: String,
    #[serde(rename = "HTTPErrorCode")]
    pub http_error_code: u16,
}

/// Go marshals a float64 with no fraction as an integer (`10`, not `10.0`); so does ECS.
fn go_float<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() < EXACT {
        // Exact: the value is a whole number within f64's integer range.
        #[allow(clippy::cast_possible_truncation)]
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

fn go_float_opt<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => go_float(v, s),
        None => s.serialize_none(),
    }
}

/// A time as Go's RFC 3339 with nanoseconds (trailing zeros of the fraction dropped), as
/// ECS writes its timestamps: `2020-10-02T00:15:07.620912337Z`.
pub fn rfc3339_nanos(t: SystemTime) -> String {
    let since = t.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
    let base = rfc3339_seconds(secs);
    let nanos = since.subsec_nanos();
    if nanos == 0 {
        return base;
    }
    let fraction = format!("{nanos:09}");
    let fraction = fraction.trim_end_matches('0');
    format!("{}.{fraction}Z", base.trim_end_matches('Z'))
}

/// Epoch seconds as `2024-01-01T00:00:00Z`.
pub fn rfc3339_seconds(epoch_secs: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(epoch_secs)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    t.format(format).unwrap_or_default()
}

fn epoch_to_time(epoch: f64) -> Option<SystemTime> {
    (epoch.is_finite() && epoch >= 0.0)
        .then(|| SystemTime::UNIX_EPOCH + Duration::from_secs_f64(epoch))
}

/// What the agent knows about one task, for building its documents.
#[derive(Debug, Clone)]
pub struct TaskView<'a> {
    pub desired: &'a DesiredTask,
    /// The task's last report, once the agent made one.
    pub report: Option<&'a TaskReport>,
    /// What Docker last said about each container that exists, by container name.
    pub containers: &'a BTreeMap<String, ContainerStatus>,
    /// The cluster's ARN (ECS shows the ARN; the short name until the agent knows it).
    pub cluster: &'a str,
    /// `EC2` or `EXTERNAL`.
    pub launch_type: &'a str,
}

impl TaskView<'_> {
    fn stopping(&self) -> bool {
        self.desired.desired_status == DesiredStatus::Stopped
            || self.report.is_some_and(|r| {
                matches!(
                    r.last_status,
                    ReportedStatus::Stopping | ReportedStatus::Stopped
                )
            })
    }

    /// The region of the task's ARN (`arn:aws:ecs:REGION:…`).
    fn region(&self) -> &str {
        self.desired
            .task_arn
            .split(':')
            .nth(3)
            .filter(|r| !r.is_empty())
            .unwrap_or("us-east-1")
    }

    fn report_of(&self, name: &str) -> Option<&ContainerReport> {
        self.report
            .and_then(|r| r.containers.iter().find(|c| c.name == name))
    }

    /// The document of container `name`, once it exists in Docker.
    pub fn container(&self, name: &str, version: Version) -> Option<ContainerResponse> {
        let status = self.containers.get(name)?;
        let desired = self
            .desired
            .containers
            .iter()
            .find(|c| c.definition.name.as_deref() == Some(name));
        let def = desired.map(|d| &d.definition);
        let report = self.report_of(name);
        let log = def.and_then(|d| d.log_configuration.as_ref());
        let ports = match status.state {
            RunState::Running => report
                .map(|r| r.network_bindings.as_slice())
                .unwrap_or_default()
                .iter()
                .map(|b| PortResponse {
                    container_port: b.container_port.and_then(|p| u16::try_from(p).ok()),
                    protocol: b.protocol.map(|p| p.as_str().to_owned()),
                    host_port: b.host_port.and_then(|p| u16::try_from(p).ok()),
                    host_ip: b.bind_ip.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let has_health_check = def.is_some_and(|d| d.health_check.is_some());
        Some(ContainerResponse {
            docker_id: status.id.clone(),
            name: name.to_owned(),
            docker_name: status.name.clone(),
            image: def.and_then(|d| d.image.clone()).unwrap_or_default(),
            image_id: status.image_id.clone().unwrap_or_default(),
            ports,
            labels: status.labels.clone(),
            desired_status: if self.stopping() {
                "STOPPED"
            } else {
                "RUNNING"
            }
            .to_owned(),
            known_status: match status.state {
                RunState::Created => "CREATED",
                RunState::Running => "RUNNING",
                RunState::Exited => "STOPPED",
            }
            .to_owned(),
            exit_code: status.exit_code,
            limits: ContainerLimits {
                cpu: f64::from(def.and_then(|d| d.cpu).unwrap_or(0)),
                memory: i64::from(def.and_then(|d| d.memory).unwrap_or(0)),
            },
            created_at: status.created_at.map(rfc3339_nanos),
            started_at: status.started_at.map(rfc3339_nanos),
            finished_at: match status.state {
                RunState::Exited => status.finished_at.map(rfc3339_nanos),
                _ => None,
            },
            container_type: "NORMAL".to_owned(),
            networks: self.networks(status),
            health: has_health_check.then(|| HealthResponse {
                status: Some(
                    report
                        .and_then(|r| r.health_status)
                        .unwrap_or(HealthStatus::Unknown)
                        .as_str()
                        .to_owned(),
                ),
                status_since: None,
                exit_code: None,
                output: None,
            }),
            log_driver: log.map(|l| l.log_driver.as_str().to_owned()),
            log_options: log.and_then(|l| l.options.clone()).unwrap_or_default(),
            container_arn: desired.map(|d| d.container_arn.clone()),
            restart_count: match version {
                Version::V4 => report.and_then(|r| r.restart_count),
                Version::V3 => None,
            },
        })
    }

    /// The container's network, named by the task's network mode, with the addresses
    /// Docker gave it (none in host mode: the container uses the host's).
    fn networks(&self, status: &ContainerStatus) -> Vec<NetworkResponse> {
        if self.desired.network_mode == NetworkMode::None {
            return Vec::new();
        }
        if let Some(eni) = &self.desired.network {
            // awsvpc: the task's interface, as the server allocated it.
            return vec![NetworkResponse {
                network_mode: Some(NetworkMode::Awsvpc.as_str().to_owned()),
                ipv4_addresses: vec![eni.address.clone()],
                attachment_index: Some(0),
                mac_address: Some(eni.mac_address.clone()),
                ipv4_subnet_cidr_block: Some(eni.subnet_cidr.clone()),
                private_dns_name: Some(eni.private_dns_name(self.region())),
                subnet_gateway_ipv4_address: Some(eni.gateway_with_prefix()),
                ..Default::default()
            }];
        }
        vec![NetworkResponse {
            network_mode: Some(self.desired.network_mode.as_str().to_owned()),
            ipv4_addresses: status
                .networks
                .iter()
                .filter_map(|n| n.ipv4)
                .map(|ip| ip.to_string())
                .collect(),
            ipv6_addresses: status
                .networks
                .iter()
                .filter_map(|n| n.ipv6)
                .map(|ip| ip.to_string())
                .collect(),
            ..Default::default()
        }]
    }

    /// The task document (`…/task`); `taskWithTags` adds the tags to it.
    pub fn task(&self, version: Version) -> TaskResponse {
        let d = self.desired;
        let report = self.report;
        let time = |epoch: Option<f64>| epoch.and_then(epoch_to_time).map(rfc3339_nanos);
        let limits = (d.cpu.is_some() || d.memory.is_some()).then(|| TaskLimits {
            cpu: d.cpu.map(|units| f64::from(units) / 1024.0),
            memory: d.memory,
        });
        TaskResponse {
            cluster: self.cluster.to_owned(),
            task_arn: d.task_arn.clone(),
            family: d.family.clone(),
            revision: d.revision.to_string(),
            desired_status: Some(
                match d.desired_status {
                    DesiredStatus::Running => "RUNNING",
                    DesiredStatus::Stopped => "STOPPED",
                }
                .to_owned(),
            ),
            known_status: report
                .map_or(ReportedStatus::Pending, |r| r.last_status)
                .as_str()
                .to_owned(),
            limits,
            pull_started_at: time(report.and_then(|r| r.pull_started_at)),
            pull_stopped_at: time(report.and_then(|r| r.pull_stopped_at)),
            execution_stopped_at: time(report.and_then(|r| r.execution_stopped_at)),
            availability_zone: d.availability_zone.clone(),
            task_tags: None,
            container_instance_tags: None,
            launch_type: Some(self.launch_type.to_owned()),
            errors: Vec::new(),
            containers: d
                .containers
                .iter()
                .filter_map(|c| c.definition.name.as_deref())
                .filter_map(|name| self.container(name, version))
                .collect(),
            service_name: match version {
                Version::V4 => d.service_name.clone(),
                Version::V3 => None,
            },
            fault_injection_enabled: (version == Version::V4).then_some(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::ContainerNetwork;
    use berth_api::ecs::{
        ContainerDefinition, HealthCheck, LogConfiguration, LogDriver, NetworkBinding,
        TransportProtocol,
    };
    use berth_api::protocol::DesiredContainer;
    use serde_json::{json, Value};

    /// A container document in the shape of the developer guide's example of
    /// `${ECS_CONTAINER_METADATA_URI_V4}` (values changed).
    fn documented_container() -> Value {
        json!({
            "DockerId": "c0ffee92c8553fbff06c9340478a2ff089b2bb5646fb718b4ee206641c9086d6",
            "Name": "curl",
            "DockerName": "ecs-curltest-7-curl-9a0b1c2d3e4f50607080",
            "Image": "111122223333.dkr.ecr.us-west-2.amazonaws.com/curltest:latest",
            "ImageID": "sha256:0d91691e9652791a60114e67b365688d20d19940dde7c4736ea30e660d8d3553",
            "Labels": {
                "com.amazonaws.ecs.cluster": "default",
                "com.amazonaws.ecs.container-name": "curl",
                "com.amazonaws.ecs.task-arn": "arn:aws:ecs:us-west-2:111122223333:task/default/9f03e41243824aea923aca126495f665",
                "com.amazonaws.ecs.task-definition-family": "curltest",
                "com.amazonaws.ecs.task-definition-version": "7"
            },
            "DesiredStatus": "RUNNING",
            "KnownStatus": "RUNNING",
            "Limits": {"CPU": 10, "Memory": 128},
            "CreatedAt": "2021-04-05T10:15:07.620912337Z",
            "StartedAt": "2021-04-05T10:15:08.062559351Z",
            "Type": "NORMAL",
            "LogDriver": "awslogs",
            "LogOptions": {
                "awslogs-create-group": "true",
                "awslogs-group": "/ecs/metadata",
                "awslogs-region": "us-west-2",
                "awslogs-stream": "ecs/curl/9f03e41243824aea923aca126495f665"
            },
            "ContainerARN": "arn:aws:ecs:us-west-2:111122223333:container/1206b271-b33f-47ab-86c6-a0ba208a70a9",
            "Networks": [{
                "NetworkMode": "awsvpc",
                "IPv4Addresses": ["10.0.2.106"],
                "AttachmentIndex": 0,
                "MACAddress": "0e:9e:32:c7:48:86",
                "IPv4SubnetCIDRBlock": "10.0.2.0/24",
                "PrivateDNSName": "ip-10-0-2-106.us-west-2.compute.internal",
                "SubnetGatewayIpv4Address": "10.0.2.1/24"
            }]
        })
    }

    /// A task document in the shape of the developer guide's `taskWithTags` example, with
    /// v4's `ServiceName` (values changed).
    fn documented_task_with_tags() -> Value {
        json!({
            "Cluster": "arn:aws:ecs:us-west-2:111122223333:cluster/default",
            "TaskARN": "arn:aws:ecs:us-west-2:111122223333:task/default/258d1c8083dd49d6b527399fd6414f5c",
            "Family": "curltest",
            "ServiceName": "MyService",
            "Revision": "26",
            "DesiredStatus": "RUNNING",
            "KnownStatus": "RUNNING",
            "PullStartedAt": "2021-04-05T00:43:06.202617438Z",
            "PullStoppedAt": "2021-04-05T00:43:06.31288465Z",
            "AvailabilityZone": "us-west-2d",
            "TaskTags": {"tag-use": "task-metadata-endpoint-test"},
            "ContainerInstanceTags": {"tag_key": "tag_value"},
            "LaunchType": "EC2",
            "Limits": {"CPU": 0.25, "Memory": 512},
            "Containers": [documented_container()],
            "Errors": [{
                "ErrorField": "ContainerInstanceTags",
                "ErrorCode": "AccessDeniedException",
                "ErrorMessage": "not allowed",
                "StatusCode": 400,
                "RequestId": "cd2f0a5e-6c43-4a4c-8e38-35d1a5b4a0f1",
                "ResourceARN": "arn:aws:ecs:us-west-2:111122223333:container-instance/default/1"
            }],
            "FaultInjectionEnabled": false
        })
    }

    /// Deserialising a documented example and writing it back gives the same JSON: every
    /// key is known, named and typed as ECS has it, and nothing is added.
    #[test]
    fn documented_examples_round_trip_exactly() {
        let example = documented_container();
        let parsed: ContainerResponse = serde_json::from_value(example.clone()).expect("parses");
        assert_eq!(serde_json::to_value(&parsed).expect("writes"), example);
        let example = documented_task_with_tags();
        let parsed: TaskResponse = serde_json::from_value(example.clone()).expect("parses");
        assert_eq!(serde_json::to_value(&parsed).expect("writes"), example);
        let credentials = json!({
            "RoleArn": "arn:aws:iam::111122223333:role/app",
            "AccessKeyId": "ASIAEXAMPLE",
            "SecretAccessKey": "secret",
            "Token": "token",
            "Expiration": "2024-01-01T12:00:00Z"
        });
        let parsed: CredentialsResponse =
            serde_json::from_value(credentials.clone()).expect("parses");
        assert_eq!(serde_json::to_value(&parsed).expect("writes"), credentials);
        assert!(!format!("{parsed:?}").contains("secret"));
    }

    #[test]
    fn times_are_written_as_go_does() {
        let t = SystemTime::UNIX_EPOCH + Duration::new(1_601_597_707, 620_912_337);
        assert_eq!(rfc3339_nanos(t), "2020-10-02T00:15:07.620912337Z");
        let t = SystemTime::UNIX_EPOCH + Duration::new(1_601_597_707, 310_000_000);
        assert_eq!(rfc3339_nanos(t), "2020-10-02T00:15:07.31Z");
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_601_597_707);
        assert_eq!(rfc3339_nanos(t), "2020-10-02T00:15:07Z");
        assert_eq!(rfc3339_seconds(1_704_110_400), "2024-01-01T12:00:00Z");
    }

    fn running_container(id: &str, name: &str, ip: &str) -> ContainerStatus {
        ContainerStatus {
            id: id.into(),
            name: format!("berth-web-3-{name}-abc123"),
            state: RunState::Running,
            exit_code: None,
            error: None,
            oom_killed: false,
            health: Some(HealthStatus::Healthy),
            started_at: Some(SystemTime::UNIX_EPOCH + Duration::new(1_700_000_001, 5)),
            finished_at: None,
            network_bindings: Vec::new(),
            labels: BTreeMap::from([("com.berth.container-name".into(), name.into())]),
            image_id: Some("sha256:abc".into()),
            created_at: Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)),
            networks: vec![ContainerNetwork {
                name: "bridge".into(),
                ipv4: Some(ip.parse().expect("an IP")),
                ipv6: None,
            }],
        }
    }

    /// What the agent knows becomes ECS's documents: the task with its limits in vCPUs,
    /// a running container with its ports, network, health and log settings, and an
    /// exited one with its exit code; v3 leaves out v4's additions.
    #[test]
    fn a_task_becomes_ecs_documents() {
        let web = ContainerDefinition {
            name: Some("web".into()),
            image: Some("busybox".into()),
            cpu: Some(256),
            memory: Some(64),
            health_check: Some(HealthCheck {
                command: vec!["CMD-SHELL".into(), "true".into()],
                ..Default::default()
            }),
            log_configuration: Some(LogConfiguration {
                log_driver: LogDriver::JsonFile,
                options: Some(BTreeMap::from([("max-size".into(), "1m".into())])),
                secret_options: None,
            }),
            ..Default::default()
        };
        let init = ContainerDefinition {
            name: Some("init".into()),
            image: Some("busybox".into()),
            ..Default::default()
        };
        let pending = ContainerDefinition {
            name: Some("later".into()),
            image: Some("busybox".into()),
            ..Default::default()
        };
        let desired = DesiredTask {
            task_arn: "arn:aws:ecs:us-east-1:000000000000:task/c1/abc123".into(),
            cluster: "c1".into(),
            family: "web".into(),
            revision: 3,
            desired_status: DesiredStatus::Running,
            stop_code: None,
            stopped_reason: None,
            network_mode: NetworkMode::Bridge,
            task_role_arn: None,
            cpu: Some(512),
            memory: Some(256),
            containers: [("web", web), ("init", init), ("later", pending)]
                .into_iter()
                .map(|(name, definition)| DesiredContainer {
                    container_arn: format!(
                        "arn:aws:ecs:us-east-1:000000000000:container/c1/abc123/{name}"
                    ),
                    definition,
                    gpu_ids: Vec::new(),
                })
                .collect(),
            volumes: Vec::new(),
            pid_mode: None,
            ipc_mode: None,
            service_name: Some("svc".into()),
            availability_zone: Some("us-east-1a".into()),
            enable_execute_command: false,
            network: None,
            fargate: false,
            isolation: berth_api::protocol::Isolation::Standard,
        };
        let mut exited = running_container("i1", "init", "172.17.0.9");
        exited.state = RunState::Exited;
        exited.exit_code = Some(0);
        exited.finished_at = Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_002));
        exited.networks.clear();
        let containers = BTreeMap::from([
            (
                "web".to_string(),
                running_container("w1", "web", "172.17.0.5"),
            ),
            ("init".to_string(), exited),
        ]);
        let report = TaskReport {
            task_arn: desired.task_arn.clone(),
            last_status: ReportedStatus::Running,
            containers: vec![ContainerReport {
                name: "web".into(),
                runtime_id: Some("w1".into()),
                last_status: ReportedStatus::Running,
                exit_code: None,
                reason: None,
                network_bindings: vec![NetworkBinding {
                    bind_ip: Some("0.0.0.0".into()),
                    container_port: Some(80),
                    host_port: Some(32768),
                    protocol: Some(TransportProtocol::Tcp),
                    ..Default::default()
                }],
                health_status: Some(HealthStatus::Healthy),
                image_digest: None,
                restart_count: Some(2),
                exec_agent_running: false,
            }],
            stop_code: None,
            stopped_reason: None,
            pull_started_at: Some(1_700_000_000.5),
            pull_stopped_at: Some(1_700_000_000.75),
            started_at: Some(1_700_000_001.0),
            stopping_at: None,
            execution_stopped_at: None,
            health_status: Some(HealthStatus::Healthy),
        };
        let view = TaskView {
            desired: &desired,
            report: Some(&report),
            containers: &containers,
            cluster: "arn:aws:ecs:us-east-1:000000000000:cluster/c1",
            launch_type: "EC2",
        };
        let task = serde_json::to_value(view.task(Version::V4)).expect("writes");
        let web = json!({
            "DockerId": "w1",
            "Name": "web",
            "DockerName": "berth-web-3-web-abc123",
            "Image": "busybox",
            "ImageID": "sha256:abc",
            "Ports": [{"ContainerPort": 80, "Protocol": "tcp", "HostPort": 32768, "HostIp": "0.0.0.0"}],
            "Labels": {"com.berth.container-name": "web"},
            "DesiredStatus": "RUNNING",
            "KnownStatus": "RUNNING",
            "Limits": {"CPU": 256, "Memory": 64},
            "CreatedAt": "2023-11-14T22:13:20Z",
            "StartedAt": "2023-11-14T22:13:21.000000005Z",
            "Type": "NORMAL",
            "Networks": [{"NetworkMode": "bridge", "IPv4Addresses": ["172.17.0.5"]}],
            "Health": {"status": "HEALTHY"},
            "LogDriver": "json-file",
            "LogOptions": {"max-size": "1m"},
            "ContainerARN": "arn:aws:ecs:us-east-1:000000000000:container/c1/abc123/web",
            "RestartCount": 2
        });
        let init = json!({
            "DockerId": "i1",
            "Name": "init",
            "DockerName": "berth-web-3-init-abc123",
            "Image": "busybox",
            "ImageID": "sha256:abc",
            "Labels": {"com.berth.container-name": "init"},
            "DesiredStatus": "RUNNING",
            "KnownStatus": "STOPPED",
            "ExitCode": 0,
            "Limits": {"CPU": 0, "Memory": 0},
            "CreatedAt": "2023-11-14T22:13:20Z",
            "StartedAt": "2023-11-14T22:13:21.000000005Z",
            "FinishedAt": "2023-11-14T22:13:22Z",
            "Type": "NORMAL",
            "Networks": [{"NetworkMode": "bridge"}],
            "ContainerARN": "arn:aws:ecs:us-east-1:000000000000:container/c1/abc123/init"
        });
        assert_eq!(
            task,
            json!({
                "Cluster": "arn:aws:ecs:us-east-1:000000000000:cluster/c1",
                "TaskARN": "arn:aws:ecs:us-east-1:000000000000:task/c1/abc123",
                "Family": "web",
                "Revision": "3",
                "DesiredStatus": "RUNNING",
                "KnownStatus": "RUNNING",
                "Limits": {"CPU": 0.5, "Memory": 256},
                "PullStartedAt": "2023-11-14T22:13:20.5Z",
                "PullStoppedAt": "2023-11-14T22:13:20.75Z",
                "AvailabilityZone": "us-east-1a",
                "LaunchType": "EC2",
                "Containers": [web, init],
                "ServiceName": "svc",
                "FaultInjectionEnabled": false
            })
        );
        let v3 = serde_json::to_value(view.task(Version::V3)).expect("writes");
        assert!(v3.get("ServiceName").is_none() && v3.get("FaultInjectionEnabled").is_none());
        assert!(v3["Containers"][0].get("RestartCount").is_none());
        assert_eq!(
            view.container("later", Version::V4),
            None,
            "not created yet"
        );
    }
}
