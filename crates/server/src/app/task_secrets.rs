//! The secrets a task's containers are given: `secrets[].valueFrom` (SSM parameters and
//! Secrets Manager secrets, injected as environment variables) and
//! `repositoryCredentials` (the registry user name and password for the pull).
//!
//! Nothing of them is in the desired state the agent receives: just before it creates a
//! task's containers, the agent asks `GET /agent/v1/tasks/secrets?task=ARN`, and
//! [`App::task_secrets`] reads each reference now, authorized as the task's execution role
//! ([`App::authorize_role`]: `ssm:GetParameters` on the parameter, or
//! `secretsmanager:GetSecretValue` on the secret). A reference that cannot be read fails
//! the task's start with ECS's `ResourceInitializationError` wording.
//!
//! At registration ([`App::check_secret_references`]) every reference must have a form ECS
//! accepts and name this region and account, and a task definition with secrets or
//! registry credentials must have an execution role, as ECS requires.

use berth_api::ecs::{ContainerDefinition, RegisterTaskDefinitionRequest};
use berth_api::protocol::{ContainerSecrets, RegistryAuth, TaskSecrets};

use super::secret_refs::{parameter_arn, parse_credentials_parameter, parse_value_from, ValueFrom};
use super::secretsmanager::{select_version, SecretPayload};
use super::{AgentIdentity, App};
use crate::apis::Api;
use crate::error::{Error, Result};
use crate::identity::Access;
use crate::model::TaskRecord;

/// How ECS begins the reason of a task whose secrets could not be read.
pub const RESOURCE_INITIALIZATION: &str = "ResourceInitializationError: unable to pull secrets \
                                           or registry auth: execution resource retrieval \
                                           failed: ";

/// Why a task's secrets were not given.
#[derive(Debug)]
pub enum TaskSecretsError {
    /// A reference could not be read (missing, denied, malformed): the task cannot start,
    /// and the message is the `stoppedReason`.
    Unresolved(String),
    /// The agent may not ask (another instance's task), or the server failed.
    Refused(Error),
}

impl From<Error> for TaskSecretsError {
    fn from(error: Error) -> Self {
        TaskSecretsError::Refused(error)
    }
}

fn asm_failure(secret_id: &str, error: &Error) -> TaskSecretsError {
    let wire = error.to_wire(Api::SecretsManager);
    TaskSecretsError::Unresolved(format!(
        "{RESOURCE_INITIALIZATION}unable to retrieve secret from asm: failed to fetch secret \
         {secret_id} from secrets manager: {}: {}",
        wire.code, wire.message
    ))
}

fn asm_content(message: String) -> TaskSecretsError {
    TaskSecretsError::Unresolved(format!(
        "{RESOURCE_INITIALIZATION}unable to retrieve secret from asm: {message}"
    ))
}

fn ssm_failure(message: String) -> TaskSecretsError {
    TaskSecretsError::Unresolved(format!(
        "{RESOURCE_INITIALIZATION}unable to retrieve secrets from ssm: {message}"
    ))
}

/// Whether a container definition needs anything from berth's secret stores.
fn needs_secrets(definition: &ContainerDefinition) -> bool {
    definition.secrets.as_ref().is_some_and(|s| !s.is_empty())
        || definition.repository_credentials.is_some()
}

impl App {
    /// Refuses, at registration, secret references of a form ECS does not accept or of
    /// another region or account, and secrets without an execution role to read them with.
    pub(crate) fn check_secret_references(
        &self,
        req: &RegisterTaskDefinitionRequest,
    ) -> Result<()> {
        let scope = &self.config.scope;
        if let Some(role) = &req.execution_role_arn {
            check_role_arn(scope, role)?;
        }
        for container in &req.container_definitions {
            let name = container.name.as_deref().unwrap_or_default();
            for secret in container.secrets.iter().flatten() {
                parse_value_from(scope, &secret.value_from).map_err(|why| {
                    Error::client(format!(
                        "Invalid 'secrets' setting for container '{name}': the valueFrom of \
                         '{}' is not valid. {why}",
                        secret.name
                    ))
                })?;
            }
            if let Some(credentials) = &container.repository_credentials {
                parse_credentials_parameter(scope, &credentials.credentials_parameter).map_err(
                    |why| {
                        Error::client(format!(
                            "Invalid 'repositoryCredentials' setting for container '{name}'. \
                             {why}"
                        ))
                    },
                )?;
            }
            if req.execution_role_arn.is_none() {
                if container.secrets.as_ref().is_some_and(|s| !s.is_empty()) {
                    return Err(Error::client(
                        "When you are specifying container secrets, you must also specify a \
                         value for 'executionRoleArn'.",
                    ));
                }
                if container.repository_credentials.is_some() {
                    return Err(Error::client(
                        "When you are specifying 'repositoryCredentials', you must also specify \
                         a value for 'executionRoleArn': berth reads the registry credentials \
                         with the task execution role.",
                    ));
                }
            }
        }
        Ok(())
    }

    /// Refuses an `overrides.executionRoleArn` that is not an IAM role ARN of the account.
    pub(crate) fn check_execution_role_override(
        &self,
        overrides: Option<&berth_api::ecs::TaskOverride>,
    ) -> Result<()> {
        match overrides.and_then(|o| o.execution_role_arn.as_deref()) {
            Some(role) => check_role_arn(&self.config.scope, role)
                .map_err(|e| Error::invalid(format!("'overrides.executionRoleArn': {e}"))),
            None => Ok(()),
        }
    }

    /// The secrets of `task_arn`, which must be a task of the agent's instance that is not
    /// STOPPED, read now with its execution role.
    pub async fn task_secrets(
        &self,
        agent: &AgentIdentity,
        task_arn: &str,
    ) -> std::result::Result<TaskSecrets, TaskSecretsError> {
        self.touch_agent(&agent.instance_id);
        let (_, id) = self.config.scope.task_id(task_arn).map_err(Error::from)?;
        let task = {
            let view = self.view.read();
            view.tasks
                .get(&id)
                .filter(|entry| !entry.is_stopped())
                .and_then(|entry| entry.intent.clone())
                .filter(|task| {
                    task.container_instance_id == agent.instance_id
                        && task.host_cluster() == agent.cluster
                })
        };
        let Some(task) = task else {
            return Err(Error::client(format!(
                "Task {task_arn} is not a running task of this container instance."
            ))
            .into());
        };
        self.resolve_task_secrets(&task).await
    }

    async fn resolve_task_secrets(
        &self,
        task: &TaskRecord,
    ) -> std::result::Result<TaskSecrets, TaskSecretsError> {
        let mut secrets = TaskSecrets::default();
        for container in &task.containers {
            let definition = &container.definition;
            if !needs_secrets(definition) {
                continue;
            }
            let Some(role) = task.execution_role_arn.as_deref() else {
                return Err(TaskSecretsError::Unresolved(format!(
                    "{RESOURCE_INITIALIZATION}the task has no execution role (executionRoleArn) \
                     to read its secrets with"
                )));
            };
            let mut resolved = ContainerSecrets {
                name: definition.name.clone().unwrap_or_default(),
                ..ContainerSecrets::default()
            };
            for secret in definition.secrets.iter().flatten() {
                let value = self.resolve_value_from(role, &secret.value_from).await?;
                resolved.environment.push((secret.name.clone(), value));
            }
            if let Some(credentials) = &definition.repository_credentials {
                resolved.registry_auth = Some(
                    self.resolve_registry_auth(role, &credentials.credentials_parameter)
                        .await?,
                );
            }
            secrets.containers.push(resolved);
        }
        Ok(secrets)
    }

    /// One `valueFrom`, as its execution role may read it.
    async fn resolve_value_from(
        &self,
        role: &str,
        value_from: &str,
    ) -> std::result::Result<String, TaskSecretsError> {
        let reference = parse_value_from(&self.config.scope, value_from)
            .map_err(|why| ssm_failure(format!("invalid valueFrom {value_from}: {why}")))?;
        match reference {
            ValueFrom::Parameter(reference) => {
                let arn = parameter_arn(&self.config.scope, &reference.names[0]);
                if let Err(error) =
                    self.authorize_role(role, &[Access::new("ssm:GetParameters", &arn)], &[])
                {
                    let wire = error.to_wire(Api::Ssm);
                    return Err(ssm_failure(format!("{}: {}", wire.code, wire.message)));
                }
                let invalid = || ssm_failure(format!("invalid parameters: {value_from}"));
                let (record, _) = self.find_parameter(&reference).await?.ok_or_else(invalid)?;
                let version = match &reference.selector {
                    None => record.latest(),
                    Some(super::secret_refs::Selector::Version(v)) => record
                        .versions
                        .iter()
                        .find(|x| x.version == *v)
                        .ok_or_else(invalid)?,
                    Some(super::secret_refs::Selector::Label(l)) => record
                        .versions
                        .iter()
                        .find(|x| x.labels.contains(l))
                        .ok_or_else(invalid)?,
                };
                Ok(self.open_parameter_value(&record, version, true)?)
            }
            ValueFrom::Secret {
                secret_id,
                json_key,
                version_stage,
                version_id,
            } => {
                let text = self
                    .read_secret_string(
                        role,
                        &secret_id,
                        version_id.as_deref(),
                        version_stage.as_deref(),
                    )
                    .await?;
                let Some(key) = json_key else {
                    return Ok(text);
                };
                let object: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(&text).map_err(|_| {
                        asm_content(format!(
                            "the secret {secret_id} is not a JSON object, so its json key \
                             {key} cannot be read"
                        ))
                    })?;
                match object.get(&key) {
                    Some(serde_json::Value::String(value)) => Ok(value.clone()),
                    Some(other) => Ok(other.to_string()),
                    None => Err(asm_content(format!(
                        "retrieved secret from Secrets Manager did not contain json key {key}"
                    ))),
                }
            }
        }
    }

    /// The registry user name and password a `credentialsParameter` names: a Secrets
    /// Manager secret whose SecretString is `{"username": …, "password": …}`.
    async fn resolve_registry_auth(
        &self,
        role: &str,
        parameter: &str,
    ) -> std::result::Result<RegistryAuth, TaskSecretsError> {
        parse_credentials_parameter(&self.config.scope, parameter)
            .map_err(|why| asm_content(format!("invalid repositoryCredentials: {why}")))?;
        let text = self.read_secret_string(role, parameter, None, None).await?;
        let field = |object: &serde_json::Map<String, serde_json::Value>, name: &str| {
            object.get(name).and_then(|v| v.as_str()).map(str::to_owned)
        };
        let object: Option<serde_json::Map<String, serde_json::Value>> =
            serde_json::from_str(&text).ok();
        match object
            .as_ref()
            .and_then(|o| Some((field(o, "username")?, field(o, "password")?)))
        {
            Some((username, password)) => Ok(RegistryAuth { username, password }),
            None => Err(asm_content(format!(
                "the registry credentials secret {parameter} must be a JSON object with string \
                 members \"username\" and \"password\""
            ))),
        }
    }

    /// A secret's SecretString, as the execution role may read it.
    async fn read_secret_string(
        &self,
        role: &str,
        secret_id: &str,
        version_id: Option<&str>,
        version_stage: Option<&str>,
    ) -> std::result::Result<String, TaskSecretsError> {
        let resource = self.secret_resource(secret_id).await;
        self.authorize_role(
            role,
            &[Access::new("secretsmanager:GetSecretValue", &resource)],
            &[],
        )
        .map_err(|error| asm_failure(secret_id, &error))?;
        let (record, _) = match self.find_secret(secret_id).await {
            Ok(Some(found)) => found,
            Ok(None) => {
                return Err(asm_failure(
                    secret_id,
                    &Error::api(
                        "ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret.",
                    ),
                ))
            }
            Err(error) => return Err(asm_failure(secret_id, &error)),
        };
        if record.deletion_date.is_some() {
            return Err(asm_failure(
                secret_id,
                &Error::api(
                    "InvalidRequestException",
                    "You can't perform this operation on the secret because it was marked for \
                     deletion.",
                ),
            ));
        }
        let version = select_version(&record, version_id, version_stage)
            .map_err(|error| asm_failure(secret_id, &error))?;
        match self.read_secret_value(&record, &version.id).await? {
            SecretPayload::String(text) => Ok(text),
            SecretPayload::Binary(_) => Err(asm_content(format!(
                "the secret {secret_id} holds a SecretBinary; only SecretString values can be \
                 given to a container"
            ))),
        }
    }
}

/// An execution role must be an IAM role ARN of this account.
fn check_role_arn(scope: &berth_api::arn::ArnScope, role: &str) -> Result<()> {
    let prefix = format!("arn:{}:iam::{}:role/", scope.partition, scope.account);
    match role.strip_prefix(&prefix) {
        Some(name) if !name.is_empty() && !name.ends_with('/') => Ok(()),
        _ => Err(Error::client(format!(
            "Role is not valid: 'executionRoleArn' must be the ARN of an IAM role of this \
             account ({prefix}NAME), not '{role}'."
        ))),
    }
}
