//! Task definitions: Register, Describe, Deregister, Delete, List and ListFamilies.
//!
//! Revisions are numbered per family from 1 and never reused, even after deletion: the
//! next revision is claimed with a create-if-absent compare on its key, above both the
//! revisions the view holds and the highest one ever deleted.
//!
//! DeleteTaskDefinitions moves an INACTIVE revision to DELETE_IN_PROGRESS; the
//! `task_definition_deletions` reconciler deletes it once no task that is not STOPPED and
//! no deployment of a service that is not INACTIVE uses it, as ECS does.

use berth_api::ecs::{
    Attribute, CPUArchitecture, Compatibility, ContainerDefinition, DeleteTaskDefinitionsRequest,
    DeleteTaskDefinitionsResponse, DeregisterTaskDefinitionRequest,
    DeregisterTaskDefinitionResponse, DescribeTaskDefinitionRequest,
    DescribeTaskDefinitionResponse, Failure, ListTaskDefinitionFamiliesRequest,
    ListTaskDefinitionFamiliesResponse, ListTaskDefinitionsRequest, ListTaskDefinitionsResponse,
    NetworkMode, PortMapping, RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse,
    SortOrder, TaskDefinition, TaskDefinitionFamilyStatus, TaskDefinitionField,
    TaskDefinitionStatus, TransportProtocol,
};
use berth_store::Compare;

use super::pagination::paginate;
use super::task_definition_rules::{validate_registration, ViolationKind};
use super::{put_json, txn, validate_tags, App};
use crate::error::{Error, Result};
use crate::model::{keys, now, LastRevisionRecord, TaskDefinitionRecord};

impl App {
    pub async fn register_task_definition(
        &self,
        req: RegisterTaskDefinitionRequest,
    ) -> Result<RegisterTaskDefinitionResponse> {
        validate_registration(&req).map_err(|violation| match violation.kind {
            ViolationKind::InvalidParameter => Error::InvalidParameter(violation.message),
            ViolationKind::Client => Error::Client(violation.message),
        })?;
        self.check_secret_references(&req)?;
        self.check_awslogs_region(&req)?;
        let tags = req.tags.clone().unwrap_or_default();
        validate_tags(&tags)?;
        let network_mode = req.network_mode.unwrap_or(NetworkMode::Bridge);
        let containers: Vec<ContainerDefinition> = req
            .container_definitions
            .iter()
            .map(|c| with_container_defaults(c.clone(), network_mode))
            .collect();
        // ECS lists FARGATE only for a revision that required it (and so passed the
        // Fargate rules): a copy of a Fargate definition without `requiresCompatibilities`
        // does not launch on FARGATE, with "Task definition does not support launch_type
        // FARGATE.".
        let mut compatibilities = vec![Compatibility::Ec2, Compatibility::External];
        if req
            .requires_compatibilities
            .as_ref()
            .is_some_and(|r| r.contains(&Compatibility::Fargate))
        {
            compatibilities.push(Compatibility::Fargate);
        }
        for _ in 0..10 {
            // The view first: once it no longer holds a deleted revision, the store
            // already has that revision's number as the family's last deleted one.
            let held = self.view.read().last_revision(&req.family);
            let revision = held.max(self.last_deleted_revision(&req.family).await?) + 1;
            let definition = TaskDefinition {
                task_definition_arn: Some(self.config.scope.task_definition(&req.family, revision)),
                container_definitions: Some(containers.clone()),
                family: Some(req.family.clone()),
                task_role_arn: req.task_role_arn.clone(),
                execution_role_arn: req.execution_role_arn.clone(),
                network_mode: Some(network_mode),
                revision: Some(revision),
                volumes: Some(req.volumes.clone().unwrap_or_default()),
                status: Some(TaskDefinitionStatus::Active),
                requires_attributes: Some(requires_attributes(&req)),
                placement_constraints: Some(req.placement_constraints.clone().unwrap_or_default()),
                compatibilities: Some(compatibilities.clone()),
                runtime_platform: req.runtime_platform.clone(),
                requires_compatibilities: req.requires_compatibilities.clone(),
                cpu: req.cpu.clone(),
                memory: req.memory.clone(),
                inference_accelerators: req.inference_accelerators.clone(),
                pid_mode: req.pid_mode,
                ipc_mode: req.ipc_mode,
                proxy_configuration: req.proxy_configuration.clone(),
                registered_at: Some(now()),
                registered_by: Some(format!(
                    "arn:{}:iam::{}:root",
                    self.config.scope.partition, self.config.scope.account
                )),
                ephemeral_storage: req.ephemeral_storage.clone(),
                enable_fault_injection: req.enable_fault_injection,
                ..TaskDefinition::default()
            };
            let key = keys::task_definition(&req.family, revision);
            let record = TaskDefinitionRecord {
                definition,
                tags: tags.clone(),
            };
            let txn = txn(
                vec![Compare::Absent { key: key.clone() }],
                vec![put_json(key, &record)?],
            );
            match self.commit(txn).await {
                Ok(_) => {
                    return Ok(RegisterTaskDefinitionResponse {
                        task_definition: Some(record.definition),
                        tags: Some(record.tags),
                    })
                }
                // Another registration took this revision; take the next one.
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }

    /// The highest revision of `family` ever deleted (0 if none).
    async fn last_deleted_revision(&self, family: &str) -> Result<i32> {
        let Some(kv) = self
            .store
            .get(&keys::task_definition_last_revision(family))
            .await?
        else {
            return Ok(0);
        };
        let record: LastRevisionRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        Ok(record.revision)
    }

    /// Deletes the DELETE_IN_PROGRESS revisions that nothing uses any more: no task that is
    /// not STOPPED, and no PRIMARY or ACTIVE deployment of a service that is not INACTIVE.
    /// Returns how many it deleted. Idempotent: the `task_definition_deletions` reconciler
    /// runs it after changes and on a timer.
    pub(crate) async fn finish_task_definition_deletions(&self) -> Result<usize> {
        let deletable: Vec<(String, i32)> = {
            let view = self.view.read();
            let mut pending: std::collections::HashMap<&str, (String, i32)> = view
                .task_definitions
                .iter()
                .filter(|(_, r)| r.status() == TaskDefinitionStatus::DeleteInProgress)
                .filter_map(|((family, revision), r)| {
                    let arn = r.definition.task_definition_arn.as_deref()?;
                    Some((arn, (family.clone(), *revision)))
                })
                .collect();
            if pending.is_empty() {
                return Ok(0);
            }
            for entry in view.tasks.values() {
                if let Some(task) = entry.intent.as_ref().filter(|_| !entry.is_stopped()) {
                    pending.remove(task.task_definition_arn.as_str());
                }
            }
            for (record, _) in view.services.values() {
                if record.status == "INACTIVE" {
                    continue;
                }
                for deployment in record.deployments.iter().filter(|d| d.status != "INACTIVE") {
                    pending.remove(deployment.task_definition_arn.as_str());
                }
            }
            pending.into_values().collect()
        };
        let mut deleted = 0;
        for (family, revision) in deletable {
            let last_key = keys::task_definition_last_revision(&family);
            let last = self.store.get(&last_key).await?;
            let mut ops = vec![berth_store::Op::Delete {
                key: keys::task_definition(&family, revision),
            }];
            let compare = match &last {
                Some(kv) => {
                    let record: LastRevisionRecord =
                        serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
                    if record.revision < revision {
                        ops.push(put_json(
                            last_key.clone(),
                            &LastRevisionRecord { revision },
                        )?);
                    }
                    Compare::ModRevision {
                        key: last_key,
                        revision: kv.mod_revision,
                    }
                }
                None => {
                    ops.push(put_json(
                        last_key.clone(),
                        &LastRevisionRecord { revision },
                    )?);
                    Compare::Absent { key: last_key }
                }
            };
            match self.commit(txn(vec![compare], ops)).await {
                Ok(_) => deleted += 1,
                // Another pass moved the family's last revision; the next pass retries.
                Err(Error::Conflict) => {}
                Err(err) => return Err(err),
            }
        }
        Ok(deleted)
    }

    /// Finds a task definition by `family` (latest ACTIVE), `family:revision` or ARN.
    pub(crate) fn find_task_definition(&self, reference: &str) -> Result<TaskDefinitionRecord> {
        let (family, revision) = self.config.scope.task_definition_ref(reference)?;
        let view = self.view.read();
        let found = match revision {
            Some(revision) => view
                .task_definitions
                .get(&(family.clone(), revision))
                .cloned(),
            None => view.latest_task_definition(&family, true).cloned(),
        };
        found.ok_or_else(|| {
            Error::client(format!(
                "Unable to describe task definition '{reference}': it does not exist. Register it first, or check the family and revision."
            ))
        })
    }

    pub async fn describe_task_definition(
        &self,
        req: DescribeTaskDefinitionRequest,
    ) -> Result<DescribeTaskDefinitionResponse> {
        let record = self.find_task_definition(&req.task_definition)?;
        let include_tags = req
            .include
            .as_ref()
            .is_some_and(|i| i.contains(&TaskDefinitionField::Tags));
        Ok(DescribeTaskDefinitionResponse {
            task_definition: Some(record.definition),
            tags: include_tags.then_some(record.tags),
        })
    }

    pub async fn deregister_task_definition(
        &self,
        req: DeregisterTaskDefinitionRequest,
    ) -> Result<DeregisterTaskDefinitionResponse> {
        let (family, revision) = self
            .config
            .scope
            .task_definition_ref(&req.task_definition)?;
        let Some(revision) = revision else {
            return Err(Error::client(
                "A revision is required to deregister a task definition: use family:revision or the full ARN.",
            ));
        };
        let record = self
            .transition_task_definition(&family, revision, |record| {
                if record.status() == TaskDefinitionStatus::Active {
                    record.definition.status = Some(TaskDefinitionStatus::Inactive);
                    record.definition.deregistered_at = Some(now());
                }
                Ok(())
            })
            .await?;
        Ok(DeregisterTaskDefinitionResponse {
            task_definition: Some(record.definition),
        })
    }

    pub async fn delete_task_definitions(
        &self,
        req: DeleteTaskDefinitionsRequest,
    ) -> Result<DeleteTaskDefinitionsResponse> {
        if req.task_definitions.is_empty() || req.task_definitions.len() > 10 {
            return Err(Error::invalid(
                "Between 1 and 10 task definitions can be deleted at once.",
            ));
        }
        let mut deleted = Vec::new();
        let mut failures = Vec::new();
        for reference in &req.task_definitions {
            let parsed = self.config.scope.task_definition_ref(reference);
            let (family, revision) = match parsed {
                Ok((family, Some(revision))) => (family, revision),
                _ => {
                    failures.push(failure(
                        reference,
                        "The task definition must be given as family:revision or ARN.",
                    ));
                    continue;
                }
            };
            let outcome = self
                .transition_task_definition(&family, revision, |record| {
                    match record.status() {
                        TaskDefinitionStatus::Active => Err(Error::client(
                            "The task definition must be INACTIVE before it can be deleted: deregister it first.",
                        )),
                        _ => {
                            record.definition.status = Some(TaskDefinitionStatus::DeleteInProgress);
                            Ok(())
                        }
                    }
                })
                .await;
            match outcome {
                Ok(record) => deleted.push(record.definition),
                Err(Error::Client(message)) => failures.push(failure(reference, &message)),
                Err(err) => return Err(err),
            }
        }
        Ok(DeleteTaskDefinitionsResponse {
            task_definitions: Some(deleted),
            failures: Some(failures),
        })
    }

    async fn transition_task_definition(
        &self,
        family: &str,
        revision: i32,
        change: impl Fn(&mut TaskDefinitionRecord) -> Result<()>,
    ) -> Result<TaskDefinitionRecord> {
        let key = keys::task_definition(family, revision);
        for _ in 0..5 {
            let Some(kv) = self.store.get(&key).await? else {
                return Err(Error::client(format!(
                    "The task definition {family}:{revision} does not exist."
                )));
            };
            let mut record: TaskDefinitionRecord =
                serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
            let before = record.clone();
            change(&mut record)?;
            if record == before {
                return Ok(record);
            }
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

    pub async fn list_task_definitions(
        &self,
        req: ListTaskDefinitionsRequest,
    ) -> Result<ListTaskDefinitionsResponse> {
        let status = req.status.unwrap_or(TaskDefinitionStatus::Active);
        // Despite its name, ECS documents `familyPrefix` here as the full family name.
        let family_filter = req.family_prefix.as_deref().filter(|f| !f.is_empty());
        let descending = req.sort == Some(SortOrder::Desc);
        let view = self.view.read();
        let mut items: Vec<(String, String)> = view
            .task_definitions
            .iter()
            .filter(|((family, _), record)| {
                family_filter.is_none_or(|f| f == family) && record.status() == status
            })
            .map(|((family, revision), record)| {
                // The sort key orders by family, then revision numerically.
                let key = format!("{family}\u{0}{revision:010}");
                (
                    key,
                    record
                        .definition
                        .task_definition_arn
                        .clone()
                        .unwrap_or_default(),
                )
            })
            .collect();
        if descending {
            items.reverse();
            // Tokens compare keys in ascending order; invert them for a descending walk.
            let items = items.into_iter().map(|(k, v)| (invert(&k), v));
            let page = paginate(items, req.max_results, req.next_token.as_deref(), 100, 100)?;
            return Ok(ListTaskDefinitionsResponse {
                task_definition_arns: Some(page.items),
                next_token: page.next_token,
            });
        }
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 100, 100)?;
        Ok(ListTaskDefinitionsResponse {
            task_definition_arns: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn list_task_definition_families(
        &self,
        req: ListTaskDefinitionFamiliesRequest,
    ) -> Result<ListTaskDefinitionFamiliesResponse> {
        // ECS lists families with and without ACTIVE revisions unless asked otherwise.
        let status = req.status.unwrap_or(TaskDefinitionFamilyStatus::All);
        let prefix = req.family_prefix.clone().unwrap_or_default();
        let view = self.view.read();
        let mut families: Vec<(String, String)> = Vec::new();
        let mut current: Option<(String, bool)> = None;
        let flush = |entry: Option<(String, bool)>, out: &mut Vec<(String, String)>| {
            if let Some((family, has_active)) = entry {
                let keep = match status {
                    TaskDefinitionFamilyStatus::Active => has_active,
                    TaskDefinitionFamilyStatus::Inactive => !has_active,
                    TaskDefinitionFamilyStatus::All => true,
                };
                if keep {
                    out.push((family.clone(), family));
                }
            }
        };
        for ((family, _), record) in view.task_definitions.iter() {
            if !family.starts_with(&prefix) {
                continue;
            }
            let active = record.status() == TaskDefinitionStatus::Active;
            match &mut current {
                Some((name, has_active)) if name == family => *has_active |= active,
                _ => {
                    flush(current.take(), &mut families);
                    current = Some((family.clone(), active));
                }
            }
        }
        flush(current.take(), &mut families);
        let page = paginate(
            families,
            req.max_results,
            req.next_token.as_deref(),
            100,
            100,
        )?;
        Ok(ListTaskDefinitionFamiliesResponse {
            families: Some(page.items),
            next_token: page.next_token,
        })
    }

    /// An awslogs container's lines are stored by this server, in its one region: an
    /// `awslogs-region` naming another would be accepted and then ignored.
    fn check_awslogs_region(&self, req: &RegisterTaskDefinitionRequest) -> Result<()> {
        let region = &self.config.scope.region;
        for container in &req.container_definitions {
            let Some(config) = container
                .log_configuration
                .as_ref()
                .filter(|c| c.log_driver == berth_api::ecs::LogDriver::Awslogs)
            else {
                continue;
            };
            let given = config
                .options
                .as_ref()
                .and_then(|o| o.get("awslogs-region"));
            if let Some(given) = given.filter(|g| *g != region) {
                return Err(Error::client(format!(
                    "Invalid 'logConfiguration.options' setting for container '{}'. The \
                     'awslogs' log option 'awslogs-region' is '{given}', but this berth server \
                     serves CloudWatch Logs in '{region}' only; set it to '{region}'.",
                    container.name.as_deref().unwrap_or_default()
                )));
            }
        }
        Ok(())
    }
}

/// The instance attributes a registration implies, as ECS lists them in
/// `requiresAttributes`: a `runtimePlatform.cpuArchitecture` needs instances of that
/// architecture (`ecs.cpu-architecture`, which every agent registers).
fn requires_attributes(req: &RegisterTaskDefinitionRequest) -> Vec<Attribute> {
    req.runtime_platform
        .as_ref()
        .and_then(|p| p.cpu_architecture)
        .map(|arch| Attribute {
            name: "ecs.cpu-architecture".to_owned(),
            value: Some(
                match arch {
                    CPUArchitecture::X8664 => "x86_64",
                    CPUArchitecture::Arm64 => "arm64",
                }
                .to_owned(),
            ),
            target_type: None,
            target_id: None,
        })
        .into_iter()
        .collect()
}

/// Fills in the defaults ECS shows in a registered container definition.
fn with_container_defaults(mut c: ContainerDefinition, mode: NetworkMode) -> ContainerDefinition {
    c.essential = Some(c.essential.unwrap_or(true));
    c.cpu = Some(c.cpu.unwrap_or(0));
    c.environment = Some(c.environment.unwrap_or_default());
    c.mount_points = Some(c.mount_points.unwrap_or_default());
    c.volumes_from = Some(c.volumes_from.unwrap_or_default());
    c.port_mappings = Some(
        c.port_mappings
            .unwrap_or_default()
            .into_iter()
            .map(|m| PortMapping {
                protocol: Some(m.protocol.unwrap_or(TransportProtocol::Tcp)),
                host_port: Some(match (mode, m.host_port) {
                    (NetworkMode::Host | NetworkMode::Awsvpc, None) => {
                        m.container_port.unwrap_or(0)
                    }
                    (_, Some(port)) => port,
                    (_, None) => 0,
                }),
                ..m
            })
            .collect(),
    );
    c
}

fn failure(arn: &str, reason: &str) -> Failure {
    Failure {
        arn: Some(arn.to_owned()),
        reason: Some(reason.to_owned()),
        detail: None,
    }
}

/// Maps a key to one that sorts in the opposite order (for descending listings).
fn invert(key: &str) -> String {
    key.bytes().map(|b| format!("{:02x}", 255 - b)).collect()
}
