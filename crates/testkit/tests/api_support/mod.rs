//! Helpers shared by the `api_*` integration tests: ARN prefixes, error-code extraction
//! from SDK errors, small task-definition builders, a fake-agent cluster, and raw signed
//! requests (for what the SDKs cannot send).
//!
//! Each `api_*.rs` test crate includes this module with `mod api_support;`, so not every
//! helper is used by every crate.
#![allow(dead_code)]

use std::time::Duration;

use aws_sdk_ecs::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_ecs::types::{ContainerDefinition, PortMapping, Tag, Task};
use berth_testkit::{AgentKind, Options, TestCluster};

/// The ARN prefix of every resource of the test server (default scope).
pub const PREFIX: &str = "arn:aws:ecs:us-east-1:000000000000:";

/// How long a fake-runtime task may take to reach a state.
pub const TASK_TIMEOUT: Duration = Duration::from_secs(20);

pub fn cluster_arn(name: &str) -> String {
    format!("{PREFIX}cluster/{name}")
}

pub fn task_definition_arn(family: &str, revision: i32) -> String {
    format!("{PREFIX}task-definition/{family}:{revision}")
}

/// Asserts `arn` is `…:task/CLUSTER/ID` with a plain ID, and returns the ID.
pub fn assert_task_arn(arn: &str, cluster: &str) -> String {
    assert_id_arn(arn, &format!("{PREFIX}task/{cluster}/"))
}

/// Asserts `arn` is `…:container-instance/CLUSTER/ID` with a plain ID, and returns the ID.
pub fn assert_instance_arn(arn: &str, cluster: &str) -> String {
    assert_id_arn(arn, &format!("{PREFIX}container-instance/{cluster}/"))
}

fn assert_id_arn(arn: &str, prefix: &str) -> String {
    let id = arn
        .strip_prefix(prefix)
        .unwrap_or_else(|| panic!("{arn} should start with {prefix}"));
    assert!(
        !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        "{arn} should end in a plain ID"
    );
    id.to_owned()
}

/// The exception name of a failed SDK call (`__type`), or a description of a non-service
/// failure so that the assertion message shows what happened.
pub fn code<E, R>(err: &SdkError<E, R>) -> String
where
    E: ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    match err {
        SdkError::ServiceError(service) => service.err().code().unwrap_or("<no code>").to_owned(),
        other => format!("<not a service error: {other:?}>"),
    }
}

/// Unwraps the error of a call that must fail and returns its exception name.
pub fn err_code<T: std::fmt::Debug, E, R>(result: Result<T, SdkError<E, R>>) -> String
where
    E: ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    match result {
        Ok(value) => panic!("the call should have failed, but returned {value:?}"),
        Err(err) => code(&err),
    }
}

/// A container with a hard memory limit and nothing else.
pub fn container(name: &str, memory: i32) -> ContainerDefinition {
    ContainerDefinition::builder()
        .name(name)
        .image("busybox:latest")
        .memory(memory)
        .build()
}

/// A container publishing `container_port` on a static `host_port` (TCP).
pub fn container_with_port(
    name: &str,
    memory: i32,
    container_port: i32,
    host_port: i32,
) -> ContainerDefinition {
    ContainerDefinition::builder()
        .name(name)
        .image("busybox:latest")
        .memory(memory)
        .port_mappings(
            PortMapping::builder()
                .container_port(container_port)
                .host_port(host_port)
                .build(),
        )
        .build()
}

pub fn tag(key: &str, value: &str) -> Tag {
    Tag::builder().key(key).value(value).build()
}

/// Registers one revision of `family` with one container of `memory` MiB; returns its ARN.
pub async fn register(client: &aws_sdk_ecs::Client, family: &str, memory: i32) -> String {
    register_with(client, family, vec![container("app", memory)]).await
}

pub async fn register_with(
    client: &aws_sdk_ecs::Client,
    family: &str,
    containers: Vec<ContainerDefinition>,
) -> String {
    let out = client
        .register_task_definition()
        .family(family)
        .set_container_definitions(Some(containers))
        .send()
        .await
        .unwrap_or_else(|e| panic!("registering {family}: {e:?}"));
    out.task_definition()
        .and_then(|t| t.task_definition_arn())
        .expect("a task definition ARN")
        .to_owned()
}

/// A server with one agent over the fake runtime, registered in `default`.
pub async fn fake_cluster() -> TestCluster {
    TestCluster::with(Options {
        agent: AgentKind::Fake,
        ..Options::default()
    })
    .await
}

/// Runs one task of `task_definition` in `default` and returns it as RunTask answered.
pub async fn run_one(cluster: &TestCluster, task_definition: &str) -> Task {
    let out = cluster
        .client
        .run_task()
        .task_definition(task_definition)
        .send()
        .await
        .unwrap_or_else(|e| panic!("running {task_definition}: {e:?}"));
    assert!(
        out.failures().is_empty(),
        "unexpected failures: {:?}",
        out.failures()
    );
    assert_eq!(out.tasks().len(), 1);
    out.tasks()[0].clone()
}

/// The value of a named resource (CPU, MEMORY, PORTS…) of a container instance.
pub fn resource<'a>(
    resources: &'a [aws_sdk_ecs::types::Resource],
    name: &str,
) -> &'a aws_sdk_ecs::types::Resource {
    resources
        .iter()
        .find(|r| r.name() == Some(name))
        .unwrap_or_else(|| panic!("no {name} resource in {resources:?}"))
}

/// Credentials a raw request is signed with: access key ID, secret, session token.
pub type Signer = (String, String, Option<String>);

/// The server's own (administrator) credentials.
pub fn admin_signer(cluster: &TestCluster) -> Signer {
    let own = &cluster.server.credentials;
    (
        own.access_key_id.clone(),
        own.secret_access_key.clone(),
        None,
    )
}

/// A raw answer: status, headers and body.
pub struct RawReply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

/// POSTs `body` to the cluster's `/` with `headers`, SigV4-signed for `service` with
/// `signer` (sent unsigned when `None`) by `berth_server::sigv4::sign`.
pub async fn post_signed(
    cluster: &TestCluster,
    service: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
    signer: Option<Signer>,
) -> RawReply {
    use berth_server::sigv4::{self, Credentials, SigningParams};
    let url = format!("{}/", cluster.endpoint());
    let mut request = http::Request::builder().method("POST").uri(&url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let (mut parts, ()) = request.body(()).expect("a request").into_parts();
    if let Some((key, secret, token)) = signer {
        let credentials = Credentials::new(key, secret);
        let region = cluster.server.app.config.scope.region.clone();
        let mut params = SigningParams::new(
            &credentials,
            &region,
            service,
            time::OffsetDateTime::now_utc(),
        );
        params.session_token = token.as_deref();
        sigv4::sign(&mut parts, &body, &params).expect("signing");
    }
    let response = reqwest::Client::new()
        .post(&url)
        .headers(parts.headers)
        .body(body)
        .send()
        .await
        .expect("sending the request");
    RawReply {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response
            .bytes()
            .await
            .expect("reading the response")
            .to_vec(),
    }
}

/// `PROGRAM` (an aws CLI) with the cluster's own credentials and region, isolated from
/// `~/.aws` and the caller's environment (only `PATH` is kept). The caller adds the
/// endpoint (an `AWS_ENDPOINT_URL_<SERVICE>` variable or `--endpoint-url`) and arguments.
pub fn aws_cli(cluster: &TestCluster, program: &str) -> tokio::process::Command {
    let own = &cluster.server.credentials;
    let mut command = tokio::process::Command::new(program);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", std::env::temp_dir())
        .env("AWS_ACCESS_KEY_ID", &own.access_key_id)
        .env("AWS_SECRET_ACCESS_KEY", &own.secret_access_key)
        .env(
            "AWS_DEFAULT_REGION",
            &cluster.server.app.config.scope.region,
        )
        .env("AWS_CONFIG_FILE", "/nonexistent/berth-test-config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/berth-test-credentials",
        )
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_PAGER", "");
    command
}
