//! End-to-end tests of tasks on real Docker containers, driven only through the ECS API
//! (`aws-sdk-ecs`) of a real server with a real Docker agent, and checked against what
//! Docker itself reports (`docker inspect`, `docker exec`, TCP connections).
//!
//! Covered: a task's container and its limits, labels and environment; reserved
//! resources; essential and non-essential exits; `dependsOn` (SUCCESS, HEALTHY); dynamic
//! host ports; StopTask's SIGTERM-then-SIGKILL; placement failures on the one host; and
//! the agent's cleanup of stopped tasks' containers.
//!
//! Each test runs its own cluster, and a [`DockerCleanup`] guard removes every container
//! of its instance, even when the test fails.

use std::time::{Duration, Instant};

use aws_sdk_ecs::types::{
    ContainerCondition, ContainerDependency, HealthCheck, HealthStatus, KeyValuePair, PortMapping,
    Task, TaskStopCode, TransportProtocol,
};
use berth_testkit::fixtures::{describe, register, run_one, runtime_id, shell_container};
use berth_testkit::{
    docker, docker_available, docker_inspect, docker_ps_label, docker_time_nanos, wait_for,
    AgentKind, DockerCleanup, Options, TestCluster,
};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const MIB: i64 = 1024 * 1024;
const TIMEOUT: Duration = Duration::from_secs(60);
const INSTANCE_LABEL: &str = "com.berth.container-instance-arn";

/// A cluster with a Docker agent and a guard that removes its instance's containers.
async fn docker_cluster(options: Options) -> (TestCluster, DockerCleanup) {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Docker,
        ..options
    })
    .await;
    let instances = cluster.wait_for_instances(1).await;
    (cluster, DockerCleanup::new(instances))
}

/// The one instance's resource `name` (remaining or registered).
async fn instance_resource(cluster: &TestCluster, name: &str, remaining: bool) -> i32 {
    let arns = cluster
        .client
        .list_container_instances()
        .send()
        .await
        .expect("ListContainerInstances");
    let out = cluster
        .client
        .describe_container_instances()
        .set_container_instances(Some(arns.container_instance_arns().to_vec()))
        .send()
        .await
        .expect("DescribeContainerInstances");
    let instance = out
        .container_instances()
        .first()
        .expect("one container instance");
    let resources = if remaining {
        instance.remaining_resources()
    } else {
        instance.registered_resources()
    };
    resources
        .iter()
        .find(|r| r.name() == Some(name))
        .unwrap_or_else(|| panic!("no {name} resource in {resources:?}"))
        .integer_value()
}

fn container<'a>(task: &'a Task, name: &str) -> &'a aws_sdk_ecs::types::Container {
    task.containers()
        .iter()
        .find(|c| c.name() == Some(name))
        .unwrap_or_else(|| panic!("no container {name} in {task:?}"))
}

fn inspect(id: &str) -> Value {
    docker_inspect(id).unwrap_or_else(|| panic!("container {id} does not exist"))
}

fn state_time(inspected: &Value, field: &str) -> i128 {
    docker_time_nanos(
        inspected["State"][field]
            .as_str()
            .expect("a Docker timestamp"),
    )
}

/// Waits until `docker top` shows `needle` among the container's processes, so that the
/// shell got past its `trap` before the test signals it.
async fn wait_for_process(id: &str, needle: &str) {
    wait_for(
        &format!("{needle:?} in container {id}"),
        TIMEOUT,
        || async move { docker(&["top", id]).contains(needle).then_some(()) },
    )
    .await;
}

async fn stop_task(cluster: &TestCluster, task_arn: &str) -> Task {
    cluster
        .client
        .stop_task()
        .task(task_arn)
        .reason("test")
        .send()
        .await
        .expect("StopTask");
    cluster
        .wait_for_task_status(task_arn, "STOPPED", TIMEOUT)
        .await
}

#[tokio::test]
async fn task_runs_in_a_docker_container_with_its_limits_labels_and_environment() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let memory_before = instance_resource(&cluster, "MEMORY", true).await;
    let app = shell_container("app", 48, "sleep 1000")
        .environment(
            KeyValuePair::builder()
                .name("FOO")
                .value("bar from berth")
                .build(),
        )
        .build();
    let def = register(&cluster.client, "docker-basic", vec![app]).await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );

    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    assert_eq!(container(&task, "app").last_status(), Some("RUNNING"));
    let id = runtime_id(&task, "app");
    let inspected = inspect(&id);
    assert_eq!(
        inspected["State"]["Running"],
        Value::Bool(true),
        "{inspected}"
    );
    assert_eq!(
        inspected["Config"]["Labels"]["com.berth.task-arn"].as_str(),
        Some(arn.as_str())
    );
    assert_eq!(inspected["HostConfig"]["Memory"].as_i64(), Some(48 * MIB));
    // The image has no `printenv`; `env` shows the process environment just the same.
    let environment = docker(&["exec", &id, "env"]);
    assert!(
        environment.lines().any(|line| line == "FOO=bar from berth"),
        "FOO is missing from the container's environment:\n{environment}"
    );
    assert_eq!(
        instance_resource(&cluster, "MEMORY", true).await,
        memory_before - 48
    );

    let stopped = stop_task(&cluster, &arn).await;
    assert_eq!(stopped.stop_code(), Some(&TaskStopCode::UserInitiated));
    assert_eq!(
        instance_resource(&cluster, "MEMORY", true).await,
        memory_before,
        "a stopped task frees its memory"
    );
}

#[tokio::test]
async fn essential_container_exit_code_stops_the_task() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let def = register(
        &cluster.client,
        "docker-exit",
        vec![shell_container("app", 16, "exit 3").build()],
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
        Some(&TaskStopCode::EssentialContainerExited),
        "{task:?}"
    );
    let app = container(&task, "app");
    assert_eq!(app.exit_code(), Some(3), "{app:?}");
    assert_eq!(app.last_status(), Some("STOPPED"));
    // The container stays (the default cleanup wait is long) and Docker agrees.
    let inspected = inspect(&runtime_id(&task, "app"));
    assert_eq!(inspected["State"]["ExitCode"].as_i64(), Some(3));
}

#[tokio::test]
async fn non_essential_sidecar_exit_keeps_the_task_running() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let def = register(
        &cluster.client,
        "docker-sidecar",
        vec![
            shell_container("app", 16, "sleep 1000").build(),
            shell_container("sidecar", 16, "exit 0")
                .essential(false)
                .build(),
        ],
    )
    .await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );

    // The agent decides to stop in the same step in which it sees a container exit, so a
    // report showing the sidecar exited while the task runs means the task will not stop.
    let client = cluster.client.clone();
    let task = wait_for("the sidecar to have exited", TIMEOUT, || {
        let (client, arn) = (client.clone(), arn.clone());
        async move {
            let task = describe(&client, &arn).await;
            (container(&task, "sidecar").last_status() == Some("STOPPED")).then_some(task)
        }
    })
    .await;
    assert_eq!(container(&task, "sidecar").exit_code(), Some(0));
    assert_eq!(task.last_status(), Some("RUNNING"), "{task:?}");
    assert_eq!(container(&task, "app").last_status(), Some("RUNNING"));
    assert_eq!(
        inspect(&runtime_id(&task, "app"))["State"]["Running"],
        Value::Bool(true)
    );

    let stopped = stop_task(&cluster, &arn).await;
    assert_eq!(
        stopped.stop_code(),
        Some(&TaskStopCode::UserInitiated),
        "{stopped:?}"
    );
}

#[tokio::test]
async fn depends_on_success_starts_after_the_dependency_succeeded() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let dependency = ContainerDependency::builder()
        .container_name("init")
        .condition(ContainerCondition::Success)
        .build()
        .expect("a dependency");
    let def = register(
        &cluster.client,
        "docker-depends-success",
        vec![
            shell_container("init", 16, "sleep 1; exit 0")
                .essential(false)
                .build(),
            shell_container("app", 16, "sleep 1000")
                .depends_on(dependency)
                .build(),
        ],
    )
    .await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );

    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let init = inspect(&runtime_id(&task, "init"));
    let app = inspect(&runtime_id(&task, "app"));
    assert_eq!(init["State"]["ExitCode"].as_i64(), Some(0), "{init}");
    assert_eq!(init["State"]["Running"], Value::Bool(false));
    assert!(
        state_time(&app, "StartedAt") >= state_time(&init, "FinishedAt"),
        "app started at {} before init finished at {}",
        app["State"]["StartedAt"],
        init["State"]["FinishedAt"]
    );
    assert!(state_time(&init, "FinishedAt") - state_time(&init, "StartedAt") >= 900_000_000);
    assert_eq!(container(&task, "init").exit_code(), Some(0));
    stop_task(&cluster, &arn).await;
}

#[tokio::test]
async fn depends_on_healthy_starts_after_the_dependency_is_healthy() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let health = HealthCheck::builder()
        .command("CMD-SHELL")
        .command("true")
        .interval(5)
        .timeout(2)
        .retries(3)
        .start_period(0)
        .build()
        .expect("a health check");
    let dependency = ContainerDependency::builder()
        .container_name("db")
        .condition(ContainerCondition::Healthy)
        .build()
        .expect("a dependency");
    let def = register(
        &cluster.client,
        "docker-depends-healthy",
        vec![
            shell_container("db", 16, "sleep 1000")
                .health_check(health)
                .build(),
            shell_container("web", 16, "sleep 1000")
                .depends_on(dependency)
                .build(),
        ],
    )
    .await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );

    cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let client = cluster.client.clone();
    let task = wait_for("db to be reported HEALTHY", TIMEOUT, || {
        let (client, arn) = (client.clone(), arn.clone());
        async move {
            let task = describe(&client, &arn).await;
            (container(&task, "db").health_status() == Some(&HealthStatus::Healthy)).then_some(task)
        }
    })
    .await;
    assert_eq!(
        task.health_status(),
        Some(&HealthStatus::Healthy),
        "the essential db decides the task's health"
    );
    let db = inspect(&runtime_id(&task, "db"));
    let web = inspect(&runtime_id(&task, "web"));
    assert_eq!(web["State"]["Running"], Value::Bool(true));
    let first_healthy = db["State"]["Health"]["Log"]
        .as_array()
        .expect("a health log")
        .iter()
        .filter(|entry| entry["ExitCode"].as_i64() == Some(0))
        .map(|entry| docker_time_nanos(entry["End"].as_str().expect("an end time")))
        .min()
        .expect("a successful health check");
    assert!(
        state_time(&web, "StartedAt") >= first_healthy,
        "web started at {} before db's first successful health check ended ({first_healthy} ns)",
        web["State"]["StartedAt"]
    );
    stop_task(&cluster, &arn).await;
}

/// Sends `GET /` to 127.0.0.1:`port` and returns the whole response.
async fn http_get(port: u16) -> Option<String> {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .ok()?;
        stream
            .write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
            .await
            .ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).await.ok()?;
        Some(response)
    };
    tokio::time::timeout(Duration::from_secs(5), exchange)
        .await
        .ok()
        .flatten()
}

#[tokio::test]
async fn dynamic_host_port_is_reported_and_answers() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let web = shell_container(
        "web",
        16,
        "mkdir -p /www && echo hello-from-berth > /www/index.html && exec httpd -f -p 80 -h /www",
    )
    .port_mappings(
        PortMapping::builder()
            .container_port(80)
            .host_port(0)
            .protocol(TransportProtocol::Tcp)
            .build(),
    )
    .build();
    let def = register(&cluster.client, "docker-web", vec![web]).await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );

    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let bindings = container(&task, "web").network_bindings();
    assert!(!bindings.is_empty(), "no network bindings in {task:?}");
    for binding in bindings {
        assert_eq!(binding.container_port(), Some(80), "{bindings:?}");
        assert_eq!(
            binding.protocol(),
            Some(&TransportProtocol::Tcp),
            "{bindings:?}"
        );
        assert!(
            binding.host_port().is_some_and(|p| p > 0),
            "every host port must be assigned: {bindings:?}"
        );
    }
    // Docker allocates the IPv4 and IPv6 host ports separately, so under concurrent
    // starts they can differ; the IPv4 one is what 127.0.0.1 answers on.
    let binding = bindings
        .iter()
        .find(|b| b.bind_ip().is_some_and(|ip| !ip.contains(':')))
        .unwrap_or_else(|| panic!("no IPv4 binding in {bindings:?}"));
    let host_port = binding.host_port().expect("a host port");
    let port = u16::try_from(host_port).expect("a port");
    let response = wait_for(
        &format!("HTTP on 127.0.0.1:{port}"),
        TIMEOUT,
        || async move {
            http_get(port)
                .await
                .filter(|r| r.contains("hello-from-berth"))
        },
    )
    .await;
    assert!(response.starts_with("HTTP/1."), "{response}");
    stop_task(&cluster, &arn).await;
}

#[tokio::test]
async fn stop_task_kills_a_container_that_ignores_sigterm_after_its_stop_timeout() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let app = shell_container("app", 16, "trap '' TERM; sleep 1000")
        .stop_timeout(2)
        .build();
    let def = register(&cluster.client, "docker-stubborn", vec![app]).await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let id = runtime_id(&task, "app");
    wait_for_process(&id, "sleep 1000").await;

    let started = Instant::now();
    let stopped = stop_task(&cluster, &arn).await;
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(1900),
        "stopped after {took:?}, before the 2 s stopTimeout"
    );
    assert!(
        took < Duration::from_secs(10),
        "stopped after {took:?}: the 2 s stopTimeout was not used"
    );
    assert_eq!(
        stopped.stop_code(),
        Some(&TaskStopCode::UserInitiated),
        "{stopped:?}"
    );
    assert_eq!(
        container(&stopped, "app").exit_code(),
        Some(137),
        "{stopped:?}"
    );
    assert_eq!(inspect(&id)["State"]["ExitCode"].as_i64(), Some(137));
}

#[tokio::test]
async fn stop_task_lets_a_container_exit_on_sigterm() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let script = "trap 'exit 0' TERM; while true; do sleep 0.1; done";
    let app = shell_container("app", 16, script).stop_timeout(10).build();
    let def = register(&cluster.client, "docker-polite", vec![app]).await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let id = runtime_id(&task, "app");
    wait_for_process(&id, "sleep 0.1").await;

    let started = Instant::now();
    let stopped = stop_task(&cluster, &arn).await;
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(6),
        "took {took:?}: SIGTERM should stop it well before the 10 s stopTimeout"
    );
    assert_eq!(
        stopped.stop_code(),
        Some(&TaskStopCode::UserInitiated),
        "{stopped:?}"
    );
    assert_eq!(
        container(&stopped, "app").exit_code(),
        Some(0),
        "{stopped:?}"
    );
}

#[tokio::test]
async fn placement_fails_on_memory_and_on_a_taken_host_port() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup) = docker_cluster(Options::default()).await;
    let instance = cluster.wait_for_instances(1).await.remove(0);

    let host_memory = instance_resource(&cluster, "MEMORY", false).await;
    let huge = shell_container("app", host_memory + 1024, "sleep 1000").build();
    let def = register(&cluster.client, "docker-huge", vec![huge]).await;
    let out = cluster
        .client
        .run_task()
        .task_definition(&def)
        .send()
        .await
        .expect("RunTask");
    assert!(out.tasks().is_empty(), "{:?}", out.tasks());
    assert_eq!(out.failures().len(), 1, "{:?}", out.failures());
    assert_eq!(
        out.failures()[0].reason(),
        Some("RESOURCE:MEMORY"),
        "{:?}",
        out.failures()
    );

    // A port nothing listens on now, for the static mapping.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("an address")
        .port();
    let web = shell_container("web", 16, "exec httpd -f -p 80 -h /")
        .port_mappings(
            PortMapping::builder()
                .container_port(80)
                .host_port(i32::from(port))
                .build(),
        )
        .build();
    let def = register(&cluster.client, "docker-static-port", vec![web]).await;
    let first = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    let out = cluster
        .client
        .run_task()
        .task_definition(&def)
        .send()
        .await
        .expect("RunTask");
    for task in out.tasks() {
        cleanup.track(task.task_arn().unwrap_or_default());
    }
    assert!(out.tasks().is_empty(), "{:?}", out.tasks());
    assert_eq!(out.failures().len(), 1, "{:?}", out.failures());
    assert_eq!(
        out.failures()[0].reason(),
        Some("RESOURCE:PORTS"),
        "{:?}",
        out.failures()
    );

    let task = cluster
        .wait_for_task_status(&first, "RUNNING", TIMEOUT)
        .await;
    let bindings = container(&task, "web").network_bindings();
    assert!(
        bindings
            .iter()
            .any(|b| b.host_port() == Some(i32::from(port))),
        "{bindings:?}"
    );
    let listed = cluster.client.list_tasks().send().await.expect("ListTasks");
    assert_eq!(
        listed.task_arns(),
        std::slice::from_ref(&first),
        "only the placed task exists"
    );
    assert_eq!(
        docker_ps_label(INSTANCE_LABEL, &instance),
        [runtime_id(&task, "web")],
        "one container on the host"
    );
    stop_task(&cluster, &first).await;
}

#[tokio::test]
async fn agent_removes_stopped_task_containers_after_the_cleanup_wait() {
    if !docker_available() {
        return;
    }
    let options = Options {
        task_cleanup_wait: Duration::from_secs(2),
        ..Options::default()
    };
    let (cluster, cleanup) = docker_cluster(options).await;
    let def = register(
        &cluster.client,
        "docker-cleanup",
        vec![shell_container("app", 16, "sleep 1000").build()],
    )
    .await;
    let arn = cleanup.track(
        run_one(&cluster.client, &def)
            .await
            .task_arn()
            .expect("a task ARN"),
    );
    let task = cluster.wait_for_task_status(&arn, "RUNNING", TIMEOUT).await;
    let id = runtime_id(&task, "app");
    assert!(
        docker_inspect(&id).is_some(),
        "container {id} should exist while the task runs"
    );

    stop_task(&cluster, &arn).await;
    wait_for(&format!("container {id} to be removed"), TIMEOUT, || {
        let id = id.clone();
        async move { docker_inspect(&id).is_none().then_some(()) }
    })
    .await;
    assert!(docker_ps_label("com.berth.task-arn", &arn).is_empty());
}
