//! The agent side of the control plane: registration with a join token, the long-polled
//! desired task set, and acknowledged state reports.
//!
//! An agent credential may act only for its own container instance: every call is
//! checked against the instance the credential was issued for.
//!
//! Reports are observed state, but recording them reads the task's intent (a task that
//! stopped by itself gets a STOPPED intent) and must never undo a newer write: each task's
//! write compares the revisions of its intent and status records (see `agent_report`).

use std::collections::BTreeMap;
use std::time::Duration;

use berth_api::ecs::LaunchType;
use berth_api::protocol::{
    DesiredContainer, DesiredState, DesiredStatus, DesiredTask, RegisterRequest, RegisterResponse,
    ReportRequest, ReportResponse, ReportedStatus, TaskReport, TaskTags,
};
use berth_store::{Compare, Op, Txn};
use sha2::{Digest, Sha256};

use super::{put_json, txn, App, WRITE_ATTEMPTS};
use crate::error::{Error, Result};
use crate::model::{
    keys, now, AgentCredentialRecord, InstanceRecord, JoinTokenRecord, TaskStatusRecord,
    FARGATE_POOL_CLUSTER,
};
use crate::state::Snapshot;

/// The container instance attribute ECS names the Availability Zone with; the task
/// metadata endpoint shows it as the task's `AvailabilityZone`.
const AVAILABILITY_ZONE_ATTRIBUTE: &str = "ecs.availability-zone";

/// Who an authenticated agent is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentIdentity {
    pub cluster: String,
    pub instance_id: String,
}

/// SHA-256 of a secret, hex: secrets are stored only as hashes.
pub(crate) fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A fresh random secret: 32 bytes, hex.
pub(crate) fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

impl App {
    /// Creates a join token for a cluster and returns the secret (shown once).
    pub async fn create_join_token(&self, cluster: &str, reusable: bool) -> Result<String> {
        let token = new_secret();
        let record = JoinTokenRecord {
            cluster: cluster.to_owned(),
            reusable,
            created_at: now(),
        };
        self.commit(txn(
            Vec::new(),
            vec![put_json(keys::join_token(&hash_secret(&token)), &record)?],
        ))
        .await?;
        Ok(token)
    }

    /// Exchanges a join token for a container instance and its credential.
    pub async fn register_agent(
        &self,
        token: &str,
        req: RegisterRequest,
    ) -> Result<RegisterResponse> {
        let token_key = keys::join_token(&hash_secret(token));
        let kv = self
            .store
            .get(&token_key)
            .await?
            .ok_or_else(|| Error::client("The join token is not valid or was already used."))?;
        let grant: JoinTokenRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        if grant.cluster != req.cluster {
            return Err(Error::client(format!(
                "The join token is for cluster '{}', not '{}'.",
                grant.cluster, req.cluster
            )));
        }
        let launch_type = match req.launch_type.as_str() {
            "EC2" => LaunchType::Ec2,
            "EXTERNAL" => LaunchType::External,
            "FARGATE" => LaunchType::Fargate,
            other => return Err(Error::invalid(format!("Unknown launch type '{other}'."))),
        };
        // Fargate capacity joins the berth-owned pool and nothing else; the pool takes
        // nothing but Fargate capacity.
        if (launch_type == LaunchType::Fargate) != (req.cluster == FARGATE_POOL_CLUSTER) {
            return Err(Error::client(format!(
                "Fargate capacity registers in the pool '{FARGATE_POOL_CLUSTER}' and only there: start the agent with --capacity fargate and a join token made with --capacity fargate."
            )));
        }
        let cluster = if launch_type == LaunchType::Fargate {
            FARGATE_POOL_CLUSTER.to_owned()
        } else {
            self.active_cluster(Some(&req.cluster))?
        };
        if req.resources.cpu <= 0 || req.resources.memory_mib <= 0 {
            return Err(Error::invalid(
                "An instance must register positive CPU and memory.",
            ));
        }
        berth_api::protocol::check_gpu_ids(&req.resources.gpus)
            .map_err(|e| Error::invalid(format!("Invalid GPUs: {e}.")))?;
        let id = berth_api::arn::new_id();
        let mut attributes: BTreeMap<String, Option<String>> = BTreeMap::new();
        for (name, value) in &req.attributes {
            attributes.insert(name.clone(), value.clone());
        }
        let instance = InstanceRecord {
            id: id.clone(),
            arn: self.config.scope.container_instance(&cluster, &id),
            cluster: cluster.clone(),
            hostname: req.hostname.clone(),
            status: "ACTIVE".into(),
            launch_type,
            cpu: req.resources.cpu,
            memory_mib: req.resources.memory_mib,
            reserved_tcp_ports: req.resources.reserved_tcp_ports.clone(),
            reserved_udp_ports: req.resources.reserved_udp_ports.clone(),
            gpus: req.resources.gpus.clone(),
            attributes,
            tags: Vec::new(),
            agent_version: req.agent_version.clone(),
            runtime_version: req.runtime_version.clone(),
            registered_at: now(),
            version: 1,
        };
        let credential = new_secret();
        let ops = vec![
            put_json(keys::instance(&cluster, &id), &instance)?,
            put_json(
                keys::agent_credential(&hash_secret(&credential)),
                &AgentCredentialRecord {
                    cluster: cluster.clone(),
                    instance_id: id.clone(),
                },
            )?,
        ];
        let fence = (launch_type != LaunchType::Fargate).then_some(cluster.as_str());
        self.use_join_token(token_key, kv.mod_revision, grant.reusable, fence, ops)
            .await?;
        self.touch_agent(&id);
        Ok(RegisterResponse {
            container_instance_arn: instance.arn,
            cluster_arn: self.config.scope.cluster(&cluster),
            credential,
        })
    }

    /// Writes `ops` once a join token (agent or load balancer) is still the one read at
    /// `revision`, deleting it when it is one-time: a one-time token is used exactly once.
    /// With `fence`, the cluster an instance joins must still be ACTIVE when it lands.
    pub(crate) async fn use_join_token(
        &self,
        token_key: String,
        revision: berth_store::Revision,
        reusable: bool,
        fence: Option<&str>,
        mut ops: Vec<Op>,
    ) -> Result<()> {
        if !reusable {
            ops.push(Op::Delete {
                key: token_key.clone(),
            });
        }
        let mut compares = vec![Compare::ModRevision {
            key: token_key,
            revision,
        }];
        // An instance joining a user's cluster lands only while the cluster is ACTIVE
        // (see `clusters.rs`).
        if let Some(cluster) = fence {
            let (fence_compares, fence_ops) = {
                let view = self.view.read();
                self.cluster_create_fence(&view, cluster)?
            };
            compares.extend(fence_compares);
            ops.extend(fence_ops);
        }
        let concurrently = || Error::client("The join token was used concurrently; get a new one.");
        match self.commit(txn(compares, ops)).await {
            Ok(_) => Ok(()),
            Err(Error::Conflict) => Err(match fence {
                Some(cluster) => match self.create_conflict(cluster).await {
                    Error::Conflict => concurrently(),
                    other => other,
                },
                None => concurrently(),
            }),
            Err(err) => Err(err),
        }
    }

    /// The identity an agent credential grants, if it is valid and its instance is live.
    pub fn authenticate_agent(&self, credential: &str) -> Option<AgentIdentity> {
        let view = self.view.read();
        let grant = view.agent_credentials.get(&hash_secret(credential))?;
        let instance = view.instance(&grant.cluster, &grant.instance_id)?;
        if instance.status == "INACTIVE" {
            return None;
        }
        Some(AgentIdentity {
            cluster: grant.cluster.clone(),
            instance_id: grant.instance_id.clone(),
        })
    }

    /// The instance's desired task set, once its generation is newer than `after` or the
    /// wait is over.
    pub async fn desired_state(
        &self,
        agent: &AgentIdentity,
        after: u64,
        wait: Duration,
    ) -> Result<DesiredState> {
        self.touch_agent(&agent.instance_id);
        let wait = wait.min(self.config.max_poll_wait);
        let deadline = tokio::time::Instant::now() + wait;
        let waker = self.view.instance_waker(&agent.instance_id);
        loop {
            // Registered before the check, so a change between the two still wakes us.
            let changed = waker.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let generation = self.generation_of(&agent.instance_id);
            if generation > after || tokio::time::Instant::now() >= deadline {
                break;
            }
            // Wake when this instance's set changes; stop at the deadline or on shutdown.
            tokio::select! {
                _ = self.shutdown.cancelled() => break,
                woken = tokio::time::timeout_at(deadline, changed) => {
                    if woken.is_err() {
                        break;
                    }
                }
            }
        }
        // Only a request arriving proves the agent alive: a poll held open here may
        // outlive an agent that died, so its wake-ups and its end do not count.
        self.build_desired_state(agent, after).await
    }

    fn generation_of(&self, instance_id: &str) -> u64 {
        let view = self.view.read();
        view.instance_generation
            .get(instance_id)
            .copied()
            .unwrap_or(0)
            .max(0) as u64
    }

    /// The instance's desired set as a delta against generation `after` (whole when
    /// `after` is 0): every task's ARN, and in full only the tasks whose intent changed
    /// after `after`.
    async fn build_desired_state(&self, agent: &AgentIdentity, after: u64) -> Result<DesiredState> {
        let (generation, tasks, task_arns, availability_zone) = {
            let view = self.view.read();
            let availability_zone = view
                .instance(&agent.cluster, &agent.instance_id)
                .and_then(|i| i.attributes.get(AVAILABILITY_ZONE_ATTRIBUTE).cloned())
                .flatten();
            let generation = view
                .instance_generation
                .get(&agent.instance_id)
                .copied()
                .unwrap_or(0)
                .max(0) as u64;
            let mut task_arns = Vec::new();
            let mut tasks = Vec::new();
            for entry in view
                .instance_tasks(&agent.instance_id)
                .filter(|entry| !entry.is_stopped())
            {
                let Some(task) = &entry.intent else { continue };
                task_arns.push(task.arn.clone());
                if after == 0 || entry.intent_revision.max(0) as u64 > after {
                    tasks.push(task.clone());
                }
            }
            (generation, tasks, task_arns, availability_zone)
        };
        let mut desired = Vec::with_capacity(tasks.len());
        for task in tasks {
            // Secrets and registry credentials are not sent here: the agent fetches them
            // when it creates the containers (`task_secrets`), and keeps them in memory.
            // An interrupted Spot task's containers get the notice between SIGTERM and
            // SIGKILL, whatever their stopTimeout.
            let spot_notice = (task.stop_code.as_deref()
                == Some(super::fargate::SPOT_INTERRUPTION))
            .then(|| {
                i32::try_from(self.config.spot_interruption_notice.as_secs()).unwrap_or(i32::MAX)
            });
            let containers = task
                .containers
                .iter()
                .map(|container| {
                    let mut definition = container.definition.clone();
                    if let Some(notice) = spot_notice {
                        definition.stop_timeout = Some(notice);
                    }
                    DesiredContainer {
                        container_arn: container.arn.clone(),
                        definition,
                        gpu_ids: container.gpu_ids.clone(),
                    }
                })
                .collect();
            desired.push(DesiredTask {
                task_arn: task.arn.clone(),
                cluster: task.cluster.clone(),
                family: task.family.clone(),
                revision: task.revision,
                // A task whose load balancer targets still drain keeps running until
                // they are gone (the service scheduler then clears `deactivating`).
                desired_status: if task.deactivating {
                    DesiredStatus::Running
                } else {
                    task.desired_status
                },
                stop_code: task.stop_code.clone().filter(|_| !task.deactivating),
                stopped_reason: task.stopped_reason.clone().filter(|_| !task.deactivating),
                network_mode: task.network_mode,
                task_role_arn: task.task_role_arn.clone(),
                cpu: task.cpu.as_deref().and_then(|c| super::parse_cpu(c).ok()),
                memory: task
                    .memory
                    .as_deref()
                    .and_then(|m| super::parse_memory(m).ok()),
                containers,
                volumes: task.volumes.clone(),
                pid_mode: task.pid_mode,
                ipc_mode: task.ipc_mode,
                service_name: task.service.clone(),
                availability_zone: availability_zone.clone(),
                enable_execute_command: task.enable_execute_command,
                network: task.network.clone(),
                fargate: task.is_fargate(),
                isolation: task.isolation,
            });
        }
        Ok(DesiredState {
            generation,
            tasks: desired,
            task_arns: (after != 0).then_some(task_arns),
        })
    }

    /// The tags of a task placed on the agent's instance, and of the instance, as they are
    /// now. A task of another instance is refused as if it did not exist.
    pub fn agent_task_tags(&self, agent: &AgentIdentity, task_arn: &str) -> Result<TaskTags> {
        let view = self.view.read();
        let tag_map = |tags: &[berth_api::ecs::Tag]| -> BTreeMap<String, String> {
            tags.iter()
                .filter_map(|t| Some((t.key.clone()?, t.value.clone().unwrap_or_default())))
                .collect()
        };
        let task = view
            .instance_tasks(&agent.instance_id)
            .filter_map(|entry| entry.intent.as_ref())
            .find(|task| task.arn == task_arn)
            .ok_or_else(|| {
                Error::client(format!(
                    "Task {task_arn} is not placed on this agent's container instance."
                ))
            })?;
        let instance_tags = view
            .instance(&agent.cluster, &agent.instance_id)
            .map(|i| tag_map(&i.tags))
            .unwrap_or_default();
        Ok(TaskTags {
            task_tags: tag_map(&task.tags),
            container_instance_tags: instance_tags,
        })
    }

    /// Records a batch of task reports; answers only once they are durable.
    ///
    /// Each task's write is decided from the view and compares the revisions of both the
    /// task's intent and its status record as the view had them, so a write that another
    /// landed before (host loss, StopTask, TagResource, another report) fails instead of
    /// overwriting it. The tasks whose write lost are decided again once the view has
    /// caught up, up to [`WRITE_ATTEMPTS`] times; STOPPED stays final throughout.
    pub async fn agent_report(
        &self,
        agent: &AgentIdentity,
        req: ReportRequest,
    ) -> Result<ReportResponse> {
        self.touch_agent(&agent.instance_id);
        if req.tasks.len() > 1000 {
            return Err(Error::invalid("A report may carry at most 1000 tasks."));
        }
        let mut pending = Vec::with_capacity(req.tasks.len());
        for report in &req.tasks {
            // Agents only ever learn full task ARNs (from their desired state): a bare ID
            // or another cluster's ARN is refused rather than silently dropped.
            // A Fargate pool host's tasks belong to the users' clusters.
            let (named, id) = self.config.scope.task_id(&report.task_arn)?;
            let pool_host = agent.cluster == FARGATE_POOL_CLUSTER;
            if named.is_none() || (!pool_host && named.as_deref() != Some(agent.cluster.as_str())) {
                return Err(Error::invalid(format!(
                    "Task {} is not a task ARN of this instance's cluster.",
                    report.task_arn
                )));
            }
            pending.push((id, report));
        }
        let mut accepted = 0;
        for _ in 0..WRITE_ATTEMPTS {
            let writes = {
                let view = self.view.read();
                let mut writes = Vec::new();
                for (id, report) in &pending {
                    if let Some(write) = report_write(agent, &view, id, report)? {
                        writes.push((write, (id.clone(), *report)));
                    }
                }
                writes
            };
            let (won, lost) = self.commit_report_writes(writes).await?;
            accepted += won;
            if lost.is_empty() {
                return Ok(ReportResponse { accepted });
            }
            // Another write to these tasks landed first: decide again from what it wrote.
            self.catch_up().await?;
            pending = lost;
        }
        Err(Error::Conflict)
    }

    /// Writes report decisions, several transactions at once when they are many (they share
    /// group commits); answers once every one is durable, with how many tasks were written
    /// and the tasks whose transaction lost a race. A store error fails the whole call: the
    /// agent resends, and reports carry whole states, so what was written is then skipped
    /// as unchanged.
    async fn commit_report_writes<'r>(
        &self,
        writes: Vec<(ReportWrite, (String, &'r TaskReport))>,
    ) -> Result<(usize, Vec<(String, &'r TaskReport)>)> {
        // A store transaction holds at most `MAX_TXN_OPS` ops (and as many compares).
        let per_txn = (berth_store::MAX_TXN_OPS / 2).max(1);
        let chunks: Vec<_> = writes.chunks(per_txn).collect();
        let commits = chunks.iter().map(|chunk| {
            let mut write = Txn::new();
            for (task, _) in chunk.iter() {
                write.compares.extend(task.compares.iter().cloned());
                write.success.extend(task.ops.iter().cloned());
            }
            self.store.txn(write)
        });
        let results = futures::future::join_all(commits).await;
        let mut won = 0;
        let mut lost = Vec::new();
        let mut seen = 0;
        let mut failed = None;
        for (result, chunk) in results.into_iter().zip(chunks) {
            match result {
                Ok(result) => {
                    seen = seen.max(result.revision);
                    if result.succeeded {
                        won += chunk.len();
                    } else {
                        lost.extend(chunk.iter().map(|(_, task)| task.clone()));
                    }
                }
                Err(err) => {
                    failed.get_or_insert(err);
                }
            }
        }
        // Acknowledged only once the view has what was written, as `App::commit` does.
        self.view.wait_for(seen).await;
        match failed {
            Some(err) => Err(err.into()),
            None => Ok((won, lost)),
        }
    }
}

/// One task's share of a report's transaction: what it compares and writes.
struct ReportWrite {
    compares: Vec<Compare>,
    ops: Vec<Op>,
}

/// What recording `report` of task `id` writes, decided from the view: nothing if the task
/// is unknown (forgotten), STOPPED already (final) or unchanged. The write compares the
/// revisions the decision was made from.
fn report_write(
    agent: &AgentIdentity,
    view: &Snapshot,
    id: &str,
    report: &TaskReport,
) -> Result<Option<ReportWrite>> {
    let Some(entry) = view.tasks.get(id) else {
        return Ok(None);
    };
    let Some(task) = &entry.intent else {
        return Ok(None);
    };
    // The ARN must be the task's own, cluster included (a pool host serves every cluster).
    if task.container_instance_id != agent.instance_id
        || task.host_cluster() != agent.cluster
        || report.task_arn != task.arn
    {
        return Err(Error::Client(format!(
            "Task {} does not belong to this container instance.",
            report.task_arn
        )));
    }
    if let Some(existing) = &entry.status {
        // STOPPED is final: a late report never brings a task back.
        if existing.report.last_status == ReportedStatus::Stopped || existing.report == *report {
            return Ok(None);
        }
    }
    let intent_key = keys::task(&task.cluster, id);
    let status_key = keys::task_status(&task.cluster, id);
    let compares = vec![
        Compare::mod_revision(intent_key.clone(), entry.intent_revision),
        Compare::mod_revision(status_key.clone(), entry.status_revision),
    ];
    let mut ops = Vec::new();
    let stopped_at = match (&entry.status, report.last_status) {
        (_, status) if status != ReportedStatus::Stopped => None,
        (Some(existing), _) if existing.stopped_at.is_some() => existing.stopped_at,
        _ => Some(now()),
    };
    if report.last_status == ReportedStatus::Stopped
        && task.desired_status == DesiredStatus::Running
    {
        // A task that stopped by itself stays stopped, as in ECS.
        let mut intent = task.clone();
        intent.desired_status = DesiredStatus::Stopped;
        intent.version += 1;
        ops.push(put_json(intent_key, &intent)?);
    }
    let record = TaskStatusRecord {
        report: report.clone(),
        stopped_at,
        updated_at: now(),
    };
    ops.push(put_json(status_key, &record)?);
    Ok(Some(ReportWrite { compares, ops }))
}
