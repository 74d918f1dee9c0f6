//! The ELBv2 part of the in-memory view ([`crate::state::Snapshot::elbv2`]): every ELBv2
//! record with the revision it was last written at, fed by the store's watch.
//!
//! It is in the view (not read from the store per call) because the service scheduler, which
//! reads only the view, will register tasks as targets and wait for their health, and every
//! ELBv2 write checks names, ports, priorities and references against it.

use std::collections::BTreeMap;

use berth_store::{Event, EventKind, Revision};

use super::records::{
    ConfigRecord, ListenerRecord, LoadBalancerRecord, LoadBalancerStateRecord, RuleRecord,
    TargetGroupRecord, TargetHealthRecord, TargetRecord, TargetsRecord,
};
use crate::model::keys;

/// A record and the store revision it was last written at.
#[derive(Debug, Clone)]
pub struct Versioned<T> {
    pub record: T,
    pub revision: Revision,
}

/// Every ELBv2 record, keyed as in the store.
#[derive(Debug, Default)]
pub struct Elbv2Index {
    /// The configuration generation and the revision of its key (0 when never written).
    pub config: Versioned<ConfigRecord>,
    /// Name → load balancer.
    pub load_balancers: BTreeMap<String, Versioned<LoadBalancerRecord>>,
    /// Load balancer name → its reported state.
    pub load_balancer_states: BTreeMap<String, LoadBalancerStateRecord>,
    /// (load balancer name, listener ID) → listener.
    pub listeners: BTreeMap<(String, String), Versioned<ListenerRecord>>,
    /// (load balancer name, listener ID, rule ID) → rule.
    pub rules: BTreeMap<(String, String, String), Versioned<RuleRecord>>,
    /// Name → target group.
    pub target_groups: BTreeMap<String, Versioned<TargetGroupRecord>>,
    /// Target group name → its targets.
    pub targets: BTreeMap<String, Versioned<TargetsRecord>>,
    /// Target group name → the health observed for its targets.
    pub target_health: BTreeMap<String, TargetHealthRecord>,
}

impl Default for Versioned<ConfigRecord> {
    fn default() -> Self {
        Self {
            record: ConfigRecord::default(),
            revision: 0,
        }
    }
}

impl Elbv2Index {
    /// Applies one store event under [`keys::ELBV2`]. Undecodable values are logged and
    /// skipped, as the rest of the view does.
    pub(crate) fn apply(&mut self, event: &Event) {
        let key = event.kv.key.as_str();
        let put = event.kind == EventKind::Put;
        let revision = event.kv.mod_revision;
        let value = &event.kv.value;
        if key == keys::ELBV2_CONFIG {
            self.config = if put {
                match decode::<ConfigRecord>(key, value) {
                    Some(record) => Versioned { record, revision },
                    None => return,
                }
            } else {
                Versioned::default()
            };
        } else if let Some(name) = key.strip_prefix(keys::ELBV2_LOAD_BALANCERS) {
            upsert(
                &mut self.load_balancers,
                name.to_owned(),
                put,
                key,
                value,
                revision,
            );
        } else if let Some(name) = key.strip_prefix(keys::ELBV2_LOAD_BALANCER_STATES) {
            match put.then(|| decode(key, value)).flatten() {
                Some(record) => {
                    self.load_balancer_states.insert(name.to_owned(), record);
                }
                None if !put => {
                    self.load_balancer_states.remove(name);
                }
                None => {}
            }
        } else if let Some(rest) = key.strip_prefix(keys::ELBV2_LISTENERS) {
            let Some((lb, id)) = rest.split_once('/') else {
                return;
            };
            let at = (lb.to_owned(), id.to_owned());
            upsert(&mut self.listeners, at, put, key, value, revision);
        } else if let Some(rest) = key.strip_prefix(keys::ELBV2_RULES) {
            let mut parts = rest.splitn(3, '/');
            let (Some(lb), Some(listener), Some(id)) = (parts.next(), parts.next(), parts.next())
            else {
                return;
            };
            let at = (lb.to_owned(), listener.to_owned(), id.to_owned());
            upsert(&mut self.rules, at, put, key, value, revision);
        } else if let Some(name) = key.strip_prefix(keys::ELBV2_TARGET_GROUPS) {
            upsert(
                &mut self.target_groups,
                name.to_owned(),
                put,
                key,
                value,
                revision,
            );
        } else if let Some(name) = key.strip_prefix(keys::ELBV2_TARGETS) {
            upsert(
                &mut self.targets,
                name.to_owned(),
                put,
                key,
                value,
                revision,
            );
        } else if let Some(name) = key.strip_prefix(keys::ELBV2_TARGET_HEALTH) {
            match put.then(|| decode(key, value)).flatten() {
                Some(record) => {
                    self.target_health.insert(name.to_owned(), record);
                }
                None if !put => {
                    self.target_health.remove(name);
                }
                None => {}
            }
        }
    }

    /// The listeners of a load balancer, in ID order.
    pub fn listeners_of<'a>(
        &'a self,
        load_balancer: &'a str,
    ) -> impl Iterator<Item = &'a Versioned<ListenerRecord>> + 'a {
        self.listeners
            .range((load_balancer.to_owned(), String::new())..)
            .take_while(move |((lb, _), _)| lb == load_balancer)
            .map(|(_, v)| v)
    }

    /// The rules of one listener, in key order (not priority order).
    pub fn rules_of<'a>(
        &'a self,
        load_balancer: &'a str,
        listener: &'a str,
    ) -> impl Iterator<Item = &'a Versioned<RuleRecord>> + 'a {
        self.rules
            .range((load_balancer.to_owned(), listener.to_owned(), String::new())..)
            .take_while(move |((lb, l, _), _)| lb == load_balancer && l == listener)
            .map(|(_, v)| v)
    }

    /// The registrations of a target group (registered and draining, expired or not);
    /// none when a record of that name belongs to an earlier group.
    pub fn registrations(&self, group: &TargetGroupRecord) -> &[TargetRecord] {
        self.targets
            .get(&group.name)
            .filter(|t| t.record.target_group_id == group.id)
            .map_or(&[], |t| t.record.targets.as_slice())
    }

    /// The registrations of a target group that take traffic or drain at `now`.
    pub fn present_targets<'a>(
        &'a self,
        group: &TargetGroupRecord,
        now: f64,
    ) -> impl Iterator<Item = &'a TargetRecord> + 'a {
        self.registrations(group)
            .iter()
            .filter(move |t| t.is_present(now))
    }

    /// The rules of every listener of a load balancer.
    pub fn rules_of_load_balancer<'a>(
        &'a self,
        load_balancer: &'a str,
    ) -> impl Iterator<Item = &'a Versioned<RuleRecord>> + 'a {
        self.rules
            .range((load_balancer.to_owned(), String::new(), String::new())..)
            .take_while(move |((lb, _, _), _)| lb == load_balancer)
            .map(|(_, v)| v)
    }
}

fn upsert<K: Ord, T: serde::de::DeserializeOwned>(
    map: &mut BTreeMap<K, Versioned<T>>,
    at: K,
    put: bool,
    key: &str,
    value: &[u8],
    revision: Revision,
) {
    if !put {
        map.remove(&at);
    } else if let Some(record) = decode::<T>(key, value) {
        map.insert(at, Versioned { record, revision });
    }
}

fn decode<T: serde::de::DeserializeOwned>(key: &str, value: &[u8]) -> Option<T> {
    match serde_json::from_slice(value) {
        Ok(record) => Some(record),
        Err(err) => {
            tracing::error!(key, error = %err, "skipping an undecodable ELBv2 record");
            None
        }
    }
}
