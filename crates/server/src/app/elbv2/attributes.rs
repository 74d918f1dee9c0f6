//! Load balancer and target group attributes: ELBv2's keys, defaults and value rules, and
//! which values berth applies.
//!
//! Describe calls show every attribute of the resource's kind with its value (the default
//! unless set). A Modify call must name attributes of that kind with valid values; a value
//! berth cannot apply (S3 access logs, WAF, app-cookie stickiness, …) is refused with
//! `InvalidConfigurationRequest` saying why, so nothing is stored and then ignored. Only
//! values that differ from the default are stored.

use std::collections::BTreeMap;

use berth_api::elbv2::{LoadBalancerSchemeEnum, LoadBalancerTypeEnum, ProtocolEnum};

use super::invalid_configuration;
use crate::error::Result;

/// What values an attribute takes.
#[derive(Debug, Clone, Copy)]
enum Values {
    Bool,
    /// An integer in the range.
    Range(i64, i64),
    OneOf(&'static [&'static str]),
    /// Free text up to this many characters.
    Text(usize),
}

/// Which valid values berth applies.
#[derive(Debug, Clone, Copy)]
enum Support {
    /// Every valid value.
    Any,
    /// Only the default; the text says why.
    DefaultOnly(&'static str),
    /// Only these values; the text says why.
    Only(&'static [&'static str], &'static str),
}

/// One attribute: its key, value rule, default for the resource, and what berth applies.
#[derive(Debug, Clone, Copy)]
struct Spec {
    key: &'static str,
    values: Values,
    default: &'static str,
    support: Support,
}

const fn spec(key: &'static str, values: Values, default: &'static str, support: Support) -> Spec {
    Spec {
        key,
        values,
        default,
        support,
    }
}

const NO_S3: Support = Support::DefaultOnly("berth does not write logs to S3");
const ONE_ZONE: &str = "berth's load balancers run in one zone";
const NO_DNS: Support =
    Support::DefaultOnly("berth's load balancers have no DNS records to fail over");

/// The attributes of a load balancer of this type and scheme.
fn load_balancer_specs(kind: LoadBalancerTypeEnum, scheme: LoadBalancerSchemeEnum) -> Vec<Spec> {
    use Values::*;
    let deny_igw = if scheme == LoadBalancerSchemeEnum::Internal {
        "true"
    } else {
        "false"
    };
    let mut specs = vec![
        spec("access_logs.s3.enabled", Bool, "false", NO_S3),
        spec("access_logs.s3.bucket", Text(255), "", NO_S3),
        spec("access_logs.s3.prefix", Text(1024), "", NO_S3),
        spec("deletion_protection.enabled", Bool, "false", Support::Any),
        spec(
            "ipv6.deny_all_igw_traffic",
            Bool,
            deny_igw,
            Support::DefaultOnly("berth's load balancers have no internet gateway"),
        ),
        spec(
            "zonal_shift.config.enabled",
            Bool,
            "false",
            Support::DefaultOnly(ONE_ZONE),
        ),
    ];
    match kind {
        LoadBalancerTypeEnum::Network => specs.extend([
            spec(
                "load_balancing.cross_zone.enabled",
                Bool,
                "false",
                Support::Any,
            ),
            spec(
                "dns_record.client_routing_policy",
                OneOf(&[
                    "availability_zone_affinity",
                    "partial_availability_zone_affinity",
                    "any_availability_zone",
                ]),
                "any_availability_zone",
                Support::DefaultOnly(ONE_ZONE),
            ),
            spec(
                "secondary_ips.auto_assigned.per_subnet",
                Range(0, 7),
                "0",
                Support::DefaultOnly("berth's load balancers have no subnets"),
            ),
        ]),
        _ => specs.extend([
            spec(
                "load_balancing.cross_zone.enabled",
                Bool,
                "true",
                Support::DefaultOnly("Application Load Balancers always balance across zones"),
            ),
            spec(
                "client_keep_alive.seconds",
                Range(60, 604_800),
                "3600",
                Support::Any,
            ),
            spec("connection_logs.s3.enabled", Bool, "false", NO_S3),
            spec("connection_logs.s3.bucket", Text(255), "", NO_S3),
            spec("connection_logs.s3.prefix", Text(1024), "", NO_S3),
            spec("health_check_logs.s3.enabled", Bool, "false", NO_S3),
            spec("health_check_logs.s3.bucket", Text(255), "", NO_S3),
            spec("health_check_logs.s3.prefix", Text(1024), "", NO_S3),
            spec(
                "idle_timeout.timeout_seconds",
                Range(1, 4000),
                "60",
                Support::Any,
            ),
            spec(
                "routing.http.desync_mitigation_mode",
                OneOf(&["monitor", "defensive", "strictest"]),
                "defensive",
                Support::DefaultOnly("berth's load balancer has one HTTP parsing mode"),
            ),
            spec(
                "routing.http.drop_invalid_header_fields.enabled",
                Bool,
                "false",
                Support::DefaultOnly("berth's load balancer forwards header fields as received"),
            ),
            spec(
                "routing.http.preserve_host_header.enabled",
                Bool,
                "false",
                Support::DefaultOnly("berth's load balancer forwards the Host header as received"),
            ),
            spec(
                "routing.http.x_amzn_tls_version_and_cipher_suite.enabled",
                Bool,
                "false",
                Support::DefaultOnly("berth's load balancer does not add x-amzn-tls-* headers"),
            ),
            spec(
                "routing.http.xff_client_port.enabled",
                Bool,
                "false",
                Support::DefaultOnly("berth's load balancer appends the client address only"),
            ),
            spec(
                "routing.http.xff_header_processing.mode",
                OneOf(&["append", "preserve", "remove"]),
                "append",
                Support::DefaultOnly("berth's load balancer always appends to X-Forwarded-For"),
            ),
            spec("routing.http2.enabled", Bool, "true", Support::Any),
            spec(
                "waf.fail_open.enabled",
                Bool,
                "false",
                Support::DefaultOnly("berth has no WAF"),
            ),
        ]),
    }
    specs.sort_by_key(|s| s.key);
    specs
}

/// The attributes of a target group of this protocol (HTTP or TCP).
fn target_group_specs(protocol: ProtocolEnum) -> Vec<Spec> {
    use Values::*;
    let mut specs = vec![
        spec(
            "deregistration_delay.timeout_seconds",
            Range(0, 3600),
            "300",
            Support::Any,
        ),
        spec(
            "load_balancing.cross_zone.enabled",
            OneOf(&["true", "false", "use_load_balancer_configuration"]),
            "use_load_balancer_configuration",
            // One zone: every value routes the same way.
            Support::Any,
        ),
        spec(
            "target_group_health.dns_failover.minimum_healthy_targets.count",
            Text(16),
            "1",
            NO_DNS,
        ),
        spec(
            "target_group_health.dns_failover.minimum_healthy_targets.percentage",
            Text(16),
            "off",
            NO_DNS,
        ),
        spec(
            "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count",
            Text(16),
            "1",
            Support::DefaultOnly(
                "berth's load balancer routes to unhealthy targets only when none is healthy",
            ),
        ),
        spec(
            "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage",
            Text(16),
            "off",
            Support::DefaultOnly(
                "berth's load balancer routes to unhealthy targets only when none is healthy",
            ),
        ),
    ];
    if protocol == ProtocolEnum::Tcp {
        specs.extend([
            spec(
                "deregistration_delay.connection_termination.enabled",
                Bool,
                "false",
                Support::DefaultOnly(
                    "berth lets a draining target's connections finish until the delay ends",
                ),
            ),
            spec(
                "preserve_client_ip.enabled",
                Bool,
                "false",
                Support::DefaultOnly(
                    "berth's load balancer proxies connections, so targets see its address",
                ),
            ),
            spec(
                "proxy_protocol_v2.enabled",
                Bool,
                "false",
                Support::DefaultOnly("berth's load balancer does not send the PROXY protocol"),
            ),
            spec(
                "stickiness.enabled",
                Bool,
                "false",
                Support::DefaultOnly("berth's load balancer has no TCP stickiness"),
            ),
            spec(
                "stickiness.type",
                OneOf(&["source_ip"]),
                "source_ip",
                Support::Any,
            ),
            spec(
                "target_health_state.unhealthy.connection_termination.enabled",
                Bool,
                "true",
                Support::DefaultOnly("berth closes connections to unhealthy targets"),
            ),
            spec(
                "target_health_state.unhealthy.draining_interval_seconds",
                Range(0, 360_000),
                "0",
                Support::DefaultOnly("berth closes connections to unhealthy targets"),
            ),
        ]);
    } else {
        specs.extend([
            spec("stickiness.enabled", Bool, "false", Support::Any),
            spec(
                "stickiness.type",
                OneOf(&["lb_cookie", "app_cookie"]),
                "lb_cookie",
                Support::Only(
                    &["lb_cookie"],
                    "berth's load balancer supports lb_cookie stickiness only",
                ),
            ),
            spec(
                "stickiness.lb_cookie.duration_seconds",
                Range(1, 604_800),
                "86400",
                Support::Any,
            ),
            spec(
                "stickiness.app_cookie.cookie_name",
                Text(128),
                "",
                Support::DefaultOnly("berth's load balancer supports lb_cookie stickiness only"),
            ),
            spec(
                "stickiness.app_cookie.duration_seconds",
                Range(1, 604_800),
                "86400",
                Support::DefaultOnly("berth's load balancer supports lb_cookie stickiness only"),
            ),
            spec(
                "load_balancing.algorithm.type",
                OneOf(&[
                    "round_robin",
                    "least_outstanding_requests",
                    "weighted_random",
                ]),
                "round_robin",
                Support::Only(
                    &["round_robin", "least_outstanding_requests"],
                    "berth's load balancer balances round_robin or least_outstanding_requests",
                ),
            ),
            spec(
                "load_balancing.algorithm.anomaly_mitigation",
                OneOf(&["on", "off"]),
                "off",
                Support::DefaultOnly("anomaly mitigation needs weighted_random balancing"),
            ),
            spec(
                "slow_start.duration_seconds",
                Range(0, 900),
                "0",
                Support::DefaultOnly("berth's load balancer has no slow start"),
            ),
        ]);
    }
    specs.sort_by_key(|s| s.key);
    specs
}

/// Every attribute with its value: `set` over the defaults.
fn effective(specs: &[Spec], set: &BTreeMap<String, String>) -> Vec<(String, String)> {
    specs
        .iter()
        .map(|s| {
            let value = set
                .get(s.key)
                .cloned()
                .unwrap_or_else(|| s.default.to_owned());
            (s.key.to_owned(), value)
        })
        .collect()
}

/// `set` with `changes` applied, or the error naming the first change that is not valid
/// or that berth cannot apply. Values equal to the default are dropped from the result.
fn modify(
    what: &str,
    specs: &[Spec],
    set: &BTreeMap<String, String>,
    changes: &[(Option<String>, Option<String>)],
) -> Result<BTreeMap<String, String>> {
    if changes.is_empty() {
        return Err(super::validation("At least one attribute must be given."));
    }
    let mut out = set.clone();
    let mut seen = std::collections::HashSet::new();
    for (key, value) in changes {
        let key = key
            .as_deref()
            .ok_or_else(|| super::validation("Every attribute must have a Key."))?;
        let value = value.as_deref().unwrap_or("");
        if !seen.insert(key) {
            return Err(invalid_configuration(format!(
                "The attribute '{key}' is given more than once."
            )));
        }
        let spec = specs.iter().find(|s| s.key == key).ok_or_else(|| {
            invalid_configuration(format!(
                "'{key}' is not an attribute of {what}. Valid keys: {}.",
                specs.iter().map(|s| s.key).collect::<Vec<_>>().join(", ")
            ))
        })?;
        check_value(spec, value)?;
        match spec.support {
            Support::Any => {}
            Support::DefaultOnly(why) if value != spec.default => {
                return Err(invalid_configuration(format!(
                    "The attribute '{key}' can only be '{}' in berth: {why}.",
                    spec.default
                )))
            }
            Support::Only(values, why) if !values.contains(&value) => {
                return Err(invalid_configuration(format!(
                    "The attribute '{key}' can only be {} in berth: {why}.",
                    quoted(values)
                )))
            }
            _ => {}
        }
        if value == spec.default {
            out.remove(key);
        } else {
            out.insert(key.to_owned(), value.to_owned());
        }
    }
    Ok(out)
}

fn check_value(spec: &Spec, value: &str) -> Result<()> {
    let key = spec.key;
    let ok = match spec.values {
        Values::Bool => matches!(value, "true" | "false"),
        Values::Range(min, max) => value.parse::<i64>().is_ok_and(|n| (min..=max).contains(&n)),
        Values::OneOf(values) => values.contains(&value),
        Values::Text(max) => value.chars().count() <= max,
    };
    if ok {
        return Ok(());
    }
    let expected = match spec.values {
        Values::Bool => "true or false".to_owned(),
        Values::Range(min, max) => format!("an integer from {min} to {max}"),
        Values::OneOf(values) => format!("one of {}", quoted(values)),
        Values::Text(max) => format!("at most {max} characters"),
    };
    Err(invalid_configuration(format!(
        "The value '{value}' of attribute '{key}' is not valid: it must be {expected}."
    )))
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A load balancer's attributes, every key with its value.
pub(crate) fn load_balancer_attributes(
    kind: LoadBalancerTypeEnum,
    scheme: LoadBalancerSchemeEnum,
    set: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    effective(&load_balancer_specs(kind, scheme), set)
}

/// A load balancer's stored attributes after `changes`.
pub(crate) fn modify_load_balancer_attributes(
    kind: LoadBalancerTypeEnum,
    scheme: LoadBalancerSchemeEnum,
    set: &BTreeMap<String, String>,
    changes: &[(Option<String>, Option<String>)],
) -> Result<BTreeMap<String, String>> {
    let what = match kind {
        LoadBalancerTypeEnum::Network => "a Network Load Balancer",
        _ => "an Application Load Balancer",
    };
    modify(what, &load_balancer_specs(kind, scheme), set, changes)
}

/// A target group's attributes, every key with its value.
pub(crate) fn target_group_attributes(
    protocol: ProtocolEnum,
    set: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    effective(&target_group_specs(protocol), set)
}

/// A target group's stored attributes after `changes`.
pub(crate) fn modify_target_group_attributes(
    protocol: ProtocolEnum,
    set: &BTreeMap<String, String>,
    changes: &[(Option<String>, Option<String>)],
) -> Result<BTreeMap<String, String>> {
    let what = format!("a {protocol} target group");
    modify(&what, &target_group_specs(protocol), set, changes)
}

/// One attribute's value: the stored one or the default.
pub(crate) fn target_group_attribute(
    protocol: ProtocolEnum,
    set: &BTreeMap<String, String>,
    key: &str,
) -> String {
    set.get(key).cloned().unwrap_or_else(|| {
        target_group_specs(protocol)
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.default.to_owned())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(key: &str, value: &str) -> (Option<String>, Option<String>) {
        (Some(key.to_owned()), Some(value.to_owned()))
    }

    #[test]
    fn defaults_are_shown_and_only_changes_are_stored() {
        let set = modify_target_group_attributes(
            ProtocolEnum::Http,
            &BTreeMap::new(),
            &[
                change("deregistration_delay.timeout_seconds", "5"),
                change("load_balancing.algorithm.type", "round_robin"),
            ],
        )
        .unwrap();
        assert_eq!(set.len(), 1, "a value equal to the default is not stored");
        let all = target_group_attributes(ProtocolEnum::Http, &set);
        assert!(all.contains(&("deregistration_delay.timeout_seconds".into(), "5".into())));
        assert!(all.contains(&(
            "stickiness.lb_cookie.duration_seconds".into(),
            "86400".into()
        )));
        assert_eq!(
            target_group_attribute(ProtocolEnum::Http, &set, "stickiness.enabled"),
            "false"
        );
    }

    #[test]
    fn invalid_and_unsupported_values_are_refused() {
        let empty = BTreeMap::new();
        for bad in [
            change("deregistration_delay.timeout_seconds", "3601"),
            change("stickiness.enabled", "yes"),
            change("stickiness.type", "app_cookie"),
            change("load_balancing.algorithm.type", "weighted_random"),
            change("no.such.key", "1"),
        ] {
            let error = modify_target_group_attributes(
                ProtocolEnum::Http,
                &empty,
                std::slice::from_ref(&bad),
            )
            .unwrap_err();
            assert_eq!(
                error.to_wire(crate::apis::Api::Elbv2).code,
                "InvalidConfigurationRequest",
                "{bad:?}"
            );
        }
        // TCP target groups have their own keys.
        assert!(modify_target_group_attributes(
            ProtocolEnum::Tcp,
            &empty,
            &[change("stickiness.lb_cookie.duration_seconds", "10")]
        )
        .is_err());
        assert!(modify_load_balancer_attributes(
            LoadBalancerTypeEnum::Application,
            LoadBalancerSchemeEnum::InternetFacing,
            &empty,
            &[change("access_logs.s3.enabled", "true")]
        )
        .is_err());
        let twice = [
            change("idle_timeout.timeout_seconds", "5"),
            change("idle_timeout.timeout_seconds", "6"),
        ];
        assert!(modify_load_balancer_attributes(
            LoadBalancerTypeEnum::Application,
            LoadBalancerSchemeEnum::InternetFacing,
            &empty,
            &twice
        )
        .is_err());
    }
}
