//! ECS services behind ELBv2 load balancers: a service's `loadBalancers` checked as ECS
//! checks them, its tasks registered as targets when RUNNING, drained before the service
//! stops them, and their target health as the service scheduler weighs it.
//!
//! Every deployment keeps the `loadBalancers` it was started with, so a change of them is a
//! new deployment (as in ECS) and old tasks stay in their old target groups. A task's
//! targets are written to its record (`TaskRecord::targets`) before they are registered,
//! and registration is idempotent, so a pass cut short (a server restart) is finished by
//! the next. One pass of [`App::reconcile_service_targets`] per service pass:
//!
//! - a RUNNING task the service wants running gets its targets recorded and registered
//!   (`instance` groups: the container instance's `ec2InstanceId` and the container's host
//!   port; `ip` groups: the task's address and the container port);
//! - a task that stops, or is asked to stop, has its targets deregistered (they drain for
//!   the group's `deregistration_delay.timeout_seconds`, or until the data plane reports
//!   nothing in flight);
//! - a task the service stopped is `deactivating`: its agent keeps it running until its
//!   targets are gone, then the flag is cleared and the agent stops it. Tasks stopped for
//!   other reasons (StopTask, host loss, an exited container) are deregistered at once and
//!   not held.
//!
//! A target that another live task on the same instance also claims (a host port or an
//! address given again) is never deregistered on behalf of the task that left it.

use std::collections::BTreeMap;

use berth_api::ecs::{self, NetworkMode};
use berth_api::elbv2::{TargetDescription, TargetHealthStateEnum, TargetTypeEnum};
use berth_api::protocol::DesiredStatus;
use berth_store::Compare;

use super::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::{keys, now, ServiceRecord, TaskRecord, TaskTarget};
use crate::state::{Snapshot, TaskEntry};

/// Target groups one service may register its tasks with (ECS's quota).
pub(crate) const MAX_LOAD_BALANCERS: usize = 5;

/// The start of the stop reason of a task replaced for failed ELB health checks.
pub(crate) const ELB_UNHEALTHY_REASON: &str = "Task failed ELB health checks";

/// How a task's targets stand, for the service scheduler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TargetsHealth {
    /// The task's deployment has no load balancers: nothing to wait for.
    None,
    /// Every target is registered and `healthy`.
    Healthy,
    /// Not every target is registered and healthy yet (or it is within its grace period).
    Waiting,
    /// A target is `unhealthy` in this target group.
    Unhealthy(String),
}

/// The changes one pass makes to one task's record.
struct TaskChange {
    id: String,
    targets: Option<Vec<TaskTarget>>,
    release: bool,
}

impl App {
    /// Checks a service's `loadBalancers` against its task definition as ECS does, and
    /// returns them as stored (each with its target group ARN, container name and port).
    pub(crate) fn check_load_balancers(
        &self,
        given: &[ecs::LoadBalancer],
        definition: &ecs::TaskDefinition,
    ) -> Result<Vec<ecs::LoadBalancer>> {
        if given.len() > MAX_LOAD_BALANCERS {
            return Err(Error::invalid(format!(
                "loadBalancers can list at most {MAX_LOAD_BALANCERS} target groups; {} were given.",
                given.len()
            )));
        }
        let mode = definition.network_mode.unwrap_or(NetworkMode::Bridge);
        let mut checked: Vec<ecs::LoadBalancer> = Vec::new();
        for lb in given {
            if lb.load_balancer_name.is_some() {
                return Err(Error::invalid(
                    "'loadBalancers.loadBalancerName' names a Classic Load Balancer, which berth does not have. Use targetGroupArn with an Application or Network Load Balancer's target group.",
                ));
            }
            if lb.advanced_configuration.is_some() {
                return Err(Error::invalid(
                    "'loadBalancers.advancedConfiguration' is for blue/green deployments, which berth does not have. Remove it.",
                ));
            }
            let Some(arn) = lb.target_group_arn.as_deref().filter(|a| !a.is_empty()) else {
                return Err(Error::invalid(
                    "loadBalancers: targetGroupArn is required (with containerName and containerPort).",
                ));
            };
            let (Some(container), Some(port)) = (lb.container_name.as_deref(), lb.container_port)
            else {
                return Err(Error::invalid(format!(
                    "loadBalancers: containerName and containerPort are required for target group {arn}."
                )));
            };
            if checked
                .iter()
                .any(|c| c.target_group_arn.as_deref() == Some(arn))
            {
                return Err(Error::invalid(format!(
                    "loadBalancers: target group {arn} is listed more than once."
                )));
            }
            let (group, load_balancers) =
                self.elbv2_target_group_load_balancers(arn).map_err(|_| {
                    Error::invalid(format!(
                        "The target group with targetGroupArn {arn} does not exist."
                    ))
                })?;
            if load_balancers.is_empty() {
                return Err(Error::invalid(format!(
                    "The target group with targetGroupArn {arn} does not have an associated load balancer."
                )));
            }
            let fits = match group.target_type {
                TargetTypeEnum::Instance => mode != NetworkMode::Awsvpc,
                TargetTypeEnum::Ip => mode == NetworkMode::Awsvpc,
                _ => false,
            };
            if !fits {
                return Err(Error::invalid(format!(
                    "The provided target group {arn} has target type {}, which is incompatible with the {} network mode specified in the task definition.",
                    group.target_type.as_str(),
                    mode.as_str()
                )));
            }
            let Some(definition) = definition
                .container_definitions
                .iter()
                .flatten()
                .find(|c| c.name.as_deref() == Some(container))
            else {
                return Err(Error::invalid(format!(
                    "The container {container} does not exist in the task definition."
                )));
            };
            let mapped = definition
                .port_mappings
                .iter()
                .flatten()
                .any(|m| m.container_port == Some(port));
            if !mapped {
                return Err(Error::invalid(format!(
                    "The container {container} did not have a container port {port} defined."
                )));
            }
            checked.push(ecs::LoadBalancer {
                target_group_arn: Some(arn.to_owned()),
                load_balancer_name: None,
                container_name: Some(container.to_owned()),
                container_port: Some(port),
                advanced_configuration: None,
            });
        }
        Ok(checked)
    }

    /// CreateService's `role`, as ECS allows it: only with `loadBalancers`, one target
    /// group and a network mode other than awsvpc (the others need the service-linked
    /// role). Returns the role's ARN; the role must exist.
    pub(crate) fn check_service_role(
        &self,
        role: Option<&str>,
        load_balancers: &[ecs::LoadBalancer],
        mode: NetworkMode,
    ) -> Result<Option<String>> {
        let Some(role) = role else { return Ok(None) };
        if load_balancers.is_empty() {
            return Err(Error::invalid(
                "'role' is only allowed with 'loadBalancers'. Remove it, or add loadBalancers.",
            ));
        }
        if mode == NetworkMode::Awsvpc || load_balancers.len() > 1 {
            return Err(Error::invalid(
                "You cannot specify an IAM role for services that require a service linked role. Remove 'role' (awsvpc tasks and services with several target groups use the service-linked role).",
            ));
        }
        let scope = &self.config.scope;
        let arn = if role.starts_with("arn:") {
            role.to_owned()
        } else {
            format!(
                "arn:{}:iam::{}:role/{}",
                scope.partition,
                scope.account,
                role.trim_start_matches('/')
            )
        };
        if self.view.read().iam.role_by_arn(&arn).is_none() {
            return Err(Error::invalid(format!(
                "The role {arn} does not exist. Create it (iam create-role) or remove 'role'."
            )));
        }
        Ok(Some(arn))
    }

    /// How a task's targets stand for the scheduler: healthy only when every target group
    /// of its deployment has it registered and `healthy`; `unhealthy` counts only once
    /// the service's grace period after the task started is over.
    pub(crate) fn targets_health(
        &self,
        view: &Snapshot,
        record: &ServiceRecord,
        entry: &TaskEntry,
        task: &TaskRecord,
        at: f64,
    ) -> TargetsHealth {
        let Some(wanted) = deployment_load_balancers(record, task) else {
            return TargetsHealth::None;
        };
        if wanted.is_empty() {
            return TargetsHealth::None;
        }
        let started_at = entry
            .status
            .as_ref()
            .and_then(|s| s.report.started_at)
            .unwrap_or(task.created_at);
        let in_grace = started_at + f64::from(record.health_check_grace_period_seconds) > at;
        let mut all_healthy = true;
        for lb in wanted {
            let arn = lb.target_group_arn.as_deref().unwrap_or_default();
            let Some(target) = task.targets.iter().find(|t| t.target_group_arn == arn) else {
                all_healthy = false;
                continue;
            };
            match self.elbv2_target_state(view, arn, &target.id, target.port, at) {
                Some(TargetHealthStateEnum::Healthy) => {}
                Some(TargetHealthStateEnum::Unhealthy) if !in_grace => {
                    return TargetsHealth::Unhealthy(arn.to_owned());
                }
                _ => all_healthy = false,
            }
        }
        if all_healthy {
            TargetsHealth::Healthy
        } else {
            TargetsHealth::Waiting
        }
    }

    /// One pass over a service's tasks' targets (see the module's docs). Returns the
    /// service events to record.
    pub(crate) async fn reconcile_service_targets(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Vec<String>> {
        let at = now();
        let mut changes: Vec<TaskChange> = Vec::new();
        // Target group → targets, in the order met.
        let mut register: BTreeMap<String, Vec<(String, u16)>> = BTreeMap::new();
        let mut deregister: BTreeMap<String, Vec<(String, u16)>> = BTreeMap::new();
        {
            let view = self.view.read();
            let Some(record) = view.service(cluster, name) else {
                return Ok(Vec::new());
            };
            // Most services have no load balancers: their passes cost nothing here. A task
            // keeps its deployment's targets while that deployment is listed.
            if record
                .deployments
                .iter()
                .all(|d| d.load_balancers.is_empty())
            {
                return Ok(Vec::new());
            }
            for entry in view.service_tasks(cluster, name) {
                let Some(task) = &entry.intent else { continue };
                let stopped = entry.is_stopped();
                let wanted_running = task.desired_status == DesiredStatus::Running && !stopped;
                if wanted_running && entry.last_status() == "RUNNING" {
                    let Some(expected) = self.expected_targets(&view, record, entry, task) else {
                        continue;
                    };
                    for target in &expected {
                        let state = self.elbv2_target_state(
                            &view,
                            &target.target_group_arn,
                            &target.id,
                            target.port,
                            at,
                        );
                        if matches!(state, None | Some(TargetHealthStateEnum::Draining)) {
                            register
                                .entry(target.target_group_arn.clone())
                                .or_default()
                                .push((target.id.clone(), target.port));
                        }
                    }
                    if expected != task.targets {
                        changes.push(TaskChange {
                            id: task.id.clone(),
                            targets: Some(expected),
                            release: false,
                        });
                    }
                    continue;
                }
                if wanted_running || task.targets.is_empty() {
                    continue;
                }
                // Stopping or stopped: its targets go, unless another live task on its
                // instance holds the same one now.
                let mut holding = false;
                for target in &task.targets {
                    let state = self.elbv2_target_state(
                        &view,
                        &target.target_group_arn,
                        &target.id,
                        target.port,
                        at,
                    );
                    let claimed = || claimed_by_another(&view, task, target);
                    match state {
                        None => {}
                        Some(TargetHealthStateEnum::Draining) => holding = true,
                        Some(_) if claimed() => {}
                        Some(_) => {
                            holding = true;
                            deregister
                                .entry(target.target_group_arn.clone())
                                .or_default()
                                .push((target.id.clone(), target.port));
                        }
                    }
                }
                if task.deactivating && !holding && !stopped {
                    changes.push(TaskChange {
                        id: task.id.clone(),
                        targets: None,
                        release: true,
                    });
                }
            }
        }

        let mut events = Vec::new();
        // Intent first: a task's targets are on its record before they are registered.
        let mut unrecorded: Vec<String> = Vec::new();
        for change in &changes {
            if !self.change_task(cluster, change).await? {
                if let Some(targets) = &change.targets {
                    unrecorded.extend(
                        targets
                            .iter()
                            .map(|t| target_key(&t.target_group_arn, &t.id, t.port)),
                    );
                }
            }
        }
        for (arn, targets) in register {
            let targets: Vec<(String, u16)> = targets
                .into_iter()
                .filter(|(id, port)| !unrecorded.contains(&target_key(&arn, id, *port)))
                .collect();
            if targets.is_empty() {
                continue;
            }
            match self
                .elbv2_register_targets(&arn, &descriptions(&targets))
                .await
            {
                Ok(()) => events.push(format!(
                    "(service {name}) registered {} targets in (target-group {arn})",
                    targets.len()
                )),
                Err(err @ Error::Api { .. }) => events.push(format!(
                    "(service {name}) failed to register targets in (target-group {arn}): {err}"
                )),
                Err(err) => return Err(err),
            }
        }
        for (arn, targets) in deregister {
            match self
                .elbv2_deregister_targets(&arn, &descriptions(&targets))
                .await
            {
                Ok(()) => events.push(format!(
                    "(service {name}) deregistered {} targets in (target-group {arn})",
                    targets.len()
                )),
                // The group is gone: so are its targets.
                Err(Error::Api { .. }) => {}
                Err(err) => return Err(err),
            }
        }
        Ok(events)
    }

    /// The targets a RUNNING task should have: one per target group of its deployment,
    /// or `None` while its host port or address is not known yet.
    fn expected_targets(
        &self,
        view: &Snapshot,
        record: &ServiceRecord,
        entry: &TaskEntry,
        task: &TaskRecord,
    ) -> Option<Vec<TaskTarget>> {
        let wanted = deployment_load_balancers(record, task)?;
        let mut targets = Vec::with_capacity(wanted.len());
        for lb in wanted {
            let arn = lb.target_group_arn.clone()?;
            let container = lb.container_name.as_deref()?;
            let container_port = lb.container_port?;
            let target = if task.network_mode == NetworkMode::Awsvpc {
                TaskTarget {
                    target_group_arn: arn,
                    id: task.network.as_ref()?.address.clone(),
                    port: u16::try_from(container_port).ok()?,
                }
            } else {
                let instance = view.instance(&task.cluster, &task.container_instance_id)?;
                let report = &entry.status.as_ref()?.report;
                let host_port = report
                    .containers
                    .iter()
                    .find(|c| c.name == container)?
                    .network_bindings
                    .iter()
                    .find(|b| b.container_port == Some(container_port))?
                    .host_port?;
                TaskTarget {
                    target_group_arn: arn,
                    id: instance.hostname.clone(),
                    port: u16::try_from(host_port).ok()?,
                }
            };
            targets.push(target);
        }
        Some(targets)
    }

    /// Writes one task's change guarded by its revision. `false` when the task changed
    /// under us (or is gone): the next pass decides again.
    async fn change_task(&self, cluster: &str, change: &TaskChange) -> Result<bool> {
        let key = keys::task(cluster, &change.id);
        let Some(kv) = self.store.get(&key).await? else {
            return Ok(false);
        };
        let mut record: TaskRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        if let Some(targets) = &change.targets {
            if record.desired_status != DesiredStatus::Running {
                return Ok(false);
            }
            record.targets = targets.clone();
        }
        if change.release {
            record.deactivating = false;
        }
        record.version += 1;
        let txn = txn(
            vec![Compare::ModRevision {
                key: key.clone(),
                revision: kv.mod_revision,
            }],
            vec![put_json(key, &record)?],
        );
        match self.commit(txn).await {
            Ok(_) => Ok(true),
            Err(Error::Conflict) => Ok(false),
            Err(err) => Err(err),
        }
    }
}

/// The load balancers of the deployment that started `task`: `None` when that deployment
/// is no longer listed (its targets were recorded on the task).
fn deployment_load_balancers<'a>(
    record: &'a ServiceRecord,
    task: &TaskRecord,
) -> Option<&'a [ecs::LoadBalancer]> {
    let deployment = task.started_by.as_deref()?;
    record
        .deployments
        .iter()
        .find(|d| d.id == deployment)
        .map(|d| d.load_balancers.as_slice())
}

/// Whether another task on `task`'s instance that should be running holds `target`.
fn claimed_by_another(view: &Snapshot, task: &TaskRecord, target: &TaskTarget) -> bool {
    view.instance_tasks(&task.container_instance_id).any(|e| {
        e.intent.as_ref().is_some_and(|other| {
            other.id != task.id
                && other.desired_status == DesiredStatus::Running
                && !e.is_stopped()
                && other.targets.contains(target)
        })
    })
}

fn target_key(target_group_arn: &str, id: &str, port: u16) -> String {
    format!("{target_group_arn} {id} {port}")
}

fn descriptions(targets: &[(String, u16)]) -> Vec<TargetDescription> {
    targets
        .iter()
        .map(|(id, port)| TargetDescription {
            id: id.clone(),
            port: Some(i32::from(*port)),
            availability_zone: None,
            quic_server_id: None,
        })
        .collect()
}
