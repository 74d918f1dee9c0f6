//! The meeting point of the ELBv2 control plane and the load balancer data plane
//! (`berth_lb`): [`App::elbv2_data_plane_config`] turns the stored ELBv2 resources into the
//! data plane's [`LbConfig`], and [`App::elbv2_apply_health`] turns what data planes
//! observed ([`HealthSnapshot`]s) back into the observed-state records DescribeTargetHealth
//! and DescribeLoadBalancers read.
//!
//! The data plane connects to IP addresses: an `ip` target is its own address, and an
//! `instance` target (named by its container instance's `ec2InstanceId`, the host's name)
//! is the address in the instance's `berth.host-address` attribute when it has one, else
//! what the host name resolves to (resolved by the caller, see [`InstanceAddresses`]). A
//! target whose address is unknown is left out of the configuration (and logged): it stays
//! `initial` until it can be reached.
//!
//! Observations are matched back to registrations through the [`DataPlaneConfig`] they
//! were made under, so that health seen for an earlier registration of the same address
//! never applies to a new one.

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, SocketAddr};

use berth_api::elbv2::{
    Action as WireAction, ActionTypeEnum, LoadBalancerStateEnum, LoadBalancerTypeEnum,
    ProtocolEnum, RedirectActionStatusCodeEnum, RuleCondition, TargetHealthReasonEnum,
    TargetHealthStateEnum, TargetTypeEnum,
};
use berth_api::lb::{
    Action, Algorithm, CertificateFiles, Condition, FixedResponse, GroupStickiness, HealthCheck,
    HealthCheckPort, HealthSnapshot, LbConfig, Listener, LoadBalancer, LoadBalancerType, Protocol,
    QueryStringPair, Redirect, Rule, Target, TargetGroup, TargetGroupAttributes, TargetState,
    WeightedTargetGroup,
};

use super::dataplane::{Elbv2Configuration, TargetGroupConfig};
use super::records::{ObservedTargetHealth, TargetHealthRecord};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::now;

/// The instance attribute that names the address load balancers reach an `instance`
/// target's host at (`berth agent --attribute berth.host-address=10.0.0.5`).
pub const HOST_ADDRESS_ATTRIBUTE: &str = "berth.host-address";

/// The addresses of container instances, by `ec2InstanceId` (host name).
pub type InstanceAddresses = HashMap<String, IpAddr>;

/// A data-plane configuration and what it needs to read observations back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DataPlaneConfig {
    pub config: LbConfig,
    /// Target group ARN → the targets the data plane was given, with their registrations.
    targets: HashMap<String, Vec<MappedTarget>>,
    /// Load balancer ARN → its listeners' ARNs.
    listeners: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
struct MappedTarget {
    address: SocketAddr,
    id: String,
    port: u16,
    registration: String,
    draining: bool,
}

impl DataPlaneConfig {
    /// The same configuration under another generation.
    pub fn with_generation(mut self, generation: u64) -> Self {
        self.config.generation = generation;
        self
    }

    /// Whether two configurations serve the same thing (generations aside).
    pub fn same_as(&self, other: &DataPlaneConfig) -> bool {
        self.targets == other.targets
            && self.listeners == other.listeners
            && self.config.load_balancers == other.config.load_balancers
            && self.config.target_groups == other.config.target_groups
    }
}

impl App {
    /// The host names of the container instances that `instance` targets name and that
    /// have no `berth.host-address` attribute: the caller resolves them.
    pub fn elbv2_instance_hosts(&self) -> (InstanceAddresses, Vec<String>) {
        let view = self.view.read();
        let mut known = InstanceAddresses::new();
        let mut unresolved = Vec::new();
        let index = &view.elbv2;
        for group in index.target_groups.values() {
            if group.record.target_type != TargetTypeEnum::Instance {
                continue;
            }
            for target in index.registrations(&group.record) {
                if known.contains_key(&target.id) || unresolved.contains(&target.id) {
                    continue;
                }
                let attribute = view
                    .instances
                    .values()
                    .filter(|i| i.hostname == target.id && i.status != "INACTIVE")
                    .find_map(|i| i.attributes.get(HOST_ADDRESS_ATTRIBUTE).cloned().flatten());
                match attribute.and_then(|a| a.parse().ok()) {
                    Some(address) => {
                        known.insert(target.id.clone(), address);
                    }
                    None => unresolved.push(target.id.clone()),
                }
            }
        }
        (known, unresolved)
    }

    /// The data plane's configuration for the view as it is now (generation 0: the caller
    /// numbers it).
    pub fn elbv2_data_plane_config(&self, addresses: &InstanceAddresses) -> DataPlaneConfig {
        to_data_plane(&self.elbv2_configuration(), addresses)
    }

    /// Records what data planes observed under `plan`: target health (worst of the
    /// snapshots), targets that finished draining (in every snapshot), and each load
    /// balancer's state (`active` once every snapshot has its listeners bound, `failed`
    /// with the reason when one cannot serve a listener). Snapshots of another generation
    /// are ignored, and only what differs from the view is written.
    pub async fn elbv2_apply_health(
        &self,
        plan: &DataPlaneConfig,
        snapshots: &[&HealthSnapshot],
    ) -> Result<()> {
        let snapshots: Vec<&HealthSnapshot> = snapshots
            .iter()
            .copied()
            .filter(|s| s.generation == plan.config.generation)
            .collect();
        if snapshots.is_empty() {
            return Ok(());
        }
        for (group_arn, targets) in &plan.targets {
            let (observations, drained) = combine(group_arn, targets, &snapshots);
            if !drained.is_empty() {
                ignore_gone(self.elbv2_finish_draining(group_arn, &drained).await)?;
            }
            if self.health_differs(group_arn, &observations) {
                ignore_gone(
                    self.elbv2_record_target_health(group_arn, &observations)
                        .await,
                )?;
            }
        }
        for (lb_arn, listeners) in &plan.listeners {
            let mut problems: Vec<String> = Vec::new();
            for snapshot in &snapshots {
                if let Some(error) = &snapshot.config_error {
                    problems.push(format!("the configuration was refused: {error}"));
                }
                problems.extend(
                    snapshot
                        .listener_errors
                        .iter()
                        .filter(|e| listeners.contains(&e.listener_arn))
                        .map(|e| format!("listener on port {}: {}", e.port, e.message)),
                );
            }
            problems.dedup();
            let (code, reason) = if problems.is_empty() {
                (LoadBalancerStateEnum::Active, None)
            } else {
                (LoadBalancerStateEnum::Failed, Some(problems.join("; ")))
            };
            if self.load_balancer_state_differs(lb_arn, code, reason.as_deref()) {
                ignore_gone(
                    self.elbv2_record_load_balancer_state(lb_arn, code, reason)
                        .await,
                )?;
            }
        }
        Ok(())
    }

    fn health_differs(&self, group_arn: &str, observations: &[ObservedTargetHealth]) -> bool {
        let view = self.view.read();
        let Some(group) = view
            .elbv2
            .target_groups
            .values()
            .find(|g| g.record.arn == group_arn)
        else {
            return false;
        };
        let current: &[ObservedTargetHealth] = view
            .elbv2
            .target_health
            .get(&group.record.name)
            .filter(|h: &&TargetHealthRecord| h.target_group_id == group.record.id)
            .map_or(&[], |h| h.targets.as_slice());
        let key = |o: &ObservedTargetHealth| {
            (
                o.id.clone(),
                o.port,
                o.registration.clone(),
                o.state,
                o.reason,
                o.description.clone(),
            )
        };
        let mut before: Vec<_> = current.iter().map(key).collect();
        let mut after: Vec<_> = observations.iter().map(key).collect();
        before.sort();
        after.sort();
        before != after
    }

    fn load_balancer_state_differs(
        &self,
        lb_arn: &str,
        code: LoadBalancerStateEnum,
        reason: Option<&str>,
    ) -> bool {
        let view = self.view.read();
        let Some(lb) = view
            .elbv2
            .load_balancers
            .values()
            .find(|lb| lb.record.arn == lb_arn)
        else {
            return false;
        };
        view.elbv2
            .load_balancer_states
            .get(&lb.record.name)
            .filter(|s| s.load_balancer_id == lb.record.id)
            .is_none_or(|s| s.code != code || s.reason.as_deref() != reason)
    }
}

/// A load balancer, target group or target that went away while the data plane looked
/// is nothing to record.
fn ignore_gone(result: Result<()>) -> Result<()> {
    match result {
        Err(Error::Api { code, .. }) if code.ends_with("NotFound") => Ok(()),
        Err(Error::ResourceNotFound(_)) => Ok(()),
        other => other,
    }
}

/// How bad a state is, for combining data planes: the worst wins.
fn severity(state: TargetHealthStateEnum) -> u8 {
    match state {
        TargetHealthStateEnum::Healthy => 0,
        TargetHealthStateEnum::Initial => 1,
        _ => 2,
    }
}

/// One group's observations (worst of the snapshots, for registered targets) and the
/// draining targets every snapshot saw drained.
fn combine(
    group_arn: &str,
    targets: &[MappedTarget],
    snapshots: &[&HealthSnapshot],
) -> (Vec<ObservedTargetHealth>, Vec<(String, u16)>) {
    let at = now();
    let mut observations = Vec::new();
    let mut drained = Vec::new();
    for target in targets {
        let seen: Vec<_> = snapshots
            .iter()
            .filter_map(|s| {
                s.target_groups
                    .iter()
                    .find(|g| g.target_group_arn == group_arn)?
                    .targets
                    .iter()
                    .find(|t| t.ip == target.address.ip() && t.port == target.address.port())
            })
            .collect();
        if seen.is_empty() {
            continue;
        }
        if target.draining {
            let all_done = seen.len() == snapshots.len()
                && seen.iter().all(|t| {
                    t.state == TargetHealthStateEnum::Unused
                        && t.reason == Some(TargetHealthReasonEnum::TargetNotRegistered)
                });
            if all_done {
                drained.push((target.id.clone(), target.port));
            }
            continue;
        }
        // `unused`, `draining` and `unavailable` are the control plane's to derive, and a
        // target still waiting for its first check is what the control plane shows anyway.
        let Some(worst) = seen
            .iter()
            .filter(|t| {
                matches!(
                    t.state,
                    TargetHealthStateEnum::Healthy
                        | TargetHealthStateEnum::Initial
                        | TargetHealthStateEnum::Unhealthy
                ) && t.reason != Some(TargetHealthReasonEnum::ElbRegistrationInProgress)
            })
            .max_by_key(|t| severity(t.state))
        else {
            continue;
        };
        observations.push(ObservedTargetHealth {
            id: target.id.clone(),
            port: target.port,
            registration: target.registration.clone(),
            state: worst.state,
            reason: worst.reason,
            description: worst.description.clone(),
            observed_at: at,
        });
    }
    (observations, drained)
}

/// Converts the control plane's configuration.
fn to_data_plane(source: &Elbv2Configuration, addresses: &InstanceAddresses) -> DataPlaneConfig {
    let mut out = DataPlaneConfig::default();
    for lb in &source.load_balancers {
        let record = &lb.load_balancer;
        let kind = match record.kind {
            LoadBalancerTypeEnum::Application => LoadBalancerType::Application,
            LoadBalancerTypeEnum::Network => LoadBalancerType::Network,
            LoadBalancerTypeEnum::Gateway => continue,
        };
        let idle_timeout_ms = lb
            .attributes
            .get("idle_timeout.timeout_seconds")
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(match kind {
                LoadBalancerType::Application => 60,
                LoadBalancerType::Network => 350,
            })
            .max(1)
            * 1000;
        let mut listeners = Vec::new();
        for l in &lb.listeners {
            let listener = &l.listener;
            let Some(protocol) = protocol(listener.protocol) else {
                continue;
            };
            let Some(default_action) = listener.default_actions.first().and_then(action) else {
                continue;
            };
            let rules = l
                .rules
                .iter()
                .filter_map(|rule| {
                    Some(Rule {
                        arn: rule.arn.clone(),
                        priority: u32::try_from(rule.priority).ok()?,
                        conditions: rule.conditions.iter().filter_map(condition).collect(),
                        action: rule.actions.first().and_then(action)?,
                    })
                })
                .collect();
            let certificates = listener
                .certificate
                .iter()
                .map(|c| {
                    // One PEM file holds the chain and its key (see `listeners.rs`).
                    let path = c.path.display().to_string();
                    CertificateFiles {
                        certificate_chain_pem: path.clone(),
                        private_key_pem: path,
                    }
                })
                .collect();
            listeners.push(Listener {
                arn: listener.arn.clone(),
                port: listener.port,
                protocol,
                certificates,
                default_action,
                rules,
            });
        }
        out.listeners.insert(
            record.arn.clone(),
            listeners.iter().map(|l| l.arn.clone()).collect(),
        );
        out.config.load_balancers.push(LoadBalancer {
            arn: record.arn.clone(),
            name: record.name.clone(),
            kind,
            address: lb.bind_address,
            idle_timeout_ms,
            listeners,
        });
    }
    for group in &source.target_groups {
        if let Some((converted, mapped)) = target_group(group, addresses) {
            out.targets.insert(converted.arn.clone(), mapped);
            out.config.target_groups.push(converted);
        }
    }
    out
}

fn target_group(
    source: &TargetGroupConfig,
    addresses: &InstanceAddresses,
) -> Option<(TargetGroup, Vec<MappedTarget>)> {
    let record = &source.target_group;
    let protocol = protocol(record.protocol)?;
    let check = &record.health_check;
    let attribute = |key: &str| source.attributes.get(key).map(String::as_str);
    let mut targets = Vec::new();
    let mut mapped = Vec::new();
    for target in &source.targets {
        let ip = match record.target_type {
            TargetTypeEnum::Ip => target.id.parse().ok(),
            _ => addresses.get(&target.id).copied(),
        };
        let Some(ip) = ip else {
            tracing::warn!(target_group = %record.name, target = %target.id, "no address for the target: it is not served");
            continue;
        };
        let state = match &target.draining {
            Some(draining) => TargetState::Draining {
                deadline_unix_ms: (draining.until * 1000.0).max(0.0) as u64,
            },
            None => TargetState::Registered,
        };
        let address = SocketAddr::new(ip, target.port);
        // Two registrations on one address (two host names of one host): the first wins.
        if mapped.iter().any(|m: &MappedTarget| m.address == address) {
            continue;
        }
        targets.push(Target {
            ip,
            port: target.port,
            state,
        });
        mapped.push(MappedTarget {
            address,
            id: target.id.clone(),
            port: target.port,
            registration: target.registration.clone(),
            draining: target.draining.is_some(),
        });
    }
    let seconds = |s: i32| u64::try_from(s).unwrap_or(1).max(1) * 1000;
    let health_check = HealthCheck {
        enabled: true,
        protocol: protocol_of_check(check.protocol),
        path: check.path.clone().unwrap_or_else(|| "/".into()),
        port: match check.port.parse() {
            Ok(port) => HealthCheckPort::Port(port),
            Err(_) => HealthCheckPort::TrafficPort,
        },
        interval_ms: seconds(check.interval_seconds),
        timeout_ms: seconds(check.timeout_seconds),
        healthy_threshold: u32::try_from(check.healthy_threshold).unwrap_or(1).max(1),
        unhealthy_threshold: u32::try_from(check.unhealthy_threshold).unwrap_or(1).max(1),
        matcher: check.matcher.clone().unwrap_or_else(|| "200".into()),
    };
    let defaults = TargetGroupAttributes::default();
    let attributes = TargetGroupAttributes {
        deregistration_delay_seconds: attribute("deregistration_delay.timeout_seconds")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.deregistration_delay_seconds),
        stickiness_enabled: attribute("stickiness.enabled") == Some("true")
            && protocol != Protocol::Tcp,
        stickiness_type: attribute("stickiness.type")
            .unwrap_or("lb_cookie")
            .to_owned(),
        stickiness_duration_seconds: attribute("stickiness.lb_cookie.duration_seconds")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.stickiness_duration_seconds),
        algorithm: match attribute("load_balancing.algorithm.type") {
            Some("least_outstanding_requests") => Algorithm::LeastOutstandingRequests,
            _ => Algorithm::RoundRobin,
        },
    };
    Some((
        TargetGroup {
            arn: record.arn.clone(),
            name: record.name.clone(),
            protocol,
            targets,
            health_check,
            attributes,
        },
        mapped,
    ))
}

fn protocol(protocol: ProtocolEnum) -> Option<Protocol> {
    match protocol {
        ProtocolEnum::Http => Some(Protocol::Http),
        ProtocolEnum::Https => Some(Protocol::Https),
        ProtocolEnum::Tcp => Some(Protocol::Tcp),
        _ => None,
    }
}

fn protocol_of_check(protocol: ProtocolEnum) -> Protocol {
    match protocol {
        ProtocolEnum::Http => Protocol::Http,
        ProtocolEnum::Https => Protocol::Https,
        _ => Protocol::Tcp,
    }
}

/// A listener's or rule's action, in the normal form `actions.rs` stores.
fn action(source: &WireAction) -> Option<Action> {
    match source.type_ {
        ActionTypeEnum::Forward => {
            let config = source.forward_config.as_ref();
            let mut target_groups: Vec<WeightedTargetGroup> = config
                .and_then(|c| c.target_groups.as_ref())
                .into_iter()
                .flatten()
                .filter_map(|t| {
                    Some(WeightedTargetGroup {
                        target_group_arn: t.target_group_arn.clone()?,
                        weight: u32::try_from(t.weight.unwrap_or(1)).ok()?,
                    })
                })
                .collect();
            if target_groups.is_empty() {
                target_groups.push(WeightedTargetGroup {
                    target_group_arn: source.target_group_arn.clone()?,
                    weight: 1,
                });
            }
            let stickiness = config
                .and_then(|c| c.target_group_stickiness_config.as_ref())
                .filter(|s| s.enabled == Some(true))
                .map(|s| GroupStickiness {
                    enabled: true,
                    duration_seconds: u32::try_from(s.duration_seconds.unwrap_or(3600))
                        .unwrap_or(3600),
                });
            Some(Action::Forward {
                target_groups,
                stickiness,
            })
        }
        ActionTypeEnum::Redirect => {
            let config = source.redirect_config.as_ref()?;
            Some(Action::Redirect(Redirect {
                protocol: config.protocol.clone(),
                host: config.host.clone(),
                port: config.port.clone(),
                path: config.path.clone(),
                query: config.query.clone(),
                status_code: match config.status_code {
                    RedirectActionStatusCodeEnum::Http301 => 301,
                    RedirectActionStatusCodeEnum::Http302 => 302,
                },
            }))
        }
        ActionTypeEnum::FixedResponse => {
            let config = source.fixed_response_config.as_ref()?;
            Some(Action::FixedResponse(FixedResponse {
                status_code: config.status_code.parse().ok()?,
                content_type: config.content_type.clone(),
                message_body: config.message_body.clone(),
            }))
        }
        _ => None,
    }
}

/// A rule condition, in the normal form `conditions.rs` stores.
fn condition(source: &RuleCondition) -> Option<Condition> {
    let values = |v: Option<&Vec<String>>| v.cloned().unwrap_or_default();
    Some(match source.field.as_deref()? {
        "path-pattern" => Condition::PathPattern {
            values: values(
                source
                    .path_pattern_config
                    .as_ref()
                    .and_then(|c| c.values.as_ref())
                    .or(source.values.as_ref()),
            ),
        },
        "host-header" => Condition::HostHeader {
            values: values(
                source
                    .host_header_config
                    .as_ref()
                    .and_then(|c| c.values.as_ref())
                    .or(source.values.as_ref()),
            ),
        },
        "http-header" => {
            let config = source.http_header_config.as_ref()?;
            Condition::HttpHeader {
                name: config.http_header_name.clone()?,
                values: values(config.values.as_ref()),
            }
        }
        "http-request-method" => Condition::HttpRequestMethod {
            values: values(
                source
                    .http_request_method_config
                    .as_ref()
                    .and_then(|c| c.values.as_ref()),
            ),
        },
        "query-string" => Condition::QueryString {
            values: source
                .query_string_config
                .as_ref()
                .and_then(|c| c.values.as_ref())
                .into_iter()
                .flatten()
                .map(|pair| QueryStringPair {
                    key: pair.key.clone(),
                    value: pair.value.clone().unwrap_or_default(),
                })
                .collect(),
        },
        "source-ip" => Condition::SourceIp {
            values: values(
                source
                    .source_ip_config
                    .as_ref()
                    .and_then(|c| c.values.as_ref()),
            ),
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use berth_api::lb::{TargetGroupHealth, TargetHealthObservation};

    use super::*;

    const GROUP: &str = "arn:group";

    fn mapped(port: u16, draining: bool) -> MappedTarget {
        MappedTarget {
            address: SocketAddr::from(([10, 0, 0, 1], port)),
            id: "10.0.0.1".into(),
            port,
            registration: format!("reg-{port}"),
            draining,
        }
    }

    fn seen(
        port: u16,
        state: TargetHealthStateEnum,
        reason: Option<TargetHealthReasonEnum>,
    ) -> TargetHealthObservation {
        TargetHealthObservation {
            ip: [10, 0, 0, 1].into(),
            port,
            state,
            reason,
            description: None,
            in_flight: 0,
        }
    }

    fn snapshot(targets: Vec<TargetHealthObservation>) -> HealthSnapshot {
        HealthSnapshot {
            generation: 7,
            target_groups: vec![TargetGroupHealth {
                target_group_arn: GROUP.into(),
                targets,
            }],
            ..HealthSnapshot::default()
        }
    }

    #[test]
    fn data_planes_combine_worst_of_and_drain_only_together() {
        use TargetHealthReasonEnum as Reason;
        use TargetHealthStateEnum as State;
        let targets = [
            mapped(1, false),
            mapped(2, false),
            mapped(3, true),
            mapped(4, true),
        ];
        let a = snapshot(vec![
            seen(1, State::Healthy, None),
            seen(2, State::Healthy, None),
            seen(3, State::Unused, Some(Reason::TargetNotRegistered)),
            seen(4, State::Unused, Some(Reason::TargetNotRegistered)),
        ]);
        let b = snapshot(vec![
            seen(1, State::Unhealthy, Some(Reason::TargetTimeout)),
            seen(2, State::Initial, Some(Reason::ElbRegistrationInProgress)),
            seen(3, State::Unused, Some(Reason::TargetNotRegistered)),
            seen(
                4,
                State::Draining,
                Some(Reason::TargetDeregistrationInProgress),
            ),
        ]);
        let (observations, drained) = combine(GROUP, &targets, &[&a, &b]);
        let by_port: HashMap<u16, &ObservedTargetHealth> =
            observations.iter().map(|o| (o.port, o)).collect();
        assert_eq!(by_port[&1].state, State::Unhealthy, "the worst wins");
        assert_eq!(by_port[&1].reason, Some(Reason::TargetTimeout));
        assert_eq!(by_port[&1].registration, "reg-1");
        assert_eq!(
            by_port[&2].state,
            State::Healthy,
            "a data plane that has not checked yet does not count"
        );
        assert!(!by_port.contains_key(&3) && !by_port.contains_key(&4));
        assert_eq!(
            drained,
            vec![("10.0.0.1".to_owned(), 3)],
            "drained only where every data plane drained it"
        );
    }
}
