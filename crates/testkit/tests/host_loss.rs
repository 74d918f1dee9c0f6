//! Host loss end to end: an agent that stops heartbeating becomes `agentConnected: false`
//! after the TTL, and its tasks go to STOPPED (`TerminationNotice`, "Host lost: …") after
//! the TTL plus the grace; a host that comes back after a partition stops the containers of
//! those tasks and nothing comes back to life (fake runtime, and Docker); a server restart
//! does not mark live agents lost.
//!
//! The clusters use a 2 s TTL and a 1 s grace. Agents are started with
//! `TestCluster::start_agent`, so a test can stop or partition one without the server.

use std::sync::Arc;
use std::time::{Duration, Instant};

use aws_sdk_ecs::types::{ContainerDefinition, Task};
use berth_agent::runtime::RunState;
use berth_agent::{ContainerRuntime, FakeRuntime};
use berth_api::protocol::labels;
use berth_server::AppConfig;
use berth_testkit::fixtures::{register, runtime_id, shell_container};
use berth_testkit::{
    docker_available, docker_inspect, test_image, wait_for, DockerCleanup, Options, TestCluster,
};

const TTL: Duration = Duration::from_secs(2);
const GRACE: Duration = Duration::from_secs(1);
/// Slack for a loaded machine on top of each deadline the server promises.
const MARGIN: Duration = Duration::from_secs(4);
const LONG: Duration = Duration::from_secs(60);

fn options() -> Options {
    Options {
        app: AppConfig {
            agent_ttl: TTL,
            host_lost_grace: GRACE,
            ..AppConfig::default()
        },
        ..Options::default()
    }
}

/// A fake-runtime agent with its ledger under the cluster's data directory.
async fn fake_agent(
    cluster: &TestCluster,
    name: &str,
) -> (berth_testkit::TestAgent, FakeRuntime, String) {
    let runtime = FakeRuntime::default();
    let agent = cluster
        .start_agent(
            Arc::new(runtime.clone()) as Arc<dyn ContainerRuntime>,
            &cluster.data_dir().join(name),
        )
        .await;
    let arn = agent.instance_arn().await;
    cluster.wait_for_instances(1).await;
    (agent, runtime, arn)
}

async fn sleeper_definition(cluster: &TestCluster) -> String {
    let container = ContainerDefinition::builder()
        .name("app")
        .image(test_image())
        .memory(64)
        .command("sleep")
        .command("3600")
        .build();
    register(&cluster.client, "sleeper", vec![container]).await
}

/// Runs `count` tasks and waits until all are RUNNING.
async fn run_running(cluster: &TestCluster, task_definition: &str, count: i32) -> Vec<String> {
    let out = cluster
        .client
        .run_task()
        .task_definition(task_definition)
        .count(count)
        .send()
        .await
        .expect("RunTask");
    assert!(out.failures().is_empty(), "failures: {:?}", out.failures());
    let arns: Vec<String> = out
        .tasks()
        .iter()
        .filter_map(|t| t.task_arn().map(str::to_owned))
        .collect();
    assert_eq!(arns.len(), count as usize);
    for arn in &arns {
        cluster.wait_for_task_status(arn, "RUNNING", LONG).await;
    }
    arns
}

async fn describe(cluster: &TestCluster, arns: &[String]) -> Vec<Task> {
    let out = cluster
        .client
        .describe_tasks()
        .set_tasks(Some(arns.to_vec()))
        .send()
        .await
        .expect("DescribeTasks");
    assert!(out.failures().is_empty(), "failures: {:?}", out.failures());
    out.tasks().to_vec()
}

async fn agent_connected(cluster: &TestCluster, instance_arn: &str) -> Option<bool> {
    let out = cluster
        .client
        .describe_container_instances()
        .container_instances(instance_arn)
        .send()
        .await
        .ok()?;
    out.container_instances().first()?.agent_connected().into()
}

/// Waits until every task is STOPPED and returns them.
async fn wait_all_stopped(cluster: &TestCluster, arns: &[String], timeout: Duration) -> Vec<Task> {
    wait_for("the tasks to be STOPPED", timeout, || async {
        let tasks = describe(cluster, arns).await;
        tasks
            .iter()
            .all(|t| t.last_status() == Some("STOPPED"))
            .then_some(tasks)
    })
    .await
}

/// The task was stopped because its host was lost, and says so.
fn assert_host_lost(task: &Task) {
    let arn = task.task_arn().unwrap_or_default();
    assert_eq!(task.last_status(), Some("STOPPED"), "{arn}");
    assert_eq!(task.desired_status(), Some("STOPPED"), "{arn}");
    assert_eq!(
        task.stop_code().map(|c| c.as_str()),
        Some("TerminationNotice"),
        "{arn}"
    );
    let reason = task.stopped_reason().unwrap_or_default();
    assert!(reason.starts_with("Host lost"), "{arn}: {reason}");
    assert!(task.stopped_at().is_some(), "{arn}");
    assert!(task.stopping_at().is_some(), "{arn}");
    for container in task.containers() {
        assert_eq!(container.last_status(), Some("STOPPED"), "{arn}");
    }
}

/// The fake runtime's containers of these tasks, with their states.
fn fake_states(runtime: &FakeRuntime, arns: &[String]) -> Vec<RunState> {
    runtime
        .containers()
        .into_iter()
        .filter(|c| {
            c.labels
                .get(labels::TASK_ARN)
                .is_some_and(|arn| arns.contains(arn))
        })
        .map(|c| c.state)
        .collect()
}

#[tokio::test]
async fn a_silent_agent_is_disconnected_after_the_ttl_and_its_tasks_stop_after_the_grace() {
    let cluster = TestCluster::with(options()).await;
    let (mut agent, runtime, instance) = fake_agent(&cluster, "host-a").await;
    let td = sleeper_definition(&cluster).await;
    let arns = run_running(&cluster, &td, 3).await;

    let killed = Instant::now();
    agent.stop().await;

    wait_for("agentConnected to be false", TTL + MARGIN, || async {
        (agent_connected(&cluster, &instance).await == Some(false)).then_some(())
    })
    .await;
    let disconnected_after = killed.elapsed();
    // The last heartbeat may have been up to one interval (1 s) before the kill.
    assert!(
        disconnected_after + Duration::from_secs(1) >= TTL,
        "disconnected after {disconnected_after:?}, before the TTL"
    );

    let tasks = wait_all_stopped(
        &cluster,
        &arns,
        (TTL + GRACE + MARGIN).saturating_sub(killed.elapsed()),
    )
    .await;
    let stopped_after = killed.elapsed();
    println!(
        "host loss (TTL {TTL:?}, grace {GRACE:?}): agentConnected false after {:.2}s, tasks STOPPED after {:.2}s",
        disconnected_after.as_secs_f64(),
        stopped_after.as_secs_f64()
    );
    assert!(
        stopped_after + Duration::from_secs(1) >= TTL + GRACE,
        "tasks stopped after {stopped_after:?}, before the TTL and grace"
    );
    for task in &tasks {
        assert_host_lost(task);
    }
    // The agent is gone: its containers were never told, so they still run. Only the
    // returning agent may stop them (see the partition tests).
    assert!(fake_states(&runtime, &arns)
        .iter()
        .all(|s| *s == RunState::Running));

    // A lost host takes no new tasks.
    let out = cluster
        .client
        .run_task()
        .task_definition(&td)
        .send()
        .await
        .expect("RunTask");
    assert!(
        out.tasks().is_empty(),
        "placed on a lost host: {:?}",
        out.tasks()
    );
    assert!(
        out.failures().iter().any(|f| f.reason() == Some("AGENT")),
        "failures: {:?}",
        out.failures()
    );
}

#[tokio::test]
async fn a_partitioned_host_that_returns_stops_its_stopped_tasks_and_nothing_comes_back() {
    let cluster = TestCluster::with(options()).await;
    let (agent, runtime, instance) = fake_agent(&cluster, "host-b").await;
    let td = sleeper_definition(&cluster).await;
    let arns = run_running(&cluster, &td, 2).await;
    let creates = runtime.stats().creates;

    let cut = Instant::now();
    agent.control.set_partitioned(true);
    // Writes go on in the cluster meanwhile. The agent's last long poll is still held by
    // the server and wakes on each; that must not count as hearing from the agent.
    wait_for(
        "agentConnected to be false during the partition",
        TTL + MARGIN,
        || async {
            cluster
                .client
                .register_task_definition()
                .family("churn")
                .container_definitions(
                    ContainerDefinition::builder()
                        .name("app")
                        .image(test_image())
                        .memory(16)
                        .build(),
                )
                .send()
                .await
                .expect("RegisterTaskDefinition");
            (agent_connected(&cluster, &instance).await == Some(false)).then_some(())
        },
    )
    .await;
    let disconnected_after = cut.elapsed();
    let tasks = wait_all_stopped(
        &cluster,
        &arns,
        (TTL + GRACE + MARGIN).saturating_sub(cut.elapsed()),
    )
    .await;
    println!(
        "partition (TTL {TTL:?}, grace {GRACE:?}): agentConnected false after {:.2}s, tasks STOPPED after {:.2}s",
        disconnected_after.as_secs_f64(),
        cut.elapsed().as_secs_f64()
    );
    for task in &tasks {
        assert_host_lost(task);
    }
    // The host kept running them while it was cut off.
    assert!(fake_states(&runtime, &arns)
        .iter()
        .all(|s| *s == RunState::Running));

    agent.control.set_partitioned(false);
    wait_for("the agent to reconnect", LONG, || async {
        (agent_connected(&cluster, &instance).await == Some(true)).then_some(())
    })
    .await;
    wait_for(
        "the returning agent to stop its stopped tasks' containers",
        LONG,
        || async {
            let states = fake_states(&runtime, &arns);
            (states.len() == arns.len() && states.iter().all(|s| *s == RunState::Exited))
                .then_some(())
        },
    )
    .await;

    // The host works again; once this new task runs, every report the agent had queued
    // from before the partition has been processed.
    let fresh = run_running(&cluster, &td, 1).await;
    for task in describe(&cluster, &arns).await {
        assert_host_lost(&task);
    }
    assert_eq!(
        runtime.stats().creates,
        creates + 1,
        "only the new task's container was created: nothing was resurrected"
    );
    assert_eq!(
        describe(&cluster, &fresh).await[0].last_status(),
        Some("RUNNING")
    );
}

#[tokio::test]
async fn a_partitioned_docker_host_that_returns_stops_its_containers() {
    if !docker_available() {
        return;
    }
    let cluster = TestCluster::with(options()).await;
    let runtime = Arc::new(
        berth_agent::DockerRuntime::connect()
            .await
            .expect("connecting to Docker"),
    );
    let agent = cluster
        .start_agent(runtime, &cluster.data_dir().join("docker-host"))
        .await;
    let instance = agent.instance_arn().await;
    let cleanup = DockerCleanup::new(vec![instance.clone()]);
    cluster.wait_for_instances(1).await;
    let td = register(
        &cluster.client,
        "docker-sleeper",
        vec![shell_container("app", 16, "sleep 1000").build()],
    )
    .await;
    let arns = run_running(&cluster, &td, 1).await;
    cleanup.track(&arns[0]);
    let running = describe(&cluster, &arns).await;
    let id = runtime_id(&running[0], "app");

    agent.control.set_partitioned(true);
    let tasks = wait_all_stopped(&cluster, &arns, TTL + GRACE + MARGIN).await;
    assert_host_lost(&tasks[0]);
    let inspected = docker_inspect(&id).expect("the container exists");
    assert_eq!(
        inspected["State"]["Running"], true,
        "the cut-off host keeps running it"
    );

    agent.control.set_partitioned(false);
    wait_for(
        "the returning agent to stop the container",
        LONG,
        || async {
            let inspected = docker_inspect(&id)?;
            (inspected["State"]["Running"] == false).then_some(())
        },
    )
    .await;
    wait_for("the agent to reconnect", LONG, || async {
        (agent_connected(&cluster, &instance).await == Some(true)).then_some(())
    })
    .await;
    let task = &describe(&cluster, &arns).await[0];
    assert_host_lost(task);
    let inspected = docker_inspect(&id).expect("the container is kept until cleanup");
    assert_eq!(inspected["State"]["Running"], false);
}

#[tokio::test]
async fn a_server_restart_does_not_mark_live_agents_lost() {
    let mut cluster = TestCluster::with(options()).await;
    let (_agent, runtime, instance) = fake_agent(&cluster, "host-c").await;
    let td = sleeper_definition(&cluster).await;
    let arns = run_running(&cluster, &td, 2).await;

    // Down for longer than TTL + grace: silence during the outage must not count.
    cluster
        .restart_after(TTL + GRACE + Duration::from_secs(1))
        .await;
    wait_for("the agent to reconnect", LONG, || async {
        (agent_connected(&cluster, &instance).await == Some(true)).then_some(())
    })
    .await;

    // Watch for longer than TTL + grace: the tasks must stay RUNNING throughout.
    let until = Instant::now() + TTL + GRACE + Duration::from_secs(2);
    while Instant::now() < until {
        for task in describe(&cluster, &arns).await {
            assert_eq!(
                task.last_status(),
                Some("RUNNING"),
                "a live agent's task was stopped: {:?} {:?}",
                task.stop_code(),
                task.stopped_reason()
            );
            assert_eq!(task.desired_status(), Some("RUNNING"));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(agent_connected(&cluster, &instance).await, Some(true));
    assert!(fake_states(&runtime, &arns)
        .iter()
        .all(|s| *s == RunState::Running));
}
