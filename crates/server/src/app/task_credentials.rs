//! Task role credentials, the server's side: `GET /agent/v1/tasks/credentials?task=ARN`.
//!
//! An agent asks for the temporary credentials of a task placed on its own instance; it
//! serves them to the task's containers (ECS's container credentials endpoint) and asks
//! again before they expire. The server assumes the task's role (`taskRoleArn`, from the
//! overrides or the definition) as the service principal `ecs-tasks.amazonaws.com`, with
//! the context ECS gives a task role's trust policy: `aws:SourceAccount` (the account) and
//! `aws:SourceArn` (the task's ARN), so a trust policy can narrow the role to tasks of this
//! account, cluster or family. The session is named after the task id and carries the task
//! ARN; it lasts [`TASK_CREDENTIALS_SECONDS`], whatever the role's `MaxSessionDuration`
//! (which bounds only AssumeRole, as in ECS). Calls made with the credentials carry no
//! extra condition keys: ECS sets `aws:SourceArn` only when it assumes the role.
//!
//! Nothing is written: sessions are stateless, so refreshing credentials costs no store
//! write.

use berth_api::protocol::TaskCredentials;

use super::{AgentIdentity, App};
use crate::authz::{self, keys, Context, Decision, TrustPrincipal};
use crate::error::{Error, Result};
use crate::identity::{mint_session, SessionClaims};

/// How long task credentials last: six hours, as ECS's. Agents refresh them well before.
pub const TASK_CREDENTIALS_SECONDS: i64 = 6 * 3600;

/// The service principal ECS assumes task roles as.
pub const ECS_TASKS_PRINCIPAL: &str = "ecs-tasks.amazonaws.com";

impl App {
    /// Temporary credentials for the role of task `task_arn`, for the agent of the
    /// instance the task is placed on.
    pub async fn task_credentials(
        &self,
        agent: &AgentIdentity,
        task_arn: &str,
    ) -> Result<TaskCredentials> {
        let (_, task_id) = self.config.scope.task_id(task_arn)?;
        let (task_arn, role_arn, role) = {
            let view = self.view.read();
            let entry = view.tasks.get(&task_id);
            let Some(task) = entry.and_then(|entry| entry.intent.as_ref()) else {
                return Err(Error::ResourceNotFound(format!(
                    "Task {task_arn} does not exist."
                )));
            };
            if task.host_cluster() != agent.cluster
                || task.container_instance_id != agent.instance_id
            {
                return Err(Error::AccessDenied(format!(
                    "Task {task_arn} is not placed on this agent's container instance; an \
                     agent gets credentials only for its own tasks."
                )));
            }
            if entry.is_some_and(|entry| entry.is_stopped()) {
                return Err(Error::AccessDenied(format!(
                    "Task {task_arn} is STOPPED; stopped tasks get no credentials."
                )));
            }
            let Some(role_arn) = task.task_role_arn.clone() else {
                return Err(Error::ResourceNotFound(format!(
                    "Task {task_arn} has no task role (taskRoleArn), so it has no credentials."
                )));
            };
            let role = if role_arn.starts_with("arn:") {
                view.iam.role_by_arn(&role_arn)
            } else {
                // ECS takes a role's name as well as its ARN.
                view.iam.role(&role_arn)
            };
            let Some(role) = role.cloned() else {
                return Err(Error::ResourceNotFound(format!(
                    "The task role {role_arn} of task {task_arn} does not exist; create it \
                     with a trust policy for {ECS_TASKS_PRINCIPAL}."
                )));
            };
            (task.arn.clone(), role_arn, role)
        };
        let account = &self.config.scope.account;
        let context = Context::new()
            .with(keys::SOURCE_ACCOUNT, account.clone())
            .with(keys::SOURCE_ARN, task_arn.clone())
            .with(keys::PRINCIPAL_SERVICE_NAME, ECS_TASKS_PRINCIPAL);
        let trusted = role.trust.as_ref().is_some_and(|trust| {
            authz::trusts(
                trust,
                &TrustPrincipal::Service(ECS_TASKS_PRINCIPAL),
                &context,
            ) == Decision::Allow
        });
        if !trusted {
            return Err(Error::AccessDenied(format!(
                "The task role {role_arn} does not let {ECS_TASKS_PRINCIPAL} assume it (for \
                 task {task_arn}, account {account}): add a trust policy statement allowing \
                 sts:AssumeRole to the service principal {ECS_TASKS_PRINCIPAL}."
            )));
        }
        let expires_at = crate::model::now() as i64 + TASK_CREDENTIALS_SECONDS;
        let claims = SessionClaims::for_role(&role.record, task_id, expires_at, Some(task_arn));
        let credentials = mint_session(&self.keyring, claims);
        Ok(TaskCredentials {
            role_arn: role.record.arn.clone(),
            access_key_id: credentials.access_key_id,
            secret_access_key: credentials.secret_access_key,
            session_token: credentials.session_token,
            expiration: credentials.expires_at,
        })
    }
}
