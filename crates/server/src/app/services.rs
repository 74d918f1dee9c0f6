//! Services: CreateService, UpdateService, DeleteService, DescribeServices, ListServices,
//! ListServiceDeployments and DescribeServiceDeployments.
//!
//! These calls only record intent: the service, its desired count and its deployments.
//! The service scheduler (`service_scheduler.rs`) starts and stops tasks to match, and
//! moves deployments through their rollout states.

use berth_api::ecs::{
    self, CreateServiceRequest, CreateServiceResponse, DeleteServiceRequest, DeleteServiceResponse,
    Deployment, DeploymentCircuitBreaker, DeploymentConfiguration, DeploymentController,
    DeploymentControllerType, DeploymentRolloutState, DescribeServiceDeploymentsRequest,
    DescribeServiceDeploymentsResponse, DescribeServicesRequest, DescribeServicesResponse, Failure,
    ListServiceDeploymentsRequest, ListServiceDeploymentsResponse, ListServicesRequest,
    ListServicesResponse, PlacementConstraint, PlacementStrategy, PropagateTags, Rollback,
    SchedulingStrategy, Service, ServiceDeployment, ServiceDeploymentBrief,
    ServiceDeploymentCircuitBreaker, ServiceDeploymentRollbackMonitorsStatus,
    ServiceDeploymentStatus, ServiceEvent, ServiceField, ServiceRevisionSummary,
    UpdateServiceRequest, UpdateServiceResponse,
};
use berth_scheduler as scheduler;
use berth_store::Compare;
use rand::Rng;
use sha2::{Digest, Sha256};

use super::pagination::paginate;
use super::service_plan::failure_threshold;
use super::service_targets::ELB_UNHEALTHY_REASON;
use super::{put_json, txn, validate_tags, App};
use crate::error::{Error, Result};
use crate::model::{keys, now, DeploymentRecord, IdempotencyRecord, ServiceRecord};
use crate::state::{Snapshot, TaskEntry};

/// How many finished deployments a service keeps for ListServiceDeployments.
const DEPLOYMENT_HISTORY: usize = 20;

impl App {
    pub async fn create_service(&self, req: CreateServiceRequest) -> Result<CreateServiceResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        validate_service_name(&req.service_name)?;
        refuse_unsupported(&service_members!(req))?;
        if let Some(token) = &req.client_token {
            if token.is_empty() || token.len() > 36 {
                return Err(Error::invalid("clientToken must be 1-36 characters."));
            }
        }
        let strategy = req
            .scheduling_strategy
            .unwrap_or(SchedulingStrategy::Replica);
        let daemon = strategy == SchedulingStrategy::Daemon;
        let desired_count = match (daemon, req.desired_count) {
            (false, None) => {
                return Err(Error::invalid(
                    "desiredCount is required for a service with the REPLICA scheduling strategy.",
                ))
            }
            (true, Some(_)) => {
                return Err(Error::invalid(
                    "desiredCount cannot be specified for a service with the DAEMON scheduling strategy.",
                ))
            }
            (false, Some(count)) if count < 0 => {
                return Err(Error::invalid("desiredCount must be 0 or more."))
            }
            (_, count) => count.unwrap_or(0),
        };
        let strategies = req.placement_strategy.clone().unwrap_or_default();
        let constraints = req.placement_constraints.clone().unwrap_or_default();
        if daemon && !strategies.is_empty() {
            return Err(Error::invalid(
                "Placement strategies are not supported with a DAEMON scheduling strategy.",
            ));
        }
        validate_placement(&strategies, &constraints)?;
        let (minimum, maximum, breaker) =
            deployment_settings(req.deployment_configuration.as_ref(), None, daemon)?;
        let grace = req.health_check_grace_period_seconds.unwrap_or(0);
        if grace < 0 {
            return Err(Error::invalid(
                "healthCheckGracePeriodSeconds must be 0 or more.",
            ));
        }
        let tags = req.tags.clone().unwrap_or_default();
        validate_tags(&tags)?;
        let capacity = super::fargate::resolve_capacity(
            req.launch_type,
            req.capacity_provider_strategy.as_deref(),
            req.platform_version.as_deref(),
        )?;
        let launch_type = capacity.launch_type;
        if capacity.is_fargate() {
            if daemon {
                return Err(Error::invalid(
                    "The DAEMON scheduling strategy is not supported with the Fargate launch type. Use REPLICA.",
                ));
            }
            super::tasks::refuse_fargate_placement(&constraints, &strategies)?;
        }
        let Some(task_definition) = req.task_definition.as_deref() else {
            return Err(Error::invalid(
                "taskDefinition is required for a service with the ECS deployment controller.",
            ));
        };
        // Resolve and check the definition as a launch would, so that a service that can
        // never start a task is refused now rather than failing in the background.
        let spec = self.launch_spec(
            cluster.clone(),
            task_definition,
            launch_type,
            None,
            None,
            None,
            None,
            None,
            false,
        )?;
        let network =
            self.awsvpc_request(spec.network_mode(), req.network_configuration.as_ref())?;
        let load_balancers = self.check_load_balancers(
            req.load_balancers.as_deref().unwrap_or_default(),
            &spec.definition.definition,
        )?;
        let role_arn =
            self.check_service_role(req.role.as_deref(), &load_balancers, spec.network_mode())?;
        let definition_arn = spec
            .definition
            .definition
            .task_definition_arn
            .clone()
            .unwrap_or_default();

        let idempotency = match &req.client_token {
            Some(token) => {
                let body = serde_json::to_vec(&req).map_err(|e| Error::Internal(e.into()))?;
                Some((
                    keys::idempotency("CreateService", &cluster, token),
                    hex::encode(Sha256::digest(body)),
                ))
            }
            None => None,
        };
        if let Some((key, hash)) = &idempotency {
            if let Some(answer) = self.idempotent_answer::<Service>(key, hash).await? {
                return Ok(CreateServiceResponse {
                    service: Some(answer),
                });
            }
        }

        let key = keys::service(&cluster, &req.service_name);
        let existing = self.store.get(&key).await?;
        let compare = match &existing {
            None => Compare::Absent { key: key.clone() },
            Some(kv) => {
                let record: ServiceRecord =
                    serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
                if record.status != "INACTIVE" {
                    // A DeleteCluster that landed first answers as for an inactive cluster.
                    return Err(match self.create_conflict(&cluster).await {
                        Error::Conflict => {
                            Error::invalid("Creation of service was not idempotent.")
                        }
                        other => other,
                    });
                }
                Compare::ModRevision {
                    key: key.clone(),
                    revision: kv.mod_revision,
                }
            }
        };
        let created_at = now();
        let mut deployment = new_deployment(
            definition_arn,
            minimum,
            maximum,
            breaker.clone(),
            created_at,
        );
        deployment.load_balancers = load_balancers;
        let record = ServiceRecord {
            name: req.service_name.clone(),
            arn: self.config.scope.service(&cluster, &req.service_name),
            cluster: cluster.clone(),
            status: "ACTIVE".into(),
            desired_count,
            launch_type,
            scheduling_strategy: strategy,
            minimum_healthy_percent: minimum,
            maximum_percent: maximum,
            circuit_breaker: breaker,
            placement_constraints: constraints,
            placement_strategy: strategies,
            health_check_grace_period_seconds: grace,
            propagate_tags: req.propagate_tags,
            enable_ecs_managed_tags: req.enable_ecs_managed_tags.unwrap_or(false),
            tags,
            created_at,
            created_by: Some(format!("arn:aws:iam::{}:root", self.config.scope.account)),
            deployments: vec![deployment],
            steady: false,
            enable_execute_command: req.enable_execute_command.unwrap_or(false),
            network,
            role_arn,
            capacity_provider_strategy: capacity.strategy,
            platform_version: capacity.platform_version,
        };
        let mut compares = vec![compare];
        let mut ops = vec![
            put_json(key, &record)?,
            // A re-created service starts with no events from its earlier life.
            berth_store::Op::Delete {
                key: keys::service_events(&cluster, &record.name),
            },
        ];
        let rendered = {
            let view = self.view.read();
            // The cluster must still be ACTIVE when the service lands (see `clusters.rs`).
            let (fence_compares, fence_ops) = self.cluster_create_fence(&view, &cluster)?;
            compares.extend(fence_compares);
            ops.extend(fence_ops);
            self.render_service(&view, &record, true)
        };
        if let Some((key, hash)) = &idempotency {
            compares.push(Compare::Absent { key: key.clone() });
            ops.push(put_json(
                key.clone(),
                &IdempotencyRecord {
                    request_hash: hash.clone(),
                    response: serde_json::to_value(&rendered)
                        .map_err(|e| Error::Internal(e.into()))?,
                    created_at,
                },
            )?);
        }
        match self.commit(txn(compares, ops)).await {
            Ok(_) => {}
            Err(Error::Conflict) => {
                if let Some((key, hash)) = &idempotency {
                    if let Some(answer) = self.idempotent_answer::<Service>(key, hash).await? {
                        return Ok(CreateServiceResponse {
                            service: Some(answer),
                        });
                    }
                }
                return Err(Error::invalid("Creation of service was not idempotent."));
            }
            Err(err) => return Err(err),
        }
        let view = self.view.read();
        Ok(CreateServiceResponse {
            service: Some(self.render_service(&view, &record, true)),
        })
    }

    pub async fn update_service(&self, req: UpdateServiceRequest) -> Result<UpdateServiceResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let name = self.service_in(&cluster, &req.service)?;
        refuse_unsupported(&service_members!(req))?;
        if let Some(strategies) = &req.placement_strategy {
            validate_placement(strategies, &[])?;
        }
        if let Some(constraints) = &req.placement_constraints {
            validate_placement(&[], constraints)?;
        }
        if req.health_check_grace_period_seconds.is_some_and(|g| g < 0) {
            return Err(Error::invalid(
                "healthCheckGracePeriodSeconds must be 0 or more.",
            ));
        }
        let record = self
            .modify_active_service(&cluster, &name, |record| {
                self.apply_update(&cluster, &req, record)
            })
            .await?;
        let view = self.view.read();
        Ok(UpdateServiceResponse {
            service: Some(self.render_service(&view, &record, false)),
        })
    }

    /// UpdateService's changes to an ACTIVE service: settings, and a new deployment when
    /// the task definition changes or one is forced.
    fn apply_update(
        &self,
        cluster: &str,
        req: &UpdateServiceRequest,
        record: &mut ServiceRecord,
    ) -> Result<()> {
        let daemon = record.is_daemon();
        if let Some(count) = req.desired_count {
            if daemon {
                return Err(Error::invalid(
                    "desiredCount cannot be specified for a service with the DAEMON scheduling strategy.",
                ));
            }
            if count < 0 {
                return Err(Error::invalid("desiredCount must be 0 or more."));
            }
            record.desired_count = count;
        }
        if daemon
            && req
                .placement_strategy
                .as_ref()
                .is_some_and(|s| !s.is_empty())
        {
            return Err(Error::invalid(
                "Placement strategies are not supported with a DAEMON scheduling strategy.",
            ));
        }
        let (minimum, maximum, breaker) =
            deployment_settings(req.deployment_configuration.as_ref(), Some(record), daemon)?;
        record.minimum_healthy_percent = minimum;
        record.maximum_percent = maximum;
        record.circuit_breaker = breaker.clone();
        if let Some(strategies) = &req.placement_strategy {
            record.placement_strategy = strategies.clone();
        }
        if let Some(constraints) = &req.placement_constraints {
            record.placement_constraints = constraints.clone();
        }
        if let Some(grace) = req.health_check_grace_period_seconds {
            record.health_check_grace_period_seconds = grace;
        }
        if let Some(propagate) = req.propagate_tags {
            record.propagate_tags = Some(propagate);
        }
        if let Some(managed) = req.enable_ecs_managed_tags {
            record.enable_ecs_managed_tags = managed;
        }
        // As in ECS, the tasks already running keep theirs; new tasks (a forced deployment,
        // replacements, scaling) take the new value.
        if let Some(exec) = req.enable_execute_command {
            record.enable_execute_command = exec;
        }
        self.update_capacity(req, record)?;
        let current = record
            .primary()
            .map(|d| d.task_definition_arn.clone())
            .unwrap_or_default();
        let (wanted, wanted_mode) = match &req.task_definition {
            Some(reference) => {
                let spec = self.launch_spec(
                    cluster.to_owned(),
                    reference,
                    record.launch_type,
                    None,
                    None,
                    None,
                    None,
                    None,
                    false,
                )?;
                let arn = spec
                    .definition
                    .definition
                    .task_definition_arn
                    .clone()
                    .unwrap_or_default();
                (arn, Some(spec.network_mode()))
            }
            None => (current.clone(), None),
        };
        // The network configuration must fit the definition the service will run: a new
        // one replaces the old (and starts a deployment, as in ECS); without one, the
        // current one is checked against a new definition's network mode.
        let network_changed = match (&req.network_configuration, wanted_mode) {
            (Some(given), mode) => {
                let mode = match mode {
                    Some(mode) => mode,
                    None => self
                        .find_task_definition(&current)?
                        .definition
                        .network_mode
                        .unwrap_or(ecs::NetworkMode::Bridge),
                };
                let network = self.awsvpc_request(mode, Some(given))?;
                let changed = network != record.network;
                record.network = network;
                changed
            }
            (None, Some(mode)) => {
                if mode == ecs::NetworkMode::Awsvpc && record.network.is_none() {
                    self.awsvpc_request(mode, None)?;
                }
                if mode != ecs::NetworkMode::Awsvpc {
                    record.network = None;
                }
                false
            }
            (None, None) => false,
        };
        // The target groups: the request's, or the current ones checked again against a
        // new task definition. A change starts a deployment, as in ECS.
        let current_load_balancers = record
            .primary()
            .map(|d| d.load_balancers.clone())
            .unwrap_or_default();
        let given = match &req.load_balancers {
            Some(given) => Some(given.as_slice()),
            None if wanted != current && !current_load_balancers.is_empty() => {
                Some(current_load_balancers.as_slice())
            }
            None => None,
        };
        let load_balancers = match given {
            Some(given) => {
                self.check_load_balancers(given, &self.find_task_definition(&wanted)?.definition)?
            }
            None => current_load_balancers.clone(),
        };
        let load_balancers_changed = load_balancers != current_load_balancers;
        if wanted != current
            || network_changed
            || load_balancers_changed
            || req.force_new_deployment == Some(true)
        {
            let at = now();
            let mut deployment = new_deployment(wanted, minimum, maximum, breaker, at);
            deployment.load_balancers = load_balancers;
            start_deployment(record, deployment, at);
        } else if let Some(primary) = record.deployments.first_mut() {
            // A new configuration applies to the running deployment too.
            primary.minimum_healthy_percent = minimum;
            primary.maximum_percent = maximum;
            primary.circuit_breaker = record.circuit_breaker.clone();
        }
        Ok(())
    }

    pub async fn delete_service(&self, req: DeleteServiceRequest) -> Result<DeleteServiceResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let name = self.service_in(&cluster, &req.service)?;
        let record = self
            .modify_active_service(&cluster, &name, |record| {
                if !record.is_daemon() && record.desired_count > 0 && req.force != Some(true) {
                    return Err(Error::invalid(
                        "The service cannot be stopped while it is scaled above 0. Set desiredCount to 0 first, or delete with force.",
                    ));
                }
                record.status = "DRAINING".into();
                record.desired_count = 0;
                Ok(())
            })
            .await?;
        let view = self.view.read();
        Ok(DeleteServiceResponse {
            service: Some(self.render_service(&view, &record, false)),
        })
    }

    /// Reads an ACTIVE service, changes it with `change`, and writes it back guarded by its
    /// revision, retrying a lost race with a fresh read. `change` may refuse.
    async fn modify_active_service(
        &self,
        cluster: &str,
        name: &str,
        mut change: impl FnMut(&mut ServiceRecord) -> Result<()>,
    ) -> Result<ServiceRecord> {
        let key = keys::service(cluster, name);
        for _ in 0..5 {
            let Some(kv) = self.store.get(&key).await? else {
                return Err(Error::ServiceNotFound);
            };
            let mut record: ServiceRecord =
                serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
            if record.status != "ACTIVE" {
                return Err(Error::ServiceNotActive);
            }
            change(&mut record)?;
            let txn = txn(
                vec![Compare::ModRevision {
                    key: key.clone(),
                    revision: kv.mod_revision,
                }],
                vec![put_json(key.clone(), &record)?],
            );
            match self.commit(txn).await {
                Ok(_) => return Ok(record),
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }

    pub async fn describe_services(
        &self,
        req: DescribeServicesRequest,
    ) -> Result<DescribeServicesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.services.is_empty() || req.services.len() > 10 {
            return Err(Error::invalid(
                "services must list between 1 and 10 services.",
            ));
        }
        let include_tags = req
            .include
            .as_ref()
            .is_some_and(|i| i.contains(&ServiceField::Tags));
        let view = self.view.read();
        let mut services = Vec::new();
        let mut failures = Vec::new();
        for given in &req.services {
            let found = self
                .config
                .scope
                .service_name(given)
                .ok()
                .filter(|(c, _)| c.as_ref().is_none_or(|c| c == &cluster))
                .and_then(|(_, name)| view.service(&cluster, &name));
            match found {
                Some(record) => services.push(self.render_service(&view, record, include_tags)),
                None => failures.push(Failure {
                    arn: Some(if given.starts_with("arn:") {
                        given.clone()
                    } else {
                        self.config.scope.service(&cluster, given)
                    }),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        Ok(DescribeServicesResponse {
            services: Some(services),
            failures: Some(failures),
        })
    }

    pub async fn list_services(&self, req: ListServicesRequest) -> Result<ListServicesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let view = self.view.read();
        let items = view
            .services
            .range((cluster.clone(), String::new())..)
            .take_while(|((c, _), _)| c == &cluster)
            .map(|(_, (record, _))| record)
            .filter(|record| record.status != "INACTIVE")
            .filter(|record| req.launch_type.is_none_or(|l| l == record.launch_type))
            .filter(|record| {
                req.scheduling_strategy
                    .is_none_or(|s| s == record.scheduling_strategy)
            })
            .map(|record| (record.name.clone(), record.arn.clone()));
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 10, 100)?;
        Ok(ListServicesResponse {
            service_arns: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn list_service_deployments(
        &self,
        req: ListServiceDeploymentsRequest,
    ) -> Result<ListServiceDeploymentsResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let name = self.service_in(&cluster, &req.service)?;
        let view = self.view.read();
        let record = view
            .service(&cluster, &name)
            .ok_or(Error::ServiceNotFound)?;
        let statuses = req.status.clone().unwrap_or_default();
        let created = req.created_at.clone().unwrap_or_default();
        let items: Vec<(String, ServiceDeploymentBrief)> = record
            .deployments
            .iter()
            .map(|d| self.render_service_deployment(&view, record, d))
            .filter(|d| statuses.is_empty() || d.status.is_some_and(|s| statuses.contains(&s)))
            .filter(|d| {
                let at = d.created_at.unwrap_or_default();
                created.after.is_none_or(|after| at >= after)
                    && created.before.is_none_or(|before| at <= before)
            })
            .enumerate()
            .map(|(i, d)| {
                (
                    format!("{i:06}"),
                    ServiceDeploymentBrief {
                        service_deployment_arn: d.service_deployment_arn,
                        service_arn: d.service_arn,
                        cluster_arn: d.cluster_arn,
                        started_at: d.started_at,
                        created_at: d.created_at,
                        finished_at: d.finished_at,
                        target_service_revision_arn: d.target_service_revision.and_then(|r| r.arn),
                        status: d.status,
                        status_reason: d.status_reason,
                    },
                )
            })
            .collect();
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 20, 100)?;
        Ok(ListServiceDeploymentsResponse {
            service_deployments: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn describe_service_deployments(
        &self,
        req: DescribeServiceDeploymentsRequest,
    ) -> Result<DescribeServiceDeploymentsResponse> {
        if req.service_deployment_arns.is_empty() || req.service_deployment_arns.len() > 20 {
            return Err(Error::invalid(
                "serviceDeploymentArns must list between 1 and 20 ARNs.",
            ));
        }
        let view = self.view.read();
        let mut found = Vec::new();
        let mut failures = Vec::new();
        for arn in &req.service_deployment_arns {
            let parsed = match self.config.scope.parse(arn) {
                Ok(("service-deployment", rest)) => {
                    let parts: Vec<&str> = rest.split('/').collect();
                    match parts.as_slice() {
                        [cluster, service, id] => Some((*cluster, *service, *id)),
                        _ => None,
                    }
                }
                Ok(_) => None,
                Err(_) => None,
            };
            let Some((cluster, service, id)) = parsed else {
                return Err(Error::invalid(format!(
                    "{arn} is not a service deployment ARN."
                )));
            };
            let deployment = view.service(cluster, service).and_then(|record| {
                record
                    .deployments
                    .iter()
                    .find(|d| d.number() == id)
                    .map(|d| self.render_service_deployment(&view, record, d))
            });
            match deployment {
                Some(d) => found.push(d),
                None => failures.push(Failure {
                    arn: Some(arn.clone()),
                    reason: Some("MISSING".into()),
                    detail: Some("The service deployment does not exist.".into()),
                }),
            }
        }
        Ok(DescribeServiceDeploymentsResponse {
            service_deployments: Some(found),
            failures: Some(failures),
        })
    }

    /// The name of a service given by name or ARN, checking an ARN's cluster.
    fn service_in(&self, cluster: &str, given: &str) -> Result<String> {
        let (arn_cluster, name) = self.config.scope.service_name(given)?;
        if arn_cluster.is_some_and(|c| c != cluster) {
            return Err(Error::ServiceNotFound);
        }
        let view = self.view.read();
        if view.service(cluster, &name).is_none() {
            return Err(Error::ServiceNotFound);
        }
        Ok(name)
    }

    /// A service's task counts; a DAEMON's desired count is the number of instances it
    /// should run on.
    pub(crate) fn service_counts(&self, view: &Snapshot, record: &ServiceRecord) -> ServiceCounts {
        let mut counts = ServiceCounts::of(view, record);
        if record.is_daemon() {
            counts.desired = if record.status == "ACTIVE" {
                self.daemon_instances(view, record).0.len() as i32
            } else {
                0
            };
        }
        counts
    }

    /// A service as DescribeServices shows it: intent plus counts from its tasks.
    pub(crate) fn render_service(
        &self,
        view: &Snapshot,
        record: &ServiceRecord,
        include_tags: bool,
    ) -> Service {
        let counts = self.service_counts(view, record);
        let shown = super::fargate::shown_capacity(record);
        let deployments = record
            .deployments
            .iter()
            .filter(|d| d.status != "INACTIVE")
            .map(|d| {
                let (running, pending) = counts.of_deployment(&d.id);
                let primary = d.status == "PRIMARY";
                Deployment {
                    id: Some(d.id.clone()),
                    status: Some(d.status.clone()),
                    task_definition: Some(d.task_definition_arn.clone()),
                    desired_count: Some(if primary {
                        counts.desired
                    } else {
                        running + pending
                    }),
                    pending_count: Some(pending),
                    running_count: Some(running),
                    failed_tasks: Some(counts.failed_of_deployment(&d.id)),
                    created_at: Some(d.created_at),
                    updated_at: Some(d.updated_at),
                    launch_type: shown.launch_type,
                    capacity_provider_strategy: shown.capacity_provider_strategy.clone(),
                    platform_version: shown.platform_version.clone(),
                    platform_family: shown.platform_family.clone(),
                    rollout_state: Some(d.rollout_state),
                    rollout_state_reason: Some(d.rollout_state_reason.clone()),
                    ..Deployment::default()
                }
            })
            .collect();
        let events = view
            .service_events
            .get(&(record.cluster.clone(), record.name.clone()))
            .map(|e| {
                e.events
                    .iter()
                    .map(|e| ServiceEvent {
                        id: Some(e.id.clone()),
                        created_at: Some(e.created_at),
                        message: Some(e.message.clone()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Service {
            service_arn: Some(record.arn.clone()),
            service_name: Some(record.name.clone()),
            cluster_arn: Some(self.config.scope.cluster(&record.cluster)),
            load_balancers: Some(
                record
                    .primary()
                    .map(|d| d.load_balancers.clone())
                    .unwrap_or_default(),
            ),
            role_arn: record.role_arn.clone(),
            service_registries: Some(Vec::new()),
            status: Some(record.status.clone()),
            desired_count: Some(counts.desired),
            running_count: Some(counts.running),
            pending_count: Some(counts.pending),
            launch_type: shown.launch_type,
            capacity_provider_strategy: shown.capacity_provider_strategy,
            platform_version: shown.platform_version,
            platform_family: shown.platform_family,
            task_definition: record.primary().map(|d| d.task_definition_arn.clone()),
            deployment_configuration: Some(DeploymentConfiguration {
                deployment_circuit_breaker: record.circuit_breaker.clone(),
                maximum_percent: Some(record.maximum_percent),
                minimum_healthy_percent: Some(record.minimum_healthy_percent),
                ..DeploymentConfiguration::default()
            }),
            deployments: Some(deployments),
            events: Some(events),
            created_at: Some(record.created_at),
            current_service_deployment: record.primary().map(|d| {
                self.config
                    .scope
                    .service_deployment(&record.cluster, &record.name, d.number())
            }),
            placement_constraints: Some(record.placement_constraints.clone()),
            placement_strategy: Some(record.placement_strategy.clone()),
            health_check_grace_period_seconds: Some(record.health_check_grace_period_seconds),
            scheduling_strategy: Some(record.scheduling_strategy),
            deployment_controller: Some(DeploymentController {
                type_: DeploymentControllerType::Ecs,
            }),
            tags: include_tags.then(|| record.tags.clone()),
            created_by: record.created_by.clone(),
            enable_ecs_managed_tags: Some(record.enable_ecs_managed_tags),
            propagate_tags: Some(record.propagate_tags.unwrap_or(PropagateTags::None)),
            enable_execute_command: Some(record.enable_execute_command),
            // berth refuses ENABLED and never rebalances across zones.
            availability_zone_rebalancing: Some(ecs::AvailabilityZoneRebalancing::Disabled),
            ..Service::default()
        }
    }

    fn render_service_deployment(
        &self,
        view: &Snapshot,
        record: &ServiceRecord,
        deployment: &DeploymentRecord,
    ) -> ServiceDeployment {
        let counts = self.service_counts(view, record);
        let scope = &self.config.scope;
        let revision = |d: &DeploymentRecord| {
            let (running, pending) = counts.of_deployment(&d.id);
            ServiceRevisionSummary {
                arn: Some(scope.service_revision(&record.cluster, &record.name, d.number())),
                requested_task_count: Some(if d.status == "PRIMARY" {
                    counts.desired
                } else {
                    running + pending
                }),
                running_task_count: Some(running),
                pending_task_count: Some(pending),
                ..ServiceRevisionSummary::default()
            }
        };
        let sources = record
            .deployments
            .iter()
            .filter(|d| d.created_at < deployment.created_at && d.status != "INACTIVE")
            .map(revision)
            .collect();
        let rolled_back = deployment.rolled_back_to.as_ref();
        let status = match deployment.rollout_state {
            DeploymentRolloutState::InProgress if deployment.status == "PRIMARY" => {
                if deployment.rollback_of.is_some() {
                    ServiceDeploymentStatus::RollbackInProgress
                } else {
                    ServiceDeploymentStatus::InProgress
                }
            }
            // Superseded by a newer deployment before it finished.
            DeploymentRolloutState::InProgress => ServiceDeploymentStatus::Stopped,
            DeploymentRolloutState::Completed => {
                if deployment.rollback_of.is_some() {
                    ServiceDeploymentStatus::RollbackSuccessful
                } else {
                    ServiceDeploymentStatus::Successful
                }
            }
            DeploymentRolloutState::Failed => match rolled_back {
                Some(_) => ServiceDeploymentStatus::RollbackRequested,
                None => ServiceDeploymentStatus::Stopped,
            },
        };
        let breaker = deployment.circuit_breaker.as_ref().filter(|b| b.enable);
        let threshold = failure_threshold(counts.desired.max(0) as usize) as i32;
        ServiceDeployment {
            service_deployment_arn: Some(scope.service_deployment(
                &record.cluster,
                &record.name,
                deployment.number(),
            )),
            service_arn: Some(record.arn.clone()),
            cluster_arn: Some(scope.cluster(&record.cluster)),
            created_at: Some(deployment.created_at),
            started_at: Some(deployment.created_at),
            finished_at: deployment.finished_at,
            updated_at: Some(deployment.updated_at),
            source_service_revisions: Some(sources),
            target_service_revision: Some(revision(deployment)),
            status: Some(status),
            status_reason: Some(deployment.rollout_state_reason.clone()),
            deployment_configuration: Some(DeploymentConfiguration {
                deployment_circuit_breaker: deployment.circuit_breaker.clone(),
                maximum_percent: Some(deployment.maximum_percent),
                minimum_healthy_percent: Some(deployment.minimum_healthy_percent),
                ..DeploymentConfiguration::default()
            }),
            rollback: rolled_back.and_then(|to| {
                let target = record.deployments.iter().find(|d| &d.id == to)?;
                Some(Rollback {
                    reason: Some(deployment.rollout_state_reason.clone()),
                    started_at: Some(target.created_at),
                    service_revision_arn: Some(scope.service_revision(
                        &record.cluster,
                        &record.name,
                        target.number(),
                    )),
                })
            }),
            deployment_circuit_breaker: Some(ServiceDeploymentCircuitBreaker {
                status: Some(match (breaker, deployment.rollout_state) {
                    (None, _) => ServiceDeploymentRollbackMonitorsStatus::Disabled,
                    (Some(_), DeploymentRolloutState::Failed) => {
                        ServiceDeploymentRollbackMonitorsStatus::Triggered
                    }
                    (Some(_), DeploymentRolloutState::Completed) => {
                        ServiceDeploymentRollbackMonitorsStatus::MonitoringComplete
                    }
                    (Some(_), DeploymentRolloutState::InProgress) => {
                        ServiceDeploymentRollbackMonitorsStatus::Monitoring
                    }
                }),
                failure_count: Some(counts.failed_of_deployment(&deployment.id)),
                threshold: Some(threshold),
            }),
            ..ServiceDeployment::default()
        }
    }
}

/// Running, pending and failed task counts of a service, by deployment.
pub(crate) struct ServiceCounts {
    pub desired: i32,
    pub running: i32,
    pub pending: i32,
    /// (deployment, running, pending, failed)
    by_deployment: Vec<(String, i32, i32, i32)>,
}

impl ServiceCounts {
    pub(crate) fn of(view: &Snapshot, record: &ServiceRecord) -> Self {
        let mut counts = ServiceCounts {
            desired: record.desired_count,
            running: 0,
            pending: 0,
            by_deployment: Vec::new(),
        };
        for entry in view.service_tasks(&record.cluster, &record.name) {
            let Some(task) = &entry.intent else { continue };
            let deployment = task.started_by.clone().unwrap_or_default();
            let at = match counts
                .by_deployment
                .iter()
                .position(|(d, ..)| d == &deployment)
            {
                Some(at) => at,
                None => {
                    counts.by_deployment.push((deployment, 0, 0, 0));
                    counts.by_deployment.len() - 1
                }
            };
            let slot = &mut counts.by_deployment[at];
            if entry.is_stopped() {
                if failed_on_its_own(entry) {
                    slot.3 += 1;
                }
                continue;
            }
            match entry.last_status() {
                // A task whose targets drain before it stops (DEACTIVATING) is no longer
                // counted as running.
                "RUNNING" if task.deactivating => {}
                "RUNNING" => {
                    slot.1 += 1;
                    counts.running += 1;
                }
                "PROVISIONING" | "PENDING" | "ACTIVATING" => {
                    slot.2 += 1;
                    counts.pending += 1;
                }
                _ => {}
            }
        }
        counts
    }

    pub(crate) fn of_deployment(&self, id: &str) -> (i32, i32) {
        self.by_deployment
            .iter()
            .find(|(d, ..)| d == id)
            .map_or((0, 0), |(_, r, p, _)| (*r, *p))
    }

    pub(crate) fn failed_of_deployment(&self, id: &str) -> i32 {
        self.by_deployment
            .iter()
            .find(|(d, ..)| d == id)
            .map_or(0, |(.., f)| *f)
    }
}

/// Whether a STOPPED task stopped without anyone asking (its container exited or it
/// failed to start), or because it failed its (container or ELB) health checks: the failures the circuit
/// breaker and the launch backoff count.
pub(crate) fn failed_on_its_own(entry: &TaskEntry) -> bool {
    let Some(task) = &entry.intent else {
        return false;
    };
    match task.desired_status {
        berth_api::protocol::DesiredStatus::Running => true,
        // The agent's STOPPED report of a task that stopped by itself turns its intent
        // to STOPPED without a stop code (`agents.rs`); every stop that was asked for
        // (StopTask, the service scheduler, host loss) carries one.
        berth_api::protocol::DesiredStatus::Stopped => {
            task.stop_code.is_none()
                || task.stopped_reason.as_deref().is_some_and(|r| {
                    r.starts_with(UNHEALTHY_REASON) || r.starts_with(ELB_UNHEALTHY_REASON)
                })
        }
    }
}

/// The stop reason of a task the service scheduler stopped for failed health checks.
pub(crate) const UNHEALTHY_REASON: &str = "Task failed container health checks";

/// A new PRIMARY deployment, IN_PROGRESS.
pub(crate) fn new_deployment(
    task_definition_arn: String,
    minimum_healthy_percent: i32,
    maximum_percent: i32,
    circuit_breaker: Option<DeploymentCircuitBreaker>,
    at: f64,
) -> DeploymentRecord {
    let number: u64 =
        rand::thread_rng().gen_range(1_000_000_000_000_000_000..10_000_000_000_000_000_000);
    let id = format!("ecs-svc/{number}");
    DeploymentRecord {
        rollout_state_reason: format!("ECS deployment {id} in progress."),
        id,
        status: "PRIMARY".into(),
        task_definition_arn,
        rollout_state: DeploymentRolloutState::InProgress,
        created_at: at,
        updated_at: at,
        finished_at: None,
        rolled_back_to: None,
        rollback_of: None,
        minimum_healthy_percent,
        maximum_percent,
        circuit_breaker,
        load_balancers: Vec::new(),
    }
}

/// Makes `deployment` the PRIMARY one; the former primary drains as ACTIVE. Keeps a
/// bounded history of INACTIVE deployments.
pub(crate) fn start_deployment(record: &mut ServiceRecord, deployment: DeploymentRecord, at: f64) {
    for old in &mut record.deployments {
        if old.status == "PRIMARY" {
            old.status = "ACTIVE".into();
            old.updated_at = at;
        }
    }
    record.deployments.insert(0, deployment);
    record.steady = false;
    let mut inactive = 0;
    record.deployments.retain(|d| {
        if d.status != "INACTIVE" {
            return true;
        }
        inactive += 1;
        inactive <= DEPLOYMENT_HISTORY
    });
}

/// The deployment configuration to use: the request's, falling back to the service's
/// current one, then to ECS's defaults (100/200 for REPLICA, 0/100 for DAEMON).
fn deployment_settings(
    given: Option<&DeploymentConfiguration>,
    current: Option<&ServiceRecord>,
    daemon: bool,
) -> Result<(i32, i32, Option<DeploymentCircuitBreaker>)> {
    let (default_min, default_max) = if daemon { (0, 100) } else { (100, 200) };
    let minimum = given
        .and_then(|c| c.minimum_healthy_percent)
        .or(current.map(|s| s.minimum_healthy_percent))
        .unwrap_or(default_min);
    let maximum = given
        .and_then(|c| c.maximum_percent)
        .or(current.map(|s| s.maximum_percent))
        .unwrap_or(default_max);
    let breaker = given
        .and_then(|c| c.deployment_circuit_breaker.clone())
        .or_else(|| current.and_then(|s| s.circuit_breaker.clone()));
    if let Some(config) = given {
        refuse_unsupported_deployment(config)?;
    }
    if !(0..=100).contains(&minimum) {
        return Err(Error::invalid(format!(
            "minimumHealthyPercent must be between 0 and 100; {minimum} was given."
        )));
    }
    if !(100..=2000).contains(&maximum) {
        return Err(Error::invalid(format!(
            "maximumPercent must be between 100 and 2000; {maximum} was given."
        )));
    }
    if daemon && maximum != 100 {
        return Err(Error::invalid(
            "maximumPercent must be 100 for a service with the DAEMON scheduling strategy.",
        ));
    }
    if !daemon && minimum == 100 && maximum == 100 {
        return Err(Error::invalid(
            "With minimumHealthyPercent 100 and maximumPercent 100 a deployment could never replace a task. Lower the minimum or raise the maximum.",
        ));
    }
    Ok((minimum, maximum, breaker))
}

fn validate_service_name(name: &str) -> Result<()> {
    if name.is_empty()
        || name.len() > 255
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Error::invalid(
            "serviceName must be 1-255 letters (uppercase and lowercase), numbers, underscores, and hyphens.",
        ));
    }
    Ok(())
}

fn non_empty<T>(value: &Option<Vec<T>>) -> bool {
    value.as_ref().is_some_and(|v| !v.is_empty())
}

/// The members of CreateService and UpdateService that berth refuses (see
/// `crate::fields`).
struct ServiceMembers<'a> {
    service_registries: bool,
    volume_configurations: bool,
    vpc_lattice_configurations: bool,
    service_connect: Option<&'a ecs::ServiceConnectConfiguration>,
    availability_zone_rebalancing: Option<ecs::AvailabilityZoneRebalancing>,
    deployment_controller: Option<&'a DeploymentController>,
}

/// A CreateService or UpdateService request's [`ServiceMembers`]: the two share these
/// members' names.
macro_rules! service_members {
    ($req:expr) => {
        ServiceMembers {
            service_registries: non_empty(&$req.service_registries),
            volume_configurations: non_empty(&$req.volume_configurations),
            vpc_lattice_configurations: non_empty(&$req.vpc_lattice_configurations),
            service_connect: $req.service_connect_configuration.as_ref(),
            availability_zone_rebalancing: $req.availability_zone_rebalancing,
            deployment_controller: $req.deployment_controller.as_ref(),
        }
    };
}
use service_members;

/// Refuses what berth would otherwise accept and ignore, before anything is written.
fn refuse_unsupported(m: &ServiceMembers<'_>) -> Result<()> {
    let lists = [
        (
            m.service_registries,
            "serviceRegistries",
            "it has no Cloud Map service discovery",
        ),
        (
            m.volume_configurations,
            "volumeConfigurations",
            "it has no Amazon EBS volumes",
        ),
        (
            m.vpc_lattice_configurations,
            "vpcLatticeConfigurations",
            "it has no VPC Lattice",
        ),
    ];
    if let Some((_, field, why)) = lists.iter().find(|(given, ..)| *given) {
        return Err(Error::invalid(format!(
            "'{field}' is not supported by berth: {why}. Remove it."
        )));
    }
    if let Some(connect) = m.service_connect {
        let inert = !connect.enabled
            && connect.namespace.is_none()
            && connect.services.as_ref().is_none_or(|s| s.is_empty())
            && connect.log_configuration.is_none()
            && connect.access_log_configuration.is_none();
        if !inert {
            return Err(Error::invalid(
                "'serviceConnectConfiguration' is not supported by berth: Service Connect needs a proxy and Cloud Map, which it does not have. Remove it (only enabled false with nothing else is accepted).",
            ));
        }
    }
    if m.availability_zone_rebalancing == Some(ecs::AvailabilityZoneRebalancing::Enabled) {
        return Err(Error::invalid(
            "'availabilityZoneRebalancing' ENABLED is not supported by berth: it does not move tasks between zones. Use DISABLED, and a spread placement strategy over attribute:ecs.availability-zone.",
        ));
    }
    match m.deployment_controller.map(|c| c.type_) {
        None | Some(DeploymentControllerType::Ecs) => Ok(()),
        Some(other) => Err(Error::invalid(format!(
            "'deploymentController.type' {other} is not supported by berth: only the ECS (rolling) controller is. Use ECS."
        ))),
    }
}

/// Refuses the deployment settings berth would otherwise accept and ignore.
fn refuse_unsupported_deployment(config: &DeploymentConfiguration) -> Result<()> {
    if config
        .strategy
        .is_some_and(|s| s != ecs::DeploymentStrategy::Rolling)
    {
        return Err(Error::invalid(format!(
            "'deploymentConfiguration.strategy' {} is not supported by berth: only ROLLING deployments are (the others shift load balancer traffic). Use ROLLING.",
            config.strategy.map(|s| s.as_str()).unwrap_or_default()
        )));
    }
    if let Some(alarms) = &config.alarms {
        if alarms.enable || alarms.rollback || !alarms.alarm_names.is_empty() {
            return Err(Error::invalid(
                "'deploymentConfiguration.alarms' is not supported by berth: it has no CloudWatch alarms. Remove it (only enable false, rollback false and no alarmNames is accepted).",
            ));
        }
    }
    let refused = [
        (
            config.bake_time_in_minutes.is_some(),
            "bakeTimeInMinutes",
            "only blue/green, linear and canary deployments bake",
        ),
        (
            config
                .lifecycle_hooks
                .as_ref()
                .is_some_and(|h| !h.is_empty()),
            "lifecycleHooks",
            "lifecycle hooks invoke AWS Lambda, which berth does not have",
        ),
        (
            config.linear_configuration.is_some(),
            "linearConfiguration",
            "linear deployments are not available",
        ),
        (
            config.canary_configuration.is_some(),
            "canaryConfiguration",
            "canary deployments are not available",
        ),
    ];
    if let Some((_, field, why)) = refused.iter().find(|(given, ..)| *given) {
        return Err(Error::invalid(format!(
            "'deploymentConfiguration.{field}' is not supported by berth: {why}. Remove it."
        )));
    }
    Ok(())
}

/// Checks placement strategies and constraints the way placement will parse them.
fn validate_placement(
    strategies: &[PlacementStrategy],
    constraints: &[PlacementConstraint],
) -> Result<()> {
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
    for s in strategies {
        scheduler::parse_strategy(
            s.type_.map(|t| t.as_str()).unwrap_or_default(),
            s.field.as_deref(),
        )
        .map_err(|e| Error::invalid(format!("Invalid placement strategy: {e}")))?;
    }
    for c in constraints {
        scheduler::parse_constraint(
            c.type_.map(|t| t.as_str()).unwrap_or_default(),
            c.expression.as_deref(),
        )
        .map_err(|e| Error::invalid(format!("Invalid placement constraint: {e}")))?;
    }
    Ok(())
}
