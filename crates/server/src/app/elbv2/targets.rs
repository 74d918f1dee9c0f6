//! Targets: RegisterTargets, DeregisterTargets and DescribeTargetHealth.
//!
//! Registrations are intent, in the group's targets record; health is observed, in the
//! group's target-health record that the data plane writes (`dataplane.rs`). A target's
//! state is derived from both, as ELBv2 shows it:
//!
//! | situation | state | reason |
//! |---|---|---|
//! | deregistered, delay not over | `draining` | `Target.DeregistrationInProgress` |
//! | no load balancer uses the group | `unused` | `Target.NotInUse` |
//! | the data plane reported on this registration | what it reported (`initial`, `healthy`, `unhealthy`) | its reason |
//! | otherwise | `initial` | `Elb.RegistrationInProgress` |
//! | asked about, not registered | `unused` | `Target.NotRegistered` |
//!
//! Deregistering a target of a group no load balancer uses, or with a deregistration delay
//! of 0, removes it at once; otherwise it drains for the delay (the data plane may end that
//! early once its connections are done, as ELBv2 does).
//!
//! `instance` targets are named by a container instance's `ec2InstanceId` (berth shows the
//! host's name there) and `ip` targets by an IP address of the group's address family.

use std::net::IpAddr;

use berth_api::elbv2::{
    AdministrativeOverride, DeregisterTargetsInput, DeregisterTargetsOutput,
    DescribeTargetHealthInput, DescribeTargetHealthOutput, RegisterTargetsInput,
    RegisterTargetsOutput, TargetAdministrativeOverrideReasonEnum,
    TargetAdministrativeOverrideStateEnum, TargetDescription, TargetGroupIpAddressTypeEnum,
    TargetHealth, TargetHealthDescription, TargetHealthReasonEnum, TargetHealthStateEnum,
    TargetTypeEnum,
};
use berth_store::Compare;

use super::actions::load_balancers_using;
use super::attributes::target_group_attribute;
use super::records::{Draining, TargetGroupRecord, TargetRecord, TargetsRecord};
use super::{elb_error, new_id, validation, Attempt, Elbv2Index, Lookup, MAX_TARGETS_PER_GROUP};
use crate::app::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::{keys, now};
use crate::state::Snapshot;

/// Targets one Register or Deregister call may name.
const MAX_TARGETS_PER_CALL: usize = MAX_TARGETS_PER_GROUP;

fn invalid_target(message: impl Into<String>) -> Error {
    elb_error("InvalidTarget", message)
}

/// A target named in a request, checked against its group: its ID and port.
fn target_address(
    view: &Snapshot,
    group: &TargetGroupRecord,
    target: &TargetDescription,
    registering: bool,
) -> Result<(String, u16)> {
    if target.quic_server_id.is_some() {
        return Err(validation(
            "QuicServerId is not supported: berth's load balancers have no QUIC listeners.",
        ));
    }
    match (&target.availability_zone, group.target_type) {
        (None, _) => {}
        (Some(_), TargetTypeEnum::Instance) => {
            return Err(validation(
                "AvailabilityZone cannot be given for instance targets.",
            ))
        }
        (Some(zone), _) if zone == "all" => {}
        (Some(zone), _) => {
            return Err(validation(format!(
                "AvailabilityZone '{zone}' is not valid: berth's load balancers run in one zone, so it can only be 'all'."
            )))
        }
    }
    let id = target.id.trim();
    if id.is_empty() || id.len() > 255 {
        return Err(invalid_target(
            "A target Id must be 1 to 255 characters long.",
        ));
    }
    match group.target_type {
        TargetTypeEnum::Ip => {
            let address: IpAddr = id.parse().map_err(|_| {
                invalid_target(format!(
                    "The target '{id}' is not an IP address; target group '{}' has ip targets.",
                    group.name
                ))
            })?;
            let family_ok = match group.ip_address_type {
                TargetGroupIpAddressTypeEnum::Ipv6 => address.is_ipv6(),
                TargetGroupIpAddressTypeEnum::Ipv4 => address.is_ipv4(),
            };
            if !family_ok {
                return Err(invalid_target(format!(
                    "The target '{id}' is not an {} address, as target group '{}' needs.",
                    group.ip_address_type, group.name
                )));
            }
            let unusable = address.is_unspecified()
                || address.is_multicast()
                || matches!(address, IpAddr::V4(v4) if v4.is_broadcast());
            if unusable {
                return Err(invalid_target(format!(
                    "The target '{id}' is not an address a load balancer can connect to."
                )));
            }
        }
        _ => {
            // A registered target may be described or deregistered after its instance is
            // gone; a new registration needs a live instance.
            let known = view
                .instances
                .values()
                .any(|i| i.hostname == id && i.status != "INACTIVE");
            let registered = !registering
                && view
                    .elbv2
                    .targets
                    .get(&group.name)
                    .is_some_and(|t| t.record.targets.iter().any(|r| r.id == id));
            if !known && !registered {
                return Err(invalid_target(format!(
                    "The target '{id}' is not a registered container instance: an instance target's Id is the ec2InstanceId that DescribeContainerInstances shows."
                )));
            }
        }
    }
    let port = target.port.map_or(group.port, |p| p as u16);
    Ok((id.to_owned(), port))
}

/// The targets record of a group (empty when it has none yet) and the revision to compare
/// against when writing it.
fn targets_of(
    index: &Elbv2Index,
    group: &TargetGroupRecord,
) -> (TargetsRecord, berth_store::Revision) {
    match index.targets.get(&group.name) {
        Some(entry) if entry.record.target_group_id == group.id => {
            (entry.record.clone(), entry.revision)
        }
        Some(entry) => (
            TargetsRecord {
                target_group_id: group.id.clone(),
                targets: Vec::new(),
            },
            entry.revision,
        ),
        None => (
            TargetsRecord {
                target_group_id: group.id.clone(),
                targets: Vec::new(),
            },
            0,
        ),
    }
}

impl App {
    pub async fn register_targets(
        &self,
        req: RegisterTargetsInput,
    ) -> Result<RegisterTargetsOutput> {
        self.elbv2_register_targets(&req.target_group_arn, &req.targets)
            .await?;
        Ok(RegisterTargetsOutput {})
    }

    pub async fn deregister_targets(
        &self,
        req: DeregisterTargetsInput,
    ) -> Result<DeregisterTargetsOutput> {
        self.elbv2_deregister_targets(&req.target_group_arn, &req.targets)
            .await?;
        Ok(DeregisterTargetsOutput {})
    }

    /// Registers targets with a group. A target already registered is left as it is; one
    /// still draining is registered afresh.
    pub async fn elbv2_register_targets(
        &self,
        target_group_arn: &str,
        targets: &[TargetDescription],
    ) -> Result<()> {
        check_target_count(targets)?;
        self.change_targets(target_group_arn, |view, group, record, at| {
            let mut changed = false;
            for target in targets {
                let (id, port) = target_address(view, group, target, true)?;
                let existing = record.targets.iter().position(|t| t.is(&id, port));
                if let Some(i) = existing {
                    if record.targets[i].draining.is_none() {
                        continue;
                    }
                    record.targets.remove(i);
                }
                record.targets.push(TargetRecord {
                    id,
                    port,
                    availability_zone: target.availability_zone.clone(),
                    registration: new_id(),
                    registered_at: at,
                    draining: None,
                });
                changed = true;
            }
            if record.targets.len() > MAX_TARGETS_PER_GROUP {
                return Err(elb_error(
                    "TooManyTargets",
                    format!(
                        "A target group can have at most {MAX_TARGETS_PER_GROUP} targets, counting those still draining."
                    ),
                ));
            }
            Ok(changed)
        })
        .await
    }

    /// Deregisters targets from a group: they drain for the group's deregistration delay
    /// (or go at once, see the module's docs). A target that is not registered is ignored.
    pub async fn elbv2_deregister_targets(
        &self,
        target_group_arn: &str,
        targets: &[TargetDescription],
    ) -> Result<()> {
        check_target_count(targets)?;
        self.change_targets(target_group_arn, |view, group, record, at| {
            let delay: f64 = target_group_attribute(
                group.protocol,
                &group.attributes,
                "deregistration_delay.timeout_seconds",
            )
            .parse()
            .unwrap_or(300.0);
            let in_use = !load_balancers_using(&view.elbv2, &group.arn).is_empty();
            let mut changed = false;
            for target in targets {
                let (id, port) = target_address(view, group, target, false)?;
                let Some(i) = record
                    .targets
                    .iter()
                    .position(|t| t.is(&id, port) && t.draining.is_none())
                else {
                    continue;
                };
                if in_use && delay > 0.0 {
                    record.targets[i].draining = Some(Draining {
                        since: at,
                        until: at + delay,
                    });
                } else {
                    record.targets.remove(i);
                }
                changed = true;
            }
            Ok(changed)
        })
        .await
    }

    /// Runs one change to a group's targets record, guarded by the group's and the
    /// record's revisions. `edit` gets the record with expired draining targets already
    /// dropped, and says whether it changed anything; nothing is written when it did not.
    pub(crate) async fn change_targets(
        &self,
        target_group_arn: &str,
        mut edit: impl FnMut(&Snapshot, &TargetGroupRecord, &mut TargetsRecord, f64) -> Result<bool>,
    ) -> Result<()> {
        self.commit_planned(|view| {
            let entry = Lookup::new(self, view).target_group(target_group_arn)?;
            let group = &entry.record;
            let (mut record, revision) = targets_of(&view.elbv2, group);
            let at = now();
            let before = record.targets.len();
            record.targets.retain(|t| t.is_present(at));
            let pruned = record.targets.len() != before;
            if !edit(view, group, &mut record, at)? && !pruned {
                return Ok(Attempt::Done(()));
            }
            let txn = txn(
                vec![
                    Compare::mod_revision(keys::elbv2_target_group(&group.name), entry.revision),
                    Compare::mod_revision(keys::elbv2_targets(&group.name), revision),
                ],
                vec![put_json(keys::elbv2_targets(&group.name), &record)?],
            );
            Ok(Attempt::Write(txn, ()))
        })
        .await
    }

    pub async fn describe_target_health(
        &self,
        req: DescribeTargetHealthInput,
    ) -> Result<DescribeTargetHealthOutput> {
        let view = self.view.read();
        let index = &view.elbv2;
        let group = &Lookup::new(self, &view)
            .target_group(&req.target_group_arn)?
            .record;
        let at = now();
        let registered: Vec<&TargetRecord> = index.present_targets(group, at).collect();
        let in_use = !load_balancers_using(index, &group.arn).is_empty();
        let mut out = Vec::new();
        match req.targets.as_deref() {
            None | Some([]) => {
                for target in &registered {
                    out.push(self.health_of(index, group, target, in_use));
                }
            }
            Some(asked) => {
                for target in asked {
                    let (id, port) = target_address(&view, group, target, false)?;
                    let matching: Vec<&&TargetRecord> = registered
                        .iter()
                        .filter(|r| r.id == id && target.port.is_none_or(|_| r.port == port))
                        .collect();
                    if matching.is_empty() {
                        out.push(not_registered(group, &id, port));
                    }
                    for target in matching {
                        out.push(self.health_of(index, group, target, in_use));
                    }
                }
            }
        }
        Ok(DescribeTargetHealthOutput {
            target_health_descriptions: Some(out),
        })
    }

    /// The state DescribeTargetHealth shows for the registration of `id` on `port` that is
    /// present at `at` (`draining` while it drains), or `None` when the group or such a
    /// registration does not exist. The ECS service scheduler gates its tasks on it.
    pub(crate) fn elbv2_target_state(
        &self,
        view: &Snapshot,
        target_group_arn: &str,
        id: &str,
        port: u16,
        at: f64,
    ) -> Option<TargetHealthStateEnum> {
        let index = &view.elbv2;
        let group = &Lookup::new(self, view)
            .target_group(target_group_arn)
            .ok()?
            .record;
        let target = index
            .present_targets(group, at)
            .filter(|t| t.is(id, port))
            // A draining registration and a new one may both be present: the new one counts.
            .min_by_key(|t| t.draining.is_some())?;
        let in_use = !load_balancers_using(index, &group.arn).is_empty();
        self.health_of(index, group, target, in_use)
            .target_health
            .and_then(|h| h.state)
    }

    /// A registered target's health, as the module's table derives it.
    fn health_of(
        &self,
        index: &Elbv2Index,
        group: &TargetGroupRecord,
        target: &TargetRecord,
        in_use: bool,
    ) -> TargetHealthDescription {
        let observed = index
            .target_health
            .get(&group.name)
            .filter(|h| h.target_group_id == group.id)
            .and_then(|h| {
                h.targets
                    .iter()
                    .find(|o| o.registration == target.registration && o.is(target))
            });
        let health = if target.draining.is_some() {
            health(
                TargetHealthStateEnum::Draining,
                Some(TargetHealthReasonEnum::TargetDeregistrationInProgress),
                "Target deregistration is in progress",
            )
        } else if !in_use {
            health(
                TargetHealthStateEnum::Unused,
                Some(TargetHealthReasonEnum::TargetNotInUse),
                "Target group is not configured to receive traffic from the load balancer",
            )
        } else if let Some(observed) = observed {
            TargetHealth {
                state: Some(observed.state),
                reason: observed.reason,
                description: observed.description.clone(),
            }
        } else {
            health(
                TargetHealthStateEnum::Initial,
                Some(TargetHealthReasonEnum::ElbRegistrationInProgress),
                "Target registration is in progress",
            )
        };
        TargetHealthDescription {
            target: Some(TargetDescription {
                id: target.id.clone(),
                port: Some(i32::from(target.port)),
                availability_zone: target.availability_zone.clone(),
                quic_server_id: None,
            }),
            health_check_port: Some(group.health_check.port_for(target.port).to_string()),
            target_health: Some(health),
            anomaly_detection: None,
            administrative_override: Some(no_override()),
        }
    }
}

impl super::records::ObservedTargetHealth {
    fn is(&self, target: &TargetRecord) -> bool {
        self.id == target.id && self.port == target.port
    }
}

fn check_target_count(targets: &[TargetDescription]) -> Result<()> {
    if targets.is_empty() {
        return Err(validation("At least one target must be given."));
    }
    if targets.len() > MAX_TARGETS_PER_CALL {
        return Err(elb_error(
            "TooManyTargets",
            format!("At most {MAX_TARGETS_PER_CALL} targets can be given in one call."),
        ));
    }
    Ok(())
}

fn health(
    state: TargetHealthStateEnum,
    reason: Option<TargetHealthReasonEnum>,
    description: &str,
) -> TargetHealth {
    TargetHealth {
        state: Some(state),
        reason,
        description: Some(description.to_owned()),
    }
}

fn no_override() -> AdministrativeOverride {
    AdministrativeOverride {
        state: Some(TargetAdministrativeOverrideStateEnum::NoOverride),
        reason: Some(TargetAdministrativeOverrideReasonEnum::AdministrativeOverrideNoOverride),
        description: Some("No override is currently active on target".to_owned()),
    }
}

fn not_registered(group: &TargetGroupRecord, id: &str, port: u16) -> TargetHealthDescription {
    TargetHealthDescription {
        target: Some(TargetDescription {
            id: id.to_owned(),
            port: Some(i32::from(port)),
            availability_zone: None,
            quic_server_id: None,
        }),
        health_check_port: Some(group.health_check.port_for(port).to_string()),
        target_health: Some(health(
            TargetHealthStateEnum::Unused,
            Some(TargetHealthReasonEnum::TargetNotRegistered),
            "Target is not registered to the target group",
        )),
        anomaly_detection: None,
        administrative_override: Some(no_override()),
    }
}
