//! A host killed with -9: a real `berth agent` process (Docker runtime) is killed, the
//! server marks it disconnected within the agent TTL and stops its tasks with the
//! host-lost reason after the grace; when the host's agent comes back, it stops the
//! container it left running, and no task comes back to life.

mod multihost_support;

use std::time::{Duration, Instant};

use berth_testkit::fixtures::{register, shell_container};
use berth_testkit::{docker_available, docker_inspect, wait_for, DockerCleanup};
use multihost_support::{connected_instances, start_on, wait_running, ServerProc, AGENT_TTL_SECS};

#[tokio::test(flavor = "multi_thread")]
async fn a_host_killed_with_sigkill_is_lost_and_nothing_comes_back() {
    if !docker_available() {
        return;
    }
    let root = tempfile::tempdir().expect("a temporary directory");
    let server = ServerProc::start(root.path()).await;
    let client = server.client();
    let token = server.join_token(true);
    let mut agent = server.agent("lost-host", "docker", "a", Some(&token));
    let instances = connected_instances(&client, 1).await;
    let instance = instances[0]
        .container_instance_arn()
        .expect("an ARN")
        .to_owned();
    let cleanup = DockerCleanup::new(vec![instance.clone()]);

    register(
        &client,
        "lost",
        vec![shell_container("main", 16, "sleep 3600").build()],
    )
    .await;
    let task = cleanup.track(&start_on(&client, "lost", &instance).await);
    wait_running(&client, &task).await;
    let described = client
        .describe_tasks()
        .tasks(&task)
        .send()
        .await
        .expect("DescribeTasks");
    let container = described.tasks()[0].containers()[0]
        .runtime_id()
        .expect("a runtime ID")
        .to_owned();

    agent.kill();
    let killed = Instant::now();
    let ttl = Duration::from_secs(AGENT_TTL_SECS);
    wait_for("the instance to be disconnected", ttl * 4, || async {
        let out = client
            .describe_container_instances()
            .container_instances(&instance)
            .send()
            .await
            .ok()?;
        (!out.container_instances()[0].agent_connected()).then_some(())
    })
    .await;
    let disconnected = killed.elapsed();
    let stopped = wait_for("the lost host's task to be STOPPED", ttl * 6, || async {
        let out = client.describe_tasks().tasks(&task).send().await.ok()?;
        let t = out.tasks().first()?.clone();
        (t.last_status() == Some("STOPPED")).then_some(t)
    })
    .await;
    let lost = killed.elapsed();
    println!("kill -9 of an agent process (TTL {AGENT_TTL_SECS}s, grace 1s): disconnected after {disconnected:.2?}, task STOPPED after {lost:.2?}");
    // The TTL counts from the last heartbeat, which came at most one interval (1 s) before.
    assert!(
        disconnected <= ttl + Duration::from_secs(2),
        "detected within the TTL: {disconnected:?}"
    );
    assert_eq!(
        stopped.stop_code().map(|c| c.as_str()),
        Some("TerminationNotice")
    );
    assert!(
        stopped
            .stopped_reason()
            .unwrap_or_default()
            .starts_with("Host lost"),
        "{:?}",
        stopped.stopped_reason()
    );
    // The host's container is still running: nothing could stop it while its agent was dead.
    let state = docker_inspect(&container).expect("the container exists");
    assert_eq!(
        state["State"]["Running"], true,
        "the container outlived its agent"
    );

    // The host comes back (same data directory, no token needed): the agent learns the
    // task is gone and stops its container; the task stays STOPPED and nothing is recreated.
    let _agent = server.agent("lost-host", "docker", "a", None);
    wait_for(
        "the returning agent to stop the container",
        Duration::from_secs(60),
        || async {
            let state = docker_inspect(&container)?;
            (state["State"]["Running"] == false).then_some(())
        },
    )
    .await;
    connected_instances(&client, 1).await;
    let out = client
        .describe_tasks()
        .tasks(&task)
        .send()
        .await
        .expect("DescribeTasks");
    assert_eq!(
        out.tasks()[0].last_status(),
        Some("STOPPED"),
        "no task came back to life"
    );
    let containers = berth_testkit::docker(&[
        "ps",
        "-aq",
        "--filter",
        &format!("label=com.berth.task-arn={task}"),
    ]);
    assert_eq!(
        containers.lines().count(),
        1,
        "the task's container was never recreated"
    );
}
