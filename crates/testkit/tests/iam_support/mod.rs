//! IAM and STS helpers shared by the authorization tests: clients of each API signed with
//! any credentials, a user with a policy and an access key in one call, a role with a
//! trust policy and a policy, temporary credentials from STS, and the error code and
//! HTTP status of a refused call.

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use aws_credential_types::Credentials;
use aws_sdk_iam::error::{ProvideErrorMetadata, SdkError};
use berth_testkit::TestCluster;

pub const ACCOUNT: &str = "000000000000";

pub fn iam(cluster: &TestCluster, credentials: Credentials) -> aws_sdk_iam::Client {
    aws_sdk_iam::Client::new(&cluster.sdk_config(credentials))
}

pub fn sts(cluster: &TestCluster, credentials: Credentials) -> aws_sdk_sts::Client {
    aws_sdk_sts::Client::new(&cluster.sdk_config(credentials))
}

pub fn ecs(cluster: &TestCluster, credentials: Credentials) -> aws_sdk_ecs::Client {
    aws_sdk_ecs::Client::new(&cluster.sdk_config(credentials))
}

pub fn admin_iam(cluster: &TestCluster) -> aws_sdk_iam::Client {
    iam(cluster, cluster.admin_credentials())
}

/// The error code of a refused call (`AccessDenied`, `NoSuchEntity`, …).
pub fn code<E: ProvideErrorMetadata + std::fmt::Debug, R: std::fmt::Debug>(
    error: &SdkError<E, R>,
) -> String {
    error
        .code()
        .unwrap_or_else(|| panic!("the refusal has no error code: {error:?}"))
        .to_owned()
}

/// The message of a refused call.
pub fn message<E: ProvideErrorMetadata, R>(error: &SdkError<E, R>) -> String {
    error.message().unwrap_or_default().to_owned()
}

/// Makes user `name` with `policy` (if any) as its inline policy `main`, and an access
/// key for it.
pub async fn user_with_policy(
    cluster: &TestCluster,
    name: &str,
    policy: Option<&str>,
) -> Credentials {
    let admin = admin_iam(cluster);
    admin
        .create_user()
        .user_name(name)
        .send()
        .await
        .expect("CreateUser");
    if let Some(policy) = policy {
        admin
            .put_user_policy()
            .user_name(name)
            .policy_name("main")
            .policy_document(policy)
            .send()
            .await
            .expect("PutUserPolicy");
    }
    let key = admin
        .create_access_key()
        .user_name(name)
        .send()
        .await
        .expect("CreateAccessKey")
        .access_key
        .expect("a key");
    Credentials::new(
        key.access_key_id(),
        key.secret_access_key(),
        None,
        None,
        "berth-test-user",
    )
}

/// Makes role `name` trusting `trust`, with `policy` (if any) as its inline policy
/// `main`. Returns its ARN.
pub async fn role_with_policy(
    cluster: &TestCluster,
    name: &str,
    trust: &str,
    policy: Option<&str>,
) -> String {
    let admin = admin_iam(cluster);
    let role = admin
        .create_role()
        .role_name(name)
        .assume_role_policy_document(trust)
        .send()
        .await
        .expect("CreateRole")
        .role
        .expect("a role");
    if let Some(policy) = policy {
        admin
            .put_role_policy()
            .role_name(name)
            .policy_name("main")
            .policy_document(policy)
            .send()
            .await
            .expect("PutRolePolicy");
    }
    role.arn().to_owned()
}

/// A trust policy letting `principal` (an `"AWS"` principal: an ARN or the account)
/// assume the role.
pub fn trust_aws(principal: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":"sts:AssumeRole"}}]}}"#
    )
}

/// A trust policy for ECS tasks.
pub const TRUST_ECS_TASKS: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// An identity policy with one Allow statement.
pub fn allow(actions: &str, resources: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{actions},"Resource":{resources}}}]}}"#
    )
}

/// SDK credentials from STS's answer.
pub fn session(credentials: &aws_sdk_sts::types::Credentials) -> Credentials {
    Credentials::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        Some(credentials.session_token().to_owned()),
        None,
        "berth-test-session",
    )
}

/// A policy document as IAM returns it (URL-encoded), as JSON.
pub fn decode_policy(encoded: &str) -> serde_json::Value {
    let text = percent_encoding::percent_decode_str(encoded)
        .decode_utf8()
        .expect("UTF-8 once decoded");
    serde_json::from_str(&text).expect("a JSON document")
}
