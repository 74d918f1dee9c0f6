//! What the load balancer data plane and the ECS service integration use from the ELBv2
//! control plane, apart from the API:
//!
//! - [`App::elbv2_configuration`]: every load balancer, listener, rule and target group,
//!   with the targets that take traffic or drain, resolved attributes and bind addresses,
//!   at one store revision (serializable: it can travel to a remote `berth lb`);
//! - [`App::elbv2_register_targets`] / [`App::elbv2_deregister_targets`] (in `targets.rs`):
//!   registration for tasks, without the API's authorization;
//! - [`App::elbv2_target_group_load_balancers`]: a group and the load balancers using it
//!   (CreateService refuses a group with none);
//! - observed state, written only by the data plane: [`App::elbv2_record_load_balancer_state`]
//!   (`active` once its listeners are bound), [`App::elbv2_record_target_health`] and
//!   [`App::elbv2_finish_draining`] (a draining target with no connections left goes
//!   before its delay, as on ELBv2);
//! - [`App::elbv2_forget_drained`]: drops targets whose delay is over (a reconciler runs it).

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};

use berth_api::elbv2::{
    LoadBalancerSchemeEnum, LoadBalancerStateEnum, TargetHealthReasonEnum, TargetHealthStateEnum,
};
use berth_store::{Compare, Revision};
use serde::{Deserialize, Serialize};

use super::actions::load_balancers_using;
use super::attributes::{load_balancer_attributes, target_group_attributes};
use super::records::{
    ListenerRecord, LoadBalancerRecord, LoadBalancerStateRecord, ObservedTargetHealth, RuleRecord,
    TargetGroupRecord, TargetHealthRecord, TargetRecord,
};
use super::{validation, Attempt, Lookup, MAX_TARGETS_PER_GROUP};
use crate::app::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::{keys, now};

/// The ELBv2 configuration the data plane serves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Elbv2Configuration {
    /// The view's store revision when this was taken.
    pub revision: Revision,
    /// The configuration generation (`/elbv2/config`): it changes with every change to a
    /// load balancer, listener, rule or target group (not with target registrations).
    pub generation: u64,
    pub load_balancers: Vec<LoadBalancerConfig>,
    pub target_groups: Vec<TargetGroupConfig>,
}

/// A load balancer with its listeners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancerConfig {
    pub load_balancer: LoadBalancerRecord,
    /// Where its listeners listen: every IPv4 address for `internet-facing`, the loopback
    /// address for `internal`.
    pub bind_address: IpAddr,
    /// Every attribute with its value (defaults filled in).
    pub attributes: BTreeMap<String, String>,
    pub listeners: Vec<ListenerConfig>,
}

/// A listener with its rules, in priority order (its default actions apply when none
/// matches).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListenerConfig {
    pub listener: ListenerRecord,
    pub rules: Vec<RuleRecord>,
}

/// A target group with the targets that take traffic or drain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetGroupConfig {
    pub target_group: TargetGroupRecord,
    /// Every attribute with its value (defaults filled in).
    pub attributes: BTreeMap<String, String>,
    pub load_balancer_arns: Vec<String>,
    /// Registered targets, and draining ones whose delay is not over (their `draining` is
    /// set: no new requests).
    pub targets: Vec<TargetRecord>,
}

impl App {
    /// Everything the data plane serves, from the view at one revision.
    pub fn elbv2_configuration(&self) -> Elbv2Configuration {
        let view = self.view.read();
        let index = &view.elbv2;
        let at = now();
        let load_balancers = index
            .load_balancers
            .values()
            .map(|lb| {
                let lb = &lb.record;
                let listeners = index
                    .listeners_of(&lb.name)
                    .map(|l| {
                        let listener = &l.record;
                        let mut rules: Vec<RuleRecord> = index
                            .rules_of(&lb.name, &listener.id)
                            .map(|r| r.record.clone())
                            .collect();
                        rules.sort_by_key(|r| r.priority);
                        ListenerConfig {
                            listener: listener.clone(),
                            rules,
                        }
                    })
                    .collect();
                LoadBalancerConfig {
                    load_balancer: lb.clone(),
                    bind_address: bind_address(lb),
                    attributes: load_balancer_attributes(lb.kind, lb.scheme, &lb.attributes)
                        .into_iter()
                        .collect(),
                    listeners,
                }
            })
            .collect();
        let target_groups = index
            .target_groups
            .values()
            .map(|tg| {
                let tg = &tg.record;
                let targets = index.present_targets(tg, at).cloned().collect();
                TargetGroupConfig {
                    target_group: tg.clone(),
                    attributes: target_group_attributes(tg.protocol, &tg.attributes)
                        .into_iter()
                        .collect(),
                    load_balancer_arns: load_balancers_using(index, &tg.arn),
                    targets,
                }
            })
            .collect();
        Elbv2Configuration {
            revision: view.revision,
            generation: index.config.record.generation,
            load_balancers,
            target_groups,
        }
    }

    /// A target group and the ARNs of the load balancers whose listeners or rules forward
    /// to it (empty when none does).
    pub fn elbv2_target_group_load_balancers(
        &self,
        target_group_arn: &str,
    ) -> Result<(TargetGroupRecord, Vec<String>)> {
        let view = self.view.read();
        let group = Lookup::new(self, &view).target_group(target_group_arn)?;
        let using = load_balancers_using(&view.elbv2, target_group_arn);
        Ok((group.record.clone(), using))
    }

    /// Records what the data plane serving a load balancer found: `active` once every
    /// listener is bound, `failed` (with a reason) when one cannot be.
    pub async fn elbv2_record_load_balancer_state(
        &self,
        load_balancer_arn: &str,
        code: LoadBalancerStateEnum,
        reason: Option<String>,
    ) -> Result<()> {
        self.commit_planned(|view| {
            let entry = Lookup::new(self, view).load_balancer(load_balancer_arn)?;
            let lb = &entry.record;
            let record = LoadBalancerStateRecord {
                load_balancer_id: lb.id.clone(),
                code,
                reason: reason.clone(),
                reported_at: now(),
            };
            let txn = txn(
                vec![Compare::mod_revision(
                    keys::elbv2_load_balancer(&lb.name),
                    entry.revision,
                )],
                vec![put_json(
                    keys::elbv2_load_balancer_state(&lb.name),
                    &record,
                )?],
            );
            Ok(Attempt::Write(txn, ()))
        })
        .await
    }

    /// Records the health the data plane found for a group's targets, replacing what it
    /// reported before. Each observation names the registration it checked; those of
    /// registrations that are gone are dropped. States are `initial`, `healthy` or
    /// `unhealthy` (draining and unused are the control plane's to say).
    pub async fn elbv2_record_target_health(
        &self,
        target_group_arn: &str,
        observations: &[ObservedTargetHealth],
    ) -> Result<()> {
        if observations.len() > MAX_TARGETS_PER_GROUP {
            return Err(validation(format!(
                "At most {MAX_TARGETS_PER_GROUP} observations can be recorded at once."
            )));
        }
        for observation in observations {
            check_observation(observation)?;
        }
        self.commit_planned(|view| {
            let entry = Lookup::new(self, view).target_group(target_group_arn)?;
            let group = &entry.record;
            let registrations: Vec<&str> = view
                .elbv2
                .registrations(group)
                .iter()
                .map(|r| r.registration.as_str())
                .collect();
            let record = TargetHealthRecord {
                target_group_id: group.id.clone(),
                targets: observations
                    .iter()
                    .filter(|o| registrations.contains(&o.registration.as_str()))
                    .cloned()
                    .collect(),
            };
            let txn = txn(
                vec![Compare::mod_revision(
                    keys::elbv2_target_group(&group.name),
                    entry.revision,
                )],
                vec![put_json(keys::elbv2_target_health(&group.name), &record)?],
            );
            Ok(Attempt::Write(txn, ()))
        })
        .await
    }

    /// Ends the draining of targets (ID and port) that have no connections left: they are
    /// deregistered before their delay is over.
    pub async fn elbv2_finish_draining(
        &self,
        target_group_arn: &str,
        targets: &[(String, u16)],
    ) -> Result<()> {
        self.change_targets(target_group_arn, |_, _, record, _| {
            let before = record.targets.len();
            record.targets.retain(|t| {
                t.draining.is_none() || !targets.iter().any(|(id, port)| t.is(id, *port))
            });
            Ok(record.targets.len() != before)
        })
        .await
    }

    /// Drops the targets whose deregistration delay is over from every group's record.
    /// Returns how many groups were rewritten.
    pub async fn elbv2_forget_drained(&self) -> Result<usize> {
        let at = now();
        let groups: Vec<String> = {
            let view = self.view.read();
            let index = &view.elbv2;
            index
                .target_groups
                .values()
                .filter(|tg| {
                    index
                        .registrations(&tg.record)
                        .iter()
                        .any(|r| !r.is_present(at))
                })
                .map(|tg| tg.record.arn.clone())
                .collect()
        };
        for arn in &groups {
            // Dropping expired targets is what `change_targets` does before any edit.
            match self.change_targets(arn, |_, _, _, _| Ok(false)).await {
                Ok(()) | Err(Error::Api { .. }) => {}
                Err(err) => return Err(err),
            }
        }
        Ok(groups.len())
    }
}

/// Where a load balancer's listeners listen.
fn bind_address(lb: &LoadBalancerRecord) -> IpAddr {
    match lb.scheme {
        LoadBalancerSchemeEnum::Internal => IpAddr::V4(Ipv4Addr::LOCALHOST),
        LoadBalancerSchemeEnum::InternetFacing => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
    }
}

fn check_observation(observation: &ObservedTargetHealth) -> Result<()> {
    use TargetHealthReasonEnum as Reason;
    use TargetHealthStateEnum as State;
    let fits = match observation.state {
        State::Healthy => observation.reason.is_none(),
        State::Initial => matches!(
            observation.reason,
            Some(Reason::ElbRegistrationInProgress | Reason::ElbInitialHealthChecking)
        ),
        State::Unhealthy => matches!(
            observation.reason,
            Some(
                Reason::TargetResponseCodeMismatch
                    | Reason::TargetTimeout
                    | Reason::TargetFailedHealthChecks
                    | Reason::ElbInternalError
            )
        ),
        _ => false,
    };
    if !fits {
        return Err(validation(format!(
            "An observed target health must be initial, healthy or unhealthy with a reason that fits; {:?} with {:?} was given for {}:{}.",
            observation.state, observation.reason, observation.id, observation.port
        )));
    }
    Ok(())
}
