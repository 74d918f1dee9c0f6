//! The load balancer's data-plane contract: the configuration the control plane sends to
//! `berth lb` (and to the load balancer inside `berth dev`), and the target health the data
//! plane reports back.
//!
//! [`LbConfig`] is pure data, numbered by a generation like an agent's desired set: the
//! whole state of every load balancer, listener, rule and target group, already resolved
//! from ELBv2's resources (ARNs are kept only as names, so observations can be matched
//! back). [`LbConfig::validate`] holds ELBv2's limits and matching rules so that the API
//! layer and the data plane refuse the same things with the same words.
//! [`HealthSnapshot`] is what the data plane observes: ELB's target states and reason codes
//! per target, plus any listener it could not open.
//!
//! Times the data plane acts on are milliseconds (the API speaks seconds; tests use short
//! intervals), and a draining target's deadline is wall-clock Unix milliseconds, so a
//! restarted data plane keeps it.

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::net::{IpAddr, SocketAddr};

use serde::{Deserialize, Serialize};

/// Every load balancer and target group the data plane serves.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LbConfig {
    /// Grows with every change; observations name the generation they were made under.
    pub generation: u64,
    #[serde(default)]
    pub load_balancers: Vec<LoadBalancer>,
    #[serde(default)]
    pub target_groups: Vec<TargetGroup>,
}

/// `application` (HTTP and HTTPS listeners, rules) or `network` (TCP listeners).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LoadBalancerType {
    Application,
    Network,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancer {
    pub arn: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: LoadBalancerType,
    /// The address its listeners bind, e.g. `0.0.0.0` or `127.0.0.1`.
    pub address: IpAddr,
    /// `idle_timeout.timeout_seconds` in milliseconds: how long a client connection may sit
    /// idle, and how long a target may take to answer, before the connection is closed
    /// (504 for a target). ELB's default is 60 s (350 s for network load balancers).
    #[serde(default = "default_idle_timeout_ms")]
    pub idle_timeout_ms: u64,
    #[serde(default)]
    pub listeners: Vec<Listener>,
}

fn default_idle_timeout_ms() -> u64 {
    60_000
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Protocol {
    Http,
    Https,
    Tcp,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Http => "HTTP",
            Protocol::Https => "HTTPS",
            Protocol::Tcp => "TCP",
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listener {
    pub arn: String,
    pub port: u16,
    pub protocol: Protocol,
    /// HTTPS only: the first is the default certificate; the others are chosen by SNI.
    #[serde(default)]
    pub certificates: Vec<CertificateFiles>,
    /// What a request that matches no rule gets (ELB's default rule).
    pub default_action: Action,
    /// Evaluated lowest priority first; HTTP and HTTPS listeners only.
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// A certificate chain and its private key, as PEM files on the data plane's host (berth
/// has no ACM: a listener's certificate ARN names these files).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateFiles {
    pub certificate_chain_pem: String,
    pub private_key_pem: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub arn: String,
    /// 1 to 50,000; unique within a listener.
    pub priority: u32,
    /// All must match (an empty list matches every request); within one condition any
    /// value may match.
    pub conditions: Vec<Condition>,
    pub action: Action,
}

/// A rule condition with ELBv2's matching: `*` matches any run of characters and `?`
/// exactly one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "kebab-case")]
pub enum Condition {
    /// The URL path (not the query), case-sensitive, with wildcards.
    PathPattern { values: Vec<String> },
    /// The Host header without its port, case-insensitive, with wildcards.
    HostHeader { values: Vec<String> },
    /// A header's values (each occurrence in order), case-insensitive, with wildcards.
    HttpHeader { name: String, values: Vec<String> },
    /// The method, exact and case-sensitive.
    HttpRequestMethod { values: Vec<String> },
    /// Query pairs, percent-decoded and case-insensitive, with wildcards; `\` escapes
    /// a literal `*`, `?` or `\`. A pair without a key matches any key's value.
    QueryString { values: Vec<QueryStringPair> },
    /// The connection's source address in one of these CIDR blocks (never
    /// X-Forwarded-For).
    SourceIp { values: Vec<String> },
}

impl Condition {
    pub fn field(&self) -> &'static str {
        match self {
            Condition::PathPattern { .. } => "path-pattern",
            Condition::HostHeader { .. } => "host-header",
            Condition::HttpHeader { .. } => "http-header",
            Condition::HttpRequestMethod { .. } => "http-request-method",
            Condition::QueryString { .. } => "query-string",
            Condition::SourceIp { .. } => "source-ip",
        }
    }

    fn value_count(&self) -> usize {
        match self {
            Condition::PathPattern { values }
            | Condition::HostHeader { values }
            | Condition::HttpHeader { values, .. }
            | Condition::HttpRequestMethod { values }
            | Condition::SourceIp { values } => values.len(),
            Condition::QueryString { values } => values.len(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryStringPair {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Action {
    /// Weighted target groups (a single group has any weight); with stickiness a client
    /// keeps its group (cookie `AWSALBTG`) for `duration_seconds`.
    Forward {
        target_groups: Vec<WeightedTargetGroup>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stickiness: Option<GroupStickiness>,
    },
    Redirect(Redirect),
    FixedResponse(FixedResponse),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightedTargetGroup {
    pub target_group_arn: String,
    /// 0 to 999.
    #[serde(default = "default_weight")]
    pub weight: u32,
}

fn default_weight() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupStickiness {
    pub enabled: bool,
    /// 1 to 604,800.
    pub duration_seconds: u32,
}

/// ELBv2's redirect: each component defaults to the request's own (`#{protocol}`,
/// `#{host}`, `#{port}`, `/#{path}`, `#{query}`) and may reuse them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// 301 or 302.
    pub status_code: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedResponse {
    /// 2XX, 4XX or 5XX.
    pub status_code: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetGroup {
    pub arn: String,
    pub name: String,
    /// How the data plane talks to targets: HTTP or HTTPS for application load balancers,
    /// TCP for network ones.
    pub protocol: Protocol,
    pub targets: Vec<Target>,
    pub health_check: HealthCheck,
    #[serde(default)]
    pub attributes: TargetGroupAttributes,
}

/// A registered target: an address the data plane connects to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// An IP address (host name resolution is not done on the hot path).
    pub ip: IpAddr,
    pub port: u16,
    #[serde(default)]
    pub state: TargetState,
}

impl Target {
    pub fn address(&self) -> SocketAddr {
        SocketAddr::new(self.ip, self.port)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum TargetState {
    /// Registered: health-checked, and routed to once healthy.
    #[default]
    Registered,
    /// Deregistered: no new requests; dropped when its requests and connections end or at
    /// the deadline (Unix milliseconds), whichever comes first.
    Draining { deadline_unix_ms: u64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HealthCheck {
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// HTTP, HTTPS or TCP (a connect).
    pub protocol: Protocol,
    /// HTTP and HTTPS: the request path.
    #[serde(default = "default_health_path")]
    pub path: String,
    #[serde(default)]
    pub port: HealthCheckPort,
    pub interval_ms: u64,
    pub timeout_ms: u64,
    /// Consecutive successes that make a target healthy (ELBv2: 2 to 10; the data
    /// plane takes 1 to 10).
    pub healthy_threshold: u32,
    /// Consecutive failures that make a target unhealthy (as above).
    pub unhealthy_threshold: u32,
    /// HTTP codes that count as success, e.g. `200-299,302`.
    #[serde(default = "default_matcher")]
    pub matcher: String,
}

fn default_true() -> bool {
    true
}

fn default_health_path() -> String {
    "/".into()
}

fn default_matcher() -> String {
    "200".into()
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HealthCheckPort {
    /// The port the target receives traffic on.
    #[default]
    TrafficPort,
    Port(u16),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetGroupAttributes {
    /// `deregistration_delay.timeout_seconds` (0 to 3,600; default 300). The control plane
    /// turns it into each draining target's deadline; kept here to be reported.
    #[serde(default = "default_deregistration_delay")]
    pub deregistration_delay_seconds: u32,
    /// `stickiness.enabled` with `stickiness.type` `lb_cookie`: cookie `AWSALB`.
    #[serde(default)]
    pub stickiness_enabled: bool,
    /// `stickiness.type`; only `lb_cookie` is served.
    #[serde(default = "default_stickiness_type")]
    pub stickiness_type: String,
    /// `stickiness.lb_cookie.duration_seconds` (1 to 604,800; default 86,400).
    #[serde(default = "default_cookie_duration")]
    pub stickiness_duration_seconds: u32,
    /// `load_balancing.algorithm.type`.
    #[serde(default)]
    pub algorithm: Algorithm,
}

impl Default for TargetGroupAttributes {
    fn default() -> Self {
        Self {
            deregistration_delay_seconds: default_deregistration_delay(),
            stickiness_enabled: false,
            stickiness_type: default_stickiness_type(),
            stickiness_duration_seconds: default_cookie_duration(),
            algorithm: Algorithm::RoundRobin,
        }
    }
}

fn default_deregistration_delay() -> u32 {
    300
}

fn default_stickiness_type() -> String {
    "lb_cookie".into()
}

fn default_cookie_duration() -> u32 {
    86_400
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Algorithm {
    #[default]
    RoundRobin,
    LeastOutstandingRequests,
}

/// What the data plane saw: ELB's state of every target, and the listeners it could not
/// serve.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HealthSnapshot {
    /// The configuration generation in force when this snapshot was taken.
    pub generation: u64,
    pub target_groups: Vec<TargetGroupHealth>,
    /// Listeners that are not serving, with the reason (e.g. the port is taken or the
    /// certificate file cannot be read).
    #[serde(default)]
    pub listener_errors: Vec<ListenerError>,
    /// Why the newest configuration was refused (the previous one is still served).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetGroupHealth {
    pub target_group_arn: String,
    pub targets: Vec<TargetHealthObservation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetHealthObservation {
    pub ip: IpAddr,
    pub port: u16,
    pub state: TargetHealthState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<TargetHealthReason>,
    /// ELB's description; absent when healthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Requests and connections in flight to it now.
    pub in_flight: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListenerError {
    pub listener_arn: String,
    pub port: u16,
    pub message: String,
}

/// ELBv2's target health states and reason codes: the generated wire enums, so that the
/// API layer reports observations as they are (the JSON names are the wire names).
pub use crate::elbv2::{
    TargetHealthReasonEnum as TargetHealthReason, TargetHealthStateEnum as TargetHealthState,
};

/// A configuration the data plane refuses, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    /// Where, e.g. `load_balancers[0].listeners[1].rules[2].conditions[0]`.
    pub path: String,
    pub message: String,
}

fn config_error(path: impl Into<String>, message: impl Into<String>) -> ConfigError {
    ConfigError {
        path: path.into(),
        message: message.into(),
    }
}

/// ELBv2's limits on rule conditions.
pub const MAX_VALUES_PER_CONDITION: usize = 3;
/// `source-ip` allows five CIDR blocks.
pub const MAX_SOURCE_IP_VALUES: usize = 5;
pub const MAX_VALUES_PER_RULE: usize = 5;
pub const MAX_CONDITION_VALUE_LEN: usize = 128;
pub const MAX_HEADER_NAME_LEN: usize = 40;
pub const MAX_METHOD_LEN: usize = 40;
pub const MAX_RULE_PRIORITY: u32 = 50_000;
pub const MAX_TARGET_GROUPS_PER_FORWARD: usize = 5;
pub const MAX_TARGET_GROUP_WEIGHT: u32 = 999;
pub const MAX_STICKINESS_SECONDS: u32 = 604_800;
pub const MAX_FIXED_RESPONSE_BODY: usize = 1024;
pub const MAX_REDIRECT_COMPONENT_LEN: usize = 128;
pub const MAX_TARGETS_PER_GROUP: usize = 1000;
pub const FIXED_RESPONSE_CONTENT_TYPES: [&str; 5] = [
    "text/plain",
    "text/css",
    "text/html",
    "application/javascript",
    "application/json",
];

impl LbConfig {
    /// Checks everything the data plane relies on: ELBv2's limits, references between
    /// resources, and one listener per address and port.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let group_protocols: std::collections::HashMap<&str, Protocol> = self
            .target_groups
            .iter()
            .map(|group| (group.arn.as_str(), group.protocol))
            .collect();
        let mut seen_groups = HashSet::new();
        for (index, group) in self.target_groups.iter().enumerate() {
            let path = format!("target_groups[{index}]");
            if !seen_groups.insert(group.arn.as_str()) {
                return Err(config_error(
                    path,
                    format!("target group {} appears twice", group.arn),
                ));
            }
            group.validate(&path)?;
        }
        let mut sockets = HashSet::new();
        for (lb_index, lb) in self.load_balancers.iter().enumerate() {
            let lb_path = format!("load_balancers[{lb_index}]");
            if lb.idle_timeout_ms == 0 {
                return Err(config_error(
                    format!("{lb_path}.idle_timeout_ms"),
                    "must be at least 1",
                ));
            }
            for (index, listener) in lb.listeners.iter().enumerate() {
                let path = format!("{lb_path}.listeners[{index}]");
                if listener.port == 0 {
                    return Err(config_error(
                        format!("{path}.port"),
                        "must be between 1 and 65535",
                    ));
                }
                if !sockets.insert(SocketAddr::new(lb.address, listener.port)) {
                    return Err(config_error(
                        format!("{path}.port"),
                        format!(
                            "another listener already uses {}:{}",
                            lb.address, listener.port
                        ),
                    ));
                }
                listener.validate(lb.kind, &group_protocols, &path)?;
            }
        }
        Ok(())
    }
}

impl Listener {
    fn validate(
        &self,
        kind: LoadBalancerType,
        groups: &std::collections::HashMap<&str, Protocol>,
        path: &str,
    ) -> Result<(), ConfigError> {
        match (kind, self.protocol) {
            (LoadBalancerType::Application, Protocol::Http | Protocol::Https)
            | (LoadBalancerType::Network, Protocol::Tcp) => {}
            (kind, protocol) => {
                return Err(config_error(
                    format!("{path}.protocol"),
                    format!("a {kind:?} load balancer cannot have a {protocol} listener"),
                ))
            }
        }
        if self.protocol == Protocol::Https && self.certificates.is_empty() {
            return Err(config_error(
                format!("{path}.certificates"),
                "an HTTPS listener needs a certificate",
            ));
        }
        if self.protocol != Protocol::Https && !self.certificates.is_empty() {
            return Err(config_error(
                format!("{path}.certificates"),
                format!("a {} listener takes no certificate", self.protocol),
            ));
        }
        if self.protocol == Protocol::Tcp {
            if !self.rules.is_empty() {
                return Err(config_error(
                    format!("{path}.rules"),
                    "a TCP listener has no rules",
                ));
            }
            match &self.default_action {
                Action::Forward {
                    target_groups,
                    stickiness,
                } if target_groups.len() == 1 && stickiness.is_none() => {}
                _ => {
                    return Err(config_error(
                        format!("{path}.default_action"),
                        "a TCP listener forwards to exactly one target group",
                    ))
                }
            }
        }
        self.default_action
            .validate(self.protocol, groups, &format!("{path}.default_action"))?;
        let mut priorities = HashSet::new();
        for (index, rule) in self.rules.iter().enumerate() {
            let rule_path = format!("{path}.rules[{index}]");
            if rule.priority == 0 || rule.priority > MAX_RULE_PRIORITY {
                return Err(config_error(
                    format!("{rule_path}.priority"),
                    format!("must be between 1 and {MAX_RULE_PRIORITY}"),
                ));
            }
            if !priorities.insert(rule.priority) {
                return Err(config_error(
                    format!("{rule_path}.priority"),
                    format!("priority {} is used twice", rule.priority),
                ));
            }
            validate_conditions(&rule.conditions, &rule_path)?;
            rule.action
                .validate(self.protocol, groups, &format!("{rule_path}.action"))?;
        }
        Ok(())
    }
}

/// ELBv2's rules for a rule's conditions: at most one of each field except `http-header`
/// and `query-string`, up to three values per condition (five for `source-ip`) and five
/// per rule, and each value well-formed.
pub fn validate_conditions(conditions: &[Condition], path: &str) -> Result<(), ConfigError> {
    let mut singletons = BTreeSet::new();
    let mut total = 0;
    for (index, condition) in conditions.iter().enumerate() {
        let path = format!("{path}.conditions[{index}]");
        let field = condition.field();
        let repeatable = matches!(
            condition,
            Condition::HttpHeader { .. } | Condition::QueryString { .. }
        );
        if !repeatable && !singletons.insert(field) {
            return Err(config_error(
                path,
                format!("a rule can have only one {field} condition"),
            ));
        }
        let count = condition.value_count();
        let limit = if matches!(condition, Condition::SourceIp { .. }) {
            MAX_SOURCE_IP_VALUES
        } else {
            MAX_VALUES_PER_CONDITION
        };
        if count == 0 {
            return Err(config_error(
                path,
                format!("a {field} condition needs a value"),
            ));
        }
        if count > limit {
            return Err(config_error(
                path,
                format!("a {field} condition can have at most {limit} values, not {count}"),
            ));
        }
        total += count;
        validate_condition_values(condition, &path)?;
    }
    if total > MAX_VALUES_PER_RULE {
        return Err(config_error(
            format!("{path}.conditions"),
            format!("a rule can have at most {MAX_VALUES_PER_RULE} condition values, not {total}"),
        ));
    }
    Ok(())
}

fn check_length(value: &str, max: usize, path: &str, what: &str) -> Result<(), ConfigError> {
    if value.is_empty() || value.len() > max {
        return Err(config_error(
            path,
            format!("{what} '{value}' must be 1 to {max} characters"),
        ));
    }
    Ok(())
}

fn validate_condition_values(condition: &Condition, path: &str) -> Result<(), ConfigError> {
    match condition {
        Condition::PathPattern { values } => {
            for value in values {
                check_length(value, MAX_CONDITION_VALUE_LEN, path, "path pattern")?;
            }
        }
        Condition::HostHeader { values } => {
            for value in values {
                check_length(value, MAX_CONDITION_VALUE_LEN, path, "host name")?;
                if !value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.*?_".contains(&b))
                {
                    return Err(config_error(
                        path,
                        format!("host name '{value}' may contain only A-Z, a-z, 0-9, '-', '.', '_', '*' and '?'"),
                    ));
                }
            }
        }
        Condition::HttpHeader { name, values } => {
            check_length(name, MAX_HEADER_NAME_LEN, path, "header name")?;
            if !name.bytes().all(is_token_byte) {
                return Err(config_error(
                    path,
                    format!("header name '{name}' has characters RFC 7230 does not allow"),
                ));
            }
            if name.eq_ignore_ascii_case("host") {
                return Err(config_error(
                    path,
                    "use a host-header condition for the Host header",
                ));
            }
            for value in values {
                check_length(value, MAX_CONDITION_VALUE_LEN, path, "header value")?;
            }
        }
        Condition::HttpRequestMethod { values } => {
            for value in values {
                check_length(value, MAX_METHOD_LEN, path, "method")?;
                if !value
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'_')
                {
                    return Err(config_error(
                        path,
                        format!("method '{value}' may contain only A-Z, '-' and '_'"),
                    ));
                }
            }
        }
        Condition::QueryString { values } => {
            for pair in values {
                if let Some(key) = &pair.key {
                    check_length(key, MAX_CONDITION_VALUE_LEN, path, "query key")?;
                }
                check_length(&pair.value, MAX_CONDITION_VALUE_LEN, path, "query value")?;
            }
        }
        Condition::SourceIp { values } => {
            for value in values {
                parse_cidr(value).map_err(|message| config_error(path, message))?;
            }
        }
    }
    Ok(())
}

/// RFC 7230 `tchar`.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Parses `ADDRESS/BITS` (IPv4 or IPv6) into the network address and prefix length.
pub fn parse_cidr(value: &str) -> Result<(IpAddr, u8), String> {
    let bad = || format!("'{value}' is not a CIDR block such as 10.0.0.0/8 or 2001:db8::/32");
    let (address, bits) = value.split_once('/').ok_or_else(bad)?;
    let address: IpAddr = address.parse().map_err(|_| bad())?;
    let bits: u8 = bits.parse().map_err(|_| bad())?;
    let max = if address.is_ipv4() { 32 } else { 128 };
    if bits > max {
        return Err(bad());
    }
    Ok((address, bits))
}

impl Action {
    fn validate(
        &self,
        listener_protocol: Protocol,
        groups: &std::collections::HashMap<&str, Protocol>,
        path: &str,
    ) -> Result<(), ConfigError> {
        match self {
            Action::Forward {
                target_groups,
                stickiness,
            } => {
                if target_groups.is_empty() || target_groups.len() > MAX_TARGET_GROUPS_PER_FORWARD {
                    return Err(config_error(
                        format!("{path}.target_groups"),
                        format!(
                            "a forward action names 1 to {MAX_TARGET_GROUPS_PER_FORWARD} target groups"
                        ),
                    ));
                }
                let mut seen = HashSet::new();
                for group in target_groups {
                    let Some(protocol) = groups.get(group.target_group_arn.as_str()) else {
                        return Err(config_error(
                            format!("{path}.target_groups"),
                            format!(
                                "target group {} is not in the configuration",
                                group.target_group_arn
                            ),
                        ));
                    };
                    let fits = match listener_protocol {
                        Protocol::Tcp => *protocol == Protocol::Tcp,
                        Protocol::Http | Protocol::Https => *protocol != Protocol::Tcp,
                    };
                    if !fits {
                        return Err(config_error(
                            format!("{path}.target_groups"),
                            format!(
                                "a {listener_protocol} listener cannot forward to {protocol} target group {}",
                                group.target_group_arn
                            ),
                        ));
                    }
                    if !seen.insert(group.target_group_arn.as_str()) {
                        return Err(config_error(
                            format!("{path}.target_groups"),
                            format!("target group {} appears twice", group.target_group_arn),
                        ));
                    }
                    if group.weight > MAX_TARGET_GROUP_WEIGHT {
                        return Err(config_error(
                            format!("{path}.target_groups"),
                            format!("weight {} is above {MAX_TARGET_GROUP_WEIGHT}", group.weight),
                        ));
                    }
                }
                if target_groups.len() > 1 && target_groups.iter().all(|g| g.weight == 0) {
                    return Err(config_error(
                        format!("{path}.target_groups"),
                        "at least one target group needs a weight above 0",
                    ));
                }
                if let Some(stickiness) = stickiness {
                    if stickiness.enabled
                        && (stickiness.duration_seconds == 0
                            || stickiness.duration_seconds > MAX_STICKINESS_SECONDS)
                    {
                        return Err(config_error(
                            format!("{path}.stickiness.duration_seconds"),
                            format!("must be between 1 and {MAX_STICKINESS_SECONDS}"),
                        ));
                    }
                }
            }
            Action::Redirect(redirect) => {
                if listener_protocol == Protocol::Tcp {
                    return Err(config_error(path, "a TCP listener can only forward"));
                }
                redirect.validate(listener_protocol, path)?;
            }
            Action::FixedResponse(fixed) => {
                if listener_protocol == Protocol::Tcp {
                    return Err(config_error(path, "a TCP listener can only forward"));
                }
                fixed.validate(path)?;
            }
        }
        Ok(())
    }
}

impl Redirect {
    fn validate(&self, listener_protocol: Protocol, path: &str) -> Result<(), ConfigError> {
        if !matches!(self.status_code, 301 | 302) {
            return Err(config_error(
                format!("{path}.status_code"),
                "a redirect's status is 301 or 302",
            ));
        }
        if let Some(protocol) = &self.protocol {
            if !matches!(protocol.as_str(), "HTTP" | "HTTPS" | "#{protocol}") {
                return Err(config_error(
                    format!("{path}.protocol"),
                    format!("'{protocol}' is not HTTP, HTTPS or #{{protocol}}"),
                ));
            }
            if protocol == "HTTP" && listener_protocol == Protocol::Https {
                return Err(config_error(
                    format!("{path}.protocol"),
                    "an HTTPS listener cannot redirect to HTTP",
                ));
            }
        }
        if let Some(port) = &self.port {
            if port != "#{port}" && !matches!(port.parse::<u16>(), Ok(1..)) {
                return Err(config_error(
                    format!("{path}.port"),
                    format!("'{port}' is not a port from 1 to 65535 or #{{port}}"),
                ));
            }
        }
        for (name, value) in [
            ("host", &self.host),
            ("path", &self.path),
            ("query", &self.query),
        ] {
            if let Some(value) = value {
                let max = MAX_REDIRECT_COMPONENT_LEN;
                if (name != "query" && value.is_empty()) || value.len() > max {
                    return Err(config_error(
                        format!("{path}.{name}"),
                        format!("must be 1 to {max} characters"),
                    ));
                }
                if value.bytes().any(|b| b.is_ascii_control()) {
                    return Err(config_error(
                        format!("{path}.{name}"),
                        "must not contain control characters",
                    ));
                }
            }
        }
        if let Some(redirect_path) = &self.path {
            if !redirect_path.starts_with('/') {
                return Err(config_error(format!("{path}.path"), "must start with '/'"));
            }
        }
        Ok(())
    }
}

impl FixedResponse {
    fn validate(&self, path: &str) -> Result<(), ConfigError> {
        if !matches!(self.status_code, 200..=299 | 400..=599) {
            return Err(config_error(
                format!("{path}.status_code"),
                "a fixed response's status is 2XX, 4XX or 5XX",
            ));
        }
        if let Some(content_type) = &self.content_type {
            if !FIXED_RESPONSE_CONTENT_TYPES.contains(&content_type.as_str()) {
                return Err(config_error(
                    format!("{path}.content_type"),
                    format!(
                        "'{content_type}' is not one of {}",
                        FIXED_RESPONSE_CONTENT_TYPES.join(", ")
                    ),
                ));
            }
        }
        if let Some(body) = &self.message_body {
            if body.len() > MAX_FIXED_RESPONSE_BODY {
                return Err(config_error(
                    format!("{path}.message_body"),
                    format!("is longer than {MAX_FIXED_RESPONSE_BODY} characters"),
                ));
            }
        }
        Ok(())
    }
}

impl TargetGroup {
    fn validate(&self, path: &str) -> Result<(), ConfigError> {
        if self.targets.len() > MAX_TARGETS_PER_GROUP {
            return Err(config_error(
                format!("{path}.targets"),
                format!("at most {MAX_TARGETS_PER_GROUP} targets"),
            ));
        }
        let mut seen = HashSet::new();
        for (index, target) in self.targets.iter().enumerate() {
            if target.port == 0 {
                return Err(config_error(
                    format!("{path}.targets[{index}].port"),
                    "must be between 1 and 65535",
                ));
            }
            if !seen.insert(target.address()) {
                return Err(config_error(
                    format!("{path}.targets[{index}]"),
                    format!("target {} appears twice", target.address()),
                ));
            }
        }
        let check = &self.health_check;
        let check_path = format!("{path}.health_check");
        if check.interval_ms == 0 || check.timeout_ms == 0 {
            return Err(config_error(
                check_path,
                "interval_ms and timeout_ms must be at least 1",
            ));
        }
        if check.timeout_ms > check.interval_ms {
            return Err(config_error(
                format!("{check_path}.timeout_ms"),
                "the timeout must be no longer than the interval",
            ));
        }
        for (name, value) in [
            ("healthy_threshold", check.healthy_threshold),
            ("unhealthy_threshold", check.unhealthy_threshold),
        ] {
            if !(1..=10).contains(&value) {
                return Err(config_error(
                    format!("{check_path}.{name}"),
                    "must be between 1 and 10",
                ));
            }
        }
        if matches!(check.protocol, Protocol::Http | Protocol::Https) {
            if !check.path.starts_with('/') || check.path.len() > 1024 {
                return Err(config_error(
                    format!("{check_path}.path"),
                    "must start with '/' and be at most 1024 characters",
                ));
            }
            parse_matcher(&check.matcher)
                .map_err(|message| config_error(format!("{check_path}.matcher"), message))?;
        }
        if check.port == HealthCheckPort::Port(0) {
            return Err(config_error(
                format!("{check_path}.port"),
                "must be between 1 and 65535 or traffic-port",
            ));
        }
        let attributes = &self.attributes;
        if attributes.deregistration_delay_seconds > 3600 {
            return Err(config_error(
                format!("{path}.attributes.deregistration_delay_seconds"),
                "must be between 0 and 3600",
            ));
        }
        if attributes.stickiness_enabled {
            if self.protocol == Protocol::Tcp {
                return Err(config_error(
                    format!("{path}.attributes.stickiness_enabled"),
                    "a TCP target group has no lb_cookie stickiness",
                ));
            }
            if attributes.stickiness_type != "lb_cookie" {
                return Err(config_error(
                    format!("{path}.attributes.stickiness_type"),
                    format!(
                        "'{}' is not served; berth serves lb_cookie",
                        attributes.stickiness_type
                    ),
                ));
            }
            if attributes.stickiness_duration_seconds == 0
                || attributes.stickiness_duration_seconds > MAX_STICKINESS_SECONDS
            {
                return Err(config_error(
                    format!("{path}.attributes.stickiness_duration_seconds"),
                    format!("must be between 1 and {MAX_STICKINESS_SECONDS}"),
                ));
            }
        }
        Ok(())
    }
}

/// Parses an ELB matcher (`200`, `200,202`, `200-299`, `200-299,302`) into inclusive
/// ranges of HTTP codes from 200 to 599.
pub fn parse_matcher(matcher: &str) -> Result<Vec<(u16, u16)>, String> {
    let bad = |part: &str| {
        format!("'{part}' in matcher '{matcher}' is not an HTTP code from 200 to 599 or a range like 200-299")
    };
    let code = |text: &str| -> Result<u16, String> {
        text.trim()
            .parse::<u16>()
            .ok()
            .filter(|code| (200..=599).contains(code))
            .ok_or_else(|| bad(text))
    };
    let mut ranges = Vec::new();
    for part in matcher.split(',') {
        let range = match part.split_once('-') {
            Some((low, high)) => {
                let (low, high) = (code(low)?, code(high)?);
                if low > high {
                    return Err(bad(part));
                }
                (low, high)
            }
            None => {
                let code = code(part)?;
                (code, code)
            }
        };
        ranges.push(range);
    }
    Ok(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(arn: &str, protocol: Protocol) -> TargetGroup {
        TargetGroup {
            arn: arn.into(),
            name: arn.into(),
            protocol,
            targets: vec![],
            health_check: HealthCheck {
                enabled: true,
                protocol,
                path: "/".into(),
                port: HealthCheckPort::TrafficPort,
                interval_ms: 5000,
                timeout_ms: 2000,
                healthy_threshold: 2,
                unhealthy_threshold: 2,
                matcher: "200-299".into(),
            },
            attributes: TargetGroupAttributes::default(),
        }
    }

    fn forward(arn: &str) -> Action {
        Action::Forward {
            target_groups: vec![WeightedTargetGroup {
                target_group_arn: arn.into(),
                weight: 1,
            }],
            stickiness: None,
        }
    }

    fn config_with_rules(rules: Vec<Rule>) -> LbConfig {
        LbConfig {
            generation: 1,
            load_balancers: vec![LoadBalancer {
                arn: "lb".into(),
                name: "lb".into(),
                kind: LoadBalancerType::Application,
                address: "127.0.0.1".parse().unwrap(),
                idle_timeout_ms: 60_000,
                listeners: vec![Listener {
                    arn: "l".into(),
                    port: 8080,
                    protocol: Protocol::Http,
                    certificates: vec![],
                    default_action: forward("tg"),
                    rules,
                }],
            }],
            target_groups: vec![group("tg", Protocol::Http)],
        }
    }

    fn rule(priority: u32, conditions: Vec<Condition>) -> Rule {
        Rule {
            arn: format!("r{priority}"),
            priority,
            conditions,
            action: forward("tg"),
        }
    }

    #[test]
    fn json_round_trip_keeps_every_field() {
        let mut config = config_with_rules(vec![rule(
            10,
            vec![
                Condition::PathPattern {
                    values: vec!["/api/*".into()],
                },
                Condition::QueryString {
                    values: vec![QueryStringPair {
                        key: Some("v".into()),
                        value: "1".into(),
                    }],
                },
            ],
        )]);
        config.target_groups[0].targets.push(Target {
            ip: "10.0.0.1".parse().unwrap(),
            port: 80,
            state: TargetState::Draining {
                deadline_unix_ms: 42,
            },
        });
        let text = serde_json::to_string(&config).unwrap();
        assert!(text.contains(r#""field":"path-pattern""#), "{text}");
        assert!(text.contains(r#""type":"forward""#), "{text}");
        assert!(text.contains(r#""state":"draining""#), "{text}");
        let back: LbConfig = serde_json::from_str(&text).unwrap();
        assert_eq!(back, config);
        config.validate().unwrap();
    }

    #[test]
    fn condition_limits_follow_elbv2() {
        let three: Vec<String> = (0..3).map(|i| format!("/p{i}")).collect();
        let mut four = three.clone();
        four.push("/p3".into());
        assert!(config_with_rules(vec![rule(
            1,
            vec![Condition::PathPattern { values: three }]
        )])
        .validate()
        .is_ok());
        let err = config_with_rules(vec![rule(1, vec![Condition::PathPattern { values: four }])])
            .validate()
            .unwrap_err();
        assert!(err.message.contains("at most 3"), "{err}");
        // Six values over three conditions: more than five per rule.
        let err = config_with_rules(vec![rule(
            1,
            vec![
                Condition::PathPattern {
                    values: vec!["/a".into(), "/b".into()],
                },
                Condition::HostHeader {
                    values: vec!["a.example.com".into(), "b.example.com".into()],
                },
                Condition::HttpRequestMethod {
                    values: vec!["GET".into(), "PUT".into()],
                },
            ],
        )])
        .validate()
        .unwrap_err();
        assert!(err.message.contains("at most 5"), "{err}");
        let err = config_with_rules(vec![rule(
            1,
            vec![
                Condition::PathPattern {
                    values: vec!["/a".into()],
                },
                Condition::PathPattern {
                    values: vec!["/b".into()],
                },
            ],
        )])
        .validate()
        .unwrap_err();
        assert!(err.message.contains("only one path-pattern"), "{err}");
        let err = config_with_rules(vec![rule(
            1,
            vec![Condition::HttpRequestMethod {
                values: vec!["get".into()],
            }],
        )])
        .validate()
        .unwrap_err();
        assert!(err.message.contains("A-Z"), "{err}");
        let err = config_with_rules(vec![rule(
            1,
            vec![Condition::SourceIp {
                values: vec!["10.0.0.0/33".into()],
            }],
        )])
        .validate()
        .unwrap_err();
        assert!(err.message.contains("CIDR"), "{err}");
        let err = config_with_rules(vec![rule(
            1,
            vec![Condition::HttpHeader {
                name: "Host".into(),
                values: vec!["x".into()],
            }],
        )])
        .validate()
        .unwrap_err();
        assert!(err.message.contains("host-header"), "{err}");
    }

    #[test]
    fn priorities_are_unique_and_in_range() {
        let err = config_with_rules(vec![rule(5, vec![]), rule(5, vec![])])
            .validate()
            .unwrap_err();
        assert!(err.message.contains("used twice"), "{err}");
        let err = config_with_rules(vec![rule(50_001, vec![])])
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "load_balancers[0].listeners[0].rules[0].priority");
    }

    #[test]
    fn references_and_protocols_are_checked() {
        let mut config = config_with_rules(vec![]);
        config.load_balancers[0].listeners[0].default_action = forward("missing");
        let err = config.validate().unwrap_err();
        assert!(err.message.contains("not in the configuration"), "{err}");

        let mut config = config_with_rules(vec![]);
        config.load_balancers[0].listeners[0].protocol = Protocol::Tcp;
        let err = config.validate().unwrap_err();
        assert!(err.message.contains("cannot have a TCP listener"), "{err}");

        let mut config = config_with_rules(vec![]);
        let mut second = config.load_balancers[0].clone();
        second.arn = "lb2".into();
        config.load_balancers.push(second);
        let err = config.validate().unwrap_err();
        assert!(err.message.contains("already uses 127.0.0.1:8080"), "{err}");

        let mut config = config_with_rules(vec![]);
        config.load_balancers[0].listeners[0].protocol = Protocol::Https;
        let err = config.validate().unwrap_err();
        assert!(err.message.contains("needs a certificate"), "{err}");
    }

    #[test]
    fn actions_are_checked() {
        let mut config = config_with_rules(vec![]);
        config.load_balancers[0].listeners[0].default_action = Action::Redirect(Redirect {
            protocol: Some("FTP".into()),
            host: None,
            port: None,
            path: None,
            query: None,
            status_code: 301,
        });
        assert!(config.validate().unwrap_err().message.contains("'FTP'"));
        config.load_balancers[0].listeners[0].default_action =
            Action::FixedResponse(FixedResponse {
                status_code: 302,
                content_type: None,
                message_body: None,
            });
        assert!(config.validate().unwrap_err().message.contains("2XX"));
        config.load_balancers[0].listeners[0].default_action =
            Action::FixedResponse(FixedResponse {
                status_code: 200,
                content_type: Some("image/png".into()),
                message_body: None,
            });
        assert!(config.validate().unwrap_err().message.contains("image/png"));
        config.load_balancers[0].listeners[0].default_action = Action::Forward {
            target_groups: vec![WeightedTargetGroup {
                target_group_arn: "tg".into(),
                weight: 1000,
            }],
            stickiness: None,
        };
        assert!(config.validate().unwrap_err().message.contains("999"));
    }

    #[test]
    fn matchers_parse_as_elb_writes_them() {
        assert_eq!(parse_matcher("200").unwrap(), vec![(200, 200)]);
        assert_eq!(
            parse_matcher("200-299,302").unwrap(),
            vec![(200, 299), (302, 302)]
        );
        assert!(parse_matcher("199").is_err());
        assert!(parse_matcher("300-200").is_err());
        assert!(parse_matcher("").is_err());
        assert!(parse_matcher("abc").is_err());
    }

    #[test]
    fn health_wire_names_are_elbs() {
        let observation = TargetHealthObservation {
            ip: "10.0.0.1".parse().unwrap(),
            port: 80,
            state: TargetHealthState::UnhealthyDraining,
            reason: Some(TargetHealthReason::TargetDeregistrationInProgress),
            description: Some("Target deregistration is in progress".into()),
            in_flight: 0,
        };
        let text = serde_json::to_string(&observation).unwrap();
        assert!(text.contains(r#""state":"unhealthy.draining""#), "{text}");
        assert!(
            text.contains(r#""reason":"Target.DeregistrationInProgress""#),
            "{text}"
        );
        assert_eq!(
            TargetHealthReason::ElbInitialHealthChecking.as_str(),
            "Elb.InitialHealthChecking"
        );
    }
}
