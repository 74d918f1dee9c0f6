//! Host loss: deciding that a container instance's host is gone, and stopping its tasks
//! server-side.
//!
//! An agent that has not been heard from for `agent_ttl` is shown `agentConnected: false`
//! (see [`App::agent_connected`]). Once it has been silent for `agent_ttl +
//! host_lost_grace`, its host is lost: each of its tasks that is not STOPPED gets a
//! STOPPED intent (stop code `TerminationNotice`, the closest of ECS's codes: ECS has no
//! code for a lost host) and a STOPPED status record, in one transaction per task. A
//! STOPPED task leaves the instance's desired set, so if the host comes back its agent
//! stops those containers; reports never move a task out of STOPPED, so nothing comes back
//! to life.
//!
//! Silence is measured from the later of the last time the agent was heard from and the
//! server's start, because liveness lives in memory: after a restart no agent has been
//! heard from yet. An agent not heard from since the start also gets
//! [`RECONNECT_ALLOWANCE`], because after a long outage its retry backoff may be that long.

use std::time::Duration;

use berth_api::protocol::{ContainerReport, DesiredStatus, ReportedStatus, TaskReport};
use berth_store::Compare;

use super::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::model::{keys, now, TaskRecord, TaskStatusRecord};

/// The stop code of tasks whose host was lost.
pub const HOST_LOST_STOP_CODE: &str = "TerminationNotice";

/// Extra time an agent not heard from since the server started has to reconnect: the
/// ceiling of the agent's retry backoff (`AgentConfig::max_backoff`'s default).
pub const RECONNECT_ALLOWANCE: Duration = Duration::from_secs(30);

/// How many times a task's stop is retried when it races another write to the task.
const STOP_ATTEMPTS: usize = 5;

/// A container instance whose host is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LostInstance {
    pub cluster: String,
    pub instance_id: String,
    /// How long its agent has been silent (since the server started, if never heard).
    pub silent_for: Duration,
    /// The tasks on it that are not STOPPED, as (their cluster, ID): a Fargate pool
    /// host's tasks are in the users' clusters, not the instance's.
    pub task_ids: Vec<(String, String)>,
}

impl App {
    /// How long the instance's agent has been silent, and whether it was heard from at
    /// all since this server started.
    fn agent_silence(&self, instance_id: &str) -> (Duration, bool) {
        let seen = self.last_seen.lock().unwrap_or_else(|p| p.into_inner());
        match seen.get(instance_id) {
            Some(at) => (at.elapsed(), true),
            None => (self.started.elapsed(), false),
        }
    }

    /// Whether an agent silent for `silent_for` has lost its host.
    fn host_lost(&self, silent_for: Duration, heard_since_start: bool) -> bool {
        let mut limit = self.config.agent_ttl + self.config.host_lost_grace;
        if !heard_since_start {
            limit += RECONNECT_ALLOWANCE;
        }
        silent_for > limit
    }

    /// The instances whose host is lost and that still have tasks that are not STOPPED.
    /// Deregistered (INACTIVE) instances are left alone: their tasks are orphaned, as in
    /// ECS.
    pub(crate) fn lost_instances(&self) -> Vec<LostInstance> {
        let view = self.view.read();
        let mut lost = Vec::new();
        for ((cluster, id), instance) in &view.instances {
            if instance.status == "INACTIVE" {
                continue;
            }
            let (silent_for, heard) = self.agent_silence(id);
            if !self.host_lost(silent_for, heard) {
                continue;
            }
            let task_ids: Vec<(String, String)> = view
                .tasks_by_instance
                .get(id)
                .into_iter()
                .flatten()
                .filter_map(|task_id| {
                    let entry = view.tasks.get(task_id)?;
                    let task = entry.intent.as_ref().filter(|_| !entry.is_stopped())?;
                    Some((task.cluster.clone(), task_id.clone()))
                })
                .collect();
            if !task_ids.is_empty() {
                lost.push(LostInstance {
                    cluster: cluster.clone(),
                    instance_id: id.clone(),
                    silent_for,
                    task_ids,
                });
            }
        }
        lost
    }

    /// Marks every listed task of a lost instance STOPPED; returns how many it stopped.
    pub(crate) async fn stop_lost_host_tasks(&self, lost: &LostInstance) -> Result<usize> {
        let reason = format!(
            "Host lost: the agent of container instance {} sent no heartbeat for {}s",
            lost.instance_id,
            lost.silent_for.as_secs()
        );
        let mut stopped = 0;
        for (cluster, id) in &lost.task_ids {
            if self.stop_lost_task(cluster, id, &reason).await? {
                stopped += 1;
            }
        }
        Ok(stopped)
    }

    /// Writes a STOPPED intent and status for one task, unless it is STOPPED already.
    /// Both keys are compared on their revisions, so a concurrent StopTask or agent report
    /// makes this re-read and retry rather than overwrite it.
    async fn stop_lost_task(&self, cluster: &str, id: &str, reason: &str) -> Result<bool> {
        let intent_key = keys::task(cluster, id);
        let status_key = keys::task_status(cluster, id);
        for _ in 0..STOP_ATTEMPTS {
            let Some(intent_kv) = self.store.get(&intent_key).await? else {
                return Ok(false);
            };
            let status_kv = self.store.get(&status_key).await?;
            let mut intent: TaskRecord =
                serde_json::from_slice(&intent_kv.value).map_err(|e| Error::Internal(e.into()))?;
            let previous: Option<TaskStatusRecord> = match &status_kv {
                Some(kv) => {
                    Some(serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?)
                }
                None => None,
            };
            if previous
                .as_ref()
                .is_some_and(|p| p.report.last_status == ReportedStatus::Stopped)
            {
                return Ok(false);
            }
            let at = now();
            // The first reason to stop stands: a task the user was already stopping keeps
            // the user's code and reason.
            if intent.desired_status != DesiredStatus::Stopped || intent.stop_code.is_none() {
                intent.stop_code = Some(HOST_LOST_STOP_CODE.to_owned());
                intent.stopped_reason = Some(reason.to_owned());
            }
            if intent.desired_status != DesiredStatus::Stopped {
                intent.desired_status = DesiredStatus::Stopped;
                intent.stopping_at = Some(at);
            }
            intent.version += 1;
            let status = TaskStatusRecord {
                report: stopped_report(&intent, previous.as_ref().map(|p| &p.report), at),
                stopped_at: Some(at),
                updated_at: at,
            };
            let result = self
                .commit(txn(
                    vec![
                        Compare::ModRevision {
                            key: intent_key.clone(),
                            revision: intent_kv.mod_revision,
                        },
                        Compare::ModRevision {
                            key: status_key.clone(),
                            revision: status_kv.as_ref().map_or(0, |kv| kv.mod_revision),
                        },
                    ],
                    vec![
                        put_json(intent_key.clone(), &intent)?,
                        put_json(status_key.clone(), &status)?,
                    ],
                ))
                .await;
            match result {
                Ok(_) => return Ok(true),
                Err(Error::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(Error::Conflict)
    }
}

/// The task's report once its host is lost: STOPPED, every container STOPPED, with what
/// the agent last reported (runtime IDs, timestamps) kept.
fn stopped_report(intent: &TaskRecord, previous: Option<&TaskReport>, at: f64) -> TaskReport {
    let containers = intent
        .containers
        .iter()
        .map(|container| {
            let name = container.definition.name.clone().unwrap_or_default();
            let reported = previous.and_then(|p| p.containers.iter().find(|c| c.name == name));
            ContainerReport {
                name,
                runtime_id: reported.and_then(|c| c.runtime_id.clone()),
                last_status: ReportedStatus::Stopped,
                exit_code: reported.and_then(|c| c.exit_code),
                reason: Some("Host lost".to_owned()),
                network_bindings: Vec::new(),
                health_status: reported.and_then(|c| c.health_status),
                image_digest: reported.and_then(|c| c.image_digest.clone()),
                restart_count: reported.and_then(|c| c.restart_count),
                exec_agent_running: false,
            }
        })
        .collect();
    TaskReport {
        task_arn: intent.arn.clone(),
        last_status: ReportedStatus::Stopped,
        containers,
        stop_code: intent.stop_code.clone(),
        stopped_reason: intent.stopped_reason.clone(),
        pull_started_at: previous.and_then(|p| p.pull_started_at),
        pull_stopped_at: previous.and_then(|p| p.pull_stopped_at),
        started_at: previous.and_then(|p| p.started_at),
        stopping_at: intent.stopping_at,
        execution_stopped_at: Some(at),
        health_status: previous.and_then(|p| p.health_status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Reservation, TaskContainer};
    use berth_api::ecs;

    fn task(containers: &[&str]) -> TaskRecord {
        TaskRecord {
            id: "t1".into(),
            arn: "arn:aws:ecs:us-east-1:000000000000:task/default/t1".into(),
            cluster: "default".into(),
            task_definition_arn: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1".into(),
            family: "web".into(),
            revision: 1,
            container_instance_id: "i1".into(),
            container_instance_arn:
                "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i1".into(),
            launch_type: ecs::LaunchType::Ec2,
            network_mode: ecs::NetworkMode::Bridge,
            cpu: None,
            memory: None,
            reserved: Reservation::default(),
            containers: containers
                .iter()
                .map(|name| TaskContainer {
                    arn: format!("arn:container/{name}"),
                    definition: ecs::ContainerDefinition {
                        name: Some((*name).to_owned()),
                        ..ecs::ContainerDefinition::default()
                    },
                    gpu_ids: Vec::new(),
                })
                .collect(),
            volumes: Vec::new(),
            pid_mode: None,
            ipc_mode: None,
            network: None,
            overrides: ecs::TaskOverride::default(),
            task_role_arn: None,
            execution_role_arn: None,
            started_by: None,
            service: None,
            reference_id: None,
            group: "family:web".into(),
            tags: Vec::new(),
            created_at: 1.0,
            desired_status: DesiredStatus::Stopped,
            stop_code: Some(HOST_LOST_STOP_CODE.into()),
            stopped_reason: Some("Host lost: test".into()),
            stopping_at: Some(5.0),
            version: 2,
            enable_execute_command: false,
            targets: Vec::new(),
            deactivating: false,
            capacity_provider_name: None,
            platform_version: None,
            isolation: Default::default(),
        }
    }

    #[test]
    fn a_lost_task_reports_every_container_stopped_and_keeps_what_the_agent_saw() {
        let intent = task(&["app", "sidecar"]);
        let previous = TaskReport {
            task_arn: intent.arn.clone(),
            last_status: ReportedStatus::Running,
            containers: vec![ContainerReport {
                name: "app".into(),
                runtime_id: Some("abc".into()),
                last_status: ReportedStatus::Running,
                exit_code: None,
                reason: None,
                network_bindings: vec![ecs::NetworkBinding::default()],
                health_status: None,
                image_digest: Some("sha256:1".into()),
                restart_count: None,
                exec_agent_running: false,
            }],
            stop_code: None,
            stopped_reason: None,
            pull_started_at: Some(2.0),
            pull_stopped_at: Some(3.0),
            started_at: Some(4.0),
            stopping_at: None,
            execution_stopped_at: None,
            health_status: None,
        };
        let report = stopped_report(&intent, Some(&previous), 9.0);
        assert_eq!(report.last_status, ReportedStatus::Stopped);
        assert_eq!(report.stop_code.as_deref(), Some("TerminationNotice"));
        assert_eq!(report.stopped_reason.as_deref(), Some("Host lost: test"));
        assert_eq!(report.started_at, Some(4.0));
        assert_eq!(report.stopping_at, Some(5.0));
        assert_eq!(report.execution_stopped_at, Some(9.0));
        assert_eq!(report.containers.len(), 2);
        assert!(report
            .containers
            .iter()
            .all(|c| c.last_status == ReportedStatus::Stopped && c.network_bindings.is_empty()));
        assert_eq!(report.containers[0].runtime_id.as_deref(), Some("abc"));
        assert_eq!(report.containers[1].runtime_id, None);
    }
}
