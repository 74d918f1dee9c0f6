//! `awslogs` shipping across a `kill -9` of a real `berth agent` process: the container
//! keeps writing while the agent is dead, and once a new agent process starts on the same
//! data directory every line is in the stream exactly once. The server is a `berth
//! server` process over TLS, read with `aws-sdk-cloudwatchlogs` configured from its
//! `DIR/env` (`AWS_ENDPOINT_URL_CLOUDWATCH_LOGS`).
//!
//! Needs `target/debug/berth` (`cargo build -p berth`).

mod logs_support;
mod multihost_support;

use std::time::Duration;

use aws_sdk_ecs::types::{LogConfiguration, LogDriver};
use berth_testkit::fixtures::{register, shell_container};
use berth_testkit::{docker, docker_available, wait_for, DockerCleanup};
use logs_support::stream_messages;
use multihost_support::{connected_instances, start_on, ServerProc, TIMEOUT};

/// Lines in the container's own Docker log so far.
fn docker_log_lines(container: &str) -> usize {
    docker(&["logs", container]).lines().count()
}

#[tokio::test(flavor = "multi_thread")]
async fn lines_survive_a_killed_agent_exactly_once() {
    berth_testkit::init_logging();
    if !docker_available() {
        return;
    }
    let root = tempfile::tempdir().expect("a temporary directory");
    let server = ServerProc::start(root.path()).await;
    assert_eq!(
        server.env()["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"],
        server.endpoint()
    );
    let client = server.client();
    let logs = server.logs_client();
    let token = server.join_token(true);
    let mut agent = server.agent("agent", "docker", "logs", Some(&token));
    let instances = connected_instances(&client, 1).await;
    let instance = instances[0]
        .container_instance_arn()
        .expect("an instance ARN")
        .to_owned();
    let cleanup = DockerCleanup::new(vec![instance.clone()]);

    // 4,000 lines over about eight seconds.
    let script = "i=0; while [ $i -lt 4000 ]; do echo \"beat $i\"; i=$((i+1)); \
                  if [ $((i % 100)) -eq 0 ]; then sleep 0.2; fi; done";
    let config = LogConfiguration::builder()
        .log_driver(LogDriver::Awslogs)
        .options("awslogs-group", "/ecs/killed")
        .options("awslogs-region", "us-east-1")
        .options("awslogs-stream-prefix", "svc")
        .options("awslogs-create-group", "true")
        .build()
        .expect("a log configuration");
    let container = shell_container("app", 64, script)
        .log_configuration(config)
        .build();
    let definition = register(&client, "logs-killed", vec![container]).await;
    let arn = cleanup.track(&start_on(&client, &definition, &instance).await);
    let stream = format!("svc/app/{}", arn.rsplit('/').next().expect("a task ID"));

    wait_for("the first lines to be shipped", TIMEOUT, || async {
        (stream_messages(&logs, "/ecs/killed", &stream).await.len() >= 400).then_some(())
    })
    .await;
    agent.kill();
    // The container writes on while no agent ships: wait until it has written a few
    // hundred more lines than were stored when the agent died.
    let stored = stream_messages(&logs, "/ecs/killed", &stream).await.len();
    let container_id = wait_for("the container's ID", TIMEOUT, || async {
        let out = client.describe_tasks().tasks(&arn).send().await.ok()?;
        out.tasks()
            .first()?
            .containers()
            .first()?
            .runtime_id()
            .map(str::to_owned)
    })
    .await;
    wait_for("lines written while the agent is dead", TIMEOUT, || async {
        (docker_log_lines(&container_id) >= stored + 500).then_some(())
    })
    .await;

    let _agent = server.agent("agent", "docker", "logs", Some(&token));
    let messages = wait_for(
        "every line in the stream",
        Duration::from_secs(90),
        || async {
            let messages = stream_messages(&logs, "/ecs/killed", &stream).await;
            (messages.len() >= 4000).then_some(messages)
        },
    )
    .await;
    let expected: Vec<String> = (0..4000).map(|i| format!("beat {i}")).collect();
    assert_eq!(messages.len(), 4000, "no line twice");
    assert_eq!(messages, expected, "no line lost, in order");
}
