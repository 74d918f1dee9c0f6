//! The service scheduler: one idempotent pass per service that moves its deployments
//! through their rollout states and starts and stops tasks to match the service.
//!
//! A pass reads only the view, decides with the pure planner in `service_plan.rs`, and
//! writes through compare-and-swap transactions guarded by the service's revision, so a
//! pass that raced a user's UpdateService changes nothing and the next pass decides
//! again. Nothing is kept in memory between passes: a server killed at any point resumes
//! from the store.

use berth_api::ecs::{self, DeploymentRolloutState, LaunchType};
use berth_api::protocol::DesiredStatus;
use berth_store::{Compare, Op};

use super::placement::PlacementTarget;
use super::service_plan::{
    backoff_seconds, bounds, failure_threshold, plan_daemon, plan_replica, LiveTask, Placement,
    Plan, StopCause,
};
use super::service_targets::{TargetsHealth, ELB_UNHEALTHY_REASON};
use super::services::{
    failed_on_its_own, new_deployment, start_deployment, ServiceCounts, UNHEALTHY_REASON,
};
use super::tasks::LaunchSpec;
use super::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::{keys, now, ServiceEventRecord, ServiceEventsRecord, ServiceRecord, TaskRecord};
use crate::state::{Snapshot, TaskEntry};

/// A service keeps its newest events only.
const MAX_EVENTS: usize = 100;
/// Tasks written per transaction when a service starts or stops many at once: the
/// store takes at most `MAX_TXN_OPS` ops (and compares) per transaction.
const START_CHUNK: usize = berth_store::MAX_TXN_OPS / 4;
/// A task that stops on its own within this long of starting counts as a failed start
/// for the launch backoff.
const FAILED_START_WINDOW: f64 = 30.0;
/// Failed starts older than this no longer slow launches down.
const BACKOFF_MEMORY: f64 = 900.0;

/// What one pass saw of a service.
struct Observed {
    record: ServiceRecord,
    revision: berth_store::Revision,
    live: Vec<LiveTask>,
    /// DAEMON: ACTIVE instances that satisfy the constraints, and which of them have a
    /// connected agent.
    eligible: Vec<String>,
    connected: Vec<String>,
    counts: ServiceCounts,
    /// Failed tasks of the primary deployment (circuit breaker).
    primary_failures: usize,
    /// Recent failed starts of the primary deployment, and when the last one stopped.
    failed_starts: usize,
    last_failed_start: f64,
}

impl App {
    /// One pass over every service that is not INACTIVE.
    pub(crate) async fn reconcile_services(&self) {
        let services: Vec<(String, String)> = {
            let view = self.view.read();
            view.services
                .iter()
                .filter(|(_, (record, _))| record.status != "INACTIVE")
                .map(|(at, _)| at.clone())
                .collect()
        };
        for (cluster, name) in services {
            if let Err(err) = self.reconcile_service(&cluster, &name).await {
                match err {
                    Error::Conflict => {
                        tracing::debug!(%cluster, service = %name, "service changed during its pass; retrying")
                    }
                    err => {
                        tracing::warn!(%cluster, service = %name, error = ?err, "service pass failed; retrying")
                    }
                }
            }
        }
    }

    async fn reconcile_service(&self, cluster: &str, name: &str) -> Result<()> {
        // Targets first, so that this pass weighs the health of what is registered now.
        let target_events = self.reconcile_service_targets(cluster, name).await?;
        if let Some(op) = self.events_op(cluster, name, &target_events, now())? {
            self.commit(txn(Vec::new(), vec![op])).await?;
        }
        let at = now();
        let Some(seen) = self.observe(cluster, name, at) else {
            return Ok(());
        };
        // First the deployments' states; if they change, write them and decide tasks in
        // the next pass, against the new state.
        let mut events = Vec::new();
        let updated = self.advance_deployments(&seen, at, &mut events);
        if updated != seen.record {
            let key = keys::service(cluster, name);
            let mut ops = vec![put_json(key.clone(), &updated)?];
            ops.extend(self.events_op(cluster, name, &events, at)?);
            self.commit(txn(
                vec![Compare::ModRevision {
                    key,
                    revision: seen.revision,
                }],
                ops,
            ))
            .await?;
            return Ok(());
        }
        if updated.status != "ACTIVE" && seen.live.is_empty() {
            return Ok(());
        }

        let Some(primary) = seen.record.primary().cloned() else {
            return Ok(());
        };
        let backoff_until = seen.last_failed_start + backoff_seconds(seen.failed_starts);
        let backing_off = at < backoff_until;
        let launchable = seen.record.status == "ACTIVE"
            && primary.rollout_state != DeploymentRolloutState::Failed
            && !backing_off;
        let plan = if seen.record.is_daemon() {
            let eligible = if seen.record.status == "ACTIVE" {
                seen.eligible.clone()
            } else {
                Vec::new()
            };
            let b = bounds(
                eligible.len(),
                primary.minimum_healthy_percent,
                primary.maximum_percent,
            );
            let mut plan = plan_daemon(
                &seen.live,
                &primary.id,
                &eligible,
                b.min_healthy,
                launchable,
            );
            // A daemon starts only where an agent is there to run it; the task of a host
            // that went quiet is left to host-loss handling.
            plan.start_on.retain(|i| seen.connected.contains(i));
            plan
        } else {
            let desired = seen.record.desired_count.max(0) as usize;
            plan_replica(
                &seen.live,
                &primary.id,
                desired,
                bounds(
                    desired,
                    primary.minimum_healthy_percent,
                    primary.maximum_percent,
                ),
                launchable,
            )
        };
        if backing_off && seen.record.status == "ACTIVE" {
            let wants_more = if seen.record.is_daemon() {
                seen.eligible.len() > seen.live.len()
            } else {
                (seen.record.desired_count.max(0) as usize) > seen.live.len()
            };
            if wants_more {
                events.push(format!(
                    "(service {name}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."
                ));
            }
        }
        self.apply_plan(&seen, &primary.id, plan, &mut events)
            .await?;
        if !events.is_empty() {
            if let Some(op) = self.events_op(cluster, name, &events, now())? {
                self.commit(txn(Vec::new(), vec![op])).await?;
            }
        }
        Ok(())
    }

    /// Reads what a pass needs from the view.
    fn observe(&self, cluster: &str, name: &str, at: f64) -> Option<Observed> {
        let view = self.view.read();
        let (record, revision) = view
            .services
            .get(&(cluster.to_owned(), name.to_owned()))
            .cloned()?;
        if record.status == "INACTIVE" {
            return None;
        }
        let primary_id = record.primary().map(|d| d.id.clone()).unwrap_or_default();
        let grace = f64::from(record.health_check_grace_period_seconds);
        let mut live = Vec::new();
        let mut primary_failures = 0;
        let mut failed_starts = 0;
        let mut last_failed_start: f64 = 0.0;
        for entry in view.service_tasks(cluster, name) {
            let Some(task) = &entry.intent else { continue };
            let deployment = task.started_by.clone().unwrap_or_default();
            if entry.is_stopped() {
                if deployment == primary_id && failed_on_its_own(entry) {
                    primary_failures += 1;
                    let stopped_at = entry.status.as_ref().and_then(|s| s.stopped_at);
                    let started_at = entry.status.as_ref().and_then(|s| s.report.started_at);
                    let ran = match (started_at, stopped_at) {
                        (Some(start), Some(stop)) => stop - start,
                        _ => 0.0,
                    };
                    let stopped_at = stopped_at.unwrap_or(at);
                    if ran < FAILED_START_WINDOW && stopped_at > at - BACKOFF_MEMORY {
                        failed_starts += 1;
                        last_failed_start = last_failed_start.max(stopped_at);
                    }
                }
                continue;
            }
            let targets = self.targets_health(&view, &record, entry, task, at);
            live.push(live_task(&view, entry, task, grace, targets, at));
        }
        let (eligible, connected) = if record.is_daemon() {
            self.daemon_instances(&view, &record)
        } else {
            (Vec::new(), Vec::new())
        };
        let counts = self.service_counts(&view, &record);
        Some(Observed {
            record,
            revision,
            live,
            eligible,
            connected,
            counts,
            primary_failures,
            failed_starts,
            last_failed_start,
        })
    }

    /// ACTIVE instances of the service's cluster and launch type that satisfy its
    /// constraints, and those of them whose agent is connected.
    pub(crate) fn daemon_instances(
        &self,
        view: &Snapshot,
        record: &ServiceRecord,
    ) -> (Vec<String>, Vec<String>) {
        let mut filters = Vec::new();
        for c in &record.placement_constraints {
            if c.type_ == Some(ecs::PlacementConstraintType::MemberOf) {
                if let Some(expr) = c
                    .expression
                    .as_deref()
                    .and_then(|e| berth_scheduler::Expr::parse(e).ok())
                {
                    filters.push(expr);
                }
            }
        }
        let mut eligible = Vec::new();
        let mut connected = Vec::new();
        for ((c, id), instance) in &view.instances {
            if c != &record.cluster || instance.status != "ACTIVE" {
                continue;
            }
            let same_type = match record.launch_type {
                LaunchType::External => instance.launch_type == LaunchType::External,
                _ => instance.launch_type != LaunchType::External,
            };
            if !same_type
                || !filters
                    .iter()
                    .all(|f| self.instance_matches(view, instance, f))
            {
                continue;
            }
            eligible.push(id.clone());
            if self.agent_connected(id) {
                connected.push(id.clone());
            }
        }
        (eligible, connected)
    }

    /// Moves the service's deployments on: completion, the circuit breaker, rollback,
    /// drained deployments, the end of a deleted service, and steady state.
    fn advance_deployments(
        &self,
        seen: &Observed,
        at: f64,
        events: &mut Vec<String>,
    ) -> ServiceRecord {
        let mut record = seen.record.clone();
        let name = record.name.clone();
        if record.status == "DRAINING" {
            if seen.live.is_empty() {
                record.status = "INACTIVE".into();
                for d in &mut record.deployments {
                    if d.status != "INACTIVE" && d.status != "PRIMARY" {
                        d.status = "INACTIVE".into();
                        d.updated_at = at;
                    }
                }
            }
            return record;
        }
        let desired = if record.is_daemon() {
            seen.eligible.len()
        } else {
            record.desired_count.max(0) as usize
        };
        let live_of = |id: &str| seen.live.iter().filter(|t| t.deployment == id).count();
        // Older deployments leave the list once their last task is STOPPED.
        for d in record.deployments.iter_mut().skip(1) {
            if d.status == "ACTIVE" && live_of(&d.id) == 0 {
                d.status = "INACTIVE".into();
                d.updated_at = at;
            }
        }
        let Some(primary) = record.deployments.first().cloned() else {
            return record;
        };
        if primary.rollout_state == DeploymentRolloutState::InProgress {
            let breaker = primary.circuit_breaker.clone().filter(|b| b.enable);
            if breaker.is_some() && seen.primary_failures >= failure_threshold(desired) {
                let rollback_to = breaker
                    .as_ref()
                    .filter(|b| b.rollback)
                    .and_then(|_| {
                        record
                            .deployments
                            .iter()
                            .skip(1)
                            .find(|d| d.rollout_state == DeploymentRolloutState::Completed)
                    })
                    .cloned();
                let failed = &mut record.deployments[0];
                failed.rollout_state = DeploymentRolloutState::Failed;
                failed.rollout_state_reason =
                    "ECS deployment circuit breaker: tasks failed to start.".into();
                failed.finished_at = Some(at);
                failed.updated_at = at;
                events.push(format!(
                    "(service {name}) (deployment {}) deployment failed: tasks failed to start.",
                    primary.id
                ));
                if let Some(target) = rollback_to {
                    failed.rolled_back_to = Some(target.id.clone());
                    let mut rollback = new_deployment(
                        target.task_definition_arn.clone(),
                        record.minimum_healthy_percent,
                        record.maximum_percent,
                        record.circuit_breaker.clone(),
                        at,
                    );
                    rollback.rollout_state_reason = format!(
                        "ECS deployment circuit breaker: rolling back to deploymentId {}.",
                        target.id
                    );
                    rollback.rollback_of = Some(primary.id.clone());
                    rollback.load_balancers = target.load_balancers.clone();
                    events.push(format!(
                        "(service {name}) (deployment {}) rolling back to (deployment {}) with task definition {}.",
                        rollback.id, target.id, target.task_definition_arn
                    ));
                    start_deployment(&mut record, rollback, at);
                }
                return record;
            }
            let all_primary_healthy = seen.live.len() == desired
                && seen
                    .live
                    .iter()
                    .all(|t| t.deployment == primary.id && t.healthy && !t.stopping);
            let placed_everywhere = !record.is_daemon()
                || seen
                    .eligible
                    .iter()
                    .all(|i| seen.live.iter().any(|t| &t.instance == i));
            if all_primary_healthy && placed_everywhere {
                let done = &mut record.deployments[0];
                done.rollout_state = DeploymentRolloutState::Completed;
                done.rollout_state_reason = format!("ECS deployment {} completed.", primary.id);
                done.finished_at = Some(at);
                done.updated_at = at;
                for d in record.deployments.iter_mut().skip(1) {
                    if d.status == "ACTIVE" {
                        d.status = "INACTIVE".into();
                        d.updated_at = at;
                    }
                }
                events.push(format!(
                    "(service {name}) (deployment {}) deployment completed.",
                    primary.id
                ));
            }
        }
        let one_deployment = record
            .deployments
            .iter()
            .filter(|d| d.status != "INACTIVE")
            .count()
            == 1;
        let steady = one_deployment
            && record.deployments[0].rollout_state == DeploymentRolloutState::Completed
            && seen.counts.running as usize == desired
            && seen.live.len() == desired;
        if steady && !record.steady {
            events.push(format!("(service {name}) has reached a steady state."));
        }
        record.steady = steady;
        record
    }

    /// Stops and starts what the plan says, and says so in `events`.
    async fn apply_plan(
        &self,
        seen: &Observed,
        primary: &str,
        plan: Plan,
        events: &mut Vec<String>,
    ) -> Result<()> {
        let record = &seen.record;
        let name = &record.name;
        if !plan.stop.is_empty() {
            let stops: Vec<(String, String)> = plan
                .stop
                .iter()
                .map(|(id, cause)| {
                    let failed_in = seen
                        .live
                        .iter()
                        .find(|t| &t.id == id)
                        .and_then(|t| t.failed_target_group.as_deref());
                    let reason = match (cause, failed_in) {
                        (StopCause::Unhealthy, Some(group)) => {
                            events.push(format!(
                                "(service {name}) (task {id}) failed ELB health checks in (target-group {group})"
                            ));
                            format!("{ELB_UNHEALTHY_REASON} in (target-group {group})")
                        }
                        (StopCause::Unhealthy, None) => format!("{UNHEALTHY_REASON}."),
                        (StopCause::ScaleIn | StopCause::Replaced, _) => {
                            format!("Scaling activity initiated by (deployment {primary})")
                        }
                        (StopCause::Draining, _) => format!(
                            "Container instance is DRAINING; replaced by (deployment {primary})"
                        ),
                        (StopCause::Ineligible, _) => {
                            format!("Container instance is no longer eligible for (service {name})")
                        }
                    };
                    (id.clone(), reason)
                })
                .collect();
            let stopped = self.stop_service_tasks(&record.cluster, &stops).await?;
            if !stopped.is_empty() {
                events.push(format!(
                    "(service {name}) has stopped {} running tasks: {}.",
                    stopped.len(),
                    task_list(&stopped)
                ));
            }
        }
        let count = plan.start + plan.start_on.len();
        if count == 0 {
            return Ok(());
        }
        let Some(deployment) = record.primary() else {
            return Ok(());
        };
        let propagate_service_tags = record.propagate_tags == Some(ecs::PropagateTags::Service);
        let spec = self.launch_spec(
            record.cluster.clone(),
            &deployment.task_definition_arn,
            record.launch_type,
            None,
            None,
            Some(format!("service:{name}")),
            propagate_service_tags.then(|| record.tags.clone()),
            record.propagate_tags,
            true,
        );
        let mut spec = match spec {
            Ok(spec) => LaunchSpec {
                enable_execute_command: record.enable_execute_command,
                ..spec
            },
            // For example, the task definition was deleted: say so rather than fail quietly.
            Err(err) => {
                events.push(format!(
                    "(service {name}) was unable to launch tasks: {err}"
                ));
                return Ok(());
            }
        };
        spec.service = Some(name.clone());
        spec.network = record.network.clone();
        if !record.capacity_provider_strategy.is_empty() {
            // Each provider's share counts the service's tasks that are not STOPPED.
            let view = self.view.read();
            let live: Vec<&str> = view
                .service_tasks(&record.cluster, name)
                .filter(|e| !e.is_stopped())
                .filter_map(|e| e.intent.as_ref()?.capacity_provider_name.as_deref())
                .collect();
            spec.capacity_providers = super::fargate::providers_for(
                &record.capacity_provider_strategy,
                |provider| live.iter().filter(|p| **p == provider).count(),
                count,
            );
        }
        if record.enable_ecs_managed_tags {
            spec.tags
                .extend(super::tasks::managed_tags(&record.cluster, Some(name)));
        }
        // ECS marks service tasks with their deployment ID, which has a `/` that a user's
        // startedBy may not.
        spec.started_by = Some(deployment.id.clone());
        let host_cluster = if record.launch_type == LaunchType::Fargate {
            super::fargate::FARGATE_POOL_CLUSTER
        } else {
            record.cluster.as_str()
        };
        let mut placement = self.placement.lock().await;
        let outcome = {
            let view = self.view.read();
            let definition_constraints = spec
                .definition
                .definition
                .placement_constraints
                .clone()
                .unwrap_or_default();
            let targets: Vec<(String, String)> = plan
                .start_on
                .iter()
                .map(|i| (i.clone(), i.clone()))
                .collect();
            let target = if record.is_daemon() {
                PlacementTarget::Instances(&targets)
            } else {
                PlacementTarget::Strategies {
                    strategies: &record.placement_strategy,
                    constraints: &record.placement_constraints,
                    definition_constraints: &definition_constraints,
                }
            };
            self.place(
                &mut placement,
                &view,
                &record.cluster,
                &spec.demand,
                count,
                target,
                &spec.group,
                spec.launch_type,
            )?
        };
        if let Some(failure) = outcome.failures.first() {
            events.push(placement_event(
                name,
                failure,
                self.cluster_has_instances(host_cluster),
            ));
            if spec.launch_type == LaunchType::Fargate {
                let short = super::fargate::unplaced_on_demand(
                    &spec.capacity_providers,
                    count,
                    outcome.instances.len(),
                );
                if short > 0 {
                    self.interrupt_spot_for(&spec.demand.reservation, short)
                        .await?;
                }
            }
        }
        if outcome.instances.is_empty() {
            return Ok(());
        }
        let new = self.new_tasks(&spec, &outcome.instances)?;
        if let Some(failure) = new.failures.first() {
            events.push(placement_event(
                name,
                failure,
                self.cluster_has_instances(host_cluster),
            ));
        }
        let tasks = new.tasks;
        let writes = new.writes;
        if tasks.is_empty() {
            return Ok(());
        }
        let _pending = self.hold_placements(&tasks);
        drop(placement);
        let key = keys::service(&record.cluster, name);
        let commits = writes.chunks(START_CHUNK).map(|chunk| {
            let mut compares = vec![Compare::ModRevision {
                key: key.clone(),
                revision: seen.revision,
            }];
            let mut ops = Vec::new();
            for (c, o) in chunk {
                compares.extend(c.iter().cloned());
                ops.extend(o.iter().cloned());
            }
            self.commit(txn(compares, ops))
        });
        let results = futures::future::join_all(commits).await;
        let mut started: Vec<&TaskRecord> = Vec::new();
        let mut first_error = None;
        for (result, chunk) in results.into_iter().zip(tasks.chunks(START_CHUNK)) {
            match result {
                Ok(_) => started.extend(chunk),
                Err(err) => {
                    first_error.get_or_insert(err);
                }
            }
        }
        if !started.is_empty() {
            let ids: Vec<String> = started.iter().map(|t| t.id.clone()).collect();
            events.push(format!(
                "(service {name}) has started {} tasks: {}.",
                ids.len(),
                task_list(&ids)
            ));
        }
        match first_error {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    fn cluster_has_instances(&self, cluster: &str) -> bool {
        let view = self.view.read();
        view.instances
            .iter()
            .any(|((c, _), i)| c == cluster && i.status == "ACTIVE")
    }

    /// Asks tasks to stop with `ServiceSchedulerInitiated`, in batches guarded by each
    /// task's revision. Returns the IDs it stopped.
    async fn stop_service_tasks(
        &self,
        cluster: &str,
        stops: &[(String, String)],
    ) -> Result<Vec<String>> {
        let mut stopped = Vec::new();
        for batch in stops.chunks(START_CHUNK) {
            let mut compares = Vec::new();
            let mut ops = Vec::new();
            let mut ids = Vec::new();
            let at = now();
            for (id, reason) in batch {
                let key = keys::task(cluster, id);
                let Some(kv) = self.store.get(&key).await? else {
                    continue;
                };
                let mut record: TaskRecord =
                    serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
                if record.desired_status == DesiredStatus::Stopped {
                    continue;
                }
                record.desired_status = DesiredStatus::Stopped;
                record.stop_code = Some("ServiceSchedulerInitiated".into());
                record.stopped_reason = Some(reason.clone());
                record.stopping_at = Some(at);
                // Its load balancer targets drain before the agent is told to stop it.
                record.deactivating = !record.targets.is_empty();
                record.version += 1;
                compares.push(Compare::ModRevision {
                    key: key.clone(),
                    revision: kv.mod_revision,
                });
                ops.push(put_json(key, &record)?);
                ids.push(id.clone());
            }
            if ops.is_empty() {
                continue;
            }
            self.commit(txn(compares, ops)).await?;
            stopped.extend(ids);
        }
        Ok(stopped)
    }

    /// The write that prepends `messages` (oldest first) to a service's events, skipping
    /// any that repeat one of the last few events of the past minute (but a steady state).
    fn events_op(
        &self,
        cluster: &str,
        name: &str,
        messages: &[String],
        at: f64,
    ) -> Result<Option<Op>> {
        if messages.is_empty() {
            return Ok(None);
        }
        let mut record = {
            let view = self.view.read();
            view.service_events
                .get(&(cluster.to_owned(), name.to_owned()))
                .cloned()
                .unwrap_or_else(ServiceEventsRecord::default)
        };
        let mut added = false;
        for message in messages {
            // A steady state is announced once per transition into it (see
            // `advance_deployments`), so a repeat is news: the service was unsteady between.
            let transition = message.ends_with("has reached a steady state.");
            let repeated = !transition
                && record
                    .events
                    .iter()
                    .take(3)
                    .any(|e| &e.message == message && e.created_at > at - 60.0);
            if repeated {
                continue;
            }
            record.events.insert(
                0,
                ServiceEventRecord {
                    id: uuid::Uuid::new_v4().to_string(),
                    created_at: at,
                    message: message.clone(),
                },
            );
            added = true;
        }
        if !added {
            return Ok(None);
        }
        record.events.truncate(MAX_EVENTS);
        Ok(Some(put_json(
            keys::service_events(cluster, name),
            &record,
        )?))
    }
}

/// A live task as the planner sees it.
fn live_task(
    view: &Snapshot,
    entry: &TaskEntry,
    task: &TaskRecord,
    grace: f64,
    targets: TargetsHealth,
    at: f64,
) -> LiveTask {
    let report = entry.status.as_ref().map(|s| &s.report);
    let running = entry.last_status() == "RUNNING";
    let stopping = task.desired_status == DesiredStatus::Stopped;
    let health = report.and_then(|r| r.health_status);
    let checked = task
        .containers
        .iter()
        .any(|c| c.definition.essential != Some(false) && c.definition.health_check.is_some());
    let targets_healthy = matches!(targets, TargetsHealth::None | TargetsHealth::Healthy);
    let healthy = running
        && !stopping
        && targets_healthy
        && (!checked || health == Some(ecs::HealthStatus::Healthy));
    let started_at = report.and_then(|r| r.started_at).unwrap_or(task.created_at);
    let failed_target_group = match targets {
        TargetsHealth::Unhealthy(group) if running && !stopping => Some(group),
        _ => None,
    };
    let unhealthy = running
        && (health == Some(ecs::HealthStatus::Unhealthy) && started_at + grace <= at
            || failed_target_group.is_some());
    let placement = match view
        .instance(task.host_cluster(), &task.container_instance_id)
        .map(|i| i.status.as_str())
    {
        Some("ACTIVE") => Placement::Active,
        Some("DRAINING") => Placement::Draining,
        _ => Placement::Gone,
    };
    LiveTask {
        id: task.id.clone(),
        deployment: task.started_by.clone().unwrap_or_default(),
        instance: task.container_instance_id.clone(),
        placement,
        stopping,
        healthy,
        unhealthy,
        failed_target_group,
        created_at: task.created_at,
    }
}

/// `(task a) (task b)`, at most ten, as ECS lists tasks in events.
fn task_list(ids: &[String]) -> String {
    let mut listed: Vec<String> = ids
        .iter()
        .take(10)
        .map(|id| format!("(task {id})"))
        .collect();
    if ids.len() > 10 {
        listed.push(format!("and {} more", ids.len() - 10));
    }
    listed.join(" ")
}

/// ECS's event for a task that could not be placed.
fn placement_event(name: &str, failure: &ecs::Failure, has_instances: bool) -> String {
    let reason = failure.reason.as_deref().unwrap_or_default();
    let detail = if !has_instances {
        "No Container Instances were found in your cluster.".to_owned()
    } else {
        match reason {
            "RESOURCE:MEMORY" => {
                "The closest matching container-instance has insufficient memory available."
                    .to_owned()
            }
            "RESOURCE:CPU" => {
                "The closest matching container-instance has insufficient CPU units available."
                    .to_owned()
            }
            "RESOURCE:PORTS" => "The closest matching container-instance is already using a port required by your task.".to_owned(),
            "AGENT" => "The closest matching container-instance has no connected agent.".to_owned(),
            other => format!("{other}."),
        }
    };
    format!(
        "(service {name}) was unable to place a task because no container instance met all of its requirements. Reason: {detail}"
    )
}
