//! ECS Exec: ExecuteCommand issues a session into a running task's container (see
//! [`crate::exec`] for the session's life), and the agent's side: taking the sessions
//! granted to its instance.

use std::time::Duration;

use berth_api::ecs::{ExecuteCommandRequest, ExecuteCommandResponse, Session};
use berth_api::protocol::ExecGrants;
use berth_api::ssm::{
    ResumeSessionRequest, ResumeSessionResponse, TerminateSessionRequest, TerminateSessionResponse,
};

use super::{AgentIdentity, App};
use crate::error::{Error, Result};
use crate::exec::{SessionError, SessionTarget};

/// The longest `command` accepted (ECS allows 4,096 characters).
const MAX_COMMAND_LEN: usize = 4096;

/// ECS's refusal of a task that was not run with exec enabled (or whose exec agent does
/// not run).
const NOT_ENABLED: &str = "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn't running. Wait and try again or run a new task with execute command enabled and try again.";

impl App {
    /// ExecuteCommand with the stream URL based at the server's own address.
    pub async fn execute_command(
        &self,
        req: ExecuteCommandRequest,
    ) -> Result<ExecuteCommandResponse> {
        let origin = self.exec_origin();
        self.execute_command_at(req, &origin).await
    }

    /// ExecuteCommand, with `origin` (`ws://host:port` or `wss://…`, as the caller reached
    /// the server) as the base of the session's stream URL.
    pub async fn execute_command_at(
        &self,
        req: ExecuteCommandRequest,
        origin: &str,
    ) -> Result<ExecuteCommandResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.command.trim().is_empty() || req.command.len() > MAX_COMMAND_LEN {
            return Err(Error::invalid(format!(
                "command must be 1-{MAX_COMMAND_LEN} characters."
            )));
        }
        let command = shlex::split(&req.command).filter(|c| !c.is_empty()).ok_or_else(|| {
            Error::invalid(
                "command could not be split into arguments: check its quotes. It is run without a shell; to use shell syntax, run sh -c '…'.",
            )
        })?;
        let (arn_cluster, id) = self.config.scope.task_id(&req.task)?;
        if arn_cluster.is_some_and(|c| c != cluster) {
            return Err(Error::invalid(format!(
                "The task {} is not in cluster {cluster}.",
                req.task
            )));
        }
        let (task, container, running, exec_running, connected) = {
            let view = self.view.read();
            let entry = view
                .tasks
                .get(&id)
                .filter(|e| e.intent.as_ref().is_some_and(|t| t.cluster == cluster))
                .ok_or_else(|| {
                    Error::invalid(format!(
                        "The task {} was not found in cluster {cluster}.",
                        req.task
                    ))
                })?;
            let task = entry.intent.clone().expect("filtered on intent");
            let container = match &req.container {
                Some(name) => task
                    .containers
                    .iter()
                    .find(|c| c.definition.name.as_deref() == Some(name.as_str()))
                    .ok_or_else(|| {
                        Error::invalid(format!(
                            "The task {} has no container named {name}.",
                            req.task
                        ))
                    })?,
                None if task.containers.len() == 1 => &task.containers[0],
                None => {
                    return Err(Error::invalid(
                        "The task has more than one container: name one with 'container'.",
                    ))
                }
            }
            .clone();
            let name = container.definition.name.clone().unwrap_or_default();
            let observed = entry
                .status
                .as_ref()
                .and_then(|s| s.report.containers.iter().find(|c| c.name == name));
            let running = entry.last_status() == "RUNNING";
            let exec_running = observed.is_some_and(|c| c.exec_agent_running);
            let connected = self.agent_connected(&task.container_instance_id);
            (task, container, running, exec_running, connected)
        };
        if !task.enable_execute_command {
            return Err(Error::invalid(NOT_ENABLED));
        }
        if !running {
            return Err(Error::invalid(format!(
                "The execute command failed because the task {} is not RUNNING. Wait until it runs, or run a new task.",
                task.arn
            )));
        }
        if !connected {
            return Err(Error::Api {
                code: "TargetNotConnectedException",
                message: format!(
                    "The execute command failed due to an internal error: the agent of the task's container instance ({}) is not connected. Check that berth agent runs there, then try again.",
                    task.container_instance_arn
                ),
                status: 400,
            });
        }
        if !exec_running {
            return Err(Error::invalid(NOT_ENABLED));
        }
        let container_name = container.definition.name.clone().unwrap_or_default();
        let (session_id, token) = self
            .exec
            .issue(SessionTarget {
                cluster: cluster.clone(),
                task_arn: task.arn.clone(),
                instance_id: task.container_instance_id.clone(),
                container_name: container_name.clone(),
                command,
                interactive: req.interactive,
            })
            .map_err(|e| Error::Api {
                code: "ServerException",
                message: e.to_string(),
                status: 500,
            })?;
        Ok(ExecuteCommandResponse {
            cluster_arn: Some(self.config.scope.cluster(&cluster)),
            container_arn: Some(container.arn.clone()),
            container_name: Some(container_name),
            interactive: Some(req.interactive),
            session: Some(Session {
                stream_url: Some(format!("{origin}/exec/v1/sessions/{session_id}/stream")),
                session_id: Some(session_id),
                token_value: Some(token),
            }),
            task_arn: Some(task.arn),
        })
    }

    /// The exec sessions waiting for this agent, long-polled for up to `wait`.
    pub async fn exec_grants(&self, agent: &AgentIdentity, wait: Duration) -> ExecGrants {
        let waker = self.exec.waker(&agent.instance_id);
        let deadline = tokio::time::Instant::now() + wait.min(self.config.max_poll_wait);
        loop {
            // Register interest before looking, so a grant queued in between wakes us.
            let notified = waker.notified();
            let grants = self.exec.take_grants(&agent.instance_id);
            if !grants.is_empty() {
                return ExecGrants { grants };
            }
            tokio::select! {
                _ = notified => {}
                _ = tokio::time::sleep_until(deadline) => return ExecGrants::default(),
                _ = self.shutdown.cancelled() => return ExecGrants::default(),
            }
        }
    }

    /// The base of stream URLs when the caller's address is not known: the server's own
    /// listening address.
    pub fn exec_origin(&self) -> String {
        self.exec_origin
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .unwrap_or_else(|| "ws://127.0.0.1".to_owned())
    }

    /// Records the server's own address for [`App::exec_origin`].
    pub(crate) fn set_exec_origin(&self, addr: std::net::SocketAddr, tls: bool) {
        let scheme = if tls { "wss" } else { "ws" };
        *self.exec_origin.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(format!("{scheme}://{addr}"));
    }
}

/// SSM's answer for a session it does not know.
fn no_such_session(id: &str) -> Error {
    Error::Api {
        code: "DoesNotExistException",
        message: format!("The session {id} does not exist or has ended."),
        status: 400,
    }
}

impl App {
    /// SSM ResumeSession: a new token for a session whose stream was not opened yet (its
    /// token expired, say). A session whose stream is open is not resumed: berth does not
    /// reconnect a relay whose client went away.
    pub async fn ssm_resume_session(
        &self,
        req: ResumeSessionRequest,
    ) -> Result<ResumeSessionResponse> {
        match self.exec.reissue(&req.session_id) {
            Ok(token) => Ok(ResumeSessionResponse {
                stream_url: Some(format!(
                    "{}/exec/v1/sessions/{}/stream",
                    self.exec_origin(),
                    req.session_id
                )),
                session_id: Some(req.session_id),
                token_value: Some(token),
            }),
            Err(SessionError::Unknown(_)) => Err(no_such_session(&req.session_id)),
            Err(_) => Err(Error::invalid(format!(
                "The session {} is connected already; berth cannot resume a session whose connection was lost. Start a new one with ExecuteCommand.",
                req.session_id
            ))),
        }
    }

    /// SSM TerminateSession: ends the session (the command's streams close). Ending a
    /// session that already ended succeeds, as SSM's does: the plugin calls it at the end
    /// of every session.
    pub async fn ssm_terminate_session(
        &self,
        req: TerminateSessionRequest,
    ) -> Result<TerminateSessionResponse> {
        self.exec.terminate(&req.session_id);
        Ok(TerminateSessionResponse {
            session_id: Some(req.session_id),
        })
    }
}
