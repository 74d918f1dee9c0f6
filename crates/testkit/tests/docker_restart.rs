//! End-to-end tests of restarting berth (server and agent) while Docker containers keep
//! running: the agent re-adopts its containers from their labels instead of creating
//! them again, keeps the same credentials, and reports containers that died while berth
//! was down.
//!
//! Each test runs its own cluster, and a [`DockerCleanup`] guard removes every container
//! of its instance, even when the test fails.

use std::time::Duration;

use aws_sdk_ecs::types::{Task, TaskStopCode};
use berth_testkit::fixtures::{describe, register, runtime_id, shell_container};
use berth_testkit::{
    docker, docker_available, docker_inspect, docker_ps_label, AgentKind, DockerCleanup, Options,
    TestCluster,
};
use serde_json::Value;

const TIMEOUT: Duration = Duration::from_secs(60);
const TASK_LABEL: &str = "com.berth.task-arn";

/// Starts a Docker cluster and runs two tasks of a long-running container until both are
/// RUNNING.
async fn cluster_with_two_tasks(family: &str) -> (TestCluster, DockerCleanup, Vec<Task>) {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        ..Options::default()
    })
    .await;
    let cleanup = DockerCleanup::new(cluster.wait_for_instances(1).await);
    let def = register(
        &cluster.client,
        family,
        vec![shell_container("app", 16, "sleep 1000").build()],
    )
    .await;
    let out = cluster
        .client
        .run_task()
        .task_definition(&def)
        .count(2)
        .send()
        .await
        .expect("RunTask");
    for task in out.tasks() {
        cleanup.track(task.task_arn().expect("a task ARN"));
    }
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    assert_eq!(out.tasks().len(), 2);
    let mut tasks = Vec::new();
    for task in out.tasks() {
        let arn = task.task_arn().expect("a task ARN");
        tasks.push(cluster.wait_for_task_status(arn, "RUNNING", TIMEOUT).await);
    }
    (cluster, cleanup, tasks)
}

fn arn(task: &Task) -> &str {
    task.task_arn().expect("a task ARN")
}

/// (StartedAt, RestartCount, Running) as Docker reports them.
fn docker_state(id: &str) -> (String, i64, bool) {
    let inspected = docker_inspect(id).unwrap_or_else(|| panic!("container {id} is gone"));
    (
        inspected["State"]["StartedAt"]
            .as_str()
            .expect("StartedAt")
            .to_owned(),
        inspected["RestartCount"].as_i64().expect("RestartCount"),
        inspected["State"]["Running"] == Value::Bool(true),
    )
}

#[tokio::test]
async fn restart_readopts_running_containers_without_duplicates() {
    if !docker_available() {
        return;
    }
    let (mut cluster, _cleanup, tasks) = cluster_with_two_tasks("docker-restart").await;
    let ids: Vec<String> = tasks.iter().map(|t| runtime_id(t, "app")).collect();
    let states: Vec<_> = ids.iter().map(|id| docker_state(id)).collect();
    let old_client = cluster.client.clone();
    let old_credentials = cluster.server.credentials.clone();

    cluster.restart().await;
    cluster.wait_for_instances(1).await;

    assert_eq!(
        cluster.server.credentials.access_key_id,
        old_credentials.access_key_id
    );
    assert_eq!(
        cluster.server.credentials.secret_access_key,
        old_credentials.secret_access_key
    );
    for (task, id) in tasks.iter().zip(&ids) {
        // The credentials from before the restart still sign valid requests.
        let described = describe(&old_client, arn(task)).await;
        assert_eq!(described.last_status(), Some("RUNNING"), "{described:?}");
        assert_eq!(&runtime_id(&described, "app"), id);
    }

    // Stopping one task through the restarted agent proves it re-adopted the containers
    // (it stops the very same one) and has acted on the desired set since the restart.
    cluster
        .client
        .stop_task()
        .task(arn(&tasks[0]))
        .send()
        .await
        .expect("StopTask");
    let stopped = cluster
        .wait_for_task_status(arn(&tasks[0]), "STOPPED", TIMEOUT)
        .await;
    assert_eq!(
        stopped.stop_code(),
        Some(&TaskStopCode::UserInitiated),
        "{stopped:?}"
    );
    assert_eq!(runtime_id(&stopped, "app"), ids[0]);
    assert!(
        !docker_state(&ids[0]).2,
        "the stopped task's container still runs"
    );

    let running = describe(&cluster.client, arn(&tasks[1])).await;
    assert_eq!(running.last_status(), Some("RUNNING"), "{running:?}");
    assert_eq!(runtime_id(&running, "app"), ids[1]);
    assert_eq!(
        docker_state(&ids[1]),
        states[1],
        "the container was restarted or replaced"
    );
    for (task, id) in tasks.iter().zip(&ids) {
        assert_eq!(
            docker_ps_label(TASK_LABEL, arn(task)),
            std::slice::from_ref(id),
            "exactly one container per task"
        );
    }
    // The stopped one kept its start time too: it was stopped, never recreated.
    assert_eq!(docker_state(&ids[0]).0, states[0].0);
}

#[tokio::test]
async fn container_killed_while_berth_is_down_is_reported_stopped_after_restart() {
    if !docker_available() {
        return;
    }
    let (mut cluster, _cleanup, tasks) = cluster_with_two_tasks("docker-killed").await;
    let ids: Vec<String> = tasks.iter().map(|t| runtime_id(t, "app")).collect();
    let survivor_state = docker_state(&ids[1]);

    cluster.stop().await;
    docker(&["kill", &ids[0]]);
    cluster.restart().await;
    cluster.wait_for_instances(1).await;

    let killed = cluster
        .wait_for_task_status(arn(&tasks[0]), "STOPPED", TIMEOUT)
        .await;
    assert_eq!(
        killed.stop_code(),
        Some(&TaskStopCode::EssentialContainerExited),
        "{killed:?}"
    );
    let container = &killed.containers()[0];
    assert_eq!(container.exit_code(), Some(137), "{container:?}");
    assert_eq!(container.runtime_id(), Some(ids[0].as_str()));
    assert_eq!(
        docker_ps_label(TASK_LABEL, arn(&tasks[0])),
        std::slice::from_ref(&ids[0]),
        "no new container may be created for a task that stopped"
    );
    assert!(!docker_state(&ids[0]).2);

    let survivor = describe(&cluster.client, arn(&tasks[1])).await;
    assert_eq!(survivor.last_status(), Some("RUNNING"), "{survivor:?}");
    assert_eq!(runtime_id(&survivor, "app"), ids[1]);
    assert_eq!(docker_state(&ids[1]), survivor_state);
    assert_eq!(
        docker_ps_label(TASK_LABEL, arn(&tasks[1])),
        std::slice::from_ref(&ids[1])
    );
}
