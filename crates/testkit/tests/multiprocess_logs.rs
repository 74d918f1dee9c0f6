//! `awslogs` shipping across a `kill -9` of a real `berth agent` process: one container
//! keeps writing while the agent is dead, another writes its last lines and exits while
//! the agent is dead; once a new agent process starts on the same data directory every
//! line of both is in its stream exactly once, in order, and stays so after both tasks
//! have stopped (nothing shipped twice late). The server is a `berth
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
use multihost_support::{
    connected_instances, last_status, start_on, wait_running, ServerProc, TIMEOUT,
};

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
        .log_configuration(config.clone())
        .build();
    let definition = register(&client, "logs-killed", vec![container]).await;
    let arn = cleanup.track(&start_on(&client, &definition, &instance).await);
    let stream = format!("svc/app/{}", arn.rsplit('/').next().expect("a task ID"));
    // A container that waits for a signal file, writes 1,000 lines and a last one, and
    // exits: released only once the agent is dead, so its last lines and its exit happen
    // while no agent watches.
    let ending_script = "while [ ! -e /go ]; do usleep 20000; done; i=0; \
                         while [ $i -lt 1000 ]; do echo \"end $i\"; i=$((i+1)); done; \
                         echo 'last words'";
    let ending = shell_container("app", 64, ending_script)
        .log_configuration(config)
        .build();
    let ending_definition = register(&client, "logs-killed-ending", vec![ending]).await;
    let ending_arn = cleanup.track(&start_on(&client, &ending_definition, &instance).await);
    let ending_stream = format!(
        "svc/app/{}",
        ending_arn.rsplit('/').next().expect("a task ID")
    );

    wait_for("the first lines to be shipped", TIMEOUT, || async {
        (stream_messages(&logs, "/ecs/killed", &stream).await.len() >= 400).then_some(())
    })
    .await;
    wait_running(&client, &ending_arn).await;
    let container_id = runtime_id_of(&client, &arn).await;
    let ending_id = runtime_id_of(&client, &ending_arn).await;
    agent.kill();
    // The container writes on while no agent ships: wait until it has written a few
    // hundred more lines than were stored when the agent died.
    let stored = stream_messages(&logs, "/ecs/killed", &stream).await.len();
    docker(&["exec", &ending_id, "touch", "/go"]);
    wait_for("lines written while the agent is dead", TIMEOUT, || async {
        (docker_log_lines(&container_id) >= stored + 500).then_some(())
    })
    .await;
    wait_for("the other container to exit", TIMEOUT, || async {
        (docker(&["inspect", "-f", "{{.State.Running}}", &ending_id]).trim() == "false")
            .then_some(())
    })
    .await;
    assert_eq!(
        stream_messages(&logs, "/ecs/killed", &ending_stream).await,
        Vec::<String>::new(),
        "nothing of the exited container was shipped before the new agent started"
    );

    let _agent = server.agent("agent", "docker", "logs", Some(&token));
    let expected: Vec<String> = (0..4000).map(|i| format!("beat {i}")).collect();
    let ending_expected: Vec<String> = (0..1000)
        .map(|i| format!("end {i}"))
        .chain(["last words".to_owned()])
        .collect();
    for (stream, expected) in [(&stream, &expected), (&ending_stream, &ending_expected)] {
        let messages = wait_for(
            &format!("every line in {stream}"),
            Duration::from_secs(90),
            || async {
                let messages = stream_messages(&logs, "/ecs/killed", stream).await;
                (messages.len() >= expected.len()).then_some(messages)
            },
        )
        .await;
        assert_eq!(messages.len(), expected.len(), "{stream}: no line twice");
        assert_eq!(&messages, expected, "{stream}: no line lost, in order");
    }
    // Once both tasks have stopped, their followers have read to the end: still once.
    for task in [&arn, &ending_arn] {
        wait_for(&format!("{task} to stop"), TIMEOUT, || async {
            (last_status(&client, task).await == "STOPPED").then_some(())
        })
        .await;
    }
    assert_eq!(
        stream_messages(&logs, "/ecs/killed", &stream).await,
        expected
    );
    assert_eq!(
        stream_messages(&logs, "/ecs/killed", &ending_stream).await,
        ending_expected
    );
}

/// The ID of the task's first container, once it has one.
async fn runtime_id_of(client: &aws_sdk_ecs::Client, task_arn: &str) -> String {
    wait_for("the container's ID", TIMEOUT, || async {
        let out = client.describe_tasks().tasks(task_arn).send().await.ok()?;
        out.tasks()
            .first()?
            .containers()
            .first()?
            .runtime_id()
            .map(str::to_owned)
    })
    .await
}
