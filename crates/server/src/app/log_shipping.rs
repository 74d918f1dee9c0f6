//! The agent side of `awslogs`: agents ship their containers' lines to the server, which
//! stores them in the CloudWatch Logs engine (`POST /agent/v1/logs/open` and `/put`, see
//! `berth_api::protocol`).
//!
//! An agent may ship only for tasks placed on its own instance, and only into the group
//! and stream the container's `logConfiguration` names: the server derives both from the
//! task it holds ([`berth_api::awslogs::destination`]), never from the request. Each line
//! carries its Docker log position, and the engine keeps the stream's last stored
//! position in the same durable write as the events, so a batch resent after a lost
//! answer or an agent restart stores nothing twice.

use berth_api::awslogs;
use berth_api::ecs::LogDriver;
use berth_api::protocol::{
    LogBatch, LogBatchResponse, LogPosition, LogStreamRequest, LogStreamTarget,
};
use berth_logs::{LogError, LogStore, NewEvent, Position};

use super::{AgentIdentity, App};
use crate::error::{Error, Result};

/// The engine's refusal when a batch's group is missing and may not be created, in
/// CloudWatch's words (ECS's agent shows this when the awslogs driver cannot start).
fn group_missing(group: &str) -> LogError {
    LogError::GroupNotFound(group.to_owned())
}

/// Makes sure the destination exists: the group (when `awslogs-create-group` allows) and
/// the stream. Idempotent.
fn prepare(store: &LogStore, destination: &awslogs::Destination) -> berth_logs::Result<()> {
    if destination.create_group {
        match store.create_group(&destination.group, Default::default()) {
            Ok(_) | Err(LogError::GroupAlreadyExists(_)) => {}
            Err(e) => return Err(e),
        }
    }
    match store.create_stream(&destination.group, &destination.stream) {
        Ok(_) | Err(LogError::StreamAlreadyExists { .. }) => Ok(()),
        Err(LogError::GroupNotFound(_)) => Err(group_missing(&destination.group)),
        Err(e) => Err(e),
    }
}

fn position(p: Position) -> LogPosition {
    LogPosition {
        time_ns: p.time_ns,
        index: p.index,
    }
}

impl App {
    /// Where the container's lines go, after checking that the task is on the agent's
    /// instance and the container uses `awslogs`.
    fn shipping_destination(
        &self,
        agent: &AgentIdentity,
        task_arn: &str,
        container_name: &str,
        container_id: &str,
    ) -> Result<awslogs::Destination> {
        let task_id = task_arn.rsplit('/').next().unwrap_or(task_arn);
        let forbidden = || {
            Error::client(format!(
                "Task {task_arn} is not placed on container instance {}.",
                agent.instance_id
            ))
        };
        let view = self.view.read();
        let task = view
            .tasks
            .get(task_id)
            .and_then(|entry| entry.intent.as_ref())
            .filter(|task| task.arn == task_arn)
            .ok_or_else(forbidden)?;
        if task.container_instance_id != agent.instance_id || task.host_cluster() != agent.cluster {
            return Err(forbidden());
        }
        let definition = task
            .containers
            .iter()
            .map(|c| &c.definition)
            .find(|d| d.name.as_deref() == Some(container_name))
            .ok_or_else(|| {
                Error::invalid(format!(
                    "Task {task_arn} has no container named '{container_name}'."
                ))
            })?;
        let options = match &definition.log_configuration {
            Some(config) if config.log_driver == LogDriver::Awslogs => {
                config.options.clone().unwrap_or_default()
            }
            _ => {
                return Err(Error::client(format!(
                    "Container '{container_name}' of task {task_arn} does not use the awslogs log driver."
                )))
            }
        };
        let is_docker_id = container_id.len() == 64
            && container_id
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase());
        if awslogs::needs_container_id(&options) && !is_docker_id {
            return Err(Error::invalid(format!(
                "'{container_id}' is not a Docker container ID (64 lowercase hexadecimal digits)."
            )));
        }
        awslogs::destination(&options, container_name, task_id, Some(container_id)).ok_or_else(
            || {
                Error::client(format!(
                    "Container '{container_name}' of task {task_arn} names no awslogs-group."
                ))
            },
        )
    }

    /// `POST /agent/v1/logs/open`.
    pub async fn agent_open_log_stream(
        &self,
        agent: &AgentIdentity,
        request: LogStreamRequest,
    ) -> Result<LogStreamTarget> {
        self.touch_agent(&agent.instance_id);
        let destination = self.shipping_destination(
            agent,
            &request.task_arn,
            &request.container_name,
            &request.container_id,
        )?;
        let target = destination.clone();
        let stored = self
            .with_logs(move |store| {
                prepare(store, &target)?;
                store.stream_position(&target.group, &target.stream)
            })
            .await?;
        Ok(LogStreamTarget {
            log_group: destination.group,
            log_stream: destination.stream,
            position: stored.map(position),
        })
    }

    /// `POST /agent/v1/logs/put`: stores a batch; answers once it is durable. A stream
    /// deleted meanwhile is made again (and its group, when the options allow).
    pub async fn agent_put_logs(
        &self,
        agent: &AgentIdentity,
        batch: LogBatch,
    ) -> Result<LogBatchResponse> {
        self.touch_agent(&agent.instance_id);
        let destination = self.shipping_destination(
            agent,
            &batch.task_arn,
            &batch.container_name,
            &batch.container_id,
        )?;
        let count = batch.events.len();
        let outcome = self
            .with_logs(move |store| {
                let events: Vec<NewEvent<'_>> = batch
                    .events
                    .iter()
                    .map(|e| NewEvent {
                        timestamp: e.timestamp,
                        message: &e.message,
                        position: Some(Position {
                            time_ns: e.position.time_ns,
                            index: e.position.index,
                        }),
                    })
                    .collect();
                let append = || store.append(&destination.group, &destination.stream, &events);
                match append() {
                    Err(LogError::GroupNotFound(_) | LogError::StreamNotFound { .. }) => {
                        prepare(store, &destination)?;
                        append()
                    }
                    other => other,
                }
            })
            .await?;
        Ok(LogBatchResponse {
            stored: outcome.stored,
            duplicates: outcome.duplicates,
            rejected: count.saturating_sub(outcome.stored + outcome.duplicates),
        })
    }
}
