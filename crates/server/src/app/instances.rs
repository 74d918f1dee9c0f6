//! Container instances: ListContainerInstances, DescribeContainerInstances,
//! UpdateContainerInstancesState, DeregisterContainerInstance, and the resource
//! accounting that placement and DescribeContainerInstances share.
//!
//! An instance is ACTIVE, DRAINING (placement skips it) or INACTIVE (deregistered: its
//! agent credential stops working and it is no longer listed, but stays describable).
//! Status changes are made under the placement lock, so once a call has answered no
//! RunTask that started before it can still place a task on the instance.

use berth_api::ecs::{
    Attribute, ContainerInstance, ContainerInstanceField, ContainerInstanceStatus,
    DeregisterContainerInstanceRequest, DeregisterContainerInstanceResponse,
    DescribeContainerInstancesRequest, DescribeContainerInstancesResponse, Failure,
    ListContainerInstancesRequest, ListContainerInstancesResponse, Resource,
    UpdateContainerInstancesStateRequest, UpdateContainerInstancesStateResponse, VersionInfo,
};
use berth_api::protocol::{ContainerReport, ReportedStatus, TaskReport};
use berth_store::Compare;

use super::pagination::paginate;
use super::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::{keys, now, InstanceRecord, TaskStatusRecord};
use crate::state::Snapshot;

/// Instances one UpdateContainerInstancesState call may name.
const MAX_STATE_UPDATES: usize = 10;

impl App {
    pub async fn list_container_instances(
        &self,
        req: ListContainerInstancesRequest,
    ) -> Result<ListContainerInstancesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let filter = match req.filter.as_deref() {
            Some(expression) if !expression.trim().is_empty() => {
                Some(super::placement::parse_filter(expression)?)
            }
            _ => None,
        };
        let view = self.view.read();
        let mut items = Vec::new();
        for ((c, id), instance) in view.instances.iter() {
            if c != &cluster || instance.status == "INACTIVE" {
                continue;
            }
            if let Some(status) = req.status {
                if instance.status != status.as_str() {
                    continue;
                }
            }
            if let Some(filter) = &filter {
                if !self.instance_matches(&view, instance, filter) {
                    continue;
                }
            }
            items.push((id.clone(), instance.arn.clone()));
        }
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 100, 100)?;
        Ok(ListContainerInstancesResponse {
            container_instance_arns: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn describe_container_instances(
        &self,
        req: DescribeContainerInstancesRequest,
    ) -> Result<DescribeContainerInstancesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.container_instances.is_empty() || req.container_instances.len() > 100 {
            return Err(Error::invalid(
                "containerInstances must list between 1 and 100 instances.",
            ));
        }
        let include_tags = req
            .include
            .as_ref()
            .is_some_and(|i| i.contains(&ContainerInstanceField::Tags));
        let view = self.view.read();
        let mut found = Vec::new();
        let mut failures = Vec::new();
        for given in &req.container_instances {
            match self.find_instance(&view, &cluster, given) {
                Some(instance) => found.push(self.render_instance(&view, instance, include_tags)),
                None => failures.push(missing(given)),
            }
        }
        Ok(DescribeContainerInstancesResponse {
            container_instances: Some(found),
            failures: Some(failures),
        })
    }

    pub async fn update_container_instances_state(
        &self,
        req: UpdateContainerInstancesStateRequest,
    ) -> Result<UpdateContainerInstancesStateResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.container_instances.is_empty() || req.container_instances.len() > MAX_STATE_UPDATES {
            return Err(Error::invalid(format!(
                "containerInstances must list between 1 and {MAX_STATE_UPDATES} instances."
            )));
        }
        let status = match req.status {
            ContainerInstanceStatus::Active | ContainerInstanceStatus::Draining => {
                req.status.as_str()
            }
            other => {
                return Err(Error::invalid(format!(
                    "Container instance status {} is not valid here; use ACTIVE or DRAINING.",
                    other.as_str()
                )))
            }
        };
        // Held across the writes so that no placement decided on the old status lands
        // after this call has answered.
        let _placement = self.placement.lock().await;
        let mut updated = Vec::new();
        let mut failures = Vec::new();
        for given in &req.container_instances {
            let id = {
                let view = self.view.read();
                self.find_instance(&view, &cluster, given)
                    .filter(|i| i.status != "INACTIVE")
                    .map(|i| i.id.clone())
            };
            let Some(id) = id else {
                failures.push(missing(given));
                continue;
            };
            if self.set_instance_status(&cluster, &id, status).await? {
                updated.push(id);
            } else {
                failures.push(missing(given));
            }
        }
        let view = self.view.read();
        let container_instances = updated
            .iter()
            .filter_map(|id| view.instance(&cluster, id))
            .map(|i| self.render_instance(&view, i, false))
            .collect();
        Ok(UpdateContainerInstancesStateResponse {
            container_instances: Some(container_instances),
            failures: Some(failures),
        })
    }

    pub async fn deregister_container_instance(
        &self,
        req: DeregisterContainerInstanceRequest,
    ) -> Result<DeregisterContainerInstanceResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let not_found = || {
            Error::client(format!(
                "Referenced container instance {} not found.",
                req.container_instance
            ))
        };
        // No task may be placed on the instance between the check and the write.
        let _placement = self.placement.lock().await;
        let (id, arn, tasks) = {
            let view = self.view.read();
            let instance = self
                .find_instance(&view, &cluster, &req.container_instance)
                .ok_or_else(not_found)?;
            let tasks: Vec<String> = view
                .instance_tasks(&instance.id)
                .filter(|entry| !entry.is_stopped())
                .filter_map(|entry| entry.intent.as_ref().map(|t| t.id.clone()))
                .collect();
            (instance.id.clone(), instance.arn.clone(), tasks)
        };
        if !tasks.is_empty() && !req.force.unwrap_or(false) {
            return Err(Error::invalid("Found running tasks on the instance."));
        }
        let reason = format!("Container instance {arn} was deregistered.");
        for task in &tasks {
            self.request_stop(&cluster, task, "UserInitiated", &reason)
                .await?;
        }
        self.deactivate_instance(&cluster, &id, &tasks).await?;
        let view = self.view.read();
        let instance = view.instance(&cluster, &id).ok_or_else(not_found)?;
        Ok(DeregisterContainerInstanceResponse {
            container_instance: Some(self.render_instance(&view, instance, false)),
        })
    }

    /// The instance named by ID or ARN, if it is in `cluster` (in any status).
    fn find_instance<'v>(
        &self,
        view: &'v Snapshot,
        cluster: &str,
        given: &str,
    ) -> Option<&'v InstanceRecord> {
        self.config
            .scope
            .container_instance_id(given)
            .ok()
            .filter(|(c, _)| c.as_deref().is_none_or(|c| c == cluster))
            .and_then(|(_, id)| view.instance(cluster, &id))
    }

    /// Sets an ACTIVE or DRAINING instance's status. False if it was deregistered first.
    async fn set_instance_status(&self, cluster: &str, id: &str, status: &str) -> Result<bool> {
        let key = keys::instance(cluster, id);
        for _ in 0..5 {
            let Some(kv) = self.store.get(&key).await? else {
                return Ok(false);
            };
            let mut record: InstanceRecord =
                serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
            if record.status == "INACTIVE" {
                return Ok(false);
            }
            if record.status == status {
                return Ok(true);
            }
            record.status = status.to_owned();
            record.version += 1;
            let write = txn(
                vec![Compare::ModRevision {
                    key: key.clone(),
                    revision: kv.mod_revision,
                }],
                vec![put_json(key.clone(), &record)?],
            );
            match self.commit(write).await {
                Ok(_) => return Ok(true),
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }

    /// Marks an instance INACTIVE and, in the same transaction, records its unfinished
    /// `tasks` as STOPPED: once the instance is INACTIVE its agent's credential is
    /// refused, so no report would ever finish them.
    async fn deactivate_instance(&self, cluster: &str, id: &str, tasks: &[String]) -> Result<()> {
        let key = keys::instance(cluster, id);
        for _ in 0..5 {
            let Some(kv) = self.store.get(&key).await? else {
                return Ok(());
            };
            let mut record: InstanceRecord =
                serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
            if record.status == "INACTIVE" {
                return Ok(());
            }
            record.status = "INACTIVE".into();
            record.version += 1;
            let mut compares = vec![Compare::ModRevision {
                key: key.clone(),
                revision: kv.mod_revision,
            }];
            let mut ops = vec![put_json(key.clone(), &record)?];
            for task in tasks {
                let intent = {
                    let view = self.view.read();
                    view.tasks.get(task).and_then(|entry| entry.intent.clone())
                };
                let Some(intent) = intent else { continue };
                // Built on the stored report, not the view's, so that a report landing
                // meanwhile fails the compare instead of being overwritten.
                let status_key = keys::task_status(cluster, task);
                let stored = self.store.get(&status_key).await?;
                let last: Option<TaskStatusRecord> = match &stored {
                    Some(kv) => Some(
                        serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?,
                    ),
                    None => None,
                };
                if last
                    .as_ref()
                    .is_some_and(|s| s.report.last_status == ReportedStatus::Stopped)
                {
                    continue;
                }
                compares.push(match &stored {
                    Some(kv) => Compare::ModRevision {
                        key: status_key.clone(),
                        revision: kv.mod_revision,
                    },
                    None => Compare::Absent {
                        key: status_key.clone(),
                    },
                });
                let names = intent
                    .containers
                    .iter()
                    .filter_map(|c| c.definition.name.clone())
                    .collect();
                let report = orphaned_report(&intent.arn, names, last.as_ref().map(|s| &s.report));
                let at = now();
                ops.push(put_json(
                    status_key,
                    &TaskStatusRecord {
                        report,
                        stopped_at: Some(at),
                        updated_at: at,
                    },
                )?);
            }
            // One transaction when it fits the store's limit. A host with more tasks has
            // them recorded STOPPED in batches first and the instance made INACTIVE last: a
            // pass cut short leaves STOPPED tasks on an ACTIVE instance, which its agent
            // stops, and the next attempt finishes.
            if ops.len() > berth_store::MAX_TXN_OPS {
                let instance_compare = compares.remove(0);
                let instance_op = ops.remove(0);
                let mut lost_race = false;
                for (compares, ops) in compares
                    .chunks(berth_store::MAX_TXN_OPS)
                    .zip(ops.chunks(berth_store::MAX_TXN_OPS))
                {
                    match self.commit(txn(compares.to_vec(), ops.to_vec())).await {
                        Ok(_) => {}
                        Err(Error::Conflict) => {
                            lost_race = true;
                            break;
                        }
                        Err(err) => return Err(err),
                    }
                }
                if lost_race {
                    continue;
                }
                compares = vec![instance_compare];
                ops = vec![instance_op];
            }
            match self.commit(txn(compares, ops)).await {
                Ok(_) => return Ok(()),
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }

    pub(crate) fn render_instance(
        &self,
        view: &Snapshot,
        instance: &InstanceRecord,
        include_tags: bool,
    ) -> ContainerInstance {
        let usage = view.usage(&instance.id);
        let mut used_tcp: Vec<u16> = instance.reserved_tcp_ports.clone();
        used_tcp.extend(&usage.reserved.tcp_ports);
        let mut used_udp: Vec<u16> = instance.reserved_udp_ports.clone();
        used_udp.extend(&usage.reserved.udp_ports);
        let free_gpus: Vec<String> = instance
            .gpus
            .iter()
            .filter(|g| !usage.reserved.gpus.contains(g))
            .cloned()
            .collect();
        let registered = resources(
            i64::from(instance.cpu),
            instance.memory_mib,
            &instance.reserved_tcp_ports,
            &instance.reserved_udp_ports,
            (!instance.gpus.is_empty()).then_some(&instance.gpus[..]),
        );
        let remaining = resources(
            i64::from(instance.cpu) - i64::from(usage.reserved.cpu),
            instance.memory_mib - usage.reserved.memory_mib,
            &used_tcp,
            &used_udp,
            (!instance.gpus.is_empty()).then_some(&free_gpus[..]),
        );
        ContainerInstance {
            container_instance_arn: Some(instance.arn.clone()),
            ec2_instance_id: Some(instance.hostname.clone()),
            version: Some(instance.version),
            version_info: Some(VersionInfo {
                agent_version: Some(instance.agent_version.clone()),
                agent_hash: None,
                docker_version: Some(instance.runtime_version.clone()),
            }),
            remaining_resources: Some(remaining),
            registered_resources: Some(registered),
            status: Some(instance.status.clone()),
            // A deregistered instance's agent may still be heard from until it notices its
            // credential is refused; it is no longer this instance's agent.
            agent_connected: Some(
                instance.status != "INACTIVE" && self.agent_connected(&instance.id),
            ),
            running_tasks_count: Some(usage.running),
            pending_tasks_count: Some(usage.pending),
            attributes: Some(
                instance
                    .attributes
                    .iter()
                    .map(|(name, value)| Attribute {
                        name: name.clone(),
                        value: value.clone(),
                        target_type: None,
                        target_id: None,
                    })
                    .collect(),
            ),
            registered_at: Some(instance.registered_at),
            attachments: Some(Vec::new()),
            tags: include_tags.then(|| instance.tags.clone()),
            ..ContainerInstance::default()
        }
    }
}

/// The `failures[]` entry for an instance that is not in the cluster.
fn missing(given: &str) -> Failure {
    Failure {
        arn: Some(given.to_owned()),
        reason: Some("MISSING".into()),
        detail: None,
    }
}

/// What the server records for a task on a deregistered instance, whose agent can no
/// longer report: the task is STOPPED, keeping whatever the agent last said about it.
fn orphaned_report(
    arn: &str,
    container_names: Vec<String>,
    last: Option<&TaskReport>,
) -> TaskReport {
    let at = now();
    let containers = match last {
        Some(report) if !report.containers.is_empty() => report
            .containers
            .iter()
            .map(|c| ContainerReport {
                last_status: ReportedStatus::Stopped,
                exec_agent_running: false,
                ..c.clone()
            })
            .collect(),
        _ => container_names
            .into_iter()
            .map(|name| ContainerReport {
                name,
                runtime_id: None,
                last_status: ReportedStatus::Stopped,
                exit_code: None,
                reason: None,
                network_bindings: Vec::new(),
                health_status: None,
                image_digest: None,
                restart_count: None,
                exec_agent_running: false,
            })
            .collect(),
    };
    TaskReport {
        task_arn: arn.to_owned(),
        last_status: ReportedStatus::Stopped,
        containers,
        stop_code: None,
        stopped_reason: None,
        pull_started_at: last.and_then(|r| r.pull_started_at),
        pull_stopped_at: last.and_then(|r| r.pull_stopped_at),
        started_at: last.and_then(|r| r.started_at),
        stopping_at: last.and_then(|r| r.stopping_at).or(Some(at)),
        execution_stopped_at: Some(at),
        health_status: last.and_then(|r| r.health_status),
    }
}

/// ECS's resource list: CPU, MEMORY, PORTS, PORTS_UDP, and GPU (the IDs, as a STRINGSET)
/// when `gpus` is given: ECS shows it only on instances that have GPUs.
fn resources(
    cpu: i64,
    memory: i64,
    tcp: &[u16],
    udp: &[u16],
    gpus: Option<&[String]>,
) -> Vec<Resource> {
    let ports = |ports: &[u16]| {
        let mut ports: Vec<u16> = ports.to_vec();
        ports.sort_unstable();
        ports.dedup();
        ports.iter().map(u16::to_string).collect::<Vec<_>>()
    };
    let mut list = vec![
        Resource {
            name: Some("CPU".into()),
            type_: Some("INTEGER".into()),
            integer_value: Some(i32::try_from(cpu).unwrap_or(i32::MAX)),
            double_value: Some(0.0),
            long_value: Some(0),
            ..Resource::default()
        },
        Resource {
            name: Some("MEMORY".into()),
            type_: Some("INTEGER".into()),
            integer_value: Some(i32::try_from(memory).unwrap_or(i32::MAX)),
            double_value: Some(0.0),
            long_value: Some(0),
            ..Resource::default()
        },
        Resource {
            name: Some("PORTS".into()),
            type_: Some("STRINGSET".into()),
            string_set_value: Some(ports(tcp)),
            double_value: Some(0.0),
            long_value: Some(0),
            integer_value: Some(0),
        },
        Resource {
            name: Some("PORTS_UDP".into()),
            type_: Some("STRINGSET".into()),
            string_set_value: Some(ports(udp)),
            double_value: Some(0.0),
            long_value: Some(0),
            integer_value: Some(0),
        },
    ];
    if let Some(gpus) = gpus {
        let mut gpus = gpus.to_vec();
        gpus.sort_unstable();
        list.push(Resource {
            name: Some("GPU".into()),
            type_: Some("STRINGSET".into()),
            string_set_value: Some(gpus),
            double_value: Some(0.0),
            long_value: Some(0),
            integer_value: Some(0),
        });
    }
    list
}
