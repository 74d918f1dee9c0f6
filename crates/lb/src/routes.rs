//! A listener's rules compiled for matching: conditions with their patterns parsed once,
//! rules in priority order, and actions bound to the target groups' runtimes.
//!
//! ELB's evaluation: rules from the lowest priority number up; the first whose conditions
//! all match (any value within a condition) decides; otherwise the default action.

use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use berth_api::lb::{Action, Condition, FixedResponse, Listener, Protocol, Redirect};
use http::{HeaderMap, HeaderName, Method};
use ipnet::IpNet;
use percent_encoding::percent_decode_str;

use crate::balancer::TargetGroupRuntime;
use crate::pattern::Pattern;

/// What a rule looks at in a request.
#[derive(Debug)]
pub struct RequestFacts<'a> {
    pub method: &'a Method,
    pub path: &'a str,
    pub query: Option<&'a str>,
    /// The host without its port.
    pub host: Option<&'a str>,
    pub headers: &'a HeaderMap,
    pub source: IpAddr,
}

#[derive(Debug)]
enum Matcher {
    Path(Vec<Pattern>),
    Host(Vec<Pattern>),
    Header(HeaderName, Vec<Pattern>),
    Method(Vec<String>),
    /// (key pattern, value pattern); no key matches any key.
    Query(Vec<(Option<Pattern>, Pattern)>),
    SourceIp(Vec<IpNet>),
}

impl Matcher {
    fn compile(condition: &Condition) -> Self {
        match condition {
            Condition::PathPattern { values } => {
                Matcher::Path(values.iter().map(|v| Pattern::case_sensitive(v)).collect())
            }
            Condition::HostHeader { values } => Matcher::Host(
                values
                    .iter()
                    .map(|v| Pattern::case_insensitive(v))
                    .collect(),
            ),
            Condition::HttpHeader { name, values } => Matcher::Header(
                // Validation checked the name is an RFC 7230 token.
                HeaderName::from_bytes(name.as_bytes())
                    .unwrap_or(HeaderName::from_static("x-invalid")),
                values
                    .iter()
                    .map(|v| Pattern::case_insensitive(v))
                    .collect(),
            ),
            Condition::HttpRequestMethod { values } => Matcher::Method(values.clone()),
            Condition::QueryString { values } => Matcher::Query(
                values
                    .iter()
                    .map(|pair| {
                        (
                            pair.key.as_deref().map(Pattern::query),
                            Pattern::query(&pair.value),
                        )
                    })
                    .collect(),
            ),
            Condition::SourceIp { values } => Matcher::SourceIp(
                values
                    .iter()
                    .filter_map(|v| {
                        let (address, bits) = berth_api::lb::parse_cidr(v).ok()?;
                        IpNet::new(address, bits).ok().map(|net| net.trunc())
                    })
                    .collect(),
            ),
        }
    }

    fn matches(&self, request: &RequestFacts<'_>) -> bool {
        match self {
            Matcher::Path(patterns) => patterns.iter().any(|p| p.matches(request.path)),
            Matcher::Host(patterns) => request
                .host
                .is_some_and(|host| patterns.iter().any(|p| p.matches(host))),
            Matcher::Header(name, patterns) => request
                .headers
                .get_all(name)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .any(|value| patterns.iter().any(|p| p.matches(value))),
            Matcher::Method(methods) => methods.iter().any(|m| m == request.method.as_str()),
            Matcher::Query(pairs) => {
                let Some(query) = request.query else {
                    return false;
                };
                query_pairs(query).any(|(key, value)| {
                    pairs.iter().any(|(key_pattern, value_pattern)| {
                        key_pattern.as_ref().is_none_or(|p| p.matches(&key))
                            && value_pattern.matches(&value)
                    })
                })
            }
            Matcher::SourceIp(nets) => {
                let source = request.source.to_canonical();
                nets.iter().any(|net| net.contains(&source))
            }
        }
    }
}

/// The query's `key=value` pairs, percent-decoded (a bare item is a value with an empty
/// key).
fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .split('&')
        .filter(|item| !item.is_empty())
        .map(|item| {
            let (key, value) = item.split_once('=').unwrap_or(("", item));
            (
                percent_decode_str(key).decode_utf8_lossy().into_owned(),
                percent_decode_str(value).decode_utf8_lossy().into_owned(),
            )
        })
}

/// A forward action: weighted target groups and optional group stickiness.
#[derive(Debug)]
pub struct Forward {
    pub groups: Vec<Arc<TargetGroupRuntime>>,
    /// Indexes into `groups`, spread by smooth weighted round robin, one per weight unit.
    schedule: Box<[u8]>,
    next: AtomicUsize,
    /// `AWSALBTG` duration when group stickiness is on (and more than one group).
    pub stickiness_seconds: Option<u32>,
}

impl Forward {
    fn new(groups: Vec<(Arc<TargetGroupRuntime>, u32)>, stickiness_seconds: Option<u32>) -> Self {
        let schedule =
            smooth_weighted_schedule(&groups.iter().map(|(_, w)| *w).collect::<Vec<_>>());
        let stickiness_seconds = stickiness_seconds.filter(|_| groups.len() > 1);
        Self {
            groups: groups.into_iter().map(|(group, _)| group).collect(),
            schedule,
            next: AtomicUsize::new(0),
            stickiness_seconds,
        }
    }

    /// The next group by weight; `sticky` (an `AWSALBTG` value) keeps the client's group
    /// while it still has weight.
    pub fn pick_group(&self, sticky: Option<&str>) -> (&Arc<TargetGroupRuntime>, bool) {
        if let (Some(_), Some(cookie)) = (self.stickiness_seconds, sticky) {
            if let Some(index) = self.groups.iter().position(|g| g.cookie == cookie) {
                if self.schedule.contains(&(index as u8)) {
                    return (&self.groups[index], true);
                }
            }
        }
        if self.groups.len() == 1 {
            return (&self.groups[0], false);
        }
        let slot = self.next.fetch_add(1, Ordering::Relaxed) % self.schedule.len();
        (&self.groups[self.schedule[slot] as usize], false)
    }
}

/// Nginx's smooth weighted round robin, unrolled over one period: each group appears as
/// often as its weight, interleaved rather than in runs. All-zero weights (one group)
/// give that group.
fn smooth_weighted_schedule(weights: &[u32]) -> Box<[u8]> {
    let total: i64 = weights.iter().map(|w| i64::from(*w)).sum();
    if total == 0 {
        return vec![0].into_boxed_slice();
    }
    let mut current = vec![0i64; weights.len()];
    let mut schedule = Vec::with_capacity(total as usize);
    for _ in 0..total {
        for (value, weight) in current.iter_mut().zip(weights) {
            *value += i64::from(*weight);
        }
        let (best, _) = current
            .iter()
            .enumerate()
            .max_by_key(|(index, value)| (**value, std::cmp::Reverse(*index)))
            .expect("weights are not empty");
        current[best] -= total;
        schedule.push(best as u8);
    }
    schedule.into_boxed_slice()
}

#[derive(Debug)]
pub enum RouteAction {
    Forward(Forward),
    Redirect(Redirect),
    Fixed(FixedResponse),
}

#[derive(Debug)]
struct CompiledRule {
    matchers: Vec<Matcher>,
    action: Arc<RouteAction>,
}

/// A listener's compiled rules.
#[derive(Debug)]
pub struct RouteTable {
    pub protocol: Protocol,
    pub port: u16,
    rules: Vec<CompiledRule>,
    pub default_action: Arc<RouteAction>,
}

impl RouteTable {
    /// Compiles a validated listener; `group` finds each target group's runtime.
    pub fn compile(
        listener: &Listener,
        group: &dyn Fn(&str) -> Option<Arc<TargetGroupRuntime>>,
    ) -> Self {
        let mut rules: Vec<_> = listener.rules.iter().collect();
        rules.sort_by_key(|rule| rule.priority);
        Self {
            protocol: listener.protocol,
            port: listener.port,
            rules: rules
                .into_iter()
                .map(|rule| CompiledRule {
                    matchers: rule.conditions.iter().map(Matcher::compile).collect(),
                    action: Arc::new(compile_action(&rule.action, group)),
                })
                .collect(),
            default_action: Arc::new(compile_action(&listener.default_action, group)),
        }
    }

    /// The action of the first rule that matches, else the default.
    pub fn route(&self, request: &RequestFacts<'_>) -> &Arc<RouteAction> {
        self.rules
            .iter()
            .find(|rule| rule.matchers.iter().all(|m| m.matches(request)))
            .map(|rule| &rule.action)
            .unwrap_or(&self.default_action)
    }
}

fn compile_action(
    action: &Action,
    group: &dyn Fn(&str) -> Option<Arc<TargetGroupRuntime>>,
) -> RouteAction {
    match action {
        Action::Forward {
            target_groups,
            stickiness,
        } => RouteAction::Forward(Forward::new(
            target_groups
                .iter()
                .filter_map(|weighted| Some((group(&weighted.target_group_arn)?, weighted.weight)))
                .collect(),
            stickiness
                .as_ref()
                .filter(|s| s.enabled)
                .map(|s| s.duration_seconds),
        )),
        Action::Redirect(redirect) => RouteAction::Redirect(redirect.clone()),
        Action::FixedResponse(fixed) => RouteAction::Fixed(fixed.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use berth_api::lb::QueryStringPair;

    fn facts<'a>(
        method: &'a Method,
        path: &'a str,
        query: Option<&'a str>,
        host: Option<&'a str>,
        headers: &'a HeaderMap,
    ) -> RequestFacts<'a> {
        RequestFacts {
            method,
            path,
            query,
            host,
            headers,
            source: "10.1.2.3".parse().unwrap(),
        }
    }

    #[test]
    fn each_condition_type_matches_as_elb_does() {
        let headers = {
            let mut h = HeaderMap::new();
            h.append("x-env", "Blue".parse().unwrap());
            h.append("x-env", "canary".parse().unwrap());
            h
        };
        let get = Method::GET;
        let request = facts(
            &get,
            "/api/v1/users",
            Some("Version=2&name=caf%C3%A9&flag"),
            Some("Shop.Example.com"),
            &headers,
        );
        let yes = |condition: Condition| Matcher::compile(&condition).matches(&request);
        assert!(yes(Condition::PathPattern {
            values: vec!["/web/*".into(), "/api/*".into()]
        }));
        assert!(!yes(Condition::PathPattern {
            values: vec!["/API/*".into()]
        }));
        assert!(yes(Condition::HostHeader {
            values: vec!["*.example.com".into()]
        }));
        assert!(yes(Condition::HttpHeader {
            name: "X-Env".into(),
            values: vec!["CANARY".into()]
        }));
        assert!(!yes(Condition::HttpHeader {
            name: "X-Env".into(),
            values: vec!["green".into()]
        }));
        assert!(yes(Condition::HttpRequestMethod {
            values: vec!["POST".into(), "GET".into()]
        }));
        assert!(!yes(Condition::HttpRequestMethod {
            values: vec!["get".into()]
        }));
        assert!(yes(Condition::QueryString {
            values: vec![QueryStringPair {
                key: Some("version".into()),
                value: "2".into()
            }]
        }));
        assert!(yes(Condition::QueryString {
            values: vec![QueryStringPair {
                key: None,
                value: "CAFé".into()
            }]
        }));
        assert!(yes(Condition::QueryString {
            values: vec![QueryStringPair {
                key: None,
                value: "flag".into()
            }]
        }));
        assert!(!yes(Condition::QueryString {
            values: vec![QueryStringPair {
                key: Some("version".into()),
                value: "3".into()
            }]
        }));
        assert!(yes(Condition::SourceIp {
            values: vec!["192.168.0.0/16".into(), "10.0.0.0/8".into()]
        }));
        assert!(!yes(Condition::SourceIp {
            values: vec!["10.1.3.0/24".into()]
        }));
    }

    #[test]
    fn source_ip_sees_through_ipv4_mapped_addresses() {
        let headers = HeaderMap::new();
        let get = Method::GET;
        let mut request = facts(&get, "/", None, None, &headers);
        request.source = "::ffff:10.1.2.3".parse().unwrap();
        assert!(Matcher::compile(&Condition::SourceIp {
            values: vec!["10.1.0.0/16".into()]
        })
        .matches(&request));
    }

    #[test]
    fn weighted_schedule_is_exact_and_interleaved() {
        let schedule = smooth_weighted_schedule(&[3, 1]);
        assert_eq!(&*schedule, &[0, 0, 1, 0]);
        let schedule = smooth_weighted_schedule(&[1, 0, 1]);
        assert_eq!(schedule.len(), 2);
        assert!(!schedule.contains(&1));
        let schedule = smooth_weighted_schedule(&[999, 1]);
        assert_eq!(schedule.iter().filter(|i| **i == 1).count(), 1);
    }
}
