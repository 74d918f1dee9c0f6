//! End-to-end test of a container `restartPolicy` on real Docker, driven through the ECS
//! API (`aws-sdk-ecs`) of a real server with a real Docker agent.
//!
//! ECS restarts a container only after it ran for `restartAttemptPeriod` seconds, and the
//! smallest period ECS accepts is 60 s, so this test takes a minute. Its three tasks run
//! side by side: an essential container that exits after 61 s is restarted in place (same
//! container, a new start) and its task stays RUNNING, with the restart counted; one that
//! exits with an ignored exit code after 61 s stops its task; one that exits at once is not
//! restarted either (it did not run for the period) and stops its task.

mod agentdef_support;

use std::time::Duration;

use agentdef_support::{docker_cluster, finish, inspect, register_task, run_tracked};
use aws_sdk_ecs::types::{ContainerRestartPolicy, TaskStopCode};
use berth_testkit::fixtures::{describe, runtime_id, shell_container};
use berth_testkit::{docker_available, wait_for, Options};
use serde_json::Value;

/// Longer than the restart period, with room for a loaded machine.
const TIMEOUT: Duration = Duration::from_secs(150);

fn policy() -> ContainerRestartPolicy {
    ContainerRestartPolicy::builder()
        .enabled(true)
        .ignored_exit_codes(3)
        .restart_attempt_period(60)
        .build()
        .expect("a restart policy")
}

#[tokio::test]
async fn restart_policy_restarts_in_place_unless_ignored_or_too_early() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let run = |family: &'static str, script: &'static str| {
        let cluster = &cluster;
        let cleanup = &cleanup;
        async move {
            let app = shell_container("app", 16, script)
                .restart_policy(policy())
                .build();
            let def = register_task(cluster, family, vec![app], |r| r).await;
            run_tracked(cluster, cleanup, &def).await
        }
    };
    let restarted = run("restart-me", "sleep 61; exit 1").await;
    let ignored = run("restart-ignored", "sleep 61; exit 3").await;
    let early = run("restart-early", "exit 1").await;

    // Exiting at once: not restarted, the task stops as without a policy.
    let stopped = cluster
        .wait_for_task_status(&early, "STOPPED", TIMEOUT)
        .await;
    assert_eq!(
        stopped.stop_code(),
        Some(&TaskStopCode::EssentialContainerExited)
    );

    let running = cluster
        .wait_for_task_status(&restarted, "RUNNING", TIMEOUT)
        .await;
    let id = runtime_id(&running, "app");
    let first_start = inspect(&id)["State"]["StartedAt"].clone();
    // Restarted in place: the same container, started again, and running.
    wait_for("the container's restart", TIMEOUT, || async {
        let state = inspect(&id)["State"].clone();
        (state["StartedAt"] != first_start && state["Running"] == Value::Bool(true)).then_some(())
    })
    .await;
    let task = describe(&cluster.client, &restarted).await;
    assert_eq!(task.last_status(), Some("RUNNING"), "{task:?}");
    assert_eq!(task.stopping_at(), None);
    assert_eq!(runtime_id(&task, "app"), id);
    // The agent counts the restart where it keeps it across its own restarts.
    let counts: Value = serde_json::from_slice(
        &std::fs::read(cluster.data_dir().join("agent").join("restarts.json"))
            .expect("the restart counts"),
    )
    .expect("JSON");
    assert_eq!(counts["tasks"][restarted.as_str()]["app"], 1, "{counts}");

    // An ignored exit code stops the task.
    let stopped = cluster
        .wait_for_task_status(&ignored, "STOPPED", TIMEOUT)
        .await;
    assert_eq!(
        stopped.stop_code(),
        Some(&TaskStopCode::EssentialContainerExited)
    );
    let app = stopped
        .containers()
        .iter()
        .find(|c| c.name() == Some("app"))
        .expect("app");
    assert_eq!(app.exit_code(), Some(3));
    finish(cluster, cleanup).await;
}
