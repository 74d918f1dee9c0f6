//! Helpers the secrets tests share: SSM and Secrets Manager clients of a test cluster,
//! signed as the administrator or as a session of an IAM role; roles written into the
//! store (the IAM API is another part of berth); and searching berth's files and logs for
//! a secret value.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use aws_credential_types::Credentials;
use berth_testkit::TestCluster;

/// The administrator's credentials.
pub fn admin(cluster: &TestCluster) -> Credentials {
    Credentials::new(
        &cluster.server.credentials.access_key_id,
        &cluster.server.credentials.secret_access_key,
        None,
        None,
        "berth-test",
    )
}

fn region(cluster: &TestCluster) -> String {
    cluster.server.app.config.scope.region.clone()
}

/// An SSM client signed with `credentials`.
pub fn ssm_as(cluster: &TestCluster, credentials: Credentials) -> aws_sdk_ssm::Client {
    let config = aws_sdk_ssm::Config::builder()
        .behavior_version(aws_sdk_ssm::config::BehaviorVersion::latest())
        .region(aws_sdk_ssm::config::Region::new(region(cluster)))
        .credentials_provider(credentials)
        .endpoint_url(cluster.endpoint())
        .build();
    aws_sdk_ssm::Client::from_conf(config)
}

/// A Secrets Manager client signed with `credentials`.
pub fn secrets_as(
    cluster: &TestCluster,
    credentials: Credentials,
) -> aws_sdk_secretsmanager::Client {
    let config = aws_sdk_secretsmanager::Config::builder()
        .behavior_version(aws_sdk_secretsmanager::config::BehaviorVersion::latest())
        .region(aws_sdk_secretsmanager::config::Region::new(region(cluster)))
        .credentials_provider(credentials)
        .endpoint_url(cluster.endpoint())
        .build();
    aws_sdk_secretsmanager::Client::from_conf(config)
}

pub fn ssm(cluster: &TestCluster) -> aws_sdk_ssm::Client {
    ssm_as(cluster, admin(cluster))
}

pub fn secrets(cluster: &TestCluster) -> aws_sdk_secretsmanager::Client {
    secrets_as(cluster, admin(cluster))
}

/// Creates a secret holding `value`; returns its ARN.
pub async fn create_secret(sm: &aws_sdk_secretsmanager::Client, name: &str, value: &str) -> String {
    sm.create_secret()
        .name(name)
        .secret_string(value)
        .send()
        .await
        .unwrap_or_else(|e| panic!("CreateSecret {name}: {e:?}"))
        .arn()
        .expect("an ARN")
        .to_owned()
}

/// Registers `family` with one container and the execution role `role`; returns the task
/// definition's ARN.
pub async fn register_with_role(
    cluster: &TestCluster,
    family: &str,
    role: &str,
    container: aws_sdk_ecs::types::ContainerDefinition,
) -> String {
    cluster
        .client
        .register_task_definition()
        .family(family)
        .execution_role_arn(role)
        .container_definitions(container)
        .send()
        .await
        .unwrap_or_else(|e| panic!("registering {family}: {e:?}"))
        .task_definition()
        .and_then(|d| d.task_definition_arn())
        .expect("a task definition ARN")
        .to_owned()
}

/// Makes an IAM role that ECS tasks may assume, with `policy` as its one inline policy,
/// through the server's IAM operations. Returns its ARN.
pub async fn create_role(cluster: &TestCluster, name: &str, policy: serde_json::Value) -> String {
    use berth_api::iam::{CreateRoleRequest, PutRolePolicyRequest};
    let app = &cluster.server.app;
    let admin = berth_server::identity::Caller::admin();
    let trust = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                       "Action": "sts:AssumeRole"}]
    });
    let created = app
        .create_role(
            &admin,
            CreateRoleRequest {
                role_name: name.to_owned(),
                assume_role_policy_document: trust.to_string(),
                ..Default::default()
            },
        )
        .await
        .unwrap_or_else(|e| panic!("CreateRole {name}: {e}"));
    app.put_role_policy(
        &admin,
        PutRolePolicyRequest {
            role_name: name.to_owned(),
            policy_name: "inline".to_owned(),
            policy_document: policy.to_string(),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("PutRolePolicy {name}: {e}"));
    created.role.arn
}

/// A policy allowing `actions` on `resources`.
pub fn allow(actions: &[&str], resources: &[&str]) -> serde_json::Value {
    serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": actions, "Resource": resources}]
    })
}

/// Temporary credentials of a session of the role `name` (as STS AssumeRole would give).
pub fn role_session(cluster: &TestCluster, name: &str) -> Credentials {
    use berth_server::identity::{mint_session, SessionClaims};
    let app = &cluster.server.app;
    let role = app
        .view
        .read()
        .iam
        .role(name)
        .cloned()
        .expect("the role exists");
    let credentials = mint_session(
        &app.keyring,
        SessionClaims {
            access_key_id: String::new(),
            secret_access_key: String::new(),
            role_name: role.record.name.clone(),
            role_arn: role.record.arn.clone(),
            role_id: role.record.role_id.clone(),
            session_name: "test".to_owned(),
            expires_at: berth_server::model::now() as i64 + 3600,
            task_arn: None,
        },
    );
    Credentials::new(
        credentials.access_key_id,
        credentials.secret_access_key,
        Some(credentials.session_token),
        None,
        "berth-test-session",
    )
}

/// Every file at or under `path` (recursively) whose bytes contain `needle`.
pub fn files_containing(path: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![path.to_path_buf()];
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                pending.extend(entries.flatten().map(|e| e.path()));
            }
        } else if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                found.push(path);
            }
        }
    }
    found
}

/// Everything berth's server, agent and store log while the test runs, at every level.
#[derive(Clone, Default)]
pub struct CapturedLogs(Arc<Mutex<Vec<u8>>>);

impl CapturedLogs {
    /// Installs the capture as the process's log subscriber. Call before the cluster
    /// starts (the harness's own subscriber then stays out).
    pub fn install() -> Self {
        let logs = Self::default();
        let writer = logs.clone();
        let filter = tracing_subscriber::EnvFilter::new(
            "berth_server=trace,berth_agent=trace,berth_store=trace,berth_testkit=trace,warn",
        );
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .try_init()
            .expect("no other log subscriber is installed yet");
        logs
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

impl std::io::Write for CapturedLogs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
