//! The Elastic Load Balancing v2 API (2015-12-01): load balancers, listeners, rules, target
//! groups, targets and tags, as records in the store and in the view.
//!
//! - `load_balancers.rs`, `listeners.rs`, `rules.rs`, `target_groups.rs`, `targets.rs`,
//!   `tags.rs`: one `impl App` block per resource, one method per action.
//! - `actions.rs` and `conditions.rs`: the checks and the normal form of listener and rule
//!   actions and of rule conditions; `attributes.rs`: the attribute tables.
//! - `dataplane.rs`: what the data plane and the ECS service integration use: the whole
//!   configuration at a revision, target registration for tasks, and the observed state the
//!   data plane reports back (load balancer state, target health, drained targets).
//!
//! Every change to load balancers, listeners, rules or target groups is one store
//! transaction that also rewrites `/elbv2/config` (compare-and-swap on its revision), so
//! those changes are serialised: names, listener ports, rule priorities and a target
//! group's one load balancer are checked against a view no other change can slip past, and
//! a rejected request writes nothing. Target registrations write only their group's targets
//! record, guarded by the group's revision.
//!
//! **Where load balancers listen.** berth's load balancers are served by its data plane on
//! one host (the `berth dev` host, or a `berth lb` host): each listener listens on that
//! host at its own port, so listener ports are unique across all load balancers. An
//! `internet-facing` load balancer listens on every address of the host (`0.0.0.0`), an
//! `internal` one on the loopback address only. `DNSName` is the host's name as configured
//! (`AppConfig::elbv2.dns_name`, `127.0.0.1` by default; `127.0.0.1` for internal load
//! balancers): `http://DNSName:PORT/` reaches the listener on PORT.
//!
//! **Certificates.** There is no ACM: an HTTPS listener's `CertificateArn` is
//! `arn:aws:acm:REGION:ACCOUNT:certificate/NAME`, which names the PEM file
//! `CERTIFICATE_DIR/NAME.pem` holding the certificate chain and its private key (see
//! `listeners.rs`).

mod actions;
mod attributes;
mod conditions;
pub mod dataplane;
mod index;
pub mod lbconfig;
mod listeners;
mod load_balancers;
pub mod records;
mod rules;
mod tags;
mod target_groups;
mod targets;

use std::path::PathBuf;

use berth_api::elbv2::Tag;
use berth_store::{Compare, Op};

pub use index::{Elbv2Index, Versioned};
use records::{ConfigRecord, ListenerRecord, LoadBalancerRecord, RuleRecord, TargetGroupRecord};

use super::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::keys;
use crate::state::Snapshot;

/// Where the ELBv2 API says its load balancers are, and where HTTPS certificates live.
#[derive(Debug, Clone)]
pub struct Elbv2Settings {
    /// The `DNSName` of internet-facing load balancers: the name or address of the host the
    /// data plane serves listeners on.
    pub dns_name: String,
    /// The directory of the PEM files that certificate ARNs name. `None` until the server
    /// starts, which sets `DATA_DIR/certificates`.
    pub certificate_dir: Option<PathBuf>,
}

impl Default for Elbv2Settings {
    fn default() -> Self {
        Self {
            dns_name: "127.0.0.1".into(),
            certificate_dir: None,
        }
    }
}

/// ELBv2's quotas that berth enforces (the AWS defaults).
pub const MAX_LOAD_BALANCERS: usize = 50;
pub const MAX_TARGET_GROUPS: usize = 3000;
pub const MAX_LISTENERS_PER_LOAD_BALANCER: usize = 50;
/// Rules per load balancer, default rules not counted.
pub const MAX_RULES_PER_LOAD_BALANCER: usize = 100;
pub const MAX_TARGETS_PER_GROUP: usize = 1000;
pub const MAX_TAGS: usize = 50;
/// Target groups one load balancer's listeners and rules may forward to.
pub const MAX_TARGET_GROUPS_PER_LOAD_BALANCER: usize = 100;
/// ARNs or names one Describe call (and one tag call) may name.
pub const MAX_NAMED_PER_CALL: usize = 20;
/// The default and largest `PageSize`.
pub const MAX_PAGE_SIZE: i32 = 400;

/// How often a write that lost a race (for `/elbv2/config`, a targets record, …) is tried
/// again.
const MAX_ATTEMPTS: usize = 16;

/// An ELBv2 exception with HTTP 400, named as in botocore's model.
pub(crate) fn elb_error(code: &'static str, message: impl Into<String>) -> Error {
    Error::api(code, message)
}

/// ELBv2's `ValidationError`.
pub(crate) fn validation(message: impl Into<String>) -> Error {
    Error::invalid(message)
}

pub(crate) fn invalid_configuration(message: impl Into<String>) -> Error {
    elb_error("InvalidConfigurationRequest", message)
}

/// 16 random hexadecimal digits: the ID part of every ELBv2 ARN.
pub(crate) fn new_id() -> String {
    use rand::Rng;
    format!("{:016x}", rand::thread_rng().gen::<u64>())
}

/// The two ELBv2 load balancer types berth serves, as they appear in ARNs.
fn arn_kind(kind: berth_api::elbv2::LoadBalancerTypeEnum) -> &'static str {
    match kind {
        berth_api::elbv2::LoadBalancerTypeEnum::Network => "net",
        berth_api::elbv2::LoadBalancerTypeEnum::Gateway => "gwy",
        berth_api::elbv2::LoadBalancerTypeEnum::Application => "app",
    }
}

/// A parsed ELBv2 ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elbv2Arn {
    LoadBalancer {
        name: String,
        id: String,
    },
    TargetGroup {
        name: String,
        id: String,
    },
    Listener {
        load_balancer: String,
        load_balancer_id: String,
        id: String,
    },
    Rule {
        load_balancer: String,
        load_balancer_id: String,
        listener: String,
        id: String,
    },
}

impl App {
    /// `arn:PARTITION:elasticloadbalancing:REGION:ACCOUNT:`, the start of every ELBv2 ARN.
    pub(crate) fn elbv2_arn_prefix(&self) -> String {
        let scope = &self.config.scope;
        format!(
            "arn:{}:elasticloadbalancing:{}:{}:",
            scope.partition, scope.region, scope.account
        )
    }

    pub(crate) fn load_balancer_arn(
        &self,
        kind: berth_api::elbv2::LoadBalancerTypeEnum,
        name: &str,
        id: &str,
    ) -> String {
        format!(
            "{}loadbalancer/{}/{name}/{id}",
            self.elbv2_arn_prefix(),
            arn_kind(kind)
        )
    }

    pub(crate) fn target_group_arn(&self, name: &str, id: &str) -> String {
        format!("{}targetgroup/{name}/{id}", self.elbv2_arn_prefix())
    }

    pub(crate) fn listener_arn(&self, lb: &LoadBalancerRecord, id: &str) -> String {
        format!(
            "{}listener/{}/{}/{}/{id}",
            self.elbv2_arn_prefix(),
            arn_kind(lb.kind),
            lb.name,
            lb.id
        )
    }

    /// A rule's ARN: its listener's, as `listener-rule/…`, with the rule's ID after it.
    pub(crate) fn rule_arn(listener: &ListenerRecord, id: &str) -> String {
        let arn = listener.arn.replacen(":listener/", ":listener-rule/", 1);
        format!("{arn}/{id}")
    }

    /// Parses an ELBv2 ARN of this region and account. `None` when it is not one (a
    /// malformed ARN, another service's, or another region's or account's).
    pub fn parse_elbv2_arn(&self, arn: &str) -> Option<Elbv2Arn> {
        let rest = arn.strip_prefix(&self.elbv2_arn_prefix())?;
        let parts: Vec<&str> = rest.split('/').collect();
        let kind_ok = |k: &str| matches!(k, "app" | "net");
        let id_ok = |id: &str| id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit());
        let owned = |s: &str| s.to_owned();
        match parts.as_slice() {
            ["loadbalancer", kind, name, id] if kind_ok(kind) && id_ok(id) => {
                Some(Elbv2Arn::LoadBalancer {
                    name: owned(name),
                    id: owned(id),
                })
            }
            ["targetgroup", name, id] if id_ok(id) => Some(Elbv2Arn::TargetGroup {
                name: owned(name),
                id: owned(id),
            }),
            ["listener", kind, lb, lb_id, id] if kind_ok(kind) && id_ok(lb_id) && id_ok(id) => {
                Some(Elbv2Arn::Listener {
                    load_balancer: owned(lb),
                    load_balancer_id: owned(lb_id),
                    id: owned(id),
                })
            }
            ["listener-rule", kind, lb, lb_id, listener, id]
                if kind_ok(kind) && id_ok(lb_id) && id_ok(listener) && id_ok(id) =>
            {
                Some(Elbv2Arn::Rule {
                    load_balancer: owned(lb),
                    load_balancer_id: owned(lb_id),
                    listener: owned(listener),
                    id: owned(id),
                })
            }
            _ => None,
        }
    }

    /// Runs one change to the ELBv2 configuration: `plan` reads the view and returns what to
    /// write and what to answer; the write also rewrites `/elbv2/config`, guarded by the
    /// revision the plan saw, and a plan that lost the race is made again on the newer
    /// view. A plan with no ops writes nothing (an idempotent repeat).
    pub(crate) async fn elbv2_change<T>(
        &self,
        mut plan: impl FnMut(&Snapshot) -> Result<Change<T>>,
    ) -> Result<T> {
        self.commit_planned(|view| {
            let change = plan(view)?;
            if change.ops.is_empty() {
                return Ok(Attempt::Done(change.answer));
            }
            let config = &view.elbv2.config;
            let mut compares = vec![Compare::mod_revision(keys::ELBV2_CONFIG, config.revision)];
            compares.extend(change.compares);
            let mut ops = change.ops;
            ops.push(put_json(
                keys::ELBV2_CONFIG.to_owned(),
                &ConfigRecord {
                    generation: config.record.generation + 1,
                },
            )?);
            Ok(Attempt::Write(txn(compares, ops), change.answer))
        })
        .await
    }

    /// Plans a compare-and-swap write against the view and commits it; a plan whose
    /// compares failed is made again on the newer view.
    pub(crate) async fn commit_planned<T>(
        &self,
        mut plan: impl FnMut(&Snapshot) -> Result<Attempt<T>>,
    ) -> Result<T> {
        for _ in 0..MAX_ATTEMPTS {
            let attempt = {
                let view = self.view.read();
                plan(&view)?
            };
            match attempt {
                Attempt::Done(answer) => return Ok(answer),
                Attempt::Write(txn, answer) => match self.commit(txn).await {
                    Ok(_) => return Ok(answer),
                    Err(Error::Conflict) => continue,
                    Err(err) => return Err(err),
                },
            }
        }
        Err(Error::Conflict)
    }
}

/// What one attempt of [`App::commit_planned`] found to do.
pub(crate) enum Attempt<T> {
    /// Nothing to write.
    Done(T),
    /// Write this transaction; answer this if it commits.
    Write(berth_store::Txn, T),
}

/// What one ELBv2 change writes (besides `/elbv2/config`), and its answer.
pub(crate) struct Change<T> {
    pub compares: Vec<Compare>,
    pub ops: Vec<Op>,
    pub answer: T,
}

impl<T> Change<T> {
    /// A change that writes `ops`.
    pub fn write(ops: Vec<Op>, answer: T) -> Self {
        Self {
            compares: Vec::new(),
            ops,
            answer,
        }
    }

    /// Nothing to write: the request repeats what is already so.
    pub fn none(answer: T) -> Self {
        Self::write(Vec::new(), answer)
    }

    /// Writes a new record at `key`, which must not exist.
    pub fn create<R: serde::Serialize>(key: String, record: &R, answer: T) -> Result<Self> {
        let mut change = Self::write(vec![put_json(key.clone(), record)?], answer);
        change.compares.push(Compare::absent(key));
        Ok(change)
    }

    /// Writes `new` over `old` at `key`, or nothing when they are the same.
    pub fn update<R: serde::Serialize + PartialEq>(
        key: String,
        old: &R,
        new: &R,
        answer: T,
    ) -> Result<Self> {
        if old == new {
            return Ok(Self::none(answer));
        }
        Ok(Self::write(vec![put_json(key, new)?], answer))
    }

    /// Deletes `key`, which must still exist, and whatever `more` deletes with it.
    pub fn delete(key: String, more: Vec<Op>, answer: T) -> Self {
        let mut ops = vec![Op::Delete { key: key.clone() }];
        ops.extend(more);
        let mut change = Self::write(ops, answer);
        change.compares.push(Compare::exists(key));
        change
    }
}

/// The lookups every action shares: resources by ARN, or the action's not-found error.
pub(crate) struct Lookup<'a> {
    pub app: &'a App,
    pub index: &'a Elbv2Index,
}

impl<'a> Lookup<'a> {
    pub fn new(app: &'a App, view: &'a Snapshot) -> Self {
        Self {
            app,
            index: &view.elbv2,
        }
    }

    /// The load balancer an ARN names, or `LoadBalancerNotFound` (`ValidationError` for
    /// something that is not a load balancer ARN at all).
    pub fn load_balancer(&self, arn: &str) -> Result<&'a Versioned<LoadBalancerRecord>> {
        match self.app.parse_elbv2_arn(arn) {
            Some(Elbv2Arn::LoadBalancer { name, id }) => self
                .index
                .load_balancers
                .get(&name)
                .filter(|lb| lb.record.id == id && lb.record.arn == arn)
                .ok_or_else(|| load_balancer_not_found(arn)),
            _ if looks_like(arn, "loadbalancer/") => Err(load_balancer_not_found(arn)),
            _ => Err(validation(format!(
                "'{arn}' is not a valid load balancer ARN."
            ))),
        }
    }

    pub fn target_group(&self, arn: &str) -> Result<&'a Versioned<TargetGroupRecord>> {
        match self.app.parse_elbv2_arn(arn) {
            Some(Elbv2Arn::TargetGroup { name, id }) => self
                .index
                .target_groups
                .get(&name)
                .filter(|tg| tg.record.id == id)
                .ok_or_else(|| target_group_not_found(arn)),
            _ if looks_like(arn, "targetgroup/") => Err(target_group_not_found(arn)),
            _ => Err(validation(format!(
                "'{arn}' is not a valid target group ARN."
            ))),
        }
    }

    pub fn listener(&self, arn: &str) -> Result<&'a Versioned<ListenerRecord>> {
        match self.app.parse_elbv2_arn(arn) {
            Some(Elbv2Arn::Listener {
                load_balancer,
                load_balancer_id,
                id,
            }) => self
                .index
                .listeners
                .get(&(load_balancer, id))
                .filter(|l| l.record.load_balancer_id == load_balancer_id && l.record.arn == arn)
                .ok_or_else(|| listener_not_found(arn)),
            _ if looks_like(arn, "listener/") => Err(listener_not_found(arn)),
            _ => Err(validation(format!("'{arn}' is not a valid listener ARN."))),
        }
    }

    /// A rule by ARN: a rule record, or a listener's default rule.
    pub fn rule(&self, arn: &str) -> Result<RuleRef<'a>> {
        match self.app.parse_elbv2_arn(arn) {
            Some(Elbv2Arn::Rule {
                load_balancer,
                load_balancer_id,
                listener,
                id,
            }) => {
                let listener_entry = self
                    .index
                    .listeners
                    .get(&(load_balancer.clone(), listener.clone()))
                    .filter(|l| l.record.load_balancer_id == load_balancer_id)
                    .ok_or_else(|| rule_not_found(arn))?;
                if listener_entry.record.default_rule_id == id {
                    return Ok(RuleRef::Default(listener_entry));
                }
                self.index
                    .rules
                    .get(&(load_balancer, listener, id))
                    .filter(|r| r.record.arn == arn)
                    .map(|rule| RuleRef::Rule {
                        rule,
                        listener: listener_entry,
                    })
                    .ok_or_else(|| rule_not_found(arn))
            }
            _ if looks_like(arn, "listener-rule/") => Err(rule_not_found(arn)),
            _ => Err(validation(format!("'{arn}' is not a valid rule ARN."))),
        }
    }

    /// The load balancer a listener belongs to.
    pub fn load_balancer_of(
        &self,
        listener: &ListenerRecord,
    ) -> Result<&'a Versioned<LoadBalancerRecord>> {
        self.index
            .load_balancers
            .get(&listener.load_balancer_name)
            .filter(|lb| lb.record.id == listener.load_balancer_id)
            .ok_or_else(|| listener_not_found(&listener.arn))
    }
}

/// A rule found by ARN.
pub(crate) enum RuleRef<'a> {
    /// A listener's default rule, which lives in the listener record.
    Default(&'a Versioned<ListenerRecord>),
    Rule {
        rule: &'a Versioned<RuleRecord>,
        listener: &'a Versioned<ListenerRecord>,
    },
}

/// Whether `arn` is an ELBv2 ARN of the resource type whose path starts with `resource`
/// (possibly of another region or account, or with a malformed ID): such an ARN names a
/// resource that is not here, rather than being invalid.
fn looks_like(arn: &str, resource: &str) -> bool {
    let mut parts = arn.splitn(6, ':');
    let service = parts.nth(2);
    let path = parts.nth(2);
    service == Some("elasticloadbalancing") && path.is_some_and(|p| p.starts_with(resource))
}

/// The not-found error for an ELBv2 ARN that names no resource here (another region's or
/// account's, or a malformed ID), by its resource type; `None` for anything else.
pub(crate) fn foreign_not_found(arn: &str) -> Option<Error> {
    if looks_like(arn, "loadbalancer/") {
        Some(load_balancer_not_found(arn))
    } else if looks_like(arn, "targetgroup/") {
        Some(target_group_not_found(arn))
    } else if looks_like(arn, "listener/") {
        Some(listener_not_found(arn))
    } else if looks_like(arn, "listener-rule/") {
        Some(rule_not_found(arn))
    } else {
        None
    }
}

pub(crate) fn load_balancer_not_found(arn: &str) -> Error {
    elb_error(
        "LoadBalancerNotFound",
        format!("Load balancer '{arn}' not found."),
    )
}

pub(crate) fn target_group_not_found(arn: &str) -> Error {
    elb_error(
        "TargetGroupNotFound",
        format!("Target group '{arn}' not found."),
    )
}

pub(crate) fn listener_not_found(arn: &str) -> Error {
    elb_error("ListenerNotFound", format!("Listener '{arn}' not found."))
}

pub(crate) fn rule_not_found(arn: &str) -> Error {
    elb_error("RuleNotFound", format!("Rule '{arn}' not found."))
}

/// Checks a load balancer or target group name: at most 32 characters, letters, digits and
/// hyphens, not starting or ending with a hyphen.
pub(crate) fn check_name(what: &str, name: &str) -> Result<()> {
    if name.is_empty() || name.len() > 32 {
        return Err(validation(format!(
            "The {what} name '{name}' must be 1 to 32 characters long."
        )));
    }
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(validation(format!(
            "The {what} name '{name}' can contain only letters, digits and hyphens."
        )));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Err(validation(format!(
            "The {what} name '{name}' cannot begin or end with a hyphen."
        )));
    }
    Ok(())
}

/// Checks tags given on a create call or to AddTags: keys and values in ELBv2's character
/// set, no `aws:` keys, no key twice.
pub(crate) fn check_tags(tags: &[Tag]) -> Result<()> {
    let allowed = |c: char| {
        c.is_alphabetic()
            || c.is_numeric()
            || (c.is_whitespace() && !c.is_control())
            || matches!(c, '_' | '.' | ':' | '/' | '=' | '+' | '-' | '@')
    };
    let mut seen = std::collections::HashSet::new();
    for tag in tags {
        if !tag.key.chars().all(allowed) {
            return Err(validation(format!(
                "The tag key '{}' may contain only letters, digits, spaces and _ . : / = + - @.",
                tag.key
            )));
        }
        if let Some(value) = &tag.value {
            if !value.chars().all(allowed) {
                return Err(validation(format!(
                    "The value of tag '{}' may contain only letters, digits, spaces and _ . : / = + - @.",
                    tag.key
                )));
            }
        }
        if tag.key.to_ascii_lowercase().starts_with("aws:") {
            return Err(validation(format!(
                "The tag key '{}' uses the prefix 'aws:', which is reserved for AWS.",
                tag.key
            )));
        }
        if !seen.insert(tag.key.as_str()) {
            return Err(elb_error(
                "DuplicateTagKeys",
                format!("The tag key '{}' is given more than once.", tag.key),
            ));
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(elb_error(
            "TooManyTags",
            format!(
                "A resource can have at most {MAX_TAGS} tags; {} were given.",
                tags.len()
            ),
        ));
    }
    Ok(())
}

/// One page of `items` after `marker`, and the marker of the next. Items are answered in
/// the order of their keys, and an item named twice (same key) once.
pub(crate) fn page<T>(
    items: impl IntoIterator<Item = (String, T)>,
    page_size: Option<i32>,
    marker: Option<&str>,
) -> Result<(Vec<T>, Option<String>)> {
    let mut items: Vec<(String, T)> = items.into_iter().collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items.dedup_by(|a, b| a.0 == b.0);
    let page = super::pagination::paginate(
        items,
        page_size,
        marker,
        MAX_PAGE_SIZE as usize,
        MAX_PAGE_SIZE as usize,
    )
    .map_err(|_| match page_size {
        Some(size) if !(1..=MAX_PAGE_SIZE).contains(&size) => validation(format!(
            "PageSize must be between 1 and {MAX_PAGE_SIZE}; {size} was given."
        )),
        _ => validation("The Marker is not valid. Use the NextMarker of a previous response."),
    })?;
    Ok((page.items, page.next_token))
}

/// Refuses a list of more than [`MAX_NAMED_PER_CALL`] names or ARNs.
pub(crate) fn check_named(what: &str, count: usize) -> Result<()> {
    if count > MAX_NAMED_PER_CALL {
        return Err(validation(format!(
            "At most {MAX_NAMED_PER_CALL} {what} can be given in one call; {count} were given."
        )));
    }
    Ok(())
}

/// Refuses a member berth has no use for (no VPCs, subnets, security groups, …), naming it
/// and saying why, instead of storing and ignoring it.
pub(crate) fn refuse_if_set<T>(member: &str, value: &Option<T>, why: &str) -> Result<()> {
    if value.is_some() {
        return Err(validation(format!("{member} is not supported: {why}")));
    }
    Ok(())
}
