//! Tasks: RunTask, StartTask, StopTask, DescribeTasks, ListTasks.
//!
//! RunTask and StartTask place under the placement lock, count the new tasks as in flight
//! and write their intent (what to run, on which instance) in one transaction after
//! releasing it, so two callers never both take the last slot and none waits for another's
//! commit. The transaction carries the cluster's create fence (`clusters.rs`).
//! Agents then report observed state, which DescribeTasks joins back in.

use std::collections::HashSet;

use berth_api::ecs::{
    self, Compatibility, Container, ContainerDefinition, DescribeTasksRequest,
    DescribeTasksResponse, Failure, KeyValuePair, LaunchType, ListTasksRequest, ListTasksResponse,
    NetworkMode, PropagateTags, RunTaskRequest, RunTaskResponse, StartTaskRequest,
    StartTaskResponse, StopTaskRequest, StopTaskResponse, Tag, Task, TaskField, TaskOverride,
};
use berth_api::protocol::{DesiredStatus, ReportedStatus, TaskNetwork};
use berth_store::{Compare, Op};
use sha2::{Digest, Sha256};

use super::fargate::{providers_for, resolve_capacity, unplaced_on_demand, PLATFORM_VERSION};
use super::pagination::paginate;
use super::placement::{Demand, PlacedTask, PlacementTarget};
use super::task_definition_rules::{check_fargate_size, container_gpus, parse_cpu, parse_memory};
use super::{put_json, txn, validate_tags, App};
use crate::error::{Error, Result};
use crate::isolation::{Isolation, TaskNeeds};
use crate::model::{
    keys, now, IdempotencyRecord, Reservation, TaskContainer, TaskDefinitionRecord, TaskRecord,
};
use crate::state::{Snapshot, TaskEntry};

/// The parts of RunTask and StartTask that describe what to start.
pub(crate) struct LaunchSpec {
    pub(crate) cluster: String,
    pub(crate) definition: TaskDefinitionRecord,
    pub(crate) launch_type: LaunchType,
    pub(crate) overrides: TaskOverride,
    pub(crate) containers: Vec<ContainerDefinition>,
    pub(crate) cpu: Option<String>,
    pub(crate) memory: Option<String>,
    pub(crate) demand: Demand,
    pub(crate) started_by: Option<String>,
    pub(crate) group: String,
    pub(crate) tags: Vec<Tag>,
    /// The service starting the task, if any.
    pub service: Option<String>,
    /// RunTask's or StartTask's `referenceId`, recorded with the task.
    pub reference_id: Option<String>,
    /// `enableExecuteCommand` (RunTask, StartTask, or the service's).
    pub enable_execute_command: bool,
    /// The resolved `awsvpcConfiguration` of an awsvpc task (set by the caller from its
    /// request or service with [`App::awsvpc_request`]); `None` for other network modes.
    pub network: Option<crate::network::AwsvpcRequest>,
    /// The capacity provider of each new task, in placement order, for a launch with a
    /// `capacityProviderStrategy`; empty otherwise.
    pub capacity_providers: Vec<String>,
    /// A FARGATE task's platform version.
    pub platform_version: Option<String>,
    /// The tier the task's cluster requires (its `berth:isolation` tag), and what the
    /// tier choice needs to know about the task (`crate::isolation`).
    pub isolation_requirement: Option<Isolation>,
    pub isolation_needs: TaskNeeds,
}

impl LaunchSpec {
    /// The task definition's network mode (bridge when it names none).
    pub(crate) fn network_mode(&self) -> NetworkMode {
        self.definition
            .definition
            .network_mode
            .unwrap_or(NetworkMode::Bridge)
    }
}

impl App {
    pub async fn run_task(&self, req: RunTaskRequest) -> Result<RunTaskResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let count = req.count.unwrap_or(1);
        if !(1..=10).contains(&count) {
            return Err(Error::invalid(format!(
                "count must be between 1 and 10; {count} was given."
            )));
        }
        let capacity = resolve_capacity(
            req.launch_type,
            req.capacity_provider_strategy.as_deref(),
            req.platform_version.as_deref(),
        )?;
        refuse_unsupported_launch(&launch_members!(req))?;
        self.check_execution_role_override(req.overrides.as_ref())?;
        if let Some(token) = &req.client_token {
            if token.is_empty()
                || token.len() > 64
                || !token.bytes().all(|b| (33..=126).contains(&b))
            {
                return Err(Error::invalid(
                    "clientToken must be 1-64 printable ASCII characters (33-126).",
                ));
            }
        }
        let mut spec = self.launch_spec(
            cluster.clone(),
            &req.task_definition,
            capacity.launch_type,
            req.overrides.clone(),
            req.started_by.clone(),
            req.group.clone(),
            req.tags.clone(),
            req.propagate_tags,
            false,
        )?;
        spec.reference_id = req.reference_id.clone();
        spec.enable_execute_command = req.enable_execute_command.unwrap_or(false);
        spec.network =
            self.awsvpc_request(spec.network_mode(), req.network_configuration.as_ref())?;
        if req.enable_ecs_managed_tags == Some(true) {
            spec.tags.extend(managed_tags(&cluster, None));
        }
        let constraints = req.placement_constraints.clone().unwrap_or_default();
        let strategies = req.placement_strategy.clone().unwrap_or_default();
        if capacity.is_fargate() {
            refuse_fargate_placement(&constraints, &strategies)?;
            spec.capacity_providers = providers_for(&capacity.strategy, |_| 0, count as usize);
        }
        if constraints.len() > 10 {
            return Err(Error::invalid(
                "At most 10 placement constraints can be given.",
            ));
        }
        if strategies.len() > 5 {
            return Err(Error::invalid(
                "At most 5 placement strategies can be given.",
            ));
        }

        let idempotency = match &req.client_token {
            Some(token) => {
                let body = serde_json::to_vec(&req).map_err(|e| Error::Internal(e.into()))?;
                Some((
                    keys::idempotency("RunTask", &cluster, token),
                    hex::encode(Sha256::digest(body)),
                ))
            }
            None => None,
        };
        // Read before taking the placement lock, which is never held across a store call:
        // two calls with one token that both miss here both place, and the second's write
        // fails on the record the first wrote, and answers as the first did.
        if let Some((key, hash)) = &idempotency {
            if let Some(answer) = self.idempotent_answer::<RunTaskResponse>(key, hash).await? {
                return Ok(answer);
            }
        }
        let mut placement = self.placement.lock().await;
        let outcome = {
            let view = self.view.read();
            let definition_constraints = spec
                .definition
                .definition
                .placement_constraints
                .clone()
                .unwrap_or_default();
            self.place(
                &mut placement,
                &view,
                &spec.cluster,
                &spec.demand,
                count as usize,
                PlacementTarget::Strategies {
                    strategies: &strategies,
                    constraints: &constraints,
                    definition_constraints: &definition_constraints,
                },
                &spec.group,
                spec.launch_type,
            )?
        };
        let short_on_demand = if spec.launch_type == LaunchType::Fargate {
            unplaced_on_demand(
                &spec.capacity_providers,
                count as usize,
                outcome.instances.len(),
            )
        } else {
            0
        };
        let (tasks, mut compares, mut ops, network_failures) =
            self.new_tasks(&spec, &outcome.instances)?.into_txn_parts();
        let mut failures = outcome.failures;
        failures.extend(network_failures);
        let response = RunTaskResponse {
            tasks: Some(Vec::new()),
            failures: Some(failures),
        };
        let mut rendered_response = response;
        {
            // The tasks as they look right after creation, for the response and the ledger
            // of idempotent answers.
            let view = self.view.read();
            rendered_response.tasks = Some(
                tasks
                    .iter()
                    .map(|t| {
                        self.render_task(
                            &view,
                            &TaskEntry {
                                intent: Some(t.clone()),
                                ..TaskEntry::default()
                            },
                            true,
                        )
                    })
                    .collect(),
            );
        }
        if let Some((key, hash)) = &idempotency {
            let record = IdempotencyRecord {
                request_hash: hash.clone(),
                response: serde_json::to_value(&rendered_response)
                    .map_err(|e| Error::Internal(e.into()))?,
                created_at: now(),
            };
            compares.push(Compare::Absent { key: key.clone() });
            ops.push(put_json(key.clone(), &record)?);
        }
        // From here the new tasks count against their instances without the lock, so
        // concurrent RunTask calls place while this one's write is made durable.
        let _pending = self.hold_placements(&tasks);
        drop(placement);
        if !ops.is_empty() {
            match self.commit(txn(compares, ops)).await {
                Ok(_) => {}
                Err(Error::Conflict) => {
                    // A concurrent call with the same clientToken won: answer as it did.
                    if let Some((key, hash)) = &idempotency {
                        if let Some(answer) =
                            self.idempotent_answer::<RunTaskResponse>(key, hash).await?
                        {
                            return Ok(answer);
                        }
                    }
                    // Or the cluster was deleted since it was checked.
                    return Err(self.create_conflict(&spec.cluster).await);
                }
                Err(err) => return Err(err),
            }
        }
        if short_on_demand > 0 {
            // On-demand Fargate capacity comes before Spot: make room for the retry.
            self.interrupt_spot_for(&spec.demand.reservation, short_on_demand)
                .await?;
        }
        Ok(rendered_response)
    }

    pub async fn start_task(&self, req: StartTaskRequest) -> Result<StartTaskResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.container_instances.is_empty() || req.container_instances.len() > 10 {
            return Err(Error::invalid(
                "containerInstances must list between 1 and 10 instances.",
            ));
        }
        refuse_unsupported_launch(&launch_members!(req))?;
        self.check_execution_role_override(req.overrides.as_ref())?;
        let mut spec = self.launch_spec(
            cluster.clone(),
            &req.task_definition,
            LaunchType::Ec2,
            req.overrides.clone(),
            req.started_by.clone(),
            req.group.clone(),
            req.tags.clone(),
            req.propagate_tags,
            false,
        )?;
        spec.reference_id = req.reference_id.clone();
        spec.enable_execute_command = req.enable_execute_command.unwrap_or(false);
        spec.network =
            self.awsvpc_request(spec.network_mode(), req.network_configuration.as_ref())?;
        if req.enable_ecs_managed_tags == Some(true) {
            spec.tags.extend(managed_tags(&cluster, None));
        }
        let mut targets = Vec::new();
        for given in &req.container_instances {
            let (arn_cluster, id) = self.config.scope.container_instance_id(given)?;
            if arn_cluster.is_some_and(|c| c != cluster) {
                return Err(Error::invalid(format!(
                    "Container instance {given} is not in cluster {cluster}."
                )));
            }
            targets.push((given.clone(), id));
        }
        let mut placement = self.placement.lock().await;
        let outcome = {
            let view = self.view.read();
            self.place(
                &mut placement,
                &view,
                &cluster,
                &spec.demand,
                targets.len(),
                PlacementTarget::Instances(&targets),
                &spec.group,
                spec.launch_type,
            )?
        };
        let (tasks, compares, ops, network_failures) =
            self.new_tasks(&spec, &outcome.instances)?.into_txn_parts();
        let mut failures = outcome.failures;
        failures.extend(network_failures);
        // Decided under the lock, written outside it, as RunTask does: the new tasks count
        // against their instances until the view has them.
        let _pending = self.hold_placements(&tasks);
        drop(placement);
        if !ops.is_empty() {
            match self.commit(txn(compares, ops)).await {
                Ok(_) => {}
                Err(Error::Conflict) => return Err(self.create_conflict(&cluster).await),
                Err(err) => return Err(err),
            }
        }
        let view = self.view.read();
        let tasks = tasks
            .iter()
            .map(|t| {
                self.render_task(
                    &view,
                    &TaskEntry {
                        intent: Some(t.clone()),
                        ..TaskEntry::default()
                    },
                    true,
                )
            })
            .collect();
        Ok(StartTaskResponse {
            tasks: Some(tasks),
            failures: Some(failures),
        })
    }

    /// Resolves and validates what RunTask or StartTask should launch.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn launch_spec(
        &self,
        cluster: String,
        task_definition: &str,
        launch_type: LaunchType,
        overrides: Option<TaskOverride>,
        started_by: Option<String>,
        group: Option<String>,
        tags: Option<Vec<Tag>>,
        propagate_tags: Option<PropagateTags>,
        // A service keeps launching the revision it was given after that revision is
        // deregistered, as in ECS; RunTask and new deployments may not.
        allow_inactive: bool,
    ) -> Result<LaunchSpec> {
        let definition = self.find_task_definition(task_definition)?;
        if definition.status() != ecs::TaskDefinitionStatus::Active && !allow_inactive {
            return Err(Error::client(format!(
                "TaskDefinition is inactive: {}. Register a new revision or use an ACTIVE one.",
                definition
                    .definition
                    .task_definition_arn
                    .clone()
                    .unwrap_or_default()
            )));
        }
        let compatible = match launch_type {
            // Only a revision registered with FARGATE in `requiresCompatibilities` lists it
            // in `compatibilities`.
            LaunchType::Fargate => definition
                .definition
                .compatibilities
                .as_ref()
                .is_some_and(|c| c.contains(&Compatibility::Fargate)),
            LaunchType::Ec2 | LaunchType::External => {
                match &definition.definition.requires_compatibilities {
                    Some(required) if !required.is_empty() => {
                        let wanted = match launch_type {
                            LaunchType::External => Compatibility::External,
                            _ => Compatibility::Ec2,
                        };
                        required.contains(&wanted)
                    }
                    _ => true,
                }
            }
            other => {
                return Err(Error::invalid(format!(
                    "'launchType' {other} is not supported by berth. Use EC2, EXTERNAL or FARGATE."
                )))
            }
        };
        if !compatible {
            return Err(Error::invalid(format!(
                "Task definition does not support launch_type {launch_type}."
            )));
        }
        let network_mode = definition
            .definition
            .network_mode
            .unwrap_or(NetworkMode::Bridge);
        if let Some(started_by) = &started_by {
            if started_by.len() > 128
                || !started_by
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(Error::invalid(
                    "startedBy must be up to 128 letters, numbers, hyphens and underscores.",
                ));
            }
        }
        let family = definition.family().to_owned();
        let group = group.unwrap_or_else(|| format!("family:{family}"));
        if group.is_empty() || group.len() > 255 {
            return Err(Error::invalid("group must be 1-255 characters."));
        }
        let mut tags = tags.unwrap_or_default();
        if propagate_tags == Some(PropagateTags::TaskDefinition) {
            for tag in &definition.tags {
                if !tags.iter().any(|t| t.key == tag.key) {
                    tags.push(tag.clone());
                }
            }
        }
        validate_tags(&tags)?;
        let overrides = overrides.unwrap_or_default();
        let containers = merge_overrides(
            definition
                .definition
                .container_definitions
                .clone()
                .unwrap_or_default(),
            &overrides,
        )?;
        let cpu = overrides
            .cpu
            .clone()
            .or_else(|| definition.definition.cpu.clone());
        let memory = overrides
            .memory
            .clone()
            .or_else(|| definition.definition.memory.clone());
        let task_cpu = cpu
            .as_deref()
            .map(parse_cpu)
            .transpose()
            .map_err(|e| Error::invalid(format!("Invalid task cpu: {e}")))?;
        let task_memory = memory
            .as_deref()
            .map(parse_memory)
            .transpose()
            .map_err(|e| Error::invalid(format!("Invalid task memory: {e}")))?;
        if launch_type == LaunchType::Fargate {
            // Overrides may resize the task: it must still be one of Fargate's sizes.
            let (Some(cpu), Some(memory)) = (task_cpu, task_memory) else {
                return Err(Error::invalid(
                    "Fargate requires task-level 'cpu' and 'memory'. Register the task definition with them or give them in 'overrides'.",
                ));
            };
            check_fargate_size(cpu, memory).map_err(|e| Error::invalid(e.message))?;
        }
        let mut demand = demand_of(&containers, network_mode, task_cpu, task_memory)?;
        demand.required_attributes = definition
            .definition
            .requires_attributes
            .iter()
            .flatten()
            .map(|a| berth_scheduler::RequiredAttribute {
                name: a.name.clone(),
                value: a.value.clone(),
            })
            .collect();
        let cluster_tags = self
            .view
            .read()
            .clusters
            .get(&cluster)
            .map(|c| c.tags.clone())
            .unwrap_or_default();
        let isolation_requirement =
            crate::isolation::cluster_requirement(&cluster_tags).map_err(Error::invalid)?;
        let task_def = &definition.definition;
        let isolation_needs = TaskNeeds {
            fargate: launch_type == LaunchType::Fargate,
        };
        crate::isolation::check_task(
            crate::isolation::floor(isolation_needs, isolation_requirement),
            network_mode,
            task_def.pid_mode,
            task_def.ipc_mode,
            task_def.volumes.as_deref().unwrap_or_default(),
            &containers,
        )
        .map_err(Error::invalid)?;
        // Only hosts that can run the tier (their agent registered its attribute).
        if let Some(name) =
            crate::isolation::required_attribute(isolation_needs, isolation_requirement)
        {
            demand
                .required_attributes
                .push(berth_scheduler::RequiredAttribute {
                    name: name.to_owned(),
                    value: None,
                });
        }
        Ok(LaunchSpec {
            cluster,
            definition,
            launch_type,
            overrides,
            containers,
            cpu,
            memory,
            demand,
            started_by,
            group,
            tags,
            service: None,
            reference_id: None,
            enable_execute_command: false,
            network: None,
            capacity_providers: Vec::new(),
            platform_version: (launch_type == LaunchType::Fargate)
                .then(|| PLATFORM_VERSION.to_owned()),
            isolation_requirement,
            isolation_needs,
        })
    }

    /// Builds the intent records of new tasks on the chosen instances. Each container gets
    /// its share of the task's GPUs, in container order, and an awsvpc task its address
    /// (call with the placement lock held: the addresses are counted as taken from here).
    pub(crate) fn new_tasks(&self, spec: &LaunchSpec, placed: &[PlacedTask]) -> Result<NewTasks> {
        let mut new = NewTasks {
            cluster_fence: {
                let view = self.view.read();
                self.cluster_create_fence(&view, &spec.cluster)?
            },
            ..NewTasks::default()
        };
        let created_at = now();
        let ids: Vec<String> = placed.iter().map(|_| berth_api::arn::new_id()).collect();
        let mut networks: Vec<Option<Option<super::network::AllocatedNetwork>>> =
            match (&spec.network, spec.network_mode()) {
                (Some(request), NetworkMode::Awsvpc) => {
                    let wanted: Vec<(String, String)> = placed
                        .iter()
                        .zip(&ids)
                        .map(|(p, id)| (p.instance_id.clone(), id.clone()))
                        .collect();
                    self.allocate_networks(request, &spec.cluster, &wanted)?
                        .into_iter()
                        .map(Some)
                        .collect()
                }
                (None, NetworkMode::Awsvpc) => {
                    return Err(Error::Internal(anyhow::anyhow!(
                        "an awsvpc task was launched without its network configuration"
                    )))
                }
                _ => placed.iter().map(|_| None).collect(),
            };
        for (index, ((placement, id), network)) in
            placed.iter().zip(ids).zip(networks.iter_mut()).enumerate()
        {
            let PlacedTask {
                instance_id,
                instance_arn,
                gpu_ids,
            } = placement;
            let (network, compares, mut ops) = match network.take() {
                None => (None, Vec::new(), Vec::new()),
                Some(None) => {
                    new.failures.push(Failure {
                        arn: Some(instance_arn.clone()),
                        reason: Some("RESOURCE:ENI".into()),
                        detail: Some(
                            "The instance's slice of every given subnet is full, or no slice is left for it."
                                .into(),
                        ),
                    });
                    continue;
                }
                Some(Some(allocated)) => {
                    (Some(allocated.network), allocated.compares, allocated.ops)
                }
            };
            let isolation = {
                let view = self.view.read();
                // A FARGATE task's host is in the control plane's pool.
                let host_cluster = if spec.launch_type == LaunchType::Fargate {
                    super::fargate::FARGATE_POOL_CLUSTER
                } else {
                    spec.cluster.as_str()
                };
                let host = view
                    .instance(host_cluster, instance_id)
                    .map(|i| crate::isolation::host_tiers(&i.attributes))
                    .unwrap_or_default();
                crate::isolation::isolation_for(
                    spec.isolation_needs,
                    spec.isolation_requirement,
                    &host,
                )
            };
            // Placement only chose hosts with the tier's attribute; one that lost it
            // since (attributes changed) fails like any host without it.
            let isolation = match isolation {
                Ok(isolation) => isolation,
                Err(unavailable) => {
                    new.failures.push(Failure {
                        arn: Some(instance_arn.clone()),
                        reason: Some("ATTRIBUTE".into()),
                        detail: Some(format!("{unavailable}.")),
                    });
                    continue;
                }
            };
            let mut tags = spec.tags.clone();
            tags.retain(|t| t.key.as_deref() != Some(crate::isolation::TASK_TAG));
            if !isolation.is_standard() {
                tags.push(Tag {
                    key: Some(crate::isolation::TASK_TAG.to_owned()),
                    value: Some(isolation.as_str().to_owned()),
                });
            }
            let mut unassigned = gpu_ids.iter();
            let containers = spec
                .containers
                .iter()
                .zip(&spec.demand.container_gpus)
                .map(|(definition, gpus)| TaskContainer {
                    arn: self.config.scope.container(
                        &spec.cluster,
                        &id,
                        &berth_api::arn::new_container_id(),
                    ),
                    definition: definition.clone(),
                    gpu_ids: unassigned.by_ref().take(*gpus as usize).cloned().collect(),
                })
                .collect();
            let reserved = Reservation {
                gpus: gpu_ids.clone(),
                ..spec.demand.reservation.clone()
            };
            let record = TaskRecord {
                arn: self.config.scope.task(&spec.cluster, &id),
                id: id.clone(),
                cluster: spec.cluster.clone(),
                task_definition_arn: spec
                    .definition
                    .definition
                    .task_definition_arn
                    .clone()
                    .unwrap_or_default(),
                family: spec.definition.family().to_owned(),
                revision: spec.definition.revision(),
                container_instance_id: instance_id.clone(),
                container_instance_arn: instance_arn.clone(),
                launch_type: spec.launch_type,
                network_mode: spec
                    .definition
                    .definition
                    .network_mode
                    .unwrap_or(NetworkMode::Bridge),
                cpu: spec.cpu.clone(),
                memory: spec.memory.clone(),
                reserved,
                containers,
                volumes: spec
                    .definition
                    .definition
                    .volumes
                    .clone()
                    .unwrap_or_default(),
                pid_mode: spec.definition.definition.pid_mode,
                ipc_mode: spec.definition.definition.ipc_mode,
                network,
                overrides: spec.overrides.clone(),
                task_role_arn: spec
                    .overrides
                    .task_role_arn
                    .clone()
                    .or_else(|| spec.definition.definition.task_role_arn.clone()),
                execution_role_arn: spec
                    .overrides
                    .execution_role_arn
                    .clone()
                    .or_else(|| spec.definition.definition.execution_role_arn.clone()),
                started_by: spec.started_by.clone(),
                group: spec.group.clone(),
                service: spec.service.clone(),
                reference_id: spec.reference_id.clone(),
                tags,
                created_at,
                desired_status: DesiredStatus::Running,
                stop_code: None,
                stopped_reason: None,
                stopping_at: None,
                version: 1,
                enable_execute_command: spec.enable_execute_command,
                targets: Vec::new(),
                deactivating: false,
                capacity_provider_name: spec.capacity_providers.get(index).cloned(),
                platform_version: spec.platform_version.clone(),
                isolation,
            };
            ops.push(put_json(keys::task(&spec.cluster, &id), &record)?);
            new.tasks.push(record);
            new.writes.push((compares, ops));
        }
        Ok(new)
    }

    pub async fn stop_task(&self, req: StopTaskRequest) -> Result<StopTaskResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let (arn_cluster, id) = self.config.scope.task_id(&req.task)?;
        if arn_cluster.is_some_and(|c| c != cluster) {
            return Err(Error::invalid(format!(
                "Task {} does not belong to cluster {cluster}.",
                req.task
            )));
        }
        if req.reason.as_ref().is_some_and(|r| r.len() > 255) {
            return Err(Error::invalid("reason must be at most 255 characters."));
        }
        let reason = req
            .reason
            .clone()
            .unwrap_or_else(|| "Task stopped by user".to_owned());
        let entry = self
            .request_stop(&cluster, &id, "UserInitiated", &reason)
            .await?;
        let view = self.view.read();
        Ok(StopTaskResponse {
            task: Some(self.render_task(&view, &entry, true)),
        })
    }

    /// Sets a task's desired status to STOPPED, keeping the first stop code and reason.
    pub(crate) async fn request_stop(
        &self,
        cluster: &str,
        id: &str,
        stop_code: &str,
        reason: &str,
    ) -> Result<TaskEntry> {
        let key = keys::task(cluster, id);
        for _ in 0..5 {
            let Some(kv) = self.store.get(&key).await? else {
                return Err(Error::invalid(format!(
                    "The referenced task was not found: {id}."
                )));
            };
            let mut record: TaskRecord =
                serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
            if record.desired_status == DesiredStatus::Stopped {
                let view = self.view.read();
                return Ok(view.tasks.get(id).cloned().unwrap_or_default());
            }
            record.desired_status = DesiredStatus::Stopped;
            record.stop_code = Some(stop_code.to_owned());
            record.stopped_reason = Some(reason.to_owned());
            record.stopping_at = Some(now());
            record.version += 1;
            let txn = txn(
                vec![Compare::ModRevision {
                    key: key.clone(),
                    revision: kv.mod_revision,
                }],
                vec![put_json(key.clone(), &record)?],
            );
            match self.commit(txn).await {
                Ok(_) => {
                    let view = self.view.read();
                    return Ok(view.tasks.get(id).cloned().unwrap_or_default());
                }
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }

    pub async fn describe_tasks(&self, req: DescribeTasksRequest) -> Result<DescribeTasksResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.tasks.is_empty() || req.tasks.len() > 100 {
            return Err(Error::invalid("tasks must list between 1 and 100 tasks."));
        }
        let include_tags = req
            .include
            .as_ref()
            .is_some_and(|i| i.contains(&TaskField::Tags));
        let view = self.view.read();
        let mut tasks = Vec::new();
        let mut failures = Vec::new();
        for given in &req.tasks {
            let found = self
                .config
                .scope
                .task_id(given)
                .ok()
                .and_then(|(arn_cluster, id)| {
                    if arn_cluster.is_some_and(|c| c != cluster) {
                        return None;
                    }
                    view.tasks
                        .get(&id)
                        .filter(|e| e.intent.as_ref().is_some_and(|t| t.cluster == cluster))
                });
            match found {
                Some(entry) => tasks.push(self.render_task(&view, entry, include_tags)),
                None => failures.push(Failure {
                    arn: Some(given.clone()),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        Ok(DescribeTasksResponse {
            tasks: Some(tasks),
            failures: Some(failures),
        })
    }

    pub async fn list_tasks(&self, req: ListTasksRequest) -> Result<ListTasksResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.started_by.is_some()
            && (req.family.is_some()
                || req.container_instance.is_some()
                || req.service_name.is_some())
        {
            return Err(Error::invalid(
                "When you specify startedBy as the filter, it must be the only filter that you use.",
            ));
        }
        let desired = match req.desired_status {
            None | Some(ecs::DesiredStatus::Running) => Some(DesiredStatus::Running),
            Some(ecs::DesiredStatus::Stopped) => Some(DesiredStatus::Stopped),
            Some(ecs::DesiredStatus::Pending) => None,
        };
        let pending_only = req.desired_status == Some(ecs::DesiredStatus::Pending);
        let instance_id = match &req.container_instance {
            Some(given) => Some(self.config.scope.container_instance_id(given)?.1),
            None => None,
        };
        let service = match &req.service_name {
            Some(given) => {
                let (arn_cluster, name) = self.config.scope.service_name(given)?;
                let view = self.view.read();
                if arn_cluster.is_some_and(|c| c != cluster)
                    || view.service(&cluster, &name).is_none()
                {
                    return Err(Error::ServiceNotFound);
                }
                Some(name)
            }
            None => None,
        };
        let view = self.view.read();
        let ids = view.tasks_by_cluster.get(&cluster);
        let items = ids.into_iter().flat_map(|ids| ids.iter()).filter_map(|id| {
            let entry = view.tasks.get(id)?;
            let task = entry.intent.as_ref()?;
            if let Some(desired) = desired {
                if task.desired_status != desired {
                    return None;
                }
            }
            if pending_only
                && !matches!(
                    entry.last_status(),
                    "PROVISIONING" | "PENDING" | "ACTIVATING"
                )
            {
                return None;
            }
            if req.family.as_ref().is_some_and(|f| f != &task.family)
                || req
                    .started_by
                    .as_ref()
                    .is_some_and(|s| Some(s) != task.started_by.as_ref())
                || instance_id
                    .as_ref()
                    .is_some_and(|i| i != &task.container_instance_id)
                || req.launch_type.is_some_and(|l| l != task.launch_type)
                || service
                    .as_ref()
                    .is_some_and(|s| Some(s) != task.service.as_ref())
            {
                return None;
            }
            Some((id.clone(), task.arn.clone()))
        });
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 100, 100)?;
        Ok(ListTasksResponse {
            task_arns: Some(page.items),
            next_token: page.next_token,
        })
    }

    /// A task as DescribeTasks shows it: intent joined with the agent's last report.
    pub(crate) fn render_task(
        &self,
        view: &Snapshot,
        entry: &TaskEntry,
        include_tags: bool,
    ) -> Task {
        let Some(task) = &entry.intent else {
            return Task::default();
        };
        let report = entry.status.as_ref().map(|s| &s.report);
        let containers = task
            .containers
            .iter()
            .map(|c| {
                let observed = report.and_then(|r| {
                    r.containers
                        .iter()
                        .find(|o| Some(&o.name) == c.definition.name.as_ref())
                });
                Container {
                    container_arn: Some(c.arn.clone()),
                    task_arn: Some(task.arn.clone()),
                    name: c.definition.name.clone(),
                    image: c.definition.image.clone(),
                    image_digest: observed.and_then(|o| o.image_digest.clone()),
                    runtime_id: observed.and_then(|o| o.runtime_id.clone()),
                    last_status: Some(
                        observed
                            .map(|o| o.last_status.as_str().to_owned())
                            .unwrap_or_else(|| "PENDING".to_owned()),
                    ),
                    exit_code: observed.and_then(|o| o.exit_code),
                    reason: observed.and_then(|o| o.reason.clone()),
                    network_bindings: Some(
                        observed
                            .map(|o| o.network_bindings.clone())
                            .unwrap_or_default(),
                    ),
                    network_interfaces: Some(
                        task.network
                            .iter()
                            .map(|n| ecs::NetworkInterface {
                                attachment_id: Some(n.attachment_id.clone()),
                                private_ipv4_address: Some(n.address.clone()),
                                ..ecs::NetworkInterface::default()
                            })
                            .collect(),
                    ),
                    health_status: Some(
                        observed
                            .and_then(|o| o.health_status)
                            .unwrap_or(ecs::HealthStatus::Unknown),
                    ),
                    cpu: Some(c.definition.cpu.unwrap_or(0).to_string()),
                    memory: c.definition.memory.map(|m| m.to_string()),
                    memory_reservation: c.definition.memory_reservation.map(|m| m.to_string()),
                    gpu_ids: (!c.gpu_ids.is_empty()).then(|| c.gpu_ids.clone()),
                    managed_agents: task
                        .enable_execute_command
                        .then(|| vec![exec_agent(observed, report.and_then(|r| r.started_at))]),
                }
            })
            .collect();
        let zone = view
            .instance(task.host_cluster(), &task.container_instance_id)
            .and_then(|i| i.attributes.get("ecs.availability-zone").cloned().flatten());
        let stopped = entry.is_stopped();
        Task {
            attachments: Some(
                task.network
                    .iter()
                    .map(|n| self.eni_attachment(n, entry))
                    .collect(),
            ),
            attributes: Some(Vec::new()),
            availability_zone: zone,
            cluster_arn: Some(self.config.scope.cluster(&task.cluster)),
            connectivity: Some(ecs::Connectivity::Connected),
            connectivity_at: Some(task.created_at),
            // A Fargate task's host is the control plane's, not a container instance.
            container_instance_arn: (!task.is_fargate())
                .then(|| task.container_instance_arn.clone()),
            capacity_provider_name: task.capacity_provider_name.clone(),
            platform_version: task.platform_version.clone(),
            platform_family: task
                .is_fargate()
                .then(|| super::fargate::PLATFORM_FAMILY.to_owned()),
            containers: Some(containers),
            cpu: task
                .cpu
                .clone()
                .or_else(|| Some(task.reserved.cpu.to_string())),
            created_at: Some(task.created_at),
            desired_status: Some(
                match task.desired_status {
                    DesiredStatus::Running => "RUNNING",
                    DesiredStatus::Stopped => "STOPPED",
                }
                .to_owned(),
            ),
            enable_execute_command: Some(task.enable_execute_command),
            execution_stopped_at: report.and_then(|r| r.execution_stopped_at),
            group: Some(task.group.clone()),
            health_status: Some(
                report
                    .and_then(|r| r.health_status)
                    .unwrap_or(ecs::HealthStatus::Unknown),
            ),
            // A task whose load balancer targets drain before it stops is DEACTIVATING,
            // as in ECS (its containers still run).
            last_status: Some(
                if task.deactivating && entry.last_status() == "RUNNING" {
                    "DEACTIVATING"
                } else {
                    entry.last_status()
                }
                .to_owned(),
            ),
            launch_type: Some(task.launch_type),
            memory: task
                .memory
                .clone()
                .or_else(|| Some(task.reserved.memory_mib.to_string())),
            overrides: Some(TaskOverride {
                container_overrides: Some(
                    task.overrides
                        .container_overrides
                        .clone()
                        .unwrap_or_default(),
                ),
                inference_accelerator_overrides: Some(Vec::new()),
                ..task.overrides.clone()
            }),
            pull_started_at: report.and_then(|r| r.pull_started_at),
            pull_stopped_at: report.and_then(|r| r.pull_stopped_at),
            started_at: report.and_then(|r| r.started_at),
            started_by: task.started_by.clone(),
            // The agent's stop code wins once it reports one (for example
            // EssentialContainerExited); until then, what asked the task to stop.
            stop_code: report
                .and_then(|r| r.stop_code.clone())
                .or_else(|| task.stop_code.clone())
                .and_then(|c| ecs::TaskStopCode::parse(&c)),
            stopped_at: entry
                .status
                .as_ref()
                .and_then(|s| s.stopped_at)
                .filter(|_| stopped),
            stopped_reason: report
                .and_then(|r| r.stopped_reason.clone())
                .or_else(|| task.stopped_reason.clone()),
            stopping_at: task
                .stopping_at
                .or_else(|| report.and_then(|r| r.stopping_at)),
            tags: include_tags.then(|| task.tags.clone()),
            task_arn: Some(task.arn.clone()),
            task_definition_arn: Some(task.task_definition_arn.clone()),
            version: Some(task.version + entry.status.as_ref().map_or(0, |_| 1)),
            ..Task::default()
        }
    }
}

/// A container's `ExecuteCommandAgent`, as DescribeTasks shows it for a task with exec
/// enabled: RUNNING once the agent reports it can exec into the running container.
fn exec_agent(
    observed: Option<&berth_api::protocol::ContainerReport>,
    started_at: Option<f64>,
) -> ecs::ManagedAgent {
    let (status, started) = match observed {
        Some(c) if c.exec_agent_running => ("RUNNING", started_at),
        Some(c) if c.last_status == berth_api::protocol::ReportedStatus::Stopped => {
            ("STOPPED", None)
        }
        _ => ("PENDING", None),
    };
    ecs::ManagedAgent {
        name: Some(ecs::ManagedAgentName::ExecuteCommandAgent),
        last_status: Some(status.to_owned()),
        last_started_at: started,
        reason: None,
    }
}

impl App {
    /// An awsvpc task's ENI attachment as ECS shows it. Its status follows the task:
    /// PRECREATED until the agent reports the task running (the address is given at
    /// placement, before anything exists on the host), ATTACHED while it runs, DETACHING
    /// while it stops and DELETED once it is STOPPED (its address is then freed).
    fn eni_attachment(&self, network: &TaskNetwork, entry: &TaskEntry) -> ecs::Attachment {
        let status = match entry.status.as_ref().map(|s| s.report.last_status) {
            None | Some(ReportedStatus::Pending) => "PRECREATED",
            Some(ReportedStatus::Running) => "ATTACHED",
            Some(ReportedStatus::Stopping) => "DETACHING",
            Some(ReportedStatus::Stopped) => "DELETED",
        };
        let detail = |name: &str, value: &str| KeyValuePair {
            name: Some(name.to_owned()),
            value: Some(value.to_owned()),
        };
        ecs::Attachment {
            id: Some(network.attachment_id.clone()),
            type_: Some("ElasticNetworkInterface".to_owned()),
            status: Some(status.to_owned()),
            details: Some(vec![
                detail("subnetId", &network.subnet_id),
                detail("networkInterfaceId", &network.eni_id),
                detail("macAddress", &network.mac_address),
                detail(
                    "privateDnsName",
                    &crate::network::private_dns_name(&network.address, &self.config.scope.region),
                ),
                detail("privateIPv4Address", &network.address),
            ]),
        }
    }
}

/// New tasks and what to write for them.
#[derive(Default)]
pub(crate) struct NewTasks {
    pub tasks: Vec<TaskRecord>,
    /// Per task, in order: the compares guarding its claims (its address, its host's new
    /// slice) and its puts. One task's writes belong in one transaction.
    pub writes: Vec<(Vec<Compare>, Vec<Op>)>,
    /// Placed tasks that got no address (`RESOURCE:ENI`).
    pub failures: Vec<Failure>,
    /// What a transaction creating tasks in the cluster carries, once
    /// ([`App::cluster_create_fence`]).
    pub cluster_fence: (Vec<Compare>, Vec<Op>),
}

impl NewTasks {
    /// Every task's compares and puts, and the cluster's fence if there is a task, for one
    /// transaction.
    pub(crate) fn into_txn_parts(self) -> (Vec<TaskRecord>, Vec<Compare>, Vec<Op>, Vec<Failure>) {
        let (mut compares, mut ops) = match self.writes.is_empty() {
            true => Default::default(),
            false => self.cluster_fence,
        };
        for (c, o) in self.writes {
            compares.extend(c);
            ops.extend(o);
        }
        (self.tasks, compares, ops, self.failures)
    }
}

/// The members of RunTask and StartTask that berth refuses (see `crate::fields`).
struct LaunchMembers<'a> {
    propagate_tags: Option<PropagateTags>,
    volume_configurations: bool,
    overrides: Option<&'a TaskOverride>,
    reference_id: Option<&'a str>,
}

/// A RunTask or StartTask request's [`LaunchMembers`]: the two share these members' names.
macro_rules! launch_members {
    ($req:expr) => {
        LaunchMembers {
            propagate_tags: $req.propagate_tags,
            volume_configurations: $req
                .volume_configurations
                .as_ref()
                .is_some_and(|v| !v.is_empty()),
            overrides: $req.overrides.as_ref(),
            reference_id: $req.reference_id.as_deref(),
        }
    };
}
use launch_members;

/// FARGATE tasks are placed by the control plane: ECS refuses placement constraints and
/// strategies for them.
pub(crate) fn refuse_fargate_placement(
    constraints: &[ecs::PlacementConstraint],
    strategies: &[ecs::PlacementStrategy],
) -> Result<()> {
    if !constraints.is_empty() {
        return Err(Error::invalid(
            "Task placement constraints are not supported for tasks using the Fargate launch type. Remove 'placementConstraints'.",
        ));
    }
    if !strategies.is_empty() {
        return Err(Error::invalid(
            "Task placement strategies are not supported for tasks using the Fargate launch type. Remove 'placementStrategy'.",
        ));
    }
    Ok(())
}

/// Refuses what berth would otherwise accept and ignore, before anything is placed.
fn refuse_unsupported_launch(m: &LaunchMembers<'_>) -> Result<()> {
    if m.propagate_tags == Some(PropagateTags::Service) {
        return Err(Error::invalid(
            "'propagateTags' SERVICE is only valid for the tasks of a service. Use TASK_DEFINITION or NONE.",
        ));
    }
    if m.volume_configurations {
        return Err(Error::invalid(
            "'volumeConfigurations' is not supported by berth: it has no Amazon EBS volumes. Remove it.",
        ));
    }
    if let Some(reference) = m.reference_id {
        if reference.is_empty() || reference.chars().count() > 1024 {
            return Err(Error::invalid("'referenceId' must be 1-1024 characters."));
        }
    }
    let Some(overrides) = m.overrides else {
        return Ok(());
    };
    if overrides
        .inference_accelerator_overrides
        .as_ref()
        .is_some_and(|o| !o.is_empty())
    {
        return Err(Error::invalid(
            "'overrides.inferenceAcceleratorOverrides' is not supported by berth: Elastic Inference accelerators do not exist on its hosts. Remove them.",
        ));
    }
    if overrides.ephemeral_storage.is_some() {
        return Err(Error::invalid(
            "'overrides.ephemeralStorage' is not supported by berth: it sizes Fargate task storage. Remove it.",
        ));
    }
    for o in overrides.container_overrides.iter().flatten() {
        let name = o.name.as_deref().unwrap_or_default();
        if o.environment_files.as_ref().is_some_and(|f| !f.is_empty()) {
            return Err(Error::invalid(format!(
                "'overrides.containerOverrides.environmentFiles' (container '{name}') is not supported by berth: environment files are read from Amazon S3, which berth does not have. Use 'environment'."
            )));
        }
        if o.resource_requirements
            .iter()
            .flatten()
            .any(|r| r.type_ == ecs::ResourceType::InferenceAccelerator)
        {
            return Err(Error::invalid(format!(
                "'overrides.containerOverrides.resourceRequirements.type' InferenceAccelerator (container '{name}') is not supported by berth: Elastic Inference accelerators do not exist on its hosts. Only GPU requirements are accepted."
            )));
        }
    }
    Ok(())
}

/// The tags ECS adds to a task when `enableECSManagedTags` is set: the cluster's name, and
/// for a service's task the service's name.
pub(crate) fn managed_tags(cluster: &str, service: Option<&str>) -> Vec<Tag> {
    let tag = |key: &str, value: &str| Tag {
        key: Some(key.to_owned()),
        value: Some(value.to_owned()),
    };
    let mut tags = vec![tag("aws:ecs:clusterName", cluster)];
    if let Some(service) = service {
        tags.push(tag("aws:ecs:serviceName", service));
    }
    tags
}

/// Applies `containerOverrides` (command, environment, cpu, memory, resource
/// requirements) to the definitions.
fn merge_overrides(
    mut containers: Vec<ContainerDefinition>,
    overrides: &TaskOverride,
) -> Result<Vec<ContainerDefinition>> {
    let mut seen = HashSet::new();
    for o in overrides.container_overrides.iter().flatten() {
        let Some(name) = &o.name else {
            return Err(Error::invalid(
                "Each container override must name its container.",
            ));
        };
        if !seen.insert(name.clone()) {
            return Err(Error::invalid(format!(
                "Container {name} is overridden more than once."
            )));
        }
        let Some(container) = containers
            .iter_mut()
            .find(|c| c.name.as_ref() == Some(name))
        else {
            return Err(Error::invalid(format!(
                "Override for container named {name} is not a container in the TaskDefinition."
            )));
        };
        if let Some(command) = &o.command {
            container.command = Some(command.clone());
        }
        if let Some(environment) = &o.environment {
            let mut merged: Vec<KeyValuePair> = container.environment.clone().unwrap_or_default();
            for pair in environment {
                merged.retain(|p| p.name != pair.name);
                merged.push(pair.clone());
            }
            container.environment = Some(merged);
        }
        if let Some(cpu) = o.cpu {
            container.cpu = Some(cpu);
        }
        if let Some(memory) = o.memory {
            container.memory = Some(memory);
        }
        if let Some(reservation) = o.memory_reservation {
            container.memory_reservation = Some(reservation);
        }
        if let Some(requirements) = &o.resource_requirements {
            // An override replaces the definition's requirement of the same type.
            let mut merged = container.resource_requirements.clone().unwrap_or_default();
            for requirement in requirements {
                merged.retain(|r| r.type_ != requirement.type_);
                merged.push(requirement.clone());
            }
            container.resource_requirements = Some(merged);
        }
        if let (Some(hard), Some(soft)) = (container.memory, container.memory_reservation) {
            if soft > hard {
                return Err(Error::invalid(format!(
                    "Container {name}: memoryReservation ({soft}) must not exceed memory ({hard})."
                )));
            }
        }
    }
    Ok(containers)
}

/// What one task of these containers reserves on an instance. The GPU requirements are
/// checked again here because container overrides may have changed them.
fn demand_of(
    containers: &[ContainerDefinition],
    mode: NetworkMode,
    task_cpu: Option<i32>,
    task_memory: Option<i64>,
) -> Result<Demand> {
    let cpu =
        task_cpu.unwrap_or_else(|| containers.iter().map(|c| c.cpu.unwrap_or(0).max(0)).sum());
    let memory = match task_memory {
        Some(memory) => memory,
        None => containers
            .iter()
            .map(|c| i64::from(c.memory_reservation.or(c.memory).unwrap_or(0).max(0)))
            .sum(),
    };
    if memory <= 0 {
        return Err(Error::client(
            "Invalid setting for container: at least one of 'memory' or 'memoryReservation' must be specified, or a task-level memory.",
        ));
    }
    let mut tcp = Vec::new();
    let mut udp = Vec::new();
    for container in containers {
        for mapping in container.port_mappings.iter().flatten() {
            let host_port = match mode {
                NetworkMode::Host => mapping.host_port.or(mapping.container_port).unwrap_or(0),
                // An awsvpc task's ports are on its own address, not the host's.
                NetworkMode::None | NetworkMode::Awsvpc => 0,
                _ => mapping.host_port.unwrap_or(0),
            };
            if host_port <= 0 {
                continue;
            }
            let port = u16::try_from(host_port)
                .map_err(|_| Error::invalid(format!("Host port {host_port} is out of range.")))?;
            match mapping.protocol {
                Some(ecs::TransportProtocol::Udp) => udp.push(port),
                _ => tcp.push(port),
            }
        }
    }
    let container_gpus = containers
        .iter()
        .map(|c| container_gpus(c.name.as_deref().unwrap_or_default(), c))
        .collect::<std::result::Result<Vec<u32>, _>>()
        .map_err(|e| Error::invalid(e.message))?;
    let gpus: u32 = container_gpus.iter().sum();
    if gpus as usize > berth_api::protocol::MAX_GPUS {
        return Err(Error::invalid(format!(
            "The containers reserve {gpus} GPUs in total with the overrides, more than the {} one container instance can have. Lower the GPU values in 'overrides.containerOverrides.resourceRequirements'.",
            berth_api::protocol::MAX_GPUS
        )));
    }
    Ok(Demand {
        reservation: Reservation {
            cpu,
            memory_mib: memory,
            tcp_ports: tcp,
            udp_ports: udp,
            gpus: Vec::new(),
        },
        container_gpus,
        required_attributes: Vec::new(),
    })
}
