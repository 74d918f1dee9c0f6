//! Listener and rule actions: ELBv2's checks, and the normal form they are stored and shown
//! in.
//!
//! berth serves the three routing actions, `forward` (to up to five weighted target groups,
//! with optional group stickiness), `redirect` and `fixed-response`; the authentication
//! actions need an identity provider berth does not have and are refused. A list of
//! actions is therefore exactly one of those three. As ELBv2 shows them, a forward to one
//! group has both `TargetGroupArn` and a `ForwardConfig`, a redirect has every component
//! (`#{protocol}`, `#{host}`, … for those kept), and every action has an `Order`.

use std::collections::BTreeSet;

use berth_api::elbv2::{
    Action, ActionTypeEnum, FixedResponseActionConfig, ForwardActionConfig, LoadBalancerTypeEnum,
    ProtocolEnum, RedirectActionConfig, TargetGroupStickinessConfig, TargetGroupTuple,
};

use super::records::LoadBalancerRecord;
use super::{elb_error, validation, Elbv2Index, Lookup, MAX_TARGET_GROUPS_PER_LOAD_BALANCER};
use crate::error::Result;

/// Target groups one forward action may name.
const MAX_GROUPS_PER_FORWARD: usize = 5;
/// Actions one rule may have (ELBv2's quota; berth's rules have one).
const MAX_ACTIONS: usize = 5;
/// The content types a fixed response may declare.
const FIXED_RESPONSE_CONTENT_TYPES: &[&str] = &[
    "text/plain",
    "text/css",
    "text/html",
    "application/javascript",
    "application/json",
];

/// The target group ARNs actions forward to (stored actions are in normal form).
pub(crate) fn forwarded_groups(actions: &[Action]) -> impl Iterator<Item = &str> {
    actions
        .iter()
        .filter_map(|a| a.forward_config.as_ref())
        .flat_map(|f| f.target_groups.iter().flatten())
        .filter_map(|t| t.target_group_arn.as_deref())
}

/// The ARNs of the load balancers whose listeners or rules forward to `target_group`,
/// sorted.
pub(crate) fn load_balancers_using(index: &Elbv2Index, target_group: &str) -> Vec<String> {
    let mut found = BTreeSet::new();
    for listener in index.listeners.values() {
        if forwarded_groups(&listener.record.default_actions).any(|arn| arn == target_group) {
            found.insert(listener.record.load_balancer_arn.clone());
        }
    }
    for rule in index.rules.values() {
        if forwarded_groups(&rule.record.actions).any(|arn| arn == target_group) {
            if let Some(lb) = index.load_balancers.get(&rule.record.load_balancer_name) {
                found.insert(lb.record.arn.clone());
            }
        }
    }
    found.into_iter().collect()
}

/// The target groups a load balancer forwards to, leaving out the listener or rule
/// `except` (by ARN), whose actions are being replaced.
fn groups_of_load_balancer(index: &Elbv2Index, lb: &str, except: Option<&str>) -> BTreeSet<String> {
    let mut groups = BTreeSet::new();
    for listener in index.listeners_of(lb) {
        if Some(listener.record.arn.as_str()) != except {
            groups.extend(forwarded_groups(&listener.record.default_actions).map(str::to_owned));
        }
    }
    for rule in index.rules_of_load_balancer(lb) {
        if Some(rule.record.arn.as_str()) != except {
            groups.extend(forwarded_groups(&rule.record.actions).map(str::to_owned));
        }
    }
    groups
}

/// Where actions are being set: the load balancer, the listener's protocol, and the ARN of
/// the listener or rule they replace (none for a new one).
pub(crate) struct ActionSite<'a> {
    pub load_balancer: &'a LoadBalancerRecord,
    pub protocol: ProtocolEnum,
    pub replacing: Option<&'a str>,
}

/// Checks actions and puts them in normal form.
pub(crate) fn normalize_actions(
    lookup: &Lookup<'_>,
    site: &ActionSite<'_>,
    actions: &[Action],
) -> Result<Vec<Action>> {
    if actions.is_empty() {
        return Err(validation("At least one action must be given."));
    }
    if actions.len() > MAX_ACTIONS {
        return Err(elb_error(
            "TooManyActions",
            format!(
                "A rule can have at most {MAX_ACTIONS} actions; {} were given.",
                actions.len()
            ),
        ));
    }
    for action in actions {
        if matches!(
            action.type_,
            ActionTypeEnum::AuthenticateOidc
                | ActionTypeEnum::AuthenticateCognito
                | ActionTypeEnum::JwtValidation
        ) {
            return Err(elb_error(
                "InvalidLoadBalancerAction",
                format!(
                    "The action type '{}' is not supported: berth's load balancer does not authenticate requests. Use forward, redirect or fixed-response.",
                    action.type_
                ),
            ));
        }
    }
    if actions.len() > 1 {
        return Err(elb_error(
            "InvalidLoadBalancerAction",
            "A rule must have exactly one forward, redirect or fixed-response action.",
        ));
    }
    let action = &actions[0];
    check_configs_match_type(action)?;
    let network = site.load_balancer.kind == LoadBalancerTypeEnum::Network;
    if network && action.type_ != ActionTypeEnum::Forward {
        return Err(elb_error(
            "InvalidLoadBalancerAction",
            format!(
                "A Network Load Balancer's listener can only forward; '{}' needs an Application Load Balancer.",
                action.type_
            ),
        ));
    }
    let order = Some(action.order.unwrap_or(1));
    let normal = match action.type_ {
        ActionTypeEnum::Forward => {
            let forward = normalize_forward(lookup, site, action)?;
            let single = match forward.target_groups.as_deref() {
                Some([only]) => only.target_group_arn.clone(),
                _ => None,
            };
            Action {
                type_: ActionTypeEnum::Forward,
                target_group_arn: single,
                forward_config: Some(forward),
                order,
                ..bare(ActionTypeEnum::Forward)
            }
        }
        ActionTypeEnum::Redirect => Action {
            redirect_config: Some(normalize_redirect(site, action.redirect_config.as_ref())?),
            order,
            ..bare(ActionTypeEnum::Redirect)
        },
        _ => Action {
            fixed_response_config: Some(normalize_fixed_response(
                action.fixed_response_config.as_ref(),
            )?),
            order,
            ..bare(ActionTypeEnum::FixedResponse)
        },
    };
    let normal = vec![normal];
    check_group_count(lookup.index, site, &normal)?;
    Ok(normal)
}

fn bare(type_: ActionTypeEnum) -> Action {
    Action {
        type_,
        target_group_arn: None,
        authenticate_oidc_config: None,
        authenticate_cognito_config: None,
        order: None,
        redirect_config: None,
        fixed_response_config: None,
        forward_config: None,
        jwt_validation_config: None,
    }
}

/// Each action type takes its own configuration and no other.
fn check_configs_match_type(action: &Action) -> Result<()> {
    let given = [
        (
            "TargetGroupArn",
            action.target_group_arn.is_some(),
            ActionTypeEnum::Forward,
        ),
        (
            "ForwardConfig",
            action.forward_config.is_some(),
            ActionTypeEnum::Forward,
        ),
        (
            "RedirectConfig",
            action.redirect_config.is_some(),
            ActionTypeEnum::Redirect,
        ),
        (
            "FixedResponseConfig",
            action.fixed_response_config.is_some(),
            ActionTypeEnum::FixedResponse,
        ),
    ];
    for (member, present, owner) in given {
        if present && owner != action.type_ {
            return Err(validation(format!(
                "{member} can only be given with action type '{owner}', not '{}'.",
                action.type_
            )));
        }
    }
    Ok(())
}

fn normalize_forward(
    lookup: &Lookup<'_>,
    site: &ActionSite<'_>,
    action: &Action,
) -> Result<ForwardActionConfig> {
    let config = action.forward_config.clone().unwrap_or_default();
    let mut tuples = config.target_groups.clone().unwrap_or_default();
    match (&action.target_group_arn, tuples.as_slice()) {
        (None, []) => {
            return Err(validation(
                "A forward action needs a TargetGroupArn or a ForwardConfig with target groups.",
            ))
        }
        (Some(arn), []) => tuples.push(TargetGroupTuple {
            target_group_arn: Some(arn.clone()),
            weight: None,
        }),
        (Some(arn), [only]) if only.target_group_arn.as_ref() == Some(arn) => {}
        (Some(_), _) => {
            return Err(elb_error(
                "InvalidLoadBalancerAction",
                "When both TargetGroupArn and ForwardConfig are given, ForwardConfig must name exactly that one target group.",
            ))
        }
        (None, _) => {}
    }
    if tuples.len() > MAX_GROUPS_PER_FORWARD {
        return Err(elb_error(
            "TooManyTargetGroups",
            format!(
                "A forward action can name at most {MAX_GROUPS_PER_FORWARD} target groups; {} were given.",
                tuples.len()
            ),
        ));
    }
    let network = site.load_balancer.kind == LoadBalancerTypeEnum::Network;
    if network && tuples.len() > 1 {
        return Err(elb_error(
            "InvalidLoadBalancerAction",
            "A Network Load Balancer's listener forwards to exactly one target group.",
        ));
    }
    let mut seen = BTreeSet::new();
    let mut total_weight = 0;
    for tuple in &mut tuples {
        let arn = tuple.target_group_arn.clone().ok_or_else(|| {
            validation("Every target group of a ForwardConfig needs a TargetGroupArn.")
        })?;
        if !seen.insert(arn.clone()) {
            return Err(validation(format!(
                "The target group '{arn}' is named more than once in one forward action."
            )));
        }
        let weight = tuple.weight.unwrap_or(1);
        if !(0..=999).contains(&weight) {
            return Err(validation(format!(
                "The weight of target group '{arn}' must be from 0 to 999; {weight} was given."
            )));
        }
        tuple.weight = Some(weight);
        total_weight += weight;
        check_target_group(lookup, site, &arn)?;
    }
    if total_weight == 0 {
        return Err(elb_error(
            "InvalidLoadBalancerAction",
            "At least one target group of a forward action must have a weight above 0.",
        ));
    }
    let stickiness = config.target_group_stickiness_config.unwrap_or_default();
    let enabled = stickiness.enabled.unwrap_or(false);
    match (enabled, stickiness.duration_seconds) {
        (true, None) => {
            return Err(validation(
                "DurationSeconds must be given when target group stickiness is enabled.",
            ))
        }
        (true, Some(d)) if !(1..=604_800).contains(&d) => {
            return Err(validation(format!(
                "Target group stickiness DurationSeconds must be from 1 to 604800; {d} was given."
            )))
        }
        (false, Some(_)) => {
            return Err(validation(
                "DurationSeconds applies only when target group stickiness is Enabled.",
            ))
        }
        _ => {}
    }
    if enabled && network {
        return Err(elb_error(
            "InvalidLoadBalancerAction",
            "Target group stickiness needs an Application Load Balancer.",
        ));
    }
    Ok(ForwardActionConfig {
        target_groups: Some(tuples),
        target_group_stickiness_config: Some(TargetGroupStickinessConfig {
            enabled: Some(enabled),
            duration_seconds: stickiness.duration_seconds,
        }),
    })
}

/// A forwarded-to group must exist, speak the listener's kind of protocol, and serve no
/// other load balancer (ELBv2 allows one load balancer per target group).
fn check_target_group(lookup: &Lookup<'_>, site: &ActionSite<'_>, arn: &str) -> Result<()> {
    let group = &lookup.target_group(arn)?.record;
    let compatible = match site.protocol {
        ProtocolEnum::Tcp => group.protocol == ProtocolEnum::Tcp,
        _ => matches!(group.protocol, ProtocolEnum::Http | ProtocolEnum::Https),
    };
    if !compatible {
        return Err(elb_error(
            "IncompatibleProtocols",
            format!(
                "The target group '{arn}' uses {}, which a {} listener cannot forward to.",
                group.protocol, site.protocol
            ),
        ));
    }
    let lb = &site.load_balancer.arn;
    if let Some(other) = load_balancers_using(lookup.index, arn)
        .into_iter()
        .find(|other| other != lb)
    {
        return Err(elb_error(
            "TargetGroupAssociationLimit",
            format!(
                "The target group '{arn}' already serves load balancer '{other}'; a target group can serve one load balancer."
            ),
        ));
    }
    Ok(())
}

fn check_group_count(index: &Elbv2Index, site: &ActionSite<'_>, actions: &[Action]) -> Result<()> {
    let mut groups = groups_of_load_balancer(index, &site.load_balancer.name, site.replacing);
    groups.extend(forwarded_groups(actions).map(str::to_owned));
    if groups.len() > MAX_TARGET_GROUPS_PER_LOAD_BALANCER {
        return Err(elb_error(
            "TooManyUniqueTargetGroupsPerLoadBalancer",
            format!(
                "A load balancer can forward to at most {MAX_TARGET_GROUPS_PER_LOAD_BALANCER} target groups."
            ),
        ));
    }
    Ok(())
}

fn normalize_redirect(
    site: &ActionSite<'_>,
    config: Option<&RedirectActionConfig>,
) -> Result<RedirectActionConfig> {
    let config = config.ok_or_else(|| validation("A redirect action needs a RedirectConfig."))?;
    let protocol = config
        .protocol
        .clone()
        .unwrap_or_else(|| "#{protocol}".into());
    if !matches!(protocol.as_str(), "HTTP" | "HTTPS" | "#{protocol}") {
        return Err(validation(format!(
            "The redirect Protocol must be HTTP, HTTPS or #{{protocol}}; '{protocol}' was given."
        )));
    }
    if site.protocol == ProtocolEnum::Https && protocol == "HTTP" {
        return Err(elb_error(
            "InvalidLoadBalancerAction",
            "An HTTPS listener cannot redirect to HTTP.",
        ));
    }
    let port = config.port.clone().unwrap_or_else(|| "#{port}".into());
    if port != "#{port}" && !port.parse::<u16>().is_ok_and(|p| p >= 1) {
        return Err(validation(format!(
            "The redirect Port must be from 1 to 65535 or #{{port}}; '{port}' was given."
        )));
    }
    let host = config.host.clone().unwrap_or_else(|| "#{host}".into());
    let path = config.path.clone().unwrap_or_else(|| "/#{path}".into());
    if !path.starts_with('/') {
        return Err(validation(format!(
            "The redirect Path must start with '/'; '{path}' was given."
        )));
    }
    let query = config.query.clone().unwrap_or_else(|| "#{query}".into());
    if query.starts_with('?') {
        return Err(validation(
            "The redirect Query must not start with '?'; it is added for you.",
        ));
    }
    for (member, value) in [("Host", &host), ("Path", &path), ("Query", &query)] {
        if value.chars().any(|c| c.is_control()) {
            return Err(validation(format!(
                "The redirect {member} must not contain control characters."
            )));
        }
    }
    if protocol == "#{protocol}"
        && port == "#{port}"
        && host == "#{host}"
        && path == "/#{path}"
        && query == "#{query}"
    {
        return Err(elb_error(
            "InvalidLoadBalancerAction",
            "The redirect would send requests back to the same URL; change at least one of Protocol, Port, Host, Path or Query.",
        ));
    }
    Ok(RedirectActionConfig {
        protocol: Some(protocol),
        port: Some(port),
        host: Some(host),
        path: Some(path),
        query: Some(query),
        status_code: config.status_code,
    })
}

fn normalize_fixed_response(
    config: Option<&FixedResponseActionConfig>,
) -> Result<FixedResponseActionConfig> {
    let config =
        config.ok_or_else(|| validation("A fixed-response action needs a FixedResponseConfig."))?;
    let code = &config.status_code;
    let valid_code = code.len() == 3
        && matches!(code.as_bytes()[0], b'2' | b'4' | b'5')
        && code.bytes().all(|b| b.is_ascii_digit());
    if !valid_code {
        return Err(validation(format!(
            "The fixed response StatusCode must be a 2XX, 4XX or 5XX code; '{code}' was given."
        )));
    }
    if let Some(content_type) = &config.content_type {
        if !FIXED_RESPONSE_CONTENT_TYPES.contains(&content_type.as_str()) {
            return Err(validation(format!(
                "The fixed response ContentType must be one of {}; '{content_type}' was given.",
                FIXED_RESPONSE_CONTENT_TYPES.join(", ")
            )));
        }
    }
    Ok(config.clone())
}
