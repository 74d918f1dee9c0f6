//! End-to-end test of pulling from the private test registry: a task definition whose
//! `repositoryCredentials` name a Secrets Manager secret holding
//! `{"username": …, "password": …}` (read with the task's execution role) pulls the image
//! and runs; the same image without credentials fails to start with
//! `CannotPullContainerError`.
//!
//! One test on purpose: both halves remove the same local image, so they must not run
//! at the same time. A [`DockerCleanup`] guard removes every container of the instance,
//! even when the test fails.

mod common;

use std::time::Duration;

use aws_sdk_ecs::types::{ContainerDefinition, RepositoryCredentials, TaskStopCode};
use berth_testkit::fixtures::{register, run_one, runtime_id};
use berth_testkit::{
    docker_available, docker_inspect, private_image, registry_credentials, remove_task_containers,
    AgentKind, DockerCleanup, Options, TestCluster,
};

const TIMEOUT: Duration = Duration::from_secs(90);

/// Removes the private image from the local Docker, so the agent has to pull it.
fn remove_local_image(image: &str) {
    let _ = std::process::Command::new("docker")
        .args(["rmi", "-f", image])
        .output();
    assert!(
        docker_inspect(image).is_none(),
        "{image} is still present locally"
    );
}

fn private_container() -> aws_sdk_ecs::types::builders::ContainerDefinitionBuilder {
    ContainerDefinition::builder()
        .name("app")
        .image(private_image())
        .memory(16)
        .stop_timeout(2)
        .command("sh")
        .command("-c")
        .command("sleep 1000")
}

#[tokio::test]
async fn private_image_pulls_with_repository_credentials_and_fails_without() {
    if !docker_available() {
        return;
    }
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        ..Options::default()
    })
    .await;
    let cleanup = DockerCleanup::new(cluster.wait_for_instances(1).await);
    let image = private_image();
    let (user, password) = registry_credentials();
    let secret = common::create_secret(
        &common::secrets(&cluster),
        "registry-creds",
        &serde_json::json!({"username": user, "password": password}).to_string(),
    )
    .await;
    let role = common::create_role(
        &cluster,
        "registry-pull",
        common::allow(&["secretsmanager:GetSecretValue"], &[&secret]),
    )
    .await;

    // With credentials: pulled, then running.
    remove_local_image(&image);
    let credentials = RepositoryCredentials::builder()
        .credentials_parameter(&secret)
        .build()
        .expect("repository credentials");
    let def = common::register_with_role(
        &cluster,
        "docker-private",
        &role,
        private_container()
            .repository_credentials(credentials)
            .build(),
    )
    .await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let pull_started = task.pull_started_at().expect("pullStartedAt is set");
    let pull_stopped = task.pull_stopped_at().expect("pullStoppedAt is set");
    assert!(
        pull_started <= pull_stopped,
        "{pull_started:?} > {pull_stopped:?}"
    );
    assert!(
        docker_inspect(&runtime_id(&task, "app")).is_some(),
        "the task's container exists"
    );
    assert!(docker_inspect(&image).is_some(), "the image was pulled");
    cluster
        .client
        .stop_task()
        .task(&arn)
        .send()
        .await
        .expect("StopTask");
    cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    // The image cannot be removed while a container uses it.
    remove_task_containers(std::slice::from_ref(&arn));

    // Without credentials: the pull is refused.
    remove_local_image(&image);
    let def = register(
        &cluster.client,
        "docker-private-anonymous",
        vec![private_container().build()],
    )
    .await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    let task = cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    assert_eq!(
        task.stop_code(),
        Some(&TaskStopCode::TaskFailedToStart),
        "{task:?}"
    );
    let reason = task.stopped_reason().unwrap_or_default();
    assert!(
        reason.starts_with("CannotPullContainerError"),
        "stoppedReason: {reason:?}"
    );
    assert!(
        docker_inspect(&image).is_none(),
        "the image must not have been pulled"
    );
}
