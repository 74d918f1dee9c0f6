//! Target groups: CreateTargetGroup, DescribeTargetGroups, ModifyTargetGroup,
//! DeleteTargetGroup, DescribeTargetGroupAttributes and ModifyTargetGroupAttributes.
//!
//! berth's target groups hold `instance` or `ip` targets and speak HTTP (to targets of
//! Application Load Balancers) or TCP (Network Load Balancers). Health checks are always
//! on, HTTP or TCP, with ELBv2's defaults for the group's protocol, resolved when the group
//! is written so the data plane reads complete settings.

use berth_api::elbv2::{
    CreateTargetGroupInput, CreateTargetGroupOutput, DeleteTargetGroupInput,
    DeleteTargetGroupOutput, DescribeTargetGroupAttributesInput,
    DescribeTargetGroupAttributesOutput, DescribeTargetGroupsInput, DescribeTargetGroupsOutput,
    Matcher, ModifyTargetGroupAttributesInput, ModifyTargetGroupAttributesOutput,
    ModifyTargetGroupInput, ModifyTargetGroupOutput, ProtocolEnum, TargetGroup,
    TargetGroupAttribute, TargetGroupIpAddressTypeEnum, TargetTypeEnum,
};
use berth_store::Op;

use super::actions::load_balancers_using;
use super::attributes::{modify_target_group_attributes, target_group_attributes};
use super::records::{HealthCheckRecord, TargetGroupRecord};
use super::{
    check_name, check_named, check_tags, elb_error, invalid_configuration, new_id, page,
    refuse_if_set, validation, Change, Elbv2Arn, Elbv2Index, Lookup, MAX_TARGET_GROUPS,
};
use crate::app::App;
use crate::error::Result;
use crate::model::{keys, now};

/// The health check members of CreateTargetGroup and ModifyTargetGroup.
struct HealthCheckInput<'a> {
    protocol: Option<ProtocolEnum>,
    port: Option<&'a str>,
    enabled: Option<bool>,
    path: Option<&'a str>,
    interval: Option<i32>,
    timeout: Option<i32>,
    healthy: Option<i32>,
    unhealthy: Option<i32>,
    matcher: Option<&'a Matcher>,
}

/// The health check members of a CreateTargetGroup or ModifyTargetGroup request, which
/// have the same names in both.
macro_rules! health_check_input {
    ($req:expr) => {
        HealthCheckInput {
            protocol: $req.health_check_protocol,
            port: $req.health_check_port.as_deref(),
            enabled: $req.health_check_enabled,
            path: $req.health_check_path.as_deref(),
            interval: $req.health_check_interval_seconds,
            timeout: $req.health_check_timeout_seconds,
            healthy: $req.healthy_threshold_count,
            unhealthy: $req.unhealthy_threshold_count,
            matcher: $req.matcher.as_ref(),
        }
    };
}

/// The health check of a group of `protocol`: `input` over `current` (a modification)
/// over ELBv2's defaults for the protocol.
fn resolve_health_check(
    group_protocol: ProtocolEnum,
    current: Option<&HealthCheckRecord>,
    input: &HealthCheckInput<'_>,
) -> Result<HealthCheckRecord> {
    if input.enabled == Some(false) {
        return Err(invalid_configuration(
            "Health checks cannot be disabled for instance and ip targets.",
        ));
    }
    let protocol = input
        .protocol
        .or(current.map(|c| c.protocol))
        .unwrap_or(group_protocol);
    match (group_protocol, protocol) {
        (_, ProtocolEnum::Http) | (ProtocolEnum::Tcp, ProtocolEnum::Tcp) => {}
        (ProtocolEnum::Http, ProtocolEnum::Tcp) => {
            return Err(invalid_configuration(
                "TCP health checks are not supported for HTTP target groups; use HTTP.",
            ))
        }
        (_, other) => {
            return Err(elb_error(
                "UnsupportedProtocol",
                format!("Health check protocol {other} is not supported: berth checks targets over HTTP or TCP."),
            ))
        }
    }
    let port = match input.port {
        Some(port) => port.to_owned(),
        None => current.map_or_else(|| "traffic-port".to_owned(), |c| c.port.clone()),
    };
    if port != "traffic-port" && !port.parse::<u16>().is_ok_and(|p| p >= 1) {
        return Err(validation(format!(
            "HealthCheckPort must be traffic-port or a port from 1 to 65535; '{port}' was given."
        )));
    }
    let was_http = current.is_some_and(|c| c.protocol == ProtocolEnum::Http);
    let (path, matcher) = if protocol == ProtocolEnum::Http {
        let path = match input.path {
            Some(path) => path.to_owned(),
            None if was_http => current
                .and_then(|c| c.path.clone())
                .unwrap_or_else(|| "/".into()),
            None => "/".to_owned(),
        };
        if !path.starts_with('/') || path.chars().any(|c| c.is_control() || c == ' ') {
            return Err(validation(format!(
                "HealthCheckPath must start with '/' and contain no spaces; '{path}' was given."
            )));
        }
        let (lowest, highest, default) = match group_protocol {
            ProtocolEnum::Tcp => (200, 599, "200-399"),
            _ => (200, 499, "200"),
        };
        let matcher = match input.matcher {
            Some(m) => {
                if m.grpc_code.is_some() {
                    return Err(validation(
                        "Matcher GrpcCode is not supported: berth's target groups speak HTTP/1.1.",
                    ));
                }
                m.http_code
                    .clone()
                    .ok_or_else(|| validation("Matcher needs an HttpCode."))?
            }
            None if was_http => current
                .and_then(|c| c.matcher.clone())
                .unwrap_or_else(|| default.into()),
            None => default.to_owned(),
        };
        check_http_codes(&matcher, lowest, highest)?;
        (Some(path), Some(matcher))
    } else {
        if input.path.is_some() {
            return Err(invalid_configuration(
                "HealthCheckPath applies to HTTP health checks only.",
            ));
        }
        if input.matcher.is_some() {
            return Err(invalid_configuration(
                "Matcher applies to HTTP health checks only.",
            ));
        }
        (None, None)
    };
    let interval_seconds = input
        .interval
        .or(current.map(|c| c.interval_seconds))
        .unwrap_or(30);
    // ELBv2's default timeout for the protocol, or, when the interval is shorter, one second
    // less than the interval, so that `--health-check-interval-seconds 5` alone is valid.
    let default_timeout = if group_protocol == ProtocolEnum::Http {
        6
    } else {
        10
    };
    let record = HealthCheckRecord {
        protocol,
        port,
        path,
        interval_seconds,
        timeout_seconds: input
            .timeout
            .or(current.map(|c| c.timeout_seconds))
            .unwrap_or(default_timeout.min(interval_seconds - 1)),
        healthy_threshold: input
            .healthy
            .or(current.map(|c| c.healthy_threshold))
            .unwrap_or(5),
        unhealthy_threshold: input
            .unhealthy
            .or(current.map(|c| c.unhealthy_threshold))
            .unwrap_or(2),
        matcher,
    };
    if record.timeout_seconds >= record.interval_seconds {
        return Err(invalid_configuration(format!(
            "The health check timeout ({} s) must be smaller than the interval ({} s).",
            record.timeout_seconds, record.interval_seconds
        )));
    }
    Ok(record)
}

/// Checks a matcher's HTTP codes: codes and ranges (`200`, `200,202`, `200-299`) within
/// `lowest..=highest`.
fn check_http_codes(codes: &str, lowest: u16, highest: u16) -> Result<()> {
    let bad = || {
        validation(format!(
            "Matcher HttpCode '{codes}' is not valid: give codes from {lowest} to {highest}, separated by commas, or ranges such as 200-299."
        ))
    };
    for part in codes.split(',') {
        let (low, high) = match part.split_once('-') {
            Some((low, high)) => (low, high),
            None => (part, part),
        };
        let low: u16 = low.trim().parse().map_err(|_| bad())?;
        let high: u16 = high.trim().parse().map_err(|_| bad())?;
        if low < lowest || high > highest || low > high {
            return Err(bad());
        }
    }
    Ok(())
}

impl App {
    pub async fn create_target_group(
        &self,
        req: CreateTargetGroupInput,
    ) -> Result<CreateTargetGroupOutput> {
        check_name("target group", &req.name)?;
        refuse_if_set(
            "VpcId",
            &req.vpc_id,
            "berth has no VPCs; targets are reached from the berth host.",
        )?;
        refuse_if_set(
            "TargetControlPort",
            &req.target_control_port,
            "berth's load balancer has no target optimizer.",
        )?;
        let target_type = req.target_type.unwrap_or(TargetTypeEnum::Instance);
        if !matches!(target_type, TargetTypeEnum::Instance | TargetTypeEnum::Ip) {
            return Err(validation(format!(
                "Target type '{target_type}' is not supported: berth's targets are instances or IP addresses."
            )));
        }
        let protocol = req.protocol.ok_or_else(|| {
            validation("A protocol must be given for target groups of instance and ip targets.")
        })?;
        match protocol {
            ProtocolEnum::Http | ProtocolEnum::Tcp => {}
            other => {
                return Err(elb_error(
                    "UnsupportedProtocol",
                    format!("Target group protocol {other} is not supported: berth reaches targets over HTTP or TCP."),
                ))
            }
        }
        let port = req.port.ok_or_else(|| {
            validation("A port must be given for target groups of instance and ip targets.")
        })?;
        let protocol_version = match (protocol, req.protocol_version.as_deref()) {
            (ProtocolEnum::Http, None) => Some("HTTP1".to_owned()),
            (ProtocolEnum::Http, Some(v)) if v.eq_ignore_ascii_case("HTTP1") => {
                Some("HTTP1".to_owned())
            }
            (ProtocolEnum::Http, Some(v)) => {
                return Err(validation(format!(
                    "ProtocolVersion '{v}' is not supported: berth's load balancer speaks HTTP/1.1 (HTTP1) to targets."
                )))
            }
            (_, Some(_)) => {
                return Err(validation(
                    "ProtocolVersion applies to HTTP target groups only.",
                ))
            }
            (_, None) => None,
        };
        let ip_address_type = req
            .ip_address_type
            .unwrap_or(TargetGroupIpAddressTypeEnum::Ipv4);
        if ip_address_type == TargetGroupIpAddressTypeEnum::Ipv6
            && target_type != TargetTypeEnum::Ip
        {
            return Err(validation("IpAddressType ipv6 needs target type ip."));
        }
        let health_check = resolve_health_check(protocol, None, &health_check_input!(req))?;
        let tags = req.tags.clone().unwrap_or_default();
        check_tags(&tags)?;
        let id = new_id();
        let created_at = now();
        let output = self
            .elbv2_change(|view| {
                let index = &view.elbv2;
                let record = TargetGroupRecord {
                    arn: self.target_group_arn(&req.name, &id),
                    id: id.clone(),
                    name: req.name.clone(),
                    protocol,
                    protocol_version: protocol_version.clone(),
                    port: port as u16,
                    target_type,
                    ip_address_type,
                    health_check: health_check.clone(),
                    attributes: Default::default(),
                    tags: tags.clone(),
                    created_at,
                };
                if let Some(existing) = index.target_groups.get(&req.name) {
                    let old = &existing.record;
                    // CreateTargetGroup is idempotent: the same settings get the same group.
                    let same = TargetGroupRecord {
                        arn: old.arn.clone(),
                        id: old.id.clone(),
                        attributes: old.attributes.clone(),
                        created_at: old.created_at,
                        ..record
                    };
                    if same == *old {
                        return Ok(Change::none(self.render_target_group(index, old)));
                    }
                    return Err(elb_error(
                        "DuplicateTargetGroupName",
                        format!(
                            "A target group named '{}' already exists with other settings.",
                            req.name
                        ),
                    ));
                }
                if index.target_groups.len() >= MAX_TARGET_GROUPS {
                    return Err(elb_error(
                        "TooManyTargetGroups",
                        format!("An account can have at most {MAX_TARGET_GROUPS} target groups."),
                    ));
                }
                let answer = self.render_target_group(index, &record);
                let mut change =
                    Change::create(keys::elbv2_target_group(&req.name), &record, answer)?;
                // Targets left by an earlier group of this name are not this group's.
                change.ops.extend(stale_targets(&req.name));
                Ok(change)
            })
            .await?;
        Ok(CreateTargetGroupOutput {
            target_groups: Some(vec![output]),
        })
    }

    pub async fn describe_target_groups(
        &self,
        req: DescribeTargetGroupsInput,
    ) -> Result<DescribeTargetGroupsOutput> {
        let arns = req.target_group_arns.unwrap_or_default();
        let names = req.names.unwrap_or_default();
        let filters = [
            req.load_balancer_arn.is_some(),
            !arns.is_empty(),
            !names.is_empty(),
        ];
        if filters.iter().filter(|f| **f).count() > 1 {
            return Err(validation(
                "Give at most one of LoadBalancerArn, TargetGroupArns and Names.",
            ));
        }
        check_named("target groups", arns.len().max(names.len()))?;
        let view = self.view.read();
        let lookup = Lookup::new(self, &view);
        let index = &view.elbv2;
        let mut found: Vec<&TargetGroupRecord> = Vec::new();
        if let Some(lb_arn) = &req.load_balancer_arn {
            let lb = &lookup.load_balancer(lb_arn)?.record;
            found.extend(
                index
                    .target_groups
                    .values()
                    .map(|tg| &tg.record)
                    .filter(|tg| load_balancers_using(index, &tg.arn).contains(&lb.arn)),
            );
        } else if !arns.is_empty() {
            for arn in &arns {
                found.push(&lookup.target_group(arn)?.record);
            }
        } else if !names.is_empty() {
            for name in &names {
                let tg = index.target_groups.get(name).ok_or_else(|| {
                    elb_error(
                        "TargetGroupNotFound",
                        format!("Target group '{name}' not found."),
                    )
                })?;
                found.push(&tg.record);
            }
        } else {
            found.extend(index.target_groups.values().map(|tg| &tg.record));
        }
        let items = found
            .into_iter()
            .map(|tg| (tg.name.clone(), self.render_target_group(index, tg)));
        let (target_groups, next_marker) = page(items, req.page_size, req.marker.as_deref())?;
        Ok(DescribeTargetGroupsOutput {
            target_groups: Some(target_groups),
            next_marker,
        })
    }

    pub async fn modify_target_group(
        &self,
        req: ModifyTargetGroupInput,
    ) -> Result<ModifyTargetGroupOutput> {
        let output = self
            .elbv2_change(|view| {
                let index = &view.elbv2;
                let tg = &Lookup::new(self, view)
                    .target_group(&req.target_group_arn)?
                    .record;
                let health_check = resolve_health_check(
                    tg.protocol,
                    Some(&tg.health_check),
                    &health_check_input!(req),
                )?;
                let record = TargetGroupRecord {
                    health_check,
                    ..tg.clone()
                };
                let answer = self.render_target_group(index, &record);
                Change::update(keys::elbv2_target_group(&tg.name), tg, &record, answer)
            })
            .await?;
        Ok(ModifyTargetGroupOutput {
            target_groups: Some(vec![output]),
        })
    }

    /// Deletes a target group with its targets. A group that does not exist is already
    /// deleted; one that a listener or rule forwards to is in use.
    pub async fn delete_target_group(
        &self,
        req: DeleteTargetGroupInput,
    ) -> Result<DeleteTargetGroupOutput> {
        let arn = req.target_group_arn;
        if !matches!(
            self.parse_elbv2_arn(&arn),
            Some(Elbv2Arn::TargetGroup { .. })
        ) {
            return Err(validation(format!(
                "'{arn}' is not a valid target group ARN."
            )));
        }
        self.elbv2_change(|view| {
            let index = &view.elbv2;
            let tg = match Lookup::new(self, view).target_group(&arn) {
                Ok(tg) => &tg.record,
                Err(_) => return Ok(Change::none(())),
            };
            if let Some(lb) = load_balancers_using(index, &arn).first() {
                return Err(elb_error(
                    "ResourceInUse",
                    format!(
                        "Target group '{arn}' is in use by a listener or a rule of load balancer '{lb}'; remove those actions first."
                    ),
                ));
            }
            Ok(Change::delete(
                keys::elbv2_target_group(&tg.name),
                stale_targets(&tg.name),
                (),
            ))
        })
        .await?;
        Ok(DeleteTargetGroupOutput {})
    }

    pub async fn describe_target_group_attributes(
        &self,
        req: DescribeTargetGroupAttributesInput,
    ) -> Result<DescribeTargetGroupAttributesOutput> {
        let view = self.view.read();
        let tg = &Lookup::new(self, &view)
            .target_group(&req.target_group_arn)?
            .record;
        Ok(DescribeTargetGroupAttributesOutput {
            attributes: Some(render_attributes(tg)),
        })
    }

    pub async fn modify_target_group_attributes(
        &self,
        req: ModifyTargetGroupAttributesInput,
    ) -> Result<ModifyTargetGroupAttributesOutput> {
        let changes: Vec<_> = req
            .attributes
            .iter()
            .map(|a| (a.key.clone(), a.value.clone()))
            .collect();
        let attributes = self
            .elbv2_change(|view| {
                let tg = &Lookup::new(self, view)
                    .target_group(&req.target_group_arn)?
                    .record;
                let set = modify_target_group_attributes(tg.protocol, &tg.attributes, &changes)?;
                let record = TargetGroupRecord {
                    attributes: set,
                    ..tg.clone()
                };
                let answer = render_attributes(&record);
                Change::update(keys::elbv2_target_group(&tg.name), tg, &record, answer)
            })
            .await?;
        Ok(ModifyTargetGroupAttributesOutput {
            attributes: Some(attributes),
        })
    }

    pub(crate) fn render_target_group(
        &self,
        index: &Elbv2Index,
        tg: &TargetGroupRecord,
    ) -> TargetGroup {
        let check = &tg.health_check;
        TargetGroup {
            target_group_arn: Some(tg.arn.clone()),
            target_group_name: Some(tg.name.clone()),
            protocol: Some(tg.protocol),
            port: Some(i32::from(tg.port)),
            health_check_protocol: Some(check.protocol),
            health_check_port: Some(check.port.clone()),
            health_check_enabled: Some(true),
            health_check_interval_seconds: Some(check.interval_seconds),
            health_check_timeout_seconds: Some(check.timeout_seconds),
            healthy_threshold_count: Some(check.healthy_threshold),
            unhealthy_threshold_count: Some(check.unhealthy_threshold),
            health_check_path: check.path.clone(),
            matcher: check.matcher.as_ref().map(|code| Matcher {
                http_code: Some(code.clone()),
                grpc_code: None,
            }),
            load_balancer_arns: Some(load_balancers_using(index, &tg.arn)),
            target_type: Some(tg.target_type),
            protocol_version: tg.protocol_version.clone(),
            ip_address_type: Some(tg.ip_address_type),
            ..Default::default()
        }
    }
}

/// Deletes the targets and target health of a group of this name.
fn stale_targets(name: &str) -> Vec<Op> {
    vec![
        Op::Delete {
            key: keys::elbv2_targets(name),
        },
        Op::Delete {
            key: keys::elbv2_target_health(name),
        },
    ]
}

fn render_attributes(tg: &TargetGroupRecord) -> Vec<TargetGroupAttribute> {
    target_group_attributes(tg.protocol, &tg.attributes)
        .into_iter()
        .map(|(key, value)| TargetGroupAttribute {
            key: Some(key),
            value: Some(value),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> HealthCheckInput<'static> {
        HealthCheckInput {
            protocol: None,
            port: None,
            enabled: None,
            path: None,
            interval: None,
            timeout: None,
            healthy: None,
            unhealthy: None,
            matcher: None,
        }
    }

    #[test]
    fn health_checks_get_elbv2_defaults_per_protocol() {
        let http = resolve_health_check(ProtocolEnum::Http, None, &none()).unwrap();
        assert_eq!(
            (http.protocol, http.path.as_deref(), http.matcher.as_deref()),
            (ProtocolEnum::Http, Some("/"), Some("200"))
        );
        assert_eq!((http.interval_seconds, http.timeout_seconds), (30, 6));
        assert_eq!((http.healthy_threshold, http.unhealthy_threshold), (5, 2));
        let tcp = resolve_health_check(ProtocolEnum::Tcp, None, &none()).unwrap();
        assert_eq!(
            (tcp.protocol, tcp.path.as_deref(), tcp.timeout_seconds),
            (ProtocolEnum::Tcp, None, 10)
        );
        // An HTTP check of a TCP group gets the TCP group's matcher range.
        let input = HealthCheckInput {
            protocol: Some(ProtocolEnum::Http),
            ..none()
        };
        let mixed = resolve_health_check(ProtocolEnum::Tcp, Some(&tcp), &input).unwrap();
        assert_eq!(mixed.matcher.as_deref(), Some("200-399"));
    }

    #[test]
    fn bad_health_checks_are_refused() {
        let tcp_on_http = HealthCheckInput {
            protocol: Some(ProtocolEnum::Tcp),
            ..none()
        };
        assert!(resolve_health_check(ProtocolEnum::Http, None, &tcp_on_http).is_err());
        let slow = HealthCheckInput {
            interval: Some(5),
            timeout: Some(5),
            ..none()
        };
        assert!(resolve_health_check(ProtocolEnum::Http, None, &slow).is_err());
        // Without a timeout, a short interval gets a timeout that fits.
        let short = HealthCheckInput {
            interval: Some(5),
            ..none()
        };
        let check = resolve_health_check(ProtocolEnum::Http, None, &short).unwrap();
        assert_eq!(check.timeout_seconds, 4);
        let matcher = Matcher {
            http_code: Some("200-599".into()),
            grpc_code: None,
        };
        let wide = HealthCheckInput {
            matcher: Some(&matcher),
            ..none()
        };
        assert!(resolve_health_check(ProtocolEnum::Http, None, &wide).is_err());
        assert!(check_http_codes("200,202,300-399", 200, 499).is_ok());
        assert!(check_http_codes("200-", 200, 499).is_err());
        assert!(check_http_codes("299-200", 200, 499).is_err());
        let off = HealthCheckInput {
            enabled: Some(false),
            ..none()
        };
        assert!(resolve_health_check(ProtocolEnum::Http, None, &off).is_err());
    }
}
