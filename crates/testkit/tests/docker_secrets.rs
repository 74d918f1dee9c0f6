//! Secrets in tasks, with real Docker containers: `secrets[].valueFrom` from an SSM
//! SecureString and from a Secrets Manager JSON key at a version stage become environment
//! variables inside the container, read with the task's execution role; a secret that is
//! missing, denied to the role or lacks the JSON key fails the task with
//! `TaskFailedToStart` and ECS's `ResourceInitializationError` reason; the values appear in
//! no API answer, store file, agent ledger or log; and an agent restarted with the
//! containers running needs none of them again.

mod common;

use std::time::Duration;

use aws_sdk_ecs::types::{Secret, TaskStopCode};
use aws_sdk_ssm::types::ParameterType;
use berth_testkit::fixtures::{describe, run_one, runtime_id, shell_container};
use berth_testkit::{docker, docker_available, AgentKind, DockerCleanup, Options, TestCluster};

const TIMEOUT: Duration = Duration::from_secs(90);
const PARAMETER_ARN: &str = "arn:aws:ssm:us-east-1:000000000000:parameter/berth-test/db/password";

fn secret(name: &str, value_from: &str) -> Secret {
    Secret::builder()
        .name(name)
        .value_from(value_from)
        .build()
        .expect("a secret")
}

/// Registers `family` with one long-running container carrying `secrets`, read with
/// `role`.
async fn register(cluster: &TestCluster, family: &str, role: &str, secrets: Vec<Secret>) -> String {
    let container = shell_container("app", 16, "sleep 1000")
        .set_secrets(Some(secrets))
        .build();
    common::register_with_role(cluster, family, role, container).await
}

/// The value of the variable `name` inside a running container.
fn env_of(container: &str, name: &str) -> String {
    docker(&["exec", container, "sh", "-c", &format!("echo \"${name}\"")])
}

fn docker_cluster() -> Options {
    Options {
        agent: AgentKind::Docker,
        ..Options::default()
    }
}

#[tokio::test]
async fn a_task_gets_its_secrets_as_environment_variables_and_nowhere_else() {
    if !docker_available() {
        return;
    }
    let logs = common::CapturedLogs::install();
    let cluster = TestCluster::with(docker_cluster()).await;
    let cleanup = DockerCleanup::new(cluster.wait_for_instances(1).await);
    let ssm = common::ssm(&cluster);
    let sm = common::secrets(&cluster);
    let db_password = "ssm-secret-5e1f0a";
    let old_token = "asm-previous-8c2d7b";
    let new_token = "asm-current-41aa9e";
    ssm.put_parameter()
        .name("/berth-test/db/password")
        .value(db_password)
        .r#type(ParameterType::SecureString)
        .send()
        .await
        .expect("PutParameter");
    let api = sm
        .create_secret()
        .name("berth-test/api")
        .secret_string(serde_json::json!({"token": old_token}).to_string())
        .send()
        .await
        .expect("CreateSecret")
        .arn()
        .expect("an ARN")
        .to_owned();
    sm.put_secret_value()
        .secret_id(&api)
        .secret_string(serde_json::json!({"token": new_token}).to_string())
        .send()
        .await
        .expect("PutSecretValue");
    let role = common::create_role(
        &cluster,
        "task-execution",
        serde_json::json!({
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "ssm:GetParameters", "Resource": PARAMETER_ARN},
                {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": api}
            ]
        }),
    )
    .await;
    let definition = register(
        &cluster,
        "with-secrets",
        &role,
        vec![
            secret("DB_PASSWORD", "/berth-test/db/password"),
            secret("API_TOKEN", &format!("{api}:token:AWSPREVIOUS:")),
        ],
    )
    .await;
    let arn = cleanup.track(
        run_one(&cluster.client, &definition)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let container = runtime_id(&task, "app");
    assert_eq!(env_of(&container, "DB_PASSWORD"), db_password);
    assert_eq!(
        env_of(&container, "API_TOKEN"),
        old_token,
        "the AWSPREVIOUS version's token"
    );

    // Only the references are shown.
    let described = format!("{:?}", describe(&cluster.client, &arn).await);
    let definition_shown = format!(
        "{:?}",
        cluster
            .client
            .describe_task_definition()
            .task_definition(&definition)
            .send()
            .await
            .expect("DescribeTaskDefinition")
    );
    assert!(definition_shown.contains("/berth-test/db/password"));
    assert!(definition_shown.contains(":token:AWSPREVIOUS:"));
    for value in [db_password, old_token, new_token] {
        assert!(!described.contains(value), "DescribeTasks shows {value}");
        assert!(
            !definition_shown.contains(value),
            "DescribeTaskDefinition shows {value}"
        );
    }

    // Nowhere in the store file, its WAL or the agent's ledger; but the references are,
    // so the search reaches those files.
    let dir = cluster.data_dir();
    assert!(!common::files_containing(&dir.join("agent"), b"/berth-test/db/password").is_empty());
    assert!(!common::files_containing(dir, b"berth-test/api").is_empty());
    for value in [db_password, old_token, new_token] {
        let found = common::files_containing(dir, value.as_bytes());
        assert!(found.is_empty(), "{value} is in clear in {found:?}");
    }

    cluster
        .client
        .stop_task()
        .task(&arn)
        .send()
        .await
        .expect("StopTask");
    cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    let logs = logs.text();
    assert!(
        logs.contains("aws request") && logs.contains("fetched the task's secrets"),
        "the server's and agent's logs were captured"
    );
    for value in [db_password, old_token, new_token] {
        assert!(!logs.contains(value), "the logs show {value}");
    }
}

#[tokio::test]
async fn a_secret_that_cannot_be_read_fails_the_task_with_ecs_reason() {
    if !docker_available() {
        return;
    }
    let cluster = TestCluster::with(docker_cluster()).await;
    let cleanup = DockerCleanup::new(cluster.wait_for_instances(1).await);
    let ssm = common::ssm(&cluster);
    let sm = common::secrets(&cluster);
    ssm.put_parameter()
        .name("/ok/param")
        .value("fine")
        .r#type(ParameterType::SecureString)
        .send()
        .await
        .expect("PutParameter");
    let allowed = common::create_secret(&sm, "allowed", r#"{"key":"value"}"#).await;
    let forbidden = common::create_secret(&sm, "forbidden", r#"{"key":"value"}"#).await;
    let secret_arn =
        |name: &str| format!("arn:aws:secretsmanager:us-east-1:000000000000:secret:{name}");
    let role = common::create_role(
        &cluster,
        "narrow",
        serde_json::json!({
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "ssm:GetParameters", "Resource": [
                    "arn:aws:ssm:us-east-1:000000000000:parameter/ok/*",
                    "arn:aws:ssm:us-east-1:000000000000:parameter/missing/*"]},
                {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": [
                    format!("{}*", secret_arn("allowed")), format!("{}*", secret_arn("nope"))]}
            ]
        }),
    )
    .await;
    let prefix = "ResourceInitializationError: unable to pull secrets or registry auth: \
                  execution resource retrieval failed: ";
    let cases = [
        (
            "missing-secret",
            secret("S", &secret_arn("nope")),
            format!("{prefix}unable to retrieve secret from asm: failed to fetch secret {} from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.", secret_arn("nope")),
        ),
        (
            "denied-secret",
            secret("S", &forbidden),
            format!("{prefix}unable to retrieve secret from asm: failed to fetch secret {forbidden} from secrets manager: AccessDeniedException: "),
        ),
        (
            "missing-key",
            secret("S", &format!("{allowed}:nokey::")),
            format!("{prefix}unable to retrieve secret from asm: retrieved secret from Secrets Manager did not contain json key nokey"),
        ),
        (
            "missing-parameter",
            secret("S", "/missing/param"),
            format!("{prefix}unable to retrieve secrets from ssm: invalid parameters: /missing/param"),
        ),
        (
            "denied-parameter",
            secret("S", "/elsewhere/param"),
            format!("{prefix}unable to retrieve secrets from ssm: AccessDeniedException: "),
        ),
    ];
    let mut failing = Vec::new();
    for (family, secret, reason) in cases {
        let definition = register(&cluster, family, &role, vec![secret]).await;
        let arn = cleanup.track(
            run_one(&cluster.client, &definition)
                .await
                .task_arn()
                .expect("a task ARN"),
        );
        failing.push((arn, reason));
    }
    let fine = register(
        &cluster,
        "readable",
        &role,
        vec![
            secret("A", "/ok/param"),
            secret("B", &format!("{allowed}:key::")),
        ],
    )
    .await;
    let fine = cleanup.track(
        run_one(&cluster.client, &fine)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    for (arn, reason) in &failing {
        let task = cluster.wait_for_task_status(arn, "STOPPED", TIMEOUT).await;
        assert_eq!(
            task.stop_code(),
            Some(&TaskStopCode::TaskFailedToStart),
            "{task:?}"
        );
        let stopped = task.stopped_reason().unwrap_or_default();
        assert!(
            stopped.starts_with(reason.as_str()),
            "stoppedReason {stopped:?} does not start with {reason:?}"
        );
        assert!(
            task.containers().iter().all(|c| c.runtime_id().is_none()),
            "no container was created: {task:?}"
        );
    }
    let task = cluster
        .wait_for_task_status(&fine, "RUNNING", TIMEOUT)
        .await;
    let container = runtime_id(&task, "app");
    assert_eq!(env_of(&container, "A"), "fine");
    assert_eq!(env_of(&container, "B"), "value");
}

#[tokio::test]
async fn an_agent_restarted_with_running_containers_fetches_no_secret_again() {
    if !docker_available() {
        return;
    }
    let mut cluster = TestCluster::with(docker_cluster()).await;
    let cleanup = DockerCleanup::new(cluster.wait_for_instances(1).await);
    let sm = common::secrets(&cluster);
    let arn = common::create_secret(&sm, "short-lived", "kept-in-the-container").await;
    let role = common::create_role(
        &cluster,
        "reader",
        common::allow(&["secretsmanager:GetSecretValue"], &[&arn]),
    )
    .await;
    let definition = register(&cluster, "restarted", &role, vec![secret("S", &arn)]).await;
    let task = cleanup.track(
        run_one(&cluster.client, &definition)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    let running = cluster
        .wait_for_task_status(&task, "RUNNING", TIMEOUT)
        .await;
    let container = runtime_id(&running, "app");
    // Gone from Secrets Manager: a fetch would now fail the task.
    sm.delete_secret()
        .secret_id(&arn)
        .force_delete_without_recovery(true)
        .send()
        .await
        .expect("DeleteSecret");
    cluster.restart().await;
    cluster.wait_for_instances(1).await;
    // A task started after the restart running means the agent has long reconciled the
    // adopted one.
    let plain = cluster
        .client
        .register_task_definition()
        .family("plain")
        .container_definitions(shell_container("app", 16, "sleep 1000").build())
        .send()
        .await
        .expect("registering plain")
        .task_definition()
        .and_then(|d| d.task_definition_arn())
        .expect("an ARN")
        .to_owned();
    let plain = cleanup.track(
        run_one(&cluster.client, &plain)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    cluster
        .wait_for_task_status(&plain, "RUNNING", TIMEOUT)
        .await;
    let after = describe(&cluster.client, &task).await;
    assert_eq!(after.last_status(), Some("RUNNING"), "{after:?}");
    assert_eq!(runtime_id(&after, "app"), container);
    assert_eq!(env_of(&container, "S"), "kept-in-the-container");
}
