//! Log drivers with real Docker containers: `awslogs` lines shipped by the agent to the
//! server's CloudWatch Logs API (ECS's stream names, every line in order, the last lines
//! before the container exits, exactly once across an agent restart), a missing log
//! group failing the task as on ECS, and Docker's own drivers configured as given (or
//! failing the task clearly when the host cannot run them).

mod logs_support;

use std::time::Duration;

use aws_sdk_ecs::types::{LogConfiguration, LogDriver};
use berth_testkit::fixtures::{describe, register, run_one, runtime_id, shell_container};
use berth_testkit::{docker_available, docker_inspect, wait_for, DockerCleanup, TestCluster};
use logs_support::{filter_all, logs_client, stream_messages};

const TIMEOUT: Duration = Duration::from_secs(60);

/// An awslogs configuration for `group` with ECS's stream prefix.
fn awslogs(group: &str, prefix: &str, create_group: bool) -> LogConfiguration {
    let mut config = LogConfiguration::builder()
        .log_driver(LogDriver::Awslogs)
        .options("awslogs-group", group)
        .options("awslogs-region", "us-east-1")
        .options("awslogs-stream-prefix", prefix);
    if create_group {
        config = config.options("awslogs-create-group", "true");
    }
    config.build().expect("a log configuration")
}

async fn docker_cluster() -> (TestCluster, DockerCleanup) {
    let cluster = TestCluster::with_docker_agent().await;
    let instances = cluster.wait_for_instances(1).await;
    (cluster, DockerCleanup::new(instances))
}

fn task_id(arn: &str) -> &str {
    arn.rsplit('/').next().expect("a task ID")
}

/// Waits until the stream holds at least `count` events and returns their messages.
async fn wait_for_lines(
    logs: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    stream: &str,
    count: usize,
) -> Vec<String> {
    wait_for(
        &format!("{count} lines in {group}/{stream}"),
        TIMEOUT,
        || async {
            let messages = stream_messages(logs, group, stream).await;
            (messages.len() >= count).then_some(messages)
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_containers_lines_reach_get_and_filter_in_order() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster().await;
    let logs = logs_client(&cluster);
    // 2,000 lines as fast as the shell writes them, one on stderr, and a last line
    // written just before the container exits.
    let script = "i=0; while [ $i -lt 2000 ]; do echo \"line $i\"; i=$((i+1)); done; \
                  echo 'ERROR disk on fire' >&2; echo 'last words'";
    let container = shell_container("app", 64, script)
        .log_configuration(awslogs("/ecs/lines", "web", true))
        .build();
    let definition = register(&cluster.client, "logs-lines", vec![container]).await;
    let task = run_one(&cluster.client, &definition).await;
    let arn = cleanup.track(task.task_arn().expect("a task ARN"));
    let stream = format!("web/app/{}", task_id(&arn));

    let messages = wait_for_lines(&logs, "/ecs/lines", &stream, 2002).await;
    assert_eq!(messages.len(), 2002, "no line twice");
    let stdout: Vec<&str> = messages
        .iter()
        .map(String::as_str)
        .filter(|m| !m.starts_with("ERROR"))
        .collect();
    let expected: Vec<String> = (0..2000)
        .map(|i| format!("line {i}"))
        .chain(["last words".to_owned()])
        .collect();
    assert_eq!(stdout, expected, "stdout lines in the order written");

    let errors = filter_all(&logs, "/ecs/lines", "ERROR").await;
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message(), Some("ERROR disk on fire"));
    assert_eq!(errors[0].log_stream_name(), Some(stream.as_str()));
    let all = filter_all(&logs, "/ecs/lines", "").await;
    assert_eq!(all.len(), 2002);

    // Docker keeps the lines underneath, with its local driver.
    let stopped = cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    let id = runtime_id(&stopped, "app");
    let inspect = docker_inspect(&id).expect("the container");
    assert_eq!(inspect["HostConfig"]["LogConfig"]["Type"], "local");
    // The group was created by `awslogs-create-group`.
    let groups = logs
        .describe_log_groups()
        .log_group_name_prefix("/ecs/lines")
        .send()
        .await
        .expect("DescribeLogGroups");
    assert_eq!(groups.log_groups().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_log_group_fails_the_task_as_on_ecs() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster().await;
    let logs = logs_client(&cluster);
    let container = shell_container("app", 64, "echo never shipped; sleep 60")
        .log_configuration(awslogs("/ecs/missing", "web", false))
        .build();
    let definition = register(&cluster.client, "logs-missing", vec![container]).await;
    let task = run_one(&cluster.client, &definition).await;
    let arn = cleanup.track(task.task_arn().expect("a task ARN"));
    let stopped = cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    assert_eq!(
        stopped.stop_code().map(|c| c.as_str()),
        Some("TaskFailedToStart")
    );
    let reason = stopped.stopped_reason().unwrap_or_default();
    assert!(
        reason.starts_with("CannotStartContainerError")
            && reason.contains("ResourceNotFoundException")
            && reason.contains("/ecs/missing"),
        "{reason}"
    );
    // Nothing was made on the way.
    let groups = logs
        .describe_log_groups()
        .send()
        .await
        .expect("DescribeLogGroups");
    assert!(groups.log_groups().is_empty());

    // Once the group exists, the same definition runs and ships.
    logs.create_log_group()
        .log_group_name("/ecs/missing")
        .send()
        .await
        .expect("CreateLogGroup");
    let task = run_one(&cluster.client, &definition).await;
    let arn = cleanup.track(task.task_arn().expect("a task ARN"));
    let stream = format!("web/app/{}", task_id(&arn));
    let messages = wait_for_lines(&logs, "/ecs/missing", &stream, 1).await;
    assert_eq!(messages, ["never shipped"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn docker_drivers_are_configured_as_given() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster().await;
    let json = shell_container("json", 64, "echo hi; sleep 60")
        .log_configuration(
            LogConfiguration::builder()
                .log_driver(LogDriver::JsonFile)
                .options("max-size", "1m")
                .options("max-file", "2")
                .options("mode", "non-blocking")
                .build()
                .expect("a log configuration"),
        )
        .build();
    let definition = register(&cluster.client, "logs-json", vec![json]).await;
    let task = run_one(&cluster.client, &definition).await;
    let arn = cleanup.track(task.task_arn().expect("a task ARN"));
    let running = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let inspect = docker_inspect(&runtime_id(&running, "json")).expect("the container");
    let config = &inspect["HostConfig"]["LogConfig"];
    assert_eq!(config["Type"], "json-file");
    assert_eq!(config["Config"]["max-size"], "1m");
    assert_eq!(config["Config"]["max-file"], "2");
    assert_eq!(config["Config"]["mode"], "non-blocking");

    // A syslog server that is not there: Docker cannot start the driver, and the task
    // fails saying so rather than running without its logs.
    let syslog = shell_container("syslog", 64, "echo hi; sleep 60")
        .log_configuration(
            LogConfiguration::builder()
                .log_driver(LogDriver::Syslog)
                .options("syslog-address", "tcp://127.0.0.1:1")
                .build()
                .expect("a log configuration"),
        )
        .build();
    let definition = register(&cluster.client, "logs-syslog", vec![syslog]).await;
    let task = run_one(&cluster.client, &definition).await;
    let arn = cleanup.track(task.task_arn().expect("a task ARN"));
    let stopped = cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    let reason = stopped.stopped_reason().unwrap_or_default();
    assert_eq!(
        stopped.stop_code().map(|c| c.as_str()),
        Some("TaskFailedToStart"),
        "{reason}"
    );
    assert!(reason.contains("logging driver"), "{reason}");
    let container = describe(&cluster.client, &arn).await;
    assert_eq!(
        container.containers()[0].last_status(),
        Some("STOPPED"),
        "{container:?}"
    );
}

/// The agent (and server) stop while the container keeps writing; after they return,
/// every line is in the stream exactly once: none lost, none twice.
#[tokio::test(flavor = "multi_thread")]
async fn lines_survive_an_agent_restart_exactly_once() {
    if !docker_available() {
        return;
    }
    let (mut cluster, cleanup) = docker_cluster().await;
    // 3,000 lines over about six seconds.
    let script = "i=0; while [ $i -lt 3000 ]; do echo \"tick $i\"; i=$((i+1)); \
                  if [ $((i % 100)) -eq 0 ]; then sleep 0.2; fi; done";
    let container = shell_container("app", 64, script)
        .log_configuration(awslogs("/ecs/restart", "svc", true))
        .build();
    let definition = register(&cluster.client, "logs-restart", vec![container]).await;
    let task = run_one(&cluster.client, &definition).await;
    let arn = cleanup.track(task.task_arn().expect("a task ARN"));
    let stream = format!("svc/app/{}", task_id(&arn));
    {
        let logs = logs_client(&cluster);
        wait_for_lines(&logs, "/ecs/restart", &stream, 300).await;
    }
    cluster.restart().await;
    let logs = logs_client(&cluster);
    let messages = wait_for_lines(&logs, "/ecs/restart", &stream, 3000).await;
    let expected: Vec<String> = (0..3000).map(|i| format!("tick {i}")).collect();
    assert_eq!(messages.len(), 3000, "no line twice");
    assert_eq!(messages, expected);
    // Once the task has stopped, its follower has read to the end: still once.
    cluster.wait_for_task_status(&arn, "STOPPED", TIMEOUT).await;
    assert_eq!(
        stream_messages(&logs, "/ecs/restart", &stream).await,
        expected
    );
}

/// Containers that write 100,000 lines and exit at once: Docker 20.10 may end (or stall) a
/// followed read of such a log early; every line must still arrive, once, in order.
#[tokio::test(flavor = "multi_thread")]
async fn a_flood_from_a_container_that_exits_at_once_arrives_whole() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster().await;
    let logs = logs_client(&cluster);
    let container = shell_container("app", 64, "seq 1 100000")
        .log_configuration(awslogs("/ecs/flood", "flood", true))
        .build();
    let definition = register(&cluster.client, "logs-flood", vec![container]).await;
    let mut streams = Vec::new();
    for _ in 0..3 {
        let task = run_one(&cluster.client, &definition).await;
        let arn = cleanup.track(task.task_arn().expect("a task ARN"));
        streams.push(format!("flood/app/{}", task_id(&arn)));
    }
    for stream in &streams {
        let events = wait_for(&format!("100,000 lines in {stream}"), TIMEOUT, || async {
            let last = logs
                .filter_log_events()
                .log_group_name("/ecs/flood")
                .log_stream_names(stream)
                .filter_pattern("100000")
                .send()
                .await
                .ok()?;
            if last.events().is_empty() {
                return None;
            }
            let mut events = Vec::new();
            let mut token = None;
            loop {
                let page = logs
                    .filter_log_events()
                    .log_group_name("/ecs/flood")
                    .log_stream_names(stream)
                    .set_next_token(token)
                    .send()
                    .await
                    .ok()?;
                events.extend(
                    page.events()
                        .iter()
                        .filter_map(|e| e.message().map(str::to_owned)),
                );
                token = page.next_token().map(str::to_owned);
                if token.is_none() {
                    return Some(events);
                }
            }
        })
        .await;
        assert_eq!(events.len(), 100_000, "{stream}: every line, once");
        assert!(
            events
                .iter()
                .enumerate()
                .all(|(i, line)| *line == (i + 1).to_string()),
            "{stream}: in order"
        );
    }
}
