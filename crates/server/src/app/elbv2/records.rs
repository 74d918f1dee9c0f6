//! The ELBv2 records berth persists (keys in [`crate::model::keys`], `ELBV2_*`).
//!
//! Intent (load balancers, listeners, rules, target groups, registered targets) and observed
//! state (a load balancer's state and its targets' health, as the data plane reports them)
//! live under separate keys, so a health report never races a user's change. Rule
//! conditions and actions are kept in the ELBv2 wire shapes, normalised at write time the way
//! ELBv2 shows them back (see `actions.rs` and `rules.rs`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use berth_api::elbv2::{
    Action, IpAddressType, LoadBalancerSchemeEnum, LoadBalancerStateEnum, LoadBalancerTypeEnum,
    ProtocolEnum, RuleCondition, Tag, TargetGroupIpAddressTypeEnum, TargetHealthReasonEnum,
    TargetHealthStateEnum, TargetTypeEnum,
};
use serde::{Deserialize, Serialize};

/// The generation of the ELBv2 configuration (`/elbv2/config`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigRecord {
    pub generation: u64,
}

/// A load balancer (`/elbv2/load-balancers/NAME`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancerRecord {
    /// 16 hexadecimal digits, the last part of the ARN.
    pub id: String,
    pub name: String,
    pub arn: String,
    #[serde(rename = "type")]
    pub kind: LoadBalancerTypeEnum,
    pub scheme: LoadBalancerSchemeEnum,
    pub ip_address_type: IpAddressType,
    /// The attributes set to something other than their default (see `attributes.rs`).
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub created_at: f64,
}

/// What the data plane serving a load balancer last reported about it
/// (`/elbv2/load-balancer-states/NAME`). Until one is written the load balancer is
/// `provisioning`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancerStateRecord {
    /// The load balancer reported on, so that a report about a deleted load balancer never
    /// applies to a new one of the same name.
    pub load_balancer_id: String,
    pub code: LoadBalancerStateEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub reported_at: f64,
}

/// A listener (`/elbv2/listeners/LB_NAME/ID`). Its default rule is part of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListenerRecord {
    pub id: String,
    pub arn: String,
    pub load_balancer_name: String,
    pub load_balancer_id: String,
    pub load_balancer_arn: String,
    pub port: u16,
    pub protocol: ProtocolEnum,
    /// HTTPS listeners only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssl_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<ListenerCertificate>,
    pub default_actions: Vec<Action>,
    /// The ID of the listener's default rule, the last part of its ARN.
    pub default_rule_id: String,
    #[serde(default)]
    pub default_rule_tags: Vec<Tag>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub created_at: f64,
}

/// An HTTPS listener's certificate: a PEM file in the server's certificate directory,
/// named by a berth certificate ARN (see `listeners.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListenerCertificate {
    /// As the user gave it: `arn:aws:acm:REGION:ACCOUNT:certificate/NAME`.
    pub arn: String,
    /// The PEM file with the certificate chain and the private key.
    pub path: PathBuf,
    /// SHA-256 of the leaf certificate's DER, hex: which certificate was checked when the
    /// listener was written.
    pub sha256: String,
}

/// A rule of a listener other than its default rule (`/elbv2/rules/LB_NAME/LISTENER_ID/ID`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleRecord {
    pub id: String,
    pub arn: String,
    pub load_balancer_name: String,
    pub listener_id: String,
    pub listener_arn: String,
    /// 1 to 50,000, unique per listener.
    pub priority: i32,
    pub conditions: Vec<RuleCondition>,
    pub actions: Vec<Action>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub created_at: f64,
}

/// A target group (`/elbv2/target-groups/NAME`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetGroupRecord {
    pub id: String,
    pub name: String,
    pub arn: String,
    pub protocol: ProtocolEnum,
    /// `HTTP1` for HTTP target groups; absent for TCP ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol_version: Option<String>,
    pub port: u16,
    pub target_type: TargetTypeEnum,
    pub ip_address_type: TargetGroupIpAddressTypeEnum,
    pub health_check: HealthCheckRecord,
    /// The attributes set to something other than their default (see `attributes.rs`).
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub created_at: f64,
}

/// How the data plane checks a target group's targets. Every value is resolved (defaults
/// filled in) when the group is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthCheckRecord {
    /// HTTP or TCP.
    pub protocol: ProtocolEnum,
    /// `traffic-port` (each target's own port) or a port number.
    pub port: String,
    /// HTTP checks only: the path requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub interval_seconds: i32,
    pub timeout_seconds: i32,
    pub healthy_threshold: i32,
    pub unhealthy_threshold: i32,
    /// HTTP checks only: the status codes that count as healthy, as ELBv2 writes them
    /// (`200`, `200,202`, `200-299`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matcher: Option<String>,
}

impl HealthCheckRecord {
    /// The port checked for a target listening on `target_port`.
    pub fn port_for(&self, target_port: u16) -> u16 {
        self.port.parse().unwrap_or(target_port)
    }
}

/// The targets registered with a target group, and those still draining
/// (`/elbv2/targets/TG_NAME`). At most [`super::MAX_TARGETS_PER_GROUP`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetsRecord {
    /// The group these targets belong to, so that a record left by a deleted group of the
    /// same name is never taken for a new group's.
    pub target_group_id: String,
    pub targets: Vec<TargetRecord>,
}

/// One registration of a target: an instance or an IP address on a port.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetRecord {
    /// `ip` groups: an IP address. `instance` groups: the `ec2InstanceId` of a container
    /// instance (berth shows the host's name there).
    pub id: String,
    pub port: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Random, new on every registration: health observed for an earlier registration of
    /// the same target never applies to this one.
    pub registration: String,
    pub registered_at: f64,
    /// Set once the target is deregistered: it gets no new requests, and it is gone when
    /// the deregistration delay has passed (or the data plane says it has drained).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draining: Option<Draining>,
}

impl TargetRecord {
    /// Whether this registration is for the target `id` on `port`.
    pub fn is(&self, id: &str, port: u16) -> bool {
        self.id == id && self.port == port
    }

    /// Whether the target still takes new requests, or is draining and the delay has not
    /// passed at `now`. A target draining past its deadline is as good as gone.
    pub fn is_present(&self, now: f64) -> bool {
        self.draining.as_ref().is_none_or(|d| now < d.until)
    }
}

/// A deregistered target's draining period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Draining {
    pub since: f64,
    /// `since` plus the group's `deregistration_delay.timeout_seconds`.
    pub until: f64,
}

/// The health the data plane last found for a target group's targets
/// (`/elbv2/target-health/TG_NAME`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetHealthRecord {
    pub target_group_id: String,
    pub targets: Vec<ObservedTargetHealth>,
}

/// One target's health as the data plane saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObservedTargetHealth {
    pub id: String,
    pub port: u16,
    /// The registration checked ([`TargetRecord::registration`]).
    pub registration: String,
    /// `initial` (still checking), `healthy` or `unhealthy`.
    pub state: TargetHealthStateEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<TargetHealthReasonEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub observed_at: f64,
}
